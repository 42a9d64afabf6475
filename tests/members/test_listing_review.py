"""A member's listing edit on its way to the admin: the review always covers what goes live,
and the text the member typed opens in the page editor."""

import importlib

import pytest
from django.apps import apps
from django.test import Client

from directory.models import OrganisationPage
from tests.members.helpers import application_data, link_in, listing_data

pytestmark = pytest.mark.django_db

TEXT_WITH_BREAKS = "Vi rötar matavfall.\nBiogasen går till bussarna.\n\nNytt stycke här."


class TestReview:
    def test_an_edit_during_the_review_restarts_it_so_only_what_was_seen_goes_live(
        self, member_client, org, member, secretary
    ):
        reviewer = Client()
        reviewer.force_login(secretary)
        url = f"/min-organisation/{org.pk}/uppgifter/"
        live_text = org.short_description
        member_client.post(url, listing_data(org, short_description="Vi rötar matavfall."))
        seen = OrganisationPage.objects.get(pk=org.pk).current_workflow_task_state
        preview = reviewer.get(f"/admin/pages/workflow/preview/{org.pk}/{seen.task_id}/")
        assert "Vi rötar matavfall." in preview.content.decode()
        # While the reviewer reads, the member saves again.
        draft = OrganisationPage.objects.get(pk=org.pk).get_latest_revision_as_object()
        member_client.post(url, listing_data(draft, short_description="Köp vår biogas nu!"))
        # The reviewer approves what they saw: refused, and nothing unseen goes live.
        reviewer.post(f"/admin/pages/workflow/action/{org.pk}/approve/{seen.pk}/", {})
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.short_description == live_text
        assert "Köp vår biogas nu!" not in reviewer.get(page.url).content.decode()
        # The review runs again on the newest revision, which is what the reviewer sees.
        current = page.current_workflow_task_state
        assert current.pk != seen.pk and current.revision_id == page.latest_revision_id
        preview = reviewer.get(f"/admin/pages/workflow/preview/{org.pk}/{current.task_id}/")
        assert "Köp vår biogas nu!" in preview.content.decode()
        reviewer.post(f"/admin/pages/workflow/action/{org.pk}/approve/{current.pk}/", {})
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.short_description == "Köp vår biogas nu!" and page.live
        assert "Köp vår biogas nu!" in Client().get(page.url).content.decode()


class TestLineBreaks:
    def test_a_members_line_breaks_open_in_the_page_editor(self, member_client, org, secretary):
        url = f"/min-organisation/{org.pk}/uppgifter/"
        member_client.post(url, listing_data(org, description=TEXT_WITH_BREAKS))
        draft = OrganisationPage.objects.get(pk=org.pk).get_latest_revision_as_object()
        assert "Biogasen går till bussarna." in draft.description
        admin = Client()
        admin.force_login(secretary)
        response = admin.get(f"/admin/pages/{org.pk}/edit/")
        assert response.status_code == 200
        assert "till bussarna." in response.content.decode()  # in the editor's JSON
        # And back in the member's text area, line for line.
        form = member_client.get(url).content.decode()
        assert "Vi rötar matavfall.\nBiogasen går till bussarna.\n\nNytt stycke här." in form

    def test_an_applications_line_breaks_open_in_the_page_editor(
        self, client, join_page, directory_index, secretary
    ):
        from django.core import mail

        client.post("/ga-med/ansokan/", application_data(description=TEXT_WITH_BREAKS))
        client.post(link_in(mail.outbox[-1], r"https?://\S+/bekrafta/\S+"))
        page = OrganisationPage.objects.get(title="Hackås Trähus AB")
        admin = Client()
        admin.force_login(secretary)
        response = admin.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200
        assert "till bussarna." in response.content.decode()  # in the editor's JSON

    def test_descriptions_saved_before_the_fix_are_repaired(self, org, secretary):
        broken = "<p>Vi rötar matavfall.<br>Biogasen går till bussarna.</p>"
        OrganisationPage.objects.filter(pk=org.pk).update(description=broken)
        page = OrganisationPage.objects.get(pk=org.pk)
        page.save_revision()
        admin = Client(raise_request_exception=False)
        admin.force_login(secretary)
        assert admin.get(f"/admin/pages/{org.pk}/edit/").status_code == 500
        migration = importlib.import_module(
            "members.migrations.0003_repair_description_line_breaks"
        )
        migration.repair(apps, None)
        page = OrganisationPage.objects.get(pk=org.pk)
        assert "<br>" not in page.description
        assert "<br>" not in page.get_latest_revision().content["description"]
        assert admin.get(f"/admin/pages/{org.pk}/edit/").status_code == 200
