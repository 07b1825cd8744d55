import json

from django.core.management.base import BaseCommand, CommandError

from portal.completeness.selectors import site_completeness
from portal.units.models import Unit


class Command(BaseCommand):
    help = "Báo cáo thông tin bắt buộc còn thiếu hoặc chưa cập nhật của từng trang (để vận hành theo dõi tất cả các trang)."

    def add_arguments(self, parser):
        parser.add_argument("hostnames", nargs="*", help="Tên miền các trang cần kiểm tra; bỏ trống để kiểm tra tất cả.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="In kết quả dạng JSON Lines (mỗi trang một dòng).")
        parser.add_argument("--only-problems", action="store_true", help="Chỉ in các trang còn mục thiếu hoặc chưa cập nhật.")

    def handle(self, *args, hostnames, as_json: bool, only_problems: bool, **options):
        units = Unit.objects.filter(site__isnull=False).select_related("site").order_by("sort_order", "code")
        if hostnames:
            units = units.filter(site__hostname__in=hostnames)
            if not units:
                raise CommandError("Không có trang nào với các tên miền đã cho.")
        for unit in units:
            report = site_completeness(unit)
            if only_problems and report.complete:
                continue
            if as_json:
                self.stdout.write(_json_line(report))
                continue
            self.stdout.write(f"{unit.hostname} — {unit.display_name}: {report.present_count}/{len(report.items)} mục đạt")
            for item in report.problems:
                self.stdout.write(f"  [{item.status_label}] {item.title}: {item.detail}")


def _json_line(report) -> str:
    return json.dumps(
        {
            "hostname": report.unit.hostname,
            "unit": report.unit.code,
            "complete": report.complete,
            "items": [{"code": i.code, "status": str(i.status), "detail": i.detail} for i in report.items],
        },
        ensure_ascii=False,
    )
