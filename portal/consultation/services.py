"""The one write path for comments on drafts: submission, moderation, response, attachment access."""

import secrets

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.consultation import permissions
from portal.consultation.constants import CONSENT_PURPOSE
from portal.consultation.models import ConsultationPage, DraftComment
from portal.moderation.constants import MODERATION_TRANSITIONS, ModerationStatus, ViolationCategory
from portal.moderation.services import consent_notice_current, consent_record, screen_text

_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone


class ConsultationError(Exception):
    """Raised with a message meant for the person who acted."""


class ConsultationClosed(ConsultationError):
    """The consultation is not open at this moment; nothing was stored."""


def _new_reference(now) -> str:
    while True:
        reference = f"GY{timezone.localdate(now):%y%m%d}-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(5))
        if not DraftComment.objects.filter(reference=reference).exists():
            return reference


@transaction.atomic
def comment_submit(
    *,
    consultation: ConsultationPage,
    name: str,
    email: str,
    content: str,
    organisation: str = "",
    attachment=None,
    ip_address: str | None = None,
    notice=None,
    now=None,
    notify: bool = True,
) -> DraftComment:
    """Store a citizen's comment as PENDING with its consent record, screened for prohibited terms.

    Refuses (ConsultationClosed, nothing stored) outside the consultation's window, checked against
    the clock at the moment of writing. The receiving unit is e-mailed after commit.
    """
    now = now or timezone.now()
    refusal = consultation.refusal_message(now)
    if refusal:
        raise ConsultationClosed(refusal)
    name, email, organisation, content = name.strip(), email.strip(), organisation.strip(), content.strip()
    reference = _new_reference(now)
    hits = screen_text(name, organisation, content)
    record = consent_record(
        notice=notice or consent_notice_current(CONSENT_PURPOSE),
        name=name,
        email=email,
        subject_ref=reference,
        ip_address=ip_address,
    )
    comment = DraftComment(
        consultation=consultation,
        unit_id=consultation.unit_id,
        reference=reference,
        name=name,
        email=email,
        organisation=organisation,
        content=content,
        screening_hits=[{"term": hit.term, "category": hit.category} for hit in hits],
        consent=record,
        ip_address=ip_address or None,
        created_at=now,
    )
    if attachment:
        comment.attachment_name = (getattr(attachment, "name", "") or "")[:255]
        comment.attachment = attachment
    comment.save()
    log(
        consultation,
        "portal.consultation.comment",
        user=None,
        data={"comment": comment.pk, "reference": reference, "flagged": bool(hits)},
    )
    if notify:
        from portal.consultation.tasks import notify_new_comment_task

        transaction.on_commit(lambda: notify_new_comment_task.enqueue(comment.pk))
    return comment


@transaction.atomic
def comment_moderate(*, comment: DraftComment, actor, approve: bool, category: str = "", note: str = "") -> DraftComment:
    """Approve (public) or reject (with a Điều 5 category) a comment; transitions follow MODERATION_TRANSITIONS."""
    if not permissions.can_moderate_comments(actor, comment.unit_id):
        raise ConsultationError("Bạn không có quyền kiểm duyệt góp ý này.")
    comment = DraftComment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    target = ModerationStatus.APPROVED if approve else ModerationStatus.REJECTED
    current = ModerationStatus(comment.status)
    if target not in MODERATION_TRANSITIONS[current]:
        raise ConsultationError(f"Không thể chuyển góp ý từ “{current.label}” sang “{target.label}”.")
    if not approve and category not in ViolationCategory.values:
        raise ConsultationError("Hãy chọn nhóm vi phạm (Nghị định 72/2013/NĐ-CP Điều 5) khi không duyệt góp ý.")
    comment.status = target
    comment.violation_category = "" if approve else category
    comment.moderation_note = note.strip()
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["status", "violation_category", "moderation_note", "moderated_by", "moderated_at"])
    log(
        comment.consultation,
        "portal.consultation.approve" if approve else "portal.consultation.reject",
        user=actor,
        data={"comment": comment.pk, "reference": comment.reference, "category": comment.violation_category, "note": comment.moderation_note},
    )
    return comment


@transaction.atomic
def comment_respond(*, comment: DraftComment, actor, response: str) -> DraftComment:
    """Record the drafting body's response (tiếp thu, giải trình) to an approved comment; shown publicly with it."""
    if not permissions.can_moderate_comments(actor, comment.unit_id):
        raise ConsultationError("Bạn không có quyền trả lời góp ý này.")
    comment = DraftComment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    if comment.status != ModerationStatus.APPROVED:
        raise ConsultationError("Chỉ trả lời được góp ý đã duyệt công khai.")
    comment.response = response.strip()
    comment.responded_by = actor if comment.response else None
    comment.responded_at = timezone.now() if comment.response else None
    comment.save(update_fields=["response", "responded_by", "responded_at"])
    log(
        comment.consultation,
        "portal.consultation.respond",
        user=actor,
        data={"comment": comment.pk, "reference": comment.reference},
    )
    return comment


def comment_attachment_open(*, comment: DraftComment, actor):
    """Open a comment's private attachment for a moderator of its unit; the access is audit-logged."""
    if not permissions.can_moderate_comments(actor, comment.unit_id):
        raise ConsultationError("Bạn không có quyền xem tệp đính kèm này.")
    if not comment.attachment:
        raise ConsultationError("Góp ý này không có tệp đính kèm.")
    handle = comment.attachment.open("rb")
    log(
        comment.consultation,
        "portal.consultation.attachment",
        user=actor,
        data={"comment": comment.pk, "reference": comment.reference},
    )
    return handle
