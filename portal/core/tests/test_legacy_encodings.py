"""Text pasted from TCVN3 (ABC) or VNI documents becomes Unicode, or is refused; never stored garbled."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text

from portal.core.legacy_encodings import (
    REFUSAL,
    analyse,
    convert_legacy,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
)
from portal.interaction.models import Question
from portal.interaction.tests.conftest import form_data, topics  # noqa: F401 (fixture)
from portal.pages.models import StandardPage
from portal.units.models import Unit

SENTENCES = [
    "Uỷ ban nhân dân tỉnh Quảng Bình",
    "Đồng Hới",
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Sở Thông tin và Truyền thông tổ chức hội nghị triển khai nhiệm vụ chuyển đổi số năm 2025",
    "Quyết định số 06/2015/QĐ-UBND ngày 12/3/2015 về việc ban hành quy chế quản lý, vận hành cổng thông tin",
    "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
    "Nguyễn Thị Thuỷ, phường Đồng Phú, thành phố Đồng Hới; điện thoại 0232 3822 000",
]

ORDINARY = [
    *SENTENCES,
    "Thanh Hoà", "Hà Bình", "Bình Định", "Hoà Bình", "Tuyên Hoá", "Lệ Thuỷ",
    "06/2015/QĐ-UBND", "QĐ-UBND", "https://quangbinh.gov.vn/tin-tuc/quy-hoach?trang=2&q=đồng+hới",
    "ubnd@quangbinh.gov.vn", "nguyen.van.an+gopy@example.com", "Mã hồ sơ: 000.00.44.H22-250101-0001",
    "The Provincial People's Committee of Quang Binh", "Café Müller in Zürich, naïve résumé, São Paulo, Jørgensen, España",
    "«Bonjour» à Paris — déjà vu", "© 2025 Sở TTTT · Bản quyền", "Nhiệt độ 30°C, độ ẩm 85% ± 5%", "½ số phiếu; § 3 Điều 5",
    "<p>Xem <a href=\"https://baoquangbinh.vn/\">Báo Quảng Bình</a> &nbsp;và <strong>Cổng thông tin</strong>.</p>",
    "Ngày 01/01/2026 • 08:00 – 11:30", "Tiếng Việt có dấu: ă â đ ê ô ơ ư",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip_tcvn3_and_vni(sentence):
    tcvn3, vni = encode_tcvn3(sentence), encode_vni(sentence)
    assert tcvn3 != sentence and vni != sentence
    assert analyse(tcvn3).encoding == "tcvn3"
    assert analyse(vni).encoding == "vni"
    # TCVN3 has no capital letters with a tone (they were typed with a capital font).
    assert convert_legacy(tcvn3).lower() == sentence.lower()
    assert convert_legacy(vni) == sentence


def test_known_samples():
    assert encode_tcvn3("Uỷ ban nhân dân tỉnh Quảng Bình") == "Uû ban nh©n d©n tØnh Qu¶ng B×nh"
    assert encode_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam") == "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    assert encode_tcvn3("Đồng Hới") == "§ång Híi"
    assert convert_legacy("Ch\u00ad¬ng tr×nh") == "Chương trình"
    assert convert_legacy("Chöông trình") == "Chương trình"
    assert convert_legacy("Quaûng Bình") == "Quảng Bình"
    assert convert_legacy("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert decode_tcvn3("§") == "Đ" and decode_vni("Ñ") == "Đ"


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_is_never_changed(text):
    assert analyse(text).encoding == "" and not analyse(text).ambiguous
    assert convert_legacy(text) == text


def test_garbled_text_that_cannot_be_converted_safely_is_refused():
    # TCVN3 mojibake mixed with Unicode Vietnamese in one field: converting would garble the rest.
    mixed = "Thông báo của Sở: " + encode_tcvn3("Uỷ ban nhân dân tỉnh Quảng Bình triển khai")
    with pytest.raises(ValidationError) as caught:
        convert_legacy(mixed)
    assert caught.value.messages == [REFUSAL]
    assert "Unikey" in REFUSAL


# --- Through the forms people use ------------------------------------------------------------------


HOST = "stttt.quangbinh.localhost"


@pytest.mark.django_db
def test_public_form_stores_tcvn3_and_vni_as_unicode(client, topics):  # noqa: F811
    title = "Thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp"
    content = "Doanh nghiệp tôi muốn lập trang tin tổng hợp thì cần hồ sơ gì và nộp ở đâu?"
    data = form_data(topic=topics["vt"].pk, title=encode_tcvn3(title), content=encode_vni(content))
    response = client.post("/hoi-dap/gui/", data, HTTP_HOST=HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert question.title.lower() == title.lower()
    assert question.content == content


@pytest.mark.django_db
def test_public_form_refuses_garbled_text_it_cannot_convert(client, topics):  # noqa: F811
    content = "Xin hỏi về việc: " + encode_tcvn3("Doanh nghiệp tôi muốn lập trang tin tổng hợp thì cần hồ sơ gì")
    html = client.post("/hoi-dap/gui/", form_data(topic=topics["vt"].pk, content=content), HTTP_HOST=HOST).content.decode()
    assert "bảng mã TCVN3/VNI cũ" in html and "id_content_error" in html
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_page_editor_converts_pasted_tcvn3_and_vni(client, board, registry):
    unit: Unit = registry["stttt"]
    home = unit.site.root_page
    client.force_login(board["head"])
    intro = "Giới thiệu chức năng, nhiệm vụ của Sở Thông tin và Truyền thông tỉnh Quảng Bình"
    body = "Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc Uỷ ban nhân dân tỉnh"
    data = nested_form_data(
        {
            "title": encode_vni("Chức năng, nhiệm vụ"),
            "slug": "chuc-nang-nhiem-vu",
            "intro": encode_tcvn3(intro),
            "body": rich_text(f"<p>{encode_tcvn3(body)}</p>"),
        }
    )
    response = client.post(
        f"/admin/pages/add/portal_pages/standardpage/{home.pk}/", data, HTTP_HOST=registry["province"].hostname
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StandardPage.objects.get(slug="chuc-nang-nhiem-vu")
    assert page.title == "Chức năng, nhiệm vụ"
    assert page.intro.lower() == intro.lower()
    assert body.lower() in page.body.lower()
    revision = page.latest_revision.as_object()
    assert revision.title == "Chức năng, nhiệm vụ" and "¶" not in revision.body


@pytest.mark.django_db
def test_page_editor_refuses_garbled_text(client, board, registry):
    home = registry["stttt"].site.root_page
    client.force_login(board["head"])
    data = nested_form_data(
        {
            "title": "Chức năng, nhiệm vụ",
            "slug": "chuc-nang",
            "intro": "Giới thiệu: " + encode_tcvn3("Sở Thông tin và Truyền thông tỉnh Quảng Bình"),
            "body": rich_text("<p>Nội dung</p>"),
        }
    )
    response = client.post(
        f"/admin/pages/add/portal_pages/standardpage/{home.pk}/", data, HTTP_HOST=registry["province"].hostname
    )
    assert response.status_code == 200
    assert "bảng mã TCVN3/VNI cũ" in response.content.decode()
    assert not StandardPage.objects.filter(slug="chuc-nang").exists()


@pytest.mark.django_db
def test_other_write_paths_convert_when_certain(registry):
    unit = registry["stttt"]
    unit.address = encode_tcvn3("Đường Hữu Nghị, thành phố Đồng Hới")
    unit.save()
    unit.refresh_from_db()
    assert unit.address == "Đường Hữu Nghị, thành phố Đồng Hới"
