"""Keeping listings current: a yearly reminder, a last reminder, then delisting.

For a listed organisation whose details were last confirmed 12 months ago or more:

- day 0: the yearly reminder to the contact person, with a signed link to confirm;
- 21 days after it, if still unconfirmed: the last reminder;
- when unconfirmed for 13 months and the yearly reminder went out at least 28 days
  before: delisted (unpublished, not deleted), with the reason recorded, and the
  secretariat is told.

Organisations without a contact person cannot be reminded: the reminder is still recorded
(emailed=False) so they get the same four weeks' grace, and the secretariat sees them.

Both commands are idempotent: a reminder is unique per organisation, kind and
confirmation period (ListingReminder.period_start), so re-runs send nothing twice.
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from directory.listing_state import delist
from directory.models import ContactPerson, OrganisationPage
from mail.outbox import admin_edit_url, notify_secretariat, queue_email
from members import tokens
from members.listing import mark_confirmed, request_review
from members.models import ListingReminder, ReminderKind

logger = logging.getLogger("members.reminders")

REMIND_AFTER_MONTHS = 12
DELIST_AFTER_MONTHS = 13
FINAL_REMINDER_AFTER = datetime.timedelta(days=21)
GRACE = datetime.timedelta(days=28)
LINK_MAX_AGE = datetime.timedelta(days=120)
NEVER = datetime.date(1970, 1, 1)
STALE_REASON = "Uppgifterna har inte bekräftats på 13 månader."


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def unconfirmed_since(months: int, today=None):
    cutoff = months_before(today or timezone.localdate(), months)
    return OrganisationPage.objects.listed().filter(
        Q(last_confirmed_at__lte=cutoff) | Q(last_confirmed_at__isnull=True)
    )


def contact_of(page: OrganisationPage) -> ContactPerson | None:
    contact = ContactPerson.objects.filter(organisation=page).first()
    if contact is None or contact.email.endswith(".invalid"):
        return None
    return contact


def confirmation_link(reminder: ListingReminder) -> str:
    token = tokens.make_token("confirm", reminder.pk, reminder.nonce)
    return settings.SITE_URL + reverse("members:confirm_listing", args=[token])


def _send(page: OrganisationPage, kind: str, period_start: datetime.date) -> ListingReminder | None:
    contact = contact_of(page)
    try:
        with transaction.atomic():
            reminder = ListingReminder.objects.create(
                organisation=page, kind=kind, period_start=period_start
            )
            if contact is not None:
                queue_email(
                    "members/email/reminder_final"
                    if kind == ReminderKind.FINAL
                    else "members/email/reminder_yearly",
                    to=contact.email,
                    context={
                        "page": page,
                        "contact": contact,
                        "link": confirmation_link(reminder),
                        "page_url": page.get_full_url(),
                        "login_url": settings.SITE_URL + reverse("members:login"),
                    },
                    organisation=page,
                )
    except IntegrityError:  # sent by a parallel run
        return None
    return reminder


def send_reminders(today=None) -> dict:
    """Send the reminders that are due; returns counts by kind."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = {ReminderKind.YEARLY: 0, ReminderKind.FINAL: 0}
    for page in unconfirmed_since(REMIND_AFTER_MONTHS, today).order_by("pk"):
        period = page.last_confirmed_at or NEVER
        reminders = {
            r.kind: r
            for r in ListingReminder.objects.filter(organisation=page, period_start=period)
        }
        yearly = reminders.get(ReminderKind.YEARLY)
        if yearly is None:
            if _send(page, ReminderKind.YEARLY, period):
                sent[ReminderKind.YEARLY] += 1
        elif (
            ReminderKind.FINAL not in reminders
            and yearly.sent_at <= now - FINAL_REMINDER_AFTER
            and contact_of(page) is not None
            and _send(page, ReminderKind.FINAL, period)
        ):
            sent[ReminderKind.FINAL] += 1
    return sent


def delist_stale(today=None) -> list[OrganisationPage]:
    """Delist what has been unconfirmed for 13 months after its reminders had time."""
    today = today or timezone.localdate()
    now = timezone.now()
    delisted = []
    for page in unconfirmed_since(DELIST_AFTER_MONTHS, today).order_by("title"):
        period = page.last_confirmed_at or NEVER
        reminded = ListingReminder.objects.filter(
            organisation=page,
            period_start=period,
            kind=ReminderKind.YEARLY,
            sent_at__lte=now - GRACE,
        ).first()
        if reminded is None:
            continue
        with transaction.atomic():
            delist(page, user=None, reason=STALE_REASON)
            contact = contact_of(page)
            if contact is not None:
                queue_email(
                    "members/email/delisted",
                    to=contact.email,
                    context={
                        "page": page,
                        "contact": contact,
                        "link": confirmation_link(reminded),
                        "login_url": settings.SITE_URL + reverse("members:login"),
                    },
                    organisation=page,
                )
        delisted.append(page)
        logger.info("Delisted %s (%s): not confirmed since %s", page.title, page.pk, period)
    if delisted:
        notify_secretariat(
            "members/email/delisted_secretariat",
            context={
                "pages": [
                    {
                        "title": page.title,
                        "last_confirmed_at": page.last_confirmed_at,
                        "has_contact": contact_of(page) is not None,
                        "admin_url": admin_edit_url(page),
                    }
                    for page in delisted
                ],
                "listing_url": settings.SITE_URL + "/admin/organisations/?listed=false",
            },
        )
    return delisted


# The confirmation link --------------------------------------------------------------------


def open_link(token: str) -> ListingReminder:
    return tokens.open_link(
        token,
        "confirm",
        LINK_MAX_AGE,
        ListingReminder.objects.select_related("organisation"),
        used=lambda reminder: reminder.confirmed_at is not None,
    )


@transaction.atomic
def confirm(reminder: ListingReminder, user=None) -> bool:
    """The details are current. Returns True when the listing went back to review to be
    relisted (it had been delisted as stale)."""
    reminder = ListingReminder.objects.select_for_update().get(pk=reminder.pk)
    if reminder.confirmed_at is not None:
        raise tokens.LinkError("used")
    page = OrganisationPage.objects.get(pk=reminder.organisation_id)
    ListingReminder.objects.filter(organisation=page, period_start=reminder.period_start).update(
        confirmed_at=timezone.now(), nonce=""
    )
    return confirm_page(page, user)


def confirm_page(page: OrganisationPage, user=None) -> bool:
    mark_confirmed(page)
    if page.live or page.delisted_reason != STALE_REASON:
        return False
    # Delisted for staleness: confirming asks the secretariat to list it again.
    request_review(page, user)
    return True
