"""Themes, the environmental objectives and theme pages."""

from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = "Teman och miljömål"

    def ready(self):
        from themes import purge  # noqa: F401  (its hook and signals)
