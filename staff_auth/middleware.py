"""No admin page before the second factor (STAFF_2FA_REQUIRED).

Runs after django-otp's OTPMiddleware, which tells whether this session has passed a
second factor (`request.user.is_verified()`). Any view under the admin's URL prefix
(the dashboard, editing, the admin API, choosers, reports) sends a logged-in person with
admin access who has not passed it to the second step, with the page they asked for as
`next`. Only the step itself (views marked by staff_auth.policy.allow_unverified) and
Wagtail's login, logout, password reset and static helpers are served before it.
Members cannot reach the admin at all and are never asked; nothing outside the admin
changes.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.deprecation import MiddlewareMixin

from staff_auth import policy

# Wagtail's views that must work before the second step: signing in and out, resetting a
# forgotten password, and the icon sprite and translations every admin page loads.
WAGTAIL_OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}


def is_open(view_func, request) -> bool:
    if getattr(view_func, "allows_unverified_staff", False):
        return True
    name = getattr(request.resolver_match, "url_name", None) or ""
    return name in WAGTAIL_OPEN_VIEWS or name.startswith("wagtailadmin_password_reset")


class StaffTwoFactorMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STAFF_2FA_REQUIRED:
            return None
        if not request.path_info.startswith(policy.admin_prefix()):
            return None
        if is_open(view_func, request) or not policy.needs_second_factor(request):
            return None
        wanted = (
            request.get_full_path() if request.method in ("GET", "HEAD") else policy.admin_prefix()
        )
        return redirect(policy.with_next("staff_auth:verify", wanted))
