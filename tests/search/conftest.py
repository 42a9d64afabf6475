import pytest
from django.db import connection
from wagtail.rich_text import RichText

from home.models import StandardPage
from tests.themes.fixtures import *  # noqa: F403


def add_page(parent, title, intro="", body_text="", slug=None, publish=True, model=StandardPage):
    """A published standard page (the type every install has) with searchable text."""
    from django.utils.text import slugify

    fields = {"title": title, "slug": slug or slugify(title)[:50], "intro": intro}
    if body_text:
        fields["body"] = [("paragraph", RichText(f"<p>{body_text}</p>"))]
    page = model(**fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_page(home_page):
    def make(title, **kwargs):
        return add_page(home_page, title, **kwargs)

    return make


@pytest.fixture
def sqlite(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite behaviour (the quick-start database); this run uses PostgreSQL")
    return connection
