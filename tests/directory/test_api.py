"""The open-data API: same results as the page, a published schema, no personal data."""

import re

import pytest

from tests.directory.factories import ContactPersonFactory, OpportunityFactory, organisation

API = "/api/v1/directory"


@pytest.fixture
def orgs(directory_index):
    made = [
        organisation(
            directory_index,
            title=f"Gasbolag {n} AB",
            municipality="ostersund" if n % 2 else "krokom",
            offers=["biogas"] if n % 3 else ["solenergi"],
            seeks=["hållbar logistik"],
            themes=["energiomstallning"],
        )
        for n in range(25)
    ]
    ContactPersonFactory(
        organisation=made[0], name="Hemlig Person", email="hemlig@person.example", publish_name=True
    )
    OpportunityFactory(organisation=made[1], title="Gas sökes", competences=["biogas"])
    return made


def page_titles(client, url) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.django_db
class TestOrganisations:
    @pytest.mark.parametrize(
        "query",
        [
            "",
            "?offers=biogas",
            "?offers=biogas&municipality=ostersund",
            "?municipality=2380&sort=newest",
            "?offers=biogas&page=2",
            "?q=Gasbolag&offers=solenergi",
            "?has_needs=1",
            "?offers=finns-inte&page=abc",
        ],
    )
    def test_the_api_returns_what_the_page_shows(self, client, directory_index, orgs, query):
        data = client.get(f"{API}/organisations/{query}").json()
        assert [org["name"] for org in data["results"]] == page_titles(
            client, directory_index.url + query
        )

    def test_pagination_and_links(self, client, orgs):
        data = client.get(f"{API}/organisations/?offers=biogas").json()
        assert data["count"] == 16
        assert (data["page"], data["num_pages"]) == (1, 1)
        data = client.get(f"{API}/organisations/").json()
        assert (data["count"], data["num_pages"], len(data["results"])) == (25, 2, 20)
        assert data["next"] == "http://testserver/api/v1/directory/organisations/?page=2"
        assert data["previous"] is None
        second = client.get(data["next"]).json()
        assert second["previous"] == "http://testserver/api/v1/directory/organisations/"
        assert len(second["results"]) == 5

    def test_an_organisation_in_full_without_personal_data(self, client, orgs):
        response = client.get(f"{API}/organisations/?q=%22Gasbolag+0%22")
        body = response.content.decode()
        assert "Hemlig Person" not in body and "hemlig@person.example" not in body
        org = next(o for o in response.json()["results"] if o["name"] == "Gasbolag 0 AB")
        assert org["org_type"] == {"slug": "foretag", "name": "Företag"}
        assert org["head_office"] == {"slug": "krokom", "name": "Krokom", "code": "2309"}
        assert org["offers"] == [{"slug": "solenergi", "name": "solenergi"}]
        assert org["themes"] == [{"slug": "energiomstallning", "name": "Energiomställning"}]
        assert org["url"] == "http://testserver" + orgs[0].url
        assert set(org) >= {"short_description", "description_html", "has_open_needs"}

    def test_facets_on_request(self, client, orgs):
        data = client.get(f"{API}/organisations/?offers=biogas&facets=1").json()
        municipality = next(f for f in data["facets"] if f["name"] == "municipality")
        counts = {o["value"]: o["count"] for o in municipality["options"]}
        assert counts == {"krokom": 8, "ostersund": 8}
        assert client.get(f"{API}/organisations/").json().get("facets") is None

    def test_cached_for_a_while_and_never_an_error_on_junk(self, client, orgs):
        response = client.get(f"{API}/organisations/")
        assert "max-age=300" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        for query in ["?page=%00", "?q=%00", "?facets=kanske", "?page=-1", "?offers[]=x"]:
            assert client.get(f"{API}/organisations/{query}").status_code == 200, query


@pytest.mark.django_db
class TestOpportunities:
    def test_current_opportunities_with_their_organisation(self, client, directory_index, orgs):
        data = client.get(f"{API}/opportunities/?competence=biogas").json()
        assert data["count"] == 1
        item = data["results"][0]
        assert item["title"] == "Gas sökes"
        assert item["kind"] == {"slug": "behov", "name": "Behov"}
        assert item["organisation"]["name"] == "Gasbolag 1 AB"
        assert item["url"].startswith("http://testserver/samarbetspartner/mojligheter/")
        assert client.get(item["url"]).status_code == 200

    def test_the_same_as_the_list_page(self, client, directory_index, orgs):
        OpportunityFactory(organisation=orgs[2], title="Sol erbjuds", kind="erbjudande")
        for query in ["", "?kind=erbjudande", "?municipality=ostersund", "?q=sol"]:
            data = client.get(f"{API}/opportunities/{query}").json()
            html = client.get(directory_index.url + "mojligheter/" + query).content.decode()
            shown = re.findall(r'class="opportunity__title"><a href="[^"]+">([^<]+)</a>', html)
            assert [item["title"] for item in data["results"]] == shown, query


@pytest.mark.django_db
def test_the_openapi_schema_describes_both_endpoints_and_their_filters(client):
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == "1"
    organisations = schema["paths"]["/api/v1/directory/organisations/"]["get"]
    params = {p["name"] for p in organisations["parameters"]}
    assert {
        "q",
        "org_type",
        "municipality",
        "tema",
        "offers",
        "seeks",
        "partnership_type",
        "page",
    } <= params
    opportunities = schema["paths"]["/api/v1/directory/opportunities/"]["get"]
    assert {"q", "kind", "competence", "page"} <= {p["name"] for p in opportunities["parameters"]}
    result = schema["components"]["schemas"]["OrganisationOut"]["properties"]
    assert "email" not in str(result) and "contact" not in str(result)
    assert client.get(f"{API}/docs/").status_code == 404, "no docs page that loads other hosts"


@pytest.mark.django_db
def test_responses_match_the_published_schema(client, orgs):
    """The bodies are cached JSON, not run through the schema on the way out: check them."""
    from directory.api import OpportunityList, OrganisationList

    OrganisationList.model_validate(client.get(f"{API}/organisations/?facets=1").json())
    OpportunityList.model_validate(client.get(f"{API}/opportunities/?facets=1").json())
