"""The directory's own facets and vocabularies (the kinds every listing shares are in
core/listing/facets.py): municipalities, which count an organisation serving the whole
county everywhere in it, and the checkbox of organisations with current needs.

A facet is declared once, in a search's `facets` (directory/filters.py); the counts, the
API's query schema and OpenAPI parameters all follow from it.
"""

from datetime import datetime

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.listing.facets import Facet, swedish_sort_key
from directory.models.opportunity import Opportunity, OpportunityKind
from directory.models.organisation import OrganisationPage
from directory.models.taxonomy import (
    CompetenceTag,
    Municipality,
    OrganisationType,
    PartnershipType,
)

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


def municipality_rows() -> list[tuple]:
    return list(Municipality.objects.values_list("slug", "name", "code", "in_county"))


def partnership_vocabulary() -> dict[str, str]:
    return dict(PartnershipType.objects.values_list("slug", "name"))


# Facets -------------------------------------------------------------------------------


class MunicipalityFacet(Facet):
    """Head office or served: an organisation that works in the whole county counts for
    every municipality in it. SCB codes (2380) work as well as slugs (ostersund)."""

    def __init__(self, name, label, org_path: str = "", **kwargs):
        super().__init__(name, label, None, org_path, **kwargs)

    def rows(self, search) -> list[tuple]:
        """(slug, name, SCB code, in the county) of every municipality."""
        return search.cached_vocabulary(municipality_rows)

    def vocabulary(self, search):
        return {slug: name for slug, name, _code, _in_county in self.rows(search)}

    def aliases(self, search):
        return {code: slug for slug, _name, code, _in_county in self.rows(search) if code}

    def index_pairs(self, search, now):
        in_county = [slug for slug, _name, _code, in_county in self.rows(search) if in_county]
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
