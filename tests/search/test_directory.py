"""Organisations and partnership opportunities in the site search."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.listing_state import delist, relist
from tests.directory.factories import OpportunityFactory, organisation

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture
def directory_index(home_page):
    from tests.directory.factories import DirectoryIndexPageFactory

    return DirectoryIndexPageFactory(parent=home_page)


def search(client, **params):
    response = client.get(reverse("search:search"), params, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [re.sub(r"<[^>]+>", "", hit.title) for hit in response.context["hits"]]


@pytest.fixture
def biogas_company(directory_index):
    page = organisation(
        directory_index,
        title="Storsjöbygdens Biogas AB",
        short_description="Vi producerar biogas av matavfall.",
        offers=["biogas"],
    )
    page.save_revision().publish()
    return page


def test_organisations_and_their_opportunities_are_found(db, client, biogas_company):
    OpportunityFactory(
        organisation=biogas_company,
        title="Vi söker åkerier som vill tanka biogas",
        text="Leveranser från 2027 till tunga fordon.",
    )
    response = search(client, q="biogas")
    assert {"Storsjöbygdens Biogas AB", "Vi söker åkerier som vill tanka biogas"} <= set(
        titles(response)
    )
    counts = {facet.key: facet.count for facet in response.context["facets"]}
    assert counts["organisationer"] == 1 and counts["samarbeten"] == 1
    hit = next(h for h in response.context["hits"] if h.type.key == "samarbeten")
    assert hit.url.startswith("/samarbetspartner/mojligheter/")
    assert hit.label == "Samarbetsmöjlighet · behov"
    assert hit.meta == "Storsjöbygdens Biogas AB"
    narrowed = search(client, q="biogas", typ="samarbeten")
    assert titles(narrowed) == ["Vi söker åkerier som vill tanka biogas"]


def test_a_delisted_organisation_and_its_opportunities_disappear(
    db, client, biogas_company, admin_user
):
    OpportunityFactory(organisation=biogas_company, title="Biogas till bussar")
    delist(biogas_company, user=admin_user, reason="Organisationen har lämnat rådet.")
    response = search(client, q="biogas")
    assert titles(response) == []
    autocomplete = client.get(reverse("search:autocomplete"), {"q": "biog"}).json()
    assert autocomplete["results"] == []
    biogas_company.refresh_from_db()
    relist(biogas_company, user=admin_user)
    assert "Storsjöbygdens Biogas AB" in titles(search(client, q="biogas"))


def test_expired_and_unpublished_opportunities_are_not_found(db, client, biogas_company):
    OpportunityFactory(
        organisation=biogas_company,
        title="Gammalt behov av vätgas",
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    OpportunityFactory(organisation=biogas_company, title="Utkast om vätgas", published_at=None)
    OpportunityFactory(
        organisation=biogas_company,
        title="Kommande vätgasbehov",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    assert titles(search(client, q="vätgas")) == []


def test_a_live_but_unlisted_organisation_is_hidden(db, client, biogas_company):
    """Belt and braces: whatever the page's state, only listed() organisations are shown."""
    type(biogas_company).objects.filter(pk=biogas_company.pk).update(delisted_at=timezone.now())
    assert "Storsjöbygdens Biogas AB" not in titles(search(client, q="biogas"))


def test_opportunities_are_suggested_by_the_autocomplete(db, client, biogas_company):
    OpportunityFactory(organisation=biogas_company, title="Restvärme till växthus")
    results = client.get(reverse("search:autocomplete"), {"q": "restv"}).json()["results"]
    assert results[0]["title"] == "Restvärme till växthus"
    assert results[0]["url"].startswith("/samarbetspartner/mojligheter/")


def test_no_hits_link_to_the_directory(db, client, directory_index):
    html = search(client, q="xyzzy").content.decode()
    assert "Bläddra bland organisationerna under Hitta samarbetspartner" in html
    assert 'href="/samarbetspartner/"' in html


def test_competences_are_suggested_when_misspelt(db, client, biogas_company):
    html = search(client, q="laddinfrastruktr").content.decode()
    assert ">laddinfrastruktur</a>" in html


def test_searchable_organisations_are_exactly_the_listed_ones(db, directory_index, admin_user):
    from directory.models import OrganisationPage
    from search.registry import searchable_pages

    listed = organisation(directory_index, title="Listad AB")
    delisted = organisation(directory_index, title="Avförd AB")
    delist(delisted, user=admin_user, reason="Har lämnat rådet.")
    draft = organisation(directory_index, title="Utkast AB", live=False)
    odd = organisation(directory_index, title="Udda AB")
    OrganisationPage.objects.filter(pk=odd.pk).update(delisted_at=timezone.now())
    searchable = set(searchable_pages().type(OrganisationPage).values_list("pk", flat=True))
    assert searchable == set(OrganisationPage.objects.listed().values_list("pk", flat=True))
    assert searchable == {listed.pk}
    assert draft.pk not in searchable
