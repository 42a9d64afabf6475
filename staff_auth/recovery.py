"""Getting back in after losing the phone: the secretariat resets, the mailbox confirms.

Who may reset whom: someone with the `staff_auth.reset_devices` permission (the
Sekretariat group; superusers have every permission) may reset another person who can
reach the admin; a superuser's devices only a superuser may reset, and nobody their own
(they would be removing their last device without a new one).

A reset removes every device, logs the action in Wagtail's audit log (the user's history
and Reports › Site history) and mails the person a single-use link (members.tokens, valid
for LINK_MAX_AGE). Until they open it while logged in, they cannot enrol again
(staff_auth.policy), so the password alone never gets a new device.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mail.outbox import queue_email
from members import tokens
from staff_auth import devices
from staff_auth.models import TwoFactorReset

LINK_PURPOSE = "staff-2fa"
LINK_MAX_AGE = datetime.timedelta(days=3)
# The session of the person who opened their link may enrol (staff_auth.policy).
LINK_SESSION_KEY = "staff_auth_link_opened_for"


class ResetRefused(Exception):
    """This reset may not be done; the message says why, in Swedish."""


def audit(user, action: str, actor=None, **data) -> None:
    """An entry in Wagtail's audit log about `user` (shown in Reports › Site history).

    Wagtail finds the log model by the instance's class, which request.user (a lazy
    wrapper, twice over with django-otp) hides: the entry is made for the user itself.
    """
    person = get_user_model()._default_manager.get(pk=user.pk)
    log(instance=person, action=action, user=actor or person, data=data or None)


def can_reach_admin(user) -> bool:
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def may_reset(actor, target) -> bool:
    return (
        actor.pk != target.pk
        and actor.has_perm("staff_auth.reset_devices")
        and can_reach_admin(target)
        and (actor.is_superuser or not target.is_superuser)
    )


def enrolment_link(reset: TwoFactorReset) -> str:
    token = tokens.make_token(LINK_PURPOSE, reset.pk, reset.nonce)
    return settings.SITE_URL + reverse("staff_auth:link", args=[token])


def reset_devices(actor, target) -> TwoFactorReset:
    """Remove all of `target`'s devices and mail them the link to enrol again."""
    if not may_reset(actor, target):
        raise ResetRefused(_("Du får inte återställa tvåstegsverifieringen för det kontot."))
    if not target.email:
        raise ResetRefused(
            _("Kontot saknar e-postadress, så länken för att aktivera igen kan inte skickas.")
        )
    with transaction.atomic():
        removed = devices.remove_all(target)
        reset, _created = TwoFactorReset.objects.update_or_create(
            user=target,
            defaults={
                "nonce": secrets.token_urlsafe(16),
                "reset_by": actor,
                "created_at": timezone.now(),
                "link_opened_at": None,
            },
        )
        audit(target, "staff_auth.reset", actor, devices_removed=removed)
        queue_email(
            "staff_auth/email/staff_2fa_reset",
            to=target.email,
            context={
                "user": target,
                "link": enrolment_link(reset),
                "days": LINK_MAX_AGE.days,
            },
        )
    return reset


def open_link(request, token: str) -> TwoFactorReset:
    """Use the mailed link: it must be the logged-in person's own and unused.

    Raises members.tokens.LinkError ("invalid", "expired", "used" or "other_account").
    """
    payload = tokens.read_token(token, LINK_PURPOSE, LINK_MAX_AGE)
    reset = TwoFactorReset.objects.filter(pk=payload.object_id).first()
    # A link we signed whose reset is gone was used: its owner has enrolled since.
    if reset is None or not reset.nonce or not secrets.compare_digest(reset.nonce, payload.nonce):
        raise tokens.LinkError("used")
    if reset.user_id != request.user.pk:
        raise tokens.LinkError("other_account")
    with transaction.atomic():
        opened = TwoFactorReset.objects.filter(pk=reset.pk, nonce=reset.nonce).update(
            nonce="", link_opened_at=timezone.now()
        )
        if not opened:  # opened at the same moment elsewhere
            raise tokens.LinkError("used")
    request.session[LINK_SESSION_KEY] = request.user.pk
    return reset


def enrolled(request, user) -> None:
    """The person has a new device: the reset is over."""
    TwoFactorReset.objects.filter(user=user).delete()
    request.session.pop(LINK_SESSION_KEY, None)
