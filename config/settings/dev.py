"""Local development: `make run`. SQLite and local services unless told otherwise."""

from config import env
from config.mail import development_mailers

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = env.get_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", True)
# Every message lands in var/mail/ as an .eml file (make run prints where); EMAIL_URL, when
# set, also sends it (console: prints it, smtp://… delivers it).
MAIL_DIR = env.get_str("MAIL_DIR", str(VAR_DIR / "mail"))
MAILERS = development_mailers(MAIL_DIR, env.get_str("EMAIL_URL"))
# The demo users log in with their password alone; STAFF_2FA_REQUIRED=1 make run to try it.
STAFF_2FA_REQUIRED = env.get_bool("STAFF_2FA_REQUIRED", False)

if DEBUG:
    # Serve static files straight from the source folders: no collectstatic needed.
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
