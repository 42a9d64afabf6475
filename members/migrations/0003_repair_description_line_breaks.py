"""Repair organisation descriptions that members' forms wrote with HTML-style `<br>` line
breaks, which Wagtail's page editor cannot open ("Unmatched tags", a 500): rewrite them as
Wagtail's own `<br/>`, on the pages and in their revisions (the editor opens the latest
revision). core.richtext writes only `<br/>` from now on. Idempotent.
"""

import re

from django.db import migrations

HTML_BREAK = re.compile(r"<br\s*>", re.IGNORECASE)
PATTERN = r"<br\s*>"


def repair(apps, schema_editor):
    OrganisationPage = apps.get_model("directory", "OrganisationPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for pk, description in OrganisationPage.objects.filter(description__iregex=PATTERN).values_list(
        "pk", "description"
    ):
        OrganisationPage.objects.filter(pk=pk).update(
            description=HTML_BREAK.sub("<br/>", description)
        )
    content_type = ContentType.objects.filter(
        app_label="directory", model="organisationpage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(
        content_type=content_type, content__description__iregex=PATTERN
    ).iterator():
        revision.content["description"] = HTML_BREAK.sub("<br/>", revision.content["description"])
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_application_workflow_and_permissions"),
        ("directory", "0004_search_version"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
