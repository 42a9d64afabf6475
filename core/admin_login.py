"""Throttled login to the Wagtail admin (WAGTAILADMIN_USER_LOGIN_FORM) and password reset
(WAGTAILADMIN_USER_PASSWORD_RESET_FORM).

Failed logins are counted per account and per address in the database, with the
fixed-window counters every limit of the site uses (core.ratelimit). Once either is used up,
the login form is shown again with a Swedish message and the password is not checked at
all until the window has passed, so guessing stops even with the right password.

Password reset links are limited per address and per e-mail address like the member
reset: beyond the limit the form answers as always but sends nothing, so the reset can
neither flood a mailbox nor tell which addresses have accounts.
"""

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from core.ratelimit import (
    RESET_PER_EMAIL,
    RESET_PER_IP,
    Limit,
    RateLimited,
    check_and_hit,
    client_ip,
)

logger = logging.getLogger(__name__)

WINDOW = 15 * 60
FAILURES_PER_ACCOUNT = Limit("admin-login-account", 5, WINDOW)
FAILURES_PER_IP = Limit("admin-login-ip", 20, WINDOW)

TOO_MANY_FAILURES = _(
    "För många misslyckade inloggningar. Av säkerhetsskäl är inloggningen spärrad en kvart. "
    "Vänta och försök igen, eller återställ lösenordet."
)


class ThrottledLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label of its own, so Django made one from its name: the
        # English "Password" on an otherwise Swedish login page.
        self.fields["password"].label = _("Lösenord")

    def clean(self):
        ip = client_ip(self.request) if self.request else ""
        account = (self.data.get("username") or "").strip().lower()
        if FAILURES_PER_IP.exceeded(ip) or (account and FAILURES_PER_ACCOUNT.exceeded(account)):
            logger.warning("Admin login refused: too many failed attempts")
            raise forms.ValidationError(TOO_MANY_FAILURES, code="rate_limited")
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                FAILURES_PER_IP.hit(ip)
                if account:
                    FAILURES_PER_ACCOUNT.hit(account)
            raise


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        ip = client_ip(request) if request else ""
        try:
            check_and_hit([(RESET_PER_IP, ip), (RESET_PER_EMAIL, email)])
        except RateLimited as limited:
            logger.warning("Admin password reset not sent: rate limit %s used up", limited)
            return None
        return super().save(*args, request=request, **kwargs)
