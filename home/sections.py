"""What the home page shows besides its own fields: latest news, upcoming events, the themes
and the way into the directory. All chosen automatically, with staff's featured picks first,
in a fixed number of queries.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from core.pagequery import restricted

# The directory app builds this page type; until it exists the link comes from the home page's
# own field or is left out.
DIRECTORY_INDEX_MODEL = ("directory", "DirectoryIndexPage")


def _featured_first(queryset, featured_id, count):
    """`count` pages of `queryset` in its order, with the featured one first if it qualifies:
    one query (the first `count` and the featured one), besides what cards prefetch."""
    wanted = Q(pk__in=queryset.values("pk")[:count])
    if featured_id:
        wanted |= Q(pk=featured_id)
    pages = list(queryset.filter(wanted).with_listing_data())
    featured = [page for page in pages if page.pk == featured_id]
    return [*featured, *[page for page in pages if page.pk != featured_id]][:count]


def index_pages(*models, public=()) -> list:
    """The first live page (in tree order) of each type, and not restricted for the types in
    `public`: one query, as deferred specific pages (their links need nothing more)."""
    by_type = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    pages = (
        Page.objects.live()
        .filter(content_type__in=by_type.values())
        .annotate(restricted=restricted())
        .order_by("path")
    )
    found = {}
    for page in pages:
        model = page.specific_class
        if model not in found and not (model in public and page.restricted):
            found[model] = page.specific_deferred
    return [found.get(model) for model in models]


def directory_model():
    try:
        return apps.get_model(*DIRECTORY_INDEX_MODEL)
    except LookupError:
        return None


def directory_page(home, first_public=None):
    if home.directory_page_id:
        page = home.directory_page
        return page if page.live else None
    return first_public


def home_sections(home, request) -> dict:
    from events.models import EventIndexPage, EventPage
    from news.models import NewsIndexPage, NewsPage
    from themes.models import ThemePage

    now = timezone.now()
    upcoming_events = _featured_first(
        EventPage.objects.upcoming(now), home.featured_event_id, home.EVENT_COUNT
    )
    directory = directory_model() if not home.directory_page_id else None
    news_index, event_index, *first_directory = index_pages(
        NewsIndexPage, EventIndexPage, *([directory] if directory else []), public=[directory]
    )
    return {
        "latest_news": _featured_first(
            NewsPage.objects.listed(), home.featured_news_id, home.NEWS_COUNT
        ),
        "news_index": news_index,
        "upcoming_events": upcoming_events,
        # The sections hold until the first of the shown events has ended.
        "valid_until": min((event.end for event in upcoming_events), default=None),
        "event_index": event_index,
        "theme_pages": list(
            ThemePage.objects.live()
            .public()
            .select_related("theme", "image")
            .prefetch_related("image__renditions")
            .order_by("theme__sort_order", "theme__name")
        ),
        "directory_page": directory_page(home, *first_directory),
    }
