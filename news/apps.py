"""The news app: its section on every theme page (the latest news about the theme)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Nyheter"

    def ready(self):
        from themes.registry import ThemeSection, register_theme_section

        register_theme_section(
            ThemeSection(
                key="news",
                title=_("Senaste nyheterna"),
                template="news/includes/theme_section.html",
                get_items=latest_news_for_theme,
                order=10,
                limit=4,
                more_url=news_url_for_theme,
                more_label=_("Alla nyheter om temat"),
                head_template="news/includes/theme_head.html",
            )
        )


def latest_news_for_theme(theme, limit, request=None):
    from news.models import NewsPage

    return list(NewsPage.objects.listed().with_theme(theme)[:limit])


def news_url_for_theme(theme, request=None):
    from news.models import news_index_for_theme_url

    return news_index_for_theme_url(theme, request)
