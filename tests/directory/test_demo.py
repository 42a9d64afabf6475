"""The directory's demo content, the load-test generator, and the issue's "done when" search."""

import io

import pytest
from django.http import QueryDict
from wagtail.models import Page

from core.demo import SeedContext
from directory import demo
from directory.demo_data import OPPORTUNITIES, ORGANISATIONS, PUBLIC_BODIES
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
from themes.models import EnvironmentalObjective, Theme


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


def test_the_demo_data_uses_only_the_vocabularies(db):
    tags = set(CompetenceTag.objects.values_list("name", flat=True))
    kinds = set(PartnershipType.objects.values_list("slug", flat=True))
    themes = set(Theme.objects.values_list("slug", flat=True))
    objectives = set(EnvironmentalObjective.objects.values_list("slug", flat=True))
    municipalities = set(Municipality.objects.values_list("slug", flat=True))
    for row in ORGANISATIONS:
        name, _type, office, _size, short, _text, offers, seeks, pk, th, ob, served, *_ = row
        assert len(short) <= 160, name
        assert set(offers) <= tags and set(seeks) <= tags, name
        assert set(pk) <= kinds and set(th) <= themes and set(ob) <= objectives, name
        assert office in municipalities, name
        assert served == "lan" or set(served) <= municipalities, name
    for name, number, _type, office, short, _t, offers, seeks, pk, th, *_ in PUBLIC_BODIES:
        assert len(short) <= 160 and (not number or is_valid_org_number(number)), name
        assert set(offers) <= tags and set(seeks) <= tags and set(pk) <= kinds, name
        assert office in municipalities and set(th) <= themes, name
    names = {row[0] for row in ORGANISATIONS} | {row[0] for row in PUBLIC_BODIES}
    for name, _kind, _title, _text, competences, kind, *_ in OPPORTUNITIES:
        assert name in names and set(competences) <= tags and kind in kinds, name


@pytest.mark.django_db
class TestDemo:
    def test_about_sixty_organisations_plus_the_public_bodies(self, seeded, client):
        assert OrganisationPage.objects.listed().count() == len(ORGANISATIONS) + len(PUBLIC_BODIES)
        assert len(ORGANISATIONS) >= 55
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
