"""Staff two-factor sign-in with STAFF_2FA_REQUIRED on, as in production.

`staff` is a Redaktör with a password and nothing else; `with_app(user)` gives someone an
authenticator app, `code_for(device)` is what the app shows, and `pass_second_step`
signs a client in as a person would: password, then a code.
"""

import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Fjällbjörk-2030!"
ADMIN_LOGIN = "/admin/login/"
VERIFY = "/admin/tvastegsverifiering/verifiera/"
SETUP = "/admin/tvastegsverifiering/aktivera/"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.STAFF_2FA_REQUIRED = True
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_staff(django_user_model, username, group="Redaktör", **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@klimatradet.example", PASSWORD, first_name=username.title(), **extra
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff(django_user_model, home_page):
    return make_staff(django_user_model, "rebecka")


@pytest.fixture
def secretary(django_user_model, home_page):
    return make_staff(django_user_model, "sven", group="Sekretariat")


def with_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=True)


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def password_login(client, user):
    response = client.post(ADMIN_LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password is right"
    return response


def pass_second_step(client, user):
    """Password, then a code from a (new) app: the session may use the admin."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or with_app(user)
    password_login(client, user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return device
