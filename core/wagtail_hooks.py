"""The site's own parts of the admin: the editors' guide in the Help menu, a little CSS and JS."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.editors_guide import EditorsGuideView


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))


@hooks.register("register_admin_urls")
def register_editors_guide_url():
    return [path("redaktorsguide/", EditorsGuideView.as_view(), name="editors_guide")]


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return MenuItem(
        _("Redaktörsguide"),
        reverse("editors_guide"),
        name="editors-guide",
        icon_name="help",
        order=900,
    )


@hooks.register("construct_help_menu")
def drop_wagtails_english_guide(request, menu_items):
    """Wagtail's own guide is in English and about Wagtail in general; ours replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "editor-guide"]
