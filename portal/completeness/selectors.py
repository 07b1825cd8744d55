import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from portal.completeness.registry import STATUS_LABELS, Finding, Status, checks_for


@dataclass
class CheckContext:
    """What every check needs, computed once per report."""

    unit: object
    now: dt.datetime
    home: object = None
    cache: dict = field(default_factory=dict)

    @property
    def today(self) -> dt.date:
        return timezone.localdate(self.now)


@dataclass(frozen=True)
class ReportItem:
    code: str
    title: str
    group: str
    legal_basis: str
    status: Status
    detail: str
    fix_url: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class CompletenessReport:
    unit: object
    checked_at: dt.datetime
    items: list[ReportItem]

    @property
    def complete(self) -> bool:
        return all(item.status == Status.PRESENT for item in self.items)

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def present_count(self) -> int:
        return self.count(Status.PRESENT)

    @property
    def missing_count(self) -> int:
        return self.count(Status.MISSING)

    @property
    def stale_count(self) -> int:
        return self.count(Status.STALE)

    @property
    def problems(self) -> list[ReportItem]:
        return [item for item in self.items if item.status != Status.PRESENT]


def site_completeness(unit, *, now: dt.datetime | None = None) -> CompletenessReport:
    from portal.pages.selectors import home_for_unit

    now = now or timezone.now()
    context = CheckContext(unit=unit, now=now, home=home_for_unit(unit))
    items = []
    for check in checks_for(unit.kind):
        finding: Finding = check.func(unit, context)
        items.append(
            ReportItem(check.code, check.title, check.group, check.legal_basis, finding.status, finding.detail, finding.fix_url)
        )
    return CompletenessReport(unit=unit, checked_at=now, items=items)


# --- Links that take a board member straight to the fix -------------------------------------------


def admin_edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def admin_add_url(parent, model) -> str:
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def admin_snippet_list_url(model) -> str:
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
