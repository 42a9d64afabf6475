from django.core.management.base import BaseCommand

from config.env import VARIABLES


class Command(BaseCommand):
    help = "Print the README's configuration table from config/env.py."

    def handle(self, *args, **options):
        self.stdout.write("| Variable | Default | Meaning |")
        self.stdout.write("|---|---|---|")
        for var in VARIABLES.values():
            required = " **Required in production.**" if var.required_in_production else ""
            self.stdout.write(f"| `{var.name}` | {var.default} | {var.help}{required} |")
