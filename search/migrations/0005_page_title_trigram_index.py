"""PostgreSQL with pg_trgm only: a trigram index on page titles for spelling suggestions.

The no-hit page looks for published titles with a word like the searched one
(`lower(title) %> term`); with the index that is a quick lookup instead of splitting
every title of ten thousand organisations into words.
"""

from django.db import migrations

INDEX = "search_page_title_trgm"


def forwards(apps, schema_editor):
    from search.postgres import trigram_available

    connection = schema_editor.connection
    if connection.vendor != "postgresql" or not trigram_available(connection):
        return
    table = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {schema_editor.quote_name(table)} "
        "USING gin (lower(title) gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_indexentry_title_body_gin"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
