import json

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import RequestFactory

from core.views import server_error
from tests.core.live import run_without_database


def test_health_answers_ok_when_the_database_answers(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_is_unreachable():
    """A real connection attempt to a port where no database listens."""
    last_line = run_without_database(
        "from django.test import Client; r = Client().get('/health/');"
        "print(r.status_code, r.content.decode())"
    )
    status, body = last_line.split(" ", 1)
    assert status == "503"
    assert json.loads(body)["database"] == "unreachable"


def test_unknown_url_gives_the_styled_swedish_404(client, home_page):
    response = client.get("/det-har-finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html
    assert '<html lang="sv">' in html
    assert 'name="robots" content="noindex"' in html
    assert "css/site.css" in html


def test_the_api_answers_an_unknown_address_in_json(client, home_page):
    response = client.get("/api/v1/finns-inte/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Det finns inget här."}


def test_server_error_page_renders_without_database_or_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Något gick fel hos oss" in html
    assert '<html lang="sv">' in html


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=0",
        "?page=99999",
        "?q=%00",
        "?x=%ff%fe",
        "?" + "a=b&" * 200,
        "?utm_source=<script>alert(1)</script>",
    ],
)
def test_odd_query_strings_on_pages_are_ignored(client, home_page, query):
    response = client.get("/" + query)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_the_home_page(client, home_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"<loc>http://localhost/</loc>" in response.content


def test_health_is_answered_for_any_host_and_over_plain_http(client, db, settings):
    """Load balancers call it by IP, without TLS, which ALLOWED_HOSTS and the redirect refuse."""
    settings.ALLOWED_HOSTS = ["klimatradet.example"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_favicon_ico_leads_to_the_site_icon(client, db):
    """Browsers, feed readers and crawlers ask for /favicon.ico whatever the page links."""
    for method in (client.get, client.head):
        response = method("/favicon.ico")
        assert response.status_code == 302
        assert response["Location"] == static("img/favicon.svg")
        assert "max-age=" in response["Cache-Control"]
    assert finders.find("img/favicon.svg")
