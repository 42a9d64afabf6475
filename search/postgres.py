"""PostgreSQL's Swedish text search configuration and trigram helpers.

`ensure_swedish_config` creates (or upgrades) the `swedish_hunspell` configuration that the
database backend indexes and searches with:

    word tokens → swedish_stopwords (drops stop words) → sv_se hunspell → swedish_stem

Hunspell knows the inflections and compounds ("klimatets" → klimat, "solceller" → solcell,
sol, cell); words it does not know fall through to the snowball stemmer. The stop-word
dictionary comes first because hunspell would otherwise turn the stop word "är" into "ära".

The hunspell files come from Debian's hunspell-sv, made visible to PostgreSQL by
`pg_updatedicts` (postgresql-common). Where the server has no such files (a managed
PostgreSQL), the configuration is created as a copy of the built-in `swedish` one and a
warning is logged, so migrations and the site still work; running `manage.py
rebuild_search_index` after the files appear upgrades it.
"""

import logging

from django.db import DatabaseError, transaction

from search.conf import SWEDISH_SEARCH_CONFIG

logger = logging.getLogger(__name__)

STOPWORDS_DICTIONARY = "swedish_stopwords"
HUNSPELL_DICTIONARY = "swedish_hunspell_dict"
HUNSPELL_FILES = "sv_se"  # tsearch_data/sv_se.dict and sv_se.affix
WORD_TOKENS = "asciiword, word, hword, hword_part, asciihword, hword_asciipart"


_VISIBLE = {
    "configuration": (
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %s AND pg_ts_config_is_visible(oid)"
    ),
    "dictionary": "SELECT 1 FROM pg_ts_dict WHERE dictname = %s AND pg_ts_dict_is_visible(oid)",
}


def _exists(cursor, kind: str, name: str) -> bool:
    cursor.execute(_VISIBLE[kind], [name])
    return cursor.fetchone() is not None


def config_uses_hunspell(
    cursor, config: str = SWEDISH_SEARCH_CONFIG, dictionary: str = HUNSPELL_DICTIONARY
) -> bool:
    cursor.execute(
        """
        SELECT 1 FROM pg_ts_config_map m
        JOIN pg_ts_config c ON c.oid = m.mapcfg
        JOIN pg_ts_dict d ON d.oid = m.mapdict
        WHERE c.cfgname = %s AND d.dictname = %s
        """,
        [config, dictionary],
    )
    return cursor.fetchone() is not None


def _create_hunspell_dictionary(connection, cursor, dictionary: str, files: str) -> bool:
    """True when the hunspell dictionary exists or could be created on this server."""
    if _exists(cursor, "dictionary", dictionary):
        return True
    # PostgreSQL loads the files while creating the dictionary, so a missing file fails
    # here; the inner atomic block (a savepoint) keeps the migration's transaction usable.
    try:
        with transaction.atomic(using=connection.alias):
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {dictionary} "
                f"(TEMPLATE = ispell, DictFile = {files}, AffFile = {files})"
            )
    except DatabaseError as error:
        logger.warning(
            "Swedish hunspell dictionary not available on the database server (%s). "
            "Site search uses PostgreSQL's built-in swedish stemming instead. Install "
            "hunspell-sv on the server, run pg_updatedicts and then "
            "`manage.py rebuild_search_index` for better Swedish search.",
            str(error).strip().splitlines()[0],
        )
        return False
    return True


def ensure_swedish_config(
    connection,
    config: str = SWEDISH_SEARCH_CONFIG,
    dictionary: str = HUNSPELL_DICTIONARY,
    files: str = HUNSPELL_FILES,
) -> str:
    """Create or upgrade the configuration; returns "hunspell" or "snowball".

    The names are parameters so tests can build a second configuration next to the real one.
    """
    if connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        if not _exists(cursor, "configuration", config):
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = pg_catalog.swedish)")
        if config_uses_hunspell(cursor, config, dictionary):
            return "hunspell"
        if not _create_hunspell_dictionary(connection, cursor, dictionary, files):
            return "snowball"
        if not _exists(cursor, "dictionary", STOPWORDS_DICTIONARY):
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {STOPWORDS_DICTIONARY} "
                "(TEMPLATE = pg_catalog.simple, StopWords = swedish, Accept = false)"
            )
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR {WORD_TOKENS} "
            f"WITH {STOPWORDS_DICTIONARY}, {dictionary}, pg_catalog.swedish_stem"
        )
        return "hunspell"


def drop_swedish_config(
    connection, config: str = SWEDISH_SEARCH_CONFIG, dictionary: str = HUNSPELL_DICTIONARY
) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {dictionary}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {STOPWORDS_DICTIONARY}")


def ensure_trigram_extension(connection) -> bool:
    """pg_trgm for spelling suggestions; a server that refuses it only loses suggestions."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        if trigram_available(connection):
            return True
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError as error:  # e.g. permission denied on a managed server
            logger.warning(
                "Could not enable pg_trgm (%s): the search page will not suggest spellings.",
                str(error).strip().splitlines()[0],
            )
            return False
        return True


_trigram_seen = set()


def trigram_available(connection) -> bool:
    """Whether pg_trgm is installed; a positive answer is remembered per database."""
    if connection.vendor != "postgresql":
        return False
    key = (connection.settings_dict.get("HOST"), connection.settings_dict.get("NAME"))
    if key in _trigram_seen:
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        found = cursor.fetchone() is not None
    if found:
        _trigram_seen.add(key)
    return found
