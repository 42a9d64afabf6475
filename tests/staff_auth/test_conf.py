"""Passkeys belong to the site's host; on an IP address (make run's 127.0.0.1), to localhost
on the same port, since browsers refuse WebAuthn on IP hosts."""

import pytest

from staff_auth.conf import webauthn_relying_party


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://klimatradet.example", ("klimatradet.example", ["https://klimatradet.example"])),
        ("http://klimatradet.example", ("klimatradet.example", ["https://klimatradet.example"])),
        ("http://127.0.0.1:8000", ("localhost", ["http://localhost:8000"])),
        ("http://localhost:8171", ("localhost", ["http://localhost:8171"])),
    ],
)
def test_relying_party_follows_site_url(site_url, expected):
    assert webauthn_relying_party(site_url) == expected
