"""Promoted results: staff pin pages to queries; they come first on the results page."""

from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion


def promote(query_string, page=None, **fields):
    query = Query.objects.get_or_create(query_string=query_string)[0]
    return SearchPromotion.objects.create(query=query, page=page, sort_order=0, **fields)


def test_promoted_pages_come_first_for_their_query(db, client, make_page):
    page = make_page("Gå med i rådet", intro="Skriv under avsiktsförklaringen.")
    make_page("Medlemsmöte om biogas", intro="Alla medlemmar välkomna.")
    promote("medlem", page=page, description="Så blir din organisation medlem.")
    response = client.get(reverse("search:search"), {"q": "  Medlem "})
    html = response.content.decode()
    promoted = html.index("search-result--promoted")
    assert promoted < html.index('id="search-hits-heading"')
    assert "Så blir din organisation medlem." in html
    assert [p.title for p in response.context["promotions"]] == ["Gå med i rådet"]


def test_external_promotions_are_shown_too(db, client, home_page):
    promote(
        "klimatklivet",
        external_link_url="https://www.naturvardsverket.se/klimatklivet",
        external_link_text="Klimatklivet hos Naturvårdsverket",
    )
    html = client.get(reverse("search:search"), {"q": "Klimatklivet"}).content.decode()
    assert 'href="https://www.naturvardsverket.se/klimatklivet">Klimatklivet hos' in html


def test_promotions_of_unpublished_pages_are_hidden(db, client, make_page):
    page = make_page("Gå med i rådet")
    promote("medlem", page=page)
    page.unpublish()
    response = client.get(reverse("search:search"), {"q": "medlem"})
    assert response.context["promotions"] == []


def test_promotions_only_on_the_first_page_of_all_types(db, client, make_page):
    page = make_page("Gå med i rådet")
    promote("gå med", page=page)
    assert client.get(reverse("search:search"), {"q": "gå med"}).context["promotions"]
    narrowed = client.get(reverse("search:search"), {"q": "gå med", "typ": "sidor"})
    assert narrowed.context["promotions"] == []


def test_searching_does_not_create_promotion_queries(db, client, home_page):
    client.get(reverse("search:search"), {"q": "något helt nytt"})
    assert not Query.objects.exists()
