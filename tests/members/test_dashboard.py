"""The secretariat's dashboard panel: counts and lists, never the content of messages."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from members import applications
from members.dashboard import weekly_counts
from members.models import ContactMessage, MembershipApplication
from tests.members.helpers import application_data, valid_org_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(client, join_page, directory_index, org):
    client.post("/ga-med/ansokan/", application_data())
    client.post(
        "/ga-med/ansokan/",
        application_data(
            name="Obekräftad Förening", org_number=valid_org_number("802123456"),
            contact_email="ob@example.se",
        ),
    )  # fmt: skip
    first = MembershipApplication.objects.get(organisation_name="Hackås Trähus AB")
    applications.confirm(applications.confirmation_token(first))
    now = timezone.now()
    for days, text in [(0, "Hemligt innehåll A"), (1, "Hemligt innehåll B"), (15, "C")]:
        message = ContactMessage.objects.create(
            organisation=org, sender_name="X", sender_organisation="Y",
            sender_email="x@example.se", message=text,
        )  # fmt: skip
        ContactMessage.objects.filter(pk=message.pk).update(
            created_at=now - datetime.timedelta(days=days)
        )


def test_the_secretariat_sees_applications_unconfirmed_addresses_and_weekly_counts(
    activity, secretary
):
    staff = Client()
    staff.force_login(secretary)
    html = staff.get("/admin/").content.decode()
    assert "Medlemmar och katalogen" in html
    assert "1 medlemsansökan väntar på granskning" in html
    assert "Hackås Trähus AB" in html
    assert "1 ansökan med obekräftad e-postadress" in html
    assert "Obekräftad Förening" in html
    assert "3 kontaktförfrågningar de senaste 12 veckorna" in html
    assert "Hemligt innehåll" not in html
    assert "x@example.se" not in html and "ob@example.se" not in html


def test_editors_do_not_get_the_panel(activity, editor):
    staff = Client()
    staff.force_login(editor)
    assert "Medlemmar och katalogen" not in staff.get("/admin/").content.decode()


def test_weekly_counts_include_empty_weeks():
    rows = weekly_counts(weeks=12)
    assert len(rows) == 12
    assert rows[0]["monday"].weekday() == 0
    assert all(row["count"] == 0 for row in rows)


def test_the_panel_takes_a_fixed_number_of_queries(
    activity, secretary, django_assert_max_num_queries
):
    from members.dashboard import panel_data

    with django_assert_max_num_queries(12):
        panel_data()
