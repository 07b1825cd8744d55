from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.procedures.importer import RecordError, import_procedures
from portal.procedures.mapping import MappingError


class Command(BaseCommand):
    help = (
        "Nhập thủ tục hành chính từ tệp JSON Lines của CSDL quốc gia (mỗi dòng một thủ tục). Nhập lại thì cập nhật, "
        "không tạo trùng. Mọi bản ghi không đọc được đầy đủ đều được báo cáo kèm lý do. Xem portal/procedures/IMPORT.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Tệp .jsonl")
        parser.add_argument("--dry-run", action="store_true", help="Đọc và báo cáo, không ghi gì vào cơ sở dữ liệu.")
        parser.add_argument("--mapping", type=Path, default=None, help="Tệp ánh xạ cơ quan → đơn vị (mặc định data/unit_mapping.json).")
        parser.add_argument("--publish", action="store_true", help="Công khai các thủ tục đủ trường bắt buộc; thủ tục thiếu để nháp.")

    def handle(self, *args, file: Path, dry_run: bool, mapping: Path | None, publish: bool, **options):
        if not file.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        try:
            report = import_procedures(file, mapping=mapping, dry_run=dry_run, publish=publish)
        except (MappingError, RecordError) as error:
            raise CommandError(str(error)) from error
        for problem in report.failed:
            self.stderr.write(f"KHÔNG NHẬP ĐƯỢC {problem}")
        for problem in report.problems:
            self.stderr.write(f"VẤN ĐỀ {problem}")
        for note in report.notes:
            self.stdout.write(f"GHI CHÚ {note}")
        prefix = "[Chạy thử, không ghi gì] " if dry_run else ""
        lines = [
            f"{prefix}Đã tạo mới: {report.created}",
            f"Đã cập nhật: {report.updated}",
            f"Có vấn đề khi đọc (đã nhập, ghi trong import_problems): {report.with_problems}",
            f"Dòng không nhập được: {len(report.failed)}",
            f"Đơn vị giải quyết thêm mới: {report.handlings_created}",
        ]
        if publish:
            lines += [f"Đã công khai: {report.published}", f"Để nháp vì thiếu trường bắt buộc: {report.drafts_incomplete}"]
        self.stdout.write(self.style.SUCCESS("; ".join(lines) + "."))
