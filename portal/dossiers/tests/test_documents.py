"""The one-stop forms Mẫu 01–06 as PDF, read back with pypdf: paper size, the facts they carry, Vietnamese text, signing."""

import datetime as dt
import io
import unicodedata
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from pypdf import PdfReader

from portal.dossiers import documents
from portal.dossiers.constants import (
    DossierStatus,
    EventAction,
    FileKind,
    ResultDelivery,
    SubmissionChannel,
)
from portal.dossiers.models import Dossier, DossierApology, DossierEvent, DossierFile
from portal.dossiers.signing import SigningError
from portal.procedures.models import GovernmentLevel, Procedure, ProcedurePaper
from portal.units.constants import UnitKind
from portal.units.models import Unit

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
MM = 72 / 25.4
SIGNED_UNITS = []


def at(year, month, day, hour=9, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


# ---------------------------------------------------------------- builders (also used by test_book.py)

def make_units() -> dict[str, Unit]:
    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", division_type="Tỉnh", sort_order=0)
    syt = Unit.objects.create(
        code="44-SYT", kind=UnitKind.AGENCY, name="Sở Y tế", abbreviation="SYT", parent=province, phone="0232 3822 123",
    )
    baoninh = Unit.objects.create(code="18898", kind=UnitKind.COMMUNE, name="Xã Bảo Ninh", division_type="Xã", parent=province)
    return {"province": province, "syt": syt, "baoninh": baoninh}


def make_procedure(unit: Unit, code: str = "1.001234", **fields) -> Procedure:
    values = {
        "national_code": code, "unit": unit, "primary_level": GovernmentLevel.PROVINCE, "time_limit_days": 10,
        "name": "Cấp giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh thuộc thẩm quyền của Sở Y tế",
    }
    values.update(fields)
    procedure = Procedure.objects.create(**values)
    ProcedurePaper.objects.create(procedure=procedure, name="Đơn đề nghị cấp giấy phép hoạt động", originals=1, sort_order=1)
    ProcedurePaper.objects.create(procedure=procedure, name="Bản sao hợp lệ giấy chứng nhận đăng ký kinh doanh", copies=1, sort_order=2)
    return procedure


def make_dossier(procedure: Procedure, *, code: str, receiving: Unit, handling: Unit | None = None, **fields) -> Dossier:
    values = {
        "code": code, "procedure": procedure, "receiving_unit": receiving, "handling_unit": handling or receiving,
        "status": DossierStatus.PROCESSING, "channel": SubmissionChannel.ONLINE,
        "applicant_name": "Nguyễn Văn An", "applicant_phone": "0912 345 678", "applicant_email": "an.nguyen@example.com",
        "applicant_address": "Thôn Sa Động, xã Bảo Ninh, tỉnh Quảng Bình",
        "submitted_at": at(2026, 3, 2, 8, 5), "received_at": at(2026, 3, 2, 9, 30),
        "legal_due_date": dt.date(2026, 3, 16), "appointment_date": dt.date(2026, 3, 16),
    }
    values.update(fields)
    return Dossier.objects.create(**values)


def event(dossier: Dossier, action: str, when: dt.datetime, **fields) -> DossierEvent:
    return DossierEvent.objects.create(dossier=dossier, action=action, at=when, **fields)


# ---------------------------------------------------------------- reading PDFs back

def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    """All pages' text, whitespace collapsed (lines wrap wherever the page width says)."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def page_size_mm(reader: PdfReader, index: int = 0) -> tuple[float, float]:
    box = reader.pages[index].mediabox
    return float(box.width), float(box.height)


def assert_a5(reader: PdfReader):
    for index in range(len(reader.pages)):
        width, height = page_size_mm(reader, index)
        assert abs(width - 148 * MM) <= 1 and abs(height - 210 * MM) <= 1, (width, height)


def assert_text_inside_pages(reader: PdfReader):
    """Every piece of text starts inside the page (multi_cell wraps the rest)."""
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        origins = []

        def visit(text, cm, tm, font, size, origins=origins):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                origins.append((text, x, y))

        page.extract_text(visitor_text=visit)
        assert origins
        for text, x, y in origins:
            assert 0 <= x < width and 0 <= y < height, (text, x, y)


def marking_signer(pdf_bytes: bytes, unit) -> bytes:
    SIGNED_UNITS.append(unit.code)
    return pdf_bytes + b"\n%signed-by:" + unit.code.encode()


def broken_signer(pdf_bytes: bytes, unit) -> bytes:
    return b"not a pdf"


# ---------------------------------------------------------------- tests

def test_receipt_is_a5_and_carries_code_appointment_and_vietnamese_text():
    units = make_units()
    procedure = make_procedure(units["syt"])
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    dossier = make_dossier(
        procedure, code="000.00.44.H46-260302-0001", receiving=units["syt"], applicant_name=decomposed,
        appointment_date=dt.date(2026, 3, 13), result_delivery=ResultDelivery.POST,
        postal_address="Số 12 đường Quang Trung, phường Đồng Hới",
    )
    event(dossier, EventAction.SUBMIT, at(2026, 3, 2, 8, 5), actor_name="Nguyễn Thị Hồng Nhung")
    event(dossier, EventAction.RECEIVE, at(2026, 3, 2, 9, 30), actor_name="Trần Thị Bích", to_unit=units["syt"])

    reader = read(documents.form_01_receipt(dossier))
    assert_a5(reader)
    assert_text_inside_pages(reader)
    text = text_of(reader)
    for expected in [
        "UBND TỈNH QUẢNG BÌNH", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ SỞ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Quảng Bình, ngày 02 tháng 03 năm 2026", "000.00.44.H46-260302-0001/TNHS",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: 000.00.44.H46-260302-0001",
        "Ngày hẹn trả kết quả: 13/03/2026", "09 giờ 30 phút, ngày 02/03/2026", "10 ngày làm việc",
        "Đơn đề nghị cấp giấy phép hoạt động (1 bản chính)", "Qua dịch vụ bưu chính công ích",
        "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Bích",
    ]:
        assert expected in text, expected
    # Decomposed input is written composed: the name reads back in NFC.
    assert "Nguyễn Thị Hồng Nhung" in text and unicodedata.is_normalized("NFC", text)

    meta = reader.metadata
    assert meta.title == "Mẫu số 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả – 000.00.44.H46-260302-0001"
    assert meta.author == "Sở Y tế"
    assert reader.trailer["/Root"]["/Lang"] == "vi"
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSerif" in name for name in fonts)
    assert all("/FontFile2" in font["/DescendantFonts"][0]["/FontDescriptor"] for font in reader.pages[0]["/Resources"]["/Font"].values())


def test_receipt_lists_received_files_and_wraps_long_text_inside_the_page():
    units = make_units()
    procedure = make_procedure(units["province"], code="2.000001")
    long_address = "Tổ dân phố 5, " + "đường Nguyễn Hữu Cảnh kéo dài " * 6 + "0123456789" * 8  # ≤ 300 characters: the field's limit
    dossier = make_dossier(procedure, code="000.00.00.H46-260302-0007", receiving=units["province"], handling=units["syt"],
                           applicant_address=long_address)
    paper = procedure.papers.first()
    DossierFile.objects.create(dossier=dossier, kind=FileKind.PAPER, paper=paper, file="x.pdf", original_name="don.pdf", content_type="application/pdf")
    DossierFile.objects.create(dossier=dossier, kind=FileKind.PAPER, file="y.pdf", original_name="Giấy ủy quyền.pdf", content_type="application/pdf")
    DossierFile.objects.create(dossier=dossier, kind=FileKind.RESULT, file="z.pdf", original_name="ket-qua.pdf", content_type="application/pdf")

    reader = read(documents.form_01_receipt(dossier))
    assert_a5(reader)
    assert_text_inside_pages(reader)
    text = text_of(reader)
    # The province's own desk is the Trung tâm Phục vụ hành chính công.
    assert "UBND TỈNH QUẢNG BÌNH" in text and "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" in text
    assert "1. Đơn đề nghị cấp giấy phép hoạt động" in text and "2. Giấy ủy quyền.pdf" in text
    assert "ket-qua.pdf" not in text and "Bản sao hợp lệ" not in text
    assert "01234567890123456789" in text.replace(" ", "")


def test_supplement_refusal_apology_and_control_forms_are_a5_with_their_facts():
    units = make_units()
    syt, baoninh = units["syt"], units["baoninh"]
    procedure = make_procedure(syt)
    dossier = make_dossier(procedure, code="H46.18898-260302-0003", receiving=baoninh, handling=syt,
                           legal_due_date=dt.date(2026, 3, 16), appointment_date=dt.date(2026, 3, 20))

    request = event(
        dossier, EventAction.REQUEST_SUPPLEMENT, at(2026, 3, 4, 14, 0), actor_name="Lê Văn Cường",
        from_status=DossierStatus.PROCESSING, to_status=DossierStatus.SUSPENDED, from_unit=syt,
        note="1. Bản sao chứng chỉ hành nghề của người phụ trách chuyên môn\n- Giấy xác nhận đủ điều kiện phòng cháy, chữa cháy",
        data={"reasons": ["Chứng chỉ hành nghề đã hết hiệu lực"]},
    )
    reader = read(documents.form_02_supplement(dossier, request))
    assert_a5(reader)
    text = text_of(reader)
    for expected in [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ SỞ Y TẾ", "Quảng Bình, ngày 04 tháng 03 năm 2026",
        "Mã hồ sơ: H46.18898-260302-0003", "1. Bản sao chứng chỉ hành nghề của người phụ trách chuyên môn",
        "2. Giấy xác nhận đủ điều kiện phòng cháy, chữa cháy", "Lý do: - Chứng chỉ hành nghề đã hết hiệu lực",
        "ông/bà Lê Văn Cường, số điện thoại 0232 3822 123", "NGƯỜI HƯỚNG DẪN",
    ]:
        assert expected in text, expected

    # Refused before acceptance: the commune's desk that received it writes the paper.
    refusal = event(
        dossier, EventAction.REFUSE, at(2026, 3, 2, 10, 15), actor_name="Phạm Thị Dung",
        from_status=DossierStatus.SUBMITTED, to_status=DossierStatus.REFUSED, note="Hồ sơ không thuộc thẩm quyền giải quyết của xã",
    )
    reader = read(documents.form_03_refusal(dossier, refusal))
    assert_a5(reader)
    text = text_of(reader)
    for expected in [
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ UBND XÃ BẢO NINH",
        "1. Hồ sơ không thuộc thẩm quyền giải quyết của xã", "H46.18898-260302-0003/TCHS", "Phạm Thị Dung",
    ]:
        assert expected in text, expected

    apology = DossierApology.objects.create(
        dossier=dossier, issued_at=at(2026, 3, 12, 15, 0), reason="Cần xác minh thực tế cơ sở khám bệnh tại địa phương",
        previous_date=dt.date(2026, 3, 16), new_date=dt.date(2026, 3, 20),
    )
    reader = read(documents.form_04_apology(apology))
    assert_a5(reader)
    text = text_of(reader)
    for expected in [
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Ông/Bà Nguyễn Văn An", "Ngày hẹn trả kết quả: 16/03/2026",
        "Lý do: Cần xác minh thực tế cơ sở khám bệnh tại địa phương", "vào ngày 20/03/2026", "THỦ TRƯỞNG CƠ QUAN",
        "Quảng Bình, ngày 12 tháng 03 năm 2026",
    ]:
        assert expected in text, expected
    # The agency apologises in its own name, not its one-stop desk's.
    assert "SỞ Y TẾ" in text and "BỘ PHẬN TIẾP NHẬN" not in text

    event(dossier, EventAction.SUBMIT, at(2026, 3, 2, 8, 5), actor_name="Nguyễn Văn An")
    event(dossier, EventAction.RECEIVE, at(2026, 3, 2, 9, 30), actor_name="Hoàng Thị Em", to_unit=baoninh)
    event(dossier, EventAction.TRANSFER, at(2026, 3, 2, 16, 0), actor_name="Hoàng Thị Em", from_unit=baoninh, to_unit=syt,
          note="Chuyển hồ sơ giấy qua bưu chính")
    event(dossier, EventAction.PAY, at(2026, 3, 3, 8, 0), note="Lệ phí 500.000 đồng")
    event(dossier, EventAction.RESULT, at(2026, 3, 13, 10, 45), actor_name="Lê Văn Cường", from_unit=syt, to_unit=baoninh)
    reader = read(documents.form_05_control(dossier))
    assert_a5(reader)
    assert_text_inside_pages(reader)
    text = text_of(reader)
    for expected in [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: H46.18898-260302-0003",
        "Hạn giải quyết theo quy định: 16/03/2026", "Tiếp nhận hồ sơ (Mẫu 01)", "Chuyển đơn vị giải quyết (Mẫu 05)",
        "Chuyển hồ sơ giấy qua bưu chính", "16:00 02/03/2026", "UBND xã Bảo Ninh", "Sở Y tế", "Người nộp: Nguyễn Văn An",
        "Có kết quả giải quyết (Trước hạn)",
    ]:
        assert expected in text, expected
    assert "Thanh toán" not in text  # a payment is not a hand-off


def test_tracking_book_is_a4_and_repeats_its_headings_on_every_page():
    units = make_units()
    syt = units["syt"]
    procedure = make_procedure(syt)
    for number in range(1, 41):
        make_dossier(procedure, code=f"SYT-260302-{number:04d}", receiving=syt, received_at=at(2026, 3, 2, 8, number))
    reader = read(documents.form_06_book(syt, dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert sorted((round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))) == [595.3, 841.9]
        page_text = " ".join(page.extract_text().split())
        assert "Tên thủ tục hành chính" in page_text and "Ngày hẹn trả kết quả" in page_text
    assert_text_inside_pages(reader)
    text = text_of(reader)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Sở Y tế – từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    assert f"Trang 1/{len(reader.pages)}" in text
    assert "Tổng số: 40 hồ sơ" in text
    assert reader.metadata.title == "Mẫu số 06 – Sổ theo dõi hồ sơ – Sở Y tế – 01/03/2026–31/03/2026"

    empty = text_of(read(documents.form_06_book(syt, dt.date(2026, 4, 1), dt.date(2026, 4, 30))))
    assert "Không có hồ sơ nào được tiếp nhận trong kỳ." in empty and "Tổng số: 0 hồ sơ" in empty


def test_every_form_goes_through_the_configured_signer():
    units = make_units()
    procedure = make_procedure(units["syt"])
    dossier = make_dossier(procedure, code="SYT-260302-0001", receiving=units["baoninh"], handling=units["syt"])
    refusal = event(dossier, EventAction.REFUSE, at(2026, 3, 3), from_status=DossierStatus.PROCESSING, note="Không đủ điều kiện")
    apology = DossierApology.objects.create(
        dossier=dossier, issued_at=at(2026, 3, 12), reason="Chờ ý kiến liên ngành",
        previous_date=dt.date(2026, 3, 16), new_date=dt.date(2026, 3, 23),
    )
    unsigned = documents.form_01_receipt(dossier)
    assert b"%signed-by:" not in unsigned

    SIGNED_UNITS.clear()
    with override_settings(PORTAL_DOCUMENT_SIGNER="portal.dossiers.tests.test_documents.marking_signer"):
        papers = [
            documents.form_01_receipt(dossier), documents.form_02_supplement(dossier, refusal),
            documents.form_03_refusal(dossier, refusal), documents.form_04_apology(apology),
            documents.form_05_control(dossier), documents.form_06_book(units["syt"], dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        ]
    # Receipt and control slip from the commune that received it; the rest from Sở Y tế, which handles it.
    assert SIGNED_UNITS == ["18898", "44-SYT", "44-SYT", "44-SYT", "18898", "44-SYT"]
    for paper, unit_code in zip(papers, SIGNED_UNITS, strict=True):
        assert paper.endswith(b"%signed-by:" + unit_code.encode())
        assert len(read(paper).pages) >= 1

    broken = override_settings(PORTAL_DOCUMENT_SIGNER="portal.dossiers.tests.test_documents.broken_signer")
    with broken, pytest.raises(SigningError, match="không trả về tệp PDF"):
        documents.form_01_receipt(dossier)
    missing = override_settings(PORTAL_DOCUMENT_SIGNER="portal.dossiers.tests.no_such_module.sign")
    with missing, pytest.raises(SigningError, match="Không tải được dịch vụ ký số"):
        documents.form_01_receipt(dossier)
