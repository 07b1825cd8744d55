import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from portal.audit.services import AuditError, audit_purge, audit_purge_cutoff


class Command(BaseCommand):
    help = (
        "Xoá các mục nhật ký xảy ra trước ngày --before (YYYY-MM-DD); từ chối mục chưa đủ thời hạn lưu trữ "
        "(quy định audit.retention_days). Mốc đầu chuỗi chuyển đến mục cuối cùng bị xoá để chuỗi vẫn kiểm tra được."
    )

    def add_arguments(self, parser):
        parser.add_argument("--before", help="Ngày (YYYY-MM-DD); mặc định: ngày sớm nhất còn phải giữ.")

    def handle(self, *args, before=None, **options):
        if before:
            try:
                day = dt.date.fromisoformat(before)
            except ValueError as error:
                raise CommandError("--before phải có dạng YYYY-MM-DD.") from error
        else:
            day = audit_purge_cutoff()
        try:
            count = audit_purge(before=day, actor_name="audit_purge")
        except AuditError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã xoá {count} mục nhật ký trước ngày {day:%d/%m/%Y}.")
