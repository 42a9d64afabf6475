"""The news listing: newest first, filters by theme, tag and year, pagination, bad input."""

import datetime
import re

import pytest
from django.http import QueryDict

from news.listing import NewsListing
from tests.news.factories import NewsPageFactory


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


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


def test_filter_options_are_only_those_in_use_with_counts(client, news_index, news):
    html = get(client, news_index)
    assert re.search(r"Energiomställning <span class=\"count\">\(2\)</span>", html)
    assert re.search(r"Miljömålsarbete <span class=\"count\">\(1\)</span>", html)
    assert '<option value="biogas">biogas (2)</option>' in html
    assert '<option value="2026">2026</option><option value="2025">2025</option>' in html
    assert "2024" not in html


def test_active_filters_can_be_removed_one_by_one(client, news_index, news):
    html = get(client, news_index, "?tema=klimatanpassning&ar=2025")
    assert 'href="/nyheter/?ar=2025">Klimatanpassning' in html
    assert 'href="/nyheter/?tema=klimatanpassning">2025' in html
    assert '<a href="/nyheter/">Rensa alla filter</a>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?tema=finns-inte",
        "?tema=%00",
        "?tema=energi%00omstallning",
        "?tagg=%00",
        "?tagg=" + "x" * 5000,
        "?ar=abc",
        "?ar=%00",
        "?ar=99999999999999999999",
        "?ar=-1",
        "?page=0",
        "?page=-3",
        "?page=99999",
        "?page=abc",
        "?page=%00",
        "?page=1.5",
        "?tema=energiomstallning&tema=energiomstallning&page=99999",
        "?" + "&".join(["tema=finns-inte"] * 200),
    ],
)
def test_bad_parameters_are_ignored_never_an_error(client, news_index, news, query):
    html = get(client, news_index, query)
    assert titles(html), "the listing still shows news"


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


def test_listing_object_cleans_parameters_before_any_query(news_index, news):
    params = QueryDict("tema=klimatanpassning&tema=%00&tagg=biogas&ar=2025&ar=x&page=7")
    listing = NewsListing(news_index, params)
    assert [t.slug for t in listing.themes] == ["klimatanpassning"]
    assert [t.name for t in listing.tags] == ["biogas"]
    assert listing.years == [2025]
    assert listing.page_obj.number == 1
    assert [p.title for p in listing.page_obj] == ["Våtmark"]


# With Django's cache off (no_cache): routing (the site, the home page, the pages on the path,
# the listing page: 4; its view restrictions are in its query, the listing's in the listing's),
# the site's root paths (1, shared by the page routed to, whose URL the listing asks without
# the request), theme, tag and year options (3), count and items (2), themes and image
# renditions of the items (2), site settings (1), menu (1). Breadcrumbs come from routing.
NEWS_LISTING_QUERIES = 14


@pytest.mark.parametrize("count", [10, 200])
@pytest.mark.parametrize("query", ["", "?tema=energiomstallning&tagg=biogas&ar=2026&page=2"])
def test_listing_query_count_does_not_grow_with_the_news(
    client, news_index, energy, count, query, django_assert_num_queries, no_cache
):
    from tests.themes.factories import ImageFactory

    images = [ImageFactory() for _ in range(3)]
    news_index.page_size = 5
    news_index.save()
    for n in range(count):
        NewsPageFactory(
            parent=news_index,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300),
            themes=[energy],
            tags=["biogas"] if n % 2 else ["laddning"],
            image=images[n % 3],
        )
    client.get(news_index.url + query)  # renditions are made on the first visit
    with django_assert_num_queries(NEWS_LISTING_QUERIES):
        assert client.get(news_index.url + query).status_code == 200
