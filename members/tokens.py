"""Signed, expiring, single-use links.

A token signs "<purpose>.<object id>.<nonce>" with a timestamp. The signature makes it
tamper-proof, the timestamp makes it expire, and the nonce is stored on the object and
cleared or checked when the link is used, so a link works once. The signed value is
base64url-encoded, so a token is one URL path segment of letters, digits, - and _ (what
Wagtail's page routes accept).
"""

import base64
import binascii
import datetime
import secrets
from dataclasses import dataclass

from django.core import signing

SALT = "members.links"


class LinkError(Exception):
    """The link cannot be used; `reason` is one of "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class LinkPayload:
    purpose: str
    object_id: int
    nonce: str


def make_token(purpose: str, object_id: int, nonce: str) -> str:
    signed = signing.TimestampSigner(salt=SALT).sign(f"{purpose}.{object_id}.{nonce}")
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token: str, purpose: str, max_age: datetime.timedelta) -> LinkPayload:
    """The payload of a valid token for `purpose`; raises LinkError otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise LinkError("invalid") from None
    try:
        value = signer.unsign(signed, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    parts = value.split(".", 2)
    if len(parts) != 3 or parts[0] != purpose or not parts[1].isdigit():
        raise LinkError("invalid")
    return LinkPayload(purpose=parts[0], object_id=int(parts[1]), nonce=parts[2])


def open_link(token: str, purpose: str, max_age: datetime.timedelta, queryset, used):
    """The object a link points at, or LinkError: "invalid" when the token or object is
    wrong, "used" when `used(obj)` says so or the stored nonce no longer matches."""
    payload = read_token(token, purpose, max_age)
    obj = queryset.filter(pk=payload.object_id).first()
    if obj is None:
        raise LinkError("invalid")
    if used(obj) or not secrets.compare_digest(obj.nonce or "-", payload.nonce):
        raise LinkError("used")
    return obj
