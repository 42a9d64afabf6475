"""Every organisation page has a way to make contact: the relay to its contact person, or,
where there is none, a message to the secretariat that names the organisation."""

import pytest
from django.core import mail
from django.core.cache import cache

from members.models import ContactMessage
from members.privacy import export_organisation
from tests.directory.factories import organisation
from tests.members.test_contact import message_data

pytestmark = pytest.mark.django_db

SECRETARIAT = "sekretariat-hemlig@klimatradet.example"


@pytest.fixture(autouse=True)
def secretariat_address(settings):
    settings.SECRETARIAT_EMAIL = SECRETARIAT
    cache.clear()  # rate limits


@pytest.fixture
def unreachable(directory_index):
    """A listed organisation without a contact person."""
    page = organisation(directory_index, title="Fjällbuss & Co AB", slug="fjallbuss-ab")
    page.save_revision().publish()
    return page


def test_an_organisation_without_contact_person_offers_the_secretariat(client, unreachable):
    html = client.get(unreachable.url).content.decode()
    assert "Kontakta sekretariatet om den här organisationen" in html
    assert f'href="/kontakta/{unreachable.pk}/sekretariatet/"' in html
    assert f'href="/kontakta/{unreachable.pk}/"' not in html
    assert SECRETARIAT not in html


def test_an_organisation_with_a_contact_person_offers_the_relay(client, org):
    html = client.get(org.url).content.decode()
    assert f'href="/kontakta/{org.pk}/"' in html
    assert "Kontakta sekretariatet om den här organisationen" not in html


def test_the_message_reaches_the_secretariat_with_the_organisation_named(client, unreachable):
    form = client.get(f"/kontakta/{unreachable.pk}/sekretariatet/")
    assert form.status_code == 200
    form_html = form.content.decode()
    assert "Kontakta sekretariatet om Fjällbuss &amp; Co AB" in form_html
    assert SECRETARIAT not in form_html
    assert "no-store" in form["Cache-Control"]

    response = client.post(f"/kontakta/{unreachable.pk}/sekretariatet/", message_data())
    assert response.status_code == 303
    # The same receipt page as the contact form's: what was sent, and where it went.
    assert response["Location"].startswith(f"/kontakta/{unreachable.pk}/skickat/")
    [delivered] = mail.outbox  # no copy to the sender
    assert delivered.to == [SECRETARIAT]
    assert delivered.reply_to == ["Lisa Strand <lisa@frostviken.example>"]
    assert "Fjällbuss & Co AB" in delivered.subject
    assert "Frostviken Fastigheter AB" in delivered.subject
    assert "Lisa Strand på Frostviken Fastigheter AB" in delivered.body
    assert "om Fjällbuss & Co AB" in delivered.body
    assert "har ingen kontaktperson" in delivered.body
    assert "http://localhost/samarbetspartner/fjallbuss-ab/" in delivered.body
    assert f"/admin/pages/{unreachable.pk}/edit/" in delivered.body
    assert "Vi vill köpa biogas" in delivered.body
    assert "Vi vill köpa biogas" in delivered.alternatives[0].content

    stored = ContactMessage.objects.get()
    assert stored.organisation_id == unreachable.pk and stored.to_secretariat
    # The organisation never sees what was written to the secretariat about it.
    assert export_organisation(unreachable)["meddelanden_via_kontaktformularet"] == []

    sent = client.get(response["Location"]).content.decode()
    assert "Ditt meddelande om Fjällbuss &amp; Co AB är på väg till rådets sekretariat" in sent
    assert "Du får en kopia" not in sent
    assert "Sekretariatet, om Fjällbuss &amp; Co AB" in sent
    assert SECRETARIAT not in sent


def test_errors_and_spam_send_nothing(client, unreachable):
    url = f"/kontakta/{unreachable.pk}/sekretariatet/"
    response = client.post(url, message_data(message="kort"))
    assert response.status_code == 200
    assert "minst tio tecken" in response.content.decode()
    assert client.post(url, message_data(fax="ja")).status_code == 303
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_the_rate_limit_applies(client, unreachable):
    url = f"/kontakta/{unreachable.pk}/sekretariatet/"
    for i in range(5):
        client.post(url, message_data(), REMOTE_ADDR=f"10.2.0.{i}")
    response = client.post(url, message_data(), REMOTE_ADDR="10.2.0.9")
    assert response.status_code == 429
    assert ContactMessage.objects.count() == 5


def test_only_listed_organisations(client, unreachable):
    from directory.listing_state import delist

    assert client.get("/kontakta/999999/sekretariatet/").status_code == 404
    delist(unreachable, user=None, reason="Test.")
    assert client.get(f"/kontakta/{unreachable.pk}/sekretariatet/").status_code == 404
    response = client.post(f"/kontakta/{unreachable.pk}/sekretariatet/", message_data())
    assert response.status_code == 404
    assert not mail.outbox


def test_the_organisation_page_stays_free_of_cookies(client, unreachable):
    response = client.get(unreachable.url)
    assert not response.cookies
