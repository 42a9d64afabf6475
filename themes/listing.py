"""The theme facet every listing shares (core/listing/), and the older building blocks of
the news and events listings.

Every query-string value is checked against the options that exist before it reaches the
database, so unknown ids, null bytes and other junk are simply ignored: never an error.
"""

from collections.abc import Iterable
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from core.listing.facets import ThroughFacet
from core.listing.search import Listing  # noqa: F401 (the news and events listings)
from themes.models import Theme, ThemedPage

MAX_VALUES = 20  # per parameter; more are ignored


def param_values(params, name: str, allowed: Iterable[str]) -> list[str]:
    """The values of a query parameter that are among `allowed`, in order, once each."""
    allowed = set(allowed)
    values = []
    for raw in params.getlist(name)[:MAX_VALUES]:
        value = raw.strip()
        if value in allowed and value not in values:
            values.append(value)
    return values


def page_number(params, num_pages: int) -> int:
    """The requested page, clamped to the pages there are; junk means the first page."""
    try:
        number = int(params.get("page", "1"))
    except ValueError:
        return 1
    return min(max(number, 1), max(num_pages, 1))


def paginate(queryset: QuerySet, params, per_page: int) -> Page:
    paginator = Paginator(queryset, per_page)
    return paginator.page(page_number(params, paginator.num_pages))


class Option(NamedTuple):
    """A filter's option as plain data, fit for a cache: a vocabulary term and its count."""

    pk: int
    slug: str
    name: str
    count: int


def options(queryset: QuerySet) -> list[Option]:
    """The terms of `queryset` (annotated with `count`) as plain options."""
    return [Option(*row) for row in queryset.values_list("pk", "slug", "name", "count")]


def theme_options(page_ids: QuerySet) -> list[Option]:
    """Themes in use by the given pages (a values("pk") queryset), with `count`, in one query."""
    return options(
        Theme.objects.filter(tagged_pages__content_object__in=page_ids)
        .annotate(count=Count("tagged_pages"))
        .order_by("sort_order", "name")
    )


def with_any_theme(queryset: QuerySet, themes: list[Option]) -> QuerySet:
    """Pages with at least one of the themes (OR within the facet), without duplicates."""
    return queryset.filter(
        pk__in=ThemedPage.objects.filter(tag__in=[t.pk for t in themes]).values("content_object_id")
    )


def theme_vocabulary() -> dict[str, str]:
    return dict(Theme.objects.order_by("sort_order", "name").values_list("slug", "name"))


def theme_facet(org_path: str = "", help: str = "Tema (kortnamn).") -> ThroughFacet:
    """The item's themes (or its organisation's), through the shared ThemedPage link table:
    the parameter `tema` in every listing."""
    return ThroughFacet(
        "tema",
        _("Tema"),
        theme_vocabulary,
        ThemedPage,
        tag="tag",
        item="content_object",
        org_path=org_path,
        help=help,
    )
