"""Filtered, counted, sorted and paged listings: one definition for every channel.

A `FacetedSearch` reads a query string, keeps only values it knows (anything else is
ignored: unknown slugs, null bytes, page=0, page=99999 never raise), filters (OR within a
facet, AND across facets), counts every facet's options for the state of the *other*
facets, sorts and paginates. The directory, its opportunities, news and events are
subclasses that name the model, the facets and the sort orders; their pages, the JSON and
CSV outputs (core/listing/export.py) and the feeds all build their results here.

Counting and paging happen in memory (core/listing/index.py), built from each facet's
`index_pairs`. Measured against one SQL query per state (FILTER aggregates over a per-state
CTE), the index answers a new directory state in a few milliseconds where SQL needs tens
at 10,000 organisations.

Text search goes through Wagtail's search API, so it follows whatever backend the site
is configured with. The ids of the matches are found once per text and content version
(at most every item, or the best `MAX_CLUSTER_HITS` with a search cluster); the counts and
the results filter by them, and relevance order comes from the backend.

Parameter names are shared by every listing (`tema` for themes); the old names in
RENAMED_PARAMETERS are still understood, and `renamed_redirect()` sends a page asked for
with them to its canonical address.
"""

from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models.functions import Collate, Lower
from django.http import HttpResponsePermanentRedirect, QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import fragments
from core.fragments import digest
from core.listing.facets import Facet, FacetOptions, Option, QueryForm
from core.listing.index import FacetIndex

PER_PAGE = 20
MAX_CLUSTER_HITS = 1000
SWEDISH_COLLATION = "sv-x-icu"
# Old parameter name -> the one every listing uses now.
RENAMED_PARAMETERS = {"theme": "tema"}


def by_name(field: str = "title"):
    """Database ordering by name in Swedish alphabetical order where the database can."""
    if connection.vendor == "postgresql":
        return Collate(field, SWEDISH_COLLATION)
    return Lower(field)


def renamed(params: QueryDict) -> QueryDict:
    """The parameters with old names under their new ones."""
    if not any(old in params for old in RENAMED_PARAMETERS):
        return params
    result = QueryDict(mutable=True)
    for key, values in params.lists():
        result.setlist(
            RENAMED_PARAMETERS.get(key, key),
            result.getlist(RENAMED_PARAMETERS.get(key, key)) + values,
        )
    return result


def renamed_redirect(request):
    """A permanent redirect to the same listing under the new parameter names, when the
    address uses an old one (links and bookmarks from before the rename); else None."""
    if not any(old in request.GET for old in RENAMED_PARAMETERS):
        return None
    return HttpResponsePermanentRedirect(f"{request.path}?{renamed(request.GET).urlencode()}")


class ListingPageMixin:
    """For a page whose routes are listings: an address with an old parameter name is
    redirected before any route runs."""

    def serve(self, request, *args, **kwargs):
        return renamed_redirect(request) or super().serve(request, *args, **kwargs)


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


class FacetedSearch(Listing):
    """Base class: subclasses name the model, the facets and the sort orders.

    `base_url` is where the links (pagination, removing a filter) point: the listing page
    or the API. `request`, where there is one, lets the content version be read once.
    """

    model = None
    facets: list[Facet] = []
    sorts: dict = {}
    default_sort = "name"
    text_help = ""  # the API's description of q
    has_text_search = True
    per_page = PER_PAGE
    # The listed model's link to its organisation, for facets with an org_path.
    org_field = "organisation"

    def __init__(self, params, base_url: str = "", request=None):
        super().__init__(base_url)
        self.request = request
        self.params = params = renamed(params)
        form = QueryForm(params, sorts=self.sorts.items())
        form.is_valid()
        data = form.cleaned_data
        self.query = (data.get("q") or "") if self.has_text_search else ""
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
            self._vocabularies[loader] = self.cached(f"vocabulary:{loader.__qualname__}", loader)
        return self._vocabularies[loader]

    # Caching: entries are kept under the content version, which any change replaces, and
    # today's date (what is current changes at midnight).

    @cached_property
    def version(self) -> str:
        """The content version: the in-memory index is kept per version, whether or not
        the fragment cache is on."""
        return fragments.content_version(self.request)

    def cached(self, name: str, compute):
        name = f"listing:{timezone.localdate().isoformat()}:{name}"
        return fragments.remember(self.request, name, compute, version=self.version)

    @property
    def index_key(self) -> str:
        """Which in-memory index this search reads: one per class unless the listed items
        depend on more (a news index page)."""
        return type(self).__name__

    def state_key(self, *extra) -> str:
        return digest(self.index_key, self.filter_pairs(), *extra)

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

        return self.cached(f"text:{digest(self.index_key, self.query)}", compute)

    # The in-memory index (core/listing/index.py)

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
        could never show something withdrawn."""
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
        return fragments.cache_seconds()

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

    # State and URLs

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
