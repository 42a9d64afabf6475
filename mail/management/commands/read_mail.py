"""Print the newest e-mails that development saved in MAIL_DIR, decoded.

The .eml files open in any mail program; in a terminal their text is quoted-printable, which
breaks long links over lines. This prints sender, recipient, subject and the text part as a
person reads them, so a confirmation or password link can be copied as it is.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mail.backends import saved_messages, text_of


class Command(BaseCommand):
    help = "Visa de senaste e-postmeddelandena som sparats i MAIL_DIR (utveckling)."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="", help="Only messages to this address.")
        parser.add_argument(
            "--count", type=int, default=1, help="How many messages, newest first (default 1)."
        )

    def handle(self, *args, to="", count=1, **options):
        folder = getattr(settings, "MAIL_DIR", None)
        if not folder:
            raise CommandError("MAIL_DIR is a development setting (config/settings/dev.py).")
        shown = 0
        for path, message in saved_messages(folder):
            if to and to.lower() not in str(message["To"]).lower():
                continue
            self.stdout.write(f"--- {path}")
            for header in ("Date", "From", "To", "Reply-To", "Subject"):
                if message[header]:
                    self.stdout.write(f"{header}: {message[header]}")
            self.stdout.write("\n" + text_of(message).strip() + "\n")
            shown += 1
            if shown >= count:
                break
        if not shown:
            self.stdout.write(f"Inga meddelanden i {folder}.")
