"""Outgoing e-mail is a record, not something to edit: the secretariat may read the text of
messages and send them again, and nobody gets add, change or delete permissions for it.
Idempotent."""

from django.db import migrations

SECRETARIAT = "Sekretariat"
GRANTED = {
    "view_body_outgoingemail": "Can read the text of outgoing email",
    "resend_outgoingemail": "Can send outgoing email again",
}
EDITING = ["add_outgoingemail", "change_outgoingemail", "delete_outgoingemail"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="outgoingemail")
    Permission.objects.filter(content_type=content_type, codename__in=EDITING).delete()
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    for codename, name in GRANTED.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        secretariat.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_application_referred_status"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="outgoingemail",
            options={
                "default_permissions": ("view",),
                "ordering": ["-created_at"],
                "permissions": [
                    ("view_body_outgoingemail", "Can read the text of outgoing email"),
                    ("resend_outgoingemail", "Can send outgoing email again"),
                ],
                "verbose_name": "utgående e-post",
                "verbose_name_plural": "utgående e-post",
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
