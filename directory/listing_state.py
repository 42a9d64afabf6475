"""Delisting and relisting: taking an organisation out of the directory without deleting it.

Delisting unpublishes the page (Wagtail keeps its content and every revision) and records
when and why on the page row, outside the revisions. Any unpublish counts, whether through
the delist button or Wagtail's own Unpublish; any publish relists. Staff can relist with
one click when nothing has changed since; otherwise the changes go through review first.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from directory.models.organisation import OrganisationPage


class RelistNeedsReview(Exception):
    """The page has changes made after it was delisted: publish them through review."""


def record_delisting(page: OrganisationPage, reason: str = "") -> None:
    """Mark an unpublished organisation as delisted (keeps an earlier date and reason)."""
    updates = {"delisted_at": page.delisted_at or timezone.now()}
    if reason:
        updates["delisted_reason"] = reason
    OrganisationPage.objects.filter(pk=page.pk).update(**updates)
    for name, value in updates.items():
        setattr(page, name, value)


def clear_delisting(page: OrganisationPage) -> None:
    OrganisationPage.objects.filter(pk=page.pk).update(delisted_at=None, delisted_reason="")
    page.delisted_at = None
    page.delisted_reason = ""


@transaction.atomic
def delist(page: OrganisationPage, *, user, reason: str) -> None:
    """Take the organisation out of the directory; its opportunities disappear with it."""
    if page.live:
        page.unpublish(user=user, log_action=True)  # the signal records the date
        page.refresh_from_db(fields=["delisted_at"])
    record_delisting(page, reason)
    log(instance=page, action="directory.delist", user=user, data={"reason": reason})


@transaction.atomic
def relist(page: OrganisationPage, *, user) -> None:
    """Publish the listing as it was when delisted."""
    revision = page.get_latest_revision()
    if revision is None or (
        page.delisted_at is not None and revision.created_at > page.delisted_at
    ):
        raise RelistNeedsReview
    revision.publish(user=user, log_action=True)
    page.refresh_from_db()
    log(instance=page, action="directory.relist", user=user)
