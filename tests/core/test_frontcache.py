"""Cache-Control on every kind of answer, and a publish purging exactly the URLs that show
the change from the front cache (core.frontcache)."""

from urllib.parse import urlsplit

import pytest

from core.frontcache import urls_affected_by
from tests.factories import StandardPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.factories import ThemePageFactory
from tests.themes.fixtures import *  # noqa: F403

PUBLIC = "public, max-age=60, s-maxage=300"


@pytest.fixture
def purged(settings, monkeypatch, django_capture_on_commit_callbacks):
    """Record what a change purges: `with purged() as paths:` (paths filled on commit)."""
    import contextlib

    from wagtail.contrib.frontend_cache import utils

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    paths = set()
    monkeypatch.setattr(
        utils, "purge_urls_from_cache", lambda urls: paths.update(urlsplit(u).path for u in urls)
    )

    @contextlib.contextmanager
    def capture():
        paths.clear()
        with django_capture_on_commit_callbacks(execute=True):
            yield paths

    return capture


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


def publish_news(news_index, title, themes):
    """Publish a new news item the way the admin does: a revision, then publish()."""
    from news.models import NewsPage

    item = NewsPage(title=title, slug="ny-nyhet", lead="Något nytt har hänt i länet.", live=False)
    news_index.add_child(instance=item)
    item.themes.set(themes)
    item.save_revision().publish()
    return NewsPage.objects.get(pk=item.pk)


def test_public_pages_may_be_kept_by_front_caches_but_personal_answers_never(
    client, site, django_user_model
):
    assert get(client, "/nyheter/")["Cache-Control"] == PUBLIC
    assert get(client, "/om-radet/")["Cache-Control"] == PUBLIC
    missing = client.get("/finns-inte/")
    assert missing.status_code == 404
    assert missing["Cache-Control"] == "public, max-age=60, s-maxage=60"
    for path in ["/sok/?q=biogas", "/min-organisation/logga-in/", "/admin/login/"]:
        response = client.get(path)
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, path
        assert "public" not in cache_control, path
    assert "no-store" in client.post("/nyheter/", {"x": "1"})["Cache-Control"]
    client.cookies["sessionid"] = "whatever"
    assert get(client, "/nyheter/")["Cache-Control"] == "private, no-store"
    del client.cookies["sessionid"]
    client.force_login(django_user_model.objects.create_user("medlem", password="pw-12345-m"))
    assert get(client, "/nyheter/")["Cache-Control"] == "private, no-store"


def test_a_page_with_a_form_is_never_shared(client, home_page):
    """Any page that hands out a CSRF token is personal, wherever it is."""
    from members.models import MembershipApplicationPage

    form_page = MembershipApplicationPage(title="Ansök", slug="ansok-har", intro="Fyll i.")
    home_page.add_child(instance=form_page)
    form_page.save_revision().publish()
    response = get(client, "/ansok-har/")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_publishing_news_purges_its_listing_home_and_theme_page_but_nothing_else(
    site, energy, purged
):
    with purged() as paths:
        publish_news(site["news_index"], "Vätgas till tunga transporter", [energy])
    assert {
        "/nyheter/",
        "/nyheter/rss/",
        "/nyheter/tema/energiomstallning/rss/",
        "/",
        "/teman/energiomstallning/",
        "/nyheter/ny-nyhet/",
    } <= paths
    assert "/teman/klimatanpassning/" not in paths
    assert "/om-radet/" not in paths


def test_unpublishing_purges_the_listing_and_theme_page(site, energy, purged):
    item = publish_news(site["news_index"], "Snart borta", [energy])
    with purged() as paths:
        item.unpublish()
    assert {"/nyheter/", "/nyheter/ny-nyhet/", "/teman/energiomstallning/"} <= paths


def test_a_theme_taken_off_an_item_purges_that_theme_page_too(site, energy, adaptation, purged):
    item = publish_news(site["news_index"], "Byter tema", [energy])
    item.themes.set([adaptation])
    with purged() as paths:
        item.save_revision().publish()
    assert {"/teman/energiomstallning/", "/teman/klimatanpassning/"} <= paths


def test_a_moved_page_is_purged_at_its_old_address(site, home_page, purged):
    target = StandardPageFactory(parent=home_page, slug="organisation", title="Organisation")
    with purged() as paths:
        site["about"].move(target, pos="last-child")
    assert {"/om-radet/", "/organisation/om-radet/"} <= paths


def test_a_renamed_page_is_purged_at_its_old_address(site, purged):
    about = site["about"]
    about.slug = "om-oss"
    with purged() as paths:
        about.save_revision().publish()
    assert {"/om-radet/", "/om-oss/"} <= paths


def test_the_set_of_urls_a_news_item_affects(site):
    item = site["news_index"].get_children().specific().get()
    root = "http://localhost"
    themes = ["energiomstallning", "klimatanpassning", "miljomalsarbete"]
    assert urls_affected_by(item) == {
        root + item.url,
        root + "/nyheter/",
        root + "/nyheter/csv/",
        root + "/nyheter/json/",
        root + "/nyheter/rss/",
        root + "/nyheter/atom/",
        *(root + f"/nyheter/tema/{theme}/{kind}/" for theme in themes for kind in ("rss", "atom")),
        root + "/teman/energiomstallning/",
        root + "/",
    }


def test_publishing_an_organisation_or_an_opportunity_purges_the_directory(
    home_page, theme_index, energy, purged
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

    with purged() as paths:
        OpportunityFactory(organisation=org, title="Vi söker en elektriker")
    assert {
        "/samarbetspartner/mojligheter/",
        "/samarbetspartner/fjallvind-ab/",
        "/teman/energiomstallning/",
    } <= paths
    assert "/om-radet/" not in paths

    org.title = "Fjällvind och sol AB"
    with purged() as paths:
        org.save_revision().publish()
    assert {"/samarbetspartner/", "/teman/energiomstallning/"} <= paths
    assert "/om-radet/" not in paths


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
