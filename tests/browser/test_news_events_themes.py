"""News, events and themes in a real browser: filtered listings, past events, feeds."""

import urllib.request

import pytest

from tests.browser.checks import assert_public_pages_ok

pytestmark = pytest.mark.browser


def test_listings_filters_and_views_pass_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    paths = [
        "/nyheter/?tema=energiomstallning",
        "/nyheter/?tema=klimatanpassning&tema=miljomalsarbete&tagg=klimatanpassning",
        "/nyheter/?page=2",
        "/nyheter/?tema=energiomstallning&tagg=finns-inte&ar=abc&page=99999",
        "/nyheter/?ar=1999",
        "/traffar/tidigare/",
        "/traffar/?tema=klimatanpassning",
        "/traffar/?tema=energiomstallning&tema=klimatanpassning&deltagande=digitalt",
        "/traffar/tidigare/?q=biogas&deltagande=pa-plats",
        "/teman/klimatanpassning/",
        "/teman/miljomalsarbete/",
    ]
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_filtering_news_with_the_form_works_without_scripts(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    tab = context.new_page()
    try:
        tab.goto(demo_server.url("/nyheter/"))
        everything = tab.locator("#news-results-heading").inner_text()
        tab.get_by_role("group", name="Tema").get_by_label("Klimatanpassning").check()
        tab.get_by_role("button", name="Visa nyheter").click()
        tab.wait_for_url("**/nyheter/?tema=klimatanpassning*")
        filtered = tab.locator("#news-results-heading").inner_text()
        assert filtered.endswith("om Klimatanpassning")
        assert int(filtered.split()[0]) < int(everything.split()[0])
        assert tab.locator('meta[name="robots"]').get_attribute("content") == "noindex, follow"
        tab.get_by_role("link", name="Rensa alla filter").click()
        assert tab.locator("#news-results-heading").inner_text() == everything
    finally:
        context.close()


def test_filtering_events_with_the_form_works_without_scripts(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    tab = context.new_page()
    try:
        tab.goto(demo_server.url("/traffar/tidigare/"))
        everything = int(tab.locator("#event-results-heading").inner_text().split()[0])
        box = tab.get_by_role("checkbox", name="Energiomställning", exact=False)
        expected = int(box.evaluate("e => e.labels[0].innerText").split("(")[1].split()[0])
        box.check()
        tab.get_by_role("button", name="Visa träffar").click()
        # The empty search box is sent without scripts; the address drops it.
        tab.wait_for_url("**/traffar/tidigare/?tema=energiomstallning")
        filtered = int(tab.locator("#event-results-heading").inner_text().split()[0])
        assert filtered == expected < everything
        tab.get_by_role("link", name="Rensa alla filter").click()
        tab.wait_for_url("**/traffar/tidigare/")
        assert int(tab.locator("#event-results-heading").inner_text().split()[0]) == everything
    finally:
        context.close()


def test_moving_between_news_pages_and_to_an_article(page, demo_server):
    page.goto(demo_server.url("/nyheter/"))
    page.get_by_role("navigation", name="Sidor").get_by_role("link", name="Nästa").click()
    page.wait_for_url("**/nyheter/?page=2")
    assert page.title().startswith("Nyheter – sida 2")
    first = page.locator(".news-list .card__title a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title


def test_past_events_are_a_click_away_and_events_go_into_calendars(page, demo_server):
    page.goto(demo_server.url("/traffar/"))
    assert page.locator(".view-switch [aria-current=page]").inner_text() == "Kommande träffar"
    page.get_by_role("link", name="Tidigare träffar").click()
    page.wait_for_url("**/traffar/tidigare/")
    assert page.locator("h1").inner_text() == "Tidigare träffar"
    assert page.locator(".event-item").count() >= 3
    page.goto(demo_server.url("/traffar/"))
    page.locator(".event-item__title a").first.click()
    link = page.get_by_role("link", name="Lägg till i kalendern")
    with urllib.request.urlopen(demo_server.url(link.get_attribute("href"))) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert response.read().startswith(b"BEGIN:VCALENDAR")


def test_feeds_are_announced_and_served(page, demo_server):
    page.goto(demo_server.url("/teman/energiomstallning/"))
    hrefs = page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluate_all(
        "links => links.map(l => l.href)"
    )
    assert any(h.endswith("/nyheter/tema/energiomstallning/rss/") for h in hrefs)
    for href in hrefs:
        with urllib.request.urlopen(href) as response:
            assert response.headers["Content-Type"].startswith("application/rss+xml")
