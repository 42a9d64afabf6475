"""The yearly "stämmer uppgifterna?" reminders (members.reminders). Idempotent."""

from django.core.management.base import BaseCommand

from members.models import ReminderKind
from members.reminders import send_reminders


class Command(BaseCommand):
    help = "Påminn kontaktpersoner om att bekräfta uppgifterna i katalogen (en gång per år)."

    def handle(self, *args, **options):
        sent = send_reminders()
        total = sum(sent.values())
        if options["verbosity"] > 1 or total:
            self.stdout.write(
                f"{sent[ReminderKind.YEARLY]} årliga påminnelser, "
                f"{sent[ReminderKind.FINAL]} sista påminnelser."
            )
