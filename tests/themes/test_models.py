"""Themes and environmental objectives: the shared vocabulary, seeded for production."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from themes.models import EnvironmentalObjective, Theme, ThemedPage
from themes.registry import get_theme_sections


@pytest.mark.django_db
def test_migration_seeds_the_three_themes_in_order():
    assert [(t.slug, t.name) for t in Theme.objects.all()] == [
        ("miljomalsarbete", "Miljömålsarbete"),
        ("energiomstallning", "Energiomställning"),
        ("klimatanpassning", "Klimatanpassning"),
    ]
    assert all(t.description for t in Theme.objects.all())


@pytest.mark.django_db
def test_migration_seeds_the_sixteen_objectives_with_county_priorities():
    objectives = list(EnvironmentalObjective.objects.all())
    assert [o.number for o in objectives] == list(range(1, 17))
    names = {o.number: o.name for o in objectives}
    assert names[1] == "Begränsad klimatpåverkan"
    assert names[10] == "Hav i balans samt levande kust och skärgård"
    assert names[16] == "Ett rikt växt- och djurliv"
    priorities = {o.name for o in objectives if o.is_county_priority}
    assert priorities == {
        "Begränsad klimatpåverkan",
        "God bebyggd miljö",
        "Giftfri miljö",
        "Levande sjöar och vattendrag",
        "Grundvatten av god kvalitet",
        "Levande skogar",
        "Ett rikt odlingslandskap",
        "Storslagen fjällmiljö",
    }
    not_applicable = [o.name for o in objectives if not o.applies_to_county]
    assert not_applicable == ["Hav i balans samt levande kust och skärgård"]
    assert all(o.info_url.startswith("https://www.sverigesmiljomal.se/") for o in objectives)


@pytest.mark.django_db
def test_one_query_finds_every_page_about_a_theme(news_index, event_index, energy, adaptation):
    from wagtail.models import Page

    from tests.events.factories import EventPageFactory
    from tests.news.factories import NewsPageFactory

    news = NewsPageFactory(parent=news_index, themes=[energy])
    event = EventPageFactory(parent=event_index, themes=[energy, adaptation])
    NewsPageFactory(parent=news_index, themes=[adaptation])
    pages = Page.objects.filter(themed_items__tag=energy)
    assert set(pages) == {news.page_ptr, event.page_ptr}
    assert ThemedPage.objects.filter(tag=energy).count() == 2


def test_news_and_events_register_their_theme_sections():
    keys = [section.key for section in get_theme_sections()]
    assert keys[:2] == ["news", "events"]


@pytest.mark.django_db
def test_theme_and_objective_are_snippets_the_secretariat_manages(client, django_user_model):
    user = django_user_model.objects.create_user("sekr", password="x-pass-123456")
    user.groups.add(Group.objects.get(name="Sekretariat"))
    client.force_login(user)
    assert client.get("/admin/snippets/themes/theme/").status_code == 200
    assert client.get("/admin/snippets/themes/environmentalobjective/").status_code == 200
    response = client.post(
        "/admin/snippets/themes/theme/add/",
        {
            "name": "Cirkulär ekonomi",
            "slug": "cirkular-ekonomi",
            "description": "",
            "sort_order": 40,
        },
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="cirkular-ekonomi").exists()


@pytest.mark.django_db
def test_editors_may_not_add_themes(client, django_user_model):
    user = django_user_model.objects.create_user("red", password="x-pass-123456")
    user.groups.add(Group.objects.get(name="Redaktör"))
    client.force_login(user)
    response = client.post(
        "/admin/snippets/themes/theme/add/", {"name": "Nytt", "slug": "nytt", "sort_order": 1}
    )
    assert response.status_code in {302, 403}
    assert not Theme.objects.filter(slug="nytt").exists()


@pytest.mark.django_db
def test_theme_page_refuses_a_second_page_for_the_same_theme(theme_index, energy):
    from tests.themes.factories import ThemePageFactory

    ThemePageFactory(parent=theme_index, theme=energy)
    duplicate = ThemePageFactory.build(theme=energy, slug="igen", title="Igen")
    duplicate.path, duplicate.depth = theme_index.path + "0009", theme_index.depth + 1
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "theme" in error.value.message_dict


@pytest.mark.django_db
def test_theme_page_refuses_a_main_image_without_alt_text(theme_index, energy):
    from tests.themes.factories import ImageFactory, ThemePageFactory

    page = ThemePageFactory(parent=theme_index, theme=energy)
    page.image = ImageFactory(description="")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "alternativtext" in error.value.message_dict["image"][0]
    page.image = ImageFactory(description="Vindkraftverk på en fjällrygg.")
    page.full_clean()


@pytest.mark.django_db
def test_a_theme_with_a_theme_page_cannot_be_deleted(admin_client, theme_index, energy):
    from wagtail.models import ReferenceIndex

    from tests.themes.factories import ThemePageFactory

    ThemePageFactory(parent=theme_index, theme=energy)
    url = f"/admin/snippets/themes/theme/delete/{energy.pk}/"
    # Wagtail's reference index knows the theme page and refuses.
    assert admin_client.post(url).status_code in {302, 403}
    assert Theme.objects.filter(pk=energy.pk).exists()
    # Before the background worker has indexed the page, the protected key still holds.
    ReferenceIndex.objects.all().delete()
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert Theme.objects.filter(pk=energy.pk).exists()
    assert "har en temasida och kan inte raderas" in response.content.decode()
