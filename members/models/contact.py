"""Messages visitors send to an organisation through the site ("Kontakta"), or to the
secretariat about an organisation that no one can be reached at.

Kept only to deliver them and to stop abuse, and deleted after RETENTION by
`manage.py purge_personal_data`. Staff see counts, never the content.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

RETENTION = datetime.timedelta(days=90)


class ContactMessage(models.Model):
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("till organisation"),
        on_delete=models.CASCADE,
        related_name="contact_messages",
    )
    opportunity = models.ForeignKey(
        "directory.Opportunity",
        verbose_name=_("om samarbetsmöjligheten"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_messages",
    )
    sender_name = models.CharField(_("avsändarens namn"), max_length=120)
    sender_organisation = models.CharField(_("avsändarens organisation"), max_length=200)
    sender_email = models.EmailField(_("avsändarens e-postadress"))
    message = models.TextField(_("meddelande"), max_length=5000)
    to_secretariat = models.BooleanField(
        _("till sekretariatet"),
        default=False,
        help_text=_(
            "Skickat till sekretariatet om organisationen, som saknar kontaktperson som tar "
            "emot meddelanden. Organisationen ser inte meddelandet."
        ),
    )
    created_at = models.DateTimeField(_("skickat"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("kontaktförfrågan")
        verbose_name_plural = _("kontaktförfrågningar")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sender_name} → {self.organisation.title}"
