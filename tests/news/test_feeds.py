"""RSS 2.0 and Atom feeds of the news, for all news and per theme."""

import datetime

import feedparser
import pytest

from tests.news.factories import NewsPageFactory


@pytest.fixture
def news(news_index, energy, adaptation):
    NewsPageFactory(
        parent=news_index,
        title="Laddning för åkerier",
        lead="Åkerier & elbolag möttes <b>i Östersund</b>.",
        date=datetime.date(2026, 5, 1),
        themes=[energy],
    )
    NewsPageFactory(
        parent=news_index, title="Skyfall", date=datetime.date(2026, 4, 1), themes=[adaptation]
    )
    NewsPageFactory(parent=news_index, title="Utkast", live=False, themes=[energy])


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "public" in response["Cache-Control"]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize(
    ("url", "content_type", "version"),
    [
        ("/nyheter/rss/", "application/rss+xml", "rss20"),
        ("/nyheter/atom/", "application/atom+xml", "atom10"),
    ],
)
def test_feeds_of_all_news_are_clean_and_newest_first(client, news, url, content_type, version):
    feed = parse(client, url, content_type)
    assert feed.version == version
    assert feed.feed.title == "Nyheter från Miljö- och klimatrådet i Jämtlands län"
    assert feed.feed.link == "http://localhost/nyheter/"
    assert [e.title for e in feed.entries] == ["Laddning för åkerier", "Skyfall"]
    first = feed.entries[0]
    assert first.link.startswith("http://localhost/nyheter/nyhet-")
    assert "Åkerier & elbolag" in first.summary
    assert ("01 May 2026 00:00:00 +0200" in first.published) or first.published.startswith(
        "2026-05-01T00:00:00+02:00"
    )
    assert [t.term for t in first.tags] == ["Energiomställning"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_theme_feeds_have_only_that_theme(client, news, kind):
    content_type = f"application/{kind}+xml"
    feed = parse(client, f"/nyheter/tema/klimatanpassning/{kind}/", content_type)
    assert [e.title for e in feed.entries] == ["Skyfall"]
    assert feed.feed.title.startswith("Klimatanpassning – nyheter från")
    assert feed.feed.link == "http://localhost/nyheter/?tema=klimatanpassning"


@pytest.mark.parametrize(
    "url", ["/nyheter/tema/finns-inte/rss/", "/nyheter/tema/finns-inte/atom/", "/nyheter/xml/"]
)
def test_unknown_feeds_are_not_found(client, news, url):
    assert client.get(url).status_code == 404


def test_pages_link_their_feeds_in_the_head(client, news_index, news, energy):
    html = client.get("/nyheter/?tema=energiomstallning").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Nyheter om Energiomställning '
        '(RSS)" href="http://localhost/nyheter/tema/energiomstallning/rss/">'
    ) in html
    assert 'type="application/atom+xml" title="Alla nyheter (Atom)"' in html
    assert 'href="http://localhost/nyheter/rss/">Alla nyheter (RSS)</a>' in html
    html = client.get("/nyheter/").content.decode()
    assert "/tema/" not in html.split("</head>")[0]
