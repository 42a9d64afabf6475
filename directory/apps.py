"""The directory app: its signals, the organisation page's context and its theme sections."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Samarbetspartner"

    def ready(self):
        from directory import signals  # noqa: F401
        from directory.models import OrganisationPage
        from directory.views import organisation_page_context

        OrganisationPage.page_context = organisation_page_context
        from directory.theme_sections import (
            needs_url_for_theme,
            open_needs_for_theme,
            organisations_for_theme,
            organisations_url_for_theme,
            valid_until,
        )
        from themes.registry import ThemeSection, register_theme_section

        register_theme_section(
            ThemeSection(
                key="directory-organisations",
                title=_("Organisationer som arbetar med temat"),
                template="directory/includes/theme_section_organisations.html",
                get_items=organisations_for_theme,
                order=30,
                limit=4,
                more_url=organisations_url_for_theme,
                more_label=_("Alla organisationer med temat"),
                valid_until=valid_until,
            )
        )
        register_theme_section(
            ThemeSection(
                key="directory-needs",
                title=_("Aktuella behov inom temat"),
                template="directory/includes/theme_section_needs.html",
                get_items=open_needs_for_theme,
                order=40,
                limit=4,
                more_url=needs_url_for_theme,
                more_label=_("Alla behov inom temat"),
                # valid_until (the next midnight or scheduled opportunity) is the same for
                # both directory sections: the organisations section asks it, once.
            )
        )
