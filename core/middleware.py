"""Middleware of the site shell: request ids and logs, /health/, security headers."""

import logging
import time

import sentry_sdk
from django.conf import settings

from core.logs import logged_path, request_id_from, request_id_var

request_logger = logging.getLogger("core.request")


class RequestLogMiddleware:
    """Give every request an id and log one line when its response is ready.

    The id is the proxy's X-Request-ID when it looks like one, else a new one; it is on
    the response as X-Request-ID, on every log record made while serving the request
    (core.logs.RequestIdFilter) and on the Sentry event of an error. The line shows the
    path without the tokens of confirmation and password links (core.logs.logged_path)
    and the route's name. First in MIDDLEWARE, so the duration covers the whole stack.
    Successful health checks are not logged: load balancers call them every few seconds.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        sentry_sdk.set_tag("request_id", request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if not (request.path_info == "/health/" and response.status_code == 200):
                duration_ms = round((time.monotonic() - started) * 1000, 1)
                path = logged_path(request)  # never a link's token
                match = request.resolver_match
                request_logger.info(
                    "%s %s %s %.1f ms",
                    request.method,
                    path,
                    response.status_code,
                    duration_ms,
                    extra={
                        "method": request.method,
                        "path": path,
                        "route": match.view_name if match else "",
                        "status": response.status_code,
                        "duration_ms": duration_ms,
                    },
                )
            return response
        finally:
            request_id_var.reset(token)


class HealthCheckMiddleware:
    """Answer /health/ before host validation and the HTTPS redirect.

    Load balancers and the container HEALTHCHECK call it by IP over plain HTTP, which
    ALLOWED_HOSTS and SECURE_SSL_REDIRECT would otherwise refuse.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/health/":
            from core.views import health

            return health(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin's logged-in views their own, looser policy.

    Wagtail 8's chooser and date widgets still initialise themselves with inline scripts
    (e.g. `new PageChooser(...)` on the page editor), which a nonce cannot cover, so the
    editing views need 'unsafe-inline'. Only users with admin access get it: the admin
    login, the password reset and everything public keep the strict policy. Must come after
    Django's CSP middleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith("/admin/")
            and request.user.has_perm("wagtailadmin.access_admin")
            and not hasattr(response, "_csp_config")
        ):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
