"""Routing in a fixed number of queries (core/routing.py) routes as Wagtail does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory, make_home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    home = make_home_page()
    top = StandardPageFactory(parent=home, slug="om", title="Om oss")
    middle = StandardPageFactory(parent=top, slug="radet", title="Rådet")
    leaf = StandardPageFactory(parent=middle, slug="ledamoter", title="Ledamöter")
    return home, top, middle, leaf


def test_a_deep_page_is_found_and_its_crumbs_come_from_routing(client, tree):
    html = client.get("/om/radet/ledamoter/").content.decode()
    assert "Ledamöter" in html
    # The breadcrumbs name and link each level between the home page and the page.
    assert 'href="/om/"' in html and 'href="/om/radet/"' in html


def test_missing_levels_and_pages_that_are_not_live(client, tree):
    _, _, middle, leaf = tree
    assert client.get("/om/finns-inte/ledamoter/").status_code == 404
    assert client.get("/om/radet/ledamoter/extra/").status_code == 404
    assert client.get("/radet/ledamoter/").status_code == 404
    leaf.unpublish()
    assert client.get("/om/radet/ledamoter/").status_code == 404
    # As in Wagtail: a level in between need not be live, only the page served.
    leaf.save_revision().publish()
    middle.unpublish()
    assert client.get("/om/radet/ledamoter/").status_code == 200
    assert client.get("/om/radet/").status_code == 404


def test_a_restriction_above_the_page_still_applies(client, tree):
    _, top, *_ = tree
    PageViewRestriction.objects.create(page=top, restriction_type="password", password="x")
    html = client.get("/om/radet/ledamoter/").content.decode()
    assert "Ledamöter</h1>" not in html
    assert "password" in html


def test_an_alias_takes_its_sources_restrictions(client, tree):
    home, top, *_ = tree
    closed = StandardPageFactory(parent=home, slug="stangd", title="Stängd")
    PageViewRestriction.objects.create(page=closed, restriction_type="password", password="x")
    source = StandardPageFactory(parent=closed, slug="kalla", title="Källan")
    source.create_alias(parent=top, update_slug="alias")
    html = client.get("/om/alias/").content.decode()
    # The alias lies outside the restricted section, but its source is inside it: Wagtail
    # checks the source's own restrictions only (not its ancestors'), so it is open.
    assert "Källan" in html


def test_routing_costs_the_same_at_any_depth(client, tree, no_cache):
    home, *_ = tree
    StandardPageFactory(parent=home, slug="kontakt", title="Kontakt")  # no children either
    client.get("/kontakt/")
    client.get("/om/radet/ledamoter/")
    with CaptureQueriesContext(connection) as shallow:
        client.get("/kontakt/")
    with CaptureQueriesContext(connection) as deep:
        client.get("/om/radet/ledamoter/")
    assert len(deep.captured_queries) == len(shallow.captured_queries)
