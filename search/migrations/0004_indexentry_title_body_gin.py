"""PostgreSQL only: a GIN index on the expression Wagtail's search filters on.

Wagtail's PostgreSQL backend matches `(title || body) @@ query`, which its separate GIN
indexes on title and body cannot serve. Without an index on the expression every search
scans the whole index table, and, worse, PostgreSQL has no statistics to estimate how many
rows match: with 10,000 organisations it chose a nested loop that took seven seconds for
"klimatanpassning kommun". With the index (and the statistics ANALYZE keeps for indexed
expressions) the same search takes a few milliseconds.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {schema_editor.quote_name(table)} "
        "USING gin ((title || body))"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_group_permissions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
