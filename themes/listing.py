"""Building blocks of filtered, paginated listings (news, events, later the directory).

Every query-string value is checked against the options that exist before it reaches the
database, so unknown ids, null bytes and other junk are simply ignored: never an error.
"""

from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet

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


class Listing:
    """Selected filter values as (parameter, value, label), and URLs that keep or drop them."""

    def __init__(self, base_url: str, page_obj: Page | None = None):
        self.base_url = base_url
        self.selected: list[tuple[str, str, str]] = []
        self.page_obj = page_obj

    @property
    def is_filtered(self) -> bool:
        return bool(self.selected)

    def url(self, pairs: list[tuple[str, str]]) -> str:
        return f"{self.base_url}?{urlencode(pairs)}" if pairs else self.base_url

    def filter_pairs(self) -> list[tuple[str, str]]:
        return [(name, value) for name, value, _label in self.selected]

    def page_url(self, number: int) -> str:
        pairs = self.filter_pairs()
        if number > 1:
            pairs.append(("page", str(number)))
        return self.url(pairs)

    def active_filters(self) -> list[dict]:
        """Each selected value with a link that removes it."""
        pairs = self.filter_pairs()
        return [
            {
                "label": label,
                "remove_url": self.url([p for p in pairs if p != (name, value)]),
            }
            for name, value, label in self.selected
        ]

    def page_links(self) -> list[dict]:
        """Numbered links with ellipses, for templates/themes/includes/pagination.html."""
        if self.page_obj is None or self.page_obj.paginator.num_pages < 2:
            return []
        paginator = self.page_obj.paginator
        links = []
        for number in paginator.get_elided_page_range(
            self.page_obj.number, on_each_side=2, on_ends=1
        ):
            if number == paginator.ELLIPSIS:
                links.append({"ellipsis": True})
            else:
                links.append(
                    {
                        "number": number,
                        "url": self.page_url(number),
                        "current": number == self.page_obj.number,
                    }
                )
        return links

    @property
    def previous_url(self):
        if self.page_obj is not None and self.page_obj.has_previous():
            return self.page_url(self.page_obj.previous_page_number())
        return None

    @property
    def next_url(self):
        if self.page_obj is not None and self.page_obj.has_next():
            return self.page_url(self.page_obj.next_page_number())
        return None
