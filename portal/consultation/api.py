"""Public read API of consultations on drafts (NĐ 42/2022 Điều 5: information re-used by other channels)."""

import datetime as dt
from typing import Literal

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema
from wagtail.rich_text import expand_db_html

from portal.consultation import selectors
from portal.core.api import PageMeta, api_slice, api_unit_or_404
from portal.pages.selectors import home_for_unit

router = Router(tags=["Lấy ý kiến góp ý dự thảo"])


class ReceivingUnitOut(Schema):
    name: str
    address: str
    email: str


class ConsultationOut(Schema):
    id: int
    title: str
    summary: str
    url: str
    status: Literal["upcoming", "open", "closed"]
    opens_at: dt.datetime
    closes_at: dt.datetime
    receiving_unit: ReceivingUnitOut
    approved_comment_count: int
    report_available: bool
    report_url: str | None
    unit_code: str


class ConsultationList(Schema):
    meta: PageMeta
    items: list[ConsultationOut]


class DocumentOut(Schema):
    title: str
    url: str


class CommentOut(Schema):
    name: str
    submitted_at: dt.datetime
    content: str
    response: str
    responded_at: dt.datetime | None


class ConsultationDetail(ConsultationOut):
    legal_basis: str
    body_html: str
    documents: list[DocumentOut]
    report_html: str
    report_document_url: str | None
    comments: list[CommentOut]


def _absolute(base: str, home_path: str, page) -> str:
    return base + "/" + page.url_path[len(home_path):]


def _summary(page, base, home_path, now) -> dict:
    url = _absolute(base, home_path, page)
    report = page.report_available(now)
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "url": url,
        "status": page.status_at(now),
        "opens_at": page.opens_at,
        "closes_at": page.closes_at,
        "receiving_unit": ReceivingUnitOut(
            name=page.receiving_unit_name, address=page.receiving_address_display, email=page.receiving_email_display
        ),
        "approved_comment_count": page.approved_count,
        "report_available": report,
        "report_url": url + "#bao-cao" if report else None,
        "unit_code": page.unit.code if page.unit else "",
    }


@router.get(
    "/sites/{hostname}/consultations",
    response=ConsultationList,
    summary="Dự thảo lấy ý kiến của một trang: đang lấy ý kiến trước, rồi sắp lấy ý kiến, rồi đã kết thúc",
)
def site_consultations(
    request, hostname: str, status: Literal["open", "closed", "upcoming"] | None = None, limit: int = 20, offset: int = 0
):
    unit = api_unit_or_404(hostname)
    now = timezone.now()
    meta, pages = api_slice(selectors.consultation_list_for_unit(unit.pk, now=now, status=status), limit, offset)
    base = unit.site_url.rstrip("/")
    home = home_for_unit(unit)
    home_path = home.url_path if home else "/"
    return ConsultationList(meta=meta, items=[ConsultationOut(**_summary(p, base, home_path, now)) for p in pages])


@router.get(
    "/sites/{hostname}/consultations/{consultation_id}",
    response=ConsultationDetail,
    summary="Một dự thảo lấy ý kiến: toàn văn, tệp, góp ý đã công khai kèm tiếp thu, giải trình, báo cáo tổng hợp",
)
def site_consultation(request, hostname: str, consultation_id: int):
    unit = api_unit_or_404(hostname)
    now = timezone.now()
    page = selectors.consultation_list_for_unit(unit.pk, now=now).filter(pk=consultation_id).first()
    if page is None:
        raise Http404("Không có dự thảo này trên trang.")
    base = unit.site_url.rstrip("/")
    home = home_for_unit(unit)
    home_path = home.url_path if home else "/"
    report = page.report_available(now)
    documents = [
        DocumentOut(title=item.display_title, url=base + item.document.url)
        for item in page.documents.select_related("document")
    ]
    comments = [
        CommentOut(name=c.name, submitted_at=c.created_at, content=c.content, response=c.response, responded_at=c.responded_at)
        for c in selectors.approved_comments(page)[:1000]
    ]
    return ConsultationDetail(
        **_summary(page, base, home_path, now),
        legal_basis=page.legal_basis,
        body_html=expand_db_html(page.body or ""),
        documents=documents,
        report_html=expand_db_html(page.report_body or "") if report else "",
        report_document_url=(base + page.report_document.url) if report and page.report_document_id else None,
        comments=comments,
    )

