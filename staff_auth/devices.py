"""A staff member's second factors: what they have, adding one, removing one.

Three kinds, all django-otp devices: an authenticator app (TOTPDevice, the code that
changes every 30 seconds), ten backup codes (one StaticDevice whose tokens are used up one
by one) and passkeys (django-otp-webauthn's WebAuthnCredential). The app and passkeys are
the *primary* factors; backup codes are there for the day the phone is lost, and alone
they never count as having two-factor sign-in set up. So nobody can remove their last
primary factor: they add a new one first.
"""

import base64

import segno
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

BACKUP_CODE_COUNT = 10
APP_NAME = "Autentiseringsapp"
BACKUP_NAME = "Reservkoder"


class LastDeviceError(Exception):
    """Removing this device would leave the account without a primary second factor."""


def apps(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk")


def passkeys(user):
    return WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("pk")


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def has_primary_device(user) -> bool:
    return apps(user).exists() or passkeys(user).exists()


def has_any_device(user) -> bool:
    return next(devices_for_user(user, confirmed=True), None) is not None


def summary(user) -> str:
    """'App, 2 nycklar, 8 reservkoder' for the secretariat's overview."""
    parts = []
    if apps(user).exists():
        parts.append(str(_("app")))
    if count := passkeys(user).count():
        parts.append(f"{count} {_('nyckel') if count == 1 else _('nycklar')}")
    if codes := backup_codes_left(user):
        parts.append(f"{codes} {_('reservkoder')}")
    return ", ".join(parts).capitalize()


# Adding ------------------------------------------------------------------------------------


def pending_app(user) -> TOTPDevice:
    """The unconfirmed app being set up: its key is shown until a code from it confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def app_key(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def app_qr_svg(device: TOTPDevice) -> str:
    """The app's setup link as an inline SVG QR code: drawn here, no other service sees
    the key, and with no style attributes, so the strict Content-Security-Policy holds."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, dark="#000", light="#fff", svgclass="qr-code__image", lineclass=None
    )


def confirm_app(device: TOTPDevice, code: str) -> bool:
    """Confirm the pending app with a code from it (django-otp's throttling applies)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(normalise(code)):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Only one app: an earlier one (when replacing the phone) stops working now.
        apps(device.user).exclude(pk=device.pk).delete()
        TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()
    return True


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Ten fresh single-use codes; any older ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalise(code: str) -> str:
    """What people type, as the devices compare it: no spaces or hyphens, lower case."""
    return "".join((code or "").split()).replace("-", "").lower()


# Removing ----------------------------------------------------------------------------------


def remove(user, device) -> None:
    """Remove one of the user's own app or passkeys; never the last of them."""
    with transaction.atomic():
        primary = list(apps(user).select_for_update()) + list(passkeys(user).select_for_update())
        if device.user_id != user.pk or not any(d == device for d in primary):
            raise LookupError(device)
        if len(primary) == 1:
            raise LastDeviceError()
        device.delete()


def remove_all(user) -> int:
    """Every device of `user`, confirmed or not (the secretariat's reset)."""
    removed = 0
    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        count, _by_model = model.objects.filter(user=user).delete()
        removed += count
    return removed
