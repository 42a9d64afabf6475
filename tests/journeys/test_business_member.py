"""A business beyond the directory search, and a member keeping its listing current.

First a business that needs help with its climate accounting: it searches the directory for
the competence, ticks the matching filter, opens an organisation, reads what it offers and
seeks and whom it matches, follows a match to another organisation and writes to it through
the contact form; the receipt shows what was sent, the mail is queued to the organisation's
contact person, and Back returns through every page to the search as it was.

Then a member: the contact person of a listed organisation logs in to Min organisation,
changes the short description and adds an offer, and sends them for review. Min
organisation says the change waits for the secretariat and the public page keeps the old
text until Sekretariat approves the review in the admin (Wagtail's workflow); then the
public page shows the new text and offer.

At desktop and phone size, with axe on every page. The two runs share one demo site, so the
member journey uses a different organisation per screen size, and none that other journeys
depend on.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.journeys.test_partner_directory import open_facet, restored, settled

pytestmark = pytest.mark.browser

# The business's search: a competence it needs, and the organisation it opens from the hits.
NEED = "klimatredovisning"
FOUND = "Hållbarhetsbyrån Östersund AB"
# A match on that organisation's page, and the reason the page gives for it.
MATCH = "Företagarföreningen Gröna Jämtland"
MATCH_REASON = "Söker klimatredovisning, som ni erbjuder"

# The member journey's organisation per screen size: listed, with a contact person, and
# used by no other test. The offer it adds is one it does not have yet.
MEMBERS = {
    "desktop": ("delningscentralen-ostersund", "Delningscentralen Östersund"),
    "phone": ("naturbyran-jamtland-ab", "Naturbyrån Jämtland AB"),
}
NEW_SHORT_DESCRIPTION = {
    "desktop": "Verktygsbibliotek, lagningskaféer och nu också elcyklar att låna i Östersund.",
    "phone": "Inventerar natur och planerar våtmarker och blomsterängar åt kommuner och företag.",
}
NEW_OFFER = "mobilitetstjänster"

# Makes (or finds) the member account of the organisation's contact person, with the demo
# site's common password, as seed_demo does for Jämtbiogas AB's.
MEMBER_ACCOUNT = """
import json, os
from directory.models import ContactPerson, OrganisationPage
from members.accounts import add_member
from members.models import MembershipRole
page = OrganisationPage.objects.get(slug={slug!r})
contact = ContactPerson.objects.get(organisation=page)
user, _ = add_member(page, contact.email, contact.name, role=MembershipRole.CONTACT)
user.set_password(os.environ["DJANGO_SUPERUSER_PASSWORD"])
user.save(update_fields=["password"])
offers = [tag.name for tag in page.offers.all()]
print(json.dumps({{"email": user.email, "short": page.short_description, "offers": offers}}))
"""

QUEUED_MAIL = """
import json
from directory.models import ContactPerson
from mail.models import OutgoingEmail
mail = OutgoingEmail.objects.filter(reply_to__contains={sender!r}).latest("pk")
contact = ContactPerson.objects.get(organisation__title={organisation!r})
print(json.dumps({{"to": mail.to, "contact": contact.email, "subject": mail.subject,
                  "body": mail.body_text}}))
"""


def shell_json(demo_server, code: str) -> dict:
    """Run `code` in the demo site's shell; the last line it prints, as JSON."""
    return json.loads(demo_server.manage("shell", "-c", code).strip().splitlines()[-1])


def public_page(page):
    """What a visitor reads at the top of an organisation's page, and what it offers."""
    return {
        "short": page.locator("main .org-header .lead").inner_text().strip(),
        "offers": page.locator("main .tag--offer").evaluate_all(
            "(tags) => tags.map((tag) => tag.firstChild.textContent.trim())"
        ),
    }


def test_a_business_searches_a_competence_follows_a_match_and_writes_to_it(
    page, demo_server, axe_clean, screen
):
    sender = f"{screen}.journey@fjallhotellet.example"
    message = f"Hej! Vi på Fjällhotellet vill göra vår första klimatredovisning ({screen})."

    # The directory, then the competence typed into the search box.
    page.goto(demo_server.url("/samarbetspartner/"))
    axe_clean(page)
    form = page.locator("[data-search-form]")
    form.get_by_label("Sök organisationer").fill(NEED)
    form.get_by_label("Sök organisationer").press("Enter")
    typed = settled(page, {"q": [NEED]})
    assert FOUND in typed["cards"]
    axe_clean(page)

    # Only those that offer it.
    open_facet(page, "offers")
    page.locator("details[data-facet='offers']").get_by_label(NEED).check()
    search = settled(page, {"q": [NEED], "offers": [NEED]})
    assert FOUND in search["cards"] and len(search["cards"]) < len(typed["cards"])
    axe_clean(page)

    # The organisation: what it offers and seeks, and whom it could work with.
    page.locator(".directory-results").get_by_role("link", name=FOUND).click()
    page.wait_for_url("**/samarbetspartner/hallbarhetsbyran-ostersund-ab/")
    expect(page.locator("h1")).to_have_text(FOUND)
    offers_and_seeks = page.locator("section", has=page.locator("#org-offers-seeks"))
    expect(offers_and_seeks.locator(".tag--offer", has_text=NEED)).to_be_visible()
    expect(offers_and_seeks.locator(".tag--seek", has_text="digitalisering")).to_be_visible()
    matches = page.locator("section", has=page.get_by_role("heading", name="Kan vara intressanta"))
    card = matches.locator(".match-card", has=page.get_by_role("link", name=MATCH))
    expect(card.locator(".match-card__reasons")).to_contain_text(MATCH_REASON)
    axe_clean(page)

    # The match's own page, and its contact form.
    card.get_by_role("link", name=MATCH).click()
    page.wait_for_url("**/samarbetspartner/foretagarforeningen-grona-jamtland/")
    expect(page.locator("h1")).to_have_text(MATCH)
    axe_clean(page)
    page.get_by_role("link", name=f"Kontakta {MATCH}").click()
    page.wait_for_url(re.compile(r"/kontakta/\d+/$"))
    expect(page.locator("h1")).to_have_text(f"Kontakta {MATCH}")
    axe_clean(page)
    page.get_by_label("Ditt namn").fill("Sofia Fjällström")
    page.get_by_label("Din organisation").fill("Fjällhotellet i Storlien AB")
    page.get_by_label("Din e-postadress").fill(sender)
    page.get_by_label("Meddelande").fill(message)
    page.get_by_role("button", name="Skicka meddelandet").click()

    # The receipt shows what was sent, and to whom.
    page.wait_for_url("**/skickat/*/")
    expect(page.locator("h1")).to_have_text("Meddelandet är skickat")
    receipt = page.locator("main").inner_text()
    assert f"Ditt meddelande är på väg till {MATCH}" in receipt
    for sent in ("Sofia Fjällström, Fjällhotellet i Storlien AB", sender, message):
        assert sent in receipt, sent
    axe_clean(page)

    # The mail to the organisation's contact person is queued, answers going to the sender.
    queued = shell_json(demo_server, QUEUED_MAIL.format(sender=sender, organisation=MATCH))
    assert queued["to"] == queued["contact"]
    assert "Fjällhotellet i Storlien AB" in queued["subject"], queued["subject"]
    assert message in queued["body"]

    # Back: the form, the match, the organisation, and the search as it was left.
    page.go_back()
    page.wait_for_url(re.compile(r"/kontakta/\d+/$"))
    page.go_back()
    page.wait_for_url("**/samarbetspartner/foretagarforeningen-grona-jamtland/")
    page.go_back()
    page.wait_for_url("**/samarbetspartner/hallbarhetsbyran-ostersund-ab/")
    page.go_back()
    restored(page, search)
    axe_clean(page)


def test_a_member_edits_its_listing_and_the_change_shows_once_the_secretariat_approves(
    page, new_page, demo_server, axe_clean, admin_axe_clean, screen
):
    slug, name = MEMBERS[screen]
    password = demo_server.env["DJANGO_SUPERUSER_PASSWORD"]
    account = shell_json(demo_server, MEMBER_ACCOUNT.format(slug=slug))
    new_short = NEW_SHORT_DESCRIPTION[screen]
    assert account["short"] != new_short and NEW_OFFER not in account["offers"]

    # The member logs in and lands on its organisation in Min organisation.
    page.goto(demo_server.url("/min-organisation/logga-in/"))
    axe_clean(page)
    page.get_by_label("E-postadress").fill(account["email"])
    page.get_by_label("Lösenord").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/min-organisation/\d+/$"))
    expect(page.locator("main h1")).to_have_text(name)
    axe_clean(page)

    # Changes the short description, adds an offer and sends them for review.
    page.get_by_role("link", name="Ändra uppgifterna").click()
    page.wait_for_url("**/uppgifter/")
    axe_clean(page)
    short = page.get_by_label("Kort beskrivning")
    expect(short).to_have_value(account["short"])
    short.fill(new_short)
    offers = page.get_by_role("group", name="Vad organisationen erbjuder")
    if offers.locator("details").get_attribute("open") is None:
        offers.locator("summary").click()
    offers.get_by_label(NEW_OFFER, exact=True).check()
    page.get_by_role("button", name="Skicka för granskning").click()
    page.wait_for_url(re.compile(r"/min-organisation/\d+/$"))
    status = page.locator("main").inner_text()
    assert "skickade till sekretariatet för granskning" in status
    assert "Ni har ändringar som väntar på sekretariatets granskning." in status
    axe_clean(page)

    # The public page still shows the listing as it was.
    page.get_by_role("link", name="Se sidan som besökare ser den").click()
    page.wait_for_url(f"**/samarbetspartner/{slug}/")
    before = public_page(page)
    assert before["short"] == account["short"]
    assert sorted(before["offers"]) == sorted(account["offers"])
    axe_clean(page)

    # Sekretariat opens the review from the dashboard and approves it.
    staff = new_page()
    staff.goto(demo_server.url("/admin/login/"))
    staff.get_by_label("Användarnamn").fill("sekretariat")
    staff.get_by_label("Lösenord").fill(password)
    staff.get_by_role("button", name="Logga in").click()
    staff.wait_for_url("**/admin/")
    review = staff.locator(
        "section", has=staff.get_by_role("heading", name="Inväntar din granskning")
    )
    review.locator("tr", has_text=name).get_by_role("link", name=name).click()
    staff.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(staff.locator("#id_short_description")).to_have_value(new_short)
    admin_axe_clean(staff)
    staff.get_by_role("button", name="Fler åtgärder").click()
    staff.get_by_role("button", name="Godkänn och Publicera", exact=True).click()
    staff.get_by_text(f"Sida '{name}' har blivit uppdaterad.").wait_for()
    admin_axe_clean(staff)

    # Now the public page shows the new text and offer, and nothing waits for review.
    page.reload()
    after = public_page(page)
    assert after["short"] == new_short
    assert sorted(after["offers"]) == sorted([*account["offers"], NEW_OFFER])
    axe_clean(page)
    page.go_back()
    page.reload()
    expect(page.locator("main h1")).to_have_text(name)
    assert "väntar på sekretariatets granskning" not in page.locator("main").inner_text()
    axe_clean(page)
