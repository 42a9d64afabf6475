def test_public_pages_carry_a_strict_content_security_policy(client, home_page):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].split()[0] == "'self'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"


def test_public_pages_carry_the_other_security_headers(client, home_page):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_anonymous_visitors_get_no_cookies(client, home_page):
    """No consent banner is needed because nothing is stored (LEK 9 kap. 28 §)."""
    for path in ["/", "/sok/?q=klimat", "/finns-inte/"]:
        response = client.get(path)
        assert not response.cookies, f"{path} set {list(response.cookies)}"


def test_admin_gets_its_own_policy_that_wagtail_widgets_need(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]
    assert "gravatar" not in response.content.decode()


def test_the_admin_login_keeps_the_strict_policy_even_for_a_logged_in_member(
    client, django_user_model, home_page
):
    """'unsafe-inline' is for users with admin access only."""
    for path in ["/admin/login/", "/admin/password_reset/"]:
        assert "unsafe-inline" not in client.get(path)["Content-Security-Policy"]
    member = django_user_model.objects.create_user("medlem", "m@example.se", "pw-medlem-123")
    client.force_login(member)
    response = client.get("/admin/login/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
