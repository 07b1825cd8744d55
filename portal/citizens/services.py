"""The one write path for citizen and business accounts: registration, contact verification, profile edits,
password login and accounts brought by an identity provider (VNeID through OpenID Connect).

Every function owns its transaction and writes an audit record when it changes data. Codes are sent
through the notifications outbox after commit; only a keyed hash of a code is ever stored.
"""

import datetime as dt
import hmac
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.log_actions import log as _wagtail_log

from portal.citizens.constants import (
    CODE_DIGITS,
    CODE_LIFETIME,
    CODE_MAX_ATTEMPTS,
    CODES_PER_HOUR,
    CONSENT_PURPOSE,
    CONSENT_TEXT,
    RESEND_COOLDOWN,
    USERNAME_PREFIX,
    AccountKind,
    ContactChannel,
)
from portal.citizens.models import CitizenProfile, ExternalIdentity, VerificationCode
from portal.citizens.validators import (
    email_normalise,
    id_number_validate,
    phone_normalise,
    phone_validate,
)
from portal.moderation.models import ConsentNotice
from portal.moderation.services import consent_notice_current, consent_record
from portal.notifications.services import message_queue

_USERNAME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
_FIELD = {ContactChannel.EMAIL: "email", ContactChannel.SMS: "phone"}


class CitizenError(Exception):
    """Raised with a message meant for the person who acted."""

    def __init__(self, message: str, *, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


class CodeCooldown(CitizenError):
    """A new code was asked for too soon after the previous one."""


# --- helpers -------------------------------------------------------------------------------------------------


def log(instance, action, **kwargs):
    """Wagtail's `log()`, titled with the account's generated username instead of `str(profile)` (the person's
    name): the audit trail is append-only, so it must never hold personal data in the first place."""
    if isinstance(instance, CitizenProfile) and "title" not in kwargs:
        kwargs["title"] = f"Tài khoản {instance.user.get_username()}"
    return _wagtail_log(instance, action, **kwargs)


def consent_notice() -> ConsentNotice:
    """The current privacy notice for accounts; created from the shipped text the first time."""
    try:
        return consent_notice_current(CONSENT_PURPOSE)
    except KeyError:
        pass
    try:
        with transaction.atomic():
            notice, _ = ConsentNotice.objects.get_or_create(purpose=CONSENT_PURPOSE, version=1, defaults={"text": CONSENT_TEXT})
    except IntegrityError:  # two first registrations at once: the other one created it
        notice = ConsentNotice.objects.filter(purpose=CONSENT_PURPOSE).order_by("-version").first()
    return notice


def contact_mask(channel: str, value: str) -> str:
    """What the audit log and the pages show of a contact: '09******78', 'a***@example.com'."""
    if not value:
        return ""
    if channel == ContactChannel.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    return value[:2] + "*" * max(len(value) - 4, 0) + value[-2:]


def _code_hash(user_id: int, channel: str, destination: str, code: str) -> str:
    # Keyed with SECRET_KEY: a leaked table alone does not give the 10^6 candidates away.
    return salted_hmac("portal.citizens.code", f"{user_id}:{channel}:{destination}:{code}", algorithm="sha256").hexdigest()


def _username_new() -> str:
    User = get_user_model()
    while True:
        username = USERNAME_PREFIX + "".join(secrets.choice(_USERNAME_ALPHABET) for _ in range(10))
        if not User.objects.filter(username=username).exists():
            return username


def _live_code_exists(user_id: int, channel: str, destination: str, now: dt.datetime) -> bool:
    return VerificationCode.objects.filter(
        user_id=user_id, channel=channel, destination=destination, used_at__isnull=True, expires_at__gt=now,
        attempts__lt=CODE_MAX_ATTEMPTS,
    ).exists()


def _contact_claim(channel: str, value: str, *, user_id: int | None, now: dt.datetime, proven: bool = False) -> None:
    """Make `value` free for `user_id`, or raise CitizenError when another account holds it.

    An unverified contact does not block anyone for long: once its holder has no live code for it (ten minutes),
    whoever registers it next takes it over, and the first to verify keeps it. A contact an identity provider
    vouches for (`proven`) takes over any unverified holder at once. Verified contacts are never taken.
    """
    field = _FIELD[ContactChannel(channel)]
    holder = CitizenProfile.objects.select_for_update().filter(**{field: value}).exclude(user_id=user_id).first()
    if holder is None:
        return
    verified = holder.verified_at(channel) is not None
    if verified or (not proven and _live_code_exists(holder.user_id, channel, value, now)):
        label = "Thư điện tử" if channel == ContactChannel.EMAIL else "Số điện thoại"
        raise CitizenError(f"{label} này đã được dùng cho một tài khoản khác. Hãy đăng nhập hoặc dùng {label.lower()} khác.", field=field)
    setattr(holder, field, "")
    holder.save(update_fields=[field, "updated_at"])
    log(holder, "portal.citizen.contact_release", data={"channel": channel, "contact": contact_mask(channel, value)})


def _messages(channel: str, code: str) -> tuple[str, str]:
    site = settings.WAGTAIL_SITE_NAME
    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    if channel == ContactChannel.SMS:
        return "", f"Mã xác minh tài khoản dịch vụ công {site}: {code}. Mã có hiệu lực {minutes} phút. Không đưa mã này cho bất kỳ ai."
    subject = f"Mã xác minh tài khoản dịch vụ công: {code}"
    body = (
        f"Xin chào,\n\nMã xác minh thư điện tử cho tài khoản dịch vụ công trên {site} là: {code}\n\n"
        f"Mã có hiệu lực trong {minutes} phút. Không đưa mã này cho bất kỳ ai, kể cả người xưng là cán bộ.\n"
        "Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.\n"
    )
    return subject, body


# --- registration and contacts -------------------------------------------------------------------------------


@transaction.atomic
def citizen_register(
    *,
    kind: str,
    full_name: str,
    password: str,
    email: str = "",
    phone: str = "",
    organisation_name: str = "",
    tax_code: str = "",
    id_number: str = "",
    address: str = "",
    ip_address: str | None = None,
    now: dt.datetime | None = None,
):
    """Create the account (not yet verified), keep the consent evidence and send a code to each contact.

    The caller has checked the form (consent ticked, passwords valid and equal, not a robot, under the rate limit).
    """
    now = now or timezone.now()
    email, phone = email_normalise(email), phone_normalise(phone)
    if not email and not phone:
        raise CitizenError("Hãy nhập thư điện tử hoặc số điện thoại (ít nhất một).", field="email")
    for channel, value in ((ContactChannel.EMAIL, email), (ContactChannel.SMS, phone)):
        if value:
            _contact_claim(channel, value, user_id=None, now=now)
    user = get_user_model().objects.create_user(username=_username_new(), password=password, email="")
    # Citizens never reach the Wagtail admin: no staff flag, no groups, no permissions.
    profile = CitizenProfile(
        user=user,
        kind=kind,
        full_name=full_name.strip(),
        organisation_name=organisation_name.strip() if kind == AccountKind.ORGANISATION else "",
        tax_code=tax_code.strip() if kind == AccountKind.ORGANISATION else "",
        id_number=id_number.strip(),
        email=email,
        phone=phone,
        address=address.strip(),
    )
    try:
        with transaction.atomic():
            profile.save(force_insert=True)
    except IntegrityError as error:  # the same contact registered at the same moment by someone else
        raise CitizenError("Thư điện tử hoặc số điện thoại này vừa được dùng cho một tài khoản khác.", field="email") from error
    consent_record(notice=consent_notice(), name=profile.full_name, email=email, subject_ref=user.username, ip_address=ip_address)
    log(profile, "portal.citizen.register", user=user, data={"kind": kind, "email": bool(email), "phone": bool(phone)})
    for channel, value in ((ContactChannel.SMS, phone), (ContactChannel.EMAIL, email)):
        if value:
            _code_send(profile, channel, now)
    return user


def _code_send(profile: CitizenProfile, channel: str, now: dt.datetime) -> VerificationCode:
    destination = profile.contact(channel)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    # Only the newest code counts; older ones stop working at once.
    VerificationCode.objects.filter(user_id=profile.user_id, channel=channel, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    record = VerificationCode.objects.create(
        user_id=profile.user_id, channel=channel, destination=destination,
        code_hash=_code_hash(profile.user_id, channel, destination, code), created_at=now, expires_at=now + CODE_LIFETIME,
    )
    subject, body = _messages(channel, code)
    message_queue(
        channel="sms" if channel == ContactChannel.SMS else "email", recipient=destination, subject=subject, body=body,
        reference=profile.user.username, event="citizen.verify",
    )
    log(profile, "portal.citizen.code_send", user=profile.user, data={"channel": channel, "contact": contact_mask(channel, destination)})
    return record


@transaction.atomic
def code_send(*, user, channel: str, now: dt.datetime | None = None) -> VerificationCode:
    """Send a new code to the account's contact on `channel` (the “Gửi lại mã” button)."""
    now = now or timezone.now()
    channel = ContactChannel(channel)
    profile = CitizenProfile.objects.select_for_update().select_related("user").get(user=user)
    if not profile.contact(channel):
        raise CitizenError(f"Tài khoản chưa có {channel.label.lower()} để xác minh.")
    if profile.verified_at(channel):
        raise CitizenError(f"{channel.label} của bạn đã được xác minh.")
    last = VerificationCode.objects.filter(user=user, channel=channel).order_by("-created_at").first()
    if last is not None and now - last.created_at < RESEND_COOLDOWN:
        wait = int((RESEND_COOLDOWN - (now - last.created_at)).total_seconds()) + 1
        raise CodeCooldown(f"Mã vừa được gửi. Vui lòng đợi {wait} giây rồi bấm “Gửi lại mã”.")
    sent = VerificationCode.objects.filter(user=user, created_at__gt=now - dt.timedelta(hours=1)).count()
    if sent >= CODES_PER_HOUR:
        raise CodeCooldown("Bạn đã yêu cầu quá nhiều mã trong một giờ. Vui lòng thử lại sau.")
    return _code_send(profile, channel, now)


def code_check(*, user, channel: str, code: str, now: dt.datetime | None = None) -> CitizenProfile:
    """Mark the contact verified when `code` is the newest live code; count a wrong try (five lock the code).

    The count is committed before the error is raised, so it holds even when the caller rolls back.
    """
    outcome, remaining, profile = _code_check(user=user, channel=ContactChannel(channel), code=(code or "").strip(), now=now or timezone.now())
    if outcome == "ok":
        return profile
    lifetime = int(CODE_LIFETIME.total_seconds() // 60)
    messages = {
        "none": "Chưa có mã xác minh còn hiệu lực. Hãy bấm “Gửi lại mã” để nhận mã mới.",
        "expired": f"Mã xác minh đã hết hạn (mã chỉ dùng được trong {lifetime} phút). Hãy bấm “Gửi lại mã” để nhận mã mới.",
        "locked": f"Mã xác minh đã bị khoá vì nhập sai {CODE_MAX_ATTEMPTS} lần. Hãy bấm “Gửi lại mã” để nhận mã mới.",
        "wrong": f"Mã xác minh không đúng. Bạn còn {remaining} lần thử.",
    }
    raise CitizenError(messages[outcome], field="code")


@transaction.atomic
def _code_check(*, user, channel: ContactChannel, code: str, now: dt.datetime):
    profile = CitizenProfile.objects.select_for_update().select_related("user").get(user=user)
    destination = profile.contact(channel)
    if profile.verified_at(channel) and destination:
        return "ok", 0, profile
    record = (
        VerificationCode.objects.select_for_update()
        .filter(user=user, channel=channel, destination=destination, used_at__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )
    if record is None or not destination:
        return "none", 0, profile
    if record.attempts >= CODE_MAX_ATTEMPTS:
        return "locked", 0, profile
    if record.expires_at <= now:
        return "expired", 0, profile
    if not hmac.compare_digest(record.code_hash, _code_hash(user.pk, channel, destination, code)):
        record.attempts += 1
        record.save(update_fields=["attempts"])
        if record.attempts >= CODE_MAX_ATTEMPTS:
            log(profile, "portal.citizen.code_locked", user=user, data={"channel": channel.value})
            return "locked", 0, profile
        return "wrong", CODE_MAX_ATTEMPTS - record.attempts, profile
    record.used_at = now
    record.save(update_fields=["used_at"])
    field = f"{_FIELD[channel]}_verified_at"
    setattr(profile, field, now)
    profile.save(update_fields=[field, "updated_at"])
    log(profile, "portal.citizen.verify", user=user, data={"channel": channel.value, "contact": contact_mask(channel, destination)})
    return "ok", 0, profile


# --- profile ---------------------------------------------------------------------------------------------------


@transaction.atomic
def profile_update(
    *,
    user,
    full_name: str,
    email: str = "",
    phone: str = "",
    organisation_name: str = "",
    tax_code: str = "",
    id_number: str = "",
    address: str = "",
    now: dt.datetime | None = None,
) -> list[str]:
    """Save the account holder's own edits; a new e-mail or phone is unverified until its code is entered.

    Returns the channels that now wait for a code (a code was sent to each).
    """
    now = now or timezone.now()
    profile = CitizenProfile.objects.select_for_update().select_related("user").get(user=user)
    email, phone = email_normalise(email), phone_normalise(phone)
    if not email and not phone:
        raise CitizenError("Tài khoản cần ít nhất một thư điện tử hoặc số điện thoại.", field="email")
    changed_contacts = []
    for channel, value in ((ContactChannel.SMS, phone), (ContactChannel.EMAIL, email)):
        field = _FIELD[channel]
        if value == getattr(profile, field):
            continue
        if value:
            _contact_claim(channel, value, user_id=user.pk, now=now)
        setattr(profile, field, value)
        setattr(profile, f"{field}_verified_at", None)
        if value:
            changed_contacts.append(channel)
    profile.full_name = full_name.strip()
    is_organisation = profile.kind == AccountKind.ORGANISATION
    profile.organisation_name = organisation_name.strip() if is_organisation else ""
    profile.tax_code = tax_code.strip() if is_organisation else ""
    profile.id_number = id_number.strip()
    profile.address = address.strip()
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as error:
        raise CitizenError("Thư điện tử hoặc số điện thoại này vừa được dùng cho một tài khoản khác.", field="email") from error
    log(profile, "portal.citizen.edit", user=user, data={"contacts_changed": [str(c) for c in changed_contacts]})
    for channel in changed_contacts:
        _code_send(profile, channel, now)
    return [str(c) for c in changed_contacts]


# --- login -----------------------------------------------------------------------------------------------------


def citizen_authenticate(identifier: str, password: str):
    """The active citizen account whose e-mail or phone is `identifier` and whose password matches, else None."""
    identifier = (identifier or "").strip()
    if "@" in identifier:
        lookup = {"email": email_normalise(identifier)}
    else:
        lookup = {"phone": phone_normalise(identifier)}
    profile = CitizenProfile.objects.select_related("user").filter(**lookup).first() if next(iter(lookup.values())) else None
    if profile is None:
        # As long as a real check, so the answer time does not tell which contacts have accounts.
        get_user_model()().set_password(password)
        user_login_failed.send(sender=__name__, credentials={"identifier": identifier})
        return None
    user = profile.user
    if user.check_password(password) and user.is_active:
        return user
    # The audit trail records failed logins from Django's signal, as for the admin login.
    user_login_failed.send(sender=__name__, credentials={"identifier": identifier})
    return None


# --- identity providers ------------------------------------------------------------------------------------------


def _identity_contacts(profile: CitizenProfile, claims, now: dt.datetime) -> list[str]:
    """Take the contacts the provider vouches for as verified, unless another account has them verified."""
    fields = []
    for channel, value in ((ContactChannel.SMS, phone_normalise(claims.phone)), (ContactChannel.EMAIL, email_normalise(claims.email))):
        field = _FIELD[channel]
        if not value or (getattr(profile, field) == value and profile.verified_at(channel)):
            continue
        if channel == ContactChannel.SMS and not _valid(phone_validate, value):
            continue
        if getattr(profile, field) and profile.verified_at(channel):
            continue  # keep the contact the holder verified themselves
        try:
            _contact_claim(channel, value, user_id=profile.user_id, now=now, proven=True)
        except CitizenError:
            continue
        setattr(profile, field, value)
        setattr(profile, f"{field}_verified_at", now)
        fields += [field, f"{field}_verified_at"]
    return fields


def _valid(validator, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


@transaction.atomic
def identity_login(*, provider: str, claims, now: dt.datetime | None = None):
    """The account for a person the identity provider has authenticated: linked before, found by a verified
    contact the provider vouches for, or created. Identity data from the provider replaces what was typed."""
    now = now or timezone.now()
    if not claims.subject:
        raise CitizenError("Nhà cung cấp định danh không trả về mã định danh.")
    link = ExternalIdentity.objects.select_for_update().select_related("user").filter(provider=provider, subject=claims.subject).first()
    action = "portal.citizen.identity_login"
    if link is None:
        profile = _profile_by_verified_contact(claims)
        if profile is None:
            user = get_user_model().objects.create_user(username=_username_new(), password=None, email="")
            profile = CitizenProfile(user=user, kind=AccountKind.INDIVIDUAL, full_name=(claims.full_name or "").strip() or "Người dùng định danh")
            profile.save(force_insert=True)
            action = "portal.citizen.identity_create"
        else:
            action = "portal.citizen.identity_link"
        link = ExternalIdentity.objects.create(provider=provider, subject=claims.subject, user=profile.user)
    profile = CitizenProfile.objects.select_for_update().select_related("user").filter(user_id=link.user_id).first()
    if profile is None:
        raise CitizenError("Tài khoản liên kết với định danh này không phải tài khoản công dân, doanh nghiệp.")
    if not profile.user.is_active:
        raise CitizenError("Tài khoản liên kết với định danh này đã bị khoá.")
    fields = _identity_contacts(profile, claims, now)
    id_number = (claims.id_number or "").strip()
    if id_number and not _valid(id_number_validate, id_number):
        id_number = ""
    for field, value in (("full_name", (claims.full_name or "").strip()), ("id_number", id_number), ("birth_date", claims.birth_date)):
        if value and getattr(profile, field) != value:
            setattr(profile, field, value)
            fields.append(field)
    if fields:
        profile.save(update_fields=[*fields, "updated_at"])
    link.last_login_at = now
    link.save(update_fields=["last_login_at"])
    log(profile, action, user=profile.user, data={"provider": provider, "updated": sorted(set(fields))})
    return profile.user


def _profile_by_verified_contact(claims) -> CitizenProfile | None:
    phone, email = phone_normalise(claims.phone), email_normalise(claims.email)
    for field, value in (("phone", phone), ("email", email)):
        if value:
            profile = (
                CitizenProfile.objects.filter(**{field: value, f"{field}_verified_at__isnull": False})
                .exclude(user__external_identities__isnull=False)
                .first()
            )
            if profile is not None:
                return profile
    return None
