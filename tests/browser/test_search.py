"""The search page and the header's autocomplete combobox, in a real browser."""

import re

import pytest

from tests.browser.checks import assert_public_pages_ok
from tests.browser.support import format_violations, run_axe

pytestmark = pytest.mark.browser


def test_search_pages_pass_accessibility_and_html_checks(page, demo_server, axe_source, tmp_path):
    paths = [
        "/sok/?q=biogas",  # results of several types, facets, highlights
        "/sok/?q=biogas&typ=nyheter",  # narrowed
        "/sok/?q=klimat&page=2",  # second page
        "/sok/?q=medlem",  # a promoted result first
        "/sok/?q=klimatanpasning",  # no hits, a spelling suggestion
        "/sok/?q=%22%3Cscript%3E%00",  # hostile input
    ]
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_results_show_types_excerpts_and_promotions(page, demo_server):
    page.goto(demo_server.url("/sok/?q=medlem"))
    promoted = page.locator(".search-promotions")
    assert promoted.get_by_role("link", name="Gå med i rådet").is_visible()
    page.goto(demo_server.url("/sok/?q=biogas"))
    facets = page.get_by_role("navigation", name="Typ av innehåll")
    assert facets.get_by_role("link", name=re.compile(r"Nyheter \(\d+\)")).is_visible()
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("biogas")
    facets.get_by_role("link", name=re.compile(r"Träffar \(\d+\)")).click()
    page.wait_for_url("**/sok/?q=biogas&typ=traffar")
    assert (
        page.locator(".search-result__type").all_inner_texts()
        == ["Träff"] * page.locator(".search-result").count()
    )


def open_suggestions(page, demo_server, text="kli"):
    page.goto(demo_server.url("/"))
    box = page.get_by_role("combobox", name="Sök på webbplatsen")
    box.click()
    box.press_sequentially(text, delay=40)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    return box, listbox


def test_autocomplete_list_open_has_no_axe_violations(page, demo_server, axe_source):
    box, listbox = open_suggestions(page, demo_server)
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert box.get_attribute("aria-autocomplete") == "list"
    violations = run_axe(page, axe_source)
    assert not violations, format_violations("/ (suggestions open)", violations)


def test_autocomplete_works_with_the_keyboard(page, demo_server):
    box, listbox = open_suggestions(page, demo_server)
    options = listbox.get_by_role("option")
    count = options.count()
    assert count >= 2
    status = page.get_by_role("status").filter(has_text="förslag")
    assert status.inner_text().startswith(f"{count} förslag")

    box.press("ArrowDown")
    first = options.nth(0)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    box.press("ArrowUp")
    box.press("ArrowUp")  # wraps to the last
    assert box.get_attribute("aria-activedescendant") == options.nth(count - 1).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "site-search-input"

    box.press("Escape")
    assert listbox.is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    box.press("Escape")
    assert box.input_value() == ""

    box, listbox = open_suggestions(page, demo_server, "klimatanp")
    title = listbox.get_by_role("option").first.locator(".autocomplete__title").inner_text()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title


def test_enter_without_a_chosen_suggestion_searches(page, demo_server):
    box, _listbox = open_suggestions(page, demo_server, "biogas")
    box.press("Enter")
    page.wait_for_url("**/sok/?q=biogas")
    assert "träffar för ”biogas”" in page.locator(".result-summary").inner_text()


def test_the_search_box_is_a_plain_form_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(demo_server.url("/"))
        box = page.get_by_role("searchbox", name="Sök på webbplatsen")
        box.fill("vindkraft")
        box.press("Enter")
        page.wait_for_url("**/sok/?q=vindkraft")
        assert page.locator(".search-result").count() >= 1
        assert page.get_by_role("listbox").count() == 0
    finally:
        context.close()
