"""Passkeys as a second factor, through django-otp-webauthn's views.

The library's registration views let anyone without a device register one, which would
let the password alone enrol a passkey after a reset; here registration follows
staff_auth.policy.may_enrol like the app does, and a completed registration finishes the
enrolment the same way (backup codes, the end of a reset, the audit log). Signing in with
a passkey is the library's own view: it only accepts a passkey of the logged-in person
(passwordless login is off, OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN) and marks the session
verified. All of them are served before the second step is passed.

The URL namespace is the library's (`otp_webauthn`), so its template tags, which put the
endpoints into the page's JSON configuration, find these views.
"""

import json

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as library

from staff_auth import policy
from staff_auth.views import finish_enrolment


class EnrolmentNotAllowed(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "enrolment_not_allowed"
    default_detail = _(
        "Du kan inte registrera en nyckel nu. Logga in med din kod först, eller öppna länken "
        "i e-postmeddelandet om din tvåstegsverifiering har återställts."
    )


class EnrolmentPolicyMixin:
    def check_can_register(self):
        if not policy.may_enrol(self.request):
            raise EnrolmentNotAllowed()


class BeginRegistrationView(EnrolmentPolicyMixin, library.BeginCredentialRegistrationView):
    pass


class CompleteRegistrationView(EnrolmentPolicyMixin, library.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            device = library.WebAuthnCredential.objects.get(
                pk=response_id(response), user=self.request.user
            )
            finish_enrolment(self.request, device, "staff_auth.add_passkey")
        return response


def response_id(response) -> int:
    return json.loads(response.content)["id"]


urlpatterns = [
    path(
        "registrering/start/",
        policy.allow_unverified(BeginRegistrationView.as_view()),
        name="credential-registration-begin",
    ),
    path(
        "registrering/klar/",
        policy.allow_unverified(CompleteRegistrationView.as_view()),
        name="credential-registration-complete",
    ),
    path(
        "inloggning/start/",
        policy.allow_unverified(library.BeginCredentialAuthenticationView.as_view()),
        name="credential-authentication-begin",
    ),
    path(
        "inloggning/klar/",
        policy.allow_unverified(library.CompleteCredentialAuthenticationView.as_view()),
        name="credential-authentication-complete",
    ),
    # The script's texts; the Swedish ones come from site/locale (LOCALE_PATHS).
    path(
        "jsi18n/",
        policy.allow_unverified(JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])),
        name="js-i18n-catalog",
    ),
]
