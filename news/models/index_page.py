"""The news listing page: its routes are the listing (news/listing.py), the listing's state
as CSV and JSON (core/listing/export.py) and the news feeds (news/feeds.py)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from core.listing import export
from core.listing.search import ListingPageMixin
from core.models import BasePage
from core.pagequery import first_live
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.listing import NewsSearch
from news.models.news_page import NewsPage
from themes.models import Theme


class NewsIndexPage(ListingPageMixin, RoutablePageMixin, BasePage):
    """Nyheter: the listing with filters, its CSV and JSON, and the news feeds."""

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_("Kort text överst i nyhetslistan. Används också som beskrivning i sökträffar."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("nyheter per sida"),
        default=12,
        validators=[MinValueValidator(3), MaxValueValidator(60)],
        help_text=_("Hur många nyheter listan visar per sida, 3–60."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=3)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1
    summary_field = "intro"

    class Meta:
        verbose_name = _("nyhetslista")
        verbose_name_plural = _("nyhetslistor")

    def news(self):
        return NewsPage.objects.child_of(self).listed()

    def search(self, request, route: str = "") -> NewsSearch:
        """The listing's state in the request; its links point at `route` (the page)."""
        base_url = self.get_url(request) + (self.reverse_subpage(route) if route else "")
        return NewsSearch(self, request.GET, base_url, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.search(request)
        page_obj = listing.page(decorate=lambda queryset: queryset.with_listing_data())
        base = self.get_url(request)
        context.update(
            listing=listing,
            facets=listing.facet_options(),
            news_index=self,
            csv_url=base + self.reverse_subpage("csv") + listing.query_string(),
            json_url=base + self.reverse_subpage("json") + listing.query_string(page_obj.number),
        )
        return context

    def get_cached_paths(self):
        """The listing, its CSV and JSON and every feed: what core.frontcache purges when
        news changes."""
        paths = ["/", "/csv/", "/json/", "/rss/", "/atom/"]
        for slug in Theme.objects.values_list("slug", flat=True):
            paths += [f"/tema/{slug}/rss/", f"/tema/{slug}/atom/"]
        return paths

    # The listing's state as open data: every match as CSV, a page with the counts as JSON.

    @path("csv/", name="csv")
    def csv_route(self, request):
        return export.csv_response(
            self.search(request),
            request,
            "nyheter.csv",
            decorate=lambda queryset: queryset.with_export_data(),
        )

    @path("json/", name="json")
    def json_route(self, request):
        return export.json_response(
            self.search(request, "json"),
            request,
            decorate=lambda queryset: queryset.with_export_data(),
        )

    # Feeds: /rss/ and /atom/ for all news, /tema/<slug>/rss/ and /atom/ per theme. ----------

    def feed_url(self, kind="rss", theme=None, request=None):
        """The feed's address; absolute (the site's own address) when given the request."""
        base = self.get_full_url(request) if request is not None else self.url
        if theme is not None:
            return base + self.reverse_subpage(f"theme_{kind}", args=[theme.slug])
        return base + self.reverse_subpage(kind)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    @path("tema/<str:theme_slug>/rss/", name="theme_rss")
    def theme_rss_feed(self, request, theme_slug):
        return NewsRssFeed(self)(request, theme_slug=theme_slug)

    @path("tema/<str:theme_slug>/atom/", name="theme_atom")
    def theme_atom_feed(self, request, theme_slug):
        return NewsAtomFeed(self)(request, theme_slug=theme_slug)


def news_index_for_theme_url(theme: Theme, request=None) -> str | None:
    index_page = first_live(NewsIndexPage, request)
    return f"{index_page.get_url(request)}?tema={theme.slug}" if index_page else None
