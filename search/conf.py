"""Search backend settings, built from the environment (imported by config.settings).

Kept free of Django models so settings modules can import it. Three setups:

* SQLite (quick start): Wagtail's database backend on FTS5, with Swedish stemming of the
  query terms done in Python (search.backends.database).
* PostgreSQL: the same backend with the `swedish_hunspell` text search configuration that
  the search app's migration creates (hunspell-sv through the ispell template, falling back
  to a copy of the built-in `swedish` configuration where the dictionary is missing).
* SEARCH_URL set: an Elasticsearch 9 or OpenSearch 3 cluster (SEARCH_BACKEND) with the
  Swedish analysis below, index names prefixed by SEARCH_INDEX_PREFIX and zero-downtime
  rebuilds through aliases (ATOMIC_REBUILD).

Field boosts, the same tiers on every searchable model (set in the models' search_fields,
pinned by tests/search/test_relevance.py):

    title 10 · tags and competences 5 · lead, intro, short description 3 · the rest

PostgreSQL turns at most four distinct boosts into its weight labels A–D (Wagtail's own
Page keeps title boost 2, which lands with the body), so a new boost value elsewhere
would remap them all: use one of these.
"""

from copy import deepcopy
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

SWEDISH_SEARCH_CONFIG = "swedish_hunspell"

CLUSTER_BACKENDS = {
    # Wagtail's backends, remembering failed index updates for retry_search_index.
    "elasticsearch": "search.backends.elasticsearch",
    "opensearch": "search.backends.opensearch",
}

# Parts of compound words the site's readers search for on their own ("anpassning" should
# find "klimatanpassning"). The cluster's dictionary_decompounder adds these parts as extra
# tokens; the whole word stays indexed too. PostgreSQL gets the same from hunspell.
COMPOUND_PARTS = [
    "anpassning",
    "bil",
    "bio",
    "bränsle",
    "byggande",
    "cell",
    "cirkulär",
    "deklaration",
    "drivmedel",
    "effektivisering",
    "energi",
    "fjärr",
    "fordon",
    "fossil",
    "gas",
    "infrastruktur",
    "kartläggning",
    "klimat",
    "kraft",
    "laddning",
    "lagring",
    "logistik",
    "miljö",
    "mobilitet",
    "nät",
    "omställning",
    "plan",
    "pump",
    "renovering",
    "skog",
    "sol",
    "strategi",
    "utsläpp",
    "vatten",
    "verk",
    "vind",
    "väte",
    "värme",
]

# Swedish analysis for the cluster. Order matters: lower case, drop stop words, split
# compounds, stem (twice: the light Swedish stemmer removes one suffix per pass, so
# "klimatets" → "klimatet" → "klimat" and "klimat" → "klim" would otherwise never meet),
# then fold å/ä/ö/é to ASCII while keeping the original token, so "Östersund",
# "östersund" and "ostersund" all match and å/ä/ö stay exact matches.
SWEDISH_ANALYSIS = {
    "filter": {
        "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
        "swedish_light_stemmer": {"type": "stemmer", "language": "light_swedish"},
        "swedish_compounds": {
            "type": "dictionary_decompounder",
            "word_list": COMPOUND_PARTS,
            "min_subword_size": 3,
            "only_longest_match": False,
        },
        "folding_keep_original": {"type": "asciifolding", "preserve_original": True},
        "unique_tokens": {"type": "unique", "only_on_same_position": True},
    },
    "analyzer": {
        # "default" is what every text field without an explicit analyzer uses,
        # including the _all_text fields Wagtail searches.
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "swedish_stop",
                "swedish_compounds",
                "swedish_light_stemmer",
                "swedish_light_stemmer",
                "folding_keep_original",
                "unique_tokens",
            ],
        },
        # Autocomplete: Wagtail's edge n-grams, with folding that keeps å/ä/ö (Wagtail's
        # own folds "Öst" to "ost" at index time while the query keeps "öst").
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "folding_keep_original", "edgengram"],
        },
        "ngram_analyzer": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "folding_keep_original", "ngram"],
        },
    },
}


def cluster_index_settings() -> dict:
    """INDEX_SETTINGS for the cluster backends: merged by Wagtail into its defaults."""
    return {"settings": {"analysis": deepcopy(SWEDISH_ANALYSIS)}}


def search_backends(
    *,
    search_url: str = "",
    backend: str = "elasticsearch",
    index_prefix: str = "klimatradet_",
    database_engine: str = "",
    timeout: int = 5,
) -> dict:
    """The WAGTAILSEARCH_BACKENDS setting for this machine."""
    if not search_url:
        params = {"BACKEND": "search.backends.database", "ATOMIC_REBUILD": True}
        if "postgresql" in database_engine:
            params["SEARCH_CONFIG"] = SWEDISH_SEARCH_CONFIG
        return {"default": params}

    backend = (backend or "elasticsearch").strip().lower()
    if backend not in CLUSTER_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(sorted(CLUSTER_BACKENDS))}, not {backend!r}"
        )
    urls = [url.strip() for url in search_url.split(",") if url.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ImproperlyConfigured(
                "SEARCH_URL must be one or more comma-separated http(s)://host:port URLs"
            )
    return {
        "default": {
            "BACKEND": CLUSTER_BACKENDS[backend],
            "URLS": urls,
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": timeout,
            # Rebuild into a new index and swap the alias when it is complete:
            # visitors keep searching the old index during `manage.py update_index`.
            "ATOMIC_REBUILD": True,
            "INDEX_SETTINGS": cluster_index_settings(),
        }
    }
