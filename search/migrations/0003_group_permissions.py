"""What the editors' groups may do with search: read the statistics, pin promoted results.

The groups come from home's migration; like directory's, this is idempotent and does not
depend on which runs first (get_or_create).
"""

from django.db import migrations

PERMISSIONS = {
    "Sekretariat": {
        ("search", "weeklyquery"): ["view"],
        ("wagtailsearchpromotions", "searchpromotion"): ["add", "change", "delete", "view"],
    },
    "Redaktör": {
        ("search", "weeklyquery"): ["view"],
        ("wagtailsearchpromotions", "searchpromotion"): ["add", "change", "view"],
    },
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for (app_label, model), actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_swedish_text_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
