"""Where passkeys belong: the WebAuthn relying party, from the site's public address.

A passkey is bound to a domain (the relying party id) and only signs for pages served from
the origins allowed here, so both follow SITE_URL. Browsers refuse WebAuthn on IP
addresses: for a development SITE_URL such as http://127.0.0.1:8000 the passkeys belong to
http://localhost on the same port, which serves the same site. Any other host is reached
over HTTPS (behind the proxy that ends TLS) whatever SITE_URL's scheme says.
"""

import ipaddress
from urllib.parse import urlsplit


def webauthn_relying_party(site_url: str) -> tuple[str, list[str]]:
    """(OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS) for the site at `site_url`."""
    parts = urlsplit(site_url)
    host = parts.hostname or "localhost"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        host = "localhost"
    port = f":{parts.port}" if parts.port else ""
    # Browsers allow WebAuthn only in secure contexts: HTTPS, or plain HTTP on localhost.
    scheme = "http" if host == "localhost" and parts.scheme != "https" else "https"
    return host, [f"{scheme}://{host}{port}"]
