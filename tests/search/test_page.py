"""The search page /sok/: one query over every type, facets, excerpts, pagination."""

import re

import pytest
from django.urls import reverse

from search.engine import PER_PAGE
from tests.events.factories import EventPageFactory
from tests.news.factories import NewsPageFactory
from tests.search.conftest import add_page
from tests.themes.factories import ThemePageFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def get(client, **params):
    response = client.get(reverse("search:search"), params, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response


def hit_titles(response) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in response.context["hits"]]


def facet_counts(response) -> dict[str, int]:
    return {facet.key: facet.count for facet in response.context["facets"]}


@pytest.fixture
def content(home_page, news_index, event_index, theme_index, energy):
    """Biogas in a news item, an event, a theme page and a standard page."""
    NewsPageFactory(
        parent=news_index,
        title="Biogasen räcker till fler bussar",
        lead="Länstrafiken byter till biogas i Östersund.",
    )
    NewsPageFactory(parent=news_index, title="Solceller på kommunhuset", lead="Krokom satsar.")
    EventPageFactory(
        parent=event_index,
        title="Omställningsarenan: biogas och vätgas",
        lead="Kunskap om förnybara drivmedel.",
    )
    ThemePageFactory(
        parent=theme_index, theme=energy, intro="Förnybar energi: vind, sol och biogas."
    )
    add_page(home_page, "Om biogas i länet", intro="Biogas görs av matavfall och gödsel.")


def test_one_query_finds_every_type_with_a_count_per_type(db, client, content):
    response = get(client, q="biogas")
    titles = hit_titles(response)
    assert {
        "Biogasen räcker till fler bussar",
        "Omställningsarenan: biogas och vätgas",
        "Energiomställning",
        "Om biogas i länet",
    } <= set(titles)
    assert "Solceller på kommunhuset" not in titles
    counts = facet_counts(response)
    assert counts["nyheter"] == 1 and counts["traffar"] == 1 and counts["teman"] == 1
    assert counts["sidor"] >= 1
    assert response.context["site_search"].total == sum(counts.values())
    html = response.content.decode()
    assert 'aria-current="true">Alla typer' in html
    assert 'Nyheter <span class="count">(1)</span>' in html


def test_narrowing_by_type_keeps_the_counts_of_the_others(db, client, content):
    response = get(client, q="biogas", typ="nyheter")
    assert hit_titles(response) == ["Biogasen räcker till fler bussar"]
    assert facet_counts(response)["traffar"] == 1
    html = response.content.decode()
    assert "1 träff för ”biogas” bland Nyheter" in html
    assert re.search(r'href="/sok/\?q=biogas&amp;typ=traffar">Träffar', html)


def test_an_unknown_type_shows_everything_with_a_notice(db, client, content):
    response = get(client, q="biogas", typ="<b>nope</b>")
    assert len(hit_titles(response)) >= 4
    html = response.content.decode()
    assert "Den typen av innehåll finns inte" in html
    assert "<b>nope</b>" not in html


def test_matched_words_are_highlighted_and_content_is_escaped(db, client, home_page):
    add_page(home_page, "Biogas <i>i</i> länet", intro="Vi tankar <b>biogasen</b> & mer.")
    response = get(client, q="biogas")
    html = response.content.decode()
    assert "<mark>Biogas</mark> &lt;i&gt;i&lt;/i&gt; länet" in html
    assert "Vi tankar &lt;b&gt;<mark>biogasen</mark>&lt;/b&gt; &amp; mer." in html


def test_the_query_stays_in_both_search_boxes_and_results_are_noindex(db, client, content):
    html = get(client, q="Biogas i Östersund").content.decode()
    assert html.count('value="Biogas i Östersund"') == 2  # header box and page box
    assert '<meta name="robots" content="noindex">' in html
    assert "<title>Sökresultat för ”Biogas i Östersund”" in html


def test_best_first_title_matches_rank_above_body_matches(db, client, home_page):
    add_page(home_page, "Årsrapport", intro="Bland annat om vätgas i tunga transporter.")
    add_page(home_page, "Vätgas i Jämtland", intro="Om tankstationer.")
    assert hit_titles(get(client, q="vätgas"))[0] == "Vätgas i Jämtland"


def test_words_that_are_not_all_in_one_page_fall_back_to_any_word(db, client, home_page):
    add_page(home_page, "Vindkraft i Strömsund")
    add_page(home_page, "Solenergi i Bräcke")
    response = get(client, q="vindkraft bräcke")
    assert set(hit_titles(response)) == {"Vindkraft i Strömsund", "Solenergi i Bräcke"}
    assert "Inget innehöll alla orden" in response.content.decode()


def test_pagination_keeps_query_and_type_and_survives_bad_numbers(db, client, news_index):
    for n in range(PER_PAGE + 3):
        NewsPageFactory(parent=news_index, title=f"Laddstolpar del {n}", lead="Laddstolpar.")
    first = get(client, q="laddstolpar", typ="nyheter")
    assert len(first.context["hits"]) == PER_PAGE
    html = first.content.decode()
    assert 'href="/sok/?q=laddstolpar&amp;typ=nyheter&amp;page=2" rel="next"' in html
    second = get(client, q="laddstolpar", typ="nyheter", page=2)
    assert len(second.context["hits"]) == 3
    assert not set(hit_titles(first)) & set(hit_titles(second))
    for bad in ["0", "-1", "99999", "abc", "2\x00", "1e9", ""]:
        response = get(client, q="laddstolpar", typ="nyheter", page=bad)
        assert response.context["hits"]


def test_unpublished_and_private_pages_are_never_shown(db, client, home_page):
    from wagtail.models import PageViewRestriction

    add_page(home_page, "Vätgasstrategi utkast", publish=False)
    secret = add_page(home_page, "Vätgas internt")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    shown = add_page(home_page, "Vätgas i länet")
    response = get(client, q="vätgas")
    assert hit_titles(response) == [shown.title]
    shown.unpublish()
    assert hit_titles(get(client, q="vätgas")) == []


def test_an_empty_query_shows_the_form_only(db, client, home_page):
    response = get(client)
    html = response.content.decode()
    assert response.context["results"] is None
    assert "Inga träffar" not in html
    assert "<title>Sök –" in html


def test_the_number_of_queries_does_not_grow_with_the_hits(
    db, client, content, news_index, django_assert_num_queries, django_assert_max_num_queries
):
    """The same queries for 2 news hits and for a full page of them (each measured cold,
    without cached answers). Across types there is one query per page type among the hits
    (Wagtail's specific()), so more items never cost more queries."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    NewsPageFactory(parent=news_index, title="Biogas nyhet", lead="Om biogas.")
    get(client, q="biogas")  # counted once; later views count again, the same way
    cache.clear()
    with CaptureQueriesContext(connection) as narrowed:
        assert len(get(client, q="biogas", typ="nyheter").context["hits"]) == 2
    cache.clear()
    with CaptureQueriesContext(connection) as everything:
        assert len(get(client, q="biogas").context["hits"]) == 5
    for n in range(12):
        NewsPageFactory(parent=news_index, title=f"Biogas nyhet {n}", lead="Om biogas.")
    cache.clear()
    with django_assert_num_queries(len(narrowed.captured_queries)):
        assert len(get(client, q="biogas", typ="nyheter").context["hits"]) == PER_PAGE
    cache.clear()
    with django_assert_max_num_queries(len(everything.captured_queries)):
        assert len(get(client, q="biogas").context["hits"]) == PER_PAGE
