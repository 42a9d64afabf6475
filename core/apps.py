from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Webbplatsen"

    def ready(self):
        from core import fragments, frontcache, tags

        tags.register_tag_field_override()
        frontcache.connect_signals()
        fragments.connect_signals()
