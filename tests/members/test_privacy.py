"""Personal data: consent given and withdrawn, the export, removal requests, anonymising,
and what is deleted by itself."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from directory.models import ContactPerson, OrganisationPage
from mail.models import OutgoingEmail
from members import applications
from members.models import (
    ApplicationStatus,
    ConsentKind,
    ConsentRecord,
    ContactMessage,
    Membership,
    MembershipApplication,
    RemovalRequest,
)
from tests.members.helpers import application_data, apply_and_approve, last_mail_to

pytestmark = pytest.mark.django_db


def consent(client, org, kind, action):
    return client.post(
        f"/min-organisation/{org.pk}/personuppgifter/samtycke/", {"kind": kind, "action": action}
    )


class TestConsents:
    def test_the_name_is_shown_and_hidden_with_one_click_each(self, member_client, org, member):
        page = member_client.get(f"/min-organisation/{org.pk}/personuppgifter/").content.decode()
        assert "Inget samtycke: namnet visas inte." in page
        consent(member_client, org, ConsentKind.PUBLISH_NAME, "ge")
        assert "Maria Holm" in member_client.get(org.url).content.decode()
        consent(member_client, org, ConsentKind.PUBLISH_NAME, "ta-tillbaka")
        assert "Maria Holm" not in member_client.get(org.url).content.decode()
        records = list(
            ConsentRecord.objects.filter(kind=ConsentKind.PUBLISH_NAME).order_by("created_at", "pk")
        )
        assert [r.given for r in records] == [True, False]
        assert records[1].text == records[0].text, "a withdrawal refers to what was agreed to"
        assert all(r.recorded_by == member for r in records)

    def test_withdrawing_the_listing_consent_delists_and_giving_it_goes_to_review(
        self, member_client, org, settings
    ):
        consent(member_client, org, ConsentKind.PUBLISH_LISTING, "ta-tillbaka")
        page = OrganisationPage.objects.get(pk=org.pk)
        assert not page.live and page.delisted_at is not None
        assert "tagit tillbaka" in page.delisted_reason
        assert "Vill inte längre synas" in last_mail_to(settings.SECRETARIAT_EMAIL).subject
        overview = member_client.get(f"/min-organisation/{org.pk}/personuppgifter/")
        assert "Inget samtycke: organisationen visas inte." in overview.content.decode()
        consent(member_client, org, ConsentKind.PUBLISH_LISTING, "ge")
        page = OrganisationPage.objects.get(pk=org.pk)
        assert not page.live, "the secretariat relists it after review"
        assert page.workflow_in_progress
        kinds = ConsentRecord.objects.filter(kind=ConsentKind.PUBLISH_LISTING).order_by("pk")
        assert [r.given for r in kinds] == [False, True]

    def test_unknown_consent_kinds_are_404(self, member_client, org):
        assert consent(member_client, org, "allt", "ge").status_code == 404


class TestExport:
    def test_members_download_everything_held_about_them(self, member_client, org, member):
        ContactMessage.objects.create(
            organisation=org,
            sender_name="Lisa",
            sender_organisation="Frostviken AB",
            sender_email="lisa@example.se",
            message="Hej på er!",
        )
        consent(member_client, org, ConsentKind.PUBLISH_NAME, "ge")
        response = member_client.get(f"/min-organisation/{org.pk}/personuppgifter/data.json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert "attachment" in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        data = json.loads(response.content)
        assert data["organisation"]["namn"] == "Jämtbiogas AB"
        assert data["kontaktperson"]["e_post"] == "maria@jamtbiogas.example"
        assert data["konton"][0]["e_post"] == member.email
        assert data["samtycken"][0]["givet"] is True
        assert "visas" in data["samtycken"][0]["text"]
        assert data["meddelanden_via_kontaktformularet"][0]["meddelande"] == "Hej på er!"
        for key in (
            "ansokningar",
            "paminnelser",
            "e_post_fran_webbplatsen",
            "samarbetsmojligheter",
        ):
            assert key in data


class TestRemovalRequest:
    def test_a_request_reaches_the_secretariat(self, member_client, org, member, settings):
        url = f"/min-organisation/{org.pk}/personuppgifter/borttagning/"
        assert "allmänna handlingar" in member_client.get(url).content.decode().lower()
        response = member_client.post(url, {"scope": "allt", "message": "Vi lägger ned."})
        assert response.status_code == 303
        removal = RemovalRequest.objects.get()
        assert removal.organisation_name == "Jämtbiogas AB" and removal.requested_by == member
        to_secretariat = last_mail_to(settings.SECRETARIAT_EMAIL)
        assert "Begäran om borttagning: Jämtbiogas AB" in to_secretariat.subject
        assert "allmänna handlingar" in last_mail_to(member.email).body

    def test_the_secretariat_marks_it_handled_in_the_admin(self, member_client, org, secretary):
        member_client.post(
            f"/min-organisation/{org.pk}/personuppgifter/borttagning/", {"scope": "kontaktperson"}
        )
        removal = RemovalRequest.objects.get()
        staff = Client()
        staff.force_login(secretary)
        assert staff.get("/admin/snippets/members/removalrequest/").status_code == 200
        edit = f"/admin/snippets/members/removalrequest/edit/{removal.pk}/"
        assert "Uppgifterna om kontaktpersonen" in staff.get(edit).content.decode()


class TestAnonymise:
    def test_one_admin_action_erases_the_person_everywhere(
        self, client, join_page, directory_index, secretary
    ):
        page = apply_and_approve(client, secretary)
        application = MembershipApplication.objects.get()
        staff = Client()
        staff.force_login(secretary)
        email = "oskar@hackas-trahus.example"
        assert OutgoingEmail.objects.filter(to=email).exists()
        contact = ContactPerson.objects.get(organisation=page)
        listing = staff.get("/admin/snippets/directory/contactperson/").content.decode()
        assert f"/admin/medlemmar/kontaktpersoner/{contact.pk}/anonymisera/" in listing
        url = f"/admin/medlemmar/kontaktpersoner/{contact.pk}/anonymisera/"
        assert "Det går inte att ångra" in staff.get(url).content.decode()
        staff.post(url)
        contact.refresh_from_db()
        assert contact.name == "Borttagen kontaktperson" and contact.email.endswith(".invalid")
        assert not contact.publish_name and contact.phone == ""
        application.refresh_from_db()
        assert "Oskar" not in application.contact_name and email != application.contact_email
        assert not ConsentRecord.objects.filter(person_email=email).exists()
        assert not ConsentRecord.objects.filter(person_name__contains="Oskar").exists()
        assert not OutgoingEmail.objects.filter(to=email).exists()
        assert not get_user_model().objects.filter(email=email).exists()
        assert not Membership.objects.filter(organisation=page).exists()
        assert "Oskar" not in client.get(page.url).content.decode()
        assert client.get(f"/kontakta/{page.pk}/").status_code == 404

    def test_editors_cannot_anonymise(self, client, org, editor):
        contact = ContactPerson.objects.get(organisation=org)
        client.force_login(editor)
        response = client.post(f"/admin/medlemmar/kontaktpersoner/{contact.pk}/anonymisera/")
        assert response.status_code in {302, 403}
        contact.refresh_from_db()
        assert contact.name == "Maria Holm"


class TestRetention:
    def test_messages_are_deleted_after_90_days_by_the_periodic_command(self, org, settings):
        old = ContactMessage.objects.create(
            organisation=org, sender_name="A", sender_organisation="B",
            sender_email="a@example.se", message="Gammalt meddelande.",
        )  # fmt: skip
        recent = ContactMessage.objects.create(
            organisation=org, sender_name="A", sender_organisation="B",
            sender_email="a@example.se", message="Nytt meddelande.",
        )  # fmt: skip
        now = timezone.now()
        ContactMessage.objects.filter(pk=old.pk).update(
            created_at=now - datetime.timedelta(days=91)
        )
        ContactMessage.objects.filter(pk=recent.pk).update(
            created_at=now - datetime.timedelta(days=89)
        )
        assert "purge_personal_data" in [c for c, _ in settings.PERIODIC_COMMANDS]
        call_command("run_periodic", "--once")
        assert list(ContactMessage.objects.values_list("pk", flat=True)) == [recent.pk]
        call_command("purge_personal_data")
        assert ContactMessage.objects.count() == 1

    def test_unconfirmed_applications_and_old_mail_go_too(self, client, join_page, directory_index):
        client.post("/ga-med/ansokan/", application_data())
        application = MembershipApplication.objects.get()
        long_ago = timezone.now() - datetime.timedelta(days=31)
        MembershipApplication.objects.update(created_at=long_ago)
        OutgoingEmail.objects.update(created_at=long_ago)
        call_command("purge_personal_data")
        assert not MembershipApplication.objects.filter(pk=application.pk).exists()
        assert not ConsentRecord.objects.exists()
        assert not OutgoingEmail.objects.exists()

    def test_confirmed_applications_are_kept_as_records(self, client, join_page, directory_index):
        client.post("/ga-med/ansokan/", application_data())
        application = MembershipApplication.objects.get()
        applications.confirm(applications.confirmation_token(application))
        MembershipApplication.objects.update(
            created_at=timezone.now() - datetime.timedelta(days=400)
        )
        call_command("purge_personal_data")
        assert MembershipApplication.objects.get().status == ApplicationStatus.SUBMITTED
        assert mail.outbox
