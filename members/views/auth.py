"""Logging in to Min organisation with e-mail and password, and choosing a password.

Separate from the Wagtail admin's login: members authenticate through
members.backends.MemberEmailBackend only, and have no admin permissions.
"""

from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import PasswordResetConfirmView
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from core.ratelimit import RESET_PER_EMAIL, RESET_PER_IP, RateLimited, check_and_hit, client_ip
from members.accounts import email_key, find_member, member_users, send_password_reset
from members.forms.account import LoginForm, PasswordResetRequestForm, SetPasswordForm
from members.ratelimit import LOGIN_FAILURES_PER_EMAIL, LOGIN_FAILURES_PER_IP
from members.views import private

BACKEND = "members.backends.MemberEmailBackend"
TOO_MANY_LOGINS = _(
    "För många misslyckade inloggningar. Vänta en kvart och försök igen, eller välj Glömt "
    "lösenordet."
)
TOO_MANY_RESETS = _("Du har redan bett om flera länkar. Vänta en timme och försök igen.")


def safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    members_home = reverse("members:home")
    if target.startswith(members_home) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return members_home


@sensitive_post_parameters("password")
@never_cache
def login(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if (
        request.user.is_authenticated
        and member_users().filter(pk=request.user.pk).exists()
        and request.method != "POST"
    ):
        return HttpResponseRedirect(safe_next(request))
    status = 200
    if request.method == "POST":
        ip = client_ip(request)
        email = email_key(request.POST.get("email") or "")
        limited = LOGIN_FAILURES_PER_IP.exceeded(ip) or (
            email and LOGIN_FAILURES_PER_EMAIL.exceeded(email)
        )
        form = LoginForm(request, data=request.POST, refused=TOO_MANY_LOGINS if limited else None)
        if limited:
            form.is_valid()  # the refusal, without checking the password
            status = 429
        elif form.is_valid():
            auth_login(request, form.user, backend=BACKEND)
            return HttpResponseRedirect(safe_next(request), status=303)
        elif form.has_error("__all__", "invalid_login"):
            LOGIN_FAILURES_PER_IP.hit(ip)
            LOGIN_FAILURES_PER_EMAIL.hit(email)
    else:
        form = LoginForm(request)
    context = {
        "form": form,
        "next": safe_next(request),
        "logged_out": "utloggad" in request.GET,
        "invited": "inbjudan" in request.GET,
    }
    return private(render(request, "members/auth/login.html", context, status=status))


@require_POST
def logout(request):
    auth_logout(request)
    return HttpResponseRedirect(reverse("members:login") + "?utloggad=1", status=303)


@never_cache
def password_reset(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    form = PasswordResetRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = email_key(form.cleaned_data["email"])
        try:
            check_and_hit([(RESET_PER_IP, client_ip(request)), (RESET_PER_EMAIL, email)])
        except RateLimited:
            form.add_error(None, TOO_MANY_RESETS)
            status = 429
        else:
            user = find_member(email)
            if user is not None:
                send_password_reset(user)
            # The same answer whether or not there is an account: no way to probe addresses.
            return HttpResponseRedirect(reverse("members:password_reset_sent"), status=303)
    return private(
        render(request, "members/auth/password_reset.html", {"form": form}, status=status)
    )


def password_reset_sent(request):
    return private(render(request, "members/auth/password_reset_sent.html"))


@method_decorator(never_cache, name="dispatch")
class PasswordSetView(PasswordResetConfirmView):
    """The link from the welcome and the password e-mails (Django's single-use token)."""

    form_class = SetPasswordForm
    template_name = "members/auth/password_set.html"
    post_reset_login = True
    post_reset_login_backend = BACKEND
    reset_url_token = "nytt-losenord"  # noqa: S105 (a URL segment, not a password)
    success_url = reverse_lazy("members:home")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is not None and not member_users().filter(pk=user.pk).exists():
            return None  # staff reset their passwords in the admin
        return user

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["first_time"] = self.user is not None and not self.user.has_usable_password()
        return context
