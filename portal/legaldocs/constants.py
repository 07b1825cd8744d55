"""Vocabularies of legal documents (NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm a; NĐ 43/2011/NĐ-CP Điều 10 khoản 6)."""

from django.db import models


class DocumentType(models.TextChoices):
    """Hình thức văn bản (Luật Ban hành VBQPPL; NĐ 30/2020/NĐ-CP for administrative documents)."""

    HIEN_PHAP = "hien-phap", "Hiến pháp"
    BO_LUAT = "bo-luat", "Bộ luật"
    LUAT = "luat", "Luật"
    NGHI_QUYET = "nghi-quyet", "Nghị quyết"
    PHAP_LENH = "phap-lenh", "Pháp lệnh"
    LENH = "lenh", "Lệnh"
    NGHI_DINH = "nghi-dinh", "Nghị định"
    QUYET_DINH = "quyet-dinh", "Quyết định"
    THONG_TU = "thong-tu", "Thông tư"
    THONG_TU_LIEN_TICH = "thong-tu-lien-tich", "Thông tư liên tịch"
    CHI_THI = "chi-thi", "Chỉ thị"
    CONG_VAN = "cong-van", "Công văn"
    KE_HOACH = "ke-hoach", "Kế hoạch"
    THONG_BAO = "thong-bao", "Thông báo"
    HUONG_DAN = "huong-dan", "Hướng dẫn"
    BAO_CAO = "bao-cao", "Báo cáo"
    TO_TRINH = "to-trinh", "Tờ trình"
    VAN_BAN_KHAC = "khac", "Văn bản khác"


class ValidityStatus(models.TextChoices):
    """Tình trạng hiệu lực. Two values are derived from the dates (see ``effective_status``)."""

    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    PARTLY_EXPIRED = "het-hieu-luc-mot-phan", "Hết hiệu lực một phần"
    EXPIRED = "het-hieu-luc-toan-bo", "Hết hiệu lực toàn bộ"
    REPLACED = "bi-thay-the", "Bị thay thế"
    AMENDED = "bi-sua-doi-bo-sung", "Bị sửa đổi, bổ sung"
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"


# How the banner looks: a tone (colour) and an icon; the text always says the status too.
STATUS_TONES = {
    ValidityStatus.IN_FORCE: ("ok", "✓"),
    ValidityStatus.AMENDED: ("ok", "✓"),
    ValidityStatus.PARTLY_EXPIRED: ("warn", "!"),
    ValidityStatus.NOT_YET: ("info", "i"),
    ValidityStatus.EXPIRED: ("bad", "✕"),
    ValidityStatus.REPLACED: ("bad", "✕"),
}

# Editor-set statuses the dates never override: the document is out of force whatever its dates say.
TERMINAL_STATUSES = (ValidityStatus.EXPIRED, ValidityStatus.REPLACED)


class RelationKind(models.TextChoices):
    """How this document relates to another. Stored once, on one side; both sides show it."""

    AMENDS = "sua-doi", "Sửa đổi, bổ sung văn bản"
    REPLACES = "thay-the", "Thay thế văn bản"
    GUIDES = "huong-dan", "Hướng dẫn thi hành văn bản"
    GUIDED_BY = "duoc-huong-dan", "Được hướng dẫn bởi văn bản"
    BASED_ON = "can-cu", "Ban hành căn cứ văn bản"


# (label on the document that holds the relation, label on the other document)
RELATION_LABELS = {
    RelationKind.AMENDS: ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    RelationKind.REPLACES: ("Thay thế", "Bị thay thế bởi"),
    RelationKind.GUIDES: ("Hướng dẫn thi hành", "Được hướng dẫn bởi"),
    RelationKind.GUIDED_BY: ("Được hướng dẫn bởi", "Hướng dẫn thi hành"),
    RelationKind.BASED_ON: ("Căn cứ", "Là căn cứ ban hành của"),
}

# The attributes NĐ 42/2022 Điều 4.1.a requires before a document goes public, with their labels.
MANDATORY_FIELDS = {
    "document_type": "hình thức văn bản",
    "issuing_body": "cơ quan ban hành",
    "number": "số, ký hiệu",
    "issue_date": "ngày ban hành",
    "effective_date": "ngày có hiệu lực",
    "abstract": "trích yếu",
    "field": "lĩnh vực",
}
FILES_LABEL = "tệp văn bản để tải về"

# Suggestions for the issuing body, besides the units of the registry.
NATIONAL_BODIES = (
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Bộ Thông tin và Truyền thông",
    "Bộ Khoa học và Công nghệ",
    "Bộ Công an",
    "Bộ Tư pháp",
    "Bộ Nội vụ",
    "Bộ Tài chính",
    "Hội đồng nhân dân tỉnh Quảng Bình",
    "Ủy ban nhân dân tỉnh Quảng Bình",
    "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình",
)

FIELD_SUGGESTIONS = (
    "Bộ máy hành chính",
    "Công nghệ thông tin",
    "Thông tin, báo chí, xuất bản",
    "Bưu chính, viễn thông",
    "An toàn thông tin, dữ liệu",
    "Tài chính, ngân sách",
    "Đất đai",
    "Xây dựng",
    "Giáo dục, đào tạo",
    "Y tế",
    "Văn hóa, thể thao, du lịch",
    "Tiếp cận thông tin",
)

# Links for L-43-10.7 (the main portal points to the national legal database and the gazette).
NATIONAL_DATABASE_URL = "https://vbpl.vn/"
PROVINCIAL_DATABASE_URL = "https://vbpl.vn/quangbinh/Pages/Home.aspx"
GAZETTE_URL = "https://congbao.quangbinh.gov.vn/"
NATIONAL_GAZETTE_URL = "https://congbao.chinhphu.vn/"

# Attached files: legal documents are published as PDF or Word only.
MAX_FILE_BYTES = 50 * 1024 * 1024
