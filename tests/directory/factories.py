"""Factories for the directory. Tags are given by name: offers=["biogas", "restvärme"]."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from directory.models import (
    CompetenceTag,
    ContactPerson,
    DirectoryIndexPage,
    Municipality,
    Opportunity,
    OrganisationPage,
    PartnershipType,
)
from themes.models import Theme


def competences(names):
    tags = {tag.name: tag for tag in CompetenceTag.objects.filter(name__in=names)}
    missing = set(names) - set(tags)
    assert not missing, f"not in the seeded vocabulary: {missing}"
    return [tags[name] for name in names]


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hitta samarbetspartner"
    slug = "samarbetspartner"
    intro = "Sök bland rådets medlemmar."

    class Meta:
        model = DirectoryIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    """A listed organisation. offers/seeks: competence names; themes: slugs; served:
    municipality slugs; partnership_types: slugs; municipality: head office slug."""

    title = factory.Sequence(lambda n: f"Organisation {n} AB")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    org_type = "foretag"
    short_description = "Ett företag i länet som arbetar med omställningen."
    description = "<p>Vi arbetar med energi och klimat i Jämtland.</p>"

    class Meta:
        model = OrganisationPage
        skip_postgeneration_save = True

    class Params:
        municipality = None

    @factory.lazy_attribute
    def head_office(self):
        return Municipality.objects.get(slug=self.municipality or "ostersund")

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        changed = False
        for field, value in [
            ("offers", kwargs.get("offers")),
            ("seeks", kwargs.get("seeks")),
        ]:
            if value:
                getattr(self, field).set(competences(value))
                changed = True
        if themes := kwargs.get("themes"):
            self.themes.set(list(Theme.objects.filter(slug__in=themes)))
            changed = True
        if served := kwargs.get("served"):
            self.served_municipalities.set(list(Municipality.objects.filter(slug__in=served)))
            changed = True
        if kinds := kwargs.get("partnership_types"):
            self.partnership_types.set(list(PartnershipType.objects.filter(slug__in=kinds)))
            changed = True
        if changed:
            self.save()


def organisation(parent, **kwargs):
    """OrganisationPageFactory with tags as plain keyword arguments."""
    tag_kwargs = {
        f"tags__{key}": kwargs.pop(key)
        for key in ("offers", "seeks", "themes", "served", "partnership_types")
        if key in kwargs
    }
    return OrganisationPageFactory(parent=parent, **kwargs, **tag_kwargs)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = "Kim Kontaktsson"
    role = "hållbarhetschef"
    email = factory.Sequence(lambda n: f"kontakt{n}@hemlig-adress.example")
    phone = "070-123 45 67"
    publish_name = False

    class Meta:
        model = ContactPerson


class OpportunityFactory(factory.django.DjangoModelFactory):
    kind = "behov"
    title = factory.Sequence(lambda n: f"Vi söker partner nummer {n}")
    text = "Vi söker en partner för ett projekt under året."
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    @factory.post_generation
    def competences(self, create, extracted, **kwargs):
        if extracted:
            self.competences.set(competences(extracted))
            self.save()
