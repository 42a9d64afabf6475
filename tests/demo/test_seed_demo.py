import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from core.models import NavigationSettings, SiteSettings
from home.models import HomePage


@pytest.fixture
def seeded(db, monkeypatch, tmp_path, settings):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-admin-password")
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_builds_the_site_shell(seeded, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.accessibility_page and settings.privacy_page and settings.email
    nav = NavigationSettings.for_site(site)
    assert [b.value.label() for b in nav.main_menu][:2] or nav.main_menu
    response = client.get("/")
    assert response.status_code == 200
    assert "Tillgänglighetsredogörelse" in response.content.decode()


def test_seed_demo_accessibility_statement_has_what_the_law_asks_for(seeded, client):
    html = client.get("/tillganglighet/").content.decode()
    for required in [
        "delvis förenlig",
        "https://www.digg.se/tdosanmalan",
        "WCAG 2.1",
        "Senaste bedömningen gjordes",
        "uppdaterades senast",
        "självskattning",
        "Region Jämtland Härjedalen",
    ]:
        assert required in html, required


def test_seed_demo_privacy_notice_says_submissions_become_public_records(seeded, client):
    html = client.get("/integritetspolicy/").content.decode()
    assert "allmän handling" in html
    assert "inte att den raderas" in html


def test_seed_demo_is_idempotent_and_creates_the_admin(seeded):
    counts = Page.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Page.objects.count() == counts
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("demo-admin-password")


def test_seed_demo_leaves_no_queued_tasks_for_the_worker(db, monkeypatch, tmp_path, settings):
    """Queued, the seed's index updates were about a thousand tasks that `make run`'s worker
    worked through before anything a person did after start-up (mail, a publish)."""
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import ReferenceIndex
    from wagtail.search.models import IndexEntry

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-admin-password")
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())

    assert not DBTaskResult.objects.exists()
    news = Page.objects.get(url_path__endswith="/nyheter/").get_children().live().first()
    assert IndexEntry.objects.filter(object_id=str(news.pk)).exists()
    assert ReferenceIndex.objects.exists()
