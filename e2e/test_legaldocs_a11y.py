"""WCAG 2.1 AA on the legal documents' pages: the listing with its filters shown (and an error
reported), and a document page with its validity banner and relations, at 1280 and 320 px."""

import datetime as dt

import pytest

from e2e.a11y import NARROW, audit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def legal_pages(portal_sites) -> dict[str, str]:
    from portal.legaldocs.constants import DocumentType, RelationKind, ValidityStatus
    from portal.legaldocs.demo import minimal_pdf
    from portal.legaldocs.models import LegalDocumentFile
    from portal.legaldocs.tests.conftest import make_document, publish_document

    sites = portal_sites
    unit = sites.agency
    pdf = make_document(filename="nghị-định-43.pdf", data=minimal_pdf(["Nghi dinh 43/2011"]), unit=unit)
    old = publish_document(
        unit, "43/2011/NĐ-CP", document_type=DocumentType.NGHI_DINH, issuing_body="Chính phủ",
        issue_date=dt.date(2011, 6, 13), effective_date=dt.date(2011, 8, 1), expiry_date=dt.date(2022, 8, 15),
        status=ValidityStatus.REPLACED, signer="Nguyễn Tấn Dũng", is_normative=True,
        abstract="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử "
        "hoặc cổng thông tin điện tử của cơ quan nhà nước",
        files=[LegalDocumentFile(document=pdf, title="Toàn văn Nghị định 43/2011/NĐ-CP")],
    )
    new = publish_document(
        unit, "42/2022/NĐ-CP", document_type=DocumentType.NGHI_DINH, issuing_body="Chính phủ",
        issue_date=dt.date(2022, 6, 24), effective_date=dt.date(2022, 8, 15), signer="Vũ Đức Đam", is_normative=True,
        abstract="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
        relations=[(RelationKind.REPLACES, old)],
    )
    for n in range(22):
        publish_document(unit, f"{n + 1}/2024/QĐ-UBND", issue_date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
                         effective_date=dt.date(2024, 2, 1))
    publish_document(sites.province, "1/2025/QĐ-UBND")
    return {
        "listing": sites.url(unit, "/van-ban/"),
        "listing, filtered, page 2": sites.url(unit, "/van-ban/?loai=quyet-dinh&trang=2"),
        "listing with a filter error": sites.url(unit, "/van-ban/?ban_hanh_tu=32/13/2024"),
        "main portal listing (all units)": sites.url(sites.province, "/van-ban/"),
        "replaced document": sites.url(unit, old.url_path[len("/" + old.url_path.split("/")[1]):]),
        "document in force with relation": sites.url(unit, new.url_path[len("/" + new.url_path.split("/")[1]):]),
    }


def test_axe_finds_no_violations_on_legal_documents(new_page, legal_pages):
    failures = audit(new_page, legal_pages)
    assert not failures, "\n\n".join(failures)


def test_banner_and_relations_are_shown_in_text(new_page, legal_pages):
    page = new_page(viewport=NARROW)
    visit(page, legal_pages["replaced document"])
    banner = page.locator(".ld-banner")
    assert "Bị thay thế" in banner.inner_text()
    link = page.get_by_role("link", name="42/2022/NĐ-CP")
    assert link.count() == 1
    assert "Bị thay thế bởi" in page.locator(".ld-relations").inner_text()
