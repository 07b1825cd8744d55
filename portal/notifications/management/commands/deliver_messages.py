from django.core.management.base import BaseCommand

from portal.notifications.delivery import FAILED, RETRY, SENT, SKIPPED, messages_deliver_due


class Command(BaseCommand):
    help = "Gửi các thông báo đang chờ đã đến hạn gửi (lần đầu hoặc gửi lại); chạy định kỳ, ví dụ mỗi phút bằng cron."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="Số thông báo tối đa mỗi lần chạy (mặc định 1000).")

    def handle(self, *args, limit=1000, **options):
        counts = messages_deliver_due(limit=limit)
        self.stdout.write(
            f"Đã gửi {counts[SENT]}, chờ gửi lại {counts[RETRY]}, không thành công {counts[FAILED]}, "
            f"bỏ qua {counts[SKIPPED]} thông báo."
        )
