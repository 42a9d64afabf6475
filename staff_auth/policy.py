"""Who must pass the second step, who may enrol a new device, and where they are sent.

Everyone who can reach the admin (Wagtail's `access_admin` permission, superusers
included) passes a second factor after the password when STAFF_2FA_REQUIRED is on;
members, who cannot reach the admin, are never asked. The setting is read per request,
so tests switch it with pytest-django's `settings` fixture.

Enrolling is allowed to a session that has already passed the second step (adding a
passkey, replacing the phone), and to someone who has no device yet, right after the
password; but after the secretariat reset their devices only once they opened the mailed
link in this session (staff_auth.recovery).
"""

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from staff_auth import devices
from staff_auth.models import TwoFactorReset
from staff_auth.recovery import LINK_SESSION_KEY, can_reach_admin


def allow_unverified(view):
    """Mark an admin view as part of the second step itself: served before it is passed."""
    view.allows_unverified_staff = True
    return view


@lru_cache(maxsize=1)
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def needs_second_factor(request) -> bool:
    user = request.user
    return (
        settings.STAFF_2FA_REQUIRED
        and user.is_authenticated
        and can_reach_admin(user)
        and not user.is_verified()
    )


def waits_for_link(user) -> bool:
    """Reset by the secretariat and no device since: only the mailed link lets them enrol."""
    return TwoFactorReset.objects.filter(user=user).exists()


def may_enrol(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_verified():
        return True
    if devices.has_any_device(user):
        return False
    return not waits_for_link(user) or request.session.get(LINK_SESSION_KEY) == user.pk


def safe_next(request, default: str = "") -> str:
    """The `next` of the request if it points into this site, else the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or resolve_url("wagtailadmin_home")


def with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"
