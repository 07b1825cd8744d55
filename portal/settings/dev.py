"""Local demo: same code paths as production, with safe local defaults."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "demo-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("PORTAL_BASE_DOMAIN", "quangbinh.localhost")
os.environ.setdefault("PORTAL_SITE_PORT", os.environ.get("PORT", "8000"))
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://quangbinh.localhost:8000")

from .base import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
CSRF_TRUSTED_ORIGINS = [f"http://{PORTAL_BASE_DOMAIN}:{PORTAL_SITE_PORT}", f"http://*.{PORTAL_BASE_DOMAIN}:{PORTAL_SITE_PORT}"]  # noqa: F405
# The demo serves its own static files without collectstatic.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
SERVE_MEDIA = True
# The demo shows every edit at once (one process, local-memory cache).
PORTAL_PAGE_CACHE_SECONDS = 0
