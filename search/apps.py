"""The search app: its search types, and the dictionary a fresh worker loads in advance."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from search.conf import SWEDISH_SEARCH_CONFIG


def _load_swedish_dictionary(connection):
    """PostgreSQL loads the hunspell dictionary into a connection on its first full-text
    query (about 200 ms); core.warmup has each new worker thread do it in advance."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_tsvector(%s::regconfig, 'klimat')", [SWEDISH_SEARCH_CONFIG])


def _listed_opportunities(model):
    return model.objects.public().select_related("organisation")


def _opportunity_urls(opportunities, request):
    from directory.models.opportunity import attach_opportunity_urls
    from directory.models.pages import directory_index_page

    attach_opportunity_urls(opportunities, directory_index_page(request), request)


def _opportunity_organisation(obj):
    return obj.organisation.title


def _unlisted_live_organisations(model):
    """Live organisation pages that listed() leaves out (it is live, public, not delisted).

    Delisting unpublishes the page, so this is normally empty; it covers a page that is live
    with a delisting date all the same. Written as the direct condition rather than "not in
    listed()": that anti-join over every organisation cost ~20 ms per query with 10,000 of
    them. tests/search/test_directory.py checks it against listed().
    """
    return model.objects.live().filter(delisted_at__isnull=False)


def _opportunity_label(obj):
    return _("Samarbetsmöjlighet · %(kind)s") % {"kind": obj.get_kind_display().lower()}


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Sök")

    def ready(self):
        from core.warmup import add_connection_warmer
        from search.registry import SearchType, register_search_type

        add_connection_warmer(_load_swedish_dictionary)

        # By label, not import: a type whose app or model is missing contributes nothing.
        for search_type in [
            SearchType(
                key="sidor",
                label=_("Sidor"),
                label_singular=_("Sida"),
                order=90,
                is_default=True,
            ),
            SearchType(
                key="nyheter",
                label=_("Nyheter"),
                label_singular=_("Nyhet"),
                models=("news.NewsPage",),
                order=20,
            ),
            SearchType(
                key="traffar",
                label=_("Träffar"),
                label_singular=_("Träff"),
                models=("events.EventPage",),
                order=30,
            ),
            SearchType(
                key="teman",
                label=_("Teman"),
                label_singular=_("Tema"),
                models=("themes.ThemePage",),
                order=40,
            ),
            SearchType(
                key="organisationer",
                label=_("Organisationer"),
                label_singular=_("Organisation"),
                models=("directory.OrganisationPage",),
                order=10,
                hidden_pages=_unlisted_live_organisations,
            ),
            SearchType(
                key="samarbeten",
                label=_("Samarbetsmöjligheter"),
                label_singular=_("Samarbetsmöjlighet"),
                models=("directory.Opportunity",),
                order=15,
                queryset=_listed_opportunities,
                hit_label=_opportunity_label,
                attach_urls=_opportunity_urls,
                hit_meta=_opportunity_organisation,
            ),
        ]:
            register_search_type(search_type)
