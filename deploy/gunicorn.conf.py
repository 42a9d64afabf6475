"""gunicorn as deployed (the Dockerfile's CMD) and as measured (scripts/bench).

    gunicorn config.wsgi -c deploy/gunicorn.conf.py

Settings given on the command line win over these (the benchmark sets --bind and --workers).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))

# Threads (gthread): a worker serves four requests at once, so one that waits for the
# database does not hold up the others, and idle keep-alive connections wait in the
# worker's poller rather than occupying a thread.
threads = 4

# Longer than Varnish's backend_idle_timeout (60 s), so that Varnish, not gunicorn, closes
# an idle connection and never sends a request on one gunicorn has just closed. Browsers
# talking to gunicorn directly keep their connection while the visitor reads a page.
keepalive = 75

# A fresh process now and then keeps memory growth from any leak in check.
max_requests = 2000
max_requests_jitter = 200

# TLS ends at the proxy; trust its X-Forwarded-* headers (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = "*"


def post_worker_init(worker):
    """Ask for a few pages before taking requests, so no visitor waits for a cold worker
    (core/warmup.py)."""
    from core.warmup import warm_threads, warm_up

    warm_up()
    pool = getattr(worker, "tpool", None)  # gthread: each thread its own connection
    if pool is not None:
        warm_threads(pool, worker.cfg.threads)
