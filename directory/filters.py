"""Finding organisations and opportunities: the directory's two listings, declared on the
listing framework (core/listing/search.py), which the directory page, the opportunities
page, the JSON API, the CSV download and the feed all read, so they never disagree.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.listing.facets import FieldFacet, ThroughFacet
from core.listing.index import FacetIndex
from core.listing.search import FacetedSearch, by_name
from directory.facets import (
    MunicipalityFacet,
    OpenNeedsFacet,
    competence_vocabulary,
    first_scheduled,
    opportunity_kind_vocabulary,
    organisation_type_vocabulary,
    partnership_vocabulary,
)
from directory.models.opportunity import Opportunity
from directory.models.organisation import OrganisationPage
from directory.models.taxonomy import OfferedCompetence, OpportunityCompetence, SoughtCompetence
from themes.listing import theme_facet


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
    """This process's in-memory index of the listed organisations (core/listing/index.py)."""
    return OrganisationSearch(QueryDict()).index
