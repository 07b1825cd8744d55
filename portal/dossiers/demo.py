"""Demo of the online public services: the sample procedures from the national database on their units,
online submission for common procedures at Xã Bảo Ninh and Sở TTTT, a citizen account, and dossiers in every
state (overdue ones with and without an apology letter).

Idempotent: procedures are upserted by national code; dossiers are recognised by their idempotency key.
"""

import datetime as dt
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.citizens.models import CitizenProfile
from portal.dossiers import services
from portal.dossiers.constants import SubmissionChannel
from portal.dossiers.models import Dossier
from portal.editorial.constants import Role
from portal.procedures.importer import import_procedures
from portal.procedures.models import (
    Field,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)
from portal.procedures.services import procedure_set_online
from portal.rules.services import working_days_back

SAMPLE = Path(__file__).resolve().parent.parent / "procedures" / "data" / "procedures-sample.jsonl"
CITIZEN_USERNAME = "congdan"
CITIZEN = {"full_name": "Nguyễn Thị Hương", "phone": "0912345678", "email": "congdan@demo.quangbinh.gov.vn",
           "id_number": "044190001234", "address": "Thôn Quang Phú, xã Bảo Ninh, tỉnh Quảng Bình"}

BIRTH_FORM = [
    {"name": "ho_ten_tre", "label": "Họ, chữ đệm và tên người được khai sinh", "type": "text", "required": True},
    {"name": "ngay_sinh", "label": "Ngày sinh", "type": "date", "required": True},
    {"name": "noi_sinh", "label": "Nơi sinh", "type": "text", "required": True},
    {"name": "gioi_tinh", "label": "Giới tính", "type": "choice", "choices": ["Nam", "Nữ"], "required": True},
    {"name": "quan_he", "label": "Quan hệ với người được khai sinh", "type": "choice", "choices": ["Cha", "Mẹ", "Ông, bà", "Người thân khác"], "required": True},
]
MARITAL_FORM = [
    {"name": "muc_dich", "label": "Mục đích sử dụng giấy xác nhận", "type": "text", "required": True},
    {"name": "noi_cu_tru", "label": "Nơi cư trú", "type": "text", "required": True},
]
CIVIL_FORM = [{"name": "viec_ho_tich", "label": "Việc hộ tịch cần xác nhận", "type": "textarea", "required": True},
              {"name": "so_ban", "label": "Số bản đề nghị cấp", "type": "number", "required": True}]

# Bảo Ninh: national code → (e-form, online payment and result enabled by the province)
BAONINH_ONLINE = {
    "1.004772": (BIRTH_FORM, False),  # Đăng ký khai sinh
    "1.004873": (MARITAL_FORM, False),  # Xác nhận tình trạng hôn nhân
    "2.002516": (CIVIL_FORM, True),  # Xác nhận thông tin hộ tịch (lệ phí 8.000 đồng)
    "1.004884": (BIRTH_FORM, False),  # Đăng ký lại khai sinh
}

# Procedures of the ICT sector are not in the national sample; these two are written for the demo
# (codes marked DEMO so nobody mistakes them for national ones).
STTTT_PROCEDURES = [
    {
        "national_code": "DEMO.STTTT.01", "name": "Cấp giấy phép xuất bản bản tin (địa phương)", "field": "Báo chí",
        "days": 15, "fee": 0, "result": "Giấy phép xuất bản bản tin",
        "papers": [("Đơn đề nghị cấp giấy phép xuất bản bản tin", 1, 0), ("Mẫu trình bày tên gọi và măng-sét bản tin", 1, 0)],
        "form": [{"name": "ten_ban_tin", "label": "Tên bản tin", "type": "text", "required": True},
                 {"name": "ky_han", "label": "Kỳ hạn xuất bản", "type": "choice", "choices": ["Hằng tháng", "Hằng quý"], "required": True},
                 {"name": "so_luong", "label": "Số lượng bản mỗi kỳ", "type": "number", "required": True}],
    },
    {
        "national_code": "DEMO.STTTT.02", "name": "Cấp giấy phép hoạt động in", "field": "Xuất bản, in và phát hành",
        "days": 10, "fee": 150000, "result": "Giấy phép hoạt động in",
        "papers": [("Đơn đề nghị cấp giấy phép hoạt động in", 1, 0), ("Giấy tờ chứng minh quyền sử dụng mặt bằng sản xuất", 0, 1)],
        "form": [{"name": "ten_co_so", "label": "Tên cơ sở in", "type": "text", "required": True},
                 {"name": "dia_diem", "label": "Địa điểm sản xuất", "type": "text", "required": True}],
    },
]

PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"


def _citizen(out):
    User = get_user_model()
    from portal.core.demo.seed import PASSWORD

    user = User.objects.filter(username=CITIZEN_USERNAME).first()
    if user is None:
        user = User.objects.create_user(username=CITIZEN_USERNAME, password=PASSWORD, first_name="Hương", last_name="Nguyễn Thị")
        now = timezone.now()
        CitizenProfile.objects.create(user=user, phone_verified_at=now, email_verified_at=now, **CITIZEN)
        out(f"  + Tài khoản công dân {CITIZEN_USERNAME} (điện thoại {CITIZEN['phone']} đã xác minh)")
    return user


def _sttttt_procedures(unit) -> list[Procedure]:
    made = []
    for spec in STTTT_PROCEDURES:
        field, _ = Field.objects.get_or_create(name=spec["field"], defaults={"slug": spec["national_code"].lower().replace(".", "-")})
        procedure, created = Procedure.objects.get_or_create(national_code=spec["national_code"], defaults={
            "name": spec["name"], "unit": unit, "field": field, "levels": ["province"], "primary_level": "province",
            "applicant_types": ["organisation", "enterprise"], "competent_agency": "Sở Thông tin và Truyền thông",
            "implementing_agency": "Sở Thông tin và Truyền thông",
            "steps": "Bước 1: Tổ chức nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.\n"
                     "Bước 2: Sở Thông tin và Truyền thông thẩm định hồ sơ.\nBước 3: Trả kết quả.",
            "channels": [{"channel": "online", "days": spec["days"], "fee_text": "Theo quy định"},
                         {"channel": "in_person", "days": spec["days"], "fee_text": "Theo quy định"}],
            "time_limit_days": spec["days"], "time_limit_text": f"{spec['days']} ngày làm việc",
            "fee_amount": spec["fee"], "fee_text": f"{spec['fee']:,} đồng".replace(",", ".") if spec["fee"] else "Không",
            "conditions": "Không", "result": spec["result"], "legal_basis": "Luật Xuất bản 2012; Nghị định 195/2013/NĐ-CP",
            "online_submission": True, "online_processing": True, "online_payment": bool(spec["fee"]),
            "online_result": True, "postal_result": True, "form_schema": spec["form"], "status": ProcedureStatus.PUBLISHED,
        })
        if created:
            for order, (name, originals, copies) in enumerate(spec["papers"]):
                ProcedurePaper.objects.create(procedure=procedure, name=name, originals=originals, copies=copies, sort_order=order)
            procedure.save()
        ProcedureHandling.objects.update_or_create(procedure=procedure, unit=unit, defaults={"online_enabled": True})
        made.append(procedure)
    return made


def _enable_baoninh(unit, operator) -> list[Procedure]:
    enabled = []
    for code, (form, pay) in BAONINH_ONLINE.items():
        procedure = Procedure.objects.filter(national_code=code).first()
        if procedure is None or not procedure.handlings.filter(unit=unit).exists():
            continue
        changed = []
        if not procedure.form_schema:
            procedure.form_schema = form
            changed.append("form_schema")
        if pay and not (procedure.online_payment and procedure.online_result):
            procedure.online_payment = procedure.online_result = True
            changed += ["online_payment", "online_result"]
        if not procedure.online_submission:
            procedure.online_submission = procedure.online_processing = True
            changed += ["online_submission", "online_processing"]
        if changed:
            procedure.save(update_fields=changed)
        if procedure.status != ProcedureStatus.PUBLISHED:
            procedure.status = ProcedureStatus.PUBLISHED
            procedure.save(update_fields=["status"])
        procedure_set_online(procedure=procedure, unit=unit, enabled=True, actor=None)
        enabled.append(procedure)
    return enabled


def _form_values(procedure) -> dict:
    samples = {"date": "12/10/2026", "number": "2", "choice": None}
    values = {}
    for field in procedure.form_schema:
        value = samples.get(field["type"], f"{field['label']} (trình diễn)")
        values[field["name"]] = field.get("choices", [""])[0] if field["type"] == "choice" else value
    return values


def _dossier(citizen, procedure, unit, key, *, submitted_at, channel=SubmissionChannel.ONLINE, receiving=None):
    existing = Dossier.objects.filter(idempotency_scope=f"user:{citizen.pk}", idempotency_key=key).first()
    if existing is not None:
        return existing, False
    applicant = {k: CITIZEN[f] for k, f in (("name", "full_name"), ("phone", "phone"), ("email", "email"),
                                          ("id_number", "id_number"), ("address", "address"))}
    dossier, created = services.dossier_submit_direct(
        scope=f"user:{citizen.pk}", idempotency_key=key, procedure=procedure, receiving_unit=receiving or unit,
        handling_unit=unit, applicant=applicant, form_data=_form_values(procedure), channel=channel, user=citizen,
        result_delivery="online" if procedure.online_result else "in_person", now=submitted_at,
    )
    return dossier, created


def _moment(day: dt.date, hour=9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _story(citizen, officer, procedure, unit, prefix, today, *, main_unit) -> int:
    """Dossiers in every state for one unit; returns how many were created."""
    back = lambda n: working_days_back(today, n)  # noqa: E731
    made = 0

    def new(name, days_ago, **kwargs):
        nonlocal made
        dossier, created = _dossier(citizen, procedure, unit, f"demo-{prefix}-{name}", submitted_at=_moment(back(days_ago)), **kwargs)
        made += created
        return dossier, created

    d, c = new("cho-tiep-nhan", 0)  # submitted, waiting
    d, c = new("bo-sung-truoc", 2)
    if c:
        services.dossier_request_supplement(dossier=d, actor=officer, note="Bổ sung bản chụp giấy chứng sinh rõ nét.", now=_moment(back(1)))
    d, c = new("tu-choi", 3)
    if c:
        services.dossier_refuse(dossier=d, actor=officer, reason="Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị.", now=_moment(back(2)))
    d, c = new("da-tiep-nhan", 0)
    if c:
        services.dossier_receive(dossier=d, actor=officer, now=_moment(today, 8))
    d, c = new("dang-xu-ly", 1, receiving=main_unit)  # received at the province's centre, handled here
    if c:
        services.dossier_receive(dossier=d, actor=officer, now=_moment(back(1), 10))
        services.dossier_start(dossier=d, actor=officer, now=_moment(back(1), 11))
    d, c = new("tam-dung", 3)
    if c:
        services.dossier_receive(dossier=d, actor=officer, now=_moment(back(3), 10))
        services.dossier_start(dossier=d, actor=officer, now=_moment(back(3), 11))
        services.dossier_request_supplement(dossier=d, actor=officer, note="Bổ sung văn bản xác nhận nơi cư trú.", now=_moment(back(2)))
    d, c = new("co-ket-qua", 4)
    if c:
        services.dossier_receive(dossier=d, actor=officer, now=_moment(back(4), 10))
        services.dossier_start(dossier=d, actor=officer, now=_moment(back(4), 11))
        services.dossier_result(dossier=d, actor=officer, summary=procedure.result[:200] or "Kết quả giải quyết",
                                result_file=ContentFile(PDF, name="ket-qua.pdf"), now=_moment(back(1)))
    for name, days_ago, in_person in (("da-tra", 8, False), ("da-tra-truc-tiep", 9, True)):
        d, c = new(name, days_ago, channel=SubmissionChannel.IN_PERSON if in_person else SubmissionChannel.ONLINE)
        if c:
            services.dossier_receive(dossier=d, actor=officer, now=_moment(back(days_ago), 10))
            services.dossier_start(dossier=d, actor=officer, now=_moment(back(days_ago), 11))
            services.dossier_result(dossier=d, actor=officer, summary=procedure.result[:200] or "Kết quả giải quyết",
                                    result_file=ContentFile(PDF, name="ket-qua.pdf"), now=_moment(back(days_ago - 2)))
            services.dossier_return(dossier=d, actor=officer, method="online" if not in_person else "in_person", now=_moment(back(days_ago - 3)))
            if not in_person:
                services.dossier_rate(dossier=d, user=citizen, rating="very_satisfied", comment="Cán bộ hướng dẫn tận tình.", now=_moment(back(days_ago - 3), 15))
    d, c = new("rut", 2)
    if c:
        services.dossier_withdraw(dossier=d, user=citizen, reason="Nộp nhầm thủ tục.", now=_moment(back(1)))
    limit = procedure.time_limit_days or 5
    # Overdue, no apology yet: the queue flags it and prompts for Mẫu 04.
    d, c = new("qua-han", limit + 3)
    if c:
        services.dossier_receive(dossier=d, actor=officer, now=_moment(back(limit + 3), 10))
        services.dossier_start(dossier=d, actor=officer, now=_moment(back(limit + 3), 11))
    # Apology sent in time, new appointment in the future.
    d, c = new("xin-loi", limit)
    if c:
        d = services.dossier_receive(dossier=d, actor=officer, now=_moment(back(limit), 10))
        d = services.dossier_start(dossier=d, actor=officer, now=_moment(back(limit), 11))
        deadline = services.dossier_apology_deadline(d)
        services.dossier_apologise(dossier=d, actor=officer, reason="Chờ ý kiến của cơ quan phối hợp.",
                                   new_date=services.working_days_add(d.appointment_date, 3), now=_moment(min(deadline, today)))
    # Apology sent late (after its deadline).
    d, c = new("xin-loi-muon", limit + 2)
    if c:
        d = services.dossier_receive(dossier=d, actor=officer, now=_moment(back(limit + 2), 10))
        d = services.dossier_start(dossier=d, actor=officer, now=_moment(back(limit + 2), 11))
        services.dossier_apologise(dossier=d, actor=officer, reason="Cán bộ thụ lý nghỉ ốm đột xuất.",
                                   new_date=services.working_days_add(today, 2), now=_moment(today, 8))
    new_draft_key = f"demo-{prefix}-nhap"
    if not Dossier.objects.filter(idempotency_key=new_draft_key).exists():
        services.dossier_draft_save(
            user=citizen, procedure=procedure, handling_unit=unit, receiving_unit=unit,
            applicant={"name": CITIZEN["full_name"], "phone": CITIZEN["phone"]}, form_data={}, idempotency_key=new_draft_key,
        )
        made += 1
    return made


def seed(units, users, now, out) -> int:
    stttt, baoninh, main = units.get("stttt"), units.get("baoninh"), units.get("main")
    if main is None:
        return 0
    report = import_procedures(SAMPLE, publish=True)
    out(f"  Thủ tục hành chính: {report.created} mới, {report.updated} cập nhật, {report.published} công khai, "
        f"{report.with_problems} có vấn đề khi đọc, {len(report.failed)} không nhập được")
    created = report.created
    with transaction.atomic():
        citizen = _citizen(out)
        today = timezone.localdate(now)
        if baoninh is not None and users.get("baoninh", {}).get(Role.ONE_STOP):
            officer = users["baoninh"][Role.ONE_STOP]
            procedures = _enable_baoninh(baoninh, None)
            if procedures:
                created += _story(citizen, officer, procedures[0], baoninh, "baoninh", today, main_unit=main)
        if stttt is not None and users.get("stttt", {}).get(Role.ONE_STOP):
            officer = users["stttt"][Role.ONE_STOP]
            procedures = _sttttt_procedures(stttt)
            created += _story(citizen, officer, procedures[0], stttt, "stttt", today, main_unit=main)
    out(f"  Hồ sơ trình diễn: {Dossier.objects.count()} hồ sơ")
    return created
