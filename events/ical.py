"""iCalendar: one file per event, and a calendar of the upcoming events to subscribe to."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.structured_data import organisation_data

CALENDAR_MAX_AGE = 15 * 60
# Subscribers keep an event a while after it ended, so it does not vanish from their calendar
# the moment it is over.
KEEP_ENDED_FOR = timedelta(days=30)
CALENDAR_LENGTH = 500


def _uid_domain() -> str:
    """Stable across requests and hosts, as calendar UIDs must be."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_component(event, request) -> Event:
    url = event.get_full_url(request)
    component = Event()
    component.add("uid", f"traff-{event.pk}@{_uid_domain()}")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    summary = event.title
    if event.is_cancelled:
        summary = _("INSTÄLLD: %(title)s") % {"title": event.title}
    component.add("summary", summary)
    description = [event.lead, url]
    if event.registration_url and event.registration_open():
        description.insert(1, _("Anmälan: %(url)s") % {"url": event.registration_url})
    component.add("description", "\n\n".join(description))
    location = ", ".join(p for p in [event.where, event.address] if p)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    themes = [theme.name for theme in event.themes.all()]
    if themes:
        component.add("categories", themes)
    return component


def build_calendar(events, name: str, request) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{organisation_data(request)['name']}//Träffar//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, request))
    if events:
        first = min(e.local_start for e in events).date() - timedelta(days=366)
        last = max(e.local_end for e in events).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def _response(calendar: Calendar, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CALENDAR_MAX_AGE)
    return response


def event_response(request, event) -> HttpResponse:
    calendar = build_calendar([event], event.title, request)
    return _response(calendar, f"{event.slug}.ics", attachment=True)


def calendar_response(request, index_page) -> HttpResponse:
    since = timezone.now() - KEEP_ENDED_FOR
    events = (
        index_page.events()
        .listed()
        .filter(end__gte=since)
        .order_by("start", "pk")
        .prefetch_related("themes")[:CALENDAR_LENGTH]
    )
    name = _("Träffar – %(org)s") % {"org": organisation_data(request)["name"]}
    return _response(build_calendar(events, name, request), "traffar.ics", attachment=False)
