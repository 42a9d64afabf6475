"""The secretariat decides in the Wagtail admin; members.signals does what follows."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import WorkflowState

from directory.models import OrganisationPage
from members import applications
from members.models import ApplicationStatus, Membership, MembershipApplication
from tests.members.helpers import application_data, last_mail_to, link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client, join_page, directory_index):
    """An application whose e-mail address is confirmed: a draft listing in review."""

    def make(**overrides):
        client.post("/ga-med/ansokan/", application_data(**overrides))
        application = MembershipApplication.objects.order_by("-pk").first()
        applications.confirm(applications.confirmation_token(application))
        application.refresh_from_db()
        mail.outbox.clear()
        return application

    return make


def workflow_action(client, page, action, comment=""):
    task_state = OrganisationPage.objects.get(pk=page.pk).current_workflow_task_state
    assert task_state is not None, "the page is waiting for review"
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


class TestApproval:
    def test_approval_publishes_creates_the_account_and_sends_the_welcome(
        self, client, applied, secretary
    ):
        application = applied()
        page = application.organisation
        client.force_login(secretary)
        response = workflow_action(client, page, "approve")
        assert response.status_code in {200, 302}
        page.refresh_from_db()
        assert page.live and page.is_listed
        application.refresh_from_db()
        assert application.status == ApplicationStatus.APPROVED
        assert application.decided_by == secretary
        user = get_user_model().objects.get(email="oskar@hackas-trahus.example")
        assert not user.has_usable_password()
        assert not user.is_staff and not user.groups.exists()
        assert Membership.objects.get(user=user).organisation_id == page.pk
        welcome = last_mail_to("oskar@hackas-trahus.example")
        assert "Välkommen till Miljö- och klimatrådet" in welcome.subject
        assert page.url in welcome.body
        # The link lets them choose a password and logs them in.
        client.logout()
        path = link_in(welcome, r"https?://\S+/min-organisation/losenord/\S+")
        response = client.get(path, follow=True)
        assert "Välj ditt lösenord" in response.content.decode()
        form_url = response.redirect_chain[-1][0]
        response = client.post(
            form_url,
            {"new_password1": "Storsjöodjuret-1894", "new_password2": "Storsjöodjuret-1894"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/min-organisation/"
        overview = client.get("/min-organisation/", follow=True).content.decode()
        assert "Hackås Trähus AB" in overview
        # The link works once.
        assert "Länken går inte att använda" in client.get(path, follow=True).content.decode()

    def test_members_get_no_wagtail_notifications_and_no_admin(self, client, applied, secretary):
        application = applied()
        client.force_login(secretary)
        workflow_action(client, application.organisation, "approve")
        user = get_user_model().objects.get(email=application.contact_email)
        profile = user.wagtail_userprofile
        assert not (profile.approved_notifications or profile.rejected_notifications)
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code in {302, 403}
        assert "/admin/login/" in response.get("Location", "/admin/login/")

    def test_without_listing_consent_the_member_is_approved_but_not_listed(
        self, client, applied, secretary
    ):
        application = applied(consent_listing=None)
        client.force_login(secretary)
        workflow_action(client, application.organisation, "approve")
        page = OrganisationPage.objects.get(pk=application.organisation_id)
        assert not page.live and page.delisted_at is not None
        assert "inte samtyckt" in page.delisted_reason
        assert Membership.objects.filter(organisation=page).exists()
        assert "visas inte i katalogen" in last_mail_to(application.contact_email).body

    def test_an_existing_member_gets_access_without_a_new_account(
        self, client, applied, secretary, member
    ):
        application = applied(contact_email=member.email)
        client.force_login(secretary)
        workflow_action(client, application.organisation, "approve")
        assert get_user_model().objects.filter(email__iexact=member.email).count() == 1
        assert member.memberships.count() == 2
        welcome = last_mail_to(member.email)
        assert "/min-organisation/losenord/" not in welcome.body
        assert "/min-organisation/logga-in/" in welcome.body


class TestRejection:
    def test_wagtails_reject_action_mails_the_reason(self, client, applied, secretary):
        application = applied()
        client.force_login(secretary)
        workflow_action(
            client, application.organisation, "reject", "Organisationen verkar inte i länet."
        )
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REJECTED
        assert application.decision_comment == "Organisationen verkar inte i länet."
        message = last_mail_to(application.contact_email)
        assert message.subject == "Besked om er ansökan om medlemskap"
        assert "Organisationen verkar inte i länet." in message.body
        assert "kan tyvärr inte godkänna" in message.body
        page = OrganisationPage.objects.get(pk=application.organisation_id)
        assert not page.live
        assert not get_user_model().objects.filter(email=application.contact_email).exists()

    def test_the_reject_page_asks_for_a_reason(self, client, applied, secretary):
        application = applied()
        client.force_login(secretary)
        url = f"/admin/medlemmar/ansokningar/{application.pk}/avsla/"
        assert "Motivering" in client.get(url).content.decode()
        response = client.post(url, {"reason": ""})
        assert response.status_code == 200
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUBMITTED
        client.post(url, {"reason": "Vi saknar en avsiktsförklaring från ledningen."})
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REJECTED
        assert "saknar en avsiktsförklaring" in last_mail_to(application.contact_email).body

    def test_editors_cannot_reject(self, client, applied, editor):
        application = applied()
        client.force_login(editor)
        response = client.post(
            f"/admin/medlemmar/ansokningar/{application.pk}/avsla/", {"reason": "Nej."}
        )
        assert response.status_code in {302, 403}
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUBMITTED

    def test_a_rejected_organisation_may_apply_again(self, client, applied, secretary):
        first = applied()
        client.force_login(secretary)
        workflow_action(client, first.organisation, "reject", "Komplettera beskrivningen.")
        client.logout()
        second = applied(short_description="Vi bygger förskolor i trä i hela Berg.")
        assert second.status == ApplicationStatus.SUBMITTED
        assert second.organisation_id == first.organisation_id, "the draft page is reused"
        page = OrganisationPage.objects.get(pk=second.organisation_id)
        assert page.short_description == "Vi bygger förskolor i trä i hela Berg."
        states = WorkflowState.objects.for_instance(page)
        assert states.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 1
