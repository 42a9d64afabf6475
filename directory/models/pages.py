"""The directory's index page: the search, the opportunities list, their feed and the CSV.

Its routes are its views: they sit above the directory's search, matching, feed and CSV
(which are built on the organisation and opportunity models, never on this page).
"""

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from core.listing.search import LazyList, ListingPageMixin
from core.models import BasePage
from core.pagequery import first_live
from directory.csv_export import stream_csv
from directory.explain import widenings, with_municipality_reasons
from directory.feeds import OpportunityFeed
from directory.filters import OpportunitySearch, OrganisationSearch
from directory.matching import partners_for_opportunity
from directory.models.opportunity import Opportunity, attach_opportunity_urls


def search_context(search, results) -> dict:
    """What the search templates need; `listing` is the name the shared includes use."""
    return {
        "search": search,
        "listing": search,
        "results": results,
        "facets": search.facet_options(),
        "summary": search.result_summary(results.paginator.count),
    }


class DirectoryIndexPage(ListingPageMixin, RoutablePageMixin, BasePage):
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
        search = OrganisationSearch(request.GET, self.get_url(request), request)
        results = search.page(decorate=lambda queryset: queryset.with_card_data())
        cards = results.object_list
        # Lazy, like the cards: the results' cached fragment needs neither.
        results.object_list = LazyList(lambda: with_municipality_reasons(search, cards))
        context = {
            **search_context(search, results),
            "widenings": LazyList(lambda: [] if results.paginator.count else widenings(search)),
            "canonical_url": self.get_full_url(request) + search.query_string(results.number),
            "csv_url": self.subpage_url("csv", request) + search.query_string(),
            "api_url": "/api/v1/directory/organisations/" + search.query_string(),
            "opportunities_url": self.subpage_url("opportunities", request),
        }
        return self.render(
            request, template="directory/directory_index_page.html", context_overrides=context
        )

    @path("csv/", name="csv")
    def csv_route(self, request):
        """The current selection as CSV, with the import file's columns."""
        search = OrganisationSearch(request.GET, self.get_url(request), request)
        rows = search.results(decorate=lambda queryset: queryset.with_api_data())
        response = StreamingHttpResponse(stream_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="samarbetspartner.csv"'
        patch_cache_control(response, public=True, max_age=300)
        return response

    @path("mojligheter/", name="opportunities")
    def opportunities_route(self, request):
        search = OpportunitySearch(request.GET, self.subpage_url("opportunities", request), request)
        results = search.page(decorate=lambda queryset: queryset.with_card_data())
        attach_opportunity_urls(results.object_list, self, request)
        context = {
            **search_context(search, results),
            "canonical_url": self.get_full_url(request)
            + self.reverse_subpage("opportunities")
            + search.query_string(results.number),
            "feed_url": self.subpage_url("opportunity_feed", request) + search.query_string(),
            "api_url": "/api/v1/directory/opportunities/" + search.query_string(),
            "directory_url": self.get_url(request),
        }
        return self.render(
            request, template="directory/opportunity_index_page.html", context_overrides=context
        )

    @path("mojligheter/rss/", name="opportunity_feed")
    def opportunity_feed_route(self, request):
        return OpportunityFeed(self)(request)

    @re_path(r"^mojligheter/(?P<pk>[0-9]{1,18})-(?P<slug>[-\w]*)/$", name="opportunity")
    def opportunity_route(self, request, pk, slug):
        opportunity = Opportunity.objects.public().with_card_data().filter(pk=int(pk)).first()
        if opportunity is None:
            raise Http404(gettext("Samarbetsmöjligheten finns inte eller har gått ut."))
        url = self.opportunity_url(opportunity, request)
        if slug != opportunity.slug:
            return HttpResponsePermanentRedirect(url)
        opportunity.url = url
        context = {
            "opportunity": opportunity,
            "organisation": opportunity.organisation,
            "competences": list(opportunity.competences.all()),
            "partners": partners_for_opportunity(opportunity),
            "opportunities_url": self.subpage_url("opportunities", request),
        }
        return self.render(
            request, template="directory/opportunity_page.html", context_overrides=context
        )

    def get_cached_paths(self):
        """The search, the opportunities, their feed and the CSV (core.frontcache)."""
        return ["/", "/mojligheter/", "/mojligheter/rss/", "/csv/"]

    def get_sitemap_urls(self, request=None):
        """The page, the list of opportunities and every current opportunity."""
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


def directory_index_page(request=None) -> DirectoryIndexPage | None:
    """The live directory page, looked up once per request."""
    return first_live(DirectoryIndexPage, request)
