"""The membership fixtures (pages, the secretariat, members), shared with the mail tests."""

from tests.members.conftest import *  # noqa: F403
