"""Dossier states and the transition table (TT 01/2018/TT-VPCP, NĐ 61/2018 → NĐ 118/2025)."""

from django.db import models


class DossierStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    SUBMITTED = "submitted", "Đã nộp, chờ tiếp nhận"
    SUPPLEMENT_REQUESTED = "supplement_requested", "Chờ bổ sung trước khi tiếp nhận"
    REFUSED = "refused", "Từ chối tiếp nhận"
    RECEIVED = "received", "Đã tiếp nhận"
    PROCESSING = "processing", "Đang giải quyết"
    SUSPENDED = "suspended", "Tạm dừng, chờ người nộp bổ sung"
    RESULT_READY = "result_ready", "Đã có kết quả, chờ trả"
    RETURNED = "returned", "Đã trả kết quả"
    WITHDRAWN = "withdrawn", "Đã rút hồ sơ"


class EventAction(models.TextChoices):
    SUBMIT = "submit", "Nộp hồ sơ"
    RECEIVE = "receive", "Tiếp nhận hồ sơ (Mẫu 01)"
    REQUEST_SUPPLEMENT = "request_supplement", "Yêu cầu bổ sung, hoàn thiện (Mẫu 02)"
    SUPPLEMENT = "supplement", "Bổ sung hồ sơ"
    REFUSE = "refuse", "Từ chối tiếp nhận, giải quyết (Mẫu 03)"
    START = "start", "Chuyển xử lý"
    TRANSFER = "transfer", "Chuyển đơn vị giải quyết (Mẫu 05)"
    SUSPEND = "suspend", "Tạm dừng tính thời hạn"
    RESUME = "resume", "Tiếp tục tính thời hạn"
    RESULT = "result", "Có kết quả giải quyết"
    RETURN = "return", "Trả kết quả"
    WITHDRAW = "withdraw", "Rút hồ sơ"
    APOLOGISE = "apologise", "Xin lỗi và hẹn lại ngày trả (Mẫu 04)"
    PAY = "pay", "Thanh toán phí, lệ phí"
    RATE = "rate", "Đánh giá mức độ hài lòng"


S = DossierStatus
OPEN_STATUSES = (S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.RECEIVED, S.PROCESSING, S.SUSPENDED, S.RESULT_READY)
CLOCK_RUNNING = (S.RECEIVED, S.PROCESSING)
IN_HAND = (S.RECEIVED, S.PROCESSING, S.SUSPENDED)  # received and not yet resolved: deadlines matter

# action → (states it may start from, state it leads to; None keeps the state)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    EventAction.SUBMIT: ((S.DRAFT,), S.SUBMITTED),
    EventAction.RECEIVE: ((S.SUBMITTED,), S.RECEIVED),
    EventAction.REQUEST_SUPPLEMENT: ((S.SUBMITTED, S.RECEIVED, S.PROCESSING), None),  # → SUPPLEMENT_REQUESTED or SUSPENDED
    EventAction.SUPPLEMENT: ((S.SUPPLEMENT_REQUESTED, S.SUSPENDED), None),  # → SUBMITTED or PROCESSING
    EventAction.REFUSE: ((S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.RECEIVED, S.PROCESSING), S.REFUSED),
    EventAction.START: ((S.RECEIVED,), S.PROCESSING),
    EventAction.TRANSFER: ((S.RECEIVED, S.PROCESSING), S.PROCESSING),
    EventAction.SUSPEND: ((S.RECEIVED, S.PROCESSING), S.SUSPENDED),
    EventAction.RESUME: ((S.SUSPENDED,), S.PROCESSING),
    EventAction.RESULT: ((S.RECEIVED, S.PROCESSING), S.RESULT_READY),
    EventAction.RETURN: ((S.RESULT_READY,), S.RETURNED),
    EventAction.WITHDRAW: ((S.DRAFT, S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.RECEIVED, S.PROCESSING, S.SUSPENDED), S.WITHDRAWN),
    EventAction.APOLOGISE: ((S.RECEIVED, S.PROCESSING, S.SUSPENDED), None),
    EventAction.PAY: ((S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.RECEIVED, S.PROCESSING, S.SUSPENDED, S.RESULT_READY), None),
    EventAction.RATE: ((S.RETURNED,), None),
}

# What the citizen is told to do next, by state.
NEXT_STEP = {
    S.DRAFT: "Hoàn thiện tờ khai và bấm “Nộp hồ sơ”.",
    S.SUBMITTED: "Bộ phận một cửa kiểm tra hồ sơ và tiếp nhận hoặc hướng dẫn bổ sung.",
    S.SUPPLEMENT_REQUESTED: "Bổ sung giấy tờ theo phiếu yêu cầu (Mẫu 02) trong tài khoản của bạn.",
    S.REFUSED: "Hồ sơ không được tiếp nhận; xem lý do trong phiếu từ chối (Mẫu 03).",
    S.RECEIVED: "Hồ sơ đã được tiếp nhận và sẽ được chuyển đơn vị giải quyết.",
    S.PROCESSING: "Đơn vị đang giải quyết hồ sơ; kết quả dự kiến vào ngày hẹn.",
    S.SUSPENDED: "Thời hạn tạm dừng: bổ sung giấy tờ theo yêu cầu để tiếp tục giải quyết.",
    S.RESULT_READY: "Đã có kết quả: nhận theo hình thức bạn đã chọn.",
    S.RETURNED: "Đã trả kết quả. Mời bạn đánh giá mức độ hài lòng.",
    S.WITHDRAWN: "Hồ sơ đã rút theo đề nghị của người nộp.",
}


class SubmissionChannel(models.TextChoices):
    ONLINE = "online", "Trực tuyến"
    IN_PERSON = "in_person", "Trực tiếp"
    POST = "post", "Bưu chính"


class ResultDelivery(models.TextChoices):
    IN_PERSON = "in_person", "Nhận trực tiếp"
    POST = "post", "Qua dịch vụ bưu chính công ích"
    ONLINE = "online", "Trực tuyến (tải về sau khi đăng nhập)"


class FileKind(models.TextChoices):
    PAPER = "paper", "Giấy tờ trong hồ sơ"
    SUPPLEMENT = "supplement", "Giấy tờ bổ sung"
    RESULT = "result", "Kết quả giải quyết"


class Rating(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", "Rất hài lòng"
    SATISFIED = "satisfied", "Hài lòng"
    DISSATISFIED = "dissatisfied", "Không hài lòng"


class Timeliness(models.TextChoices):
    EARLY = "early", "Trước hạn"
    ON_TIME = "on_time", "Đúng hạn"
    LATE = "late", "Quá hạn"
