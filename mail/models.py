"""Outgoing e-mail, stored until it is sent so that no message is lost.

Every e-mail the site sends (one recipient each) is rendered into a row here and sent
by a background task (mail.outbox). A failed send is retried with growing pauses; after
MAX_ATTEMPTS it is marked failed and logged as an error, and staff see it on the dashboard.
Rows are deleted after a while (see members.privacy), since they hold personal data.

The table is still `members_outgoingemail`: the model moved here from the membership app
with its rows (migration 0001).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "vantar", _("Väntar")
    SENDING = "skickas", _("Skickas")
    SENT = "skickad", _("Skickad")
    FAILED = "misslyckad", _("Misslyckades")


class OutgoingEmailQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(status=EmailStatus.FAILED)

    def to_address(self, email: str):
        return self.filter(to__iexact=email.strip())


class OutgoingEmail(models.Model):
    template = models.CharField(_("mall"), max_length=80)
    # A relayed contact message is for its recipient only, and a link to choose a password
    # would let the reader sign in as its recipient: staff never read such a text.
    recipient_only = models.BooleanField(_("bara för mottagaren"), default=False)
    to = models.EmailField(_("mottagare"))
    reply_to = models.CharField(_("svara till"), max_length=320, blank=True)
    subject = models.CharField(_("ämne"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("html"), blank=True)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outgoing_emails",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EmailStatus.choices,
        default=EmailStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(_("nästa försök"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("senaste fel"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        ordering = ["-created_at"]
        # Stored as sent: nobody adds, changes or deletes a message by hand (the admin's
        # policy, mail.admin_views, holds superusers to that too).
        db_table = "members_outgoingemail"
        default_permissions = ("view",)
        permissions = [
            ("view_body_outgoingemail", "Can read the text of outgoing email"),
            ("resend_outgoingemail", "Can send outgoing email again"),
        ]

    def __str__(self):
        return self.subject

    @property
    def body_for_staff(self) -> bool:
        """Whether staff allowed to read e-mail may read this message's text."""
        return not self.recipient_only

    @property
    def can_be_resent(self) -> bool:
        """Sent or given up messages, and those waiting for a retry; not one being sent."""
        return self.status in {EmailStatus.SENT, EmailStatus.FAILED} or (
            self.status == EmailStatus.PENDING and self.attempts > 0
        )
