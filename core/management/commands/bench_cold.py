"""Render the main pages in this process with every cache off: the cost of a cache miss.

    manage.py bench_cold [--renders 20] [--json FILE]

Django's cache backend is swapped for DummyCache and the fragment and page caches are off
(FRAGMENT_CACHE_SECONDS=0), DEBUG is off, and each page is rendered
through the whole middleware stack with Django's test client: the median of --renders
renders (after a warm-up render and one that counts the SQL queries). What the process
keeps in memory between requests (templates, Wagtail's site list) stays warm, as in a
gunicorn worker. scripts/bench runs it under the production settings (its "cold" column).
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.management.commands.sample_urls import page_type_labels

ARTICLE_GOAL_MS = 25.0
PAGE_GOAL_MS = 40.0
MAX_QUERIES = 15

# (label, path or the page type whose first live page is measured, goal in ms)
PAGES = [
    ("Startsidan", "/", PAGE_GOAL_MS),
    ("Nyhet", "news.NewsPage", ARTICLE_GOAL_MS),
    ("Organisationssida", "directory.OrganisationPage", ARTICLE_GOAL_MS),
    ("Temasida", "themes.ThemePage", PAGE_GOAL_MS),
    ("Nyhetslistan", "news.NewsIndexPage", PAGE_GOAL_MS),
    ("Träfflistan", "events.EventIndexPage", PAGE_GOAL_MS),
    ("Möjligheter", "directory.DirectoryIndexPage:mojligheter/", PAGE_GOAL_MS),
    ("Katalogen", "directory.DirectoryIndexPage", PAGE_GOAL_MS),
    ("Sök", "/sok/?q=biogas", PAGE_GOAL_MS),
]

COLD = {
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}},
    "FRAGMENT_CACHE_SECONDS": 0,
    "DEBUG": False,
    "ALLOWED_HOSTS": ["*"],
}


def first_url(label: str) -> str:
    """The URL of the first live public page of a type ("app.Model[:subpath]")."""
    label, _, subpath = label.partition(":")
    if label not in page_type_labels():
        raise CommandError(f"Unknown page type {label}")
    app, model = label.split(".")
    page = (
        Page.objects.live()
        .public()
        .filter(content_type__app_label=app, content_type__model=model.lower())
        .order_by("path")
        .first()
    )
    if page is None:
        raise CommandError(f"No live {label}: run manage.py seed_demo first")
    return page.url + subpath


def measure(client: Client, path: str, renders: int) -> dict:
    # A warm-up render first: what a worker does once (renditions, content types) is not counted.
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, secure=True)
    query_count = len(queries)  # now: a later request may reconnect and clear the log
    if response.status_code != 200:
        raise CommandError(f"{path} answered {response.status_code}")
    times = []
    for _ in range(renders):
        started = time.perf_counter()
        client.get(path, secure=True)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "queries": query_count,
        "bytes": len(response.content),
    }


class Command(BaseCommand):
    help = "Mät sidorna utan cache (median av flera renderingar och antal SQL-frågor)."

    def add_arguments(self, parser):
        parser.add_argument("--renders", type=int, default=20)
        parser.add_argument(
            "--json", dest="json_file", metavar="FILE", help="also write the figures as JSON"
        )

    def handle(self, *args, renders, json_file=None, **options):
        results = []
        with override_settings(**COLD):
            client = Client()
            for label, target, goal in PAGES:
                path = target if target.startswith("/") else first_url(target)
                figures = measure(client, path, renders)
                figures.update(label=label, path=path, goal_ms=goal)
                figures["ok"] = figures["median_ms"] < goal and figures["queries"] <= MAX_QUERIES
                results.append(figures)
        self.stdout.write(f"{'cold (no cache)':22} {'median':>8} {'min-max':>13} {'SQL':>4}  path")
        for r in results:
            verdict = "ok" if r["ok"] else "MISSED"
            self.stdout.write(
                f"{r['label']:22} {r['median_ms']:6.1f}ms {r['min_ms']:5.1f}-{r['max_ms']:5.1f}ms "
                f"{r['queries']:4d}  {r['path']} (< {r['goal_ms']:.0f} ms) {verdict}"
            )
        self.stdout.write(
            f"Goals: median < {ARTICLE_GOAL_MS:.0f} ms for an article or organisation page, "
            f"< {PAGE_GOAL_MS:.0f} ms for the rest; at most {MAX_QUERIES} SQL queries a page."
        )
        if json_file:
            with open(json_file, "w") as out:
                out.write(json.dumps(results, indent=2, ensure_ascii=False))
        if not all(r["ok"] for r in results):
            raise SystemExit(1)
