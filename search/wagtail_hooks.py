from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import PERMISSION, SearchStatisticsView


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
