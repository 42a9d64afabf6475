import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from members.models import MembershipApplicationPage
from tests.factories import StandardPageFactory, make_home_page


class TestPageTypes(WagtailPageTestCase):
    def setUp(self):
        self.home = make_home_page()
        self.login()

    def test_home_page_only_at_the_root_and_only_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.can_create_at(root), "a second home page must not be possible")

    def test_standard_pages_live_under_home_or_other_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, MembershipApplicationPage})

    def test_editor_can_create_a_standard_page_with_body_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Om rådet",
                    "slug": "om-radet",
                    "intro": "Rådet samlar länets aktörer.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Syfte", "level": "h2"}),
                            ("paragraph", rich_text("<p>Ett fossilfritt län 2030.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="om-radet")
        self.assertEqual(page.body[0].value["text"], "Syfte")

    def test_pages_render_with_title_description_and_one_h1(self):
        child = StandardPageFactory(parent=self.home, title="Gå med", intro="Så blir du medlem.")
        for page in [self.home, child]:
            self.assertPageIsRenderable(page)
            html = self.client.get(page.url).content.decode()
            self.assertEqual(html.count("<h1"), 1)
            self.assertIn('<meta name="description"', html)
        html = self.client.get(child.url).content.decode()
        self.assertIn("<title>Gå med – Miljö- och klimatrådet i Jämtlands län</title>", html)
        self.assertIn('<meta name="description" content="Så blir du medlem.">', html)
        self.assertIn('<link rel="canonical" href="http://localhost/', html)
        self.assertIn('property="og:title" content="Gå med"', html)


@pytest.mark.django_db
def test_standard_page_breadcrumbs_and_subpages(client):
    home = make_home_page()
    about = StandardPageFactory(parent=home, title="Om rådet", slug="om")
    StandardPageFactory(parent=about, title="Sekretariatet", slug="sekretariatet")
    html = client.get("/om/").content.decode()
    assert 'aria-label="Brödsmulor"' in html
    assert '<a href="/om/sekretariatet/">Sekretariatet</a>' in html
    html = client.get("/om/sekretariatet/").content.decode()
    assert '<a href="/om/">Om rådet</a>' in html
    assert '<span aria-current="page">Sekretariatet</span>' in html


@pytest.mark.django_db
def test_home_page_title_names_the_site_once(client):
    make_home_page()
    html = client.get("/").content.decode()
    assert "<title>Miljö- och klimatrådet i Jämtlands län</title>" in html


@pytest.mark.django_db
def test_breadcrumbs_start_with_the_site_name_not_the_home_page_title(client):
    """Members' pages and Wagtail pages begin their trail alike, with the header's name."""
    home = make_home_page()
    home.title = "Startsida"
    home.save_revision().publish()
    about = StandardPageFactory(parent=home, title="Om rådet", slug="om")
    StandardPageFactory(parent=about, title="Sekretariatet", slug="sekretariatet")
    for path in ["/om/sekretariatet/", "/min-organisation/logga-in/"]:
        html = client.get(path).content.decode()
        trail = html.split('aria-label="Brödsmulor"')[1].split("</ol>")[0]
        crumbs = re.findall(r"<li>(.*?)</li>", trail, flags=re.S)
        assert crumbs[0] == '<a href="/">Miljö- och klimatrådet i Jämtlands län</a>', path
        assert "Startsida" not in trail
    assert len(crumbs) == 2  # the login page: the site, then the page
