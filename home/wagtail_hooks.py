"""The home page shows the latest news, upcoming events, the themes and links to the index
pages: publishing one of those purges it from the front cache too (core.frontcache)."""

from wagtail import hooks

from core.frontcache import page_urls

HOME_PAGE_SHOWS = {
    "home.homepage",
    "news.newspage",
    "news.newsindexpage",
    "events.eventpage",
    "events.eventindexpage",
    "themes.themepage",
    "themes.themeindexpage",
    "directory.directoryindexpage",
}


@hooks.register("affected_urls")
def home_page_showing(page, cache_object):
    if page._meta.label_lower not in HOME_PAGE_SHOWS:
        return set()
    site = page.get_site()
    return page_urls(site.root_page, cache_object) if site is not None else set()
