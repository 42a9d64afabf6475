"""Guessing codes stops: five wrong codes lock code entry for 15 minutes from the fifth,
with a Swedish message saying so, and not even the right code gets in meanwhile. Codes
never reach a log line or an error report."""

import datetime
import logging

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_auth.devices import new_backup_codes
from staff_auth.throttle import MAX_WRONG_CODES, WRONG_CODES_PER_ADDRESS
from tests.staff_auth.conftest import VERIFY, code_for, make_staff, password_login, with_app

LOCKED = "För många felaktiga koder"


def wrong_code(device):
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def let_time_pass(user, seconds):
    """As if `seconds` had passed since the last wrong code (django-otp keeps its time)."""
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, throttling_failure_timestamp__isnull=False):
            device.throttling_failure_timestamp -= datetime.timedelta(seconds=seconds)
            device.save(update_fields=["throttling_failure_timestamp"])


def post(client, code):
    return client.post(VERIFY, {"code": code, "next": "/admin/"})


@pytest.fixture
def locked_out(client, staff):
    device = with_app(staff)
    new_backup_codes(staff)
    password_login(client, staff)
    for attempt in range(MAX_WRONG_CODES):
        response = post(client, wrong_code(device) if attempt % 2 else "fel-reservkod")
        # django-otp's own back-off: a moment between attempts, as a person types.
        let_time_pass(staff, 2**attempt)
    return device, response


def test_five_wrong_codes_lock_code_entry_for_fifteen_minutes(client, staff, locked_out):
    device, fifth = locked_out
    assert fifth.status_code == 400
    assert LOCKED in fifth.content.decode()
    assert "15 minuter" in fifth.content.decode()

    # The right code is refused while the lock lasts, and the page says why on arrival.
    response = post(client, code_for(device))
    assert LOCKED in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert LOCKED in client.get(VERIFY).content.decode()

    let_time_pass(staff, 14 * 60)
    response = post(client, code_for(device))
    assert LOCKED in response.content.decode(), "still locked after 14 minutes"

    let_time_pass(staff, 61)
    response = post(client, code_for(device))
    assert response.status_code == 302, "open again after 15 minutes"
    assert client.get("/admin/").status_code == 200


def test_the_back_off_between_single_wrong_codes_is_django_otps(client, staff):
    device = with_app(staff)
    password_login(client, staff)
    post(client, wrong_code(device))
    response = post(client, code_for(device))
    assert "Vänta några sekunder" in response.content.decode()
    let_time_pass(staff, 2)
    assert post(client, code_for(device)).status_code == 302


def test_a_right_code_starts_the_count_again(client, staff):
    device = with_app(staff)
    password_login(client, staff)
    for _ in range(MAX_WRONG_CODES - 1):
        post(client, wrong_code(device))
        let_time_pass(staff, 60)
    assert post(client, code_for(device)).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_one_address_cannot_work_through_many_accounts(client, django_user_model, home_page):
    for _ in range(WRONG_CODES_PER_ADDRESS.limit):
        WRONG_CODES_PER_ADDRESS.hit("127.0.0.1")
    person = make_staff(django_user_model, "gissad")
    device = with_app(person)
    password_login(client, person)
    response = post(client, code_for(device))
    assert "från din adress" in response.content.decode()


def test_codes_are_never_logged(client, staff, caplog):
    with_app(staff)
    codes = new_backup_codes(staff)
    password_login(client, staff)
    with caplog.at_level(logging.DEBUG):
        post(client, "713705")
        let_time_pass(staff, 5)
        response = post(client, codes[3])
    assert response.status_code == 302
    logged = "\n".join(f"{record.getMessage()} {vars(record)}" for record in caplog.records)
    assert "713705" not in logged and codes[3] not in logged
    assert "Two-factor code refused" in logged
    # Django's error reports (mail to ADMINS) show the field as stars.
    assert response.wsgi_request.sensitive_post_parameters == ("code",)
