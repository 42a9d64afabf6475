"""WAGTAILSEARCH_BACKENDS from the environment: database by default, a cluster on SEARCH_URL."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.search.backends import get_search_backend

from search.conf import SWEDISH_SEARCH_CONFIG, search_backends


def test_without_search_url_the_database_backend_is_used():
    backends = search_backends(database_engine="django.db.backends.sqlite3")
    assert backends == {"default": {"BACKEND": "search.backends.database", "ATOMIC_REBUILD": True}}


def test_postgresql_searches_with_the_swedish_hunspell_configuration():
    backends = search_backends(database_engine="django.db.backends.postgresql")
    assert backends["default"]["SEARCH_CONFIG"] == SWEDISH_SEARCH_CONFIG


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("elasticsearch", "search.backends.elasticsearch"),
        ("opensearch", "search.backends.opensearch"),
        ("OpenSearch ", "search.backends.opensearch"),
    ],
)
def test_search_url_switches_to_the_cluster_chosen_by_search_backend(name, module):
    backends = search_backends(
        search_url="https://user:secret@search.example.se:9243, https://b.example.se:9243",
        backend=name,
        index_prefix="kr_prod_",
    )
    default = backends["default"]
    assert default["BACKEND"] == module
    assert default["URLS"] == [
        "https://user:secret@search.example.se:9243",
        "https://b.example.se:9243",
    ]
    assert default["INDEX_PREFIX"] == "kr_prod_"
    assert default["ATOMIC_REBUILD"] is True  # rebuilds swap an alias: no downtime


@pytest.mark.parametrize(
    ("url", "backend"),
    [("http://localhost:9200", "solr"), ("localhost:9200", "elasticsearch"), ("ftp://x", "")],
)
def test_a_wrong_cluster_setting_stops_the_start_with_a_clear_message(url, backend):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_"):
        search_backends(search_url=url, backend=backend)


def test_the_running_settings_use_the_database_backend_here(db):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends.database"
    backend = get_search_backend()
    assert type(backend).__name__ in {"SwedishSQLiteSearchBackend", "SwedishPostgresSearchBackend"}
