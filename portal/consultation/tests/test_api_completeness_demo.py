"""API (L-42-5), completeness check “lay-y-kien”, and the demo seed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.completeness.registry import Status, checks_for
from portal.completeness.selectors import site_completeness
from portal.conftest import make_user
from portal.consultation import demo, services
from portal.consultation.models import ConsultationPage, DraftComment
from portal.consultation.tests.conftest import make_consultation
from portal.editorial.constants import Role
from portal.moderation.constants import ModerationStatus, ViolationCategory
from portal.units.constants import UnitKind

pytestmark = pytest.mark.django_db


def finding(unit, **kwargs):
    report = site_completeness(unit, **kwargs)
    return next(item for item in report.items if item.code == "lay-y-kien")


def api(client, registry, url):
    return client.get(url, HTTP_HOST=registry["province"].hostname)


def test_api_lists_consultations_with_status_dates_counts_and_report(client, registry, moderators):
    unit = registry["stttt"]
    now = timezone.now()
    open_page = make_consultation(unit, title="Dự thảo đang mở")
    closed = make_consultation(
        unit, title="Dự thảo đã đóng", opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30),
        report_body="<p>Báo cáo tổng hợp.</p>",
    )
    make_consultation(unit, title="Dự thảo sắp mở", opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=30))
    make_consultation(registry["syt"], title="Dự thảo của Sở Y tế")
    approved = services.comment_submit(consultation=open_page, name="Hồ Văn Lực", email="luc@example.vn", content="Ý kiến một.", notify=False)
    services.comment_submit(consultation=open_page, name="Chờ Duyệt", email="cho@example.vn", content="Ý kiến hai.", notify=False)
    services.comment_moderate(comment=approved, actor=moderators["head"], approve=True)
    services.comment_respond(comment=approved, actor=moderators["head"], response="Tiếp thu.")

    body = api(client, registry, f"/api/v1/sites/{unit.hostname}/consultations").json()
    assert body["meta"]["count"] == 3
    items = {item["title"]: item for item in body["items"]}
    assert [item["status"] for item in body["items"]] == ["open", "upcoming", "closed"]
    assert items["Dự thảo đang mở"]["approved_comment_count"] == 1
    assert items["Dự thảo đang mở"]["receiving_unit"] == {
        "name": "Sở Thông tin và Truyền thông", "address": "Đường Hữu Nghị, TP Đồng Hới", "email": "stttt@quangbinh.gov.vn",
    }
    assert items["Dự thảo đã đóng"]["report_available"] is True
    assert items["Dự thảo đã đóng"]["report_url"] == f"http://{unit.hostname}/lay-y-kien/{closed.slug}/#bao-cao"
    assert items["Dự thảo đang mở"]["report_url"] is None

    only_closed = api(client, registry, f"/api/v1/sites/{unit.hostname}/consultations?status=closed").json()
    assert [item["id"] for item in only_closed["items"]] == [closed.pk]

    detail = api(client, registry, f"/api/v1/sites/{unit.hostname}/consultations/{open_page.pk}").json()
    assert detail["comments"] == [
        {"name": "Hồ Văn Lực", "submitted_at": detail["comments"][0]["submitted_at"], "content": "Ý kiến một.",
         "response": "Tiếp thu.", "responded_at": detail["comments"][0]["responded_at"]}
    ]
    assert "luc@example.vn" not in str(detail) and "Ý kiến hai." not in str(detail)
    assert detail["body_html"] == "<p>Điều 1. Phạm vi điều chỉnh.</p>"
    # Another site's consultation is not found through this hostname.
    other = ConsultationPage.objects.get(unit=registry["syt"])
    assert api(client, registry, f"/api/v1/sites/{unit.hostname}/consultations/{other.pk}").status_code == 404
    assert api(client, registry, "/api/v1/sites/khong-co.quangbinh.localhost/consultations").status_code == 404


def test_completeness_missing_present_stale_and_not_for_communes(registry, moderators):
    assert "lay-y-kien" in {c.code for c in checks_for(UnitKind.DISTRICT)}
    assert "lay-y-kien" not in {c.code for c in checks_for(UnitKind.COMMUNE)}
    unit = registry["stttt"]
    item = finding(unit)
    assert item.status == Status.MISSING and item.group == "Tương tác"
    assert item.fix_url.startswith("/admin/pages/add/consultation/consultationpage/")

    now = timezone.now()
    make_consultation(unit, opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=2))
    item = finding(unit)
    assert item.status == Status.PRESENT
    assert "ngắn hơn mức tối thiểu 20 ngày" in item.detail  # a 7-day window: warned, not failed

    closed = make_consultation(
        unit, title="Dự thảo chưa có báo cáo", opens_at=now - timedelta(days=70), closes_at=now - timedelta(days=31)
    )
    item = finding(unit)
    assert item.status == Status.STALE
    assert "Dự thảo chưa có báo cáo" in item.detail and "30 ngày" in item.detail
    assert item.fix_url == f"/admin/pages/{closed.pk}/edit/"
    # Within the 30 days (consultation.report_due_days) it is not late yet.
    assert finding(unit, now=now - timedelta(days=2)).status == Status.PRESENT

    closed.report_body = "<p>Báo cáo tổng hợp, tiếp thu, giải trình.</p>"
    closed.save_revision().publish()
    assert finding(unit).status == Status.PRESENT


def test_demo_seed_is_idempotent_and_fills_main_and_stttt(registry):
    units = {"main": registry["province"], "stttt": registry["stttt"], "donghoi": registry["donghoi"], "baoninh": registry["baoninh"]}
    users = {
        key: {role.value: make_user(f"demo.{key}.{role.value}", (unit, role)) for role in Role}
        for key, unit in units.items()
    }
    lines = []
    now = timezone.now()
    created = demo.seed(units, users, now, lines.append)
    assert created > 0 and lines
    assert demo.seed(units, users, now, lines.append) == 0

    for key in ("main", "stttt", "donghoi"):
        assert finding(units[key]).status == Status.PRESENT, key
    assert not ConsultationPage.objects.filter(unit=units["baoninh"]).exists()
    assert not DraftComment.objects.filter(unit=units["donghoi"]).exists()

    main_pages = ConsultationPage.objects.filter(unit=units["main"])
    statuses = {page.status for page in main_pages}
    assert statuses == {"open", "closed"}
    assert any(page.report_available() for page in main_pages)
    main_comments = DraftComment.objects.filter(unit=units["main"])
    assert set(main_comments.values_list("status", flat=True)) == set(ModerationStatus.values)
    rejected = main_comments.get(status=ModerationStatus.REJECTED)
    assert rejected.violation_category == ViolationCategory.OTHER
    assert main_comments.exclude(response="").exists()
    stttt_pages = ConsultationPage.objects.filter(unit=units["stttt"])
    assert {page.status for page in stttt_pages} == {"open", "closed"}
