"""The directory's facets: each filter's parameter, its vocabulary and which items have
each option (`index_pairs`, from which directory/facet_index.py builds its bitsets).

A facet is declared once, in a search's `facets` (directory/filters.py); the counts, the
API's query schema and OpenAPI parameters all follow from it. The other parameters (text,
sort, page) are read by QueryForm.
"""

from collections.abc import Callable, Iterable
from datetime import datetime

from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.opportunity import Opportunity, OpportunityKind
from directory.models.organisation import OrganisationPage
from directory.models.taxonomy import CompetenceTag, OrganisationType, PartnershipType
from themes.models import ThemedPage

MAX_VALUES_PER_FACET = 50
MAX_QUERY_LENGTH = 200


def swedish_sort_key(text: str) -> str:
    """Å, Ä and Ö after Z, as in a Swedish dictionary (for short option lists)."""
    return str(text).lower().translate({ord("å"): "{", ord("ä"): "|", ord("ö"): "}"})


# Vocabularies -------------------------------------------------------------------------


def competence_vocabulary() -> dict[str, str]:
    tags = CompetenceTag.objects.values_list("slug", "name")
    return dict(sorted(tags, key=lambda pair: swedish_sort_key(pair[1])))


def organisation_type_vocabulary() -> dict[str, str]:
    return {value: str(label) for value, label in OrganisationType.choices}


def opportunity_kind_vocabulary() -> dict[str, str]:
    return {value: str(label) for value, label in OpportunityKind.choices}


def open_needs_vocabulary() -> dict[str, str]:
    return {"1": str(_("Har aktuella behov"))}


def theme_vocabulary() -> dict[str, str]:
    from themes.models import Theme

    return dict(Theme.objects.order_by("sort_order", "name").values_list("slug", "name"))


def partnership_vocabulary() -> dict[str, str]:
    return dict(PartnershipType.objects.values_list("slug", "name"))


# Facets -------------------------------------------------------------------------------


class Facet:
    """One filter of the listing: a URL parameter, its allowed values and which items have
    each value (`index_pairs`, from which the in-memory index is built).

    `org_path` is non-empty when the facet describes the organisation of the searched item
    ("organisation__" for opportunities): its pairs then name organisations, and the index
    gives each item its organisation's values.
    """

    # The API takes several values of the parameter (False: one, as a checkbox).
    many = True

    def __init__(
        self,
        name: str,
        label: str,
        vocabulary: Callable[[], dict],
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
    """A value of a field on the searched model (organisation type, kind, partnership type)."""

    def __init__(self, name, label, vocabulary, field: str, **kwargs):
        super().__init__(name, label, vocabulary, **kwargs)
        self.field = field

    def index_pairs(self, search, now):
        return search.base_queryset().order_by().values_list("pk", self.field), None


class ThroughFacet(Facet):
    """Tags linked through a table (offers, seeks, themes, partnership types, competences):
    one pair per row of the link table, which names the item (or the organisation)."""

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


class MunicipalityFacet(Facet):
    """Head office or served: an organisation that works in the whole county counts for
    every municipality in it. SCB codes (2380) work as well as slugs (ostersund)."""

    def __init__(self, name, label, org_path: str = "", **kwargs):
        super().__init__(name, label, None, org_path, **kwargs)

    def vocabulary(self, search):
        return {slug: name for slug, name, _code, _in_county in search.municipalities}

    def aliases(self, search):
        return {code: slug for slug, _name, code, _in_county in search.municipalities if code}

    def index_pairs(self, search, now):
        in_county = [slug for slug, _name, _code, in_county in search.municipalities if in_county]
        pairs = []
        rows = OrganisationPage.objects.listed().order_by()
        for pk, head_office, whole_county in rows.values_list(
            "pk", "head_office__slug", "serves_whole_county"
        ):
            pairs.append((pk, head_office))
            if whole_county:
                pairs.extend((pk, slug) for slug in in_county)
        served = OrganisationPage.served_municipalities.through.objects.order_by()
        pairs.extend(served.values_list("organisationpage_id", "municipality__slug"))
        return pairs, None


class OpenNeedsFacet(Facet):
    """One checkbox: organisations that have a current need posted."""

    many = False

    def __init__(self, name, label, **kwargs):
        super().__init__(name, label, open_needs_vocabulary, **kwargs)

    def aliases(self, search):
        return {"true": "1", "on": "1", "ja": "1"}

    def index_pairs(self, search, now):
        needs = Opportunity.objects.needs().order_by()
        current = needs.current().values_list("organisation_id", flat=True).distinct()
        return [(pk, "1") for pk in current], first_scheduled(needs, now)


def first_scheduled(opportunities, now) -> datetime | None:
    """When the first of the opportunities scheduled for later (and not expired by then)
    comes out: the index's answer changes then without any edit."""
    scheduled = opportunities.filter(published_at__gt=now, valid_until__gte=timezone.localdate(now))
    return scheduled.aggregate(first=Min("published_at"))["first"]


def theme_facet(org_path: str = "", help: str = "Tema (kortnamn).") -> ThroughFacet:
    """The organisation's themes, through the shared ThemedPage link table."""
    return ThroughFacet(
        "theme",
        _("Tema"),
        theme_vocabulary,
        ThemedPage,
        tag="tag",
        item="content_object",
        org_path=org_path,
        help=help,
    )


# The query form -----------------------------------------------------------------------


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
