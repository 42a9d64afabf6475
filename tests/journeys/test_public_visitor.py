"""The public: a visitor without a login finds a theme, filters the news and books a date.

Someone curious about the council opens the home page and follows a theme (Energiomställning)
to its page: there are its news, its events and the organisations working with it. They read
a news item and come Back. Then they look through the news listing, narrow it to one theme,
see the filter in the address, download the selection, narrow it to a year and take the
year away again, read an item and come Back to the same filtered list. Last they narrow the
events to the theme (the checkbox says how many there will be), open an upcoming event, come
Back to the same filtered list, and put the event in their own calendar: the file they get
is an iCalendar event whose title, start (in Swedish time) and place are what the page said.

The synonym search, the last part of this journey in the issue, is its own journey:
test_search_with_a_synonym.py.
"""

import csv
import io
import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser

THEME = "Energiomställning"
THEME_SLUG = "energiomstallning"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def menu_button(page):
    return page.get_by_role("button", name="Meny")


def open_theme_from_home(page, demo_server, screen):
    """Desktop: the theme's card on the home page. Phone: Meny → Teman → the theme's card."""
    if screen == "phone":
        menu_button(page).tap()
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Teman").tap()
        page.wait_for_url(re.compile(r"/teman/$"))
        page.get_by_role("heading", name="Teman", level=1).wait_for()
        cards = page.locator("main")
    else:
        cards = page.get_by_role("region", name="Rådets teman")
    link = cards.get_by_role("link", name=THEME, exact=True)
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(re.compile(rf"/teman/{THEME_SLUG}/$"))


def section(page, title):
    return page.get_by_role("region", name=title, exact=True)


def query(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def test_a_visitor_follows_a_theme_filters_news_and_adds_an_event_to_the_calendar(
    page, demo_server, axe_clean, screen, tmp_path
):
    # 1. Home → a theme → a news item on it → Back to the theme.
    page.goto(demo_server.url("/"))
    axe_clean(page)
    open_theme_from_home(page, demo_server, screen)
    assert page.get_by_role("heading", level=1).inner_text() == THEME
    axe_clean(page)

    news = section(page, "Senaste nyheterna")
    events = section(page, "Kommande träffar")
    organisations = section(page, "Organisationer som arbetar med temat")
    for part in (news, events, organisations):
        assert part.get_by_role("listitem").count() >= 1, f"{part} shows nothing"
    assert news.get_by_role("link", name="Alla nyheter om temat").get_attribute("href")
    theme_url = page.url

    item = news.get_by_role("heading", level=3).first.get_by_role("link")
    item_title = item.inner_text()
    item.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == item_title
    # The news item says which theme it belongs to.
    assert page.get_by_role("main").get_by_role("link", name=THEME, exact=True).is_visible()
    axe_clean(page)

    page.go_back()
    page.wait_for_url(theme_url)
    assert page.get_by_role("heading", level=1).inner_text() == THEME
    assert section(page, "Senaste nyheterna").get_by_role("link", name=item_title).is_visible()

    # 2. The news listing, narrowed to the theme; an item and Back keep the filter.
    if screen == "phone":
        menu_button(page).tap()
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Nyheter").click()
    page.wait_for_url(re.compile(r"/nyheter/$"))
    axe_clean(page)
    summary = page.locator("#news-results-heading")
    everything = int(summary.inner_text().split()[0])

    form = page.get_by_role("form", name="Filtrera nyheterna")
    themes = form.get_by_role("group", name="Tema")
    themes.get_by_role("checkbox", name=re.compile(rf"^{THEME} \(\d+")).check()
    form.get_by_role("button", name="Visa nyheter").click()
    page.wait_for_url(re.compile(rf"/nyheter/\?(.*&)?tema={THEME_SLUG}(&|$)"))
    # Checkboxes send only what was chosen: no empty tagg= or ar= in the address.
    assert query(page) == {"tema": [THEME_SLUG]}
    filtered_summary = summary.inner_text()
    assert filtered_summary.endswith(f"om {THEME}"), filtered_summary
    filtered = int(filtered_summary.split()[0])
    assert 0 < filtered < everything
    chosen = page.get_by_role("list", name="Valda filter")
    assert chosen.get_by_role("link", name=re.compile(rf"^{THEME}")).is_visible()
    assert themes.get_by_role("checkbox", name=re.compile(rf"^{THEME} ")).is_checked()
    titles = page.locator(".news-list .card__title").all_inner_texts()
    assert 0 < len(titles) <= filtered
    axe_clean(page)
    filtered_url = page.url

    # The download carries the filter: the CSV has as many news items as the page says.
    csv_link = page.get_by_role("link", name="Ladda ner som CSV")
    download = page.request.get(csv_link.evaluate("a => a.href"))
    assert download.ok and download.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(download.text())))) == filtered

    # Narrowed to a year as well: the number beside the year is what the list then holds.
    form.locator("summary", has_text=re.compile(r"^År$")).click()
    years = form.get_by_role("group", name="År")
    year_box = years.get_by_role("checkbox").first
    year_box.wait_for()
    label = years.locator("label").first.inner_text()
    year, count = re.match(r"(\d{4}) \((\d+)", label).groups()
    year_box.check()
    form.get_by_role("button", name="Visa nyheter").click()
    page.wait_for_url(re.compile(rf"/nyheter/\?(.*&)?ar={year}(&|$)"))
    assert query(page) == {"tema": [THEME_SLUG], "ar": [year]}
    assert summary.inner_text().split()[0] == count
    assert summary.inner_text().endswith(f"om {THEME} från {year}")
    axe_clean(page)
    # Its chip takes the year away again, and the theme stays.
    chosen.get_by_role("link", name=re.compile(rf"^{year}")).click()
    page.wait_for_url(filtered_url)
    assert summary.inner_text() == filtered_summary

    page.locator(".news-list .card__title a").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == titles[0]
    assert page.get_by_role("main").get_by_role("link", name=THEME, exact=True).is_visible()
    axe_clean(page)

    page.go_back()
    page.wait_for_url(filtered_url)
    assert summary.inner_text() == filtered_summary
    assert themes.get_by_role("checkbox", name=re.compile(rf"^{THEME} ")).is_checked()
    assert page.locator(".news-list .card__title").all_inner_texts() == titles

    # 3. The events listing → an upcoming event → into the visitor's calendar.
    if screen == "phone":
        menu_button(page).tap()
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Träffar").click()
    page.wait_for_url(re.compile(r"/traffar/$"))
    tabs = page.get_by_role("navigation", name="Välj vilka träffar som visas")
    assert tabs.get_by_role("link", name="Kommande träffar").get_attribute("aria-current") == (
        "page"
    )
    assert tabs.get_by_role("link", name="Tidigare träffar").is_visible()
    axe_clean(page)
    summary = page.locator("#event-results-heading")
    everything = int(summary.inner_text().split()[0])

    # Narrowed to the theme: the checkbox said how many there would be, and the list has them.
    form = page.get_by_role("search", name="Sök och filtrera träffarna")
    theme_box = form.get_by_role("checkbox", name=re.compile(rf"^{THEME} \(\d+"))
    expected = int(re.search(r"\((\d+)", theme_box.evaluate("e => e.labels[0].innerText"))[1])
    theme_box.check()
    form.get_by_role("button", name="Visa träffar").click()
    # Only what has a value is sent: the empty search box is left out.
    page.wait_for_url(re.compile(rf"/traffar/\?tema={THEME_SLUG}$"))
    assert query(page) == {"tema": [THEME_SLUG]}
    filtered_summary = summary.inner_text()
    assert filtered_summary.startswith(f"{expected} kommande träff"), filtered_summary
    assert 0 < expected <= everything
    chosen = page.get_by_role("list", name="Valda filter")
    assert chosen.get_by_role("link", name=re.compile(rf"^{THEME}")).is_visible()
    titles = page.locator(".event-item__title").all_inner_texts()
    assert 0 < len(titles) <= expected
    csv_link = page.get_by_role("link", name="Ladda ner som CSV")
    assert csv_link.get_attribute("href") == f"/traffar/csv/?tema={THEME_SLUG}"
    axe_clean(page)
    filtered_url = page.url

    event_link = page.locator(".event-item__title a").first
    event_title = event_link.inner_text()
    event_link.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == event_title
    assert page.get_by_role("main").get_by_role("link", name=THEME, exact=True).is_visible()
    axe_clean(page)

    page.go_back()
    page.wait_for_url(filtered_url)
    assert summary.inner_text() == filtered_summary
    assert form.get_by_role("checkbox", name=re.compile(rf"^{THEME} ")).is_checked()
    assert page.locator(".event-item__title").all_inner_texts() == titles

    page.locator(".event-item__title a").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == event_title

    facts = page.locator(".event-facts")
    when = facts.locator("dd time")
    when_text = when.inner_text()
    shown_start = datetime.fromisoformat(when.get_attribute("datetime"))
    where_lines = [
        line.strip()
        for line in facts.locator("dt:text-is('Var') + dd").inner_text().splitlines()
        if line.strip() and line.strip() != "Länk till det digitala mötet"
    ]

    add = page.get_by_role("link", name="Lägg till i kalendern")
    with page.expect_download() as download_info:
        add.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    # What the link serves says it is a calendar, so a phone offers to open it in one.
    response = page.request.get(add.evaluate("a => a.href"))
    assert response.ok
    assert response.headers["content-type"].split(";")[0] == "text/calendar"
    assert (
        Calendar.from_ical(response.body()).walk("VEVENT")[0]["UID"]
        == (calendar.walk("VEVENT")[0]["UID"])
    )

    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == event_title
    assert str(event["LOCATION"]) == ", ".join(where_lines)

    start = event["DTSTART"].dt
    tzid = event["DTSTART"].params.get("TZID")
    assert tzid == "Europe/Stockholm" or start.utcoffset().total_seconds() == 0, (
        f"DTSTART is neither in Swedish time nor in UTC: {event['DTSTART'].to_ical()}"
    )
    # The same instant as the page's machine-readable time, and in Swedish time the same
    # day and clock the visitor read.
    assert start == shown_start
    local = start.astimezone(STOCKHOLM)
    assert f"{local.day} {MONTHS[local.month - 1]} " in when_text, when_text
    assert f"kl. {local:%H.%M}" in when_text, when_text
    if tzid:
        assert any(str(tz["TZID"]) == tzid for tz in calendar.walk("VTIMEZONE")), (
            "the calendar file does not define the time zone its event uses"
        )
