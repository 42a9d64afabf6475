"""Local development: `make run`. SQLite and local services unless told otherwise."""

from config import env
from config.mail import mailers_from_url

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = env.get_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", True)
# Template and code changes show at once while developing; `make run DEBUG=0` caches pages.
PAGE_CACHE_SECONDS = 0 if DEBUG else 300
MAILERS = mailers_from_url(env.get_str("EMAIL_URL", "console:"))

if DEBUG:
    # Serve static files straight from the source folders: no collectstatic needed.
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
