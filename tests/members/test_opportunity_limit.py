"""Min organisation › Samarbetsmöjligheter publish at once, so each organisation may publish
only so many a day; reaching the limit is said in Swedish and told to the secretariat once."""

import datetime

import pytest
from django.utils import timezone

from directory.models import Opportunity
from tests.members.conftest import mails_to

pytestmark = pytest.mark.django_db


def opportunity(n: int) -> dict:
    return {
        "kind": "behov",
        "title": f"Behov nummer {n}",
        "text": "Vi behöver hjälp att köra rötrest till lantbruk i Krokom.",
        "valid_until": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
    }


def limit_notices(settings):
    return [
        m for m in mails_to(settings.SECRETARIAT_EMAIL) if "Många samarbetsmöjligheter" in m.subject
    ]


def test_the_daily_limit_refuses_more_says_when_and_tells_the_secretariat_once(
    member_client, org, settings
):
    settings.MEMBERS_OPPORTUNITIES_PER_DAY = 3
    add = f"/min-organisation/{org.pk}/mojligheter/ny/"
    for n in range(3):
        assert member_client.post(add, opportunity(n)).status_code == 303
    response = member_client.post(add, opportunity(3))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Ni har lagt ut 3 nya samarbetsmöjligheter det senaste dygnet" in html
    assert "Nästa kan ni lägga ut" in html and "kontakta sekretariatet" in html
    assert 'value="Behov nummer 3"' in html, "what was typed is kept"
    assert Opportunity.objects.filter(organisation=org).count() == 3
    # The form says so before anything is typed; changing a published one still works.
    assert "Ni har lagt ut 3 nya" in member_client.get(add).content.decode()
    item = Opportunity.objects.filter(organisation=org).first()
    edit = f"/min-organisation/{org.pk}/mojligheter/{item.pk}/"
    assert "Ni har lagt ut" not in member_client.get(edit).content.decode()
    assert member_client.post(edit, opportunity(9)).status_code == 303
    # Trying again and again: the secretariat hears of it once.
    member_client.post(add, opportunity(4))
    (notice,) = limit_notices(settings)
    assert "Jämtbiogas AB" in notice.subject
    assert "/admin/snippets/directory/opportunity/" in notice.body
    assert f"/admin/pages/{org.pk}/edit/" in notice.body
    # A day later the organisation may publish again.
    earlier = timezone.now() - datetime.timedelta(hours=25)
    Opportunity.objects.filter(organisation=org).update(created_at=earlier)
    assert member_client.post(add, opportunity(5)).status_code == 303


def test_each_organisation_has_its_own_limit(
    member_client, org, other_org, settings, directory_index
):
    settings.MEMBERS_OPPORTUNITIES_PER_DAY = 1
    other_org.opportunities.update(created_at=timezone.now())  # other_org posted one today
    add = f"/min-organisation/{org.pk}/mojligheter/ny/"
    assert member_client.post(add, opportunity(0)).status_code == 303
    assert member_client.post(add, opportunity(1)).status_code == 429
