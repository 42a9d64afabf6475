"""PostgreSQL only: the Swedish text search configuration and pg_trgm.

Does nothing on SQLite. On a PostgreSQL server without the hunspell files the
configuration becomes a copy of `swedish` and a warning is logged (see search.postgres).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from search.postgres import ensure_swedish_config, ensure_trigram_extension

    ensure_swedish_config(schema_editor.connection)
    ensure_trigram_extension(schema_editor.connection)


def backwards(apps, schema_editor):
    from search.postgres import drop_swedish_config

    drop_swedish_config(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_weekly_query")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
