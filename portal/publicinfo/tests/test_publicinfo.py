import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.completeness.registry import Status
from portal.completeness.selectors import site_completeness
from portal.conftest import publish_article
from portal.pages.selectors import home_for_unit, page_at
from portal.publicinfo.models import (
    AccessToInformationPage,
    NoticeKind,
    PressKind,
    PressReleasePage,
    ProcurementNoticePage,
)
from portal.registry.models import Person, Spokesperson

pytestmark = pytest.mark.django_db


def _item(report, code):
    return next(item for item in report.items if item.code == code)


def _notice(section, title, deadline, **fields):
    page = ProcurementNoticePage(title=title, lead="Thông báo.", body="<p>Nội dung.</p>", deadline=deadline, **fields)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_closed_notices_move_to_the_archive_but_stay_public(registry, client):
    unit = registry["stttt"]
    section = page_at(home_for_unit(unit), "cong-khai/dau-tu-dau-thau-mua-sam")
    now = timezone.now()
    _notice(section, "Mời thầu gói thầu mua sắm máy chủ", now + dt.timedelta(days=10), kind=NoticeKind.INVITATION, budget_vnd=1_250_000_000)
    closed = _notice(section, "Mời thầu gói thầu thiết bị mạng năm 2025", now - dt.timedelta(days=3), kind=NoticeKind.INVITATION)
    html = client.get("/cong-khai/dau-tu-dau-thau-mua-sam/", HTTP_HOST=unit.hostname).content.decode()
    open_part, archive_part = html.split('id="luu-tru"')
    assert "máy chủ" in open_part and "1.250.000.000 đồng" in open_part
    assert "thiết bị mạng" in archive_part and "thiết bị mạng" not in open_part
    page = client.get(closed.url_path[len(home_for_unit(unit).url_path) - 1 :], HTTP_HOST=unit.hostname)
    assert page.status_code == 200 and "Đã hết hạn" in page.content.decode()


def test_an_invitation_needs_a_deadline():
    notice = ProcurementNoticePage(title="Mời thầu", lead="x", body="<p>x</p>", kind=NoticeKind.INVITATION, slug="moi-thau")
    with pytest.raises(ValidationError) as error:
        notice.clean()
    assert "deadline" in error.value.message_dict


def _spokesperson(unit):
    person = Person.objects.create(owner_unit=unit, full_name="Trần Văn Minh")
    return Spokesperson.objects.create(unit=unit, person=person, title="Phó Giám đốc Sở", phone="0232 3811 111", email="minhtv@quangbinh.gov.vn")


def test_press_information_requires_the_units_own_spokesperson(registry):
    unit, other = registry["stttt"], registry["syt"]
    section = page_at(home_for_unit(unit), "thong-tin-bao-chi")
    release = PressReleasePage(title="Thông cáo báo chí", lead="x", body="<p>x</p>", kind=PressKind.PRESS_RELEASE)
    with pytest.raises(ValidationError):
        section.add_child(instance=release)
    release = PressReleasePage(title="Thông cáo báo chí", lead="x", body="<p>x</p>", spokesperson=_spokesperson(other))
    with pytest.raises(ValidationError):
        section.add_child(instance=release)
    release = PressReleasePage(title="Thông cáo báo chí", lead="x", body="<p>x</p>", spokesperson=_spokesperson(unit))
    section.add_child(instance=release)
    assert release.unit_id == unit.pk


def test_province_press_duties_go_stale_after_their_interval(registry):
    main = registry["province"]
    section = page_at(home_for_unit(main), "thong-tin-bao-chi")
    spokesperson = _spokesperson(main)
    report = site_completeness(main)
    assert _item(report, "bao-chi-dinh-ky").status == Status.MISSING
    old = timezone.now() - dt.timedelta(days=100)
    conference = PressReleasePage(
        title="Họp báo quý III", lead="x", body="<p>x</p>", kind=PressKind.CONFERENCE, spokesperson=spokesperson,
        event_at=old, published_at=old,
    )
    section.add_child(instance=conference)
    conference.save_revision().publish()
    report = site_completeness(main)
    assert _item(report, "hop-bao").status == Status.STALE
    assert _item(report, "bao-chi-dinh-ky").status == Status.STALE
    assert "bao-chi-dinh-ky" not in {i.code for i in site_completeness(registry["stttt"]).items}


def test_sections_without_items_are_missing_until_an_article_is_published(registry):
    unit = registry["stttt"]
    assert _item(site_completeness(unit), "pho-bien-phap-luat").status == Status.MISSING
    publish_article(page_at(home_for_unit(unit), "cong-khai/pho-bien-phap-luat"), title="Tuyên truyền Luật An ninh mạng")
    item = _item(site_completeness(unit), "pho-bien-phap-luat")
    assert item.status == Status.PRESENT and item.fix_url.startswith("/admin/pages/")


def test_news_is_stale_when_the_last_working_day_had_no_article(registry):
    from portal.completeness.selectors import CheckContext  # noqa: F401 (documents where now comes from)

    unit = registry["stttt"]
    news = page_at(home_for_unit(unit), "tin-tuc-su-kien")
    monday = timezone.make_aware(dt.datetime(2026, 11, 30, 9, 0))
    friday = timezone.make_aware(dt.datetime(2026, 11, 27, 10, 0))
    publish_article(news, title="Tin cũ", published_at=friday - dt.timedelta(days=7))
    assert _item(site_completeness(unit, now=monday), "tin-tuc").status == Status.STALE
    publish_article(news, title="Tin thứ Sáu", published_at=friday)
    item = _item(site_completeness(unit, now=monday), "tin-tuc")
    assert item.status == Status.PRESENT and "27/11/2026" in item.detail


def test_access_to_information_lists_the_sites_sections_and_focal_point(registry, client):
    unit = registry["stttt"]
    page = AccessToInformationPage.objects.get(unit=unit)
    assert _item(site_completeness(unit), "tiep-can-thong-tin").status == Status.MISSING
    publish_article(page_at(home_for_unit(unit), "cong-khai/pho-bien-phap-luat"), title="Phổ biến Luật Tiếp cận thông tin")
    page.focal_point = "Văn phòng Sở — bà Lê Thị Thu, Chánh Văn phòng"
    page.focal_phone = "0232 3822 555"
    page.save_revision().publish()
    html = client.get("/cong-khai/tiep-can-thong-tin/", HTTP_HOST=unit.hostname).content.decode()
    assert "Danh mục thông tin phải được công khai" in html and "Phổ biến, giáo dục pháp luật" in html
    assert "Lê Thị Thu" in html and 'href="tel:02323822555"' in html
    assert _item(site_completeness(unit), "tiep-can-thong-tin").status == Status.PRESENT


def test_procurement_listing_costs_the_same_queries_with_more_notices(registry, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    unit = registry["stttt"]
    section = page_at(home_for_unit(unit), "cong-khai/dau-tu-dau-thau-mua-sam")
    now = timezone.now()

    def count() -> int:
        client.get("/cong-khai/dau-tu-dau-thau-mua-sam/", HTTP_HOST=unit.hostname)  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/cong-khai/dau-tu-dau-thau-mua-sam/", HTTP_HOST=unit.hostname).status_code == 200
        return len(queries)

    for n in range(2):
        _notice(section, f"Mời thầu gói thầu số {n}", now + dt.timedelta(days=n + 1))
        _notice(section, f"Gói thầu đã đóng số {n}", now - dt.timedelta(days=n + 1))
    few = count()
    for n in range(2, 12):
        _notice(section, f"Mời thầu gói thầu số {n}", now + dt.timedelta(days=n + 1))
        _notice(section, f"Gói thầu đã đóng số {n}", now - dt.timedelta(days=n + 1))
    assert count() == few
