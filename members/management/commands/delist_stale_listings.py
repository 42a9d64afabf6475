"""Delist organisations whose details have not been confirmed for 13 months
(members.reminders). Unpublishes, never deletes; idempotent."""

from django.core.management.base import BaseCommand

from members.reminders import delist_stale


class Command(BaseCommand):
    help = "Avlista organisationer som inte har bekräftat sina uppgifter på 13 månader."

    def handle(self, *args, **options):
        delisted = delist_stale()
        if options["verbosity"] > 1 or delisted:
            self.stdout.write(f"{len(delisted)} organisationer avlistades.")
            for page in delisted:
                self.stdout.write(f"  {page.title}")
