"""The theme facet every listing shares (core/listing/): the parameter `tema`, the themes
in their editorial order, and which pages (or organisations) have each, through the shared
ThemedPage link table."""

from django.utils.translation import gettext_lazy as _

from core.listing.facets import ThroughFacet
from themes.models import Theme, ThemedPage


def theme_vocabulary() -> dict[str, str]:
    return dict(Theme.objects.order_by("sort_order", "name").values_list("slug", "name"))


def theme_facet(org_path: str = "", help: str = "Tema (kortnamn).") -> ThroughFacet:
    """The item's themes (or its organisation's): the parameter `tema` in every listing."""
    return ThroughFacet(
        "tema",
        _("Tema"),
        theme_vocabulary,
        ThemedPage,
        tag="tag",
        item="content_object",
        org_path=org_path,
        help=help,
    )
