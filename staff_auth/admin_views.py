"""The admin's pages about two-factor sign-in, for people who have passed it.

- Konto › Tvåstegsverifiering: one's own app, passkeys and backup codes; add a passkey,
  replace the app, make new backup codes, remove a device (never the last app or passkey).
- Inställningar › Tvåstegsverifiering (the secretariat): who has set it up, and a reset
  for someone who lost their phone (staff_auth.recovery decides who may reset whom).
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from staff_auth import devices, policy, recovery
from staff_auth.models import TwoFactorReset
from staff_auth.views import BACKUP_CODES_SESSION_KEY


class OwnDevicesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff_auth/admin/own_devices.html"
    page_title = gettext_lazy("Tvåstegsverifiering")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Konto")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        here = reverse("staff_auth:own_devices")
        return {
            **super().get_context_data(**kwargs),
            "apps": devices.apps(user),
            "passkeys": devices.passkeys(user),
            "backup_codes_left": devices.backup_codes_left(user),
            "may_change": policy.may_enrol(self.request),
            "only_one_primary": devices.apps(user).count() + devices.passkeys(user).count() <= 1,
            "here": here,
            "setup_url": policy.with_next("staff_auth:setup", here),
            "verify_url": policy.with_next("staff_auth:verify", here),
            "after_passkey_url": policy.with_next("staff_auth:backup_codes", here),
        }

    def post(self, request):
        if not policy.may_enrol(request):
            raise PermissionDenied
        user = request.user
        if request.POST.get("action") == "new_backup_codes":
            request.session[BACKUP_CODES_SESSION_KEY] = devices.new_backup_codes(user)
            recovery.audit(user, "staff_auth.new_backup_codes")
            return redirect(policy.with_next("staff_auth:backup_codes", request.path))
        device = self.own_device(request.POST.get("device", ""))
        removed_id, name = device.persistent_id, device.name
        try:
            devices.remove(user, device)
        except devices.LastDeviceError:
            messages.error(
                request,
                _(
                    "Du kan inte ta bort din enda app eller nyckel. Lägg till en ny först, "
                    "så att du alltid kan logga in."
                ),
            )
        else:
            if getattr(user.otp_device, "persistent_id", None) == removed_id:
                # This session passed the second step with the device just removed; it
                # stays signed in, now on the strength of one that remains.
                remaining = devices.apps(user).first() or devices.passkeys(user).first()
                otp_login(request, remaining)
            recovery.audit(user, "staff_auth.remove_device", name=name)
            messages.success(request, _("%(name)s är borttagen.") % {"name": name})
        return redirect("staff_auth:own_devices")

    def own_device(self, persistent_id: str):
        for device in [*devices.apps(self.request.user), *devices.passkeys(self.request.user)]:
            if device.persistent_id == persistent_id:
                return device
        raise Http404


def require_reset_permission(request):
    if not request.user.has_perm("staff_auth.reset_devices"):
        raise PermissionDenied


def staff_with_status():
    """Everyone who can reach the admin, with what they have set up, in one query."""
    permission = Permission.objects.filter(
        codename="access_admin", content_type__app_label="wagtailadmin"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .distinct()
        .annotate(
            has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            passkey_count=Count(
                "webauthncredential", filter=Q(webauthncredential__confirmed=True), distinct=True
            ),
            backup_codes=Exists(StaticToken.objects.filter(device__user=OuterRef("pk"))),
            waiting_for_link=Exists(TwoFactorReset.objects.filter(user=OuterRef("pk"))),
        )
        .order_by("last_name", "first_name", "username")
    )


class StaffView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff_auth/admin/staff.html"
    page_title = gettext_lazy("Tvåstegsverifiering för personalen")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        require_reset_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        staff = list(staff_with_status())
        for person in staff:
            person.may_reset = recovery.may_reset(self.request.user, person)
        return {**super().get_context_data(**kwargs), "staff": staff}


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff_auth/admin/reset.html"
    page_title = gettext_lazy("Återställ tvåstegsverifiering")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        require_reset_permission(request)
        self.target = get_object_or_404(get_user_model(), pk=kwargs["user_id"], is_active=True)
        if not recovery.may_reset(request.user, self.target):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("staff_auth:staff"), "label": StaffView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "target": self.target,
            "summary": devices.summary(self.target),
            "days": recovery.LINK_MAX_AGE.days,
        }

    def post(self, request, user_id):
        try:
            recovery.reset_devices(request.user, self.target)
        except recovery.ResetRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _(
                    "Tvåstegsverifieringen för %(name)s är återställd. En länk för att aktivera "
                    "den igen har skickats till %(email)s."
                )
                % {"name": self.target.get_full_name() or self.target, "email": self.target.email},
            )
        return redirect("staff_auth:staff")
