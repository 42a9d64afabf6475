"""An editor (Redaktör) gives a news item its themes in the admin, as the first thing they do.

Themes are checkboxes over the council's list (core/tags.py): the editor opens a news
item from the page explorer, ticks two themes, saves a draft and finds both kept after
a reload. Multi-word ämnesord read as typed, without quotes, before and after saving.

axe runs on what the project controls on the edit page: the "Teman och ämnesord" panel
with its checkboxes, the tag box and their help texts. Wagtail's own admin chrome around
it is Wagtail's to keep accessible (and is checked for console errors elsewhere, in
tests/browser/test_admin.py).
"""

import pytest

from tests.browser.support import format_violations, run_axe

pytestmark = pytest.mark.browser

NEWS_SLUG = "trabyggande-minskar-klimatavtrycket"  # demo news with a multi-word ämnesord
THEMES_PANEL = "#panel-child-innehall-teman_och_amnesord-section"
THEMES = ("Miljömålsarbete", "Energiomställning", "Klimatanpassning")


def log_in_as_editor(page, demo_server):
    page.goto(demo_server.url("/admin/login/"))
    page.locator("#id_username").fill("redaktor")
    page.locator("#id_password").fill(demo_server.env["DJANGO_SUPERUSER_PASSWORD"])
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/admin/")


def page_id(demo_server, slug: str) -> str:
    return demo_server.manage(
        "shell",
        "-c",
        f"from wagtail.models import Page; print(Page.objects.get(slug={slug!r}).pk)",
    ).split()[-1]


def tag_chips(page) -> list[str]:
    return [text.strip() for text in page.locator(f"{THEMES_PANEL} .tagit-label").all_inner_texts()]


def test_an_editor_ticks_two_themes_and_the_draft_keeps_them(page, demo_server, axe_source):
    log_in_as_editor(page, demo_server)

    # The news listing in the page explorer, then the news item by its title.
    news_index = page_id(demo_server, "nyheter")
    page.goto(demo_server.url(f"/admin/pages/{news_index}/"))
    page.get_by_role("link", name="Trä i stället för betong", exact=False).first.click()
    page.wait_for_url(f"**/admin/pages/{page_id(demo_server, NEWS_SLUG)}/edit/")

    panel = page.locator(THEMES_PANEL)
    panel.scroll_into_view_if_needed()
    for name in THEMES:
        assert panel.get_by_role("checkbox", name=name, exact=True).is_visible()
    assert "citattecken" not in panel.inner_text(), "one help text, the project's"
    assert "klimatdeklaration och LCA" in tag_chips(page), "a multi-word ämnesord, no quotes"
    axe_clean_panel(page, axe_source)

    for name in THEMES:
        panel.get_by_role("checkbox", name=name, exact=True).uncheck()
    panel.get_by_role("checkbox", name="Energiomställning", exact=True).check()
    panel.get_by_role("checkbox", name="Klimatanpassning", exact=True).check()
    page.get_by_role("button", name="Spara utkast").click()
    page.get_by_text("har blivit uppdaterad", exact=False).first.wait_for()

    page.reload()
    panel = page.locator(THEMES_PANEL)
    checked = [
        name for name in THEMES if panel.get_by_role("checkbox", name=name, exact=True).is_checked()
    ]
    assert checked == ["Energiomställning", "Klimatanpassning"]
    assert sorted(tag_chips(page)) == ["bygg", "klimatdeklaration och LCA", "träbyggande"]
    axe_clean_panel(page, axe_source)


def axe_clean_panel(page, axe_source):
    """axe on the themes panel only (see the module docstring)."""
    violations = run_axe(page, axe_source, context=THEMES_PANEL)
    assert not violations, format_violations(page.url, violations)


def test_an_editor_finds_the_guide_in_the_help_menu(page, demo_server, screen, axe_clean):
    log_in_as_editor(page, demo_server)
    if screen == "phone":  # the sidebar is folded away on a phone
        page.get_by_role("button", name="Växla sidorad").click()
    page.get_by_role("button", name="Hjälp").click()
    page.get_by_role("link", name="Redaktörsguide", exact=True).click()
    page.wait_for_url("**/admin/redaktorsguide/")
    assert page.get_by_role("heading", name="Roller och granskning").is_visible()
    axe_clean(page)
