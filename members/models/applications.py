"""Applications to join the council, from the public form to the secretariat's decision.

An application is kept here while the applicant confirms the e-mail address; only then does
it become a draft organisation page in the "Medlemsansökan" review workflow. The row stays as
the record of what was applied for and what was decided.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class ApplicationStatus(models.TextChoices):
    UNCONFIRMED = "obekraftad", _("Väntar på att e-postadressen bekräftas")
    SUBMITTED = "inskickad", _("Väntar på sekretariatets granskning")
    # Confirmed, but the organisation number is already in the directory or in another
    # application: the secretariat contacts the applicant (the public is never told why).
    REFERRED = "hanvisad", _("Numret finns redan: sekretariatet tar kontakt")
    APPROVED = "godkand", _("Godkänd")
    REJECTED = "avslagen", _("Avslagen")


class MembershipApplicationQuerySet(models.QuerySet):
    def unconfirmed(self):
        return self.filter(status=ApplicationStatus.UNCONFIRMED)

    def pending(self):
        return self.filter(status=ApplicationStatus.SUBMITTED)


class MembershipApplication(models.Model):
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.UNCONFIRMED,
        db_index=True,
    )
    organisation_name = models.CharField(_("organisationens namn"), max_length=255)
    org_number = models.CharField(_("organisationsnummer"), max_length=11, blank=True)
    organisation_data = models.JSONField(
        _("uppgifter om organisationen"),
        default=dict,
        help_text=_("Katalogens fält som de fylldes i, tills utkastet till sidan skapas."),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=120)
    contact_role = models.CharField(_("roll"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-postadress"))
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    publish_listing = models.BooleanField(_("samtycke: organisationen visas"), default=False)
    publish_name = models.BooleanField(_("samtycke: namn och roll visas"), default=False)
    nonce = models.CharField(
        max_length=32,
        default=new_nonce,
        editable=False,
        help_text="Part of the confirmation link; cleared when the link is used.",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_applications",
        help_text=_("Utkastet till organisationens sida, när e-postadressen är bekräftad."),
    )
    created_at = models.DateTimeField(_("inskickad"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("e-post bekräftad"), null=True, blank=True)
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_comment = models.TextField(_("motivering"), blank=True)

    objects = MembershipApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemsansökan")
        verbose_name_plural = _("medlemsansökningar")
        ordering = ["-created_at"]

    def __str__(self):
        return self.organisation_name

    @property
    def is_pending(self) -> bool:
        return self.status == ApplicationStatus.SUBMITTED
