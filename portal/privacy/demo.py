"""Demo: the province's privacy notice (unit sites inherit it), one open data-subject request, one recorded breach.

Idempotent: nothing is added when the main portal already has a notice, a demo request or a demo breach.
"""

import datetime as dt

from django.db import transaction

from portal.privacy import services
from portal.privacy.constants import RequestChannel, RequestKind
from portal.privacy.models import DataSubjectRequest, PersonalDataBreach, PrivacyNotice
from portal.privacy.notice import DEFAULT_DATA_KINDS, DEFAULT_PURPOSES, DEFAULT_SHARING

DEMO_REQUESTER = "Trần Văn Demo"
DEMO_BREACH = "Trình diễn: một tệp danh sách người gửi phản ánh bị gửi nhầm địa chỉ thư điện tử nội bộ."


def seed(units, users, now, out) -> int:
    main = units.get("main")
    if main is None:
        return 0
    created = 0
    with transaction.atomic():
        if not PrivacyNotice.objects.filter(unit=main).exists():
            services.notice_publish(
                unit=main, purposes=DEFAULT_PURPOSES, data_kinds=DEFAULT_DATA_KINDS, sharing=DEFAULT_SHARING,
                extra="Các trang thành phần áp dụng chính sách này, trừ khi đơn vị ban hành chính sách riêng.",
                published_at=now - dt.timedelta(days=30),
            )
            created += 1
        if not DataSubjectRequest.objects.filter(requester_name=DEMO_REQUESTER).exists():
            services.request_create(
                unit=main, kind=RequestKind.DELETE, channel=RequestChannel.PAPER, requester_name=DEMO_REQUESTER,
                requester_contact="Thôn Demo, xã Bảo Ninh", details="Đề nghị xoá câu hỏi đã gửi năm trước.",
                received_at=now - dt.timedelta(days=3),
            )
            created += 1
        if not PersonalDataBreach.objects.filter(description=DEMO_BREACH).exists():
            services.breach_record(
                unit=main, detected_at=now - dt.timedelta(days=5), description=DEMO_BREACH,
                categories="Họ tên, thư điện tử", affected_count=12, measures="Thu hồi thư, đổi quy trình gửi danh sách.",
                notified_authority_at=now - dt.timedelta(days=4), closed_at=now - dt.timedelta(days=2),
            )
            created += 1
    out(f"  Bảo vệ dữ liệu cá nhân: {created} mục mới")
    return created
