"""API of the published dossier statistics (L-61-stats): the figures of the page, as JSON.

Definitions and boundaries are those of `portal.dossiers.statistics`. A period is given as ISO dates
(`from`, `to`, both included, default: this month up to today), at most 366 days; a reversed or too
long period, a start in the future or a malformed date answer 422 with a Vietnamese message.
"""

import datetime as dt
from decimal import Decimal

from ninja import Query, Router, Schema
from ninja.errors import HttpError

from portal.core.api import api_unit_or_404
from portal.dossiers import statistics

router = Router(tags=["Thống kê giải quyết hồ sơ"])


class ReceivedOut(Schema):
    total: int
    online: int
    in_person: int
    post: int


class ResolvedOut(Schema):
    total: int
    early: int
    on_time: int
    late: int


class InProgressOut(Schema):
    total: int
    overdue: int


class RatesOut(Schema):
    on_time: float | None
    late: float | None
    online_share: float | None


class SatisfactionOut(Schema):
    total: int
    very_satisfied: int
    satisfied: int
    dissatisfied: int
    very_satisfied_percent: float | None
    satisfied_percent: float | None
    dissatisfied_percent: float | None


class FiguresOut(Schema):
    carried_over: int
    received: ReceivedOut
    handled: int
    resolved: ResolvedOut
    refused: int
    withdrawn: int
    in_progress: InProgressOut
    rates: RatesOut
    satisfaction: SatisfactionOut


class UnitFiguresOut(Schema):
    code: str
    name: str
    hostname: str
    figures: FiguresOut


class ProcedureFiguresOut(Schema):
    national_code: str
    name: str
    figures: FiguresOut


class DossierStatisticsOut(Schema):
    site: str
    scope: str
    unit: str
    procedure: str | None
    start: dt.date
    end: dt.date
    figures: FiguresOut
    by_unit: list[UnitFiguresOut]
    by_procedure: list[ProcedureFiguresOut]


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def figures_out(stats: statistics.DossierStats) -> FiguresOut:
    return FiguresOut(
        carried_over=stats.carried_over,
        received=ReceivedOut(
            total=stats.received, online=stats.received_online, in_person=stats.received_in_person, post=stats.received_post,
        ),
        handled=stats.handled,
        resolved=ResolvedOut(
            total=stats.resolved, early=stats.resolved_early, on_time=stats.resolved_on_time, late=stats.resolved_late,
        ),
        refused=stats.refused,
        withdrawn=stats.withdrawn,
        in_progress=InProgressOut(total=stats.in_progress, overdue=stats.in_progress_overdue),
        rates=RatesOut(on_time=_num(stats.on_time_rate), late=_num(stats.late_rate), online_share=_num(stats.online_share)),
        satisfaction=SatisfactionOut(
            total=stats.ratings,
            very_satisfied=stats.rated_very_satisfied,
            satisfied=stats.rated_satisfied,
            dissatisfied=stats.rated_dissatisfied,
            very_satisfied_percent=_num(stats.very_satisfied_rate),
            satisfied_percent=_num(stats.satisfied_rate),
            dissatisfied_percent=_num(stats.dissatisfied_rate),
        ),
    )


class StatisticsQuery(Schema):
    site: str = Query("", description="Tên miền của trang, ví dụ stttt.quangbinh.gov.vn; mặc định là trang đang gọi.")
    date_from: str = Query("", alias="from", description="Ngày đầu kỳ, YYYY-MM-DD; mặc định ngày đầu tháng này.")
    date_to: str = Query("", alias="to", description="Ngày cuối kỳ (tính cả ngày này), YYYY-MM-DD; mặc định hôm nay.")
    procedure: str = Query("", description="Mã thủ tục trong CSDL quốc gia về TTHC, để chỉ lấy một thủ tục.")


def _date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HttpError(422, f"{what} không hợp lệ; hãy dùng dạng YYYY-MM-DD, ví dụ 2026-03-01.") from None


@router.get(
    "/dossier-statistics",
    response=DossierStatisticsOut,
    summary="Thống kê giải quyết hồ sơ thủ tục hành chính của một trang theo kỳ (L-61-stats)",
)
def dossier_statistics(request, params: Query[StatisticsQuery]):
    """`site`: tên miền của trang (mặc định: trang đang gọi); trang chính cho số liệu toàn tỉnh kèm bảng theo đơn vị.
    `from`, `to`: ngày đầu và cuối kỳ (YYYY-MM-DD, gồm cả hai ngày; mặc định từ đầu tháng đến hôm nay; tối đa 366 ngày;
    ngày cuối sau hôm nay được tính đến hôm nay). `procedure`: mã thủ tục trong CSDL quốc gia để chỉ lấy một thủ tục.
    Tỷ lệ tính theo phần trăm, làm tròn một chữ số thập phân; `null` khi mẫu số bằng 0."""
    from portal.procedures.models import Procedure

    unit = api_unit_or_404(params.site or request.get_host().split(":")[0])
    default = statistics.period_this_month()
    start = _date(params.date_from, "Ngày bắt đầu (from)") if params.date_from else default.start
    end = _date(params.date_to, "Ngày kết thúc (to)") if params.date_to else default.end
    try:
        period = statistics.period_check(start, end)
    except statistics.PeriodError as error:
        raise HttpError(422, str(error)) from None
    procedure = None
    if params.procedure:
        procedure = Procedure.objects.filter(national_code=params.procedure.strip()).first()
        if procedure is None:
            raise HttpError(404, "Không có thủ tục với mã này.")
    scope = None if unit.is_main else unit
    stats = statistics.dossier_statistics(start=period.start, end=period.end, unit=scope, procedure=procedure)
    by_unit = []
    if unit.is_main and procedure is None:
        by_unit = [
            UnitFiguresOut(code=row.unit.code, name=row.unit.display_name, hostname=row.unit.hostname, figures=figures_out(row.stats))
            for row in statistics.dossier_statistics_by_unit(start=period.start, end=period.end)
        ]
    by_procedure = []
    if procedure is None:
        by_procedure = [
            ProcedureFiguresOut(national_code=row.procedure.national_code, name=row.procedure.name, figures=figures_out(row.stats))
            for row in statistics.dossier_statistics_by_procedure(start=period.start, end=period.end, unit=scope)
        ]
    return DossierStatisticsOut(
        site=unit.hostname,
        scope="province" if unit.is_main else "unit",
        unit=unit.display_name,
        procedure=procedure.national_code if procedure else None,
        start=period.start,
        end=period.end,
        figures=figures_out(stats),
        by_unit=by_unit,
        by_procedure=by_procedure,
    )
