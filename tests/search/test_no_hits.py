"""A search that finds nothing: a kind message, spelling suggestions, ways onward."""

import pytest
from django.db import connection
from django.urls import reverse

from search.query import SearchQuery
from search.suggest import spelling_suggestions
from tests.news.factories import NewsPageFactory


def get(client, query):
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200
    return response


@pytest.fixture
def vocabulary(make_page, news_index):
    make_page("Klimatanpassning i kommunerna", intro="Skyfall och värmeböljor.")
    NewsPageFactory(parent=news_index, title="Solceller på skolan i Krokom")


def test_no_hits_says_so_kindly_and_suggests_the_right_spelling(db, client, vocabulary):
    response = get(client, "klimatanpasning")
    html = response.content.decode()
    assert "Inga träffar för ”klimatanpasning”" in html
    assert "Tyvärr hittade vi inget" in html
    suggestions = html[html.index("Menade du") :]
    assert suggestions.split("</a>")[0].endswith(
        '<a href="/sok/?q=klimatanpassning">klimatanpassning'
    )
    # The suggestion really finds something.
    assert get(client, "klimatanpassning").context["site_search"].total >= 1


def test_each_misspelt_word_is_corrected_and_the_rest_kept(db, vocabulary):
    assert spelling_suggestions(SearchQuery.from_input("solceler krokum"))[0] == (
        "solceller krokom"
    )


def test_themes_are_suggested_by_their_name(db, home_page):
    suggestions = spelling_suggestions(SearchQuery.from_input("energiomstälning"))
    assert "energiomställning" in suggestions


def test_unpublished_titles_are_never_suggested(db, make_page):
    make_page("Hemligprojektet Vätgasfabriken", publish=False)
    assert "vätgasfabriken" not in " ".join(
        spelling_suggestions(SearchQuery.from_input("vätgasfabrikken"))
    )


def test_the_suggestion_backend_matches_the_database(db):
    from search.postgres import trigram_available

    assert trigram_available(connection) is (connection.vendor == "postgresql")


def test_links_to_the_news_and_the_directory_when_they_exist(db, client, news_index):
    html = get(client, "xyzzy").content.decode()
    assert '<a href="/nyheter/">Läs det senaste under Nyheter</a>' in html


def test_stop_words_alone_find_nothing_without_an_error(db, client, vocabulary):
    response = get(client, "och att")
    assert response.context["site_search"].total == 0
    assert "Inga träffar för ”och att”" in response.content.decode()
