"""The shell every page is drawn in, checked in Chromium for every page type."""

import re
import urllib.request

import pytest

from tests.browser.checks import assert_public_pages_ok
from tests.browser.support import fetch

pytestmark = pytest.mark.browser


def test_every_page_type_has_demo_content(demo_server):
    """The accessibility checks below visit one page per type, so every type needs one."""
    missing = sorted(set(demo_server.page_types) - set(demo_server.samples))
    assert not missing, f"seed_demo creates no published page of type {missing}"


def test_every_page_type_passes_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    paths = sorted(set(demo_server.samples.values()))
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_error_and_search_pages_pass_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    paths = ["/finns-inte/", "/sok/", "/sok/?q=klimat", "/sok/?q=xyzzyqqq"]
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_skip_link_is_first_and_moves_focus_to_main_content(page, demo_server):
    page.goto(demo_server.url("/om-radet/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Till huvudinnehållet"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_visible_on_links_buttons_and_fields(page, demo_server):
    page.goto(demo_server.url("/"))
    seen = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
                const el = document.activeElement;
                const s = getComputedStyle(el);
                return {tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth,
                        shadow: s.boxShadow, background: s.backgroundColor};
            }"""
        )
        seen.add(style["tag"])
        visible = (style["outline"] != "none" and style["width"] != "0px") or (
            style["shadow"] != "none"
        )
        assert visible, f"focus on a {style['tag']} is not visible: {style}"
    assert {"A", "INPUT", "BUTTON"} <= seen


def test_search_box_in_header_submits_to_search_page(page, demo_server):
    page.goto(demo_server.url("/"))
    # A combobox once autocomplete.js has enhanced the search box (ARIA 1.2 pattern).
    page.get_by_role("combobox", name="Sök på webbplatsen").fill("klimatanpassning")
    page.get_by_role("button", name="Sök", exact=True).click()
    page.wait_for_url("**/sok/?q=klimatanpassning")
    assert page.locator("h1").inner_text() == "Sök på webbplatsen"


def test_layout_has_no_horizontal_scroll_on_a_small_phone(browser, demo_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    try:
        for path in sorted(set(demo_server.samples.values())):
            small.goto(demo_server.url(path))
            overflow = small.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at 320 px (WCAG 1.4.10 reflow)"
    finally:
        context.close()


def test_breadcrumbs_start_with_the_site_name_on_every_page_that_has_them(demo_server):
    """Wagtail pages, routes below them (opportunities) and the members' own pages alike."""
    directory = demo_server.samples["directory.DirectoryIndexPage"]
    listing = fetch(demo_server.url(directory + "mojligheter/"))
    opportunity = re.search(rf'href="({re.escape(directory)}mojligheter/\d+-[^"]+/)"', listing)
    assert opportunity, "the demo has no opportunity page"
    paths = [
        *sorted(set(demo_server.samples.values())),
        opportunity.group(1),
        demo_server.samples["events.EventIndexPage"] + "tidigare/",
        "/min-organisation/logga-in/",
        "/min-organisation/losenord/",
    ]
    checked = 0
    for path in paths:
        html = fetch(demo_server.url(path))
        if 'aria-label="Brödsmulor"' not in html:
            continue  # the home page has no trail
        trail = html.split('aria-label="Brödsmulor"')[1].split("</ol>")[0]
        first = re.search(r"<li>\s*(.*?)\s*</li>", trail, flags=re.S).group(1)
        assert first == '<a href="/">Miljö- och klimatrådet i Jämtlands län</a>', path
        checked += 1
    assert checked == len(paths) - 1, "a page other than the home page has no breadcrumbs"


def test_home_page_title_and_favicon(demo_server):
    html = fetch(demo_server.url("/"))
    assert "<title>Miljö- och klimatrådet i Jämtlands län</title>" in html
    with urllib.request.urlopen(demo_server.url("/favicon.ico"), timeout=30) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        assert response.url.endswith(".svg")
