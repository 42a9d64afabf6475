"""The whole path, as people live it: apply → confirm the e-mail address → the secretariat
approves in the admin → the listing is live → the member logs in and edits, the change goes
to review while the old version stays live → another visitor makes contact, and the mail
arrives with the right Reply-To and no address leaks into any page."""

import re

import pytest
from django.core import mail
from django.test import Client

from directory.models import OrganisationPage
from tests.members.helpers import application_data, last_mail_to, link_in

pytestmark = pytest.mark.django_db

APPLICANT = "oskar@hackas-trahus.example"
VISITOR = "lisa@frostviken.example"


def test_apply_confirm_approve_edit_and_be_contacted(join_page, directory_index, secretary):
    applicant, staff, visitor = Client(), Client(), Client()

    # 1. Apply.
    response = applicant.post("/ga-med/ansokan/", application_data(consent_name=None))
    assert response.status_code == 303

    # 2. Confirm the e-mail address through the link.
    link = link_in(last_mail_to(APPLICANT), r"https?://\S+/bekrafta/\S+")
    assert "Bekräfta och skicka ansökan" in applicant.get(link).content.decode()
    assert "Tack, ansökan är skickad" in applicant.post(link).content.decode()
    page = OrganisationPage.objects.get(title="Hackås Trähus AB")
    assert not page.live
    assert visitor.get("/samarbetspartner/hackas-trahus-ab/").status_code == 404

    # 3. The secretariat approves in the admin.
    staff.force_login(secretary)
    dashboard = staff.get("/admin/").content.decode()
    assert "Hackås Trähus AB" in dashboard
    task_state = OrganisationPage.objects.get(pk=page.pk).current_workflow_task_state
    staff.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {})

    # 4. The listing is live.
    html = visitor.get("/samarbetspartner/hackas-trahus-ab/").content.decode()
    assert "Hackås Trähus AB" in html and "Kontakta Hackås Trähus AB" in html
    assert "Oskar Lindqvist" not in html, "no consent to show the name"

    # 5. The member chooses a password from the welcome e-mail, logs in and edits.
    welcome = last_mail_to(APPLICANT)
    set_password = applicant.get(link_in(welcome, r"https?://\S+/losenord/\S+"), follow=True)
    applicant.post(
        set_password.redirect_chain[-1][0],
        {"new_password1": "Storsjöodjuret-1894", "new_password2": "Storsjöodjuret-1894"},
    )
    applicant.post("/min-organisation/logga-ut/")
    response = applicant.post(
        "/min-organisation/logga-in/", {"email": APPLICANT, "password": "Storsjöodjuret-1894"}
    )
    assert response.status_code == 303
    edit_url = f"/min-organisation/{page.pk}/uppgifter/"
    form_html = applicant.get(edit_url).content.decode()
    data = {}
    for name, value in re.findall(
        r'<input type="(?:text|url|email)" name="(\w+)" value="([^"]*)"', form_html
    ):
        data[name] = value.replace("&amp;", "&")
    data.update(application_data())
    data["short_description"] = "Vi bygger förskolor och småhus i massivträ från Berg."
    for key in ("contact_name", "contact_role", "contact_email", "contact_phone"):
        data.pop(key)
    response = applicant.post(edit_url, data)
    assert response.status_code == 303, response.content.decode()[:3000]
    live = visitor.get("/samarbetspartner/hackas-trahus-ab/").content.decode()
    assert "Vi bygger småhus i massivträ med lokalt virke." in live, "the old version stays live"
    assert "Vi bygger förskolor och småhus" not in live
    page = OrganisationPage.objects.get(pk=page.pk)
    assert page.live and page.workflow_in_progress

    # The secretariat approves the change: now it shows.
    task_state = page.current_workflow_task_state
    staff.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {})
    live = visitor.get("/samarbetspartner/hackas-trahus-ab/").content.decode()
    assert "Vi bygger förskolor och småhus i massivträ från Berg." in live

    # 6. Another visitor makes contact.
    mail.outbox.clear()
    visitor.get(f"/kontakta/{page.pk}/")
    response = visitor.post(
        f"/kontakta/{page.pk}/",
        {
            "sender_name": "Lisa Strand",
            "sender_organisation": "Frostviken Fastigheter AB",
            "sender_email": VISITOR,
            "message": "Hej! Kan ni bygga en förskola i trä åt oss i Gäddede?",
        },
    )
    assert response.status_code == 303
    delivered = last_mail_to(APPLICANT)
    assert delivered.reply_to == [f"Lisa Strand <{VISITOR}>"]
    assert "förskola i trä åt oss i Gäddede" in delivered.body
    assert not [m for m in mail.outbox if VISITOR in m.to], "a receipt page, no copy by mail"
    receipt = response["Location"]
    assert "förskola i trä åt oss i Gäddede" in visitor.get(receipt).content.decode()

    # 7. The contact person's address appears nowhere a visitor can look.
    for path in [
        "/samarbetspartner/hackas-trahus-ab/",
        f"/kontakta/{page.pk}/",
        f"/kontakta/{page.pk}/skickat/",
        receipt,
        "/samarbetspartner/",
        "/samarbetspartner/?q=massivträ",
        "/api/v1/directory/organisations/",
        "/sok/?q=Hackås",
        "/sitemap.xml",
    ]:
        body = visitor.get(path).content.decode()
        assert APPLICANT not in body and "oskar@" not in body, path
