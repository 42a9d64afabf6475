"""Swedish full-text search on PostgreSQL: the swedish_hunspell configuration.

CI installs hunspell-sv and runs pg_updatedicts, so these exercise the real dictionary.
"""

import logging

import pytest
from wagtail.models import Page

from search.conf import SWEDISH_SEARCH_CONFIG
from search.postgres import config_uses_hunspell, ensure_swedish_config


def lexemes(connection, text, config=SWEDISH_SEARCH_CONFIG) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [config, text])
        return set(cursor.fetchone()[0])


def found(query) -> set[str]:
    return {page.title for page in Page.objects.live().search(query)}


def test_the_configuration_uses_the_hunspell_dictionary(postgres):
    with postgres.cursor() as cursor:
        assert config_uses_hunspell(cursor), (
            "swedish_hunspell has no hunspell dictionary: install hunspell-sv, run "
            "pg_updatedicts and migrate again (or manage.py rebuild_search_index)"
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("klimat klimatet klimatets", {"klimat"}),
        ("biogasen biogas", {"biogas"}),
        ("solceller", {"solcell", "sol", "cell"}),
        ("klimatanpassning", {"klimat", "anpassning"}),
        ("vindkraftverk", {"vind", "vindkraft", "kraftverk", "verk"}),
    ],
)
def test_word_forms_and_compounds_reduce_to_shared_lexemes(postgres, text, expected):
    assert expected <= lexemes(postgres, text)


def test_stop_words_are_dropped_even_those_hunspell_knows(postgres):
    # Hunspell alone would turn the stop word "är" into "ära".
    assert lexemes(postgres, "Det är bra för klimatet och för oss") == {"bra", "klimat"}


def test_swedish_letters_are_kept(postgres):
    assert {"östersund", "åre", "härjedalen"} <= lexemes(postgres, "Östersund, Åre och Härjedalen")


def test_klimatet_klimatets_and_klimat_find_each_other(postgres, make_page):
    make_page("Klimatet förändras", intro="Temperaturen stiger.")
    make_page("Klimatets påverkan på skogen")
    make_page("Klimat och energi i länet")
    expected = {"Klimatet förändras", "Klimatets påverkan på skogen", "Klimat och energi i länet"}
    for query in ["klimat", "klimatet", "klimatets"]:
        assert found(query) >= expected, query


def test_solceller_finds_solcell_and_biogasen_finds_biogas(postgres, make_page):
    make_page("En solcell på taket", intro="Vi testar en ny panel.")
    make_page("Tankstation för biogas", intro="Bussarna i Östersund tankar här.")
    assert "En solcell på taket" in found("solceller")
    assert "Tankstation för biogas" in found("biogasen")
    assert "Tankstation för biogas" in found("Östersund")


def test_a_compound_is_found_by_its_parts(postgres, make_page):
    make_page("Plan för klimatanpassning", intro="Kommunen rustar för skyfall.")
    assert "Plan för klimatanpassning" in found("anpassning")


def test_stop_words_alone_find_nothing(postgres, make_page):
    make_page("Det är dags för oss att göra något")
    assert found("det är för oss") == set()


def test_without_the_dictionary_files_a_copy_of_swedish_is_made(postgres, caplog):
    """A managed PostgreSQL without hunspell-sv: migrations still work, with a warning."""
    with caplog.at_level(logging.WARNING, logger="search.postgres"):
        kind = ensure_swedish_config(
            postgres,
            config="test_swedish_fallback",
            dictionary="test_missing_hunspell",
            files="no_such_dictionary",
        )
    assert kind == "snowball"
    assert "hunspell dictionary not available" in caplog.text
    assert lexemes(postgres, "klimatets biogasen", "test_swedish_fallback") == lexemes(
        postgres, "klimatets biogasen", "swedish"
    )
    # Running again is harmless and gives the same answer.
    assert (
        ensure_swedish_config(
            postgres,
            config="test_swedish_fallback",
            dictionary="test_missing_hunspell",
            files="no_such_dictionary",
        )
        == "snowball"
    )


def test_ensure_is_idempotent_on_the_real_configuration(postgres):
    assert ensure_swedish_config(postgres) == "hunspell"
    assert ensure_swedish_config(postgres) == "hunspell"
