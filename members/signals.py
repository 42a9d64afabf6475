"""Wagtail's workflow decides; these receivers do what follows for members.

- An application (a draft listing in review with a pending MembershipApplication):
  approval → member account and welcome e-mail; rejection → the reason by e-mail.
- A member's edit of a live listing: approval or rejection is told to the member.
"""

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import workflow_approved, workflow_rejected

from directory.models import OrganisationPage
from members import applications, listing


def organisation_of(workflow_state) -> OrganisationPage | None:
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return None
    return OrganisationPage.objects.filter(pk=workflow_state.object_id).first()


@receiver(workflow_approved)
def on_workflow_approved(sender, instance, user=None, **kwargs):
    page = organisation_of(instance)
    if page is None:
        return
    application = applications.pending_application(page)
    if application is not None:
        applications.approved(application, page, user)
    else:
        listing.edit_decided(page, instance, approved=True)


@receiver(workflow_rejected)
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    page = organisation_of(instance)
    if page is None:
        return
    task_state = instance.current_task_state
    comment = (task_state.comment if task_state else "") or ""
    application = applications.pending_application(page)
    if application is not None:
        applications.rejected(application, page, user, comment)
    else:
        listing.edit_decided(page, instance, approved=False, comment=comment)
