"""A fresh worker asks for a few pages before it takes requests (core/warmup.py)."""

import pytest
from django.db import OperationalError

from core import warmup


@pytest.mark.django_db
def test_the_pages_are_asked_for_through_the_whole_site(home_page, settings):
    settings.SITE_URL = "http://testserver"
    assert warmup.warm_up(paths=("/", "/finns-inte/")) == [("/", 200), ("/finns-inte/", 404)]


@pytest.mark.django_db
def test_a_failure_ends_the_warm_up_without_stopping_the_worker(home_page, settings, monkeypatch):
    settings.SITE_URL = "http://testserver"
    calls = []

    def database_down(self, path, **kwargs):
        calls.append(path)
        raise OperationalError("connection refused")

    monkeypatch.setattr(warmup.Client, "get", database_down)
    assert warmup.warm_up(paths=("/", "/nyheter/")) == []
    assert calls == ["/"], "the rest would fail the same way"


def test_a_worker_whose_warm_up_fails_still_starts_and_answers(tmp_path):
    """Deployed gunicorn with the database down at start-up: the warm-up gives up at once
    and the worker serves what needs no database."""
    from tests.core.live import DEAD_DATABASE_URL, fetch, gunicorn

    env = {"DATABASE_URL": DEAD_DATABASE_URL, "LOG_FORMAT": "plain", "LOG_LEVEL": "INFO"}
    with gunicorn(env, tmp_path / "site.log", deployed=True) as site:
        assert fetch(site.url("/robots.txt")).status == 200
        output = site.output()
    assert "warm-up stopped at /" in output
    assert "worker warmed up" in output


def test_every_thread_of_the_pool_gets_its_connection_prepared():
    import threading
    from concurrent.futures import ThreadPoolExecutor

    seen = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert warmup.warm_threads(pool, 4, prepare=lambda: seen.append(threading.get_ident())) == 4
    assert len(set(seen)) == 4, "one call in each thread"


def test_a_thread_that_cannot_connect_is_reported_not_raised():
    from concurrent.futures import ThreadPoolExecutor

    def database_down():
        raise OperationalError("connection refused")

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert warmup.warm_threads(pool, 2, prepare=database_down) == 0


def test_a_connection_loads_the_swedish_dictionary(postgres, django_assert_num_queries):
    """The query the first search would make on a new connection; run once, it is cheap."""
    with django_assert_num_queries(1):
        warmup.prepare_connection()
