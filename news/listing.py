"""The news listing, declared on the listing framework (core/listing/): filters by theme
(`tema`), tag (`tagg`) and year (`ar`), OR within a filter and AND across, each option
counted for the other filters' state; text (`q`) by relevance. The page, its CSV and its
JSON all read the same NewsSearch, so they never disagree.
"""

from types import SimpleNamespace

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from taggit.models import Tag

from core.listing.facets import FieldFacet, ThroughFacet, swedish_sort_key
from core.listing.search import FacetedSearch
from news.models.news_page import NewsPage, NewsPageTag
from themes.listing import theme_facet


def published_news():
    return NewsPage.objects.live().public()


def tag_vocabulary() -> dict[str, str]:
    """The tags of published news, in Swedish alphabetical order."""
    rows = (
        Tag.objects.filter(news_newspagetag_items__content_object__in=published_news().values("pk"))
        .distinct()
        .values_list("slug", "name")
    )
    return dict(sorted(rows, key=lambda row: (swedish_sort_key(row[1]), row[1])))


def year_vocabulary() -> dict[str, str]:
    """The years that have published news, newest first."""
    years = published_news().dates("date", "year", order="DESC")
    return {str(day.year): str(day.year) for day in years}


class NewsSearch(FacetedSearch):
    """The news of one listing page: its page size, its links and its in-memory index."""

    model = NewsPage
    facets = [
        theme_facet(),
        ThroughFacet(
            "tagg",
            gettext_lazy("Ämnesord"),
            tag_vocabulary,
            NewsPageTag,
            tag="tag",
            item="content_object",
            help="Ämnesord (kortnamn, t.ex. biogas).",
        ),
        FieldFacet(
            "ar", gettext_lazy("År"), year_vocabulary, field="date__year", help="År, t.ex. 2025."
        ),
    ]
    sorts = {"relevance": gettext_lazy("Bäst träff"), "newest": gettext_lazy("Senaste först")}
    default_sort = "newest"
    text_help = "Fritext i rubrik, ingress, text, teman och ämnesord."
    export_columns = ["title", "url", "date", "lead", "themes", "tags"]

    def __init__(self, index_page, params, base_url: str = "", request=None):
        self.index_page = index_page
        self.per_page = index_page.page_size
        super().__init__(params, base_url or index_page.get_url(request), request)

    @property
    def index_key(self) -> str:
        return f"{type(self).__name__}:{self.index_page.pk}"

    def base_queryset(self):
        return self.index_page.news()

    def search_queryset(self):
        return NewsPage.objects.live()

    def order(self, queryset, sort=""):
        # Relevance comes from the search backend; every other order is newest first.
        return queryset.order_by("-date", "-first_published_at", "-pk")

    def export_row(self, obj, request) -> dict:
        return {
            "title": obj.title,
            "url": obj.get_full_url(request),
            "date": obj.date,
            "lead": obj.lead,
            "themes": [
                theme.name
                for theme in sorted(obj.themes.all(), key=lambda t: (t.sort_order, t.name))
            ],
            "tags": sorted((tag.name for tag in obj.tags.all()), key=swedish_sort_key),
        }

    def labels(self, name: str) -> list[str]:
        """The labels of the options selected in one facet."""
        return [str(label) for facet, _value, label in self.selected if facet == name]

    @cached_property
    def summary(self) -> str:
        """'12 nyheter om Energiomställning med ämnesordet biogas från 2025', in plain Swedish."""
        text = ngettext("%(count)d nyhet", "%(count)d nyheter", self.count) % {"count": self.count}
        if self.query:
            text += " " + _("som matchar ”%(query)s”") % {"query": self.query}
        if themes := self.labels("tema"):
            text += " " + _("om %(themes)s") % {"themes": _or(themes)}
        if tags := self.labels("tagg"):
            text += " " + ngettext(
                "med ämnesordet %(tags)s", "med ämnesorden %(tags)s", len(tags)
            ) % {"tags": _or(tags)}
        if years := self.labels("ar"):
            text += " " + _("från %(years)s") % {"years": _or(years)}
        return text

    @property
    def theme_feed(self):
        """The single selected theme (slug and name), whose own feed the page then offers."""
        themes = [(value, label) for name, value, label in self.selected if name == "tema"]
        if len(themes) != 1:
            return None
        return SimpleNamespace(slug=themes[0][0], name=themes[0][1])


def _or(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + _("eller") + " " + words[-1]
