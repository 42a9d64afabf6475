"""Every setting that differs between machines, declared once.

Settings modules read values through these helpers only, so the README's
configuration table (rendered by ``manage.py env_table``) lists everything a
deployment can set. Values come from the process environment.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    help: str
    required_in_production: bool = False


VARIABLES = {
    v.name: v
    for v in [
        Variable(
            "DJANGO_SETTINGS_MODULE",
            "config.settings.dev",
            "Settings module: config.settings.dev, .test or .production.",
        ),
        Variable(
            "SECRET_KEY",
            "(insecure key, dev and test only)",
            "Django's signing key. Long and random in production.",
            required_in_production=True,
        ),
        Variable(
            "DEBUG",
            "1 in dev, 0 in production",
            "Show tracebacks instead of the styled error pages. Never 1 in production.",
        ),
        Variable(
            "ALLOWED_HOSTS",
            "127.0.0.1,localhost",
            "Comma-separated host names the site answers to.",
            required_in_production=True,
        ),
        Variable(
            "CSRF_TRUSTED_ORIGINS",
            "(empty)",
            "Comma-separated origins (https://example.se) trusted for form posts.",
        ),
        Variable(
            "SITE_URL",
            "http://127.0.0.1:8000",
            "Public base URL, used in e-mails, feeds and the admin.",
            required_in_production=True,
        ),
        Variable(
            "DATABASE_URL",
            "sqlite:///var/db.sqlite3",
            "Database; postgres://user:pass@host:5432/name in production.",
            required_in_production=True,
        ),
        Variable(
            "DATABASE_CONN_MAX_AGE",
            "600",
            "Seconds a database connection is kept open (0 closes it per request).",
        ),
        Variable(
            "REDIS_URL",
            "(empty: local memory cache)",
            "Redis for the shared cache, e.g. redis://127.0.0.1:6379/0.",
        ),
        Variable(
            "FRONTEND_CACHE_URL",
            "(empty: no front cache)",
            "Varnish (deploy/varnish/) or another cache taking PURGE, e.g. http://127.0.0.1:6081.",
        ),
        Variable(
            "CLOUDFLARE_BEARER_TOKEN",
            "(empty: off)",
            "Cloudflare API token with Cache Purge permission; purges published pages.",
        ),
        Variable("CLOUDFLARE_ZONE_ID", "(empty)", "The Cloudflare zone of the site's domain."),
        Variable(
            "CLOUDFRONT_DISTRIBUTION_ID",
            "(empty: off)",
            "CloudFront distribution to invalidate on publish (needs boto3 and AWS_* credentials).",
        ),
        Variable(
            "EMAIL_URL",
            "(none in dev: only MAIL_DIR), smtp://localhost:25 in production",
            "Outgoing mail: smtp://user:pass@host:587?tls=1, smtps://…, console: or locmem:.",
        ),
        Variable(
            "MAIL_DIR",
            "var/mail",
            "Development only: every e-mail is also saved here as an .eml file.",
        ),
        Variable(
            "DEFAULT_FROM_EMAIL",
            "Miljö- och klimatrådet <noreply@klimatradet.localhost>",
            "Sender of the site's e-mail.",
        ),
        Variable("SERVER_EMAIL", "(DEFAULT_FROM_EMAIL)", "Sender of error reports to ADMINS."),
        Variable("ADMINS", "(empty)", "Comma-separated addresses that get server error reports."),
        Variable(
            "SECRETARIAT_EMAIL",
            "sekretariat@klimatradet.localhost",
            "Where notifications for the secretariat are sent.",
        ),
        Variable(
            "SEARCH_URL",
            "(empty: database search)",
            "Elasticsearch/OpenSearch URL; when set, site search uses the cluster.",
        ),
        Variable(
            "SEARCH_BACKEND",
            "elasticsearch",
            "Which cluster SEARCH_URL points at: elasticsearch or opensearch.",
        ),
        Variable(
            "SEARCH_INDEX_PREFIX", "klimatradet_", "Prefix of the search cluster's index names."
        ),
        Variable("MEDIA_ROOT", "var/media", "Folder for uploaded images and documents."),
        Variable("MEDIA_URL", "/media/", "URL prefix of uploaded files."),
        Variable(
            "SERVE_MEDIA",
            "1 in dev, 0 in production",
            "Let Django serve MEDIA_URL itself (single-machine setups only).",
        ),
        Variable("STATIC_ROOT", "var/static", "Where collectstatic puts static files."),
        Variable(
            "SECURE_SSL_REDIRECT",
            "1 in production",
            "Redirect plain HTTP to HTTPS (off when TLS ends elsewhere and redirects there).",
        ),
        Variable(
            "SECURE_HSTS_SECONDS", "31536000 in production", "HSTS max-age. Only sent over HTTPS."
        ),
        Variable(
            "STAFF_2FA_REQUIRED",
            "1 in production, 0 in dev and tests",
            "Staff must pass a second factor (app code, backup code or passkey) to use the admin.",
        ),
        Variable(
            "TRUSTED_PROXY_COUNT",
            "0 in dev, 1 in production",
            "Proxies in front of gunicorn that append to X-Forwarded-For (for rate limits).",
        ),
        Variable(
            "FRAGMENT_CACHE_SECONDS",
            "3600 (0 in tests)",
            "How long menus, breadcrumbs and other shared parts of pages stay cached "
            "(core/fragments.py; emptied by any edit). 0: off.",
        ),
        Variable("LOG_LEVEL", "INFO", "Level of the application's log output."),
        Variable(
            "LOG_FORMAT",
            "plain in dev, json in production",
            "json: one JSON object a line on stdout, with the request id; plain: readable lines.",
        ),
        Variable(
            "SENTRY_DSN",
            "(empty: no error reporting)",
            "Sentry project DSN; when set, errors are reported to Sentry (without personal data).",
        ),
        Variable(
            "SENTRY_ENVIRONMENT",
            "production",
            "Environment name on Sentry events (production, staging, …).",
        ),
        Variable(
            "BACKUP_DIR",
            "var/backups",
            "Where `make backup` writes its timestamped folders (database dump and media).",
        ),
        Variable(
            "DEMO_APP",
            "1 when demo/ is present",
            "Install the demo app (seed_demo and its data). The production image has no demo/.",
        ),
        Variable(
            "DJANGO_SUPERUSER_PASSWORD",
            "(generated)",
            "Password of the development superuser `admin` created by `make run`.",
        ),
    ]
}


def _raw(name: str) -> str | None:
    if name not in VARIABLES:
        raise ImproperlyConfigured(f"{name} is not declared in config/env.py")
    value = os.environ.get(name)
    return None if value is None or value.strip() == "" else value.strip()


def get_str(name: str, default: str = "") -> str:
    value = _raw(name)
    return default if value is None else value


def get_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}")


def get_int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def require(name: str) -> str:
    """A value production cannot run without: fail at start-up, not later."""
    value = _raw(name)
    if value is None:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production ({VARIABLES[name].help})"
        )
    return value
