LOG_ACTIONS = {
    "portal.aggregate_site.activate": ("Kích hoạt trang thông tin điện tử tổng hợp", "Kích hoạt trang tổng hợp"),
    "portal.aggregate_site.deactivate": ("Ngừng trang thông tin điện tử tổng hợp", "Ngừng trang tổng hợp"),
    "portal.licence.expiry_alert": ("Gửi cảnh báo giấy phép sắp hết hạn", "Cảnh báo hết hạn giấy phép"),
}
