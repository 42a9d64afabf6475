"""The relevance test set: Swedish queries people type, and what must come in the top 3.

Each target is the URL path of a page or opportunity in the demo content (seed_demo);
opportunity paths leave out the id, which depends on the order the demo creates them.
The queries mix word forms ("solceller", "skogsbränder"), compounds, place names and
two-word searches, over every type the search covers, and words that only synonyms find
(search.synonyms: "laddstolpar", "H2", "störtregn") or that a page has as typed ("klimatet").
"""

import re

from django.test import RequestFactory

from search.engine import SiteSearch
from search.query import SearchQuery

TOP = 3
MIN_MRR = 0.8

QUERIES = [
    ("biogas", "/nyheter/biogas-for-tunga-transporter/"),
    ("biogasanläggning", "/traffar/studiebesok-biogasanlaggning/"),
    ("solceller", "/samarbetspartner/mojligheter/solceller-pa-20-flerbostadshus/"),
    ("solceller krokom", "/nyheter/solceller-pa-lantbruk/"),
    ("solenergi", "/samarbetspartner/solkraft-jamtland-ab/"),
    ("klimatanpassning", "/teman/klimatanpassning/"),
    ("klimatanpassning kommun", "/nyheter/samverkan-om-klimatanpassning-i-planeringen/"),
    ("energiomställning", "/teman/energiomstallning/"),
    ("miljömålsarbete", "/teman/miljomalsarbete/"),
    ("laddinfrastruktur", "/samarbetspartner/ostersunds-laddpartner-ab/"),
    ("laddplatser landsbygden", "/nyheter/laddplatser-pa-landsbygden/"),
    ("vätgas", "/samarbetspartner/jamtlands-vatgasinitiativ/"),
    ("vätgas tunga transporter", "/nyheter/forstudie-vatgas-tunga-transporter/"),
    ("vindkraft", "/samarbetspartner/vindkraft-mittfjall-ab/"),
    ("vindkraft renskötsel", "/nyheter/dialog-om-vindkraft-och-rennaring/"),
    ("skyfall", "/nyheter/skyfallskartering-i-tatorterna/"),
    ("dagvatten", "/traffar/workshop-skyfall-och-dagvatten/"),
    ("klimatklivet", "/nyheter/klimatklivet-ny-ansokningsomgang/"),
    ("restvärme", "/nyheter/restvarme-blir-resurs/"),
    (
        "restvärme växthus",
        "/samarbetspartner/mojligheter/restvarme-till-nytt-vaxthus-pa-5-000-kvadratmeter/",
    ),
    ("energikartläggning", "/samarbetspartner/energiradgivarna-i-jamtland-ab/"),
    ("återbruk bygg", "/samarbetspartner/bygg-aterbruk-jamtland-ab/"),
    ("cirkulär ekonomi", "/traffar/omstallningsarenan-cirkular-ekonomi/"),
    ("träbyggande", "/nyheter/trabyggande-minskar-klimatavtrycket/"),
    ("klimatdeklarationer", "/nyheter/klimatdeklaration-hjalp-till-byggforetag/"),
    ("skogsbränder", "/nyheter/beredskap-for-skogsbrander/"),
    ("dricksvatten", "/nyheter/dricksvatten-torra-somrar/"),
    ("bli medlem", "/ga-med/"),
    ("avsiktsförklaring", "/ga-med/"),
    ("tillgänglighet", "/tillganglighet/"),
    ("personuppgifter", "/integritetspolicy/"),
    ("mittuniversitetet", "/samarbetspartner/mittuniversitetet/"),
    ("krokoms kommun", "/samarbetspartner/krokoms-kommun/"),
    ("fossilfria arbetsmaskiner", "/nyheter/fossilfria-arbetsmaskiner/"),
    ("medfinansiering", "/samarbetspartner/mojligheter/medfinansiering-med-11-medel/"),
    ("värmepumpar bräcke", "/samarbetspartner/varmepumpsexperten-i-bracke-ab/"),
    ("elnätet", "/nyheter/elnatet-bromsar-etableringar/"),
    ("våtmarker", "/nyheter/vatmarker-aterstalls/"),
    ("hållbar upphandling", "/nyheter/natverk-for-hallbar-upphandling/"),
    ("besöksnäringen fjällen", "/nyheter/hallbar-besoksnaring-i-fjallen/"),
    ("pellets", "/samarbetspartner/ragunda-pellets-ab/"),
    ("klimatbokslut", "/samarbetspartner/mojligheter/klimatbokslut-for-sma-foretag/"),
    # Found through the synonym list (search/migrations/0008_seed_synonyms.py).
    ("laddstolpar", "/nyheter/laddplatser-pa-landsbygden/"),
    ("solpaneler", "/samarbetspartner/mojligheter/solceller-pa-20-flerbostadshus/"),
    ("H2", "/samarbetspartner/jamtlands-vatgasinitiativ/"),
    ("livscykelanalys", "/samarbetspartner/arkitektkontoret-fjallhus-ab/"),
    ("LCA", "/samarbetspartner/arkitektkontoret-fjallhus-ab/"),
    ("störtregn", "/nyheter/skyfallskartering-i-tatorterna/"),
    # The word as typed before words that only share its stem.
    ("klimatet", "/teman/klimatanpassning/"),
]


def ranked_paths(query: str, depth: int = 10) -> list[str]:
    request = RequestFactory().get("/sok/", HTTP_HOST="localhost")
    search = SiteSearch(SearchQuery.from_input(query), request=request)
    hits = search.page(1).object_list[:depth]
    return [_path(hit.url) for hit in hits]


def _path(url: str) -> str:
    path = re.sub(r"^https?://[^/]+", "", url)
    return re.sub(r"/mojligheter/\d+-", "/mojligheter/", path)


def evaluate(queries=QUERIES) -> tuple[float, list[str]]:
    """Mean reciprocal rank over the set, and a line for every target not in the top 3."""
    total = 0.0
    misses = []
    for query, target in queries:
        paths = ranked_paths(query)
        rank = paths.index(target) + 1 if target in paths else None
        total += 1 / rank if rank else 0.0
        if rank is None or rank > TOP:
            shown = "\n".join(f"        {i}. {p}" for i, p in enumerate(paths[:5], 1))
            misses.append(f"  {query!r}: {target} at rank {rank or '>10'}; top 5:\n{shown}")
    return total / len(queries), misses
