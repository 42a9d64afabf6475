"""The shared parts of pages come from the cache until an edit changes them (core.fragments):
fewer queries per page, and never a stale menu, breadcrumb or footer; Wagtail routes every
request itself."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.models import NavigationSettings, SiteSettings
from tests.events.factories import EventPageFactory
from tests.factories import StandardPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.fixtures import *  # noqa: F403


@pytest.fixture
def about(home_page):
    """A page in the main menu, linked without its own link text (the title shows)."""
    page = StandardPageFactory(parent=home_page, slug="om-radet", title="Om rådet")
    SiteSettings.for_site(home_page.get_site())  # as after the first visit, which makes them
    nav = NavigationSettings.for_site(home_page.get_site())
    nav.main_menu = [("link", {"page": page, "external_url": "", "link_text": ""})]
    nav.save()
    return page


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        get(client, path)
    return [query["sql"] for query in captured.captured_queries]


def publish(page):
    page.save_revision().publish()


def test_a_second_visit_reads_the_menus_from_the_cache(client, fragments, about, news_index):
    article = NewsPageFactory(parent=news_index, title="Biogas i Östersund")
    first = queries(client, article.url)
    second = queries(client, article.url)
    assert len(second) < len(first)
    assert not any('FROM "core_navigationsettings"' in sql for sql in second)
    # The page itself is always read fresh.
    assert any('FROM "news_newspage"' in sql for sql in second)


def test_the_query_count_of_a_cached_article_does_not_grow_with_the_site(
    client, fragments, about, news_index
):
    article = NewsPageFactory(parent=news_index)
    get(client, article.url)
    few = len(queries(client, article.url))
    for _ in range(20):
        NewsPageFactory(parent=news_index)
    get(client, article.url)
    assert len(queries(client, article.url)) == few


def test_a_renamed_page_shows_its_new_title_in_the_menu_and_breadcrumbs(client, fragments, about):
    child = StandardPageFactory(parent=about, slug="styrgrupp", title="Styrgruppen")
    assert "Om rådet" in get(client, child.url).text
    about.title = "Om Miljö- och klimatrådet"
    publish(about)
    html = get(client, child.url).text
    assert html.count("Om Miljö- och klimatrådet") >= 2  # the menu and the breadcrumbs
    assert ">Om rådet<" not in html


def test_a_page_whose_address_changes_is_found_only_at_the_new_one(client, fragments, about):
    get(client, "/om-radet/")
    about.slug = "om-oss"
    publish(about)
    get(client, "/om-radet/", status=404)
    assert "Om rådet" in get(client, "/om-oss/").text


def test_an_unpublished_page_is_gone_at_once(client, fragments, about):
    get(client, "/om-radet/")
    about.unpublish()
    get(client, "/om-radet/", status=404)


def test_a_page_made_private_asks_for_a_login_at_once(client, fragments, about):
    get(client, "/om-radet/")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = get(client, "/om-radet/", status=302)
    assert "login" in response["Location"] or "logga-in" in response["Location"]


def test_the_footer_follows_the_site_settings(client, fragments, about):
    get(client, "/om-radet/")
    site_settings = SiteSettings.for_site(about.get_site())
    site_settings.phone = "063-12 34 56"
    site_settings.save()
    assert "063-12 34 56" in get(client, "/om-radet/").text


def test_the_home_page_drops_an_event_when_it_has_ended(
    client, fragments, home_page, event_index, monkeypatch
):
    soon = EventPageFactory(parent=event_index, title="Frukostmöte om solceller", days=1)
    later = EventPageFactory(parent=event_index, title="Omställningsarenan i vår", days=40)
    for _ in range(3):
        EventPageFactory(parent=event_index, days=60)
    html = get(client, "/").text
    assert soon.title in html
    assert later.title in html

    after_soon = soon.end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after_soon)
    html = get(client, "/").text
    assert soon.title not in html
    assert later.title in html


def test_preview_never_reads_the_cache(client, fragments, about):
    child = StandardPageFactory(parent=about, slug="styrgrupp", title="Styrgruppen")
    get(client, child.url)
    about.title = "Utkast till ny rubrik"
    draft = about.save_revision()  # a draft: the live page keeps its title
    assert "Utkast till ny rubrik" not in get(client, child.url).text
    preview = draft.as_object().make_preview_request()
    assert preview.status_code == 200
    assert "Utkast till ny rubrik" in preview.content.decode()


def test_saving_an_opportunity_moves_the_one_content_version_once(home_page, monkeypatch):
    """Its row, its competences and its organisation's search entry are one change."""
    from core.models import ContentVersion
    from tests.directory.factories import (
        DirectoryIndexPageFactory,
        OpportunityFactory,
        competences,
        organisation,
    )

    org = organisation(DirectoryIndexPageFactory(parent=home_page), title="Fjällvind AB")
    opportunity = OpportunityFactory(organisation=org, title="Vi söker en elektriker")
    bumps = []
    bump = ContentVersion.bump
    monkeypatch.setattr(ContentVersion, "bump", lambda: bumps.append(bump()))
    before = ContentVersion.current()
    opportunity.title = "Vi söker två elektriker"
    opportunity.competences.set(competences(["biogas", "laddinfrastruktur"]))
    opportunity.save()
    assert len(bumps) == 1
    assert ContentVersion.current() != before


def test_a_visitors_walk_leaves_the_content_version_alone(client, fragments, about, news_index):
    """Pages rendered (renditions made on the way), a search, a listing: nothing a visitor
    does moves the version, or every request would empty the cache."""
    from core.models import ContentVersion
    from tests.directory.factories import DirectoryIndexPageFactory, organisation
    from tests.themes.factories import ImageFactory

    directory = DirectoryIndexPageFactory(parent=about.get_parent())
    org = organisation(directory, title="Fjällvind AB", offers=["biogas"])
    news = NewsPageFactory(parent=news_index, title="Biogas i Sveg", image=ImageFactory())
    before = ContentVersion.current()
    for path in (
        "/",
        about.url,
        news_index.url,
        news.url,
        directory.url + "?offers=biogas",
        org.url,
        "/sok/?q=biogas",
        "/sok/?q=biogas",
    ):
        get(client, path)
    assert ContentVersion.current() == before


def test_any_apps_snippet_moves_the_version_without_being_listed(db):
    """A model no list names (the site search's synonyms, Wagtail's search promotions)
    moves it: a new app's snippets are never stale."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from core.models import ContentVersion
    from search.models import SynonymGroup

    before = ContentVersion.current()
    SynonymGroup.objects.create(words="laddstolpar, laddinfrastruktur")
    after_synonyms = ContentVersion.current()
    assert after_synonyms != before
    SearchPromotion.objects.create(
        query=Query.get("biogas"), external_link_url="https://example.org/", external_link_text="X"
    )
    assert ContentVersion.current() != after_synonyms
