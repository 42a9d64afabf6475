"""Yearly reminders to confirm a listing, and the links that confirm it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models.applications import new_nonce


class ReminderKind(models.TextChoices):
    YEARLY = "arlig", _("Årlig påminnelse")
    FINAL = "sista", _("Sista påminnelsen")


class ListingReminder(models.Model):
    """One reminder e-mail about one confirmation period of one listing.

    `period_start` is the listing's last confirmation date when the reminder went out: the
    unique constraint makes sending idempotent, whatever the schedule or a re-run does.
    """

    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="listing_reminders",
    )
    kind = models.CharField(_("typ"), max_length=8, choices=ReminderKind.choices)
    period_start = models.DateField(_("senast bekräftad när påminnelsen skickades"))
    sent_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftad via länken"), null=True, blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "period_start"], name="one_reminder_per_period"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.organisation.title}"
