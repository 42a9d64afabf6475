"""The second step after the password: sign in with a code or passkey, or enrol.

These views are served before the second factor is passed (staff_auth.policy
.allow_unverified), in the layout of Wagtail's login page and under the site's strict
Content-Security-Policy rather than the admin's looser one: they need no inline script or
style (the QR code is inline SVG without style attributes; passkeys use
django-otp-webauthn's script files and a JSON configuration block).

Codes are posted, never put in a URL, and marked sensitive, so Django's error reports
show them as stars; nothing logs them (staff_auth.throttle).
"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from members.tokens import LinkError
from staff_auth import devices, policy, recovery, throttle
from staff_auth.forms import AppCodeForm, CodeForm

BACKUP_CODES_SESSION_KEY = "staff_auth_new_backup_codes"
LINK_ERRORS = {
    "invalid": gettext_lazy(
        "Länken är ofullständig eller felaktig. Kopiera hela länken från e-postmeddelandet."
    ),
    "expired": gettext_lazy(
        "Länken har slutat gälla. Be sekretariatet återställa din tvåstegsverifiering igen."
    ),
    "used": gettext_lazy(
        "Länken har redan använts. Be sekretariatet återställa din tvåstegsverifiering igen."
    ),
    "other_account": gettext_lazy(
        "Länken gäller ett annat konto. Logga ut och logga in med det konto som länken "
        "skickades till."
    ),
}


class SecondStepView(View):
    """Shared by the step's pages: no caching, the strict CSP, and `next` carried along."""

    template_name = ""

    @method_decorator(never_cache)
    @method_decorator(sensitive_post_parameters("code"))
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response._csp_config = settings.SECURE_CSP
        return response

    def render(self, context, status=200):
        context.setdefault("next", policy.safe_next(self.request))
        return render(self.request, self.template_name, context, status=status)

    def done(self, device):
        """The session has passed the second step with `device`: on to `next`."""
        otp_login(self.request, device)
        return HttpResponseRedirect(policy.safe_next(self.request))


class VerifyView(SecondStepView):
    template_name = "staff_auth/verify.html"

    def get(self, request):
        if request.user.is_verified():
            return HttpResponseRedirect(policy.safe_next(request))
        if not devices.has_any_device(request.user):
            return redirect(policy.with_next("staff_auth:setup", policy.safe_next(request)))
        refusal = throttle.refusal(request, request.user)
        return self.render({"form": CodeForm(), "refusal": refusal})

    def post(self, request):
        if not devices.has_any_device(request.user):
            return redirect(policy.with_next("staff_auth:setup", policy.safe_next(request)))
        form = CodeForm(request.POST)
        if form.is_valid():
            outcome = throttle.check_code(request, request.user, form.cleaned_data["code"])
            if outcome.device is not None:
                if outcome.device.persistent_id.startswith("otp_static."):
                    left = devices.backup_codes_left(request.user)
                    messages.warning(
                        request,
                        _(
                            "Du loggade in med en reservkod. Du har %(left)s kvar; skapa nya "
                            "under Konto › Tvåstegsverifiering när de börjar ta slut."
                        )
                        % {"left": left},
                    )
                return self.done(outcome.device)
            form.add_error("code", outcome.error)
        return self.render({"form": form, "refusal": ""}, status=400)

    def render(self, context, status=200):
        context["has_passkey"] = devices.passkeys(self.request.user).exists()
        return super().render(context, status)


class SetupView(SecondStepView):
    """Enrolment: an app (QR code or key, confirmed by a code) or a passkey."""

    template_name = "staff_auth/setup.html"

    def refused(self):
        """Devices but not verified: verify first. No device after a reset: the link."""
        if devices.has_any_device(self.request.user):
            return redirect(policy.with_next("staff_auth:verify", policy.safe_next(self.request)))
        return self.render({"waiting_for_link": True})

    def context(self, form):
        device = devices.pending_app(self.request.user)
        next_url = policy.safe_next(self.request)
        return {
            "form": form,
            # Drawn here from the device's own key: markup we made, not user input.
            "qr_svg": mark_safe(devices.app_qr_svg(device)),
            "app_key": devices.app_key(device),
            "replacing": devices.has_primary_device(self.request.user),
            "after_passkey_url": policy.with_next("staff_auth:backup_codes", next_url),
        }

    def get(self, request):
        if not policy.may_enrol(request):
            return self.refused()
        return self.render(self.context(AppCodeForm()))

    def post(self, request):
        if not policy.may_enrol(request):
            return self.refused()
        form = AppCodeForm(request.POST)
        if form.is_valid():
            device = devices.pending_app(request.user)
            if devices.confirm_app(device, form.cleaned_data["code"]):
                device.refresh_from_db()
                finish_enrolment(request, device, "staff_auth.add_app")
                next_url = policy.safe_next(request)
                return redirect(policy.with_next("staff_auth:backup_codes", next_url))
            form.add_error(
                "code",
                _(
                    "Koden stämmer inte. Kontrollera att du skannade koden ovan och skriv den "
                    "kod som appen visar nu. Efter flera fel får du vänta några sekunder."
                ),
            )
        return self.render(self.context(form), status=400)


def finish_enrolment(request, device, action: str) -> None:
    """A new device is confirmed: the session counts as verified by it (a replaced app
    was deleted), a reset is over, and someone without backup codes gets ten, shown once."""
    otp_login(request, device)
    recovery.enrolled(request, request.user)
    recovery.audit(request.user, action)
    if not devices.backup_codes_left(request.user):
        request.session[BACKUP_CODES_SESSION_KEY] = devices.new_backup_codes(request.user)


class BackupCodesView(SecondStepView):
    """The new backup codes, once: they are taken out of the session as they are shown."""

    template_name = "staff_auth/backup_codes.html"

    def get(self, request):
        codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
        if not codes:
            return HttpResponseRedirect(policy.safe_next(request))
        return self.render({"codes": codes})


class LinkView(SecondStepView):
    """The link mailed after a reset: opened while logged in, it lets this session enrol."""

    template_name = "staff_auth/link_error.html"

    def get(self, request, token):
        try:
            recovery.open_link(request, token)
        except LinkError as error:
            return self.render({"message": LINK_ERRORS[error.reason]}, status=400)
        return redirect("staff_auth:setup")
