"""public() on the project's pages: the same pages as Wagtail's, without a query of its own."""

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from tests.factories import StandardPageFactory, make_home_page

pytestmark = pytest.mark.django_db


def test_public_leaves_out_restricted_pages_and_their_descendants_only():
    home = make_home_page()
    closed = StandardPageFactory(parent=home, slug="stangd")
    inside = StandardPageFactory(parent=closed, slug="inuti")
    # A sibling whose tree path shares no prefix problem: the next path after `closed`.
    beside = StandardPageFactory(parent=home, slug="bredvid")
    below_beside = StandardPageFactory(parent=beside, slug="under")
    PageViewRestriction.objects.create(page=closed, restriction_type="password", password="x")

    ours = set(StandardPage.objects.public().values_list("pk", flat=True))
    wagtails = set(Page.objects.type(StandardPage).public().values_list("pk", flat=True))
    assert ours == wagtails == {beside.pk, below_beside.pk}
    assert set(StandardPage.objects.not_public().values_list("pk", flat=True)) == {
        closed.pk,
        inside.pk,
    }


def test_public_costs_no_query_of_its_own(django_assert_num_queries):
    home = make_home_page()
    StandardPageFactory(parent=home, slug="en")
    with django_assert_num_queries(1):
        assert len(list(StandardPage.objects.live().public())) == 1
