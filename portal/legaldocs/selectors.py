"""Reads of legal documents. Listings cost a fixed number of queries whatever their length."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone

from portal.core.text import fold
from portal.legaldocs.constants import TERMINAL_STATUSES, ValidityStatus
from portal.legaldocs.models import LegalDocumentPage, LegalDocumentRelation, number_key


def status_expression(today: dt.date):
    """``derive_status`` as SQL, so the public listing and the API can filter on what the page shows."""
    return Case(
        When(status__in=[s.value for s in TERMINAL_STATUSES], then=F("status")),
        When(effective_date__gt=today, then=Value(ValidityStatus.NOT_YET.value)),
        When(expiry_date__lte=today, then=Value(ValidityStatus.EXPIRED.value)),
        When(status=ValidityStatus.NOT_YET, effective_date__isnull=False, then=Value(ValidityStatus.IN_FORCE.value)),
        default=F("status"),
        output_field=CharField(),
    )


def legal_document_list(
    *,
    unit_id=None,
    today: dt.date | None = None,
    text: str = "",
    number: str = "",
    document_type: str = "",
    issuing_body: str = "",
    field: str = "",
    status: str = "",
    signer: str = "",
    year: int | None = None,
    issued_from=None,
    issued_to=None,
    effective_from=None,
    effective_to=None,
    normative: bool | None = None,
    unit_label: str = "",
):
    """Live documents of one unit (or of every unit when ``unit_id`` is None), newest issue first."""
    today = today or timezone.localdate()
    qs = LegalDocumentPage.objects.live()
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    if unit_label:
        qs = qs.filter(unit__label=unit_label)
    if text:
        for word in fold(text).split():
            qs = qs.filter(search_text__contains=word)
    if number:
        qs = qs.filter(number_key=number_key(number))
    if document_type:
        qs = qs.filter(document_type=document_type)
    if issuing_body:
        qs = qs.filter(issuing_body=issuing_body)
    if field:
        qs = qs.filter(field=field)
    if signer:
        for word in fold(signer).split():
            qs = qs.filter(signer_key__contains=word)
    if year:
        qs = qs.filter(issue_date__year=year)
    if issued_from:
        qs = qs.filter(issue_date__gte=issued_from)
    if issued_to:
        qs = qs.filter(issue_date__lte=issued_to)
    if effective_from:
        qs = qs.filter(effective_date__gte=effective_from)
    if effective_to:
        qs = qs.filter(effective_date__lte=effective_to)
    if normative is not None:
        qs = qs.filter(is_normative=normative)
    qs = qs.annotate(_current_status=status_expression(today))
    if status:
        qs = qs.filter(_current_status=status)
    return qs.select_related("unit").defer("full_text", "search_text", "signer_key").order_by(F("issue_date").desc(nulls_last=True), "-id")


def filter_choices(*, unit_id=None, across_units: bool = False) -> dict:
    """Values the filter's select boxes offer: what the listed documents actually hold (2–3 queries)."""
    qs = LegalDocumentPage.objects.live()
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    choices = {
        "issuing_bodies": list(qs.exclude(issuing_body="").order_by("issuing_body").values_list("issuing_body", flat=True).distinct()),
        "fields": list(qs.exclude(field="").order_by("field").values_list("field", flat=True).distinct()),
        "units": [],
    }
    if across_units:
        from portal.units.models import Unit

        units = Unit.objects.filter(pk__in=qs.values("unit_id")).order_by("sort_order", "name")
        choices["units"] = [(u.label or u.code, u.display_name) for u in units]
    return choices


def document_by_number(text: str, *, unit=None):
    """The one live document with this số, ký hiệu (in ``unit``, or anywhere), else None."""
    key = number_key(text)
    if not key:
        return None
    qs = LegalDocumentPage.objects.live().filter(number_key=key)
    if unit is not None:
        qs = qs.filter(unit_id=unit)
    matches = list(qs[:2])
    return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True)
class RelationView:
    label: str
    number: str
    title: str
    page: object  # a live LegalDocumentPage to link to, or None


def relations_both_ways(document: LegalDocumentPage) -> list[RelationView]:
    """What this document says about others, then what others say about it (two queries at most)."""
    views = []
    relations = document.relations
    if relations.is_deferring or document.pk is None:
        outgoing = list(relations.all())
        targets = {p.pk: p for p in LegalDocumentPage.objects.filter(pk__in=[r.target_id for r in outgoing if r.target_id])}
        for r in outgoing:
            r._target = targets.get(r.target_id)
    else:
        outgoing = list(relations.all().select_related("target"))
        for r in outgoing:
            r._target = r.target if r.target_id else None
    for r in outgoing:
        target = r._target
        live = target if target is not None and target.live else None
        views.append(RelationView(r.outgoing_label, target.number if target else r.target_number, target.title if target else "", live))
    if document.pk is not None:
        condition = Q(target_id=document.pk)
        if document.number_key:
            condition |= Q(target__isnull=True, target_number_key=document.number_key)
        incoming = (
            LegalDocumentRelation.objects.filter(condition, page__live=True)
            .exclude(page_id=document.pk)
            .select_related("page")
            .order_by("page__issue_date", "id")
        )
        for r in incoming:
            source = r.page
            views.append(RelationView(r.incoming_label, source.number, source.title, source))
    return views


def stale_in_force(unit_id, today: dt.date):
    """Live documents whose expiry date has passed but whose editor-set status still says in force."""
    return (
        LegalDocumentPage.objects.live()
        .filter(unit_id=unit_id, status=ValidityStatus.IN_FORCE, expiry_date__lte=today)
        .only("id", "title", "number", "expiry_date")
        .order_by("expiry_date")
    )
