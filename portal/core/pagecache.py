"""A short-lived cache of public pages for anonymous visitors, purged by bumping one generation number.

Only anonymous GET requests (no session cookie) are answered from the cache, and only complete,
anonymous, cookie-free ``200 text/html`` responses are stored: never the admin, the API, accounts,
dossiers, payments, or a page that carries a form with a CSRF token. The key is host + full path +
the current generation, so ``page_cache_purge()`` makes every stored page stale at once. It runs on
every page publish, unpublish, delete and move, on site-setting saves, and in the takedown action.

With the local-memory cache each worker process has its own generation; use Redis (``REDIS_URL``)
so a purge reaches every worker. nginx's micro-cache in front is described in docs/takedown.md.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PREFIXES = (
    "/admin",
    "/api/",
    "/tai-khoan",
    "/dich-vu-cong/ho-so",
    "/dich-vu-cong/thanh-toan",
    "/static/",
    "/media/",
    "/documents/",
    "/healthz",
    "/bao-cao-vi-pham",
)


def _seconds() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0) or 0)


def page_cache_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY) or 1
    return int(generation)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def page_cache_purge(**_ignored) -> None:
    """Make every cached page stale (the next request renders it afresh). Safe as a signal receiver.

    Bumped now and again after commit: a page rendered from the old data while the change was still
    uncommitted would otherwise be cached under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)


def _key(request) -> str:
    raw = f"{request.get_host()}|{request.get_full_path()}".encode()
    return f"pagecache:{page_cache_generation()}:{hashlib.sha256(raw).hexdigest()}"


def _request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    # Anyone with a session (staff, citizens, a pending receipt) gets a fresh page.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _response_is_cacheable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # A CSRF token in the page means a form: never shared between visitors.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


class PageCacheMiddleware:
    """Placed right after the host guard, so it stores what the visitor would really receive."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = _seconds()
        if seconds <= 0 or not _request_is_cacheable(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            from django.http import HttpResponse

            content, headers = stored
            response = HttpResponse(content, status=200)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in ("x-cache", "set-cookie")]
            cache.set(key, (response.content, headers), seconds)
            response["X-Cache"] = "MISS"
        return response


def connect_signals() -> None:
    """Purge on every change that can alter a public page (called from the takedown app's ready())."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_cache_purge, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_cache_purge, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(page_cache_purge, dispatch_uid="pagecache-moved")

    def _on_delete(sender, instance, **kwargs):
        if isinstance(instance, Page | Site):
            page_cache_purge()

    def _on_save(sender, instance, created=False, **kwargs):
        # Site settings are created with their defaults on first read (during a page view): nothing changed then.
        if isinstance(instance, Site) or (isinstance(instance, BaseSiteSetting) and not created):
            page_cache_purge()

    post_delete.connect(_on_delete, dispatch_uid="pagecache-delete", weak=False)
    post_save.connect(_on_save, dispatch_uid="pagecache-settings", weak=False)
