"""Finding organisations and opportunities: one declarative definition for every channel.

A `FacetedSearch` reads a query string, keeps only values it knows (anything else is
ignored: unknown slugs, null bytes, page=0, page=99999 never raise), filters (OR within a
facet, AND across facets), counts every facet's options for the state of the *other*
facets, sorts and paginates. The directory page, the JSON API and the CSV export all build
their results here, so they can never disagree.

Both are counted and paged in memory (directory/facet_index.py), built from each facet's
`index_pairs`: one engine for the page, the API, the CSV download and the feed. Measured
against one SQL query per state (FILTER aggregates over a per-state CTE), the index answers
a new state in a few milliseconds where SQL needs tens at 10,000 organisations.

Text search goes through Wagtail's search API, so it follows whatever backend the site
is configured with. The ids of the matches are found once per text and cached (at most the
number of organisations, or the best `MAX_CLUSTER_HITS` with a search cluster); the facet
counts and the results filter by them, and relevance order comes from the backend.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connection
from django.db.models.functions import Collate, Lower
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import ContentVersion
from directory.caching import cache_seconds, digest, remember
from directory.facet_index import FacetIndex
from directory.facets import (
    Facet,
    FieldFacet,
    MunicipalityFacet,
    OpenNeedsFacet,
    QueryForm,
    ThroughFacet,
    competence_vocabulary,
    first_scheduled,
    opportunity_kind_vocabulary,
    organisation_type_vocabulary,
    partnership_vocabulary,
    theme_facet,
)
from directory.models.opportunity import Opportunity
from directory.models.organisation import OrganisationPage
from directory.models.taxonomy import (
    Municipality,
    OfferedCompetence,
    OpportunityCompetence,
    SoughtCompetence,
)
from themes.listing import Listing

PER_PAGE = 20
MAX_CLUSTER_HITS = 1000
SWEDISH_COLLATION = "sv-x-icu"


def by_name(field: str = "title"):
    """Database ordering by name in Swedish alphabetical order where the database can."""
    if connection.vendor == "postgresql":
        return Collate(field, SWEDISH_COLLATION)
    return Lower(field)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


class LazyList(Sequence):
    """A list computed on first use."""

    def __init__(self, load):
        self._load = load
        self._items = None

    @property
    def items(self) -> list:
        if self._items is None:
            self._items = list(self._load())
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return len(self.items)


@dataclass(frozen=True)
class FacetOptions:
    facet: "Facet"
    options: list[Option]
    is_open: bool


# The search ---------------------------------------------------------------------------


class FacetedSearch(Listing):
    """Base class: subclasses name the model, the facets and the sort orders.

    `base_url` is where the links (pagination, removing a filter) point: the directory
    page, the opportunities page or the API.
    """

    model = None
    facets: list[Facet] = []
    sorts: dict = {}
    default_sort = "name"
    text_help = ""  # the API's description of q
    per_page = PER_PAGE
    # The searched model's link to its organisation, for facets with an org_path.
    org_field = "organisation"

    def __init__(self, params, base_url: str = ""):
        super().__init__(base_url)
        self.params = params
        form = QueryForm(params, sorts=self.sorts.items())
        form.is_valid()
        data = form.cleaned_data
        self.query = data.get("q") or ""
        self.requested_page = data.get("page") or 1
        sort = data.get("sort") or ""
        if sort == "relevance" and not self.query:
            sort = ""
        self.sort = sort or ("relevance" if self.query else self.default_sort)
        self._vocabularies = {}
        self.values = {
            facet.name: facet.clean(raw, self) if (raw := params.getlist(facet.name)) else []
            for facet in self.facets
        }
        # (parameter, value, label) of every selected option, as Listing expects.
        self.selected = [
            (facet.name, value, facet.vocabulary(self)[value])
            for facet in self.facets
            for value in self.values[facet.name]
        ]

    # Vocabularies (one small query each, shared by facets that use the same list)

    def cached_vocabulary(self, loader) -> dict[str, str]:
        if loader not in self._vocabularies:
            self._vocabularies[loader] = self.cached(f"vocabulary:{loader.__name__}", loader)
        return self._vocabularies[loader]

    @cached_property
    def municipalities(self) -> list[tuple]:
        return self.cached(
            "vocabulary:municipalities",
            lambda: list(Municipality.objects.values_list("slug", "name", "code", "in_county")),
        )

    # Caching: every entry is keyed by the search version, which any change replaces.

    @cached_property
    def version(self) -> str:
        return ContentVersion.current() if cache_seconds() else ""

    def cached(self, name: str, compute):
        return remember(name, compute, version=self.version)

    def state_key(self, *extra) -> str:
        return digest(type(self).__name__, self.filter_pairs(), *extra)

    # Querysets

    def base_queryset(self):
        raise NotImplementedError

    def search_queryset(self):
        """What the text search runs over: only filters the search backends understand."""
        raise NotImplementedError

    def order(self, queryset, sort: str = ""):
        """The queryset in the order of `sort` (this search's sort when not given)."""
        raise NotImplementedError

    def organisation_ids(self):
        """(item id, organisation id) of every item, for facets on the organisation."""
        return self.base_queryset().order_by().values_list("pk", f"{self.org_field}_id")

    def changes_at(self, now) -> datetime | None:
        """When the items found next change without an edit (None: only by an edit)."""
        return None

    @cached_property
    def _text_ids(self) -> list[int]:
        """Every match of the text, best first: found once per text and version.

        The result page and the facet counts filter by it; another state with the same
        text (a facet added) does not run the search at all.
        """

        def compute():
            results = self.search_queryset().search(self.query, order_by_relevance=True)
            if hasattr(results, "get_queryset"):
                return list(results.get_queryset().values_list("pk", flat=True))
            return [obj.pk for obj in results[:MAX_CLUSTER_HITS]]

        return self.cached(f"text:{digest(type(self).__name__, self.query)}", compute)

    # The in-memory index (directory/facet_index.py)

    @cached_property
    def index(self) -> FacetIndex:
        return FacetIndex.for_search(self)

    @cached_property
    def _index_state(self) -> tuple[int, dict[str, int]]:
        """The text's matches and each filtered facet's selection, as bitsets."""
        index = self.index
        base = index.of_ids(self._text_ids) if self.query else index.everything
        selected = {
            facet.name: index.any_of(facet.name, values)
            for facet in self.facets
            if (values := self.values[facet.name])
        }
        return base, selected

    @cached_property
    def count(self) -> int:
        """How many items this state finds."""
        return self.index.matching(*self._index_state).bit_count()

    def result_ids(self, start: int = 0, stop: int | None = None, sort: str = "") -> list[int]:
        """The ids of the results from `start` to `stop`, in this state's order (or `sort`)."""
        sort = sort or self.sort
        ranked = self._text_ids if sort == "relevance" and self.query else None
        order = self.index.order_of(sort, ranked)
        mask = self.index.matching(*self._index_state)
        return self.index.ids(mask, order, start, self.count if stop is None else stop)

    def results(self, decorate=None, *, chunk: int = 500, **slice_and_sort):
        """The results as objects in order, loaded `chunk` at a time (CSV, feeds)."""
        ids = self.result_ids(**slice_and_sort)
        for begin in range(0, len(ids), chunk):
            yield from self._load(ids[begin : begin + chunk], decorate)

    def _load(self, ids: list[int], decorate=None) -> list:
        """The objects of `ids` in that order, and only if still public: a stale index
        could never show something delisted."""
        queryset = self.base_queryset().filter(pk__in=ids)
        found = (decorate(queryset) if decorate else queryset).in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def count_without(self, name: str) -> int:
        """How many this state would find without the text ("q") or without one facet's
        filter, counted like the facets."""
        base, selected = self._index_state
        if name == "q":
            base = self.index.everything
        return self.index.matching(base, selected, exclude=name).bit_count()

    def page(self, decorate=None):
        """The requested page (the last one when asked for more); `decorate` adds prefetching.

        The objects are loaded when first used: a template whose cached fragment needs no
        objects costs no queries for them.
        """
        self.page_obj = Paginator(range(self.count), self.per_page).get_page(self.requested_page)
        start = (self.page_obj.number - 1) * self.per_page
        ids = self.result_ids(start, start + self.per_page)
        self.page_obj.object_list = LazyList(lambda: self._load(ids, decorate))
        return self.page_obj

    @property
    def cache_timeout(self) -> int:
        """For the templates' {% cache %} fragments (0: not cached)."""
        return cache_seconds()

    # Facet options

    def facet_options(self) -> list[FacetOptions]:
        """Every facet with the options in use for the other facets' state, and their counts."""
        counts = self.index.counts(*self._index_state)
        result = []
        for facet in self.facets:
            selected = self.values[facet.name]
            facet_counts = counts[facet.name]
            options = [
                Option(value, label, facet_counts.get(value, 0), value in selected)
                for value, label in facet.vocabulary(self).items()
                if facet_counts.get(value, 0) > 0 or value in selected
            ]
            result.append(FacetOptions(facet, options, bool(selected)))
        return result

    # State and URLs (themes.listing.Listing builds the links from filter_pairs)

    @property
    def sort_is_explicit(self) -> bool:
        return self.sort != ("relevance" if self.query else self.default_sort)

    def filter_pairs(self) -> list[tuple[str, str]]:
        """The canonical query parameters of this state, without the page number."""
        pairs = [("q", self.query)] if self.query else []
        pairs += [(name, value) for name, value, _label in self.selected]
        if self.sort_is_explicit:
            pairs.append(("sort", self.sort))
        return pairs

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.selected)

    def url_without(self, name: str, value: str | None = None) -> str:
        """This state without a parameter (or one of its values): the text, the other
        filters and a chosen sort order stay, unless that order becomes the default."""
        pairs = [
            (key, kept)
            for key, kept in self.filter_pairs()
            if key != name or (value is not None and kept != value)
        ]
        default = "relevance" if any(key == "q" for key, _kept in pairs) else self.default_sort
        return self.url([pair for pair in pairs if pair != ("sort", default)])

    def active_filters(self) -> list[dict]:
        """The text and each selected value, each with a link that removes only it."""
        chips = [
            {"label": label, "remove_url": self.url_without(name, value)}
            for name, value, label in self.selected
        ]
        if self.query:
            text = {
                "label": _("Sökord: ”%(query)s”") % {"query": self.query},
                "remove_url": self.url_without("q"),
                "remove_text": _("ta bort sökordet"),
            }
            chips.insert(0, text)
        return chips

    @property
    def is_indexable(self) -> bool:
        """Search engines get the plain listing and single-filter pages, nothing more."""
        return not self.query and len(self.selected) <= 1

    def query_string(self, page: int = 1) -> str:
        """The state as "?…" (or ""), to put after another URL: CSV, API, feed, canonical."""
        pairs = self.filter_pairs()
        if page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs) if pairs else ""

    def sort_options(self):
        return [
            (key, label) for key, label in self.sorts.items() if key != "relevance" or self.query
        ]


class OrganisationSearch(FacetedSearch):
    model = OrganisationPage
    facets = [
        FieldFacet(
            "org_type",
            _("Typ av organisation"),
            organisation_type_vocabulary,
            field="org_type",
            help="Typ av organisation, t.ex. foretag, kommun.",
        ),
        MunicipalityFacet(
            "municipality",
            _("Kommun"),
            help="Kommun, som kortnamn (ostersund) eller SCB-kod (2380): huvudkontor, "
            "verksamhetsområde eller hela länet.",
        ),
        theme_facet(),
        ThroughFacet(
            "offers",
            _("Erbjuder"),
            competence_vocabulary,
            OfferedCompetence,
            tag="tag",
            item="content_object",
            help="Erbjuder kompetensen (kortnamn, t.ex. biogas).",
        ),
        ThroughFacet(
            "seeks",
            _("Söker"),
            competence_vocabulary,
            SoughtCompetence,
            tag="tag",
            item="content_object",
            help="Söker kompetensen (kortnamn).",
        ),
        ThroughFacet(
            "partnership_type",
            _("Samarbetsform"),
            partnership_vocabulary,
            OrganisationPage.partnership_types.through,
            tag="partnershiptype",
            item="organisationpage",
            help="Samarbetsform (kortnamn).",
        ),
        OpenNeedsFacet("has_needs", _("Behov"), help="1: bara organisationer med aktuella behov."),
    ]
    sorts = {
        "relevance": _("Bäst träff"),
        "name": _("Namn"),
        "newest": _("Senast tillagda"),
    }
    default_sort = "name"
    text_help = "Fritext: namn, beskrivning och kompetenser."

    def base_queryset(self):
        return OrganisationPage.objects.listed()

    def search_queryset(self):
        return OrganisationPage.objects.live()

    def order(self, queryset, sort=""):
        if (sort or self.sort) == "newest":
            return queryset.order_by("-first_published_at", "-pk")
        return queryset.order_by(by_name("title"), "pk")

    def result_summary(self, count: int) -> str:
        return ngettext("%(count)s organisation", "%(count)s organisationer", count) % {
            "count": count
        }


class OpportunitySearch(FacetedSearch):
    model = Opportunity
    facets = [
        FieldFacet(
            "kind",
            _("Behov eller erbjudande"),
            opportunity_kind_vocabulary,
            "kind",
            help="behov eller erbjudande.",
        ),
        ThroughFacet(
            "competence",
            _("Kompetens"),
            competence_vocabulary,
            OpportunityCompetence,
            tag="tag",
            item="content_object",
            help="Kompetens (kortnamn).",
        ),
        FieldFacet(
            "partnership_type",
            _("Samarbetsform"),
            partnership_vocabulary,
            field="partnership_type__slug",
            help="Samarbetsform (kortnamn).",
        ),
        MunicipalityFacet(
            "municipality", _("Kommun"), org_path="organisation__", help="Organisationens kommun."
        ),
        theme_facet(org_path="organisation__", help="Organisationens tema (kortnamn)."),
    ]
    sorts = {
        "relevance": _("Bäst träff"),
        "newest": _("Senast publicerade"),
        "ending": _("Slutar snart"),
    }
    default_sort = "newest"
    text_help = "Fritext i rubrik, text och kompetenser."

    def base_queryset(self):
        return Opportunity.objects.public()

    def changes_at(self, now):
        return first_scheduled(Opportunity.objects.order_by(), now)

    def search_queryset(self):
        return Opportunity.objects.all()

    def order(self, queryset, sort=""):
        if (sort or self.sort) == "ending":
            return queryset.order_by("valid_until", "-published_at", "-pk")
        return queryset.order_by("-published_at", "-pk")

    def result_summary(self, count: int) -> str:
        return ngettext("%(count)s samarbetsmöjlighet", "%(count)s samarbetsmöjligheter", count) % {
            "count": count
        }


def organisation_index() -> FacetIndex:
    """This process's in-memory index of the listed organisations (directory/facet_index.py)."""
    return OrganisationSearch(QueryDict()).index
