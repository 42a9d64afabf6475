"""The secretariat's comms staff: a news item from first draft to the public site.

A Redaktör logs in to the admin, finds Nyheter through the sidebar's page explorer and adds
a news item: title, ingress, a paragraph of body text and one theme ticked. They save a
draft, look at it in the preview (beside the form, then in a tab of its own) and submit it
to the review workflow, "Lämna in till Granskning" (docs/redaktorsguide.md); the Nyheter
listing shows it "Under moderering" and they log out. Then someone in Sekretariat logs in,
finds the item under "Inväntar din granskning" on the dashboard, opens it and approves it,
and it goes live. Then the public, in a browser that never logged in, finds it where readers
look: the news listing, the feed the listing announces with <link rel="alternate">, the
theme page of the theme ticked, and the site search, from whose result they open it and go
Back. The demo site runs tasks at once (config/settings/test.py: ImmediateBackend), so the
search index is updated by the publish itself; nothing is run by hand.

Both screen sizes share one demo site, so each run writes its own item. axe runs on every
page: in full on the site's own pages (the admin login and the preview included), and on the
admin's pages outside the widgets Wagtail itself renders (as test_quickstart.py does).
"""

import re
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

THEME = "Klimatanpassning"
SEARCH_WORD = "Vålådalen"  # in no demo content: the search finds this run's items only
SCREEN_WORDS = {"desktop": "dator", "phone": "mobil"}


@pytest.fixture
def admin_axe(admin_axe_clean):
    """axe on Wagtail's admin pages, outside Wagtail's own widgets (tests/journeys/conftest.py)."""
    return admin_axe_clean


@pytest.fixture
def visitor(new_page):
    """The public: a browser of its own at the same screen size, never logged in."""
    return new_page()


def log_in(page, demo_server, username, axe_clean, admin_axe):
    page.goto(demo_server.url("/admin/login/"))
    axe_clean(page)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(demo_server.env["DJANGO_SUPERUSER_PASSWORD"])
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/admin/")
    admin_axe(page)


def open_sidebar(page, screen):
    """On a phone the admin's sidebar is folded away behind its toggle."""
    if screen == "phone":
        page.get_by_role("button", name="Växla sidorad").first.click()


def log_out(page, screen):
    open_sidebar(page, screen)
    page.locator(".sidebar-footer").get_by_role("button").first.click()
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url("**/admin/login/**")


def public_menu_link(page, screen, name):
    """A link of the site's main menu; on a phone the menu is behind "Meny"."""
    if screen == "phone":
        page.get_by_role("button", name="Meny").tap()
    return page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name=name, exact=True
    )


def test_an_editor_writes_the_secretariat_approves_and_the_public_finds_it(
    page, visitor, demo_server, screen, axe_clean, admin_axe
):
    title = f"Drönare mäter snösmältningen i {SEARCH_WORD} ({SCREEN_WORDS[screen]})"
    lead = "Fjällstationen följer hur snön smälter, för att varna för vårflod i tid."
    body = "Bilderna från drönaren visar snödjupet på hela fjällsidan, varje vecka i maj."

    # The Redaktör logs in and finds Nyheter in the page explorer.
    log_in(page, demo_server, "redaktor", axe_clean, admin_axe)
    open_sidebar(page, screen)
    page.get_by_role("button", name="Sidor", exact=True).click()
    page.get_by_role(
        "link", name="Visa undersidor av 'Miljö- och klimatrådet i Jämtlands län'"
    ).click()
    page.get_by_role("link", name="Nyheter", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    admin_axe(page)

    # A new news item: title, ingress, a paragraph and one theme.
    page.get_by_role("link", name="Lägg till undersida").first.click()
    page.wait_for_url("**/admin/pages/add/news/newspage/**")
    admin_axe(page)
    page.get_by_role("textbox", name="Titel").fill(title)
    page.get_by_role("textbox", name="Ingress").fill(lead)
    page.get_by_role("button", name="Lägg till ett block").click()
    page.get_by_role("option", name="Text", exact=True).click()
    paragraph = page.locator("[data-contentpath=body] [role=textbox]")
    paragraph.click()
    page.keyboard.type(body)
    # Draftail writes what was typed into the form a moment later.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(body)))
    themes = page.locator("[data-contentpath=themes]")
    themes.get_by_role("checkbox", name=THEME, exact=True).check()
    # Wagtail's autosave creates the draft a moment after the first change and moves the
    # form to the edit address. Saving while that request is on its way posts a second
    # create of the same slug, which fails with a server error (Wagtail 8.0.1): the editor
    # saves once the autosave has made the page.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_role("button", name="Spara utkast").click()
    page.get_by_text(f"Sida '{title}' har blivit uppdaterad.").wait_for()
    admin_axe(page)
    edit_url = page.url

    # The preview beside the form, then in a tab of its own.
    page.get_by_role("button", name="Växla förhandsgranskning").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name=title).wait_for()
    preview.get_by_text(body).wait_for()
    with page.expect_popup() as opened:
        page.get_by_role("link", name="Förhandsgranska i ny flik").click()
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.get_by_role("heading", level=1).inner_text() == title
    assert tab.get_by_text(body).is_visible()
    axe_clean(tab)
    tab.close()
    page.get_by_role("button", name="Växla förhandsgranskning").click()

    # Submitted for review; not on the site until the secretariat approves.
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Lämna in till Granskning").click()
    page.get_by_text(f"Sida '{title}' har blivit inlämnad för moderering.").wait_for()
    # Back in the Nyheter listing, the item waits for the secretariat.
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=title))
    expect(row).to_contain_text("Under moderering", ignore_case=True)
    admin_axe(page)
    log_out(page, screen)

    # Sekretariat finds it waiting on the dashboard, opens it and approves it.
    log_in(page, demo_server, "sekretariat", axe_clean, admin_axe)
    waiting = page.get_by_role("region", name="Inväntar din granskning")
    waiting.get_by_role("link", name=title).click()
    page.wait_for_url(edit_url)
    admin_axe(page)
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Godkänn och Publicera", exact=True).click()
    page.get_by_text(f"Sida '{title}' har blivit uppdaterad.").wait_for()
    admin_axe(page)

    # The public, in a browser that never logged in: the news listing ...
    visitor.goto(demo_server.url("/"))
    axe_clean(visitor)
    public_menu_link(visitor, screen, "Nyheter").click()
    visitor.wait_for_url("**/nyheter/")
    item = visitor.get_by_role("link", name=title)
    expect(item).to_be_visible()
    axe_clean(visitor)

    # ... the feed the listing announces ...
    feed_url = visitor.locator("link[rel=alternate][type='application/rss+xml']").first
    feed = visitor.request.get(feed_url.get_attribute("href"))
    assert feed.ok, feed.url
    titles = [element.text for element in ElementTree.fromstring(feed.body()).iter("title")]
    assert title in titles, f"{feed.url}: {titles[:5]}"

    # ... the item itself ...
    item.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text(body)).to_be_visible()
    axe_clean(visitor)

    # ... the theme page of the theme ticked ...
    public_menu_link(visitor, screen, "Teman").click()
    visitor.wait_for_url("**/teman/")
    axe_clean(visitor)
    visitor.get_by_role("main").get_by_role("link", name=THEME, exact=True).first.click()
    visitor.wait_for_url("**/teman/klimatanpassning/")
    expect(visitor.get_by_role("link", name=title)).to_be_visible()
    axe_clean(visitor)

    # ... and the site search, by a word of the title; the result opens, and Back returns.
    box = visitor.get_by_role("combobox", name="Sök på webbplatsen")
    if not box.is_visible():  # on a phone the header keeps it behind its menu
        visitor.get_by_role("button", name="Meny").tap()
    box.click()
    box.press_sequentially(SEARCH_WORD, delay=30)
    box.press("Enter")
    visitor.wait_for_url(re.compile(r"/sok/\?q="))
    result = visitor.locator(".search-result").get_by_role("link", name=title)
    expect(result).to_be_visible()
    axe_clean(visitor)
    result.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    visitor.go_back()
    visitor.wait_for_url(re.compile(r"/sok/\?q="))
    expect(visitor.get_by_label("Sökord")).to_have_value(SEARCH_WORD)
