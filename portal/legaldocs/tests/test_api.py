"""API: /api/v1/sites/{hostname}/legal-documents (NĐ 42/2022 Điều 5)."""

import datetime as dt

import pytest

from portal.legaldocs.constants import DocumentType, RelationKind, ValidityStatus
from portal.legaldocs.models import LegalDocumentFile
from portal.legaldocs.tests.conftest import make_document, publish_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, registry):
    client.defaults["HTTP_HOST"] = registry["province"].hostname
    return client


def test_list_filters_and_paging(client, registry):
    unit = registry["stttt"]
    publish_document(unit, "1/2023/NĐ-CP", document_type=DocumentType.NGHI_DINH, issue_date=dt.date(2023, 2, 1),
                     effective_date=dt.date(2023, 2, 15), field="Y tế")
    publish_document(unit, "2/2024/QĐ-UBND", issue_date=dt.date(2024, 2, 1), effective_date=dt.date(2024, 2, 15))
    publish_document(unit, "3/2010/QĐ-UBND", issue_date=dt.date(2010, 1, 1), effective_date=dt.date(2010, 1, 10),
                     expiry_date=dt.date(2012, 1, 1))
    publish_document(registry["donghoi"], "4/2024/QĐ-UBND")
    url = f"/api/v1/sites/{unit.hostname}/legal-documents"
    data = client.get(url).json()
    assert data["meta"]["count"] == 3
    assert [d["number"] for d in data["items"]] == ["2/2024/QĐ-UBND", "1/2023/NĐ-CP", "3/2010/QĐ-UBND"]
    assert data["items"][0]["url"].startswith(f"http://{unit.hostname}/van-ban/")
    assert [d["number"] for d in client.get(url, {"number": "1/2023/nd-cp"}).json()["items"]] == ["1/2023/NĐ-CP"]
    assert [d["number"] for d in client.get(url, {"type": "nghi-dinh"}).json()["items"]] == ["1/2023/NĐ-CP"]
    assert [d["number"] for d in client.get(url, {"field": "Y tế"}).json()["items"]] == ["1/2023/NĐ-CP"]
    assert [d["number"] for d in client.get(url, {"year": 2024}).json()["items"]] == ["2/2024/QĐ-UBND"]
    expired = client.get(url, {"status": ValidityStatus.EXPIRED}).json()["items"]
    assert [d["number"] for d in expired] == ["3/2010/QĐ-UBND"] and expired[0]["status_label"] == "Hết hiệu lực toàn bộ"
    page = client.get(url, {"limit": 1, "offset": 1}).json()
    assert page["meta"] == {"count": 3, "limit": 1, "offset": 1} and len(page["items"]) == 1
    # The main portal's API lists every unit's documents.
    assert client.get(f"/api/v1/sites/{registry['province'].hostname}/legal-documents").json()["meta"]["count"] == 4
    assert client.get("/api/v1/sites/khong-co.quangbinh.localhost/legal-documents").status_code == 404


def test_detail_with_files_and_relations_both_ways(client, registry):
    unit = registry["stttt"]
    old = publish_document(unit, "43/2011/NĐ-CP", status=ValidityStatus.REPLACED)
    pdf = make_document(filename="nghị-định-42.pdf", unit=unit)
    new = publish_document(unit, "42/2022/NĐ-CP", relations=[(RelationKind.REPLACES, old)],
                           files=[LegalDocumentFile(document=pdf, title="Toàn văn"),
                                  LegalDocumentFile(external_url="https://vbpl.vn/tep/42.pdf", title="Bản ở vbpl.vn")])
    data = client.get(f"/api/v1/sites/{unit.hostname}/legal-documents/{new.pk}").json()
    assert data["number"] == "42/2022/NĐ-CP" and data["status"] == "con-hieu-luc"
    assert data["files"][0]["url"].endswith(pdf.url) and data["files"][0]["content_type"] == "application/pdf"
    assert data["files"][1] == {"name": "Bản ở vbpl.vn", "url": "https://vbpl.vn/tep/42.pdf", "content_type": "",
                                "size": None, "on_source_site": True}
    assert data["relations"] == [
        {"relation": "Thay thế", "number": "43/2011/NĐ-CP", "title": old.title, "id": old.pk, "url": old.get_full_url()}
    ]
    back = client.get(f"/api/v1/sites/{unit.hostname}/legal-documents/{old.pk}").json()
    assert back["relations"][0]["relation"] == "Bị thay thế bởi" and back["relations"][0]["id"] == new.pk
    # Another unit's site does not serve it.
    assert client.get(f"/api/v1/sites/{registry['donghoi'].hostname}/legal-documents/{new.pk}").status_code == 404
