"""Print one live URL per page type as JSON.

Browser tests and the benchmark use it to visit every kind of page the site has,
including page types added later, without keeping a list by hand.
"""

import json

from django.core.management.base import BaseCommand
from wagtail.models import Page

from core.models import BasePage


def page_type_labels() -> list[str]:
    """Every concrete page model of the project."""
    labels = []
    pending = list(BasePage.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model._meta.abstract:
            labels.append(model._meta.label)
    return sorted(labels)


class Command(BaseCommand):
    help = "Skriv ut en publicerad adress per sidtyp som JSON."

    def handle(self, *args, **options):
        samples = {}
        for page in Page.objects.live().public().order_by("-depth", "path").specific(defer=True):
            label = page.specific_class._meta.label
            if label not in samples and page.url:
                samples[label] = page.url
        self.stdout.write(
            json.dumps({"pages": samples, "page_types": page_type_labels()}, ensure_ascii=False)
        )
