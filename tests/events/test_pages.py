"""Events: validation, Swedish dates in Stockholm time, structured data, iCalendar."""

import datetime
import json
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import make_home_page
from themes.models import Theme

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*args):
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


class TestEventPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.login()

    def test_events_live_under_the_one_calendar(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        EventIndexPageFactory(parent=self.home)
        self.assertFalse(EventIndexPage.can_create_at(self.home))

    def test_editor_creates_an_event_in_swedish_time(self):
        index = EventIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index,
            EventPage,
            nested_form_data(
                {
                    "title": "Omställningsarenan: tunga transporter",
                    "slug": "arenan",
                    "start": "2028-03-14 13:00",
                    "end": "2028-03-14 16:00",
                    "lead": "El, biogas eller vätgas?",
                    "location_name": "Campus Östersund",
                    "address": "Kunskapens väg 8, Östersund",
                    "organiser": "Miljö- och klimatrådet i Jämtlands län",
                    "registration_url": "https://anmalan.example/arenan",
                    "registration_deadline": "2028-03-07",
                    "themes": Theme.objects.get(name="Energiomställning").pk,
                    "body": streamfield([("paragraph", rich_text("<p>Program.</p>"))]),
                }
            ),
        )
        page = EventPage.objects.get(slug="arenan")
        self.assertEqual(page.start, at(2028, 3, 14, 13, 0))
        self.assertEqual(page.when, "tisdag 14 mars 2028, kl. 13.00–16.00")
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(index)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": at(2028, 3, 14, 12, 0)}, "end"),
        ({"location_name": "", "is_online": False}, "location_name"),
        ({"online_url": "https://mote.example/x", "is_online": False}, "is_online"),
        ({"registration_deadline": datetime.date(2028, 3, 15)}, "registration_deadline"),
        (
            {"registration_url": "", "registration_deadline": datetime.date(2028, 3, 1)},
            "registration_url",
        ),
    ],
)
@pytest.mark.django_db
def test_event_refuses_inconsistent_details(event_index, changes, field):
    page = EventPageFactory(
        parent=event_index,
        start=at(2028, 3, 14, 13, 0),
        end=at(2028, 3, 14, 16, 0),
        registration_url="https://anmalan.example/x",
    )
    for name, value in changes.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


@pytest.mark.django_db
def test_an_online_event_needs_no_place(event_index):
    page = EventPageFactory(parent=event_index, location_name="", is_online=True)
    page.full_clean()
    assert page.where == "Digitalt"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (at(2028, 3, 14, 13, 0), at(2028, 3, 14, 16, 30), "tisdag 14 mars 2028, kl. 13.00–16.30"),
        (
            at(2028, 10, 2, 9, 0),
            at(2028, 10, 3, 15, 0),
            "måndag 2 oktober kl. 09.00 – tisdag 3 oktober 2028 kl. 15.00",
        ),
        (
            at(2028, 12, 31, 20, 0),
            at(2029, 1, 1, 2, 0),
            "söndag 31 december 2028 kl. 20.00 – måndag 1 januari 2029 kl. 02.00",
        ),
        # Stored in UTC, shown in Stockholm's summer time.
        (
            datetime.datetime(2028, 6, 1, 7, 0, tzinfo=datetime.UTC),
            datetime.datetime(2028, 6, 1, 9, 0, tzinfo=datetime.UTC),
            "torsdag 1 juni 2028, kl. 09.00–11.00",
        ),
    ],
)
@pytest.mark.django_db  # a page looks up its content type when created
def test_dates_are_shown_in_swedish_and_stockholm_time(start, end, expected):
    assert EventPage(start=start, end=end).when == expected


@pytest.mark.django_db
def test_event_page_shows_details_registration_and_structured_data(client, event_index, energy):
    page = EventPageFactory(
        parent=event_index,
        title="Frukostmöte om laddning",
        days=20,
        is_online=True,
        online_url="https://mote.example/laddning",
        registration_url="https://anmalan.example/laddning",
        registration_deadline=timezone.localdate() + datetime.timedelta(days=10),
        themes=[energy],
    )
    html = client.get(page.url).content.decode()
    assert page.when in html
    assert "Campus Östersund och digitalt" in html
    assert 'href="https://anmalan.example/laddning">Anmäl dig' in html
    assert f'href="{page.url}kalender/" download>Lägg till i kalendern' in html
    assert 'href="/traffar/?tema=energiomstallning">Energiomställning' in html
    [data] = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    assert data["@type"] == "Event"
    assert data["startDate"] == timezone.localtime(page.start).isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"][0]["name"] == "Campus Östersund"
    assert data["offers"]["url"] == "https://anmalan.example/laddning"


@pytest.mark.django_db
def test_registration_closes_after_the_last_day(client, event_index):
    page = EventPageFactory(
        parent=event_index,
        days=20,
        registration_url="https://anmalan.example/x",
        registration_deadline=timezone.localdate() - datetime.timedelta(days=1),
    )
    html = client.get(page.url).content.decode()
    assert "Anmälan är stängd." in html
    assert "Anmäl dig</a>" not in html.replace('<span class="visually-hidden">', "")


@pytest.mark.django_db
def test_past_and_cancelled_events_say_so(client, event_index):
    past = EventPageFactory(parent=event_index, days=-3, registration_url="https://a.example/")
    html = client.get(past.url).content.decode()
    assert "Träffen har redan varit." in html
    assert "Lägg till i kalendern" not in html
    cancelled = EventPageFactory(parent=event_index, days=3, is_cancelled=True)
    html = client.get(cancelled.url).content.decode()
    assert "Träffen är inställd." in html
    assert "EventCancelled" in html


def parse_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, calendar.walk("VEVENT")


@pytest.mark.django_db
def test_each_event_downloads_as_an_icalendar_file(client, event_index, energy):
    page = EventPageFactory(
        parent=event_index,
        title="Omställningsarenan: biogas",
        start=at(2030, 3, 14, 9, 0),
        end=at(2030, 3, 14, 12, 30),
        address="Kunskapens väg 8, Östersund",
        themes=[energy],
    )
    response = client.get(page.url + "kalender/")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    calendar, [event] = parse_calendar(response)
    assert str(event["SUMMARY"]) == "Omställningsarenan: biogas"
    assert event.decoded("DTSTART") == at(2030, 3, 14, 9, 0)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTEND") == at(2030, 3, 14, 12, 30)
    assert str(event["LOCATION"]) == "Campus Östersund, Kunskapens väg 8, Östersund"
    assert str(event["URL"]) == f"http://localhost{page.url}"
    assert str(event["UID"]) == f"traff-{page.pk}@{urlsplit(settings.SITE_URL).hostname}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Stockholm"]


@pytest.mark.django_db
def test_the_calendar_feed_has_upcoming_events_to_subscribe_to(client, event_index):
    EventPageFactory(parent=event_index, title="Snart", days=5)
    EventPageFactory(parent=event_index, title="Inställd", days=8, is_cancelled=True)
    EventPageFactory(parent=event_index, title="Nyss", days=-3)
    EventPageFactory(parent=event_index, title="Länge sedan", days=-90)
    EventPageFactory(parent=event_index, title="Utkast", days=5, live=False)
    response = client.get("/traffar/kalender/")
    assert response["Content-Disposition"].startswith("inline;")
    assert "public" in response["Cache-Control"]
    calendar, events = parse_calendar(response)
    assert str(calendar["X-WR-CALNAME"]).startswith("Träffar – Miljö- och klimatrådet")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == ["Nyss", "Snart", "INSTÄLLD: Inställd"]
    assert str(events[2]["STATUS"]) == "CANCELLED"
    assert len({str(e["UID"]) for e in events}) == 3
