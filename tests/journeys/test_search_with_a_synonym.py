"""The public: a visitor searches with their own word and finds the council's.

Someone wants to know about charging points and types "laddstolpar" in the header's search
box; the council writes "laddplatser" and "laddinfrastruktur". The synonym list
(Inställningar → Söksynonymer, seeded by a migration) brings those pages up, the first
screen shows one, and the marked words say why it matched. Then they open it and come back.
"""

import re

import pytest

pytestmark = pytest.mark.browser

SYNONYMS = re.compile(r"laddinfrastruktur|laddplats|laddpunkt|laddstation", re.IGNORECASE)


def search_box(page):
    """The header's search box; on a phone the header may keep it behind its menu button."""
    box = page.get_by_role("combobox", name="Sök på webbplatsen")
    if not box.is_visible():
        page.locator("header").get_by_role("button", expanded=False).first.click()
    box.wait_for(state="visible")
    return box


def test_laddstolpar_shows_laddinfrastruktur_on_the_first_screen(
    page, demo_server, axe_clean, screen
):
    page.goto(demo_server.url("/"))
    axe_clean(page)

    box = search_box(page)
    box.click()
    box.press_sequentially("laddstolpar", delay=30)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=laddstolpar$"))
    axe_clean(page)

    # The words searched for stay in the result page's own box (the header's is tucked
    # behind the menu on a phone).
    assert page.get_by_label("Sökord").input_value() == "laddstolpar"
    results = page.locator(".search-result")
    assert results.count() >= 3
    first = results.first
    # On the first screen: the first result's heading, and a marked word saying it is about
    # charging infrastructure (laddplatser, laddinfrastruktur), though nobody wrote
    # "laddstolpar".
    first_screen = page.viewport_size["height"]
    heading = first.get_by_role("heading").bounding_box()
    assert heading["y"] + heading["height"] <= first_screen, (
        f"the first result's heading ends at {heading['y'] + heading['height']:.0f} px, "
        f"below the first screen ({first_screen} px) on the {screen}"
    )
    marks = [
        mark.bounding_box()
        for mark in first.locator("mark").all()
        if SYNONYMS.search(mark.inner_text())
    ]
    assert any(box["y"] + box["height"] <= first_screen for box in marks), marks
    assert "laddstolpar" not in first.inner_text().lower()

    link = first.get_by_role("heading").get_by_role("link")
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    axe_clean(page)

    page.go_back()
    page.wait_for_url(re.compile(r"/sok/\?q=laddstolpar$"))
    assert page.locator(".search-result").first.get_by_role("heading").inner_text() == title
