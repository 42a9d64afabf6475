"""The directory's demo content, the load-test generator, and the issue's "done when" search."""

import csv
import io
import json

import pytest
from django.http import QueryDict
from wagtail.models import Page

from demo import directory as demo
from demo.context import DATA_DIR, SeedContext
from directory import csvio
from directory.filters import OrganisationSearch
from directory.matching import matches_for
from directory.models import (
    CompetenceTag,
    Municipality,
    Opportunity,
    OrganisationPage,
    PartnershipType,
)
from directory.validators import is_valid_org_number
from themes.models import EnvironmentalObjective


def run_seed(organisations=0):
    from django.core.management.color import no_style

    ctx = SeedContext(
        options={"seed": 2030, "organisations": organisations},
        stdout=io.StringIO(),
        style=no_style(),
    )
    demo.seed(ctx)
    return ctx


@pytest.fixture
def seeded(home_page):
    return run_seed()


ORGANISATIONS = list(csv.DictReader((DATA_DIR / "organisations.csv").open(encoding="utf-8")))
DETAILS = json.loads((DATA_DIR / "organisation_details.json").read_text(encoding="utf-8"))
OPPORTUNITIES = json.loads((DATA_DIR / "opportunities.json").read_text(encoding="utf-8"))


def test_the_demo_data_uses_only_the_vocabularies(db):
    """The organisations are an import file the directory's importer accepts as it is."""
    assert csvio.plan_import((DATA_DIR / "organisations.csv").read_text()).errors == []
    tags = set(CompetenceTag.objects.values_list("name", flat=True))
    kinds = set(PartnershipType.objects.values_list("slug", flat=True))
    objectives = set(EnvironmentalObjective.objects.values_list("slug", flat=True))
    municipalities = set(Municipality.objects.values_list("slug", flat=True))
    assert set(DETAILS) == {row["name"] for row in ORGANISATIONS}
    for name, extra in DETAILS.items():
        assert set(extra["environmental_objectives"]) <= objectives, name
        assert extra["served"] == "lan" or set(extra["served"]) <= municipalities, name
    for row in OPPORTUNITIES:
        assert row["organisation"] in DETAILS and set(row["competences"]) <= tags, row
        assert row["partnership_type"] in kinds, row


@pytest.mark.django_db
class TestDemo:
    def test_about_sixty_organisations_plus_the_public_bodies(self, seeded, client):
        assert OrganisationPage.objects.listed().count() == len(ORGANISATIONS)
        assert len(ORGANISATIONS) >= 65
        region = OrganisationPage.objects.get(title="Region Jämtland Härjedalen")
        assert region.org_number == "232100-0214" and region.org_type == "region"
        assert OrganisationPage.objects.filter(org_type="kommun").count() == 8
        numbers = [o.org_number for o in OrganisationPage.objects.exclude(org_number="")]
        assert all(is_valid_org_number(n) for n in numbers) and len(numbers) == len(set(numbers))
        assert Opportunity.objects.public().count() == len(OPPORTUNITIES) - 1  # one expired
        assert client.get("/samarbetspartner/").status_code == 200

        before = (OrganisationPage.objects.count(), Opportunity.objects.count())
        ctx = run_seed()
        assert (OrganisationPage.objects.count(), Opportunity.objects.count()) == before
        assert not ctx.created, "seeding again adds nothing"

    def test_matching_suggests_sensible_partners_with_reasons(self, seeded):
        haulier = OrganisationPage.objects.get(title="Storsjöbygdens Åkeri AB")
        matches = {m.organisation.title: m.reasons for m in matches_for(haulier)}
        assert "Jämtbiogas AB" in matches
        assert any(
            r.startswith("Erbjuder biogas") and r.endswith("som ni söker")
            for r in matches["Jämtbiogas AB"]
        )
        biogas = OrganisationPage.objects.get(title="Jämtbiogas AB")
        reasons = {m.organisation.title: m.reasons for m in matches_for(biogas)}
        assert (
            "Söker biogas och förnybara drivmedel, som ni erbjuder"
            in reasons["Storsjöbygdens Åkeri AB"]
        )

    def test_every_organisation_offering_a_competence_in_a_municipality_is_found(self, seeded):
        """The issue's "done when": by facets, by text and by both, with correct counts."""
        for competence, municipality in [
            ("biogas", "ostersund"),
            ("laddinfrastruktur", "krokom"),
            ("solenergi", "berg"),
        ]:
            self.check_found(competence, competence, municipality)

    def check_found(self, competence, slug, municipality):
        place = Municipality.objects.get(slug=municipality)
        expected = {
            org.title
            for org in OrganisationPage.objects.listed().prefetch_related(
                "offers", "served_municipalities"
            )
            if competence in {t.name for t in org.offers.all()}
            and (
                org.head_office_id == place.pk
                or org.serves_whole_county
                or place in org.served_municipalities.all()
            )
        }
        assert expected, "the demo should have some"

        def found(query):
            return {o.title for o in OrganisationSearch(QueryDict(query)).results()}

        assert found(f"offers={slug}&municipality={municipality}") == expected
        facets = OrganisationSearch(QueryDict(f"offers={slug}")).facet_options()
        counts = {
            o.value: o.count
            for group in facets
            if group.facet.name == "municipality"
            for o in group.options
        }
        assert counts[municipality] == len(expected)
        assert expected <= found(f"q={competence}&municipality={municipality}")
        assert found(f"q={competence}&offers={slug}&municipality={municipality}") == expected


@pytest.mark.django_db
def test_generated_organisations_for_load_tests(home_page, client):
    run_seed()
    before = OrganisationPage.objects.count()
    run_seed(organisations=40)
    assert OrganisationPage.objects.count() == before + 40
    assert OrganisationPage.objects.listed().count() == before + 40
    assert not any(Page.find_problems()), "the bulk-written tree is consistent"
    index = Page.objects.get(slug="samarbetspartner")
    assert index.numchild == before + 40
    generated = OrganisationPage.objects.order_by("-pk").first()
    assert client.get(generated.url).status_code == 200
    found = OrganisationSearch(QueryDict(f"q={generated.title.split()[2]}")).result_ids()
    assert generated.pk in found, "generated organisations are in the search index"
    run_seed(organisations=5)
    assert OrganisationPage.objects.count() == before + 45
