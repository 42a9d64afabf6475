"""Database connections as each server process holds them.

runserver (`make run`) gives every browser connection a thread of its own: a persistent
database connection per thread piled up idle PostgreSQL connections (32 were seen), so it
closes each request's connection. gunicorn's fixed threads keep theirs (the hunspell
dictionary stays loaded). On SQLite, `make run`'s three processes write at once without
"database is locked".
"""

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_database(postgres):
    """The test database's URL under an application name of its own, and a function that
    lists the server process ids PostgreSQL has for that name."""
    name = f"devtest-{uuid.uuid4().hex[:8]}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    url = parts._replace(
        path="/" + postgres.settings_dict["NAME"], query=f"application_name={name}"
    ).geturl()

    def backends() -> set[int]:
        with postgres.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", [name])
            return {row[0] for row in cursor.fetchall()}

    return url, backends


def server_env(settings_module: str, database_url: str, **variables: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": database_url,
        **variables,
    }


def start(args, env, port):
    process = subprocess.Popen(
        args, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=5):
                return process
        except OSError:  # refused while starting, or still warming up
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{args[2]} did not start")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def requests(port: int, count: int, path: str, status: int) -> list[http.client.HTTPConnection]:
    """`count` browser-like connections, each after one request, left open."""
    connections = []
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        # As the TLS proxy in front of gunicorn says (production redirects plain HTTP).
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        assert response.status == status, response.read()[:500]
        response.read()
        connections.append(connection)
    return connections


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def test_runserver_keeps_no_database_connection_after_a_request(server_database):
    url, backends = server_database
    port = free_port()
    env = server_env("config.settings.dev", url, DEBUG="1")
    server = start(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], env, port
    )
    try:
        # A page through Wagtail's routing (database queries) with a Content-Length, so the
        # server keeps each browser connection, and its thread, alive.
        browser_connections = requests(port, 4, "/finns-inte/", 404)
        assert all(connection.sock for connection in browser_connections)
        # Four threads served four kept-alive connections; none holds on to the database.
        assert wait_for(lambda: not backends()), f"idle connections: {backends()}"
        for connection in browser_connections:
            connection.close()
    finally:
        stop(server)


def test_gunicorn_keeps_its_threads_database_connections(server_database):
    url, backends = server_database
    port = free_port()
    env = server_env(
        "config.settings.production",
        url,
        SECRET_KEY="gunicorn-connection-test",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="ERROR",
    )
    args = [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "deploy/gunicorn.conf.py"]
    server = start(
        [*args, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"], env, port
    )
    try:
        requests(port, 1, "/health/", 200)
        assert wait_for(lambda: len(backends()) == 2), backends()
        before = backends()
        for connection in requests(port, 6, "/health/", 200):
            connection.close()
        # The same two connections, one per thread, served every request.
        assert backends() == before
    finally:
        stop(server)


SQLITE_WRITERS = """
import threading, time
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE visits (n integer)")
connection.close()
read = threading.Event()
errors = []

def reader_then_writer():
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM visits")
            read.set()
            time.sleep(0.5)  # another process writes meanwhile
            cursor.execute("INSERT INTO visits VALUES (1)")
    except Exception as error:
        errors.append(repr(error))
    finally:
        read.set()
        connection.close()

def writer():
    read.wait()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO visits VALUES (2)")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=reader_then_writer), threading.Thread(target=writer)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM visits")
    print("rows", cursor.fetchone()[0], "errors", errors)
"""


def test_sqlite_writers_wait_for_each_other_instead_of_failing(tmp_path):
    """A transaction that read, then writes after another process wrote, must not fail
    with "database is locked" (what the task worker did under `make run`)."""
    env = server_env("config.settings.dev", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SQLITE_WRITERS],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "rows 2 errors []" in result.stdout, result.stdout + result.stderr
