"""Organisation pages: creating them in the admin, validation, being listed, personal data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.listing_state import delist
from directory.models import (
    CompetenceTag,
    ContactPerson,
    DirectoryIndexPage,
    Municipality,
    OrganisationPage,
    PartnershipType,
)
from home.models import HomePage
from tests.directory.factories import (
    ContactPersonFactory,
    DirectoryIndexPageFactory,
    organisation,
)
from tests.factories import make_home_page
from themes.models import Theme


def competence(name):
    return CompetenceTag.objects.get(name=name)


class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.index = DirectoryIndexPageFactory(parent=self.home)
        self.login()

    def test_the_directory_lives_under_home_once_and_holds_only_organisations(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {OrganisationPage})
        self.assertAllowedParentPageTypes(OrganisationPage, {DirectoryIndexPage})
        self.assertAllowedSubpageTypes(OrganisationPage, set())
        self.assertFalse(DirectoryIndexPage.can_create_at(self.home))

    def test_editor_creates_an_organisation_with_offers_seeks_and_municipalities(self):
        ostersund = Municipality.objects.get(slug="ostersund")
        krokom = Municipality.objects.get(slug="krokom")
        supplier = PartnershipType.objects.get(slug="leverantor")
        data = nested_form_data(
            {
                "title": "Jämtbiogas AB",
                "slug": "jamtbiogas-ab",
                "org_type": "foretag",
                "org_number": "2321000214",
                "short_description": "Rötar matavfall till fordonsgas.",
                "description": rich_text("<p>Vi gör biogas.</p>"),
                "head_office": ostersund.pk,
                "themes": Theme.objects.get(name="Energiomställning").pk,
                "member_since": "2017-03-01",
                "last_confirmed_at": "2026-01-15",
                "comments": inline_formset([]),
            }
        )
        # Multiple choices are posted as repeated keys, not nested forms.
        data["served_municipalities"] = [krokom.pk]
        data["partnership_types"] = [supplier.pk]
        data["offers"] = [competence("biogas").pk, competence("restvärme").pk]
        data["seeks"] = [competence("hållbar logistik").pk]
        self.assertCanCreate(self.index, OrganisationPage, data)
        page = OrganisationPage.objects.get(slug="jamtbiogas-ab")
        assert page.org_number == "232100-0214", "typed without hyphen, stored normalised"
        assert sorted(t.name for t in page.offers.all()) == ["biogas", "restvärme"]
        assert [t.name for t in page.seeks.all()] == ["hållbar logistik"]
        assert [t.slug for t in page.themes.all()] == ["energiomstallning"]
        assert list(page.served_municipalities.all()) == [krokom]
        assert list(page.partnership_types.all()) == [supplier]

    def test_competences_outside_the_vocabulary_are_refused(self):
        response = self.client.post(
            f"/admin/pages/add/directory/organisationpage/{self.index.pk}/",
            nested_form_data(
                {
                    "title": "Nytt AB",
                    "slug": "nytt-ab",
                    "org_type": "foretag",
                    "short_description": "Kort.",
                    "description": rich_text(""),
                    "head_office": Municipality.objects.get(slug="ostersund").pk,
                    "offers": "tidsresor",
                    "last_confirmed_at": "2026-01-15",
                    "comments": inline_formset([]),
                }
            ),
        )
        assert "är inte ett giltigt värde" in response.content.decode()
        assert not OrganisationPage.objects.filter(slug="nytt-ab").exists()
        assert not CompetenceTag.objects.filter(name="tidsresor").exists()

    def test_pages_render(self):
        org = organisation(self.index, title="Solkraft AB", offers=["solenergi"])
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(org)


@pytest.mark.django_db
class TestValidation:
    def test_a_sole_trader_gives_no_organisation_number(self, directory_index):
        org = organisation(directory_index)
        org.is_sole_trader = True
        org.org_number = "232100-0214"
        with pytest.raises(ValidationError) as error:
            org.full_clean()
        assert "enskild firma" in str(error.value.message_dict["org_number"])

    def test_an_organisation_number_belongs_to_one_organisation(self, directory_index):
        organisation(directory_index, title="Region Jämtland Härjedalen", org_number="232100-0214")
        other = organisation(directory_index, title="Kopian")
        other.org_number = "2321000214"
        with pytest.raises(ValidationError) as error:
            other.full_clean()
        assert "Region Jämtland Härjedalen" in str(error.value.message_dict["org_number"])

    def test_a_personal_identity_number_is_refused(self, directory_index):
        org = organisation(directory_index)
        org.org_number = "850312-1234"
        with pytest.raises(ValidationError) as error:
            org.full_clean()
        assert "personnummer" in str(error.value.message_dict["org_number"])

    @pytest.mark.parametrize("slug", ["mojligheter", "csv"])
    def test_slugs_of_the_directory_sub_pages_are_reserved(self, directory_index, slug):
        org = organisation(directory_index)
        org.slug = slug
        with pytest.raises(ValidationError) as error:
            org.full_clean()
        assert "slug" in error.value.message_dict


@pytest.mark.django_db
class TestListed:
    def test_only_published_undelisted_public_organisations_are_listed(
        self, directory_index, admin_user
    ):
        listed = organisation(directory_index, title="Synlig AB")
        draft = organisation(directory_index, title="Utkast AB", live=False)
        private = organisation(directory_index, title="Privat AB")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        delisted = organisation(directory_index, title="Avlistad AB")
        delisted.save_revision().publish()
        delist(delisted, user=admin_user, reason="Har lämnat rådet.")
        assert list(OrganisationPage.objects.listed()) == [listed]
        assert {draft.pk, private.pk, delisted.pk}.isdisjoint(
            OrganisationPage.objects.listed().values_list("pk", flat=True)
        )

    def test_delisting_keeps_the_content_and_no_revision_can_undo_it(
        self, directory_index, admin_user
    ):
        org = organisation(directory_index, title="Avlistad AB", offers=["biogas"])
        revision = org.save_revision()
        revision.publish()
        delist(org, user=admin_user, reason="Svarar inte.")
        org.refresh_from_db()
        assert not org.live
        assert org.delisted_reason == "Svarar inte."
        assert org.delisted_at is not None
        assert Page.objects.filter(pk=org.pk).exists(), "delisting never deletes"
        # An old revision, loaded as editors load it, still knows it is delisted.
        as_edited = org.get_latest_revision_as_object()
        assert as_edited.delisted_at == org.delisted_at
        assert [t.name for t in as_edited.offers.all()] == ["biogas"]

    def test_publishing_again_relists(self, directory_index, admin_user):
        org = organisation(directory_index)
        org.save_revision().publish()
        delist(org, user=admin_user, reason="Tillfälligt.")
        org.refresh_from_db()
        org.get_latest_revision().publish()
        org.refresh_from_db()
        assert org.live and org.delisted_at is None and org.delisted_reason == ""
        assert OrganisationPage.objects.listed().filter(pk=org.pk).exists()

    def test_any_unpublish_records_the_delisting(self, directory_index):
        org = organisation(directory_index)
        org.unpublish()
        org.refresh_from_db()
        assert org.delisted_at is not None

    def test_stale_means_not_confirmed_for_a_year(self, directory_index):
        today = timezone.localdate()
        fresh = organisation(directory_index, last_confirmed_at=today)
        old = organisation(directory_index, last_confirmed_at=today - datetime.timedelta(days=400))
        never = organisation(directory_index, last_confirmed_at=None)
        assert set(OrganisationPage.objects.stale()) == {old, never}
        assert not fresh.is_stale and old.is_stale


@pytest.mark.django_db
class TestContactPerson:
    def test_name_and_role_are_public_only_with_consent_and_the_email_never(
        self, client, directory_index
    ):
        org = organisation(directory_index, title="Kontakt AB")
        person = ContactPersonFactory(organisation=org, name="Kim Kontaktsson")
        html = client.get(org.url).content.decode()
        assert "Kim Kontaktsson" not in html
        assert person.email not in html and person.phone not in html

        person.publish_name = True
        person.save()
        html = client.get(org.url).content.decode()
        assert "Kim Kontaktsson, hållbarhetschef" in html
        assert person.email not in html and person.phone not in html

    def test_the_contact_person_is_not_in_the_page_revisions(self, directory_index):
        org = organisation(directory_index)
        ContactPersonFactory(organisation=org, name="Kim Kontaktsson", publish_name=True)
        revision = org.save_revision()
        assert "Kontaktsson" not in str(revision.content)
        assert "hemlig-adress" not in str(revision.content)

    def test_anonymising_erases_the_person_in_one_place(self, client, directory_index):
        org = organisation(directory_index)
        person = ContactPersonFactory(organisation=org, name="Kim Kontaktsson", publish_name=True)
        person.anonymise()
        person.refresh_from_db()
        assert "Kontaktsson" not in person.name
        assert "hemlig-adress" not in person.email
        assert person.phone == "" and not person.publish_name
        assert ContactPerson.objects.filter(name__contains="Kontaktsson").count() == 0
        assert "Kontaktsson" not in client.get(org.url).content.decode()
