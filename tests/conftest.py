"""Shared fixtures. Factories are seeded so a failure reproduces: TEST_SEED=<n> to replay."""

import os
import random
import subprocess
import sys
from pathlib import Path

import factory.random
import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

# The demo site, Chromium and axe-core: one definition, so one instance per process.
pytest_plugins = ["tests.browser.support"]

TEST_SEED = int(os.environ.get("TEST_SEED", "2030"))

# CI sets REQUIRE_TEST_FEATURES=postgres,browser,vnu so that a missing tool fails the run
# instead of silently skipping the tests that need it.
REQUIRED_FEATURES = {f for f in os.environ.get("REQUIRE_TEST_FEATURES", "").split(",") if f}


def skip_unless(feature: str, available: bool, reason: str):
    if available:
        return
    if feature in REQUIRED_FEATURES:
        pytest.fail(f"{feature} is required in this run but unavailable: {reason}")
    pytest.skip(reason)


def pytest_configure(config):
    """Compile the project's translations when a .po changed, as `make` does before a run."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "compile_messages"
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True)


# Tests that use the seeded demo site or the browser run in one xdist worker (`make test`
# runs `-n auto --dist loadgroup`): seeding a demo site takes minutes, so the other workers
# take the rest of the suite meanwhile instead of each seeding its own.
BROWSER_FIXTURES = {"demo_server", "browser", "axe_source"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.keywords or BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_report_header(config):
    return f"test seed: {TEST_SEED} (set TEST_SEED to replay)"


@pytest.fixture(autouse=True)
def _seeded_random():
    random.seed(TEST_SEED)
    factory.random.reseed_random(TEST_SEED)


@pytest.fixture
def postgres(db):
    """For tests of PostgreSQL-only behaviour (full-text search configurations, trigrams)."""
    from django.db import connection

    skip_unless(
        "postgres",
        connection.vendor == "postgresql",
        "needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)",
    )
    return connection


@pytest.fixture
def home_page(db):
    """The site's home page at the root of the default site, as seed_demo makes it."""
    from tests.factories import make_home_page

    return make_home_page()


@pytest.fixture
def no_cache(settings):
    """Django's cache off (DummyCache), as `manage.py bench_cold` measures: query counts then
    include what a cache would hide, such as Wagtail's site lookups for page URLs."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def fragments(settings):
    """The fragment cache on (core/fragments.py), as in production; off in other tests."""
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client, logged in as a member of the Redaktör group (may edit, not publish)."""
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("redaktor", password="pw-redaktor-123")
    editor.groups.add(Group.objects.get(name="Redaktör"))
    client.force_login(editor)
    return client
