"""Whole pages for anonymous visitors from Django's cache, emptied exactly where a change
shows, and Cache-Control on every kind of answer (core.pagecache)."""

import pytest
from django.core.cache import cache

from core.pagecache import urls_affected_by
from tests.factories import StandardPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.factories import ThemePageFactory
from tests.themes.fixtures import *  # noqa: F403

PUBLIC = "public, max-age=60, s-maxage=300"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60
    settings.PAGE_CACHE_SHARED_MAX_AGE = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(home_page, news_index, theme_index, energy, adaptation):
    """Home, news, two theme pages, an unrelated page and one energy news item."""
    energy_page = ThemePageFactory(parent=theme_index, theme=energy)
    adaptation_page = ThemePageFactory(parent=theme_index, theme=adaptation)
    about = StandardPageFactory(parent=home_page, slug="om-radet", title="Om rådet")
    NewsPageFactory(parent=news_index, title="Biogas i Östersund", themes=[energy])
    return {
        "energy": energy_page,
        "adaptation": adaptation_page,
        "about": about,
        "news_index": news_index,
    }


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def cached(client, path) -> bool:
    return get(client, path).get("X-Page-Cache") == "hit"


def warm(client, *paths):
    for path in paths:
        get(client, path)
        assert cached(client, path), path


def assert_fresh(client, text, paths):
    for path in paths:
        response = get(client, path)
        assert response["X-Page-Cache"] == "miss", path
        assert text in response.text, path


def publish_news(news_index, title, themes, capture):
    """Publish a new news item the way the admin does: a revision, then publish()."""
    from news.models import NewsPage

    item = NewsPage(title=title, slug="ny-nyhet", lead="Något nytt har hänt i länet.", live=False)
    news_index.add_child(instance=item)
    item.themes.set(themes)
    with capture(execute=True):
        item.save_revision().publish()
    return NewsPage.objects.get(pk=item.pk)


def test_a_second_anonymous_visit_is_answered_from_the_cache_without_the_database(
    client, page_cache, site, django_assert_num_queries
):
    first = get(client, "/nyheter/")
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == PUBLIC
    with django_assert_num_queries(0):
        second = get(client, "/nyheter/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == PUBLIC
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_logged_in_members_and_staff_never_get_the_shared_copy(
    client, page_cache, site, django_user_model
):
    warm(client, "/nyheter/")
    user = django_user_model.objects.create_user("medlem", password="pw-medlem-12345")
    client.force_login(user)
    response = get(client, "/nyheter/")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_any_session_cookie_bypasses_the_cache(client, page_cache, site):
    warm(client, "/nyheter/")
    client.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in get(client, "/nyheter/")


def test_listing_filters_are_cached_but_free_text_and_unknown_parameters_are_not(
    client, page_cache, site
):
    warm(client, "/nyheter/?tema=energiomstallning", "/nyheter/")
    # The same filters in another order, and campaign parameters, are the same entry.
    assert cached(client, "/nyheter/?page=1&tema=energiomstallning") is False  # new key
    assert cached(client, "/nyheter/?tema=energiomstallning&page=1")
    assert cached(client, "/nyheter/?utm_source=nyhetsbrev")
    for path in ["/nyheter/?q=biogas", "/nyheter/?foo=bar", "/nyheter/?tema=<script>"]:
        get(client, path)
        assert "X-Page-Cache" not in get(client, path), path


def test_publishing_news_empties_its_listing_home_and_theme_page_but_nothing_else(
    client, page_cache, site, energy, django_capture_on_commit_callbacks
):
    paths = {
        "listing": "/nyheter/",
        "listing, filtered": "/nyheter/?tema=energiomstallning",
        "feed": "/nyheter/rss/",
        "theme feed": "/nyheter/tema/energiomstallning/rss/",
        "home": "/",
        "energy theme page": "/teman/energiomstallning/",
        "other theme page": "/teman/klimatanpassning/",
        "unrelated page": "/om-radet/",
    }
    warm(client, *paths.values())

    publish_news(
        site["news_index"],
        "Vätgas till tunga transporter",
        [energy],
        django_capture_on_commit_callbacks,
    )

    for name in ["listing", "listing, filtered", "feed", "theme feed", "home", "energy theme page"]:
        response = get(client, paths[name])
        assert response["X-Page-Cache"] == "miss", name
        assert "Vätgas till tunga transporter" in response.text, name
    assert cached(client, paths["other theme page"])
    assert cached(client, paths["unrelated page"])


def test_unpublishing_takes_the_item_off_its_listing_at_once(
    client, page_cache, site, energy, django_capture_on_commit_callbacks
):
    item = publish_news(
        site["news_index"], "Snart borta", [energy], django_capture_on_commit_callbacks
    )
    warm(client, "/nyheter/", "/nyheter/ny-nyhet/", "/teman/energiomstallning/")
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert "Snart borta" not in get(client, "/nyheter/").text
    assert "Snart borta" not in get(client, "/teman/energiomstallning/").text
    assert client.get("/nyheter/ny-nyhet/").status_code == 404


def test_a_theme_taken_off_an_item_empties_that_theme_page_too(
    client, page_cache, site, energy, adaptation, django_capture_on_commit_callbacks
):
    item = publish_news(
        site["news_index"], "Byter tema", [energy], django_capture_on_commit_callbacks
    )
    warm(client, "/teman/energiomstallning/", "/teman/klimatanpassning/")
    item.themes.set([adaptation])
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert "Byter tema" not in get(client, "/teman/energiomstallning/").text
    assert "Byter tema" in get(client, "/teman/klimatanpassning/").text


def test_a_moved_page_is_not_served_at_its_old_address(
    client, page_cache, site, home_page, django_capture_on_commit_callbacks
):
    about = site["about"]
    target = StandardPageFactory(parent=home_page, slug="organisation", title="Organisation")
    warm(client, "/om-radet/")
    with django_capture_on_commit_callbacks(execute=True):
        about.move(target, pos="last-child")
    # Not the cached page: Wagtail's redirect to the new address.
    old = client.get("/om-radet/")
    assert (old.status_code, old["Location"]) == (301, "/organisation/om-radet/")
    assert get(client, "/organisation/om-radet/")["X-Page-Cache"] == "miss"


def test_a_renamed_page_is_not_served_at_its_old_address(
    client, page_cache, site, django_capture_on_commit_callbacks
):
    warm(client, "/om-radet/")
    about = site["about"]
    about.slug = "om-oss"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    old = client.get("/om-radet/")
    assert (old.status_code, old["Location"]) == (301, "/om-oss/")
    assert get(client, "/om-oss/")["X-Page-Cache"] == "miss"


def test_the_set_of_urls_a_news_item_affects(site):
    item = site["news_index"].get_children().specific().get()
    root = "http://localhost"
    themes = ["energiomstallning", "klimatanpassning", "miljomalsarbete"]
    assert urls_affected_by(item) == {
        root + item.url,
        root + "/nyheter/",
        root + "/nyheter/rss/",
        root + "/nyheter/atom/",
        *(root + f"/nyheter/tema/{theme}/{kind}/" for theme in themes for kind in ("rss", "atom")),
        root + "/teman/energiomstallning/",
        root + "/",
    }


def test_publishing_an_organisation_or_an_opportunity_empties_the_directory(
    client, page_cache, home_page, theme_index, energy, django_capture_on_commit_callbacks
):
    from tests.directory.factories import (
        DirectoryIndexPageFactory,
        OpportunityFactory,
        organisation,
    )

    directory = DirectoryIndexPageFactory(parent=home_page)
    ThemePageFactory(parent=theme_index, theme=energy)
    StandardPageFactory(parent=home_page, slug="om-radet")
    org = organisation(directory, title="Fjällvind AB", slug="fjallvind-ab", themes=[energy.slug])
    warm(
        client,
        "/samarbetspartner/",
        "/samarbetspartner/mojligheter/",
        "/samarbetspartner/?theme=energiomstallning",
        "/samarbetspartner/fjallvind-ab/",
        "/teman/energiomstallning/",
        "/om-radet/",
    )

    with django_capture_on_commit_callbacks(execute=True):
        OpportunityFactory(organisation=org, title="Vi söker en elektriker")
    assert_fresh(
        client,
        "Vi söker en elektriker",
        [
            "/samarbetspartner/mojligheter/",
            "/samarbetspartner/fjallvind-ab/",
            "/teman/energiomstallning/",
        ],
    )
    assert cached(client, "/om-radet/")

    org.title = "Fjällvind och sol AB"
    with django_capture_on_commit_callbacks(execute=True):
        org.save_revision().publish()
    assert_fresh(
        client,
        "Fjällvind och sol AB",
        [
            "/samarbetspartner/",
            "/samarbetspartner/?theme=energiomstallning",
            "/teman/energiomstallning/",
        ],
    )
    assert cached(client, "/om-radet/")


def test_cache_control_on_every_kind_of_answer(client, page_cache, site, django_user_model):
    assert get(client, "/om-radet/")["Cache-Control"] == PUBLIC
    missing = client.get("/finns-inte/")
    assert missing.status_code == 404
    assert missing["Cache-Control"] == "public, max-age=60, s-maxage=60"
    for path in ["/sok/?q=biogas", "/min-organisation/logga-in/", "/admin/login/"]:
        response = client.get(path)
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
        assert "public" not in cache_control, path
    post = client.post("/nyheter/", {"x": "1"})
    assert "no-store" in post["Cache-Control"]


def test_a_page_with_a_form_is_never_shared(client, page_cache, home_page):
    """Any page that hands out a CSRF token is personal, wherever it is."""
    from members.models import MembershipApplicationPage

    form_page = MembershipApplicationPage(title="Ansök", slug="ansok-har", intro="Fyll i.")
    home_page.add_child(instance=form_page)
    form_page.save_revision().publish()
    for _ in range(2):
        response = get(client, "/ansok-har/")
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response


def test_each_front_cache_is_switched_on_by_its_own_variables():
    from django.core.exceptions import ImproperlyConfigured

    from config.frontend_cache import frontend_cache_backends

    assert frontend_cache_backends() == {}
    backends = frontend_cache_backends(
        http_url="http://127.0.0.1:6081", cloudflare_token="token", cloudflare_zone="zone"
    )
    assert backends["http"]["BACKEND"].endswith(".HTTPBackend")
    assert backends["http"]["LOCATION"] == "http://127.0.0.1:6081"
    assert (backends["cloudflare"]["BEARER_TOKEN"], backends["cloudflare"]["ZONEID"]) == (
        "token",
        "zone",
    )
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_ZONE_ID"):
        frontend_cache_backends(cloudflare_token="token")
