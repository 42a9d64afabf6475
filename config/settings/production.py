"""Production: every security-critical value must come from the environment.

Real components switch on only when their variable is set (REDIS_URL, SEARCH_URL,
EMAIL_URL); the site refuses to start without SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL and SITE_URL.
"""

from config import env
from core.logs import logging_settings

from .base import *  # noqa: F403

DEBUG = env.get_bool("DEBUG", False)
SECRET_KEY = env.require("SECRET_KEY")
ALLOWED_HOSTS = env.require("ALLOWED_HOSTS").split(",")
env.require("DATABASE_URL")
env.require("SITE_URL")
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", False)
# TLS ends at the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
WHITENOISE_MAX_AGE = 3600

# JSON lines on stdout for the log collector; LOG_FORMAT=plain for a human at a terminal.
LOGGING = logging_settings(env.get_str("LOG_FORMAT", "json"), env.get_str("LOG_LEVEL", "INFO"))
