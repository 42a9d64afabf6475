"""One query over every searchable type, with facets, merged ranking and excerpts.

Pages (of every type) are one source: a single backend query over `Page` with the live,
public and type filters applied by the backend. Each non-page type (partnership
opportunities) is another source. With several sources in play, the results of a page of
the listing are the best-scoring of all sources merged, so "best first" holds across types.

Nothing here builds query syntax from user input: the backends get plain words from
search.query.SearchQuery, and any backend error still becomes an empty, friendly result.
A word with synonyms (Inställningar → Söksynonymer, search.synonyms) is searched as any of
its synonyms; the synonyms are read on every search and are part of every cache key, so an
edit shows on the next search.
"""

import datetime
import logging
from dataclasses import dataclass
from functools import cache, cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from modelsearch.backends.base import FieldError
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.pagequery import restricted
from search import cache as search_cache
from search import registry, synonyms
from search.backends import backend_errors
from search.highlight import block_text, excerpt, mark_terms, plain_text
from search.models import SynonymGroup
from search.query import SearchQuery, backend_query

logger = logging.getLogger(__name__)

PER_PAGE = 10
# Merged listings fetch the top N of every source for page N: cap how deep one can page.
MAX_PAGES = 50
# Text that is on the object already (RichTextField is a TextField).
EXCERPT_FIELD_TYPES = (models.CharField, models.TextField, StreamField)


@dataclass
class Hit:
    obj: object
    type: registry.ResolvedType
    url: str
    title: SafeString
    excerpt: SafeString
    label: str
    meta: str = ""


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Promotion:
    title: str
    url: str
    description: str


@cache
def _excerpt_fields(model) -> tuple[str, ...]:
    """Concrete text fields among the model's search fields: reading them costs no query."""
    names = []
    summary_field = getattr(model, "summary_field", None)
    if summary_field:
        names.append(summary_field)
    for search_field in model.get_searchable_search_fields():
        if search_field.field_name == "title":
            continue
        try:
            model_field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:  # a method or property: may query, never used for excerpts
            model_field = None
        if (
            model_field is not None
            and isinstance(model_field, EXCERPT_FIELD_TYPES)
            and search_field.field_name not in names
        ):
            names.append(search_field.field_name)
    return tuple(names)


def hit_text(obj) -> str:
    texts = []
    description = getattr(obj, "search_description", "")
    if description:
        texts.append(description)
    model = type(obj)
    for name in _excerpt_fields(model):
        value = getattr(obj, name, None)
        model_field = model._meta.get_field(name)
        if isinstance(model_field, StreamField):
            value = block_text(model_field.stream_block, value)
        elif isinstance(model_field, RichTextField):
            value = model_field.get_searchable_content(value)
        text = plain_text(value)
        if text and text not in texts:
            texts.append(text)
    return " ".join(texts)


class _Source:
    """One backend query: the pages, or one non-page type."""

    def __init__(self, search, queryset, types):
        self.search = search
        self.queryset = queryset
        self.types = types

    def results(self, operator):
        return self.search.backend.search(
            self.search.backend_query(operator),
            self.queryset,
            operator=operator,
            order_by_relevance=True,
        )

    def scored(self, operator, start, stop):
        return list(self.results(operator).annotate_score("_score")[start:stop])


class SiteSearch:
    def __init__(self, query: SearchQuery, type_key: str = "", request=None, backend=None):
        self.query = query
        self.request = request
        self.backend = backend or get_search_backend()
        self.selected = registry.get_type(type_key) if type_key else None
        self.failed = False
        self.operator = "and"

    # The query -------------------------------------------------------------------

    @cached_property
    def term_groups(self) -> list[tuple[str, ...]]:
        """Each searched word with its synonyms (the word alone when it has none)."""
        if not self.query.searchable:
            return []
        return synonyms.expand(self.query.content_terms, SynonymGroup.objects.groups())

    def backend_query(self, operator: str):
        return backend_query(self.term_groups, operator)

    @cached_property
    def _query_key(self) -> str:
        """The query as searched, synonyms included: what cached answers are keyed by."""
        return " ".join("|".join(group) for group in self.term_groups)

    @cached_property
    def marked_terms(self) -> tuple[str, ...]:
        """Marked in titles and excerpts: the words searched for and their synonyms."""
        return tuple(word for group in self.term_groups for word in group)

    # Sources ---------------------------------------------------------------------

    def _page_queryset(self, types, *, only_these: bool = False):
        """Searchable pages; of the given types only when `only_these`."""
        queryset = self._searchable_pages
        if only_these:
            content_types = ContentType.objects.get_for_models(
                *[model for entry in types for model in entry.models], for_concrete_models=False
            )
            queryset = queryset.filter(content_type__in=[ct.pk for ct in content_types.values()])
        return queryset

    @cached_property
    def _searchable_pages(self):
        # public() looks up view restrictions when called: build the queryset once.
        return registry.searchable_pages()

    @cached_property
    def _visible_objects(self) -> dict:
        return {entry.key: registry.visible_objects(entry) for entry in registry.object_types()}

    @cached_property
    def _content_type_to_type(self) -> dict:
        mapping = {}
        for entry in registry.page_types():
            for content_type in ContentType.objects.get_for_models(
                *entry.models, for_concrete_models=False
            ).values():
                mapping[content_type.pk] = entry
        return mapping

    @cached_property
    def sources(self) -> list[_Source]:
        if self.selected is not None and not self.selected.is_page_type:
            return [_Source(self, self._visible_objects[self.selected.key], [self.selected])]
        if self.selected is not None:
            pages = self._page_queryset([self.selected], only_these=True)
            return [_Source(self, pages.specific(), [self.selected])]
        page_types = registry.page_types()
        sources = [_Source(self, self._page_queryset(page_types).specific(), page_types)]
        sources += [
            _Source(self, self._visible_objects[entry.key], [entry])
            for entry in registry.object_types()
        ]
        return sources

    # Counting --------------------------------------------------------------------

    def _count(self, operator) -> dict[str, int]:
        """Hits per type key, for the facets (all types, whatever is selected)."""
        counts = {}
        all_pages = self._page_queryset(registry.page_types())
        search = self.backend.search
        by_content_type = search(
            self.backend_query(operator), all_pages, operator=operator, order_by_relevance=False
        ).facet("content_type_id")
        for content_type_id, count in by_content_type.items():
            entry = self._content_type_to_type.get(content_type_id)
            if entry is not None:
                counts[entry.key] = counts.get(entry.key, 0) + count
        for entry in registry.object_types():
            found = search(
                self.backend_query(operator),
                self._visible_objects[entry.key],
                operator=operator,
                order_by_relevance=False,
            ).count()
            if found:
                counts[entry.key] = found
        return counts

    def _compute_counts(self) -> dict:
        counts, operator = self._count("and"), "and"
        if not counts and len(self.query.content_terms) > 1:
            # Nothing has every word: show what has any of them, and say so.
            or_counts = self._count("or")
            if or_counts:
                counts, operator = or_counts, "or"
        return {"counts": counts, "operator": operator}

    @cached_property
    def counts(self) -> dict[str, int]:
        if not self.query.searchable:
            return {}
        try:
            answer = search_cache.cached(
                ("counts", self._query_key), self._compute_counts, request=self.request
            )
        except backend_errors() as error:
            self._fail(error)
            return {}
        self.operator = answer["operator"]
        return answer["counts"]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def selected_total(self) -> int:
        if self.selected is None:
            return self.total
        return self.counts.get(self.selected.key, 0)

    def facets(self) -> list[Facet]:
        return [
            Facet(
                key=entry.key,
                label=entry.label,
                count=self.counts.get(entry.key, 0),
                selected=self.selected is not None and entry.key == self.selected.key,
            )
            for entry in registry.resolved_types()
            if self.counts.get(entry.key, 0) or (self.selected and entry.key == self.selected.key)
        ]

    def _fail(self, error):
        self.failed = True
        if isinstance(error, FieldError):  # a search type filters on a field the index lacks
            logger.error("Search misconfigured: %s", error, exc_info=error)
        else:
            logger.warning("Search failed for %r: %s", self.query.backend_string, error)

    # Results ---------------------------------------------------------------------

    def _source_total(self, source) -> int:
        return sum(self.counts.get(entry.key, 0) for entry in source.types)

    def _rank(self, start: int, stop: int) -> list:
        """The objects ranked start..stop over every source with hits."""
        live = [source for source in self.sources if self._source_total(source)]
        if not live:
            return []
        if len(live) == 1:
            return list(live[0].results(self.operator)[start:stop])
        # Several sources: the top `stop` of each, merged by score.
        sign = -1 if "SQLite" in type(self.backend).__name__ else 1  # bm25: lower is better
        scored = []
        for order, source in enumerate(live):
            for position, obj in enumerate(source.scored(self.operator, 0, stop)):
                scored.append((-(sign * (obj._score or 0)), order, position, obj))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[start:stop]]

    def _fetch(self, start: int, stop: int) -> list:
        """The ranked objects, their order cached by id (see search.cache)."""
        computed = []

        def rank_ids():
            computed.extend(self._rank(start, stop))
            return [self._ref(obj) for obj in computed]

        parts = (
            "ids",
            self._query_key,
            self.operator,
            self.selected.key if self.selected else "",
            start,
            stop,
        )
        refs = search_cache.cached(parts, rank_ids, request=self.request)
        return computed if computed else self._load(refs)

    @staticmethod
    def _ref(obj) -> tuple[str, int]:
        if isinstance(obj, Page):
            return ("page", obj.pk)
        return (obj._meta.label_lower, obj.pk)

    def _load(self, refs) -> list:
        """Objects by ref, through the same visibility filters as the search itself."""
        wanted: dict[str, list] = {}
        for label, pk in refs:
            wanted.setdefault(label, []).append(pk)
        found = {}
        if "page" in wanted:
            for page in self._searchable_pages.filter(pk__in=wanted["page"]).specific():
                found[("page", page.pk)] = page
        for entry in registry.object_types():
            label = entry.models[0]._meta.label_lower
            if label in wanted:
                for obj in self._visible_objects[entry.key].filter(pk__in=wanted[label]):
                    found[(label, obj.pk)] = obj
        return [found[tuple(ref)] for ref in refs if tuple(ref) in found]

    def page(self, number):
        """A Django paginator page of Hits; bad page numbers give the nearest real page."""
        total = min(self.selected_total, PER_PAGE * MAX_PAGES)
        paginator = Paginator(_LazyResults(self, total), PER_PAGE)
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        number = max(1, min(number, paginator.num_pages))
        try:
            return paginator.page(number)
        except backend_errors() as error:
            self._fail(error)
            return Paginator(_LazyResults(self, 0), PER_PAGE).page(1)

    def hits(self, objects) -> list[Hit]:
        typed = [(registry.type_for_model(type(obj)), obj) for obj in objects]
        for entry in {entry.key: entry for entry, _obj in typed if entry}.values():
            if entry.type.attach_urls:
                entry.type.attach_urls([o for e, o in typed if e is entry], self.request)
        hits = []
        for entry, obj in typed:
            url = url_of(obj, self.request) if entry else ""
            if not url:
                continue
            hits.append(
                Hit(
                    obj=obj,
                    type=entry,
                    url=url,
                    title=mark_terms(_title_of(obj), self.marked_terms),
                    excerpt=excerpt(hit_text(obj), self.marked_terms),
                    label=entry.label_for(obj),
                    meta=entry.type.hit_meta(obj) if entry.type.hit_meta else _meta_of(obj),
                )
            )
        return hits

    # Promotions ------------------------------------------------------------------

    def promotions(self) -> list[Promotion]:
        """Staff picks for this query (wagtail.contrib.search_promotions), live pages only."""
        if not self.query:
            return []
        wanted = {self.query.normalised, " ".join(self.query.text.lower().split())}
        picks = (
            SearchPromotion.objects.filter(query__query_string__in=wanted)
            .filter(Q(page__isnull=True) | Q(page__in=Page.objects.live().exclude(restricted())))
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        promotions = []
        for pick in picks:
            if pick.page_id:
                page = pick.page.specific_deferred
                url = page.get_url(self.request)
                description = pick.description or getattr(page.specific, "summary", "")
                title = page.title
            else:
                url, title, description = (
                    pick.external_link_url,
                    pick.external_link_text,
                    pick.description,
                )
            if url and title:
                promotions.append(Promotion(title=title, url=url, description=description))
        return promotions


class _LazyResults:
    """What Paginator needs: a known count and slices fetched on demand, as Hits."""

    def __init__(self, search: SiteSearch, total: int):
        self.search = search
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("search results are read in pages")
        start, stop = item.start or 0, min(item.stop or self.total, self.total)
        if stop <= start:
            return []
        return self.search.hits(self.search._fetch(start, stop))


def url_of(obj, request=None) -> str:
    if isinstance(obj, Page):
        return obj.get_url(request) or ""
    for name in ("get_absolute_url", "url"):
        value = getattr(obj, name, None)
        if callable(value):
            value = value()
        if value:
            return str(value)
    return ""


def _title_of(obj) -> str:
    return str(getattr(obj, "title", "") or obj)


def _meta_of(obj) -> str:
    """The date a reader wants next to the title: a news item's date, an event's start."""
    for name in ("date", "start"):
        value = getattr(obj, name, None)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "j F Y")
        if isinstance(value, datetime.date):
            return date_format(value, "j F Y")
    return ""
