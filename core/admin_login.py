"""Throttled login to the Wagtail admin (WAGTAILADMIN_USER_LOGIN_FORM).

Failed logins are counted per account and per address in Django's cache, with the same
fixed-window limits the member login uses (members.ratelimit). Once either is used up,
the login form is shown again with a Swedish message and the password is not checked at
all until the window has passed, so guessing stops even with the right password.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from members.ratelimit import Limit, client_ip

WINDOW = 15 * 60
FAILURES_PER_ACCOUNT = Limit("admin-login-account", 5, WINDOW)
FAILURES_PER_IP = Limit("admin-login-ip", 20, WINDOW)

TOO_MANY_FAILURES = _(
    "För många misslyckade inloggningar. Av säkerhetsskäl går det inte att logga in härifrån "
    "på en kvart. Vänta och försök igen, eller återställ lösenordet."
)


class ThrottledLoginForm(LoginForm):
    def clean(self):
        ip = client_ip(self.request) if self.request else ""
        account = (self.data.get("username") or "").strip().lower()
        if FAILURES_PER_IP.exceeded(ip) or (account and FAILURES_PER_ACCOUNT.exceeded(account)):
            raise forms.ValidationError(TOO_MANY_FAILURES, code="rate_limited")
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                FAILURES_PER_IP.hit(ip)
                if account:
                    FAILURES_PER_ACCOUNT.hit(account)
            raise
