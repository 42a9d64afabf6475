"""The calendar: upcoming first, past events in their own paginated view, facets with
counts (theme, how one takes part), text, JSON and CSV of the same selection."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.events.factories import EventPageFactory


def titles(html: str) -> list[str]:
    return re.findall(r'class="event-item__title"><a href="[^"]+">(?:Inställd: )?([^<]+)</a>', html)


def counts(html: str, facet: str) -> dict[str, int]:
    """Each option of the facet on the page, with its count."""
    found = re.findall(
        rf'name="{facet}" value="([^"]+)" id="[^"]+"(?: checked)?>\s*'
        r'<label for="[^"]+">[^<]*<span class="count">\((\d+)',
        html,
    )
    return {value: int(count) for value, count in found}


@pytest.fixture
def events(event_index, energy, adaptation):
    return [
        EventPageFactory(
            parent=event_index, title="Om en månad", days=30, themes=[energy], is_online=True
        ),
        EventPageFactory(
            parent=event_index,
            title="I morgon",
            days=1,
            themes=[adaptation],
            is_online=True,
            location_name="",
        ),
        EventPageFactory(parent=event_index, title="Pågår nu", days=0, themes=[energy]),
        EventPageFactory(parent=event_index, title="Förra veckan", days=-7, themes=[energy]),
        EventPageFactory(parent=event_index, title="I fjol", days=-300, themes=[adaptation]),
        EventPageFactory(parent=event_index, title="Utkast", days=3, live=False),
    ]


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_upcoming_events_soonest_first_ongoing_included(client, events):
    html = get(client, "/traffar/")
    assert titles(html) == ["Pågår nu", "I morgon", "Om en månad"]
    assert ">3 kommande träffar</h2>" in html
    assert 'href="/traffar/tidigare/">Tidigare träffar' in html
    assert 'type="text/calendar"' in html and "/traffar/kalender/" in html


def test_past_events_have_their_own_view_latest_first(client, events):
    html = get(client, "/traffar/tidigare/")
    assert titles(html) == ["Förra veckan", "I fjol"]
    assert "<h1>Tidigare träffar</h1>" in html
    assert '<link rel="canonical" href="http://testserver/traffar/tidigare/">' in html
    assert '<span aria-current="page">Tidigare träffar</span>' in html


def test_theme_filter_in_both_views(client, events):
    html = get(client, "/traffar/?tema=energiomstallning")
    assert titles(html) == ["Pågår nu", "Om en månad"]
    assert '<meta name="robots" content="noindex, follow">' in html
    assert titles(get(client, "/traffar/tidigare/?tema=klimatanpassning")) == ["I fjol"]


def test_past_events_are_paginated(client, event_index, events):
    event_index.page_size = 3
    event_index.save()
    for n in range(3):
        EventPageFactory(parent=event_index, title=f"Gammal {n}", days=-20 - n)
    first = get(client, "/traffar/tidigare/")
    assert titles(first) == ["Förra veckan", "Gammal 0", "Gammal 1"]
    assert 'href="/traffar/tidigare/?page=2" rel="next"' in first
    assert titles(get(client, "/traffar/tidigare/?page=2")) == ["Gammal 2", "I fjol"]


def test_every_option_is_counted_for_the_other_facets(client, events):
    html = get(client, "/traffar/")
    assert counts(html, "tema") == {"energiomstallning": 2, "klimatanpassning": 1}
    assert counts(html, "deltagande") == {"pa-plats": 2, "digitalt": 2}
    assert '<legend class="visually-hidden">Tema</legend>' in html
    assert '<legend class="visually-hidden">Delta</legend>' in html
    html = get(client, "/traffar/?tema=energiomstallning")
    assert counts(html, "tema") == {"energiomstallning": 2, "klimatanpassning": 1}
    assert counts(html, "deltagande") == {"pa-plats": 2, "digitalt": 1}
    assert 'value="energiomstallning" id="traffar-tema-energiomstallning" checked>' in html
    past = get(client, "/traffar/tidigare/")
    assert counts(past, "tema") == {"energiomstallning": 1, "klimatanpassning": 1}


def test_or_within_a_facet_and_across_facets(client, events):
    both = "/traffar/?tema=energiomstallning&tema=klimatanpassning"
    assert titles(get(client, both)) == ["Pågår nu", "I morgon", "Om en månad"]
    html = get(client, "/traffar/?tema=energiomstallning&deltagande=digitalt")
    assert titles(html) == ["Om en månad"]
    assert ">1 kommande träff</h2>" in html
    assert counts(html, "tema") == {"energiomstallning": 1, "klimatanpassning": 1}
    chips = re.findall(r'<a class="tag" href="([^"]+)">([^<]+) <span aria-hidden', html)
    assert chips == [
        ("/traffar/?deltagande=digitalt", "Energiomställning"),
        ("/traffar/?tema=energiomstallning", "Digitalt"),
    ]
    assert titles(get(client, "/traffar/?deltagande=pa-plats")) == ["Pågår nu", "Om en månad"]


def test_text_narrows_the_list_in_date_order(client, event_index, events):
    EventPageFactory(parent=event_index, title="Biogas i Jämtland", days=5)
    html = get(client, "/traffar/?q=biogas")
    assert titles(html) == ["Biogas i Jämtland"]
    assert "för ”biogas”" in html
    assert titles(get(client, "/traffar/?q=arenan")) == []


def test_an_old_parameter_name_is_redirected_and_empty_ones_dropped(client, events):
    response = client.get("/traffar/?theme=energiomstallning")
    assert response.status_code == 301
    assert response["Location"] == "/traffar/?tema=energiomstallning"
    response = client.get("/traffar/tidigare/?q=&tema=energiomstallning&deltagande=")
    assert response.status_code == 302
    assert response["Location"] == "/traffar/tidigare/?tema=energiomstallning"
    html = get(client, "/traffar/")
    assert 'data-module="clean-query"' in html  # and site.js leaves empty fields out


def test_json_and_csv_are_the_selection_of_the_page(client, events):
    for base in ["/traffar/", "/traffar/tidigare/"]:
        for state in ["", "?tema=energiomstallning", "?tema=klimatanpassning&deltagande=digitalt"]:
            html = get(client, base + state)
            link = f'href="{base}csv/{state}" download>Ladda ner som CSV</a>'
            assert link in html.replace("&amp;", "&")
            data = client.get(f"{base}json/{state}").json()
            assert [row["title"] for row in data["results"]] == titles(html), base + state
            assert data["count"] == len(titles(html))
            facets = {
                f["name"]: {o["value"]: o["count"] for o in f["options"]} for f in data["facets"]
            }
            assert facets["tema"] == counts(html, "tema")
            response = client.get(f"{base}csv/{state}")
            assert response["Content-Type"].startswith("text/csv")
            body = b"".join(response.streaming_content).decode()
            rows = list(csv.DictReader(io.StringIO(body)))
            assert [row["title"] for row in rows] == titles(html)
    for path in ["/json/", "/csv/", "/tidigare/json/", "/tidigare/csv/"]:
        assert path in events[0].get_parent().specific.get_cached_paths()  # purged on a change
    row = client.get("/traffar/json/?deltagande=digitalt").json()["results"][0]
    assert row["title"] == "I morgon"
    assert row["url"].startswith("http://testserver/traffar/")
    assert row["online"] is True and row["location"] == "" and row["cancelled"] is False
    assert row["themes"] == ["Klimatanpassning"]
    assert row["start"] == timezone.localtime(events[1].start).isoformat()


def test_an_event_moves_to_the_past_when_it_ends_without_an_edit(client, events, monkeypatch):
    assert "Pågår nu" in titles(get(client, "/traffar/"))
    assert client.get("/traffar/json/").json()["count"] == 3
    later = events[2].end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    html = get(client, "/traffar/")
    assert titles(html) == ["I morgon", "Om en månad"]
    assert ">2 kommande träffar</h2>" in html
    assert counts(html, "tema") == {"energiomstallning": 1, "klimatanpassning": 1}
    assert client.get("/traffar/json/").json()["count"] == 2
    assert titles(get(client, "/traffar/tidigare/")) == ["Pågår nu", "Förra veckan", "I fjol"]


@pytest.mark.parametrize(
    "query",
    [
        "?tema=%00",
        "?tema=finns-inte",
        "?page=0",
        "?page=99999",
        "?page=abc",
        "?page=%00",
        "?deltagande=%00&deltagande=x",
        "?sort=-start",
        "?sort=relevance",
        "?q=%00",
        "?q=" + "a" * 500,
        "?tema[]=x&page=1.5",
        "?" + "&".join(f"tema=t{n}" for n in range(200)),
    ],
)
@pytest.mark.parametrize("path", ["/traffar/", "/traffar/tidigare/"])
def test_bad_parameters_are_ignored_never_an_error(client, events, path, query):
    assert titles(get(client, path + query)) or "?q=" in query
    for channel in ["json/", "csv/"]:
        assert client.get(path + channel + query).status_code == 200


def test_unknown_sub_paths_are_not_found(client, events):
    assert client.get("/traffar/finns-inte/").status_code == 404
    assert client.get("/traffar/tidigare/extra/").status_code == 404


# With Django's cache off (no_cache) and the process's index built: routing (the site, the
# home page, the pages on the path, the listing page, with its view restrictions in its
# query: 4), the site's root paths (1), content version (1), theme vocabulary (1), items (1),
# site settings (1), menu (1); breadcrumbs come from routing; the text search adds its own.
@pytest.mark.parametrize(
    "path, queries",
    [
        ("/traffar/", 10),
        ("/traffar/tidigare/?tema=energiomstallning&page=2", 10),
        ("/traffar/?q=omst%C3%A4llningsarenan&deltagande=pa-plats", 11),
        ("/traffar/json/?tema=energiomstallning", 9),
        ("/traffar/tidigare/csv/?deltagande=pa-plats", 8),
    ],
)
def test_listing_query_count_does_not_grow_with_the_events(
    client, event_index, energy, path, queries, no_cache
):
    """The queries of a request once this process has built the listing's index, the same
    for 10 events as for 200."""
    event_index.page_size = 5
    event_index.save()
    for count in [10, 190]:
        for n in range(count):
            days = (n % 50) + 1
            EventPageFactory(parent=event_index, days=days if n % 2 else -days, themes=[energy])
        read(client.get(path))  # builds the index for the new content
        with CaptureQueriesContext(connection) as found:
            body = read(client.get(path))
        assert len(found.captured_queries) == queries, (count, found.captured_queries)
        assert b"Omst\xc3\xa4llningsarenan" in body


def read(response) -> bytes:
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_calendar_events_and_the_past_view_are_in_the_sitemap(client, event_index, events):
    event_index.save_revision().publish()
    events[0].save_revision().publish()
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/traffar/", "/traffar/tidigare/", events[0].url]:
        assert f"<loc>http://localhost{path}</loc><lastmod>" in xml, path
