"""The test settings with the page cache on, for tests that run the site in a subprocess."""

from config.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 300
