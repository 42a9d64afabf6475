"""The HTTP security headers and cookie flags, graded the way Mozilla's HTTP Observatory
grades a site, under the production settings (behind a TLS-terminating proxy)."""

import importlib
import sys

import pytest

from tests.core.test_configuration import PRODUCTION_ENV

PASSWORD = "rätt-lösenord-för-test"
GRADES = [
    (100, "A+"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (30, "D"),
    (25, "D-"),
]
SAFE_REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRER_POLICIES = {
    "unsafe-url",
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
}
SIX_MONTHS = 15_768_000


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives.setdefault(name.lower(), sources)
    return directives


def observatory_score(https_response, http_response) -> tuple[int, str, list[str]]:
    """Score a response like the Mozilla HTTP Observatory (v2 scoring, simplified).

    Start at 100, then for each test add its modifier:

    Content-Security-Policy
      missing: -25. Unsafe: 'unsafe-inline' (without a nonce or hash), data:, http:,
      https: or * in script-src (default-src when script-src is absent), or object-src
      not restricted to 'none' (directly or via default-src 'none'): -20. 'unsafe-eval'
      in script-src: -10. default-src 'none' and nothing unsafe: +10 (bonus).
    Cookies (every Set-Cookie)
      a session cookie without Secure: -40; a session cookie without HttpOnly: -30;
      another cookie without Secure: -20. All cookies Secure and SameSite and session
      cookies HttpOnly: +5 (bonus). No cookies: 0.
    Strict-Transport-Security (HTTPS response)
      missing or unparsable: -20; max-age under six months: -10.
    Redirection
      the plain-HTTP request for the same URL not answered with a redirect to https on
      the same host: -20.
    Referrer-Policy
      no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin: +5
      (bonus); unsafe-url, no-referrer-when-downgrade, origin or
      origin-when-cross-origin: -5; missing: 0.
    X-Content-Type-Options
      anything but nosniff: -5.
    Frame protection
      CSP frame-ancestors 'none' or 'self': +5 (bonus); else X-Frame-Options DENY or
      SAMEORIGIN: 0; neither: -20.
    Cross-origin resource sharing
      Access-Control-Allow-Origin: * on the page: -50.

    As on the Observatory, bonuses count only when the score without them is at least 90.
    Grades: 100 A+, 90 A, 85 A-, 80 B+, 70 B, 65 B-, 60 C+, 50 C, 45 C-, 40 D+, 30 D,
    25 D-, below F. Returns the score, the grade and the reasons for each modifier.
    """
    penalties, bonuses, reasons = 0, 0, []

    def modify(points, reason):
        nonlocal penalties, bonuses
        if points > 0:
            bonuses += points
        else:
            penalties += points
        reasons.append(f"{points:+d} {reason}")

    headers = https_response.headers
    csp_header = headers.get("Content-Security-Policy")
    if not csp_header:
        modify(-25, "no Content-Security-Policy")
        csp = {}
    else:
        csp = parse_csp(csp_header)
        default = csp.get("default-src", [])
        script = csp.get("script-src", default)
        objects = csp.get("object-src", default)
        has_nonce_or_hash = any(s.startswith(("'nonce-", "'sha")) for s in script)
        unsafe = (
            ("'unsafe-inline'" in script and not has_nonce_or_hash)
            or any(s in {"data:", "http:", "https:", "*"} for s in script)
            or objects != ["'none'"]
        )
        if unsafe:
            modify(-20, f"unsafe CSP script-src/object-src: {csp_header}")
        if "'unsafe-eval'" in script:
            modify(-10, "CSP allows 'unsafe-eval'")
        if default == ["'none'"] and not unsafe and "'unsafe-eval'" not in script:
            modify(10, "CSP default-src 'none'")

    cookies = list(https_response.cookies.values())
    for cookie in cookies:
        session = cookie.key == "sessionid"
        if not cookie["secure"]:
            modify(-40 if session else -20, f"cookie {cookie.key} without Secure")
        if session and not cookie["httponly"]:
            modify(-30, f"session cookie {cookie.key} without HttpOnly")
    if cookies and all(
        c["secure"] and c["samesite"] and (c.key != "sessionid" or c["httponly"]) for c in cookies
    ):
        modify(5, "all cookies Secure, SameSite, session cookie HttpOnly")

    hsts = {}
    for part in headers.get("Strict-Transport-Security", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key:
            hsts[key.lower()] = value
    if not hsts.get("max-age", "").isdigit():
        modify(-20, "no Strict-Transport-Security")
    elif int(hsts["max-age"]) < SIX_MONTHS:
        modify(-10, "HSTS max-age under six months")

    location = http_response.headers.get("Location", "")
    if http_response.status_code not in (301, 302, 307, 308) or not location.startswith(
        f"https://{http_response.wsgi_request.get_host()}/"
    ):
        modify(
            -20, f"plain HTTP is not redirected to HTTPS ({http_response.status_code} {location})"
        )

    referrer = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if referrer in SAFE_REFERRER_POLICIES:
        modify(5, f"Referrer-Policy {referrer}")
    elif referrer in UNSAFE_REFERRER_POLICIES:
        modify(-5, f"unsafe Referrer-Policy {referrer}")

    if headers.get("X-Content-Type-Options", "").lower() != "nosniff":
        modify(-5, "no X-Content-Type-Options: nosniff")

    if csp.get("frame-ancestors") in (["'none'"], ["'self'"]):
        modify(5, "frame-ancestors in the CSP")
    elif headers.get("X-Frame-Options", "").upper() not in ("DENY", "SAMEORIGIN"):
        modify(-20, "no frame protection")

    if headers.get("Access-Control-Allow-Origin") == "*":
        modify(-50, "Access-Control-Allow-Origin: *")

    score = 100 + penalties
    if score >= 90:
        score += bonuses
    grade = next((g for minimum, g in GRADES if score >= minimum), "F")
    return score, grade, reasons


@pytest.fixture
def production(settings, monkeypatch):
    """The security settings of config.settings.production, as a deployment gets them."""
    for name, value in PRODUCTION_ENV.items():
        if name not in ("PATH", "DJANGO_SETTINGS_MODULE"):
            monkeypatch.setenv(name, value)
    sys.modules.pop("config.settings.production", None)
    module = importlib.import_module("config.settings.production")
    sys.modules.pop("config.settings.production", None)
    for name in dir(module):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_")) or name in (
            "DEBUG",
            "X_FRAME_OPTIONS",
            "PERMISSIONS_POLICY",
        ):
            setattr(settings, name, getattr(module, name))
    assert settings.SECURE_SSL_REDIRECT and settings.SECURE_HSTS_SECONDS
    return settings


HTTPS = {"X-Forwarded-Proto": "https"}


def assert_grade_a(client, https_response, path):
    http_response = client.get(path)
    score, grade, reasons = observatory_score(https_response, http_response)
    assert grade in ("A+", "A"), f"{path}: {grade} ({score}): {reasons}"
    return score


def assert_no_version_headers(response):
    for name in ("Server", "X-Powered-By", "X-Generator", "X-Runtime"):
        assert name not in response.headers
    for name, value in response.headers.items():
        assert not any(word in value for word in ("Django", "Wagtail", "Python", "gunicorn")), (
            f"{name}: {value}"
        )


@pytest.mark.parametrize(
    "path", ["/", "/finns-inte/", "/admin/login/", "/min-organisation/logga-in/"]
)
def test_grade_a_on_pages_the_admin_login_and_404s(production, client, home_page, path):
    response = client.get(path, headers=HTTPS)
    assert response.status_code == (404 if path == "/finns-inte/" else 200)
    assert_grade_a(client, response, path)
    assert response["Permissions-Policy"]
    assert_no_version_headers(response)


def test_cookies_are_secure_httponly_and_samesite_in_production(
    production, client, django_user_model, home_page
):
    django_user_model.objects.create_superuser("redaktor", "red@example.se", PASSWORD)
    response = client.get("/admin/login/", headers=HTTPS)
    assert "csrftoken" in response.cookies
    response = client.post(
        "/admin/login/", {"username": "redaktor", "password": PASSWORD}, headers=HTTPS
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


def test_the_logged_in_admin_is_covered_too(production, client, django_user_model, home_page):
    """The editor needs 'unsafe-inline' scripts (Wagtail's widgets), which costs 20 points:
    the other headers must still be there."""
    user = django_user_model.objects.create_superuser("redaktor", "red@example.se", PASSWORD)
    client.force_login(user)
    response = client.get(f"/admin/pages/{home_page.pk}/edit/", headers=HTTPS)
    assert response.status_code == 200
    assert "object-src 'none'" in response["Content-Security-Policy"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Permissions-Policy"]
    assert_no_version_headers(response)


def test_the_grading_notices_what_is_missing_without_the_production_settings(client, home_page):
    """The development settings serve plain HTTP without HSTS: not an A."""
    response = client.get("/", headers=HTTPS)
    _score, grade, reasons = observatory_score(response, client.get("/"))
    assert grade not in ("A+", "A")
    assert any("Strict-Transport-Security" in r for r in reasons)
    assert any("not redirected" in r for r in reasons)
