"""Importing the national sample: every record stored or reported, re-import idempotent, units by mapping."""

import json
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from portal.procedures.importer import parse_channels, parse_papers, summarise_channels
from portal.procedures.models import Field, Level2022, Procedure, ProcedureHandling, ProcedureStatus
from portal.units.constants import UnitKind
from portal.units.models import Unit

# The copy kept in the repository of ../shared/data/procedures-sample.jsonl (the demo loads the same file).
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "procedures-sample.jsonl"


def make_units():
    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", division_type="Tỉnh", sort_order=0)
    agencies = {
        name: Unit.objects.create(code=f"44-{abbr}", kind=UnitKind.AGENCY, name=name, abbreviation=abbr, parent=province)
        for name, abbr in [("Sở Tư pháp", "STP"), ("Sở Xây dựng", "SXD"), ("Sở Tài chính", "STC")]
    }
    district = Unit.objects.create(code="450", kind=UnitKind.DISTRICT, name="Thành phố Đồng Hới", parent=province)
    communes = [
        Unit.objects.create(code=code, kind=UnitKind.COMMUNE, name=name, division_type="Xã", parent=district)
        for code, name in [("18898", "Xã Bảo Ninh"), ("18901", "Xã Quang Phú"), ("18904", "Xã Nghĩa Ninh")]
    ]
    return province, agencies, communes


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_procedures", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_sample_loads_every_record_or_reports_it_and_reimport_keeps_province_settings():
    province, agencies, communes = make_units()
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == 120
    started = time.monotonic()
    out, err = run(SAMPLE)
    elapsed = time.monotonic() - started
    assert elapsed < 60, elapsed
    # All 120 stored (the sample has no unreadable line); each partly parsed record says why, with line and code.
    assert Procedure.objects.count() == 120
    assert "Đã tạo mới: 120" in out and "Dòng không nhập được: 0" in out
    flawed = Procedure.objects.exclude(import_problems=[])
    assert flawed.exists()
    for procedure in flawed:
        for reason in procedure.import_problems:
            assert f"({procedure.national_code}): {reason}" in err
    assert f"Có vấn đề khi đọc (đã nhập, ghi trong import_problems): {flawed.count()}" in out

    # Steps spilled into the papers column (line 1): moved back to the steps, reported, no papers invented.
    spilled = Procedure.objects.get(national_code="2.000755")
    assert "Bước 2. Cơ quan BHXH tiếp nhận hồ sơ" in spilled.steps and not spilled.papers.exists()
    assert any("thành phần hồ sơ bị lệch" in p for p in spilled.import_problems)

    # Fee but no online payment: never toàn trình after import; no fee, online and post: toàn trình.
    fee = Procedure.objects.get(national_code="1.003658")
    assert fee.fee_amount == 100_000 and fee.online_submission and not fee.online_payment
    assert fee.level_2022 == Level2022.PARTIAL and fee.level_2011 == 3
    free = Procedure.objects.get(national_code="2.000755")
    assert free.fee_amount == 0 and free.fee_text == "Miễn phí" and free.postal_result
    assert free.level_2022 == Level2022.FULL and free.level_2011 == 4
    assert not Procedure.objects.filter(fee_amount__gt=0, level_2022=Level2022.FULL).exists()

    # Notes and conditional papers of the national record are not demanded of every applicant.
    birth = Procedure.objects.get(national_code="1.004772")
    required = list(birth.papers.filter(required=True).values_list("name", flat=True))
    assert birth.papers.count() > 20 and len(required) == 1 and "cam đoan" in required[0]
    assert not birth.papers.filter(required=True, name__icontains="lưu ý").exists()
    assert not birth.papers.filter(required=True, originals=0, copies=0).exists()

    # Commune level (1.003658, "Cấp xã"): every commune handles it. Provincial: the owner only.
    assert set(fee.handlings.values_list("unit_id", flat=True)) == {c.pk for c in communes}
    justice = Procedure.objects.get(national_code="1.013804")  # Sở Tư pháp, cấp tỉnh
    assert justice.unit == agencies["Sở Tư pháp"]
    assert list(justice.handlings.values_list("unit_id", flat=True)) == [agencies["Sở Tư pháp"].pk]
    # Central vertical agencies (customs) go to the main portal, and the report says so.
    customs = Procedure.objects.get(national_code="1.013653")  # Cục Hải quan, cấp bộ, tỉnh, xã
    assert customs.unit == province
    assert f"({customs.national_code}): gán về Trang chính (cơ quan ngành dọc)" in out
    # Applicant types with commas in their labels; fields created once with a slug.
    assert fee.applicant_types[:2] == ["enterprise", "organisation"] or {"organisation", "cooperative"} <= set(fee.applicant_types)
    assert Field.objects.filter(name="Hải quan").count() == 1 and Field.objects.get(name="Hải quan").slug == "hai-quan"
    # Papers with originals, copies and the template's file name.
    paper = Procedure.objects.get(national_code="1.013061").papers.first()
    assert (paper.name, paper.template_name, paper.originals, paper.copies) == (
        "Đơn đề nghị cấp phép thi công công trình trên đường bộ đang khai thác", "Đơn_TT1.013061.docx", 1, 0,
    )
    assert ModelLogEntry.objects.filter(action="portal.procedure.import").count() == 120

    # The province's own settings survive a re-import; nothing is duplicated.
    free.form_schema = [{"name": "ho_ten", "label": "Họ và tên", "type": "text", "required": True}]
    free.online_result = True
    free.status = ProcedureStatus.PUBLISHED
    free.save()
    ProcedureHandling.objects.filter(procedure=fee, unit=communes[0]).update(online_enabled=True)
    handlings = ProcedureHandling.objects.count()
    out, err = run(SAMPLE)
    assert "Đã tạo mới: 0" in out and "Đã cập nhật: 120" in out
    assert Procedure.objects.count() == 120 and ProcedureHandling.objects.count() == handlings
    free.refresh_from_db()
    assert free.form_schema[0]["name"] == "ho_ten" and free.online_result and free.status == ProcedureStatus.PUBLISHED
    assert ProcedureHandling.objects.get(procedure=fee, unit=communes[0]).online_enabled


@pytest.mark.django_db
def test_dry_run_writes_nothing_and_unreadable_lines_are_reported(tmp_path):
    make_units()
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[1]
    source = tmp_path / "lo.jsonl"
    source.write_text(
        "\n".join([
            good,
            "{không phải json",
            json.dumps({"ten_thu_tuc": "Thủ tục không có mã"}, ensure_ascii=False),
            json.dumps({"ma_thu_tuc": "9.999999"}),
            "",
            "[1, 2]",
        ]),
        encoding="utf-8",
    )
    out, err = run(source, "--dry-run")
    assert "[Chạy thử, không ghi gì] Đã tạo mới: 1" in out and "Dòng không nhập được: 4" in out
    assert Procedure.objects.count() == 0 and Field.objects.count() == 0 and ProcedureHandling.objects.count() == 0
    assert "KHÔNG NHẬP ĐƯỢC dòng 2: JSON không hợp lệ" in err
    assert "KHÔNG NHẬP ĐƯỢC dòng 3: thiếu mã thủ tục (ma_thu_tuc)" in err
    assert "KHÔNG NHẬP ĐƯỢC dòng 4 (9.999999): thiếu tên thủ tục (ten_thu_tuc)" in err
    assert "KHÔNG NHẬP ĐƯỢC dòng 6: dòng không phải là một đối tượng JSON" in err

    out, err = run(source, "--publish")
    assert Procedure.objects.count() == 1
    procedure = Procedure.objects.get()
    # 1.003658 lacks an agency in the source: stays a draft and the report says which fields are missing.
    assert procedure.status == ProcedureStatus.DRAFT
    assert "Để nháp vì thiếu trường bắt buộc: 1" in out and "thiếu: Cơ quan thực hiện" in out


@pytest.mark.django_db
def test_publish_flag_publishes_complete_records_and_mapping_can_be_overridden(tmp_path):
    _, agencies, _ = make_units()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    land = next(line for line in lines if '"1.013962"' in line)  # Đất đai, cấp xã, complete
    (tmp_path / "one.jsonl").write_text(land, encoding="utf-8")
    (tmp_path / "map.json").write_text(json.dumps({"rules": [{"field": "dat dai", "unit_code": "44-SXD"}]}), encoding="utf-8")
    out, _ = run(tmp_path / "one.jsonl", "--publish", "--mapping", tmp_path / "map.json")
    procedure = Procedure.objects.get()
    assert procedure.unit == agencies["Sở Xây dựng"]
    assert procedure.status == ProcedureStatus.PUBLISHED and "Đã công khai: 1" in out


def test_channel_parser_reads_times_fees_and_reports_what_it_cannot():
    problems = []
    rows = parse_channels(
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việc100,000 Việt Nam Đồng(Phí công bố)"
        "Dịch vụ bưu chính35 NgàyMiễn phíTrực tiếp1 GiờMiễn phí+ Trực tiếp: tại Bộ phận Một cửa",
        problems,
    )
    assert [(r.channel, r.days, r.time_unit, r.fee_amount) for r in rows] == [
        ("online", 3, "working_days", 100_000), ("post", 35, "days", 0), ("in_person", None, "hours", 0),
    ]
    assert rows[0].fee_text == "100.000 đồng (Phí công bố)" and rows[2].description == "+ Trực tiếp: tại Bộ phận Một cửa"
    terms = summarise_channels(rows, problems)
    assert (terms.time_limit_days, terms.time_limit_text, terms.fee_amount) == (3, "3 ngày làm việc", 100_000)
    assert any("giờ" in p for p in problems)

    problems = []
    rows = parse_channels("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp120 VNĐ(20.000 đ/tờ khai)", problems)
    assert rows[0].days is None and rows[0].fee_amount == 20_000
    assert any("không tách được thời hạn và phí" in p for p in problems)
    problems = []
    rows = parse_channels("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp20 Ngày100 USD(100 USD/thẻ.)", problems)
    assert rows[0].fee_amount is None and "ngoại tệ" in problems[0]


def test_paper_parser_splits_names_quantities_and_template_files():
    problems = []
    papers, spill = parse_papers(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫu;Mẫu số 08.docx1 bản chínhBản sao giấy phép0 bản chính,1 bản sao"
        "Danh sách theo Mẫu 35, Mẫu 36.Mau35.docxMau36.docx2 bản chính",
        problems,
    )
    assert [(p.name, p.template_name, p.originals, p.copies) for p in papers] == [
        ("Tờ khai theo mẫu", "Mẫu số 08.docx", 1, 0),
        ("Bản sao giấy phép", "", 0, 1),
        ("Danh sách theo Mẫu 35, Mẫu 36.", "Mau35.docx; Mau36.docx", 2, 0),
    ]
    assert spill == "" and problems == []
