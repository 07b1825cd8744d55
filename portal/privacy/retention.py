"""The retention schedule: for each kind of personal data, the rule that says how long it is kept, the rows past
that time, and what happens to them (deleted, or anonymised when the row must stay for statistics and registers).

`retention_apply` runs every kind and writes one `RetentionRun` per kind: counts, the rule and its legal basis,
never the data. Scheduled daily through the `apply_retention` command.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from portal.privacy import anonymise
from portal.privacy.constants import ANONYMISED, RetentionAction
from portal.privacy.models import RetentionRun
from portal.rules.services import rule_in_force


@dataclass(frozen=True)
class RetentionKind:
    kind: str
    label: str
    rule_key: str
    action: str
    expired: Callable  # cutoff -> queryset of rows past it
    apply: Callable  # queryset -> number of rows handled


def _cutoff(rule, now: dt.datetime) -> dt.datetime:
    value = int(rule.value)
    if rule.key.endswith("_years"):
        try:
            return now.replace(year=now.year - value)
        except ValueError:  # 29 February
            return now.replace(year=now.year - value, day=28)
    return now - dt.timedelta(days=value)


def _unverified_accounts(cutoff):
    from portal.citizens.models import CitizenProfile
    from portal.dossiers.constants import DossierStatus

    return CitizenProfile.objects.filter(
        created_at__lt=cutoff, phone_verified_at__isnull=True, email_verified_at__isnull=True, user__is_staff=False,
    ).exclude(user__dossiers__status__in=[s for s in DossierStatus.values if s != DossierStatus.DRAFT])


def _unverified_accounts_apply(queryset) -> int:
    from portal.privacy.services import _erase_account

    count, now = 0, timezone.now()
    for profile in queryset.select_related("user"):
        _erase_account(profile.user, now)
        count += 1
    return count


def _codes(cutoff):
    from portal.citizens.models import VerificationCode

    return VerificationCode.objects.filter(created_at__lt=cutoff)


def _questions(cutoff):
    from portal.interaction.constants import QuestionStatus
    from portal.interaction.models import Question

    finished = Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, answered_at__lt=cutoff) | Q(
        closed_at__isnull=True, answered_at__isnull=True, status=QuestionStatus.REJECTED, received_at__lt=cutoff,
    )
    return Question.objects.exclude(status__in=[QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED]).filter(finished).exclude(asker_name=ANONYMISED)


def _comments(cutoff):
    from portal.consultation.models import DraftComment

    return DraftComment.objects.filter(consultation__closes_at__lt=cutoff).exclude(name=ANONYMISED)


def _dossiers(cutoff):
    from portal.dossiers.constants import OPEN_STATUSES
    from portal.dossiers.models import Dossier

    return Dossier.objects.exclude(status__in=[*OPEN_STATUSES, "draft"]).filter(closed_at__lt=cutoff).exclude(applicant_name=ANONYMISED)


def _each(function):
    def apply(queryset) -> int:
        count = 0
        for row in queryset:
            function(row)
            count += 1
        return count

    return apply


def _delete(queryset) -> int:
    return queryset.delete()[0]


RETENTION_SCHEDULE: tuple[RetentionKind, ...] = (
    RetentionKind("verification_code", "Mã xác minh đã gửi", "pdp.retention_verification_code_days", RetentionAction.DELETE, _codes, _delete),
    RetentionKind("unverified_account", "Tài khoản công dân chưa xác minh liên lạc", "pdp.retention_unverified_account_days",
                  RetentionAction.DELETE, _unverified_accounts, _unverified_accounts_apply),
    RetentionKind("question", "Người gửi câu hỏi, phản ánh, kiến nghị đã xử lý xong", "pdp.retention_question_years",
                  RetentionAction.ANONYMISE, _questions, _each(anonymise.question_anonymise)),
    RetentionKind("draft_comment", "Người góp ý dự thảo đã kết thúc lấy ý kiến", "pdp.retention_comment_years",
                  RetentionAction.ANONYMISE, _comments, _each(anonymise.comment_anonymise)),
    RetentionKind("dossier", "Người nộp hồ sơ thủ tục hành chính đã kết thúc", "pdp.retention_dossier_years",
                  RetentionAction.ANONYMISE, _dossiers, _each(anonymise.dossier_anonymise)),
)


def retention_apply(*, dry_run: bool = False, now: dt.datetime | None = None) -> list[RetentionRun]:
    """Apply every kind, each in its own transaction; one RetentionRun row per kind (also for a dry run)."""
    now = now or timezone.now()
    runs = []
    for item in RETENTION_SCHEDULE:
        rule = rule_in_force(item.rule_key, on=timezone.localdate(now))
        cutoff = _cutoff(rule, now)
        with transaction.atomic():
            queryset = item.expired(cutoff)
            count = queryset.count() if dry_run else item.apply(queryset)
            run = RetentionRun.objects.create(
                ran_at=now, kind=item.kind, label=item.label, rule_key=rule.key, rule_value=rule.value, rule_unit=rule.unit,
                legal_basis=rule.legal_basis, cutoff=cutoff, action=item.action, count=count, dry_run=dry_run,
            )
            if not dry_run and count:
                log(run, "portal.privacy.retention_run", data={"kind": item.kind, "count": count, "rule": rule.key})
        runs.append(run)
    return runs
