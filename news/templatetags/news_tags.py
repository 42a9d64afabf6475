from django import template
from django.utils.translation import gettext as _

from news.models import NewsIndexPage

register = template.Library()


def feed_links(request, index_page, theme=None) -> list[dict]:
    """RSS and Atom for all news, and for the theme when there is one: theme first."""
    if index_page is None:
        return []
    feeds = []
    if theme is not None:
        label = _("Nyheter om %(theme)s") % {"theme": theme.name}
        feeds += [
            {"kind": "rss", "title": f"{label} (RSS)", "url": index_page.feed_url("rss", theme)},
            {"kind": "atom", "title": f"{label} (Atom)", "url": index_page.feed_url("atom", theme)},
        ]
    label = _("Alla nyheter")
    feeds += [
        {"kind": "rss", "title": f"{label} (RSS)", "url": index_page.feed_url("rss")},
        {"kind": "atom", "title": f"{label} (Atom)", "url": index_page.feed_url("atom")},
    ]
    for feed in feeds:
        feed["type"] = f"application/{feed['kind']}+xml"
        feed["url"] = request.build_absolute_uri(feed["url"])
    return feeds


def _news_index(context):
    """The news index page, looked up once per request however many tags ask."""
    if context.get("news_index"):
        return context["news_index"]
    request = context["request"]
    if not hasattr(request, "_news_index_page"):
        request._news_index_page = NewsIndexPage.objects.live().first()
    return request._news_index_page


@register.inclusion_tag("news/includes/feed_link_tags.html", takes_context=True)
def news_feed_link_tags(context, theme=None):
    """<link rel="alternate"> for the <head>, so browsers and feed readers find the feeds."""
    index_page = _news_index(context)
    return {"feeds": feed_links(context["request"], index_page, theme)}


@register.inclusion_tag("news/includes/feed_list.html", takes_context=True)
def news_feed_list(context, theme=None, heading="h2"):
    """Visible links to the feeds, for people who subscribe by pasting an address."""
    index_page = _news_index(context)
    return {"feeds": feed_links(context["request"], index_page, theme), "heading": heading}
