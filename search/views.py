import json
import logging

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.search.backends import get_search_backend

from core.listing.search import Listing
from search import registry
from search.backends import backend_errors
from search.engine import SiteSearch, url_of
from search.query import SearchQuery, clean_text
from search.stats import record_search
from search.suggest import no_hit_links, spelling_suggestions

logger = logging.getLogger(__name__)

AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_LIMIT = 8
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _param(request, name: str, max_length: int = 40) -> str:
    return clean_text(request.GET.get(name, ""), max_length=max_length)


@require_safe
@cache_control(private=True, max_age=0)
def search(request):
    query = SearchQuery.from_input(request.GET.get("q", ""))
    type_key = _param(request, "typ")
    site_search = SiteSearch(query, type_key=type_key, request=request)
    requested_page = request.GET.get("page", "1").strip() or "1"
    results = site_search.page(requested_page) if query else None
    first_view = requested_page == "1" and not type_key
    if query and first_view and request.method == "GET" and not site_search.failed:
        # Counted once per search: not again for its other pages or type filters.
        record_search(query, site_search.total, request.headers.get("User-Agent", ""))

    listing = Listing(reverse("search:search"), results)
    if query:
        listing.selected.append(("q", query.text, query.text))
    if site_search.selected:
        listing.selected.append(("typ", site_search.selected.key, site_search.selected.label))
    base = [("q", query.text)] if query else []
    facets = site_search.facets() if query else []
    for facet in facets:
        facet.url = listing.url([*base, ("typ", facet.key)])

    no_hits = bool(query) and not site_search.total
    context = {
        "search_query": query.text,
        "query": query,
        "site_search": site_search,
        "results": results,
        "listing": listing,
        "hits": list(results.object_list) if results else [],
        "facets": facets,
        "selected_type": site_search.selected,
        "all_url": listing.url(base),
        "promotions": site_search.promotions() if query and first_view else [],
        "suggestions": [
            {"text": text, "url": listing.url([("q", text)])}
            for text in (spelling_suggestions(query, request) if no_hits else [])
        ],
        "help_links": no_hit_links(request) if no_hits else [],
        "unknown_type": bool(type_key) and site_search.selected is None,
    }
    return TemplateResponse(request, "search/search.html", context)


@require_safe
@cache_control(private=True, max_age=0)
def autocomplete(request):
    """Titles and URLs for the header's search box: {"results": [{title, url, type}]}."""
    raw = _param(request, "q", max_length=100)
    query = SearchQuery.from_input(raw)
    results = []
    if len(raw) >= AUTOCOMPLETE_MIN_LENGTH and query:
        try:
            results = _suggest_titles(query, request)
        except backend_errors() as error:
            logger.warning("Autocomplete failed for %r: %s", query.backend_string, error)
    # <, > and & as \u escapes, as json_script does: the same data, inert if ever mis-sniffed.
    body = json.dumps({"results": results}, ensure_ascii=False).translate(_JSON_ESCAPES)
    return HttpResponse(body, content_type="application/json")


def _suggest_titles(query: SearchQuery, request) -> list[dict]:
    backend = get_search_backend()
    found = []
    pages = registry.searchable_pages().specific(defer=True)
    for page in backend.autocomplete(query.backend_string, pages)[:AUTOCOMPLETE_LIMIT]:
        entry = registry.type_for_model(type(page))
        url = page.get_url(request)
        if entry and url:
            found.append({"title": page.title, "url": url, "type": entry.label_for(page)})
    for entry in registry.object_types():
        if len(found) >= AUTOCOMPLETE_LIMIT:
            break
        objects = registry.visible_objects(entry)
        if not objects.model.get_autocomplete_search_fields():
            continue
        matches = list(
            backend.autocomplete(query.backend_string, objects)[: AUTOCOMPLETE_LIMIT - len(found)]
        )
        if entry.type.attach_urls:
            entry.type.attach_urls(matches, request)
        for obj in matches:
            url = url_of(obj, request)
            if url:
                found.append({"title": str(obj.title), "url": url, "type": entry.label_for(obj)})
    return found
