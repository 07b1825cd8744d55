"""The tracking book (Mẫu 06): which dossiers, their columns and timeliness, query bounds, and the admin report."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from portal.conftest import PASSWORD, host, make_user
from portal.dossiers import documents
from portal.dossiers.book import tracking_book_rows
from portal.dossiers.constants import DossierStatus, SubmissionChannel, Timeliness
from portal.dossiers.models import DossierApology
from portal.dossiers.tests.test_documents import at, make_dossier, make_procedure, make_units
from portal.editorial.constants import Role

pytestmark = pytest.mark.django_db
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def test_rows_cover_received_and_handled_dossiers_of_the_period_with_timeliness_and_notes():
    units = make_units()
    syt, baoninh = units["syt"], units["baoninh"]
    procedure = make_procedure(syt)

    def dossier(code, received, **fields):
        return make_dossier(procedure, code=code, receiving=fields.pop("receiving", syt), received_at=received, **fields)

    due = dt.date(2026, 3, 16)
    early = dossier("A-early", at(2026, 3, 2, 8), resolved_at=at(2026, 3, 10, 15), returned_at=at(2026, 3, 11, 9),
                    status=DossierStatus.RETURNED, channel=SubmissionChannel.IN_PERSON, legal_due_date=due)
    dossier("B-on-time", at(2026, 3, 2, 9), resolved_at=at(2026, 3, 16, 16), status=DossierStatus.RESULT_READY, legal_due_date=due)
    late = dossier("C-late", at(2026, 3, 2, 10), resolved_at=at(2026, 3, 18, 8), status=DossierStatus.RESULT_READY,
                   legal_due_date=due, channel=SubmissionChannel.POST)
    DossierApology.objects.create(dossier=late, issued_at=at(2026, 3, 17), reason="Chờ xác minh", previous_date=due,
                                  new_date=dt.date(2026, 3, 20), late=True)
    dossier("D-overdue", at(2026, 3, 3), legal_due_date=dt.date(2026, 3, 5))
    dossier("E-open", at(2026, 3, 3, 10), legal_due_date=dt.date(2026, 3, 20))
    dossier("F-suspended", at(2026, 3, 3, 11), status=DossierStatus.SUSPENDED, legal_due_date=dt.date(2026, 3, 5))
    dossier("G-refused", at(2026, 3, 4), status=DossierStatus.REFUSED, refusal_reason="Không thuộc thẩm quyền")
    dossier("H-withdrawn", at(2026, 3, 4, 10), status=DossierStatus.WITHDRAWN)
    dossier("I-via-commune", at(2026, 3, 5), receiving=baoninh, handling=syt)
    dossier("J-last-minute", at(2026, 3, 31, 23, 59))  # 16:59 UTC: still 31/03 in Việt Nam
    dossier("K-february", at(2026, 2, 28, 23, 59))
    dossier("L-april", at(2026, 4, 1, 0, 0))
    dossier("M-not-received", None, status=DossierStatus.SUBMITTED)
    make_dossier(make_procedure(baoninh, code="2.000002"), code="N-commune-only", receiving=baoninh, received_at=at(2026, 3, 6))

    rows = tracking_book_rows(syt, *MARCH, today=dt.date(2026, 3, 10))
    assert [row.code for row in rows] == [
        "A-early", "B-on-time", "C-late", "D-overdue", "E-open", "F-suspended", "G-refused", "H-withdrawn",
        "I-via-commune", "J-last-minute",
    ]
    assert [row.number for row in rows] == list(range(1, 11))
    by_code = {row.code: row for row in rows}
    first = by_code["A-early"]
    assert first.dossier == early
    assert (first.received_on, first.appointment_on, first.resolved_on, first.returned_on) == (
        dt.date(2026, 3, 2), due, dt.date(2026, 3, 10), dt.date(2026, 3, 11),
    )
    assert first.applicant_name == "Nguyễn Văn An"
    assert first.address_phone == "Thôn Sa Động, xã Bảo Ninh, tỉnh Quảng Bình – 0912 345 678"
    assert first.procedure_name == procedure.name and first.handling_unit_name == "Sở Y tế"
    assert {code: row.timeliness for code, row in by_code.items()} == {
        "A-early": Timeliness.EARLY, "B-on-time": Timeliness.ON_TIME, "C-late": Timeliness.LATE, "D-overdue": "overdue",
        "E-open": "open", "F-suspended": "suspended", "G-refused": "", "H-withdrawn": "", "I-via-commune": "open",
        "J-last-minute": "open",
    }
    assert by_code["C-late"].timeliness_label == "Quá hạn" and by_code["D-overdue"].timeliness_label == "Quá hạn, chưa có kết quả"
    assert first.note == ""
    assert by_code["C-late"].note == "Nộp qua bưu chính; Xin lỗi, hẹn lại ngày 20/03/2026 (gửi muộn)"
    assert by_code["G-refused"].note == "Nộp trực tuyến; Từ chối: Không thuộc thẩm quyền"
    assert by_code["H-withdrawn"].note.endswith("Người nộp đã rút hồ sơ")
    assert by_code["I-via-commune"].note == "Nộp trực tuyến; Tiếp nhận tại UBND xã Bảo Ninh"

    # The commune's book has what it received, including what Sở Y tế handles.
    commune = {row.code: row for row in tracking_book_rows(baoninh, *MARCH, today=dt.date(2026, 3, 10))}
    assert set(commune) == {"I-via-commune", "N-commune-only"}
    assert commune["I-via-commune"].note == "Nộp trực tuyến; Chuyển Sở Y tế giải quyết"
    # A one-day period at the boundary.
    assert [row.code for row in tracking_book_rows(syt, dt.date(2026, 3, 31), dt.date(2026, 3, 31))] == ["J-last-minute"]
    assert tracking_book_rows(syt, dt.date(2026, 5, 1), dt.date(2026, 5, 31)) == []


def test_the_book_costs_the_same_queries_for_3_or_30_dossiers(django_assert_max_num_queries):
    units = make_units()
    syt = units["syt"]
    procedure = make_procedure(syt)

    def add(first, last):
        for number in range(first, last + 1):
            dossier = make_dossier(procedure, code=f"SYT-{number:04d}", receiving=units["baoninh"], handling=syt,
                                   received_at=at(2026, 3, 2 + number % 20, 9))
            DossierApology.objects.create(dossier=dossier, issued_at=at(2026, 3, 25), reason="Chậm", previous_date=dt.date(2026, 3, 26),
                                          new_date=dt.date(2026, 3, 30))

    def queries(call):
        with CaptureQueriesContext(connection) as captured:
            call()
        return len(captured)

    add(1, 3)
    with django_assert_max_num_queries(2):
        assert len(tracking_book_rows(syt, *MARCH)) == 3
    small_pdf = queries(lambda: documents.form_06_book(syt, *MARCH))
    add(4, 30)
    with django_assert_max_num_queries(2):
        rows = tracking_book_rows(syt, *MARCH)
        assert len(rows) == 30 and all("Xin lỗi" in row.note for row in rows)
    assert queries(lambda: documents.form_06_book(syt, *MARCH)) == small_pdf <= 3


def test_admin_book_for_the_officers_units_only(client, registry):
    stttt, syt = registry["stttt"], registry["syt"]
    HOST = host(registry["province"])
    make_user("stttt.btv", (stttt, Role.EDITOR))
    make_user("syt.btv", (syt, Role.EDITOR))
    procedure = make_procedure(stttt, code="1.009999", name="Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp")
    make_dossier(procedure, code="STTTT-260302-0001", receiving=stttt, received_at=at(2026, 3, 2, 9),
                 legal_due_date=dt.date(2026, 3, 16), resolved_at=at(2026, 3, 12, 9), status=DossierStatus.RESULT_READY)
    make_dossier(procedure, code="STTTT-260303-0001", receiving=stttt, received_at=at(2026, 3, 3, 9),
                 legal_due_date=dt.date(2026, 3, 16))
    make_dossier(procedure, code="STTTT-260304-0001", receiving=stttt, received_at=at(2026, 3, 4, 9),
                 legal_due_date=dt.date(2099, 3, 16), applicant_name="Công ty <b>Bình Minh</b>")
    url = reverse("dossiers_book")
    assert url == "/admin/mot-cua/so-theo-doi/"
    period = {"unit": stttt.pk, "tu": "01/03/2026", "den": "31/03/2026"}

    assert client.login(username="stttt.btv", password=PASSWORD)
    blank = client.get(url, HTTP_HOST=HOST)
    assert blank.status_code == 200
    html = blank.content.decode()
    assert "Sở Thông tin và Truyền thông" in html and "Sở Y tế" not in html  # only the units the officer works for
    assert 'aria-describedby="id_tu-help"' in html

    page = client.get(url, period, HTTP_HOST=HOST)
    html = page.content.decode()
    assert page.status_code == 200
    for expected in ["STTTT-260302-0001", "STTTT-260303-0001", "Trước hạn", "Quá hạn, chưa có kết quả", "Đang giải quyết, trong hạn",
                     "02/03/2026", "12/03/2026", "@media print", "Tải sổ (PDF, Mẫu 06)", "Tổng số: 3 hồ sơ"]:
        assert expected in html, expected
    assert "Công ty &lt;b&gt;Bình Minh&lt;/b&gt;" in html

    pdf = client.get(url, {**period, "pdf": "1"}, HTTP_HOST=HOST)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="so-theo-doi-44-STTTT-20260301-20260331.pdf"'
    reader = PdfReader(io.BytesIO(pdf.content))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width, 1), round(height, 1)) == (841.9, 595.3)
    assert "STTTT-260302-0001" in "".join(reader.pages[0].extract_text().split())

    # Bad dates answer in Vietnamese, pointing at the field.
    bad = client.get(url, {"unit": stttt.pk, "tu": "31/02/2026", "den": "2026-03-31"}, HTTP_HOST=HOST).content.decode()
    assert "Ngày bắt đầu phải viết theo dạng ngày/tháng/năm, ví dụ 01/03/2026." in bad
    assert "Ngày kết thúc phải viết theo dạng ngày/tháng/năm" in bad
    assert 'aria-describedby="id_tu-help id_tu-error"' in bad and 'role="alert"' in bad and '<table class="book-table"' not in bad
    reversed_period = client.get(url, {**period, "tu": "31/03/2026", "den": "01/03/2026"}, HTTP_HOST=HOST).content.decode()
    assert "Ngày kết thúc phải trùng hoặc sau ngày bắt đầu." in reversed_period
    assert "Mỗi lần xem tối đa 366 ngày" in client.get(url, {**period, "den": "31/03/2028"}, HTTP_HOST=HOST).content.decode()

    # Another unit's book: not found, as a table or as a PDF.
    assert client.get(url, {**period, "unit": syt.pk}, HTTP_HOST=HOST).status_code == 404
    assert client.get(url, {**period, "unit": syt.pk, "pdf": "1"}, HTTP_HOST=HOST).status_code == 404
    client.logout()
    assert client.login(username="syt.btv", password=PASSWORD)
    assert client.get(url, period, HTTP_HOST=HOST).status_code == 404
    empty = client.get(url, {**period, "unit": syt.pk}, HTTP_HOST=HOST).content.decode()
    assert "Không có hồ sơ nào được tiếp nhận trong kỳ." in empty and "STTTT-" not in empty

    # The page's queries do not grow with the number of rows.
    client.logout()
    make_user("admin", is_superuser=True, is_staff=True)
    assert client.login(username="admin", password=PASSWORD)
    with CaptureQueriesContext(connection) as small:
        client.get(url, period, HTTP_HOST=HOST)
    for number in range(2, 30):
        make_dossier(procedure, code=f"STTTT-260305-{number:04d}", receiving=stttt, received_at=at(2026, 3, 5, 9))
    with CaptureQueriesContext(connection) as large:
        html = client.get(url, period, HTTP_HOST=HOST).content.decode()
    assert "Tổng số: 31 hồ sơ" in html and "Sở Y tế" in html  # a superuser may pick any unit
    assert len(large) == len(small)
