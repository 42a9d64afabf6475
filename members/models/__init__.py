"""The membership app's models, one module per concept."""

from members.models.accounts import Invitation, Membership, MembershipRole
from members.models.applications import (
    ApplicationStatus,
    MembershipApplication,
    new_nonce,
)
from members.models.consents import ConsentKind, ConsentRecord, ConsentSource, ConsentText
from members.models.contact import ContactMessage
from members.models.pages import MembershipApplicationPage
from members.models.reminders import ListingReminder, ReminderKind
from members.models.requests import RemovalRequest, RemovalScope

__all__ = [
    "ApplicationStatus",
    "ConsentKind",
    "ConsentRecord",
    "ConsentSource",
    "ConsentText",
    "ContactMessage",
    "Invitation",
    "ListingReminder",
    "Membership",
    "MembershipApplication",
    "MembershipApplicationPage",
    "MembershipRole",
    "ReminderKind",
    "RemovalRequest",
    "RemovalScope",
    "new_nonce",
]
