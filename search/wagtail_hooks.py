"""The search app in the admin: the statistics report and the synonym list."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from search.admin_views import PERMISSION, SearchStatisticsView
from search.models import SynonymGroup


class SearchStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_search_statistics_url():
    return [path("sokstatistik/", SearchStatisticsView.as_view(), name="search_statistics")]


@hooks.register("register_reports_menu_item")
def register_search_statistics_menu_item():
    return SearchStatisticsMenuItem(
        _("Sökstatistik"),
        reverse("search_statistics"),
        name="search-statistics",
        icon_name="search",
        order=1300,
    )


class SynonymGroupViewSet(ModelViewSet):
    """Inställningar → Söksynonymer: the secretariat's list (search.synonyms)."""

    model = SynonymGroup
    name = "soksynonymer"
    icon = "search"
    menu_label = _("Söksynonymer")
    add_to_settings_menu = True
    menu_order = 610
    form_fields = ["words"]
    list_display = ["words"]
    search_fields = ["words"]
    search_backend_name = None
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_synonym_viewset():
    return SynonymGroupViewSet()
