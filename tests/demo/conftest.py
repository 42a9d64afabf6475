"""Fixtures of the demo tests: the themes, news and events fixtures."""

from tests.themes.fixtures import *  # noqa: F403
