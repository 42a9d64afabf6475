"""A page holding the searched word exactly as typed comes before pages that only share its
stem (PostgreSQL: hunspell lexemes) or prefix (SQLite: FTS5 prefix queries)."""

import re

from django.urls import reverse

from search.engine import SiteSearch
from search.query import SearchQuery

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def hit_titles(client, query) -> list[str]:
    response = client.get(reverse("search:search"), {"q": query}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in response.context["hits"]]


def test_klimatet_finds_the_page_that_says_klimatet_first(db, client, make_page):
    make_page(
        "Klimatanpassning i planeringen",
        intro="Kommunerna anpassar planerna till ett varmare klimat och fler skyfall.",
    )
    make_page("Klimatets år", intro="Klimat och klimatfrågor i länet under året.")
    make_page("Om rådet", intro="Rådet arbetar för att minska påverkan på klimatet i länet.")
    titles = hit_titles(client, "klimatet")
    assert titles[0] == "Om rådet", titles
    # The others are still found, by stem: after it.
    assert {"Klimatanpassning i planeringen", "Klimatets år"} <= set(titles[1:])


def test_every_word_as_typed_counts(db, client, make_page):
    make_page("Biogas i Krokom", intro="Gårdar i kommunen rötar gödsel till biogasen.")
    make_page("Gårdsbiogas", intro="Biogas från gödsel i Krokoms kommun.")
    assert hit_titles(client, "biogas krokoms") == ["Gårdsbiogas", "Biogas i Krokom"]


def test_the_admins_own_search_with_any_text_still_works(db, make_page):
    """The exact-word bonus only takes plain words; Wagtail's admin may send anything."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    make_page("Klimatet i länet")
    for raw in ["klimatet's", 'klimat-et "x', "klimatet*"]:
        list(get_search_backend().search(raw, Page))
    assert SiteSearch(SearchQuery.from_input("klimatet")).total >= 1
