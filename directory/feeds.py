"""RSS feed of new partnership opportunities, for the whole list or any filtered selection."""

from django.contrib.syndication.views import Feed
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from core.structured_data import absolute, organisation_data
from directory.filters import OpportunitySearch
from directory.models.opportunity import attach_opportunity_urls

FEED_LENGTH = 30
FEED_MAX_AGE = 15 * 60


class OpportunityFeed(Feed):
    """The newest current opportunities; the list page's filters apply (?kind=behov …)."""

    feed_type = Rss201rev2Feed
    language = "sv"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.search = OpportunitySearch(
            request.GET, self.index_page.subpage_url("opportunities"), request
        )
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def title(self):
        labels = [str(label) for _name, _value, label in self.search.selected]
        title = _("Samarbetsmöjligheter i %(org)s") % {
            "org": organisation_data(self.request)["name"]
        }
        return f"{title}: {', '.join(labels)}" if labels else title

    def description(self):
        return _(
            "Nya behov och erbjudanden från organisationerna i katalogen över "
            "samarbetspartner i Jämtlands län."
        )

    def link(self):
        return absolute(self.search.page_url(1), self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        newest = self.search.results(
            decorate=lambda queryset: queryset.with_card_data(), stop=FEED_LENGTH, sort="newest"
        )
        return attach_opportunity_urls(list(newest), self.index_page)

    def item_title(self, item):
        kind = _("Behov") if item.is_need else _("Erbjudande")
        return f"{kind}: {item.title} ({item.organisation.title})"

    def item_description(self, item):
        """The member's text as text: feed readers show an RSS description as HTML, so it
        is escaped (a `<a>` or `<img>` in it is shown, not obeyed), with its paragraphs."""
        tags = ", ".join(tag.name for tag in item.competences.all())
        text = item.text
        if tags:
            text += "\n\n" + _("Kompetenser: %(tags)s") % {"tags": tags}
        text += "\n" + _("Gäller till och med %(date)s") % {"date": item.valid_until.isoformat()}
        return linebreaks(text, autoescape=True)

    def item_link(self, item):
        return absolute(item.url, self.request)

    def item_guid(self, item):
        return absolute(item.url, self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organisation.title

    def item_categories(self, item):
        return [tag.name for tag in item.competences.all()]
