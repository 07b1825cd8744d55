"""The public procedure catalogue and procedure page on every site (issue #4 point 1; L-42-12, L-43-15, L-32-dvc.2)."""

import html as html_lib
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.procedures.models import (
    Field,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)

pytestmark = pytest.mark.django_db
MAIN = "quangbinh.localhost"
URL = "/dich-vu-cong/"


def make_procedure(code, name, unit, *, field=None, applicant_types=("citizen",), handled_by=(), online_by=(), **extra):
    procedure = Procedure.objects.create(
        national_code=code, name=name, unit=unit, field=field, applicant_types=list(applicant_types),
        primary_level="province", status=extra.pop("status", ProcedureStatus.PUBLISHED), **extra,
    )
    for handler in handled_by:
        ProcedureHandling.objects.create(procedure=procedure, unit=handler, online_enabled=handler in online_by)
    return procedure


@pytest.fixture
def catalogue(registry):
    ho_tich = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    dat_dai = Field.objects.create(name="Đất đai", slug="dat-dai")
    xuat_ban = Field.objects.create(name="Xuất bản, In và Phát hành", slug="xuat-ban")
    baoninh, stttt = registry["baoninh"], registry["stttt"]
    return {
        "khai_sinh": make_procedure(
            "1.001193", "Đăng ký khai sinh", baoninh, field=ho_tich, handled_by=[baoninh], online_by=[baoninh],
            online_submission=True, online_processing=True, online_result=True, time_limit_days=1,
        ),
        "ban_tin": make_procedure(
            "1.004500", "Cấp giấy phép xuất bản bản tin", stttt, field=xuat_ban, applicant_types=["enterprise"],
            handled_by=[stttt], online_submission=True, online_processing=True, online_result=True, fee_amount=100000,
        ),
        "dat_dai": make_procedure(
            "1.005000", "Đăng ký đất đai lần đầu", registry["donghoi"], field=dat_dai,
            applicant_types=["citizen", "enterprise"], handled_by=[baoninh],
        ),
        "y_te": make_procedure("1.006000", "Cấp chứng chỉ hành nghề dược", registry["syt"], applicant_types=["organisation"]),
        "nhap": make_procedure("1.007000", "Đăng ký khai tử (nháp)", baoninh, field=ho_tich, status=ProcedureStatus.DRAFT),
    }


def get(client, host=MAIN, path=URL, **params):
    return client.get(path, params, HTTP_HOST=host)


def facet_counts(html: str, name: str) -> dict[str, int]:
    """{label: count} of one facet group as the page shows it."""
    section = re.search(rf'aria-labelledby="loc-{name}">(.*?)</section>', html, re.S)
    if section is None:
        return {}
    counts = {}
    for label, count in re.findall(r'<span class="pc-facet-label">(.*?)</span>\s*<span class="pc-count">(\d+)<', section.group(1), re.S):
        label = re.sub(r"<[^>]+>.*?</span>|<[^>]+>", "", label).replace("✓", "").strip()
        counts[html_lib.unescape(label)] = int(count)
    return counts


def result_names(html: str) -> list[str]:
    return [html_lib.unescape(n) for n in re.findall(r'<h3 class="pc-item-title"><a href="[^"]+">(.*?)</a>', html)]


def test_catalogue_lists_searches_and_filters_on_every_site(client, catalogue, registry):
    html = get(client).content.decode()
    names = result_names(html)
    assert sorted(names) == sorted(["Đăng ký khai sinh", "Cấp giấy phép xuất bản bản tin", "Đăng ký đất đai lần đầu",
                                    "Cấp chứng chỉ hành nghề dược"]), "all published procedures, never a draft"
    assert "4 thủ tục" in html
    for facet in ("audience", "field", "level", "unit"):
        assert sum(facet_counts(html, facet).values()) == 4, facet
    assert facet_counts(html, "audience") == {"Cá nhân": 1, "Tổ chức, doanh nghiệp": 2, "Cá nhân và tổ chức": 1}
    assert facet_counts(html, "level") == {
        "Dịch vụ công trực tuyến toàn trình": 1, "Dịch vụ công trực tuyến một phần": 1, "Chỉ cung cấp thông tin": 2,
    }, "a fee without online payment is only một phần"
    assert facet_counts(html, "field")["Chưa phân loại lĩnh vực"] == 1
    assert facet_counts(html, "unit")["UBND xã Bảo Ninh"] == 1
    assert 'href="/dich-vu-cong/thu-tuc/1.001193/"' in html
    assert '<details class="pc-facets" id="bo-loc">' in html, "filters fold on narrow screens"

    # Search by name with or without diacritics, or by (part of) the national code.
    assert sorted(result_names(get(client, q="dang ky").content.decode())) == ["Đăng ký khai sinh", "Đăng ký đất đai lần đầu"]
    assert result_names(get(client, q="ĐĂNG KÝ khai sinh").content.decode()) == ["Đăng ký khai sinh"]
    assert result_names(get(client, q="dat dai").content.decode()) == ["Đăng ký đất đai lần đầu"], "đ folds to d"
    assert result_names(get(client, q="1.004500").content.decode()) == ["Cấp giấy phép xuất bản bản tin"]
    assert result_names(get(client, q="001193").content.decode()) == ["Đăng ký khai sinh"]

    # Facets combine with each other and with the search; the counts follow the results.
    searched = get(client, q="dang ky", **{"doi-tuong": "individual"}).content.decode()
    assert result_names(searched) == ["Đăng ký khai sinh"]
    for facet in ("audience", "field", "level", "unit"):
        assert sum(facet_counts(searched, facet).values()) == 1, facet
    assert 'aria-current="true"' in searched and "Bỏ lọc" in searched and "Bỏ tất cả điều kiện lọc" in searched
    assert 'name="doi-tuong" value="individual"' in searched, "a new search keeps the chosen filters"
    # A facet link keeps the search and the other filters; the chosen value links back without itself.
    assert 'href="/dich-vu-cong/?q=dang+ky&amp;doi-tuong=individual&amp;linh-vuc=ho-tich"' in searched
    assert 'href="/dich-vu-cong/?q=dang+ky"' in searched
    level = get(client, **{"muc-do": "chi_thong_tin", "linh-vuc": "chua-phan-loai"}).content.decode()
    assert result_names(level) == ["Cấp chứng chỉ hành nghề dược"]
    assert result_names(get(client, **{"don-vi": "44-STTTT"}).content.decode()) == ["Cấp giấy phép xuất bản bản tin"]
    assert "Không có thủ tục nào khớp" in get(client, q="khong co thu tuc nay").content.decode()
    assert "4 thủ tục" in get(client, **{"doi-tuong": "khong-hop-le"}).content.decode(), "an unknown value is ignored"

    # A unit's site lists what it owns or handles, and has no unit facet.
    commune = get(client, host=registry["baoninh"].hostname).content.decode()
    assert sorted(result_names(commune)) == ["Đăng ký khai sinh", "Đăng ký đất đai lần đầu"]
    assert 'id="loc-unit"' not in commune and sum(facet_counts(commune, "level").values()) == 2
    assert "Thủ tục hành chính do UBND xã Bảo Ninh quản lý hoặc giải quyết." in commune
    assert result_names(get(client, host=registry["syt"].hostname).content.decode()) == ["Cấp chứng chỉ hành nghề dược"]
    assert get(client, host=registry["stttt"].hostname, q="khai sinh").content.decode().count("pc-item-title") == 0


def test_catalogue_query_count_does_not_grow_and_pages_by_twenty(client, registry, django_assert_max_num_queries):
    field = Field.objects.create(name="Hộ tịch", slug="ho-tich")
    units = [registry["baoninh"], registry["stttt"], registry["syt"]]

    def add(start, count):
        for n in range(start, start + count):
            make_procedure(f"1.{n:06d}", f"Thủ tục số {n:03d}", units[n % 3], field=field if n % 2 else None,
                           applicant_types=["citizen"] if n % 2 else ["enterprise"], online_submission=bool(n % 5))

    add(1, 5)
    get(client)  # warm the host routes and the site settings
    params = {"q": "thu tuc", "linh-vuc": "ho-tich"}
    with CaptureQueriesContext(connection) as five:
        assert get(client).status_code == 200
    with CaptureQueriesContext(connection) as five_filtered:
        assert get(client, **params).status_code == 200
    add(6, 55)
    with django_assert_max_num_queries(len(five)):
        html = get(client).content.decode()
    with django_assert_max_num_queries(len(five_filtered)):
        filtered = get(client, **params).content.decode()
    assert "60 thủ tục, trang 1 / 3" in html and len(result_names(html)) == 20
    assert "30 thủ tục, trang 1 / 2" in filtered
    last = get(client, trang=3).content.decode()
    assert len(result_names(last)) == 20 and 'start="41"' in last and "Thủ tục số 060" in last
    second = get(client, **{**params, "trang": 2}).content.decode()
    assert "q=thu+tuc&amp;linh-vuc=ho-tich&amp;trang=1" in second, "paging keeps the search and the filters"


def test_procedure_page_shows_the_whole_record_and_prints(client, catalogue, registry, settings):
    settings.PORTAL_SITE_PORT = 8000
    procedure = catalogue["ban_tin"]
    procedure.steps = "Bước 1. Nộp hồ sơ.\nBước 2. Nhận kết quả."
    procedure.channels = [
        {"channel": "online", "days": 5, "fee_text": "100.000 đồng"},
        {"channel": "in_person", "days": 7, "fee_text": "100.000 đồng"},
    ]
    procedure.time_limit_days = 7
    procedure.competent_agency = "Sở Thông tin và Truyền thông"
    procedure.conditions = "Có giấy phép hoạt động báo chí."
    procedure.result = "Giấy phép xuất bản bản tin."
    procedure.legal_basis = "Luật Báo chí 2016."
    procedure.levels = ["province"]
    procedure.save()
    ProcedurePaper.objects.create(procedure=procedure, name="Tờ khai đề nghị cấp giấy phép", originals=1, template_name="Mẫu 01/BT",
                                  template_file=ContentFile(b"%PDF-1.4\n", name="mau-01.pdf"), sort_order=1)
    ProcedurePaper.objects.create(procedure=procedure, name="Bản sao quyết định thành lập", copies=2, required=False, sort_order=2)

    url = "/dich-vu-cong/thu-tuc/1.004500/"
    response = get(client, path=url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Cấp giấy phép xuất bản bản tin", "Trình tự thực hiện", "<p>Bước 1. Nộp hồ sơ.<br>Bước 2. Nhận kết quả.</p>",
                 "<th scope=\"row\">Trực tuyến</th><td>5 ngày làm việc</td><td>100.000 đồng</td>", "7 ngày làm việc",
                 "100.000 đồng", "Có giấy phép hoạt động báo chí.", "Giấy phép xuất bản bản tin.", "Luật Báo chí 2016.",
                 "Sở Thông tin và Truyền thông", "Cấp tỉnh", "Doanh nghiệp", "1 bản chính", "2 bản sao", "(nếu có)",
                 "Tải về Mẫu 01/BT", "Mức độ 2011: 3 (NĐ 43/2011)", "NĐ 42/2022: một phần", "Xem bản in", "window.print()",
                 '<a href="/dich-vu-cong/">Dịch vụ công</a>'):
        assert text in html, text
    assert "Nộp hồ sơ trực tuyến</a>" not in html, "no unit receives it online yet"

    ProcedureHandling.objects.filter(procedure=procedure).update(online_enabled=True)
    html = get(client, path=url).content.decode()
    assert '<a class="pc-button" href="http://quangbinh.localhost:8000/dich-vu-cong/thu-tuc/1.004500/nop-ho-so/">Nộp hồ sơ trực tuyến</a>' in html
    assert "nhận hồ sơ trực tuyến" in html

    printed = get(client, path=url, **{"in": "1"}).content.decode()
    assert "Bản để in" in printed and "Tải về Mẫu 01/BT" in printed and "NĐ 42/2022: một phần" in printed
    assert 'class="site-header"' not in printed and 'class="site-footer"' not in printed and "pc-button" not in printed

    # Only published procedures, and on a unit's site only those it owns or handles.
    assert get(client, path="/dich-vu-cong/thu-tuc/1.007000/").status_code == 404, "a draft is not public"
    assert get(client, path="/dich-vu-cong/thu-tuc/9.999999/").status_code == 404
    assert get(client, host=registry["stttt"].hostname, path=url).status_code == 200
    assert get(client, host=registry["syt"].hostname, path=url).status_code == 404
    commune = get(client, host=registry["baoninh"].hostname, path="/dich-vu-cong/thu-tuc/1.005000/")
    assert commune.status_code == 200 and "UBND thành phố Đồng Hới" in commune.content.decode(), "handled, owned by the city"
    khai_sinh = get(client, host=registry["baoninh"].hostname, path="/dich-vu-cong/thu-tuc/1.001193/").content.decode()
    assert "NĐ 42/2022: toàn trình" in khai_sinh and "1 ngày làm việc" in khai_sinh and "Không thu phí, lệ phí" in khai_sinh
