"""Create (or complete) the demo site. Safe to run again: it adds what is missing.

Each app contributes its own content in `<app>/demo.py`, run in INSTALLED_APPS order:
    def add_arguments(parser): ...          # optional
    def seed(ctx: demo.context.SeedContext): ...
"""

import importlib
import importlib.util
import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from demo.context import SeedContext

AT_ONCE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
TASK_LOGGERS = ("django.tasks", "django_tasks")


@contextmanager
def tasks_at_once():
    """Search and reference index updates, and the demo's notification mail, happen as the
    seed goes. Queued, they were about a thousand tasks that the task worker of `make run`
    worked through after start-up, ahead of whatever a person then did. Each task's
    start and end lines are left out of the seed's output."""
    loggers = [logging.getLogger(name) for name in TASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        with override_settings(TASKS=AT_ONCE):
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# The site-wide part (the admin) first, the search's promotions and index last.
PARTS = ["context", "home", "themes", "news", "events", "directory", "members", "search"]


def demo_modules():
    for part in PARTS:
        yield importlib.import_module(f"demo.{part}")


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
        with tasks_at_once():
            for module in demo_modules():
                if hasattr(module, "seed"):
                    with transaction.atomic():
                        module.seed(ctx)
        ctx.report()
