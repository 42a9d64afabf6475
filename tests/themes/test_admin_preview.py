"""Staff preview every new page type before it is published."""

import pytest
from django.contrib.auth.models import Group

from tests.events.factories import EventPageFactory
from tests.news.factories import NewsPageFactory
from tests.themes.factories import ImageFactory, ThemePageFactory


@pytest.mark.django_db
def test_drafts_of_every_page_type_can_be_previewed_by_an_editor(
    client, django_user_model, home_page, news_index, event_index, theme_index, energy
):
    editor = django_user_model.objects.create_user("redaktor", password="pw-redaktor-123")
    editor.groups.add(Group.objects.get(name="Redaktör"))
    client.force_login(editor)
    pages = [
        news_index,
        event_index,
        theme_index,
        NewsPageFactory(parent=news_index, image=ImageFactory(), themes=[energy]),
        EventPageFactory(parent=event_index, themes=[energy]),
        ThemePageFactory(parent=theme_index, theme=energy, image=ImageFactory()),
    ]
    for page in pages:
        page.title = f"Utkast: {page.title}"
        page.save_revision()
        response = client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert response.status_code == 200, page
        assert page.title in response.content.decode()
