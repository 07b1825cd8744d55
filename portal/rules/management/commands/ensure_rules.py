from django.core.management.base import BaseCommand

from portal.rules.services import rules_ensure_defaults


class Command(BaseCommand):
    help = "Thêm các tham số pháp lý và ngày nghỉ mặc định còn thiếu (không ghi đè giá trị đã sửa)."

    def handle(self, *args, **options):
        created = rules_ensure_defaults()
        self.stdout.write(f"Đã thêm {created} dòng cấu hình.")
