"""E-mail goes out from background tasks; a failed send is retried, bounded, and logged."""

import datetime
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mail import outbox
from mail.models import EmailStatus, OutgoingEmail
from tests.mail.mail_backends import FlakyBackend

pytestmark = pytest.mark.django_db

CONTEXT = {"user": None, "link": "https://klimatradet.example/x/"}


@pytest.fixture
def failing(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.mail.mail_backends.FailingBackend"}}


@pytest.fixture
def clock(monkeypatch):
    start = timezone.now()

    def at(minutes):
        monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(minutes=minutes))

    return at


def test_mail_is_rendered_in_swedish_as_text_and_html(settings):
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    [message] = mail.outbox
    assert message.subject == "Välj lösenord för Min organisation"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Länken gäller i tre dygn" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="sv">' in html
    assert '<a href="https://klimatradet.example/x/"' in html
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENT, 1)


def test_a_failed_send_is_retried_with_backoff_then_logged_as_an_error(
    failing, settings, clock, caplog
):
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 1)
    assert "SMTPServerDisconnected" in email.last_error
    delays = []
    for attempt in range(2, outbox.MAX_ATTEMPTS + 1):
        previous = email.next_attempt_at
        delays.append(round((previous - timezone.now()).total_seconds() / 60))
        # Not yet due: the periodic sweep leaves it alone.
        call_command("send_queued_email")
        email.refresh_from_db()
        assert email.attempts == attempt - 1
        clock(sum(delays) + 1)
        with caplog.at_level(logging.WARNING, logger="mail.outbox"):
            call_command("run_periodic", "--once")
        email.refresh_from_db()
        assert email.attempts == attempt
    assert delays == [1, 4, 16, 64, 256]
    assert email.status == EmailStatus.FAILED
    errors = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "mail.outbox"]
    assert len(errors) == 1 and "could not be sent after 6 attempts" in errors[0].getMessage()
    assert not mail.outbox
    # Nothing is lost: staff see it, and it goes out once the mail server is back.
    assert OutgoingEmail.objects.failed().count() == 1
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_queued_email", "--retry-failed")
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


def test_a_temporary_failure_is_delivered_exactly_once(settings, clock):
    settings.MAILERS = {"default": {"BACKEND": "tests.mail.mail_backends.FlakyBackend"}}
    FlakyBackend.failures = 2
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    clock(2)
    call_command("send_queued_email")
    clock(7)
    call_command("send_queued_email")
    call_command("send_queued_email")
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.attempts == 3
    assert len(mail.outbox) == 1


def test_a_sent_or_claimed_message_is_never_sent_again():
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    assert outbox.deliver(email.pk) == EmailStatus.SENT
    assert len(mail.outbox) == 1
    OutgoingEmail.objects.filter(pk=email.pk).update(status=EmailStatus.SENDING)
    assert outbox.deliver(email.pk) == EmailStatus.SENDING
    assert len(mail.outbox) == 1


def test_a_message_left_by_a_crashed_worker_is_picked_up(clock):
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    mail.outbox.clear()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENDING, claimed_at=timezone.now(), attempts=0
    )
    clock(10)
    call_command("send_queued_email")
    assert not mail.outbox, "another worker may still be sending it"
    clock(20)
    call_command("send_queued_email")
    assert len(mail.outbox) == 1


def test_a_rolled_back_request_sends_nothing_with_the_database_backend(settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    try:
        with transaction.atomic():
            outbox.queue_email(
                "members/email/password_reset", to="anna@example.se", context=CONTEXT
            )
            assert DBTaskResult.objects.filter(task_path="mail.outbox.deliver_email").exists()
            raise RuntimeError("the request fails after queueing")
    except RuntimeError:
        pass
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


# The worker commits and closes connections, so this test runs outside the test transaction;
# serialized_rollback restores the data migrations made (root page, groups, workflows).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_db_worker_runs_our_tasks_and_wagtails(settings, home_page):
    """Our tasks use django.tasks, Wagtail's use the django_tasks package: one worker runs both."""
    from django_tasks_db.models import DBTaskResult

    from tests.factories import StandardPageFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = outbox.queue_email(
        "members/email/password_reset", to="anna@example.se", context=CONTEXT
    )
    page = StandardPageFactory(parent=home_page, slug="om")
    page.save_revision().publish()  # enqueues Wagtail's reference index and search tasks
    paths = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert "mail.outbox.deliver_email" in paths
    assert "wagtail.tasks.update_reference_index_task" in paths
    assert not mail.outbox
    call_command("db_worker", "--batch", "--no-startup-delay")
    statuses = dict(DBTaskResult.objects.values_list("task_path", "status").distinct())
    assert set(statuses.values()) == {"SUCCESSFUL"}, statuses
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


# Plain text is plain: no HTML escaping in subjects and text bodies, no header injection.

HOSTILE_NAME = 'Sveg Mat & Dryck "AB" <Berg>\r\nBcc: evil@example.com'


def test_subject_and_text_keep_ampersands_quotes_and_angle_brackets_and_html_escapes_them(
    org, member
):
    org.title = HOSTILE_NAME
    outbox.notify_secretariat(
        "members/email/listing_withdrawn_secretariat", context={"user": member}, page=org
    )
    [message] = mail.outbox
    assert message.subject == (
        'Vill inte längre synas i katalogen: Sveg Mat & Dryck "AB" <Berg> Bcc: evil@example.com'
    )
    assert 'att Sveg Mat & Dryck "AB" <Berg>\r\nBcc: evil@example.com visas' in message.body
    assert "&amp;" not in message.subject and "&quot;" not in message.subject
    html, _mimetype = message.alternatives[0]
    assert "<Berg>" not in html
    assert "Sveg Mat &amp; Dryck &quot;AB&quot; &lt;Berg&gt;" in html


def test_a_text_body_keeps_the_name_as_typed(org):
    application = type(
        "Application", (), {"contact_name": 'Evil "Eve" & <Co>', "organisation_name": "X & Y"}
    )()
    outbox.queue_email(
        "members/email/application_received",
        to="eve@example.se",
        context={"application": application},
    )
    [message] = mail.outbox
    assert 'Hej Evil "Eve" & <Co>!' in message.body
    assert "ansökan för X & Y har kommit" in message.body
    assert "&amp;" not in message.body and "&quot;" not in message.body
    html, _mimetype = message.alternatives[0]
    assert "Hej Evil &quot;Eve&quot; &amp; &lt;Co&gt;!" in html


def test_no_line_break_reaches_a_header(org):
    """A name with a line break cannot add a header (Bcc:) or break the message."""
    org.title = HOSTILE_NAME
    email = outbox.queue_email(
        "members/email/welcome",
        to="anna@example.se",
        context={"page": org, "application": None, "listed": False},
        reply_to=("Eve\r\nBcc: evil@example.com", "eve@example.se"),
    )
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT, email.last_error
    [message] = mail.outbox
    raw = message.message().as_string()
    headers = raw.split("\n\n", 1)[0]
    assert "\nBcc:" not in headers
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.reply_to == ['"Eve Bcc: evil@example.com" <eve@example.se>']
    assert message.recipients() == ["anna@example.se"]
