"""Send stored e-mail that is due: retries, and messages whose task was lost.

Run every minute by run_periodic. Normally the background worker sends each message as
soon as it is stored; this catches what it could not.
"""

from django.core.management.base import BaseCommand

from mail.outbox import send_due


class Command(BaseCommand):
    help = "Skicka e-post som väntar: nya försök och meddelanden som inte skickats."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Ge e-post som har misslyckats sex gånger nya försök.",
        )

    def handle(self, *args, retry_failed=False, **options):
        count = send_due(retry_failed=retry_failed)
        if options["verbosity"] > 1 or count:
            self.stdout.write(f"{count} e-postmeddelanden försökte skickas.")
