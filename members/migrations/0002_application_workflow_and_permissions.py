"""The "Medlemsansökan" workflow and what the secretariat may do with members' data.

Applications are reviewed in their own workflow, so the secretariat sees them as
"Medlemsansökan" in the admin; it uses the same approval task as the site's
"Granskning" workflow (home's migration 0003), creating it if that is missing.
Members' personal data (applications, accounts, consents, outgoing e-mail) is for the
secretariat only. Idempotent.
"""

from django.db import migrations

WORKFLOW = "Medlemsansökan"
TASK = "Godkännande av Sekretariatet"
SECRETARIAT = "Sekretariat"
PERMISSIONS = {
    "membershipapplication": ["view"],
    "membership": ["view", "delete"],
    "consentrecord": ["view"],
    "removalrequest": ["view", "change"],
    "outgoingemail": ["view", "change"],
}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    for model, actions in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="members", model=model)
        for action in actions:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            secretariat.permissions.add(perm)

    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
        task.groups.add(secretariat)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("home", "0003_editor_groups_and_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
