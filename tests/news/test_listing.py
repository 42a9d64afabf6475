"""The news listing on the listing framework: newest first; filters by theme, tag and year
(OR within one, AND across), each option counted for the other filters; pagination; bad
input; the same selection as CSV and JSON; queries that do not grow with the news."""

import csv
import datetime
import io
import re

import pytest
from django.http import QueryDict

from news.listing import NewsSearch
from tests.news.factories import NewsPageFactory


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def option_counts(html: str, facet: str) -> dict[str, int]:
    """The options of one filter as the page shows them: {value: count}."""
    found = re.findall(
        rf'name="{facet}" value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)',
        html,
    )
    return {value: int(count) for value, count in found}


@pytest.fixture
def news(news_index, energy, adaptation, objectives_theme):
    """Five news items across themes, tags and two years."""
    d = datetime.date
    return {
        "laddning": NewsPageFactory(
            parent=news_index,
            title="Laddning",
            date=d(2026, 5, 1),
            themes=[energy],
            tags=["laddinfrastruktur"],
        ),
        "biogas": NewsPageFactory(
            parent=news_index,
            title="Biogas",
            date=d(2026, 3, 1),
            themes=[energy],
            tags=["biogas"],
        ),
        "skyfall": NewsPageFactory(
            parent=news_index,
            title="Skyfall",
            date=d(2025, 9, 1),
            themes=[adaptation],
            tags=["dagvatten"],
        ),
        "vatmark": NewsPageFactory(
            parent=news_index,
            title="Våtmark",
            date=d(2025, 6, 1),
            themes=[adaptation, objectives_theme],
            tags=["biogas"],
        ),
        "utkast": NewsPageFactory(
            parent=news_index, title="Utkast", date=d(2026, 6, 1), themes=[energy], live=False
        ),
    }


def get(client, news_index, query=""):
    response = client.get(news_index.url + query)
    assert response.status_code == 200
    return response.content.decode()


def test_newest_first_without_drafts_and_indexable(client, news_index, news):
    html = get(client, news_index)
    assert titles(html) == ["Laddning", "Biogas", "Skyfall", "Våtmark"]
    assert ">4 nyheter</h2>" in html
    assert 'name="robots"' not in html


@pytest.mark.parametrize(
    ("query", "expected", "summary"),
    [
        ("?tema=energiomstallning", ["Laddning", "Biogas"], "2 nyheter om Energiomställning"),
        (
            "?tema=energiomstallning&tema=klimatanpassning",
            ["Laddning", "Biogas", "Skyfall", "Våtmark"],
            "4 nyheter om Energiomställning eller Klimatanpassning",
        ),
        ("?tagg=biogas", ["Biogas", "Våtmark"], "2 nyheter med ämnesordet biogas"),
        (
            "?tagg=biogas&tagg=dagvatten",
            ["Biogas", "Skyfall", "Våtmark"],
            "3 nyheter med ämnesorden biogas eller dagvatten",
        ),
        ("?ar=2025", ["Skyfall", "Våtmark"], "2 nyheter från 2025"),
        (
            "?tema=klimatanpassning&tagg=biogas&ar=2025",
            ["Våtmark"],
            "1 nyhet om Klimatanpassning med ämnesordet biogas från 2025",
        ),
        ("?tema=energiomstallning&ar=2025", [], "0 nyheter om Energiomställning från 2025"),
    ],
)
def test_filters_combine_and_say_how_many_match(client, news_index, news, query, expected, summary):
    html = get(client, news_index, query)
    assert titles(html) == expected
    assert f">{summary}</h2>" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    if not expected:
        assert "Inga nyheter matchar filtret." in html


def test_options_in_use_are_counted_and_sorted(client, news_index, news):
    html = get(client, news_index)
    assert option_counts(html, "tema") == {
        "energiomstallning": 2,
        "klimatanpassning": 2,
        "miljomalsarbete": 1,
    }
    # Tags in Swedish alphabetical order, years newest first; only those in use.
    assert list(option_counts(html, "tagg").items()) == [
        ("biogas", 2),
        ("dagvatten", 1),
        ("laddinfrastruktur", 1),
    ]
    assert list(option_counts(html, "ar").items()) == [("2026", 2), ("2025", 2)]
    assert "2024" not in html


def test_each_filter_is_counted_for_the_state_of_the_others(client, news_index, news):
    html = get(client, news_index, "?tema=klimatanpassning&tagg=biogas")
    # Themes counted with the tag only (OR within: another theme widens the list).
    assert option_counts(html, "tema") == {
        "energiomstallning": 1,
        "klimatanpassning": 1,
        "miljomalsarbete": 1,
    }
    # Tags counted with the theme only.
    assert option_counts(html, "tagg") == {"biogas": 1, "dagvatten": 1}
    # Years counted with both.
    assert option_counts(html, "ar") == {"2025": 1}
    assert re.search(r'name="tema" value="klimatanpassning" id="[^"]+" checked', html)
    assert re.search(r'name="tagg" value="biogas" id="[^"]+" checked', html)


def test_the_form_has_checkboxes_only_so_it_never_sends_an_empty_value(client, news_index, news):
    html = get(client, news_index)
    start = html.index('<form class="filters"')
    form = html[start : html.index("</form>", start)]
    assert "<select" not in form
    assert 'value=""' not in form
    assert re.findall(r'<input type="(\w+)"', form) == ["checkbox"] * 8
    for facet in ("Tema", "Ämnesord", "År"):
        assert f'<legend class="visually-hidden">{facet}</legend>' in form


def test_active_filters_can_be_removed_one_by_one(client, news_index, news):
    html = get(client, news_index, "?tema=klimatanpassning&ar=2025")
    assert 'href="/nyheter/?ar=2025">Klimatanpassning' in html
    assert 'href="/nyheter/?tema=klimatanpassning">2025' in html
    assert '<a href="/nyheter/">Rensa alla filter</a>' in html


def test_the_old_theme_parameter_is_redirected(client, news_index, news):
    response = client.get(news_index.url + "?theme=energiomstallning&ar=2026")
    assert response.status_code == 301
    assert response["Location"] == "/nyheter/?tema=energiomstallning&ar=2026"


def test_text_finds_news_by_relevance_within_the_filters(client, news_index, news):
    html = get(client, news_index, "?q=Skyfall&tema=klimatanpassning")
    assert titles(html) == ["Skyfall"]
    assert ">1 nyhet som matchar ”Skyfall” om Klimatanpassning</h2>" in html
    assert '<input type="hidden" name="q" value="Skyfall">' in html


@pytest.mark.parametrize(
    "query",
    [
        "?tema=finns-inte",
        "?tema=%00",
        "?tema=energi%00omstallning",
        "?tagg=%00",
        "?tagg=" + "x" * 5000,
        "?tagg=",
        "?ar=",
        "?ar=abc",
        "?ar=%00",
        "?ar=99999999999999999999",
        "?ar=-1",
        "?q=%00",
        "?q=" + "x" * 5000,
        "?sort=%00",
        "?sort=relevance",
        "?page=0",
        "?page=-3",
        "?page=99999",
        "?page=abc",
        "?page=%00",
        "?page=1.5",
        "?tema=energiomstallning&tema=energiomstallning&page=99999",
        "?" + "&".join(["tema=finns-inte"] * 200),
        "?" + "&".join(f"tagg=t{n}" for n in range(300)),
    ],
)
def test_bad_parameters_are_ignored_never_an_error(client, news_index, news, query):
    html = get(client, news_index, query)
    assert titles(html), "the listing still shows news"
    for route in ("csv/", "json/"):
        assert client.get(news_index.url + route + query).status_code == 200


def test_unknown_values_are_ignored_and_known_ones_kept(client, news_index, news):
    html = get(client, news_index, "?tema=finns-inte&tema=klimatanpassning&ar=abc")
    assert titles(html) == ["Skyfall", "Våtmark"]


def test_pagination_uses_the_page_size_staff_set(client, news_index, news):
    news_index.page_size = 3
    news_index.save()
    first = get(client, news_index)
    assert titles(first) == ["Laddning", "Biogas", "Skyfall"]
    assert 'href="/nyheter/?page=2" rel="next"' in first
    assert 'aria-current="page"><span class="visually-hidden">Sida </span>1' in first
    second = get(client, news_index, "?page=2")
    assert titles(second) == ["Våtmark"]
    assert "<title>Nyheter – sida 2 –" in second
    assert titles(get(client, news_index, "?page=99999")) == ["Våtmark"]
    assert titles(get(client, news_index, "?page=0")) == ["Laddning", "Biogas", "Skyfall"]


def test_pagination_links_keep_the_filters(client, news_index, news):
    news_index.page_size = 3
    news_index.save()
    html = get(client, news_index, "?tema=energiomstallning&tema=klimatanpassning")
    assert 'href="/nyheter/?tema=energiomstallning&amp;tema=klimatanpassning&amp;page=2"' in html


def test_search_object_cleans_parameters_before_any_query(news_index, news):
    params = QueryDict("tema=klimatanpassning&tema=%00&tagg=biogas&ar=2025&ar=x&page=7")
    search = NewsSearch(news_index, params)
    assert search.values == {"tema": ["klimatanpassning"], "tagg": ["biogas"], "ar": ["2025"]}
    page = search.page()
    assert page.number == 1
    assert [p.title for p in page] == ["Våtmark"]


# CSV and JSON: the same selection as the page.


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="nyheter.csv"'
    assert "max-age=300" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.parametrize(
    ("query", "state"),
    [
        ("", ""),
        ("?tema=klimatanpassning", "?tema=klimatanpassning"),
        ("?tagg=biogas&tagg=dagvatten&ar=2025", "?tagg=biogas&tagg=dagvatten&ar=2025"),
        ("?ar=2024&tagg=biogas", "?tagg=biogas"),
    ],
)
def test_csv_and_json_are_the_pages_selection(client, news_index, news, query, state):
    news_index.page_size = 3
    news_index.save()
    html = get(client, news_index, query)
    shown = titles(html)
    if 'rel="next"' in html:
        shown += titles(get(client, news_index, query + ("&" if query else "?") + "page=2"))
    rows = read_csv(client.get(news_index.url + "csv/" + query))
    assert [row["title"] for row in rows] == shown
    response = client.get(news_index.url + "json/" + query)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "max-age=300" in response["Cache-Control"]
    data = response.json()
    assert data["count"] == len(rows)
    assert [item["title"] for item in data["results"]] == titles(html)
    # The page links to both with its state (what it understood of the address).
    assert f'href="/nyheter/csv/{state.replace("&", "&amp;")}"' in html
    assert f'href="/nyheter/json/{state.replace("&", "&amp;")}"' in html


def test_export_rows_say_what_the_card_says(client, news_index, news):
    [row] = read_csv(client.get(news_index.url + "csv/?tema=miljomalsarbete"))
    assert row == {
        "title": "Våtmark",
        "url": "http://localhost/nyheter/" + news["vatmark"].slug + "/",
        "date": "2025-06-01",
        "lead": news["vatmark"].lead,
        "themes": "Miljömålsarbete | Klimatanpassning",  # in the themes' order
        "tags": "biogas",
    }
    data = client.get(news_index.url + "json/?tema=miljomalsarbete").json()
    assert data["results"] == [{**row, "themes": row["themes"].split(" | "), "tags": ["biogas"]}]
    assert data["facets"][0]["name"] == "tema"
    assert {o["value"]: o["count"] for o in data["facets"][0]["options"]} == {
        "energiomstallning": 2,
        "klimatanpassning": 2,
        "miljomalsarbete": 1,
    }


def test_json_pages_link_to_json_pages(client, news_index, news):
    news_index.page_size = 3
    news_index.save()
    data = client.get(news_index.url + "json/?tema=energiomstallning&tema=klimatanpassning").json()
    assert (data["count"], data["num_pages"], data["previous"]) == (4, 2, None)
    assert data["next"] == (
        "http://testserver/nyheter/json/?tema=energiomstallning&tema=klimatanpassning&page=2"
    )


def test_csv_cells_a_spreadsheet_would_run_are_escaped(client, news_index, news):
    NewsPageFactory(
        parent=news_index,
        title='=HYPERLINK("http://x")',
        lead="+46 63 14 60 00",
        date=datetime.date(2026, 12, 1),
    )
    rows = read_csv(client.get(news_index.url + "csv/"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["lead"] == "'+46 63 14 60 00"


def test_the_exports_are_purged_with_the_listing(news_index):
    assert {"/", "/csv/", "/json/", "/rss/"} <= set(news_index.get_cached_paths())


# Queries with Django's cache off (no_cache), pinned, and the same with ten times as many
# news items: routing, the site and the page's view restrictions (4, core/routing.py), the
# content version (1), the vocabularies of the three filters (3), site settings and menu (2), the
# menu's pages and the result page's items (2), the items' themes and image renditions (2).
# Counts and paging are arithmetic on the in-memory index (core/listing/index.py), built
# once per process and content version by the first request after a change.
NEWS_LISTING_QUERIES = 14


@pytest.mark.parametrize("query", ["", "?tema=energiomstallning&tagg=biogas&ar=2026&page=2"])
def test_listing_query_count_does_not_grow_with_the_news(
    client, news_index, energy, query, django_assert_num_queries, no_cache
):
    from tests.themes.factories import ImageFactory

    images = [ImageFactory() for _ in range(3)]
    news_index.page_size = 5
    news_index.save()

    def add(count):
        for n in range(count):
            NewsPageFactory(
                parent=news_index,
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300),
                themes=[energy],
                tags=["biogas", f"tagg-{n % 40}"] if n % 2 else ["laddning"],
                image=images[n % 3],
            )

    add(10)
    client.get(news_index.url + query)  # renditions are made and the index built
    with django_assert_num_queries(NEWS_LISTING_QUERIES):
        assert client.get(news_index.url + query).status_code == 200
    add(90)
    client.get(news_index.url + query)
    with django_assert_num_queries(NEWS_LISTING_QUERIES):
        response = client.get(news_index.url + query)
    assert len(titles(response.content.decode())) == 5


# The listing's queries less the menu and settings, plus the tags of the items; the CSV
# loads its rows 500 at a time (core/listing/search.py).
EXPORT_QUERIES = {"csv/": 10, "json/": 12}


@pytest.mark.parametrize("route", ["csv/", "json/"])
def test_export_query_count_does_not_grow_with_the_news(
    client, news_index, energy, route, django_assert_num_queries, no_cache
):
    def add(count):
        for _n in range(count):
            NewsPageFactory(parent=news_index, themes=[energy], tags=["biogas"])

    def download():
        response = client.get(news_index.url + route + "?tema=energiomstallning")
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content

    add(5)
    download()
    with django_assert_num_queries(EXPORT_QUERIES[route]):
        download()
    add(60)
    download()
    with django_assert_num_queries(EXPORT_QUERIES[route]):
        download()
