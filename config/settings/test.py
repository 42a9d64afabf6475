"""The test suite: PostgreSQL when DATABASE_URL points at one, SQLite otherwise."""

from config import env

from .base import *  # noqa: F403
from .base import LOGGING, STATIC_ROOT, STORAGES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SERVE_MEDIA = True
# Query counts are pinned for a full render; the browser tests' server and the fragment
# cache's own tests switch it on.
FRAGMENT_CACHE_SECONDS = env.get_int("FRAGMENT_CACHE_SECONDS", 0)
# Staff journeys need no codes; the two-factor tests switch it on (a fixture, or the
# environment of the browser tests' second server).
STAFF_2FA_REQUIRED = env.get_bool("STAFF_2FA_REQUIRED", False)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
# Quiet unless asked: LOG_LEVEL=INFO shows request lines (the log format tests do).
LOGGING = {
    **LOGGING,
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "WARNING")},
}
