"""What the site search covers, as a registry rather than imports.

A search type is one facet on the results page ("Nyheter", "Organisationer" …). It names
its models by label, so an app that is absent, or has not built the model yet, simply
contributes nothing. Every live page model that no type claims falls into the default type
("Sidor"), so a new page type is searchable the moment it exists.

Apps may register their own types from AppConfig.ready():

    from search.registry import SearchType, register_search_type

    register_search_type(SearchType(
        key="nyheter", label=_("Nyheter"), label_singular=_("Nyhet"),
        models=("news.NewsPage",), order=20,
    ))

Non-page models (partnership opportunities) need `queryset`: what visitors may see, built
from filters the model declares as index.FilterField so every backend can apply them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.db import models
from wagtail.models import Page
from wagtail.search.index import class_is_indexed


@dataclass(frozen=True)
class SearchType:
    key: str  # the value of ?typ= on the results page
    label: str  # plural, on the facet
    label_singular: str  # on each hit
    models: tuple[str, ...] = ()
    order: int = 100
    # The type that takes every page model nobody else claims.
    is_default: bool = False
    # Non-page models: model -> queryset of what visitors may see.
    queryset: Callable | None = None
    # Page models: model -> queryset of live pages that must still not be found
    # (an organisation that is live but not listed in the directory).
    hidden_pages: Callable | None = None
    # obj -> text shown instead of label_singular (Behov / Erbjudande).
    hit_label: Callable | None = None
    # (objects, request) -> None: give a batch of non-page hits their `url` in a fixed
    # number of queries (opportunities live under the directory page's routes).
    attach_urls: Callable | None = None
    # obj -> short text beside the label (which organisation an opportunity is from).
    hit_meta: Callable | None = None


@dataclass
class ResolvedType:
    """A search type with the models that exist in this project right now."""

    type: SearchType
    models: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.type.key

    @property
    def label(self) -> str:
        return str(self.type.label)

    @property
    def is_page_type(self) -> bool:
        return self.type.queryset is None

    def label_for(self, obj) -> str:
        if self.type.hit_label:
            return str(self.type.hit_label(obj))
        return str(self.type.label_singular)


_types: dict[str, SearchType] = {}


def register_search_type(search_type: SearchType) -> None:
    _types[search_type.key] = search_type
    resolved_types.cache_clear()


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _concrete_page_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and class_is_indexed(model)
    ]


@cache
def resolved_types() -> tuple[ResolvedType, ...]:
    """The registered types whose models exist, in display order."""
    resolved = []
    claimed = set()
    default = None
    for search_type in sorted(_types.values(), key=lambda t: (t.order, t.key)):
        found = [m for m in (_model(label) for label in search_type.models) if m is not None]
        entry = ResolvedType(type=search_type, models=found)
        claimed.update(found)
        if search_type.is_default:
            default = entry
        if found or search_type.is_default:
            resolved.append(entry)
    if default is not None:
        default.models.extend(m for m in _concrete_page_models() if m not in claimed)
    return tuple(entry for entry in resolved if entry.models)


def page_types() -> list[ResolvedType]:
    return [t for t in resolved_types() if t.is_page_type]


def object_types() -> list[ResolvedType]:
    return [t for t in resolved_types() if not t.is_page_type]


def get_type(key: str) -> ResolvedType | None:
    return next((t for t in resolved_types() if t.key == key), None)


def type_for_model(model) -> ResolvedType | None:
    for entry in resolved_types():
        if model in entry.models:
            return entry
    return None


def visible_objects(entry: ResolvedType) -> models.QuerySet:
    """The non-page model's visitor-visible objects (one model per non-page type)."""
    model = entry.models[0]
    return entry.type.queryset(model)


def searchable_pages():
    """Live, public pages, less those a type hides (live but unlisted organisations)."""
    queryset = Page.objects.live().public()
    for entry in page_types():
        if entry.type.hidden_pages:
            for model in entry.models:
                queryset = queryset.exclude(id__in=entry.type.hidden_pages(model).values("pk"))
    return queryset
