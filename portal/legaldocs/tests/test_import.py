"""import_legal_documents: JSON Lines in, every line imported or reported with its number and reason (L-42-4.1a)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.legaldocs.demo import minimal_pdf
from portal.legaldocs.models import LegalDocumentPage, LegalDocumentRelation
from portal.legaldocs.services import legal_documents_import

pytestmark = pytest.mark.django_db


def good(n: int, **extra) -> dict:
    record = {
        "number": f"{n}/2024/QĐ-UBND",
        "type": "Quyết định",
        "issuing_body": "Ủy ban nhân dân tỉnh Quảng Bình",
        "issue_date": "05/03/2024",
        "effective_date": "2024-03-15",
        "signer": "Trần Phong",
        "abstract": f"Về việc ban hành quy định số {n}",
        "field": "Công nghệ thông tin",
        "files": [{"url": f"https://vbpl.vn/tep/{n}.pdf", "name": f"Toàn văn {n}"}],
        "source_url": "https://vbpl.vn/",
    }
    record.update(extra)
    return record


BAD_LINES = {
    # line number: (text, reason fragment)
    11: ("{not json", "JSON không hợp lệ"),
    42: (json.dumps({k: v for k, v in good(9001).items() if k != "number"}), "thiếu số, ký hiệu"),
    77: (json.dumps(good(9002, issue_date="31/02/2024")), "ngày không hợp lệ ở trường “issue_date”"),
    100: (json.dumps(good(9003, unit_code="99-KHONG-CO")), "không có đơn vị mã “99-KHONG-CO”"),
    123: (json.dumps(good(5)), "trùng số, ký hiệu “5/2024/QĐ-UBND” với dòng 5"),
    150: (json.dumps(good(9004, type="Sắc lệnh")), "hình thức văn bản không rõ"),
    181: (json.dumps(good(9005, files=[{"path": "khong-co.pdf"}])), "không tìm thấy tệp “khong-co.pdf”"),
    222: (json.dumps(good(9006, files=[{"path": "gia.pdf"}])), "không phải loại tệp được chấp nhận"),
    260: (json.dumps(good(9007, relations=[{"kind": "bãi bỏ", "number": "1/2024/QĐ-UBND"}])), "loại quan hệ không rõ"),
    299: ("[1, 2, 3]", "mỗi dòng phải là một đối tượng JSON"),
    305: (json.dumps(good(9008, effective_date="01/01/2024")), "ngày có hiệu lực trước ngày ban hành"),
}
DRAFT_LINES = {33: "abstract", 64: "files"}


@pytest.fixture
def jsonl(tmp_path):
    (tmp_path / "tep").mkdir()
    (tmp_path / "tep" / "qd.pdf").write_bytes(minimal_pdf(["Quyet dinh"]))
    (tmp_path / "gia.pdf").write_bytes(b"MZ\x90\x00 not a pdf at all")
    lines = []
    n = 0
    for line_no in range(1, 321):
        if line_no in BAD_LINES:
            lines.append(BAD_LINES[line_no][0])
            continue
        n += 1
        extra = {}
        if line_no in DRAFT_LINES:
            extra = {"abstract": ""} if DRAFT_LINES[line_no] == "abstract" else {"files": []}
        if line_no == 2:
            extra = {"files": [{"path": "tep/qd.pdf", "name": "Toàn văn"}], "relations": [{"kind": "thay-the", "number": "250/2024/QĐ-UBND"}]}
        if line_no == 3:
            extra = {"relations": [{"kind": "huong-dan", "number": "1/2000/NĐ-CP"}]}
        lines.append(json.dumps(good(line_no, **extra), ensure_ascii=False))
    lines.insert(20, "")  # blank lines are skipped but keep numbering honest
    path = tmp_path / "van-ban.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _line_of(line_no):
    # The blank line inserted at index 20 shifts every later line by one.
    return line_no if line_no <= 20 else line_no + 1


def test_import_reports_every_rejected_line_and_publishes_complete_documents(registry, jsonl, capsys):
    report = legal_documents_import(path=jsonl, default_unit=registry["stttt"])
    rejected = dict(report.rejected)
    assert sorted(rejected) == sorted(_line_of(n) for n in BAD_LINES)
    for line_no, (_, reason) in BAD_LINES.items():
        assert reason in rejected[_line_of(line_no)], (line_no, rejected[_line_of(line_no)])
    good_lines = 320 - len(BAD_LINES)
    assert report.lines == 320
    assert report.created == good_lines
    assert report.published == good_lines - len(DRAFT_LINES)
    assert sorted(line for line, _, _ in report.drafts) == sorted(_line_of(n) for n in DRAFT_LINES)
    assert LegalDocumentPage.objects.filter(unit=registry["stttt"]).count() == good_lines
    assert LegalDocumentPage.objects.live().filter(unit=registry["stttt"]).count() == good_lines - len(DRAFT_LINES)

    # Relations: forward reference resolved in the second pass; an unknown number kept and reported.
    doc2 = LegalDocumentPage.objects.get(number="2/2024/QĐ-UBND")
    relation = LegalDocumentRelation.objects.get(page=doc2)
    assert relation.target.number == "250/2024/QĐ-UBND"
    assert doc2.files.get().document.file_size > 0  # the local file, stored as a Wagtail document
    assert any("1/2000/NĐ-CP" in message and line == 3 for line, message in report.warnings)
    # URLs are recorded, never fetched.
    doc1 = LegalDocumentPage.objects.get(number="1/2024/QĐ-UBND")
    assert doc1.files.get().external_url == "https://vbpl.vn/tep/1.pdf" and doc1.files.get().document is None


def test_reimport_updates_instead_of_duplicating(registry, jsonl):
    legal_documents_import(path=jsonl, default_unit=registry["stttt"])
    count = LegalDocumentPage.objects.count()
    text = jsonl.read_text(encoding="utf-8").replace("Về việc ban hành quy định số 7\"", "Trích yếu đã sửa số 7\"")
    jsonl.write_text(text, encoding="utf-8")
    report = legal_documents_import(path=jsonl, default_unit=registry["stttt"])
    assert report.created == 0 and report.updated == count
    assert LegalDocumentPage.objects.count() == count
    assert LegalDocumentPage.objects.get(number="7/2024/QĐ-UBND").abstract == "Trích yếu đã sửa số 7"


def test_command_dry_run_strict_and_summary(registry, jsonl, capsys):
    call_command("import_legal_documents", str(jsonl), "--site", registry["stttt"].hostname, "--dry-run")
    out = capsys.readouterr().out
    assert not LegalDocumentPage.objects.exists()
    assert f"Dòng {_line_of(11)}: TỪ CHỐI — JSON không hợp lệ" in out
    assert f"Dòng {_line_of(33)}: LƯU NHÁP" in out
    assert "chạy thử" in out and f"{len(BAD_LINES)} dòng bị từ chối" in out
    with pytest.raises(CommandError) as error:
        call_command("import_legal_documents", str(jsonl), "--site", registry["stttt"].hostname, "--strict")
    assert error.value.returncode == 1
    assert LegalDocumentPage.objects.count() == 320 - len(BAD_LINES)


def test_unit_code_sends_a_document_to_another_site(registry, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(good(1, unit_code="44")) + "\n" + json.dumps(good(2)) + "\n", encoding="utf-8")
    report = legal_documents_import(path=path, default_unit=registry["stttt"])
    assert report.created == 2
    assert LegalDocumentPage.objects.get(number="1/2024/QĐ-UBND").unit == registry["province"]
    assert LegalDocumentPage.objects.get(number="2/2024/QĐ-UBND").unit == registry["stttt"]
    report = legal_documents_import(path=path, default_unit=None)
    assert report.rejected == [(2, "thiếu “unit_code” và không có --site")]
