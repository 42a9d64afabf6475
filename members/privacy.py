"""Personal data: what a member can download, what staff can erase, and what is deleted
by itself (RETENTION, run by `manage.py purge_personal_data`)."""

import datetime
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from directory.models import ContactPerson, OrganisationPage
from mail.models import EmailStatus, OutgoingEmail
from members.models import (
    ApplicationStatus,
    ConsentRecord,
    ContactMessage,
    Invitation,
    ListingReminder,
    Membership,
    MembershipApplication,
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
    """Erase a contact person everywhere the site keeps them; returns what was changed.

    The contact slot stays (the organisation still needs one); the person's name, role,
    e-mail and phone go: from the contact person, the applications, consent records, the
    member account that uses the same address, invitations to it, mail to it (sent, queued
    or being sent), and every free text that quotes them (FREE_TEXT: notices, messages
    they sent through Kontakta, removal requests, the admin's history of their records).
    tests/members/test_anonymise.py lists the places and scans the whole database.
    """
    email = contact.email
    name = contact.name
    page = contact.organisation
    accounts = list(
        get_user_model()
        .objects.filter(
            email__iexact=email, is_staff=False, is_superuser=False, memberships__isnull=False
        )
        .distinct()
    )
    person = Person(
        emails=({email} | {a.email for a in accounts}) - {""},
        names=({name} | {a.get_full_name() for a in accounts}) - {""},
        records=_records_of(contact, email, name, accounts),
    )
    changed = {}
    contact.anonymise()
    changed["contact_person"] = 1
    changed["applications"] = MembershipApplication.objects.filter(
        pk__in=person.records[MembershipApplication]
    ).update(
        contact_name=ERASED_NAME,
        contact_role="",
        contact_email=erased_email(contact.pk),
        contact_phone="",
    )
    changed["consent_records"] = ConsentRecord.objects.filter(
        pk__in=person.records[ConsentRecord]
    ).update(person_name=ERASED_NAME, person_email="")
    changed["emails"] = _erase_mail_to(person)
    changed["contact_messages"] = ContactMessage.objects.filter(
        _any_iexact("sender_email", person.emails)
    ).update(sender_name=ERASED_NAME, sender_email=erased_email(f"m{contact.pk}"))
    changed["invitations"] = Invitation.objects.filter(
        _any_iexact("email", person.emails)
    ).delete()[0]
    for account in accounts:
        Membership.objects.filter(user=account).delete()
        account.email = erased_email(f"u{account.pk}")
        account.first_name = account.last_name = ""
        account.is_active = False
        account.set_unusable_password()
        account.save()
    changed["accounts"] = len(accounts)
    changed["texts"] = _scrub_free_text(person, page)
    changed["history"] = _scrub_history(person)
    log(instance=page, action="members.anonymise_contact", user=user, data={"changed": changed})
    return changed


@dataclass
class Person:
    emails: set[str]
    names: set[str]
    records: dict  # model → ids of the rows that are about this person

    def patterns(self) -> list[tuple[re.Pattern, str]]:
        """Each spelling of the address and the name, as written and HTML-escaped."""
        pairs = []
        for values, template, replacement in [
            (self.emails, "{}", ERASED_TEXT),
            (self.names, r"\b{}\b", ERASED_NAME),
        ]:
            for value in values:
                for spelling in {value, escape(value)}:
                    regex = template.format(re.escape(spelling))
                    pairs.append((re.compile(regex, re.IGNORECASE), replacement))
        return pairs


ERASED_TEXT = "[borttagen]"

# Free text that can quote a person, per model: rows holding the address anywhere, or the
# name in a row about the person's organisation, are rewritten without them.
FREE_TEXT = {
    OutgoingEmail: ["reply_to", "subject", "body_text", "body_html", "last_error"],
    ContactMessage: ["sender_name", "message"],
    RemovalRequest: ["message", "handled_note"],
    MembershipApplication: ["decision_comment"],
}


def _any_iexact(field: str, values) -> Q:
    query = Q(pk__in=[])
    for value in values:
        query |= Q(**{f"{field}__iexact": value})
    return query


def _any_icontains(fields, values) -> Q:
    query = Q(pk__in=[])
    for field in fields:
        for value in values:
            query |= Q(**{f"{field}__icontains": value})
    return query


def _records_of(contact, email, name, accounts) -> dict:
    """The rows that are about the person, before anything is changed."""
    page = contact.organisation
    return {
        ContactPerson: [contact.pk],
        MembershipApplication: list(
            MembershipApplication.objects.filter(
                Q(contact_email__iexact=email) | Q(organisation=page, contact_name=name)
            ).values_list("pk", flat=True)
        ),
        ConsentRecord: list(
            ConsentRecord.objects.filter(
                Q(person_email__iexact=email) | Q(organisation=page, person_name=name)
            ).values_list("pk", flat=True)
        ),
        Membership: list(Membership.objects.filter(user__in=accounts).values_list("pk", flat=True)),
        Invitation: list(
            Invitation.objects.filter(email__iexact=email).values_list("pk", flat=True)
        ),
    }


def _erase_mail_to(person: Person) -> int:
    """Mail to the person goes. One a worker is sending right now keeps its row (the worker
    records the outcome on it), without the address."""
    to_person = OutgoingEmail.objects.filter(_any_iexact("to", person.emails))
    in_flight = list(to_person.filter(status=EmailStatus.SENDING))
    deleted = to_person.exclude(status=EmailStatus.SENDING).delete()[0]
    patterns = person.patterns()
    for email in in_flight:
        email.to = erased_email(f"e{email.pk}")
        for field in FREE_TEXT[OutgoingEmail]:
            setattr(email, field, _scrub(getattr(email, field), patterns))
        email.save(update_fields=["to", *FREE_TEXT[OutgoingEmail]])
    return deleted + len(in_flight)


def _scrub(text: str, patterns) -> str:
    for pattern, replacement in patterns:
        text = pattern.sub(replacement, text)
    return text


def _scrub_free_text(person: Person, page) -> int:
    patterns = person.patterns()
    count = 0
    for model, fields in FREE_TEXT.items():
        about = _any_icontains(fields, person.emails) | (
            Q(organisation=page) & _any_icontains(fields, person.names)
        )
        for row in model.objects.filter(about):
            reply_to = getattr(row, "reply_to", "")
            if reply_to and _scrub(reply_to, patterns) != reply_to:
                row.reply_to = ""  # the person's own address: nobody is to reply there now
            for field in fields:
                setattr(row, field, _scrub(getattr(row, field), patterns))
            row.save(update_fields=fields)
            count += 1
    return count


def _scrub_history(person: Person) -> int:
    """The admin's history names records by their title, such as "Name (Organisation)"."""
    patterns = person.patterns()
    count = 0
    for model, ids in person.records.items():
        for entry in ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ):
            label = _scrub(entry.label, patterns)
            if label != entry.label:
                entry.label = label
                entry.save(update_fields=["label"])
                count += 1
    return count


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
