"""The Sekretariat group may reset other staff members' two-factor devices (not a
superuser's: staff_auth.recovery checks that). Idempotent."""

from django.db import migrations

SECRETARIAT = "Sekretariat"
CODENAME = "reset_devices"
NAME = "Can reset other staff members' two-factor devices"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    content_type, _ = ContentType.objects.get_or_create(
        app_label="staff_auth", model="twofactorreset"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    secretariat.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("staff_auth", "0001_two_factor_reset"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
