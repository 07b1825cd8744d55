"""Apply the retention schedule for personal data (scheduled daily): `manage.py apply_retention [--dry-run]`."""

from django.core.management.base import BaseCommand

from portal.privacy.retention import retention_apply


class Command(BaseCommand):
    help = "Xoá hoặc ẩn danh dữ liệu cá nhân đã hết thời hạn lưu trữ; ghi nhật ký số bản ghi theo từng loại."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá, không ẩn danh.")

    def handle(self, *args, dry_run=False, **options):
        for run in retention_apply(dry_run=dry_run):
            verb = "sẽ " + run.get_action_display().lower() if dry_run else run.get_action_display().lower()
            self.stdout.write(f"{run.label}: {verb} {run.count} bản ghi ({run.rule_key} = {run.rule_value} {run.rule_unit})")
