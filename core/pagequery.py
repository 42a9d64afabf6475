"""Page querysets whose public() costs no query of its own.

Wagtail's PageQuerySet.public() first reads every view restriction and then filters by
their paths: one more query each time a listing, section or link asks for public pages
(four or five a theme page or the home page). Here the restriction check is a NOT EXISTS
inside the page query itself, so it stays right as restrictions change and costs nothing
extra however many lists a page shows. Every project page type uses it (core.BasePage).
first_live() finds the first live page of a type once per request.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageManager as WagtailPageManager
from wagtail.models import PageQuerySet as WagtailPageQuerySet
from wagtail.models import PageViewRestriction


def restricted():
    """Whether a view restriction covers the outer page: on it or on one of its ancestors."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__depth__lte=OuterRef("depth"),
            page__path=Substr(OuterRef("path"), 1, Length("page__path")),
        )
    )


class PageQuerySet(WagtailPageQuerySet):
    def public(self):
        return self.exclude(restricted())

    def not_public(self):
        return self.filter(restricted())


PageManager = WagtailPageManager.from_queryset(PageQuerySet)


def first_live(model, request=None):
    """`model.objects.live().first()`, looked up once per request however many parts of the
    page ask (a theme page's sections, "more" links and feed links all name the news index)."""
    if request is None:
        return model.objects.live().first()
    found = request.__dict__.setdefault("_first_live_pages", {})
    if model not in found:
        found[model] = model.objects.live().first()
    return found[model]
