"""WCAG 2.1 AA on the public-information pages: procurement notices (open and archived), a press
release, the access-to-information section with its disclosure table, and the footer links."""

import datetime as dt

import pytest

from e2e.a11y import audit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def info_pages(portal_sites) -> dict[str, str]:
    from django.utils import timezone

    from portal.pages.selectors import home_for_unit, page_at
    from portal.publicinfo.models import (
        AccessToInformationPage,
        NoticeKind,
        PressKind,
        PressReleasePage,
        ProcurementNoticePage,
    )
    from portal.registry.models import Person, Spokesperson

    unit = portal_sites.agency
    home = home_for_unit(unit)
    section = page_at(home, "cong-khai/dau-tu-dau-thau-mua-sam")
    now = timezone.now()
    for title, deadline in (("Mời thầu gói thầu nâng cấp Trung tâm dữ liệu tỉnh", now + dt.timedelta(days=9)),
                            ("Mời thầu gói thầu thiết bị mạng năm 2025", now - dt.timedelta(days=9))):
        notice = ProcurementNoticePage(
            title=title, lead="Sở Thông tin và Truyền thông thông báo mời thầu rộng rãi trong nước.", body="<p>Hồ sơ mời thầu.</p>",
            kind=NoticeKind.INVITATION, investor="Sở Thông tin và Truyền thông", budget_vnd=4_850_000_000, deadline=deadline,
        )
        section.add_child(instance=notice)
        notice.save_revision().publish()
    person = Person.objects.create(owner_unit=unit, full_name="Trần Văn Minh")
    spokesperson = Spokesperson.objects.create(unit=unit, person=person, title="Phó Giám đốc Sở", phone="0232 3811 111", email="minhtv@quangbinh.gov.vn")
    press = page_at(home, "thong-tin-bao-chi")
    release = PressReleasePage(
        title="Họp báo về chuyển đổi số quý IV", lead="Sở tổ chức họp báo.", body="<p>Nội dung họp báo.</p>",
        kind=PressKind.CONFERENCE, spokesperson=spokesperson, event_at=now, venue="Hội trường Sở",
    )
    press.add_child(instance=release)
    release.save_revision().publish()
    access = AccessToInformationPage.objects.get(unit=unit)
    access.focal_point, access.focal_phone, access.focal_email = "Văn phòng Sở", "0232 3810 797", "stttt@quangbinh.gov.vn"
    access.save_revision().publish()
    return {
        "procurement section": portal_sites.url(unit, "/cong-khai/dau-tu-dau-thau-mua-sam/"),
        "procurement notice": portal_sites.url(unit, "/cong-khai/dau-tu-dau-thau-mua-sam/" + notice.slug + "/"),
        "press release": portal_sites.url(unit, "/thong-tin-bao-chi/" + release.slug + "/"),
        "access to information": portal_sites.url(unit, "/cong-khai/tiep-can-thong-tin/"),
        "public information hub": portal_sites.url(unit, "/cong-khai/"),
    }


def test_public_information_pages_pass_axe_and_reflow(new_page, info_pages):
    failures = audit(new_page, info_pages)
    assert not failures, "\n\n".join(failures)
