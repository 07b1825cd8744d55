import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from portal.payments.models import vnd
from portal.payments.selectors import payments_reconcile
from portal.units.models import Unit


def report_dict(day: dt.date, rows) -> dict:
    return {
        "date": day.isoformat(),
        "balanced": all(r.balanced for r in rows),
        "units": [
            {
                "unit": r.unit.code if r.unit else None,
                "unit_name": r.unit.name if r.unit else None,
                "paid_count": r.paid_count, "paid_sum": r.paid_sum,
                "settled_count": r.settled_count, "settled_sum": r.settled_sum,
                "balanced": r.balanced,
                "mismatches": [
                    {"kind": kind, "gateway": m.gateway, "order_ref": m.order_ref, "transaction_id": m.transaction_id,
                     "dossier": m.dossier_code, "our_amount": m.our_amount, "settled_amount": m.settled_amount, "reason": m.reason}
                    for kind, items in (("not_settled", r.not_settled), ("not_paid_here", r.not_paid_here),
                                        ("amount_differs", r.amount_differs))
                    for m in items
                ],
            }
            for r in rows
        ],
    }


class Command(BaseCommand):
    help = "Đối soát các khoản thanh toán trực tuyến của một ngày với số liệu quyết toán của cổng thanh toán, theo đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("--date", required=True, help="Ngày đối soát, dạng YYYY-MM-DD.")
        parser.add_argument("--unit", help="Mã đơn vị (ví dụ 44-STTTT); mặc định mọi đơn vị.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, date, unit=None, json=False, **options):
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise CommandError("Ngày không hợp lệ; dùng dạng YYYY-MM-DD.") from None
        unit_obj = None
        if unit:
            unit_obj = Unit.objects.filter(code=unit).first()
            if unit_obj is None:
                raise CommandError(f"Không có đơn vị mã “{unit}”.")
        rows = payments_reconcile(day, unit=unit_obj)
        if json:
            self.stdout.write(_dumps(report_dict(day, rows)))
            return
        self.stdout.write(f"Đối soát thanh toán ngày {day:%d/%m/%Y}")
        if not rows:
            self.stdout.write("Không có khoản thanh toán nào.")
        for r in rows:
            name = f"{r.unit.name} ({r.unit.code})" if r.unit else "Không xác định được đơn vị"
            self.stdout.write(f"\n{name}: {'khớp' if r.balanced else 'CÓ CHÊNH LỆCH'}")
            self.stdout.write(f"  Đã ghi nhận: {r.paid_count} khoản, {vnd(r.paid_sum)}")
            self.stdout.write(f"  Quyết toán:  {r.settled_count} khoản, {vnd(r.settled_sum)}")
            for m in r.mismatches:
                ours = vnd(m.our_amount) if m.our_amount is not None else "—"
                settled = vnd(m.settled_amount) if m.settled_amount is not None else "—"
                self.stdout.write(f"  - {m.order_ref} / {m.transaction_id}: ghi nhận {ours}, quyết toán {settled}. {m.reason}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
