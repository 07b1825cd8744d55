"""Request-level guards shared by every site."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from portal.core.text import nfc
from portal.units import selectors as unit_selectors

# Paths that work on every served host, whether or not it is a site root.
_HOST_AGNOSTIC_PREFIXES = ("/static/", "/media/", "/healthz")


class HostRoutingMiddleware:
    """Answer only hosts we serve; send renamed hosts to their new name.

    Wagtail falls back to the default site for unknown hosts. We never want one
    unit's content on another's address, so unknown hosts get a 404 here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(_HOST_AGNOSTIC_PREFIXES):
            return self.get_response(request)
        host = request.get_host().split(":")[0].lower().rstrip(".")
        routing = unit_selectors.host_routing_table()
        if host in routing.served:
            return self.get_response(request)
        target = routing.redirects.get(host)
        if target:
            # The public port, not the one gunicorn listens on behind nginx.
            port = settings.PORTAL_SITE_PORT
            netloc = target if port in (80, 443) else f"{target}:{port}"
            scheme = "https" if port == 443 or request.is_secure() else "http"
            return HttpResponsePermanentRedirect(f"{scheme}://{netloc}{request.get_full_path()}")
        body = render_to_string("404_host.html", {"host": host, "base_domain": settings.PORTAL_BASE_DOMAIN})
        response = HttpResponse(body, status=404)
        patch_cache_control(response, no_store=True)
        return response


def _normalised(query: QueryDict) -> QueryDict:
    copy = query.copy()
    for key in list(copy.keys()):
        values = copy.getlist(key)
        if any(isinstance(v, str) and not v.isascii() for v in values):
            copy.setlist(key, [nfc(v) if isinstance(v, str) else v for v in values])
    copy._mutable = False
    return copy


class NormalizeInputMiddleware:
    """Store and match "Quảng Bình" the same whether typed composed or decomposed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _normalised(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalised(request.POST)
        return self.get_response(request)


LOGIN_PATHS = ("/admin/login/",)
_WINDOW_SECONDS = 15 * 60


def client_ip(request) -> str:
    """The visitor's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.PORTAL_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class LoginRateLimitMiddleware:
    """Stop password guessing: too many failed logins per account or IP in 15 minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path not in LOGIN_PATHS:
            return self.get_response(request)
        username = nfc(request.POST.get("username", "")).lower()[:150]
        keys = [f"login-fail:ip:{client_ip(request)}", f"login-fail:user:{username}"]
        limit = settings.PORTAL_LOGIN_RATE_LIMIT
        if any(cache.get(key, 0) >= limit for key in keys):
            body = render_to_string("429_login.html", {"minutes": _WINDOW_SECONDS // 60})
            return HttpResponse(body, status=429)
        response = self.get_response(request)
        failed = response.status_code == 200 and not request.user.is_authenticated
        if failed:
            for key in keys:
                cache.add(key, 0, _WINDOW_SECONDS)
                try:
                    cache.incr(key)
                except ValueError:
                    cache.set(key, 1, _WINDOW_SECONDS)
        return response


class PageRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects point pages to pages; an API 404 (an unknown dossier code) never looks them up."""

    def process_response(self, request, response):
        if request.path.startswith("/api/"):
            return response
        return super().process_response(request, response)
