"""The admin pages an editor uses are Swedish throughout (site/locale/sv/…/django.po).

Wagtail's own Swedish catalogue lacks strings the editors meet every day ("Saved",
"Once scheduled: Go-live:", "1-33 of 33", "- Select an option -"); the project ships
them. Each page is rendered as a Redaktör and its visible text and accessible names
searched for English words.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from tests.directory.factories import DirectoryIndexPageFactory, organisation
from tests.events.factories import EventPageFactory
from tests.news.factories import NewsContactFactory, NewsPageFactory
from tests.themes.fixtures import *  # noqa: F403  (news_index, event_index, energy …)

# What Wagtail 8 showed in English, and words any untranslated string would bring.
ENGLISH = [
    "Saved",
    "Autosave",
    "Once scheduled",
    "Go-live",
    "Expiry",
    "Select an option",
    "Exploring",
    "Date updated",
    "Any",
    "Anyone",
    "Side panels",
    "Side panel width",
    "Minimap",
    "Show issue",
    "Edit account avatar",
    "Actions",
    "Invalid schedule",
    "Refresh",
    "Root",
    "the",
    "and",
    "of",
    "your",
    "this",
]
# Wagtail writes these into its templates without translation; not the project's to fix.
KNOWN_UNTRANSLATABLE = {
    "Search",  # the visually hidden submit button of the dashboard's search form
    "None",  # the hidden, empty counter of the status side panel
}
ACCESSIBLE_ATTRIBUTES = {
    "aria-label",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}
COUNT_IN_ENGLISH = re.compile(r"\d+\s*[-–]\s*\d+ of \d+")


class TextOf(HTMLParser):
    """Text a person sees or hears: text nodes and accessible names, no scripts."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style"}:
            self.skipping += 1
        self.parts += [v for k, v in attrs.items() if k in ACCESSIBLE_ATTRIBUTES and v]
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(" ".join(data.split()))


def english_in(html: str) -> list[str]:
    parser = TextOf()
    parser.feed(html)
    found = []
    for part in parser.parts:
        if part in KNOWN_UNTRANSLATABLE:
            continue
        found += [w for w in ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", part)]
        found += COUNT_IN_ENGLISH.findall(part)
    return sorted(set(found))


@pytest.mark.django_db
def test_the_admin_pages_an_editor_uses_have_no_english(
    editor_client, home_page, news_index, event_index, energy
):
    news = NewsPageFactory(parent=news_index, themes=[energy], tags=["biogas"])
    # A draft with a schedule: the status panel says "Once scheduled: Go-live: …".
    news.go_live_at = timezone.now() + datetime.timedelta(days=3)
    news.title = "Schemalagd nyhet"
    news.save_revision()
    event = EventPageFactory(parent=event_index, themes=[energy])
    org = organisation(DirectoryIndexPageFactory(parent=home_page), offers=["biogas"])
    for n in range(21):  # more than one page of the listing
        NewsContactFactory(name=f"Kontakt {n}")

    pages = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{news_index.pk}/",
        "news edit": f"/admin/pages/{news.pk}/edit/",
        "event edit": f"/admin/pages/{event.pk}/edit/",
        "organisation edit": f"/admin/pages/{org.pk}/edit/",
        "history": f"/admin/pages/{news.pk}/history/",
        "snippets": "/admin/snippets/news/newscontact/",
        "snippet filters": "/admin/snippets/directory/opportunity/",
        "organisations": "/admin/organisations/",
        "page search": "/admin/pages/search/?q=nyhet",
    }
    found = {}
    for name, url in pages.items():
        response = editor_client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        if english := english_in(html):
            found[name] = english
    assert not found, found

    edit = editor_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert "Efter schemaläggning:" in edit and "Publiceras:" in edit, "the schedule is shown"
    assert "Sparat" in edit, "the autosave indicator"
    listing = editor_client.get("/admin/snippets/news/newscontact/").content.decode()
    assert "Sida 1 av 2" in listing, "the listing's pagination"
    explorer = editor_client.get(f"/admin/pages/{news_index.pk}/").content.decode()
    assert re.search(r"1–1 av 1\b", explorer), "the page listing's count"


@pytest.mark.django_db
def test_the_admin_scripts_get_the_swedish_strings_too(editor_client):
    catalog = editor_client.get("/admin/jsi18n/").content.decode()
    assert "Sparar automatiskt" in catalog


def test_the_word_search_finds_english_and_passes_swedish():
    assert english_in("<p>Saved</p><span aria-label='Side panels'></span>") == [
        "Saved",
        "Side panels",
    ]
    assert english_in("<p>1-33 of 33 sidor</p>") == ["1-33 of 33", "of"]
    assert english_in("<p>Sparat</p><p>1–33 av 33</p><p>Ändra kontots profilbild</p>") == []


@pytest.mark.django_db
def test_the_admin_login_page_has_no_english(client):
    html = client.get("/admin/login/").content.decode()
    assert english_in(html) == []
    assert re.search(r'<label[^>]*for="id_password"[^>]*>\s*Lösenord', html), "the label"
    assert not re.search(r">\s*Password\b", html)
