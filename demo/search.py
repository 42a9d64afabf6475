"""Demo content of the search: promoted results, and an index that matches the demo.

Runs last of the project's demo modules. Promotions pin the pages people will look for
by a word the pages themselves may not use. seed_demo runs index updates as it goes (the
immediate task backend), so the index matches the demo already; it is rebuilt only when it
is empty, or when some other caller queued the updates instead.
"""

import io

from django.core.management import call_command
from django.tasks import task_backends
from django.tasks.backends.immediate import ImmediateBackend
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.models import IndexEntry

PROMOTIONS = [
    # (query, page url path, description)
    ("medlem", "/ga-med/", "Så blir din organisation medlem i rådet, och vad det innebär."),
    ("bli medlem", "/ga-med/", "Så blir din organisation medlem i rådet, och vad det innebär."),
    (
        "stöd",
        "/nyheter/klimatklivet-ny-ansokningsomgang/",
        "Klimatklivet och andra stöd: sekretariatet hjälper dig med ansökan.",
    ),
    ("kontakt", "/om-radet/", "Sekretariatets kontaktuppgifter och hur rådet arbetar."),
]


def _page(url_path: str):
    for page in Page.objects.live().filter(url_path__endswith=url_path).specific():
        if page.url and page.url.endswith(url_path):
            return page
    return None


def seed(ctx):
    for query_string, path, description in PROMOTIONS:
        page = _page(path)
        if page is None:
            continue
        query = Query.get(query_string)
        if query.editors_picks.filter(page=page).exists():
            continue
        SearchPromotion.objects.create(
            query=query, page=page, description=description, sort_order=0
        )
        ctx.count("rekommenderade sökresultat")

    queued = not isinstance(task_backends["default"], ImmediateBackend)
    if (ctx.created and queued) or not IndexEntry.objects.exists():
        call_command("update_index", stdout=io.StringIO())
        ctx.note("Sökindexet är uppdaterat.")
