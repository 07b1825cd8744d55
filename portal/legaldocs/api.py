"""Public read API of legal documents (NĐ 42/2022 Điều 5: information re-used by other systems)."""

import datetime as dt

from django.http import Http404
from django.utils import timezone
from ninja import Router, Schema

from portal.core.api import PageMeta, api_slice, api_unit_or_404
from portal.legaldocs import selectors
from portal.legaldocs.models import LegalDocumentPage

router = Router(tags=["Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành"])


class LegalDocumentOut(Schema):
    id: int
    title: str
    number: str
    type: str
    type_label: str
    is_normative: bool
    issuing_body: str
    issue_date: dt.date | None
    effective_date: dt.date | None
    expiry_date: dt.date | None
    signer: str
    abstract: str
    field: str
    status: str
    status_label: str
    url: str
    source_url: str
    unit_code: str


class LegalDocumentList(Schema):
    meta: PageMeta
    items: list[LegalDocumentOut]


class FileOut(Schema):
    name: str
    url: str
    content_type: str
    size: int | None
    on_source_site: bool


class RelationOut(Schema):
    relation: str
    number: str
    title: str
    id: int | None
    url: str | None


class LegalDocumentDetail(LegalDocumentOut):
    full_text: str
    files: list[FileOut]
    relations: list[RelationOut]


def _absolute(request, page) -> str:
    return page.get_full_url(request)


def _out(request, doc, status: str) -> dict:
    return {
        "id": doc.pk, "title": doc.title, "number": doc.number, "type": doc.document_type, "type_label": doc.type_label,
        "is_normative": doc.is_normative, "issuing_body": doc.issuing_body, "issue_date": doc.issue_date,
        "effective_date": doc.effective_date, "expiry_date": doc.expiry_date, "signer": doc.signer, "abstract": doc.abstract,
        "field": doc.field, "status": status, "status_label": dict(selectors.ValidityStatus.choices)[status],
        "url": _absolute(request, doc), "source_url": doc.sync_source, "unit_code": doc.unit.code if doc.unit_id else "",
    }


@router.get(
    "/sites/{hostname}/legal-documents", response=LegalDocumentList,
    summary="Văn bản đã đăng của một trang, mới ban hành trước; lọc theo số, ký hiệu, hình thức, lĩnh vực, tình trạng, năm",
)
def legal_document_list(
    request, hostname: str, number: str = "", type: str = "", field: str = "", status: str = "", year: int | None = None,
    limit: int = 20, offset: int = 0,
):
    unit = api_unit_or_404(hostname)
    documents = selectors.legal_document_list(
        unit_id=None if unit.is_main else unit.pk, today=timezone.localdate(), number=number, document_type=type,
        field=field, status=status, year=year,
    )
    meta, items = api_slice(documents, limit, offset)
    return {"meta": meta, "items": [_out(request, d, d.current_status) for d in items]}


@router.get(
    "/sites/{hostname}/legal-documents/{document_id}", response=LegalDocumentDetail,
    summary="Một văn bản: thuộc tính, tệp để tải về và văn bản liên quan (cả hai chiều)",
)
def legal_document_detail(request, hostname: str, document_id: int):
    unit = api_unit_or_404(hostname)
    qs = LegalDocumentPage.objects.live().select_related("unit")
    if not unit.is_main:
        qs = qs.filter(unit=unit)
    doc = qs.filter(pk=document_id).first()
    if doc is None:
        raise Http404("Không có văn bản này trên trang.")
    data = _out(request, doc, doc.effective_status())
    base = request.build_absolute_uri("/").rstrip("/")
    files = []
    for f in LegalDocumentPage.attached_files(doc):
        if f.document_id:
            files.append({"name": f.display_name, "url": base + f.document.url, "content_type": f.document.content_type,
                          "size": f.document.file_size, "on_source_site": False})
        else:
            files.append({"name": f.display_name, "url": f.external_url, "content_type": "", "size": None, "on_source_site": True})
    relations = [
        {"relation": r.label, "number": r.number, "title": r.title, "id": r.page.pk if r.page else None,
         "url": _absolute(request, r.page) if r.page else None}
        for r in selectors.relations_both_ways(doc)
    ]
    return {**data, "full_text": doc.full_text, "files": files, "relations": relations}
