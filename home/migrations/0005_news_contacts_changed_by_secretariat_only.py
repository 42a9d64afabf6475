"""Contact snippets are shown on every news page that names them: only Sekretariat changes
them.

A change to a NewsContact goes live at once on all its news pages, without the review every
page goes through, so Redaktör no longer has `change_newscontact`. Redaktör may still add a
contact and choose one: a new contact appears only on a page the secretariat approves.
"""

from django.db import migrations

EDITORS = "Redaktör"


def editors_and_permission(apps):
    """The Redaktör group's permissions and the permission to change news contacts."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    change = Permission.objects.filter(
        content_type__app_label="news", codename="change_newscontact"
    )
    return (group.permissions if group else None), change


def revoke(apps, schema_editor):
    permissions, change = editors_and_permission(apps)
    if permissions is not None:
        permissions.remove(*change)


def grant(apps, schema_editor):
    permissions, change = editors_and_permission(apps)
    if permissions is not None:
        permissions.add(*change)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_root_page_title_in_swedish")]

    operations = [migrations.RunPython(revoke, grant)]
