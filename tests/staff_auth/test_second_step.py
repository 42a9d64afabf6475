"""A staff password alone opens no admin page; a code from the app or a backup code does,
once each, and then the page that was asked for. Members are never asked."""

from django_otp.plugins.otp_static.models import StaticToken

from staff_auth.devices import new_backup_codes
from tests.staff_auth.conftest import SETUP, VERIFY, code_for, password_login, with_app


def admin_urls(home_page):
    return [
        "/admin/",
        f"/admin/pages/{home_page.pk}/edit/",
        "/admin/api/main/pages/?child_of=root",
        "/admin/choose-page/",
        "/admin/reports/site-history/",
        "/admin/account/",
        "/admin/tvastegsverifiering/",
    ]


def test_a_password_alone_reaches_no_admin_page(client, staff, home_page):
    with_app(staff)
    password_login(client, staff)
    for url in admin_urls(home_page):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url
        assert "api" not in url or b"items" not in response.content
    response = client.post(f"/admin/pages/{home_page.pk}/edit/", {"title": "Kapad"})
    assert response["Location"].startswith(VERIFY)
    home_page.refresh_from_db()
    assert home_page.title != "Kapad"


def test_the_app_code_opens_the_page_that_was_asked_for(client, staff, home_page):
    device = with_app(staff)
    password_login(client, staff)
    edit_url = f"/admin/pages/{home_page.pk}/edit/"
    to_step = client.get(edit_url)["Location"]
    page = client.get(to_step)
    assert page.status_code == 200
    assert "Bekräfta att det är du" in page.content.decode()
    response = client.post(VERIFY, {"code": code_for(device), "next": edit_url})
    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert client.get(edit_url).status_code == 200
    assert client.get("/admin/api/main/pages/?child_of=root").status_code == 200


def test_next_pointing_elsewhere_is_ignored(client, staff, home_page):
    device = with_app(staff)
    password_login(client, staff)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_a_wrong_code_is_refused_with_a_swedish_message(client, staff, home_page):
    device = with_app(staff)
    password_login(client, staff)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong, "next": "/admin/"})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_backup_code_works_once(client, staff, home_page):
    with_app(staff)
    codes = new_backup_codes(staff)
    assert len(codes) == 10
    password_login(client, staff)
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Du har 9 kvar" in response.content.decode()
    assert StaticToken.objects.filter(device__user=staff).count() == 9

    client.logout()
    password_login(client, staff)
    response = client.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert response.status_code == 400, "a used backup code is spent"
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_session_that_passed_keeps_going_until_logout(client, staff, home_page):
    device = with_app(staff)
    password_login(client, staff)
    client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    password_login(client, staff)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_members_and_the_public_site_are_not_asked(client, django_user_model, home_page):
    member = django_user_model.objects.create_user("medlem", "m@example.se", "x-pw-123456")
    client.force_login(member)
    response = client.get("/admin/")
    assert not response["Location"].startswith(VERIFY), "Wagtail's own refusal, not our step"
    assert client.get("/").status_code == 200


def test_superusers_without_a_device_are_sent_to_set_one_up(client, django_user_model, home_page):
    admin = django_user_model.objects.create_superuser("chef", "c@example.se", "x-pw-123456")
    client.force_login(admin)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert client.get(VERIFY)["Location"].startswith(SETUP)


def test_off_means_the_password_is_enough(client, staff, home_page, settings):
    settings.STAFF_2FA_REQUIRED = False
    with_app(staff)
    password_login(client, staff)
    assert client.get("/admin/").status_code == 200


def test_the_step_pages_keep_the_strict_content_security_policy(client, staff, home_page):
    with_app(staff)
    password_login(client, staff)
    policy = client.get(VERIFY)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self'" in policy
