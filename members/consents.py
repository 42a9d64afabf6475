"""Giving and withdrawing consent, recorded with the exact wording (see models.consents)."""

from django.db import transaction

from directory.models import ContactPerson, OrganisationPage
from members.models.consents import (
    DEFAULT_LETTER_OF_INTENT,
    DEFAULT_LISTING_CONSENT,
    DEFAULT_NAME_CONSENT,
    ConsentKind,
    ConsentRecord,
    ConsentSource,
    ConsentText,
)


def current_text(kind: str, page) -> ConsentText:
    """The wording in use now: from the live application page (MembershipApplicationPage
    .current()), or the defaults without one."""
    if kind == ConsentKind.LETTER_OF_INTENT:
        text = page.letter_of_intent if page else DEFAULT_LETTER_OF_INTENT
    elif kind == ConsentKind.PUBLISH_LISTING:
        text = page.listing_consent_text if page else DEFAULT_LISTING_CONSENT
    else:
        text = page.name_consent_text if page else DEFAULT_NAME_CONSENT
    return ConsentText.for_text(kind, str(text))


def record(
    kind: str,
    given: bool,
    *,
    source: str,
    text: ConsentText | None = None,
    organisation: OrganisationPage | None = None,
    application=None,
    person_name: str = "",
    person_email: str = "",
    user=None,
    join_page=None,
) -> ConsentRecord:
    """One consent given or withdrawn, in `text` or else the wording of `join_page`."""
    return ConsentRecord.objects.create(
        kind=kind,
        given=given,
        text=text or current_text(kind, join_page),
        organisation=organisation,
        application=application,
        person_name=person_name,
        person_email=person_email,
        recorded_by=user if user is not None and user.is_authenticated else None,
        source=source,
    )


def latest(organisation: OrganisationPage) -> dict:
    return ConsentRecord.objects.filter(organisation=organisation).latest_per_kind()


@transaction.atomic
def set_name_consent(
    contact: ContactPerson, given: bool, *, source: str, user=None, join_page=None
) -> bool:
    """Show or hide the contact person's name; True when something changed."""
    contact = ContactPerson.objects.select_for_update().get(pk=contact.pk)
    if contact.publish_name == given:
        return False
    contact.publish_name = given
    contact.save(update_fields=["publish_name", "updated_at"])
    previous = (
        ConsentRecord.objects.filter(
            organisation_id=contact.organisation_id, kind=ConsentKind.PUBLISH_NAME, given=True
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    record(
        ConsentKind.PUBLISH_NAME,
        given,
        source=source,
        # A withdrawal refers to the wording that was agreed to.
        text=previous.text if (not given and previous) else None,
        organisation=contact.organisation,
        person_name=contact.name,
        person_email=contact.email,
        user=user,
        join_page=join_page,
    )
    return True


__all__ = ["ConsentSource", "current_text", "latest", "record", "set_name_consent"]
