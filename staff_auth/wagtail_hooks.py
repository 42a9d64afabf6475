"""Two-factor sign-in in the admin: its URLs, its menu entries and its audit-log actions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from staff_auth.urls import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return admin_urlpatterns


@hooks.register("register_account_menu_item")
def own_devices_menu_item(request):
    return {
        "url": reverse("staff_auth:own_devices"),
        "label": _("Tvåstegsverifiering"),
        "help_text": _("Appen, nycklarna (passkeys) och reservkoderna du loggar in med."),
    }


class ResetMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("staff_auth.reset_devices")


@hooks.register("register_settings_menu_item")
def staff_devices_menu_item():
    return ResetMenuItem(
        _("Tvåstegsverifiering"),
        reverse("staff_auth:staff"),
        name="two-factor",
        icon_name="key",
        order=610,
    )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "staff_auth.reset",
        _("Återställ tvåstegsverifiering"),
        _("Tvåstegsverifieringen återställdes; en länk för att aktivera igen skickades"),
    )
    actions.register_action(
        "staff_auth.add_app", _("Lägg till app"), _("En autentiseringsapp lades till")
    )
    actions.register_action(
        "staff_auth.add_passkey", _("Lägg till nyckel"), _("En nyckel (passkey) lades till")
    )
    actions.register_action(
        "staff_auth.remove_device",
        _("Ta bort app eller nyckel"),
        _("En app eller nyckel togs bort"),
    )
    actions.register_action(
        "staff_auth.new_backup_codes", _("Nya reservkoder"), _("Nya reservkoder skapades")
    )
