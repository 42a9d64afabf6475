"""Delete personal data kept long enough (members.privacy.RETENTION): contact messages
after 90 days, unconfirmed applications after 30, sent e-mail after 30, failed after 90,
old invitations after 30. Idempotent."""

from django.core.management.base import BaseCommand

from members.privacy import purge


class Command(BaseCommand):
    help = "Radera personuppgifter som har sparats tillräckligt länge (meddelanden efter 90 dagar)."

    def handle(self, *args, **options):
        deleted = purge()
        if options["verbosity"] > 1 or any(deleted.values()):
            self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in deleted.items()))
