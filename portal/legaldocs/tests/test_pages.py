"""Public pages: validity banner, relations both ways, filters, exact lookup by số/ký hiệu (L-43-10.6, L-42-4.1a, L-43-10.7)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.legaldocs.constants import DocumentType, RelationKind, ValidityStatus
from portal.legaldocs.models import LegalDocumentPage
from portal.legaldocs.tests.conftest import index_for, publish_document

pytestmark = pytest.mark.django_db


def get(client, unit, path, **params):
    return client.get(path, params, HTTP_HOST=unit.hostname)


def test_document_page_shows_validity_banner_and_relations_both_ways(client, registry):
    main = registry["province"]
    old = publish_document(main, "12/2020/QĐ-UBND", status=ValidityStatus.REPLACED, expiry_date=dt.date(2024, 6, 1))
    new = publish_document(main, "12/2024/QĐ-UBND", relations=[(RelationKind.REPLACES, old)], issue_date=dt.date(2024, 5, 20),
                           effective_date=dt.date(2024, 6, 1))
    response = client.get(old.get_url(), HTTP_HOST=main.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="ld-banner ld-bad"' in html and "Bị thay thế" in html  # text, not colour only
    assert "Bị thay thế bởi:" in html and f'href="/van-ban/{new.slug}/"' in html and "12/2024/QĐ-UBND" in html
    html = client.get(new.get_url(), HTTP_HOST=main.hostname).content.decode()
    assert 'class="ld-banner ld-ok"' in html and "Còn hiệu lực" in html
    assert "Thay thế:" in html and f'href="/van-ban/{old.slug}/"' in html
    assert "Tải về:" in html and "/documents/" in html


def test_status_is_derived_from_dates(client, registry):
    unit = registry["stttt"]
    today = dt.date.today()
    future = publish_document(unit, "1/2099/QĐ-UBND", issue_date=today, effective_date=today + dt.timedelta(days=30))
    expired = publish_document(unit, "2/2010/QĐ-UBND", issue_date=dt.date(2010, 1, 1), effective_date=dt.date(2010, 1, 10),
                               expiry_date=today - dt.timedelta(days=1))
    assert "Chưa có hiệu lực" in client.get(future.get_url(), HTTP_HOST=unit.hostname).content.decode()
    html = client.get(expired.get_url(), HTTP_HOST=unit.hostname).content.decode()
    assert "Hết hiệu lực toàn bộ" in html and 'ld-banner ld-bad' in html
    # The listing filters on the status the page shows, not the stored one.
    listing = get(client, unit, "/van-ban/", hieu_luc=ValidityStatus.EXPIRED).content.decode()
    assert "2/2010/QĐ-UBND" in listing and "1/2099/QĐ-UBND" not in listing


def test_exact_lookup_by_number_redirects_whatever_the_case_or_diacritics(client, registry):
    unit = registry["stttt"]
    doc = publish_document(unit, "06/2015/QĐ-UBND")
    publish_document(unit, "06/2015/QĐ-UBND-X")
    for typed in ("06/2015/QĐ-UBND", "06/2015/qd-ubnd", " 06 / 2015 / QD - UBND "):
        response = get(client, unit, "/van-ban/", so=typed)
        assert response.status_code == 302, typed
        assert response["Location"].endswith(f"/van-ban/{doc.slug}/")
    response = get(client, unit, "/van-ban/", so="99/2015/QĐ-UBND")
    assert response.status_code == 200 and "Không có văn bản nào" in response.content.decode()


def test_listing_filters_on_every_attribute(client, registry):
    unit = registry["stttt"]
    publish_document(unit, "10/2023/NĐ-CP", document_type=DocumentType.NGHI_DINH, issuing_body="Chính phủ", field="Y tế",
                     signer="Lê Minh Khái", issue_date=dt.date(2023, 1, 5), effective_date=dt.date(2023, 3, 1), is_normative=True,
                     abstract="Quy định về khám bệnh từ xa")
    publish_document(unit, "55/KH-UBND", document_type=DocumentType.KE_HOACH, field="Công nghệ thông tin",
                     issue_date=dt.date(2025, 4, 2), effective_date=dt.date(2025, 4, 2), abstract="Kế hoạch chuyển đổi số năm 2025")
    cases = [
        ({"loai": "nghi-dinh"}, "10/2023"),
        ({"co_quan": "Chính phủ"}, "10/2023"),
        ({"linh_vuc": "Y tế"}, "10/2023"),
        ({"nguoi_ky": "le minh khai"}, "10/2023"),
        ({"nam": "2025"}, "55/KH-UBND"),
        ({"ban_hanh_tu": "2025-01-01"}, "55/KH-UBND"),
        ({"ban_hanh_den": "31/12/2023"}, "10/2023"),
        ({"hieu_luc_tu": "2025-01-01", "hieu_luc_den": "2025-12-31"}, "55/KH-UBND"),
        ({"quy_pham": "1"}, "10/2023"),
        ({"quy_pham": "0"}, "55/KH-UBND"),
        ({"q": "chuyen doi so"}, "55/KH-UBND"),
        ({"q": "khám bệnh"}, "10/2023"),
        ({"q": "10/2023"}, "10/2023"),
        ({"hieu_luc": "con-hieu-luc", "loai": "ke-hoach"}, "55/KH-UBND"),
    ]
    for params, expected in cases:
        html = get(client, unit, "/van-ban/", **params).content.decode()
        other = "55/KH-UBND" if expected == "10/2023" else "10/2023"
        assert expected in html and other not in html.split('id="danh-sach"')[1], params


def test_filter_form_is_accessible_and_reports_bad_dates(client, registry):
    unit = registry["stttt"]
    html = get(client, unit, "/van-ban/", ban_hanh_tu="32/13/2024").content.decode()
    assert '<label for="id_ban_hanh_tu">' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_ban_hanh_tu-loi"' in html
    assert 'id="id_ban_hanh_tu-loi"' in html
    assert 'name="don_vi"' not in html  # only the main portal lists several units


def test_main_portal_lists_every_unit_with_a_unit_filter_and_official_sources(client, registry):
    main, stttt, donghoi = registry["province"], registry["stttt"], registry["donghoi"]
    publish_document(main, "1/2024/QĐ-UBND")
    publish_document(stttt, "2/2024/QĐ-STTTT")
    publish_document(donghoi, "3/2024/QĐ-UBND")
    html = get(client, main, "/van-ban/").content.decode()
    for number in ("1/2024/QĐ-UBND", "2/2024/QĐ-STTTT", "3/2024/QĐ-UBND"):
        assert number in html
    assert 'name="don_vi"' in html and "Sở Thông tin và Truyền thông" in html
    assert 'href="https://vbpl.vn/"' in html and "Công báo" in html
    html = get(client, main, "/van-ban/", don_vi=stttt.label).content.decode().split('id="danh-sach"')[1]
    assert "2/2024/QĐ-STTTT" in html and "1/2024/QĐ-UBND" not in html
    # A unit's own listing shows only its documents.
    html = get(client, stttt, "/van-ban/").content.decode()
    assert "2/2024/QĐ-STTTT" in html and "1/2024/QĐ-UBND" not in html
    # Lookup by number on the main portal finds documents of every unit.
    response = get(client, main, "/van-ban/", so="3/2024/qd-ubnd")
    assert response.status_code == 302


def test_pagination_keeps_the_filters(client, registry):
    unit = registry["stttt"]
    for n in range(22):
        publish_document(unit, f"{n + 1}/2024/QĐ-UBND", document_type=DocumentType.QUYET_DINH)
    html = get(client, unit, "/van-ban/", loai="quyet-dinh").content.decode()
    assert "loai=quyet-dinh&amp;trang=2" in html
    html = get(client, unit, "/van-ban/", loai="quyet-dinh", trang=2).content.decode()
    assert "Trang 2 / 2" in html


@pytest.mark.parametrize("host_key", ["stttt", "province"])
def test_listing_costs_the_same_queries_with_3_and_60_documents(client, registry, host_key):
    unit = registry["stttt"]
    host = registry[host_key]
    for n in range(3):
        publish_document(unit, f"{n + 1}/2023/QĐ-UBND")
    get(client, host, "/van-ban/")  # warm the host routing and site root caches
    with CaptureQueriesContext(connection) as few:
        assert get(client, host, "/van-ban/").status_code == 200
    for n in range(3, 60):
        publish_document(unit, f"{n + 1}/2023/QĐ-UBND", issuing_body=f"Cơ quan {n % 7}", field=f"Lĩnh vực {n % 5}")
    with CaptureQueriesContext(connection) as many:
        response = get(client, host, "/van-ban/")
    assert response.status_code == 200 and "Trang 1 / 3" in response.content.decode()
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_draft_documents_are_not_listed(client, registry):
    unit = registry["stttt"]
    page = LegalDocumentPage(title="Bản nháp", number="9/2024/QĐ-UBND", live=False)
    index_for(unit).add_child(instance=page)
    assert "9/2024/QĐ-UBND" not in get(client, unit, "/van-ban/").content.decode()
    assert get(client, unit, "/van-ban/", so="9/2024/QĐ-UBND").status_code == 200
