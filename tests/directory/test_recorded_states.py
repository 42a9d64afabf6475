"""The directory answers 200 recorded states exactly as it did when they were recorded.

The states (text, every facet, sort, page; empty, hostile and unknown parameters) run
against a seeded set of organisations built here, through the directory page's search, the
JSON API and the CSV download. What each answered is in recorded_states.json, recorded
from the code of the day (two engines then: the in-memory index for the page and the API,
SQL for the CSV); whatever engine serves them now must answer the same.

To record again after an intended change of behaviour:

    RECORD_DIRECTORY_STATES=1 .venv/bin/python -m pytest -n 0 tests/directory/test_recorded_states.py

and review the diff of the data file. Ids differ between runs, so organisations are named
by slug; the API's timestamps are left out, and tags (which come in no
fixed order) are compared as sets.

One change is intended since the recording: the theme parameter is `tema` in every listing
now. The states still ask with the old name `theme` (the page and the API understand it, the
CSV download redirects), and the recorded answers are read with the new name.
"""

import csv
import datetime
import io
import json
import os
import random
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from directory.csvio import SEPARATOR
from directory.filters import OrganisationSearch
from directory.listing_state import delist
from directory.models import CompetenceTag, Municipality, OrganisationType, PartnershipType
from tests.directory.factories import OpportunityFactory, organisation
from themes.models import Theme

DATA = Path(__file__).with_name("recorded_states.json")
RECORD = os.environ.get("RECORD_DIRECTORY_STATES") == "1"
API = "/api/v1/directory/organisations/"
WORDS = ["biogas", "logistik", "Jämtland", "laddning", "sol", "skog", "vatten"]
STATES = 200
ORGANISATIONS = 48
FACETS = ["org_type", "municipality", "theme", "offers", "seeks", "partnership_type", "has_needs"]
RENAMED = {"theme": "tema"}


def some(rng, values, most=2):
    return rng.sample(values, rng.randint(0, most))


def vocabulary() -> dict[str, list[str]]:
    return {
        "org_type": [value for value, _label in OrganisationType.choices],
        "municipality": list(Municipality.objects.order_by("slug").values_list("slug", flat=True)),
        "codes": list(
            Municipality.objects.filter(code__gt="").order_by("code").values_list("code", flat=True)
        ),
        "theme": list(Theme.objects.order_by("slug").values_list("slug", flat=True)),
        "competence_names": list(
            CompetenceTag.objects.order_by("slug").values_list("name", flat=True)[:12]
        ),
        "competence": list(CompetenceTag.objects.order_by("slug").values_list("slug", flat=True)),
        "partnership_type": list(
            PartnershipType.objects.order_by("slug").values_list("slug", flat=True)
        ),
    }


@pytest.fixture
def world(directory_index, admin_user):
    """Organisations of every kind: drafts, a delisted one, needs current, expired,
    scheduled and unpublished; named and described with the words the states search for."""
    rng = random.Random(1414)
    words = vocabulary()
    made = []
    for n in range(ORGANISATIONS):
        made.append(
            organisation(
                directory_index,
                title=f"{rng.choice(['Å', 'Ö', 'Ä', 'A', 'B', 'K', 'z'])}{n:02d} "
                f"{rng.choice(WORDS)} {rng.choice(['AB', 'kommun', 'förening'])}",
                slug=f"rec-{n:02d}",
                short_description=f"Arbetar med {rng.choice(WORDS)} och {rng.choice(WORDS)}.",
                org_type=rng.choice(words["org_type"]),
                municipality=rng.choice(words["municipality"]),
                serves_whole_county=rng.random() < 0.15,
                served=some(rng, words["municipality"]),
                offers=some(rng, words["competence_names"], 3),
                seeks=some(rng, words["competence_names"]),
                themes=some(rng, words["theme"]),
                partnership_types=some(rng, words["partnership_type"]),
                live=rng.random() > 0.08,
            )
        )
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for org in made[::3]:
        OpportunityFactory(organisation=org, kind="behov", title=f"Behov {org.slug}")
    OpportunityFactory(organisation=made[1], kind="erbjudande", title="Erbjudande")
    OpportunityFactory(
        organisation=made[2], kind="behov", title="Utgånget", valid_until=today - day
    )
    OpportunityFactory(
        organisation=made[4],
        kind="behov",
        title="Schemalagt",
        published_at=timezone.now() + 30 * day,
    )
    OpportunityFactory(organisation=made[5], kind="behov", title="Opublicerat", published_at=None)
    for gone in (made[7], made[8]):
        gone.save_revision().publish()
        delist(gone, user=admin_user, reason="Har lämnat rådet.")
    return made


HOSTILE = [
    "",
    "page=0",
    "page=-1",
    "page=99999",
    "page=abc",
    "page=2.5",
    "page=",
    "sort=bogus",
    "sort=relevance",
    "sort=newest&page=2",
    "q=%00",
    "q=biogas%00",
    "q=" + "x" * 300,
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q=biogas%27%20OR%201%3D1--",
    "q=%FF%FE",
    "q=%20%20%20",
    "q=%C3%A5%C3%A4%C3%B6",
    "offers=okand",
    "offers=biogas&offers=biogas",
    "offers=" + "&offers=".join(f"x{i}" for i in range(60)) + "&offers=biogas",
    "org_type=",
    "theme=energiomstallning%00",
    "has_needs=ja",
    "has_needs=true",
    "has_needs=0",
    "has_needs=1&has_needs=on",
    "municipality=2380",
    "municipality=9999",
    "municipality=ostersund&municipality=2380",
    "foo=bar",
    "facets=0",
    "kind=behov&competence=biogas",
    "q=&sort=relevance&page=1",
    "Offers=biogas",
    "offers[]=biogas",
]


def generated_states(words: dict) -> list[str]:
    """HOSTILE, then random combinations up to STATES (every facet, text, sort, page)."""
    rng = random.Random(2026)
    choices = {
        "org_type": words["org_type"],
        "municipality": words["municipality"] + words["codes"][:3],
        "theme": words["theme"],
        "offers": words["competence"][:14],
        "seeks": words["competence"][:14],
        "partnership_type": words["partnership_type"],
        "has_needs": ["1"],
    }
    states = list(HOSTILE)
    while len(states) < STATES:
        pairs = []
        for name, values in choices.items():
            if rng.random() < 0.3:
                pairs += [
                    (name, value)
                    for value in rng.sample(values, rng.randint(1, min(2, len(values))))
                ]
                if rng.random() < 0.1:
                    pairs.append((name, "finns-inte"))
        if rng.random() < 0.3:
            pairs.append(("q", rng.choice(WORDS)))
        if rng.random() < 0.25:
            pairs.append(("sort", rng.choice(["name", "newest", "relevance"])))
        if rng.random() < 0.25:
            pairs.append(("page", str(rng.randint(1, 3))))
        if rng.random() < 0.05:
            pairs.append(("utm_source", "nyhetsbrev"))
        rng.shuffle(pairs)
        states.append(urlencode(pairs))
    return states


# Observing one state through every channel --------------------------------------------


def slug_of(pk: int, slugs: dict[int, str]) -> str:
    return slugs.get(pk, f"?{pk}")


def observe_page(query: str, base_url: str, slugs) -> dict:
    """What the directory page shows: its search's result page and facet options."""
    search = OrganisationSearch(QueryDict(query), base_url=base_url)
    page = search.page()
    return {
        "results": [slug_of(org.pk, slugs) for org in page.object_list],
        "count": page.paginator.count,
        "page": page.number,
        "canonical": search.query_string(page.number),
        "facets": {
            group.facet.name: [[o.value, o.count, o.selected] for o in group.options]
            for group in search.facet_options()
        },
    }


def observe_api(client, query: str, slugs, tables: dict) -> dict:
    response = client.get(f"{API}?{query}&facets=1" if query else f"{API}?facets=1")
    if response.status_code != 200:
        return {"status": response.status_code}
    data = response.json()
    results = []
    for item in data.pop("results"):
        item.pop("updated_at")
        # Tags come in no fixed order (the API never promised one): compared as sets.
        for key, value in item.items():
            if isinstance(value, list):
                item[key] = sorted(value, key=json.dumps)
        slug = slug_of(item.pop("id"), slugs)
        tables["api_organisations"].setdefault(slug, item)
        assert tables["api_organisations"][slug] == item, slug
        results.append(slug)
    facets = {}
    for group in data.pop("facets"):
        labels = tables["facet_labels"].setdefault(group["name"], {"": group["label"]})
        options = []
        for option in group["options"]:
            labels.setdefault(option["value"], option["label"])
            assert labels[option["value"]] == option["label"]
            options.append([option["value"], option["count"], option["selected"]])
        facets[group["name"]] = options
    return {"status": 200, **data, "results": results, "facets": facets}


def observe_csv(client, query: str, csv_url: str, tables: dict) -> dict:
    response = client.get(f"{csv_url}?{query}" if query else csv_url, follow=True)
    if response.status_code != 200:
        return {"status": response.status_code}
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    tables.setdefault("csv_header", rows[0])
    assert tables["csv_header"] == rows[0]
    names = []
    for row in rows[1:]:
        row = [SEPARATOR.join(sorted(cell.split(SEPARATOR))) for cell in row]  # tags, unordered
        tables["csv_rows"].setdefault(row[0], row)
        assert tables["csv_rows"][row[0]] == row, row[0]
        names.append(row[0])
    return {"status": 200, "rows": names}


def observe_all(client, directory_index, world) -> dict:
    from directory.models import OrganisationPage

    slugs = dict(OrganisationPage.objects.values_list("pk", "slug"))
    tables = {"api_organisations": {}, "facet_labels": {}, "csv_rows": {}}
    states = []
    csv_url = directory_index.subpage_url("csv")
    for query in generated_states(vocabulary()):
        states.append(
            {
                "query": query,
                "page": observe_page(query, directory_index.url, slugs),
                "api": observe_api(client, query, slugs, tables),
                "csv": observe_csv(client, query, csv_url, tables),
            }
        )
    return {"tables": tables, "states": states}


def write(observed: dict) -> None:
    """One state a line, so that a change of behaviour reads as a short diff."""

    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    lines = [f' "tables": {dumps(observed["tables"])},', ' "states": [']
    lines += [f"  {dumps(state)}," for state in observed["states"]]
    lines[-1] = lines[-1].rstrip(",")
    DATA.write_text("{\n" + "\n".join(lines) + "\n ]\n}\n")


@pytest.mark.django_db
def test_every_recorded_state_answers_as_recorded(client, directory_index, world, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0  # every state new, as for a first visitor
    observed = observe_all(client, directory_index, world)
    if RECORD:
        write(observed)
    recorded = with_new_names(json.loads(DATA.read_text()))
    assert len(recorded["states"]) == STATES
    used = {name for state in recorded["states"] for name in QueryDict(state["query"])}
    assert set(FACETS) <= used, "every facet is in some state"
    assert sum(bool(state["page"]["count"]) for state in recorded["states"]) > STATES / 2
    assert observed["tables"] == recorded["tables"]
    for now, then in zip(observed["states"], recorded["states"], strict=True):
        assert comparable(now) == comparable(then), then["query"]


def with_new_names(recorded: dict) -> dict:
    """The recorded answers as they read with today's parameter names (RENAMED)."""

    def rename_keys(mapping: dict) -> dict:
        return {RENAMED.get(key, key): value for key, value in mapping.items()}

    def rename_query(text: str) -> str:
        pairs = QueryDict(text.removeprefix("?")).lists()
        renamed = [(RENAMED.get(key, key), value) for key, values in pairs for value in values]
        return ("?" if text.startswith("?") else "") + urlencode(renamed) if renamed else text

    recorded["tables"]["facet_labels"] = rename_keys(recorded["tables"]["facet_labels"])
    for state in recorded["states"]:
        for channel in ("page", "api"):
            if "facets" in state[channel]:
                state[channel]["facets"] = rename_keys(state[channel]["facets"])
        state["page"]["canonical"] = rename_query(state["page"]["canonical"])
        for link in ("next", "previous"):
            if state["api"].get(link) and "theme=" in state["api"][link]:
                base, _, query = state["api"][link].partition("?")
                state["api"][link] = base + rename_query("?" + query)
    return recorded


def comparable(state: dict) -> dict:
    """A state as far as it is defined: text ranked by relevance leaves equal scores in the
    order the database reads them, which changes from run to run, so for those states the
    result pages are compared by count and the CSV (every match) as a set."""
    query = QueryDict(state["query"])
    ranked = query.get("q", "").strip() and query.get("sort", "relevance") in ("relevance", "")
    if not ranked:
        return state
    state = json.loads(json.dumps(state))
    for channel in ("page", "api"):
        state[channel].pop("results", None)
    if "rows" in state["csv"]:
        state["csv"]["rows"] = sorted(state["csv"]["rows"])
    return state
