"""The tree's root page is called "Webbplatser", not Wagtail's "Root".

Editors see the root's title as the first crumb of every breadcrumb in the admin; it is
data, not a translatable string, so the Swedish admin showed it in English.
"""

from django.db import migrations


def rename(apps, schema_editor, old="Root", new="Webbplatser"):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old="Webbplatser", new="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_editor_groups_and_review_workflow"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
