"""How many wrong codes someone may type at the second step, and what they are told.

Two layers. django-otp's own throttling, kept on each device in the database (so every
gunicorn worker sees it): after each wrong code the next is refused for 1, 2, 4, 8 …
seconds. On top of it, five wrong codes in a row lock code entry for the account for
15 minutes from the fifth, read from the same database fields. Every code is checked
against all the person's code devices (app and backup codes), so their failure counters
move together and "five wrong codes" means five, whichever kind was meant; a right code
resets them all.

The project's rate limiter (core.ratelimit) counts wrong codes per address, as the
login does, so one address cannot work through many accounts' codes. It is the one call
site of that limiter here: when rate limits move, only `_address_limit` changes.

Codes are never logged: log lines name the account's id, never what was typed.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.ratelimit import Limit, client_ip
from staff_auth.devices import normalise

logger = logging.getLogger(__name__)

MAX_WRONG_CODES = 5
LOCKOUT = datetime.timedelta(minutes=15)
# Wrong codes from one address, across accounts, in 15 minutes (the login allows 20 too).
WRONG_CODES_PER_ADDRESS = Limit("admin-2fa-ip", 20, 15 * 60)


@dataclass(frozen=True)
class Outcome:
    device: object | None = None
    error: str = ""


def _code_devices(user, *, for_update=False):
    devices = []
    for model in (TOTPDevice, StaticDevice):
        queryset = model.objects.devices_for_user(user, confirmed=True).order_by("pk")
        devices += list(queryset.select_for_update() if for_update else queryset)
    return devices


def _address_limit(request, *, hit: bool) -> bool:
    """The project's limiter, per address: True when it is used up (and `hit` counts one)."""
    ip = client_ip(request)
    if not ip:
        return False
    if hit:
        WRONG_CODES_PER_ADDRESS.hit(ip)
    return WRONG_CODES_PER_ADDRESS.exceeded(ip)


def locked_until(user) -> datetime.datetime | None:
    """When code entry opens again after five wrong codes, or None if it is open."""
    last_failures = [
        d.throttling_failure_timestamp
        for d in _code_devices(user)
        if d.throttling_failure_count >= MAX_WRONG_CODES and d.throttling_failure_timestamp
    ]
    if not last_failures:
        return None
    until = max(last_failures) + LOCKOUT
    return until if until > timezone.now() else None


def locked_message(until: datetime.datetime) -> str:
    return _(
        "För många felaktiga koder. Av säkerhetsskäl går det inte att ange någon kod på 15 "
        "minuter, till kl. %(time)s. Vänta och försök igen, använd din nyckel (passkey) om "
        "du har en, eller be sekretariatet återställa din tvåstegsverifiering."
    ) % {"time": formats.time_format(timezone.localtime(until), "H:i")}


def refusal(request, user) -> str:
    """Why code entry is closed right now for `user` from this address, or ''."""
    until = locked_until(user)
    if until:
        return locked_message(until)
    if _address_limit(request, hit=False):
        return _("För många felaktiga koder från din adress. Vänta en kvart och försök igen.")
    return ""


@sensitive_variables("code")
def check_code(request, user, code: str) -> Outcome:
    """Try `code` on the user's app and backup codes; the device that took it, or why not."""
    if message := refusal(request, user):
        return Outcome(error=message)
    code = normalise(code)
    with transaction.atomic():
        devices = _code_devices(user, for_update=True)
        for device in devices:
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                return Outcome(error=_("Vänta några sekunder och försök igen."))
        matched = next((d for d in devices if d.verify_token(code)), None)
        if matched is not None:
            for device in devices:
                if device.pk != matched.pk or type(device) is not type(matched):
                    device.throttle_reset()
            return Outcome(device=matched)
        # verify_token counted the failure on every device that was tried.
    _address_limit(request, hit=True)
    logger.warning("Two-factor code refused for user %s", user.pk)
    if until := locked_until(user):
        return Outcome(error=locked_message(until))
    return Outcome(
        error=_("Koden stämmer inte. Skriv den kod som appen visar nu, eller en oanvänd reservkod.")
    )
