"""Form data and link helpers shared by the membership tests."""

import re

from django.core import mail

from directory.models import CompetenceTag, Municipality, PartnershipType
from themes.models import Theme


def application_data(**overrides) -> dict:
    """A complete, valid application as the browser posts it."""
    data = {
        "name": "Hackås Trähus AB",
        "org_type": "foretag",
        "org_number": valid_org_number("559123456"),
        "size_class": "1-9",
        "short_description": "Vi bygger småhus i massivträ med lokalt virke.",
        "description": "Vi bygger hus.\n\nVi vill bygga fler förskolor i trä.",
        "website": "www.hackas-trahus.example",
        "head_office": str(Municipality.objects.get(slug="berg").pk),
        "served_municipalities": [str(Municipality.objects.get(slug="ostersund").pk)],
        "themes": [str(Theme.objects.get(slug="energiomstallning").pk)],
        "offers": [str(CompetenceTag.objects.get(name="träbyggande").pk)],
        "seeks": [str(CompetenceTag.objects.get(name="återbruk").pk)],
        "partnership_types": [str(PartnershipType.objects.get(slug="leverantor").pk)],
        "contact_name": "Oskar Lindqvist",
        "contact_role": "vd",
        "contact_email": "oskar@hackas-trahus.example",
        "contact_phone": "070-123 45 67",
        "accept_letter": "on",
        "consent_listing": "on",
        "consent_name": "on",
        "fax": "",
    }
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def valid_org_number(prefix="559123456") -> str:
    from directory.validators import luhn_check_digit

    return f"{prefix[:6]}-{prefix[6:]}{luhn_check_digit(prefix)}"


def link_in(message, pattern=r"https?://\S+") -> str:
    """The first link in a mail's text part matching `pattern`, as a path."""
    match = re.search(pattern, message.body)
    assert match, f"no link matching {pattern} in:\n{message.body}"
    return re.sub(r"^https?://[^/]+", "", match.group(0))


def last_mail_to(address):
    found = [m for m in mail.outbox if address in m.to]
    assert found, f"no mail to {address}; outbox: {[(m.to, m.subject) for m in mail.outbox]}"
    return found[-1]


def listing_data(page, **overrides):
    """The member's listing form (Min organisation › Uppgifter) as the browser posts it,
    filled in from `page`."""
    from members.forms.organisation import OrganisationDetailsForm

    initial = OrganisationDetailsForm.initial_from_page(page)
    data = {}
    for key, value in initial.items():
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list):
            data[key] = [str(v) for v in value]
        elif value is not None:
            data[key] = str(value)
    data.update(overrides)
    return data


def apply_and_approve(client, secretary):
    """Apply with application_data(), confirm the address, approve as the secretariat in the
    admin; returns the published organisation page."""
    from django.test import Client

    from directory.models import OrganisationPage
    from members import applications
    from members.models import MembershipApplication

    client.post("/ga-med/ansokan/", application_data())
    application = MembershipApplication.objects.get()
    applications.confirm(applications.confirmation_token(application))
    page = MembershipApplication.objects.get().organisation
    staff = Client()
    staff.force_login(secretary)
    task_state = OrganisationPage.objects.get(pk=page.pk).current_workflow_task_state
    staff.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {})
    return OrganisationPage.objects.get(pk=page.pk)
