"""Warming a fresh gunicorn worker before it takes requests (deploy/gunicorn.conf.py).

A new worker process compiles its templates, fills its fragment cache and builds the
directory's in-memory index on its first requests: its first answers take up to half a
second each, and at start-up, or when gunicorn replaces a worker (max_requests), the
visitors who happen to come first wait for all of that. Asking for a few pages through the
whole application first moves that work before the worker accepts anyone.

Each of a threaded worker's threads has its own database connection, and PostgreSQL loads
the Swedish hunspell dictionary into a connection on its first full-text query: about 200
ms, paid by the first search on each thread. `warm_threads` opens every thread's
connection and runs what apps registered in CONNECTION_WARMERS (search: the dictionary)
before the worker starts.

A failure (the database down at start-up, say) is logged and ends the warm-up; the worker
starts anyway and answers as it would have.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

logger = logging.getLogger(__name__)

# The pages most visitors start from, and the directory and search machinery behind the
# others (templates, facet index, search backend).
WARM_PATHS = (
    "/",
    "/samarbetspartner/",
    "/samarbetspartner/?offers=biogas",
    "/nyheter/",
    "/sok/?q=klimat",
)


def warm_up(paths=WARM_PATHS) -> list[tuple[str, int]]:
    """GET each path through the full middleware stack, as the site's own host over HTTPS.

    Returns (path, status) of each page asked for; stops at the first answer of 500 or
    more, or the first exception, since the rest would fail the same way.
    """
    site = urlsplit(settings.SITE_URL)
    client = Client(HTTP_HOST=site.netloc, raise_request_exception=False)
    secure = site.scheme == "https"
    done = []
    started = time.monotonic()
    for path in paths:
        try:
            status = client.get(path, secure=secure).status_code
        except Exception:
            logger.warning("warm-up stopped at %s", path, exc_info=True)
            break
        done.append((path, status))
        if status >= 500:
            logger.warning("warm-up stopped at %s: status %s", path, status)
            break
    logger.info(
        "worker warmed up",
        extra={"pages": len(done), "duration_ms": round((time.monotonic() - started) * 1000)},
    )
    return done


# Functions of a fresh database connection that load what its first request would; apps
# add theirs in AppConfig.ready, so core needs to know none of them.
CONNECTION_WARMERS = []


def add_connection_warmer(warm) -> None:
    if warm not in CONNECTION_WARMERS:
        CONNECTION_WARMERS.append(warm)


def prepare_connection():
    """Open this thread's database connection and warm it (CONNECTION_WARMERS)."""
    from django.db import connection

    connection.ensure_connection()
    for warm in CONNECTION_WARMERS:
        warm(connection)


def warm_threads(pool, count: int, prepare=prepare_connection) -> int:
    """Run `prepare` once in each of `count` threads of `pool` (a ThreadPoolExecutor).

    A barrier holds each call until all have started, so the pool has to start a thread
    for each. Returns how many succeeded.
    """
    barrier = threading.Barrier(count, timeout=10)

    def run() -> bool:
        try:
            barrier.wait()
            prepare()
        except Exception:
            logger.warning("warming a thread's database connection failed", exc_info=True)
            return False
        return True

    calls = [pool.submit(run) for _ in range(count)]
    return sum(call.result(timeout=30) for call in calls)
