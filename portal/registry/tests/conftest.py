"""Registry records for the shared `registry` fixture: the province chairman, Sở TTTT's director, contacts."""

import datetime as dt

import pytest

from portal.registry.models import (
    OrgUnit,
    OrgUnitKind,
    Person,
    Position,
    Spokesperson,
    SpokespersonRole,
    UnitProfile,
)

MAIN_HOST = "quangbinh.localhost"
STTTT_HOST = "stttt.quangbinh.localhost"


@pytest.fixture
def records(registry):
    province, stttt = registry["province"], registry["stttt"]
    province.address, province.phone, province.email = "Số 12 Quang Trung, TP Đồng Hới", "0232 3822 540", "ubnd@quangbinh.gov.vn"
    province.responsible_person = "Chánh Văn phòng UBND tỉnh"
    province.save()
    UnitProfile.objects.create(
        unit=province, functions="UBND tỉnh là cơ quan hành chính nhà nước ở địa phương.", name_en="Quang Binh Provincial People's Committee",
        functions_en="The Provincial People's Committee is the local state administrative body.",
    )
    office = OrgUnit.objects.create(
        unit=province, name="Văn phòng UBND tỉnh", name_en="Office of the Provincial People's Committee",
        functions="Tham mưu, giúp việc cho UBND tỉnh.", functions_en="Advises and assists the Provincial People's Committee.",
        phone="0232 3822 540", email="vpubnd@quangbinh.gov.vn",
    )
    chairman = Person.objects.create(owner_unit=province, full_name="Nguyễn Văn Phong", birth_year=1970, biography="Thạc sĩ Kinh tế.")
    chairman_post = Position.objects.create(
        person=chairman, unit=province, title="Chủ tịch UBND tỉnh", title_en="Chairman of the Provincial People's Committee",
        duties="Lãnh đạo, điều hành chung các hoạt động của UBND tỉnh.", is_leader=True, is_contact_point=True,
        phone="0232 3822 001", email="chutich@quangbinh.gov.vn", term_start=dt.date(2021, 6, 1), sort_order=1,
    )
    director = Person.objects.create(owner_unit=stttt, full_name="Trần Thị Hương", birth_year=1975, biography="Kỹ sư Công nghệ thông tin.")
    director_post = Position.objects.create(
        person=director, unit=stttt, title="Giám đốc Sở", title_en="Director", duties="Phụ trách chung.", is_leader=True,
        is_contact_point=True, phone="0232 3810 001", email="giamdoc.stttt@quangbinh.gov.vn", sort_order=1,
    )
    # The same person also holds a provincial post: the main portal lists her as a contact point.
    province_post = Position.objects.create(
        person=director, unit=province, org_unit=office, title="Tổ trưởng Tổ công tác chuyển đổi số tỉnh",
        title_en="Head of the Provincial Digital Transformation Task Force", is_contact_point=True,
        phone="0232 3810 002", email="cds@quangbinh.gov.vn", sort_order=5,
    )
    spokesperson = Spokesperson.objects.create(
        unit=province, person=chairman, role=SpokespersonRole.HEAD, title="Chủ tịch UBND tỉnh", phone="0232 3822 001",
        email="chutich@quangbinh.gov.vn", decision_number="125/QĐ-UBND", decision_date=dt.date(2025, 1, 10),
        valid_from=dt.date(2025, 1, 10),
    )
    return {
        "office": office, "chairman": chairman, "chairman_post": chairman_post, "director": director,
        "director_post": director_post, "province_post": province_post, "spokesperson": spokesperson,
        "kind": OrgUnitKind,
    }
