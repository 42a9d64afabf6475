"""Members' requests to have their data removed, handled by the secretariat."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RemovalScope(models.TextChoices):
    CONTACT_PERSON = "kontaktperson", _("Uppgifterna om kontaktpersonen")
    EVERYTHING = "allt", _("Organisationen och alla uppgifter om den")


class RemovalRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(handled_at__isnull=True)


class RemovalRequest(models.Model):
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="removal_requests",
    )
    organisation_name = models.CharField(
        _("organisationens namn"),
        max_length=255,
        help_text=_("Sparas för sig, så att begäran finns kvar om sidan tas bort."),
    )
    scope = models.CharField(_("vad ska tas bort"), max_length=16, choices=RemovalScope.choices)
    message = models.TextField(_("meddelande"), blank=True, max_length=2000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begärd av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("begärd"), auto_now_add=True)
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hanterad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_note = models.TextField(
        _("anteckning"),
        blank=True,
        help_text=_(
            "Vad sekretariatet gjorde, till exempel Organisationen avlistad och "
            "kontaktpersonen anonymiserad."
        ),
    )

    objects = RemovalRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("begäran om borttagning")
        verbose_name_plural = _("begäranden om borttagning")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation_name}: {self.get_scope_display()}"
