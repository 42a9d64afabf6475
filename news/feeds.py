"""RSS 2.0 and Atom feeds of the news, for all news and per theme (Django's syndication)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.structured_data import organisation_data
from themes.models import Theme

FEED_LENGTH = 20
FEED_MAX_AGE = 15 * 60  # seconds feed readers and proxies may keep a copy


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "sv"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request, theme_slug=None):
        if theme_slug is None:
            return None
        theme = Theme.objects.filter(slug=theme_slug).first() if "\x00" not in theme_slug else None
        if theme is None:
            raise Http404("Okänt tema")
        return theme

    def _organisation(self):
        return organisation_data(self.request)["name"]

    def title(self, theme):
        name = self._organisation()
        if theme is not None:
            return _("%(theme)s – nyheter från %(org)s") % {"theme": theme.name, "org": name}
        return _("Nyheter från %(org)s") % {"org": name}

    def description(self, theme):
        if theme is not None:
            return theme.description or self.title(theme)
        return _("Nyheter om miljö- och klimatarbetet i Jämtlands län.")

    subtitle = description

    def link(self, theme):
        url = self.index_page.get_full_url(self.request)
        return f"{url}?tema={theme.slug}" if theme is not None else url

    def feed_url(self, theme):
        kind = "atom" if self.feed_type is Atom1Feed else "rss"
        return self.index_page.feed_url(kind, theme, request=self.request)

    def author_name(self):
        return self._organisation()

    def feed_copyright(self):
        return self._organisation()

    def items(self, theme):
        news = self.index_page.news()
        if theme is not None:
            news = news.with_theme(theme)
        return news.prefetch_related("themes")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        first = item.first_published_at and timezone.localtime(item.first_published_at)
        if first and first.date() == item.date:
            return first
        return datetime.combine(item.date, time(0, 0), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
