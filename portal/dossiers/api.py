"""Dossier API: submission for connected systems (the national portal) and the public status lookup."""

import datetime as dt
import hmac

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Router, Schema

from portal.dossiers import selectors
from portal.dossiers.constants import ResultDelivery, SubmissionChannel
from portal.dossiers.errors import DossierError
from portal.dossiers.services import dossier_next_step, dossier_submit_direct
from portal.moderation.forms import rate_limit_hit
from portal.procedures.models import Procedure, ProcedureHandling, ProcedureStatus
from portal.units.models import Unit

router = Router(tags=["Hồ sơ thủ tục hành chính"])

LOOKUP_WINDOW_SECONDS = 15 * 60
NOT_FOUND = "Không tìm thấy hồ sơ với mã và số điện thoại này."


class ApplicantIn(Schema):
    name: str = Field(..., description="Họ và tên người nộp (hoặc tên tổ chức)")
    phone: str = Field("", description="Điện thoại (để nhận tin nhắn và tra cứu)")
    email: str = Field("", description="Thư điện tử")
    id_number: str = Field("", description="Số định danh cá nhân hoặc mã số doanh nghiệp")
    address: str = Field("", description="Địa chỉ")


class SubmissionIn(Schema):
    procedure: str = Field(..., description="Mã thủ tục trong CSDL quốc gia, ví dụ 1.001193")
    receiving_unit: str = Field(..., description="Mã đơn vị tiếp nhận (mã trong danh mục đơn vị của Cổng)")
    handling_unit: str | None = Field(None, description="Mã đơn vị giải quyết; mặc định là nơi tiếp nhận nếu nơi đó giải quyết thủ tục")
    applicant: ApplicantIn
    form_data: dict[str, str] = Field(default_factory=dict, description="Các trường của tờ khai điện tử")
    result_delivery: ResultDelivery = ResultDelivery.IN_PERSON
    postal_address: str = ""
    channel: SubmissionChannel = SubmissionChannel.ONLINE


class SubmissionOut(Schema):
    code: str
    status: str
    status_label: str
    submitted_at: dt.datetime
    receiving_unit: str
    handling_unit: str


class ErrorOut(Schema):
    detail: str


class EventOut(Schema):
    at: dt.datetime
    action: str
    action_label: str
    status_label: str
    unit: str | None


class LookupOut(Schema):
    code: str
    procedure: str
    status: str
    status_label: str
    submitted_at: dt.datetime | None
    received_at: dt.datetime | None
    appointment_date: dt.date | None
    handling_unit: str
    next_step: str
    timeline: list[EventOut]


def _api_client(request: HttpRequest) -> str | None:
    sent = request.headers.get("X-Api-Key", "")
    for entry in filter(None, (part.strip() for part in settings.PORTAL_SUBMISSION_API_KEYS.split(","))):
        name, _, key = entry.partition(":")
        if key and sent and hmac.compare_digest(key, sent):
            return name
    return None


# What a submission reads of the procedure and the unit (the busiest write path: fewer columns, less to compile).
HANDLING_FIELDS = (
    "online_enabled", "procedure__national_code", "procedure__name", "procedure__status", "procedure__online_submission",
    "procedure__form_schema", "procedure__fee_amount", "unit__code", "unit__name", "unit__kind", "unit__division_type",
    "unit__identifier_code",
)


def _resolve(payload: SubmissionIn):
    """(procedure, receiving unit, handling unit, handling row). The common case — the reception point handles
    the procedure itself — is one query; a commune-level procedure has a row per commune, so never load them all."""
    if not payload.handling_unit or payload.handling_unit == payload.receiving_unit:
        rows = (
            ProcedureHandling.objects.select_related("procedure", "unit")
            .filter(procedure__national_code=payload.procedure, procedure__status=ProcedureStatus.PUBLISHED,
                    unit__code=payload.receiving_unit)
            .only(*HANDLING_FIELDS)[:1]
        )
        row = next(iter(rows), None)  # unique pair: no ORDER BY needed
        if row is not None:
            return row.procedure, row.unit, row.unit, row
    procedure = Procedure.objects.filter(national_code=payload.procedure, status=ProcedureStatus.PUBLISHED).first()
    receiving = Unit.objects.filter(code=payload.receiving_unit).first()
    if procedure is None or receiving is None:
        return procedure, receiving, None, None
    if payload.handling_unit:
        return procedure, receiving, Unit.objects.filter(code=payload.handling_unit).first(), None
    row = procedure.handlings.select_related("unit").filter(online_enabled=True).order_by("unit__sort_order").first()
    return procedure, receiving, (row.unit if row else None), row


@router.post(
    "/dossiers", response={200: SubmissionOut, 201: SubmissionOut, 400: ErrorOut, 401: ErrorOut},
    summary="Nộp hồ sơ (hệ thống kết nối)",
    description="Cần tiêu đề X-Api-Key và Idempotency-Key. Gửi lại cùng Idempotency-Key trả về hồ sơ đã tạo (200), không tạo hồ sơ thứ hai.",
)
def submit(request, payload: SubmissionIn):
    client = _api_client(request)
    if client is None:
        return 401, {"detail": "Khóa API không hợp lệ."}
    key = request.headers.get("Idempotency-Key", "").strip()[:64]
    procedure, receiving, handling, row = _resolve(payload)
    if procedure is None or receiving is None:
        return 400, {"detail": "Không tìm thấy thủ tục hoặc đơn vị tiếp nhận."}
    if handling is None:
        return 400, {"detail": "Thủ tục chưa có đơn vị giải quyết."}
    try:
        dossier, created = dossier_submit_direct(
            scope=f"api:{client}", idempotency_key=key, procedure=procedure, receiving_unit=receiving,
            handling_unit=handling, applicant=payload.applicant.dict(), form_data=payload.form_data,
            result_delivery=payload.result_delivery, postal_address=payload.postal_address, channel=payload.channel,
            handling=row,
        )
    except DossierError as error:
        return 400, {"detail": str(error)}
    body = SubmissionOut(
        code=dossier.code, status=dossier.status, status_label=dossier.get_status_display(),
        submitted_at=dossier.submitted_at, receiving_unit=dossier.receiving_unit.code, handling_unit=dossier.handling_unit.code,
    )
    return (201 if created else 200), body


def lookup_limited(request) -> bool:
    return rate_limit_hit(request, "dossier-lookup", settings.PORTAL_LOOKUP_RATE_LIMIT, LOOKUP_WINDOW_SECONDS)


def lookup_payload(dossier) -> LookupOut:
    return LookupOut(
        code=dossier.code, procedure=dossier.procedure.name, status=dossier.status, status_label=dossier.get_status_display(),
        submitted_at=dossier.submitted_at, received_at=dossier.received_at, appointment_date=dossier.appointment_date,
        handling_unit=dossier.handling_unit.display_name, next_step=dossier_next_step(dossier),
        timeline=[
            EventOut(at=event.at, action=event.action, action_label=event.get_action_display(),
                     status_label=event.get_to_status_display() if event.to_status else "",
                     unit=event.to_unit.display_name if event.to_unit else None)
            for event in selectors.public_timeline(dossier)
        ],
    )


class LookupIn(Schema):
    code: str = Field(..., description="Mã hồ sơ")
    phone_tail: str = Field(..., description="4 số cuối điện thoại của người nộp")


@router.post(
    "/dossiers/lookup", response={200: LookupOut, 404: ErrorOut, 429: ErrorOut},
    summary="Tra cứu tình trạng hồ sơ",
    description="Cần mã hồ sơ và 4 số cuối điện thoại của người nộp, gửi trong thân yêu cầu (không nằm trong địa chỉ, "
    "nên không vào nhật ký truy cập). Mã sai và số sai trả lời như nhau; giới hạn số lần tra cứu.",
)
def lookup(request, payload: LookupIn):
    if lookup_limited(request):
        return 429, {"detail": "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút."}
    dossier = selectors.dossier_for_lookup(payload.code, payload.phone_tail)
    if dossier is None:
        return 404, {"detail": NOT_FOUND}
    return 200, lookup_payload(dossier)
