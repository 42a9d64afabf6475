"""A business looks for partners: text, filters, order and pages in the directory, Back
through every step, an empty result that offers a way on, and an organisation without a
contact person that can still be reached through the secretariat. At desktop and phone size,
with axe on every state."""

import json
from contextlib import suppress
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

# What a person sees of the search: the address, the box, the ticks, the order, the hits.
SNAPSHOT = """() => {
    const form = document.querySelector("[data-search-form]");
    return {
        query: location.search,
        box: form.elements.namedItem("q").value,
        checked: Array.from(form.querySelectorAll("input[type=checkbox]:checked"))
            .map((box) => box.id).sort(),
        sort: form.elements.namedItem("sort").value,
        summary: document.querySelector("[data-search-summary]").innerText.trim(),
        cards: Array.from(document.querySelectorAll(".directory-results .card__title"))
            .map((title) => title.innerText.trim()),
        busy: document.querySelector("[data-search-results][aria-busy]") !== null,
    };
}"""


def snapshot(page) -> dict:
    return page.evaluate(SNAPSHOT)


def params(page) -> dict:
    """The address's query as {name: [values]}, order within a name kept."""
    found = {}
    for name, value in parse_qsl(urlsplit(page.url).query):
        found.setdefault(name, []).append(value)
    return found


def settled(page, query: dict):
    """Wait until the address has the parameters of `query` (in any order of names) and
    the results for it are in; return the view."""
    page.wait_for_function(
        """(wanted) => {
            const now = {};
            new URLSearchParams(location.search).forEach((value, name) => {
                (now[name] = now[name] || []).push(value);
            });
            const same = (a, b) => JSON.stringify(Object.entries(a).sort())
                === JSON.stringify(Object.entries(b).sort());
            return same(now, wanted) && !("""
        + SNAPSHOT
        + """)().busy;
        }""",
        arg=query,
    )
    return snapshot(page)


def restored(page, expected: dict):
    """After Back: wait until the page shows exactly the earlier view."""
    with suppress(PlaywrightTimeout):  # the assertion below says what differs
        page.wait_for_function(
            "(want) => JSON.stringify((" + SNAPSHOT + ")()) === JSON.stringify(want)",
            arg=expected,
            timeout=10_000,
        )
    assert snapshot(page) == expected


def open_facet(page, name: str):
    details = page.locator(f"details[data-facet='{name}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def test_the_text_stays_through_filters_order_and_pages_and_back_returns_each_step(
    page, demo_server, axe_clean
):
    page.goto(demo_server.url("/samarbetspartner/"))
    page.evaluate("window.__sameDocument = true")
    form = page.locator("[data-search-form]")
    box = form.get_by_label("Sök organisationer")
    views = []

    query = {}

    def step(name: str, value: str):
        """The address now has name=value as well; the box and the address keep the text."""
        query[name] = [value]
        views.append(settled(page, query))
        assert views[-1]["box"] == "ab"
        axe_clean(page)

    # 1. Text, sent with the form's own button.
    box.fill("ab")
    form.get_by_role("button", name="Sök", exact=True).click()
    step("q", "ab")

    # 2. A first filter.
    open_facet(page, "municipality")
    page.locator("#katalog-municipality-ostersund").check()
    step("municipality", "ostersund")
    assert views[-1]["checked"] == ["katalog-municipality-ostersund"]

    # 3. A second filter.
    open_facet(page, "org_type")
    page.locator("#katalog-org_type-foretag").check()
    step("org_type", "foretag")

    # 4. Order by name.
    form.get_by_label("Sortera efter").select_option("name")
    step("sort", "name")
    assert views[-1]["sort"] == "name"

    # 5. Page 2: other organisations.
    page.locator(".pagination").get_by_role("link", name="Sida 2").click()
    step("page", "2")
    assert views[-1]["cards"] and not set(views[-1]["cards"]) & set(views[-2]["cards"])

    summaries = [view["summary"] for view in views]
    assert all("för ”ab”" in summary for summary in summaries), summaries
    assert len(set(summaries[:3])) == 3, "each filter changes the results"

    # Back returns every earlier state: address, box, ticks, order and results.
    for expected in reversed(views[:-1]):
        page.go_back()
        restored(page, expected)
        axe_clean(page)
    assert page.evaluate("window.__sameDocument") is True, "no full page load"


def test_the_box_keeps_the_text_when_a_filter_is_ticked_or_search_is_pressed(page, demo_server):
    """The report: "biogas", Enter, Härjedalen emptied the box, and the next facet
    dropped the text."""
    page.goto(demo_server.url("/samarbetspartner/"))
    form = page.locator("[data-search-form]")
    form.get_by_label("Sök organisationer").fill("biogas")
    form.get_by_label("Sök organisationer").press("Enter")
    before = settled(page, {"q": ["biogas"]})
    open_facet(page, "municipality")
    page.locator("#katalog-municipality-harjedalen").check()
    view = settled(page, {"q": ["biogas"], "municipality": ["harjedalen"]})
    assert view["box"] == "biogas" and view["summary"] != before["summary"]
    form.get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_function("() => document.activeElement.hasAttribute('data-search-summary')")
    assert snapshot(page)["box"] == "biogas"
    assert params(page) == {"q": ["biogas"], "municipality": ["harjedalen"]}


def test_an_empty_result_offers_wider_searches_and_cards_say_why_they_match(
    page, demo_server, axe_clean
):
    page.goto(demo_server.url("/samarbetspartner/?q=biogas&offers=biogas&municipality=harjedalen"))
    results = page.locator("[data-search-results]")
    assert "Inga organisationer matchar sökningen." in results.inner_text()
    chips = page.locator(".active-filters")
    assert chips.get_by_role("link", name="Sökord: ”biogas”").is_visible()
    widenings = page.locator(".widenings a")
    labels = widenings.all_inner_texts()
    assert any(label.endswith("i hela länet (utan kommunfiltret)") for label in labels), labels
    assert any("utan filtret Erbjuder: biogas" in label for label in labels), labels
    axe_clean(page)

    # Without the municipality: the text and the other filter stay.
    county = page.get_by_role("link", name="i hela länet (utan kommunfiltret)")
    promised = int(county.inner_text().split()[0])
    county.click()
    view = settled(page, {"q": ["biogas"], "offers": ["biogas"]})
    assert view["box"] == "biogas" and view["checked"] == ["katalog-offers-biogas"]
    assert len(view["cards"]) == promised
    axe_clean(page)

    # Back, then without the competence instead: each card says why it is in Härjedalen.
    page.go_back()
    page.get_by_role("link", name="utan filtret Erbjuder: biogas").click()
    view = settled(page, {"q": ["biogas"], "municipality": ["harjedalen"]})
    assert view["cards"]
    reasons = page.locator(".directory-results .org-card__reason").all_inner_texts()
    assert len(reasons) == len(view["cards"])
    assert all(
        reason in ("Huvudkontor i Härjedalen", "Verkar i Härjedalen", "Verkar i hela länet")
        for reason in reasons
    ), reasons
    axe_clean(page)

    # The text's chip removes only the text.
    chips.get_by_role("link", name="Sökord: ”biogas”").click()
    view = settled(page, {"municipality": ["harjedalen"]})
    assert view["box"] == "" and view["checked"] == ["katalog-municipality-harjedalen"]
    axe_clean(page)


def test_an_organisation_without_contact_person_is_reached_through_the_secretariat(
    page, demo_server, axe_clean
):
    page.goto(demo_server.url("/samarbetspartner/funasdalsfjallens-bussresor-ab/"))
    page.get_by_role("link", name="Kontakta sekretariatet om den här organisationen").click()
    assert page.locator("h1").inner_text() == (
        "Kontakta sekretariatet om Funäsdalsfjällens Bussresor AB"
    )
    axe_clean(page)
    page.get_by_label("Ditt namn").fill("Lisa Strand")
    page.get_by_label("Din organisation").fill("Frostviken Fastigheter AB")
    page.get_by_label("Din e-postadress").fill("lisa.journey@frostviken.example")
    page.get_by_label("Meddelande").fill("Hej! Vi vill hyra en buss till vår personalresa i mars.")
    page.get_by_role("button", name="Skicka meddelandet").click()
    page.wait_for_url("**/skickat/*/")
    receipt = page.locator("main").inner_text()
    assert "på väg till rådets sekretariat" in receipt
    assert "Sekretariatet, om Funäsdalsfjällens Bussresor AB" in receipt
    axe_clean(page)

    queued = json.loads(
        demo_server.manage(
            "shell",
            "-c",
            "import json; from django.conf import settings; "
            "from mail.models import OutgoingEmail; "
            "e = OutgoingEmail.objects.filter(reply_to__contains='lisa.journey@').latest('pk'); "
            "print(json.dumps({'to': e.to, 'secretariat': settings.SECRETARIAT_EMAIL, "
            "'subject': e.subject, 'body': e.body_text}))",
        )
        .strip()
        .splitlines()[-1]
    )
    assert queued["to"] == queued["secretariat"]
    assert "Funäsdalsfjällens Bussresor AB" in queued["subject"]
    assert "vår personalresa i mars" in queued["body"]
