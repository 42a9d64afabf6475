"""A short-lived cache of search answers, emptied whenever searchable content changes.

Popular searches repeat ("biogas", "klimatanpassning"), and each costs two full-text scans
of the index on PostgreSQL. The counts per type, the ranked ids of a result page and the
spelling suggestions are cached for CACHE_SECONDS under a *generation* number that every
save or delete of an indexed model (pages, opportunities, tags) and every change to page
privacy moves on, so the next search computes afresh.

Nothing unpublished can come back from the cache: only ids are cached, and the hits are
loaded again through the same live/public/listed filters on every request. A change that
sends no signal (a bulk update) is at worst reflected in the counts CACHE_SECONDS late.
"""

import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

CACHE_SECONDS = 300
GENERATION_KEY = "search:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def content_changed(**kwargs) -> None:
    """Signal receiver: every cached answer is now out of date."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): start a fresh generation
        cache.set(GENERATION_KEY, 1, timeout=None)


def key(*parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"search:{generation()}:{digest}"


def cached(parts: tuple, compute):
    """compute() once per generation and CACHE_SECONDS; None answers are not cached."""
    cache_key = key(*parts)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(cache_key, value, CACHE_SECONDS)
    return value


def connect_signals() -> None:
    from wagtail.models import PageViewRestriction
    from wagtail.search.index import get_indexed_models

    for model in [*get_indexed_models(), PageViewRestriction]:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"search-cache-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search-cache-d-{model}")
