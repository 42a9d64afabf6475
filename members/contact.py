"""Kontakta: deliver a visitor's message to an organisation without showing any address.

The message goes by e-mail to the contact person, with Reply-To set to the sender. The
contact person's address appears only in that e-mail's To. The sender gets no copy by
e-mail (the form would otherwise mail any text to any address in the council's name): the
form shows a receipt of what was sent instead (members.views.contact). An organisation
without a contact person is reached through the secretariat, whose address is never shown
either.
"""

from django.conf import settings
from django.db import transaction

from directory.models import ContactPerson, Opportunity, OrganisationPage
from mail.outbox import admin_edit_url, queue_email
from members.models import ContactMessage


def contact_person(organisation: OrganisationPage) -> ContactPerson | None:
    """The person messages go to, if the organisation can be contacted at all.

    Uses the cached relation when the page already loaded it (the organisation page does,
    for the public name), so a template asking costs no query.
    """
    try:
        contact = organisation.contact_person
    except ContactPerson.DoesNotExist:
        return None
    if contact is None or not contact.email or contact.email.endswith(".invalid"):
        return None
    return contact


def is_contactable(organisation: OrganisationPage) -> bool:
    return organisation.is_listed and contact_person(organisation) is not None


def _record(organisation: OrganisationPage, form, opportunity=None, **fields):
    """The message as stored (for delivery and abuse checks), and what its e-mails show."""
    data = form.cleaned_data
    message = ContactMessage.objects.create(
        organisation=organisation,
        opportunity=opportunity,
        sender_name=data["sender_name"],
        sender_organisation=data["sender_organisation"],
        sender_email=data["sender_email"],
        message=data["message"],
        **fields,
    )
    context = {
        "message": message,
        "organisation": organisation,
        "opportunity": opportunity,
        "organisation_url": organisation.get_full_url(),
        "privacy_note_days": 90,
        "site_url": settings.SITE_URL,
    }
    return message, context


@transaction.atomic
def send_message(
    organisation: OrganisationPage, form, opportunity: Opportunity | None = None
) -> ContactMessage:
    contact = contact_person(organisation)
    message, context = _record(organisation, form, opportunity)
    queue_email(
        "members/email/contact_message",
        recipient_only=True,
        to=contact.email,
        reply_to=(message.sender_name, message.sender_email),
        context={**context, "contact": contact},
        organisation=organisation,
    )
    return message


@transaction.atomic
def send_to_secretariat(organisation: OrganisationPage, form) -> ContactMessage:
    """A message about an organisation, to the secretariat, which answers or passes it on.

    For organisations without a contact person to relay to. The e-mail names the
    organisation and links to its page and its admin; Reply-To is the sender. It carries
    the sender's personal data, so it is not filed under the organisation (which would put
    it in the organisation's own data export), and no copy goes to the sender.
    """
    message, context = _record(organisation, form, to_secretariat=True)
    queue_email(
        "members/email/contact_secretariat",
        recipient_only=True,
        to=settings.SECRETARIAT_EMAIL,
        reply_to=(message.sender_name, message.sender_email),
        context={
            **context,
            "admin_url": admin_edit_url(organisation),
            "contactable": is_contactable(organisation),
        },
    )
    return message
