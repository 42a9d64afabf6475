"""manage.py export_organisations [--output FILE] [--listed]"""

from django.core.management.base import BaseCommand

from core.listing.search import by_name
from directory import csv_export
from directory.models import OrganisationPage


class Command(BaseCommand):
    help = (
        "Exportera katalogens organisationer som CSV med samma kolumner som "
        "import_organisations läser, så att filen kan redigeras och importeras igen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", default="-", help="Filen att skriva till (standard ut om utelämnad)."
        )
        parser.add_argument(
            "--listed",
            action="store_true",
            help="Bara organisationer som syns i katalogen (inte avlistade eller utkast).",
        )

    def handle(self, *args, **options):
        organisations = OrganisationPage.objects.all()
        if options["listed"]:
            organisations = organisations.listed()
        organisations = organisations.with_api_data().order_by(by_name("title"), "pk")
        if options["output"] == "-":
            csv_export.write_csv(organisations.iterator(chunk_size=500), self.stdout)
        else:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                count = csv_export.write_csv(organisations.iterator(chunk_size=500), out)
            self.stderr.write(f"{count} organisationer skrevs till {options['output']}.")
