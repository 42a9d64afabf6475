"""A member's listing edit on its way to the admin: the review always covers what goes live."""

import pytest
from django.test import Client

from directory.models import OrganisationPage
from tests.members.helpers import listing_data

pytestmark = pytest.mark.django_db


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
