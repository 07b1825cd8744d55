from django.core.management.base import BaseCommand

from portal.audit.services import retained_purge


class Command(BaseCommand):
    help = "Xoá hẳn các tin, bài đã xoá (đang lưu trữ) đã hết thời hạn lưu trữ; bỏ qua các trang còn trong hạn."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xoá.")

    def handle(self, *args, dry_run=False, **options):
        due = retained_purge(dry_run=dry_run)
        verb = "Sẽ xoá hẳn" if dry_run else "Đã xoá hẳn"
        for retained in due:
            self.stdout.write(f"{verb}: {retained.title} (trang {retained.page_id}, lưu trữ đến {retained.retain_until:%d/%m/%Y})")
        self.stdout.write(f"{verb} {len(due)} trang.")
