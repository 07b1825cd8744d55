"""Write paths of the compliance app: activating an aggregate site, licence expiry alerts."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.compliance.models import AggregateSite, AggregateSiteLicence, LicenceAlert
from portal.notifications.models import MessageChannel
from portal.notifications.services import message_queue
from portal.rules.services import rule_value


@transaction.atomic
def aggregate_site_activate(*, unit, user=None) -> AggregateSite:
    """Mark the unit's site as an aggregate information site; refused (ValidationError, in
    Vietnamese) unless the unit holds a licence valid today."""
    aggregate, _created = AggregateSite.objects.select_for_update().get_or_create(unit=unit)
    if aggregate.is_active:
        return aggregate
    aggregate.is_active = True
    aggregate.full_clean()
    aggregate.activated_at = timezone.now()
    aggregate.save()
    log(instance=aggregate, action="portal.aggregate_site.activate", user=user, data={"unit": unit.code})
    return aggregate


@transaction.atomic
def aggregate_site_deactivate(*, unit, user=None) -> AggregateSite | None:
    aggregate = AggregateSite.objects.select_for_update().filter(unit=unit).first()
    if aggregate is None or not aggregate.is_active:
        return aggregate
    aggregate.is_active = False
    aggregate.activated_at = None
    aggregate.save()
    log(instance=aggregate, action="portal.aggregate_site.deactivate", user=user, data={"unit": unit.code})
    return aggregate


def _recipients(licence: AggregateSiteLicence) -> list[str]:
    from portal.editorial.constants import Role

    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    heads = users.filter(groups__site_role__unit_id=licence.unit_id, groups__site_role__role=Role.BOARD_HEAD)
    operators = users.filter(is_superuser=True)
    return sorted(set(heads.values_list("email", flat=True)) | set(operators.values_list("email", flat=True)))


@dataclass
class AlertSent:
    licence: AggregateSiteLicence
    threshold_days: int
    recipients: list[str]


def licence_expiry_alerts(*, today: date | None = None) -> list[AlertSent]:
    """Alert the board head and the operator when a licence of an aggregate site enters the
    alert windows (licence.expiry_alert_days, then licence.expiry_final_alert_days before it
    ends). Each window is alerted once per licence term: renewing (a new end date) re-arms them."""
    today = today or timezone.localdate()
    first = int(rule_value("licence.expiry_alert_days", on=today))
    final = int(rule_value("licence.expiry_final_alert_days", on=today))
    thresholds = sorted({first, final})
    sent: list[AlertSent] = []
    licences = AggregateSiteLicence.objects.select_related("unit").filter(
        valid_until__gte=today, valid_until__lte=today + timedelta(days=max(thresholds))
    )
    for licence in licences:
        days_left = (licence.valid_until - today).days
        # The narrowest window reached is the one to announce; wider ones already passed.
        due = [t for t in thresholds if days_left <= t]
        threshold = min(due)
        if LicenceAlert.objects.filter(licence=licence, valid_until=licence.valid_until, threshold_days__lte=threshold).exists():
            continue
        recipients = _recipients(licence)
        try:
            with transaction.atomic():
                LicenceAlert.objects.create(licence=licence, threshold_days=threshold, valid_until=licence.valid_until)
                subject = f"Giấy phép trang thông tin điện tử tổng hợp số {licence.number} còn {days_left} ngày hiệu lực"
                body = (
                    f"Giấy phép thiết lập trang thông tin điện tử tổng hợp số {licence.number} "
                    f"của {licence.unit.name}, do {licence.issuing_body} cấp ngày {licence.issued_on:%d/%m/%Y}, "
                    f"hết hiệu lực ngày {licence.valid_until:%d/%m/%Y} (còn {days_left} ngày).\n"
                    "Hãy làm thủ tục gia hạn hoặc cấp lại giấy phép; trang không được hoạt động là trang tổng hợp "
                    "khi giấy phép hết hiệu lực (Nghị định 72/2013/NĐ-CP Điều 23)."
                )
                for recipient in recipients:
                    message_queue(
                        channel=MessageChannel.EMAIL, recipient=recipient, subject=subject, body=body,
                        reference=f"licence:{licence.pk}", event="licence.expiry_alert",
                    )
                log(
                    instance=licence, action="portal.licence.expiry_alert", user=None,
                    data={"threshold_days": threshold, "valid_until": licence.valid_until.isoformat(), "recipients": len(recipients)},
                )
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent.append(AlertSent(licence=licence, threshold_days=threshold, recipients=recipients))
    return sent
