from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.legaldocs.services import legal_documents_import

HELP = """Nhập văn bản từ tệp JSON Lines (mỗi dòng một văn bản). Import legal documents from JSON Lines.

Trường / fields (tên tiếng Anh hoặc tiếng Việt; xem portal/legaldocs/IMPORT.md):
  number (so_ky_hieu)            số, ký hiệu — bắt buộc để nhận diện; nhập lại cùng số thì cập nhật
  type (loai)                    hình thức: "Nghị định", "Quyết định", … hoặc mã "nghi-dinh"
  issuing_body (co_quan_ban_hanh) cơ quan ban hành
  issue_date (ngay_ban_hanh)     dd/mm/yyyy hoặc yyyy-mm-dd
  effective_date (ngay_hieu_luc) dd/mm/yyyy hoặc yyyy-mm-dd
  expiry_date (ngay_het_hieu_luc) tuỳ chọn
  signer (nguoi_ky), abstract (trich_yeu), field (linh_vuc), full_text (toan_van)
  status (tinh_trang_hieu_luc)   "Còn hiệu lực", "Bị thay thế", … (mặc định: còn hiệu lực)
  is_normative (la_vbqppl)       true nếu là văn bản quy phạm pháp luật
  files (tep_dinh_kem)           [{"path": "tep/qd-06.pdf", "name": "…"} | {"url": "https://…", "name": "…"}]
                                 path tính từ thư mục của tệp dữ liệu (PDF/DOC/DOCX, kiểm tra theo nội dung);
                                 url KHÔNG được tải về, chỉ ghi làm đường dẫn tới trang nguồn
  relations (van_ban_lien_quan)  [{"kind": "thay-the|sua-doi|huong-dan|duoc-huong-dan|can-cu", "number": "…"}]
  source_url (nguon_dong_bo)     địa chỉ văn bản trên vbpl.vn / Công báo
  unit_code (ma_don_vi)          mã đơn vị (trang) đăng văn bản; mặc định là trang của --site

Văn bản đủ thuộc tính bắt buộc được đăng; thiếu thì lưu nháp và được liệt kê. Mọi dòng bị từ chối
được báo kèm số dòng và lý do. Mã thoát 0 kể cả khi có dòng bị từ chối, trừ khi dùng --strict.
"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, *args, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(*args, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp JSON Lines (UTF-8).")
        parser.add_argument("--site", help="Tên miền của trang nhận văn bản khi dòng không có unit_code.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra và báo cáo, không ghi gì.")
        parser.add_argument("--strict", action="store_true", help="Thoát với mã 1 nếu có dòng bị từ chối.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        unit = None
        if options["site"]:
            from portal.units.selectors import unit_for_hostname

            unit = unit_for_hostname(options["site"])
            if unit is None:
                raise CommandError(f"Không có trang nào với tên miền {options['site']}.")
        report = legal_documents_import(path=path, default_unit=unit, dry_run=options["dry_run"])
        for line, reason in report.rejected:
            self.stdout.write(f"Dòng {line}: TỪ CHỐI — {reason}")
        for line, number, missing in report.drafts:
            self.stdout.write(f"Dòng {line}: LƯU NHÁP — {number} thiếu {', '.join(missing)}")
        for line, message in report.warnings:
            self.stdout.write(f"Dòng {line}: CẢNH BÁO — {message}")
        self.stdout.write(report.summary())
        if options["strict"] and report.rejected:
            raise CommandError(f"{len(report.rejected)} dòng bị từ chối (--strict).", returncode=1)
