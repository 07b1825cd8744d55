"""The catalogue of administrative procedures (thủ tục hành chính) and their online services.

A procedure is one record of the national procedure database (unique national code), owned by
the unit that keeps it up to date and handled by one or more units (a commune-level procedure
is handled by every commune). Its online-service level is derived from capability flags
(`portal.procedures.levels`), never typed by hand.
"""

from django.db import models

from portal.core.text import fold


class GovernmentLevel(models.TextChoices):
    MINISTRY = "ministry", "Cấp bộ"
    PROVINCE = "province", "Cấp tỉnh"
    COMMUNE = "commune", "Cấp xã"


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", "Công dân Việt Nam"
    OVERSEAS = "overseas", "Người Việt Nam định cư ở nước ngoài"
    FOREIGNER = "foreigner", "Người nước ngoài"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    COOPERATIVE = "cooperative", "Hợp tác xã"
    ORGANISATION = "organisation", "Tổ chức (không bao gồm doanh nghiệp, HTX)"
    FOREIGN_ORGANISATION = "foreign_organisation", "Tổ chức nước ngoài"
    PUBLIC_SERVANT = "public_servant", "Cán bộ, công chức, viên chức"
    OTHER = "other", "Đối tượng khác"


class Audience(models.TextChoices):
    """The single-valued grouping of applicant types (L-42-12: organised by user type), so facet counts add up."""

    INDIVIDUAL = "individual", "Cá nhân"
    ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"
    BOTH = "both", "Cá nhân và tổ chức"


INDIVIDUAL_TYPES = {"citizen", "overseas", "foreigner", "public_servant"}


def audience_for(applicant_types) -> str:
    kinds = set(applicant_types or [])
    individual = bool(kinds & INDIVIDUAL_TYPES)
    organisation = bool(kinds - INDIVIDUAL_TYPES - {"other"})
    if individual and organisation:
        return Audience.BOTH
    return Audience.ORGANISATION if organisation else Audience.INDIVIDUAL


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    POST = "post", "Dịch vụ bưu chính"


class Level2011(models.IntegerChoices):
    """NĐ 43/2011 Điều 3 khoản 4 (kept for history and for reports that still ask for it)."""

    L1 = 1, "Mức độ 1"
    L2 = 2, "Mức độ 2"
    L3 = 3, "Mức độ 3"
    L4 = 4, "Mức độ 4"


class Level2022(models.TextChoices):
    """NĐ 42/2022 Điều 11."""

    FULL = "toan_trinh", "Dịch vụ công trực tuyến toàn trình"
    PARTIAL = "mot_phan", "Dịch vụ công trực tuyến một phần"
    NONE = "", "Chỉ cung cấp thông tin"


class ProcedureStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    PUBLISHED = "published", "Đang công khai"
    WITHDRAWN = "withdrawn", "Đã bãi bỏ"


class Field(models.Model):
    """Lĩnh vực: the topic procedures are grouped under (L-42-12 service group)."""

    name = models.CharField("Lĩnh vực", max_length=200, unique=True)
    slug = models.SlugField("Định danh", max_length=200, unique=True)

    class Meta:
        verbose_name = "Lĩnh vực thủ tục"
        verbose_name_plural = "Lĩnh vực thủ tục"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Procedure(models.Model):
    national_code = models.CharField("Mã thủ tục (CSDL quốc gia)", max_length=32, unique=True)
    name = models.TextField("Tên thủ tục")
    name_folded = models.TextField(editable=False, default="", db_index=False)
    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="owned_procedures", verbose_name="Đơn vị quản lý",
        help_text="Đơn vị cập nhật thủ tục và biểu mẫu điện tử.",
    )
    handling_units = models.ManyToManyField(
        "units.Unit", through="ProcedureHandling", related_name="handled_procedures", verbose_name="Đơn vị giải quyết",
    )
    field = models.ForeignKey(Field, on_delete=models.PROTECT, null=True, blank=True, related_name="procedures", verbose_name="Lĩnh vực")
    levels = models.JSONField("Cấp thực hiện", default=list, blank=True, help_text="Danh sách GovernmentLevel.")
    primary_level = models.CharField("Cấp thực hiện chính", max_length=16, choices=GovernmentLevel.choices, db_index=True)
    applicant_types = models.JSONField("Đối tượng thực hiện", default=list, blank=True, help_text="Danh sách ApplicantType.")
    audience = models.CharField("Nhóm đối tượng", max_length=16, choices=Audience.choices, default=Audience.INDIVIDUAL, editable=False, db_index=True)
    competent_agency = models.TextField("Cơ quan có thẩm quyền", blank=True)
    implementing_agency = models.TextField("Cơ quan thực hiện", blank=True)
    decision_number = models.CharField("Quyết định công bố", max_length=64, blank=True)
    steps = models.TextField("Trình tự thực hiện", blank=True)
    channels = models.JSONField("Cách thức thực hiện", default=list, blank=True, help_text="Danh sách {channel, days, fee_text}.")
    time_limit_days = models.PositiveIntegerField("Thời hạn giải quyết (ngày làm việc)", null=True, blank=True)
    time_limit_working_days = models.BooleanField(
        "Thời hạn tính theo ngày làm việc", default=True,
        help_text="Bỏ chọn khi văn bản ghi “ngày” (ngày theo lịch): hạn cuối rơi vào ngày nghỉ thì lùi sang ngày làm việc tiếp theo.",
    )
    time_limit_text = models.CharField("Thời hạn giải quyết (nguyên văn)", max_length=255, blank=True)
    fee_amount = models.PositiveBigIntegerField("Phí, lệ phí (đồng)", default=0)
    fee_text = models.TextField("Phí, lệ phí (mô tả)", blank=True)
    conditions = models.TextField("Yêu cầu, điều kiện", blank=True)
    result = models.TextField("Kết quả thực hiện", blank=True)
    legal_basis = models.TextField("Căn cứ pháp lý", blank=True)
    source_url = models.URLField("Nguồn (Cổng DVC quốc gia)", max_length=500, blank=True)

    # Capabilities: the online-service level follows from these (levels.py).
    online_submission = models.BooleanField("Nộp hồ sơ trực tuyến", default=False)
    online_processing = models.BooleanField("Xử lý hồ sơ trên môi trường mạng", default=False)
    online_payment = models.BooleanField("Thanh toán phí, lệ phí trực tuyến", default=False)
    online_result = models.BooleanField("Trả kết quả trực tuyến", default=False)
    postal_result = models.BooleanField("Trả kết quả qua bưu chính công ích", default=False)
    level_2011 = models.PositiveSmallIntegerField("Mức độ (NĐ 43/2011)", choices=Level2011.choices, default=1, editable=False)
    level_2022 = models.CharField("Mức độ (NĐ 42/2022)", max_length=16, choices=Level2022.choices, blank=True, default="", editable=False)

    form_schema = models.JSONField(
        "Trường của biểu mẫu điện tử", default=list, blank=True,
        help_text="Danh sách {name, label, type (text|textarea|date|number|email|phone|choice), required, choices, help}.",
    )
    status = models.CharField("Trạng thái", max_length=16, choices=ProcedureStatus.choices, default=ProcedureStatus.DRAFT, db_index=True)
    import_problems = models.JSONField("Vấn đề khi nhập", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "primary_level"]), models.Index(fields=["unit", "status"])]

    def __str__(self):
        return f"{self.national_code} – {self.name}"

    def save(self, *args, **kwargs):
        from portal.procedures.levels import procedure_levels

        self.name_folded = fold(self.name)
        self.audience = audience_for(self.applicant_types)
        self.level_2011, self.level_2022 = procedure_levels(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "name_folded", "audience", "level_2011", "level_2022"}
        super().save(*args, **kwargs)

    @property
    def has_fee(self) -> bool:
        return self.fee_amount > 0

    @property
    def accepts_online(self) -> bool:
        return self.status == ProcedureStatus.PUBLISHED and self.online_submission


class ProcedureHandling(models.Model):
    """Which unit handles the procedure, and whether it receives dossiers online for it yet."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="handlings")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="procedure_handlings", verbose_name="Đơn vị")
    online_enabled = models.BooleanField("Nhận hồ sơ trực tuyến", default=False)

    class Meta:
        verbose_name = "Đơn vị giải quyết thủ tục"
        verbose_name_plural = "Đơn vị giải quyết thủ tục"
        constraints = [models.UniqueConstraint(fields=["procedure", "unit"], name="procedures_handling_unique")]

    def __str__(self):
        return f"{self.procedure.national_code} – {self.unit}"


class ProcedurePaper(models.Model):
    """One paper of the dossier (thành phần hồ sơ), with quantities and an optional form to download."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="papers")
    name = models.TextField("Tên giấy tờ")
    originals = models.PositiveSmallIntegerField("Số bản chính", default=0)
    copies = models.PositiveSmallIntegerField("Số bản sao", default=0)
    required = models.BooleanField("Bắt buộc", default=True)
    template_name = models.CharField("Tên mẫu đơn, tờ khai", max_length=255, blank=True)
    template_file = models.FileField("Tệp mẫu đơn", upload_to="procedures/forms/%Y/", blank=True)
    sort_order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        verbose_name = "Thành phần hồ sơ"
        verbose_name_plural = "Thành phần hồ sơ"
        ordering = ["procedure", "sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def quantity_text(self) -> str:
        parts = []
        if self.originals:
            parts.append(f"{self.originals} bản chính")
        if self.copies:
            parts.append(f"{self.copies} bản sao")
        return ", ".join(parts)
