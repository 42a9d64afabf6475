"""Views of the site shell: /health/, robots.txt and the error pages (404, 500, and the 503
page shown while the database is unreachable)."""

import logging
import sys

from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET, require_safe

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 30
# Where the open-data API lives (config/urls.py): its errors are JSON, like its answers.
JSON_PATH_PREFIXES = ("/api/",)
NOT_FOUND = _("Det finns inget här.")
UNAVAILABLE = _("Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.")
SERVER_ERROR = _("Något gick fel hos oss. Försök igen om en stund.")


@never_cache
@require_GET
def health(request):
    """For load balancers and the container HEALTHCHECK: is the database answering?

    The cache is reported too, but only the database decides the status: without the
    cache pages are slower, not broken (core/cache.py), so "cache": "failing" still
    answers 200, with "status": "degraded".
    """
    cache_state = "ok" if cache_answers() else "failing"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        response = JsonResponse(
            {"status": "error", "database": "unreachable", "cache": cache_state}, status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


def cache_answers() -> bool:
    """Does the default cache answer? Local memory always does; Redis is asked."""
    ping = getattr(caches["default"], "ping", None)
    return ping() if ping is not None else True


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /sok/",
        "Disallow: /min-organisation/",
        "Disallow: /kontakta/",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers, feed readers and crawlers ask for /favicon.ico whatever the page links.

    A temporary redirect: the SVG's file name carries a hash that changes with the icon.
    """
    return HttpResponseRedirect(static("img/favicon.svg"))


@requires_csrf_token
def page_not_found(request, exception=None):
    if wants_json(request):
        return JsonResponse({"detail": str(NOT_FOUND)}, status=404)
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def wants_json(request) -> bool:
    """Does this request come from a program reading JSON (the open-data API)?"""
    return request is not None and request.path.startswith(JSON_PATH_PREFIXES)


def is_database_unavailable(error: BaseException | None) -> bool:
    """Did `error`, or an error it came from, come from a database we cannot reach?

    OperationalError covers a refused or dropped connection, a server shutting down and
    timeouts; InterfaceError a connection that is already closed. Both pass once the
    database answers again; anything else is a bug and stays a 500.
    """
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def service_unavailable(request=None):
    """The styled 503 page, rendered without the database (no menus, no site settings);
    for the API, the same status in JSON."""
    if wants_json(request):
        response = JsonResponse({"detail": str(UNAVAILABLE)}, status=503)
    else:
        template = loader.get_template("503.html")
        response = HttpResponse(template.render({}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@requires_csrf_token
def server_error(request):
    """Rendered without a request context: the 500 page must not need the database.

    When the error is the database being unreachable (wherever it surfaced: a view, a
    middleware, a template), visitors get the 503 page with Retry-After instead. Django
    calls this handler inside its `except` block, so the error is sys.exception(). The
    API's clients get both answers as JSON (django-ninja leaves unhandled errors to Django).
    """
    if is_database_unavailable(sys.exception()):
        return service_unavailable(request)
    if wants_json(request):
        return JsonResponse({"detail": str(SERVER_ERROR)}, status=500)
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
