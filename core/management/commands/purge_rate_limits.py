"""Delete rate-limit counters whose window has passed (core.ratelimit); run_periodic runs it."""

from django.core.management.base import BaseCommand

from core.ratelimit import purge_expired


class Command(BaseCommand):
    help = "Tar bort räknare för begränsningar (inloggning, formulär) vars tid har gått ut."

    def handle(self, *args, **options):
        deleted = purge_expired()
        if options["verbosity"] > 1:
            self.stdout.write(f"{deleted} expired rate-limit counters deleted")
