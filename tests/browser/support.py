"""A real site in a real browser: the fixtures and checks shared by tests/browser and tests/journeys.

Registered once as a plugin (tests/conftest.py `pytest_plugins`), so the session-wide
demo site and browser exist once per test process, however many folders use them.
`demo_server` builds a separate database, migrates it, fills it with `seed_demo` and
serves it with gunicorn, exactly as a visitor would get it (DEBUG off, whitenoise for
static files). `browser` is Debian's Chromium driven by Playwright; never a test tool's
own browser download.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import skip_unless

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_PATH = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU_PATH = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass
class DemoServer:
    base_url: str
    env: dict
    samples: dict  # model label -> URL path
    page_types: list

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str) -> str:
        """Run a management command against the demo database; returns its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo_database(worker: str, tmp_dir: Path):
    """A database URL of the same kind as the suite's, plus a function that drops it."""
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(database_url)
        # Unique per process: several suites may run at once on one machine.
        name = f"klimatradet_browser_{worker}_{os.getpid()}"
        admin_url = parts._replace(path="/postgres").geturl()

        def run(sql):
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(sql)

        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        run(f'CREATE DATABASE "{name}"')
        return parts._replace(path=f"/{name}").geturl(), lambda: run(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )
    path = tmp_dir / "browser.sqlite3"
    return f"sqlite:///{path}", lambda: None


def _stop(server: subprocess.Popen) -> None:
    """Stop gunicorn and its workers: TERM lets the master stop them; KILL if it hangs."""
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, worker_id):
    tmp_dir = tmp_path_factory.mktemp("demo-site")
    database_url, drop_database = _demo_database(worker_id, tmp_dir)
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SUPERUSER_PASSWORD": "browser-test-admin-pw",
        # As in production: the shared parts of pages come from the fragment cache.
        "FRAGMENT_CACHE_SECONDS": "3600",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            # As deployed (deploy/gunicorn.conf.py), on a free port with two workers.
            "--config",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    # Workers warm up before answering (core/warmup.py): generous on a loaded CI machine.
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(base_url + "/health/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:  # refused, reset or timed out while starting
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            _stop(server)
            raise RuntimeError("The demo site did not start")
        time.sleep(0.3)

    demo = DemoServer(base_url=base_url, env=env, samples={}, page_types=[])
    sample = json.loads(demo.manage("sample_urls"))
    demo.samples = sample["pages"]
    demo.page_types = sample["page_types"]
    yield demo
    _stop(server)
    drop_database()


@pytest.fixture(scope="session")
def browser():
    skip_unless(
        "browser",
        Path(CHROMIUM).exists(),
        f"needs Debian's Chromium at {CHROMIUM} (apt-get install -y chromium; make test does it)",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    skip_unless(
        "browser",
        AXE_PATH.exists(),
        "needs axe-core from npm (npm ci; make test does it)",
    )
    return AXE_PATH.read_text()


def run_axe(page, axe_source: str, context: str = "document") -> list[dict]:
    """Run axe-core on the loaded page; returns the WCAG 2.0/2.1 A and AA violations.

    Injected through the DevTools protocol, which the page's Content-Security-Policy does
    not govern, so the policy stays exactly as visitors get it.
    """
    page.evaluate(axe_source)
    return page.evaluate(
        """async ([context, tags]) => {
            const target = context === "document" ? document : document.querySelector(context);
            const result = await axe.run(target, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }""",
        [context, WCAG_TAGS],
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        lines.extend(f"      {node}" for node in v["nodes"])
    return "\n".join(lines)


def validate_html(documents: dict[str, str], tmp_path: Path) -> list[str]:
    """Run the Nu Html Checker over {name: html}; returns its error messages."""
    skip_unless("vnu", shutil.which("java") is not None, "needs Java for the Nu Html Checker")
    skip_unless("vnu", VNU_PATH.exists(), "needs vnu-jar from npm (npm ci; make test does it)")
    files = {}
    for index, (name, html) in enumerate(documents.items()):
        path = tmp_path / f"doc{index}.html"
        path.write_text(html, encoding="utf-8")
        files[path.as_uri()] = name
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(VNU_PATH),
            "--format",
            "json",
            "--exit-zero-always",
            *[str(tmp_path / f"doc{i}.html") for i in range(len(documents))],
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m["type"] == "error"
    ]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # 404 pages are pages too
        return error.read().decode("utf-8")
