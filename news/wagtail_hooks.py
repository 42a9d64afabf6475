"""The news contact persons in the admin, as a snippet (Kontaktpersoner)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import NewsContact


class NewsContactViewSet(SnippetViewSet):
    model = NewsContact
    icon = "user"
    menu_label = _("Kontaktpersoner")
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name"]


register_snippet(NewsContactViewSet)
