"""What the public pages show from this app: the EMC snippet and the aggregate-site licence.

Both are read with one query per site and kept in the cache (saving any of the models clears
it), so rendering a page usually costs no query here.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from portal.compliance.validators import TRACKING_ID

CACHE_SECONDS = 3600


def _cache_key(site_id: int) -> str:
    return f"compliance:site:{site_id}"


@dataclass(frozen=True)
class LicenceInfo:
    number: str
    issued_on: date
    issuing_body: str
    valid_until: date
    responsible_name: str
    responsible_title: str


@dataclass(frozen=True)
class SiteCompliance:
    emc_script_url: str = ""
    emc_tracking_id: str = ""
    licence: LicenceInfo | None = None

    @property
    def emc_enabled(self) -> bool:
        return bool(self.emc_script_url and self.emc_tracking_id)

    def licence_shown(self, today: date | None = None) -> LicenceInfo | None:
        if self.licence is None:
            return None
        today = today or timezone.localdate()
        return self.licence if self.licence.issued_on <= today <= self.licence.valid_until else None


def _load(site_id: int) -> SiteCompliance:
    from wagtail.models import Site

    site = (
        Site.objects.filter(pk=site_id)
        .select_related("monitoringsetting", "unit__aggregate_site", "unit__aggregate_licence")
        .first()
    )
    if site is None:
        return SiteCompliance()
    script_url, tracking_id = "", ""
    monitoring = getattr(site, "monitoringsetting", None)
    if monitoring is not None and monitoring.enabled and TRACKING_ID.fullmatch(monitoring.tracking_id or ""):
        script_url = monitoring.script_url or settings.PORTAL_EMC_SCRIPT_URL
        if not script_url.lower().startswith("https://"):
            script_url = ""
        tracking_id = monitoring.tracking_id
    licence = None
    unit = getattr(site, "unit", None)
    aggregate = getattr(unit, "aggregate_site", None) if unit is not None else None
    record = getattr(unit, "aggregate_licence", None) if unit is not None else None
    if aggregate is not None and aggregate.is_active and record is not None:
        licence = LicenceInfo(
            number=record.number, issued_on=record.issued_on, issuing_body=record.issuing_body,
            valid_until=record.valid_until, responsible_name=record.responsible_name,
            responsible_title=record.responsible_title,
        )
    return SiteCompliance(emc_script_url=script_url, emc_tracking_id=tracking_id, licence=licence)


def site_compliance(site_id: int | None) -> SiteCompliance:
    if site_id is None:
        return SiteCompliance()
    key = _cache_key(site_id)
    value = cache.get(key)
    if value is None:
        value = _load(site_id)
        cache.set(key, value, CACHE_SECONDS)
    return value


def site_compliance_forget(site_id: int | None = None) -> None:
    if site_id is None:
        from wagtail.models import Site

        cache.delete_many([_cache_key(pk) for pk in Site.objects.values_list("pk", flat=True)])
    else:
        cache.delete(_cache_key(site_id))
