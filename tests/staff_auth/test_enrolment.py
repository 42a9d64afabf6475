"""A staff member without a device sets one up right after the password: QR code or key,
a code to confirm, ten backup codes shown once. Their own devices page never lets them
remove the last app or passkey."""

import re

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.models import ModelLogEntry

from tests.staff_auth.conftest import (
    SETUP,
    VERIFY,
    code_for,
    pass_second_step,
    password_login,
)

BACKUP_CODES = "/admin/tvastegsverifiering/reservkoder/"
OWN_DEVICES = "/admin/tvastegsverifiering/"


def add_passkey(user, name="Nyckel i datorn"):
    return WebAuthnCredential.objects.create(
        user=user, name=name, credential_id=b"id-" + name.encode(), public_key=b"cose-key"
    )


def test_first_sign_in_sets_up_an_app_and_shows_backup_codes_once(client, staff, home_page):
    password_login(client, staff)
    edit_url = f"/admin/pages/{home_page.pk}/edit/"
    response = client.get(client.get(edit_url)["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    html = response.content.decode()
    assert "Aktivera tvåstegsverifiering" in html
    assert "<svg" in html and "qr-code__image" in html, "the QR code is inline SVG"
    assert "style=" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    shown_key = re.search(r'id="app-key"[^>]*>([A-Z2-7 ]+)<', html).group(1)

    pending = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert shown_key.replace(" ", "") in pending.config_url
    assert client.get("/admin/")["Location"].startswith(VERIFY), "not in before confirming"

    response = client.post(SETUP, {"code": "000000", "next": edit_url})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.content.decode()

    pending.throttle_reset()
    response = client.post(SETUP, {"code": code_for(pending), "next": edit_url})
    assert response["Location"].startswith(BACKUP_CODES)
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)
    )
    assert f'href="{edit_url}"' in codes_page.content.decode()
    assert client.get(response["Location"])["Location"] == edit_url, "shown once"
    assert client.get(edit_url).status_code == 200
    assert ModelLogEntry.objects.filter(
        action="staff_auth.add_app", object_id=str(staff.pk)
    ).exists()


def test_someone_with_a_device_cannot_set_up_another_before_the_second_step(client, staff):
    pass_second_step(client, staff)
    client.post("/admin/logout/")
    password_login(client, staff)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    response = client.post("/admin/tvastegsverifiering/nyckel/registrering/start/")
    assert response.status_code == 403


def test_the_last_app_or_passkey_cannot_be_removed(client, staff):
    app = pass_second_step(client, staff)
    page = client.get(OWN_DEVICES).content.decode()
    assert "Din enda app eller nyckel kan inte tas bort" in page
    response = client.post(OWN_DEVICES, {"device": app.persistent_id}, follow=True)
    assert "Du kan inte ta bort din enda app eller nyckel" in response.content.decode()
    assert TOTPDevice.objects.filter(pk=app.pk).exists()

    passkey = add_passkey(staff)
    client.post(OWN_DEVICES, {"device": app.persistent_id})
    assert not TOTPDevice.objects.filter(pk=app.pk).exists(), "with a passkey, the app may go"
    response = client.post(OWN_DEVICES, {"device": passkey.persistent_id}, follow=True)
    assert "Du kan inte ta bort din enda app eller nyckel" in response.content.decode()
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_someone_elses_device_is_not_found(client, staff, secretary):
    pass_second_step(client, staff)
    other = add_passkey(secretary)
    assert client.post(OWN_DEVICES, {"device": other.persistent_id}).status_code == 404


def test_new_backup_codes_replace_the_old_ones(client, staff):
    pass_second_step(client, staff)
    response = client.post(OWN_DEVICES, {"action": "new_backup_codes"}, follow=True)
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=staff).count() == 10
    assert client.get(OWN_DEVICES).status_code == 200
