"""Existing pages with å, ä, ö or é in their address get an ASCII one, and the old address
redirects to the page (permanently) for every site the page is on.

Wagtail used to keep Unicode in slugs (WAGTAIL_ALLOW_UNICODE_SLUGS), so news made in the
admin were at /nyheter/ny-biogasmack-%C3%B6ppnar-i-sveg/. Pages below a renamed page move
with it and get redirects too. The page's revisions get the new slug as well, or publishing
a draft would bring the old one back. Fragments cached under the content version (menus,
links) are dropped.
"""

import uuid

from django.db import migrations

from core.slugs import ascii_slug

STEP = 4  # treebeard's path step: a page's parent has its path minus the last 4 characters


def _free_slug(base: str, taken: set) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def make_page_slugs_ascii(apps, schema_editor):
    from wagtail.contrib.redirects.models import Redirect as CurrentRedirect

    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentVersion = apps.get_model("core", "ContentVersion")

    sites = [(site, site.root_page.url_path) for site in Site.objects.select_related("root_page")]
    # Parents before children ("path" order), so a child is renamed under its new parent.
    pending = [
        pk
        for pk, slug in Page.objects.order_by("path").values_list("pk", "slug")
        if not slug.isascii()
    ]
    for pk in pending:
        page = Page.objects.get(pk=pk)
        parent = Page.objects.get(path=page.path[:-STEP])
        siblings = Page.objects.filter(path__startswith=parent.path, depth=page.depth)
        taken = set(siblings.exclude(pk=page.pk).values_list("slug", flat=True))
        old_slug, old_url_path = page.slug, page.url_path
        new_slug = _free_slug(ascii_slug(old_slug) or "sida", taken)
        new_url_path = f"{parent.url_path}{new_slug}/"

        moved = list(Page.objects.filter(path__startswith=page.path).values_list("pk", "url_path"))
        for moved_pk, url_path in moved:
            Page.objects.filter(pk=moved_pk).update(
                url_path=new_url_path + url_path[len(old_url_path) :]
            )
            for site, root_url_path in sites:
                if url_path.startswith(root_url_path) and url_path != root_url_path:
                    old_path = CurrentRedirect.normalise_path("/" + url_path[len(root_url_path) :])
                    Redirect.objects.update_or_create(
                        old_path=old_path,
                        site=site,
                        defaults={
                            "redirect_page_id": moved_pk,
                            "redirect_page_route_path": "",
                            "redirect_link": "",
                            "is_permanent": True,
                            "automatically_created": True,
                        },
                    )
        Page.objects.filter(pk=pk).update(slug=new_slug)
        for revision in Revision.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id=str(pk),
        ):
            if revision.content.get("slug") == old_slug:
                revision.content["slug"] = new_slug
                revision.save(update_fields=["content"])
    if pending:
        ContentVersion.objects.filter(pk=1).update(token=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_rate_limit_counter"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(make_page_slugs_ascii, migrations.RunPython.noop)]
