"""Whatever is typed or sent: never a 500, never reflected unescaped."""

import pytest
from django.urls import reverse

HOSTILE = [
    '"',
    '""',
    "'",
    '"klimat',
    "klimat\"'",
    "AND",
    "OR NOT",
    "* ( ) : ^ - + ~ | & ! <->",
    "NEAR(klimat biogas)",
    "title:klimat",
    "klimat:*",
    "'\\''; DROP TABLE wagtailcore_page; --",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }} {% debug %}",
    "bio\x00gas",
    "\x00",
    "\x01\x02\x1b[31m",
    "\u202eevil",
    "\ufeff",
    "x" * 10_000,
    "klimat " * 2_000,
    "och att är",
    "%",
    "\\",
    "😀 biogas",
    "١٢٣",
]


@pytest.fixture
def some_content(make_page):
    make_page("Biogas i Östersund", intro="Om klimatet och biogasen.")


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_page(db, client, some_content, query):
    response = client.get(reverse("search:search"), {"q": query, "typ": query, "page": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "{{ 7*7 }}" not in html or "49" not in html
    assert "\x00" not in html


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_valid_autocomplete_json(db, client, some_content, query):
    response = client.get(reverse("search:autocomplete"), {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert isinstance(data["results"], list)
    assert "<script>" not in response.content.decode()


def test_raw_binary_and_percent_encoded_junk_in_the_url(db, client, some_content):
    for path in [
        "/sok/?q=%00",
        "/sok/?q=%ff%fe%fd",
        "/sok/?q=%c3%28",
        "/sok/?q=%22&typ=%00&page=%00",
        "/sok/?q=biogas&q=%3Cscript%3E",
        "/sok/autocomplete/?q=%ff%00%22",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path


def test_the_query_is_escaped_where_it_is_shown(db, client, some_content):
    query = '"><script>alert(1)</script> biogas'
    html = client.get(reverse("search:search"), {"q": query}).content.decode()
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; biogas" in html
    assert "<script>alert(1)</script>" not in html


def test_only_get_and_head_are_answered(db, client):
    assert client.post(reverse("search:search"), {"q": "biogas"}).status_code == 405
    assert client.head(reverse("search:search"), {"q": "biogas"}).status_code == 200
