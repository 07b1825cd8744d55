"""Every text response declares UTF-8 (L-39.*): HTML, JSON, XML feeds, CSV, iCalendar, plain text.

Django adds ``charset=utf-8`` only when a view leaves the content type to it; a view that
names a type (``HttpResponse(..., content_type="text/plain")``) or a library that sets its
own gets none, and browsers then guess. This middleware adds the charset to every textual
type that lacks one. Binary types (PDF, images, ZIP) are left alone.
"""

TEXTUAL_TYPES = (
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/ld+json",
    "application/problem+json",
    "application/xhtml+xml",
    "image/svg+xml",
)


def is_textual(media_type: str) -> bool:
    return media_type.startswith("text/") or media_type in TEXTUAL_TYPES


class Utf8CharsetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if content_type and "charset=" not in content_type.lower():
            media_type = content_type.split(";", 1)[0].strip().lower()
            if is_textual(media_type):
                response["Content-Type"] = f"{content_type.rstrip('; ')}; charset=utf-8"
        return response
