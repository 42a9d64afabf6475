"""Finding organisations: facets (OR within, AND across), counts, text, sorting, bad input."""

import datetime
import re

import pytest
from django.http import QueryDict
from django.utils import timezone

from directory.filters import OpportunitySearch, OrganisationSearch
from directory.listing_state import delist
from tests.directory.factories import OpportunityFactory, organisation


def names(search) -> list[str]:
    return [org.title for org in search.results()]


def search(query: str = "") -> OrganisationSearch:
    return OrganisationSearch(QueryDict(query), base_url="/samarbetspartner/")


def options(search, facet_name) -> dict[str, int]:
    for group in search.facet_options():
        if group.facet.name == facet_name:
            return {option.value: option.count for option in group.options}
    raise AssertionError(facet_name)


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.django_db
class TestFacets:
    def test_without_filters_every_listed_organisation_in_swedish_order(self, orgs):
        assert names(search()) == [
            "Biogas Öst AB",
            "Exempelby kommun",
            "Krokomgas AB",
            "Laddbolaget AB",
            "Utsocknes AB",
            "Åkeri Länet AB",
        ]

    def test_values_of_one_facet_are_ored(self, orgs):
        assert names(search("offers=biogas")) == ["Biogas Öst AB", "Krokomgas AB", "Utsocknes AB"]
        assert names(search("offers=biogas&offers=hallbar-logistik")) == [
            "Biogas Öst AB",
            "Krokomgas AB",
            "Utsocknes AB",
            "Åkeri Länet AB",
        ]

    def test_facets_are_anded(self, orgs):
        assert names(search("offers=biogas&municipality=ostersund")) == ["Biogas Öst AB"]
        assert names(search("seeks=biogas&org_type=kommun")) == ["Exempelby kommun"]

    def test_a_municipality_means_head_office_served_or_the_whole_county(self, orgs):
        assert names(search("municipality=ostersund")) == [
            "Biogas Öst AB",
            "Exempelby kommun",
            "Laddbolaget AB",
            "Åkeri Länet AB",
        ]
        assert names(search("municipality=2380")) == names(search("municipality=ostersund"))
        assert names(search("municipality=utanfor-lanet")) == ["Utsocknes AB"]

    def test_theme_and_partnership_type(self, orgs):
        assert names(search("tema=energiomstallning")) == ["Biogas Öst AB", "Krokomgas AB"]
        assert names(search("partnership_type=kund")) == ["Åkeri Länet AB"]

    def test_open_needs_are_current_needs_only(self, orgs):
        OpportunityFactory(organisation=orgs["b"], kind="behov")
        OpportunityFactory(organisation=orgs["d"], kind="erbjudande")
        OpportunityFactory(
            organisation=orgs["e"],
            kind="behov",
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        OpportunityFactory(organisation=orgs["f"], kind="behov", published_at=None)
        assert names(search("has_needs=1")) == ["Krokomgas AB"]

    def test_counts_follow_the_other_facets_and_only_options_in_use_are_offered(self, orgs):
        state = search("offers=biogas")
        # The municipality facet counts within "offers biogas".
        assert options(state, "municipality") == {
            "krokom": 1,
            "ostersund": 1,
            "utanfor-lanet": 1,
        }
        # The offers facet ignores its own selection, so its other options stay usable.
        offers = options(state, "offers")
        assert offers["biogas"] == 3
        assert offers["hallbar-logistik"] == 1
        assert "vindkraft" not in offers, "nobody offers it: not an option"
        assert options(state, "org_type") == {"foretag": 3}

    def test_a_selected_option_stays_visible_with_zero_results(self, orgs):
        state = search("offers=vindkraft")
        assert names(state) == []
        assert options(state, "offers")["vindkraft"] == 0


@pytest.mark.django_db
class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        [
            "offers=finns-inte",
            "offers=biog%00as",
            "municipality=9999",
            "org_type=%00",
            "tema=../../etc",
            "has_needs=kanske",
            "sort=%00",
            "sort=slumpvis",
        ],
    )
    def test_unknown_values_are_ignored(self, orgs, query):
        state = search(query)
        assert names(state) == names(search())
        assert state.selected == []

    def test_known_values_survive_beside_unknown_ones(self, orgs):
        assert names(search("offers=biogas&offers=finns-inte")) == names(search("offers=biogas"))

    @pytest.mark.parametrize(
        "query", ["page=0", "page=-3", "page=abc", "page=99999", "page=1e9", "page=%00"]
    )
    def test_page_numbers_never_fail(self, orgs, query):
        page = search(query).page()
        assert page.number >= 1

    def test_a_page_beyond_the_last_shows_the_last(self, orgs):
        state = search("page=99999999999999999999")
        state.per_page = 2
        assert state.page().number == 3

    def test_a_query_with_a_null_byte_is_dropped(self, orgs):
        assert search("q=bio%00gas").query == ""

    def test_the_page_answers_junk_with_200(self, client, directory_index, orgs):
        for query in [
            "?offers=%00",
            "?page=99999",
            "?q=%00",
            "?q=" + "x" * 5000,
            "?municipality=2380&municipality=%ff",
            "?sort=relevance",
            '?q="unbalanced',
            "?q=*&q=(",
            "?theme[]=x",
        ]:
            response = client.get(directory_index.url + query)
            assert response.status_code == 200, query


@pytest.mark.django_db
class TestTextSearch:
    def test_text_finds_names_descriptions_and_competences(self, orgs):
        assert set(names(search("q=Krokomgas"))) == {"Krokomgas AB"}
        assert "Biogas Öst AB" in names(search("q=matavfall"))
        found = set(names(search("q=biogas")))
        assert {"Biogas Öst AB", "Krokomgas AB", "Utsocknes AB"} <= found
        assert "Avlistad AB" not in found and "Utkast AB" not in found

    def test_text_and_facets_together(self, orgs):
        assert names(search("q=biogas&org_type=kommun")) == ["Exempelby kommun"]
        # Åkeri Länet works in the whole county and seeks biogas.
        assert set(names(search("q=biogas&municipality=krokom"))) == {
            "Krokomgas AB",
            "Åkeri Länet AB",
        }

    def test_an_opportunity_makes_its_organisation_findable(self, orgs):
        OpportunityFactory(
            organisation=orgs["e"],
            title="Vi söker snöskoteruthyrare",
            text="Eldrivna snöskotrar till fjällen.",
        )
        assert names(search("q=snöskoteruthyrare")) == ["Laddbolaget AB"]

    def test_relevance_is_the_default_order_with_a_query_and_offered_only_then(self, orgs):
        assert search("q=biogas").sort == "relevance"
        assert search("").sort == "name"
        assert search("sort=relevance").sort == "name"
        assert [key for key, _label in search("").sort_options()] == ["name", "newest"]

    def test_newest_first(self, orgs):
        assert names(search("sort=newest"))[0] == "Utsocknes AB"


@pytest.mark.django_db
class TestOpportunitySearch:
    def test_only_current_opportunities_of_listed_organisations(self, orgs):
        shown = OpportunityFactory(organisation=orgs["a"], title="Behov av logistik")
        OpportunityFactory(organisation=orgs["delisted"], title="Avlistad organisations behov")
        OpportunityFactory(organisation=orgs["draft"], title="Utkastets behov")
        OpportunityFactory(
            organisation=orgs["b"],
            title="Utgånget",
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        OpportunityFactory(organisation=orgs["b"], title="Opublicerat", published_at=None)
        state = OpportunitySearch(QueryDict(""), base_url="/samarbetspartner/mojligheter/")
        assert list(state.results()) == [shown]

    def test_facets_on_the_opportunity_and_on_its_organisation(self, orgs):
        OpportunityFactory(organisation=orgs["a"], title="Gas", competences=["biogas"])
        OpportunityFactory(
            organisation=orgs["d"],
            title="Laddning",
            kind="erbjudande",
            competences=["laddinfrastruktur"],
        )

        def titles(query):
            return [o.title for o in OpportunitySearch(QueryDict(query)).results()]

        assert titles("competence=biogas") == ["Gas"]
        assert titles("kind=erbjudande") == ["Laddning"]
        assert sorted(titles("municipality=ostersund")) == ["Gas", "Laddning"]
        assert titles("tema=klimatanpassning") == ["Laddning"]
        assert titles("q=laddning") == ["Laddning"]


@pytest.mark.django_db
class TestPage:
    def test_cards_counts_and_active_filters(self, client, directory_index, orgs):
        html = client.get(directory_index.url + "?offers=biogas").content.decode()
        assert card_titles(html) == ["Biogas Öst AB", "Krokomgas AB", "Utsocknes AB"]
        assert "3 organisationer" in html
        assert 'value="biogas" id="katalog-offers-biogas" checked' in html
        assert 'href="/samarbetspartner/">Rensa alla filter' in html

    def test_one_filter_may_be_indexed_more_may_not(self, client, directory_index, orgs):
        one = client.get(directory_index.url + "?offers=biogas").content.decode()
        two = client.get(
            directory_index.url + "?offers=biogas&municipality=krokom"
        ).content.decode()
        text = client.get(directory_index.url + "?q=biogas").content.decode()
        assert 'name="robots"' not in one
        assert '<meta name="robots" content="noindex, follow">' in two
        assert '<meta name="robots" content="noindex, follow">' in text
        assert (
            '<link rel="canonical" href="http://localhost/samarbetspartner/?offers=biogas">' in one
        )

    def test_the_old_theme_parameter_redirects_to_tema(self, client, directory_index, orgs):
        """Links and bookmarks from before every listing called it `tema` still work."""
        for path in ("", "mojligheter/", "csv/"):
            response = client.get(f"{directory_index.url}{path}?q=gas&theme=energiomstallning")
            assert response.status_code == 301
            assert response["Location"] == (
                f"{directory_index.url}{path}?q=gas&tema=energiomstallning"
            )
        api = client.get("/api/v1/directory/organisations/?theme=energiomstallning&facets=1")
        assert [org["name"] for org in api.json()["results"]] == ["Biogas Öst AB", "Krokomgas AB"]

    def test_the_csv_download_is_the_same_selection(self, client, directory_index, orgs):
        response = client.get(directory_index.url + "csv/?offers=biogas&municipality=ostersund")
        assert response["Content-Type"].startswith("text/csv")
        body = b"".join(response.streaming_content).decode()
        lines = body.strip().splitlines()
        assert lines[0].startswith("name,org_number,org_type,municipality")
        assert [line.split(",")[0] for line in lines[1:]] == ["Biogas Öst AB"]


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_organisations(
    client, directory_index, orgs, django_assert_num_queries, settings, no_cache
):
    """Uncached: the queries a new state costs (counts, results), pinned."""
    settings.FRAGMENT_CACHE_SECONDS = 0
    url = directory_index.url + "?offers=biogas&offers=laddinfrastruktur&tema=energiomstallning"
    client.get(url)  # warm Wagtail's caches (site root paths)
    with django_assert_num_queries(QUERIES_LISTING) as first:
        client.get(url)
    pinned = len(first.captured_queries)
    add_many(directory_index)
    client.get(url)  # the index is built again for the new content
    with django_assert_num_queries(pinned):
        response = client.get(url)
    assert len(card_titles(response.content.decode())) == 20  # a full page


@pytest.mark.django_db
def test_a_state_seen_before_costs_a_handful_of_queries(
    client, directory_index, orgs, django_assert_num_queries, fragments
):
    url = directory_index.url + "?offers=biogas&offers=laddinfrastruktur&tema=energiomstallning"
    client.get(url)
    with django_assert_num_queries(QUERIES_LISTING_CACHED):
        client.get(url)
    add_many(directory_index)
    client.get(url)
    with django_assert_num_queries(QUERIES_LISTING_CACHED):
        response = client.get(url)
    assert len(card_titles(response.content.decode())) == 20


@pytest.mark.django_db
def test_the_cache_never_shows_what_has_changed(client, directory_index, orgs, admin_user):
    url = directory_index.url + "?offers=biogas"
    assert "Krokomgas AB" in card_titles(client.get(url).content.decode())
    orgs["b"].save_revision().publish()
    delist(orgs["b"], user=admin_user, reason="Har lämnat rådet.")
    html = client.get(url).content.decode()
    assert "Krokomgas AB" not in card_titles(html)
    assert "2 organisationer" in html
    assert "Har aktuella behov" not in html
    OpportunityFactory(organisation=orgs["a"], kind="behov")
    html = client.get(url).content.decode()
    assert 'id="katalog-has_needs-1"' in html, "the new need shows in the counts at once"


def add_many(directory_index):
    for n in range(25):
        organisation(
            directory_index,
            title=f"Extra {n} AB",
            offers=["biogas", "solenergi"],
            seeks=["vindkraft"],
            themes=["energiomstallning"],
            served=["krokom", "are"],
        )


# The in-memory index is built once per process and content version, by the first request.
QUERIES_LISTING = 15
QUERIES_LISTING_CACHED = 6
