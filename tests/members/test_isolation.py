"""A member can never see or change another organisation's data: every member URL, tried
with another organisation's ids, answers 404 and changes nothing."""

import re

import pytest

from directory.models import ContactPerson, Opportunity, OrganisationPage
from members import urls as member_urls
from members.models import Membership

pytestmark = pytest.mark.django_db

ORG_ROUTES = [
    p for p in member_urls.urlpatterns if str(p.pattern).startswith("min-organisation/<id:org_id>/")
]


def fill(route: str, **ids) -> str:
    return "/" + re.sub(r"<id:(\w+)>", lambda m: str(ids[m.group(1)]), route)


def snapshot(org):
    page = OrganisationPage.objects.get(pk=org.pk)
    return (
        page.live,
        page.latest_revision_id,
        page.last_confirmed_at,
        list(ContactPerson.objects.filter(organisation=org).values()),
        list(Opportunity.objects.filter(organisation=org).values("pk", "title", "valid_until")),
        list(Membership.objects.filter(organisation=org).values_list("pk", flat=True)),
    )


def test_every_org_route_is_covered():
    names = {p.name for p in ORG_ROUTES}
    assert {"organisation", "listing", "contact_person", "opportunities", "opportunity_edit",
            "opportunity_delete", "colleagues", "colleague_remove", "privacy", "consent",
            "export", "removal", "confirm_current", "opportunity_add"} <= names  # fmt: skip


@pytest.mark.parametrize("route", ORG_ROUTES, ids=lambda p: p.name)
def test_another_organisations_ids_give_404(member_client, org, other_org, other_member, route):
    other_opportunity = other_org.opportunities.get()
    other_membership = Membership.objects.get(organisation=other_org)
    before = snapshot(other_org)
    path = fill(
        str(route.pattern),
        org_id=other_org.pk,
        opp_id=other_opportunity.pk,
        membership_id=other_membership.pk,
    )
    data = {
        "name": "Kapat", "email": "kapare@example.se", "kind": "publicera-organisation",
        "action": "ta-tillbaka", "title": "Kapat", "text": "Kapat inlägg.", "scope": "allt",
    }  # fmt: skip
    for method in (member_client.get, member_client.post):
        response = method(path, data)
        assert response.status_code == 404, f"{method.__name__.upper()} {path}"
        assert b"Annat Bolag" not in response.content
        assert b"olle@annat.example" not in response.content
    assert snapshot(other_org) == before


@pytest.mark.parametrize("name", ["opportunity_edit", "opportunity_delete", "colleague_remove"])
def test_own_organisation_with_another_organisations_objects_gives_404(
    member_client, org, other_org, other_member, name
):
    route = next(p for p in ORG_ROUTES if p.name == name)
    path = fill(
        str(route.pattern),
        org_id=org.pk,
        opp_id=other_org.opportunities.get().pk,
        membership_id=Membership.objects.get(organisation=other_org).pk,
    )
    before = snapshot(other_org)
    assert member_client.get(path).status_code in {404, 405}
    assert member_client.post(path, {"title": "Kapat"}).status_code == 404
    assert snapshot(other_org) == before


def test_unknown_and_odd_ids_are_404_not_500(member_client, org):
    for path in ["/min-organisation/0/", "/min-organisation/999999999/",
                 "/min-organisation/99999999999999999999/",
                 f"/min-organisation/{org.pk}/mojligheter/999999/",
                 "/min-organisation/abc/", "/min-organisation/%00/",
                 "/min-organisation/bekrafta/%00/", "/min-organisation/inbjudan/xyz/",
                 "/kontakta/99999999999999999999/", "/kontakta/0/mojlighet/abc/"]:  # fmt: skip
        response = member_client.get(path)
        assert response.status_code in {404, 410}, path
    response = member_client.post(f"/min-organisation/{org.pk}/kollegor/0/ta-bort/")
    assert response.status_code == 404


def test_a_staff_user_without_membership_sees_no_member_pages(client, org, secretary):
    client.force_login(secretary)
    assert client.get(f"/min-organisation/{org.pk}/").status_code == 404
    assert client.get("/min-organisation/").status_code == 403
