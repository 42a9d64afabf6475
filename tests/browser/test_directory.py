"""The partner directory in a real browser: filtered listings, organisations, opportunities,
and the search updating in place with scripts and working without them."""

import json
import urllib.request

import pytest

from tests.browser.checks import assert_public_pages_ok

pytestmark = pytest.mark.browser


def first_opportunity_path(demo_server) -> str:
    with urllib.request.urlopen(demo_server.url("/api/v1/directory/opportunities/")) as response:
        data = json.load(response)
    return data["results"][0]["url"].removeprefix(demo_server.base_url)


def test_directory_pages_pass_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    paths = [
        "/samarbetspartner/?offers=biogas&municipality=ostersund",  # filters open
        "/samarbetspartner/?q=biogas&tema=energiomstallning&sort=name",
        "/samarbetspartner/?q=xyzzyqqq",
        "/samarbetspartner/?q=biogas&offers=biogas&municipality=harjedalen",  # wider searches
        "/samarbetspartner/?municipality=harjedalen",  # why each card is there
        "/samarbetspartner/?page=2",
        "/samarbetspartner/storsjobygdens-akeri-ab/",
        "/samarbetspartner/region-jamtland-harjedalen/",
        "/samarbetspartner/funasdalsfjallens-bussresor-ab/",  # no contact person
        "/samarbetspartner/mojligheter/",
        "/samarbetspartner/mojligheter/?kind=behov&competence=biogas",
        first_opportunity_path(demo_server),
    ]
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_fuzzed_parameters_never_give_a_server_error(demo_server):
    for query in [
        "?offers=%00",
        "?page=99999999999999999999",
        "?page=-1&sort=%00",
        "?q=%22%27%3C%3E%00",
        "?municipality=2380&municipality=%ff%fe",
        "?tema=" + "a" * 3000,
    ]:
        for path in [
            "/samarbetspartner/",
            "/samarbetspartner/mojligheter/",
            "/samarbetspartner/mojligheter/rss/",
            "/api/v1/directory/organisations/",
        ]:
            with urllib.request.urlopen(demo_server.url(path + query)) as response:
                assert response.status == 200, path + query


def test_filtering_updates_results_in_place_and_keeps_focus(page, demo_server):
    page.goto(demo_server.url("/samarbetspartner/"))
    page.evaluate("window.__sameDocument = true")
    summary = page.locator("[data-search-summary]")
    everything = summary.inner_text()
    page.locator("details[data-facet='offers'] summary").click()
    page.locator("#katalog-offers-biogas").check()
    page.wait_for_url("**/samarbetspartner/?offers=biogas")
    page.wait_for_function(
        "(before) => document.querySelector('[data-search-summary]').innerText !== before",
        arg=everything,
    )
    assert page.evaluate("window.__sameDocument") is True, "no full page load"
    assert page.evaluate("document.activeElement.id") == "katalog-offers-biogas"
    assert page.locator("#katalog-offers-biogas").is_checked()
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent.includes('organisation')"
    )
    filtered = summary.inner_text()
    assert int(filtered.split()[0]) < int(everything.split()[0])
    assert page.locator("details[data-facet='offers']").get_attribute("open") is not None

    page.go_back()
    page.wait_for_function(
        "(before) => document.querySelector('[data-search-summary]').innerText === before",
        arg=everything,
    )
    assert page.evaluate("window.__sameDocument") is True


def test_searching_and_paging_move_focus_to_the_results(page, demo_server):
    page.goto(demo_server.url("/samarbetspartner/"))
    page.get_by_label("Sök organisationer").fill("biogas")
    page.get_by_label("Sök organisationer").press("Enter")
    page.wait_for_url("**/samarbetspartner/?q=biogas")
    page.wait_for_function("() => document.activeElement.hasAttribute('data-search-summary')")
    assert "biogas" in page.locator("[data-search-summary]").inner_text()
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, follow"


def test_the_directory_works_without_scripts(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    tab = context.new_page()
    try:
        tab.goto(demo_server.url("/samarbetspartner/"))
        everything = tab.locator("[data-search-summary]").inner_text()
        tab.locator("details[data-facet='municipality'] summary").click()
        tab.locator("#katalog-municipality-are").check()
        tab.get_by_role("button", name="Visa träffar").click()
        tab.wait_for_url("**/samarbetspartner/?*municipality=are*")
        filtered = tab.locator("[data-search-summary]").inner_text()
        assert int(filtered.split()[0]) < int(everything.split()[0])
        tab.get_by_role("link", name="Rensa alla filter").click()
        assert tab.locator("[data-search-summary]").inner_text() == everything
    finally:
        context.close()


def test_an_organisation_page_suggests_partners_and_links_its_needs(page, demo_server):
    page.goto(demo_server.url("/samarbetspartner/storsjobygdens-akeri-ab/"))
    matches = page.locator(".match-card")
    assert matches.count() >= 3
    assert "Erbjuder biogas" in page.locator(".match-list").inner_text()
    structured = json.loads(page.locator('script[type="application/ld+json"]').first.text_content())
    assert structured["@type"] == "Organization"
    assert "biogas" in [demand["name"] for demand in structured["seeks"]]
    page.locator(".opportunity__title a").first.click()
    assert page.locator("h1").inner_text().startswith("Biogas till tolv nya lastbilar")
    assert "Kan erbjuda det här" in page.content()
