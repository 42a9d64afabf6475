"""Search backends of the site (see search.conf for which one runs where)."""

import sys

from django.db import DatabaseError
from modelsearch.backends.base import FieldError


def backend_errors() -> tuple[type[BaseException], ...]:
    """What a search can raise that must become a friendly page, never a 500.

    Database errors (PostgreSQL rejects a NUL byte with ValueError), a cluster that is down,
    slow or has no index yet, and a search type whose filters the index lacks (logged as an
    error: that one is a bug to fix).
    """
    errors: list[type[BaseException]] = [DatabaseError, ValueError, FieldError]
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        errors += [ApiError, TransportError]
    except ImportError:  # pragma: no cover (installed with the project)
        pass
    if "opensearchpy" in sys.modules:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    return tuple(errors)
