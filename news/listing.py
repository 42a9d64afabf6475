"""The news listing: filter by theme, tag and year (OR within a facet, AND across), paginated."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from taggit.models import Tag

from core.fragments import remember
from themes.listing import (
    Listing,
    options,
    page_number,
    param_values,
    theme_options,
    with_any_theme,
)


class NewsListing(Listing):
    def __init__(self, index_page, params, request=None):
        super().__init__(index_page.url)
        self.index_page = index_page
        news = index_page.news()

        def facets():
            ids = news.values("pk")
            return (
                theme_options(ids),
                options(
                    Tag.objects.filter(news_newspagetag_items__content_object__in=ids)
                    .annotate(count=Count("news_newspagetag_items"))
                    .order_by(Lower("name"), "name")
                ),
                [d.year for d in news.dates("date", "year", order="DESC")],
            )

        # The facets change only when news is published again (core/fragments.py); plain
        # options (themes.listing.Option), not tag objects, are cached.
        self.theme_options, self.tag_options, self.year_options = remember(
            request, f"news-listing:{index_page.pk}:options", facets
        )

        theme_slugs = param_values(params, "tema", (t.slug for t in self.theme_options))
        tag_slugs = param_values(params, "tagg", (t.slug for t in self.tag_options))
        years = param_values(params, "ar", (str(y) for y in self.year_options))
        self.themes = [t for t in self.theme_options if t.slug in theme_slugs]
        self.tags = [t for t in self.tag_options if t.slug in tag_slugs]
        self.years = [int(y) for y in years]
        self.selected = (
            [("tema", t.slug, t.name) for t in self.themes]
            + [("tagg", t.slug, t.name) for t in self.tags]
            + [("ar", str(y), str(y)) for y in self.years]
        )

        results = news
        if self.themes:
            results = with_any_theme(results, self.themes)
        if self.tags:
            # The tag links of the pages it lists (NewsPageTag), taken from the queryset so
            # that the listing needs nothing from news.models, which renders it.
            tagged = news.model.tags.through.objects.filter(tag__in=[t.pk for t in self.tags])
            results = results.filter(pk__in=tagged.values("content_object_id"))
        if self.years:
            results = results.filter(date__year__in=self.years)
        paginator = Paginator(results.with_listing_data(), index_page.page_size)
        # How many there are changes only when news is published again, like the facets.
        state = "|".join(",".join(sorted(v)) for v in (theme_slugs, tag_slugs, years))
        paginator.count = remember(
            request, f"news-listing:{index_page.pk}:count:{state}", results.count
        )
        self.page_obj = paginator.page(page_number(params, paginator.num_pages))

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count

    @cached_property
    def summary(self) -> str:
        """'12 nyheter om Energiomställning med ämnesordet biogas från 2025', in plain Swedish."""
        text = ngettext("%(count)d nyhet", "%(count)d nyheter", self.count) % {"count": self.count}
        if self.themes:
            text += " " + _("om %(themes)s") % {"themes": _or([t.name for t in self.themes])}
        if self.tags:
            text += " " + ngettext(
                "med ämnesordet %(tags)s", "med ämnesorden %(tags)s", len(self.tags)
            ) % {"tags": _or([t.name for t in self.tags])}
        if self.years:
            text += " " + _("från %(years)s") % {"years": _or([str(y) for y in self.years])}
        return text

    @property
    def theme_feed(self):
        """The single selected theme, whose own feed the page then offers."""
        return self.themes[0] if len(self.themes) == 1 else None

    def selected_tag(self):
        return self.tags[0].slug if self.tags else ""

    def selected_year(self):
        return self.years[0] if self.years else None


def _or(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + _("eller") + " " + words[-1]
