"""The one write path for dossiers: drafts, submission, one-stop processing, apologies, payment, rating.

Every state change goes through `_transition` (the table in constants.TRANSITIONS), runs in a
transaction on a locked row, leaves a DossierEvent (who, when, from → to, hand-off), writes the
audit log and queues the citizen's e-mail and SMS after commit.
"""

import datetime as dt
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

from portal.audit.services import audit_from_log_entries
from portal.core.text import nfc
from portal.core.uploads import clean_upload
from portal.dossiers import permissions
from portal.dossiers.constants import (
    IN_HAND,
    NEXT_STEP,
    TRANSITIONS,
    DossierStatus,
    EventAction,
    FileKind,
    Rating,
    ResultDelivery,
    SubmissionChannel,
)
from portal.dossiers.errors import DossierError, SubmissionRefused
from portal.dossiers.models import (
    Dossier,
    DossierApology,
    DossierEvent,
    DossierFile,
    DossierRating,
    DossierSequence,
)
from portal.notifications.services import message_queue
from portal.rules.services import (
    is_working_day,
    rule_value,
    working_days_add,
    working_days_back,
    working_days_between,
)

S = DossierStatus




# --- Codes --------------------------------------------------------------------------------------


def _code_pattern() -> str:
    return settings.PORTAL_DOSSIER_CODE_PATTERN


def dossier_unit_identifier(unit) -> str:
    """The unit's identifier code (mã định danh, QCVN 102:2016) when recorded, else its registry code."""
    return (unit.identifier_code or unit.code).strip()


def dossier_format_code(unit, day: dt.date, number: int) -> str:
    """Upper case, so a lookup typed in any case is an exact match on the unique index."""
    return _code_pattern().format(unit=dossier_unit_identifier(unit), date=day, seq=number).upper()


def dossier_parse_code(code: str) -> dict | None:
    """Split a code made by `dossier_format_code` back into unit identifier, date and number."""
    pattern = re.escape(_code_pattern())
    pattern = pattern.replace(re.escape("{unit}"), r"(?P<unit>.+?)")
    pattern = re.sub(r"\\\{date:[^}]*\\\}", r"(?P<date>\\d{6,8})", pattern)
    pattern = re.sub(r"\\\{seq:[^}]*\\\}", r"(?P<seq>\\d+)", pattern)
    match = re.fullmatch(pattern, (code or "").strip())
    if not match:
        return None
    date_format = re.search(r"\{date:([^}]*)\}", _code_pattern()).group(1)
    try:
        day = dt.datetime.strptime(match["date"], date_format).date()  # noqa: DTZ007 (a date, no time zone)
    except ValueError:
        return None
    return {"unit": match["unit"], "date": day, "seq": int(match["seq"])}


def dossier_next_number(unit, day: dt.date) -> int:
    """The next number of `unit`'s dossiers on `day`, from one atomic upsert (no duplicates, no gaps).

    INSERT … ON CONFLICT … RETURNING works the same on PostgreSQL and SQLite ≥ 3.35
    (shared/docs/performance-notes.md: correct and fastest under concurrent writers).
    """
    table = connection.ops.quote_name(DossierSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (unit_id, day, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (unit_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [unit.pk, connection.ops.adapt_datefield_value(day)],
        )
        return cursor.fetchone()[0]


# --- Deadlines ----------------------------------------------------------------------------------


def _cutoff(on: dt.date) -> dt.time:
    hours, minutes = str(rule_value("dossier.receipt_cutoff", on=on)).split(":")
    return dt.time(int(hours), int(minutes))


def dossier_clock_start(received_at: dt.datetime) -> dt.date:
    """The day the time limit counts from: the day of receipt, or the next working day when the dossier
    arrived on a day off or after the cut-off hour (rule `dossier.receipt_cutoff`)."""
    local = timezone.localtime(received_at)
    day = local.date()
    if not is_working_day(day) or local.time() >= _cutoff(day):
        day = working_days_add(day, 1)
    return day


def dossier_due_date(received_at: dt.datetime, days: int | None, *, working: bool = True) -> tuple[dt.date, dt.date | None]:
    """(clock start, due date): `days` working days after the clock start, which is not counted.

    A limit written in plain days counts calendar days; a last day off moves to the next working day.
    """
    start = dossier_clock_start(received_at)
    if days is None:
        return start, None
    if not working:
        return start, working_days_add(start + dt.timedelta(days=days), 0)
    return start, working_days_add(start, days)


def dossier_apology_deadline(dossier: Dossier) -> dt.date | None:
    """The last day to send Mẫu 04 for the current appointment (rule `dossier.apology_lead_working_days`)."""
    if dossier.appointment_date is None:
        return None
    lead = rule_value("dossier.apology_lead_working_days", on=dossier.appointment_date)
    return working_days_back(dossier.appointment_date, lead) if lead else dossier.appointment_date


def dossier_needs_apology(dossier: Dossier, today: dt.date | None = None) -> bool:
    """In hand, no result, and the apology deadline for the current appointment has come."""
    if dossier.status not in IN_HAND or dossier.appointment_date is None:
        return False
    today = today or timezone.localdate()
    deadline = dossier_apology_deadline(dossier)
    if today < deadline:
        return False
    return not any(apology.previous_date == dossier.appointment_date for apology in dossier.apologies.all())


# --- Helpers ------------------------------------------------------------------------------------


def _locked(dossier: Dossier) -> Dossier:
    return (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("procedure", "handling_unit", "receiving_unit")
        .get(pk=dossier.pk)
    )


def _actor_name(actor) -> str:
    if actor is None:
        return "Hệ thống"
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return full or getattr(actor, "username", "") or str(actor)


def _transition(dossier: Dossier, action: str, *, to: str | None = None) -> str:
    sources, target = TRANSITIONS[EventAction(action)]
    if dossier.status not in sources:
        raise DossierError(
            f"Không thể “{EventAction(action).label.lower()}” với hồ sơ {dossier} đang ở trạng thái "
            f"“{dossier.get_status_display()}”."
        )
    previous = dossier.status
    dossier.status = to or target or dossier.status
    return previous


def _event(dossier, action, *, previous, actor, now, note="", from_unit=None, to_unit=None, data=None) -> DossierEvent:
    event = DossierEvent.objects.create(
        dossier=dossier, action=action, from_status=previous or "", to_status=dossier.status, at=now,
        actor=actor if getattr(actor, "pk", None) else None, actor_name=_actor_name(actor),
        from_unit=from_unit, to_unit=to_unit, note=note, data=data or {},
    )
    _audit(dossier, f"portal.dossier.{action}", user=actor if getattr(actor, "pk", None) else None, timestamp=now,
           data={"code": dossier.code, "from": previous, "to": dossier.status})
    return event


def _audit(dossier: Dossier, action: str, *, user, timestamp, data) -> None:
    """The entry Wagtail's `log()` writes, without its per-row `full_clean` (two queries on every submission,
    the busiest write path); the actions are registered in wagtail_hooks, which is all that check verifies."""
    context = get_active_log_context()
    entries = ModelLogEntry.objects.bulk_create([ModelLogEntry(
        content_type=ContentType.objects.get_for_model(Dossier, for_concrete_model=False), label=str(dossier),
        action=action, timestamp=timestamp, data=data, user=user or context.user, uuid=context.uuid,
        object_id=str(dossier.pk),
    )])
    audit_from_log_entries(entries, unit_id=dossier.handling_unit_id or dossier.receiving_unit_id)  # bulk_create sends no post_save


def _lookup_url() -> str:
    from portal.pages.chrome import main_portal_url

    return f"{main_portal_url()}dich-vu-cong/tra-cuu/"


NOTICE_DETAIL = {
    EventAction.SUBMIT: "Hồ sơ đã được gửi đến {receiving}. Bộ phận một cửa sẽ kiểm tra và tiếp nhận.",
    EventAction.RECEIVE: "Hồ sơ đã được tiếp nhận. Ngày hẹn trả kết quả: {appointment}.",
    EventAction.REQUEST_SUPPLEMENT: "Đề nghị bổ sung, hoàn thiện hồ sơ: {note}",
    EventAction.SUPPLEMENT: "Đã nhận giấy tờ bổ sung.",
    EventAction.REFUSE: "Hồ sơ không được tiếp nhận giải quyết. Lý do: {note}",
    EventAction.START: "Hồ sơ đã được chuyển đến {handling} để giải quyết.",
    EventAction.TRANSFER: "Hồ sơ đã được chuyển đến {handling} để giải quyết.",
    EventAction.SUSPEND: "Thời hạn giải quyết tạm dừng: {note}",
    EventAction.RESUME: "Hồ sơ tiếp tục được giải quyết. Ngày hẹn trả kết quả: {appointment}.",
    EventAction.RESULT: "Đã có kết quả giải quyết. Hình thức nhận: {delivery}.",
    EventAction.RETURN: "Đã trả kết quả. Mời ông/bà đánh giá mức độ hài lòng.",
    EventAction.WITHDRAW: "Hồ sơ đã được rút theo đề nghị.",
    EventAction.APOLOGISE: "Cơ quan giải quyết xin lỗi vì hồ sơ chậm so với hẹn. Ngày hẹn mới: {appointment}. Lý do: {note}",
    EventAction.PAY: "Đã ghi nhận thanh toán {note}.",
}


def dossier_notify(dossier: Dossier, action: str, note: str = "") -> None:
    """Tell the applicant about a change by e-mail and SMS (through the outbox, after commit)."""
    template = NOTICE_DETAIL.get(EventAction(action))
    if template is None or not dossier.code:
        return
    detail = template.format(
        receiving=dossier.receiving_unit.display_name,
        handling=dossier.handling_unit.display_name,
        appointment=f"{dossier.appointment_date:%d/%m/%Y}" if dossier.appointment_date else "theo quy định",
        delivery=dossier.get_result_delivery_display().lower(),
        note=note,
    )
    subject = f"Hồ sơ {dossier.code}: {dossier.get_status_display()}"
    body = (
        f"Hồ sơ {dossier.code} – {dossier.procedure.name}\n"
        f"Trạng thái: {dossier.get_status_display()}\n{detail}\n"
        f"Tra cứu: {_lookup_url()} (mã hồ sơ và 4 số cuối điện thoại)."
    )
    message_queue(channel="email", recipient=dossier.applicant_email, subject=subject, body=body,
                  reference=dossier.code, event=f"dossier.{action}")
    sms = f"{dossier.code}: {dossier.get_status_display()}. {detail}"[:300]
    message_queue(channel="sms", recipient=dossier.applicant_phone, body=sms, reference=dossier.code,
                  event=f"dossier.{action}")


def dossier_next_step(dossier: Dossier) -> str:
    return NEXT_STEP[S(dossier.status)]


# --- Citizen side -------------------------------------------------------------------------------


def _store_files(dossier: Dossier, files, *, kind: str, user) -> list[DossierFile]:
    """Validate every file by content before storing any; (paper, upload) pairs, paper may be None."""
    checked = []
    for paper, upload in files:
        try:
            file_kind, upload = clean_upload(upload)  # photos lose GPS tags
        except ValidationError as error:
            raise DossierError(" ".join(error.messages)) from error
        checked.append((paper, upload, file_kind))
    stored = []
    for paper, upload, file_kind in checked:
        stored.append(DossierFile.objects.create(
            dossier=dossier, kind=kind, paper=paper, file=upload, original_name=nfc(upload.name)[:255],
            content_type=file_kind.content_type, size=upload.size, uploaded_by=user if getattr(user, "pk", None) else None,
        ))
    return stored


def _clean_form_data(procedure, form_data: dict) -> dict:
    allowed = {field["name"] for field in procedure.form_schema or []}
    return {key: nfc(str(value)).strip() for key, value in (form_data or {}).items() if key in allowed}


APPLICANT_FIELDS = ("applicant_name", "applicant_id_number", "applicant_phone", "applicant_email", "applicant_address")


@transaction.atomic
def dossier_draft_save(
    *, user, procedure, handling_unit, receiving_unit, applicant: dict, form_data: dict, idempotency_key: str,
    result_delivery: str = ResultDelivery.IN_PERSON, postal_address: str = "", files=(), dossier: Dossier | None = None,
) -> Dossier:
    """Create or update the citizen's draft; the same idempotency key always reaches the same dossier."""
    permissions.ensure_can_submit(user, procedure, handling_unit, receiving_unit)
    scope = f"user:{user.pk}"
    if dossier is None and idempotency_key:
        dossier = Dossier.objects.filter(idempotency_scope=scope, idempotency_key=idempotency_key).first()
    if dossier is not None:
        dossier = _locked(dossier)
        if dossier.applicant_id != user.pk:
            raise DossierError("Hồ sơ này không thuộc tài khoản của bạn.")
        if dossier.status != S.DRAFT:
            return dossier  # already submitted: a late repeat of the same form changes nothing
    else:
        dossier = Dossier(applicant=user, idempotency_scope=scope, idempotency_key=idempotency_key or "",
                          channel=SubmissionChannel.ONLINE)
    dossier.procedure = procedure
    dossier.handling_unit = handling_unit
    dossier.receiving_unit = receiving_unit
    for name in APPLICANT_FIELDS:
        setattr(dossier, name, nfc(str(applicant.get(name.removeprefix("applicant_"), "") or "")).strip())
    dossier.form_data = _clean_form_data(procedure, form_data)
    dossier.result_delivery = result_delivery
    dossier.postal_address = nfc(postal_address).strip()
    dossier.fee_amount = procedure.fee_amount
    if dossier.pk is None:
        try:
            with transaction.atomic():
                dossier.save(force_insert=True)
        except IntegrityError:
            # A double click raced us with the same key: the other request created it.
            return Dossier.objects.get(idempotency_scope=scope, idempotency_key=idempotency_key)
        log(dossier, "portal.dossier.draft", user=user, data={"procedure": procedure.national_code})
    else:
        dossier.save()
    _store_files(dossier, files, kind=FileKind.PAPER, user=user)
    return dossier


def dossier_missing_for_submission(dossier: Dossier) -> list[str]:
    """What the citizen still has to fill in before the dossier can be sent (Vietnamese labels)."""
    missing = []
    if not dossier.applicant_name:
        missing.append("Họ và tên người nộp")
    if not (dossier.applicant_phone or dossier.applicant_email):
        missing.append("Điện thoại hoặc thư điện tử")
    for field in dossier.procedure.form_schema or []:
        if field.get("required") and not str(dossier.form_data.get(field["name"], "")).strip():
            missing.append(field["label"])
    if dossier.result_delivery == ResultDelivery.POST and not dossier.postal_address:
        missing.append("Địa chỉ nhận kết quả qua bưu chính")
    have_papers = {f.paper_id for f in dossier.files.all() if f.kind == FileKind.PAPER}
    for paper in dossier.procedure.papers.all():
        if paper.required and paper.pk not in have_papers:
            missing.append(f"Tệp “{paper.name[:80]}”")
    return missing


def _assign_code(dossier: Dossier, now: dt.datetime) -> None:
    day = timezone.localdate(now)
    dossier.code = dossier_format_code(dossier.receiving_unit, day, dossier_next_number(dossier.receiving_unit, day))


@transaction.atomic
def dossier_submit(*, dossier: Dossier, user, now: dt.datetime | None = None) -> Dossier:
    """Send a draft: code from the receiving unit's daily sequence; a repeat returns the same dossier."""
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(user, "pk", None):
        raise DossierError("Hồ sơ này không thuộc tài khoản của bạn.")
    if dossier.status != S.DRAFT:
        return dossier
    missing = dossier_missing_for_submission(dossier)
    if missing:
        raise DossierError("Còn thiếu: " + "; ".join(missing) + ".")
    permissions.ensure_can_submit(user, dossier.procedure, dossier.handling_unit, dossier.receiving_unit)
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.SUBMIT)
    dossier.submitted_at = now
    _assign_code(dossier, now)
    dossier.save()
    _event(dossier, EventAction.SUBMIT, previous=previous, actor=user, now=now, to_unit=dossier.receiving_unit)
    dossier_notify(dossier, EventAction.SUBMIT)
    return dossier


def dossier_submit_direct(
    *, scope: str, idempotency_key: str, procedure, receiving_unit, handling_unit, applicant: dict, form_data: dict,
    result_delivery: str = ResultDelivery.IN_PERSON, postal_address: str = "", channel: str = SubmissionChannel.ONLINE,
    user=None, now: dt.datetime | None = None, handling=None,
) -> tuple[Dossier, bool]:
    """Create and submit in one step (the API for the national portal, in-person reception): (dossier, created).

    `handling` is the ProcedureHandling row of `handling_unit` when the caller has it already (saves a query).
    """
    if not idempotency_key:
        raise DossierError("Thiếu khóa chống gửi trùng (Idempotency-Key).")
    same_key = Dossier.objects.filter(idempotency_scope=scope, idempotency_key=idempotency_key)
    if same_key.values_list("pk", flat=True)[:1]:
        return same_key.get(), False
    online = channel == SubmissionChannel.ONLINE
    if not procedure.accepts_online and online:
        raise DossierError("Thủ tục này chưa nhận hồ sơ trực tuyến.")
    if handling is None or handling.unit_id != handling_unit.pk or handling.procedure_id != procedure.pk:
        permissions.ensure_unit_handles(procedure, handling_unit, online=online)
    elif online and not handling.online_enabled:
        raise SubmissionRefused(f"{handling_unit.display_name} chưa nhận hồ sơ trực tuyến cho thủ tục này.")
    now = now or timezone.now()
    dossier = Dossier(
        procedure=procedure, receiving_unit=receiving_unit, handling_unit=handling_unit, channel=channel,
        applicant=user, idempotency_scope=scope, idempotency_key=idempotency_key, status=S.DRAFT,
        form_data=_clean_form_data(procedure, form_data), result_delivery=result_delivery,
        postal_address=nfc(postal_address).strip(), fee_amount=procedure.fee_amount,
    )
    for name in APPLICANT_FIELDS:
        setattr(dossier, name, nfc(str(applicant.get(name.removeprefix("applicant_"), "") or "")).strip())
    if not dossier.applicant_name or not (dossier.applicant_phone or dossier.applicant_email):
        raise DossierError("Cần họ tên và điện thoại hoặc thư điện tử của người nộp.")
    previous = _transition(dossier, EventAction.SUBMIT)
    dossier.submitted_at = now
    try:
        # One transaction for number, dossier, event, audit and outbox: a lost race on the key rolls it all back.
        with transaction.atomic():
            _assign_code(dossier, now)
            dossier.save(force_insert=True)
            _event(dossier, EventAction.SUBMIT, previous=previous, actor=user, now=now, to_unit=receiving_unit,
                   data={"channel": channel, "scope": scope})
            dossier_notify(dossier, EventAction.SUBMIT)
    except IntegrityError:
        existing = Dossier.objects.filter(idempotency_scope=scope, idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return dossier, True


@transaction.atomic
def dossier_supplement(*, dossier: Dossier, user, files=(), note: str = "", now: dt.datetime | None = None) -> Dossier:
    """The citizen sends what Mẫu 02 asked for; the clock resumes where it stopped."""
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(user, "pk", None):
        raise DossierError("Hồ sơ này không thuộc tài khoản của bạn.")
    if not files and not note.strip():
        raise DossierError("Hãy đính kèm giấy tờ bổ sung hoặc ghi nội dung bổ sung.")
    now = now or timezone.now()
    if dossier.status == S.SUPPLEMENT_REQUESTED:
        previous = _transition(dossier, EventAction.SUPPLEMENT, to=S.SUBMITTED)
    else:
        previous = _transition(dossier, EventAction.SUPPLEMENT, to=S.PROCESSING)
        _resume_clock(dossier, now)
    _store_files(dossier, files, kind=FileKind.SUPPLEMENT, user=user)
    dossier.save()
    _event(dossier, EventAction.SUPPLEMENT, previous=previous, actor=user, now=now, note=nfc(note).strip())
    dossier_notify(dossier, EventAction.SUPPLEMENT)
    return dossier


@transaction.atomic
def dossier_withdraw(*, dossier: Dossier, user, reason: str = "", now: dt.datetime | None = None) -> Dossier:
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(user, "pk", None) and not permissions.can_process(user, dossier):
        raise DossierError("Bạn không có quyền rút hồ sơ này.")
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.WITHDRAW)
    dossier.closed_at = now
    dossier.save()
    _event(dossier, EventAction.WITHDRAW, previous=previous, actor=user, now=now, note=nfc(reason).strip())
    dossier_notify(dossier, EventAction.WITHDRAW)
    return dossier


@transaction.atomic
def dossier_rate(*, dossier: Dossier, user, rating: str, comment: str = "", now: dt.datetime | None = None) -> DossierRating:
    dossier = _locked(dossier)
    if dossier.applicant_id != getattr(user, "pk", None):
        raise DossierError("Chỉ người nộp hồ sơ mới đánh giá được.")
    _transition(dossier, EventAction.RATE)
    if DossierRating.objects.filter(dossier=dossier).exists():
        raise DossierError("Bạn đã đánh giá hồ sơ này.")
    now = now or timezone.now()
    rating_obj = DossierRating.objects.create(
        dossier=dossier, rating=Rating(rating), comment=nfc(comment).strip(), rated_at=now,
        handling_unit=dossier.handling_unit, procedure=dossier.procedure,
    )
    _event(dossier, EventAction.RATE, previous=dossier.status, actor=user, now=now, data={"rating": rating})
    return rating_obj


@transaction.atomic
def dossier_payment_recorded(*, dossier: Dossier, amount: int, reference: str, at: dt.datetime | None = None) -> None:
    """Called by portal.payments once a payment is confirmed (exactly once per payment)."""
    dossier = _locked(dossier)
    _transition(dossier, EventAction.PAY)
    at = at or timezone.now()
    note = f"{amount:,} đồng (giao dịch {reference})".replace(",", ".")
    _event(dossier, EventAction.PAY, previous=dossier.status, actor=None, now=at, note=note,
           data={"amount": amount, "reference": reference})
    dossier_notify(dossier, EventAction.PAY, note=note)


# --- Officer side -------------------------------------------------------------------------------


def _officer(user, dossier: Dossier, *, reception: bool = False) -> None:
    allowed = permissions.can_receive(user, dossier) if reception else permissions.can_process(user, dossier)
    if not allowed:
        raise DossierError("Bạn không có quyền xử lý hồ sơ này.")


def _suspend_clock(dossier: Dossier, now: dt.datetime) -> None:
    if rule_value("dossier.suspend_clock_on_supplement", on=timezone.localdate(now)):
        dossier.suspended_at = now


def _resume_clock(dossier: Dossier, now: dt.datetime) -> None:
    """Push the due dates back by the working days the dossier waited for the citizen."""
    if dossier.suspended_at is None:
        return
    waited = working_days_between(timezone.localdate(dossier.suspended_at), timezone.localdate(now))
    if waited:
        if dossier.legal_due_date:
            dossier.legal_due_date = working_days_add(dossier.legal_due_date, waited)
        if dossier.appointment_date:
            dossier.appointment_date = working_days_add(dossier.appointment_date, waited)
        dossier.suspended_working_days += waited
    dossier.suspended_at = None


@transaction.atomic
def dossier_receive(*, dossier: Dossier, actor, now: dt.datetime | None = None) -> Dossier:
    """Mẫu 01: the dossier is complete; the clock starts and the appointment date is fixed."""
    dossier = _locked(dossier)
    _officer(actor, dossier, reception=True)
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.RECEIVE)
    dossier.received_at = now
    procedure = dossier.procedure
    dossier.clock_start, dossier.legal_due_date = dossier_due_date(
        now, procedure.time_limit_days, working=procedure.time_limit_working_days,
    )
    dossier.appointment_date = dossier.legal_due_date
    dossier.save()
    _event(dossier, EventAction.RECEIVE, previous=previous, actor=actor, now=now, from_unit=dossier.receiving_unit,
           to_unit=dossier.receiving_unit, data={"due": str(dossier.legal_due_date)})
    dossier_notify(dossier, EventAction.RECEIVE)
    return dossier


@transaction.atomic
def dossier_request_supplement(*, dossier: Dossier, actor, note: str, now: dt.datetime | None = None) -> Dossier:
    """Mẫu 02: tell the citizen, once and completely, what is missing (before receipt, or suspending the clock after)."""
    dossier = _locked(dossier)
    note = nfc(note).strip()
    if not note:
        raise DossierError("Hãy ghi rõ giấy tờ cần bổ sung, hoàn thiện.")
    before_receipt = dossier.status == S.SUBMITTED
    _officer(actor, dossier, reception=before_receipt)
    now = now or timezone.now()
    limit = rule_value("dossier.supplement_max_requests", on=timezone.localdate(now))
    if dossier.supplement_requests >= limit:
        raise DossierError(f"Hồ sơ đã được yêu cầu bổ sung {dossier.supplement_requests} lần; quy định chỉ cho phép {limit} lần.")
    previous = _transition(dossier, EventAction.REQUEST_SUPPLEMENT, to=S.SUPPLEMENT_REQUESTED if before_receipt else S.SUSPENDED)
    if not before_receipt:
        _suspend_clock(dossier, now)
    dossier.supplement_requests += 1
    dossier.supplement_note = note
    dossier.save()
    _event(dossier, EventAction.REQUEST_SUPPLEMENT, previous=previous, actor=actor, now=now, note=note)
    dossier_notify(dossier, EventAction.REQUEST_SUPPLEMENT, note=note)
    return dossier


@transaction.atomic
def dossier_refuse(*, dossier: Dossier, actor, reason: str, now: dt.datetime | None = None) -> Dossier:
    """Mẫu 03: refuse with the reasons in writing."""
    dossier = _locked(dossier)
    reason = nfc(reason).strip()
    if not reason:
        raise DossierError("Phải ghi rõ lý do từ chối.")
    _officer(actor, dossier, reception=dossier.status in (S.SUBMITTED, S.SUPPLEMENT_REQUESTED))
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.REFUSE)
    dossier.refusal_reason = reason
    dossier.closed_at = now
    dossier.save()
    _event(dossier, EventAction.REFUSE, previous=previous, actor=actor, now=now, note=reason)
    dossier_notify(dossier, EventAction.REFUSE, note=reason)
    return dossier


@transaction.atomic
def dossier_start(*, dossier: Dossier, actor, note: str = "", now: dt.datetime | None = None) -> Dossier:
    """Hand the received dossier to the handling unit (first line of Mẫu 05)."""
    dossier = _locked(dossier)
    _officer(actor, dossier, reception=True)
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.START)
    dossier.save()
    _event(dossier, EventAction.START, previous=previous, actor=actor, now=now, note=nfc(note).strip(),
           from_unit=dossier.receiving_unit, to_unit=dossier.handling_unit)
    dossier_notify(dossier, EventAction.START)
    return dossier


@transaction.atomic
def dossier_transfer(*, dossier: Dossier, actor, to_unit, note: str = "", now: dt.datetime | None = None) -> Dossier:
    """Move the dossier to another handling unit; the hand-off is recorded as in Mẫu 05."""
    dossier = _locked(dossier)
    _officer(actor, dossier)
    if to_unit.pk == dossier.handling_unit_id:
        raise DossierError("Hồ sơ đang ở đơn vị này.")
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.TRANSFER)
    from_unit = dossier.handling_unit
    dossier.handling_unit = to_unit
    dossier.save()
    _event(dossier, EventAction.TRANSFER, previous=previous, actor=actor, now=now, note=nfc(note).strip(),
           from_unit=from_unit, to_unit=to_unit)
    dossier_notify(dossier, EventAction.TRANSFER)
    return dossier


@transaction.atomic
def dossier_suspend(*, dossier: Dossier, actor, note: str, now: dt.datetime | None = None) -> Dossier:
    dossier = _locked(dossier)
    _officer(actor, dossier)
    note = nfc(note).strip()
    if not note:
        raise DossierError("Hãy ghi lý do tạm dừng.")
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.SUSPEND)
    dossier.suspended_at = now
    dossier.save()
    _event(dossier, EventAction.SUSPEND, previous=previous, actor=actor, now=now, note=note)
    dossier_notify(dossier, EventAction.SUSPEND, note=note)
    return dossier


@transaction.atomic
def dossier_resume(*, dossier: Dossier, actor, now: dt.datetime | None = None) -> Dossier:
    dossier = _locked(dossier)
    _officer(actor, dossier)
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.RESUME)
    _resume_clock(dossier, now)
    dossier.save()
    _event(dossier, EventAction.RESUME, previous=previous, actor=actor, now=now)
    dossier_notify(dossier, EventAction.RESUME)
    return dossier


@transaction.atomic
def dossier_result(*, dossier: Dossier, actor, summary: str, result_file=None, now: dt.datetime | None = None) -> Dossier:
    dossier = _locked(dossier)
    _officer(actor, dossier)
    summary = nfc(summary).strip()
    if not summary:
        raise DossierError("Hãy ghi tóm tắt kết quả giải quyết.")
    if dossier.result_delivery == ResultDelivery.ONLINE and result_file is None:
        raise DossierError("Người nộp chọn nhận kết quả trực tuyến: hãy đính kèm tệp kết quả.")
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.RESULT)
    if result_file is not None:
        _store_files(dossier, [(None, result_file)], kind=FileKind.RESULT, user=actor)
    dossier.result_summary = summary
    dossier.resolved_at = now
    dossier.save()
    _event(dossier, EventAction.RESULT, previous=previous, actor=actor, now=now, note=summary)
    dossier_notify(dossier, EventAction.RESULT)
    return dossier


@transaction.atomic
def dossier_return(*, dossier: Dossier, actor, method: str, note: str = "", now: dt.datetime | None = None) -> Dossier:
    dossier = _locked(dossier)
    _officer(actor, dossier, reception=True)
    now = now or timezone.now()
    previous = _transition(dossier, EventAction.RETURN)
    dossier.result_delivery = ResultDelivery(method)
    dossier.returned_at = now
    dossier.closed_at = now
    dossier.save()
    _event(dossier, EventAction.RETURN, previous=previous, actor=actor, now=now, note=nfc(note).strip(),
           data={"method": method})
    dossier_notify(dossier, EventAction.RETURN)
    return dossier


@transaction.atomic
def dossier_apologise(*, dossier: Dossier, actor, reason: str, new_date: dt.date, now: dt.datetime | None = None) -> DossierApology:
    """Mẫu 04: apologise and fix a new appointment; sent after the deadline it is flagged as late."""
    dossier = _locked(dossier)
    _officer(actor, dossier)
    reason = nfc(reason).strip()
    if not reason:
        raise DossierError("Hãy ghi lý do chậm trả kết quả.")
    _transition(dossier, EventAction.APOLOGISE)
    now = now or timezone.now()
    if dossier.appointment_date is None or new_date <= dossier.appointment_date:
        raise DossierError("Ngày hẹn mới phải sau ngày hẹn hiện tại.")
    if not is_working_day(new_date):
        raise DossierError(f"Ngày {new_date:%d/%m/%Y} không phải ngày làm việc.")
    deadline = dossier_apology_deadline(dossier)
    apology = DossierApology.objects.create(
        dossier=dossier, issued_at=now, issued_by=actor, reason=reason, previous_date=dossier.appointment_date,
        new_date=new_date, late=timezone.localdate(now) > deadline,
    )
    dossier.appointment_date = new_date
    dossier.save()
    _event(dossier, EventAction.APOLOGISE, previous=dossier.status, actor=actor, now=now, note=reason,
           data={"previous_date": str(apology.previous_date), "new_date": str(new_date), "late": apology.late})
    dossier_notify(dossier, EventAction.APOLOGISE, note=reason)
    return apology
