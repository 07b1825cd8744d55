"""Reads of citizen accounts: the profile, the contacts and whether the account may submit dossiers."""

from dataclasses import dataclass

from portal.citizens.constants import ContactChannel
from portal.citizens.models import CitizenProfile


def citizen_profile(user) -> CitizenProfile | None:
    """The user's citizen profile (cached on the user object), or None for anonymous users and staff."""
    if user is None or not user.is_authenticated:
        return None
    try:
        return user.citizen_profile
    except CitizenProfile.DoesNotExist:
        return None


@dataclass(frozen=True)
class Contact:
    channel: str
    label: str
    value: str
    verified_at: object

    @property
    def verified(self) -> bool:
        return self.verified_at is not None


def citizen_contacts(profile: CitizenProfile) -> list[Contact]:
    """The account's e-mail and phone that are set, each with its verified state."""
    return [
        Contact(channel.value, channel.label, profile.contact(channel), profile.verified_at(channel))
        for channel in (ContactChannel.EMAIL, ContactChannel.SMS)
        if profile.contact(channel)
    ]


def citizen_submit_blocker(user) -> str:
    """Why this user may not submit a dossier yet (a sentence for the person), or "" when they may."""
    profile = citizen_profile(user)
    if profile is None or not user.is_active:
        return "Bạn cần đăng nhập bằng tài khoản công dân, doanh nghiệp để nộp hồ sơ trực tuyến."
    contacts = citizen_contacts(profile)
    if not contacts:
        return "Tài khoản cần có thư điện tử hoặc số điện thoại đã xác minh để nhận thông báo về hồ sơ."
    pending = [c.label.lower() for c in contacts if not c.verified]
    if pending:
        return f"Bạn cần xác minh {' và '.join(pending)} của tài khoản trước khi nộp hồ sơ."
    from portal.privacy.selectors import account_consent_active

    if not account_consent_active(user):
        return "Bạn đã rút lại sự đồng ý xử lý dữ liệu cá nhân; hãy đồng ý lại tại “Dữ liệu của tôi” để nộp hồ sơ trực tuyến."
    return ""


def citizen_can_submit(user) -> bool:
    """True when the user is an active citizen account whose every contact (at least one) is verified."""
    return citizen_submit_blocker(user) == ""
