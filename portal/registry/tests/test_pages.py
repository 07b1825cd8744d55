"""Public pages read the registries live (NĐ 43/2011 Điều 10 khoản 1, 11, 12; NĐ 42/2022 Điều 4, 7; NĐ 09/2017 Điều 2)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from portal.pages.selectors import home_for_unit, page_at
from portal.registry.models import OrgUnit, Person, Position, Spokesperson, SpokespersonRole
from portal.registry.tests.conftest import MAIN_HOST, STTTT_HOST

pytestmark = pytest.mark.django_db


def get(client, url, host=MAIN_HOST):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_change_to_a_person_or_post_shows_on_every_page_and_site_that_lists_them(client, registry, records):
    """One registry record, read live: no copy on any page needs editing (L-43-10.1, L-43-10.11, L-42-4.2)."""
    assert "Chủ tịch UBND tỉnh" in get(client, "/gioi-thieu/lanh-dao/")
    assert "Trần Thị Hương" in get(client, "/lien-he/")  # Sở TTTT's director, a provincial contact point
    assert "Trần Thị Hương" in get(client, "/gioi-thieu/lanh-dao/", STTTT_HOST)

    chairman_post = records["chairman_post"]
    chairman_post.title = "Chủ tịch Ủy ban nhân dân tỉnh"
    chairman_post.save()
    director = records["director"]
    director.full_name = "Trần Thị Thu Hương"
    director.save()

    leaders_main, contact_main = get(client, "/gioi-thieu/lanh-dao/"), get(client, "/lien-he/")
    assert "Chủ tịch Ủy ban nhân dân tỉnh" in leaders_main and "Chủ tịch Ủy ban nhân dân tỉnh" in contact_main
    assert "Trần Thị Thu Hương" in contact_main  # main portal
    assert "Trần Thị Thu Hương" in get(client, "/gioi-thieu/lanh-dao/", STTTT_HOST)  # Sở TTTT's site
    assert "Trần Thị Thu Hương" in get(client, "/gioi-thieu/co-cau-to-chuc/")  # contact of the office
    assert "Trần Thị Hương<" not in contact_main


def test_organisation_page_is_a_nested_list_chart_with_each_part_functions_and_contacts(client, registry, records):
    office = records["office"]
    OrgUnit.objects.create(unit=registry["province"], parent=office, name="Phòng Hành chính – Tổ chức", functions="Quản lý văn thư, lưu trữ.")
    html = get(client, "/gioi-thieu/co-cau-to-chuc/")
    chart = html[html.index('class="org-chart"'):]
    # The sub-unit is a list inside its parent's list item: a chart readable without images.
    assert re.search(r"Văn phòng UBND tỉnh</span>\s*<ul class=\"org-chart__level\">\s*<li[^>]*>\s*<span[^>]*>Phòng Hành chính – Tổ chức", chart)
    assert "UBND tỉnh là cơ quan hành chính nhà nước ở địa phương." in html  # the unit's functions
    assert "Quản lý văn thư, lưu trữ." in html  # each part's functions
    assert "vpubnd@quangbinh.gov.vn" in html and "cds@quangbinh.gov.vn" in html  # each part's contacts
    assert "Cập nhật lần cuối:" in html


def test_leaders_page_shows_current_leaders_with_photo_bio_duties_and_term(client, registry, records):
    province = registry["province"]
    records["chairman"].photo = get_image_model().objects.create(title="Ảnh Chủ tịch", file=get_test_image_file())
    records["chairman"].save()
    former = Person.objects.create(owner_unit=province, full_name="Lê Văn Cũ", biography="Nguyên Chủ tịch.")
    Position.objects.create(
        person=former, unit=province, title="Chủ tịch UBND tỉnh", is_leader=True, duties="Phụ trách chung.",
        term_start=dt.date(2016, 6, 1), term_end=dt.date(2021, 5, 31),
    )
    html = get(client, "/gioi-thieu/lanh-dao/")
    assert 'alt="Ảnh chân dung Nguyễn Văn Phong"' in html
    assert "Thạc sĩ Kinh tế." in html and "Lãnh đạo, điều hành chung" in html
    assert "Từ 01/06/2021" in html and "1970" in html
    assert "Lê Văn Cũ" not in html  # term ended


def test_contact_page_lists_owner_contact_points_and_spokesperson(client, registry, records):
    """L-43-10.12 (owner's address, phone, e-mail, person in charge) and L-43-10.11 (contact directory)."""
    Spokesperson.objects.create(
        unit=registry["province"], person=records["director"], role=SpokespersonRole.AUTHORISED, title="Giám đốc Sở TTTT",
        phone="0232 3810 001", email="giamdoc.stttt@quangbinh.gov.vn", valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2021, 1, 1),
    )
    html = get(client, "/lien-he/")
    for text in ("Số 12 Quang Trung, TP Đồng Hới", "0232 3822 540", "ubnd@quangbinh.gov.vn", "Chánh Văn phòng UBND tỉnh"):
        assert text in html
    assert "<caption" in html and '<th scope="col">Thư điện tử công vụ</th>' in html
    assert '<th scope="row">Nguyễn Văn Phong</th>' in html
    assert "Số 125/QĐ-UBND ngày 10/01/2025" in html  # the spokesperson
    assert "Giám đốc Sở TTTT" not in html  # an expired authorisation is not shown


def test_spokesperson_page_shows_active_spokespersons_with_their_decision(client, registry, records):
    """L-09-2: name, position, phone and e-mail of the spokesperson published on the portal."""
    html = get(client, "/thong-tin-bao-chi/nguoi-phat-ngon/")
    for text in ("Nguyễn Văn Phong", "Chủ tịch UBND tỉnh", "0232 3822 001", "chutich@quangbinh.gov.vn", "125/QĐ-UBND", "10/01/2025"):
        assert text in html
    assert "Người đứng đầu" in html


def test_english_pages_exist_and_are_marked_english(client, registry, records):
    """L-43-11: "/en/gioi-thieu exists"; L-42-7.2: structure, functions and contacts in English."""
    for url in ("/en/", "/en/gioi-thieu/"):
        html = get(client, url)
        container = html[html.index('<div lang="en"'):]
        assert "Quang Binh Provincial People&#x27;s Committee" in container
        assert "Office of the Provincial People&#x27;s Committee" in container
        assert "The Provincial People&#x27;s Committee is the local state administrative body." in container
        assert "Chairman of the Provincial People&#x27;s Committee" in container
        assert "Contact directory of competent officials" in container
    contact = get(client, "/en/lien-he/")
    assert "Head of the Provincial Digital Transformation Task Force" in contact
    assert client.get("/en/khong-co/", HTTP_HOST=MAIN_HOST).status_code == 404


def test_administrative_map_needs_alt_text_when_it_has_an_image(client, registry):
    home = home_for_unit(registry["province"])
    page = page_at(home, "gioi-thieu/ban-do-hanh-chinh")
    page.map_image = get_image_model().objects.create(title="Bản đồ hành chính tỉnh Quảng Bình", file=get_test_image_file())
    page.map_alt = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "map_alt" in error.value.message_dict
    page.map_alt = "Bản đồ hành chính tỉnh Quảng Bình gồm 8 huyện, thị xã, thành phố."
    page.body = "<p>Tỉnh Quảng Bình có 8 đơn vị hành chính cấp huyện.</p>"
    page.save_revision().publish()
    html = get(client, "/gioi-thieu/ban-do-hanh-chinh/")
    assert 'alt="Bản đồ hành chính tỉnh Quảng Bình gồm 8 huyện, thị xã, thành phố."' in html
    assert "có 8 đơn vị hành chính cấp huyện" in html


def _people(unit, count, *, photos):
    image_model = get_image_model()
    for n in range(count):
        photo = image_model.objects.create(title=f"Ảnh {n}", file=get_test_image_file()) if photos else None
        person = Person.objects.create(owner_unit=unit, full_name=f"Cán bộ số {n:02d}", biography="Cử nhân Luật.", photo=photo)
        Position.objects.create(
            person=person, unit=unit, title="Phó Giám đốc Sở", duties="Phụ trách lĩnh vực.", is_leader=True, is_contact_point=True,
            phone=f"0232 3810 1{n:02d}", email=f"pgd{n}@quangbinh.gov.vn",
        )


def _queries(client, url, host):
    client.get(url, HTTP_HOST=host)  # renditions of new photos are made once, on the first view
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, HTTP_HOST=host).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/gioi-thieu/lanh-dao/", "/lien-he/", "/en/gioi-thieu/", "/gioi-thieu/co-cau-to-chuc/"])
def test_leaders_and_contact_pages_cost_the_same_queries_for_2_and_20_people(client, registry, url):
    stttt, syt = registry["stttt"], registry["syt"]
    _people(stttt, 2, photos=True)
    _people(syt, 20, photos=True)
    few = _queries(client, url, STTTT_HOST)
    many = _queries(client, url, "syt.quangbinh.localhost")
    assert few == many
