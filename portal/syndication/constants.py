from django.db import models


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Chờ Ban biên tập Trang chính xem xét"
    ACCEPTED = "accepted", "Đã đưa lên Trang chính"
    DECLINED = "declined", "Không đưa lên Trang chính"
    WITHDRAWN = "withdrawn", "Đơn vị đã rút đề nghị"


# Lifecycle as data: what may follow what.
ALLOWED_TRANSITIONS = {
    ProposalStatus.PENDING: {ProposalStatus.ACCEPTED, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN},
    ProposalStatus.ACCEPTED: {ProposalStatus.WITHDRAWN},
    ProposalStatus.DECLINED: set(),
    ProposalStatus.WITHDRAWN: set(),
}
