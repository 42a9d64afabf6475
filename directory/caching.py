"""Remembering expensive directory results until anything they depend on changes.

Keys carry SearchVersion's token (replaced by every change to organisations, opportunities,
vocabularies or view restrictions) and today's date (opportunities expire at midnight), so
an entry is never used after the data behind it has changed, in any process.
DIRECTORY_SEARCH_CACHE_SECONDS only bounds how long unused entries take memory; 0 turns
the cache off (the tests that pin uncached query counts do that).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from directory.models import SearchVersion

CACHE_SECONDS = 600


def cache_seconds() -> int:
    return getattr(settings, "DIRECTORY_SEARCH_CACHE_SECONDS", CACHE_SECONDS)


def digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def remember(name: str, compute, *, version: str | None = None):
    """`compute()`, or what it returned before for the same name and directory version."""
    seconds = cache_seconds()
    if not seconds:
        return compute()
    version = version or SearchVersion.current()
    key = f"directory:{version}:{timezone.localdate().isoformat()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
