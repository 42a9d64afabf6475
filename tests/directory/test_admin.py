"""The directory in the admin: the listing with filters and export, delist and relist."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from directory.models import ContactPerson, OrganisationPage
from directory.validators import luhn_check_digit
from tests.directory.factories import ContactPersonFactory, OpportunityFactory, organisation

LISTING = "/admin/organisations/"


@pytest.fixture
def orgs(directory_index, admin_user):
    from directory.listing_state import delist

    today = timezone.localdate()
    made = {
        "kommun": organisation(
            directory_index, title="Exempelby kommun", org_type="kommun", municipality="are"
        ),
        "bolag": organisation(
            directory_index,
            title="Gammalt Bolag AB",
            municipality="ostersund",
            last_confirmed_at=today - datetime.timedelta(days=500),
            offers=["biogas"],
        ),
        "borta": organisation(directory_index, title="Borta AB", municipality="ostersund"),
    }
    for org in made.values():
        org.save_revision().publish()
    delist(made["borta"], user=admin_user, reason="Lämnade rådet.")
    return made


def listed_titles(html: str, orgs: dict) -> set[str]:
    return {org.title for org in orgs.values() if org.title in html}


@pytest.mark.django_db
class TestListing:
    def test_filters_by_type_municipality_listed_and_stale(self, admin_client, orgs):
        def shown(query=""):
            return listed_titles(admin_client.get(LISTING + query).content.decode(), orgs)

        assert shown() == {"Exempelby kommun", "Gammalt Bolag AB", "Borta AB"}
        assert shown("?org_type=kommun") == {"Exempelby kommun"}
        ostersund = orgs["bolag"].head_office_id
        assert shown(f"?municipality={ostersund}") == {"Gammalt Bolag AB", "Borta AB"}
        assert shown("?listed=true") == {"Exempelby kommun", "Gammalt Bolag AB"}
        assert shown("?listed=false") == {"Borta AB"}
        assert shown("?stale=true") == {"Gammalt Bolag AB"}

    def test_the_name_column_gets_a_third_of_the_table(self, admin_client, orgs):
        html = admin_client.get(LISTING).content.decode()
        html = html.split('<table class="listing', 1)[1].split("</thead>", 1)[0]
        widths = re.findall(r"<col\s*(?:width=\"([^\"]*)\")?\s*/>", html)
        headers = re.findall(r"<th[^>]*>(.*?)</th>", html, flags=re.S)
        titles = [i for i, h in enumerate(headers) if "Titel" in h]
        assert titles, headers
        assert widths[titles[0]] == "32%", widths
        assert not any("Topp" in h for h in headers), "no parent column: it is the same for all"

    def test_the_export_has_the_import_columns(self, admin_client, orgs):
        response = admin_client.get(LISTING + "?export=csv&listed=true")
        body = b"".join(response.streaming_content).decode()
        lines = body.strip().splitlines()
        assert lines[0] == (
            "name,org_number,org_type,municipality,website,short_description,description,"
            "themes,offers,seeks,partnership_types"
        )
        assert sorted(line.split(",")[0] for line in lines[1:]) == [
            "Exempelby kommun",
            "Gammalt Bolag AB",
        ]
        assert ",biogas," in body

    def test_snippet_listings_open(self, admin_client, orgs):
        ContactPersonFactory(organisation=orgs["kommun"], name="Kim Kontaktsson")
        OpportunityFactory(organisation=orgs["bolag"], title="Gas sökes")
        for url, text in [
            ("/admin/snippets/directory/opportunity/", "Gas sökes"),
            ("/admin/snippets/directory/contactperson/", "Kim Kontaktsson"),
            ("/admin/snippets/directory/competencetag/", "biogas"),
            ("/admin/snippets/directory/partnershiptype/", "Leverantör"),
            ("/admin/snippets/directory/municipality/", "Östersund"),
        ]:
            response = admin_client.get(url)
            assert response.status_code == 200 and text in response.content.decode(), url

    def test_the_edit_page_shows_contact_and_delisting(self, admin_client, orgs):
        ContactPersonFactory(organisation=orgs["bolag"], name="Kim Kontaktsson")
        html = admin_client.get(f"/admin/pages/{orgs['bolag'].pk}/edit/").content.decode()
        assert "Kim Kontaktsson" in html and "Ändra kontaktperson" in html
        assert "Avlista ur katalogen" in html
        html = admin_client.get(f"/admin/pages/{orgs['borta'].pk}/edit/").content.decode()
        assert "Lämnade rådet." in html and "Lista i katalogen igen" in html


@pytest.mark.django_db
class TestDelistAndRelist:
    def test_staff_delist_with_a_reason_and_relist(self, admin_client, client, orgs):
        org = orgs["bolag"]
        url = f"/admin/katalog/organisationer/{org.pk}/avlista/"
        assert admin_client.get(url).status_code == 200
        response = admin_client.post(url, {"reason": ""})
        assert response.status_code == 200, "a reason is required"
        admin_client.post(url, {"reason": "Svarar inte på förfrågan."})
        org.refresh_from_db()
        assert not org.live and org.delisted_reason == "Svarar inte på förfrågan."
        assert client.get(org.url or "/samarbetspartner/gammalt-bolag-ab/").status_code == 404
        history = admin_client.get(f"/admin/pages/{org.pk}/history/").content.decode()
        assert "Avlistad ur katalogen" in history and "Svarar inte på förfrågan." in history

        admin_client.post(f"/admin/katalog/organisationer/{org.pk}/lista-igen/")
        org.refresh_from_db()
        assert org.live and org.delisted_at is None
        assert client.get(org.url).status_code == 200

    def test_relisting_after_changes_goes_through_review(self, admin_client, orgs):
        org = OrganisationPage.objects.get(pk=orgs["borta"].pk)
        draft = org.get_latest_revision_as_object()
        draft.short_description = "Ändrad efter avlistningen."
        draft.save_revision()
        admin_client.post(f"/admin/katalog/organisationer/{org.pk}/lista-igen/")
        org.refresh_from_db()
        assert not org.live, "unreviewed changes are not published by relisting"

    def test_editors_who_cannot_publish_cannot_delist(self, client, orgs, django_user_model):
        editor = django_user_model.objects.create_user("redaktor-test", password="x" * 12)
        editor.groups.add(Group.objects.get(name="Redaktör"))
        client.force_login(editor)
        org = orgs["bolag"]
        response = client.post(
            f"/admin/katalog/organisationer/{org.pk}/avlista/", {"reason": "Försök."}
        )
        assert response.status_code in (302, 403)
        org.refresh_from_db()
        assert org.live


@pytest.mark.django_db
def test_the_groups_may_use_the_directory_admin(django_user_model, orgs):
    secretariat = django_user_model.objects.create_user("sek-test", password="x" * 12)
    secretariat.groups.add(Group.objects.get(name="Sekretariat"))
    editor = django_user_model.objects.create_user("red-test", password="x" * 12)
    editor.groups.add(Group.objects.get(name="Redaktör"))
    assert secretariat.has_perm("directory.change_contactperson")
    assert secretariat.has_perm("directory.add_opportunity")
    assert editor.has_perm("directory.add_opportunity")
    assert not editor.has_perm("directory.view_contactperson"), "personal data: secretariat only"


@pytest.mark.django_db
def test_copying_an_organisation_starts_a_new_one_without_its_number(admin_client, orgs):
    org = orgs["bolag"]
    number = f"556677-889{luhn_check_digit('556677889')}"
    OrganisationPage.objects.filter(pk=org.pk).update(
        org_number=number, member_since=datetime.date(2024, 3, 1)
    )
    org = OrganisationPage.objects.get(pk=org.pk)
    org.save_revision().publish()
    ContactPersonFactory(organisation=org, email="hemlig@bolag.example")
    copy_url = f"/admin/pages/{org.pk}/copy/"
    assert admin_client.get(copy_url).status_code == 200
    response = admin_client.post(
        copy_url,
        {
            "new_title": "Nytt Bolag AB",
            "new_slug": "nytt-bolag-ab",
            "new_parent_page": str(org.get_parent().pk),
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = OrganisationPage.objects.get(slug="nytt-bolag-ab")
    assert copy.org_number == "" and copy.member_since is None
    assert copy.get_latest_revision().content["org_number"] == ""
    assert copy.offers.count() == org.offers.count() == 1, "the content is copied"
    assert not ContactPerson.objects.filter(organisation=copy).exists()
    assert OrganisationPage.objects.get(pk=org.pk).org_number == number
    assert admin_client.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200
