"""Remembering expensive directory results until anything they depend on changes.

Entries live in core.fragments.remember under the content version (replaced by every change
to what public pages show) and today's date (opportunities expire at midnight), so an entry
is never used after the data behind it has changed, in any process.
DIRECTORY_SEARCH_CACHE_SECONDS only bounds how long unused entries take memory; 0 turns
the cache off (the tests that pin uncached query counts do that).
"""

import hashlib

from django.conf import settings
from django.utils import timezone

from core import fragments

CACHE_SECONDS = 600


def cache_seconds() -> int:
    return getattr(settings, "DIRECTORY_SEARCH_CACHE_SECONDS", CACHE_SECONDS)


def digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def remember(name: str, compute, *, version: str | None = None):
    """`compute()`, or what it returned before for the same name and content version."""
    name = f"directory:{timezone.localdate().isoformat()}:{name}"
    return fragments.remember(None, name, compute, seconds=cache_seconds(), version=version)
