"""Mail backends for the tests: one that always fails, one that fails a few times first."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FlakyBackend(LocmemBackend):
    """Fails the first `failures` sends of the process, then delivers to the outbox."""

    failures = 2

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPRecipientsRefused({"x": (451, b"try again later")})
        return super().send_messages(messages)
