from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Webbplatsen"

    def ready(self):
        from core import fragments, pagecache

        pagecache.connect_signals()
        fragments.connect_signals()
