from django.core.management.base import BaseCommand

from portal.compliance.services import licence_expiry_alerts


class Command(BaseCommand):
    help = "Gửi cảnh báo giấy phép trang thông tin điện tử tổng hợp sắp hết hạn (chạy hằng ngày; mỗi mốc gửi một lần)."

    def handle(self, *args, **options):
        sent = licence_expiry_alerts()
        for alert in sent:
            self.stdout.write(
                f"Giấy phép số {alert.licence.number} ({alert.licence.unit.name}): mốc {alert.threshold_days} ngày, "
                f"{len(alert.recipients)} người nhận."
            )
        self.stdout.write(f"Đã gửi {len(sent)} cảnh báo.")
