"""Every site gets the mandatory sections of its kind, once."""

import pytest
from wagtail.models import Page

from portal.pages.selectors import home_for_unit, page_at
from portal.publicinfo.catalogue import nodes_for
from portal.units.provisioning import sites_provision

pytestmark = pytest.mark.django_db


def _paths(unit):
    home = home_for_unit(unit)
    return {p.url_path[len(home.url_path) :].strip("/") for p in Page.objects.filter(path__startswith=home.path, depth__gt=home.depth)}


def test_each_kind_of_site_gets_its_own_sections(registry):
    commune, agency, main = registry["baoninh"], registry["stttt"], registry["province"]
    assert {n.path for n in nodes_for(commune.kind)} <= _paths(commune)
    assert "gioi-thieu/ban-do-hanh-chinh" in _paths(commune)
    assert "gioi-thieu/ban-do-hanh-chinh" not in _paths(agency)
    assert "cong-khai/chuong-trinh-du-an" not in _paths(commune)
    assert {"van-ban", "hoi-dap", "lay-y-kien", "chi-dao-dieu-hanh/lich-cong-tac", "cong-khai/tiep-can-thong-tin", "en"} <= _paths(main)
    # People's Committees read "Tổ chức bộ máy hành chính"; agencies their structure and functions.
    assert page_at(home_for_unit(commune), "gioi-thieu/co-cau-to-chuc").title == "Tổ chức bộ máy hành chính"
    assert page_at(home_for_unit(agency), "gioi-thieu/co-cau-to-chuc").title == "Cơ cấu tổ chức, chức năng, nhiệm vụ"


def test_text_pages_start_as_unpublished_drafts_and_sections_are_live(registry, client):
    home = home_for_unit(registry["donghoi"])
    assert not page_at(home, "gioi-thieu/lich-su").live
    assert page_at(home, "van-ban").live
    assert client.get("/gioi-thieu/lich-su/", HTTP_HOST=registry["donghoi"].hostname).status_code == 404
    assert client.get("/cong-khai/", HTTP_HOST=registry["donghoi"].hostname).status_code == 200


def test_provisioning_again_creates_nothing_and_restores_a_deleted_section(registry):
    assert sites_provision().created_pages == 0
    page_at(home_for_unit(registry["stttt"]), "cong-khai/thong-ke").delete()
    assert sites_provision().created_pages == 1


def test_provisioned_sections_are_in_the_search_index(registry):
    from portal.schedule.models import ScheduleIndexPage

    found = {page.unit_id for page in ScheduleIndexPage.objects.search("Lịch công tác")}
    assert found == {unit.pk for unit in registry.values()}
