"""The mail server is unreachable: messages wait in the database task queue, are retried by
the worker, and are delivered once a mail server answers — exactly once, nothing lost.

Real parts throughout: Django's SMTP backend (EMAIL_URL as production reads it), the
django_tasks_db queue and its `db_worker`, and a small SMTP server in the test.
"""

import datetime
import email as email_parser
import email.policy as email_policy
import socketserver
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone

from config.mail import mailers_from_url
from mail import outbox
from mail.models import EmailStatus, OutgoingEmail
from tests.core.live import free_port


class SmtpServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP for smtplib: accepts every message and keeps it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.messages: list[dict] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.server_address[1]}?timeout=5"


class _SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test ESMTP")
        envelope = {"to": []}
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-test")
                self.reply("250 8BITMIME")
            elif verb == "MAIL":
                envelope = {"from": command[10:], "to": []}
                self.reply("250 OK")
            elif verb == "RCPT":
                envelope["to"].append(command[8:])
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data)
                envelope["data"] = b"".join(lines).decode("utf-8", "replace")
                self.server.messages.append(envelope)
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # HELO, RSET, NOOP
                self.reply("250 OK")


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.shutdown()
    server.server_close()


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay")


def time_passes(email):
    """Make the retry due now, as if its minute of waiting were over."""
    from django_tasks_db.models import DBTaskResult

    earlier = timezone.now() - datetime.timedelta(seconds=1)
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=earlier)
    DBTaskResult.objects.filter(status="READY").update(run_after=earlier)


# The worker commits and closes connections: outside the test transaction, with the data
# migrations' rows restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_waits_in_the_queue_while_the_server_is_down_and_goes_out_once_it_is_back(
    settings, smtp_server
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = mailers_from_url(f"smtp://127.0.0.1:{free_port()}?timeout=2")
    email = outbox.queue_email(
        "members/email/password_reset",
        to="anna@example.se",
        context={"user": None, "link": "https://klimatradet.example/x/"},
    )
    queued = DBTaskResult.objects.filter(task_path="mail.outbox.deliver_email")
    assert queued.filter(status="READY").count() == 1, list(
        DBTaskResult.objects.values_list("task_path", "status")
    )

    run_worker()  # the server refuses the connection
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 1)
    assert "Connection refused" in email.last_error
    # The retry is a deferred task in the queue, due in a minute.
    [retry] = queued.filter(status="READY")
    assert retry.run_after > timezone.now()

    time_passes(email)
    run_worker()  # still down: a second attempt, a later retry
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 2)
    assert not smtp_server.messages

    settings.MAILERS = mailers_from_url(smtp_server.url)  # the mail server is back
    time_passes(email)
    run_worker()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    [message] = smtp_server.messages
    assert message["to"] == ["<anna@example.se>"]
    received = email_parser.message_from_string(message["data"], policy=email_policy.default)
    assert received["Subject"] == email.subject
    assert received["To"] == "anna@example.se"

    # Nothing goes out twice: neither the worker nor the periodic sweep sends it again.
    run_worker()
    call_command("send_queued_email")
    assert len(smtp_server.messages) == 1
    statuses = set(queued.values_list("status", flat=True))
    assert statuses == {"SUCCESSFUL"}
