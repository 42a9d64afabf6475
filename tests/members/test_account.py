"""Min organisation: login, passwords, editing through review, opportunities, colleagues."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.models import ContactPerson, Opportunity, OrganisationPage
from members.models import ConsentKind, ConsentRecord, Invitation, Membership
from tests.members.conftest import PASSWORD
from tests.members.helpers import last_mail_to, link_in, listing_data

pytestmark = pytest.mark.django_db


class TestLogin:
    def test_members_log_in_with_email_and_password(self, client, member, org):
        response = client.post(
            "/min-organisation/logga-in/",
            {"email": "MARIA@jamtbiogas.example", "password": PASSWORD},
        )
        assert response.status_code == 303
        response = client.get(response["Location"], follow=True)
        assert f"/min-organisation/{org.pk}/" in response.redirect_chain[-1][0]
        assert "Jämtbiogas AB" in response.content.decode()

    def test_a_wrong_password_is_refused_in_swedish(self, client, member):
        response = client.post(
            "/min-organisation/logga-in/", {"email": member.email, "password": "fel"}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "E-postadressen eller lösenordet stämmer inte" in html
        assert f'value="{member.email}"' in html
        assert "_auth_user_id" not in client.session

    def test_staff_cannot_log_in_here_and_members_cannot_log_in_to_the_admin(
        self, client, member, admin_user
    ):
        admin_user.email = "admin@klimatradet.example"
        admin_user.save()
        response = client.post(
            "/min-organisation/logga-in/", {"email": admin_user.email, "password": "password"}
        )
        assert "stämmer inte" in response.content.decode()
        response = client.post("/admin/login/", {"username": member.email, "password": PASSWORD})
        assert "_auth_user_id" not in client.session

    def test_repeated_failures_are_throttled(self, client, member):
        cache.clear()
        for _ in range(8):
            client.post("/min-organisation/logga-in/", {"email": member.email, "password": "x"})
        response = client.post(
            "/min-organisation/logga-in/", {"email": member.email, "password": PASSWORD}
        )
        assert response.status_code == 429
        assert "För många misslyckade inloggningar" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_unicode_case_variants_of_the_address_share_its_limit(self, client, member):
        """ſ and ı are s and i to the database's case-insensitive match: each spelling must
        not bring fresh attempts at the same account."""
        cache.clear()
        for _ in range(8):
            client.post("/min-organisation/logga-in/", {"email": member.email, "password": "x"})
        for variant in ("maria@jamtbiogaſ.example", "marıa@jamtbiogas.example"):
            response = client.post(
                "/min-organisation/logga-in/", {"email": variant, "password": PASSWORD}
            )
            assert response.status_code == 429, variant
            assert "_auth_user_id" not in client.session

    def test_next_only_leads_inside_min_organisation(self, client, member, org):
        for target, expected in [
            (
                f"/min-organisation/{org.pk}/kontaktperson/",
                f"/min-organisation/{org.pk}/kontaktperson/",
            ),
            ("https://evil.example/min-organisation/", "/min-organisation/"),
            ("/admin/", "/min-organisation/"),
        ]:
            client.logout()
            response = client.post(
                "/min-organisation/logga-in/",
                {"email": member.email, "password": PASSWORD, "next": target},
            )
            assert response["Location"] == expected

    def test_logging_out_is_a_post(self, member_client):
        assert member_client.get("/min-organisation/logga-ut/").status_code == 405
        response = member_client.post("/min-organisation/logga-ut/")
        assert response["Location"] == "/min-organisation/logga-in/?utloggad=1"
        assert "Du är utloggad" in member_client.get(response["Location"]).content.decode()

    def test_anonymous_visitors_are_sent_to_the_login(self, client, org):
        response = client.get(f"/min-organisation/{org.pk}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/min-organisation/logga-in/?next=")

    def test_an_account_without_organisations_is_told_so(self, client, django_user_model):
        user = django_user_model.objects.create_user("ensam", "ensam@example.se", PASSWORD)
        client.force_login(user)
        response = client.get("/min-organisation/")
        assert response.status_code == 403
        assert "inte tillgång till någon organisation" in response.content.decode()


class TestPasswordReset:
    def test_a_member_gets_a_link_and_chooses_a_new_password(self, client, member):
        response = client.post("/min-organisation/losenord/", {"email": member.email})
        assert response["Location"] == "/min-organisation/losenord/skickat/"
        path = link_in(last_mail_to(member.email), r"https?://\S+/losenord/\S+")
        response = client.get(path, follow=True)
        assert "Välj ett nytt lösenord" in response.content.decode()
        response = client.post(
            response.redirect_chain[-1][0],
            {"new_password1": "Ny-fjällstuga-77", "new_password2": "Ny-fjällstuga-77"},
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.check_password("Ny-fjällstuga-77")

    def test_unknown_addresses_get_the_same_answer_and_no_mail(self, client, member):
        response = client.post("/min-organisation/losenord/", {"email": "okand@example.se"})
        assert response["Location"] == "/min-organisation/losenord/skickat/"
        assert not mail.outbox

    def test_staff_accounts_get_no_link(self, client, admin_user):
        client.post("/min-organisation/losenord/", {"email": admin_user.email})
        assert not mail.outbox

    def test_requests_are_rate_limited(self, client, member):
        cache.clear()
        for _ in range(3):
            client.post("/min-organisation/losenord/", {"email": member.email})
        response = client.post("/min-organisation/losenord/", {"email": member.email})
        assert response.status_code == 429
        assert len(mail.outbox) == 3
        for variant in ("maria@jamtbiogaſ.example", "marıa@jamtbiogas.example"):
            response = client.post("/min-organisation/losenord/", {"email": variant})
            assert response.status_code == 429, variant
        assert len(mail.outbox) == 3


class TestListing:
    def test_an_edit_goes_to_review_and_the_live_version_stays(
        self, member_client, org, member, settings
    ):
        old_confirmed = timezone.localdate() - datetime.timedelta(days=200)
        OrganisationPage.objects.filter(pk=org.pk).update(last_confirmed_at=old_confirmed)
        url = f"/min-organisation/{org.pk}/uppgifter/"
        form = member_client.get(url).content.decode()
        assert 'value="Jämtbiogas AB"' in form
        response = member_client.post(
            url, listing_data(org, short_description="Vi rötar matavfall till biogas för bussar.")
        )
        assert response.status_code == 303
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.live, "an edit never unpublishes"
        assert page.short_description != "Vi rötar matavfall till biogas för bussar."
        assert page.has_unpublished_changes
        draft = page.get_latest_revision_as_object()
        assert draft.short_description == "Vi rötar matavfall till biogas för bussar."
        assert page.last_confirmed_at == timezone.localdate(), "an edit confirms the details"
        state = WorkflowState.objects.for_instance(page).get()
        assert state.workflow.name == "Granskning" and state.requested_by == member
        public = member_client.get(page.url).content.decode()
        assert "Vi rötar matavfall till biogas för bussar." not in public
        assert "Ändrade uppgifter att granska" in last_mail_to(settings.SECRETARIAT_EMAIL).subject
        # Editing again shows and extends the pending version, and restarts the review.
        again = member_client.get(url).content.decode()
        assert "Vi rötar matavfall till biogas för bussar." in again
        assert "väntar på granskning" in again
        member_client.post(url, listing_data(draft, website="https://www.jamtbiogas.example/"))
        states = WorkflowState.objects.for_instance(page)
        assert states.filter(status="in_progress").count() == 1
        assert states.filter(status="cancelled").count() == 1

    def test_the_secretariat_approves_and_the_member_is_told(
        self, member_client, org, member, secretary
    ):
        client = Client()
        url = f"/min-organisation/{org.pk}/uppgifter/"
        member_client.post(url, listing_data(org, short_description="Ny beskrivning av oss."))
        client.force_login(secretary)
        task_state = OrganisationPage.objects.get(pk=org.pk).current_workflow_task_state
        client.post(f"/admin/pages/workflow/action/{org.pk}/approve/{task_state.pk}/", {})
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.short_description == "Ny beskrivning av oss."
        assert page.live and not page.has_unpublished_changes
        assert "Era ändringar är publicerade" in last_mail_to(member.email).subject

    def test_a_rejected_edit_is_explained_and_can_be_sent_again(
        self, member_client, org, member, secretary
    ):
        client = Client()
        url = f"/min-organisation/{org.pk}/uppgifter/"
        member_client.post(url, listing_data(org, short_description="Bästa biogasen i världen!"))
        client.force_login(secretary)
        task_state = OrganisationPage.objects.get(pk=org.pk).current_workflow_task_state
        client.post(
            f"/admin/pages/workflow/action/{org.pk}/reject/{task_state.pk}/",
            {"comment": "Skriv sakligt, tack."},
        )
        message = last_mail_to(member.email)
        assert "behöver ses över" in message.subject and "Skriv sakligt, tack." in message.body
        assert OrganisationPage.objects.get(pk=org.pk).live
        member_client.post(url, listing_data(org, short_description="Vi gör biogas av matavfall."))
        state = WorkflowState.objects.for_instance(org).get(status="in_progress")
        assert state.current_task_state.status == "in_progress"

    def test_invalid_changes_store_nothing(self, member_client, org):
        url = f"/min-organisation/{org.pk}/uppgifter/"
        revisions = org.revisions.count()
        response = member_client.post(url, listing_data(org, org_number="800101-1234", name=""))
        html = response.content.decode()
        assert response.status_code == 200
        assert "personnummer" in html and "Formuläret har 2 fel" in html
        assert org.revisions.count() == revisions
        assert not WorkflowState.objects.for_instance(org).exists()

    def test_confirming_the_details(self, member_client, org):
        OrganisationPage.objects.filter(pk=org.pk).update(
            last_confirmed_at=timezone.localdate() - datetime.timedelta(days=400)
        )
        response = member_client.post(f"/min-organisation/{org.pk}/bekrafta/")
        assert response.status_code == 303
        assert OrganisationPage.objects.get(pk=org.pk).last_confirmed_at == timezone.localdate()


class TestContactPerson:
    def test_changes_apply_at_once_and_consent_is_recorded(self, member_client, org, member):
        url = f"/min-organisation/{org.pk}/kontaktperson/"
        form = member_client.get(url).content.decode()
        assert "Kontaktpersonens namn och roll får visas" in form
        response = member_client.post(
            url,
            {
                "name": "Maria Holm",
                "role": "vd",
                "email": "maria@jamtbiogas.example",
                "phone": "",
                "publish_name": "on",
            },
        )
        assert response.status_code == 303
        contact = ContactPerson.objects.get(organisation=org)
        assert contact.publish_name and contact.role == "vd"
        record = ConsentRecord.objects.get(kind=ConsentKind.PUBLISH_NAME)
        assert record.given and record.recorded_by == member and record.person_name == "Maria Holm"
        assert "Maria Holm" in member_client.get(org.url).content.decode()

    def test_a_new_person_does_not_inherit_the_consent(self, member_client, org):
        ContactPerson.objects.filter(organisation=org).update(publish_name=True)
        member_client.post(
            f"/min-organisation/{org.pk}/kontaktperson/",
            {"name": "Per Persson", "role": "", "email": "per@jamtbiogas.example"},
        )
        contact = ContactPerson.objects.get(organisation=org)
        assert contact.name == "Per Persson" and not contact.publish_name
        assert "Per Persson" not in member_client.get(org.url).content.decode()


class TestOpportunities:
    def test_create_edit_and_delete_publish_at_once(self, member_client, org, directory_index):
        add = f"/min-organisation/{org.pk}/mojligheter/ny/"
        valid_until = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
        response = member_client.post(
            add,
            {
                "kind": "behov",
                "title": "Vi söker transporter av rötrest",
                "text": "Vi behöver hjälp att köra rötrest till lantbruk i Krokom.",
                "valid_until": valid_until,
            },
        )
        assert response.status_code == 303
        item = Opportunity.objects.get(organisation=org)
        assert item.is_public()
        listing = member_client.get("/samarbetspartner/mojligheter/").content.decode()
        assert "Vi söker transporter av rötrest" in listing
        member_client.post(
            f"/min-organisation/{org.pk}/mojligheter/{item.pk}/",
            {
                "kind": "erbjudande",
                "title": "Vi erbjuder rötrest",
                "text": "Gödsel till lantbruk.",
                "valid_until": valid_until,
            },
        )
        item.refresh_from_db()
        assert (item.kind, item.title) == ("erbjudande", "Vi erbjuder rötrest")
        member_client.post(f"/min-organisation/{org.pk}/mojligheter/{item.pk}/ta-bort/")
        assert not Opportunity.objects.filter(pk=item.pk).exists()

    def test_dates_out_of_range_are_refused(self, member_client, org):
        for days, message in [(-1, "redan varit"), (400, "högst ett år fram")]:
            response = member_client.post(
                f"/min-organisation/{org.pk}/mojligheter/ny/",
                {
                    "kind": "behov",
                    "title": "Titel",
                    "text": "Text om behovet.",
                    "valid_until": (
                        timezone.localdate() + datetime.timedelta(days=days)
                    ).isoformat(),
                },
            )
            assert message in response.content.decode()
        assert not Opportunity.objects.filter(organisation=org).exists()

    @pytest.mark.parametrize("count", [1, 12])
    def test_the_list_takes_a_fixed_number_of_queries(
        self, member_client, org, count, django_assert_num_queries
    ):
        from tests.directory.factories import OpportunityFactory

        for _ in range(count):
            OpportunityFactory(organisation=org)
        url = f"/min-organisation/{org.pk}/mojligheter/"
        member_client.get(url)
        with django_assert_num_queries(OPPORTUNITY_LIST_QUERIES):
            assert member_client.get(url).status_code == 200


OPPORTUNITY_LIST_QUERIES = 9
COLLEAGUE_LIST_QUERIES = 10


class TestColleagues:
    def test_invite_a_colleague_who_creates_an_account(self, client, member_client, org):
        response = member_client.post(
            f"/min-organisation/{org.pk}/kollegor/", {"email": "kollega@jamtbiogas.example"}
        )
        assert response.status_code == 303
        invitation = Invitation.objects.get()
        path = link_in(last_mail_to("kollega@jamtbiogas.example"), r"https?://\S+/inbjudan/\S+")
        client.logout()
        form = client.get(path).content.decode()
        assert "Välkommen till Jämtbiogas AB" in form
        response = client.post(
            path,
            {
                "first_name": "Kim",
                "last_name": "Kollega",
                "password1": "Ny-kollega-2030",
                "password2": "Ny-kollega-2030",
            },
        )
        assert response.status_code == 303
        user = get_user_model().objects.get(email="kollega@jamtbiogas.example")
        assert Membership.objects.filter(user=user, organisation=org).exists()
        assert client.get(f"/min-organisation/{org.pk}/").status_code == 200
        invitation.refresh_from_db()
        assert invitation.accepted_at is not None
        client.logout()
        assert client.get(path).status_code == 410, "single use"

    def test_weak_passwords_are_refused(self, client, member_client, org):
        member_client.post(f"/min-organisation/{org.pk}/kollegor/", {"email": "k@example.se"})
        path = link_in(last_mail_to("k@example.se"), r"https?://\S+/inbjudan/\S+")
        client.logout()
        response = client.post(
            path, {"first_name": "K", "last_name": "K", "password1": "123", "password2": "123"}
        )
        assert response.status_code == 200
        assert not get_user_model().objects.filter(email="k@example.se").exists()

    def test_an_existing_member_accepts_without_a_new_account(
        self, client, member_client, org, other_member
    ):
        member_client.post(f"/min-organisation/{org.pk}/kollegor/", {"email": other_member.email})
        path = link_in(last_mail_to(other_member.email), r"https?://\S+/inbjudan/\S+")
        client.logout()
        assert "Tacka ja" in client.get(path).content.decode()
        response = client.post(path)
        assert response["Location"] == "/min-organisation/logga-in/?inbjudan=1"
        assert other_member.memberships.filter(organisation=org).exists()

    def test_removing_a_colleague(self, member_client, org, other_member):
        membership = Membership.objects.create(user=other_member, organisation=org)
        response = member_client.post(
            f"/min-organisation/{org.pk}/kollegor/{membership.pk}/ta-bort/"
        )
        assert response.status_code == 303
        assert not Membership.objects.filter(pk=membership.pk).exists()

    @pytest.mark.parametrize("count", [1, 10])
    def test_the_list_takes_a_fixed_number_of_queries(
        self, member_client, org, count, django_assert_num_queries, django_user_model
    ):
        for i in range(count):
            user = django_user_model.objects.create_user(f"k{i}", f"k{i}@example.se")
            Membership.objects.create(user=user, organisation=org)
            Invitation.objects.create(organisation=org, email=f"inv{i}@example.se")
        url = f"/min-organisation/{org.pk}/kollegor/"
        member_client.get(url)
        with django_assert_num_queries(COLLEAGUE_LIST_QUERIES):
            assert member_client.get(url).status_code == 200


def test_the_summaries_of_long_lists_do_not_say_show(member_client, org):
    """A list with something chosen is shown open: its summary names the count without
    telling the member to "show" what they already see (nor does a folded one)."""
    form = member_client.get(f"/min-organisation/{org.pk}/uppgifter/").content.decode()
    summaries = re.findall(r'<details class="field-fold"( open)?>\s*<summary>([^<]*)<', form)
    assert len(summaries) == 3, "miljömål, erbjuder and söker fold"
    for is_open, summary in summaries:
        assert summary.startswith("Alternativen"), summary
        assert ("valda)" in summary or "valt)" in summary) == bool(is_open), summary
