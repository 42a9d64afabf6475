"""Elasticsearch / OpenSearch: the settings, analysis and mappings we would send, checked
offline, and a live contract that runs when SEARCH_URL points at a cluster.

    SEARCH_URL=http://127.0.0.1:9200 SEARCH_BACKEND=elasticsearch \
        .venv/bin/python -m pytest tests/search/test_cluster.py

The live tests create indices under a throw-away prefix and delete them afterwards.
"""

import os
import uuid

import pytest
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import AutocompleteField, SearchField, get_indexed_models

from search.conf import SWEDISH_ANALYSIS, search_backends
from tests.conftest import skip_unless

BUILTIN_FILTERS = {"lowercase", "asciifolding", "unique"}


def cluster_backend(url="http://127.0.0.1:9200", backend="elasticsearch", prefix="klimatradet_"):
    """The backend production builds from SEARCH_URL; constructing it does not connect."""
    config = search_backends(search_url=url, backend=backend, index_prefix=prefix)["default"]
    return get_search_backend(config.pop("BACKEND"), **config)


@pytest.fixture(params=["elasticsearch", "opensearch"])
def offline_backend(request):
    return cluster_backend(backend=request.param)


def test_the_index_settings_carry_the_swedish_analysis(offline_backend):
    analysis = offline_backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]["filter"]
    assert default.index("swedish_stop") < default.index("swedish_light_stemmer")
    # Fold å/ä/ö only after stemming, and keep the original: "Östersund" stays exact.
    assert default.index("folding_keep_original") > default.index("swedish_light_stemmer")
    assert analysis["filter"]["folding_keep_original"] == {
        "type": "asciifolding",
        "preserve_original": True,
    }
    assert analysis["filter"]["swedish_stop"]["stopwords"] == "_swedish_"
    assert analysis["filter"]["swedish_light_stemmer"]["language"] == "light_swedish"
    # Wagtail's own n-gram settings are still there, merged, not replaced.
    assert analysis["tokenizer"]["edgengram_tokenizer"]["type"] == "edge_ngram"
    assert "folding_keep_original" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert offline_backend.settings["settings"]["index"]["max_ngram_diff"] == 12


def test_every_filter_an_analyzer_names_is_defined(offline_backend):
    analysis = offline_backend.settings["settings"]["analysis"]
    defined = set(analysis["filter"]) | BUILTIN_FILTERS
    for name, analyzer in analysis["analyzer"].items():
        missing = [f for f in analyzer["filter"] if f not in defined]
        assert not missing, f"analyzer {name} uses undefined filters {missing}"
    for name, analyzer in SWEDISH_ANALYSIS["analyzer"].items():
        assert analysis["analyzer"][name] == analyzer


def test_index_names_carry_the_prefix_and_rebuilds_swap_an_alias(offline_backend):
    assert offline_backend.get_index_for_model(Page).name == "klimatradet_wagtailcore_page"
    assert offline_backend.rebuilder_class is ElasticsearchAtomicIndexRebuilder
    other = cluster_backend(prefix="staging_")
    assert other.get_index_for_model(Page).name == "staging_wagtailcore_page"


def test_create_index_request_is_what_we_configured():
    backend = cluster_backend()
    sent = {}

    def create(**kwargs):
        sent.update(kwargs)

    backend.es.indices.create = create  # record instead of sending
    backend.get_index_for_model(Page).put()
    assert sent["index"] == "klimatradet_wagtailcore_page"
    assert sent["settings"]["analysis"]["analyzer"]["default"]["tokenizer"] == "standard"


def test_every_indexed_model_has_a_mapping_the_cluster_accepts(offline_backend):
    """Text fields use the Swedish default analyzer; autocomplete fields the edge n-grams."""
    mapping_class = offline_backend.mapping_class
    for model in get_indexed_models():
        properties = mapping_class(model).get_mapping()["properties"]
        assert properties["_all_text"] == {"type": "text"}
        for field in model.get_search_fields():
            column = mapping_class(model).get_field_column_name(field)
            if isinstance(field, AutocompleteField):
                assert properties[column]["analyzer"] == "edgengram_analyzer", column
            elif isinstance(field, SearchField):
                assert properties[column]["type"] == "text", (model, column)
                assert "analyzer" not in properties[column]  # → the Swedish "default"


def test_documents_build_for_pages(db, make_page, offline_backend):
    page = make_page("Solceller i Krokom", intro="Kommunen satsar på solenergi.")
    mapping = offline_backend.mapping_class(type(page))
    document = mapping.get_document(page)
    assert document["title"] == "Solceller i Krokom"
    assert "Kommunen satsar på solenergi." in document["home_standardpage__intro"]
    assert document["live_filter"] is True


# Live contract --------------------------------------------------------------------------

SEARCH_URL = os.environ.get("SEARCH_URL", "")


@pytest.fixture
def live_backend(db):
    skip_unless(
        "cluster",
        bool(SEARCH_URL),
        "no search cluster here: set SEARCH_URL (and SEARCH_BACKEND) to run the live contract",
    )
    prefix = f"klimatradet_test_{uuid.uuid4().hex[:8]}_"
    backend = cluster_backend(
        url=SEARCH_URL, backend=os.environ.get("SEARCH_BACKEND", "elasticsearch"), prefix=prefix
    )
    yield backend
    for name in list(backend.es.indices.get(index=f"{prefix}*")):
        backend.es.indices.delete(index=name)


def analyze(backend, text, analyzer="default"):
    index = backend.get_index_for_model(Page)
    if "OpenSearch" in type(backend).__name__:  # opensearch-py takes a request body
        response = backend.es.indices.analyze(
            index=index.name, body={"analyzer": analyzer, "text": text}
        )
    else:
        response = backend.es.indices.analyze(index=index.name, analyzer=analyzer, text=text)
    return {token["token"] for token in response["tokens"]}


def rebuild(backend):
    """What `manage.py update_index` does for pages, through the atomic rebuilder."""
    index = backend.get_index_for_model(Page)
    rebuilder = backend.rebuilder_class(index)
    new_index = rebuilder.start()
    for model in get_indexed_models():
        if issubclass(model, Page):
            new_index.add_model(model)
            new_index.add_items(model, model.objects.all())
    rebuilder.finish()
    return new_index


def test_live_swedish_analysis(live_backend):
    rebuild(live_backend)
    assert analyze(live_backend, "klimatets") & analyze(live_backend, "klimat")
    assert analyze(live_backend, "biogasen") & analyze(live_backend, "biogas")
    assert analyze(live_backend, "solceller") & analyze(live_backend, "solcell")
    assert analyze(live_backend, "och att är") == set()
    assert {"östersund", "ostersund"} <= analyze(live_backend, "Östersund")


def test_live_search_finds_word_forms_and_respects_publishing(live_backend, make_page):
    page = make_page("Klimatets påverkan på Östersund", intro="Biogasen räcker till bussarna.")
    hidden = make_page("Solceller på skolan", publish=False)
    rebuild(live_backend)

    def titles(query):
        live = Page.objects.live().public()
        return {p.title for p in live_backend.search(query, live)}

    assert page.title in titles("klimat")
    assert page.title in titles("ostersund")
    assert page.title in titles("biogas")
    assert hidden.title not in titles("solceller")


def test_live_rebuild_swaps_the_alias_without_a_gap(live_backend, make_page):
    make_page("Vätgas i Jämtland")
    first = rebuild(live_backend)
    alias = live_backend.get_index_for_model(Page)
    assert alias.is_alias()
    second = rebuild(live_backend)
    assert [i.name for i in alias.aliased_indices()] == [second.name]
    assert not live_backend.es.indices.exists(index=first.name)


def test_the_site_search_queries_compile_for_the_cluster(db, home_page, offline_backend):
    """Every filter the site search applies (live, public, unlisted organisations, the type
    facet, visible opportunities) can be expressed in the cluster's query, offline."""
    from search import registry
    from search.engine import SiteSearch
    from search.query import SearchQuery

    for type_key in ["", "nyheter", "samarbeten"]:
        site_search = SiteSearch(
            SearchQuery.from_input("biogas Krokom"), type_key=type_key, backend=offline_backend
        )
        for source in site_search.sources:
            query = source.results("and").query_compiler.get_query()
            assert query["bool"]["filter"], query
    pages = registry.searchable_pages()
    compiler = offline_backend.search("biogas", pages).query_compiler
    assert compiler._get_filterable_field("content_type_id") is not None
    autocomplete = offline_backend.autocomplete("bio", pages).query_compiler.get_query()
    assert autocomplete["bool"]["must"]


def test_the_cluster_query_carries_the_synonyms(db, home_page, offline_backend):
    """Synonyms are expanded in the query the site sends (search.synonyms), so the cluster
    needs no synonym file and no re-index: each word's alternatives are one OR'ed match, and
    the words of the search are still all required."""
    import json

    from search.engine import SiteSearch
    from search.query import SearchQuery

    site_search = SiteSearch(
        SearchQuery.from_input("laddstolpar Östersund"), backend=offline_backend
    )
    [pages, *_objects] = site_search.sources
    query = pages.results("and").query_compiler.get_query()
    sent = json.dumps(query, ensure_ascii=False)
    must = query["bool"]["must"]["dis_max"]["queries"][0]["bool"]["must"]
    assert must == [
        {
            "match": {
                "_all_text": {
                    "query": "laddstolpar laddstolpe laddplats laddpunkt laddstation "
                    "laddinfrastruktur"
                }
            }
        },
        {"match": {"_all_text": {"query": "östersund", "operator": "and"}}},
    ]
    assert '"operator": "or"' not in sent  # "or" is the cluster's default for one match
    # A word without synonyms is sent as before: one multi_match over the boosted fields.
    plain = SiteSearch(SearchQuery.from_input("Östersund"), backend=offline_backend)
    [pages, *_objects] = plain.sources
    match = pages.results("and").query_compiler.get_query()["bool"]["must"]["multi_match"]
    assert (match["query"], match["operator"]) == ("östersund", "and")
