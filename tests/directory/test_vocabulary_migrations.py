"""Data migrations of the competence vocabulary keep every assignment and every URL."""

import importlib

import pytest
from django.apps import apps

from directory.models import CompetenceTag
from tests.directory.factories import DirectoryIndexPageFactory, organisation

lca_migration = importlib.import_module("directory.migrations.0005_competence_names_spell_lca")


@pytest.mark.django_db
def test_the_migrated_vocabulary_spells_lca_in_capitals():
    tag = CompetenceTag.objects.get(slug="klimatdeklaration-och-lca")
    assert tag.name == "klimatdeklaration och LCA"
    assert not CompetenceTag.objects.filter(name="klimatdeklaration och lca").exists()


@pytest.mark.django_db
def test_renaming_keeps_the_slug_and_the_organisations_offering_it(home_page):
    tag = CompetenceTag.objects.get(slug="klimatdeklaration-och-lca")
    org = organisation(DirectoryIndexPageFactory(parent=home_page), offers=[tag.name])
    lca_migration.rename_back(apps, None)
    tag.refresh_from_db()
    assert tag.name == "klimatdeklaration och lca", "as a database before the migration"

    lca_migration.rename(apps, None)
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("klimatdeklaration och LCA", "klimatdeklaration-och-lca")
    assert [t.pk for t in org.offers.all()] == [tag.pk]
