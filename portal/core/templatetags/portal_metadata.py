"""{% portal_metadata %}: the <head> metadata (Dublin Core, JSON-LD, Open Graph, feed links) and
the EMC monitoring snippet, from the page or view being rendered."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_metadata(context):
    from wagtail.models import Site

    from portal.compliance.selectors import site_compliance
    from portal.pages.metadata import metadata_for_context

    request = context.get("request")
    if request is None:
        return ""
    meta = metadata_for_context(context)
    site = Site.find_for_request(request)
    compliance = site_compliance(site.pk if site else None)
    return render_to_string(
        "includes/metadata.html", {"meta": meta, "compliance": compliance}, request=None
    )


@register.simple_tag(takes_context=True)
def portal_licence(context):
    """The aggregate-site licence of the current site when it is active and valid, else None."""
    from wagtail.models import Site

    from portal.compliance.selectors import site_compliance

    request = context.get("request")
    if request is None:
        return None
    site = Site.find_for_request(request)
    return site_compliance(site.pk if site else None).licence_shown()
