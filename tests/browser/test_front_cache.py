"""The real Varnish from deploy/varnish/ in front of the demo site under gunicorn.

Varnish is the site's page cache (Django keeps none). A change published in another process
(as an editor's publish or the scheduled publisher would) reaches visitors through it
within a second, through Wagtail's frontend cache purge; pages it does not show on stay in
the cache; free text is never kept. Kept with the browser tests to share
their demo site (`demo_server`).
"""

import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.browser.support import BASE_DIR
from tests.conftest import skip_unless
from tests.core import live

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL_DIR = BASE_DIR / "deploy" / "varnish"


def fetch(url: str, headers: dict | None = None):
    response = live.fetch(url, headers=headers, timeout=60)
    return response.status, response.headers, response.body


@pytest.fixture(scope="module")
def varnish(demo_server, tmp_path_factory):
    skip_unless(
        "varnish",
        Path(VARNISHD).exists(),
        "needs Varnish (apt-get install varnish; .ci/run does it)",
    )
    tmp = tmp_path_factory.mktemp("varnish")
    backend_port = demo_server.base_url.rsplit(":", 1)[1]
    # deploy/'s backend.vcl with the demo site's port instead of gunicorn's 8000.
    (tmp / "backend.vcl").write_text(
        (VCL_DIR / "backend.vcl").read_text().replace('"8000"', f'"{backend_port}"')
    )
    port = live.free_port()
    log = (tmp / "varnishd.log").open("w")
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-j", "none",  # run as we are: pytest's temp folders are private to us
            "-n", str(tmp / "work"),
            "-a", f"127.0.0.1:{port}",
            "-T", "none",
            "-f", str(VCL_DIR / "default.vcl"),
            "-p", f"vcl_path={tmp}:{VCL_DIR}",
            "-s", "malloc,64m",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            answer = None
            with contextlib.suppress(OSError):
                answer = fetch(base_url + "/robots.txt")
                if answer[0] == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"varnishd did not start ({answer}):\n{(tmp / 'varnishd.log').read_text()}"
                )
            time.sleep(0.2)
        yield base_url
    finally:
        live.stop(process)
        log.close()


@contextlib.contextmanager
def publishing(demo_server, varnish_url: str, script: str):
    """Run `script` in a Django process of the demo site that purges `varnish_url`; yields
    the time (time.time()) the script printed once it had published, while that process
    is still shutting down."""
    env = {**demo_server.env, "FRONTEND_CACHE_URL": varnish_url}
    # Its log in a file: a full pipe would stop the process before it prints.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            for line in process.stdout:
                if line.startswith('{"published_at"'):
                    yield json.loads(line)["published_at"]
                    break
            else:
                raise RuntimeError("the publishing script did not finish")
        finally:
            process.communicate(timeout=120)
            log.seek(0)
            assert process.returncode == 0, log.read()[-3000:]


PUBLISH_NEWS = """
import json, time
from news.models import NewsIndexPage, NewsPage
from themes.models import Theme
index = NewsIndexPage.objects.live().first()
item = NewsPage(title={title!r}, slug="fran-cachetestet", lead="Publicerad av testet.", live=False)
index.add_child(instance=item)
item.themes.set([Theme.objects.get(slug="energiomstallning")])
item.save_revision().publish()
print(json.dumps({{"published_at": time.time()}}), flush=True)
"""

DELETE_NEWS = """
import json, time
from news.models import NewsPage
NewsPage.objects.get(slug="fran-cachetestet").delete()
print(json.dumps({"published_at": time.time()}), flush=True)
"""


def test_a_published_change_shows_through_varnish_within_a_second(demo_server, varnish):
    news = demo_server.samples["news.NewsIndexPage"]
    unrelated = demo_server.samples["home.StandardPage"]
    title = "Cachetestet publicerar en nyhet"

    for path in (news, "/", unrelated):
        fetch(varnish + path)
        status, headers, _ = fetch(varnish + path)
        assert (status, headers["X-Cache"]) == (200, "HIT"), path
        assert "public" in headers["Cache-Control"]
    unrelated_age = int(fetch(varnish + unrelated)[1]["Age"])

    try:
        with publishing(demo_server, varnish, PUBLISH_NEWS.format(title=title)) as published_at:
            # Asked for within a second of the publish, Varnish no longer has the old
            # copies: the listing and the home page come fresh from the site (however long
            # the site takes to render them on a busy machine).
            asked_at = time.time()
            answers = [fetch(varnish + path) for path in (news, "/")]
        assert asked_at - published_at < 1.0
        for path, (status, headers, body) in zip((news, "/"), answers, strict=True):
            assert (status, headers["X-Cache"]) == (200, "MISS"), path
            assert title in body, f"{path} still shows the old page through Varnish"
        # The page the change does not show on was not purged: still the cached copy.
        status, headers, body = fetch(varnish + unrelated)
        assert headers["X-Cache"] == "HIT"
        assert int(headers["Age"]) >= unrelated_age
        assert len(headers["X-Varnish"].split()) == 2  # this request's id and the object's
        assert title not in body
    finally:
        with publishing(demo_server, varnish, DELETE_NEWS):
            pass
    assert title not in fetch(varnish + news)[2]


def test_search_and_logged_in_visitors_pass_through(demo_server, varnish):
    _status, headers, _ = fetch(varnish + "/sok/?q=biogas")
    assert headers["X-Cache"] == "PASS"
    # Free text on any listing is never kept; its filters are, in any order, one copy.
    news = demo_server.samples["news.NewsIndexPage"]
    for _ in range(2):
        assert fetch(varnish + news + "?q=biogas")[1]["X-Cache"] == "PASS"
    fetch(varnish + news + "?tema=energiomstallning&page=1")
    assert (
        fetch(varnish + news + "?page=1&utm_source=brev&tema=energiomstallning")[1]["X-Cache"]
        == "HIT"
    )
    assert "Via" not in headers and "Server" not in headers  # no software named, no version
    for _ in range(2):
        _status, headers, _ = fetch(varnish + "/", headers={"Cookie": "sessionid=abc"})
        assert headers["X-Cache"] == "PASS"
