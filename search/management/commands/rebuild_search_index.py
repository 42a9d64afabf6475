"""Rebuild the site search index: what to run after a deploy that changed search_fields,
after installing hunspell-sv on the database server, or to fill a new search cluster.

On PostgreSQL it first makes sure the swedish_hunspell configuration exists and upgrades
it to the hunspell dictionary when the server has it now. Then it runs Wagtail's
update_index, which on a cluster builds a new index and swaps the alias when it is done
(ATOMIC_REBUILD): searches keep working during the rebuild.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from search.postgres import ensure_swedish_config, ensure_trigram_extension


class Command(BaseCommand):
    help = "Bygg om sökindexet (och den svenska sökkonfigurationen i PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--chunk_size", type=int, default=1000, help="Objects per indexing batch."
        )

    def handle(self, *args, **options):
        backend = settings.WAGTAILSEARCH_BACKENDS["default"]
        self.stdout.write(f"Search backend: {backend['BACKEND']}")
        if connection.vendor == "postgresql":
            kind = ensure_swedish_config(connection)
            if kind == "hunspell":
                self.stdout.write("PostgreSQL: swedish_hunspell uses the hunspell dictionary.")
            else:
                self.stdout.write(
                    self.style.WARNING(
                        "PostgreSQL: no hunspell-sv on the server, swedish_hunspell is a copy "
                        "of the built-in swedish configuration (weaker Swedish matching)."
                    )
                )
            if not ensure_trigram_extension(connection):
                self.stdout.write(self.style.WARNING("pg_trgm missing: no spelling suggestions."))
        call_command("update_index", chunk_size=options["chunk_size"], stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Sökindexet är ombyggt."))
