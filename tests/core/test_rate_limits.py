"""Rate limits and lockouts are counted in the database (core.ratelimit): they hold across
workers and restarts, and concurrent attempts are all counted."""

import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from core.admin_login import FAILURES_PER_ACCOUNT
from core.models import RateLimitCounter
from core.ratelimit import Limit, RateLimited, check_and_hit
from tests.core.live import BASE_DIR, postgres_url

PASSWORD = "rätt-lösenord-för-test"
LOCKED_OUT = "För många misslyckade inloggningar"


def in_threads(count: int, work) -> list:
    """Run work() in `count` threads at once, each on its own database connection."""
    results = []
    start = threading.Barrier(count)

    def run():
        try:
            start.wait()
            results.append(work())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_attempts_are_all_counted(postgres):
    limit = Limit("test-concurrent", 1000, 60)
    counts = in_threads(20, lambda: limit.hit("203.0.113.1"))
    assert sorted(counts) == list(range(1, 21)), "each attempt saw its own count"
    assert RateLimitCounter.objects.get(key=limit.key("203.0.113.1")).count == 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_exactly_the_limit_gets_through_however_many_arrive_at_once(postgres):
    limit = Limit("test-burst", 5, 60)

    def attempt():
        try:
            check_and_hit([(limit, "anna@example.se")])
        except RateLimited:
            return False
        return True

    assert sum(in_threads(16, attempt)) == 5
    assert limit.exceeded("anna@example.se")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_admin_lockout_holds_in_another_process(postgres, client, django_user_model):
    """A fresh process (another worker, or the site after a restart) still refuses the
    locked account, even with the right password."""
    django_user_model.objects.create_superuser("redaktor", "red@example.se", PASSWORD)
    for _ in range(FAILURES_PER_ACCOUNT.limit):
        client.post("/admin/login/", {"username": "redaktor", "password": "fel"})
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().post('/admin/login/', {'username': 'redaktor', "
        f"'password': {PASSWORD!r}}});"
        f"print(r.status_code, {LOCKED_OUT!r} in r.text)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": postgres_url(postgres.settings_dict),
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split()[-2:] == ["200", "True"]


def test_a_window_that_has_passed_starts_again(db):
    limit = Limit("test-window", 2, 60)
    assert [limit.hit("x"), limit.hit("x"), limit.hit("x")] == [1, 2, 3]
    assert limit.exceeded("x")
    RateLimitCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not limit.exceeded("x")
    assert limit.hit("x") == 1
    counter = RateLimitCounter.objects.get()
    assert counter.expires_at > timezone.now() + timedelta(seconds=50)


def test_counters_store_no_address_and_expired_ones_are_purged(db):
    Limit("test-old", 5, 60).hit("old@example.se")
    RateLimitCounter.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    Limit("test-new", 5, 60).hit("new@example.se")
    assert not RateLimitCounter.objects.filter(key__contains="@").exists()
    call_command("purge_rate_limits")
    assert [c.key.split(":")[0] for c in RateLimitCounter.objects.all()] == ["test-new"]


def test_purging_the_counters_is_one_of_the_periodic_commands(settings):
    assert "purge_rate_limits" in [command for command, _ in settings.PERIODIC_COMMANDS]
