"""The directory's public views: the search, the organisation page, opportunities, CSV."""

from django.apps import apps
from django.http import Http404, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from core.fragments import content_version
from directory import csvio
from directory.caching import cache_seconds
from directory.explain import widenings, with_municipality_reasons
from directory.filters import LazyList, OpportunitySearch, OrganisationSearch
from directory.jsonld import organisation_structured_data
from directory.matching import matches_for, partners_for_opportunity
from directory.models import (
    DirectoryIndexPage,
    Opportunity,
    OpportunityKind,
    OrganisationPage,
)
from themes.models import ThemedPage

RELATED_LIMIT = 3


def directory_index_page(request=None) -> DirectoryIndexPage | None:
    """The live directory page, looked up once per request."""
    if request is not None and hasattr(request, "_directory_index_page"):
        return request._directory_index_page
    page = DirectoryIndexPage.objects.live().first()
    if request is not None:
        request._directory_index_page = page
    return page


def attach_opportunity_urls(opportunities, index_page, request=None):
    """Give each opportunity its public URL (no query: the index page is known)."""
    for opportunity in opportunities:
        opportunity.url = index_page.opportunity_url(opportunity, request) if index_page else ""
    return opportunities


# The directory listing ------------------------------------------------------------------


def search_context(search, results) -> dict:
    """What the search templates need; `listing` is the name the shared includes use."""
    return {
        "search": search,
        "listing": search,
        "results": results,
        "facets": search.facet_options(),
        "summary": search.result_summary(results.paginator.count),
    }


def directory_index(index_page: DirectoryIndexPage, request):
    search = OrganisationSearch(request.GET, base_url=index_page.get_url(request))
    results = search.page(decorate=lambda queryset: queryset.with_card_data())
    cards = results.object_list
    # Lazy, like the cards: the results' cached fragment needs neither.
    results.object_list = LazyList(lambda: with_municipality_reasons(search, cards))
    context = {
        **search_context(search, results),
        "widenings": LazyList(lambda: [] if results.paginator.count else widenings(search)),
        "canonical_url": index_page.get_full_url(request) + search.query_string(results.number),
        "csv_url": index_page.subpage_url("csv", request) + search.query_string(),
        "api_url": "/api/v1/directory/organisations/" + search.query_string(),
        "opportunities_url": index_page.subpage_url("opportunities", request),
    }
    return index_page.render(
        request, template="directory/directory_index_page.html", context_overrides=context
    )


def directory_csv(index_page: DirectoryIndexPage, request):
    """The current selection as CSV, with the import file's columns."""
    search = OrganisationSearch(request.GET, base_url=index_page.get_url(request))
    rows = search.results(decorate=lambda queryset: queryset.with_api_data())
    response = StreamingHttpResponse(csvio.stream_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="samarbetspartner.csv"'
    patch_cache_control(response, public=True, max_age=300)
    return response


# The organisation page ------------------------------------------------------------------


def related_by_theme(theme_ids: list[int]) -> dict:
    """Latest news and upcoming events on the organisation's themes.

    Looked up through the apps so the directory still works on a site without them.
    """
    related = {"related_news": [], "related_events": []}
    if not theme_ids:
        return related
    on_themes = ThemedPage.objects.filter(tag_id__in=theme_ids).values("content_object_id")
    try:
        NewsPage = apps.get_model("news", "NewsPage")
    except LookupError:
        NewsPage = None
    if NewsPage is not None:
        related["related_news"] = list(
            NewsPage.objects.listed().filter(pk__in=on_themes).with_listing_data()[:RELATED_LIMIT]
        )
    try:
        EventPage = apps.get_model("events", "EventPage")
    except LookupError:
        EventPage = None
    if EventPage is not None:
        related["related_events"] = list(
            EventPage.objects.upcoming()
            .filter(pk__in=on_themes)
            .with_listing_data()[:RELATED_LIMIT]
        )
    return related


def related_html(request, themes) -> str:
    """The related news and events as HTML, kept until an editor changes something
    (core/fragments.py: pages, themes) or the first event shown has ended; not in preview.

    They depend only on the themes, so every organisation with the same themes shares
    one entry: with three themes there are at most eight.
    """
    from core.fragments import remember

    theme_ids = sorted(theme.pk for theme in themes)

    def compute():
        related = related_by_theme(theme_ids)
        events = related["related_events"]
        return {
            "html": render_to_string(
                "directory/includes/organisation_related.html", related, request
            ),
            "valid_until": min((event.end for event in events), default=None),
        }

    related = remember(
        request,
        f"directory:related:{','.join(map(str, theme_ids))}:{request.get_host()}",
        compute,
        until=lambda value: value["valid_until"],
    )
    return related["html"]


def organisation_page_context(page: OrganisationPage, request) -> dict:
    """Everything the organisation page shows.

    Most of it is rendered into fragments cached until the directory changes, so the values
    are lazy: computed only when a fragment has to be rendered again. Preview never uses
    the cache ({% wagtailcache %}: it shows a draft under the live page's id).
    """

    def find_index_page():
        found = None
        if page.path:
            found = DirectoryIndexPage.objects.filter(path=page.path[: -page.steplen]).first()
        return found or directory_index_page(request)

    index_page = SimpleLazyObject(find_index_page)
    themes = LazyList(page.themes.all)
    offers = LazyList(page.offers.all)
    seeks = LazyList(page.seeks.all)

    def opportunities():
        current = (
            Opportunity.objects.current()
            .filter(organisation=page)
            .select_related("partnership_type")
            .prefetch_related("competences")
            .order_by("kind", "valid_until", "pk")
        )
        return attach_opportunity_urls(list(current), index_page, request)

    opportunities = LazyList(opportunities)
    context = {
        "index_page": index_page,
        "offers": offers,
        "seeks": seeks,
        "page_themes": themes,
        "objectives": LazyList(page.environmental_objectives.all),
        "partnership_types": LazyList(page.partnership_types.all),
        "served": LazyList(page.served_municipalities.all),
        "needs": LazyList(lambda: [o for o in opportunities if o.kind == OpportunityKind.NEED]),
        "offerings": LazyList(
            lambda: [o for o in opportunities if o.kind == OpportunityKind.OFFER]
        ),
        "matches": LazyList(lambda: matches_for(page, offers=list(offers), seeks=list(seeks))),
        "contact": SimpleLazyObject(lambda: page.public_contact),
        "related": lambda: related_html(request, themes),
    }
    # A callable: the template calls it only when the cached fragment is missing.
    context["structured_data"] = lambda: organisation_structured_data(page, request, context)
    seconds = cache_seconds()
    context.update(cache_timeout=seconds, cache_version=content_version(request) if seconds else "")
    return context


# Opportunities --------------------------------------------------------------------------


def opportunity_index(index_page: DirectoryIndexPage, request):
    base_url = index_page.subpage_url("opportunities", request)
    search = OpportunitySearch(request.GET, base_url=base_url)
    results = search.page(decorate=lambda queryset: queryset.with_card_data())
    attach_opportunity_urls(results.object_list, index_page, request)
    context = {
        **search_context(search, results),
        "canonical_url": index_page.get_full_url(request)
        + index_page.reverse_subpage("opportunities")
        + search.query_string(results.number),
        "feed_url": index_page.subpage_url("opportunity_feed", request) + search.query_string(),
        "api_url": "/api/v1/directory/opportunities/" + search.query_string(),
        "directory_url": index_page.get_url(request),
    }
    return index_page.render(
        request, template="directory/opportunity_index_page.html", context_overrides=context
    )


def opportunity_detail(index_page: DirectoryIndexPage, request, pk: int, slug: str):
    opportunity = Opportunity.objects.public().with_card_data().filter(pk=pk).first()
    if opportunity is None:
        raise Http404(_("Samarbetsmöjligheten finns inte eller har gått ut."))
    url = index_page.opportunity_url(opportunity, request)
    if slug != opportunity.slug:
        return HttpResponsePermanentRedirect(url)
    opportunity.url = url
    context = {
        "opportunity": opportunity,
        "organisation": opportunity.organisation,
        "competences": list(opportunity.competences.all()),
        "partners": partners_for_opportunity(opportunity),
        "opportunities_url": index_page.subpage_url("opportunities", request),
    }
    return index_page.render(
        request, template="directory/opportunity_page.html", context_overrides=context
    )
