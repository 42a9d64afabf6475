from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from themes.models import EnvironmentalObjective, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Teman")
    menu_name = "themes"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class EnvironmentalObjectiveViewSet(SnippetViewSet):
    model = EnvironmentalObjective
    icon = "pick"
    menu_label = _("Miljökvalitetsmål")
    menu_name = "environmental-objectives"
    list_display = ["number", "name", "is_county_priority", "applies_to_county"]
    list_filter = ["is_county_priority", "applies_to_county"]
    ordering = ["number"]


class ThemesViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, EnvironmentalObjectiveViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Teman och mål")
    menu_name = "themes-and-objectives"
    menu_order = 250


register_snippet(ThemesViewSetGroup)
