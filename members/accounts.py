"""Member accounts: created when an application is approved or an invitation accepted.

Usernames are generated (members log in with their e-mail address, see backends.py);
members get no groups and no permissions, and Wagtail's own notification e-mails are
switched off for them (they get the app's Swedish ones instead).
"""

import datetime
import secrets
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.users.models import UserProfile

from directory.models import OrganisationPage
from mail.outbox import queue_email
from members import tokens
from members.models.accounts import Invitation, Membership, MembershipRole

INVITATION_MAX_AGE = datetime.timedelta(days=7)


def member_users():
    """Users who may log in to Min organisation: active, with at least one membership."""
    return get_user_model().objects.filter(is_active=True, memberships__isnull=False).distinct()


def email_key(address: str) -> str:
    """The one form of an e-mail address that finds its account and counts its rate limits.

    Case variants beyond ASCII (`ſ` for s, `ı` for i, fullwidth letters) give the same key:
    the database's case-insensitive match takes them for the same account, and a limit
    counted under each spelling would give every variant fresh attempts at it.
    """
    return unicodedata.normalize("NFKC", (address or "").strip()).upper().lower()


def find_account(users, address: str):
    """The first of `users` (a queryset) whose address has the key of `address`, or None.

    The database narrows the search; the key decides, so an account is only ever found by
    an address that counts under its own rate-limit key, whatever the database's collation.
    """
    key = email_key(address)
    if not key:
        return None
    candidates = users.filter(Q(email__iexact=address.strip()) | Q(email__iexact=key))
    return next((u for u in candidates.order_by("pk") if email_key(u.email) == key), None)


def find_member(email: str):
    """The member account that logs in with `email` (the login and password reset)."""
    return find_account(member_users(), email)


def split_name(name: str) -> tuple[str, str]:
    first, _, last = name.strip().rpartition(" ")
    return (first, last) if first else (last, "")


def create_user(email: str, first_name: str = "", last_name: str = "", password=None):
    User = get_user_model()
    user = User(
        username=f"medlem-{secrets.token_hex(6)}",
        email=email.strip(),
        first_name=first_name[:150],
        last_name=last_name[:150],
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save()
    return user


@transaction.atomic
def add_member(
    organisation: OrganisationPage,
    email: str,
    name: str = "",
    role: str = MembershipRole.COLLEAGUE,
    invited_by=None,
):
    """The member account for `email` (existing or new) with access to `organisation`.

    Returns (user, created): created is True when the account is new and needs a password.
    """
    user = find_account(get_user_model().objects.filter(is_active=True), email)
    created = user is None
    if created:
        user = create_user(email, *split_name(name))
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role, "invited_by": invited_by}
    )
    return user, created


def password_link(user) -> str:
    """The link that lets a member choose a password (Django's reset token: single use,
    invalid once the password changes, expires after PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("members:password_set", args=[uid, token])


def send_password_reset(user) -> None:
    queue_email(
        "members/email/password_reset",
        recipient_only=True,
        to=user.email,
        context={"user": user, "link": password_link(user)},
    )


# Invitations ------------------------------------------------------------------------------


def invitation_link(invitation: Invitation) -> str:
    token = tokens.make_token("invitation", invitation.pk, invitation.nonce)
    return settings.SITE_URL + reverse("members:invitation", args=[token])


@transaction.atomic
def invite(organisation: OrganisationPage, email: str, invited_by) -> Invitation:
    invitation = Invitation.objects.create(
        organisation=organisation, email=email.strip(), invited_by=invited_by
    )
    queue_email(
        "members/email/invitation",
        recipient_only=True,
        to=invitation.email,
        context={
            "organisation": organisation,
            "invited_by": invited_by,
            "link": invitation_link(invitation),
            "days": INVITATION_MAX_AGE.days,
        },
        organisation=organisation,
    )
    return invitation


def open_invitation(token: str) -> Invitation:
    """The invitation a link points at; raises tokens.LinkError if it cannot be used."""
    return tokens.open_link(
        token,
        "invitation",
        INVITATION_MAX_AGE,
        Invitation.objects.select_related("organisation"),
        used=lambda invitation: invitation.accepted_at is not None,
    )


@transaction.atomic
def accept_invitation(invitation: Invitation, *, first_name="", last_name="", password=None):
    """Give the invited address access; creates the account when there is none."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise tokens.LinkError("used")
    user = find_account(get_user_model().objects.filter(is_active=True), invitation.email)
    created = user is None
    if created:
        user = create_user(invitation.email, first_name, last_name, password=password)
    Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": MembershipRole.COLLEAGUE, "invited_by": invitation.invited_by},
    )
    invitation.accepted_at = timezone.now()
    invitation.nonce = ""
    invitation.save(update_fields=["accepted_at", "nonce"])
    return user, created
