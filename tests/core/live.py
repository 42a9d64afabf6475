"""Real processes for the failure tests: gunicorn serving the site, and a TCP proxy in front
of PostgreSQL that a test can stop and start again, so "the database is down, then back"
happens for real without touching the shared PostgreSQL server.
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parents[2]


DEAD_DATABASE_URL = "postgres://nobody@127.0.0.1:9/nowhere?connect_timeout=2"


def run_without_database(script: str) -> str:
    """Run Python `script` in a fresh Django process whose database is a port where nothing
    listens; returns the last line it printed."""
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": DEAD_DATABASE_URL,
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip().splitlines()[-1]


def postgres_url(settings: dict, *, name: str = "", proxy: "TcpProxy | None" = None) -> str:
    """A DATABASE_URL for the PostgreSQL server of a Django connection's settings_dict,
    optionally for another database on it, or reached through `proxy`."""
    user = quote(settings["USER"] or "postgres")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    host, port = postgres_address(settings) if proxy is None else ("127.0.0.1", proxy.port)
    return f"postgres://{user}{password}@{host}:{port}/{name or settings['NAME']}"


def postgres_address(settings: dict) -> tuple[str, int]:
    return settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TcpProxy:
    """127.0.0.1:port forwarded to target. stop() cuts every open connection and refuses
    new ones (as a database that went down); start() listens on the same port again."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> "TcpProxy":
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._listener is not None:
            # shutdown() first: a bare close() would leave the thread blocked in accept()
            # holding the socket, which then keeps accepting connections.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:  # closed by stop()
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.update({client, upstream})
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@dataclass
class Response:
    status: int
    headers: dict
    body: str


def fetch(url: str, headers: dict | None = None, timeout: float = 15) -> Response:
    """GET url; error statuses are answers too, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Response(answer.status, dict(answer.headers), answer.read().decode())
    except urllib.error.HTTPError as error:
        return Response(error.code, dict(error.headers), error.read().decode())


@dataclass
class Server:
    base_url: str
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def output(self) -> str:
        """What the site wrote to stdout and stderr so far."""
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def gunicorn(
    env: dict,
    log_path: Path,
    *,
    workers: int = 1,
    threads: int = 2,
    deployed=False,
    port: int | None = None,
):
    """The site under gunicorn with `env` on a free port (or `port`), its output in `log_path`.

    `deployed`: with deploy/gunicorn.conf.py (warm-up, keep-alive) as the Dockerfile runs it.

    Ready when /robots.txt (which needs no database) answers, so a site whose database is
    down at start-up still counts as started.
    """
    port = port or free_port()
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            *(["--config=deploy/gunicorn.conf.py"] if deployed else []),
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--log-level=warning",
        ],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", log_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(server.url("/robots.txt"), timeout=2).status == 200:
                    break
            except OSError:  # refused or reset while starting
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{server.output()}")
            time.sleep(0.2)
        yield server
    finally:
        stop(process)
        log.close()


def stop(process: subprocess.Popen, timeout: float = 15):
    """Ask a server process to end; kill it when it has not within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
