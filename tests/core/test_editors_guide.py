"""The editors' guide is one click away in the admin's Help menu, rendered in the admin."""

import re

import pytest

from core.editors_guide import render_markdown


@pytest.mark.django_db
def test_an_editor_opens_the_guide_from_the_help_menu(editor_client):
    client = editor_client
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/redaktorsguide/" in dashboard, "the Help menu links to the guide"
    assert "Redaktörshandbok" not in dashboard, "not Wagtail's English guide beside it"

    response = client.get("/admin/redaktorsguide/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Redaktörsguide" in html
    assert re.search(r"<h1[^>]*>\s*(<svg.*?</svg>\s*)?Redaktörsguide", html, flags=re.S), "heading"
    assert '<h2 id="roller-och-granskning">Roller och granskning</h2>' in html
    # The guide's own links to its sections land on these ids.
    assert 'href="#bilder-och-alternativtext"' in html
    assert 'id="bilder-och-alternativtext"' in html
    assert "<strong>Lämna in till Granskning</strong>" in html
    assert "**" not in html, "rendered, not shown as Markdown"


@pytest.mark.django_db
def test_the_guide_is_for_staff_only(client, django_user_model):
    response = client.get("/admin/redaktorsguide/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    member = django_user_model.objects.create_user("medlem", password="pw-medlem-12345")
    client.force_login(member)  # a site account without access to the admin
    response = client.get("/admin/redaktorsguide/")
    assert response.status_code in {302, 403}
    assert "Roller och granskning" not in response.content.decode()


def test_markdown_in_the_guide_cannot_inject_html():
    title, html = render_markdown(
        "# Guide\n\n<script>alert(1)</script>\n\n[klick](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert title == "Guide"
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert "<table>" in html, "tables render"
