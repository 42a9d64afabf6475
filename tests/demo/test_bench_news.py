"""The benchmark's generated news: real, live, searchable news pages."""

from django.urls import reverse
from wagtail.models import Page

from demo.bulk import generate_news
from news.models import NewsPage


def test_generated_news_are_live_searchable_and_render(db, client, news_index):
    assert generate_news(12, seed=7) == 12
    items = NewsPage.objects.live().child_of(news_index)
    assert items.count() == 12
    assert not any(Page.find_problems()), "the generated tree rows are consistent"
    first = items.first()
    assert client.get(first.url).status_code == 200
    assert first.themes.exists()
    response = client.get(reverse("search:search"), {"q": first.title.split(" i ")[0]})
    assert first.title in {hit.obj.title for hit in response.context["hits"]}
    response = client.get(news_index.url)
    assert response.status_code == 200
