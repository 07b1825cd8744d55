"""The catalogue API: four facets whose counts add up to the total (L-42-12 (c)), filters, the full record."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal.procedures.models import (
    Field,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)
from portal.units.constants import UnitKind
from portal.units.models import Unit
from portal.units.selectors import invalidate_host_routes

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
LIST = "/api/v1/procedures"
FACETS = ("audience", "field", "level", "unit")


def make_procedure(code, name, unit, *, field=None, applicant_types=("citizen",), handled_by=(), online_by=(), **extra):
    procedure = Procedure.objects.create(
        national_code=code, name=name, unit=unit, field=field, applicant_types=list(applicant_types),
        primary_level="province", status=extra.pop("status", ProcedureStatus.PUBLISHED), **extra,
    )
    for handler in handled_by:
        ProcedureHandling.objects.create(procedure=procedure, unit=handler, online_enabled=handler in online_by)
    return procedure


@pytest.fixture
def units():
    """Two units with bare sites: enough for host routing and the `site` parameter, without provisioning."""
    root = Page.get_first_root_node()
    main_site = Site.objects.create(hostname=MAIN, port=80, root_page=root, is_default_site=True)
    agency_site = Site.objects.create(hostname="stttt.quangbinh.localhost", port=80, root_page=root)
    province = Unit.objects.create(code="44", kind=UnitKind.PROVINCE, name="Tỉnh Quảng Bình", division_type="Tỉnh", site=main_site)
    agency = Unit.objects.create(code="44-STTTT", kind=UnitKind.AGENCY, name="Sở Thông tin và Truyền thông", label="stttt",
                                 site=agency_site, sort_order=1)
    commune = Unit.objects.create(code="18898", kind=UnitKind.COMMUNE, name="Xã Bảo Ninh", division_type="Xã", sort_order=4)
    invalidate_host_routes()
    return {"province": province, "agency": agency, "commune": commune}


@pytest.fixture
def catalogue(units):
    ho_tich = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    vien_thong = Field.objects.create(name="Viễn thông và Internet", slug="vien-thong")
    agency, commune = units["agency"], units["commune"]
    return {
        "khai_sinh": make_procedure(
            "1.001193", "Đăng ký khai sinh", commune, field=ho_tich, handled_by=[commune], online_by=[commune],
            online_submission=True, online_processing=True, online_result=True,
        ),
        "ket_hon": make_procedure("1.001022", "Đăng ký kết hôn", commune, field=ho_tich, handled_by=[commune, agency]),
        "giay_phep": make_procedure(
            "1.004500", "Cấp giấy phép thiết lập mạng viễn thông dùng riêng", agency, field=vien_thong,
            applicant_types=["enterprise", "citizen"], handled_by=[agency], online_submission=True, online_processing=True,
            online_result=True, fee_amount=500000,
        ),
        "chung_chi": make_procedure("1.006000", "Cấp chứng chỉ hành nghề", agency, applicant_types=["organisation"]),
        "nhap": make_procedure("1.007000", "Thủ tục nháp", agency, status=ProcedureStatus.DRAFT),
    }


def api(client, path=LIST, **params):
    response = client.get(path, params, HTTP_HOST=MAIN)
    return response


def codes(body) -> list[str]:
    return [item["national_code"] for item in body["items"]]


def assert_facets_add_up(body):
    for facet in FACETS:
        assert sum(value["count"] for value in body["facets"][facet]) == body["meta"]["count"], facet


def test_list_facets_add_up_for_every_filter(client, catalogue):
    body = api(client).json()
    assert body["meta"] == {"count": 4, "limit": 20, "offset": 0}
    assert codes(body) == ["1.006000", "1.004500", "1.001022", "1.001193"], "published only, by name"
    assert_facets_add_up(body)
    assert {v["value"]: v["count"] for v in body["facets"]["audience"]} == {"individual": 2, "organisation": 1, "both": 1}
    assert {v["value"]: v["count"] for v in body["facets"]["level"]} == {"toan_trinh": 1, "mot_phan": 1, "chi_thong_tin": 2}
    assert {v["value"]: (v["label"], v["count"]) for v in body["facets"]["field"]} == {
        "ho-tich": ("Hộ tịch", 2), "vien-thong": ("Viễn thông và Internet", 1), "chua-phan-loai": ("Chưa phân loại lĩnh vực", 1),
    }
    assert body["facets"]["unit"] == [
        {"value": "44-STTTT", "label": "Sở Thông tin và Truyền thông", "count": 2},
        {"value": "18898", "label": "UBND xã Bảo Ninh", "count": 2},
    ]
    item = body["items"][1]  # by name without diacritics: "cap chung chi…", "cap giay phep…", "dang ky ket hon"…
    assert item["url"] == "http://quangbinh.localhost/dich-vu-cong/thu-tuc/1.004500/"
    assert item["levels"] == {"level_2011": 3, "level_2011_label": "Mức độ 3", "level_2022": "mot_phan",
                              "level_2022_label": "Dịch vụ công trực tuyến một phần"}, "a fee without online payment"
    assert item["field"] == {"slug": "vien-thong", "name": "Viễn thông và Internet"} and item["fee_amount"] == 500000

    cases = {
        (("audience", "individual"),): ["1.001022", "1.001193"],
        (("level", "toan_trinh"),): ["1.001193"],
        (("level", "chi_thong_tin"),): ["1.006000", "1.001022"],
        (("field", "chua-phan-loai"),): ["1.006000"],
        (("field", "ho-tich"), ("level", "chi_thong_tin")): ["1.001022"],
        (("unit", "44-STTTT"), ("audience", "both")): ["1.004500"],
        (("q", "dang ky"),): ["1.001022", "1.001193"],
        (("q", "ĐĂNG KÝ KẾT HÔN"),): ["1.001022"],
        (("q", "1.0045"),): ["1.004500"],
        (("q", "dang ky"), ("unit", "44-STTTT")): [],
    }
    for params, expected in cases.items():
        body = api(client, **dict(params)).json()
        assert codes(body) == expected, params
        assert body["meta"]["count"] == len(expected), params
        assert_facets_add_up(body)
    chosen = api(client, field="ho-tich").json()["facets"]["field"]
    assert chosen == [{"value": "ho-tich", "label": "Hộ tịch", "count": 2}]

    paged = api(client, limit=2, offset=2).json()
    assert paged["meta"] == {"count": 4, "limit": 2, "offset": 2} and codes(paged) == ["1.001022", "1.001193"]
    assert_facets_add_up(paged)


def test_list_scoped_to_a_site(client, catalogue, units):
    body = api(client, site="stttt.quangbinh.localhost").json()
    assert codes(body) == ["1.006000", "1.004500", "1.001022"], "owned, or handled (đăng ký kết hôn)"
    assert_facets_add_up(body)
    assert {v["value"] for v in body["facets"]["unit"]} == {"44-STTTT", "18898"}
    assert body["items"][0]["url"] == "http://stttt.quangbinh.localhost/dich-vu-cong/thu-tuc/1.006000/"
    assert codes(api(client, site=MAIN).json()) == codes(api(client).json()), "the main portal lists every procedure"
    assert api(client, site="khong-co.quangbinh.localhost").status_code == 404


def test_list_query_count_does_not_grow(client, units):
    for n in range(3):
        make_procedure(f"1.{n:06d}", f"Thủ tục {n}", units["agency"], handled_by=[units["commune"]])
    api(client)
    with CaptureQueriesContext(connection) as few:
        assert api(client, q="thu tuc").status_code == 200
    for n in range(3, 40):
        make_procedure(f"1.{n:06d}", f"Thủ tục {n}", units["commune"] if n % 2 else units["agency"])
    with CaptureQueriesContext(connection) as many:
        body = api(client, q="thu tuc", limit=100).json()
    assert body["meta"]["count"] == 40 and len(body["items"]) == 40
    assert len(many) <= len(few)


def test_detail_gives_the_full_record(client, catalogue, units, settings):
    settings.PORTAL_SITE_PORT = 443
    khai_sinh = catalogue["khai_sinh"]
    khai_sinh.channels = [{"channel": "online", "days": 1, "fee_text": "Miễn phí"}, {"channel": "post", "days": "2", "fee_text": ""}]
    khai_sinh.levels = ["commune"]
    khai_sinh.steps = "Bước 1. Nộp tờ khai."
    khai_sinh.legal_basis = "Luật Hộ tịch 2014."
    khai_sinh.time_limit_days = 1
    khai_sinh.save()
    ProcedurePaper.objects.create(procedure=khai_sinh, name="Tờ khai đăng ký khai sinh", originals=1, template_name="Mẫu tờ khai",
                                  template_file=ContentFile(b"%PDF-1.4\n", name="to-khai.pdf"), sort_order=1)
    ProcedurePaper.objects.create(procedure=khai_sinh, name="Giấy chứng sinh", originals=1, sort_order=2)

    body = api(client, path="/api/v1/procedures/1.001193").json()
    assert body["national_code"] == "1.001193" and body["name"] == "Đăng ký khai sinh"
    assert body["levels"]["level_2022"] == "toan_trinh" and body["levels"]["level_2011"] == 4
    assert body["government_level_labels"] == ["Cấp xã"] and body["applicant_type_labels"] == ["Công dân Việt Nam"]
    assert body["channels"] == [
        {"channel": "online", "label": "Trực tuyến", "days": 1, "fee_text": "Miễn phí"},
        {"channel": "post", "label": "Dịch vụ bưu chính", "days": 2, "fee_text": ""},
    ]
    assert [p["name"] for p in body["papers"]] == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]
    assert body["papers"][0]["quantity_text"] == "1 bản chính" and body["papers"][0]["template_url"].endswith(".pdf")
    assert body["papers"][1]["template_url"] is None
    assert body["steps"] == "Bước 1. Nộp tờ khai." and body["legal_basis"] == "Luật Hộ tịch 2014." and body["time_limit_days"] == 1
    assert body["handling_units"] == [{"code": "18898", "name": "UBND xã Bảo Ninh", "online_enabled": True}]
    assert body["submit_url"] == "https://quangbinh.localhost/dich-vu-cong/thu-tuc/1.001193/nop-ho-so/"

    ket_hon = api(client, path="/api/v1/procedures/1.001022").json()
    assert ket_hon["submit_url"] is None and ket_hon["levels"]["level_2022"] == "chi_thong_tin"
    assert api(client, path="/api/v1/procedures/1.007000").status_code == 404, "a draft is not public"
    assert api(client, path="/api/v1/procedures/1.001022", site="stttt.quangbinh.localhost").status_code == 200
    assert api(client, path="/api/v1/procedures/1.001193", site="stttt.quangbinh.localhost").status_code == 404
