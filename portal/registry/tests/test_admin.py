"""The registry admin: each board edits only its own unit's records; English drift is flagged (L-42-7.2)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.conftest import PASSWORD
from portal.registry.models import OrgUnit, Person, Position, UnitProfile
from portal.registry.tests.conftest import MAIN_HOST, STTTT_HOST

pytestmark = pytest.mark.django_db


def url(model, action, *args):
    return reverse(f"wagtailsnippets_registry_{model._meta.model_name}:{action}", args=args)


def login(client, user):
    client.logout()
    assert client.login(username=user.username, password=PASSWORD)


@pytest.fixture
def stttt_records(registry, records):
    stttt = registry["stttt"]
    profile = UnitProfile.objects.create(
        unit=stttt, functions="Sở TTTT tham mưu về báo chí, xuất bản, bưu chính, viễn thông, công nghệ thông tin.",
        name_en="Quang Binh Department of Information and Communications",
        functions_en="The Department advises on press, publishing, postal services, telecommunications and IT.",
    )
    office = OrgUnit.objects.create(unit=stttt, name="Văn phòng Sở", name_en="Office of the Department")
    return {"profile": profile, "office": office}


def profile_post(profile, **changes):
    data = {
        "unit": profile.unit_id, "functions": profile.functions, "name_en": profile.name_en,
        "functions_en": profile.functions_en, "address_en": profile.address_en,
    }
    return data | changes


def test_changing_only_vietnamese_flags_english_and_editing_english_clears_it(client, registry, board, stttt_records):
    profile = stttt_records["profile"]
    assert profile.english_outdated is False
    login(client, board["editor"])
    edit = url(UnitProfile, "edit", profile.pk)
    functions = profile.functions + " Quản lý nhà nước về chuyển đổi số."
    response = client.post(edit, profile_post(profile, functions=functions), HTTP_HOST=STTTT_HOST)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.functions == functions and profile.english_outdated is True

    listing = client.get(url(UnitProfile, "list"), HTTP_HOST=STTTT_HOST).content.decode()
    assert "Cần cập nhật tiếng Anh" in listing and "Cần cập nhật" in listing.split("Cần cập nhật tiếng Anh", 1)[1]
    flagged = client.get(url(UnitProfile, "list") + "?english_outdated=true", HTTP_HOST=STTTT_HOST).content.decode()
    assert "Sở Thông tin và Truyền thông" in flagged

    functions_en = profile.functions_en + " State management of digital transformation."
    client.post(edit, profile_post(profile, functions_en=functions_en), HTTP_HOST=STTTT_HOST)
    profile.refresh_from_db()
    assert profile.english_outdated is False
    up_to_date = client.get(url(UnitProfile, "list") + "?english_outdated=false", HTTP_HOST=STTTT_HOST).content.decode()
    assert "Sở Thông tin và Truyền thông" in up_to_date


def test_missing_english_is_flagged_and_a_unit_rename_flags_the_english_name(registry, records):
    office = OrgUnit.objects.create(unit=registry["stttt"], name="Thanh tra Sở")
    assert office.english_outdated is True
    office.name_en = "Department Inspectorate"
    office.save()
    assert office.english_outdated is False
    profile = UnitProfile.objects.get(unit=registry["province"])
    assert profile.english_outdated is False
    province = registry["province"]
    province.name = "Tỉnh Quảng Bình (mới)"
    province.save()
    profile.refresh_from_db()
    assert profile.english_outdated is True


def test_board_lists_and_edits_only_its_own_units_records(client, registry, board, records, stttt_records):
    login(client, board["head"])
    listing = client.get(url(OrgUnit, "list"), HTTP_HOST=STTTT_HOST).content.decode()
    assert "Văn phòng Sở" in listing and "Văn phòng UBND tỉnh" not in listing
    people = client.get(url(Person, "list"), HTTP_HOST=STTTT_HOST).content.decode()
    assert "Trần Thị Hương" in people and "Nguyễn Văn Phong" not in people

    main_office, chairman = records["office"], records["chairman"]
    for model, pk in ((OrgUnit, main_office.pk), (Person, chairman.pk), (Position, records["chairman_post"].pk)):
        for action in ("edit", "delete", "history", "usage"):
            assert client.get(url(model, action, pk), HTTP_HOST=STTTT_HOST).status_code == 404, (model, action)
    response = client.post(url(Person, "edit", chairman.pk), {"owner_unit": registry["stttt"].pk, "full_name": "Tên bị sửa"}, HTTP_HOST=STTTT_HOST)
    assert response.status_code == 404
    assert client.post(url(Person, "delete", chairman.pk), HTTP_HOST=STTTT_HOST).status_code == 404
    chairman.refresh_from_db()
    assert chairman.full_name == "Nguyễn Văn Phong"

    # Own records open normally.
    assert client.get(url(OrgUnit, "edit", stttt_records["office"].pk), HTTP_HOST=STTTT_HOST).status_code == 200


def test_a_board_cannot_create_records_for_another_unit_and_choices_are_its_own(client, registry, board, records, stttt_records):
    login(client, board["editor"])
    form = client.get(url(Position, "add"), HTTP_HOST=STTTT_HOST).content.decode()
    assert "Trần Thị Hương" in form and "Nguyễn Văn Phong" not in form  # people of the own unit only
    assert "Văn phòng Sở" in form and "Văn phòng UBND tỉnh" not in form  # own sub-units only
    response = client.post(
        url(OrgUnit, "add"), {"unit": registry["province"].pk, "name": "Phòng bị chèn", "kind": "office", "sort_order": 1},
        HTTP_HOST=STTTT_HOST,
    )
    assert response.status_code == 200  # the form refuses a unit that is not the user's
    assert not OrgUnit.objects.filter(name="Phòng bị chèn").exists()
    # The snippet chooser lists only the unit's own people too.
    chooser = client.get(reverse("wagtailsnippetchoosers_registry_person:choose"), HTTP_HOST=STTTT_HOST).json()["html"]
    assert "Trần Thị Hương" in chooser and "Nguyễn Văn Phong" not in chooser
    chosen = reverse("wagtailsnippetchoosers_registry_person:chosen", args=[records["chairman"].pk])
    assert client.get(chosen, HTTP_HOST=STTTT_HOST).status_code == 404


def test_contributors_and_other_units_boards_have_no_access(client, registry, board, stttt_records):
    login(client, board["contributor"])
    assert client.get(url(OrgUnit, "list"), HTTP_HOST=STTTT_HOST).status_code in (302, 403)
    assert client.get(url(OrgUnit, "edit", stttt_records["office"].pk), HTTP_HOST=STTTT_HOST).status_code == 404
    login(client, board["syt_editor"])
    assert client.get(url(OrgUnit, "edit", stttt_records["office"].pk), HTTP_HOST=STTTT_HOST).status_code == 404
    assert "Văn phòng Sở" not in client.get(url(OrgUnit, "list"), HTTP_HOST=STTTT_HOST).content.decode()


def test_superuser_sees_every_units_records(client, django_user_model, registry, records, stttt_records):
    admin = django_user_model.objects.create_superuser("vanhanh", "vanhanh@quangbinh.gov.vn", PASSWORD)
    login(client, admin)
    listing = client.get(url(OrgUnit, "list"), HTTP_HOST=MAIN_HOST).content.decode()
    assert "Văn phòng Sở" in listing and "Văn phòng UBND tỉnh" in listing
    assert client.get(url(Person, "edit", records["chairman"].pk), HTTP_HOST=MAIN_HOST).status_code == 200


def test_create_edit_and_delete_are_in_the_audit_log(client, registry, board, stttt_records):
    login(client, board["site_admin"])
    stttt = registry["stttt"]
    data = {"unit": stttt.pk, "name": "Phòng Công nghệ thông tin", "kind": "office", "sort_order": 20, "functions": "Tham mưu về CNTT."}
    assert client.post(url(OrgUnit, "add"), data, HTTP_HOST=STTTT_HOST).status_code == 302
    org_unit = OrgUnit.objects.get(name="Phòng Công nghệ thông tin")
    data["name"] = "Phòng Công nghệ thông tin và Chuyển đổi số"
    assert client.post(url(OrgUnit, "edit", org_unit.pk), data, HTTP_HOST=STTTT_HOST).status_code == 302
    assert client.post(url(OrgUnit, "delete", org_unit.pk), HTTP_HOST=STTTT_HOST).status_code == 302
    entries = ModelLogEntry.objects.filter(object_id=str(org_unit.pk), content_type__model="orgunit")
    assert {"wagtail.create", "wagtail.edit", "wagtail.delete"} <= set(entries.values_list("action", flat=True))
    assert set(entries.values_list("user__username", flat=True)) == {"stttt.qt"}
