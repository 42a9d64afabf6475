"""The membership demo content, and the cookie settings production runs with."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from directory.models import OrganisationPage
from members.models import (
    ApplicationStatus,
    ContactMessage,
    Membership,
    MembershipApplication,
    MembershipApplicationPage,
)

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def seeded(db, monkeypatch, tmp_path, settings):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-member-password")
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())


def test_seed_demo_adds_the_form_a_member_and_work_for_the_secretariat(seeded, client):
    join = MembershipApplicationPage.objects.live().get()
    assert join.url == "/ga-med/ansokan/"
    assert 'href="/ga-med/ansokan/"' in client.get("/ga-med/").content.decode()
    assert client.get("/ga-med/ansokan/").status_code == 200
    member = Membership.objects.select_related("user", "organisation").get()
    assert member.organisation.slug == "jamtbiogas-ab"
    response = client.post(
        "/min-organisation/logga-in/",
        {"email": member.user.email, "password": "demo-member-password"},
    )
    assert response.status_code == 303
    pending = MembershipApplication.objects.filter(status=ApplicationStatus.SUBMITTED)
    assert pending.count() == 2
    for application in pending:
        page = OrganisationPage.objects.get(pk=application.organisation_id)
        assert not page.live
        state = WorkflowState.objects.for_instance(page).get()
        assert state.workflow.name == "Medlemsansökan"
    assert MembershipApplication.objects.filter(status=ApplicationStatus.UNCONFIRMED).count() == 1
    assert ContactMessage.objects.count() > 10


def test_seed_demo_is_idempotent_for_members(seeded):
    counts = (
        MembershipApplication.objects.count(),
        ContactMessage.objects.count(),
        Membership.objects.count(),
    )
    call_command("seed_demo", stdout=io.StringIO())
    assert (
        MembershipApplication.objects.count(),
        ContactMessage.objects.count(),
        Membership.objects.count(),
    ) == counts


def test_production_cookies_are_secure_httponly_and_lax():
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64 + "-production-like-random-key-for-the-check",
        "ALLOWED_HOSTS": "klimatradet.example",
        "DATABASE_URL": "sqlite:////tmp/check-cookies.sqlite3",
        "SITE_URL": "https://klimatradet.example",
    }
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE, "
        "s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE, s.MESSAGE_STORAGE, "
        "s.TRUSTED_PROXY_COUNT)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-8:] == [
        "True", "True", "Lax", "True", "True", "Lax",
        "django.contrib.messages.storage.session.SessionStorage", "1",
    ]  # fmt: skip
