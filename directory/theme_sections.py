"""What a theme page shows from the directory (registered in DirectoryConfig.ready())."""

import datetime

from django.db.models import Min
from django.utils import timezone

from core.listing.search import by_name
from directory.models import Opportunity, OrganisationPage
from directory.models.opportunity import attach_opportunity_urls
from directory.models.pages import directory_index_page
from themes.models import ThemedPage


def _on_theme(theme):
    return ThemedPage.objects.filter(tag=theme).values("content_object_id")


def organisations_for_theme(theme, limit: int, request=None) -> list:
    """Listed organisations working with the theme, most recently updated first."""
    return list(
        OrganisationPage.objects.listed()
        .filter(pk__in=_on_theme(theme))
        .with_card_data()
        .order_by("-last_published_at", by_name("title"))[:limit]
    )


def open_needs_for_theme(theme, limit: int, request=None) -> list:
    """Current needs of listed organisations working with the theme, newest first."""
    needs = list(
        Opportunity.objects.public()
        .needs()
        .filter(organisation__in=_on_theme(theme))
        .with_card_data()
        .order_by("-published_at", "-pk")[:limit]
    )
    return attach_opportunity_urls(needs, directory_index_page(request), request)


def organisations_url_for_theme(theme, request=None) -> str | None:
    index_page = directory_index_page(request)
    return f"{index_page.get_url(request)}?tema={theme.slug}" if index_page else None


def needs_url_for_theme(theme, request=None) -> str | None:
    index_page = directory_index_page(request)
    if index_page is None:
        return None
    return f"{index_page.subpage_url('opportunities', request)}?kind=behov&tema={theme.slug}"


def valid_until(theme, items) -> datetime.datetime:
    """Opportunities expire at midnight and may be published ahead of time, with no edit
    in between: the needs shown, and the cards' "has open needs" badges, hold until the
    first of these."""
    now = timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    scheduled = Opportunity.objects.filter(published_at__gt=now).aggregate(
        first=Min("published_at")
    )["first"]
    return min(midnight, scheduled) if scheduled else midnight
