"""Member accounts: which users may manage which organisation, and invitations to colleagues.

Members are ordinary Django users with no groups and no permissions: they cannot enter the
Wagtail admin. What they may touch is decided by Membership alone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models.applications import new_nonce


class MembershipRole(models.TextChoices):
    CONTACT = "kontaktperson", _("Kontaktperson")
    COLLEAGUE = "kollega", _("Kollega")


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user, user__is_active=True)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användare"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("roll"), max_length=16, choices=MembershipRole.choices, default=MembershipRole.COLLEAGUE
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inbjuden av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskonto")
        verbose_name_plural = _("medlemskonton")
        ordering = ["organisation__title", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} ({self.organisation.title})"


class Invitation(models.Model):
    """A colleague invited to share an organisation; accepted through a signed link."""

    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="member_invitations",
    )
    email = models.EmailField(_("e-postadress"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inbjuden av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepterad"), null=True, blank=True)

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.organisation.title})"
