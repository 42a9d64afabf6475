"""News pages: created in the admin, rendered with their date, image, themes and JSON-LD."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import StandardPageFactory, make_home_page
from tests.news.factories import NewsContactFactory, NewsIndexPageFactory, NewsPageFactory
from tests.themes.factories import ImageFactory
from themes.models import Theme


def structured_data(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


class TestNewsPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.login()

    def test_news_lives_under_the_one_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        NewsIndexPageFactory(parent=self.home)
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_editor_creates_news_with_themes_tags_contact_and_related_page(self):
        index = NewsIndexPageFactory(parent=self.home)
        about = StandardPageFactory(parent=self.home, title="Om rådet", slug="om-radet")
        contact = NewsContactFactory()
        data = nested_form_data(
            {
                "title": "Biogas för tunga transporter",
                "slug": "biogas",
                "lead": "Fler vill tanka biogas.",
                "image": ImageFactory().pk,
                "image_caption": "Foto: Karin Åström",
                "body": streamfield([("paragraph", rich_text("<p>Producenter och åkerier.</p>"))]),
                "themes": Theme.objects.get(name="Energiomställning").pk,
                "tags": "biogas, grön finansiering",
                "contact": contact.pk,
                "related_links": inline_formset([{"page": about.pk}]),
            }
        )
        self.assertCanCreate(index, NewsPage, data)
        page = NewsPage.objects.get(slug="biogas")
        self.assertEqual([t.slug for t in page.themes.all()], ["energiomstallning"])
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["biogas", "grön finansiering"])
        self.assertEqual(page.date, timezone.localdate(), "defaults to the day it was published")
        html = self.client.get(page.url).content.decode()
        self.assertIn("Foto: Karin Åström", html)
        self.assertIn("Karin Åström", html)
        self.assertIn('<a href="/om-radet/">Om rådet</a>', html)
        self.assertIn('href="/nyheter/?tema=energiomstallning"', html)
        self.assertIn('href="/nyheter/?tagg=biogas"', html)
        self.assertPageIsRenderable(index)

    def test_a_theme_outside_the_list_is_refused_and_nothing_is_created(self):
        index = NewsIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "Ny nyhet",
                "slug": "ny",
                "lead": "Ingress.",
                "body": streamfield([]),
                "themes": "99999",  # e.g. a theme removed while the form was open
                "tags": "",
                "related_links": inline_formset([]),
            }
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
        self.assertContains(response, "Välj ett giltigt alternativ")
        self.assertFalse(NewsPage.objects.filter(slug="ny").exists())


@pytest.mark.django_db
def test_news_page_refuses_a_main_image_without_alt_text(news_index):
    page = NewsPageFactory(parent=news_index)
    page.image = ImageFactory(description="  ")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "alternativtext" in error.value.message_dict["image"][0]


@pytest.mark.django_db
def test_an_editor_may_set_the_publication_date(news_index):
    page = NewsPageFactory(parent=news_index, date=datetime.date(2025, 3, 14))
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.date == datetime.date(2025, 3, 14)


@pytest.mark.django_db
def test_news_page_shows_date_in_swedish_image_and_structured_data(client, news_index, energy):
    image = ImageFactory(description="Lastbil som tankar biogas.")
    page = NewsPageFactory(
        parent=news_index,
        title="Biogas för lastbilar",
        date=datetime.date(2026, 3, 5),
        image=image,
        themes=[energy],
    )
    html = client.get(page.url).content.decode()
    assert '<time datetime="2026-03-05">5 mars 2026</time>' in html
    assert 'alt="Lastbil som tankar biogas."' in html
    assert "<picture>" in html and 'type="image/avif"' in html and 'type="image/webp"' in html
    assert re.search(r'<img [^>]*width="\d+"[^>]*height="\d+"', html)
    assert '<meta name="description" content="Rådet samlade länets aktörer' in html
    assert 'property="og:image"' in html
    [article] = [d for d in structured_data(html) if d["@type"] == "NewsArticle"]
    assert article["headline"] == "Biogas för lastbilar"
    assert article["datePublished"] == "2026-03-05"
    assert article["publisher"]["name"] == "Miljö- och klimatrådet i Jämtlands län"
    assert re.match(r"http://[^/]+/media/images/.+\.jpg$", article["image"][0])
    assert article["keywords"] == ["Energiomställning"]
    assert 'rel="alternate" type="application/rss+xml"' in html


@pytest.mark.django_db
def test_a_news_page_whose_image_file_is_lost_still_shows(client, news_index):
    """A restored database without its media folder: the page answers, without the image."""
    image = ImageFactory()
    page = NewsPageFactory(parent=news_index, title="Bilden saknas", image=image)
    image.file.storage.delete(image.file.name)
    response = client.get(page.url)
    assert response.status_code == 200
    [article] = [
        d for d in structured_data(response.content.decode()) if d["@type"] == "NewsArticle"
    ]
    assert article["headline"] == "Bilden saknas"
    assert "image" not in article


@pytest.mark.django_db
def test_structured_data_cannot_break_out_of_its_script_element(client, news_index):
    page = NewsPageFactory(parent=news_index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    [article] = [d for d in structured_data(html) if d["@type"] == "NewsArticle"]
    assert article["headline"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
def test_news_pages_are_in_the_sitemap_with_lastmod(client, news_index):
    page = NewsPageFactory(parent=news_index, slug="i-kartan")
    page.save_revision().publish()
    xml = client.get("/sitemap.xml").content.decode()
    entry = re.search(r"<url><loc>http://localhost/nyheter/i-kartan/</loc><lastmod>([^<]+)", xml)
    assert entry, xml
    assert "http://localhost/nyheter/</loc>" in xml
