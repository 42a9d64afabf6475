"""The calendar: upcoming first, past events in their own paginated view, theme filter."""

import re

import pytest

from tests.events.factories import EventPageFactory


def titles(html: str) -> list[str]:
    return re.findall(r'class="event-item__title"><a href="[^"]+">(?:Inställd: )?([^<]+)</a>', html)


@pytest.fixture
def events(event_index, energy, adaptation):
    return [
        EventPageFactory(parent=event_index, title="Om en månad", days=30, themes=[energy]),
        EventPageFactory(parent=event_index, title="I morgon", days=1, themes=[adaptation]),
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


@pytest.mark.parametrize(
    "query",
    ["?tema=%00", "?tema=finns-inte", "?page=0", "?page=99999", "?page=abc", "?page=%00"],
)
@pytest.mark.parametrize("path", ["/traffar/", "/traffar/tidigare/"])
def test_bad_parameters_are_ignored_never_an_error(client, events, path, query):
    assert titles(get(client, path + query))


def test_unknown_sub_paths_are_not_found(client, events):
    assert client.get("/traffar/finns-inte/").status_code == 404
    assert client.get("/traffar/tidigare/extra/").status_code == 404


# With Django's cache off (no_cache): routing (the site, the home page, the pages on the path,
# the listing page: 4; its view restrictions are in its query, the listing's in the listing's),
# the site's root paths (1, shared by the page routed to, whose URL the listing asks without
# the request), theme options (1), count and items (2), site settings (1), menu (1).
# Breadcrumbs come from routing.
EVENT_LISTING_QUERIES = 10


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize("path", ["/traffar/", "/traffar/tidigare/?tema=energiomstallning&page=2"])
def test_listing_query_count_does_not_grow_with_the_events(
    client, event_index, energy, count, path, django_assert_num_queries, no_cache
):
    event_index.page_size = 5
    event_index.save()
    for n in range(count):
        days = (n % 50) + 1
        EventPageFactory(parent=event_index, days=days if n % 2 else -days, themes=[energy])
    client.get(path)
    with django_assert_num_queries(EVENT_LISTING_QUERIES):
        assert client.get(path).status_code == 200


def test_calendar_events_and_the_past_view_are_in_the_sitemap(client, event_index, events):
    event_index.save_revision().publish()
    events[0].save_revision().publish()
    xml = client.get("/sitemap.xml").content.decode()
    for path in ["/traffar/", "/traffar/tidigare/", events[0].url]:
        assert f"<loc>http://localhost{path}</loc><lastmod>" in xml, path
