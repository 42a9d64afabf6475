"""Keeping listings current: yearly reminders, the confirmation link, delisting at 13 months."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.models import ContactPerson, OrganisationPage
from members import reminders
from members.models import ListingReminder, ReminderKind
from tests.directory.factories import organisation
from tests.members.helpers import last_mail_to, link_in

pytestmark = pytest.mark.django_db

# Later than any real date in the fixtures' revisions: the clock only moves forward.
TODAY = datetime.date.today() + datetime.timedelta(days=800)


def ago(months):
    return reminders.months_before(TODAY, months)


def confirmed(page, day):
    OrganisationPage.objects.filter(pk=page.pk).update(last_confirmed_at=day)
    return OrganisationPage.objects.get(pk=page.pk)


@pytest.fixture
def clock(monkeypatch):
    """Move the site's clock: clock(days) puts "now" that many days after TODAY."""

    def set_clock(days=0):
        now = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(9)))
        now += datetime.timedelta(days=days)
        monkeypatch.setattr(timezone, "now", lambda: now)
        monkeypatch.setattr(
            timezone,
            "localdate",
            lambda value=None: timezone.localtime(value).date() if value else now.date(),
        )
        monkeypatch.setattr("time.time", lambda: now.timestamp())
        return now

    set_clock()
    return set_clock


def test_months_before_keeps_the_calendar():
    assert reminders.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert reminders.months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


class TestReminders:
    def test_a_listing_unconfirmed_for_a_year_gets_one_reminder(self, org, clock):
        confirmed(org, ago(12))
        call_command("send_listing_reminders")
        message = last_mail_to("maria@jamtbiogas.example")
        assert "Stämmer uppgifterna om Jämtbiogas AB?" in message.subject
        assert "/min-organisation/bekrafta/" in message.body
        call_command("send_listing_reminders")
        call_command("run_periodic", "--once")
        assert len(mail.outbox) == 1, "idempotent: no duplicate reminders"
        assert ListingReminder.objects.get().kind == ReminderKind.YEARLY

    def test_recent_listings_are_left_alone(self, org, clock):
        confirmed(org, TODAY - datetime.timedelta(days=300))
        call_command("send_listing_reminders")
        assert not mail.outbox

    def test_a_last_reminder_after_three_weeks_then_delisting_at_thirteen_months(
        self, org, clock, settings
    ):
        confirmed(org, ago(12))
        call_command("send_listing_reminders")
        clock(20)
        call_command("send_listing_reminders")
        call_command("delist_stale_listings")
        assert len(mail.outbox) == 1
        clock(21)
        call_command("send_listing_reminders")
        assert "Sista påminnelsen" in mail.outbox[-1].subject
        thirteen_months = (reminders.months_before(ago(12), -13) - TODAY).days
        clock(thirteen_months - 1)
        call_command("delist_stale_listings")
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.live, "13 months not reached yet"
        clock(thirteen_months)
        call_command("delist_stale_listings")
        page = OrganisationPage.objects.get(pk=org.pk)
        assert not page.live and page.delisted_reason == reminders.STALE_REASON
        assert OrganisationPage.objects.filter(pk=org.pk).exists(), "not deleted"
        assert "visas inte längre i katalogen" in last_mail_to("maria@jamtbiogas.example").subject
        secretariat = last_mail_to(settings.SECRETARIAT_EMAIL)
        assert "Jämtbiogas AB" in secretariat.body
        count = len(mail.outbox)
        call_command("delist_stale_listings")
        call_command("send_listing_reminders")
        assert len(mail.outbox) == count, "idempotent"

    def test_long_stale_listings_get_four_weeks_warning_first(self, org, clock):
        confirmed(org, ago(36))
        call_command("delist_stale_listings")
        assert OrganisationPage.objects.get(pk=org.pk).live
        call_command("send_listing_reminders")
        clock(28)
        call_command("send_listing_reminders")
        call_command("delist_stale_listings")
        assert not OrganisationPage.objects.get(pk=org.pk).live

    def test_listings_without_a_contact_person_get_the_same_grace(
        self, directory_index, clock, settings
    ):
        page = organisation(directory_index, title="Kontaktlös AB")
        page.save_revision().publish()
        confirmed(page, ago(24))
        call_command("send_listing_reminders")
        assert not mail.outbox
        reminder = ListingReminder.objects.get(organisation=page)
        assert reminder.kind == ReminderKind.YEARLY
        clock(28)
        call_command("delist_stale_listings")
        assert not OrganisationPage.objects.get(pk=page.pk).live
        assert "saknar kontaktperson" in last_mail_to(settings.SECRETARIAT_EMAIL).body


class TestConfirmationLink:
    @pytest.fixture
    def link(self, org, clock):
        confirmed(org, ago(12))
        call_command("send_listing_reminders")
        return link_in(last_mail_to("maria@jamtbiogas.example"), r"https?://\S+/bekrafta/\S+")

    def test_opening_the_link_confirms_nothing_the_button_does(self, client, org, link, clock):
        response = client.get(link)
        assert response.status_code == 200
        assert "Ja, uppgifterna stämmer" in response.content.decode()
        assert OrganisationPage.objects.get(pk=org.pk).last_confirmed_at == ago(12)
        clock(3)
        response = client.post(link)
        assert response.status_code == 200
        assert "Tack!" in response.content.decode()
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.last_confirmed_at == TODAY + datetime.timedelta(days=3)
        assert page.is_listed
        # Replayed: harmless, and says so.
        response = client.post(link)
        assert response.status_code == 410
        assert "redan bekräftade" in response.content.decode()

    def test_a_tampered_link_is_refused(self, client, org, link):
        for bad in [link[:-3] + "abc/", link.replace("bekrafta/", "bekrafta/x")]:
            response = client.post(bad)
            assert response.status_code in {404, 410}
        assert OrganisationPage.objects.get(pk=org.pk).last_confirmed_at == ago(12)

    def test_an_expired_link_is_refused(self, client, org, link, clock):
        clock(121)
        assert client.post(link).status_code == 410

    def test_confirming_a_delisted_listing_sends_it_back_to_review(
        self, client, org, link, clock, secretary
    ):
        clock(31)
        call_command("send_listing_reminders")
        call_command("delist_stale_listings")
        assert not OrganisationPage.objects.get(pk=org.pk).live, "13 months and 28 days' grace"
        response = client.post(link)
        assert "lägger sedan tillbaka organisationen" in response.content.decode()
        page = OrganisationPage.objects.get(pk=org.pk)
        state = WorkflowState.objects.for_instance(page).get()
        staff = Client()
        staff.force_login(secretary)
        staff.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/", {}
        )
        page = OrganisationPage.objects.get(pk=org.pk)
        assert page.is_listed and page.delisted_at is None
        assert page.last_confirmed_at == TODAY + datetime.timedelta(days=31)

    def test_publishing_an_older_revision_never_moves_the_date_back(self, org, link, client):
        client.post(link)
        confirmed_on = OrganisationPage.objects.get(pk=org.pk).last_confirmed_at
        org.get_latest_revision().publish()  # its content has last year's date
        assert OrganisationPage.objects.get(pk=org.pk).last_confirmed_at == confirmed_on


def test_staff_see_stale_listings_in_the_admin(admin_client, org, directory_index):
    fresh = organisation(directory_index, title="Färsk AB")
    fresh.save_revision().publish()
    confirmed(org, timezone.localdate() - datetime.timedelta(days=500))
    html = admin_client.get("/admin/organisations/?stale=true").content.decode()
    assert "Jämtbiogas AB" in html and "Färsk AB" not in html
    dashboard = admin_client.get("/admin/").content.decode()
    assert "har inte bekräftat sina uppgifter på ett år" in dashboard
    assert "Jämtbiogas AB" in dashboard
    assert ContactPerson.objects.filter(organisation=org).exists()
