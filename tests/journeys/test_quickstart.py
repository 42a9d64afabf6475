"""The quick start runs the whole system, as a newcomer meets it.

`make run` (tests/journeys/quickstart.py) starts the web process, the task worker and the
periodic runner. An organisation applies through "Gå med", confirms its address from the
delivered mail, the secretariat approves in the admin, and the new member chooses a password
from the welcome mail and logs in. Then the secretariat publishes a news item and site search
finds it within 10 s, with nothing run by hand. Ctrl-C stops every process `make run`
started. Desktop size: the phone's views of these pages have journeys of their own.
"""

import re
import shutil
import time

import pytest

from directory.validators import luhn_check_digit
from tests.conftest import skip_unless
from tests.journeys.quickstart import PASSWORD, QuickStart, link_in, still_running

pytestmark = pytest.mark.browser

ORGANISATION = "Storsjöns Solel AB"
APPLICANT = "elsa@storsjons-solel.example"
MEMBER_PASSWORD = "Solcellsparken-vid-Storsjön-7"
NEWS_TITLE = "Solcellsparken vid Oviksfjällen får bygglov"


@pytest.fixture(scope="module")
def quickstart(tmp_path_factory):
    skip_unless("browser", shutil.which("make") is not None, "needs make")
    site = QuickStart(folder=tmp_path_factory.mktemp("quickstart"))
    site.start()
    yield site
    site.stop()


@pytest.fixture
def running(quickstart):
    """The quick start, started again (on its seeded database) if a test stopped it."""
    if not quickstart.running:
        quickstart.start()
    return quickstart


@pytest.fixture
def desktop(browser):
    contexts = []

    def new_page():
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield new_page
    for context in contexts:
        context.close()


def org_number(prefix="559012345") -> str:
    return f"{prefix[:6]}-{prefix[6:]}{luhn_check_digit(prefix)}"


def test_apply_confirm_approve_log_in_then_publish_and_find_it_in_search(
    running, desktop, axe_clean, admin_axe_clean
):
    applicant = desktop()

    # Gå med → the application form, filled in and sent.
    applicant.goto(running.url("/ga-med/"))
    axe_clean(applicant)
    applicant.get_by_role("link", name="Ansök om medlemskap").first.click()
    applicant.wait_for_url("**/ga-med/ansokan/")
    axe_clean(applicant)
    applicant.fill("#id_name", ORGANISATION)
    applicant.select_option("#id_org_type", label="Företag")
    applicant.fill("#id_org_number", org_number())
    applicant.fill("#id_short_description", "Vi bygger solcellsparker på gårdar runt Storsjön.")
    applicant.select_option("#id_head_office", label="Östersund")
    applicant.fill("#id_contact_name", "Elsa Solberg")
    applicant.fill("#id_contact_email", APPLICANT)
    applicant.check("#id_accept_letter")
    applicant.check("#id_consent_listing")
    applicant.get_by_role("button", name="Skicka ansökan").click()
    applicant.wait_for_url("**/ga-med/ansokan/skickad/")
    assert applicant.locator("h1").inner_text() == "Bekräfta din e-postadress"
    axe_clean(applicant)

    # The confirmation mail arrives (the task worker sent it) with its link.
    confirmation = running.wait_for_mail(APPLICANT, "Bekräfta din e-postadress")
    applicant.goto(link_in(confirmation, "/ga-med/ansokan/bekrafta/"))
    axe_clean(applicant)
    applicant.get_by_role("button", name="Bekräfta och skicka ansökan").click()
    applicant.get_by_role("heading", name="Tack, ansökan är skickad").wait_for()
    axe_clean(applicant)

    # The secretariat approves in the admin.
    staff = desktop()
    staff.goto(running.url("/admin/login/"))
    axe_clean(staff)
    staff.fill("#id_username", "sekretariat")
    staff.fill("#id_password", PASSWORD)
    staff.get_by_role("button", name="Logga in").click()
    staff.wait_for_url("**/admin/")
    axe_clean(staff)
    staff.locator("tr", has_text=ORGANISATION).get_by_role(
        "link", name="Granska och godkänn"
    ).click()
    staff.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    admin_axe_clean(staff)
    staff.get_by_role("button", name="Fler åtgärder").click()
    staff.get_by_role("button", name="Godkänn och Publicera", exact=True).click()
    staff.get_by_text(f"Sida '{ORGANISATION}' har blivit uppdaterad.").wait_for()
    admin_axe_clean(staff)

    # The new member chooses a password from the welcome mail, and logs in.
    welcome = running.wait_for_mail(APPLICANT, "Välkommen")
    applicant.goto(link_in(welcome, "/min-organisation/losenord/"))
    assert applicant.locator("h1").inner_text() == "Välj ditt lösenord"
    axe_clean(applicant)
    applicant.fill("#id_new_password1", MEMBER_PASSWORD)
    applicant.fill("#id_new_password2", MEMBER_PASSWORD)
    applicant.get_by_role("button", name="Spara lösenordet").click()
    applicant.get_by_role("button", name="Logga ut").click()
    applicant.goto(running.url("/min-organisation/logga-in/"))
    axe_clean(applicant)
    applicant.fill("#id_email", APPLICANT)
    applicant.fill("#id_password", MEMBER_PASSWORD)
    applicant.locator("main form button[type=submit]").click()
    applicant.wait_for_url(re.compile(r"/min-organisation/\d+/$"))
    assert applicant.locator("h1").inner_text() == ORGANISATION
    axe_clean(applicant)

    # The secretariat publishes a news item ...
    staff.goto(running.url("/admin/pages/"))
    staff.get_by_role(
        "link", name="Utforska undersidor till 'Miljö- och klimatrådet i Jämtlands län'"
    ).click()
    staff.get_by_role("link", name="Utforska undersidor till 'Nyheter'").click()
    admin_axe_clean(staff)
    staff.get_by_role("link", name="Lägg till undersida").first.click()
    staff.wait_for_url("**/admin/pages/add/news/newspage/**")
    staff.fill("#id_title", NEWS_TITLE)
    staff.fill("#id_lead", "Bygglovet ger plats för 12 000 solpaneler på sydsluttningen.")
    admin_axe_clean(staff)
    staff.get_by_role("button", name="Fler åtgärder").click()
    staff.get_by_role("button", name="Publicera", exact=True).click()
    staff.get_by_text(f"Sida '{NEWS_TITLE}' skapad och publicerad.").wait_for()
    published = time.monotonic()
    admin_axe_clean(staff)

    # ... and a visitor finds it in site search within 10 s, with nothing run by hand.
    visitor = desktop()
    while True:
        visitor.goto(running.url("/sok/?q=Oviksfjällen"))
        if visitor.get_by_role("link", name=NEWS_TITLE).count():
            break
        assert time.monotonic() - published < 10, "the news item is not in the search after 10 s"
        time.sleep(0.5)
    axe_clean(visitor)


def test_ctrl_c_stops_every_process_make_run_started(running):
    processes = running.processes()
    commands = "\n".join(cmdline for _start, cmdline in processes.values())
    for command in ("honcho", "runserver", "db_worker", "run_periodic"):
        assert command in commands, commands
    assert f"sparas som .eml-fil i {running.mail_dir}/" in running.output()

    running.interrupt()

    deadline = time.monotonic() + 10
    while still_running(processes) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not still_running(processes), running.output()[-3000:]
