"""Demo content for the mandatory public-information sections (main portal and Sở TTTT complete,
Đồng Hới partly, Bảo Ninh empty) — realistic Vietnamese text; programme names are examples."""

import datetime as dt

from django.utils import timezone

from portal.core.text import ascii_slug, nfc
from portal.pages.models import ArticlePage
from portal.pages.selectors import home_for_unit, page_at
from portal.rules.services import previous_working_day

# path -> {unit key: (title, lead, [paragraphs])}
SECTION_ITEMS = {
    "chi-dao-dieu-hanh": {
        "main": ("UBND tỉnh chỉ đạo chủ động ứng phó mưa lớn, lũ cuối năm",
                 "Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương theo dõi sát diễn biến thời tiết, sẵn sàng sơ tán dân.",
                 ["Các địa phương rà soát khu vực trũng thấp, ven sông, ven biển; bố trí lực lượng, phương tiện ứng cứu.",
                  "Sở Nông nghiệp và Môi trường chủ trì tổng hợp tình hình, báo cáo UBND tỉnh trước 16 giờ hằng ngày."]),
        "stttt": ("Sở TTTT chỉ đạo tăng cường bảo đảm an toàn thông tin dịp cuối năm",
                  "Giám đốc Sở yêu cầu các đơn vị rà soát lỗ hổng, sao lưu dữ liệu và trực giám sát 24/7 đến hết Tết.",
                  ["Trung tâm Công nghệ thông tin và Truyền thông trực giám sát an toàn thông tin các hệ thống dùng chung của tỉnh.",
                   "Các cơ quan báo cáo ngay sự cố qua đầu mối ứng cứu sự cố của tỉnh."]),
    },
    "cong-khai/pho-bien-phap-luat": {
        "main": ("Tuyên truyền Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ 01/01/2026",
                 "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 quy định quyền của chủ thể dữ liệu và trách nhiệm của cơ quan xử lý dữ liệu.",
                 ["Người dân có quyền được biết, đồng ý, rút lại sự đồng ý, xem, chỉnh sửa và yêu cầu xóa dữ liệu của mình.",
                  "Các cơ quan nhà nước trên địa bàn tỉnh rà soát quy trình thu thập dữ liệu cá nhân trên cổng thông tin."]),
        "stttt": ("Hướng dẫn thực hiện Luật Giao dịch điện tử năm 2023",
                  "Sở Thông tin và Truyền thông hướng dẫn cơ quan, tổ chức, cá nhân sử dụng chữ ký số và chứng từ điện tử.",
                  ["Luật Giao dịch điện tử số 20/2023/QH15 có hiệu lực từ ngày 01/7/2024.",
                   "Thông điệp dữ liệu có giá trị pháp lý như văn bản khi đáp ứng các điều kiện luật định."]),
        "donghoi": ("Phổ biến pháp luật về an toàn giao thông cho học sinh",
                    "Thành phố Đồng Hới tổ chức tuyên truyền an toàn giao thông tại các trường học.",
                    ["Hơn 5.000 học sinh tham gia các buổi ngoại khóa về an toàn giao thông trong tháng."]),
    },
    "cong-khai/chien-luoc-quy-hoach-ke-hoach": {
        "main": ("Kế hoạch chuyển đổi số tỉnh Quảng Bình năm 2026",
                 "UBND tỉnh ban hành kế hoạch chuyển đổi số năm 2026 với ba trụ cột chính quyền số, kinh tế số, xã hội số.",
                 ["Mục tiêu 100% hồ sơ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
                  "Các sở, ngành, địa phương cụ thể hóa kế hoạch trong tháng đầu năm."]),
        "stttt": ("Chương trình công tác năm 2026 của Sở Thông tin và Truyền thông",
                  "Chương trình công tác năm tập trung vào hạ tầng số, an toàn thông tin và phát triển dịch vụ số.",
                  ["Các nhiệm vụ được phân công cụ thể cho từng phòng, đơn vị với thời hạn hoàn thành."]),
    },
    "cong-khai/chuong-trinh-du-an": {
        "main": ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn tỉnh",
                 "Tiến độ thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021–2025.",
                 ["Toàn tỉnh có thêm nhiều xã đạt chuẩn nông thôn mới nâng cao và nông thôn mới kiểu mẫu."]),
        "stttt": ("Đề án phát triển hạ tầng số tỉnh Quảng Bình",
                  "Đề án đặt mục tiêu phủ sóng di động băng rộng đến các thôn, bản vùng sâu, vùng xa.",
                  ["Đề án triển khai theo hình thức xã hội hóa, phối hợp với các doanh nghiệp viễn thông."]),
    },
    "cong-khai/khoa-hoc-cong-nghe": {
        "main": ("Danh mục đề tài khoa học và công nghệ cấp tỉnh đặt hàng năm 2026",
                 "UBND tỉnh phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2026.",
                 ["Danh mục gồm các đề tài về nông nghiệp công nghệ cao, du lịch và chuyển đổi số."]),
        "stttt": ("Đề tài ứng dụng trí tuệ nhân tạo trong tiếp nhận phản ánh của người dân",
                  "Sở chủ trì đề tài nghiên cứu phân loại tự động phản ánh, kiến nghị gửi qua cổng thông tin.",
                  ["Đề tài thực hiện trong 18 tháng, nghiệm thu dự kiến quý IV năm 2027."]),
    },
    "cong-khai/tai-chinh-ngan-sach": {
        "main": ("Công khai dự toán ngân sách địa phương năm 2026",
                 "UBND tỉnh công khai số liệu dự toán ngân sách địa phương năm 2026 đã được HĐND tỉnh quyết định.",
                 ["Số liệu chi tiết theo biểu mẫu quy định tại Thông tư 343/2016/TT-BTC."]),
        "stttt": ("Công khai báo cáo tài chính năm 2025 của Sở Thông tin và Truyền thông",
                  "Sở công khai báo cáo tài chính năm 2025 theo quy định của Luật Kế toán.",
                  ["Báo cáo gồm bảng cân đối, báo cáo kết quả hoạt động và thuyết minh báo cáo tài chính."]),
        "donghoi": ("Công khai dự toán ngân sách thành phố Đồng Hới năm 2026",
                    "UBND thành phố công khai dự toán thu, chi ngân sách năm 2026.",
                    ["Số liệu theo Nghị quyết của HĐND thành phố."]),
    },
    "cong-khai/thong-ke": {
        "main": ("Tình hình kinh tế – xã hội tỉnh Quảng Bình 11 tháng năm 2026",
                 "Số liệu thống kê chủ yếu về tăng trưởng, thu ngân sách, du lịch và đầu tư công.",
                 ["Lượng khách du lịch đến Quảng Bình tiếp tục tăng so với cùng kỳ năm trước."]),
        "stttt": ("Số liệu thống kê ngành thông tin và truyền thông năm 2025",
                  "Số thuê bao băng rộng, tỷ lệ hồ sơ trực tuyến và số cơ quan báo chí trên địa bàn.",
                  ["Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt mức cao."]),
    },
    "cong-khai/tuyen-dung": {
        "main": ("Thông báo tuyển dụng công chức tỉnh Quảng Bình năm 2026",
                 "UBND tỉnh thông báo tuyển dụng công chức vào làm việc tại các cơ quan hành chính của tỉnh.",
                 ["Thời gian nhận phiếu đăng ký dự tuyển 30 ngày kể từ ngày thông báo."]),
        "stttt": ("Thông báo tuyển dụng viên chức Trung tâm Công nghệ thông tin và Truyền thông",
                  "Sở thông báo tuyển dụng viên chức chuyên ngành công nghệ thông tin năm 2026.",
                  ["Chỉ tiêu, điều kiện và hồ sơ dự tuyển theo thông báo kèm theo."]),
    },
    "cong-khai/dieu-uoc-quoc-te": {
        "main": ("Thỏa thuận hợp tác giữa tỉnh Quảng Bình và tỉnh Khăm Muộn (Lào)",
                 "Hai tỉnh ký kết thỏa thuận hợp tác giai đoạn 2026–2030 về thương mại, giáo dục và y tế.",
                 ["Thỏa thuận quốc tế được ký kết theo Luật Thỏa thuận quốc tế năm 2020."]),
        "stttt": ("Thỏa thuận hợp tác về thông tin, truyền thông với tỉnh Khăm Muộn",
                  "Sở Thông tin và Truyền thông ký thỏa thuận hợp tác trao đổi thông tin, đào tạo với đối tác Lào.",
                  ["Các bên phối hợp tổ chức tập huấn nghiệp vụ báo chí, xuất bản."]),
    },
}

FOCAL_POINTS = {
    "main": ("Văn phòng UBND tỉnh — Phòng Hành chính – Tổ chức", "0232 3822 000", "vanphong@quangbinh.gov.vn", "Số 6 Hùng Vương, TP Đồng Hới"),
    "stttt": ("Văn phòng Sở Thông tin và Truyền thông", "0232 3810 797", "stttt@quangbinh.gov.vn", "Đường Hữu Nghị, TP Đồng Hới"),
}


def _publish(parent, page, user):
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)


def _spokesperson(unit):
    from portal.registry.models import Person, Spokesperson

    found = Spokesperson.objects.filter(unit=unit).order_by("-valid_from").first()
    if found is None:
        person = Person.objects.create(owner_unit=unit, full_name="Hoàng Văn Bình")
        found = Spokesperson.objects.create(
            unit=unit, person=person, title="Chánh Văn phòng UBND tỉnh", phone="0232 3822 111", email="phatngon@quangbinh.gov.vn"
        )
    return found


def seed(units, users, now, out) -> int:
    from portal.publicinfo.models import (
        AccessToInformationPage,
        NoticeKind,
        PressKind,
        PressReleasePage,
        ProcurementNoticePage,
    )

    created = 0
    for path, per_unit in SECTION_ITEMS.items():
        for key, (title, lead, paragraphs) in per_unit.items():
            unit = units.get(key)
            section = page_at(home_for_unit(unit), path) if unit else None
            if section is None or section.get_children().filter(slug=ascii_slug(title)).exists():
                continue
            body = "".join(f"<p>{nfc(p)}</p>" for p in paragraphs)
            _publish(section, ArticlePage(title=nfc(title), slug=ascii_slug(title), lead=nfc(lead), body=body, authors="Ban biên tập",
                                          published_at=now - dt.timedelta(days=5 + len(title) % 20)), users[key]["board_head"])
            created += 1
            out(f"  + {title} ({unit.display_name})")

    # Procurement: an open invitation, a closed one (archived) and a project record.
    notices = {
        "stttt": [
            ("Mời thầu gói thầu Nâng cấp hạ tầng Trung tâm dữ liệu tỉnh", NoticeKind.INVITATION, "Sở Thông tin và Truyền thông",
             4_850_000_000, now + dt.timedelta(days=12)),
            ("Mời thầu gói thầu Thiết bị bảo mật mạng năm 2026", NoticeKind.INVITATION, "Sở Thông tin và Truyền thông",
             1_320_000_000, now - dt.timedelta(days=20)),
        ],
        "main": [
            ("Dự án Đường ven biển và cầu vượt cửa Nhật Lệ (giai đoạn 2)", NoticeKind.INVESTMENT_PROJECT, "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
             2_100_000_000_000, None),
            ("Kết quả lựa chọn nhà thầu gói thầu Mua sắm trang thiết bị y tế năm 2026", NoticeKind.RESULT, "Sở Y tế",
             9_600_000_000, None),
        ],
    }
    for key, specs in notices.items():
        unit = units[key]
        section = page_at(home_for_unit(unit), "cong-khai/dau-tu-dau-thau-mua-sam")
        for title, kind, investor, budget, deadline in specs:
            if section is None or section.get_children().filter(slug=ascii_slug(title)).exists():
                continue
            _publish(section, ProcurementNoticePage(
                title=title, slug=ascii_slug(title), lead=f"{investor} thông báo: {title.lower()}.",
                body="<p>Hồ sơ mời thầu phát hành trên Hệ thống mạng đấu thầu quốc gia.</p>", kind=kind, project_name=title,
                investor=investor, budget_vnd=budget, deadline=deadline, published_at=now - dt.timedelta(days=30),
            ), users[key]["board_head"])
            created += 1
            out(f"  + {title}")

    # Access-to-information section: the focal point.
    for key, (focal, phone, email, address) in FOCAL_POINTS.items():
        page = AccessToInformationPage.objects.filter(unit=units[key]).first()
        if page is not None and not page.focal_point:
            page.focal_point, page.focal_phone, page.focal_email, page.focal_address = focal, phone, email, address
            page.guidance = (
                "<p>Công dân yêu cầu cung cấp thông tin bằng Phiếu yêu cầu theo Mẫu 01a (cá nhân) hoặc gửi trực tiếp, qua "
                "bưu chính, fax hoặc thư điện tử đến đầu mối nêu trên (Luật Tiếp cận thông tin 2016 Điều 24).</p>"
            )
            page.save_revision(user=users[key]["board_head"]).publish(user=users[key]["board_head"])
            created += 1

    # Press information of the province: this month's periodic information and a conference this quarter.
    main = units["main"]
    press = page_at(home_for_unit(main), "thong-tin-bao-chi")
    if press is not None and not PressReleasePage.objects.filter(unit=main).exists():
        spokesperson = _spokesperson(main)
        head = users["main"]["board_head"]
        _publish(press, PressReleasePage(
            title="Thông tin định kỳ cho báo chí tháng 11/2026",
            lead="Văn phòng UBND tỉnh cung cấp thông tin về tình hình kinh tế – xã hội và công tác chỉ đạo, điều hành trong tháng.",
            body="<p>Tăng trưởng kinh tế duy trì ổn định; công tác phòng, chống thiên tai được triển khai chủ động.</p>",
            kind=PressKind.PERIODIC, spokesperson=spokesperson, published_at=now - dt.timedelta(days=2),
        ), head)
        _publish(press, PressReleasePage(
            title="Họp báo định kỳ quý IV năm 2026",
            lead="UBND tỉnh tổ chức họp báo thông tin kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội quý IV.",
            body="<p>Đại diện các sở, ngành trả lời câu hỏi của phóng viên về đầu tư công, du lịch và chuyển đổi số.</p>",
            kind=PressKind.CONFERENCE, spokesperson=spokesperson, event_at=now - dt.timedelta(days=20),
            venue="Hội trường UBND tỉnh, số 6 Hùng Vương", published_at=now - dt.timedelta(days=20),
        ), head)
        created += 2
        out("  + Thông tin báo chí của UBND tỉnh")

    # News every working day: the board publishes daily; the demo shows the last working day's item.
    day = previous_working_day(timezone.localdate(now))
    for key in ("main", "stttt"):
        unit = units[key]
        news = page_at(home_for_unit(unit), "tin-tuc-su-kien")
        slug = f"giao-ban-ngay-{day:%d-%m-%Y}"
        if news is None or news.get_children().filter(slug=slug).exists():
            continue
        when = timezone.make_aware(dt.datetime.combine(day, dt.time(16, 30)))
        title = f"{unit.display_name} giao ban công việc ngày {day:%d/%m/%Y}"
        _publish(news, ArticlePage(
            title=title, slug=slug, lead="Lãnh đạo đơn vị nghe báo cáo tiến độ các nhiệm vụ trọng tâm trong tuần.",
            body="<p>Các phòng, đơn vị báo cáo kết quả thực hiện nhiệm vụ và đề xuất giải pháp tháo gỡ khó khăn.</p>",
            published_at=when, authors="Ban biên tập",
        ), users[key]["board_head"])
        created += 1
    return created
