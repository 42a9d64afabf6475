"""Guessing passwords at the admin login and the member login (Min organisation) stops:
failed attempts are counted per account and per address, and a locked-out visitor gets
the login form again with a Swedish explanation instead of a bare error page."""

import re

import pytest
from django.core.cache import cache

from core.admin_login import FAILURES_PER_ACCOUNT, FAILURES_PER_IP
from members.ratelimit import LOGIN_FAILURES_PER_IP

PASSWORD = "rätt-lösenord-för-test"
LOCKED_OUT = "För många misslyckade inloggningar"
ADMIN_LOGIN = "/admin/login/"
MEMBER_LOGIN = "/min-organisation/logga-in/"


@pytest.fixture(autouse=True)
def _empty_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "red@example.se", PASSWORD)


def admin_login(client, username, password, ip="192.0.2.10"):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def assert_login_form_with_lockout_message(response):
    html = response.content.decode()
    assert LOCKED_OUT in html
    assert 'name="password"' in html, "the login form is shown again"
    assert 'rel="stylesheet"' in html, "a styled page, not a bare error"


def test_admin_account_is_locked_after_repeated_failures(client, editor, home_page):
    for _ in range(FAILURES_PER_ACCOUNT.limit):
        response = admin_login(client, "redaktor", "fel-lösenord")
        assert LOCKED_OUT not in response.content.decode()
    # Even the right password is refused now, from any address.
    response = admin_login(client, "Redaktor", PASSWORD, ip="198.51.100.7")
    assert_login_form_with_lockout_message(response)
    assert "_auth_user_id" not in client.session


def test_admin_lockout_of_one_account_leaves_the_others_alone(
    client, editor, django_user_model, home_page
):
    django_user_model.objects.create_superuser("sekreterare", "sek@example.se", PASSWORD)
    for _ in range(FAILURES_PER_ACCOUNT.limit):
        admin_login(client, "redaktor", "fel-lösenord")
    response = admin_login(client, "sekreterare", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_admin_address_is_locked_after_failures_across_many_accounts(client, editor, home_page):
    for attempt in range(FAILURES_PER_IP.limit):
        admin_login(client, f"gissning{attempt}", "fel-lösenord", ip="203.0.113.5")
    response = admin_login(client, "redaktor", PASSWORD, ip="203.0.113.5")
    assert_login_form_with_lockout_message(response)
    assert "_auth_user_id" not in client.session
    # The same account from another address still gets in.
    response = admin_login(client, "redaktor", PASSWORD, ip="192.0.2.99")
    assert response.status_code == 302


def test_member_login_address_is_locked_after_failures_across_many_accounts(client, home_page):
    for attempt in range(LOGIN_FAILURES_PER_IP.limit):
        client.post(
            MEMBER_LOGIN,
            {"email": f"gissning{attempt}@example.se", "password": "fel"},
            REMOTE_ADDR="203.0.113.6",
        )
    response = client.post(
        MEMBER_LOGIN,
        {"email": "ny@example.se", "password": "fel"},
        REMOTE_ADDR="203.0.113.6",
    )
    assert response.status_code == 429
    assert_login_form_with_lockout_message(response)
    response = client.post(
        MEMBER_LOGIN,
        {"email": "ny@example.se", "password": "fel"},
        REMOTE_ADDR="192.0.2.98",
    )
    assert LOCKED_OUT not in response.content.decode()


def test_admin_password_reset_mails_are_limited_without_telling(client, editor, home_page):
    from django.core import mail

    from core.ratelimit import RESET_PER_EMAIL

    for _ in range(RESET_PER_EMAIL.limit + 2):
        response = client.post("/admin/password_reset/", {"email": editor.email})
        assert response.status_code == 302  # the same answer every time
        assert response["Location"].endswith("/admin/password_reset/done/")
    assert len([m for m in mail.outbox if editor.email in m.to]) == RESET_PER_EMAIL.limit


def test_the_admin_login_form_labels_its_fields_in_swedish(client, home_page):
    """Wagtail's own login form leaves the password field without a label, which Django
    then names "Password" after the field."""
    html = client.get(ADMIN_LOGIN).content.decode()
    labels = {
        field: re.search(rf'<label[^>]*for="id_{field}"[^>]*>\s*([^<]*?)\s*<', html).group(1)
        for field in ("username", "password")
    }
    assert labels == {"username": "Användarnamn", "password": "Lösenord"}
