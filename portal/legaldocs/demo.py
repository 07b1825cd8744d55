"""Demo legal documents: real national and provincial documents (numbers and dates as published on
vbpl.vn / chinhphu.vn), each with a small generated PDF that says it is a demo placeholder.

Main portal and Sở TTTT: several published documents with relations (replaces, guides) and no
stale status; Đồng Hới: one incomplete draft; Bảo Ninh: none. A second run creates nothing.
"""

import datetime as dt

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.core.text import ascii_slug, fold
from portal.legaldocs.constants import DocumentType, RelationKind, ValidityStatus
from portal.legaldocs.models import (
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    number_key,
    number_slug,
)

D = dt.date
SOURCE = "https://vbpl.vn/"
NOTE = " (Dữ liệu minh hoạ; số, ngày theo Cơ sở dữ liệu quốc gia về văn bản pháp luật vbpl.vn và chinhphu.vn.)"


def minimal_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF (Helvetica, ASCII text), written by hand: no dependency needed."""
    rows = [fold(line).replace("\\", "/").replace("(", "[").replace(")", "]") for line in lines]
    stream_lines = ["BT", "/F1 12 Tf", "14 TL", "56 780 Td"]
    for row in rows:
        stream_lines.append(f"({row[:90]}) Tj T*")
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


QH, CP, BTTTT, UBND = "Quốc hội", "Chính phủ", "Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Quảng Bình"

# number: (type, body, issued, effective, expiry, signer, abstract, field, status, normative)
DOCUMENTS = {
    "104/2016/QH13": (DocumentType.LUAT, QH, D(2016, 4, 6), D(2018, 7, 1), None, "Nguyễn Thị Kim Ngân",
                      "Luật Tiếp cận thông tin", "Tiếp cận thông tin", ValidityStatus.IN_FORCE, True),
    "13/2018/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2018, 1, 23), D(2018, 7, 1), None, "",
                      "Quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin", "Tiếp cận thông tin",
                      ValidityStatus.IN_FORCE, True),
    "43/2011/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2011, 6, 13), D(2011, 8, 1), D(2022, 8, 15), "Nguyễn Tấn Dũng",
                      "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng "
                      "thông tin điện tử của cơ quan nhà nước", "Công nghệ thông tin", ValidityStatus.REPLACED, True),
    "42/2022/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2022, 6, 24), D(2022, 8, 15), None, "Vũ Đức Đam",
                      "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
                      "Công nghệ thông tin", ValidityStatus.IN_FORCE, True),
    "09/2017/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2017, 2, 9), D(2017, 3, 30), None, "Nguyễn Xuân Phúc",
                      "Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước",
                      "Thông tin, báo chí, xuất bản", ValidityStatus.IN_FORCE, True),
    "91/2025/QH15": (DocumentType.LUAT, QH, D(2025, 6, 26), D(2026, 1, 1), None, "Trần Thanh Mẫn",
                     "Luật Bảo vệ dữ liệu cá nhân", "An toàn thông tin, dữ liệu", ValidityStatus.IN_FORCE, True),
    "13/2023/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2023, 4, 17), D(2023, 7, 1), D(2026, 1, 1), "",
                      "Về bảo vệ dữ liệu cá nhân", "An toàn thông tin, dữ liệu", ValidityStatus.REPLACED, True),
    "356/2025/NĐ-CP": (DocumentType.NGHI_DINH, CP, D(2025, 12, 31), D(2026, 1, 1), None, "",
                       "Quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Bảo vệ dữ liệu cá nhân",
                       "An toàn thông tin, dữ liệu", ValidityStatus.IN_FORCE, True),
    "22/2023/TT-BTTTT": (DocumentType.THONG_TU, BTTTT, D(2023, 12, 31), D(2024, 4, 5), None, "",
                         "Quy định về cấu trúc, bố cục và yêu cầu kỹ thuật đối với cổng thông tin điện tử, trang thông tin "
                         "điện tử của cơ quan nhà nước (tóm tắt)", "Công nghệ thông tin", ValidityStatus.IN_FORCE, True),
}

# unit key: [(number, [(relation kind, target number)])], in creation order (targets first)
PLAN = {
    "main": [
        ("104/2016/QH13", []),
        ("13/2018/NĐ-CP", [(RelationKind.GUIDES, "104/2016/QH13")]),
        ("43/2011/NĐ-CP", []),
        ("42/2022/NĐ-CP", [(RelationKind.REPLACES, "43/2011/NĐ-CP")]),
        ("09/2017/NĐ-CP", []),
        ("91/2025/QH15", []),
        ("13/2023/NĐ-CP", []),
        ("356/2025/NĐ-CP", [(RelationKind.REPLACES, "13/2023/NĐ-CP"), (RelationKind.GUIDES, "91/2025/QH15")]),
    ],
    "stttt": [
        ("42/2022/NĐ-CP", [(RelationKind.REPLACES, "43/2011/NĐ-CP")]),
        ("22/2023/TT-BTTTT", []),
        ("91/2025/QH15", []),
        ("356/2025/NĐ-CP", [(RelationKind.REPLACES, "13/2023/NĐ-CP"), (RelationKind.GUIDES, "91/2025/QH15")]),
    ],
}


def _pdf_document(unit, number, title):
    from portal.units.models import UnitCollection

    Document = get_document_model()
    link = UnitCollection.objects.filter(unit=unit).select_related("collection").first()
    kwargs = {"collection": link.collection} if link else {}
    data = minimal_pdf([f"{title}", f"So, ky hieu: {number}", "Ban minh hoa cho Cong thong tin dien tu (demo).",
                        "Toan van chinh thuc: https://vbpl.vn/"])
    document = Document(title=f"{title} (tệp PDF)", **kwargs)
    document.file.save(f"{ascii_slug(number)}.pdf", ContentFile(data), save=False)
    document.save()
    return document


def _relation(unit, kind, target_number):
    targets = list(LegalDocumentPage.objects.filter(number_key=number_key(target_number)).order_by("id"))
    own = [t for t in targets if t.unit_id == unit.pk]
    target = (own or targets or [None])[0]
    return LegalDocumentRelation(kind=kind, target=target, target_number="" if target else target_number)


def seed(units, users, now, out) -> int:
    created = 0
    for key, plan in PLAN.items():
        unit = units[key]
        index = LegalDocumentIndexPage.objects.filter(unit=unit).first()
        if index is None:
            continue
        head = users.get(key, {}).get("board_head")
        for number, relations in plan:
            if LegalDocumentPage.objects.filter(unit=unit, number_key=number_key(number)).exists():
                continue
            kind, body, issued, effective, expiry, signer, abstract, field, status, normative = DOCUMENTS[number]
            title = f"{kind.label} {number}: {abstract}"[:255]
            page = LegalDocumentPage(
                title=title, slug=number_slug(number), document_type=kind, issuing_body=body, number=number,
                issue_date=issued, effective_date=effective, expiry_date=expiry, signer=signer, abstract=abstract + NOTE,
                field=field, status=status, is_normative=normative, sync_source=SOURCE, owner=head,
            )
            page.files = [LegalDocumentFile(document=_pdf_document(unit, number, title), title=f"Tệp văn bản {number}")]
            page.relations = [_relation(unit, kind_, target) for kind_, target in relations]
            index.add_child(instance=page)
            page.save_revision(user=head).publish(user=head)
            created += 1
    # Đồng Hới: one draft still missing its effective date and its file (shows as missing).
    donghoi = units.get("donghoi")
    index = LegalDocumentIndexPage.objects.filter(unit=donghoi).first() if donghoi else None
    if index is not None and not LegalDocumentPage.objects.filter(unit=donghoi, number_key=number_key("06/2015/QĐ-UBND")).exists():
        page = LegalDocumentPage(
            title="Quyết định 06/2015/QĐ-UBND về chế độ nhuận bút (bản nháp)", slug="06-2015-qd-ubnd",
            document_type=DocumentType.QUYET_DINH, issuing_body=UBND, number="06/2015/QĐ-UBND", issue_date=D(2015, 2, 4),
            abstract="Quy định về chế độ nhuận bút, thù lao (bản nháp: chưa ghi ngày có hiệu lực, chưa đính kèm tệp)." + NOTE,
            field="Thông tin, báo chí, xuất bản", is_normative=True, live=False, has_unpublished_changes=True,
            owner=users.get("donghoi", {}).get("editor"),
        )
        index.add_child(instance=page)
        page.save_revision(user=users.get("donghoi", {}).get("editor"))
        created += 1
    out(f"Văn bản: {created} văn bản mới.")
    return created
