"""Small builders for dossier tests: units, a procedure handled online, dossiers through the real services."""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from portal.dossiers.constants import SubmissionChannel
from portal.dossiers.services import dossier_submit_direct
from portal.procedures.models import (
    Field,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)
from portal.units.constants import UnitKind
from portal.units.models import Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_keys = itertools.count(1)


def at(year, month, day, hour=9, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


def simple_units() -> dict[str, Unit]:
    """Units without sites: enough for services (no page tree, fast)."""
    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", identifier_code="000.00.00.H44")
    agency = Unit.objects.create(code="44-STTTT", kind=UnitKind.AGENCY, name="Sở Thông tin và Truyền thông", parent=province,
                                 identifier_code="000.00.19.H44")
    commune = Unit.objects.create(code="18898", kind=UnitKind.COMMUNE, name="Xã Bảo Ninh", parent=province,
                                  identifier_code="000.31.15.H44")
    return {"province": province, "agency": agency, "commune": commune}


def online_procedure(unit, *, code="1.000001", days=5, fee=0, handlers=(), online_payment=False, **fields) -> Procedure:
    field, _ = Field.objects.get_or_create(name="Hộ tịch", defaults={"slug": "ho-tich"})
    procedure = Procedure.objects.create(
        national_code=code, name=fields.pop("name", "Đăng ký khai sinh"), unit=unit, field=field,
        primary_level="commune", levels=["commune"], applicant_types=["citizen"], competent_agency="UBND cấp xã",
        implementing_agency="UBND cấp xã", steps="Bước 1. Nộp hồ sơ. Bước 2. Nhận kết quả.",
        channels=[{"channel": "online", "days": days, "fee_text": "Miễn phí"}], time_limit_days=days,
        fee_amount=fee, fee_text="Miễn phí" if not fee else f"{fee} đồng", result="Giấy khai sinh",
        legal_basis="Luật Hộ tịch 2014", online_submission=True, online_processing=True, online_payment=online_payment,
        postal_result=True, status=ProcedureStatus.PUBLISHED,
        form_schema=[{"name": "ten_tre", "label": "Họ, chữ đệm và tên người được khai sinh", "type": "text", "required": True}],
        **fields,
    )
    ProcedurePaper.objects.create(procedure=procedure, name="Tờ khai đăng ký khai sinh", originals=1, required=True)
    for handler in handlers or (unit,):
        ProcedureHandling.objects.create(procedure=procedure, unit=handler, online_enabled=True)
    return procedure


def submitted(procedure, *, receiving, handling=None, now=None, phone="0912345678", channel=SubmissionChannel.ONLINE, key=None):
    dossier, _ = dossier_submit_direct(
        scope="api:test", idempotency_key=key or f"k-{next(_keys)}", procedure=procedure, receiving_unit=receiving,
        handling_unit=handling or receiving, applicant={"name": "Nguyễn Văn An", "phone": phone, "email": "an@example.vn",
                                                        "id_number": "044090000001", "address": "Bảo Ninh, Quảng Bình"},
        form_data={"ten_tre": "Nguyễn Văn Bình"}, channel=channel, now=now,
    )
    return dossier
