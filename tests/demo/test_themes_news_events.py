"""seed_demo fills the themes, news and calendar with realistic, current content."""

import io
import itertools
from datetime import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from demo.context import is_working_day
from events.models import EventPage
from news.models import NewsPage
from themes.models import Theme, ThemePage


@pytest.mark.django_db
def test_seed_demo_builds_themes_news_and_events(client, monkeypatch):
    """One seeding (it takes a while), checked from every side."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-admin-password")
    call_command("seed_demo", stdout=io.StringIO())
    check_theme_pages(client)
    check_news()
    check_events()
    check_menu_users_and_idempotence(client)


def check_theme_pages(client):
    pages = ThemePage.objects.live().order_by("theme__sort_order")
    assert [p.theme.slug for p in pages] == [t.slug for t in Theme.objects.all()]
    for page in pages:
        assert page.image and page.image.description
        assert page.objectives.exists()
        assert len(page.body) >= 3
    html = client.get("/teman/energiomstallning/").content.decode()
    assert "fossilbränslefritt" in html and "10 procent" in html


def check_news():
    news = NewsPage.objects.live()
    assert news.count() >= 30
    dates = sorted(news.values_list("date", flat=True))
    assert (dates[-1] - dates[0]).days >= 600
    assert dates[-1] <= timezone.localdate()
    for theme in Theme.objects.all():
        assert news.filter(themed_items__tag=theme).count() >= 5, theme
    assert news.filter(tagged_items__tag__name="Omställningsarenan").exists()
    assert all(page.lead and page.body for page in news)


def check_events():
    now = timezone.now()
    events = EventPage.objects.live()
    assert events.count() >= 8
    assert events.filter(end__lt=now).count() >= 3
    assert events.filter(start__gt=now).count() >= 3
    arena = events.filter(title__startswith="Omställningsarenan").order_by("start")
    assert arena.count() >= 4
    gaps = [(b.start - a.start).days for a, b in itertools.pairwise(arena)]
    assert all(80 <= gap <= 100 for gap in gaps), gaps
    for event in events:
        start, end = timezone.localtime(event.start), timezone.localtime(event.end)
        assert is_working_day(start.date()), f"{event.title} on a day off: {start:%Y-%m-%d}"
        assert time(8) <= start.time() and end.time() <= time(17), f"{event.title}: {start}–{end}"


def check_menu_users_and_idempotence(client):
    html = client.get("/").content.decode()
    menu = html.split('class="main-nav__list"')[1].split("</ul>")[0]
    positions = [menu.index(f'href="/{slug}/"') for slug in ("teman", "nyheter", "traffar")]
    assert positions == sorted(positions)
    users = get_user_model().objects
    assert users.get(username="redaktor").groups.filter(name="Redaktör").exists()
    assert users.get(username="sekretariat").groups.filter(name="Sekretariat").exists()
    counts = (NewsPage.objects.count(), EventPage.objects.count(), ThemePage.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        NewsPage.objects.count(),
        EventPage.objects.count(),
        ThemePage.objects.count(),
    ) == counts
