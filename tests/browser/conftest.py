"""The browser tests' page: a fresh desktop-sized context on the shared Chromium.

The session-wide fixtures (`demo_server`, `browser`, `axe_source`) live in
tests/browser/support.py, registered once for the whole suite by tests/conftest.py.
"""

import pytest


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
