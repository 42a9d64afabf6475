"""What gunicorn itself adds to the app's headers, as deployed (no proxy in front)."""

import re
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def headers_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.headers
    except urllib.error.HTTPError as error:
        return error.headers


@pytest.mark.parametrize("path", ["/", "/finns-inte/", "/admin/login/", "/static/css/site.css"])
def test_no_server_or_framework_version_in_the_headers(demo_server, path):
    """gunicorn always sends `Server: gunicorn`, without its version, and has no setting
    to drop it; the proxy in front replaces or removes it (README, Security)."""
    headers = headers_of(demo_server.url(path))
    assert headers["Server"] in (None, "gunicorn")
    assert "X-Powered-By" not in headers
    for name, value in headers.items():
        assert not re.search(r"(django|wagtail|python|gunicorn)\s*/?\s*\d", value, re.I), (
            f"{name}: {value}"
        )
