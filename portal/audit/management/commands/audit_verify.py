from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.audit.selectors import chain_verify


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi nhật ký (tính lại mã băm từ mốc đầu chuỗi); lỗi thì thoát với mã khác 0."

    def handle(self, *args, **options):
        report = chain_verify()
        if not report.ok:
            entry = report.broken
            raise CommandError(
                f"Chuỗi nhật ký KHÔNG toàn vẹn tại mục số {entry.seq} (id {entry.pk}), "
                f"thời điểm {timezone.localtime(entry.occurred_at):%d/%m/%Y %H:%M:%S}, hành động {entry.action}: "
                f"{report.reason}. Đã kiểm tra đúng {report.checked} mục trước đó."
            )
        if report.checked:
            self.stdout.write(f"Chuỗi nhật ký toàn vẹn: {report.checked} mục (số {report.first_seq} đến {report.last_seq}).")
        else:
            self.stdout.write("Chuỗi nhật ký toàn vẹn: chưa có mục nào sau mốc đầu chuỗi.")
