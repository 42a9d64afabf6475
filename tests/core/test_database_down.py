"""The database goes away and comes back: visitors get a styled 503, /health/ says so, and
the site heals itself without a restart."""

import json

import pytest
from django.db import OperationalError, ProgrammingError
from django.test import RequestFactory

from core.views import server_error
from tests.core.live import (
    TcpProxy,
    fetch,
    gunicorn,
    postgres_address,
    postgres_url,
    run_without_database,
)
from tests.factories import StandardPageFactory

UNAVAILABLE_HEADING = "Webbplatsen är tillfälligt otillgänglig"


def assert_styled_503(response):
    assert response.status == 503
    assert int(response.headers["Retry-After"]) > 0
    assert "no-store" in response.headers["Cache-Control"]
    assert '<html lang="sv">' in response.body
    assert UNAVAILABLE_HEADING in response.body
    assert "/static/css/site.css" in response.body
    assert 'name="robots" content="noindex"' in response.body


def test_pages_answer_503_with_the_styled_page_when_the_database_is_unreachable():
    """A fresh process whose DATABASE_URL points at a port where nothing listens."""
    last_line = run_without_database(
        "from django.test import Client;"
        "r = Client(raise_request_exception=False).get('/');"
        "print(r.status_code, r['Retry-After'], 'site.css' in r.text, "
        f"{UNAVAILABLE_HEADING!r} in r.text)"
    )
    status, retry_after, styled, heading = last_line.split()
    assert (status, styled, heading) == ("503", "True", "True")
    assert int(retry_after) > 0


def test_the_api_answers_503_in_json_when_the_database_is_unreachable():
    """A program reading the open-data API gets JSON it can parse, not the HTML page."""
    last_line = run_without_database(
        "import json; from django.test import Client;"
        "r = Client(raise_request_exception=False).get('/api/v1/directory/organisations/');"
        "print(json.dumps([r.status_code, r['Content-Type'], r.get('Retry-After'),"
        " r.get('Cache-Control'), r.content.decode()]))"
    )
    status, content_type, retry_after, cache_control, body = json.loads(last_line)
    assert status == 503
    assert content_type == "application/json"
    assert int(retry_after) > 0
    assert "no-store" in cache_control
    assert json.loads(body) == {
        "detail": "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund."
    }


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (OperationalError("server closed the connection unexpectedly"), 503),
        (ValueError("a template failed while the connection dropped"), 503),
        (ProgrammingError("column does not exist"), 500),
        (ValueError("a bug"), 500),
    ],
)
def test_only_an_unreachable_database_turns_a_server_error_into_503(error, status):
    if "connection dropped" in str(error):
        error.__context__ = OperationalError("connection refused")
    for path, content_type in [("/", "text/html"), ("/api/v1/directory/", "application/json")]:
        try:
            raise error
        except Exception:
            response = server_error(RequestFactory().get(path))
        assert response.status_code == status
        assert ("Retry-After" in response) == (status == 503)
        assert response["Content-Type"].startswith(content_type)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_answers_503_while_the_database_is_down_and_recovers_by_itself(
    postgres, home_page, tmp_path
):
    """gunicorn talks to PostgreSQL through a proxy that the test stops and starts again:
    kept-alive connections break mid-life and new ones are refused, as in a real outage.
    (Varnish keeps serving the pages it holds meanwhile: deploy/varnish/default.vcl.)"""
    about = StandardPageFactory(parent=home_page, slug="om-oss")
    settings = postgres.settings_dict
    proxy = TcpProxy(postgres_address(settings)).start()
    database_url = postgres_url(settings, proxy=proxy) + "?connect_timeout=3"
    # Persistent connections, as in production: the ones open when the database goes away
    # must be noticed as broken, not reused.
    env = {
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",
    }
    try:
        with gunicorn(env, tmp_path / "gunicorn.log", threads=2) as site:
            for _ in range(3):  # open the connections of both threads
                assert fetch(site.url("/")).status == 200
            assert fetch(site.url("/health/")).status == 200

            proxy.stop()
            assert_styled_503(fetch(site.url("/")))
            assert_styled_503(fetch(site.url(about.url)))
            assert_styled_503(fetch(site.url("/sok/?q=klimat")))
            api = fetch(site.url("/api/v1/directory/organisations/"))
            assert api.status == 503
            assert api.headers["Content-Type"] == "application/json"
            assert int(api.headers["Retry-After"]) > 0
            assert "detail" in json.loads(api.body)
            health = fetch(site.url("/health/"))
            assert health.status == 503
            assert '"database": "unreachable"' in health.body

            proxy.start()
            # The very next requests succeed: no restart, no stale connection reused.
            for _ in range(3):
                page = fetch(site.url(about.url))
                assert page.status == 200, page.body[:500]
                assert about.title in page.body
            assert fetch(site.url("/health/")).status == 200
    finally:
        proxy.stop()
