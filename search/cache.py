"""A short-lived cache of search answers, under the content version every process shares.

Popular searches repeat ("biogas", "klimatanpassning"), and each costs two full-text scans
of the index on PostgreSQL. The counts per type, the ranked ids of a result page and the
spelling suggestions are cached for CACHE_SECONDS under `core.ContentVersion`'s token,
which every save or delete of what public pages show (every indexed model among them) and
every change to page privacy replaces (core/fragments.py `connect_signals`). The token is
in the database, so a publish reaches the next search in every worker, whatever the cache
backend: with a per-process local-memory cache (the default without Redis), a counter kept
in the cache would be moved on only in the worker that saved.

Nothing unpublished can come back from the cache: only ids are cached, and the hits are
loaded again through the same live/public/listed filters on every request. A change that
sends no signal (a bulk update) is at worst reflected in the counts CACHE_SECONDS late.
"""

import hashlib

from django.core.cache import cache

from core.fragments import content_version

CACHE_SECONDS = 300


def generation(request=None) -> str:
    """The current content version (read once per request when one is given)."""
    return content_version(request)


def key(*parts, request=None) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"search:{generation(request)}:{digest}"


def cached(parts: tuple, compute, request=None):
    """compute() once per content version and CACHE_SECONDS; None answers are not cached."""
    cache_key = key(*parts, request=request)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(cache_key, value, CACHE_SECONDS)
    return value
