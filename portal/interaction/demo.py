"""Demo questions and answers: topics per unit, published Q&A on the main portal and Sở TTTT, a few open items,
one overdue question on Đồng Hới (its completeness check shows “Chưa cập nhật”), nothing on Bảo Ninh.

Idempotent: an item is recognised by its unit and title, a topic by its unit and name.
"""

import datetime as dt

from django.db import transaction

from portal.editorial.constants import Role
from portal.interaction import services
from portal.interaction.constants import QuestionKind
from portal.interaction.models import Question, Topic
from portal.moderation.models import ProhibitedTerm
from portal.moderation.services import terms_changed

TOPICS = {
    "main": ["Đất đai", "Đầu tư – Kinh doanh", "Giáo dục", "Y tế", "Giao thông"],
    "stttt": ["Bưu chính", "Viễn thông – Internet", "Báo chí – Xuất bản", "Chuyển đổi số"],
    "donghoi": ["Đô thị – Xây dựng", "Môi trường"],
}

Q, F = QuestionKind.QUESTION, QuestionKind.FEEDBACK

# (kind, topic, title, content, asker, answer or None, days ago received)
ITEMS = {
    "main": [
        (Q, "Đất đai", "Thủ tục cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
         "Gia đình tôi sử dụng đất ở ổn định từ năm 1995 tại xã Quảng Phú, chưa được cấp sổ đỏ. Xin hỏi thủ tục cấp Giấy chứng nhận lần đầu cần những giấy tờ gì và nộp ở đâu?",
         "Trần Văn Hùng",
         "Hồ sơ gồm: đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK); giấy tờ về quyền sử dụng đất (nếu có); chứng từ thực hiện nghĩa vụ tài chính (nếu có). "
         "Ông nộp hồ sơ tại Bộ phận một cửa UBND xã hoặc Chi nhánh Văn phòng đăng ký đất đai huyện Quảng Trạch. Thời hạn giải quyết không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
         45),
        (Q, "Đầu tư – Kinh doanh", "Ưu đãi đầu tư vào Khu kinh tế Hòn La",
         "Doanh nghiệp chúng tôi dự định đầu tư nhà máy chế biến gỗ tại Khu kinh tế Hòn La. Xin cho biết các ưu đãi về thuế và tiền thuê đất?",
         "Công ty TNHH Gỗ Minh Phát",
         "Dự án đầu tư vào Khu kinh tế Hòn La thuộc địa bàn có điều kiện kinh tế – xã hội đặc biệt khó khăn nên được hưởng ưu đãi thuế thu nhập doanh nghiệp, miễn, giảm tiền thuê đất theo Luật Đầu tư và các văn bản hướng dẫn. "
         "Đề nghị Công ty liên hệ Ban Quản lý Khu kinh tế tỉnh để được hướng dẫn cụ thể về hồ sơ đề nghị chấp thuận chủ trương đầu tư.",
         38),
        (Q, "Giáo dục", "Tuyển sinh vào lớp 10 năm học mới có thi môn thứ tư không?",
         "Con tôi chuẩn bị thi vào lớp 10 các trường THPT công lập trên địa bàn tỉnh. Xin hỏi kỳ thi năm nay có môn thi thứ tư không và khi nào công bố?",
         "Lê Thị Mai",
         "Kỳ thi tuyển sinh lớp 10 THPT công lập gồm các môn Ngữ văn, Toán và Tiếng Anh; Sở Giáo dục và Đào tạo sẽ công bố phương án chính thức, lịch thi trên Trang thông tin điện tử của Sở trước ngày 31/3.",
         30),
        (F, "Giao thông", "Đề nghị lắp đèn tín hiệu tại ngã tư Lý Thường Kiệt – Trần Hưng Đạo",
         "Ngã tư Lý Thường Kiệt – Trần Hưng Đạo giờ cao điểm rất đông, nhiều học sinh qua lại. Đề nghị lắp đèn tín hiệu giao thông để bảo đảm an toàn.",
         "Phan Quốc Bảo",
         "UBND tỉnh đã giao Sở Giao thông vận tải phối hợp UBND thành phố Đồng Hới khảo sát lưu lượng và lập phương án tổ chức giao thông tại nút giao. Trước mắt, lực lượng Cảnh sát giao thông được bố trí phân luồng vào giờ cao điểm.",
         25),
        (Q, "Y tế", "Thủ tục cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
         "Tôi là y sĩ mới tốt nghiệp, muốn xin cấp giấy phép hành nghề. Xin hỏi hồ sơ và nơi nộp?",
         "Hoàng Minh Tuấn",
         "Theo Luật Khám bệnh, chữa bệnh 2023, người hành nghề phải có giấy phép hành nghề do Sở Y tế cấp sau khi đạt kỳ kiểm tra đánh giá năng lực. Hồ sơ nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
         20),
        (Q, "Đầu tư – Kinh doanh", "Thời gian cấp Giấy chứng nhận đăng ký doanh nghiệp",
         "Tôi muốn thành lập công ty cổ phần. Nộp hồ sơ trực tuyến thì bao lâu được cấp Giấy chứng nhận đăng ký doanh nghiệp?",
         "Võ Thanh Sơn",
         "Phòng Đăng ký kinh doanh thuộc Sở Tài chính cấp Giấy chứng nhận đăng ký doanh nghiệp trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Hồ sơ nộp qua Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
         15),
        (Q, "Đất đai", "Chuyển mục đích sử dụng đất vườn sang đất ở",
         "Tôi có 300 m² đất vườn liền kề đất ở tại phường Bắc Lý. Muốn chuyển 100 m² sang đất ở thì làm thế nào?",
         "Nguyễn Thị Hoa", None, 1),
        (F, "Giao thông", "Phản ánh đoạn đường Quốc lộ 1A qua xã Quảng Trung xuống cấp",
         "Đoạn Quốc lộ 1A qua thôn Trung Thôn có nhiều ổ gà, trời mưa rất nguy hiểm cho người đi xe máy.",
         "Đặng Văn Lực", None, 0),
    ],
    "stttt": [
        (Q, "Viễn thông – Internet", "Thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
         "Doanh nghiệp tôi muốn thiết lập trang thông tin điện tử tổng hợp. Xin hỏi hồ sơ gồm những gì và nộp ở đâu?",
         "Công ty Cổ phần Truyền thông Nhật Lệ",
         "Hồ sơ gồm đơn đề nghị cấp giấy phép theo mẫu, bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp, đề án hoạt động và thỏa thuận cung cấp thông tin. "
         "Doanh nghiệp nộp hồ sơ qua Cổng Dịch vụ công quốc gia hoặc tại Trung tâm Phục vụ hành chính công tỉnh; thời hạn giải quyết 10 ngày làm việc.",
         50),
        (Q, "Bưu chính", "Điều kiện cấp giấy phép bưu chính nội tỉnh",
         "Hợp tác xã chúng tôi muốn kinh doanh dịch vụ chuyển phát trong tỉnh. Cần điều kiện gì để được cấp giấy phép bưu chính?",
         "HTX Dịch vụ Vận tải Đồng Hới",
         "Theo Luật Bưu chính và Nghị định 47/2011/NĐ-CP, doanh nghiệp, hợp tác xã phải có phương án kinh doanh khả thi, đáp ứng điều kiện về tài chính và bảo đảm an toàn, an ninh thông tin. Sở cấp giấy phép bưu chính nội tỉnh trong thời hạn 30 ngày.",
         42),
        (Q, "Báo chí – Xuất bản", "Thủ tục xin phép xuất bản bản tin của hội nghề nghiệp",
         "Hội Làm vườn tỉnh muốn xuất bản bản tin hằng quý phát hành nội bộ. Xin hỏi thủ tục?",
         "Hội Làm vườn tỉnh Quảng Bình",
         "Cơ quan, tổ chức xuất bản bản tin phải có giấy phép xuất bản bản tin do Sở cấp theo Luật Báo chí 2016 và Thông tư 48/2016/TT-BTTTT. Hồ sơ gồm tờ khai, mẫu trình bày tên gọi và sơ yếu lý lịch người chịu trách nhiệm.",
         33),
        (F, "Viễn thông – Internet", "Phản ánh sóng di động yếu tại xã Tân Trạch",
         "Người dân bản Đoòng, xã Tân Trạch thường xuyên mất sóng điện thoại, rất khó liên lạc khi có việc gấp.",
         "Hồ Văn Thanh",
         "Sở đã làm việc với các doanh nghiệp viễn thông; một trạm phát sóng mới tại bản Đoòng được đưa vào kế hoạch phủ sóng vùng lõm thuộc Chương trình cung cấp dịch vụ viễn thông công ích, dự kiến hoạt động trong quý tới.",
         27),
        (Q, "Chuyển đổi số", "Cách kích hoạt tài khoản định danh điện tử mức độ 2",
         "Tôi đã làm căn cước nhưng chưa kích hoạt được tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID. Xin hướng dẫn.",
         "Nguyễn Thị Lan",
         "Bà cài ứng dụng VNeID, chọn “Kích hoạt tài khoản định danh điện tử”, quét mã QR trên thẻ căn cước và làm theo hướng dẫn; nếu không nhận được mã kích hoạt, bà liên hệ Công an xã nơi cư trú để được hỗ trợ trực tiếp.",
         18),
        (F, "Chuyển đổi số", "Kiến nghị mở rộng điểm wifi miễn phí tại khu du lịch",
         "Đề nghị Sở mở rộng wifi công cộng miễn phí tại bãi biển Nhật Lệ và Phong Nha để phục vụ du khách.",
         "Trương Thị Ngọc",
         "Sở ghi nhận kiến nghị và đã đưa nội dung mở rộng điểm truy cập Internet công cộng tại các khu du lịch trọng điểm vào kế hoạch chuyển đổi số năm tới, phối hợp với các doanh nghiệp viễn thông triển khai.",
         12),
        (Q, "Báo chí – Xuất bản", "Đăng ký hoạt động in xuất bản phẩm",
         "Cơ sở in của tôi muốn in sách, cần đăng ký với cơ quan nào?", "Lý Văn Phúc", None, 1),
        (F, "Viễn thông – Internet", "Phản ánh cáp viễn thông treo thấp trên đường Hữu Nghị",
         "Nhiều sợi cáp viễn thông trên đường Hữu Nghị võng thấp, mất mỹ quan và nguy hiểm cho xe tải.",
         "Phạm Đức Anh", None, 0),
    ],
    "donghoi": [
        (F, "Đô thị – Xây dựng", "Phản ánh công trình xây dựng lấn chiếm vỉa hè đường Trần Hưng Đạo",
         "Một công trình nhà ở trên đường Trần Hưng Đạo để vật liệu xây dựng chiếm hết vỉa hè nhiều tuần nay.",
         "Ngô Văn Dũng", None, 40),
    ],
}

PROHIBITED_TERMS = [
    ("lừa đảo", "e", "Thường gặp trong tin giả mạo"),
    ("cờ bạc", "b", ""),
    ("bán vũ khí", "dd", ""),
]


def _board(users, key, role):
    return (users.get(key) or {}).get(role)


@transaction.atomic
def seed(units, users, now, out) -> int:
    created = 0
    if not ProhibitedTerm.objects.exists():
        for term, category, note in PROHIBITED_TERMS:
            ProhibitedTerm.objects.create(term=term, category=category, note=note)
            created += 1
        terms_changed()
        out(f"  + {len(PROHIBITED_TERMS)} từ ngữ cần kiểm tra (NĐ 72/2013 Điều 5)")

    for key, names in TOPICS.items():
        unit = units.get(key)
        if unit is None:
            continue
        for order, name in enumerate(names, start=1):
            _, made = Topic.objects.get_or_create(unit=unit, name=name, defaults={"sort_order": order})
            created += made

    for key, items in ITEMS.items():
        unit = units.get(key)
        if unit is None:
            continue
        head = _board(users, key, Role.BOARD_HEAD)
        editor = _board(users, key, Role.EDITOR) or head
        topics = {t.name: t for t in Topic.objects.filter(unit=unit)}
        made_here = 0
        for n, (kind, topic, title, content, asker, answer, days_ago) in enumerate(items):
            if Question.objects.filter(unit=unit, title=title).exists():
                continue
            received = now - dt.timedelta(days=days_ago, hours=n % 5)
            question = services.question_submit(
                unit=unit, kind=kind, topic=topics.get(topic), title=title, content=content, asker_name=asker,
                asker_email=f"nguoidan{n + 1}.{key}@example.com", now=received,
            )
            made_here += 1
            if head is None:
                continue
            if answer:
                services.question_assign(question=question, actor=head, assignee=editor, now=received + dt.timedelta(hours=3))
                services.question_answer(question=question, actor=editor, answer=answer, now=received + dt.timedelta(days=4))
                services.question_publish(question=question, actor=head, now=received + dt.timedelta(days=5))
            elif n % 2 == 0 and days_ago < 5:
                services.question_assign(question=question, actor=head, assignee=editor, now=received + dt.timedelta(hours=2))
        if made_here:
            out(f"  + {made_here} câu hỏi, phản ánh cho {unit.display_name}")
        created += made_here
    return created
