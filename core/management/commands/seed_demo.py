"""Create (or complete) the demo site. Safe to run again: it adds what is missing.

Each app contributes its own content in `<app>/demo.py`, run in INSTALLED_APPS order:
    def add_arguments(parser): ...          # optional
    def seed(ctx: core.demo.SeedContext): ...
"""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import SeedContext


def demo_modules():
    for app_config in apps.get_app_configs():
        name = f"{app_config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


class Command(BaseCommand):
    help = "Skapa demoinnehåll för webbplatsen (kan köras flera gånger)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=2030, help="Random seed for generated content."
        )
        for module in demo_modules():
            if hasattr(module, "add_arguments"):
                module.add_arguments(parser)

    def handle(self, *args, **options):
        ctx = SeedContext(options=options, stdout=self.stdout, style=self.style)
        for module in demo_modules():
            if hasattr(module, "seed"):
                with transaction.atomic():
                    module.seed(ctx)
        ctx.report()
