"""The database backend: Swedish word forms on SQLite, no query syntax errors, index updates."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.registry import searchable_pages


def titles(query, queryset=None) -> set[str]:
    queryset = queryset if queryset is not None else Page.objects.live()
    return {page.title for page in get_search_backend().search(query, queryset)}


def test_sqlite_matches_swedish_word_forms_by_stem_prefix(sqlite, make_page):
    make_page("En solcell på taket")
    make_page("Klimatet förändras")
    make_page("Tankstation för biogas")
    assert "En solcell på taket" in titles("solceller")
    assert "Klimatet förändras" in titles("klimatets")
    assert "Tankstation för biogas" in titles("biogasen")


@pytest.mark.parametrize("query", ['"', '""', '"klimat', "klimat\"'", "AND", "NEAR(", "*", "^x"])
def test_raw_fts_syntax_never_raises(db, make_page, query):
    """Even Wagtail's own callers (the admin) cannot break FTS5 with a stray quote."""
    make_page("Klimat i länet")
    list(get_search_backend().search(query, Page))
    list(get_search_backend().autocomplete(query, Page))


def test_index_follows_publish_unpublish_edit_and_delete(db, make_page):
    page = make_page("Solpark i Krokom", intro="Ny solpark.")
    assert "Solpark i Krokom" in titles("solpark", searchable_pages())

    page.unpublish()
    assert titles("solpark", searchable_pages()) == set()

    page.title = "Solpark i Krokom och Strömsund"
    page.save_revision().publish()
    assert titles("strömsund", searchable_pages()) == {"Solpark i Krokom och Strömsund"}

    # A draft change is not findable until it is published.
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    draft.title = "Hemlig vindkraftpark"
    draft.save_revision()
    assert titles("hemlig", searchable_pages()) == set()

    page.delete()
    assert titles("solpark", searchable_pages()) == set()
    from wagtail.search.models import IndexEntry

    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_pages_behind_a_login_are_not_searchable(db, make_page):
    from wagtail.models import PageViewRestriction

    page = make_page("Internt protokoll om vätgas")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles("vätgas", searchable_pages()) == set()


def test_backend_matches_the_database_vendor(db):
    name = type(get_search_backend()).__name__
    expected = {
        "sqlite": "SwedishSQLiteSearchBackend",
        "postgresql": "SwedishPostgresSearchBackend",
    }
    assert name == expected[connection.vendor]


def test_rebuild_search_index_rebuilds_and_reports(db, make_page):
    import io

    from django.core.management import call_command
    from wagtail.search.models import IndexEntry

    make_page("Fjärrvärme i Östersund")
    IndexEntry.objects.all().delete()
    assert titles("fjärrvärme", searchable_pages()) == set()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Search backend: search.backends.database" in out.getvalue()
    assert "Sökindexet är ombyggt." in out.getvalue()
    if connection.vendor == "postgresql":
        assert "uses the hunspell dictionary" in out.getvalue()
    assert titles("fjärrvärme", searchable_pages()) == {"Fjärrvärme i Östersund"}
