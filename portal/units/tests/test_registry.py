from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import GroupPagePermission, Page, Site, Workflow

from portal.conftest import host
from portal.editorial.constants import Role
from portal.editorial.models import SiteRole
from portal.units.constants import UnitKind
from portal.units.models import HostAlias, Unit
from portal.units.provisioning import sites_provision
from portal.units.services import unit_set_label_override

pytestmark = pytest.mark.django_db


def test_import_units_for_province_44_is_complete_and_idempotent():
    out = StringIO()
    call_command("import_units", "--province", "44", stdout=out)
    counts = {kind: Unit.objects.filter(kind=kind).count() for kind in UnitKind.values}
    assert counts[UnitKind.PROVINCE] == 1
    assert counts[UnitKind.DISTRICT] == 8
    assert counts[UnitKind.COMMUNE] == 145
    assert 18 <= counts[UnitKind.AGENCY] <= 25
    assert "quangphu-quangtrach" in out.getvalue(), "adjusted labels are reported"
    bao_ninh = Unit.objects.get(name="Xã Bảo Ninh")
    assert bao_ninh.parent.name == "Thành phố Đồng Hới"
    assert bao_ninh.gso_code == bao_ninh.code
    assert Unit.objects.get(code="44-STTTT").label == "stttt"

    before = list(Unit.objects.order_by("code").values_list("code", "label", "updated_at"))
    out = StringIO()
    call_command("import_units", "--province", "44", stdout=out)
    assert "thêm mới 0, cập nhật 0" in out.getvalue()
    assert list(Unit.objects.order_by("code").values_list("code", "label", "updated_at")) == before


def test_import_of_unknown_province_fails_clearly():
    with pytest.raises(Exception, match="Không tìm thấy tỉnh"):
        call_command("import_units", "--province", "99")


def test_any_other_province_imports_the_same_way():
    call_command("import_units", "--province", "46")  # Thừa Thiên Huế
    assert Unit.objects.filter(kind=UnitKind.PROVINCE, code="46").exists()
    assert Unit.objects.filter(kind=UnitKind.DISTRICT).count() >= 9
    assert Unit.objects.filter(kind=UnitKind.AGENCY, code="46-STTTT", label="stttt").exists()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Page.objects.filter(latest_revision__isnull=False).count(),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id")),
        "roles": SiteRole.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
        "workflows": Workflow.objects.count(),
    }


def test_provisioning_creates_each_site_and_a_second_run_changes_nothing(registry):
    stttt = registry["stttt"]
    site = Site.objects.get(hostname="stttt.quangbinh.localhost")
    assert site.root_page.specific.unit == stttt
    assert set(site.root_page.get_children().values_list("slug", flat=True)) >= {"tin-tuc-su-kien", "gioi-thieu"}
    assert Site.objects.filter(hostname="quangbinh.localhost").exists()
    assert not Site.objects.filter(is_default_site=True).exists()
    assert SiteRole.objects.filter(unit=stttt).count() == len(Role)  # one group per role, Cán bộ một cửa included
    assert stttt.collection_link.collection.name.endswith("Sở Thông tin và Truyền thông")

    before = snapshot()
    report = sites_provision()
    assert not report.changed
    assert snapshot() == before


@override_settings(ALLOWED_HOSTS=["*"])
def test_unknown_hosts_get_a_clear_404_never_another_sites_content(client, registry):
    response = client.get("/", HTTP_HOST="khongco.quangbinh.localhost")
    assert response.status_code == 404
    assert "không thuộc Cổng thông tin điện tử" in response.content.decode()
    assert "Sở Thông tin" not in response.content.decode()


def test_hosts_outside_the_base_domain_are_refused(client, registry):
    assert client.get("/", HTTP_HOST="example.com").status_code == 400


def test_www_redirects_permanently_to_the_main_portal(client, registry):
    response = client.get("/tin-tuc-su-kien/?trang=2", HTTP_HOST="www.quangbinh.localhost")
    assert response.status_code == 301
    assert response["Location"] == "http://quangbinh.localhost/tin-tuc-su-kien/?trang=2"


def test_changed_label_keeps_the_old_hostname_as_permanent_redirect(client, registry):
    syt = registry["syt"]
    unit_set_label_override(unit=syt, label="soyte")
    assert HostAlias.objects.filter(hostname="syt.quangbinh.localhost", unit=syt).exists()
    response = client.get("/tin-tuc-su-kien/", HTTP_HOST="syt.quangbinh.localhost")
    assert response.status_code == 301
    assert response["Location"] == "http://soyte.quangbinh.localhost/tin-tuc-su-kien/"
    assert "Sở Y tế" in client.get("/", HTTP_HOST="soyte.quangbinh.localhost").content.decode()


def test_override_is_validated_like_any_label(registry):
    from django.core.exceptions import ValidationError

    for bad in ("www", "Sở Y tế", "stttt"):
        with pytest.raises(ValidationError):
            unit_set_label_override(unit=registry["syt"], label=bad)


def test_each_site_shows_its_own_name_and_contact(client, registry):
    for unit in (registry["province"], registry["stttt"], registry["donghoi"], registry["baoninh"]):
        response = client.get("/", HTTP_HOST=host(unit))
        assert response.status_code == 200
        assert unit.display_name in response.content.decode()
    page = client.get("/", HTTP_HOST="stttt.quangbinh.localhost").content.decode()
    assert "0232 3810 797" in page and "stttt@quangbinh.gov.vn" in page


def test_api_lists_units_with_hostnames(client, registry):
    response = client.get("/api/v1/units/", HTTP_HOST="quangbinh.localhost")
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    assert len(rows) == Unit.objects.count()
    assert rows["44-STTTT"] == {
        "code": "44-STTTT",
        "name": "Sở Thông tin và Truyền thông",
        "kind": "agency",
        "parent_code": "44",
        "hostname": "stttt.quangbinh.localhost",
        "site_url": "http://stttt.quangbinh.localhost/",
        "active": True,
    }
    assert rows["44"]["hostname"] == "quangbinh.localhost"
    assert client.get("/api/v1/openapi.json", HTTP_HOST="quangbinh.localhost").json()["info"]["version"] == "1"
    assert client.get("/api/v1/", HTTP_HOST="quangbinh.localhost").status_code == 200


def test_openapi_schema_committed_matches_code():
    call_command("export_openapi", "--check", "docs/openapi.json")


def test_operator_edits_a_unit_in_the_admin_and_the_site_moves(client, registry):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    get_user_model().objects.create_superuser("vanhanh", "vanhanh@example.gov.vn", "mat-khau-van-hanh-2026")
    assert client.login(username="vanhanh", password="mat-khau-van-hanh-2026")
    syt = registry["syt"]
    url = reverse("wagtailsnippets_units_unit:edit", args=[syt.pk])
    assert client.get(url, HTTP_HOST="quangbinh.localhost").status_code == 200
    data = {
        "name": "Sở Y tế",
        "kind": "agency",
        "division_type": "Sở",
        "code": syt.code,
        "gso_code": "",
        "identifier_code": "000.00.25.H46",
        "short_name": "",
        "abbreviation": "SYT",
        "parent": registry["province"].pk,
        "valid_from": "",
        "valid_to": "",
        "label_override": "yte",
        "address": "Số 2 Hữu Nghị, Đồng Hới",
        "phone": "",
        "fax": "",
        "email": "",
        "responsible_person": "",
    }
    response = client.post(url, data, HTTP_HOST="quangbinh.localhost")
    assert response.status_code == 302, response.content.decode()[:2000]
    syt.refresh_from_db()
    assert syt.label == "yte" and syt.identifier_code == "000.00.25.H46"
    assert syt.site.hostname == "yte.quangbinh.localhost"
    assert client.get("/", HTTP_HOST="syt.quangbinh.localhost")["Location"] == "http://yte.quangbinh.localhost/"

    data["label_override"] = "stttt"
    response = client.post(url, data, HTTP_HOST="quangbinh.localhost")
    assert response.status_code == 200
    assert "đã được dùng cho đơn vị khác" in response.content.decode()


def test_board_members_cannot_edit_the_registry(client, registry, board):
    from django.urls import reverse

    from portal.conftest import PASSWORD

    assert client.login(username="stttt.qt", password=PASSWORD)
    url = reverse("wagtailsnippets_units_unit:edit", args=[registry["stttt"].pk])
    assert client.get(url, HTTP_HOST="stttt.quangbinh.localhost").status_code in (302, 403)
