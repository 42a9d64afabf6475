"""Kontakta: messages reach the contact person; their address never reaches a page."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from directory.models import ContactPerson
from members.models import ContactMessage
from tests.directory.factories import ContactPersonFactory, OpportunityFactory, organisation

pytestmark = pytest.mark.django_db


def message_data(**overrides):
    data = {
        "sender_name": "Lisa Strand",
        "sender_organisation": "Frostviken Fastigheter AB",
        "sender_email": "lisa@frostviken.example",
        "message": "Hej! Vi vill köpa biogas till våra fordon. Kan vi ses?",
        "fax": "",
    }
    data.update(overrides)
    return data


class TestContactForm:
    def test_the_organisation_page_links_to_the_form(self, client, org):
        html = client.get(org.url).content.decode()
        assert f'href="/kontakta/{org.pk}/"' in html
        assert "Kontakta Jämtbiogas AB" in html

    def test_a_message_reaches_the_contact_person_with_reply_to_the_sender(self, client, org):
        form = client.get(f"/kontakta/{org.pk}/")
        assert form.status_code == 200
        assert "Kontakta Jämtbiogas AB" in form.content.decode()
        response = client.post(f"/kontakta/{org.pk}/", message_data())
        assert response.status_code == 303
        assert response["Location"].startswith(f"/kontakta/{org.pk}/skickat/")
        (delivered,) = mail.outbox
        assert delivered.to == ["maria@jamtbiogas.example"]
        assert delivered.reply_to == ["Lisa Strand <lisa@frostviken.example>"]
        assert "Vi vill köpa biogas" in delivered.body
        assert "Frostviken Fastigheter AB" in delivered.subject
        html_part = delivered.alternatives[0].content
        assert "Vi vill köpa biogas" in html_part
        stored = ContactMessage.objects.get()
        assert stored.organisation_id == org.pk and stored.sender_name == "Lisa Strand"

    def test_the_sender_gets_a_receipt_page_and_no_mail(self, client, org):
        """A copy by mail would send any text to any address in the council's name."""
        response = client.post(
            f"/kontakta/{org.pk}/",
            message_data(sender_email="offer@example.se", message="Köp billiga klockor!\nNu."),
        )
        assert [m.to for m in mail.outbox] == [["maria@jamtbiogas.example"]]
        receipt = client.get(response["Location"])
        html = receipt.content.decode()
        assert receipt.status_code == 200 and "no-store" in receipt["Cache-Control"]
        assert "Meddelandet är skickat" in html
        for sent in ["Jämtbiogas AB", "Lisa Strand", "Frostviken Fastigheter AB",
                     "offer@example.se", "Köp billiga klockor!<br>Nu."]:  # fmt: skip
            assert sent in html, sent
        assert "maria@jamtbiogas.example" not in html
        assert "kopia" not in client.get(f"/kontakta/{org.pk}/").content.decode().lower()

    def test_the_receipt_needs_its_signed_link_and_expires(self, client, org, monkeypatch):
        location = client.post(f"/kontakta/{org.pk}/", message_data())["Location"]
        stored = ContactMessage.objects.get()
        for path in [f"/kontakta/{org.pk}/skickat/{stored.pk}/", location[:-3] + "xyz/"]:
            assert client.get(path).status_code == 404, path
        later = timezone.now() + datetime.timedelta(hours=1, minutes=1)
        monkeypatch.setattr("time.time", lambda: later.timestamp())
        expired = client.get(location)
        assert expired.status_code == 410
        assert "Vi vill köpa biogas" not in expired.content.decode()

    def test_html_in_messages_is_escaped_in_the_html_mail(self, client, org):
        client.post(
            f"/kontakta/{org.pk}/", message_data(message="<script>alert(1)</script> hej hej")
        )
        html_part = mail.outbox[0].alternatives[0].content
        assert "<script>" not in html_part and "&lt;script&gt;" in html_part

    def test_an_opportunity_has_its_own_form(self, client, org, directory_index):
        item = OpportunityFactory(organisation=org, title="Vi söker rötrest")
        page_html = client.get(
            f"/samarbetspartner/mojligheter/{item.pk}-{item.slug}/"
        ).content.decode()
        assert f'href="/kontakta/{org.pk}/mojlighet/{item.pk}/"' in page_html
        response = client.post(f"/kontakta/{org.pk}/mojlighet/{item.pk}/", message_data())
        assert response.status_code == 303
        assert "Vi söker rötrest" in mail.outbox[0].subject
        assert ContactMessage.objects.get().opportunity == item

    def test_errors_re_render_with_values_kept(self, client, org):
        response = client.post(
            f"/kontakta/{org.pk}/", message_data(sender_email="nej", message="kort")
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Formuläret har 2 fel" in html
        assert "minst tio tecken" in html
        assert 'value="Lisa Strand"' in html
        assert not ContactMessage.objects.exists() and not mail.outbox

    def test_a_header_injection_is_refused(self, client, org):
        client.post(f"/kontakta/{org.pk}/", message_data(sender_name="Lisa\nBcc: x@y.se"))
        assert not ContactMessage.objects.exists() and not mail.outbox

    def test_the_honeypot_stores_and_sends_nothing(self, client, org):
        response = client.post(f"/kontakta/{org.pk}/", message_data(fax="ja"))
        assert response.status_code == 303
        assert not ContactMessage.objects.exists() and not mail.outbox

    def test_rate_limits_per_sender_and_per_ip(self, client, org):
        cache.clear()
        for i in range(5):
            client.post(f"/kontakta/{org.pk}/", message_data(), REMOTE_ADDR=f"10.1.0.{i}")
        response = client.post(f"/kontakta/{org.pk}/", message_data(), REMOTE_ADDR="10.1.0.9")
        assert response.status_code == 429
        assert "många meddelanden på kort tid" in response.content.decode()
        assert ContactMessage.objects.count() == 5
        cache.clear()
        for i in range(10):
            client.post(f"/kontakta/{org.pk}/", message_data(sender_email=f"a{i}@example.se"))
        response = client.post(f"/kontakta/{org.pk}/", message_data(sender_email="ny@example.se"))
        assert response.status_code == 429
        assert ContactMessage.objects.count() == 15

    @pytest.mark.parametrize("path", ["/kontakta/999999/", "/kontakta/{org}/mojlighet/999999/"])
    def test_unknown_ids_are_404(self, client, org, path):
        assert client.get(path.format(org=org.pk)).status_code == 404

    def test_unlisted_or_unreachable_organisations_cannot_be_contacted(
        self, client, org, directory_index
    ):
        from directory.listing_state import delist

        no_contact = organisation(directory_index, title="Utan Kontakt AB")
        no_contact.save_revision().publish()
        assert client.get(f"/kontakta/{no_contact.pk}/").status_code == 404
        assert (
            f'href="/kontakta/{no_contact.pk}/"' not in client.get(no_contact.url).content.decode()
        )
        delist(org, user=None, reason="Test.")
        assert client.get(f"/kontakta/{org.pk}/").status_code == 404
        assert client.post(f"/kontakta/{org.pk}/", message_data()).status_code == 404
        ContactPerson.objects.filter(organisation=org).update(email="borttagen-1@invalid.invalid")
        assert not mail.outbox


class TestNoAddressLeaks:
    @pytest.fixture
    def directory(self, directory_index):
        made = []
        for i in range(4):
            page = organisation(
                directory_index, title=f"Läckfri {i} AB", offers=["biogas"], seeks=["solenergi"]
            )
            page.save_revision().publish()
            ContactPersonFactory(
                organisation=page,
                name=f"Person {i}",
                email=f"hemlig{i}@hemlig-adress.example",
                publish_name=i % 2 == 0,
            )
            OpportunityFactory(organisation=page, title=f"Behov {i}")
            made.append(page)
        return made

    def test_no_contact_address_appears_in_any_page_the_api_or_exports(
        self, client, directory, directory_index
    ):
        paths = ["/", "/samarbetspartner/", "/samarbetspartner/?q=biogas",
                 "/samarbetspartner/mojligheter/", "/samarbetspartner/mojligheter/rss/",
                 "/samarbetspartner/csv/", "/sitemap.xml", "/sok/?q=biogas",
                 "/api/v1/directory/organisations/", "/api/v1/directory/opportunities/",
                 "/api/v1/directory/openapi.json"]  # fmt: skip
        for page in directory:
            paths += [page.url, f"/kontakta/{page.pk}/", f"/kontakta/{page.pk}/skickat/"]
            item = page.opportunities.get()
            paths += [
                f"/samarbetspartner/mojligheter/{item.pk}-{item.slug}/",
                f"/kontakta/{page.pk}/mojlighet/{item.pk}/",
                f"/api/v1/directory/organisations/{page.pk}/",
            ]
        addresses = list(ContactPerson.objects.values_list("email", flat=True))
        assert len(addresses) == 4
        checked = 0
        for path in paths:
            response = client.get(path)
            if response.status_code == 404:
                continue
            body = (
                b"".join(response.streaming_content) if response.streaming else response.content
            ).decode()
            checked += 1
            for address in addresses:
                assert address not in body, f"{address} leaks on {path}"
                assert address.split("@")[0] not in body, f"{address} (local part) on {path}"
        assert checked >= 20
        # Names are public only with consent.
        assert "Person 0" in client.get(directory[0].url).content.decode()
        assert "Person 1" not in client.get(directory[1].url).content.decode()


class TestCookies:
    def test_directory_pages_set_no_cookies_even_with_the_contact_link(self, client, org):
        item = OpportunityFactory(organisation=org)
        for path in [org.url, f"/samarbetspartner/mojligheter/{item.pk}-{item.slug}/"]:
            response = client.get(path)
            assert response.status_code == 200
            assert not response.cookies, f"{path} set {list(response.cookies)}"

    def test_the_contact_form_sets_only_the_csrf_cookie(self, client, org):
        response = client.get(f"/kontakta/{org.pk}/")
        assert set(response.cookies) == {"csrftoken"}
        assert response.cookies["csrftoken"]["samesite"] == "Lax"
        assert "no-store" in response["Cache-Control"]

    def test_sending_a_message_starts_no_session(self, client, org):
        response = client.post(f"/kontakta/{org.pk}/", message_data())
        assert "sessionid" not in response.cookies
        response = client.get(response["Location"])
        assert "Vi vill köpa biogas" in response.content.decode(), "the receipt"
        assert "sessionid" not in response.cookies

    def test_a_logged_in_member_has_only_session_and_csrf_cookies(self, client, member, org):
        from tests.members.conftest import PASSWORD

        client.get("/min-organisation/logga-in/")
        response = client.post(
            "/min-organisation/logga-in/", {"email": member.email, "password": PASSWORD}
        )
        client.post(f"/min-organisation/{org.pk}/bekrafta/")  # a message is added
        assert set(client.cookies) == {"csrftoken", "sessionid"}
        session = client.cookies["sessionid"]
        assert session["httponly"] and session["samesite"] == "Lax"
        assert response.status_code == 303
