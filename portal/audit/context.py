"""Where the current request came from, for audit entries written deep inside services ("from where")."""

import contextvars
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    ip_address: str = ""
    user_agent: str = ""
    hostname: str = ""


_request: contextvars.ContextVar = contextvars.ContextVar("portal_audit_request", default=None)


def origin_from_request(request) -> Origin:
    from portal.core.middleware import client_ip

    if request is None:
        return Origin()
    try:
        hostname = request.get_host().split(":")[0].lower().rstrip(".")
    except Exception:  # DisallowedHost: still record the address
        hostname = ""
    return Origin(
        ip_address=client_ip(request)[:45],
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        hostname=hostname,
    )


def request_current():
    return _request.get()


def origin_current() -> Origin:
    request = _request.get()
    if request is None:
        return Origin()
    origin = getattr(request, "_audit_origin", None)
    if origin is None:
        origin = request._audit_origin = origin_from_request(request)
    return origin


class AuditOriginMiddleware:
    """Remember the visitor's address and browser for the length of the request (same proxy rule as the login limiter)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
