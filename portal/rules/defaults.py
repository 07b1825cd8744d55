"""Initial legal parameters and calendar days, loaded once by a data migration and by `ensure_rules`.

The operator edits them in the admin afterwards; loading again only adds rows that are missing.
`confirmed=False` marks numbers not yet checked against the original instrument (see
../shared/docs/legal-requirements.md, items marked [U]).
"""

import datetime as dt

D = dt.date

# key: (title, unit, [(valid_from, value, legal_basis, confirmed, note)])
RULES = {
    "content.min_updates_per_working_day": (
        "Số tin, bài tối thiểu cập nhật mỗi ngày làm việc",
        "tin, bài",
        [(D(2017, 2, 1), 1, "QĐ 146/QĐ-BTTTT năm 2017 Điều 15 (quy chế mẫu); NĐ 42/2022/NĐ-CP Điều 4 khoản 2 (cập nhật kịp thời)", True, "")],
    ),
    "schedule.publish_lead_days": (
        "Lịch công tác tuần sau phải đăng trước khi tuần bắt đầu ít nhất",
        "ngày làm việc",
        [(D(2011, 8, 1), 1, "NĐ 43/2011/NĐ-CP Điều 10 khoản 3 (lịch làm việc của lãnh đạo); thời hạn do Quy chế của tỉnh quy định", False, "")],
    ),
    "qa.answer_working_days": (
        "Thời hạn trả lời câu hỏi, phản ánh, kiến nghị",
        "ngày làm việc",
        [(D(2022, 8, 15), 10, "NĐ 42/2022/NĐ-CP Điều 8 (tương tác với tổ chức, cá nhân); thời hạn theo Quy chế của tỉnh, tham chiếu NĐ 20/2008/NĐ-CP", False, "")],
    ),
    "qa.due_soon_working_days": (
        "Báo sắp đến hạn trả lời trước",
        "ngày làm việc",
        [(D(2022, 8, 15), 2, "Quy chế vận hành của tỉnh (nhắc việc nội bộ)", True, "")],
    ),
    "spokesperson.publish_working_days": (
        "Công bố người phát ngôn trên Cổng sau quyết định trong vòng",
        "ngày làm việc",
        [(D(2017, 3, 30), 5, "NĐ 09/2017/NĐ-CP Điều 2", False, "Con số chưa đối chiếu văn bản gốc.")],
    ),
    "press.periodic_interval_months": (
        "Cung cấp thông tin định kỳ cho báo chí (cấp tỉnh) ít nhất mỗi",
        "tháng",
        [(D(2017, 3, 30), 1, "NĐ 09/2017/NĐ-CP Điều 5", True, "")],
    ),
    "press.conference_interval_months": (
        "Tổ chức họp báo (cấp tỉnh) ít nhất mỗi",
        "tháng",
        [(D(2017, 3, 30), 3, "NĐ 09/2017/NĐ-CP Điều 5", True, "")],
    ),
    "consultation.min_open_days": (
        "Thời gian đăng dự thảo lấy ý kiến tối thiểu",
        "ngày",
        [
            (D(2016, 7, 1), 60, "Luật Ban hành văn bản quy phạm pháp luật 2015 (80/2015/QH13)", True, ""),
            (D(2025, 4, 1), 20, "Luật Ban hành văn bản quy phạm pháp luật 2025 (64/2025/QH15)", False, "Điều khoản cụ thể chưa đối chiếu."),
        ],
    ),
    "consultation.report_due_days": (
        "Công bố báo cáo tổng hợp, tiếp thu, giải trình ý kiến góp ý sau khi hết hạn lấy ý kiến trong vòng",
        "ngày",
        [(D(2025, 4, 1), 30, "Luật Ban hành văn bản quy phạm pháp luật 2025 — thời hạn công bố báo cáo tổng hợp do Quy chế của tỉnh quy định; chưa đối chiếu", False, "")],
    ),
    "legaldocs.expired_retention_days": (
        "Giữ văn bản hết hiệu lực trên Cổng ít nhất",
        "ngày",
        [(D(2017, 2, 1), 365, "QĐ 146/QĐ-BTTTT năm 2017 Điều 15 (quy chế mẫu)", True, "")],
    ),
    "content.retention_years": (
        "Giữ các thông tin khác trên Cổng ít nhất",
        "năm",
        [(D(2017, 2, 1), 5, "QĐ 146/QĐ-BTTTT năm 2017 Điều 15 (quy chế mẫu)", True, "")],
    ),
    "access_info.answer_working_days": (
        "Thời hạn giải quyết yêu cầu cung cấp thông tin",
        "ngày làm việc",
        [(D(2018, 7, 1), 10, "Luật Tiếp cận thông tin 2016 Điều 29", False, "Có thể gia hạn tối đa 15 ngày làm việc.")],
    ),
    "dossier.receipt_cutoff": (
        "Hồ sơ tiếp nhận sau giờ này được tính từ ngày làm việc tiếp theo",
        "giờ:phút",
        [(D(2018, 10, 21), "15:00", "NĐ 61/2018/NĐ-CP Điều 19–20 (chuyển hồ sơ trong ngày; sau 15 giờ chuyển vào ngày làm việc tiếp theo); NĐ 118/2025/NĐ-CP", False, "Giờ cụ thể chưa đối chiếu văn bản gốc.")],
    ),
    "dossier.suspend_clock_on_supplement": (
        "Tạm dừng tính thời hạn khi chờ người nộp bổ sung hồ sơ",
        "có/không",
        [(D(2018, 10, 21), True, "NĐ 61/2018/NĐ-CP Điều 19; NĐ 118/2025/NĐ-CP (thời gian bổ sung không tính vào thời hạn giải quyết)", False, "")],
    ),
    "dossier.supplement_max_requests": (
        "Số lần được yêu cầu bổ sung, hoàn thiện hồ sơ",
        "lần",
        [(D(2018, 10, 21), 1, "NĐ 61/2018/NĐ-CP Điều 19 khoản 1 (hướng dẫn một lần, đầy đủ); TT 01/2018/TT-VPCP Mẫu 02", True, "")],
    ),
    "dossier.apology_lead_working_days": (
        "Phiếu xin lỗi và hẹn lại (Mẫu 04) phải gửi trước ngày hẹn trả ít nhất",
        "ngày làm việc",
        [(D(2018, 10, 21), 1, "NĐ 61/2018/NĐ-CP Điều 19 khoản 5; TT 01/2018/TT-VPCP Mẫu 04", False, "“Chậm nhất 01 ngày trước ngày hết hạn” — chưa đối chiếu văn bản gốc.")],
    ),
    "dossier.due_soon_working_days": (
        "Báo hồ sơ sắp đến hạn trước",
        "ngày làm việc",
        [(D(2018, 10, 21), 2, "Quy chế vận hành của tỉnh (nhắc việc nội bộ)", True, "")],
    ),
    # Issue #5: retention, audit trail, takedown, personal data, licences.
    "content.min_retention_days": (
        "Không xoá hẳn tin, bài đã đăng trong vòng (kể từ lần đăng đầu tiên)",
        "ngày",
        [(D(2018, 2, 15), 90, "NĐ 72/2013/NĐ-CP Điều 23c khoản 1 (bổ sung bởi NĐ 27/2018/NĐ-CP): lưu trữ tối thiểu 90 ngày kể từ thời điểm đăng tải", True, "NĐ 147/2024/NĐ-CP được cho là thay thế NĐ 72/2013 — chưa đối chiếu.")],
    ),
    "audit.retention_days": (
        "Giữ nhật ký xử lý thông tin được đăng tải ít nhất",
        "ngày",
        [(D(2018, 2, 15), 730, "NĐ 72/2013/NĐ-CP Điều 23c khoản 2 (bổ sung bởi NĐ 27/2018/NĐ-CP): tối thiểu 02 năm", True, "")],
    ),
    "takedown.limit_hours": (
        "Gỡ bỏ thông tin vi phạm chậm nhất sau khi có yêu cầu",
        "giờ",
        [(D(2018, 2, 15), 3, "NĐ 72/2013/NĐ-CP Điều 23b (bổ sung bởi NĐ 27/2018/NĐ-CP): chậm nhất 03 giờ", False, "Quy định cho mạng xã hội; áp dụng cho trang tổng hợp chưa đối chiếu.")],
    ),
    "takedown.escalate_after_hours": (
        "Nhắc, báo cấp trên khi yêu cầu gỡ bỏ chưa xử lý sau",
        "giờ",
        [(D(2018, 2, 15), 1, "Quy chế vận hành của tỉnh (nhắc việc nội bộ, cảnh báo lần 1 sau 1 giờ, lần 2 sau 2 giờ)", True, "")],
    ),
    "violation_report.resolve_working_days": (
        "Xử lý cảnh báo thông tin vi phạm từ người sử dụng trong vòng",
        "ngày làm việc",
        [(D(2018, 2, 15), 2, "NĐ 72/2013/NĐ-CP Điều 23c khoản 3 (bổ sung bởi NĐ 27/2018/NĐ-CP); thời hạn do Quy chế của tỉnh quy định", False, "")],
    ),
    "pdp.ack_working_days": (
        "Xác nhận đã nhận yêu cầu của chủ thể dữ liệu trong vòng",
        "ngày làm việc",
        [(D(2026, 1, 1), 2, "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 356/2025/NĐ-CP", True, "")],
    ),
    "pdp.complete_days": (
        "Hoàn thành yêu cầu của chủ thể dữ liệu trong vòng",
        "ngày",
        [
            (D(2023, 7, 1), 3, "NĐ 13/2023/NĐ-CP (72 giờ)", True, "Thay thế từ 01/01/2026."),
            (D(2026, 1, 1), 15, "NĐ 356/2025/NĐ-CP (15 ngày; 20 ngày khi bên xử lý hoặc bên thứ ba phải dừng)", True, ""),
        ],
    ),
    "pdp.extension_days": (
        "Gia hạn xử lý yêu cầu của chủ thể dữ liệu (một lần) tối đa",
        "ngày",
        [(D(2026, 1, 1), 15, "NĐ 356/2025/NĐ-CP (gia hạn một lần, tối đa 15 ngày, có thông báo)", True, "")],
    ),
    "pdp.breach_notify_hours": (
        "Thông báo vi phạm dữ liệu cá nhân cho cơ quan chuyên trách trong vòng",
        "giờ",
        [
            (D(2023, 7, 1), 72, "NĐ 13/2023/NĐ-CP Điều 23", False, ""),
            (D(2026, 1, 1), 72, "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 356/2025/NĐ-CP", False, "Con số 72 giờ chưa đối chiếu văn bản gốc."),
        ],
    ),
    "pdp.retention_unverified_account_days": (
        "Xoá tài khoản công dân chưa xác minh sau",
        "ngày",
        [(D(2026, 1, 1), 30, "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (hạn chế lưu trữ); Quy chế của tỉnh", False, "Thời hạn do tỉnh quyết định.")],
    ),
    "pdp.retention_verification_code_days": (
        "Xoá mã xác minh sau",
        "ngày",
        [(D(2026, 1, 1), 7, "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (hạn chế lưu trữ); Quy chế của tỉnh", False, "")],
    ),
    "pdp.retention_question_years": (
        "Ẩn danh người gửi câu hỏi, phản ánh đã đóng sau",
        "năm",
        [(D(2026, 1, 1), 5, "QĐ 146/QĐ-BTTTT năm 2017 Điều 15; Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15", False, "")],
    ),
    "pdp.retention_comment_years": (
        "Ẩn danh người góp ý dự thảo sau khi kết thúc lấy ý kiến",
        "năm",
        [(D(2026, 1, 1), 5, "QĐ 146/QĐ-BTTTT năm 2017 Điều 15; Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15", False, "")],
    ),
    "pdp.retention_dossier_years": (
        "Ẩn danh người nộp hồ sơ thủ tục hành chính đã trả kết quả sau",
        "năm",
        [(D(2026, 1, 1), 10, "Luật Lưu trữ 2024 và danh mục thời hạn bảo quản hồ sơ TTHC của tỉnh; Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15", False, "Thời hạn bảo quản theo từng loại hồ sơ chưa đối chiếu.")],
    ),
    "licence.expiry_alert_days": (
        "Cảnh báo giấy phép trang tổng hợp sắp hết hạn trước (lần 1)",
        "ngày",
        [(D(2013, 9, 1), 90, "NĐ 72/2013/NĐ-CP Điều 23; Quy chế của tỉnh Điều 8", True, "")],
    ),
    "licence.expiry_final_alert_days": (
        "Cảnh báo giấy phép trang tổng hợp sắp hết hạn trước (lần 2)",
        "ngày",
        [(D(2013, 9, 1), 30, "NĐ 72/2013/NĐ-CP Điều 23; Quy chế của tỉnh Điều 8", True, "")],
    ),
}

_LABOUR = "Bộ luật Lao động 2019 Điều 112"
# date, kind, name, basis
CALENDAR = [
    (D(2025, 1, 1), "holiday", "Tết Dương lịch", _LABOUR),
    *[(D(2025, 1, day), "holiday", "Tết Nguyên đán Ất Tỵ", f"{_LABOUR}; Thông báo 6150/TB-LĐTBXH ngày 12/11/2024") for day in range(27, 32)],
    (D(2025, 4, 7), "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", _LABOUR),
    (D(2025, 4, 26), "working_day", "Làm bù cho ngày 02/5/2025", "Thông báo hoán đổi ngày làm việc năm 2025"),
    (D(2025, 4, 30), "holiday", "Ngày Chiến thắng", _LABOUR),
    (D(2025, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LABOUR),
    (D(2025, 5, 2), "day_off", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", "Thông báo hoán đổi ngày làm việc năm 2025"),
    (D(2025, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", _LABOUR),
    (D(2025, 9, 2), "holiday", "Quốc khánh", _LABOUR),
    (D(2026, 1, 1), "holiday", "Tết Dương lịch", _LABOUR),
    *[(D(2026, 2, day), "holiday", "Tết Nguyên đán Bính Ngọ", f"{_LABOUR}; thông báo nghỉ Tết năm 2026") for day in range(16, 21)],
    (D(2026, 4, 27), "day_off", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)", _LABOUR),
    (D(2026, 4, 30), "holiday", "Ngày Chiến thắng", _LABOUR),
    (D(2026, 5, 1), "holiday", "Ngày Quốc tế Lao động", _LABOUR),
    (D(2026, 9, 1), "holiday", "Quốc khánh (ngày liền kề)", f"{_LABOUR}; ngày liền kề theo thông báo hằng năm"),
    (D(2026, 9, 2), "holiday", "Quốc khánh", _LABOUR),
    (D(2027, 1, 1), "holiday", "Tết Dương lịch", _LABOUR),
]
