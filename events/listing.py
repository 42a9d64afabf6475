"""Upcoming or past events, filterable by theme, paginated."""

from django.utils.translation import ngettext

from themes.listing import Listing, paginate, param_values, theme_options, with_any_theme


class EventListing(Listing):
    def __init__(self, index_page, params, past: bool):
        self.past = past
        events = index_page.events()
        base = events.past() if past else events.upcoming()
        super().__init__(index_page.past_url() if past else index_page.url)

        self.theme_options = theme_options(base.values("pk"))
        slugs = param_values(params, "tema", (t.slug for t in self.theme_options))
        self.themes = [t for t in self.theme_options if t.slug in slugs]
        self.selected = [("tema", t.slug, t.name) for t in self.themes]

        results = with_any_theme(base, self.themes) if self.themes else base
        self.page_obj = paginate(results.with_listing_data(), params, index_page.page_size)

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count

    @property
    def summary(self) -> str:
        if self.past:
            text = ngettext("%(count)d tidigare träff", "%(count)d tidigare träffar", self.count)
        else:
            text = ngettext("%(count)d kommande träff", "%(count)d kommande träffar", self.count)
        return text % {"count": self.count}
