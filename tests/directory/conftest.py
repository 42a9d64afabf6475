import pytest

from tests.themes.fixtures import *  # noqa: F403


@pytest.fixture
def directory_index(home_page):
    from tests.directory.factories import DirectoryIndexPageFactory

    return DirectoryIndexPageFactory(parent=home_page)


@pytest.fixture
def orgs(directory_index, admin_user):
    """Six listed organisations (and a draft and a delisted one) for facets and text."""
    from directory.listing_state import delist
    from tests.directory.factories import organisation

    make = organisation
    found = {
        "a": make(
            directory_index,
            title="Biogas Öst AB",
            municipality="ostersund",
            offers=["biogas", "restvärme"],
            seeks=["hållbar logistik"],
            themes=["energiomstallning"],
            partnership_types=["leverantor"],
            short_description="Rötar matavfall till fordonsgas.",
        ),
        "b": make(
            directory_index,
            title="Krokomgas AB",
            municipality="krokom",
            offers=["biogas"],
            seeks=["laddinfrastruktur"],
            themes=["energiomstallning"],
        ),
        "c": make(
            directory_index,
            title="Åkeri Länet AB",
            municipality="berg",
            serves_whole_county=True,
            offers=["hållbar logistik"],
            seeks=["biogas"],
            partnership_types=["leverantor", "kund"],
        ),
        "d": make(
            directory_index,
            title="Exempelby kommun",
            org_type="kommun",
            municipality="ostersund",
            seeks=["biogas", "laddinfrastruktur"],
            themes=["klimatanpassning"],
        ),
        "e": make(
            directory_index,
            title="Laddbolaget AB",
            municipality="krokom",
            served=["ostersund"],
            offers=["laddinfrastruktur"],
        ),
        "f": make(
            directory_index,
            title="Utsocknes AB",
            municipality="utanfor-lanet",
            offers=["biogas"],
        ),
        "draft": make(directory_index, title="Utkast AB", offers=["biogas"], live=False),
    }
    gone = make(directory_index, title="Avlistad AB", offers=["biogas"])
    gone.save_revision().publish()
    delist(gone, user=admin_user, reason="Har lämnat rådet.")
    found["delisted"] = gone
    return found
