"""What the home page shows besides its own fields: latest news, upcoming events, the themes
and the way into the directory. All chosen automatically, with staff's featured picks first,
in a fixed number of queries.
"""

from django.apps import apps
from django.utils import timezone

# The directory app builds this page type; until it exists the link comes from the home page's
# own field or is left out.
DIRECTORY_INDEX_MODEL = ("directory", "DirectoryIndexPage")


def _featured_first(queryset, featured_id, count):
    """`count` pages of `queryset` in its order, with the featured one first if it qualifies."""
    ids = list(queryset.values_list("pk", flat=True)[:count])
    if featured_id and queryset.filter(pk=featured_id).exists():
        ids = [featured_id, *[pk for pk in ids if pk != featured_id]][:count]
    pages = {page.pk: page for page in queryset.filter(pk__in=ids).with_listing_data()}
    return [pages[pk] for pk in ids if pk in pages]


def directory_page(home):
    if home.directory_page_id:
        page = home.directory_page
        return page if page.live else None
    try:
        model = apps.get_model(*DIRECTORY_INDEX_MODEL)
    except LookupError:
        return None
    return model.objects.live().public().first()


def home_sections(home, request) -> dict:
    from events.models import EventIndexPage, EventPage
    from news.models import NewsIndexPage, NewsPage
    from themes.models import ThemePage

    now = timezone.now()
    upcoming_events = _featured_first(
        EventPage.objects.upcoming(now), home.featured_event_id, home.EVENT_COUNT
    )
    return {
        "latest_news": _featured_first(
            NewsPage.objects.listed(), home.featured_news_id, home.NEWS_COUNT
        ),
        "news_index": NewsIndexPage.objects.live().first(),
        "upcoming_events": upcoming_events,
        # The sections hold until the first of the shown events has ended.
        "valid_until": min((event.end for event in upcoming_events), default=None),
        "event_index": EventIndexPage.objects.live().first(),
        "theme_pages": list(
            ThemePage.objects.live()
            .public()
            .select_related("theme", "image")
            .prefetch_related("image__renditions")
            .order_by("theme__sort_order", "theme__name")
        ),
        "directory_page": directory_page(home),
    }
