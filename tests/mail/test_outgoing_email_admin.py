"""Medlemmar › Utgående e-post: what was sent to whom and how it went, the text for the
secretariat (never a relayed message or a sign-in link), "Skicka igen", and nothing that
can be edited by hand."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client

from mail import outbox
from mail.models import EmailStatus, OutgoingEmail

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/mail/outgoingemail/"


def denied(response) -> bool:
    """Wagtail answers a view a user may not use with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


def inspect_url(email):
    return f"{LIST}inspect/{email.pk}/"


def resend_url(email):
    return f"/admin/e-post/{email.pk}/skicka-igen/"


@pytest.fixture
def failed(settings):
    """A rejection letter the mail server refused six times."""
    settings.MAILERS = {"default": {"BACKEND": "tests.mail.mail_backends.FailingBackend"}}
    email = outbox.queue_email(
        "members/email/application_rejected",
        to="oskar@hackas-trahus.example",
        context={"application": None, "reason": "Verksamheten ligger utanför länet."},
    )
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.FAILED, attempts=6, next_attempt_at=None
    )
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox.clear()
    email.refresh_from_db()
    return email


@pytest.fixture
def welcome():
    return outbox.queue_email(
        "members/email/password_reset",
        to="maria@jamtbiogas.example",
        context={"user": None, "link": "https://klimatradet.example/losenord/hemlig-nyckel/"},
        recipient_only=True,
    )


@pytest.fixture
def secretariat_client(secretary):
    client = Client()
    client.force_login(secretary)
    return client


@pytest.fixture
def superuser_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("admin", "a@x.se", "pw"))
    return client


@pytest.fixture
def reader_client(django_user_model):
    """Staff who may see the list, but neither read the text nor send again."""
    group = Group.objects.create(name="Läsare")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingemail"),
    )
    user = django_user_model.objects.create_user("lasare", password="pw-las-12345")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_recipient_subject_status_attempts_and_last_error(
    failed, secretariat_client
):
    html = secretariat_client.get(LIST).content.decode()
    assert "oskar@hackas-trahus.example" in html
    assert failed.subject in html
    assert "Misslyckades" in html
    assert ">6<" in html.replace(" ", "").replace("\n", "")
    assert "SMTPServerDisconnected" in html
    assert "Skicka igen" in html


def test_the_secretariat_reads_the_text_others_with_access_do_not(
    failed, secretariat_client, reader_client
):
    html = secretariat_client.get(inspect_url(failed)).content.decode()
    assert "Verksamheten ligger utanför länet." in html
    assert "Skicka igen" in html

    reader = reader_client.get(inspect_url(failed))
    assert reader.status_code == 200
    html = reader.content.decode()
    assert failed.subject in html and "oskar@hackas-trahus.example" in html
    assert "Verksamheten ligger utanför länet." not in html
    assert "Skicka igen" not in html
    assert "Skicka igen" not in reader_client.get(LIST).content.decode()
    assert denied(reader_client.post(resend_url(failed)))
    failed.refresh_from_db()
    assert failed.status == EmailStatus.FAILED and not mail.outbox


def test_a_sign_in_link_is_for_its_recipient_only(welcome, secretariat_client):
    html = secretariat_client.get(inspect_url(welcome)).content.decode()
    assert "hemlig-nyckel" not in html
    assert "bara till för mottagaren" in html


def test_a_password_mail_from_members_is_for_its_recipient_only(django_user_model):
    from members.accounts import send_password_reset

    send_password_reset(django_user_model.objects.create_user("maria", "maria@example.se"))
    assert not OutgoingEmail.objects.get(to="maria@example.se").body_for_staff


@pytest.mark.parametrize("who", ["secretariat_client", "superuser_client"])
def test_nothing_can_be_added_changed_or_deleted_by_hand(request, who, failed):
    client = request.getfixturevalue(who)
    html = client.get(LIST).content.decode()
    assert f"{LIST}edit/" not in html and f"{LIST}add/" not in html
    assert f"{LIST}delete/" not in html
    assert denied(client.get(f"{LIST}add/"))
    assert denied(client.get(f"{LIST}edit/{failed.pk}/"))
    assert denied(client.post(f"{LIST}edit/{failed.pk}/", {"status": EmailStatus.SENT}))
    assert denied(client.post(f"{LIST}delete/{failed.pk}/"))
    failed.refresh_from_db()
    assert failed.status == EmailStatus.FAILED


def test_skicka_igen_sends_a_failed_message_with_fresh_attempts(failed, secretariat_client):
    page = secretariat_client.get(resend_url(failed)).content.decode()
    assert "oskar@hackas-trahus.example" in page and failed.subject in page

    response = secretariat_client.post(resend_url(failed))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == (EmailStatus.SENT, 1, "")
    [message] = mail.outbox
    assert message.to == ["oskar@hackas-trahus.example"]
    assert "Verksamheten ligger utanför länet." in message.body


def test_skicka_igen_sends_a_sent_message_again_and_keeps_the_first_record(
    welcome, secretariat_client
):
    first_sent_at = OutgoingEmail.objects.get(pk=welcome.pk).sent_at
    mail.outbox.clear()

    secretariat_client.post(resend_url(welcome))

    assert len(mail.outbox) == 1 and "hemlig-nyckel" in mail.outbox[0].body
    first, again = OutgoingEmail.objects.order_by("pk")
    assert (first.pk, first.sent_at, first.attempts) == (welcome.pk, first_sent_at, 1)
    assert (again.to, again.subject, again.status) == (welcome.to, welcome.subject, "skickad")


def test_a_message_being_sent_is_not_sent_twice(welcome, secretariat_client):
    OutgoingEmail.objects.filter(pk=welcome.pk).update(status=EmailStatus.SENDING)
    mail.outbox.clear()
    secretariat_client.post(resend_url(welcome))
    assert not mail.outbox and OutgoingEmail.objects.count() == 1
