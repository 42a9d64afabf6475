"""Staff sign in to the admin in two steps, in the real browser.

A second server runs the seeded demo database with STAFF_2FA_REQUIRED=1, as production
does, on http://localhost:<port>: WebAuthn refuses IP-address hosts such as 127.0.0.1,
and the passkey's relying party follows SITE_URL (staff_auth/conf.py).

- A new staff member sets up an app right after the password (reading the key off the
  page, as someone without a camera would), saves the backup codes and lands where they
  were going; afterwards the password alone opens no admin URL, a code from the app does,
  and a backup code works once.
- Five wrong codes lock code entry for at least 15 minutes, with a message saying so.
- A passkey is registered and used to sign in, with Chromium's virtual authenticator.
- The secretariat resets a colleague who lost their phone; the colleague cannot enrol with
  the password alone, opens the mailed link and enrols again.

axe runs on every step page (the whole document: they are the project's own) and on the
project's part of the secretariat's admin pages. No page may break the Content-Security-
Policy (Chromium reports that on the console).
"""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP

from tests.browser.support import format_violations, run_axe
from tests.core.live import free_port, gunicorn

pytestmark = pytest.mark.browser

PASSWORD = "Fjällbjörk-2030!"
VERIFY = re.compile(r"/admin/tvastegsverifiering/verifiera/")
SETUP = re.compile(r"/admin/tvastegsverifiering/aktivera/")
BACKUP_CODES = re.compile(r"/admin/tvastegsverifiering/reservkoder/")
LOCKED = "För många felaktiga koder"
KNOWN_KEY = "3132333435363738393031323334353637383930"  # hex, as django-otp stores it


class TwoFactorSite:
    def __init__(self, base_url: str, demo):
        self.base_url = base_url
        self.demo = demo

    def url(self, path: str) -> str:
        return self.base_url + path

    def django(self, code: str) -> str:
        """Run Python with Django set up against the demo database; returns the last line."""
        lines = self.demo.manage("shell", "-c", code).strip().splitlines()
        return lines[-1] if lines else ""

    def make_staff(self, username: str, group: str = "Redaktör", app_key: str = "") -> None:
        code = (
            "from django.contrib.auth.models import Group, User\n"
            f"u, _ = User.objects.get_or_create(username={username!r}, defaults=dict("
            f"email='{username}@klimatradet.example', first_name={username.title()!r}))\n"
            f"u.set_password({PASSWORD!r}); u.save()\n"
            f"u.groups.add(Group.objects.get(name={group!r}))\n"
        )
        if app_key:
            code += (
                "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
                f"TOTPDevice.objects.create(user=u, name='Autentiseringsapp', key={app_key!r})\n"
            )
        self.django(code)

    def home_edit_path(self) -> str:
        pk = self.django("from wagtail.models import Page; print(Page.objects.get(depth=2).pk)")
        return f"/admin/pages/{pk}/edit/"

    def let_time_pass(self, username: str, minutes: float) -> None:
        """As if `minutes` had passed since the person's last wrong code."""
        self.django(
            "import datetime\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "from django_otp.plugins.otp_static.models import StaticDevice\n"
            "for model in (TOTPDevice, StaticDevice):\n"
            f"    for d in model.objects.filter(user__username={username!r},"
            " throttling_failure_timestamp__isnull=False):\n"
            f"        d.throttling_failure_timestamp -= datetime.timedelta(minutes={minutes})\n"
            "        d.save()\n"
        )


@pytest.fixture(scope="module")
def site(demo_server, tmp_path_factory):
    port = free_port()
    base_url = f"http://localhost:{port}"
    env = {**demo_server.env, "STAFF_2FA_REQUIRED": "1", "SITE_URL": base_url}
    log_path = tmp_path_factory.mktemp("two-factor") / "gunicorn.log"
    with gunicorn(env, log_path, workers=2, port=port):
        yield TwoFactorSite(base_url, demo_server)


@pytest.fixture
def csp_errors(page):
    """Messages of Content-Security-Policy violations on the console, as they happen."""
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return errors


def app_code(hex_key: str = "", *, base32_key: str = "", steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or `steps_ahead` periods of 30 s later)."""
    if base32_key:
        key = base32_key.replace(" ", "")
        secret = base64.b32decode(key + "=" * (-len(key) % 8))
    else:
        secret = bytes.fromhex(hex_key)
    totp = TOTP(secret)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def log_in(page, site, username: str, path: str = "/admin/") -> None:
    page.goto(site.url(path))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def enter_code(page, code: str) -> None:
    page.get_by_role("textbox", name=re.compile(r"^Kod\b")).fill(code)
    page.get_by_role("button", name="Logga in med koden").click()


def sign_out(page) -> None:
    page.context.clear_cookies()


def axe_part(page, axe_source, selector: str) -> None:
    violations = run_axe(page, axe_source, context=selector)
    assert not violations, format_violations(page.url, violations)


def test_staff_member_sets_up_an_app_and_then_signs_in_with_codes(
    page, site, screen, axe_clean, csp_errors
):
    username = f"app-{screen}"
    site.make_staff(username)
    edit_path = site.home_edit_path()

    # Right after the password: the setup page, not the page editor.
    log_in(page, site, username, edit_path)
    page.wait_for_url(SETUP)
    page.get_by_role("heading", name="Aktivera tvåstegsverifiering").wait_for()
    assert page.get_by_role("img", name="QR-kod att skanna med appen").is_visible()
    axe_clean(page)

    key = page.locator("#app-key").inner_text()
    page.get_by_label("Sexsiffrig kod från appen").fill(app_code(base32_key=key))
    page.get_by_role("button", name="Bekräfta").click()

    page.wait_for_url(BACKUP_CODES)
    page.get_by_role("heading", name="Spara dina reservkoder").wait_for()
    codes = page.locator(".staff-auth__codes code").all_inner_texts()
    assert len(codes) == 10
    axe_clean(page)
    page.get_by_role("link", name="Jag har sparat koderna, fortsätt").click()
    page.wait_for_url(f"**{edit_path}")

    # Next time: the password alone opens no admin URL.
    sign_out(page)
    log_in(page, site, username)
    page.wait_for_url(VERIFY)
    page.get_by_role("heading", name="Bekräfta att det är du").wait_for()
    axe_clean(page)
    for path in ("/admin/", edit_path, "/admin/api/main/pages/?child_of=root"):
        page.goto(site.url(path))
        assert VERIFY.search(page.url), path
        assert '"items"' not in page.content()

    # A code from the app (the next one: a code works once) opens the page asked for.
    enter_code(page, app_code(base32_key=key, steps_ahead=1))
    page.wait_for_url("**/admin/api/main/pages/?child_of=root")
    assert '"items"' in page.content()

    # A backup code works once.
    for attempt in ("first", "second"):
        sign_out(page)
        log_in(page, site, username)
        page.wait_for_url(VERIFY)
        enter_code(page, codes[0])
        if attempt == "first":
            page.wait_for_url(re.compile(r"/admin/$"))
            page.get_by_text("Du loggade in med en reservkod").wait_for()
        else:
            page.get_by_text("Koden stämmer inte").wait_for()
            assert VERIFY.search(page.url)
            axe_clean(page)
    assert not csp_errors


def test_five_wrong_codes_lock_code_entry_for_fifteen_minutes(browser, site, axe_source):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    site.make_staff("gissare", app_key=KNOWN_KEY)
    log_in(page, site, "gissare")
    page.wait_for_url(VERIFY)

    for attempt in range(5):
        wrong = f"{(int(app_code(KNOWN_KEY)) + 1 + attempt) % 1_000_000:06d}"
        enter_code(page, wrong)
        page.locator(".error-message, .w-field__errors").first.wait_for()
        # After a wrong code, django-otp wants 1, 2, 4, 8 seconds: the person waits.
        time.sleep(2**attempt + 0.5)
    message = page.get_by_text(LOCKED)
    message.wait_for()
    assert "15 minuter" in message.inner_text()
    assert re.search(r"till kl\. \d\d:\d\d", message.inner_text()), "when it opens again"
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(page.url, violations)

    # Even the right code is refused; the page says why when it is opened again.
    enter_code(page, app_code(KNOWN_KEY))
    page.get_by_text(LOCKED).wait_for()
    page.goto(site.url("/admin/"))
    page.get_by_text(LOCKED).wait_for()

    site.let_time_pass("gissare", 14)
    enter_code(page, app_code(KNOWN_KEY, steps_ahead=1))
    page.get_by_text(LOCKED).wait_for()
    assert VERIFY.search(page.url), "still locked after 14 minutes"

    site.let_time_pass("gissare", 1.5)
    enter_code(page, app_code(KNOWN_KEY, steps_ahead=1))
    page.wait_for_url(re.compile(r"/admin/$"))
    context.close()


def test_passkey_registration_and_sign_in(browser, site, axe_source):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security" in m.text else None)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    site.make_staff("nyckel")
    edit_path = site.home_edit_path()

    log_in(page, site, "nyckel", edit_path)
    page.wait_for_url(SETUP)
    page.get_by_role("button", name="Registrera en nyckel").click()
    page.wait_for_url(BACKUP_CODES)
    page.get_by_role("link", name="Jag har sparat koderna, fortsätt").click()
    page.wait_for_url(f"**{edit_path}")
    assert (
        site.django(
            "from django_otp_webauthn.models import WebAuthnCredential;"
            " print(WebAuthnCredential.objects.filter(user__username='nyckel').count())"
        )
        == "1"
    )

    sign_out(page)
    log_in(page, site, "nyckel", edit_path)
    page.wait_for_url(VERIFY)
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(page.url, violations)
    page.get_by_role("button", name="Logga in med din nyckel").click()
    page.wait_for_url(f"**{edit_path}")
    page.goto(site.url("/admin/"))
    assert page.url.endswith("/admin/")
    assert not errors
    context.close()


def test_secretariat_resets_a_lost_phone_and_the_mailed_link_lets_them_enrol(
    browser, site, axe_source
):
    site.make_staff("sekr-2fa", group="Sekretariat", app_key=KNOWN_KEY)
    site.make_staff("tappad", app_key=KNOWN_KEY)

    secretary = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = secretary.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site, "sekr-2fa", "/admin/tvastegsverifiering/personal/")
    page.wait_for_url(VERIFY)
    enter_code(page, app_code(KNOWN_KEY))
    page.wait_for_url("**/admin/tvastegsverifiering/personal/")
    axe_part(page, axe_source, ".nice-padding")
    row = page.get_by_role("row").filter(has_text="tappad")
    row.get_by_role("link", name="Återställ").click()
    page.get_by_role("button", name="Återställ och skicka länken").wait_for()
    axe_part(page, axe_source, ".nice-padding")
    page.get_by_role("button", name="Återställ och skicka länken").click()
    page.get_by_text("är återställd").wait_for()
    secretary.close()

    link = site.django(
        "import re; from mail.models import OutgoingEmail;"
        " m = OutgoingEmail.objects.filter(to='tappad@klimatradet.example').latest('pk');"
        " print(re.search(r'http://\\S+/lank/\\S+/', m.body_text).group(0))"
    )
    assert link.startswith(site.base_url)

    person = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 844})
    page = person.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site, "tappad")
    page.wait_for_url(SETUP)
    page.get_by_role("heading", name="Öppna länken i e-postmeddelandet").wait_for()
    assert page.locator("#app-key").count() == 0, "no new device with the password alone"
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(page.url, violations)

    page.goto(link)
    page.wait_for_url(SETUP)
    key = page.locator("#app-key").inner_text()
    page.get_by_label("Sexsiffrig kod från appen").fill(app_code(base32_key=key))
    page.get_by_role("button", name="Bekräfta").click()
    page.wait_for_url(BACKUP_CODES)
    page.get_by_role("link", name="Jag har sparat koderna, fortsätt").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(link)
    page.get_by_text("Länken har redan använts").wait_for()
    person.close()
