"""Settings shared by every environment. Machine-specific values come from config.env."""

import importlib.util
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from config import env
from config.caches import caches_from_url
from config.frontend_cache import frontend_cache_backends
from config.mail import mailers_from_url
from config.sentry import init_sentry
from core.logs import logging_settings
from search.conf import search_backends
from staff_auth.conf import webauthn_relying_party

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"

DEBUG = False
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env.get_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Project apps.
    "core",
    "mail",
    "home",
    "themes",
    "news",
    "events",
    "directory",
    "members",
    "search",
    "staff_auth",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks_db",
    # Staff two-factor sign-in (staff_auth): app codes, backup codes and passkeys.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]
# The demo app (seed_demo, demo and benchmark data) is left out of the production image.
if env.get_bool("DEMO_APP", importlib.util.find_spec("demo") is not None):
    INSTALLED_APPS.insert(INSTALLED_APPS.index("staff_auth") + 1, "demo")

MIDDLEWARE = [
    "core.middleware.RequestLogMiddleware",
    "core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control on every answer: what Varnish or a CDN may keep (core/frontcache.py).
    "core.frontcache.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed a second factor (django-otp)?
    "django_otp.middleware.OTPMiddleware",
    # Staff pass that second factor before any admin page (STAFF_2FA_REQUIRED).
    "staff_auth.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.fragments.context",
            ],
        },
    },
    # Plain text: e-mail subjects and text bodies (mail/outbox.py). The same templates,
    # rendered without HTML escaping, so "Sveg Mat & Dryck AB" stays "&" in a subject.
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env.get_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the dev server read while a seed or import writes. `make run` writes from three
    # processes (web, task worker, periodic runner): a transaction takes the write lock when it
    # begins, and waits for another's instead of failing with "database is locked" when it
    # would upgrade from reading to writing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;", transaction_mode="IMMEDIATE", timeout=20
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # A database host that does not answer at all must not hold a request (or /health/)
    # for minutes: give up connecting after a few seconds and show the 503 page.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = caches_from_url(env.get_str("REDIS_URL"))

# What every page repeats (menus, breadcrumbs, listing facets), cached under a
# token that every edit replaces (core.fragments): right in every process, with any cache.
FRAGMENT_CACHE_SECONDS = env.get_int("FRAGMENT_CACHE_SECONDS", 3600)
# Wagtail's frontend cache: Varnish (deploy/), Cloudflare or CloudFront, purged on publish.
WAGTAILFRONTENDCACHE = frontend_cache_backends(
    http_url=env.get_str("FRONTEND_CACHE_URL"),
    cloudflare_token=env.get_str("CLOUDFLARE_BEARER_TOKEN"),
    cloudflare_zone=env.get_str("CLOUDFLARE_ZONE_ID"),
    cloudfront_distribution=env.get_str("CLOUDFRONT_DISTRIBUTION_ID"),
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish first (språklagen). Source strings are Swedish and marked for translation.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SITE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env.get_str("MEDIA_URL", "/media/")
SERVE_MEDIA = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Mail goes out from background tasks (see mail.outbox); Django 6.1 MAILERS.
MAILERS = mailers_from_url(env.get_str("EMAIL_URL", "smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env.get_str(
    "DEFAULT_FROM_EMAIL", "Miljö- och klimatrådet <noreply@klimatradet.localhost>"
)
SERVER_EMAIL = env.get_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = env.get_list("ADMINS")
SECRETARIAT_EMAIL = env.get_str("SECRETARIAT_EMAIL", "sekretariat@klimatradet.localhost")
# New partnership opportunities one member organisation may publish in 24 hours
# (members.opportunities); beyond it they are refused and the secretariat is told.
MEMBERS_OPPORTUNITIES_PER_DAY = 10

# Background work: Django's task framework with the django-tasks database backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Management commands `manage.py run_periodic` runs, as (command, every N seconds).
# publish_scheduled publishes and unpublishes pages at their go_live_at / expire_at.
PERIODIC_COMMANDS = [
    ("publish_scheduled", 60),
    # members: e-mail retries, yearly reminders, delisting of stale listings, retention.
    ("send_queued_email", 60),
    ("send_listing_reminders", 3600),
    ("delist_stale_listings", 3600),
    ("purge_personal_data", 3600),
    # search: index updates that failed while the search cluster was down (search.index_retry).
    ("retry_search_index", 300),
    # core: expired rate-limit counters (core.ratelimit).
    ("purge_rate_limits", 3600),
]

# Content-Security-Policy from Django's own middleware: nothing from other hosts,
# no inline script (a nonce is available where unavoidable).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# The admin (logged-in staff only) needs inline scripts and styles for Wagtail's widgets.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing is framed, except Wagtail's preview panel, whose views override this to SAMEORIGIN.
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Messages live in the session (members and staff are logged in), never in a cookie of
# their own: the only cookies are the session and CSRF cookies.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Staff log in to the admin with their username; members log in to Min organisation with
# their e-mail address (members.backends), which only the member login form asks for.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "members.backends.MemberEmailBackend",
]
# Staff who can reach the admin pass a second factor after the password (staff_auth):
# an app code, a backup code or a passkey. Off in `make run` and the tests.
STAFF_2FA_REQUIRED = env.get_bool("STAFF_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "Klimatrådet Jämtland"
# django-otp's own back-off between wrong codes (1, 2, 4, 8 … seconds); staff_auth.throttle
# adds the 15-minute lock after five.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Passkeys are a second factor only: never a login without the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Miljö- och klimatrådet"
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = webauthn_relying_party(SITE_URL)
# Proxies in front of the app that append to X-Forwarded-For: the rate limits of the
# public forms count the address that many entries from the right.
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)

# Wagtail
WAGTAIL_SITE_NAME = "Miljö- och klimatrådet i Jämtlands län"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
# Tag names are comma separated and never quoted, in forms and revisions alike (core/tags.py).
TAGGIT_TAGS_FROM_STRING = "core.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "core.tags.join_tags"
# Page addresses are ASCII: "öppnar" → "oppnar" in the admin's slug-from-title, as in code
# (core.slugs, core.models.BasePage).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Site search: the database (SQLite FTS5, or PostgreSQL with Swedish hunspell) unless
# SEARCH_URL points at an Elasticsearch/OpenSearch cluster. See search/conf.py.
WAGTAILSEARCH_BACKENDS = search_backends(
    search_url=env.get_str("SEARCH_URL"),
    backend=env.get_str("SEARCH_BACKEND", "elasticsearch"),
    index_prefix=env.get_str("SEARCH_INDEX_PREFIX", "klimatradet_"),
    database_engine=DATABASES["default"]["ENGINE"],
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Enforced, with a check of the content, by core.uploads.DocumentForm.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Failed admin logins and reset mails are throttled (core/admin_login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_login.ThrottledLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.admin_login.ThrottledPasswordResetForm"  # noqa: S105
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no requests to other hosts, not even from the admin
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# One line a log record, tagged with the request's id (core.logs); JSON in production.
LOGGING = logging_settings(env.get_str("LOG_FORMAT", "plain"), env.get_str("LOG_LEVEL", "INFO"))
# Errors (and error log lines) go to Sentry when SENTRY_DSN is set; no personal data.
init_sentry(env.get_str("SENTRY_DSN"), environment=env.get_str("SENTRY_ENVIRONMENT", "production"))
