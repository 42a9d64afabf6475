"""Read-only open-data API of the directory: /api/v1/directory/ (OpenAPI at openapi.json).

The same filters as the directory page, through the same FacetedSearch, so the API and the
page always agree. Organisation data only: contact persons are never part of it.
Invalid filter values are ignored, as on the page.
"""

import datetime
import json
from typing import Annotated

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import NinjaAPI, Query, Schema
from pydantic import BeforeValidator, Field, create_model

from core.listing.export import CACHE_SECONDS, JSON_TYPE, page_json
from core.structured_data import absolute
from directory.filters import OpportunitySearch, OrganisationSearch
from directory.models import Opportunity, OrganisationPage
from directory.models.opportunity import attach_opportunity_urls
from directory.models.organisation import LOGO_PAGE_SPEC
from directory.models.pages import directory_index_page


def _lenient_int(value):
    """Like the page: a page number that is not a whole number means the first page."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _lenient_bool(value) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on", "ja"}


LenientInt = Annotated[int | None, BeforeValidator(_lenient_int)]
LenientBool = Annotated[bool, BeforeValidator(_lenient_bool)]

api = NinjaAPI(
    title="Samarbetspartner i Jämtlands län – öppna data",
    version="1",
    description=(
        "Organisationerna i Miljö- och klimatrådets katalog över samarbetspartner och deras "
        "aktuella behov och erbjudanden. Samma filter som på webbplatsen: flera värden för "
        "samma parameter ger träffar med något av dem (ELLER), olika parametrar måste alla "
        "uppfyllas (OCH). Okända värden ignoreras. Innehåller inga personuppgifter."
    ),
    urls_namespace="directory_api",
    docs_url=None,  # Swagger UI would load scripts from another host; the schema is enough
)


# Schemas ------------------------------------------------------------------------------


class Term(Schema):
    slug: str
    name: str


class MunicipalityOut(Schema):
    slug: str
    name: str
    code: str | None


class OrganisationRef(Schema):
    id: int
    name: str
    url: str


class OrganisationOut(Schema):
    id: int
    name: str
    url: str
    org_number: str | None
    org_type: Term
    size_class: str | None
    short_description: str
    description_html: str
    website: str | None
    logo: str | None
    head_office: MunicipalityOut
    serves_whole_county: bool
    served_municipalities: list[MunicipalityOut]
    themes: list[Term]
    environmental_objectives: list[Term]
    offers: list[Term]
    seeks: list[Term]
    partnership_types: list[Term]
    has_open_needs: bool
    member_since: datetime.date | None
    updated_at: datetime.datetime | None


class OpportunityOut(Schema):
    id: int
    kind: Term
    title: str
    text: str
    url: str
    organisation: OrganisationRef
    competences: list[Term]
    partnership_type: Term | None
    valid_until: datetime.date
    published_at: datetime.datetime


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetOptionOut]


class PageOut(Schema):
    count: int
    page: int
    num_pages: int
    next: str | None
    previous: str | None
    facets: list[FacetOut] | None = None


class OrganisationList(PageOut):
    results: list[OrganisationOut]


class OpportunityList(PageOut):
    results: list[OpportunityOut]


# Serialisation ------------------------------------------------------------------------


def _term(obj) -> dict:
    return {"slug": obj.slug, "name": obj.name}


def _municipality(m) -> dict:
    return {"slug": m.slug, "name": m.name, "code": m.code}


def organisation_out(org: OrganisationPage, request) -> dict:
    logo = None
    if org.logo_id:
        logo = absolute(org.logo.get_rendition(LOGO_PAGE_SPEC).url, request)
    return {
        "id": org.pk,
        "name": org.title,
        "url": absolute(org.get_url(request), request),
        "org_number": org.org_number or None,
        "org_type": {"slug": org.org_type, "name": str(org.get_org_type_display())},
        "size_class": org.size_class or None,
        "short_description": org.short_description,
        "description_html": org.description,
        "website": org.website or None,
        "logo": logo,
        "head_office": _municipality(org.head_office),
        "serves_whole_county": org.serves_whole_county,
        "served_municipalities": [_municipality(m) for m in org.served_municipalities.all()],
        "themes": [_term(t) for t in org.themes.all()],
        "environmental_objectives": [_term(o) for o in org.environmental_objectives.all()],
        "offers": [_term(t) for t in org.offers.all()],
        "seeks": [_term(t) for t in org.seeks.all()],
        "partnership_types": [_term(t) for t in org.partnership_types.all()],
        "has_open_needs": bool(org.has_open_needs),
        "member_since": org.member_since,
        "updated_at": org.last_published_at,
    }


def opportunity_out(item: Opportunity, request) -> dict:
    organisation = item.organisation
    return {
        "id": item.pk,
        "kind": {"slug": item.kind, "name": str(item.get_kind_display())},
        "title": item.title,
        "text": item.text,
        "url": absolute(item.url, request),
        "organisation": {
            "id": organisation.pk,
            "name": organisation.title,
            "url": absolute(organisation.get_url(request), request),
        },
        "competences": [_term(t) for t in item.competences.all()],
        "partnership_type": _term(item.partnership_type) if item.partnership_type else None,
        "valid_until": item.valid_until,
        "published_at": item.published_at,
    }


# Endpoints ----------------------------------------------------------------------------


def query_schema(search_class, name: str) -> type[Schema]:
    """The endpoint's parameters for the OpenAPI document, from the search's own facet
    declarations: adding a facet there adds its parameter here."""
    fields = {"q": (str | None, Field(None, description=search_class.text_help))}
    for facet in search_class.facets:
        if facet.many:
            fields[facet.name] = (list[str], Field([], description=facet.help))
        else:
            fields[facet.name] = (str | None, Field(None, description=facet.help))
    sorts = [f"{key} (kräver q)" if key == "relevance" else key for key in search_class.sorts]
    described = ", ".join(sorts[:-1]) + " eller " + sorts[-1] + "."
    fields["sort"] = (str | None, Field(None, description=described))
    fields["page"] = (
        LenientInt,
        Field(None, description=f"Sidnummer, från 1. {search_class.per_page} träffar per sida."),
    )
    fields["facets"] = (
        LenientBool,
        Field(False, description="Ta med filtrens alternativ och antal."),
    )
    return create_model(name, __base__=Schema, **fields)


OrganisationFilters = query_schema(OrganisationSearch, "OrganisationFilters")
OpportunityFilters = query_schema(OpportunitySearch, "OpportunityFilters")


# The FacetedSearch reads request.GET itself (unknown values are dropped there); the
# schemas above only describe the parameters in the OpenAPI document.


def _json_response(request, search, kind: str, facets: bool, build) -> HttpResponse:
    """The JSON body, kept until the directory changes (per state, page, host and scheme)."""
    key = search.state_key(kind, search.requested_page, facets, request.scheme, request.get_host())

    def render():
        return json.dumps(build(), cls=DjangoJSONEncoder, ensure_ascii=False)

    response = HttpResponse(search.cached(f"api:{key}", render), content_type=JSON_TYPE)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@api.get(
    "/organisations/",
    response=OrganisationList,
    summary="Organisationer i katalogen",
    tags=["Organisationer"],
)
def organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    """Listade organisationer, filtrerade som på sidan Hitta samarbetspartner."""
    search = OrganisationSearch(request.GET, request.path, request)

    def build():
        page_obj = search.page(decorate=lambda queryset: queryset.with_api_data())
        data = page_json(search, page_obj, request, filters.facets)
        data["results"] = [organisation_out(org, request) for org in page_obj.object_list]
        return data

    return _json_response(request, search, "organisations", filters.facets, build)


@api.get(
    "/opportunities/",
    response=OpportunityList,
    summary="Aktuella samarbetsmöjligheter",
    tags=["Samarbetsmöjligheter"],
)
def opportunities(request: HttpRequest, filters: Query[OpportunityFilters]):
    """Publicerade, inte utgångna behov och erbjudanden från listade organisationer."""
    search = OpportunitySearch(request.GET, request.path, request)

    def build():
        page_obj = search.page(decorate=lambda queryset: queryset.with_card_data())
        attach_opportunity_urls(page_obj.object_list, directory_index_page(request))
        data = page_json(search, page_obj, request, filters.facets)
        data["results"] = [opportunity_out(item, request) for item in page_obj.object_list]
        return data

    return _json_response(request, search, "opportunities", filters.facets, build)
