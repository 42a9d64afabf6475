"""Fixtures shared by the tests of themes, news, events and the home page's sections."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded images and their renditions go to a temporary folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches site root paths; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(home_page):
    from tests.news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    from tests.events.factories import EventIndexPageFactory

    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def theme_index(home_page):
    from tests.themes.factories import ThemeIndexPageFactory

    return ThemeIndexPageFactory(parent=home_page)


@pytest.fixture
def energy(db):
    from themes.models import Theme

    return Theme.objects.get(slug="energiomstallning")


@pytest.fixture
def adaptation(db):
    from themes.models import Theme

    return Theme.objects.get(slug="klimatanpassning")


@pytest.fixture
def objectives_theme(db):
    from themes.models import Theme

    return Theme.objects.get(slug="miljomalsarbete")
