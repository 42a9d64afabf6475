"""Wagtail's database search backend, made safe and Swedish-aware.

PostgreSQL: Wagtail's backend with SEARCH_CONFIG = swedish_hunspell (see search.postgres),
which stems, drops stop words and splits compounds in the database, and the site's rank
weights (search.backends.postgres).
SQLite (quick start): see search.backends.sqlite.
"""

from modelsearch.backends.database import SearchBackend as _database_backend


def SearchBackend(params):  # Wagtail looks the backend up by this name
    backend = _database_backend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from search.backends.postgres import SwedishPostgresSearchBackend

        return SwedishPostgresSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported here: its models exist only when the database is SQLite.
        from search.backends.sqlite import SwedishSQLiteSearchBackend

        return SwedishSQLiteSearchBackend(params)
    return backend
