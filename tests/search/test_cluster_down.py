"""The search cluster is unreachable (SEARCH_URL points at a port where nothing listens):
searching says so kindly, publishing still works, and the index catches up afterwards."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from search.conf import search_backends
from search.models import PendingIndexUpdate
from tests.core.live import free_port
from tests.search.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["elasticsearch", "opensearch"])
def cluster_down(request, settings):
    """The production settings for a cluster at a dead port (nothing listens there)."""
    database_backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        search_url=f"http://127.0.0.1:{free_port()}", backend=request.param, timeout=2
    )

    def back_up():
        # The cluster is back. Here: the database backend stands in for it, as no cluster
        # runs in the tests; what it then finds shows what was replayed.
        settings.WAGTAILSEARCH_BACKENDS = database_backends

    return back_up


def test_the_search_page_answers_with_a_friendly_message(client, home_page, cluster_down):
    response = client.get(reverse("search:search"), {"q": "klimat"})
    assert response.status_code == 200
    assert "Sökningen kunde inte göras just nu" in response.content.decode()


def test_autocomplete_answers_with_no_suggestions(client, home_page, cluster_down):
    response = client.get(reverse("search:autocomplete"), {"q": "klim"})
    assert response.status_code == 200
    assert json.loads(response.content) == {"results": []}


def test_publishing_works_and_the_index_catches_up_when_the_cluster_is_back(
    client, home_page, cluster_down
):
    page = add_page(home_page, "Laddstolpar i Strömsund", intro="Nya laddstolpar vid torget.")
    gone = add_page(home_page, "Gammal kampanj om vedeldning")
    gone_id = gone.pk
    gone.delete()

    assert client.get(page.url).status_code == 200  # published and served
    pending = {int(p.object_id) for p in PendingIndexUpdate.objects.all()}
    assert {page.pk, gone_id} <= pending

    call_command("retry_search_index")  # still down: nothing is lost
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).get().attempts >= 2

    cluster_down()
    get_search_backend().delete(page)  # whatever the stand-in knew before is gone
    call_command("retry_search_index")
    assert not PendingIndexUpdate.objects.exists()
    found = client.get(reverse("search:search"), {"q": "laddstolpar"}).context["hits"]
    assert [hit.url for hit in found] == [page.url]
    assert not client.get(reverse("search:search"), {"q": "vedeldning"}).context["hits"]
