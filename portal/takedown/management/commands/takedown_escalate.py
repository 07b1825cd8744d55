from django.core.management.base import BaseCommand

from portal.takedown.services import takedown_escalate


class Command(BaseCommand):
    help = "Nhắc Trưởng ban và đơn vị vận hành về yêu cầu gỡ bỏ chưa xử lý sau 1 giờ và 2 giờ (chạy 10–15 phút một lần)."

    def handle(self, *args, **options):
        queued = takedown_escalate()
        self.stdout.write(f"Đã xếp {queued} thư nhắc gỡ bỏ vào hộp thư đi.")
