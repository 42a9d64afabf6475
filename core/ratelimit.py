"""Rate limits and lockouts, counted in the database so they hold across workers and restarts.

One mechanism for every limit of the site: the admin login and its password reset
(core.admin_login) and the public forms of Min organisation, Gå med and Kontakta
(members.ratelimit). A limit is a fixed window per key: the first attempt of a window
starts it, each attempt adds one, and the counter starts again once the window has passed.
Counting is one atomic INSERT … ON CONFLICT DO UPDATE (PostgreSQL and SQLite alike), so
concurrent attempts in any number of workers are never lost. Keys are hashed with the
secret key, so no address or e-mail address is stored in the clear; `purge_rate_limits`
(run_periodic) deletes expired counters.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connections, router
from django.utils import timezone

from core.models import RateLimitCounter


@dataclass(frozen=True)
class Limit:
    name: str
    limit: int
    window: int  # seconds

    def key(self, value: str) -> str:
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{self.name}:{value}".encode()).hexdigest()
        return f"{self.name}:{digest[:32]}"

    def exceeded(self, value: str) -> bool:
        """Has `value` used up the limit (without counting a new attempt)?"""
        return RateLimitCounter.objects.filter(
            key=self.key(value), expires_at__gt=timezone.now(), count__gte=self.limit
        ).exists()

    def hit(self, value: str) -> int:
        """Count one attempt; how many there have been in this window, this one included."""
        return _count(self.key(value), self.window)


def _count(key: str, window: int) -> int:
    """Add one to the counter of `key`, starting a new window when the last one is over."""
    connection = connections[router.db_for_write(RateLimitCounter)]
    quote = connection.ops.quote_name
    table = quote(RateLimitCounter._meta.db_table)
    key_column, count, expires_at = (quote(name) for name in ("key", "count", "expires_at"))
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    # Every SET expression reads the row as it was, so both test the old window. Only the
    # model's own quoted names are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {table} ({key_column}, {count}, {expires_at}) VALUES (%s, 1, %s) "  # noqa: S608
        f"ON CONFLICT ({key_column}) DO UPDATE SET "
        f"{count} = CASE WHEN {table}.{expires_at} <= %s THEN 1 "
        f"ELSE {table}.{count} + 1 END, "
        f"{expires_at} = CASE WHEN {table}.{expires_at} <= %s "
        f"THEN excluded.{expires_at} ELSE {table}.{expires_at} END "
        f"RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, adapt(now + timedelta(seconds=window)), adapt(now), adapt(now)])
        return cursor.fetchone()[0]


def purge_expired() -> int:
    """Delete the counters whose window has passed; how many there were."""
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


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
    """Count one attempt on each limit; refuse (RateLimited) if any is over its limit.

    Counting first and then comparing, rather than comparing first, lets exactly `limit`
    attempts through however many arrive at the same moment.
    """
    over = [limit.name for limit, value in limits if value and limit.hit(value) > limit.limit]
    if over:
        raise RateLimited(over[0])


# Limits shared by the admin and Min organisation -------------------------------------------

HOUR = 3600
DAY = 24 * HOUR
# Password reset mails, whichever form asks for them: one budget per address and e-mail.
RESET_PER_IP = Limit("reset-ip", 10, HOUR)
RESET_PER_EMAIL = Limit("reset-email", 3, HOUR)
