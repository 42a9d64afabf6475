"""Theme pages: created by editors, rendered with everything about their theme."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import make_home_page
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.themes.factories import ImageFactory, ThemeIndexPageFactory, ThemePageFactory
from themes.models import EnvironmentalObjective, Theme, ThemeIndexPage, ThemePage
from themes.registry import ThemeSection, _sections, register_theme_section


class TestThemePageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.login()

    def test_theme_pages_live_under_the_one_theme_index(self):
        self.assertAllowedParentPageTypes(ThemeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedSubpageTypes(ThemePage, set())
        ThemeIndexPageFactory(parent=self.home)
        self.assertFalse(ThemeIndexPage.can_create_at(self.home))

    def test_editor_creates_a_theme_page_with_objectives(self):
        index = ThemeIndexPageFactory(parent=self.home)
        theme = Theme.objects.get(slug="klimatanpassning")
        objectives = EnvironmentalObjective.objects.filter(number__in=[8, 9])
        data = nested_form_data(
            {
                "title": "Klimatanpassning",
                "slug": "klimatanpassning",
                "theme": theme.pk,
                "intro": "Att rusta länet för ett förändrat klimat.",
                "image": ImageFactory().pk,
                "body": streamfield([("paragraph", rich_text("<p>Skyfall och torka.</p>"))]),
            }
        )
        data["objectives"] = [o.pk for o in objectives]
        self.assertCanCreate(index, ThemePage, data)
        page = ThemePage.objects.get(slug="klimatanpassning")
        self.assertEqual(page.theme, theme)
        self.assertEqual(set(page.objectives.all()), set(objectives))
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(index)


@pytest.mark.django_db
def test_theme_page_shows_its_news_events_and_objectives(client, home_page, energy, adaptation):
    news_index = NewsIndexPageFactory(parent=home_page)
    event_index = EventIndexPageFactory(parent=home_page)
    page = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home_page), theme=energy)
    page.objectives.set(EnvironmentalObjective.objects.filter(number__in=[1, 10]))
    page.save()
    NewsPageFactory(parent=news_index, title="Biogas för lastbilar", themes=[energy])
    NewsPageFactory(parent=news_index, title="Skyfall i tätorterna", themes=[adaptation])
    EventPageFactory(parent=event_index, title="Laddning för åkerier", days=5, themes=[energy])
    EventPageFactory(parent=event_index, title="Gammal träff", days=-5, themes=[energy])

    html = client.get(page.url).content.decode()
    assert "Biogas för lastbilar" in html
    assert "Skyfall i tätorterna" not in html
    assert "Laddning för åkerier" in html
    assert "Gammal träff" not in html, "only upcoming events"
    assert 'href="/nyheter/?tema=energiomstallning">Alla nyheter om temat' in html
    assert 'href="/traffar/?tema=energiomstallning">Alla träffar om temat' in html
    assert "Begränsad klimatpåverkan" in html and "Prioriterat i länet" in html
    assert "Berör inte länet" in html
    assert 'type="application/rss+xml"' in html
    assert "/nyheter/tema/energiomstallning/rss/" in html


@pytest.mark.django_db
def test_a_section_registered_later_lights_up_without_changing_the_theme_page(
    client, home_page, energy
):
    """How the directory's organisations will appear: register a section, nothing else."""
    page = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home_page), theme=energy)
    section = ThemeSection(
        key="test-organisations",
        title="Organisationer inom temat",
        template="news/includes/theme_section.html",
        get_items=lambda theme, limit, request=None: list(
            Page.objects.filter(pk=home_page.pk)[:limit]
        ),
        order=30,
    )
    register_theme_section(section)
    try:
        html = client.get(page.url).content.decode()
    finally:
        _sections.pop("test-organisations")
    assert "Organisationer inom temat" in html
    assert f'href="{home_page.url}"' in html


@pytest.fixture
def only_news_and_events(monkeypatch):
    """Pin the theme page's own cost: other apps' sections (the directory) are theirs to pin."""
    import themes.registry

    monkeypatch.setattr(
        themes.registry,
        "_sections",
        {k: v for k, v in themes.registry._sections.items() if k in {"news", "events"}},
    )


# With Django's cache off (no_cache): routing (the site, the home page, the pages on the path,
# the theme page with its theme, images and renditions: 5; view restrictions are in the page's
# query), the site's root paths (1), items per section (1 x 2), the news and events indexes for
# the "more" and feed links (2, each once however many parts ask), its objectives (1), site
# settings (1), the menu (1). Breadcrumbs come from routing.
THEME_PAGE_QUERIES = 13


@pytest.mark.django_db
@pytest.mark.parametrize("items", [2, 12])
def test_theme_page_query_count_is_pinned(
    client, home_page, energy, items, only_news_and_events, django_assert_num_queries, no_cache
):
    news_index = NewsIndexPageFactory(parent=home_page)
    event_index = EventIndexPageFactory(parent=home_page)
    page = ThemePageFactory(
        parent=ThemeIndexPageFactory(parent=home_page), theme=energy, image=ImageFactory()
    )
    page.objectives.set(EnvironmentalObjective.objects.filter(number__in=[1, 2, 15]))
    page.save()
    for _ in range(items):
        NewsPageFactory(parent=news_index, themes=[energy], image=ImageFactory())
        EventPageFactory(parent=event_index, themes=[energy])
    client.get(page.url)  # renditions are made on the first visit
    with django_assert_num_queries(THEME_PAGE_QUERIES):
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_theme_index_lists_theme_pages_and_all_objectives(client, home_page, energy, adaptation):
    index = ThemeIndexPageFactory(parent=home_page)
    ThemePageFactory(parent=index, theme=energy, intro="Fossilfritt 2030.")
    ThemePageFactory(parent=index, theme=adaptation, intro="Skyfall och torka.")
    html = client.get(index.url).content.decode()
    assert html.index("Energiomställning") < html.index("Klimatanpassning")
    assert "Fossilfritt 2030." in html
    assert html.count('class="objective__number"') == 16
    assert html.count("Prioriterat i länet") == 8


@pytest.mark.django_db
def test_cached_sections_follow_publishing_and_time(
    client, home_page, energy, adaptation, fragments, monkeypatch, django_assert_max_num_queries
):
    import datetime

    from django.utils import timezone

    news_index = NewsIndexPageFactory(parent=home_page)
    event_index = EventIndexPageFactory(parent=home_page)
    page = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home_page), theme=energy)
    NewsPageFactory(parent=news_index, title="Biogas för lastbilar", themes=[energy])
    soon = EventPageFactory(parent=event_index, title="Frukostmöte", days=1, themes=[energy])
    client.get(page.url)  # the first visit makes the site settings, which is an edit
    first = client.get(page.url).content.decode()
    assert "Biogas för lastbilar" in first and "Frukostmöte" in first
    with django_assert_max_num_queries(13):
        assert client.get(page.url).content.decode() == first

    # Published news shows at once, in every process (the version lives in the database).
    news = NewsPageFactory(parent=news_index, title="Vätgas i Östersund", themes=[energy])
    assert "Vätgas i Östersund" in client.get(page.url).content.decode()
    news.unpublish()
    assert "Vätgas i Östersund" not in client.get(page.url).content.decode()

    # An event drops out when it has ended, without any edit.
    after = soon.end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    assert "Frukostmöte" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_preview_of_a_theme_page_never_shows_cached_sections(
    client, home_page, energy, adaptation, fragments
):
    news_index = NewsIndexPageFactory(parent=home_page)
    page = ThemePageFactory(parent=ThemeIndexPageFactory(parent=home_page), theme=energy)
    NewsPageFactory(parent=news_index, title="Biogas för lastbilar", themes=[energy])
    NewsPageFactory(parent=news_index, title="Skyfall i tätorterna", themes=[adaptation])
    assert "Biogas för lastbilar" in client.get(page.url).content.decode()
    page.theme = adaptation
    preview = page.save_revision().as_object().make_preview_request()
    html = preview.content.decode()
    assert "Skyfall i tätorterna" in html and "Biogas för lastbilar" not in html
    assert "Biogas för lastbilar" in client.get(page.url).content.decode()
