"""Joining: apply → confirm the e-mail address → the secretariat decides in the admin.

1. `submit` stores the application and the consents given, and mails a signed link.
2. `confirm` (the link, once, within CONFIRM_MAX_AGE) turns the application into a draft
   organisation page with its contact person and starts the "Medlemsansökan" workflow;
   the secretariat is told by e-mail. An organisation number already in the directory is
   referred to the secretariat instead, and only the applicant's mailbox learns that the
   secretariat will get in touch.
3. The secretariat approves or rejects in the Wagtail admin. Wagtail's workflow signals
   (members.signals) call `approved` or `rejected`: approval has already published the
   page; it creates the member account and sends the welcome e-mail; rejection sends the
   reason.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState

from core.richtext import text_to_rich_text
from directory.listing_state import delist
from directory.models import (
    CompetenceTag,
    ContactPerson,
    DirectoryIndexPage,
    Municipality,
    OrganisationPage,
    PartnershipType,
)
from directory.models.organisation import RESERVED_SLUGS
from directory.slugs import ascii_slug
from mail.outbox import admin_edit_url, notify_secretariat, queue_email
from members import consents, tokens
from members.accounts import add_member, password_link
from members.models.accounts import MembershipRole
from members.models.applications import ApplicationStatus, MembershipApplication
from members.models.consents import ConsentKind, ConsentSource
from themes.models import EnvironmentalObjective, Theme

CONFIRM_MAX_AGE = datetime.timedelta(days=3)
APPLICATION_WORKFLOW = "Medlemsansökan"
NOT_LISTED_REASON = "Organisationen har inte samtyckt till att visas i katalogen."


def org_number_owner(org_number: str, exclude_pk=None):
    """The organisation page that holds this number, unless it only belongs to a rejected
    application (a never-published draft), which a new application may take over."""
    pages = OrganisationPage.objects.filter(org_number=org_number)
    if exclude_pk:
        pages = pages.exclude(pk=exclude_pk)
    for page in pages:
        never_published = page.first_published_at is None and not page.live
        applications = list(page.membership_applications.values_list("status", flat=True))
        if (
            never_published
            and applications
            and all(s == ApplicationStatus.REJECTED for s in applications)
        ):
            continue
        return page
    return None


# 1. Applying ---------------------------------------------------------------------------


@transaction.atomic
def submit(form, join_page, *, notify: bool = True) -> MembershipApplication:
    data = form.cleaned_data
    application = MembershipApplication.objects.create(
        organisation_name=data["name"],
        org_number="" if data["is_sole_trader"] else data["org_number"],
        organisation_data=form.organisation_data(),
        contact_name=data["contact_name"],
        contact_role=data["contact_role"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        publish_listing=data["consent_listing"],
        publish_name=data["consent_name"],
    )
    person = {"person_name": data["contact_name"], "person_email": data["contact_email"]}
    given = [ConsentKind.LETTER_OF_INTENT]
    if data["consent_listing"]:
        given.append(ConsentKind.PUBLISH_LISTING)
    if data["consent_name"]:
        given.append(ConsentKind.PUBLISH_NAME)
    for kind in given:
        consents.record(
            kind,
            True,
            source=ConsentSource.APPLICATION,
            text=consents.current_text(kind, join_page),
            application=application,
            **person,
        )
    if notify:
        queue_email(
            "members/email/application_confirm",
            to=application.contact_email,
            context={
                "application": application,
                "link": confirmation_link(application, join_page),
                "hours": int(CONFIRM_MAX_AGE.total_seconds() // 3600),
            },
        )
    return application


def confirmation_token(application: MembershipApplication) -> str:
    return tokens.make_token("application", application.pk, application.nonce)


def confirmation_link(application: MembershipApplication, join_page) -> str:
    token = confirmation_token(application)
    if join_page is not None:
        return join_page.full_subpage_url("confirm", token=token)
    return settings.SITE_URL + "/"


def open_confirmation(token: str) -> MembershipApplication:
    """The unconfirmed application a link points at; raises tokens.LinkError otherwise."""
    return tokens.open_link(
        token,
        "application",
        CONFIRM_MAX_AGE,
        MembershipApplication.objects.all(),
        used=lambda application: application.status != ApplicationStatus.UNCONFIRMED,
    )


# 2. Confirming -------------------------------------------------------------------------


@transaction.atomic
def confirm(token: str, *, notify: bool = True) -> MembershipApplication:
    """Use the link: the application becomes a draft listing in review. Single use.

    When the organisation number is already in the directory or in another application,
    the application is referred to the secretariat instead (status REFERRED): the
    applicant is only told that the secretariat will get in touch.
    """
    application = open_confirmation(token)
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.UNCONFIRMED:  # a parallel click won
        raise tokens.LinkError("used")
    application.confirmed_at = timezone.now()
    application.nonce = ""
    owner = org_number_owner(application.org_number) if application.org_number else None
    page = None
    if owner is None:
        try:
            with transaction.atomic():
                page = create_draft(application)
        except IntegrityError:  # the same number confirmed in parallel
            owner = org_number_owner(application.org_number)
    if page is None:
        refer(application, owner, notify=notify)
        return application
    application.status = ApplicationStatus.SUBMITTED
    application.organisation = page
    application.save(update_fields=["status", "confirmed_at", "nonce", "organisation"])
    application.consent_records.update(organisation=page)
    start_review(page)
    if notify:
        notify_secretariat(
            "members/email/application_secretariat", context={"application": application}, page=page
        )
        queue_email(
            "members/email/application_received",
            to=application.contact_email,
            context={"application": application},
            organisation=page,
        )
    return application


def refer(application: MembershipApplication, owner, *, notify: bool = True) -> None:
    """The number is taken: the secretariat sorts it out with the applicant.

    The notice links to the application (its contact details stay in the admin) and to the
    organisation holding the number. It is not filed under that organisation: its members
    see their organisation's e-mail in their data export.
    """
    application.status = ApplicationStatus.REFERRED
    application.save(update_fields=["status", "confirmed_at", "nonce"])
    if notify:
        notify_secretariat(
            "members/email/application_referred_secretariat",
            context={
                "application": application,
                "owner": owner,
                "owner_url": admin_edit_url(owner) if owner else "",
                "application_url": settings.SITE_URL
                + reverse(
                    "wagtailsnippets_members_membershipapplication:inspect",
                    args=[application.pk],
                ),
            },
        )


def unique_slug(parent, name: str, exclude_pk=None) -> str:
    base = ascii_slug(name)[:70].strip("-") or "organisation"
    siblings = parent.get_children()
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = set(siblings.values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_relations(page: OrganisationPage, data: dict) -> None:
    def pick(model, key):
        return list(model.objects.filter(pk__in=data.get(key) or []))

    page.served_municipalities.set(pick(Municipality, "served_municipalities"))
    page.themes.set(pick(Theme, "themes"))
    page.environmental_objectives.set(pick(EnvironmentalObjective, "environmental_objectives"))
    page.offers.set(pick(CompetenceTag, "offers"))
    page.seeks.set(pick(CompetenceTag, "seeks"))
    page.partnership_types.set(pick(PartnershipType, "partnership_types"))


def create_draft(application: MembershipApplication) -> OrganisationPage:
    """The application as an unpublished organisation page, with its contact person.

    A never-published draft left by a rejected application for the same organisation
    number is reused, so the organisation keeps one page and its history.
    """
    index = DirectoryIndexPage.objects.order_by("path").first()
    if index is None:
        raise RuntimeError("The directory has no index page to add the organisation to")
    data = application.organisation_data
    fields = {
        "title": application.organisation_name,
        "draft_title": application.organisation_name,
        "org_type": data["org_type"],
        "is_sole_trader": bool(data.get("is_sole_trader")),
        "org_number": application.org_number,
        "size_class": data.get("size_class") or "",
        "short_description": data["short_description"],
        "description": text_to_rich_text(data.get("description") or ""),
        "website": data.get("website") or "",
        "head_office": Municipality.objects.get(pk=data["head_office"]),
        "serves_whole_county": bool(data.get("serves_whole_county")),
        "member_since": timezone.localdate(application.created_at),
        "last_confirmed_at": timezone.localdate(),
    }
    page = None
    if application.org_number:
        page = OrganisationPage.objects.filter(
            org_number=application.org_number, live=False, first_published_at__isnull=True
        ).first()
    if page is not None:
        for state in WorkflowState.objects.for_instance(page).active():
            state.cancel()
        for name, value in fields.items():
            setattr(page, name, value)
        page.slug = unique_slug(index, application.organisation_name, exclude_pk=page.pk)
        _set_relations(page, data)
        page.save()
    else:
        page = OrganisationPage(
            slug=unique_slug(index, application.organisation_name),
            live=False,
            has_unpublished_changes=True,
            **fields,
        )
        index.add_child(instance=page)
        _set_relations(page, data)
        page.save()
    page.save_revision(log_action=True)
    ContactPerson.objects.update_or_create(
        organisation=page,
        defaults={
            "name": application.contact_name,
            "role": application.contact_role,
            "email": application.contact_email,
            "phone": application.contact_phone,
            "publish_name": application.publish_name,
        },
    )
    return page


def application_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=APPLICATION_WORKFLOW, active=True).first()


def start_review(page: OrganisationPage, user=None) -> None:
    workflow = application_workflow() or page.get_workflow()
    if workflow is None:
        raise RuntimeError("No active workflow to review membership applications with")
    workflow.start(page, user)


# 3. The secretariat's decision (called from members.signals) ------------------------------


def pending_application(page: OrganisationPage) -> MembershipApplication | None:
    return MembershipApplication.objects.pending().filter(organisation=page).order_by("-pk").first()


def approved(application: MembershipApplication, page: OrganisationPage, user) -> None:
    """The workflow has published the page: finish the membership."""
    application.status = ApplicationStatus.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.save(update_fields=["status", "decided_at", "decided_by"])
    OrganisationPage.objects.filter(pk=page.pk).update(last_confirmed_at=timezone.localdate())
    if not application.publish_listing:
        delist(page, user=user, reason=NOT_LISTED_REASON)
    member, created = add_member(
        page,
        application.contact_email,
        name=application.contact_name,
        role=MembershipRole.CONTACT,
    )
    queue_email(
        "members/email/welcome",
        recipient_only=True,
        to=application.contact_email,
        context={
            "application": application,
            "page": page,
            "listed": application.publish_listing,
            "page_url": page.get_full_url() if application.publish_listing else "",
            "password_link": password_link(member) if created else "",
            "login_url": settings.SITE_URL + reverse("members:login"),
        },
        organisation=page,
    )


def rejected(application: MembershipApplication, page: OrganisationPage, user, comment) -> None:
    application.status = ApplicationStatus.REJECTED
    application.decided_at = timezone.now()
    application.decided_by = user
    application.decision_comment = comment
    application.save(update_fields=["status", "decided_at", "decided_by", "decision_comment"])
    queue_email(
        "members/email/application_rejected",
        to=application.contact_email,
        context={"application": application, "reason": comment},
        organisation=page,
    )
