"""Membership in a real browser: every form (empty and with errors) and every page of Min
organisation pass axe and the Nu Html Checker; the application form works by keyboard
alone; directory pages set no cookies."""

import json
import urllib.parse
import urllib.request

import pytest

from tests.browser.checks import assert_public_pages_ok, page_basics_problems
from tests.browser.support import format_violations, run_axe, validate_html

pytestmark = pytest.mark.browser

MEMBER_EMAIL = "maria.holm@jamtbiogas.example"
MEMBER_PASSWORD = "browser-test-admin-pw"  # DJANGO_SUPERUSER_PASSWORD of the demo server


def organisation_id(demo_server, name="Jämtbiogas AB") -> int:
    query = urllib.parse.urlencode({"q": name})
    with urllib.request.urlopen(
        demo_server.url(f"/api/v1/directory/organisations/?{query}")
    ) as response:
        results = json.load(response)["results"]
    return next(item["id"] for item in results if item["name"] == name)


class Checker:
    """Like assert_public_pages_ok, for pages only a browser session reaches (after a form
    was sent, behind a login): axe on the page as shown, the Nu Html Checker on the HTML
    the server sent (scripts enhance the DOM afterwards), once for all pages."""

    def __init__(self, page, axe_source):
        self.page, self.axe_source = page, axe_source
        self.problems, self.documents = [], {}

    def check(self, name: str, response):
        violations = run_axe(self.page, self.axe_source)
        if violations:
            self.problems.append(format_violations(name, violations))
        html = response.text()
        self.problems.extend(page_basics_problems(name, html))
        self.documents[name] = html

    def visit(self, demo_server, path: str):
        response = self.page.goto(demo_server.url(path), wait_until="networkidle")
        self.check(path, response)

    def assert_ok(self, tmp_path):
        self.problems.extend(validate_html(self.documents, tmp_path))
        assert not self.problems, "\n".join(self.problems)


def submit(page):
    """Send the page's form; returns the response of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.locator("main form.form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    return navigation.value


def test_public_member_pages_pass_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    org = organisation_id(demo_server)
    paths = [
        "/ga-med/",
        "/ga-med/ansokan/",
        "/ga-med/ansokan/skickad/",
        "/ga-med/ansokan/bekrafta/ogiltig/",
        "/min-organisation/logga-in/",
        "/min-organisation/losenord/",
        "/min-organisation/losenord/skickat/",
        "/min-organisation/bekrafta/ogiltig/",
        "/min-organisation/inbjudan/ogiltig/",
        f"/kontakta/{org}/",
        f"/kontakta/{org}/skickat/",
    ]
    assert_public_pages_ok(page, demo_server, axe_source, tmp_path, paths)


def test_forms_with_errors_pass_accessibility_and_html_checks(
    page, demo_server, axe_source, tmp_path
):
    checker = Checker(page, axe_source)
    org = organisation_id(demo_server)

    page.goto(demo_server.url("/ga-med/ansokan/"))
    page.fill("#id_org_number", "800101-1234")
    page.fill("#id_contact_email", "inte-en-adress")
    response = submit(page)
    assert page.locator(".error-summary").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.locator("#id_org_number").get_attribute("aria-invalid") == "true"
    assert "id_org_number_error" in page.locator("#id_org_number").get_attribute("aria-describedby")
    assert page.input_value("#id_org_number") == "800101-1234", "values are kept"
    checker.check("/ga-med/ansokan/ (errors)", response)
    # The summary's link takes the keyboard to the field.
    page.locator(".error-summary a[href='#id_org_number']").click()
    assert page.evaluate("document.activeElement.id") == "id_org_number"

    page.goto(demo_server.url(f"/kontakta/{org}/"))
    page.fill("#id_sender_email", "nej")
    response = submit(page)
    assert page.locator(".error-summary").is_visible()
    checker.check(f"/kontakta/{org}/ (errors)", response)
    # Corrected and sent: the receipt shows what was sent.
    page.fill("#id_sender_name", "Lisa Strand")
    page.fill("#id_sender_organisation", "Frostviken Fastigheter AB")
    page.fill("#id_sender_email", "lisa@frostviken.example")
    page.fill("#id_message", "Hej! Vi vill köpa biogas till våra fordon.")
    response = submit(page)
    assert "Vi vill köpa biogas till våra fordon." in page.locator("main").inner_text()
    checker.check(f"/kontakta/{org}/skickat/… (kvitto)", response)

    page.goto(demo_server.url("/min-organisation/logga-in/"))
    page.fill("#id_email", MEMBER_EMAIL)
    page.fill("#id_password", "fel-lösenord")
    response = submit(page)
    assert "stämmer inte" in page.locator(".error-summary").inner_text()
    checker.check("/min-organisation/logga-in/ (errors)", response)
    checker.assert_ok(tmp_path)


def test_min_organisation_passes_accessibility_and_html_checks(
    browser, demo_server, axe_source, tmp_path
):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        org = organisation_id(demo_server)
        page.goto(demo_server.url("/min-organisation/logga-in/"))
        page.fill("#id_email", MEMBER_EMAIL)
        page.fill("#id_password", MEMBER_PASSWORD)
        submit(page)
        assert page.url.endswith(f"/min-organisation/{org}/"), page.url
        names = {cookie["name"] for cookie in context.cookies()}
        assert names == {"csrftoken", "sessionid"}, names
        checker = Checker(page, axe_source)
        for path in [
            f"/min-organisation/{org}/",
            f"/min-organisation/{org}/uppgifter/",
            f"/min-organisation/{org}/kontaktperson/",
            f"/min-organisation/{org}/mojligheter/",
            f"/min-organisation/{org}/mojligheter/ny/",
            f"/min-organisation/{org}/kollegor/",
            f"/min-organisation/{org}/personuppgifter/",
            f"/min-organisation/{org}/personuppgifter/borttagning/",
        ]:
            checker.visit(demo_server, path)
        page.goto(demo_server.url(f"/min-organisation/{org}/mojligheter/ny/"))
        page.fill("#id_title", "")
        response = submit(page)
        assert page.locator(".error-summary").is_visible()
        checker.check(f"/min-organisation/{org}/mojligheter/ny/ (errors)", response)
        page.goto(demo_server.url(f"/min-organisation/{org}/kontaktperson/"))
        page.fill("#id_email", "")
        checker.check(f"/min-organisation/{org}/kontaktperson/ (errors)", submit(page))
        page.goto(demo_server.url(f"/min-organisation/{org}/"))
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Uppgifterna stämmer").click()
        page.wait_for_load_state("networkidle")
        message = page.locator(".member-main [role=status]").inner_text()
        assert "Uppgifterna är bekräftade" in message
        checker.check(f"/min-organisation/{org}/ (message)", navigation.value)
        checker.assert_ok(tmp_path)
    finally:
        context.close()


def test_the_application_form_works_with_the_keyboard_alone(page, demo_server):
    """Tab from field to field, type, tick with the space bar, send with Enter."""
    page.goto(demo_server.url("/ga-med/ansokan/"))
    typed = {
        "name": "Tangentbordets Trähus AB",
        "short_description": "Vi bygger hus och fyller i formulär utan mus.",
        "description": "Ett stycke text.",
        "website": "https://www.tangentbord.example/",
        "contact_name": "Tora Tangent",
        "contact_role": "vd",
        "contact_email": "tora@tangentbord.example",
        "contact_phone": "070-000 00 00",
    }
    chosen = {"org_type": "Företag", "head_office": "Berg"}
    ticked = {"accept_letter", "consent_listing", "themes"}
    done = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        element = page.evaluate(
            """() => { const e = document.activeElement;
                return {tag: e.tagName, name: e.name || "", type: e.type || "",
                        text: (e.textContent || "").trim()}; }"""
        )
        name = element["name"]
        if element["tag"] == "BUTTON" and element["text"] == "Skicka ansökan":
            assert {"name", "org_type", "head_office", "accept_letter", "contact_email"} <= done
            page.keyboard.press("Enter")
            break
        if name in typed and name not in done:
            page.keyboard.type(typed[name])
        elif name in chosen and name not in done:
            page.keyboard.type(chosen[name])
        elif name in ticked and name not in done and element["type"] == "checkbox":
            page.keyboard.press("Space")
        else:
            continue
        done.add(name)
    else:
        pytest.fail(f"never reached the send button; filled {sorted(done)}")
    page.wait_for_url("**/ga-med/ansokan/skickad/")
    assert page.locator("h1").inner_text() == "Bekräfta din e-postadress"


def test_directory_pages_set_no_cookies_and_the_contact_form_only_csrf(browser, demo_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        org = organisation_id(demo_server)
        for path in ["/", "/ga-med/", "/samarbetspartner/", "/samarbetspartner/jamtbiogas-ab/"]:
            page.goto(demo_server.url(path))
            assert context.cookies() == [], f"{path} set {context.cookies()}"
        page.goto(demo_server.url("/samarbetspartner/jamtbiogas-ab/"))
        page.get_by_role("link", name="Kontakta Jämtbiogas AB").click()
        page.wait_for_url(f"**/kontakta/{org}/")
        assert [c["name"] for c in context.cookies()] == ["csrftoken"]
    finally:
        context.close()


def test_member_pages_reflow_on_a_small_phone(browser, demo_server):
    """WCAG 1.4.10: no sideways scrolling at 320 px, logged in or not."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    org = organisation_id(demo_server)

    def overflow(path):
        small.goto(demo_server.url(path))
        return small.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )

    try:
        for path in ["/ga-med/ansokan/", f"/kontakta/{org}/", "/min-organisation/logga-in/"]:
            assert overflow(path) <= 0, f"{path} scrolls sideways at 320 px"
        small.goto(demo_server.url("/min-organisation/logga-in/"))
        small.fill("#id_email", MEMBER_EMAIL)
        small.fill("#id_password", MEMBER_PASSWORD)
        submit(small)
        for section in ["", "uppgifter/", "kontaktperson/", "mojligheter/ny/", "personuppgifter/"]:
            path = f"/min-organisation/{org}/{section}"
            assert overflow(path) <= 0, f"{path} scrolls sideways at 320 px"
    finally:
        context.close()
