"""The base of every public form: consent that is never pre-ticked, a honeypot, a time trap and a rate limit.

No image CAPTCHA: it shuts out blind and elderly users (WCAG 2.1 AA); these checks stop form robots
without asking people anything.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache

from portal.core.legacy_encodings import LegacyTextFormMixin
from portal.core.middleware import client_ip
from portal.core.uploads import ATTACHMENT_KINDS, clean_upload
from portal.moderation.services import consent_notice_current

_SALT = "portal.moderation.form-token"


class SpamSuspected(Exception):
    """Raised for robots; the view answers with a neutral message and keeps nothing."""


class RateLimited(Exception):
    pass


def form_token() -> str:
    return signing.dumps(int(time.time()), salt=_SALT)


def rate_limit_hit(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one use of `scope` by this client IP; True when over the limit."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit


class PublicSubmissionForm(LegacyTextFormMixin, forms.Form):
    """Subclasses add their fields; `consent_purpose` names the privacy notice shown next to the box."""

    consent_purpose = ""
    attachment_kinds = ATTACHMENT_KINDS

    # Hidden from people (CSS and aria-hidden); robots fill every field.
    website = forms.CharField(required=False, label="Để trống ô này", widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    token = forms.CharField(widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label="Tôi đã đọc và đồng ý với việc xử lý dữ liệu cá nhân nêu trên",
        required=True,
        error_messages={"required": "Bạn cần đánh dấu đồng ý xử lý dữ liệu cá nhân thì mới gửi được."},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if not self.is_bound:
            self.initial["token"] = form_token()
        self.notice = consent_notice_current(self.consent_purpose) if self.consent_purpose else None

    def check_robot(self) -> None:
        """Raise SpamSuspected for a filled honeypot, a missing/forged token or a form sent too fast."""
        if self.data.get("website"):
            raise SpamSuspected("honeypot")
        try:
            issued = signing.loads(self.data.get("token", ""), salt=_SALT, max_age=24 * 3600)
        except signing.BadSignature as error:
            raise SpamSuspected("token") from error
        if time.time() - issued < settings.PORTAL_PUBLIC_FORM_MIN_SECONDS:
            raise SpamSuspected("too-fast")

    def check_rate(self, scope: str) -> None:
        if self.request is not None and rate_limit_hit(self.request, scope, settings.PORTAL_PUBLIC_FORM_RATE_LIMIT, 3600):
            raise RateLimited(scope)

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment:
            _, attachment = clean_upload(attachment, kinds=self.attachment_kinds)  # photos lose GPS tags
        return attachment
