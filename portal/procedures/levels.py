"""Online-service levels derived from what a procedure can actually do online.

NĐ 43/2011 Điều 3 khoản 4 (levels 1–4) and NĐ 42/2022 Điều 11 (toàn trình / một phần): the level is
never typed by hand, so it cannot claim more than the capabilities deliver (L-43-3.1, L-42-11).
"""

from portal.procedures.models import Level2011, Level2022


def procedure_has_downloadable_forms(procedure) -> bool:
    if procedure.pk is None:
        return False
    return procedure.papers.exclude(template_file="").exists()


def procedure_levels(procedure) -> tuple[int, str]:
    online = procedure.online_submission and procedure.online_processing
    payment_ok = procedure.fee_amount == 0 or procedure.online_payment
    result_remote = procedure.online_result or procedure.postal_result
    if online and payment_ok and result_remote:
        return Level2011.L4, Level2022.FULL
    if online:
        level_2011 = Level2011.L3
    elif procedure_has_downloadable_forms(procedure):
        level_2011 = Level2011.L2
    else:
        level_2011 = Level2011.L1
    level_2022 = Level2022.PARTIAL if procedure.online_submission else Level2022.NONE
    return level_2011, level_2022
