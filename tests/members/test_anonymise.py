"""Anonymisera: one admin action erases a contact person from every place the site keeps
them, including mail already sent, mail queued or being sent, and notices about them."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from directory.models import ContactPerson
from mail.models import EmailStatus, OutgoingEmail
from members import accounts
from members.models import (
    ConsentRecord,
    ContactMessage,
    Invitation,
    MembershipApplication,
    RemovalRequest,
)
from tests.members.helpers import apply_and_approve, listing_data

pytestmark = pytest.mark.django_db

EMAIL = "oskar@hackas-trahus.example"  # the applicant in application_data()
SURNAME = "Lindqvist"

# Every model and field where the site keeps the person's address (the seeding below puts
# it in each). After anonymising, the whole database is scanned as well, so a place added
# later fails this test until the erasure covers it too.
ADDRESS_PLACES = [
    (ContactPerson, "email"),
    (MembershipApplication, "contact_email"),
    (ConsentRecord, "person_email"),
    (get_user_model(), "email"),
    (Invitation, "email"),
    (OutgoingEmail, "to"),  # mail to the person: sent, queued, being sent, failed
    (OutgoingEmail, "reply_to"),  # a message the person sent through Kontakta
    (OutgoingEmail, "body_text"),  # notices and messages that quote the address
    (OutgoingEmail, "body_html"),
    (OutgoingEmail, "last_error"),  # a mail server refusing the address
    (ContactMessage, "sender_email"),
    (RemovalRequest, "message"),  # the person's own words
]
NAME_PLACES = [
    (OutgoingEmail, "body_text"),  # "Oskar Lindqvist har ändrat uppgifterna …"
    (ContactMessage, "sender_name"),
    (ModelLogEntry, "label"),  # the admin's history: "Oskar Lindqvist (Hackås Trähus AB)"
]


def places_holding(text: str) -> list[str]:
    """Every text column of every table that contains `text` (case-insensitive)."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.JSONField):
                rows = model._base_manager.annotate(_text=Cast(field.name, models.TextField()))
                lookup = "_text__icontains"
            elif isinstance(field, models.CharField | models.TextField):
                rows, lookup = model._base_manager.all(), f"{field.name}__icontains"
            else:
                continue
            if rows.filter(**{lookup: text}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def holds(model, field, text) -> bool:
    return model._base_manager.filter(**{f"{field}__icontains": text}).exists()


@pytest.fixture
def oskar(client, join_page, directory_index, secretary, other_org, other_member):
    """Oskar applies and is approved, then leaves traces everywhere the site keeps them."""
    page = apply_and_approve(client, secretary)
    staff = Client()
    staff.force_login(secretary)
    member = Client()
    member.force_login(
        get_user_model().objects.get(email=EMAIL), backend="members.backends.MemberEmailBackend"
    )
    member.post(f"/min-organisation/{page.pk}/uppgifter/", listing_data(page, website=""))
    member.post(
        f"/min-organisation/{page.pk}/personuppgifter/borttagning/",
        {"scope": "kontaktperson", "message": f"Ta bort {EMAIL} och mitt namn överallt."},
    )
    Client().post(
        f"/kontakta/{other_org.pk}/",
        {
            "sender_name": "Oskar Lindqvist",
            "sender_organisation": "Hackås Trähus AB",
            "sender_email": EMAIL,
            "message": "Hej! Vill ni köpa trähus av oss?",
            "fax": "",
        },
    )
    accounts.invite(other_org, EMAIL, other_member)
    contact = ContactPerson.objects.get(organisation=page)
    staff.post(
        f"/admin/snippets/directory/contactperson/edit/{contact.pk}/",
        {"organisation": page.pk, "name": contact.name, "role": "vd", "email": EMAIL,
         "phone": "070-999 99 99", "publish_name": "on"},
    )  # fmt: skip
    to_him = OutgoingEmail.objects.filter(to=EMAIL).order_by("pk")
    assert to_him.count() >= 3
    OutgoingEmail.objects.filter(pk=to_him[0].pk).update(
        status=EmailStatus.SENDING, claimed_at=timezone.now()
    )
    OutgoingEmail.objects.filter(pk=to_him[1].pk).update(
        status=EmailStatus.FAILED, last_error=f"SMTPRecipientsRefused: {EMAIL}"
    )
    OutgoingEmail.objects.filter(pk=to_him[2].pk).update(status=EmailStatus.PENDING)
    return contact


def test_every_place_holding_the_address_or_name_is_erased(oskar, secretary):
    for model, field in ADDRESS_PLACES:
        assert holds(model, field, EMAIL), f"{model.__name__}.{field} was not seeded"
    for model, field in NAME_PLACES:
        assert holds(model, field, SURNAME), f"{model.__name__}.{field} was not seeded"
    staff = Client()
    staff.force_login(secretary)
    staff.post(f"/admin/medlemmar/kontaktpersoner/{oskar.pk}/anonymisera/")
    for model, field in ADDRESS_PLACES:
        assert not holds(model, field, EMAIL), f"{model.__name__}.{field} keeps the address"
    for model, field in NAME_PLACES:
        assert not holds(model, field, SURNAME), f"{model.__name__}.{field} keeps the name"
    assert places_holding(EMAIL) == []
    assert places_holding(SURNAME) == []
