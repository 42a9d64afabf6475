"""Personal data: what a member can download, what staff can erase, and what is deleted
by itself (RETENTION, run by `manage.py purge_personal_data`)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from directory.models import ContactPerson, OrganisationPage
from members.models import (
    ApplicationStatus,
    ConsentRecord,
    ContactMessage,
    EmailStatus,
    Invitation,
    ListingReminder,
    Membership,
    MembershipApplication,
    OutgoingEmail,
    RemovalRequest,
)
from members.models.contact import RETENTION as CONTACT_MESSAGE_RETENTION

# How long things are kept (described in the privacy notice, home/demo.py).
RETENTION = {
    "contact_messages": CONTACT_MESSAGE_RETENTION,  # 90 days
    "unconfirmed_applications": datetime.timedelta(days=30),
    "sent_emails": datetime.timedelta(days=30),
    "failed_emails": datetime.timedelta(days=90),
    "invitations": datetime.timedelta(days=30),
}
ERASED_NAME = "Borttagen kontaktperson"


def erased_email(pk) -> str:
    return f"borttagen-{pk}@invalid.invalid"


# Export ---------------------------------------------------------------------------------


def _date(value):
    return value.isoformat() if value else None


def export_organisation(page: OrganisationPage) -> dict:
    """Everything the site holds about the organisation and its contact person."""
    page = OrganisationPage.objects.select_related("head_office").get(pk=page.pk)
    live = {
        "namn": page.title,
        "adress": page.get_full_url() if page.live else None,
        "typ": page.get_org_type_display(),
        "enskild_firma": page.is_sole_trader,
        "organisationsnummer": page.org_number or None,
        "storlek": page.get_size_class_display() if page.size_class else None,
        "kort_beskrivning": page.short_description,
        "beskrivning_html": page.description,
        "webbplats": page.website or None,
        "huvudkontor": page.head_office.name,
        "verkar_i_hela_lanet": page.serves_whole_county,
        "verkar_i_kommunerna": [m.name for m in page.served_municipalities.all()],
        "teman": [t.name for t in page.themes.all()],
        "miljokvalitetsmal": [o.name for o in page.environmental_objectives.all()],
        "erbjuder": [t.name for t in page.offers.all()],
        "soker": [t.name for t in page.seeks.all()],
        "samarbetsformer": [p.name for p in page.partnership_types.all()],
        "medlem_sedan": _date(page.member_since),
        "uppgifterna_bekraftade": _date(page.last_confirmed_at),
        "publicerad_i_katalogen": page.is_listed,
        "avlistad": _date(page.delisted_at),
        "skal_till_avlistning": page.delisted_reason or None,
        "andringar_som_vantar_pa_granskning": page.has_unpublished_changes,
    }
    contact = ContactPerson.objects.filter(organisation=page).first()
    return {
        "exporterad": timezone.now().isoformat(),
        "organisation": live,
        "kontaktperson": (
            {
                "namn": contact.name,
                "roll": contact.role,
                "e_post": contact.email,
                "telefon": contact.phone,
                "namn_och_roll_visas": contact.publish_name,
                "andrad": _date(contact.updated_at),
            }
            if contact
            else None
        ),
        "konton": [
            {
                "namn": m.user.get_full_name(),
                "e_post": m.user.email,
                "roll": m.get_role_display(),
                "sedan": _date(m.created_at),
                "senast_inloggad": _date(m.user.last_login),
            }
            for m in Membership.objects.filter(organisation=page).select_related("user")
        ],
        "inbjudningar": [
            {"e_post": i.email, "skickad": _date(i.created_at), "accepterad": _date(i.accepted_at)}
            for i in Invitation.objects.filter(organisation=page)
        ],
        "samarbetsmojligheter": [
            {
                "typ": o.get_kind_display(),
                "rubrik": o.title,
                "text": o.text,
                "kompetenser": [t.name for t in o.competences.all()],
                "samarbetsform": o.partnership_type.name if o.partnership_type else None,
                "galler_till": _date(o.valid_until),
                "publicerad": _date(o.published_at),
            }
            for o in page.opportunities.select_related("partnership_type").prefetch_related(
                "competences"
            )
        ],
        "samtycken": [
            {
                "galler": r.get_kind_display(),
                "givet": r.given,
                "nar": _date(r.created_at),
                "person": r.person_name,
                "textversion": r.text.version,
                "text": r.text.text,
                "hur": r.get_source_display(),
            }
            for r in ConsentRecord.objects.filter(organisation=page)
            .select_related("text")
            .order_by("created_at", "pk")
        ],
        "ansokningar": [
            {
                "inskickad": _date(a.created_at),
                "status": a.get_status_display(),
                "bekraftad": _date(a.confirmed_at),
                "beslutad": _date(a.decided_at),
                "motivering": a.decision_comment or None,
                "kontaktperson": a.contact_name,
                "e_post": a.contact_email,
                "telefon": a.contact_phone,
                "roll": a.contact_role,
                "uppgifter": a.organisation_data,
            }
            for a in MembershipApplication.objects.filter(organisation=page)
        ],
        "meddelanden_via_kontaktformularet": [
            {
                "skickat": _date(m.created_at),
                "fran": m.sender_name,
                "organisation": m.sender_organisation,
                "e_post": m.sender_email,
                "meddelande": m.message,
            }
            for m in ContactMessage.objects.filter(organisation=page, to_secretariat=False)
        ],
        "paminnelser": [
            {
                "typ": r.get_kind_display(),
                "skickad": _date(r.sent_at),
                "bekraftad": _date(r.confirmed_at),
            }
            for r in ListingReminder.objects.filter(organisation=page)
        ],
        "e_post_fran_webbplatsen": [
            {
                "till": e.to,
                "amne": e.subject,
                "skapad": _date(e.created_at),
                "status": e.get_status_display(),
            }
            for e in OutgoingEmail.objects.filter(organisation=page)
        ],
        "begaranden_om_borttagning": [
            {
                "begard": _date(r.created_at),
                "galler": r.get_scope_display(),
                "meddelande": r.message,
                "hanterad": _date(r.handled_at),
            }
            for r in RemovalRequest.objects.filter(organisation=page)
        ],
    }


# Erasure ---------------------------------------------------------------------------------


@transaction.atomic
def anonymise_contact_person(contact: ContactPerson, user=None) -> dict:
    """Erase a contact person everywhere the app keeps them; returns what was changed.

    The contact slot stays (the organisation still needs one); the person's name, role,
    e-mail and phone go, from the contact person, the applications, consent records,
    stored e-mails and the member account that uses the same address.
    """
    email = contact.email
    name = contact.name
    page = contact.organisation
    changed = {}
    contact.anonymise()
    changed["contact_person"] = 1
    changed["applications"] = MembershipApplication.objects.filter(
        Q(contact_email__iexact=email) | Q(organisation=page, contact_name=name)
    ).update(
        contact_name=ERASED_NAME,
        contact_role="",
        contact_email=erased_email(contact.pk),
        contact_phone="",
    )
    changed["consent_records"] = ConsentRecord.objects.filter(
        Q(person_email__iexact=email) | Q(organisation=page, person_name=name)
    ).update(person_name=ERASED_NAME, person_email="")
    changed["emails"] = (
        OutgoingEmail.objects.to_address(email).exclude(status=EmailStatus.SENDING).delete()[0]
    )
    changed["invitations"] = Invitation.objects.filter(email__iexact=email).delete()[0]
    accounts = 0
    for account in (
        get_user_model()
        .objects.filter(
            email__iexact=email, is_staff=False, is_superuser=False, memberships__isnull=False
        )
        .distinct()
    ):
        Membership.objects.filter(user=account).delete()
        account.email = erased_email(f"u{account.pk}")
        account.first_name = account.last_name = ""
        account.is_active = False
        account.set_unusable_password()
        account.save()
        accounts += 1
    changed["accounts"] = accounts
    log(instance=page, action="members.anonymise_contact", user=user, data={"changed": changed})
    return changed


# Retention -------------------------------------------------------------------------------


def purge(now=None) -> dict:
    """Delete what has been kept long enough. Idempotent; returns counts per kind."""
    now = now or timezone.now()
    deleted = {}
    deleted["contact_messages"] = ContactMessage.objects.filter(
        created_at__lt=now - RETENTION["contact_messages"]
    ).delete()[0]
    stale = MembershipApplication.objects.filter(
        status=ApplicationStatus.UNCONFIRMED,
        created_at__lt=now - RETENTION["unconfirmed_applications"],
    )
    ConsentRecord.objects.filter(application__in=stale).delete()
    deleted["unconfirmed_applications"] = stale.delete()[0]
    deleted["sent_emails"] = OutgoingEmail.objects.filter(
        status=EmailStatus.SENT, created_at__lt=now - RETENTION["sent_emails"]
    ).delete()[0]
    deleted["failed_emails"] = OutgoingEmail.objects.filter(
        status=EmailStatus.FAILED, created_at__lt=now - RETENTION["failed_emails"]
    ).delete()[0]
    deleted["invitations"] = Invitation.objects.filter(
        created_at__lt=now - RETENTION["invitations"]
    ).delete()[0]
    return deleted
