"""The in-memory facet index (core/listing/index.py): kept while nothing changes, built
again when an edit or the clock changes the answer, and the ranking of matches.

That it answers every state as the directory did is test_recorded_states.py.
"""

import datetime
import random

import pytest
from django.http import QueryDict
from django.utils import timezone

from core.listing import index as facet_index
from directory.filters import OrganisationSearch
from directory.listing_state import delist
from directory.models import OrganisationType
from tests.directory.factories import OpportunityFactory, organisation

COMPETENCES = ["biogas", "restvärme", "hållbar logistik", "laddinfrastruktur", "solenergi"]
MUNICIPALITIES = ["ostersund", "krokom", "are", "berg", "bracke", "utanfor-lanet"]
THEMES = ["energiomstallning", "klimatanpassning", "miljomalsarbete"]
PARTNERSHIPS = ["leverantor", "kund", "projektpartner"]
ORG_TYPES = [value for value, _label in OrganisationType.choices]
WORDS = ["biogas", "logistik", "Jämtland", "laddning", "sol"]


def some(rng, values, most=2):
    return rng.sample(values, rng.randint(0, most))


@pytest.fixture
def varied(directory_index, admin_user):
    rng = random.Random(7)
    made = []
    for n in range(36):
        made.append(
            organisation(
                directory_index,
                title=f"{rng.choice(['Å', 'Ö', 'A', 'B', 'K'])}{n:02d} {rng.choice(WORDS)} AB",
                short_description=f"Arbetar med {rng.choice(WORDS)} i länet.",
                org_type=rng.choice(ORG_TYPES),
                municipality=rng.choice(MUNICIPALITIES),
                serves_whole_county=rng.random() < 0.2,
                served=some(rng, MUNICIPALITIES),
                offers=some(rng, COMPETENCES, 3),
                seeks=some(rng, COMPETENCES),
                themes=some(rng, THEMES),
                partnership_types=some(rng, PARTNERSHIPS),
                live=rng.random() > 0.1,
            )
        )
    today = timezone.localdate()
    for org in made[::3]:
        OpportunityFactory(organisation=org, kind="behov")
    OpportunityFactory(organisation=made[1], kind="erbjudande")
    OpportunityFactory(
        organisation=made[2], kind="behov", valid_until=today - datetime.timedelta(1)
    )
    OpportunityFactory(organisation=made[4], kind="behov", published_at=None)
    made[5].save_revision().publish()
    delist(made[5], user=admin_user, reason="Har lämnat rådet.")
    return made


@pytest.mark.django_db
def test_the_page_shows_what_the_search_finds(client, directory_index, varied):
    url = directory_index.url + "?offers=biogas&municipality=krokom"
    html = client.get(url).content.decode()
    search = OrganisationSearch(QueryDict("offers=biogas&municipality=krokom"))
    expected = [org.title for org in search.results()]
    assert expected, "the state finds something"
    for title in expected:
        assert title in html


@pytest.mark.django_db
def test_the_index_is_kept_until_something_changes(varied, django_assert_num_queries):
    facet_index.clear()
    first = OrganisationSearch(QueryDict("offers=biogas"))
    first.page()
    index = first.index
    again = OrganisationSearch(QueryDict("tema=klimatanpassning&has_needs=1"))
    again.page()
    assert again.index is index, "a new state in the same version reuses the index"
    OpportunityFactory(organisation=varied[0], kind="behov")
    after_edit = OrganisationSearch(QueryDict("offers=biogas"))
    after_edit.page()
    assert after_edit.index is not index, "an edit builds it again"


@pytest.mark.django_db
def test_a_scheduled_need_counts_once_it_comes_out(varied, monkeypatch):
    """Time alone changes the answer: the index is built again when a need comes out."""
    facet_index.clear()
    org = varied[7]
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    OpportunityFactory(
        organisation=org, kind="behov", published_at=noon + datetime.timedelta(hours=2)
    )

    def needing_at(moment) -> bool:
        monkeypatch.setattr(timezone, "now", lambda: moment)
        search = OrganisationSearch(QueryDict("has_needs=1"))
        search.per_page = 100
        return org.pk in [item.pk for item in search.page().object_list]

    assert not needing_at(noon)
    assert not needing_at(noon + datetime.timedelta(hours=1))
    assert needing_at(noon + datetime.timedelta(hours=2, seconds=1)), "out without any edit"
    assert not needing_at(noon + datetime.timedelta(days=90)), "gone once it has expired"


@pytest.mark.django_db
def test_matches_rank_by_overlap_then_by_name_as_the_database_orders(varied, settings):
    """The in-memory ranking against one worked out from the link tables themselves."""
    from core.listing.search import by_name
    from directory.matching import matches_for
    from directory.models import OfferedCompetence, OrganisationPage, SoughtCompetence

    settings.FRAGMENT_CACHE_SECONDS = 0
    listed = list(
        OrganisationPage.objects.listed().order_by(by_name("title"), "pk").values_list("pk")
    )
    order = {pk: i for i, (pk,) in enumerate(listed)}

    def tags(model) -> dict[int, set[int]]:
        found = {}
        for org, tag in model.objects.values_list("content_object_id", "tag_id"):
            found.setdefault(org, set()).add(tag)
        return found

    offered, sought = tags(OfferedCompetence), tags(SoughtCompetence)
    checked = 0
    for org in varied:
        if org.pk not in order:
            continue
        scores = {
            other: len(sought.get(org.pk, set()) & offered.get(other, set()))
            + len(offered.get(org.pk, set()) & sought.get(other, set()))
            for other in order
            if other != org.pk
        }
        ranked = sorted(
            (pk for pk, score in scores.items() if score), key=lambda pk: (-scores[pk], order[pk])
        )
        found = [(m.organisation.pk, m.score) for m in matches_for(org)]
        assert found == [(pk, scores[pk]) for pk in ranked[:6]], org.title
        checked += bool(found)
    assert checked > 10
