"""The directory's index page: the search, the opportunities list, their feed and the CSV."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from core.models import BasePage


class DirectoryIndexPage(RoutablePageMixin, BasePage):
    """Hitta samarbetspartner: one per site, with the organisations as its children.

    Sub-URLs (organisation slugs may not take their names, see RESERVED_SLUGS):
    mojligheter/ (current opportunities), mojligheter/rss/ (their feed),
    mojligheter/<id>-<slug>/ (one opportunity) and csv/ (the filtered listing as CSV).
    """

    intro = models.TextField(
        _("ingress"),
        max_length=500,
        blank=True,
        help_text=_(
            "Inledande stycke ovanför sökningen: vem katalogen är till för och hur den används."
        ),
    )
    opportunities_intro = models.TextField(
        _("ingress för samarbetsmöjligheter"),
        max_length=500,
        blank=True,
        help_text=_("Inledande stycke på sidan med aktuella behov och erbjudanden."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("opportunities_intro"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganisationPage"]
    max_count = 1
    summary_field = "intro"

    class Meta:
        verbose_name = _("katalog över samarbetspartner")
        verbose_name_plural = _("kataloger över samarbetspartner")

    @path("", name="index")
    def index_route(self, request):
        from directory.views import directory_index

        return directory_index(self, request)

    @path("csv/", name="csv")
    def csv_route(self, request):
        from directory.views import directory_csv

        return directory_csv(self, request)

    @path("mojligheter/", name="opportunities")
    def opportunities_route(self, request):
        from directory.views import opportunity_index

        return opportunity_index(self, request)

    @path("mojligheter/rss/", name="opportunity_feed")
    def opportunity_feed_route(self, request):
        from directory.feeds import OpportunityFeed

        return OpportunityFeed(self)(request)

    @re_path(r"^mojligheter/(?P<pk>[0-9]{1,18})-(?P<slug>[-\w]*)/$", name="opportunity")
    def opportunity_route(self, request, pk, slug):
        from directory.views import opportunity_detail

        return opportunity_detail(self, request, int(pk), slug)

    def get_cached_paths(self):
        """The search, the opportunities, their feed and the CSV (core.frontcache)."""
        return ["/", "/mojligheter/", "/mojligheter/rss/", "/csv/"]

    def get_sitemap_urls(self, request=None):
        """The page, the list of opportunities and every current opportunity."""
        from directory.models.opportunity import Opportunity

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        base = base.rstrip("/") + "/"
        opportunities = Opportunity.objects.public().only("pk", "title", "updated_at")
        urls.append({"location": base + self.reverse_subpage("opportunities").lstrip("/")})
        for opportunity in opportunities:
            path = self.reverse_subpage(
                "opportunity", kwargs={"pk": opportunity.pk, "slug": opportunity.slug}
            )
            urls.append({"location": base + path.lstrip("/"), "lastmod": opportunity.updated_at})
        return urls

    def opportunity_url(self, opportunity, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "opportunity", kwargs={"pk": opportunity.pk, "slug": opportunity.slug}
        )

    def opportunity_full_url(self, opportunity, cache_object=None) -> str | None:
        base = self.get_full_url(cache_object)
        if base is None:
            return None
        path = self.reverse_subpage(
            "opportunity", kwargs={"pk": opportunity.pk, "slug": opportunity.slug}
        )
        return base.rstrip("/") + "/" + path.lstrip("/")

    def subpage_url(self, name: str, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(name)
