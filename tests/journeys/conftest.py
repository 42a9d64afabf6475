"""Journeys: what one person does on the site, walked in the real browser from start to end.

The session-wide fixtures are the browser tests' own (tests/browser/support.py: a seeded
demo site served by gunicorn, Debian's Chromium, axe-core), shared so that one process
starts each of them once. `screen` runs a journey at desktop and phone size; `axe_clean` asserts
zero WCAG 2.1 A/AA violations on whatever the journey is looking at; `admin_axe_clean` does the
same on a page of Wagtail's admin, leaving out the widgets Wagtail itself renders.
"""

import pytest

from tests.browser.support import WCAG_TAGS, format_violations, run_axe

SCREENS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}

# Wagtail's own admin widgets, which axe faults and the project does not render: the tag
# box (jQuery tagit, no label on its text input), Draftail's editing area (a textbox without
# a name) and the page status link (its tooltip text is not its visible text). Everything
# else on the admin's pages must pass.
WAGTAIL_WIDGETS = [
    ".tagit",
    ".Draftail-Editor",
    "[data-w-tooltip-content-value]",
    # Wagtail's avatars of others editing the same page: shown only while another person's
    # session on the page is still alive (a timing matter in a journey of two people), and
    # its avatar button has no accessible name in Wagtail 8.0.
    ".w-editing-sessions",
]


@pytest.fixture(params=sorted(SCREENS))
def screen(request):
    """The name of the screen size this run of the journey uses."""
    return request.param


@pytest.fixture
def new_page(browser, screen):
    """`new_page()`: a page in a browser of its own (no shared login) at this run's screen
    size, for a second person in the journey; closed at the end of the test."""
    contexts = []

    def open_page():
        context = browser.new_context(
            locale="sv-SE",
            viewport=SCREENS[screen],
            is_mobile=screen == "phone",
            has_touch=screen == "phone",
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def axe_clean(axe_source):
    """`axe_clean(page)`: fail with axe's findings unless the current view has none."""

    def check(page):
        violations = run_axe(page, axe_source)
        assert not violations, format_violations(page.url, violations)

    return check


@pytest.fixture
def admin_axe_clean(axe_source):
    """axe on a page of Wagtail's admin, outside the widgets Wagtail itself renders."""

    def settle(page):
        # Wagtail fades its messages in: measure colours as they end up, not mid-fade.
        page.evaluate(
            """() => Promise.all(document.getAnimations()
                .filter((a) => a.effect.getComputedTiming().iterations !== Infinity)
                .map((a) => a.finished))"""
        )

    def check(page):
        settle(page)
        page.evaluate(axe_source)
        violations = run(page)
        if violations:
            # A message shown a moment later starts its fade after the first look: measure
            # again once that has ended too. What is still wrong then fails.
            page.wait_for_timeout(500)
            settle(page)
            violations = run(page)
        assert not violations, f"{page.url}: {violations}"

    def run(page):
        return page.evaluate(
            """async ([exclude, tags]) => {
                const context = {include: [document], exclude: exclude.map(s => [s])};
                const result = await axe.run(context, {runOnly: {type: "tag", values: tags}});
                return result.violations.map(v => v.id + ": " + v.nodes.slice(0, 3).map(
                    n => n.target.join(" ") + " :: " + n.failureSummary).join(", "));
            }""",
            [WAGTAIL_WIDGETS, WCAG_TAGS],
        )

    return check
