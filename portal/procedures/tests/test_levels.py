"""Levels follow the capabilities (L-43-3.1, L-42-11) through Procedure.save; the services guard publication and online."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from portal.procedures import services
from portal.procedures.models import (
    Field,
    Level2022,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)
from portal.units.constants import UnitKind
from portal.units.models import Unit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_procedure(**fields) -> Procedure:
    unit = Unit.objects.get_or_create(code="44", defaults={"kind": UnitKind.PROVINCE, "name": "Tỉnh Quảng Bình"})[0]
    values = {"national_code": "1.000001", "name": "Đăng ký khai sinh", "unit": unit, "primary_level": "commune"}
    values.update(fields)
    return Procedure.objects.create(**values)


@pytest.mark.django_db
def test_levels_are_derived_from_capabilities_and_forms():
    online = {"online_submission": True, "online_processing": True}
    fee = make_procedure(national_code="1", fee_amount=50_000, postal_result=True, **online)
    assert (fee.level_2011, fee.level_2022) == (3, Level2022.PARTIAL)  # fee but no online payment: một phần
    fee.online_payment = True
    fee.save()
    assert (fee.level_2011, fee.level_2022) == (4, Level2022.FULL)
    free = make_procedure(national_code="2", fee_amount=0, postal_result=True, **online)
    assert (free.level_2011, free.level_2022) == (4, Level2022.FULL)  # no fee + online + postal result
    no_result = make_procedure(national_code="3", **online)
    assert (no_result.level_2011, no_result.level_2022) == (3, Level2022.PARTIAL)  # result only in person
    paper_only = make_procedure(national_code="4")
    assert (paper_only.level_2011, paper_only.level_2022) == (1, Level2022.NONE)
    # A downloadable form makes level 2 once the levels are refreshed after the papers change.
    ProcedurePaper.objects.create(procedure=paper_only, name="Tờ khai", template_file=SimpleUploadedFile("to-khai.pdf", PDF))
    services.procedure_refresh_levels(paper_only)
    paper_only.refresh_from_db()
    assert paper_only.level_2011 == 2


@pytest.mark.django_db
def test_publish_is_refused_with_missing_fields_named_then_allowed():
    procedure = make_procedure()
    missing = services.procedure_missing_fields(procedure)
    assert missing == [
        "Lĩnh vực", "Cơ quan thực hiện", "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ",
        "Thời hạn giải quyết", "Phí, lệ phí", "Kết quả thực hiện", "Căn cứ pháp lý",
    ]
    with pytest.raises(services.ProcedureError, match="còn thiếu Lĩnh vực, Cơ quan thực hiện"):
        services.procedure_publish(procedure=procedure, actor=None)
    procedure.refresh_from_db()
    assert procedure.status == ProcedureStatus.DRAFT
    procedure.field = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    procedure.implementing_agency = "Ủy ban nhân dân cấp xã"
    procedure.steps = "Bước 1. Nộp hồ sơ."
    procedure.channels = [{"channel": "in_person", "days": 1}]
    procedure.time_limit_text = "Ngay trong ngày"
    procedure.fee_text = "Miễn phí"  # an explicit "no fee" counts
    procedure.result = "Giấy khai sinh"
    procedure.legal_basis = "Luật Hộ tịch (60/2014/QH13)"
    procedure.save()
    ProcedurePaper.objects.create(procedure=procedure, name="Tờ khai đăng ký khai sinh", originals=1)
    assert services.procedure_missing_fields(procedure) == []
    services.procedure_publish(procedure=procedure, actor=None)
    assert Procedure.objects.get(pk=procedure.pk).status == ProcedureStatus.PUBLISHED
    assert ModelLogEntry.objects.filter(action="portal.procedure.publish").count() == 1


@pytest.mark.django_db
def test_online_needs_the_capability_and_a_valid_eform():
    procedure = make_procedure()
    commune = Unit.objects.create(code="18898", kind=UnitKind.COMMUNE, name="Xã Bảo Ninh")
    ProcedureHandling.objects.create(procedure=procedure, unit=commune)
    with pytest.raises(services.ProcedureError, match="chưa có khả năng nộp hồ sơ trực tuyến; chưa có biểu mẫu điện tử"):
        services.procedure_set_online(procedure=procedure, unit=commune, enabled=True, actor=None)
    assert services.form_schema_errors([
        {"name": "Họ tên", "label": "Họ tên"}, {"name": "gioi_tinh", "label": "Giới tính", "type": "choice"},
        {"name": "ngay", "label": "", "type": "datetime"},
    ]) == [
        "Trường thứ 1: tên trường (name) chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ, ví dụ ho_ten.",
        "Trường thứ 2: loại choice cần danh sách lựa chọn (choices).",
        "Trường thứ 3: cần nhãn (label) để người dân biết phải điền gì.",
        "Trường thứ 3: loại “datetime” không hỗ trợ; chỉ dùng: text, textarea, date, number, email, phone, choice.",
    ]
    with pytest.raises(services.ProcedureError, match="Biểu mẫu điện tử chưa hợp lệ"):
        services.procedure_save_from_admin(procedure=procedure, actor=None, changes={"form_schema": [{"name": "x"}]})
    services.procedure_save_from_admin(procedure=procedure, actor=None, changes={
        "online_submission": True, "online_processing": True,
        "form_schema": [{"name": "ho_ten", "label": " Họ và tên ", "type": "text", "required": True}],
    })
    handling = services.procedure_set_online(procedure=procedure, unit=commune, enabled=True, actor=None)
    assert handling.online_enabled and procedure.form_schema[0]["label"] == "Họ và tên"
    services.procedure_withdraw(procedure=procedure, actor=None)
    assert not ProcedureHandling.objects.get(pk=handling.pk).online_enabled
    with pytest.raises(services.ProcedureError, match="thủ tục đã bãi bỏ"):
        services.procedure_set_online(procedure=procedure, unit=commune, enabled=True, actor=None)
