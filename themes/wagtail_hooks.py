from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from themes.models import EnvironmentalObjective, Theme


class ThemeDeleteView(DeleteView):
    """A theme with a theme page cannot go: say so instead of failing."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "Temat %(theme)s har en temasida och kan inte raderas. Radera temasidan "
                    "under Sidor, Teman först om temat verkligen ska bort."
                )
                % {"theme": self.object},
            )
            return redirect(self.get_success_url())


class ThemeViewSet(SnippetViewSet):
    model = Theme
    delete_view_class = ThemeDeleteView
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
