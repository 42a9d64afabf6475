"""Redis goes away: pages are worked out without the cache instead of failing, the failure is
logged once rather than per request, /health/ says the cache is failing, and everything is
back to normal when Redis answers again (core/cache.py)."""

import contextlib
import logging
import shutil
import subprocess
import time

import pytest
from django.core.cache import caches

from config.caches import caches_from_url
from tests.core.live import free_port
from tests.directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from tests.factories import StandardPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.fixtures import *  # noqa: F403

PAGES = ["/", "/om-oss/", "/nyheter/", "/nyheter/biogas-i-sveg/", "/samarbetspartner/"]


@pytest.fixture
def site(home_page, news_index):
    directory_index = DirectoryIndexPageFactory(parent=home_page)
    StandardPageFactory(parent=home_page, slug="om-oss", title="Om oss")
    NewsPageFactory(parent=news_index, slug="biogas-i-sveg", title="Biogas i Sveg")
    OrganisationPageFactory(parent=directory_index, title="Sveg Biogas AB")
    return home_page


def use_redis(settings, url: str) -> None:
    """The cache as production configures it from REDIS_URL, with every cache layer on."""
    settings.CACHES = caches_from_url(url)
    settings.FRAGMENT_CACHE_SECONDS = 3600


@contextlib.contextmanager
def redis_server(port: int):
    """A real redis-server on `port`, without persistence; stopped on leaving."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_pages_answer_200_when_redis_is_at_a_dead_port(client, settings, site, caplog):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(2):
            for path in PAGES:
                response = client.get(path)
                assert response.status_code == 200, path
        assert client.get("/sok/?q=biogas").status_code == 200
    # Logged when it started, not once per cache call (there were dozens).
    failures = [r for r in caplog.records if r.name == "core.cache"]
    assert len(failures) == 1
    assert "Redis" in failures[0].getMessage()


def test_health_says_the_cache_is_failing_but_answers_200(client, settings, db):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "failing"}


def test_redis_stops_and_comes_back(client, settings, site):
    port = free_port()
    use_redis(settings, f"redis://127.0.0.1:{port}/0")
    with redis_server(port):
        caches["default"].clear()
        assert client.get("/health/").json()["cache"] == "ok"
        assert client.get("/om-oss/").status_code == 200
        assert cached_entries(port) > 0

    # Redis is gone: the page is rendered again, without the cache.
    response = client.get("/om-oss/")
    assert response.status_code == 200
    assert "Om oss" in response.text
    assert client.get("/health/").json()["cache"] == "failing"

    with redis_server(port):
        # /health/ always asks Redis, and a cache that answers again is used again at once.
        assert client.get("/health/").json() == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
        }
        assert client.get("/om-oss/").status_code == 200
        assert cached_entries(port) > 0


def cached_entries(port: int) -> int:
    import redis

    return redis.Redis(port=port).dbsize()
