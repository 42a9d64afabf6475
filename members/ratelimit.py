"""Rate limits for the public forms, counted in Django's cache (local memory or Redis).

A fixed window per key: the first hit of a window creates the counter with the window as
its timeout, later hits increment it. Keys are hashed, so no IP or e-mail address is ever
written to the cache in the clear.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    limit: int
    window: int  # seconds

    def key(self, value: str) -> str:
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{self.name}:{value}".encode()).hexdigest()
        return f"ratelimit:{self.name}:{digest[:32]}"

    def exceeded(self, value: str) -> bool:
        """Has `value` used up the limit (without counting a new hit)?"""
        return (cache.get(self.key(value)) or 0) >= self.limit

    def hit(self, value: str) -> None:
        key = self.key(value)
        if not cache.add(key, 1, timeout=self.window):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=self.window)


def client_ip(request) -> str:
    """The visitor's address; behind TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For.

    Each proxy appends the address it received the request from, so the client is the
    entry that many places from the right; anything further left may be forged.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimited(Exception):
    pass


def check_and_hit(limits: list[tuple[Limit, str]]) -> None:
    """Refuse (RateLimited) if any limit is used up; otherwise count one hit on each."""
    for limit, value in limits:
        if value and limit.exceeded(value):
            raise RateLimited(limit.name)
    for limit, value in limits:
        if value:
            limit.hit(value)


# The app's limits ------------------------------------------------------------------------

HOUR = 3600
DAY = 24 * HOUR
JOIN_PER_IP = Limit("join-ip", 5, HOUR)
JOIN_PER_EMAIL = Limit("join-email", 3, DAY)
CONTACT_PER_IP = Limit("contact-ip", 10, HOUR)
CONTACT_PER_EMAIL = Limit("contact-email", 5, HOUR)
LOGIN_FAILURES_PER_IP = Limit("login-ip", 30, 15 * 60)
LOGIN_FAILURES_PER_EMAIL = Limit("login-email", 8, 15 * 60)
RESET_PER_IP = Limit("reset-ip", 10, HOUR)
RESET_PER_EMAIL = Limit("reset-email", 3, HOUR)
INVITATIONS_PER_USER = Limit("invite-user", 20, DAY)
