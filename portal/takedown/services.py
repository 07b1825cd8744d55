"""The one write path for takedown requests and violation reports.

`takedown_execute` removes every item of a request in one transaction: pages are unpublished (and
their proposals to the main portal withdrawn), answers unpublished and comments rejected through
their own apps' services, each item leaves the search index, and the page cache is purged. The
elapsed time since receipt is recorded and compared with the rule `takedown.limit_hours` in force
on the day of receipt (Quy chế, L-27-23b).
"""

import contextlib
import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.core.pagecache import page_cache_purge
from portal.editorial.constants import Role
from portal.rules.services import rule_value, working_days_add
from portal.takedown import permissions
from portal.takedown.constants import (
    REPORT_CONSENT_PURPOSE,
    REPORT_CONSENT_TEXT,
    REPORT_TRANSITIONS,
    TAKEDOWN_TRANSITIONS,
    Channel,
    ItemKind,
    ReportCategory,
    ReportStatus,
    TakedownStatus,
)
from portal.takedown.models import TakedownItem, TakedownRequest, ViolationReport
from portal.takedown.resolve import ResolvedItem

MAX_ESCALATION_LEVEL = 2


class TakedownError(Exception):
    """Raised with a message meant for the person who acted."""


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def duration_text(delta: dt.timedelta, *, nearest: bool = False) -> str:
    """“2 giờ 5 phút”, “45 phút”: whole minutes, rounded down (or to the nearest minute for a running timer)."""
    seconds = delta.total_seconds() + (30 if nearest else 0)
    minutes = max(0, int(seconds // 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours} giờ {minutes} phút"
    if hours:
        return f"{hours} giờ"
    return f"{minutes} phút"


def _transition(takedown: TakedownRequest, to: str) -> None:
    if to not in TAKEDOWN_TRANSITIONS[TakedownStatus(takedown.status)]:
        raise TakedownError(
            f"Không thể chuyển yêu cầu từ “{takedown.get_status_display()}” sang “{TakedownStatus(to).label}”."
        )
    takedown.status = to


@transaction.atomic
def takedown_create(
    *,
    actor,
    requester_name: str,
    channel: str,
    legal_basis: str,
    items: list[ResolvedItem],
    requester_organisation: str = "",
    requester_contact: str = "",
    received_at: dt.datetime | None = None,
) -> TakedownRequest:
    """Record a request as received; the 3-hour timer runs from `received_at` (entered, default now)."""
    if channel not in Channel.values:
        raise TakedownError("Hãy chọn hình thức tiếp nhận.")
    if not items:
        raise TakedownError("Hãy nêu ít nhất một mục cần gỡ bỏ.")
    for item in items:
        if not permissions.can_take_down_unit(actor, getattr(item.unit, "pk", None)):
            raise TakedownError(f"Bạn không có quyền gỡ “{item.label}” (thuộc trang của đơn vị khác).")
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + dt.timedelta(minutes=5):
        raise TakedownError("Thời điểm tiếp nhận không được ở tương lai.")
    takedown = TakedownRequest.objects.create(
        requester_name=requester_name.strip(),
        requester_organisation=requester_organisation.strip(),
        requester_contact=requester_contact.strip(),
        channel=channel,
        received_at=received_at,
        legal_basis=legal_basis.strip(),
        limit_hours=rule_value("takedown.limit_hours", on=_local_date(received_at)),
        created_by=actor,
    )
    seen = set()
    for item in items:
        key = (item.content_type.pk, item.object_id)
        if key in seen:
            continue
        seen.add(key)
        TakedownItem.objects.create(
            request=takedown, kind=item.kind, content_type=item.content_type, object_id=item.object_id,
            unit=item.unit, label=item.label, url=item.url or "",
        )
    log(takedown, "portal.takedown.receive", user=actor, data={"items": len(seen), "channel": channel})
    return takedown


def _search_remove(obj) -> None:
    # The search app may not be installed yet; its index also listens to unpublish signals.
    try:
        from portal.search.services import search_document_remove
    except ImportError:
        return
    with contextlib.suppress(TypeError):  # not a kind of content the index holds (a comment on a draft)
        search_document_remove(obj)


def _remove_page(page, *, user) -> None:
    from wagtail.actions.unpublish_page import UnpublishPagePermissionError

    from portal.syndication.constants import ProposalStatus
    from portal.syndication.models import Proposal
    from portal.syndication.services import ProposalError, proposal_withdraw

    for proposal in Proposal.objects.filter(article_id=page.pk, status__in=[ProposalStatus.PENDING, ProposalStatus.ACCEPTED]):
        try:
            proposal_withdraw(proposal=proposal, actor=user)
        except ProposalError as error:
            raise TakedownError(str(error)) from error
    if page.live:
        try:
            page.unpublish(user=user, log_action=True)
        except UnpublishPagePermissionError as error:
            raise TakedownError(f"Bạn không có quyền gỡ trang “{page.title}”.") from error


def _remove_answer(question, *, user) -> None:
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.services import QuestionError, question_unpublish

    if question.status == QuestionStatus.PUBLISHED:
        try:
            question_unpublish(question=question, actor=user)
        except QuestionError as error:
            raise TakedownError(str(error)) from error


def _remove_comment(comment, *, user, note: str) -> None:
    from portal.consultation.services import ConsultationError, comment_moderate
    from portal.moderation.constants import ModerationStatus, ViolationCategory

    if comment.status == ModerationStatus.APPROVED:
        try:
            comment_moderate(comment=comment, actor=user, approve=False, category=ViolationCategory.OTHER, note=note)
        except ConsultationError as error:
            raise TakedownError(str(error)) from error


@transaction.atomic
def takedown_execute(*, request: TakedownRequest, user, now: dt.datetime | None = None) -> TakedownRequest:
    """Take every item down everywhere at once and record the elapsed time against the limit."""
    takedown = TakedownRequest.objects.select_for_update().get(pk=request.pk)
    if not permissions.can_take_down(user, takedown):
        raise TakedownError("Bạn không có quyền gỡ các mục của yêu cầu này (có mục thuộc trang của đơn vị khác).")
    _transition(takedown, TakedownStatus.DONE)
    now = now or timezone.now()
    note = f"Gỡ bỏ theo yêu cầu số {takedown.pk}: {takedown.legal_basis}"[:1000]
    items = list(takedown.items.select_related("content_type"))
    for item in items:
        model = item.content_type.model_class()
        obj = model._default_manager.filter(pk=item.object_id).first() if model else None
        if obj is not None:
            if item.kind == ItemKind.PAGE:
                obj = obj.specific
                _remove_page(obj, user=user)
            elif item.kind == ItemKind.ANSWER:
                _remove_answer(obj, user=user)
            elif item.kind == ItemKind.COMMENT:
                _remove_comment(obj, user=user, note=note)
            _search_remove(obj)
            log(obj, "portal.takedown.item", user=user, data={"request": takedown.pk, "label": item.label, "url": item.url})
        item.removed_at = now
        item.save(update_fields=["removed_at"])
    takedown.executed_at = now
    takedown.executed_by = user
    takedown.elapsed = max(now - takedown.received_at, dt.timedelta(0))
    takedown.breached = takedown.elapsed > dt.timedelta(hours=takedown.limit_hours)
    takedown.save(update_fields=["status", "executed_at", "executed_by", "elapsed", "breached"])
    log(
        takedown,
        "portal.takedown.execute",
        user=user,
        data={
            "items": [item.url or item.label for item in items],
            "elapsed_seconds": int(takedown.elapsed.total_seconds()),
            "limit_hours": takedown.limit_hours,
            "breached": takedown.breached,
        },
    )
    # Now for this process's next request, and again after commit so nothing re-caches the old page meanwhile.
    page_cache_purge()
    transaction.on_commit(page_cache_purge)
    return takedown


@transaction.atomic
def takedown_reject(*, request: TakedownRequest, user, reason: str) -> TakedownRequest:
    takedown = TakedownRequest.objects.select_for_update().get(pk=request.pk)
    if not permissions.can_take_down(user, takedown):
        raise TakedownError("Bạn không có quyền xử lý yêu cầu này.")
    if not reason.strip():
        raise TakedownError("Hãy ghi lý do không gỡ bỏ.")
    _transition(takedown, TakedownStatus.REJECTED)
    takedown.rejection_reason = reason.strip()
    takedown.executed_at = timezone.now()
    takedown.executed_by = user
    takedown.save(update_fields=["status", "rejection_reason", "executed_at", "executed_by"])
    log(takedown, "portal.takedown.reject", user=user, data={"reason": takedown.rejection_reason})
    return takedown


def timer(takedown: TakedownRequest, now: dt.datetime | None = None) -> dict:
    """What the list and detail pages show: the remaining or overdue time, or the elapsed time once done."""
    now = now or timezone.now()
    if takedown.status == TakedownStatus.DONE:
        text = f"Đã gỡ sau {duration_text(takedown.elapsed)}"
        return {"state": "breached" if takedown.breached else "done", "text": text + (" (quá hạn)" if takedown.breached else "")}
    if takedown.status == TakedownStatus.REJECTED:
        return {"state": "closed", "text": "Không gỡ"}
    left = takedown.deadline - now
    if left.total_seconds() < 0:
        return {"state": "overdue", "text": f"quá hạn {duration_text(-left, nearest=True)}"}
    warn = left <= dt.timedelta(hours=1)
    return {"state": "warning" if warn else "running", "text": f"còn {duration_text(left, nearest=True)}"}


def _board_head_emails(unit_ids) -> set[str]:
    users = get_user_model().objects.filter(
        is_active=True, groups__site_role__unit_id__in=unit_ids, groups__site_role__role=Role.BOARD_HEAD
    ).exclude(email="")
    return set(users.values_list("email", flat=True))


def _operator_emails() -> set[str]:
    return {v.strip() for v in settings.PORTAL_OPERATOR_EMAIL.split(",") if v.strip()}


def takedown_escalate(*, now: dt.datetime | None = None) -> int:
    """Remind the board heads and the operator of open requests past 1 h and 2 h; once per level. Returns messages queued."""
    from portal.notifications.services import message_queue

    now = now or timezone.now()
    queued = 0
    for candidate in TakedownRequest.objects.filter(status=TakedownStatus.RECEIVED, escalation_level__lt=MAX_ESCALATION_LEVEL):
        with transaction.atomic():
            takedown = TakedownRequest.objects.select_for_update().get(pk=candidate.pk)
            if takedown.status != TakedownStatus.RECEIVED:
                continue
            step_hours = rule_value("takedown.escalate_after_hours", on=_local_date(takedown.received_at))
            elapsed = now - takedown.received_at
            level = min(MAX_ESCALATION_LEVEL, int(elapsed / dt.timedelta(hours=step_hours)))
            if level <= takedown.escalation_level:
                continue
            items = list(takedown.items.all())
            left = takedown.deadline - now
            remaining = (
                f"còn {duration_text(left, nearest=True)}" if left.total_seconds() > 0 else f"đã quá hạn {duration_text(-left, nearest=True)}"
            )
            subject = f"[Nhắc lần {level}] Yêu cầu gỡ bỏ số {takedown.pk} chưa được xử lý ({remaining})"
            body = "\n".join(
                [
                    f"Yêu cầu gỡ bỏ số {takedown.pk} của {takedown.requester_organisation or takedown.requester_name} "
                    f"tiếp nhận lúc {timezone.localtime(takedown.received_at):%H:%M %d/%m/%Y} chưa được xử lý.",
                    f"Thời hạn gỡ bỏ là {takedown.limit_hours} giờ kể từ khi tiếp nhận: {remaining}.",
                    "Các mục cần gỡ:",
                    *[f"- {item.label}: {item.url}" for item in items],
                    f"Xử lý tại: {settings.WAGTAILADMIN_BASE_URL}/admin/go-bo/{takedown.pk}/",
                ]
            )
            recipients = _board_head_emails({item.unit_id for item in items}) | _operator_emails()
            for email in sorted(recipients):
                if message_queue(
                    channel="email", recipient=email, subject=subject, body=body,
                    reference=f"go-bo-{takedown.pk}", event=f"takedown.escalate.{level}",
                ):
                    queued += 1
            takedown.escalation_level = level
            takedown.save(update_fields=["escalation_level"])
            log(takedown, "portal.takedown.escalate", data={"level": level, "recipients": len(recipients)})
    return queued


# Violation reports ------------------------------------------------------------------------------


def report_consent_notice():
    from portal.moderation.models import ConsentNotice

    notice = ConsentNotice.objects.filter(purpose=REPORT_CONSENT_PURPOSE).order_by("-version").first()
    if notice is None:
        notice = ConsentNotice.objects.create(purpose=REPORT_CONSENT_PURPOSE, version=1, text=REPORT_CONSENT_TEXT)
    return notice


def report_due_date(received_on: dt.date) -> dt.date:
    return working_days_add(received_on, rule_value("violation_report.resolve_working_days", on=received_on))


@transaction.atomic
def report_submit(
    *, item: ResolvedItem, category: str, description: str, contact_email: str = "", ip_address: str | None = None,
    now: dt.datetime | None = None,
) -> ViolationReport:
    """A visitor's report becomes a ticket in the site's queue, with a resolution deadline in working days."""
    from portal.moderation.services import consent_record
    from portal.notifications.services import message_queue

    if category not in ReportCategory.values:
        raise TakedownError("Hãy chọn nhóm vi phạm.")
    now = now or timezone.now()
    report = ViolationReport.objects.create(
        unit=item.unit, kind=item.kind, content_type=item.content_type, object_id=item.object_id,
        item_label=item.label, item_url=item.url or "", category=category, description=description.strip(),
        contact_email=contact_email.strip(), received_at=now, resolve_due=report_due_date(_local_date(now)),
    )
    if report.contact_email:
        consent_record(
            notice=report_consent_notice(), name="", email=report.contact_email,
            subject_ref=f"bao-cao-vi-pham:{report.pk}", ip_address=ip_address,
        )
    log(report, "portal.violation_report.receive", data={"category": category, "item": report.item_url})
    for email in sorted(_board_head_emails({report.unit_id})):
        message_queue(
            channel="email", recipient=email, subject=f"Báo cáo vi phạm mới số {report.pk}: {report.item_label}"[:255],
            body=(
                f"Người xem báo cáo vi phạm ({report.get_category_display()}) đối với: {report.item_label}\n{report.item_url}\n\n"
                f"{report.description}\n\nHạn xử lý: {report.resolve_due:%d/%m/%Y}.\n"
                f"Xử lý tại: {settings.WAGTAILADMIN_BASE_URL}/admin/go-bo/bao-cao/{report.pk}/"
            ),
            reference=f"bao-cao-vi-pham-{report.pk}", event="violation_report.receive",
        )
    return report


def _report_transition(report: ViolationReport, to: str) -> None:
    if to not in REPORT_TRANSITIONS[ReportStatus(report.status)]:
        raise TakedownError(f"Không thể chuyển báo cáo từ “{report.get_status_display()}” sang “{ReportStatus(to).label}”.")
    report.status = to


@transaction.atomic
def report_review(*, report: ViolationReport, user) -> ViolationReport:
    report = ViolationReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_handle_report(user, report):
        raise TakedownError("Bạn không có quyền xử lý báo cáo này.")
    _report_transition(report, ReportStatus.REVIEWING)
    report.save(update_fields=["status"])
    log(report, "portal.violation_report.review", user=user)
    return report


@transaction.atomic
def report_resolve(*, report: ViolationReport, user, uphold: bool, note: str, now: dt.datetime | None = None) -> ViolationReport:
    """Uphold (the item is taken down through a takedown request, at once) or dismiss; the resolution is logged."""
    from portal.notifications.services import message_queue
    from portal.takedown.resolve import item_for_object

    report = ViolationReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_handle_report(user, report):
        raise TakedownError("Bạn không có quyền xử lý báo cáo này.")
    if not note.strip():
        raise TakedownError("Hãy ghi kết quả xử lý.")
    _report_transition(report, ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED)
    now = now or timezone.now()
    if uphold:
        model = report.content_type.model_class()
        obj = model._default_manager.filter(pk=report.object_id).first() if model else None
        if obj is not None:
            takedown = takedown_create(
                actor=user, requester_name=f"Người xem (báo cáo vi phạm số {report.pk})", channel=Channel.REPORT,
                legal_basis=f"{report.get_category_display()}. {note.strip()}", items=[item_for_object(obj)], received_at=now,
            )
            report.takedown = takedown_execute(request=takedown, user=user, now=now)
    report.resolved_at = now
    report.resolved_by = user
    report.resolution_note = note.strip()
    report.save(update_fields=["status", "resolved_at", "resolved_by", "resolution_note", "takedown"])
    log(
        report,
        "portal.violation_report.resolve",
        user=user,
        data={
            "upheld": uphold, "note": report.resolution_note, "takedown": report.takedown_id,
            "resolution_seconds": int(report.resolution_time.total_seconds()), "overdue": report.is_overdue,
        },
    )
    if report.contact_email:
        outcome = "đã được gỡ bỏ" if uphold else "được xem xét và không có vi phạm"
        message_queue(
            channel="email", recipient=report.contact_email, subject=f"Kết quả xử lý báo cáo vi phạm số {report.pk}",
            body=f"Nội dung bạn báo cáo ({report.item_label}) {outcome}.\n\n{report.resolution_note}",
            reference=f"bao-cao-vi-pham-{report.pk}", event="violation_report.resolve",
        )
    return report
