"""The request log never holds the secret of a link: confirmation, password and invitation
links are logged with their route's parameter names instead of their tokens."""

import io
import json
import logging.config

import pytest
from django.conf import settings

from core.logs import logging_settings
from tests.factories import StandardPageFactory

TOKEN = "hemlig-Token_4711xyz"
UID = "MTIzNDU"


@pytest.fixture
def json_log():
    """The production log configuration (JSON lines), into a buffer; the lines so far."""
    config = logging_settings("json", "INFO")
    buffer = io.StringIO()
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture
def join_page(home_page):
    from members.models import MembershipApplicationPage

    about = StandardPageFactory(parent=home_page, slug="ga-med", title="Gå med")
    page = MembershipApplicationPage(title="Ansök", slug="ansokan", intro="Fyll i ansökan.")
    about.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("link", "logged"),
    [
        (f"/min-organisation/bekrafta/{TOKEN}/", "/min-organisation/bekrafta/<token>/"),
        (f"/min-organisation/inbjudan/{TOKEN}/", "/min-organisation/inbjudan/<token>/"),
        (
            f"/min-organisation/losenord/{UID}/{TOKEN}/",
            "/min-organisation/losenord/<uidb64>/<token>/",
        ),
        (
            f"/admin/password_reset/confirm/{UID}/{TOKEN}/",
            "/admin/password_reset/confirm/<uidb64>/<token>/",
        ),
        # A sub-route of a Wagtail page (the application's confirmation link).
        (f"/ga-med/ansokan/bekrafta/{TOKEN}/", "/ga-med/ansokan/bekrafta/<token>/"),
    ],
)
def test_links_are_logged_without_their_token(client, join_page, json_log, link, logged):
    response = client.get(link)
    lines = json_log()
    assert not [line for line in lines if TOKEN in json.dumps(line)]
    [request_line] = [line for line in lines if line["logger"] == "core.request"]
    assert request_line["path"] == logged
    assert request_line["status"] == response.status_code
    assert request_line["message"].startswith(f"GET {logged} ")
    if response.status_code >= 400:  # Django's own "Not Found: …" line shows no token either
        assert [line for line in lines if line["logger"] == "django.request"]


def test_other_paths_are_logged_as_they_are(client, join_page, json_log):
    client.get("/ga-med/")
    client.get("/min-organisation/4711/uppgifter/")
    paths = [line["path"] for line in json_log() if line["logger"] == "core.request"]
    assert paths == ["/ga-med/", "/min-organisation/4711/uppgifter/"]
