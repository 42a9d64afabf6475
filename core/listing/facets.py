"""A listing's filters: each one's URL parameter, its vocabulary and which items have each
option (`index_pairs`, from which core/listing/index.py builds its bitsets).

A facet is declared once, in a search's `facets` (core/listing/search.py); its counts, the
links that remove it and, for the directory, the API's query schema all follow from it.
The other parameters (text, sort, page) are read by QueryForm. The kinds here know no
project model: a FieldFacet reads a field of the listed model, a ThroughFacet a link table
(tags, themes); apps declare facets of their own kinds beside their searches.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django import forms

MAX_VALUES_PER_FACET = 50
MAX_QUERY_LENGTH = 200


def swedish_sort_key(text: str) -> str:
    """Å, Ä and Ö after Z, as in a Swedish dictionary (for short option lists)."""
    return str(text).lower().translate({ord("å"): "{", ord("ä"): "|", ord("ö"): "}"})


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetOptions:
    facet: "Facet"
    options: list[Option]
    is_open: bool


class Facet:
    """One filter of a listing: a URL parameter, its allowed values and which items have
    each value (`index_pairs`, from which the in-memory index is built).

    `org_path` is non-empty when the facet describes the organisation of the listed item
    ("organisation__" for opportunities): its pairs then name organisations, and the index
    gives each item its organisation's values.
    """

    # The API takes several values of the parameter (False: one, as a checkbox).
    many = True

    def __init__(
        self,
        name: str,
        label: str,
        vocabulary: Callable[[], dict] | None,
        org_path: str = "",
        *,
        help: str = "",
    ):
        self.name = name
        self.label = label
        self.help = help
        self.load_vocabulary = vocabulary
        self.org_path = org_path

    def aliases(self, search) -> dict[str, str]:
        return {}

    def clean(self, raw_values: list[str], search) -> list[str]:
        vocabulary = self.vocabulary(search)
        aliases = self.aliases(search)
        values = []
        for raw in raw_values[:MAX_VALUES_PER_FACET]:
            value = aliases.get(raw, raw)
            if value in vocabulary and value not in values:
                values.append(value)
        return values

    def vocabulary(self, search) -> dict[str, str]:
        return search.cached_vocabulary(self.load_vocabulary)

    def index_pairs(self, search, now) -> tuple[Iterable[tuple[int, str]], datetime | None]:
        """(item or organisation id, option) for every option each one has, and when that
        answer next changes by itself (None: only by an edit)."""
        raise NotImplementedError


class FieldFacet(Facet):
    """A value of a field of the listed model (organisation type, kind, a date's year)."""

    def __init__(self, name, label, vocabulary, field: str, **kwargs):
        super().__init__(name, label, vocabulary, **kwargs)
        self.field = field

    def index_pairs(self, search, now):
        return search.base_queryset().order_by().values_list("pk", self.field), None


class ThroughFacet(Facet):
    """Tags linked through a table (offers, seeks, themes, news tags): one pair per row of
    the link table, which names the item (or the organisation)."""

    def __init__(
        self, name, label, vocabulary, through, *, tag: str, item: str, org_path="", **kwargs
    ):
        super().__init__(name, label, vocabulary, org_path, **kwargs)
        self.through = through
        self.tag = tag
        self.item = item

    def index_pairs(self, search, now):
        rows = self.through.objects.order_by()
        return rows.values_list(f"{self.item}_id", f"{self.tag}__slug"), None


class QueryForm(forms.Form):
    """The non-facet parameters. Invalid ones are dropped, never reported as errors."""

    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH)
    sort = forms.ChoiceField(required=False, choices=())
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, sorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sort"].choices = [(key, label) for key, label in sorts]

    def clean_q(self):
        # Control characters carry no meaning in a search and upset some backends.
        text = "".join(ch if ch.isprintable() else " " for ch in self.cleaned_data["q"])
        return " ".join(text.split())
