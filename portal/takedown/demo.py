"""Demo: one takedown request already executed on Sở TTTT's site, and one open violation report on a published answer."""

import datetime as dt

from portal.editorial.constants import Role
from portal.takedown import services
from portal.takedown.constants import Channel, ReportCategory
from portal.takedown.models import TakedownRequest, ViolationReport
from portal.takedown.resolve import item_for_object

DEMO_ORGANISATION = "Sở Thông tin và Truyền thông (Thanh tra Sở)"
DEMO_ARTICLE_TITLE = "Danh sách thí sinh kèm số căn cước (đăng nhầm bản chưa che thông tin)"


def _head(users, key):
    people = users.get(key, {})
    return people.get(str(Role.BOARD_HEAD)) or people.get("board_head")


def _seed_takedown(unit, head, now, out) -> int:
    from portal.pages.models import ArticlePage, SectionPage

    if TakedownRequest.objects.filter(requester_organisation=DEMO_ORGANISATION).exists():
        return 0
    section = SectionPage.objects.filter(unit=unit, slug="tin-tuc-su-kien").first()
    if section is None:
        return 0
    article = ArticlePage(
        title=DEMO_ARTICLE_TITLE,
        lead="Danh sách thí sinh dự tuyển viên chức năm 2026.",
        body="<p>Bản đăng nhầm có số căn cước công dân của thí sinh.</p>",
        authors="Phòng Tổ chức cán bộ",
    )
    section.add_child(instance=article)
    article.save_revision(user=head).publish(user=head)
    takedown = services.takedown_create(
        actor=head, requester_name="Nguyễn Văn Hải", requester_organisation=DEMO_ORGANISATION,
        requester_contact="Công văn số 125/STTTT-TTr", channel=Channel.LETTER,
        received_at=now - dt.timedelta(hours=1, minutes=40),
        legal_basis="Bài viết công khai số căn cước công dân của thí sinh (dữ liệu cá nhân, Luật Bảo vệ dữ liệu cá nhân 2025).",
        items=[item_for_object(ArticlePage.objects.get(pk=article.pk))],
    )
    services.takedown_execute(request=takedown, user=head, now=now)
    out(f"  + Yêu cầu gỡ bỏ số {takedown.pk} (đã gỡ sau 1 giờ 40 phút) trên trang {unit.display_name}")
    return 2


def _seed_report(unit, now, out) -> int:
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import Question

    if ViolationReport.objects.filter(unit=unit).exists():
        return 0
    question = Question.objects.filter(unit=unit, status=QuestionStatus.PUBLISHED).order_by("pk").first()
    if question is None:
        return 0
    report = services.report_submit(
        item=item_for_object(question), category=ReportCategory.PRIVACY,
        description="Câu hỏi nêu đầy đủ họ tên và địa chỉ nhà riêng của một người hàng xóm, đề nghị che bớt.",
        now=now - dt.timedelta(hours=5),
    )
    out(f"  + Báo cáo vi phạm số {report.pk} chờ xử lý (hạn {report.resolve_due:%d/%m/%Y})")
    return 1


def seed(units, users, now, out) -> int:
    unit = units.get("stttt")
    head = _head(users, "stttt")
    if unit is None or head is None:
        return 0
    return _seed_takedown(unit, head, now, out) + _seed_report(unit, now, out)
