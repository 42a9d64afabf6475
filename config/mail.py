"""Turn EMAIL_URL into Django 6.1's MAILERS setting (and, in development, a mail folder)."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def mailers_from_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be one of {', '.join(sorted(BACKENDS))}, not {scheme!r}"
        )
    config: dict = {"BACKEND": BACKENDS[scheme]}
    if scheme in {"smtp", "smtps"}:
        query = parse_qs(parts.query)
        options = {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if scheme == "smtps" else 25),
            "timeout": int(query.get("timeout", ["10"])[0]),
        }
        if parts.username:
            options["username"] = unquote(parts.username)
            options["password"] = unquote(parts.password or "")
        if scheme == "smtps":
            options["use_ssl"] = True
        elif query.get("tls", ["0"])[0] in {"1", "true"}:
            options["use_tls"] = True
        config["OPTIONS"] = options
    return {"default": config}


def development_mailers(folder, url: str = "") -> dict:
    """Every message saved as an .eml file in `folder` (mail.backends), then also sent
    through EMAIL_URL's mailer when one is given."""
    options: dict = {"folder": str(folder)}
    config = {"default": {"BACKEND": "mail.backends.MailFolderBackend", "OPTIONS": options}}
    if url:
        options["forward_to"] = "delivery"
        config["delivery"] = mailers_from_url(url)["default"]
    return config
