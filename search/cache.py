"""A short-lived cache of search answers, under the content version every process shares.

Popular searches repeat ("biogas", "klimatanpassning"), and each costs two full-text scans
of the index on PostgreSQL. The counts per type, the ranked ids of a result page and the
spelling suggestions are kept for CACHE_SECONDS by core.fragments.remember, under
`core.ContentVersion`'s token: a publish reaches the next search in every worker, whatever
the cache backend.

Nothing unpublished can come back from the cache: only ids are cached, and the hits are
loaded again through the same live/public/listed filters on every request. A change that
sends no signal (a bulk update) is at worst reflected in the counts CACHE_SECONDS late.
"""

from core.fragments import digest, remember

CACHE_SECONDS = 300


def cached(parts: tuple, compute, request=None):
    """compute() once per content version and CACHE_SECONDS; None answers are not cached."""
    return remember(request, f"search:{digest(*parts)}", compute, seconds=CACHE_SECONDS)
