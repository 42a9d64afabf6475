"""Replay search index updates that failed while the search cluster was unreachable.

run_periodic runs it (PERIODIC_COMMANDS); it does nothing when nothing failed. See
search.index_retry.
"""

from django.core.management.base import BaseCommand

from search.index_retry import retry_pending


class Command(BaseCommand):
    help = "Gör om uppdateringar av sökindexet som misslyckades när sökklustret inte svarade."

    def handle(self, *args, **options):
        done, failing = retry_pending()
        if done or failing:
            self.stdout.write(f"Search index: {done} updates caught up, {failing} still failing")
