"""A reset of a staff member's second factor, and who may make one.

The devices themselves are django-otp's (app codes, backup codes) and
django-otp-webauthn's (passkeys). After the secretariat resets someone's devices, that
person must not get a new device with the password alone: whoever knows the password
could otherwise enrol their own phone. So a reset leaves a TwoFactorReset behind, and
while it exists the person enrols only after opening the single-use link mailed to them
(its nonce is cleared when the link is opened). It goes away once they have a new device.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TwoFactorReset(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_reset",
        verbose_name=_("användare"),
    )
    # Set while the mailed link is unused; cleared when it is opened.
    nonce = models.CharField(max_length=64, blank=True, editable=False)
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("återställd av"),
    )
    created_at = models.DateTimeField(_("återställd"), default=timezone.now)
    link_opened_at = models.DateTimeField(_("länken öppnad"), null=True, blank=True)

    class Meta:
        default_permissions = ()
        permissions = [("reset_devices", "Can reset other staff members' two-factor devices")]
        verbose_name = _("återställd tvåstegsverifiering")
        verbose_name_plural = _("återställda tvåstegsverifieringar")

    def __str__(self):
        return str(self.user)
