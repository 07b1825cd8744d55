"""Reads of personal data: the privacy notice that applies on a site, everything stored about one account
(“Dữ liệu của tôi” and its machine-readable export), the staff queue of requests.

Questions, comments and messages are not tied to an account; they belong to the person when they were sent
from or to one of the account's *verified* contacts (an unverified contact proves nothing).
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from portal.privacy.constants import OPEN_REQUEST_STATUSES
from portal.privacy.models import DataSubjectRequest, PrivacyNotice


def notice_for_unit(unit) -> PrivacyNotice | None:
    """The unit's newest published notice; else the main portal's (a unit inherits the province's policy)."""
    from portal.units.services import unit_main

    now = timezone.now()
    for candidate in (unit, unit_main()):
        if candidate is None:
            continue
        notice = PrivacyNotice.objects.filter(unit=candidate, published_at__lte=now).order_by("-version").first()
        if notice is not None:
            return notice
    return None


def verified_contacts(profile) -> dict[str, str]:
    contacts = {}
    if profile.email and profile.email_verified_at:
        contacts["email"] = profile.email
    if profile.phone and profile.phone_verified_at:
        contacts["phone"] = profile.phone
    return contacts


def _phone_forms(phone: str) -> list[str]:
    """The ways a phone may have been typed on public forms: 0912345678, 0912 345 678."""
    if not phone:
        return []
    spaced = f"{phone[:4]} {phone[4:7]} {phone[7:]}" if len(phone) == 10 else phone
    return sorted({phone, spaced})


def person_questions(profile):
    from portal.interaction.models import Question

    contacts = verified_contacts(profile)
    match = Q(pk__in=[])
    if "email" in contacts:
        match |= Q(asker_email__iexact=contacts["email"])
    if "phone" in contacts:
        match |= Q(asker_phone__in=_phone_forms(contacts["phone"]))
    return Question.objects.filter(match).select_related("unit").order_by("received_at")


def person_comments(profile):
    from portal.consultation.models import DraftComment

    email = verified_contacts(profile).get("email")
    if not email:
        return DraftComment.objects.none()
    return DraftComment.objects.filter(email__iexact=email).select_related("consultation").order_by("created_at")


def person_messages(profile):
    from portal.notifications.models import Message

    recipients = list(verified_contacts(profile).values())
    return Message.objects.filter(Q(recipient__in=recipients) | Q(reference=profile.user.username)).order_by("created_at")


def person_consents(profile):
    from portal.moderation.models import ConsentRecord

    match = Q(subject_ref=profile.user.username)
    email = verified_contacts(profile).get("email")
    if email:
        match |= Q(subject_email__iexact=email)
    return ConsentRecord.objects.filter(match).select_related("notice").order_by("given_at")


def account_consent_active(user) -> bool:
    """True while the account's consent (given at registration) has not been withdrawn."""
    from portal.citizens.constants import CONSENT_PURPOSE
    from portal.moderation.models import ConsentRecord

    records = ConsentRecord.objects.filter(subject_ref=user.get_username(), notice__purpose=CONSENT_PURPOSE)
    latest = records.order_by("-given_at", "-pk").first()
    # Accounts created by an identity provider or before consent records existed have no record: nothing withdrawn.
    return latest is None or latest.withdrawn_at is None


def _when(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _row(obj, fields) -> dict:
    return {name: _when(getattr(obj, name)) for name in fields}


def person_data(user) -> dict:
    """Everything stored about the account holder, grouped by kind; the export is this, as JSON."""
    from portal.dossiers.models import Dossier
    from portal.payments.models import Payment

    profile = user.citizen_profile
    data = {
        "tai_khoan": {
            "ten_dang_nhap": user.get_username(),
            "tao_luc": _when(user.date_joined),
            "dang_nhap_gan_nhat": _when(user.last_login),
            **_row(profile, ("kind", "full_name", "organisation_name", "tax_code", "id_number", "birth_date", "phone", "email",
                             "phone_verified_at", "email_verified_at", "address", "created_at", "updated_at")),
        },
        "ma_xac_minh": [
            _row(code, ("channel", "destination", "created_at", "expires_at", "attempts", "used_at"))
            for code in user.verification_codes.order_by("created_at")
        ],
        "dinh_danh_lien_ket": [
            _row(identity, ("provider", "subject", "created_at", "last_login_at")) for identity in user.external_identities.order_by("pk")
        ],
        "dong_y": [
            {**_row(record, ("subject_name", "subject_email", "subject_ref", "channel", "ip_address", "given_at", "withdrawn_at",
                             "notice_sha256")),
             "muc_dich": record.notice.purpose, "phien_ban": record.notice.version}
            for record in person_consents(profile)
        ],
        "ho_so": [],
        "thanh_toan": [
            {**_row(payment, ("order_ref", "amount", "status", "gateway", "transaction_id", "created_at", "paid_at")),
             "ho_so": payment.dossier.code}
            for payment in Payment.objects.filter(Q(payer=user) | Q(dossier__applicant=user)).select_related("dossier").distinct().order_by("pk")
        ],
        "cau_hoi_phan_anh": [
            {**_row(question, ("code", "kind", "title", "content", "asker_name", "asker_email", "asker_phone", "asker_address",
                               "received_at", "status", "answer", "answered_at")),
             "don_vi": question.unit.display_name, "tep_dinh_kem": question.attachment.name or ""}
            for question in person_questions(profile)
        ],
        "gop_y_du_thao": [
            {**_row(comment, ("reference", "name", "email", "organisation", "content", "attachment_name", "status", "created_at",
                              "ip_address", "response")),
             "du_thao": comment.consultation.title}
            for comment in person_comments(profile)
        ],
        "thong_bao_da_gui": [
            _row(message, ("channel", "recipient", "subject", "body", "reference", "status", "created_at", "sent_at"))
            for message in person_messages(profile)
        ],
        "yeu_cau_ve_du_lieu": [
            _row(item, ("kind", "channel", "requester_name", "requester_contact", "details", "status", "received_at", "ack_due",
                        "complete_due", "extended_until", "completed_at", "outcome"))
            for item in user.data_subject_requests.order_by("received_at")
        ],
    }
    dossiers = (
        Dossier.objects.filter(applicant=user)
        .select_related("procedure", "handling_unit", "receiving_unit", "rating")
        .prefetch_related("files", "events")
        .order_by("created_at")
    )
    for dossier in dossiers:
        row = _row(dossier, ("code", "status", "channel", "applicant_name", "applicant_id_number", "applicant_phone", "applicant_email",
                             "applicant_address", "form_data", "result_delivery", "postal_address", "fee_amount", "created_at",
                             "submitted_at", "received_at", "appointment_date", "resolved_at", "returned_at", "result_summary"))
        row["thu_tuc"] = dossier.procedure.name
        row["don_vi_giai_quyet"] = dossier.handling_unit.display_name
        row["tep"] = [_row(f, ("kind", "original_name", "content_type", "size", "uploaded_at")) for f in dossier.files.all()]
        row["dien_bien"] = [
            {**_row(e, ("action", "from_status", "to_status", "at", "note")), "nguoi_thuc_hien": e.actor_name if e.actor_id == user.pk else ""}
            for e in dossier.events.all()
        ]
        rating = getattr(dossier, "rating", None)
        if rating is not None:
            row["danh_gia"] = _row(rating, ("rating", "comment", "rated_at"))
        data["ho_so"].append(row)
    return data


def request_queue(unit_ids=None):
    """Requests, open ones first by deadline; `unit_ids` None means every unit (operator)."""
    queryset = DataSubjectRequest.objects.select_related("unit")
    if unit_ids is not None:
        queryset = queryset.filter(unit_id__in=unit_ids)
    return queryset


def open_requests(unit_ids=None):
    return request_queue(unit_ids).filter(status__in=OPEN_REQUEST_STATUSES)
