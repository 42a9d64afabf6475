"""The Wagtail admin works under the site's security headers (its own CSP, no gravatar)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def login(page, demo_server):
    page.goto(demo_server.url("/admin/login/"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", demo_server.env["DJANGO_SUPERUSER_PASSWORD"])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def page_id(demo_server, slug: str) -> str:
    """The id of the demo page with this slug."""
    return demo_server.manage(
        "shell", "-c", f"from wagtail.models import Page; print(Page.objects.get(slug={slug!r}).pk)"
    ).split()[-1]


def test_page_editor_runs_without_csp_errors_or_requests_to_other_hosts(page, demo_server):
    errors, foreign = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on(
        "request",
        lambda r: (
            r.url.startswith("http")
            and not r.url.startswith(demo_server.base_url)
            and foreign.append(r.url)
        ),
    )
    login(page, demo_server)
    page.goto(demo_server.url(f"/admin/pages/{page_id(demo_server, 'om-radet')}/edit/"))
    page.wait_for_load_state("networkidle")
    # The image chooser is initialised by an inline script: it only works if the admin CSP allows it.
    page.get_by_role("button", name="Välj en bild").first.click()
    page.get_by_role("dialog").wait_for()
    assert not errors, errors
    assert not foreign, foreign


def test_a_new_page_gets_an_ascii_address_from_its_title_and_from_a_typed_slug(page, demo_server):
    """Wagtail's slug widget with WAGTAIL_ALLOW_UNICODE_SLUGS = False and the site's
    formatters: å, ä → a, ö → o, é → e, never "%C3%B6" in the address."""
    index_id = page_id(demo_server, "nyheter")
    login(page, demo_server)
    page.goto(demo_server.url(f"/admin/pages/add/news/newspage/{index_id}/"))
    page.locator("#id_title").fill("Ny biogasmack öppnar i Sveg – café i Åre")
    page.locator("#id_title").blur()
    page.get_by_role("tab", name="Marknadsför").click()
    slug = page.locator("#id_slug")
    expect(slug).to_have_value("ny-biogasmack-oppnar-i-sveg-cafe-i-are")
    slug.fill("Öppet hus på Ägir")
    slug.blur()
    expect(slug).to_have_value("oppet-hus-pa-agir")
