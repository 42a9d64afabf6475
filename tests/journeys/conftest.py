"""Journeys: what one person does on the site, walked in the real browser from start to end.

The session-wide fixtures are the browser tests' own (tests/browser/support.py: a seeded
demo site served by gunicorn, Debian's Chromium, axe-core), shared so that one process
starts each of them once. `screen` runs a journey at desktop and phone size; `axe_clean` asserts
zero WCAG 2.1 A/AA violations on whatever the journey is looking at.
"""

import pytest

from tests.browser.support import format_violations, run_axe

SCREENS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}


@pytest.fixture(params=sorted(SCREENS))
def screen(request):
    """The name of the screen size this run of the journey uses."""
    return request.param


@pytest.fixture
def page(browser, screen):
    context = browser.new_context(
        locale="sv-SE",
        viewport=SCREENS[screen],
        is_mobile=screen == "phone",
        has_touch=screen == "phone",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_clean(axe_source):
    """`axe_clean(page)`: fail with axe's findings unless the current view has none."""

    def check(page):
        violations = run_axe(page, axe_source)
        assert not violations, format_violations(page.url, violations)

    return check
