"""GET /sok/autocomplete/?q=: a small JSON list of titles and URLs for the search box."""

from django.urls import reverse

from search.views import AUTOCOMPLETE_LIMIT
from tests.news.factories import NewsPageFactory


def suggest(client, query):
    response = client.get(reverse("search:autocomplete"), {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_titles_and_urls_from_two_characters(db, client, make_page, news_index):
    make_page("Klimatanpassning i kommunerna")
    NewsPageFactory(parent=news_index, title="Klimatveckan i Östersund", slug="klimatveckan")
    assert suggest(client, "k") == []
    results = suggest(client, "kl")
    assert {r["title"] for r in results} >= {
        "Klimatanpassning i kommunerna",
        "Klimatveckan i Östersund",
    }
    by_title = {r["title"]: r for r in results}
    assert by_title["Klimatveckan i Östersund"] == {
        "title": "Klimatveckan i Östersund",
        "url": "/nyheter/klimatveckan/",
        "type": "Nyhet",
    }
    assert [r["title"] for r in suggest(client, "klimatv")] == ["Klimatveckan i Östersund"]
    assert suggest(client, "Östers")[0]["title"] == "Klimatveckan i Östersund"


def test_only_published_public_pages_and_a_short_list(db, client, make_page):
    make_page("Vätgas utkast", publish=False)
    for n in range(AUTOCOMPLETE_LIMIT + 4):
        make_page(f"Vätgas del {n}")
    results = suggest(client, "vätg")
    assert len(results) == AUTOCOMPLETE_LIMIT
    assert "Vätgas utkast" not in {r["title"] for r in results}


def test_cache_headers_keep_answers_private(db, client, home_page):
    response = client.get(reverse("search:autocomplete"), {"q": "kl"})
    assert "private" in response["Cache-Control"]
