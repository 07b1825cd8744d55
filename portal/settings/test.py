"""Tests: the production settings with fast, hermetic replacements."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-0123456789-0123456789-0123456789")
os.environ.setdefault("PORTAL_BASE_DOMAIN", "quangbinh.localhost")
os.environ.setdefault("PORTAL_SITE_PORT", "80")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from .base import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": None}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if REDIS_URL:  # noqa: F405
    # Each xdist worker gets its own Redis database: tests clear the cache, and FLUSHDB must not
    # pull the rug from under the other worker.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    _db = 1 + int(_worker.removeprefix("gw") or 0)
    CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{_db}"  # noqa: F405
PORTAL_PUBLIC_FORM_RATE_LIMIT = 1000
PORTAL_PUBLIC_FORM_MIN_SECONDS = 0
# Pages are rendered afresh in tests; page-cache tests turn it on with the settings fixture.
PORTAL_PAGE_CACHE_SECONDS = 0
