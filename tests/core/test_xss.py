"""Script and HTML sent through every public form and query parameter come back inert:
escaped in HTML, JSON only as JSON, never a 500."""

import json
from html.parser import HTMLParser

import pytest
from django.core.cache import cache

from members.forms.base import HoneypotMixin
from tests.members.conftest import directory_index, join_page, org  # noqa: F401
from tests.themes.fixtures import event_index, news_index  # noqa: F401

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(2)>",
    "</textarea></title><script>alert(3)</script>",
    "javascript:alert(4)",
    "{{ 7|add:7 }}{% debug %}",
]
HONEYPOT = HoneypotMixin.honeypot_field
# Every query parameter the public views read (news, events, the directory and its API,
# search, the member login), and one nobody reads.
PARAMETERS = [
    "q",
    "page",
    "tema",
    "tagg",
    "ar",
    "org_type",
    "municipality",
    "theme",
    "offers",
    "seeks",
    "partnership_type",
    "has_needs",
    "sort",
    "facets",
    "kind",
    "competence",
    "next",
    "utloggad",
    "inbjudan",
    "okand",
]


JAVASCRIPT_TYPES = {"text/javascript", "module", "application/javascript", ""}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset"}


class ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        # Data blocks (JSON-LD, application/json) are never run.
        script_type = (dict(attrs).get("type") or "text/javascript").lower()
        self.in_script = tag == "script" and script_type in JAVASCRIPT_TYPES
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or (
                name in URL_ATTRIBUTES and value.startswith("javascript:")
            ):
                self.found.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.found.append(f"<script>{data}</script>")


def assert_inert(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    if "json" in content_type:
        json.loads(text)
        assert response["X-Content-Type-Options"] == "nosniff"
        return
    if "html" not in content_type:
        return
    for payload in PAYLOADS[:4]:
        assert payload not in text, f"{where}: reflected raw: {payload}"
    parser = ActiveContent()
    parser.feed(text)
    assert not parser.found, f"{where}: {parser.found}"
    assert "{% debug %}" not in text or "sql_queries" not in text


@pytest.fixture
def public_site(home_page, news_index, event_index, directory_index, join_page, org):  # noqa: F811
    from tests.directory.factories import OpportunityFactory

    opportunity = OpportunityFactory(organisation=org, title="Behov av biogaskunskap")
    return {
        "pages": [
            "/",
            news_index.url,
            news_index.url + "rss/",
            event_index.url,
            event_index.url + "tidigare/",
            directory_index.url,
            directory_index.subpage_url("opportunities"),
            directory_index.subpage_url("opportunity_feed"),
            org.url,
            "/sok/",
            "/sok/autocomplete/",
            "/api/v1/directory/organisations/",
            "/api/v1/directory/opportunities/",
            "/min-organisation/logga-in/",
            "/min-organisation/losenord/",
            "/finns-inte/",
        ],
        "forms": [
            join_page.url,
            f"/kontakta/{org.pk}/",
            f"/kontakta/{org.pk}/mojlighet/{opportunity.pk}/",
            "/min-organisation/logga-in/",
            "/min-organisation/losenord/",
        ],
    }


@pytest.fixture(autouse=True)
def _no_rate_limits_between_tests():
    cache.clear()


def test_every_query_parameter_is_inert(client, public_site):
    for url in public_site["pages"]:
        for payload in PAYLOADS:
            params = dict.fromkeys(PARAMETERS, payload)
            params[payload] = payload  # a hostile parameter name too
            response = client.get(url, params)
            assert_inert(response, f"GET {url} {payload!r}")
            # The same parameters repeated, as multi-value filters are sent.
            response = client.get(url, {name: [payload, payload] for name in PARAMETERS})
            assert_inert(response, f"GET {url} (lists) {payload!r}")


class FormFields(HTMLParser):
    """The names of the fields of the page's POST forms."""

    def __init__(self):
        super().__init__()
        self.names = set()
        self.in_post_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_post_form = (attrs.get("method") or "").lower() == "post"
        elif (
            self.in_post_form
            and tag in ("input", "textarea", "select")
            and attrs.get("name") not in (None, "csrfmiddlewaretoken")
            and attrs.get("type") != "submit"
        ):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False


def test_every_field_of_every_public_form_is_inert(client, public_site):
    for url in public_site["forms"]:
        parser = FormFields()
        parser.feed(client.get(url).content.decode())
        assert parser.names, f"no form found on {url}"
        for payload in PAYLOADS:
            cache.clear()  # the forms' rate limits are tested elsewhere
            # Everything but the honeypot, which would end the request as a bot's.
            data = {name: payload for name in parser.names if name != HONEYPOT}
            response = client.post(url, data)
            assert_inert(response, f"POST {url} {payload!r}")
            if response.status_code in (301, 302, 303):
                assert_inert(client.get(response["Location"]), f"after POST {url}")


def test_forms_show_the_hostile_input_back_escaped(client, public_site):
    """The payload really reaches each form and comes back, escaped, with the errors."""
    payload = PAYLOADS[1]
    for url in public_site["forms"]:
        parser = FormFields()
        parser.feed(client.get(url).content.decode())
        data = {name: payload for name in parser.names if name != HONEYPOT}
        response = client.post(url, data)
        assert response.status_code in (200, 400, 429), url
        assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in response.content.decode(), url


def test_a_hostile_application_stays_inert_wherever_it_is_shown(
    client,
    admin_client,
    public_site,
    join_page,  # noqa: F811
    directory_index,  # noqa: F811
):
    """Stored input: a valid application full of markup, confirmed and published, shown on
    the public listing and its page, in the API, and to the secretariat in the admin."""
    from django.urls import reverse

    from members.applications import confirmation_token
    from members.models import MembershipApplication
    from tests.members.helpers import application_data

    script, attribute = PAYLOADS[0], PAYLOADS[1]
    data = application_data(
        name=f"Trähus {attribute} AB",
        short_description=f"Vi bygger {script}",
        description=f"Första stycket {script}\n\nAndra {attribute}",
        contact_name=f"Oskar {attribute}",
        contact_role=script,
    )
    assert client.post(join_page.url, data).status_code == 303
    application = MembershipApplication.objects.get()
    token = confirmation_token(application)
    assert client.post(f"{join_page.url}bekrafta/{token}/").status_code == 200
    application.refresh_from_db()
    organisation = application.organisation
    organisation.save_revision().publish()
    organisation.refresh_from_db()
    assert script not in organisation.description  # stored as escaped text in the rich text

    for url in [
        organisation.url,
        directory_index.url,
        directory_index.url + "?q=Trähus",
        "/api/v1/directory/organisations/?q=Trähus",
        "/sok/?q=Trähus",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response, url)
    assert "&lt;script&gt;" in client.get(organisation.url).content.decode()

    snippets = "wagtailsnippets_members_membershipapplication"
    for url in [
        reverse(f"{snippets}:list"),
        reverse(f"{snippets}:edit", args=[application.pk]),
        f"/admin/pages/{organisation.pk}/edit/",
        f"/admin/pages/{directory_index.pk}/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for payload in (script, attribute):
            assert payload not in text, f"{url}: reflected raw: {payload}"
