"""Organisation pages, opportunities, the feed and the theme pages' directory sections."""

import datetime
import html
import json
import re

import feedparser
import pytest
from django.utils import timezone

from directory.listing_state import delist
from tests.directory.factories import ContactPersonFactory, OpportunityFactory, organisation


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def haulier(directory_index):
    return organisation(
        directory_index,
        title="Storsjöåkeriet AB",
        org_number="559123-4561",
        offers=["hållbar logistik"],
        seeks=["biogas", "laddinfrastruktur"],
        themes=["energiomstallning"],
        served=["krokom"],
        website="https://akeriet.example/",
    )


@pytest.fixture
def partners(directory_index):
    return [
        organisation(
            directory_index,
            title="Gas och Laddning AB",
            offers=["biogas", "laddinfrastruktur"],
            seeks=["hållbar logistik"],
        ),
        organisation(directory_index, title="Bara Gas AB", offers=["biogas"]),
        organisation(directory_index, title="Söker Transport AB", seeks=["hållbar logistik"]),
        organisation(directory_index, title="Ingen Match AB", offers=["vindkraft"]),
    ]


@pytest.mark.django_db
class TestOrganisationPage:
    def test_offers_seeks_facts_and_ranked_matches_with_reasons(self, client, haulier, partners):
        html = client.get(haulier.url).content.decode()
        assert "<h1>Storsjöåkeriet AB</h1>" in html
        assert "559123-4561" in html and "Östersund, Krokom" in html
        matches = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)
        assert matches == ["Gas och Laddning AB", "Bara Gas AB", "Söker Transport AB"]
        assert "Erbjuder biogas och laddinfrastruktur, som ni söker" in html
        assert "Söker hållbar logistik, som ni erbjuder" in html
        assert "Ingen Match AB" not in html

    def test_structured_data_describes_the_organisation_and_no_person(self, client, haulier):
        ContactPersonFactory(organisation=haulier, name="Kim Kontaktsson", publish_name=True)
        data = json_ld(client.get(haulier.url).content.decode())
        assert data["@type"] == "Organization" and data["name"] == "Storsjöåkeriet AB"
        assert data["identifier"]["value"] == "559123-4561"
        assert data["knowsAbout"] == ["hållbar logistik"]
        assert {d["name"] for d in data["seeks"]} == {"biogas", "laddinfrastruktur"}
        assert data["address"]["addressLocality"] == "Östersund"
        assert "Kontaktsson" not in json.dumps(data) and "hemlig-adress" not in json.dumps(data)

    def test_structured_data_has_the_description_as_text_not_html_entities(self, client, haulier):
        haulier.description = "<p>Biogas &amp; el, &lt;b&gt; och &quot;vätgas&quot;</p>"
        haulier.save_revision().publish()
        data = json_ld(client.get(haulier.url).content.decode())
        assert data["disambiguatingDescription"] == 'Biogas & el, <b> och "vätgas"'

    def test_related_news_and_events_by_theme(self, client, haulier, news_index, event_index):
        from tests.events.factories import EventPageFactory
        from tests.news.factories import NewsPageFactory
        from themes.models import Theme

        energy = Theme.objects.get(slug="energiomstallning")
        adaptation = Theme.objects.get(slug="klimatanpassning")
        NewsPageFactory(parent=news_index, title="Biogasbussar rullar", themes=[energy])
        NewsPageFactory(parent=news_index, title="Skyfall i Åre", themes=[adaptation])
        EventPageFactory(
            parent=event_index, title="Omställningsarenan om laddning", themes=[energy]
        )
        EventPageFactory(parent=event_index, title="Förra årets träff", themes=[energy], days=-30)
        html = client.get(haulier.url).content.decode()
        assert "Biogasbussar rullar" in html and "Skyfall i Åre" not in html
        assert "Omställningsarenan om laddning" in html and "Förra årets träff" not in html

    def test_current_opportunities_are_listed_expired_ones_are_not(self, client, haulier):
        OpportunityFactory(organisation=haulier, title="Biogas till bussar")
        OpportunityFactory(
            organisation=haulier,
            title="Gammalt behov",
            valid_until=timezone.localdate() - datetime.timedelta(days=1),
        )
        html = client.get(haulier.url).content.decode()
        assert "Biogas till bussar" in html and "Gammalt behov" not in html

    def test_a_delisted_organisation_is_gone(self, client, haulier, admin_user):
        haulier.save_revision().publish()
        url = haulier.url
        delist(haulier, user=admin_user, reason="Har lämnat rådet.")
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_organisation_page_queries_do_not_grow_with_the_directory(
    client, haulier, partners, django_assert_num_queries, directory_index, settings, no_cache
):
    settings.FRAGMENT_CACHE_SECONDS = 0  # pin the uncached matching
    OpportunityFactory(organisation=haulier, competences=["biogas"])
    client.get(haulier.url)
    with django_assert_num_queries(QUERIES_ORGANISATION_PAGE) as first:
        client.get(haulier.url)
    pinned = len(first.captured_queries)
    for n in range(30):
        organisation(
            directory_index,
            title=f"Fler {n} AB",
            offers=["biogas", "laddinfrastruktur"],
            seeks=["hållbar logistik"],
        )
        OpportunityFactory(organisation=haulier)
    client.get(haulier.url)  # the index is built again for the new content
    with django_assert_num_queries(pinned):
        html = client.get(haulier.url).content.decode()
    assert html.count('class="card match-card"') == 6


# The matches' in-memory index (core/listing/index.py) is built once per process and
# content version, by the first request: the pinned request finds it built.
QUERIES_ORGANISATION_PAGE = 21


@pytest.mark.django_db
def test_an_organisation_page_seen_before_is_mostly_cached(
    client, haulier, partners, django_assert_num_queries, fragments
):
    ContactPersonFactory(organisation=haulier, name="Kim Kontaktsson", publish_name=True)
    client.get(haulier.url)
    with django_assert_num_queries(QUERIES_ORGANISATION_PAGE_CACHED):
        html = client.get(haulier.url).content.decode()
    assert "Erbjuder biogas och laddinfrastruktur, som ni söker" in html
    assert "Kim Kontaktsson" in html and '"@type": "Organization"' in html


QUERIES_ORGANISATION_PAGE_CACHED = 7


@pytest.mark.django_db
def test_preview_never_shows_a_cached_page(admin_client, client, haulier):
    from django.urls import reverse

    client.get(haulier.url)  # cache the live page
    draft = haulier.get_latest_revision_as_object()
    draft.short_description = "Ett helt nytt utkast."
    draft.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[haulier.pk]))
    assert "Ett helt nytt utkast." in response.content.decode()
    assert "Ett helt nytt utkast." not in client.get(haulier.url).content.decode()


@pytest.mark.django_db
class TestOpportunities:
    def test_the_list_page_and_an_opportunity(self, client, directory_index, haulier, partners):
        need = OpportunityFactory(
            organisation=haulier,
            title="Biogas till tolv lastbilar",
            text="Vi behöver gas.\n\nFrån 2027.",
            competences=["biogas"],
        )
        html = client.get(directory_index.url + "mojligheter/").content.decode()
        assert "Biogas till tolv lastbilar" in html and "1 samarbetsmöjlighet" in html
        url = f"{directory_index.url}mojligheter/{need.pk}-biogas-till-tolv-lastbilar/"
        assert url in html
        page = client.get(url).content.decode()
        assert "<h1>Biogas till tolv lastbilar</h1>" in page
        assert "<p>Från 2027.</p>" in page
        offerers = re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', page)
        assert offerers == ["Bara Gas AB", "Gas och Laddning AB"]
        assert "Erbjuder biogas" in page

    def test_a_wrong_slug_redirects_and_unknown_or_gone_ones_are_404(
        self, client, directory_index, haulier, admin_user
    ):
        need = OpportunityFactory(organisation=haulier, title="Laddplatser")
        base = directory_index.url + "mojligheter/"
        response = client.get(f"{base}{need.pk}-fel-namn/")
        assert response.status_code == 301
        assert response["Location"].endswith(f"/mojligheter/{need.pk}-laddplatser/")
        assert client.get(f"{base}999999-laddplatser/").status_code == 404
        assert client.get(f"{base}99999999999999999999-x/").status_code == 404
        need.valid_until = timezone.localdate() - datetime.timedelta(days=1)
        need.save()
        assert client.get(f"{base}{need.pk}-laddplatser/").status_code == 404

    def test_the_feed_lists_new_opportunities_and_follows_the_filters(
        self, client, directory_index, haulier
    ):
        OpportunityFactory(organisation=haulier, title="Biogas sökes", competences=["biogas"])
        OpportunityFactory(
            organisation=haulier,
            title="Logistik erbjuds",
            kind="erbjudande",
            competences=["hållbar logistik"],
        )
        feed = feedparser.parse(client.get(directory_index.url + "mojligheter/rss/").content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == "sv"
        titles = [entry.title for entry in feed.entries]
        assert titles == [
            "Erbjudande: Logistik erbjuds (Storsjöåkeriet AB)",
            "Behov: Biogas sökes (Storsjöåkeriet AB)",
        ]
        assert feed.entries[0].link.startswith("http://testserver/samarbetspartner/mojligheter/")
        needs = feedparser.parse(
            client.get(directory_index.url + "mojligheter/rss/?kind=behov").content
        )
        assert [e.title for e in needs.entries] == ["Behov: Biogas sökes (Storsjöåkeriet AB)"]
        assert needs.feed.title.endswith(": Behov")

    def test_the_feed_shows_a_members_markup_as_text(self, client, directory_index, haulier):
        """A feed reader shows a description as HTML: what a member typed is shown as
        typed, never as a live link, image or script."""
        typed = (
            'Vi söker <a href="https://phish.example/">partner</a> & <b>biogas</b>'
            '<img src="https://track.example/p.gif"><script>alert(1)</script>'
        )
        OpportunityFactory(
            organisation=haulier, title="Biogas sökes", text=typed, competences=["biogas"]
        )
        feed = feedparser.parse(client.get(directory_index.url + "mojligheter/rss/").content)
        assert not feed.bozo, feed.bozo_exception
        [entry] = feed.entries
        description = entry.description
        for live in ("<a ", "<b>", "<img", "<script", 'phish.example/">'):
            assert live not in description
        # What the reader shows: the member's text, character for character.
        shown = html.unescape(re.sub(r"<[^>]+>", "", description))
        assert typed in shown
        assert "Kompetenser: biogas" in shown


@pytest.mark.django_db
def test_theme_pages_show_organisations_and_open_needs(client, theme_index, haulier, partners):
    from tests.themes.factories import ThemePageFactory

    theme_page = ThemePageFactory(parent=theme_index)
    OpportunityFactory(organisation=haulier, title="Biogas till bussar")
    html = client.get(theme_page.url).content.decode()
    assert "Organisationer som arbetar med temat" in html
    assert "Storsjöåkeriet AB" in html
    assert "Aktuella behov inom temat" in html and "Biogas till bussar" in html
    assert "/samarbetspartner/?tema=energiomstallning" in html


@pytest.mark.django_db
def test_the_sitemap_lists_organisations_and_current_opportunities(
    client, directory_index, haulier
):
    need = OpportunityFactory(organisation=haulier, title="Laddplatser")
    OpportunityFactory(
        organisation=haulier,
        title="Gammalt",
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "/samarbetspartner/storsjoakeriet-ab/" in xml or haulier.url in xml
    assert "/samarbetspartner/mojligheter/</loc>" in xml
    assert f"/samarbetspartner/mojligheter/{need.pk}-laddplatser/</loc>" in xml
    assert "gammalt" not in xml


@pytest.mark.django_db
def test_editors_can_preview_an_organisation(admin_client, haulier):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[haulier.pk]))
    assert response.status_code == 200
    assert "Storsjöåkeriet AB" in response.content.decode()


@pytest.mark.django_db
def test_cached_related_news_and_events_follow_publishing_and_time(
    client, fragments, haulier, news_index, event_index, monkeypatch
):
    from tests.events.factories import EventPageFactory
    from tests.news.factories import NewsPageFactory
    from themes.models import Theme

    energy = Theme.objects.get(slug="energiomstallning")
    soon = EventPageFactory(parent=event_index, title="Frukostmöte", days=1, themes=[energy])
    client.get(haulier.url)
    assert "Frukostmöte" in client.get(haulier.url).content.decode()
    news = NewsPageFactory(parent=news_index, title="Biogasbussar rullar", themes=[energy])
    assert "Biogasbussar rullar" in client.get(haulier.url).content.decode()
    news.unpublish()
    assert "Biogasbussar rullar" not in client.get(haulier.url).content.decode()
    after = soon.end + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: after)
    assert "Frukostmöte" not in client.get(haulier.url).content.decode()


@pytest.mark.django_db
def test_organisations_with_the_same_themes_share_related_news_and_others_do_not(
    client, fragments, haulier, news_index, directory_index
):
    from tests.news.factories import NewsPageFactory
    from themes.models import Theme

    energy = Theme.objects.get(slug="energiomstallning")
    adaptation = Theme.objects.get(slug="klimatanpassning")
    NewsPageFactory(parent=news_index, title="Biogasbussar rullar", themes=[energy])
    NewsPageFactory(parent=news_index, title="Skyfall i tätorterna", themes=[adaptation])
    same = organisation(directory_index, title="Gasbolaget AB", themes=["energiomstallning"])
    other = organisation(directory_index, title="Dagvatten AB", themes=["klimatanpassning"])
    assert "Biogasbussar rullar" in client.get(haulier.url).content.decode()
    html = client.get(same.url).content.decode()
    assert "Biogasbussar rullar" in html and "Skyfall i tätorterna" not in html
    html = client.get(other.url).content.decode()
    assert "Skyfall i tätorterna" in html and "Biogasbussar rullar" not in html


@pytest.mark.django_db
def test_cached_theme_page_sections_follow_the_directory_and_time(
    client, theme_index, haulier, settings, monkeypatch
):
    from django.core.cache import cache

    from tests.themes.factories import ThemePageFactory

    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    theme_page = ThemePageFactory(parent=theme_index)
    client.get(theme_page.url)
    assert "Biogas till bussar" not in client.get(theme_page.url).content.decode()
    need = OpportunityFactory(organisation=haulier, title="Biogas till bussar")
    assert "Biogas till bussar" in client.get(theme_page.url).content.decode()
    # Published ahead of time, it shows when its time comes.
    later = timezone.now() + datetime.timedelta(hours=2)
    OpportunityFactory(organisation=haulier, title="Vätgas sökes", published_at=later)
    assert "Vätgas sökes" not in client.get(theme_page.url).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: later + datetime.timedelta(minutes=1))
    html = client.get(theme_page.url).content.decode()
    assert "Vätgas sökes" in html and "Biogas till bussar" in html
    # An expired need is gone the next day, without any edit.
    next_day = need.valid_until + datetime.timedelta(days=1)
    gone = timezone.make_aware(datetime.datetime.combine(next_day, datetime.time(0, 5)))
    monkeypatch.setattr(timezone, "now", lambda: gone)
    assert "Biogas till bussar" not in client.get(theme_page.url).content.decode()
    cache.clear()
