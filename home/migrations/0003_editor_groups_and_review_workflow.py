"""The editors' groups and the review workflow, so that production has them too.

- Redaktör: comms staff. Create and edit pages anywhere in the tree, upload images and
  documents, submit for review; cannot publish.
- Sekretariat: approve and publish, manage themes, objectives, contacts and site settings.
- Workflow "Granskning" with one task, approval by Sekretariat, on the root page: every page
  type, including those added later (the directory), goes through the same review.

Idempotent: existing groups, permissions and the workflow are reused, never duplicated.
"""

from django.db import migrations

EDITORS = "Redaktör"
SECRETARIAT = "Sekretariat"
WORKFLOW = "Granskning"
TASK = "Godkännande av Sekretariatet"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    SECRETARIAT: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
    ],
    SECRETARIAT: [
        ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
        ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access"]),
        ("news", "newscontact", ["add", "change", "view"]),
        ("themes", "theme", ["view"]),
        ("themes", "environmentalobjective", ["view"]),
    ],
    SECRETARIAT: [
        ("wagtailadmin", "admin", ["access"]),
        ("news", "newscontact", ["add", "change", "delete", "view"]),
        ("themes", "theme", ["add", "change", "delete", "view"]),
        ("themes", "environmentalobjective", ["change", "view"]),
        ("core", "sitesettings", ["change"]),
        ("core", "navigationsettings", ["change"]),
    ],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Names as Django's post_migrate would write them; it finds these and adds nothing.
    action = codename.split("_", 1)[0]
    name = "Can access Wagtail admin" if codename == "access_admin" else f"Can {action} {model}"
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name in (EDITORS, SECRETARIAT):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(groups[SECRETARIAT])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    if root_page is not None:
        # Replaces Wagtail's default "Moderators approval" on the root.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
        for unused in Workflow.objects.exclude(pk=workflow.pk).filter(
            name="Moderators approval", workflow_pages__isnull=True
        ):
            unused.active = False
            unused.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_home_sections"),
        ("core", "0001_initial"),
        ("news", "0001_initial"),
        ("themes", "0003_seed_themes_and_objectives"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop),
    ]
