"""The competence vocabulary spells the abbreviation LCA in capitals.

Only the name changes: the slug (klimatdeklaration-och-lca) stays, so filter URLs, the
API and every organisation's and opportunity's assignment are untouched.
"""

from django.db import migrations

RENAMES = [("klimatdeklaration och lca", "klimatdeklaration och LCA")]


def rename(apps, schema_editor, renames=RENAMES):
    CompetenceTag = apps.get_model("directory", "CompetenceTag")
    for old, new in renames:
        CompetenceTag.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, [(new, old) for old, new in RENAMES])


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_search_version")]

    operations = [migrations.RunPython(rename, rename_back)]
