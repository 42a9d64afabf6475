"""The cache of search answers, under the content version every process shares.

Popular searches repeat ("biogas", "klimatanpassning"), and each costs two full-text scans
of the index on PostgreSQL. The counts per type, the ranked ids of a result page and the
spelling suggestions are kept by core.fragments.remember, under
`core.ContentVersion`'s token: a publish reaches the next search in every worker, whatever
the cache backend.

Nothing unpublished can come back from the cache: only ids are cached, and the hits are
loaded again through the same live/public/listed filters on every request. A bulk update,
which sends no signal, moves the version itself (demo/bulk.py).
"""

from core.fragments import digest, remember


def cached(parts: tuple, compute, request=None):
    """compute() once per content version; None answers are not cached."""
    return remember(request, f"search:{digest(*parts)}", compute)
