"""Upcoming and past events, declared on the listing framework (core/listing/): the same
facets, counts, chips, paging and JSON/CSV output as every other listing.

Which events are upcoming changes without any edit, when one ends: `changes_at` tells the
in-memory index (core/listing/index.py) to be built again at that moment, and the state
keys of cached fragments and JSON carry the index's expiry, so none outlives it.
"""

import datetime

from django.db.models import Min
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.listing.export import csv_response, json_response
from core.listing.facets import Facet
from core.listing.search import FacetedSearch
from core.structured_data import absolute
from themes.listing import theme_facet

ON_SITE = "pa-plats"
ONLINE = "digitalt"


def attendance_vocabulary() -> dict[str, str]:
    return {ON_SITE: str(_("På plats")), ONLINE: str(_("Digitalt"))}


class AttendanceFacet(Facet):
    """How one takes part: on site (the event has a place), online, or either (both)."""

    def index_pairs(self, search, now):
        rows = search.base_queryset().order_by().values_list("pk", "location_name", "is_online")
        pairs = []
        for pk, place, online in rows:
            if place.strip():
                pairs.append((pk, ON_SITE))
            if online:
                pairs.append((pk, ONLINE))
        return pairs, None


class EventSearch(FacetedSearch):
    """The events of one calendar page that have not ended yet (ongoing ones too), soonest
    first; `PastEventSearch` is the ones that have, latest first. The page's routes import
    this module, so it reaches the events through the page (no import of events.models)."""

    past = False
    facets = [
        theme_facet(),
        AttendanceFacet(
            "deltagande", _("Delta"), attendance_vocabulary, help="pa-plats, digitalt."
        ),
    ]
    sorts = {"start": _("Datum")}
    default_sort = "start"
    text_help = "Fritext: rubrik, ingress, program, plats och arrangör."
    export_columns = [
        "title",
        "url",
        "start",
        "end",
        "location",
        "online",
        "organiser",
        "cancelled",
        "themes",
    ]

    def __init__(self, index_page, params, request=None):
        self.index_page = index_page
        self.per_page = index_page.page_size
        base_url = index_page.past_url() if self.past else index_page.url
        super().__init__(params, base_url, request)
        # Events are always in date order, with a text too.
        self.sort = self.default_sort

    # Text and sort are not choices here: dates order the list, a text only narrows it.
    sort_is_explicit = False

    @property
    def index_key(self) -> str:
        return f"{type(self).__name__}:{self.index_page.pk}"

    def state_key(self, *extra) -> str:
        # What a state shows changes when an event ends, which the index's expiry names.
        return super().state_key(self.index.expires_at.isoformat(), *extra)

    def base_queryset(self):
        events = self.index_page.events()
        return events.past() if self.past else events.upcoming()

    def search_queryset(self):
        # Every live event (the index keeps this page's): what the search backends filter.
        return self.index_page.events().model.objects.live()

    def order(self, queryset, sort=""):
        return queryset.order_by("start", "pk")

    def changes_at(self, now) -> datetime.datetime | None:
        """Just after the next upcoming event ends: it moves from one list to the other."""
        ends = self.index_page.events().upcoming(now).aggregate(first=Min("end"))["first"]
        return ends + datetime.timedelta(microseconds=1) if ends else None

    def decorate(self, queryset):
        return queryset.with_listing_data()

    def export_decorate(self, queryset):
        return queryset.prefetch_related("themes")

    def export_row(self, event, request) -> dict:
        return {
            "title": event.title,
            "url": absolute(event.get_url(request), request),
            "start": timezone.localtime(event.start).isoformat(),
            "end": timezone.localtime(event.end).isoformat(),
            "location": event.location_name,
            "online": event.is_online,
            "organiser": event.organiser,
            "cancelled": event.is_cancelled,
            "themes": [theme.name for theme in event.themes.all()],
        }

    def export_name(self) -> str:
        return "tidigare-traffar" if self.past else "kommande-traffar"

    @property
    def summary(self) -> str:
        if self.past:
            text = ngettext("%(count)d tidigare träff", "%(count)d tidigare träffar", self.count)
        else:
            text = ngettext("%(count)d kommande träff", "%(count)d kommande träffar", self.count)
        return text % {"count": self.count}


class PastEventSearch(EventSearch):
    past = True
    sorts = {"latest": _("Senaste först")}
    default_sort = "latest"

    def order(self, queryset, sort=""):
        return queryset.order_by("-start", "-pk")


def search_for(index_page, request, past: bool) -> EventSearch:
    return (PastEventSearch if past else EventSearch)(index_page, request.GET, request)


def without_empty_parameters(request):
    """A redirect to the same state without the parameters that have no value (the search
    box of a form sent without JavaScript; site.js leaves them out); else None."""
    params = request.GET
    if all(value.strip() for _key, values in params.lists() for value in values):
        return None
    kept = params.copy()
    for key in params:
        kept.setlist(key, [value for value in params.getlist(key) if value.strip()])
    query = kept.urlencode()
    return redirect(request.path + (f"?{query}" if query else ""))


def listing_response(index_page, request, past: bool):
    """The upcoming (or past) events page: the facets, the chips and a page of results."""
    if response := without_empty_parameters(request):
        return response
    search = search_for(index_page, request, past)
    search.page(search.decorate)
    return index_page.render(
        request,
        template="events/event_index_page_past.html" if past else None,
        context_overrides={"listing": search, "past": past},
    )


def export_response(index_page, request, past: bool, kind: str):
    """The same state as JSON (a page, with the facets' counts) or CSV (every match)."""
    search = search_for(index_page, request, past)
    if kind == "json":
        return json_response(search, request, search.export_decorate)
    return csv_response(search, request, f"{search.export_name()}.csv", search.export_decorate)
