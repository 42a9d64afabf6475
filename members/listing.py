"""Members keep their listing current.

An edit becomes a new revision sent to review; the published version stays live until the
secretariat approves (approval publishes the newest revision; the directory's signals keep
delisting state right). An edit during a running review restarts it on the new revision, so
what the secretariat previews and approves is what goes live. Saving an edit also counts as
confirming that the details are current. The contact person and partnership opportunities
are not page content: they change at once (see members.views.account for why).
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.models import OrganisationPage
from mail.outbox import notify_secretariat, queue_email


def mark_confirmed(page: OrganisationPage) -> None:
    """Record today as the day the organisation confirmed its details.

    Written to the row only: no revision, no review. OrganisationPage.with_content_json
    never lets an older revision move the date back.
    """
    today = timezone.localdate()
    OrganisationPage.objects.filter(pk=page.pk).update(last_confirmed_at=today)
    page.last_confirmed_at = today


def pending_changes(page: OrganisationPage) -> bool:
    """Does the page have a revision newer than the live one, waiting for review?"""
    return bool(page.has_unpublished_changes)


@transaction.atomic
def submit_edit(page: OrganisationPage, form, user) -> None:
    """Save the member's changes as a revision and send it to review. Never unpublishes."""
    page = OrganisationPage.objects.select_for_update().get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    form.apply_to_page(draft)
    draft.save_revision(user=user, log_action=True)
    state = WorkflowState.objects.for_instance(page).active().first()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)  # restarts the task on the newest revision
    else:
        if state is not None:
            # Approving the running task would publish this revision (Wagtail publishes the
            # newest), although the reviewer was shown the earlier one: start over, as the
            # admin's own "restart workflow" does. The old task can no longer be approved.
            state.cancel(user=user)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    mark_confirmed(page)
    notify_secretariat("members/email/listing_edit_secretariat", context={"user": user}, page=page)


def request_review(page: OrganisationPage, user=None) -> None:
    """Send the listing as it stands to review (to be listed again once approved), unless a
    review is already under way."""
    if WorkflowState.objects.for_instance(page).active().exists():
        return
    workflow = page.get_workflow()
    if workflow is None:
        return
    page.get_latest_revision_as_object().save_revision(user=user, log_action=True)
    workflow.start(page, user)


def edit_decided(page: OrganisationPage, workflow_state, *, approved: bool, comment="") -> None:
    """Tell the member who asked for the change what the secretariat decided."""
    member = workflow_state.requested_by
    if member is None or not member.memberships.filter(organisation=page).exists():
        return  # an editor's change, not a member's
    queue_email(
        "members/email/listing_edit_approved"
        if approved
        else "members/email/listing_edit_rejected",
        to=member.email,
        context={
            "page": page,
            "member": member,
            "comment": comment,
            "page_url": page.get_full_url() if page.live else "",
            "edit_url": settings.SITE_URL + reverse("members:listing", args=[page.pk]),
        },
        organisation=page,
    )
