"""Page addresses are ASCII: made in the admin, made in code, and the old ones redirected."""

import importlib
import re

import pytest
from django.apps import apps
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import ContentVersion
from core.slugs import ascii_slug
from home.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Ny biogasmack öppnar i Sveg"


def test_ascii_slug_writes_swedish_letters_as_their_base_letters():
    assert ascii_slug("Ny biogasmack ÖPPNAR i Sveg – Café Åre & Älvdalen") == (
        "ny-biogasmack-oppnar-i-sveg-cafe-are-alvdalen"
    )


def add_page_in_admin(client, parent, **fields):
    data = nested_form_data(
        {
            "title": TITLE,
            "intro": "Fordonsgas från rötning av matavfall.",
            "body": streamfield([("paragraph", rich_text("<p>Öppnar i vår.</p>"))]),
            **fields,
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/add/home/standardpage/{parent.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return StandardPage.objects.get(title=TITLE)


def test_the_admin_slug_field_transliterates_instead_of_keeping_unicode(admin_client, home_page):
    """What Wagtail's slug widget (w-slug) reads: Unicode not allowed (a false value is left
    out), and å/ä/ö/é replaced before anything else outside a–z is dropped."""
    html = admin_client.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/").content.decode()
    [slug_input] = re.findall(r'<input[^>]*name="slug"[^>]*>', html)
    assert "data-w-slug-allow-unicode-value" not in slug_input
    assert 'data-w-slug-formatters-value="[[[&quot;[\\u00e5\\u00e4]&quot;' in slug_input


def test_a_unicode_slug_posted_to_the_admin_is_transliterated(admin_client, client, home_page):
    """Without the widget's script (or with a slug it let through), the server does it."""
    page = add_page_in_admin(admin_client, home_page, slug="ny-biogasmack-öppnar-i-sveg")
    assert page.slug == "ny-biogasmack-oppnar-i-sveg"
    assert page.url == "/ny-biogasmack-oppnar-i-sveg/"
    assert client.get(page.url).status_code == 200
    assert page.get_latest_revision().content["slug"] == "ny-biogasmack-oppnar-i-sveg"


def test_a_page_made_in_code_gets_an_ascii_address(home_page):
    page = StandardPage(title="Återbruk på Frösön", slug="återbruk-på-frösön")
    home_page.add_child(instance=page)
    page.refresh_from_db()
    assert (page.slug, page.url_path) == ("aterbruk-pa-froson", "/start/aterbruk-pa-froson/")


# The data migration ----------------------------------------------------------------------

migration = importlib.import_module("core.migrations.0004_ascii_page_slugs")


def legacy_slug(page, slug, parent_url_path):
    """A page as Wagtail stored it before: Unicode in the slug, its URL and its revisions."""
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=f"{parent_url_path}{slug}/")
    for revision in page.revisions.all():
        revision.content["slug"] = slug
        revision.save(update_fields=["content"])
    page.refresh_from_db()
    return page


def test_the_migration_renames_unicode_slugs_and_redirects_the_old_addresses(client, home_page):
    news = legacy_slug(
        StandardPageFactory(parent=home_page, slug="x"), "nyheter-från-länet", "/start/"
    )
    item = StandardPageFactory(parent=news, slug="y")
    item.save_revision()
    item = legacy_slug(item, "biogasmack-öppnar", news.url_path)
    StandardPageFactory(parent=news, slug="biogasmack-oppnar-2")  # a sibling, left alone
    taken = StandardPageFactory(parent=news, slug="biogasmack-oppnar")  # the ASCII slug is taken
    version = ContentVersion.current()
    assert client.get("/nyheter-från-länet/biogasmack-öppnar/").status_code == 200

    migration.make_page_slugs_ascii(apps, None)

    news.refresh_from_db()
    item.refresh_from_db()
    assert (news.slug, news.url_path) == ("nyheter-fran-lanet", "/start/nyheter-fran-lanet/")
    assert item.slug == "biogasmack-oppnar-3"
    assert item.url_path == "/start/nyheter-fran-lanet/biogasmack-oppnar-3/"
    taken.refresh_from_db()
    assert taken.slug == "biogasmack-oppnar"
    # Publishing the latest draft keeps the new address.
    assert item.get_latest_revision().content["slug"] == "biogasmack-oppnar-3"
    assert client.get("/nyheter-fran-lanet/biogasmack-oppnar-3/").status_code == 200
    for old, new in [
        ("/nyheter-fr%C3%A5n-l%C3%A4net/", "/nyheter-fran-lanet/"),
        ("/nyheter-från-länet/biogasmack-öppnar/", "/nyheter-fran-lanet/biogasmack-oppnar-3/"),
        ("/nyheter-fran-lanet/biogasmack-%C3%B6ppnar/", "/nyheter-fran-lanet/biogasmack-oppnar-3/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    # The two pages, the two siblings that moved with the renamed parent, and the item's
    # address between the two renames.
    assert Redirect.objects.filter(is_permanent=True).count() == 5
    assert ContentVersion.current() != version, (
        "cached menus and links must not keep the old addresses"
    )
    # Running it again changes nothing.
    migration.make_page_slugs_ascii(apps, None)
    assert Redirect.objects.count() == 5
