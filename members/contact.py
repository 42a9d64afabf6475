"""Kontakta: deliver a visitor's message to an organisation without showing any address.

The message goes by e-mail to the contact person, with Reply-To set to the sender. The
contact person's address appears only in that e-mail's To. The sender gets no copy by
e-mail (the form would otherwise mail any text to any address in the council's name): the
form shows a receipt of what was sent instead (members.views.contact).
"""

from django.conf import settings
from django.db import transaction

from directory.models import ContactPerson, Opportunity, OrganisationPage
from members.mail import queue_email
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


@transaction.atomic
def send_message(
    organisation: OrganisationPage, form, opportunity: Opportunity | None = None
) -> ContactMessage:
    contact = contact_person(organisation)
    data = form.cleaned_data
    message = ContactMessage.objects.create(
        organisation=organisation,
        opportunity=opportunity,
        sender_name=data["sender_name"],
        sender_organisation=data["sender_organisation"],
        sender_email=data["sender_email"],
        message=data["message"],
    )
    context = {
        "message": message,
        "organisation": organisation,
        "opportunity": opportunity,
        "organisation_url": organisation.get_full_url(),
        "privacy_note_days": 90,
        "site_url": settings.SITE_URL,
    }
    queue_email(
        "contact_message",
        to=contact.email,
        reply_to=(message.sender_name, message.sender_email),
        context={**context, "contact": contact},
        organisation=organisation,
    )
    return message
