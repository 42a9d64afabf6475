import pytest
from django.contrib.auth.models import Group

from tests.themes.fixtures import *  # noqa: F403

PASSWORD = "Fjällbjörk-2030!"


@pytest.fixture
def directory_index(home_page):
    from tests.directory.factories import DirectoryIndexPageFactory

    return DirectoryIndexPageFactory(parent=home_page)


@pytest.fixture
def join_page(home_page):
    """Gå med (a standard page) with the application form under it, as seed_demo has it."""
    from members.models import MembershipApplicationPage
    from tests.factories import StandardPageFactory

    about = StandardPageFactory(parent=home_page, slug="ga-med", title="Gå med i rådet")
    page = MembershipApplicationPage(
        title="Ansök om medlemskap", slug="ansokan", intro="Fyll i ansökan."
    )
    about.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def secretary(django_user_model):
    user = django_user_model.objects.create_user(
        "sekretariat", "sekr@klimatradet.example", password="pw-sekr-12345"
    )
    user.groups.add(Group.objects.get(name="Sekretariat"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="pw-red-12345")
    user.groups.add(Group.objects.get(name="Redaktör"))
    return user


@pytest.fixture
def org(directory_index):
    """A listed organisation with a contact person (name not public)."""
    from tests.directory.factories import ContactPersonFactory, organisation

    page = organisation(directory_index, title="Jämtbiogas AB", slug="jamtbiogas-ab")
    page.save_revision().publish()
    ContactPersonFactory(organisation=page, name="Maria Holm", email="maria@jamtbiogas.example")
    return OrganisationPageReload(page)


@pytest.fixture
def other_org(directory_index):
    from tests.directory.factories import ContactPersonFactory, OpportunityFactory, organisation

    page = organisation(directory_index, title="Annat Bolag AB", slug="annat-bolag-ab")
    page.save_revision().publish()
    ContactPersonFactory(organisation=page, name="Olle Annan", email="olle@annat.example")
    OpportunityFactory(organisation=page, title="Annat bolags behov")
    return OrganisationPageReload(page)


def OrganisationPageReload(page):
    from directory.models import OrganisationPage

    return OrganisationPage.objects.get(pk=page.pk)


@pytest.fixture
def member(org, django_user_model):
    from members.accounts import add_member
    from members.models import MembershipRole

    user, _ = add_member(org, "maria@jamtbiogas.example", "Maria Holm", MembershipRole.CONTACT)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def other_member(other_org):
    from members.accounts import add_member

    user, _ = add_member(other_org, "olle@annat.example", "Olle Annan")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member, backend="members.backends.MemberEmailBackend")
    return client


def mails_to(address):
    from django.core import mail

    return [m for m in mail.outbox if address in m.to]
