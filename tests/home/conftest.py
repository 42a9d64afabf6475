from tests.themes.fixtures import *  # noqa: F403
