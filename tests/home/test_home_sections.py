"""The home page's automatic sections: news, events, themes and the way into the directory."""

import datetime
import json
import re

import pytest
from django.apps import apps

from home.sections import DIRECTORY_INDEX_MODEL
from tests.events.factories import EventPageFactory
from tests.factories import StandardPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.factories import ImageFactory, ThemePageFactory


def section(html: str, heading_id: str) -> str:
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    return match.group(0) if match else ""


def news_titles(html):
    return re.findall(
        r'class="card__title"><a href="[^"]+">([^<]+)<', section(html, "home-news-heading")
    )


def event_titles(html):
    return re.findall(
        r'class="event-item__title"><a href="[^"]+">([^<]+)<', section(html, "home-events-heading")
    )


@pytest.fixture
def content(home_page, news_index, event_index, theme_index, energy, adaptation, objectives_theme):
    news = [NewsPageFactory(parent=news_index, title=f"Nyhet {n}") for n in range(5)]
    events = [
        EventPageFactory(parent=event_index, title=f"Träff {n}", days=n + 1) for n in range(5)
    ]
    past = EventPageFactory(parent=event_index, title="Förbi", days=-10)
    for theme in (adaptation, energy, objectives_theme):
        ThemePageFactory(parent=theme_index, theme=theme, image=ImageFactory())
    return {"news": news, "events": events, "past": past}


def test_home_shows_latest_news_upcoming_events_and_themes(client, home_page, content):
    html = client.get("/").content.decode()
    assert news_titles(html) == ["Nyhet 0", "Nyhet 1", "Nyhet 2"]
    assert event_titles(html) == ["Träff 0", "Träff 1", "Träff 2"]
    themes = section(html, "home-themes-heading")
    assert re.findall(r'class="card__title"><a href="[^"]+">([^<]+)<', themes) == [
        "Miljömålsarbete",
        "Energiomställning",
        "Klimatanpassning",
    ]
    assert 'href="/nyheter/">Alla nyheter' in html
    assert 'href="/traffar/">Alla träffar' in html
    assert 'type="application/rss+xml"' in html


def test_featured_items_come_first(client, home_page, content):
    home_page.featured_news = content["news"][4]
    home_page.featured_event = content["events"][3]
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert news_titles(html) == ["Nyhet 4", "Nyhet 0", "Nyhet 1"]
    assert event_titles(html) == ["Träff 3", "Träff 0", "Träff 1"]


def test_featured_items_that_are_not_current_are_left_out(client, home_page, content):
    draft = content["news"][4]
    draft.unpublish()
    home_page.featured_news = draft
    home_page.featured_event = content["past"]
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert news_titles(html) == ["Nyhet 0", "Nyhet 1", "Nyhet 2"]
    assert event_titles(html) == ["Träff 0", "Träff 1", "Träff 2"]


def test_find_partners_links_to_the_chosen_page(client, home_page, content):
    join = StandardPageFactory(parent=home_page, title="Gå med", slug="ga-med")
    home_page.directory_page = join
    home_page.directory_text = "Hitta någon att bygga laddplatser med."
    home_page.save_revision().publish()
    partners = section(client.get("/").content.decode(), "home-directory-heading")
    assert "Hitta någon att bygga laddplatser med." in partners
    assert 'class="button" href="/ga-med/">Hitta samarbetspartner</a>' in partners


def test_find_partners_is_left_out_without_a_directory(client, home_page, content):
    try:
        model = apps.get_model(*DIRECTORY_INDEX_MODEL)
    except LookupError:
        model = None
    if model is not None:
        assert not model.objects.live().exists()
    assert section(client.get("/").content.decode(), "home-directory-heading") == ""


def test_find_partners_finds_the_directory_by_itself(client, home_page, content):
    try:
        model = apps.get_model(*DIRECTORY_INDEX_MODEL)
    except LookupError:
        pytest.skip("the directory app has no DirectoryIndexPage yet")
    directory = home_page.add_child(
        instance=model(title="Samarbetspartner", slug="samarbetspartner")
    )
    partners = section(client.get("/").content.decode(), "home-directory-heading")
    assert f'href="{directory.url}">Hitta samarbetspartner</a>' in partners


def test_home_describes_the_council_as_an_organization(client, home_page):
    html = client.get("/").content.decode()
    [data] = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    assert data["@type"] == "Organization"
    assert data["name"] == "Miljö- och klimatrådet i Jämtlands län"
    assert data["url"] == "http://localhost/"
    assert [p["name"] for p in data["parentOrganization"]] == [
        "Region Jämtland Härjedalen",
        "Länsstyrelsen Jämtlands län",
    ]


# With Django's cache off (no_cache): the site and the home page (2), the site's root paths (1),
# view restrictions of the page (1; the lists' are inside their queries), news items with the
# featured one and their themes (2; their renditions when they have images), event items with
# the featured one (1), the news, events and directory indexes together (1), theme pages and
# renditions (2), site settings (1, for the template and the structured data alike), menus
# (1; their pages when they have any). Counted with the fragment cache off (test settings):
# a full render. A featured news item or event costs nothing more.
HOME_QUERIES = 12


@pytest.mark.parametrize("extra", [0, 20])
@pytest.mark.parametrize("featured", [False, True])
def test_home_query_count_is_pinned(
    client,
    home_page,
    content,
    news_index,
    event_index,
    extra,
    featured,
    django_assert_num_queries,
    no_cache,
):
    for n in range(extra):
        NewsPageFactory(parent=news_index, image=ImageFactory() if n < 3 else None)
        EventPageFactory(parent=event_index, days=n + 20)
    if featured:
        home_page.featured_news = content["news"][4]
        home_page.featured_event = content["events"][4]
        home_page.save_revision().publish()
    client.get("/")
    expected = HOME_QUERIES
    with django_assert_num_queries(expected):
        assert client.get("/").status_code == 200


def test_a_remembered_home_page_does_not_make_its_images_again(
    client, fragments, home_page, content, news_index
):
    """The sections are remembered before their cards' renditions exist (the first render
    makes them). What is remembered must not be pages whose prefetched renditions were
    read then: every later render would generate every card's renditions again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.images import get_image_model

    client.get("/")  # makes the site settings, as a running site has them
    for n in range(3):
        image = ImageFactory()
        # As an upload in the admin does; otherwise the first render would save them, and
        # that edit would empty the cache.
        image.get_file_size()
        image.get_file_hash()
        NewsPageFactory(
            parent=news_index, title=f"Med bild {n}", image=image, date=datetime.date(2026, 7, 1)
        )
    first = client.get("/")
    renditions = get_image_model().get_rendition_model().objects.count()
    assert news_titles(first.text) == ["Med bild 2", "Med bild 1", "Med bild 0"]
    assert renditions > 0, "the first render made the cards' renditions"

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")
    assert second.status_code == 200
    assert not [q["sql"] for q in queries if "wagtailimages_rendition" in q["sql"]]
    assert get_image_model().get_rendition_model().objects.count() == renditions
    assert re.findall(r'srcset="[^"]+"', second.text) == re.findall(r'srcset="[^"]+"', first.text)
