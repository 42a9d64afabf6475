"""What other apps show on a theme page, registered by those apps.

A ThemePage renders every registered section for its theme, so when an app lands
(news, events, the directory) its section lights up without changing the theme page.
Register in the app's AppConfig.ready():

    from themes.registry import ThemeSection, register_theme_section

    register_theme_section(ThemeSection(
        key="news",
        title=_("Senaste nyheterna"),
        template="news/includes/theme_section.html",
        get_items=latest_news_for_theme,   # (theme, limit, request) -> list; fixed no. of queries
        order=10,
        more_url=news_index_url_for_theme, # optional: (theme, request) -> str | None
        head_template="news/includes/theme_head.html",  # optional, see below
    ))

The section template may extend "themes/includes/theme_section.html" (heading, "more" link)
and fill its `items` block; it gets `section`, `items`, `more_url`, `theme` and `page`.
`head_template`, when set, is rendered in the theme page's <head> (with `theme`) whether or
not there are items: for <link rel="alternate"> to the app's feed of the theme.

The theme page keeps what the sections render until an editor changes something
(core/fragments.py, never in preview). An optional callable says what else it depends on:
`valid_until(theme, items)` returns when the items may stop being right without any edit
(an event ends, an opportunity expires or comes out), or None.
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
    head_template: str = ""
    valid_until: Callable | None = None


_sections: dict[str, ThemeSection] = {}


def register_theme_section(section: ThemeSection) -> None:
    _sections[section.key] = section


def get_theme_sections() -> list[ThemeSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))
