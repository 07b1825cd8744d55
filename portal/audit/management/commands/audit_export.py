import csv
import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from portal.audit import selectors, services


class Command(BaseCommand):
    help = "Xuất nhật ký của một người dùng (--user) hoặc một trang (--site NHÃN) ra CSV hoặc JSON (dòng JSON)."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--user", help="Tên đăng nhập")
        target.add_argument("--site", help="Nhãn tên miền của đơn vị (ví dụ stttt); 'quangbinh' hoặc '' là Trang chính")
        parser.add_argument("--from", dest="date_from", help="Từ ngày (YYYY-MM-DD)")
        parser.add_argument("--to", dest="date_to", help="Đến ngày (YYYY-MM-DD)")
        parser.add_argument("--format", choices=("csv", "json"), default="csv")

    def _date(self, value):
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(f"Ngày không hợp lệ: {value} (cần YYYY-MM-DD).") from error

    def handle(self, *args, user=None, site=None, date_from=None, date_to=None, format="csv", **options):
        codes = None
        if site is not None:
            code = services.unit_code_for_label(site) or services.unit_code_for_hostname(site)
            if not code:
                raise CommandError(f"Không có trang nào có nhãn “{site}”.")
            codes = [code]
        entries = selectors.entries_filtered(
            username=user or "", unit_codes=codes, date_from=self._date(date_from), date_to=self._date(date_to),
        ).order_by("seq")
        if format == "json":
            for entry in entries.iterator(chunk_size=2000):
                self.stdout.write(json.dumps(selectors.export_row(entry), ensure_ascii=False, sort_keys=True))
            return
        writer = csv.writer(self.stdout)
        writer.writerow(selectors.EXPORT_FIELDS)
        for entry in entries.iterator(chunk_size=2000):
            row = selectors.export_row(entry)
            row["data"] = json.dumps(row["data"], ensure_ascii=False, sort_keys=True)
            writer.writerow([row[name] for name in selectors.EXPORT_FIELDS])
