"""Finding one's way on a phone: the header, its menu, the search and the member login.

At 390 × 844 the header used to take 300 px of every page, and on a search page no result was
on the first screen. These walk what a visitor on a phone does (and check that the desktop
still shows the whole menu): measure the first screen, open the menu by touch and by
keyboard, search from it, and find the login for members.
"""

import re

import pytest

pytestmark = pytest.mark.browser

PHONE = pytest.mark.parametrize("screen", ["phone"])
DESKTOP = pytest.mark.parametrize("screen", ["desktop"])

HEADER_MAX_PX = 72
HEADING_TOP_MAX_PX = 200
FIRST_RESULT_TOP_MAX_PX = 600


def menu_button(page):
    return page.get_by_role("button", name="Meny")


def main_menu(page):
    return page.get_by_role("navigation", name="Huvudmeny")


def search_box_in_the_menu(page, demo_server, path):
    """Open `path` and the menu, as a visitor who wants to search does on a phone."""
    page.goto(demo_server.url(path))
    menu_button(page).tap()
    return page.get_by_role("combobox", name="Sök på webbplatsen")


def top(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return box["y"]


@PHONE
def test_every_page_type_has_its_heading_on_the_first_screen(page, demo_server, axe_clean):
    missing = sorted(set(demo_server.page_types) - set(demo_server.samples))
    assert not missing, f"seed_demo creates no page of type {missing}"
    paths = [demo_server.samples[label] for label in sorted(demo_server.page_types)]
    paths += ["/sok/?q=klimat", "/min-organisation/logga-in/"]
    too_low = []
    for path in paths:
        page.goto(demo_server.url(path))
        header = page.locator(".site-header").bounding_box()
        if header["height"] > HEADER_MAX_PX:
            too_low.append(f"{path}: the closed header is {header['height']:.0f} px tall")
        heading = top(page.locator("h1"))
        if heading >= HEADING_TOP_MAX_PX:
            too_low.append(f"{path}: the h1 starts at {heading:.0f} px")
    assert not too_low, "\n".join(too_low)
    axe_clean(page)


@PHONE
def test_menu_opens_tabs_through_and_closes_with_escape(page, demo_server, axe_clean):
    page.goto(demo_server.url("/traffar/"))
    button = menu_button(page)
    assert button.get_attribute("aria-expanded") == "false"
    menu_id = button.get_attribute("aria-controls")
    assert page.locator(f"#{menu_id}").is_hidden()
    assert main_menu(page).is_hidden()
    axe_clean(page)

    button.tap()
    assert button.get_attribute("aria-expanded") == "true"
    assert main_menu(page).get_by_role("link", name="Träffar").is_visible()
    axe_clean(page)

    # Tab from the button through everything in the menu, in the order it is shown.
    focusable = page.locator(f"#{menu_id}").locator("a, input, button")
    expected = focusable.evaluate_all("els => els.map(e => e.textContent.trim() || e.name)")
    assert "Logga in för medlemmar" in expected and "Hitta samarbetspartner" in expected
    button.focus()
    seen = []
    for _ in expected:
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """(menuId) => {
                    const el = document.activeElement;
                    const box = el.getBoundingClientRect();
                    return {name: el.textContent.trim() || el.name, shown: box.height > 0,
                            inMenu: !!el.closest("#" + menuId)};
                }""",
                menu_id,
            )
        )
    assert [s["name"] for s in seen] == expected
    assert all(s["shown"] and s["inMenu"] for s in seen), seen

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert main_menu(page).is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == menu_id
    axe_clean(page)


@PHONE
def test_search_from_the_menu_shows_a_result_on_the_first_screen(page, demo_server, axe_clean):
    box = search_box_in_the_menu(page, demo_server, "/")
    box.fill("klimat")
    box.press("Enter")
    page.wait_for_url("**/sok/?q=klimat")
    first = page.locator(".search-result h3").first
    assert top(first) < FIRST_RESULT_TOP_MAX_PX, "the first result is below the first screen"
    assert menu_button(page).get_attribute("aria-expanded") == "false"
    axe_clean(page)


@PHONE
def test_search_suggestions_work_on_a_phone(page, demo_server, axe_clean):
    box = search_box_in_the_menu(page, demo_server, "/nyheter/")
    box.tap()
    box.press_sequentially("klimatanp", delay=30)
    listbox = page.get_by_role("listbox", name="Förslag")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    option = listbox.get_by_role("option").first
    title = option.locator(".autocomplete__title").inner_text()
    list_box = listbox.bounding_box()
    assert list_box["x"] >= 0 and list_box["x"] + list_box["width"] <= 390
    axe_clean(page)
    option.tap()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title


def test_menu_is_reachable_without_javascript(browser, demo_server):
    context = browser.new_context(
        locale="sv-SE", viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(demo_server.url("/om-radet/"))
        assert page.locator(".site-header").bounding_box()["height"] <= HEADER_MAX_PX
        page.get_by_role("link", name="Meny").click()
        link = main_menu(page).get_by_role("link", name="Nyheter")
        assert link.is_visible()
        link.click()
        page.wait_for_url("**/nyheter/")
        assert page.locator("h1").inner_text() == "Nyheter"
    finally:
        context.close()


@PHONE
def test_event_tabs_sit_side_by_side(page, demo_server, axe_clean):
    page.goto(demo_server.url("/traffar/"))
    tabs = page.get_by_role("navigation", name="Välj vilka träffar som visas").get_by_role("link")
    assert tabs.count() == 2
    assert top(tabs.nth(0)) == top(tabs.nth(1)), "the tabs wrap onto two rows"
    axe_clean(page)


@DESKTOP
def test_desktop_shows_the_whole_menu_and_the_search(page, demo_server, axe_clean):
    page.goto(demo_server.url("/teman/"))
    assert menu_button(page).count() == 0 or menu_button(page).is_hidden()
    assert page.get_by_role("link", name="Meny").is_hidden()
    links = main_menu(page).get_by_role("link")
    assert links.count() >= 6
    for index in range(links.count()):
        assert links.nth(index).is_visible()
    assert page.get_by_role("combobox", name="Sök på webbplatsen").is_visible()
    axe_clean(page)


def test_member_login_is_linked_from_the_header(page, demo_server, screen, axe_clean):
    page.goto(demo_server.url("/nyheter/"))
    if screen == "phone":
        menu_button(page).tap()
    page.get_by_role("banner").get_by_role("link", name="Logga in för medlemmar").click()
    page.wait_for_url(re.compile(r"/min-organisation/logga-in/$"))
    assert page.locator("h1").inner_text() == "Logga in till Min organisation"
    axe_clean(page)
