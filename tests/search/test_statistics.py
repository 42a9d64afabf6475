"""Weekly search statistics: counted without personal data, shown to staff."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Page

from search.models import MAX_STORED_QUERY_LENGTH, WeeklyQuery
from search.query import SearchQuery
from search.stats import KEEP_WEEKS, is_bot, prune, record_search, week_of

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"


def search(client, user_agent=BROWSER, **params):
    return client.get(reverse("search:search"), params, HTTP_USER_AGENT=user_agent)


def test_a_search_is_counted_per_week_with_its_hits(db, client, make_page):
    make_page("Biogas i länet")
    search(client, q="Biogas")
    search(client, q="  biogas!! ")
    search(client, q="vätgas")
    rows = {row.query: row for row in WeeklyQuery.objects.all()}
    assert rows["biogas"].searches == 2 and rows["biogas"].hits == 1
    assert rows["biogas"].searches_without_hits == 0
    assert rows["vätgas"].searches_without_hits == 1 and rows["vätgas"].hits == 0
    assert rows["biogas"].week == week_of(datetime.date.today())
    assert rows["biogas"].week.weekday() == 0


def test_nothing_personal_is_stored(db, client, home_page):
    search(client, q="anna.svensson@example.se")
    search(client, q="19800101-1234")
    search(client, q="ring 070-123 45 67")
    assert not WeeklyQuery.objects.exists()
    fields = {field.name for field in WeeklyQuery._meta.get_fields()}
    assert fields == {"id", "week", "query", "searches", "searches_without_hits", "hits"}


@pytest.mark.parametrize(
    "user_agent",
    ["", "Googlebot/2.1", "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5", "python-requests"],
)
def test_bots_are_not_counted(db, client, home_page, user_agent):
    search(client, user_agent=user_agent, q="biogas")
    assert not WeeklyQuery.objects.exists()
    assert is_bot(user_agent)


def test_follow_up_views_of_the_same_search_are_not_counted_again(db, client, make_page):
    make_page("Biogas i länet")
    search(client, q="biogas")
    search(client, q="biogas", page=2)
    search(client, q="biogas", typ="sidor")
    assert WeeklyQuery.objects.get().searches == 1


def test_head_requests_are_not_counted(db, client, home_page):
    client.head(reverse("search:search"), {"q": "biogas"}, HTTP_USER_AGENT=BROWSER)
    assert not WeeklyQuery.objects.exists()


def test_long_queries_are_capped(db):
    record_search(SearchQuery.from_input("klimat " * 50), hits=3, user_agent=BROWSER)
    assert len(WeeklyQuery.objects.get().query) <= MAX_STORED_QUERY_LENGTH


def test_empty_and_stop_word_queries(db, client, home_page):
    search(client, q="")
    search(client, q='"')
    assert not WeeklyQuery.objects.exists()
    search(client, q="och att")  # a real search that can find nothing: counted as such
    assert WeeklyQuery.objects.get().searches_without_hits == 1


def test_old_weeks_are_pruned(db):
    today = datetime.date(2026, 11, 25)
    old = week_of(today) - datetime.timedelta(weeks=KEEP_WEEKS + 1)
    WeeklyQuery.objects.create(week=old, query="gammal", searches=1)
    WeeklyQuery.objects.create(week=week_of(today), query="ny", searches=1)
    assert prune(today) == 1
    assert list(WeeklyQuery.objects.values_list("query", flat=True)) == ["ny"]


def test_staff_see_top_and_no_hit_queries_per_week(db, client, django_user_model):
    this_week = week_of(datetime.date.today())
    last_week = this_week - datetime.timedelta(weeks=1)
    WeeklyQuery.objects.create(week=this_week, query="biogas", searches=12, hits=4)
    WeeklyQuery.objects.create(
        week=this_week, query="laddstolpe åre", searches=5, searches_without_hits=5
    )
    WeeklyQuery.objects.create(week=last_week, query="vindkraft", searches=3, hits=2)
    user = django_user_model.objects.create_user("redaktor", password="x" * 12)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_weeklyquery"),
    )
    client.force_login(user)
    url = reverse("search_statistics")
    html = client.get(url).content.decode()
    assert "Vanligaste sökningarna" in html and "biogas" in html
    assert html.index("Sökningar som inte hittade något") < html.index(
        ">laddstolpe åre<", html.index("Sökningar som inte hittade något")
    )
    assert "17 sökningar med 2 olika sökord. 5 av sökningarna gav inga träffar." in html
    assert "vindkraft" not in html
    older = client.get(url, {"vecka": last_week.isoformat()}).content.decode()
    assert "vindkraft" in older and "biogas" not in older
    # The admin menu leads there.
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_needs_the_permission(db, client, django_user_model):
    user = django_user_model.objects.create_user("skribent", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("search_statistics"))
    assert response.status_code in (302, 403)
    assert (
        reverse("search_statistics")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert Page.objects.exists()


@pytest.mark.parametrize("group", ["Sekretariat", "Redaktör"])
def test_editors_groups_reach_the_statistics_and_the_promotions(
    db, client, django_user_model, group
):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(f"user-{group}", password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    assert client.get(reverse("search_statistics")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code == 200
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200
