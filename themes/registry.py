"""What other apps show on a theme page, registered by those apps.

A ThemePage renders every registered section for its theme, so when an app lands
(news, events, the directory) its section lights up without changing the theme page.
Register in the app's AppConfig.ready():

    from themes.registry import ThemeSection, register_theme_section

    register_theme_section(ThemeSection(
        key="news",
        title=_("Senaste nyheterna"),
        template="news/includes/theme_section.html",
        get_items=latest_news_for_theme,   # (theme, limit) -> list; a fixed number of queries
        order=10,
        more_url=news_index_url_for_theme, # optional: (theme) -> str | None
    ))
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeSection:
    key: str
    title: str
    template: str
    get_items: Callable
    order: int = 100
    limit: int = 4
    more_url: Callable | None = None
    more_label: str = ""


_sections: dict[str, ThemeSection] = {}


def register_theme_section(section: ThemeSection) -> None:
    _sections[section.key] = section


def get_theme_sections() -> list[ThemeSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))
