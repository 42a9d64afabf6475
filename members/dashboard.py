"""The secretariat's panel on the admin dashboard: applications, unconfirmed e-mail
addresses, stale listings, contact messages per week (counts only, never content)."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.admin.ui.components import Component

from directory.models import OrganisationPage
from mail.models import OutgoingEmail
from members.applications import CONFIRM_MAX_AGE
from members.models import (
    ContactMessage,
    ListingReminder,
    MembershipApplication,
    RemovalRequest,
)
from members.models.contact import RETENTION
from members.reminders import STALE_REASON

WEEKS = RETENTION.days // 7  # messages are deleted after that, so no older counts exist
LIST_LIMIT = 10


def weekly_counts(now=None, weeks: int = WEEKS) -> list[dict]:
    """Contact messages per ISO week, newest first, weeks without messages included."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_monday = this_monday - datetime.timedelta(weeks=weeks - 1)
    start = timezone.make_aware(datetime.datetime.combine(first_monday, datetime.time()))
    counts = {
        timezone.localdate(row["week"])
        if isinstance(row["week"], datetime.datetime)
        else row["week"]: row["n"]
        for row in ContactMessage.objects.filter(created_at__gte=start)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(n=Count("pk"))
        .order_by()
    }
    rows = []
    for i in range(weeks):
        monday = this_monday - datetime.timedelta(weeks=i)
        rows.append(
            {"monday": monday, "week": monday.isocalendar().week, "count": counts.get(monday, 0)}
        )
    return rows


def panel_data(now=None) -> dict:
    now = now or timezone.now()
    stale = OrganisationPage.objects.listed().stale()
    unconfirmed = MembershipApplication.objects.unconfirmed().order_by("-created_at")
    weeks = weekly_counts(now)
    return {
        "pending": list(
            MembershipApplication.objects.pending()
            .select_related("organisation")
            .order_by("confirmed_at")[:LIST_LIMIT]
        ),
        "pending_count": MembershipApplication.objects.pending().count(),
        "unconfirmed": [
            {"application": a, "expired": a.created_at < now - CONFIRM_MAX_AGE}
            for a in unconfirmed[:LIST_LIMIT]
        ],
        "unconfirmed_count": unconfirmed.count(),
        "stale_count": stale.count(),
        "reminded_count": stale.filter(
            pk__in=ListingReminder.objects.filter(confirmed_at__isnull=True).values(
                "organisation_id"
            )
        ).count(),
        "stale": list(stale.order_by("last_confirmed_at", "title")[:LIST_LIMIT]),
        "delisted_stale": list(
            OrganisationPage.objects.filter(live=False, delisted_reason=STALE_REASON).order_by(
                "-delisted_at"
            )[:LIST_LIMIT]
        ),
        "weeks": weeks,
        "weeks_max": max([w["count"] for w in weeks] + [1]),
        "messages_total": sum(w["count"] for w in weeks),
        "removal_count": RemovalRequest.objects.open().count(),
        "failed_email_count": OutgoingEmail.objects.failed().count(),
    }


class MembershipPanel(Component):
    name = "members"
    template_name = "members/admin/dashboard_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(panel_data())
        return context
