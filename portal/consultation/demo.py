"""Demo consultations: the main portal and Sở TTTT complete, Đồng Hới partly, Bảo Ninh none."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from portal.consultation import services
from portal.consultation.models import ConsultationIndexPage, ConsultationPage
from portal.moderation.constants import ViolationCategory

D = dt.timedelta


@dataclass(frozen=True)
class DemoComment:
    name: str
    email: str
    content: str
    organisation: str = ""
    # "approved", "pending" or "rejected"
    outcome: str = "approved"
    response: str = ""
    category: str = ""
    note: str = ""


@dataclass(frozen=True)
class DemoConsultation:
    slug: str
    title: str
    summary: str
    body: str
    legal_basis: str
    opens: D  # relative to now
    closes: D
    report: str = ""
    comments: tuple[DemoComment, ...] = field(default_factory=tuple)


QUY_CHE_CONG = DemoConsultation(
    slug="quy-che-quan-ly-van-hanh-cong-thong-tin-dien-tu-tinh",
    title="Dự thảo Quyết định ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh Quảng Bình",
    summary=(
        "Dự thảo quy định việc quản lý, vận hành, cung cấp và cập nhật thông tin trên Cổng thông tin điện tử tỉnh và "
        "các trang thông tin điện tử thành phần của các sở, ban, ngành, UBND cấp huyện, cấp xã; trách nhiệm của Ban biên tập "
        "và các cơ quan, đơn vị có liên quan."
    ),
    body=(
        "<h2>Chương I. Quy định chung</h2>"
        "<p><b>Điều 1. Phạm vi điều chỉnh.</b> Quy chế này quy định về quản lý, vận hành, cung cấp, cập nhật thông tin và "
        "bảo đảm an toàn thông tin trên Cổng thông tin điện tử tỉnh Quảng Bình (sau đây gọi là Cổng).</p>"
        "<p><b>Điều 2. Đối tượng áp dụng.</b> Quy chế này áp dụng đối với các sở, ban, ngành cấp tỉnh; UBND các huyện, "
        "thị xã, thành phố; UBND các xã, phường, thị trấn và tổ chức, cá nhân có liên quan.</p>"
        "<h2>Chương II. Cung cấp và cập nhật thông tin</h2>"
        "<p><b>Điều 5. Thông tin phải cung cấp.</b> Các cơ quan, đơn vị cung cấp trên trang thành phần các thông tin theo "
        "quy định tại Điều 4 Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ.</p>"
        "<p><b>Điều 6. Thời hạn cập nhật.</b> Thông tin chỉ đạo, điều hành được cập nhật chậm nhất 01 ngày làm việc kể từ "
        "khi văn bản được ban hành.</p>"
    ),
    legal_basis=(
        "Luật Công nghệ thông tin ngày 29/6/2006;\n"
        "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công "
        "trực tuyến của cơ quan nhà nước trên môi trường mạng."
    ),
    opens=-D(days=10),
    closes=D(days=20),
    comments=(
        DemoComment(
            "Nguyễn Văn Hùng", "hung.nv@example.vn",
            "Đề nghị bổ sung vào Điều 6 thời hạn cập nhật lịch công tác của lãnh đạo, chậm nhất vào chiều thứ Sáu của tuần trước.",
            organisation="Văn phòng UBND huyện Bố Trạch",
        ),
        DemoComment(
            "Trần Thị Mai", "mai.tt@example.vn",
            "Quy chế nên quy định rõ trang thành phần cấp xã được phép đăng lại tin của Cổng tỉnh mà không cần ghi nguồn đầy đủ "
            "hay không, để cán bộ xã dễ thực hiện.",
        ),
        DemoComment(
            "Lê Quang Minh", "minh.lq@example.vn",
            "Đề nghị Cổng có phiên bản tiếng Anh cho phần giới thiệu và thông tin liên hệ để thu hút nhà đầu tư.",
            organisation="Hiệp hội Doanh nghiệp tỉnh Quảng Bình",
        ),
        DemoComment(
            "Hoàng Thị Lan", "lan.ht@example.vn",
            "Tôi đề nghị quy định thời hạn trả lời câu hỏi của người dân trên Cổng không quá 10 ngày làm việc.",
            outcome="pending",
        ),
        DemoComment(
            "Phạm Đức Anh", "anh.pd@example.vn",
            "Đề nghị các trang thành phần công khai số điện thoại đường dây nóng ở đầu trang.",
            outcome="pending",
        ),
        DemoComment(
            "Dịch vụ SEO giá rẻ", "seo@example.com",
            "Nhận làm SEO, quảng cáo website lên top Google, liên hệ ngay để được giảm giá 50%.",
            outcome="rejected", category=ViolationCategory.OTHER, note="Quảng cáo, không liên quan đến dự thảo.",
        ),
    ),
)

MUC_CHI_CDS = DemoConsultation(
    slug="muc-chi-ho-tro-to-cong-nghe-so-cong-dong",
    title=(
        "Dự thảo Nghị quyết quy định mức chi hỗ trợ đối với thành viên Tổ công nghệ số cộng đồng "
        "trên địa bàn tỉnh Quảng Bình"
    ),
    summary=(
        "Dự thảo Nghị quyết của HĐND tỉnh quy định mức chi hỗ trợ hằng tháng đối với thành viên Tổ công nghệ số cộng đồng "
        "ở thôn, bản, tổ dân phố nhằm đẩy mạnh chuyển đổi số ở cơ sở."
    ),
    body=(
        "<p><b>Điều 1. Phạm vi điều chỉnh.</b> Nghị quyết này quy định mức chi hỗ trợ đối với thành viên Tổ công nghệ số "
        "cộng đồng trên địa bàn tỉnh.</p>"
        "<p><b>Điều 2. Mức chi.</b> Tổ trưởng: 300.000 đồng/tháng; thành viên: 200.000 đồng/tháng.</p>"
        "<p><b>Điều 3. Nguồn kinh phí.</b> Ngân sách địa phương theo phân cấp hiện hành.</p>"
    ),
    legal_basis="Luật Ngân sách nhà nước ngày 25/6/2015;\nQuyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
    opens=-D(days=80),
    closes=-D(days=50),
    report=(
        "<p>Sau 30 ngày đăng tải lấy ý kiến, cơ quan soạn thảo nhận được 02 ý kiến góp ý trên Cổng thông tin điện tử tỉnh và "
        "11 ý kiến bằng văn bản của các sở, ngành, địa phương.</p>"
        "<h3>1. Ý kiến tiếp thu</h3><p>Bổ sung quy định chi hỗ trợ chi phí sử dụng dịch vụ dữ liệu di động cho thành viên Tổ.</p>"
        "<h3>2. Ý kiến giải trình</h3><p>Giữ nguyên mức chi tại Điều 2 do phù hợp với khả năng cân đối ngân sách địa phương.</p>"
    ),
    comments=(
        DemoComment(
            "Đặng Văn Tuấn", "tuan.dv@example.vn",
            "Đề nghị hỗ trợ thêm chi phí dữ liệu di động vì thành viên Tổ thường dùng điện thoại cá nhân để hướng dẫn người dân.",
            organisation="UBND xã Bảo Ninh",
            response="Tiếp thu: bổ sung khoản 3 Điều 2 về hỗ trợ chi phí dữ liệu di động 50.000 đồng/tháng.",
        ),
        DemoComment(
            "Võ Thị Hạnh", "hanh.vt@example.vn",
            "Mức 200.000 đồng/tháng còn thấp, đề nghị nâng lên 500.000 đồng/tháng.",
            response="Giải trình: mức chi được xây dựng trên cơ sở khả năng cân đối ngân sách; sẽ xem xét điều chỉnh khi tổng kết 02 năm.",
        ),
    ),
)

STTTT_CLOSED = DemoConsultation(
    slug="quy-che-bao-dam-an-toan-thong-tin-mang",
    title="Dự thảo Quyết định ban hành Quy chế bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước tỉnh Quảng Bình",
    summary="Quy định trách nhiệm bảo đảm an toàn hệ thống thông tin theo cấp độ, xử lý sự cố và báo cáo định kỳ.",
    body=(
        "<p><b>Điều 1. Phạm vi điều chỉnh.</b> Quy chế này quy định về bảo đảm an toàn thông tin mạng trong hoạt động của "
        "các cơ quan nhà nước trên địa bàn tỉnh.</p>"
        "<p><b>Điều 4. Phân loại cấp độ.</b> Hệ thống thông tin được xác định cấp độ theo Nghị định số 85/2016/NĐ-CP.</p>"
    ),
    legal_basis="Luật An toàn thông tin mạng ngày 19/11/2015;\nNghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ.",
    opens=-D(days=75),
    closes=-D(days=45),
    report=(
        "<p>Sở Thông tin và Truyền thông đã tổng hợp 01 ý kiến góp ý trên trang thông tin điện tử của Sở; ý kiến đã được "
        "tiếp thu đầy đủ vào Điều 9 dự thảo.</p>"
    ),
    comments=(
        DemoComment(
            "Nguyễn Thị Thu", "thu.nt@example.vn",
            "Đề nghị quy định thời hạn báo cáo sự cố an toàn thông tin là 24 giờ kể từ khi phát hiện.",
            organisation="Trung tâm Công nghệ thông tin tỉnh",
            response="Tiếp thu: bổ sung tại khoản 2 Điều 9.",
        ),
    ),
)

STTTT_OPEN = DemoConsultation(
    slug="quy-che-su-dung-chu-ky-so",
    title="Dự thảo Quyết định ban hành Quy chế quản lý, sử dụng chữ ký số, chứng thư số trong cơ quan nhà nước tỉnh Quảng Bình",
    summary="Quy định việc cấp, quản lý, sử dụng chữ ký số chuyên dùng công vụ trong gửi, nhận văn bản điện tử.",
    body=(
        "<p><b>Điều 1. Phạm vi điều chỉnh.</b> Quy chế này quy định về quản lý, sử dụng chữ ký số, chứng thư số chuyên dùng "
        "công vụ trong các cơ quan nhà nước tỉnh Quảng Bình.</p>"
    ),
    legal_basis="Luật Giao dịch điện tử ngày 22/6/2023;\nNghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ.",
    opens=-D(days=5),
    closes=D(days=25),
    comments=(
        DemoComment(
            "Trương Minh Khoa", "khoa.tm@example.vn",
            "Đề nghị quy định rõ trách nhiệm thu hồi chứng thư số khi cán bộ nghỉ hưu hoặc chuyển công tác.",
        ),
    ),
)

DONGHOI_OPEN = DemoConsultation(
    slug="quy-dinh-quan-ly-via-he-dong-hoi",
    title="Dự thảo Quyết định ban hành Quy định quản lý, sử dụng tạm thời một phần lòng đường, vỉa hè trên địa bàn thành phố Đồng Hới",
    summary="Quy định các tuyến phố được sử dụng tạm thời một phần vỉa hè, thời gian và mức phí sử dụng.",
    body="<p><b>Điều 1.</b> Quy định này áp dụng đối với các tuyến đường do UBND thành phố Đồng Hới quản lý.</p>",
    legal_basis="Luật Giao thông đường bộ ngày 13/11/2008;\nNghị định số 100/2013/NĐ-CP.",
    opens=-D(days=3),
    closes=D(days=27),
)

PLAN = {
    "main": (QUY_CHE_CONG, MUC_CHI_CDS),
    "stttt": (STTTT_CLOSED, STTTT_OPEN),
    "donghoi": (DONGHOI_OPEN,),
    "baoninh": (),
}


def _index(unit):
    return ConsultationIndexPage.objects.filter(unit=unit, slug="lay-y-kien").first()


def _ensure_consultation(index, spec: DemoConsultation, now, user, publisher) -> tuple[ConsultationPage, bool]:
    existing = ConsultationPage.objects.filter(unit=index.unit_id, slug=spec.slug).first()
    if existing is not None:
        return existing, False
    page = ConsultationPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        body=spec.body,
        legal_basis=spec.legal_basis,
        opens_at=timezone.localtime(now + spec.opens).replace(hour=7, minute=30, second=0, microsecond=0),
        closes_at=timezone.localtime(now + spec.closes).replace(hour=10, minute=0, second=0, microsecond=0),
        report_body=spec.report,
        owner=user,
    )
    index.add_child(instance=page)
    # Written by a Biên tập viên, published by the Trưởng ban (only the head may publish).
    page.save_revision(user=user).publish(user=publisher)
    return ConsultationPage.objects.get(pk=page.pk), True


def _ensure_comments(page: ConsultationPage, spec: DemoConsultation, moderator) -> int:
    if page.comments.exists():
        return 0
    created = 0
    sent_at = page.opens_at + D(days=1, hours=2)
    for item in spec.comments:
        comment = services.comment_submit(
            consultation=page,
            name=item.name,
            email=item.email,
            organisation=item.organisation,
            content=item.content,
            ip_address="127.0.0.1",
            now=sent_at,
            notify=False,
        )
        created += 1
        sent_at += D(hours=5)
        if item.outcome == "pending":
            continue
        comment = services.comment_moderate(
            comment=comment, actor=moderator, approve=item.outcome == "approved", category=item.category, note=item.note
        )
        if item.response:
            services.comment_respond(comment=comment, actor=moderator, response=item.response)
    return created


def seed(units, users, now, out) -> int:
    """Create the demo consultations and comments that are missing; returns how many objects were created."""
    created = 0
    for key, specs in PLAN.items():
        unit = units.get(key)
        if unit is None or not specs:
            continue
        index = _index(unit)
        if index is None:
            out(f"  ! {unit.display_name}: chưa có trang Lấy ý kiến dự thảo, bỏ qua.")
            continue
        people = users.get(key, {})
        author = people.get("editor") or people.get("board_head")
        moderator = people.get("board_head") or people.get("editor")
        for spec in specs:
            page, made = _ensure_consultation(index, spec, now, author, people.get("board_head"))
            created += made
            if made:
                out(f"  + Dự thảo lấy ý kiến “{page.title}” ({unit.display_name})")
            if spec.comments and moderator is not None:
                made_comments = _ensure_comments(page, spec, moderator)
                created += made_comments
                if made_comments:
                    out(f"    + {made_comments} góp ý cho “{page.title}”")
    return created
