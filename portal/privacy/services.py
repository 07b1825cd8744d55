"""The one write path for personal-data protection: notices, requests and their deadlines, account deletion,
consent withdrawal, breaches. Every function owns its transaction and writes an audit record without personal data.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import log

from portal.privacy import anonymise
from portal.privacy.constants import ANONYMISED, REQUEST_TRANSITIONS, RequestChannel
from portal.privacy.models import DataSubjectRequest, PersonalDataBreach, PrivacyNotice
from portal.rules.services import rule_value, working_days_add


class PrivacyError(Exception):
    """Raised with a message meant for the person who acted."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- notices ----------------------------------------------------------------------------------------------------


@transaction.atomic
def notice_publish(*, unit, purposes: str, data_kinds: str, sharing: str = "", extra: str = "", user=None,
                   published_at: dt.datetime | None = None) -> PrivacyNotice:
    """A new version of the unit's notice (older versions stay unchanged: consent records point at what people saw)."""
    from portal.units.models import Unit

    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    version = (PrivacyNotice.objects.filter(unit=unit).aggregate(v=Max("version"))["v"] or 0) + 1
    notice = PrivacyNotice.objects.create(
        unit=unit, version=version, purposes=purposes.strip(), data_kinds=data_kinds.strip(), sharing=sharing.strip(),
        extra=extra.strip(), published_at=published_at or timezone.now(), created_by=user,
    )
    log(notice, "portal.privacy.notice_publish", user=user, data={"unit": unit.pk, "version": version})
    return notice


# --- requests -----------------------------------------------------------------------------------------------------


def request_deadlines(received_at: dt.datetime) -> tuple[dt.date, dt.date]:
    """(acknowledge by, complete by): N working days, then M calendar days, both from the rules in force that day."""
    day = timezone.localdate(received_at)
    ack = working_days_add(day, int(rule_value("pdp.ack_working_days", on=day)))
    complete = day + dt.timedelta(days=int(rule_value("pdp.complete_days", on=day)))
    return ack, complete


@transaction.atomic
def request_create(*, unit, kind: str, requester_name: str, requester_contact: str = "", details: str = "",
                   channel: str = RequestChannel.WEB, user=None, recorded_by=None,
                   received_at: dt.datetime | None = None) -> DataSubjectRequest:
    """A request filed from an account (`user`) or recorded by staff from paper or e-mail (`recorded_by`)."""
    received_at = received_at or timezone.now()
    if not requester_name.strip():
        raise PrivacyError("Hãy nhập họ tên người yêu cầu.")
    ack_due, complete_due = request_deadlines(received_at)
    item = DataSubjectRequest.objects.create(
        unit=unit, user=user, kind=kind, channel=channel, requester_name=requester_name.strip(),
        requester_contact=requester_contact.strip(), details=details.strip(), received_at=received_at, ack_due=ack_due,
        complete_due=complete_due, recorded_by=recorded_by,
    )
    log(item, "portal.privacy.request_create", user=recorded_by or user,
        data={"kind": kind, "channel": channel, "unit": unit.pk, "ack_due": ack_due.isoformat(), "complete_due": complete_due.isoformat()})
    return item


def _locked_request(item: DataSubjectRequest, action: str) -> DataSubjectRequest:
    item = DataSubjectRequest.objects.select_for_update().get(pk=item.pk)
    allowed, _ = REQUEST_TRANSITIONS[action]
    if item.status not in allowed:
        raise PrivacyError(f"Yêu cầu đang ở trạng thái “{item.get_status_display()}”, không thực hiện được thao tác này.")
    return item


@transaction.atomic
def request_acknowledge(*, item: DataSubjectRequest, actor, note: str = "", now: dt.datetime | None = None) -> DataSubjectRequest:
    item = _locked_request(item, "acknowledge")
    item.status = REQUEST_TRANSITIONS["acknowledge"][1]
    item.acknowledged_at = now or timezone.now()
    if note:
        item.outcome = note.strip()
    item.save()
    log(item, "portal.privacy.request_acknowledge", user=actor, data={"late": timezone.localdate(item.acknowledged_at) > item.ack_due})
    return item


@transaction.atomic
def request_extend(*, item: DataSubjectRequest, actor, days: int, reason: str) -> DataSubjectRequest:
    """One extension only, at most the rule's number of days, with a reason told to the person."""
    item = _locked_request(item, "extend")
    if item.extended_until is not None:
        raise PrivacyError("Yêu cầu đã được gia hạn một lần; pháp luật chỉ cho phép gia hạn một lần.")
    limit = int(rule_value("pdp.extension_days", on=timezone.localdate(item.received_at)))
    if days < 1 or days > limit:
        raise PrivacyError(f"Số ngày gia hạn phải từ 1 đến {limit} ngày.")
    if not reason.strip():
        raise PrivacyError("Hãy nêu lý do gia hạn.")
    item.extended_until = item.complete_due + dt.timedelta(days=days)
    item.extension_reason = reason.strip()
    item.save()
    log(item, "portal.privacy.request_extend", user=actor, data={"days": days, "extended_until": item.extended_until.isoformat()})
    return item


@transaction.atomic
def request_close(*, item: DataSubjectRequest, actor, action: str, outcome: str, now: dt.datetime | None = None) -> DataSubjectRequest:
    """`action` "complete" or "refuse"; a refusal needs its reason in `outcome`."""
    item = _locked_request(item, action)
    if action == "refuse" and not outcome.strip():
        raise PrivacyError("Hãy nêu lý do từ chối.")
    now = now or timezone.now()
    item.status = REQUEST_TRANSITIONS[action][1]
    item.completed_at = now
    item.acknowledged_at = item.acknowledged_at or now
    item.outcome = outcome.strip() or item.outcome
    item.save()
    log(item, f"portal.privacy.request_{action}", user=actor, data={"late": timezone.localdate(now) > item.due})
    return item


# --- consent --------------------------------------------------------------------------------------------------


@transaction.atomic
def consent_withdraw(*, user, now: dt.datetime | None = None) -> int:
    """Withdraw the account's consent: from now on the account cannot submit dossiers (the processing stops);
    data already in dossiers stays as long as the law on records requires. Returns the records withdrawn."""
    from portal.citizens.constants import CONSENT_PURPOSE
    from portal.moderation.models import ConsentRecord

    now = now or timezone.now()
    count = ConsentRecord.objects.filter(
        subject_ref=user.get_username(), notice__purpose=CONSENT_PURPOSE, withdrawn_at__isnull=True,
    ).update(withdrawn_at=now)
    if not count:
        raise PrivacyError("Tài khoản không có sự đồng ý nào đang hiệu lực để rút lại.")
    log(user.citizen_profile, "portal.privacy.consent_withdraw", user=user, data={"records": count},
        title=f"Tài khoản {user.get_username()}")
    return count


@transaction.atomic
def consent_give(*, user, ip_address: str | None = None):
    """Consent again after a withdrawal (the box is never pre-ticked); recorded against the current notice."""
    from portal.citizens.services import consent_notice
    from portal.moderation.services import consent_record

    profile = user.citizen_profile
    return consent_record(notice=consent_notice(), name=profile.full_name, email=profile.email, subject_ref=user.get_username(),
                          ip_address=ip_address)


# --- account deletion -------------------------------------------------------------------------------------------


def account_delete_blockers(user) -> list[str]:
    """Dossiers still being handled: deleting the applicant would stop their handling (codes, for the message)."""
    from portal.dossiers.constants import OPEN_STATUSES

    return list(user.dossiers.filter(status__in=OPEN_STATUSES).order_by("code").values_list("code", flat=True))


def _erase_account(user, now: dt.datetime) -> dict:
    """Anonymise everything tied to the account, then delete the account. Returns counts (no data)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from portal.dossiers.constants import DossierStatus
    from portal.privacy import selectors

    profile = user.citizen_profile
    counts = {"dossiers": 0, "drafts": 0, "questions": 0, "comments": 0, "messages": 0, "consents": 0}
    questions, comments = list(selectors.person_questions(profile)), list(selectors.person_comments(profile))
    messages, consents = selectors.person_messages(profile), selectors.person_consents(profile)
    for draft in user.dossiers.filter(status=DossierStatus.DRAFT):
        anonymise.dossier_anonymise(draft, actor=user)
        draft.delete()
        counts["drafts"] += 1
    for dossier in user.dossiers.all():
        anonymise.dossier_anonymise(dossier, actor=user)
        counts["dossiers"] += 1
    for question in questions:
        anonymise.question_anonymise(question)
    for comment in comments:
        anonymise.comment_anonymise(comment)
    counts["questions"], counts["comments"] = len(questions), len(comments)
    counts["messages"] = messages.delete()[0]
    counts["consents"] = anonymise.consents_anonymise(consents, now=now)
    user.data_subject_requests.update(requester_name=ANONYMISED, requester_contact="")
    # Audit entries keep what happened, not who: their label was the person's name.
    profile_type = ContentType.objects.get_for_model(profile)
    ModelLogEntry.objects.filter(content_type=profile_type, object_id=str(profile.pk)).update(label=ANONYMISED)
    log(user, "portal.privacy.account_delete", user=None, data=counts)
    user.delete()  # profile, codes and identity links go with it; dossiers and payments keep their rows (SET_NULL)
    return counts


@transaction.atomic
def account_delete(*, user, now: dt.datetime | None = None) -> dict:
    """The person deletes their account from “Dữ liệu của tôi”; refused while a dossier is still being handled."""
    from portal.citizens.models import CitizenProfile

    now = now or timezone.now()
    CitizenProfile.objects.select_for_update().get(user=user)
    blockers = account_delete_blockers(user)
    if blockers:
        raise PrivacyError(
            "Chưa xoá được tài khoản vì hồ sơ " + ", ".join(blockers) + " đang được giải quyết. Khi hồ sơ đã có kết quả "
            "hoặc bạn rút hồ sơ, bạn có thể xoá tài khoản; hoặc gửi yêu cầu xoá dữ liệu để cơ quan xử lý."
        )
    return _erase_account(user, now)


# --- breaches -------------------------------------------------------------------------------------------------


@transaction.atomic
def breach_record(*, detected_at: dt.datetime, description: str, categories: str, affected_count: int = 0, measures: str = "",
                  unit=None, recorded_by=None, notified_authority_at=None, notified_subjects_at=None, closed_at=None) -> PersonalDataBreach:
    breach = PersonalDataBreach.objects.create(
        unit=unit, detected_at=detected_at, description=description, categories=categories, affected_count=affected_count,
        measures=measures, recorded_by=recorded_by, notified_authority_at=notified_authority_at,
        notified_subjects_at=notified_subjects_at, closed_at=closed_at,
    )
    log(breach, "portal.privacy.breach_record", user=recorded_by, data={"affected_count": affected_count})
    return breach
