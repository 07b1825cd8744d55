"""Public read API of the procedure catalogue (L-42-12: four facets whose counts add up; issue #4 point 12)."""

from django.http import Http404
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from portal.core.api import PageMeta, api_slice, api_unit_or_404
from portal.pages.chrome import main_portal_url
from portal.procedures import selectors

router = Router(tags=["Thủ tục hành chính, dịch vụ công trực tuyến"])


class CatalogueQuery(Schema):
    site: str = Field("", description="Tên miền của trang (ví dụ stttt.quangbinh.gov.vn). Để trống: Cổng tỉnh, mọi thủ tục.")
    q: str = Field("", description="Từ khóa trong tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục.")
    audience: str = Field("", description="Nhóm đối tượng: individual, organisation, both.")
    field: str = Field("", description=f"Định danh lĩnh vực; “{selectors.NO_FIELD}” cho thủ tục chưa phân loại lĩnh vực.")
    level: str = Field("", description="Mức độ theo NĐ 42/2022: toan_trinh, mot_phan, chi_thong_tin.")
    unit: str = Field("", description="Mã đơn vị quản lý thủ tục (ví dụ 44-STTTT).")
    limit: int = Field(20, description="Số thủ tục mỗi trang (tối đa 100).")
    offset: int = Field(0, description="Bỏ qua bao nhiêu thủ tục đầu.")


class FacetValueOut(Schema):
    value: str = Field(description="Giá trị dùng làm tham số lọc.")
    label: str = Field(description="Tên hiển thị.")
    count: int = Field(description="Số thủ tục trong kết quả hiện tại có giá trị này.")


class FacetsOut(Schema):
    audience: list[FacetValueOut] = Field(description="Đối tượng thực hiện (cá nhân / tổ chức / cả hai).")
    field: list[FacetValueOut] = Field(description="Lĩnh vực.")
    level: list[FacetValueOut] = Field(description="Mức độ dịch vụ công trực tuyến theo NĐ 42/2022.")
    unit: list[FacetValueOut] = Field(description="Đơn vị quản lý thủ tục.")


class FieldOut(Schema):
    slug: str = Field(description="Định danh lĩnh vực.")
    name: str = Field(description="Tên lĩnh vực.")


class UnitRefOut(Schema):
    code: str = Field(description="Mã đơn vị.")
    name: str = Field(description="Tên đơn vị.")


class LevelsOut(Schema):
    level_2011: int = Field(description="Mức độ 1–4 theo NĐ 43/2011.")
    level_2011_label: str = Field(description="Tên mức độ theo NĐ 43/2011.")
    level_2022: str = Field(description="toan_trinh, mot_phan hoặc chi_thong_tin (NĐ 42/2022 Điều 11).")
    level_2022_label: str = Field(description="Tên mức độ theo NĐ 42/2022.")


class ProcedureOut(Schema):
    national_code: str = Field(description="Mã thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.")
    name: str = Field(description="Tên thủ tục.")
    url: str = Field(description="Trang của thủ tục trên Cổng.")
    field: FieldOut | None = Field(description="Lĩnh vực; null nếu chưa phân loại.")
    audience: str = Field(description="Nhóm đối tượng.")
    audience_label: str = Field(description="Tên nhóm đối tượng.")
    unit: UnitRefOut = Field(description="Đơn vị quản lý thủ tục.")
    levels: LevelsOut = Field(description="Mức độ dịch vụ công trực tuyến.")
    time_limit_days: int | None = Field(description="Thời hạn giải quyết, ngày làm việc.")
    fee_amount: int = Field(description="Phí, lệ phí (đồng); 0 là không thu.")
    online_submission: bool = Field(description="Thủ tục cho phép nộp hồ sơ trực tuyến.")


class CatalogueOut(Schema):
    meta: PageMeta
    facets: FacetsOut
    items: list[ProcedureOut]


class PaperOut(Schema):
    name: str = Field(description="Tên giấy tờ.")
    originals: int = Field(description="Số bản chính.")
    copies: int = Field(description="Số bản sao.")
    quantity_text: str = Field(description="Số lượng, viết thành lời.")
    required: bool = Field(description="Bắt buộc phải nộp.")
    template_name: str = Field(description="Tên mẫu đơn, tờ khai.")
    template_url: str | None = Field(description="Địa chỉ tải mẫu đơn, tờ khai; null nếu không có tệp.")


class ChannelOut(Schema):
    channel: str = Field(description="in_person, online hoặc post.")
    label: str = Field(description="Tên hình thức nộp.")
    days: float | None = Field(description="Thời hạn giải quyết theo hình thức này, ngày làm việc.")
    fee_text: str = Field(description="Phí, lệ phí theo hình thức này.")


class HandlingOut(Schema):
    code: str = Field(description="Mã đơn vị giải quyết.")
    name: str = Field(description="Tên đơn vị giải quyết.")
    online_enabled: bool = Field(description="Đơn vị đã nhận hồ sơ trực tuyến thủ tục này.")


class ProcedureDetailOut(ProcedureOut):
    government_levels: list[str] = Field(description="Cấp thực hiện (ministry, province, commune).")
    government_level_labels: list[str] = Field(description="Tên cấp thực hiện.")
    applicant_types: list[str] = Field(description="Đối tượng thực hiện.")
    applicant_type_labels: list[str] = Field(description="Tên đối tượng thực hiện.")
    competent_agency: str = Field(description="Cơ quan có thẩm quyền.")
    implementing_agency: str = Field(description="Cơ quan thực hiện.")
    decision_number: str = Field(description="Quyết định công bố thủ tục.")
    steps: str = Field(description="Trình tự thực hiện.")
    channels: list[ChannelOut] = Field(description="Cách thức thực hiện.")
    papers: list[PaperOut] = Field(description="Thành phần hồ sơ.")
    time_limit_text: str = Field(description="Thời hạn giải quyết, nguyên văn.")
    fee_text: str = Field(description="Phí, lệ phí, nguyên văn.")
    conditions: str = Field(description="Yêu cầu, điều kiện.")
    result: str = Field(description="Kết quả thực hiện.")
    legal_basis: str = Field(description="Căn cứ pháp lý.")
    source_url: str = Field(description="Nguồn trên Cổng Dịch vụ công quốc gia.")
    handling_units: list[HandlingOut] = Field(description="Đơn vị giải quyết.")
    submit_url: str | None = Field(description="Địa chỉ nộp hồ sơ trực tuyến trên Cổng tỉnh; null nếu chưa nhận trực tuyến.")


def _site_unit(site: str):
    return api_unit_or_404(site) if site else None


def _levels(procedure) -> dict:
    facts = selectors.procedure_facts(procedure)
    return {
        "level_2011": procedure.level_2011, "level_2011_label": facts["level_2011_label"],
        "level_2022": selectors.LEVEL_VALUES[procedure.level_2022], "level_2022_label": facts["level_2022_label"],
    }


def _site_root(unit) -> str:
    """Procedure pages are linked on the site asked about, or on the main portal."""
    return (unit.site_url if unit is not None else "") or main_portal_url()


def _out(root: str, procedure) -> dict:
    return {
        "national_code": procedure.national_code,
        "name": procedure.name,
        "url": root.rstrip("/") + reverse("procedures:detail", args=[procedure.national_code]),
        "field": {"slug": procedure.field.slug, "name": procedure.field.name} if procedure.field_id else None,
        "audience": procedure.audience,
        "audience_label": procedure.get_audience_display(),
        "unit": {"code": procedure.unit.code, "name": procedure.unit.display_name},
        "levels": _levels(procedure),
        "time_limit_days": procedure.time_limit_days,
        "fee_amount": procedure.fee_amount,
        "online_submission": procedure.online_submission,
    }


@router.get(
    "/procedures", response=CatalogueOut,
    summary="Danh mục thủ tục của một trang, lọc theo từ khóa, đối tượng, lĩnh vực, mức độ, đơn vị, kèm số lượng theo từng bộ lọc",
    description="Số lượng của mỗi bộ lọc tính trên kết quả hiện tại, nên cộng lại bằng meta.count (NĐ 42/2022 Điều 12).",
)
def procedure_list(request, filters: Query[CatalogueQuery]):
    unit = _site_unit(filters.site)
    root = _site_root(unit)
    catalogue = selectors.procedure_catalogue(
        unit,
        selectors.CatalogueFilters(q=filters.q, audience=filters.audience, field=filters.field, level=filters.level, unit=filters.unit),
        with_unit_facet=True,
    )
    meta, items = api_slice(catalogue.procedures, filters.limit, filters.offset)
    facets = {
        name: [{"value": f.value, "label": f.label, "count": f.count} for f in values]
        for name, values in catalogue.facets.items()
    }
    return {"meta": meta, "facets": facets, "items": [_out(root, p) for p in items]}


@router.get(
    "/procedures/{national_code}", response=ProcedureDetailOut,
    summary="Một thủ tục: toàn bộ thông tin, thành phần hồ sơ, cách thức thực hiện, mức độ và đơn vị giải quyết",
)
def procedure_detail(
    request,
    national_code: str = Path(..., description="Mã thủ tục trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193."),
    site: str = Query("", description="Tên miền của trang; để trống: Cổng tỉnh, mọi thủ tục."),
):
    unit = _site_unit(site)
    procedure = selectors.procedure_get_public(unit, national_code)
    if procedure is None:
        raise Http404("Không có thủ tục này.")
    facts = selectors.procedure_facts(procedure)
    papers = [
        {
            "name": paper.name, "originals": paper.originals, "copies": paper.copies, "quantity_text": paper.quantity_text,
            "required": paper.required, "template_name": paper.template_name,
            "template_url": request.build_absolute_uri(paper.template_file.url) if paper.template_file else None,
        }
        for paper in procedure.papers.all()
    ]
    return {
        **_out(_site_root(unit), procedure),
        "government_levels": list(procedure.levels or []),
        "government_level_labels": facts["government_levels"],
        "applicant_types": list(procedure.applicant_types or []),
        "applicant_type_labels": facts["applicant_types"],
        "competent_agency": procedure.competent_agency,
        "implementing_agency": procedure.implementing_agency,
        "decision_number": procedure.decision_number,
        "steps": procedure.steps,
        "channels": facts["channels"],
        "papers": papers,
        "time_limit_text": procedure.time_limit_text,
        "fee_text": procedure.fee_text,
        "conditions": procedure.conditions,
        "result": procedure.result,
        "legal_basis": procedure.legal_basis,
        "source_url": procedure.source_url,
        "handling_units": [
            {"code": h.unit.code, "name": h.unit.display_name, "online_enabled": h.online_enabled}
            for h in procedure.handlings.all()
        ],
        "submit_url": selectors.procedure_submit_url(procedure) or None,
    }
