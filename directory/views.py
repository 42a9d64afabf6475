"""The organisation page's context: its opportunities, matches, related news and events.

OrganisationPage.get_context() uses it (connected in DirectoryConfig.ready()): it needs the
directory's matching and search, which are built on the organisation model.
"""

from django.apps import apps
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

from core.fragments import cache_seconds, content_version, remember
from core.listing.search import LazyList
from directory.jsonld import organisation_structured_data
from directory.matching import matches_for
from directory.models.opportunity import Opportunity, OpportunityKind, attach_opportunity_urls
from directory.models.organisation import OrganisationPage
from directory.models.pages import DirectoryIndexPage, directory_index_page
from themes.models import ThemedPage

RELATED_LIMIT = 3


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
        parent = page.__dict__.get("_cached_parent_obj")  # the page routing came through
        if isinstance(parent, DirectoryIndexPage):
            found = parent
        elif page.path:
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
