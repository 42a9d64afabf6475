"""The editors' workflow in the real admin: Redaktör submits, Sekretariat approves, it goes live.

Also scheduled publishing: go_live_at / expire_at, carried out by publish_scheduled (which
`manage.py run_periodic` runs every minute in production).
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage
from tests.news.factories import NewsPageFactory
from themes.models import Theme


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="pw-redaktor-123")
    user.groups.add(Group.objects.get(name="Redaktör"))
    return user


@pytest.fixture
def secretary(django_user_model):
    user = django_user_model.objects.create_user("sekretariat", password="pw-sekr-123")
    user.groups.add(Group.objects.get(name="Sekretariat"))
    return user


def news_form(title="Biogas för tunga transporter", slug="biogas", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Fler vill tanka biogas.",
            "body": streamfield([("paragraph", rich_text("<p>Producenter och åkerier.</p>"))]),
            "themes": Theme.objects.get(name="Energiomställning").pk,
            "tags": "biogas",
            "related_links": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M")


def approve(client, page):
    state = page.current_workflow_task_state
    assert state is not None, "the page is waiting for approval"
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/", {"comment": ""}
    )
    assert response.status_code in {200, 302}


@pytest.mark.django_db
def test_migration_sets_up_the_review_workflow_on_the_whole_tree():
    workflow = Workflow.objects.get(name="Granskning")
    assert workflow.active
    root = Page.get_first_root_node()
    assert root.get_workflow() == workflow
    [task] = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == ["Sekretariat"]
    editors, secretariat = Group.objects.get(name="Redaktör"), Group.objects.get(name="Sekretariat")
    editor_perms = {p.permission.codename for p in editors.page_permissions.filter(page=root)}
    secretariat_perms = {p.permission.codename for p in secretariat.page_permissions.all()}
    assert "publish_page" not in editor_perms
    assert {"add_page", "change_page"} <= editor_perms
    assert {"add_page", "change_page", "publish_page"} <= secretariat_perms
    for group in (editors, secretariat):
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.collection_permissions.filter(permission__codename="add_image").exists()


@pytest.mark.django_db
def test_submit_approve_live_through_the_admin(client, news_index, editor, secretary):
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        news_form(**{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="biogas")
    assert not page.live
    assert page.workflow_in_progress
    assert client.get("/nyheter/biogas/").status_code == 404

    # The editor cannot publish, however they ask.
    client.post(f"/admin/pages/{page.pk}/edit/", news_form(**{"action-publish": "action-publish"}))
    page.refresh_from_db()
    assert not page.live

    # The secretariat sees the page waiting and approves it: it goes live.
    client.force_login(secretary)
    assert "Biogas för tunga transporter" in client.get("/admin/").content.decode()
    approve(client, page)
    page.refresh_from_db()
    assert page.live
    assert page.date == timezone.localdate()
    assert (
        WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk)).status
        == "approved"
    )
    client.logout()
    html = client.get(page.url).content.decode()
    assert "Biogas för tunga transporter" in html


@pytest.mark.django_db
def test_the_secretariat_can_send_news_back_for_changes(client, news_index, editor, secretary):
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        news_form(**{"action-submit": "action-submit"}),
    )
    page = NewsPage.objects.get(slug="biogas")
    client.force_login(secretary)
    state = page.current_workflow_task_state
    client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{state.pk}/",
        {"comment": "Lägg till en bild, tack."},
    )
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"


@pytest.mark.django_db
def test_scheduled_news_goes_live_when_publish_scheduled_runs(
    client, news_index, editor, secretary, monkeypatch, settings
):
    """The editor schedules, the secretariat approves: it waits until its time, then goes live."""
    settings.PERIODIC_COMMANDS = [("publish_scheduled", 60)]  # other apps' commands are theirs
    go_live = timezone.now() + datetime.timedelta(hours=2)
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        news_form(go_live_at=local(go_live), **{"action-submit": "action-submit"}),
    )
    page = NewsPage.objects.get(slug="biogas")
    client.force_login(secretary)
    approve(client, page)
    page.refresh_from_db()
    assert not page.live, "approved, but scheduled for later"
    assert Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "not yet its time"

    # Two hours and a minute pass; the periodic runner does its round.
    real_now = timezone.now
    later = datetime.timedelta(hours=2, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + later)
    call_command("run_periodic", "--once")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_expired_news_is_unpublished_by_publish_scheduled(client, news_index):
    page = NewsPageFactory(parent=news_index, slug="tillfallig")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save_revision().publish()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/nyheter/tillfallig/").status_code == 404


@pytest.mark.django_db
def test_only_the_secretariat_changes_a_contact_shown_on_live_news(
    client, news_index, editor, secretary
):
    """A contact appears on every news page that names it; a change would go live on all
    of them without review. Redaktör may add contacts (shown only on pages Sekretariat
    approves) but not change them."""
    from news.models import NewsContact

    contact = NewsContact.objects.create(name="Anna Andersson", phone="063-14 60 00")
    NewsPageFactory(parent=news_index, slug="med-kontakt", contact=contact)
    edit_url = f"/admin/snippets/news/newscontact/edit/{contact.pk}/"
    changed = {"name": "Anna Andersson", "phone": "0900-123 456 (betalsamtal)"}

    client.force_login(editor)
    assert client.get(edit_url).status_code != 200
    client.post(edit_url, changed)
    contact.refresh_from_db()
    assert contact.phone == "063-14 60 00"
    assert "063-14 60 00" in client.get("/nyheter/med-kontakt/").text
    response = client.post("/admin/snippets/news/newscontact/add/", {"name": "Ny Kontakt"})
    assert response.status_code == 302
    assert NewsContact.objects.filter(name="Ny Kontakt").exists()

    client.force_login(secretary)
    assert client.get(edit_url).status_code == 200
    assert client.post(edit_url, {**changed, "phone": "063-14 60 01"}).status_code == 302
    contact.refresh_from_db()
    assert contact.phone == "063-14 60 01"
