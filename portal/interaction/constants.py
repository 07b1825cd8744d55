from django.db import models


class QuestionKind(models.TextChoices):
    QUESTION = "question", "Câu hỏi"  # asks how a rule or procedure applies
    FEEDBACK = "feedback", "Phản ánh, kiến nghị"  # reports a problem or proposes a change


# Tracking-code prefix per kind: "HD-260130-7K3Q" (hỏi đáp), "PA-…" (phản ánh, kiến nghị).
CODE_PREFIX = {QuestionKind.QUESTION: "HD", QuestionKind.FEEDBACK: "PA"}
# No 0/O, 1/I/L, 5/S or 8/B: codes are read aloud over the phone and copied by hand.
CODE_ALPHABET = "2345679ACDEFGHJKMNPQRTUVWXYZ"
CODE_RANDOM_LENGTH = 4
CODE_PATTERN = r"(?:HD|PA)-\d{6}-[" + CODE_ALPHABET + r"]{4}"


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận"  # sent by the citizen, nobody assigned yet
    ASSIGNED = "assigned", "Đang xử lý"  # a board member is preparing the answer
    ANSWERED = "answered", "Đã trả lời"  # answered, visible to the asker through the lookup only
    PUBLISHED = "published", "Đã đăng công khai"  # question and answer shown on the site
    CLOSED = "closed", "Không thuộc phạm vi trả lời"  # out of scope: complaint, denunciation, another agency
    REJECTED = "rejected", "Không tiếp nhận (vi phạm)"  # spam or NĐ 72/2013 Điều 5 violation


# Lifecycle as data: what may follow what. ASSIGNED → ASSIGNED is a reassignment and
# ANSWERED → ANSWERED a corrected answer before publishing.
ALLOWED_TRANSITIONS = {
    QuestionStatus.RECEIVED: {QuestionStatus.ASSIGNED, QuestionStatus.CLOSED, QuestionStatus.REJECTED},
    QuestionStatus.ASSIGNED: {QuestionStatus.ASSIGNED, QuestionStatus.ANSWERED, QuestionStatus.CLOSED, QuestionStatus.REJECTED},
    QuestionStatus.ANSWERED: {QuestionStatus.ANSWERED, QuestionStatus.PUBLISHED, QuestionStatus.ASSIGNED},
    QuestionStatus.PUBLISHED: {QuestionStatus.ANSWERED},
    QuestionStatus.CLOSED: set(),
    QuestionStatus.REJECTED: set(),
}

# Waiting for an answer: these count towards "overdue" (quá hạn) once the due date has passed.
OPEN_STATUSES = (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)


class ClosingTemplate(models.TextChoices):
    """Why a message is not answered here; each has a default explanation the board may edit before sending."""

    COMPLAINT = "khieu-nai", "Khiếu nại (Luật Khiếu nại 2011)"
    DENUNCIATION = "to-cao", "Tố cáo (Luật Tố cáo 2018)"
    OTHER_AGENCY = "co-quan-khac", "Thuộc thẩm quyền cơ quan khác"
    OTHER = "khac", "Nội dung không thuộc phạm vi hỏi đáp"


CLOSING_TEXTS = {
    ClosingTemplate.COMPLAINT: (
        "Nội dung bạn gửi là khiếu nại đối với quyết định hành chính hoặc hành vi hành chính. Theo Luật Khiếu nại năm 2011, "
        "khiếu nại phải được gửi bằng đơn (hoặc trình bày trực tiếp) đến người có thẩm quyền giải quyết, kèm họ tên, địa chỉ, "
        "nội dung, lý do và tài liệu liên quan; chuyên mục hỏi đáp trên Cổng không thay thế thủ tục này. "
        "Đề nghị bạn gửi đơn khiếu nại đến cơ quan đã ban hành quyết định hoặc có người thực hiện hành vi bị khiếu nại."
    ),
    ClosingTemplate.DENUNCIATION: (
        "Nội dung bạn gửi là tố cáo hành vi vi phạm pháp luật. Theo Luật Tố cáo năm 2018, tố cáo phải được gửi bằng đơn "
        "hoặc trình bày trực tiếp tại cơ quan, tổ chức có thẩm quyền, ghi rõ họ tên, địa chỉ của người tố cáo để cơ quan "
        "giải quyết và bảo vệ người tố cáo theo quy định; chuyên mục hỏi đáp trên Cổng không tiếp nhận tố cáo. "
        "Đề nghị bạn liên hệ Ban Tiếp công dân hoặc cơ quan thanh tra có thẩm quyền."
    ),
    ClosingTemplate.OTHER_AGENCY: (
        "Nội dung bạn gửi thuộc thẩm quyền giải quyết của {agency}. Đề nghị bạn gửi câu hỏi, phản ánh đến cơ quan này "
        "để được trả lời đúng thẩm quyền."
    ),
    ClosingTemplate.OTHER: (
        "Nội dung bạn gửi không thuộc phạm vi tiếp nhận của chuyên mục hỏi đáp, phản ánh, kiến nghị trên trang này."
    ),
}
