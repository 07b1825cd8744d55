"""Completeness checks for introduction, leaders, contacts, English and spokesperson."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from portal.completeness.registry import Status
from portal.completeness.selectors import site_completeness
from portal.pages.selectors import home_for_unit, page_at
from portal.registry.models import (
    OrgUnit,
    Person,
    Position,
    Spokesperson,
    SpokespersonRole,
    UnitProfile,
)
from portal.rules.services import working_days_add

pytestmark = pytest.mark.django_db

CODES = {"co-cau-to-chuc", "lanh-dao", "gioi-thieu-trang", "ban-do-hanh-chinh", "lien-he", "tieng-anh", "nguoi-phat-ngon"}


def findings(unit, now=None):
    return {item.code: item for item in site_completeness(unit, now=now).items if item.code in CODES}


def publish_text(unit, path, body):
    page = page_at(home_for_unit(unit), path)
    page.body = body
    page.save_revision().publish()


def test_checks_apply_by_kind_of_unit(registry):
    assert set(findings(registry["province"])) == CODES
    assert set(findings(registry["stttt"])) == CODES - {"ban-do-hanh-chinh"}  # the map is for People's Committees only
    assert "ban-do-hanh-chinh" in findings(registry["baoninh"])


def test_organisation_needs_the_live_page_a_sub_unit_and_the_units_functions(registry):
    """L-43-10.1 (c): a sở lacking an org chart or functions text fails."""
    stttt = registry["stttt"]
    item = findings(stttt)["co-cau-to-chuc"]
    assert item.status == Status.MISSING and "bộ phận" in item.detail and item.fix_url
    OrgUnit.objects.create(unit=stttt, name="Văn phòng Sở")
    assert "chức năng" in findings(stttt)["co-cau-to-chuc"].detail
    UnitProfile.objects.create(unit=stttt, functions="Tham mưu, giúp UBND tỉnh quản lý nhà nước về thông tin và truyền thông.")
    assert findings(stttt)["co-cau-to-chuc"].status == Status.PRESENT
    page_at(home_for_unit(stttt), "gioi-thieu/co-cau-to-chuc").unpublish()
    item = findings(stttt)["co-cau-to-chuc"]
    assert item.status == Status.MISSING and "/admin/pages/" in item.fix_url


def test_leaders_need_a_current_leader_with_biography_and_duties(registry):
    stttt = registry["stttt"]
    assert findings(stttt)["lanh-dao"].status == Status.MISSING
    person = Person.objects.create(owner_unit=stttt, full_name="Trần Thị Hương")
    position = Position.objects.create(person=person, unit=stttt, title="Giám đốc Sở", is_leader=True)
    assert findings(stttt)["lanh-dao"].status == Status.MISSING
    person.biography = "Sinh năm 1975, kỹ sư Công nghệ thông tin."
    person.save()
    position.duties = "Phụ trách chung; lĩnh vực tổ chức cán bộ, tài chính."
    position.save()
    assert findings(stttt)["lanh-dao"].status == Status.PRESENT
    position.term_end = dt.date(2020, 1, 1)
    position.save()
    assert findings(stttt)["lanh-dao"].status == Status.MISSING


def test_text_pages_and_map_of_a_peoples_committee(registry):
    """L-43-10.1 (c): a People's Committee also needs the map, history, nature and relics pages."""
    donghoi = registry["donghoi"]
    item = findings(donghoi)["gioi-thieu-trang"]
    assert item.status == Status.MISSING
    for title in ("Lịch sử, truyền thống văn hóa", "Điều kiện tự nhiên", "Di tích, danh thắng"):
        assert title in item.detail
    publish_text(donghoi, "gioi-thieu/lich-su", "<p>Đồng Hới được thành lập năm 1965.</p>")
    publish_text(donghoi, "gioi-thieu/dieu-kien-tu-nhien", "<p>Nằm ven biển, có sông Nhật Lệ chảy qua.</p>")
    item = findings(donghoi)["gioi-thieu-trang"]
    assert item.status == Status.MISSING and item.detail == "Chưa viết hoặc chưa xuất bản: Di tích, danh thắng."
    publish_text(donghoi, "gioi-thieu/di-tich-danh-thang", "<p>Quảng Bình Quan, Lũy Thầy.</p>")
    assert findings(donghoi)["gioi-thieu-trang"].status == Status.PRESENT

    assert findings(donghoi)["ban-do-hanh-chinh"].status == Status.MISSING
    map_page = page_at(home_for_unit(donghoi), "gioi-thieu/ban-do-hanh-chinh")
    map_page.map_image = get_image_model().objects.create(title="Bản đồ TP Đồng Hới", file=get_test_image_file())
    map_page.map_alt = "Bản đồ hành chính thành phố Đồng Hới với 16 phường, xã."
    map_page.save_revision().publish()
    assert findings(donghoi)["ban-do-hanh-chinh"].status == Status.PRESENT


def test_an_agency_needs_only_its_history_page(registry):
    stttt = registry["stttt"]
    assert findings(stttt)["gioi-thieu-trang"].detail == "Chưa viết hoặc chưa xuất bản: Quá trình hình thành và phát triển."
    publish_text(stttt, "gioi-thieu/lich-su", "<p>Sở được thành lập năm 2004.</p>")
    assert findings(stttt)["gioi-thieu-trang"].status == Status.PRESENT


def test_contacts_need_the_owner_details_and_a_contact_point_with_phone_and_official_email(registry):
    """L-43-10.11 (c), L-43-10.12."""
    stttt = registry["stttt"]
    item = findings(stttt)["lien-he"]
    assert item.status == Status.MISSING and "người chịu trách nhiệm" in item.detail and "/admin/snippets/units/unit/" in item.fix_url
    stttt.responsible_person = "Giám đốc Sở Thông tin và Truyền thông"
    stttt.save()
    person = Person.objects.create(owner_unit=stttt, full_name="Hoàng Minh Tuấn")
    position = Position.objects.create(person=person, unit=stttt, title="Chánh Văn phòng Sở", is_contact_point=True, phone="0232 3810 797")
    assert findings(stttt)["lien-he"].status == Status.MISSING  # no official e-mail yet
    position.email = "vanphong.stttt@quangbinh.gov.vn"
    position.save()
    assert findings(stttt)["lien-he"].status == Status.PRESENT


def test_english_is_missing_then_present_then_stale_after_a_vietnamese_change(registry):
    """L-42-7.2 (c): the check fails when a record lacks English, or when the Vietnamese changed since."""
    stttt = registry["stttt"]
    assert findings(stttt)["tieng-anh"].status == Status.MISSING
    profile = UnitProfile.objects.create(unit=stttt, functions="Tham mưu về thông tin và truyền thông.")
    office = OrgUnit.objects.create(unit=stttt, name="Văn phòng Sở")
    assert findings(stttt)["tieng-anh"].status == Status.MISSING
    profile.name_en, profile.functions_en = "Department of Information and Communications", "Advises on information and communications."
    profile.save()
    item = findings(stttt)["tieng-anh"]
    assert item.status == Status.STALE and "Văn phòng Sở" in item.detail  # English still missing for the office
    office.name_en = "Office of the Department"
    office.save()
    assert findings(stttt)["tieng-anh"].status == Status.PRESENT
    office.name = "Văn phòng Sở Thông tin và Truyền thông"
    office.save()
    item = findings(stttt)["tieng-anh"]
    assert item.status == Status.STALE and "Văn phòng Sở Thông tin và Truyền thông" in item.detail
    assert item.fix_url.endswith("?english_outdated=true")


def _spokesperson(unit, decision_date):
    person = Person.objects.create(owner_unit=unit, full_name="Phạm Thị Lan")
    return Spokesperson.objects.create(
        unit=unit, person=person, role=SpokespersonRole.SPOKESPERSON, title="Phó Giám đốc Sở", phone="0232 3810 002",
        email="lan.pt@quangbinh.gov.vn", decision_number="45/QĐ-STTTT", decision_date=decision_date, valid_from=decision_date,
    )


def test_spokesperson_missing_then_overdue_until_the_page_is_republished(registry):
    """L-09-2 (c): no active spokesperson fails; a decision not published within N working days is flagged."""
    stttt = registry["stttt"]
    assert findings(stttt)["nguoi-phat-ngon"].status == Status.MISSING
    decision = timezone.localdate() - dt.timedelta(days=30)
    _spokesperson(stttt, decision)
    deadline = working_days_add(decision, 5)
    on_deadline = timezone.make_aware(dt.datetime.combine(deadline, dt.time(16)))
    assert findings(stttt, now=on_deadline)["nguoi-phat-ngon"].status == Status.PRESENT
    item = findings(stttt, now=on_deadline + dt.timedelta(days=1))["nguoi-phat-ngon"]
    assert item.status == Status.STALE and "45/QĐ-STTTT" in item.detail and "/admin/pages/" in item.fix_url
    page_at(home_for_unit(stttt), "thong-tin-bao-chi/nguoi-phat-ngon").save_revision().publish()
    assert findings(stttt)["nguoi-phat-ngon"].status == Status.PRESENT


def test_an_expired_spokesperson_does_not_count(registry):
    stttt = registry["stttt"]
    spokesperson = _spokesperson(stttt, dt.date(2020, 3, 2))
    spokesperson.valid_to = dt.date(2022, 3, 1)
    spokesperson.save()
    assert findings(stttt)["nguoi-phat-ngon"].status == Status.MISSING
