"""Django's Redis cache, made optional: a Redis that fails is a cache miss, not a 500.

Everything cached (the fragments of core.fragments, the directory's and the site search's
results, Wagtail's renditions) can be worked out again, so no page should fail because Redis
is away. `FailSafeRedisCache` (CACHES in config/settings/base.py when REDIS_URL is set)
answers every read as a miss and drops every write while Redis cannot be reached. After a
failure it does not try Redis again for RETRY_SECONDS, so a Redis that hangs costs a request
at most one timeout instead of one per cache call. The failure is logged once when it
starts, at most once a minute while it lasts, and once when Redis answers again; `/health/`
reports it (`ping()`).
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, how long every call is a miss without asking Redis.
RETRY_SECONDS = 5
# While Redis stays away, how often the failure is logged again.
LOG_EVERY_SECONDS = 60


class FailSafeRedisCache(RedisCache):
    """RedisCache whose failures are misses (reads) and no-ops (writes), logged sparingly."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_since = None  # monotonic time of the first failure of this outage
        self._retry_at = 0.0
        self._logged_at = 0.0

    # The state of the connection -------------------------------------------------------

    def _available(self) -> bool:
        return self._down_since is None or time.monotonic() >= self._retry_at

    def _failed(self, error: RedisError) -> None:
        now = time.monotonic()
        with self._lock:
            first = self._down_since is None
            if first:
                self._down_since = now
            self._retry_at = now + RETRY_SECONDS
            due = first or now - self._logged_at >= LOG_EVERY_SECONDS
            if due:
                self._logged_at = now
        if due:
            logger.error(
                "Cache (Redis) unreachable, pages are worked out without it: %s",
                error,
                extra={"cache_down_seconds": round(now - self._down_since)},
            )

    def _answered(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            down_since, self._down_since = self._down_since, None
        if down_since is not None:
            logger.warning(
                "Cache (Redis) answers again after %d s", round(time.monotonic() - down_since)
            )

    def _call(self, method, fallback, *args, **kwargs):
        if not self._available():
            return fallback()
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            self._failed(error)
            return fallback()
        self._answered()
        return result

    def ping(self) -> bool:
        """Does Redis answer now? Always asks, whatever the last failure (for /health/)."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self._failed(error)
            return False
        self._answered()
        return True

    # Django's cache API: a read that fails finds nothing, a write that fails stores nothing

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
