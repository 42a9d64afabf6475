"""manage.py import_organisations FILE.csv [--dry-run] [--create-tags] [--draft]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory import csvio


class Command(BaseCommand):
    help = (
        "Importera organisationer till katalogen från en CSV-fil (UTF-8, rubrikrad med "
        "kolumnerna " + ", ".join(csvio.COLUMNS) + "). Alla rader kontrolleras först; finns "
        "något fel sparas ingenting. Finns organisationen redan (samma organisationsnummer, "
        "eller samma namn om nummer saknas) uppdateras den."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-filen, eller - för standard in.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Kontrollera filen och visa vad som skulle hända, utan att spara.",
        )
        parser.add_argument(
            "--create-tags",
            action="store_true",
            help="Lägg till kompetenser som inte finns i listan i stället för att avbryta.",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Spara ändringarna som utkast för granskning i stället för att publicera.",
        )

    def handle(self, *args, **options):
        text = self.read(options["file"])
        result = csvio.plan_import(text, create_tags=options["create_tags"])
        if not result.ok:
            for number, message in result.errors:
                self.stderr.write(f"Rad {number}: {message}")
            rows = len({number for number, _message in result.errors})
            raise CommandError(f"Importen avbröts: {rows} rad(er) har fel. Ingenting sparades.")
        for tag in result.new_tags:
            self.stdout.write(f"Ny kompetens: {tag.name}")
        for plan in result.plans:
            label = {"create": "ny", "update": "uppdateras", "unchanged": "oförändrad"}
            state = label[plan.action]
            if plan.action == "update" and not plan.existing.live:
                state += " (avlistad, förblir avlistad)"
            self.stdout.write(f"Rad {plan.number}: {plan.fields['title']} – {state}")
        summary = (
            f"{result.count('create')} nya, {result.count('update')} uppdaterade, "
            f"{result.count('unchanged')} oförändrade."
        )
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING(f"{summary} Inget sparades (--dry-run)."))
            return
        try:
            csvio.apply_import(result, draft=options["draft"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        how = "som utkast" if options["draft"] else "och publicerades"
        self.stdout.write(self.style.SUCCESS(f"{summary} Ändringarna sparades {how}."))

    def read(self, name: str) -> str:
        if name == "-":
            import sys

            data = sys.stdin.buffer.read()
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"Filen {name} finns inte.")
            data = path.read_bytes()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"Filen är inte UTF-8 (fel vid byte {error.start}). Spara den som "
                "CSV UTF-8 och försök igen."
            ) from error
