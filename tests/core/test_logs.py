"""Structured logs with a request id, and error reports to Sentry, from a real gunicorn."""

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.logs import request_id_from
from tests.core.live import DEAD_DATABASE_URL, fetch, gunicorn


class FakeSentry(ThreadingHTTPServer):
    """Receives what the Sentry SDK sends (envelopes: JSON lines, gzip-compressed)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SentryHandler)
        self.items: list[dict] = []
        self.raw: list[bytes] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.server_address[1]}/1"

    def events(self, timeout: float = 10) -> list[dict]:
        deadline = time.monotonic() + timeout
        while not self.items and time.monotonic() < deadline:
            time.sleep(0.1)
        return [item for item in self.items if "exception" in item or "logentry" in item]


class _SentryHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.raw.append(body)
        for line in body.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                self.server.items.append(item)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def sentry():
    server = FakeSentry()
    yield server
    server.shutdown()
    server.server_close()


def test_requests_and_errors_are_logged_as_json_lines_with_one_request_id(tmp_path, sentry):
    """The database is down, so the home page fails for real: its error is logged with a
    traceback and reported to Sentry, under the request id the proxy sent."""
    env = {
        "DATABASE_URL": DEAD_DATABASE_URL,
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "SENTRY_DSN": sentry.dsn,
        "SENTRY_ENVIRONMENT": "test",
    }
    with gunicorn(env, tmp_path / "site.log") as site:
        ok = fetch(site.url("/robots.txt"), headers={"X-Request-ID": "lb-7f3a9c2e-0001"})
        made_up = fetch(site.url("/robots.txt"), headers={"X-Request-ID": "<script>x</script>"})
        fetch(site.url("/health/"))
        failed = fetch(
            site.url("/"),
            headers={"X-Request-ID": "lb-7f3a9c2e-0002", "Cookie": "sessionid=hemlig-kaka"},
        )
        events = sentry.events()
        time.sleep(0.3)  # the last lines reach the log file
        lines = json_lines(site.output())

    assert ok.status == 200 and ok.headers["X-Request-ID"] == "lb-7f3a9c2e-0001"
    assert made_up.headers["X-Request-ID"] != "<script>x</script>"
    assert len(made_up.headers["X-Request-ID"]) == 32  # one we made
    assert failed.status == 503 and failed.headers["X-Request-ID"] == "lb-7f3a9c2e-0002"

    by_id = {}
    for line in lines:
        by_id.setdefault(line.get("request_id"), []).append(line)
    [access] = by_id["lb-7f3a9c2e-0001"]
    assert access["method"] == "GET" and access["path"] == "/robots.txt"
    assert access["status"] == 200 and access["duration_ms"] >= 0
    assert access["level"] == "INFO" and access["time"].endswith("+00:00")
    # Health checks are logged only when they fail (load balancers call them all the time).
    assert any(line.get("path") == "/health/" and line["status"] == 503 for line in lines)

    failure = by_id["lb-7f3a9c2e-0002"]
    [error] = [line for line in failure if line["level"] == "ERROR" and "traceback" in line]
    assert "OperationalError" in error["traceback"]
    assert "Traceback (most recent call last)" in error["traceback"]
    assert any(line.get("status") == 503 and line.get("path") == "/" for line in failure)

    reported = [e for e in events if e.get("tags", {}).get("request_id") == "lb-7f3a9c2e-0002"]
    assert len(reported) == 1, "one error, one event"
    assert reported[0]["environment"] == "test"
    assert "OperationalError" in json.dumps(reported[0]["exception"])
    raw = b"".join(sentry.raw)
    assert b"hemlig-kaka" not in raw, "no cookies (personal data) go to Sentry"


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("9f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b", True),
        ("Root=1-67891233-abcdef012345678912345678", False),  # '=' is not ours to log
        ("short", False),
        ("x" * 200, False),
        ("abc\ndef-injected-line", False),
        ("", False),
    ],
)
def test_only_a_sane_proxy_request_id_is_kept(header, kept):
    request_id = request_id_from(header)
    assert (request_id == header) is kept
    assert request_id
