"""Cached search answers: cheaper repeats, never a stale unpublished hit."""

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from core.models import ContentVersion


def search(client, **params):
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    return response


def titles(response):
    return [hit.obj.title for hit in response.context["hits"]]


def test_a_repeated_search_skips_the_full_text_queries(db, client, make_page):
    make_page("Vätgas i Jämtland")
    with CaptureQueriesContext(connection) as first:
        search(client, q="vätgas")
    with CaptureQueriesContext(connection) as again:
        assert titles(search(client, q="vätgas")) == ["Vätgas i Jämtland"]
    assert len(again.captured_queries) < len(first.captured_queries)


def test_publishing_and_unpublishing_start_a_new_content_version(db, client, make_page):
    page = make_page("Vätgas i Jämtland")
    before = ContentVersion.current()
    search(client, q="vätgas")
    page.unpublish()
    assert ContentVersion.current() != before
    assert titles(search(client, q="vätgas")) == []
    make_page("Vätgasbussar i Östersund")
    assert titles(search(client, q="vätgasbussar")) == ["Vätgasbussar i Östersund"]


def test_a_change_without_signals_still_never_shows_an_unpublished_page(db, client, make_page):
    page = make_page("Vätgas i Jämtland")
    assert titles(search(client, q="vätgas")) == ["Vätgas i Jämtland"]
    Page.objects.filter(pk=page.pk).update(live=False)  # no signal, the cache is not told
    assert titles(search(client, q="vätgas")) == []


def test_a_publish_in_another_worker_reaches_this_workers_next_search(db, client, make_page):
    """Workers with a local-memory cache each keep their own (the default without Redis).
    This worker caches an answer; another worker publishes, and only the other worker's
    cache hears of it (emulated by putting this worker's cache back as it was). The next
    search here must still find the new page: the version lives in the database."""
    make_page("Vätgas i Jämtland")
    assert titles(search(client, q="vätgas")) == ["Vätgas i Jämtland"]
    local = caches["default"]
    entries, expiry = dict(local._cache), dict(local._expire_info)

    make_page("Vätgas i Östersund")  # in "another worker"

    local._cache.clear()
    local._cache.update(entries)
    local._expire_info.clear()
    local._expire_info.update(expiry)
    assert sorted(titles(search(client, q="vätgas"))) == [
        "Vätgas i Jämtland",
        "Vätgas i Östersund",
    ]
