from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.units.services import units_import_province


class Command(BaseCommand):
    help = "Nhập tỉnh, các cơ quan cấp tỉnh, đơn vị cấp huyện và cấp xã từ gói vietnamadminunits (mã GSO)."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="Mã GSO của tỉnh, ví dụ 44 (Quảng Bình).")
        parser.add_argument("--agencies", type=Path, help="Tệp JSON danh sách cơ quan cấp tỉnh (mặc định: tệp kèm theo).")
        parser.add_argument("--no-agencies", action="store_true", help="Chỉ nhập đơn vị hành chính.")

    def handle(self, *args, province, agencies=None, no_agencies=False, **options):
        try:
            report = units_import_province(province_code=province, agencies_file=agencies, with_agencies=not no_agencies)
        except (LookupError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã nhập tỉnh {province}: thêm mới {report.created}, cập nhật {report.updated}, không đổi {report.unchanged}."
        )
        if report.adjustments:
            self.stdout.write(f"Tên miền được điều chỉnh để không trùng ({len(report.adjustments)}):")
            for adj in report.adjustments:
                self.stdout.write(f"  {adj.code} {adj.name}: {adj.wanted} → {adj.given} ({adj.reason})")
