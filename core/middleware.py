from django.conf import settings


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
    editing views need 'unsafe-inline'. Only logged-in users see them: the admin login,
    the password reset and everything public keep the strict policy. Must come after
    Django's CSP middleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith("/admin/")
            and request.user.is_authenticated
            and not hasattr(response, "_csp_config")
        ):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
