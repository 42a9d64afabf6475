import pytest

from tests.themes.fixtures import *  # noqa: F403


@pytest.fixture
def directory_index(home_page):
    from tests.directory.factories import DirectoryIndexPageFactory

    return DirectoryIndexPageFactory(parent=home_page)
