"""Lost phone: the secretariat resets, the audit log records it, the person gets a
single-use link by e-mail, and only that link (not the password alone) lets them enrol."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from mail.models import OutgoingEmail
from staff_auth.devices import new_backup_codes
from staff_auth.models import TwoFactorReset
from tests.staff_auth.conftest import (
    PASSWORD,
    SETUP,
    VERIFY,
    code_for,
    make_staff,
    pass_second_step,
    password_login,
    with_app,
)

STAFF_LIST = "/admin/tvastegsverifiering/personal/"


def link_in(text: str) -> str:
    """The path of the enrolment link in a mail's text."""
    return urlsplit(re.search(r"http://\S+/lank/\S+/", text).group(0)).path


def reset_url(user):
    return f"/admin/tvastegsverifiering/personal/{user.pk}/aterstall/"


@pytest.fixture
def secretary_client(client, secretary):
    pass_second_step(client, secretary)
    return client


def test_secretariat_resets_and_the_person_enrols_again_through_the_link(
    secretary_client, staff, secretary
):
    with_app(staff)
    new_backup_codes(staff)
    listing = secretary_client.get(STAFF_LIST).content.decode()
    assert "Rebecka" in listing and reset_url(staff) in listing
    assert reset_url(secretary) not in listing, "not oneself"

    confirm = secretary_client.get(reset_url(staff))
    assert "rebecka@klimatradet.example" in confirm.content.decode()
    response = secretary_client.post(reset_url(staff), follow=True)
    assert "är återställd" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    entry = ModelLogEntry.objects.get(action="staff_auth.reset", object_id=str(staff.pk))
    assert entry.user_id == secretary.pk

    email = OutgoingEmail.objects.get(template="staff_auth/email/staff_2fa_reset")
    assert email.to == "rebecka@klimatradet.example"
    assert len(mail.outbox) == 1
    link_path = link_in(email.body_text)

    # The password alone: no device, and no way to get one.
    person = Client()
    password_login(person, staff)
    response = person.get(person.get("/admin/")["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    assert "Öppna länken i e-postmeddelandet" in response.content.decode()
    assert "<svg" not in response.content.decode()
    assert person.post(SETUP, {"code": "123456"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=staff).exists()
    begin = person.post("/admin/tvastegsverifiering/nyckel/registrering/start/")
    assert begin.status_code == 403

    # The link, opened while logged in, lets this session enrol.
    response = person.get(link_path)
    assert response["Location"] == SETUP
    setup = person.get(SETUP)
    assert "<svg" in setup.content.decode()
    pending = TOTPDevice.objects.get(user=staff, confirmed=False)
    response = person.post(SETUP, {"code": code_for(pending), "next": "/admin/"})
    assert response.status_code == 302
    assert person.get("/admin/").status_code == 200
    assert not TwoFactorReset.objects.filter(user=staff).exists()

    # Single use.
    again = Client()
    password_login(again, staff)
    response = again.get(link_path)
    assert response.status_code == 400
    assert "redan använts" in response.content.decode()


def test_a_link_for_someone_else_does_not_open(secretary_client, staff, django_user_model):
    other = make_staff(django_user_model, "olle")
    with_app(staff)
    secretary_client.post(reset_url(staff))
    link_path = link_in(
        OutgoingEmail.objects.get(template="staff_auth/email/staff_2fa_reset").body_text
    )
    intruder = Client()
    password_login(intruder, other)
    response = intruder.get(link_path)
    assert response.status_code == 400
    assert "annat konto" in response.content.decode()
    assert TwoFactorReset.objects.get(user=staff).nonce, "still usable by its owner"


@pytest.mark.parametrize("token", ["x", "a" * 300, "%00", "Zm9vLjEuYmFy"])
def test_a_broken_link_gives_a_message_not_an_error(client, staff, token):
    password_login(client, staff)
    response = client.get(f"/admin/tvastegsverifiering/lank/{token}/")
    assert response.status_code == 400
    assert "Länken" in response.content.decode()


def test_only_a_superuser_resets_a_superuser(secretary_client, django_user_model):
    chief = django_user_model.objects.create_superuser("chef", "chef@example.se", "x-pw-123456")
    with_app(chief)
    assert reset_url(chief) not in secretary_client.get(STAFF_LIST).content.decode()
    secretary_client.post(reset_url(chief))
    assert TOTPDevice.objects.filter(user=chief).exists()

    other_chief = django_user_model.objects.create_superuser("chef2", "c2@example.se", PASSWORD)
    boss = Client()
    pass_second_step(boss, other_chief)
    assert reset_url(chief) in boss.get(STAFF_LIST).content.decode()
    boss.post(reset_url(chief))
    assert not TOTPDevice.objects.filter(user=chief).exists()
    assert boss.post(reset_url(other_chief)).status_code == 302, "not oneself"
    assert TOTPDevice.objects.filter(user=other_chief).exists()


def test_an_account_without_e_mail_is_not_reset(secretary_client, django_user_model):
    person = make_staff(django_user_model, "utanpost")
    person.email = ""
    person.save()
    with_app(person)
    response = secretary_client.post(reset_url(person), follow=True)
    assert "saknar e-postadress" in response.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()


def test_editors_cannot_reset(client, staff, secretary):
    pass_second_step(client, staff)
    with_app(secretary)
    response = client.get(STAFF_LIST)
    assert response.status_code == 302 and VERIFY not in response["Location"]
    client.post(reset_url(secretary))
    assert TOTPDevice.objects.filter(user=secretary).exists()
