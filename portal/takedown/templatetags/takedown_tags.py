from django import template
from django.urls import reverse
from django.utils.http import urlencode

from portal.takedown.resolve import item_token

register = template.Library()


@register.simple_tag
def report_violation_url(obj) -> str:
    """The “Báo cáo vi phạm” link for a public answer or comment (a signed reference, no guessable ids)."""
    return f"{reverse('violation_report:form')}?{urlencode({'muc': item_token(obj)})}"
