"""Turns a validation error raised while publishing from the admin into a message, not a 500.

The page editor checks an article's metadata in its form, but a workflow approval from the
dashboard publishes the latest revision without a form: there the model's own check
(`ArticlePage.clean`, when the page is saved live) raises ValidationError inside Wagtail's
atomic approval, which is rolled back. This shows the reason and returns to where the
reviewer came from.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


class AdminValidationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ValidationError) or not request.path.startswith("/admin/"):
            return None
        if not getattr(request, "user", None) or not request.user.is_authenticated:
            return None
        for message in exception.messages:
            messages.error(request, message)
        target = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "/admin/"
        return redirect(target)
