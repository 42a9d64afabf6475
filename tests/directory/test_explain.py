"""The directory explains itself: the search text as a removable chip, why each result
matched the municipality, and the wider searches an empty result offers."""

import re
from html import unescape

import pytest

from directory.explain import widenings, with_municipality_reasons
from tests.directory.test_filters import search

pytestmark = pytest.mark.django_db


def links(html: str, css_class: str) -> dict[str, str]:
    """{text: href} of the links in the first <ul class="css_class">."""
    block = re.search(rf'<ul class="{css_class}"[^>]*>(.*?)</ul>', html, re.S)
    assert block, f"no {css_class} list"
    found = re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(.*?)</a>', block.group(1), re.S)
    return {
        " ".join(re.sub(r"<[^>]+>", " ", unescape(text)).split()): unescape(href)
        for href, text in found
    }


def cards(html: str) -> dict[str, str]:
    """{title: the card's meta line} for every card on a directory page."""
    found = {}
    for card in html.split('<article class="card org-card">')[1:]:
        title = re.search(r'class="card__title"><a[^>]*>([^<]+)</a>', card).group(1)
        meta = re.search(r'<ul class="meta-list">(.*?)</ul>', card, re.S).group(1)
        found[unescape(title)] = " · ".join(
            unescape(item).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", meta, re.S)
        )
    return found


def get(client, directory_index, query: str) -> str:
    response = client.get(directory_index.url + query)
    assert response.status_code == 200
    return response.content.decode()


class TestTextChip:
    def test_the_text_is_a_chip_that_removes_only_the_text(self, client, directory_index, orgs):
        html = get(client, directory_index, "?q=biogas&offers=biogas&sort=newest")
        chips = links(html, "active-filters")
        assert chips["Sökord: ”biogas” × (ta bort sökordet)"] == (
            "/samarbetspartner/?offers=biogas&sort=newest"
        )
        # Removing a filter keeps the text (and the chosen order).
        assert chips["biogas × (ta bort filtret)"] == "/samarbetspartner/?q=biogas&sort=newest"

    def test_an_order_that_becomes_the_default_is_dropped(self, client, directory_index, orgs):
        html = get(client, directory_index, "?q=biogas&sort=name")
        chips = links(html, "active-filters")
        assert chips["Sökord: ”biogas” × (ta bort sökordet)"] == "/samarbetspartner/"

    def test_no_text_no_chip(self, client, directory_index, orgs):
        html = get(client, directory_index, "?offers=biogas")
        assert "Sökord" not in html


class TestMunicipalityReasons:
    def test_each_card_says_why_it_is_in_the_municipality(self, client, directory_index, orgs):
        found = cards(get(client, directory_index, "?municipality=ostersund"))
        assert found["Biogas Öst AB"] == "Företag · Huvudkontor i Östersund"
        assert found["Laddbolaget AB"] == "Företag · Krokom · Verkar i Östersund"
        assert found["Åkeri Länet AB"] == "Företag · Berg · Verkar i hela länet"

    def test_with_two_municipalities_the_one_that_matched(self, client, directory_index, orgs):
        found = cards(get(client, directory_index, "?municipality=berg&municipality=ostersund"))
        assert found["Åkeri Länet AB"] == "Företag · Huvudkontor i Berg"
        assert found["Laddbolaget AB"] == "Företag · Krokom · Verkar i Östersund"

    def test_outside_the_county_the_whole_county_is_no_reason(self, client, directory_index, orgs):
        found = cards(get(client, directory_index, "?municipality=utanfor-lanet"))
        assert list(found) == ["Utsocknes AB"]
        assert "Huvudkontor i" in found["Utsocknes AB"]

    def test_without_a_municipality_filter_the_card_is_as_before(
        self, client, directory_index, orgs
    ):
        found = cards(get(client, directory_index, "?offers=biogas"))
        assert found["Biogas Öst AB"] == "Företag · Östersund"


class TestWidenings:
    def test_an_empty_result_offers_each_wider_search_with_its_count(
        self, client, directory_index, orgs
    ):
        html = get(client, directory_index, "?offers=biogas&municipality=berg")
        assert "Inga organisationer matchar sökningen." in html
        offered = links(html, "widenings")
        assert offered == {
            "3 i hela länet (utan kommunfiltret)": "/samarbetspartner/?offers=biogas",
            "1 utan filtret Erbjuder: biogas": "/samarbetspartner/?municipality=berg",
        }
        # The counts are what the links then find.
        assert "3 organisationer" in get(client, directory_index, "?offers=biogas")
        assert "1 organisation" in get(client, directory_index, "?municipality=berg")

    def test_each_link_keeps_the_text_the_other_filters_and_the_order(
        self, client, directory_index, orgs
    ):
        html = get(client, directory_index, "?q=biogas&offers=biogas&municipality=berg&sort=newest")
        # Without the text there is still nothing, so that is not offered.
        assert links(html, "widenings") == {
            "3 i hela länet (utan kommunfiltret)": (
                "/samarbetspartner/?q=biogas&offers=biogas&sort=newest"
            ),
            "1 utan filtret Erbjuder: biogas": (
                "/samarbetspartner/?q=biogas&municipality=berg&sort=newest"
            ),
        }

    def test_the_text_can_be_the_thing_to_drop(self, client, directory_index, orgs):
        html = get(client, directory_index, "?q=krokomgas&municipality=berg")
        assert links(html, "widenings") == {
            "1 utan sökordet ”krokomgas”": "/samarbetspartner/?municipality=berg",
            "1 i hela länet (utan kommunfiltret)": "/samarbetspartner/?q=krokomgas",
        }

    def test_several_values_of_one_filter_are_dropped_together(self, client, directory_index, orgs):
        html = get(client, directory_index, "?offers=biogas&offers=restvarme&org_type=kommun")
        assert links(html, "widenings") == {
            "3 utan filtret Typ av organisation: Kommun": (
                "/samarbetspartner/?offers=biogas&offers=restvarme"
            ),
            "1 utan filtret Erbjuder: biogas eller restvärme": (
                "/samarbetspartner/?org_type=kommun"
            ),
        }

    def test_nothing_wider_to_offer(self, client, directory_index, orgs):
        html = get(client, directory_index, "?q=xyzzyqqq")
        assert 'class="widenings"' not in html
        assert "Pröva ett annat ord" in html

    def test_results_offer_no_widenings(self, client, directory_index, orgs):
        assert 'class="widenings"' not in get(client, directory_index, "?offers=biogas")


def test_widenings_and_reasons_cost_no_queries(orgs, django_assert_num_queries):
    """Both are read from the facet index the page has built anyway."""
    empty = search("offers=biogas&municipality=berg")
    assert empty.page().paginator.count == 0
    empty.facet_options()
    with django_assert_num_queries(0):
        assert [w.count for w in widenings(empty)] == [3, 1]

    filtered = search("municipality=berg&municipality=ostersund")
    loaded = list(filtered.page(decorate=lambda queryset: queryset.with_card_data()).object_list)
    filtered.facet_options()
    with django_assert_num_queries(0):
        explained = with_municipality_reasons(filtered, loaded)
    assert {org.title: org.municipality_reason for org in explained}["Laddbolaget AB"] == (
        "Verkar i Östersund"
    )
