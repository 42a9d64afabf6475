"""What the editors' groups may do in the directory's admin.

The groups and the review workflow come from home's migration; this adds the directory's
models. Idempotent, and independent of which migration runs first (get_or_create).
Contact persons are personal data: only the secretariat sees them.
"""

from django.db import migrations

PERMISSIONS = {
    "Sekretariat": {
        "opportunity": ["add", "change", "delete", "view"],
        "contactperson": ["add", "change", "delete", "view"],
        "competencetag": ["add", "change", "delete", "view"],
        "partnershiptype": ["add", "change", "delete", "view"],
        "municipality": ["change", "view"],
    },
    "Redaktör": {
        "opportunity": ["add", "change", "view"],
        "competencetag": ["view"],
        "partnershiptype": ["view"],
        "municipality": ["view"],
    },
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, models in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="directory", model=model)
            for action in actions:
                perm, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_seed_vocabularies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
