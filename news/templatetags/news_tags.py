"""Template tags for the news feeds: <link rel="alternate"> in the head and visible links."""

from django import template
from django.utils.translation import gettext as _

from core.pagequery import first_live
from news.models import NewsIndexPage

register = template.Library()


def feed_links(request, index_page, theme=None) -> list[dict]:
    """RSS and Atom for all news, and for the theme when there is one: theme first."""
    if index_page is None:
        return []
    groups = [(None, _("Alla nyheter"))]
    if theme is not None:
        groups.insert(0, (theme, _("Nyheter om %(theme)s") % {"theme": theme.name}))
    return [
        {
            "type": f"application/{kind}+xml",
            "title": f"{label} ({name})",
            "url": index_page.feed_url(kind, feed_theme, request),
        }
        for feed_theme, label in groups
        for kind, name in (("rss", "RSS"), ("atom", "Atom"))
    ]


def _news_index(context):
    """The news index page, looked up once per request however many tags ask."""
    if context.get("news_index"):
        return context["news_index"]
    return first_live(NewsIndexPage, context["request"])


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
