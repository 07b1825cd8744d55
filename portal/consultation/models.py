import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.consultation.constants import ConsultationStatus
from portal.consultation.forms import ConsultationPageForm
from portal.core.uploads import DOC, DOCX, PDF
from portal.moderation.constants import ModerationStatus, ViolationCategory
from portal.pages.models import RICH_TEXT_FEATURES, UnitOwnedPage

# What a draft and its response report may be published as (checked by content, not by name).
DRAFT_FILE_KINDS = (PDF, DOC, DOCX)


def private_storage():
    """Citizens' attachments: never under MEDIA_URL, only through the permission-checked admin view."""
    return storages["private"]


def comment_upload_to(instance, filename: str) -> str:
    # A random name: the citizen's file name may itself carry personal data; it is kept in attachment_name.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"gop-y-du-thao/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def rich_text_blank(value: str | None) -> bool:
    """True for rich text with nothing to read: the editor saves an empty field as ``<p data-block-key=…></p>``."""
    value = value or ""
    if "<embed" in value or "<img" in value:
        return False
    return not strip_tags(value).replace("&nbsp;", " ").strip()


def local_text(moment: dt.datetime) -> str:
    """“HH:MM ngày dd/mm/yyyy” in the portal's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localtime(moment).strftime("%H:%M ngày %d/%m/%Y")


class ConsultationIndexPage(UnitOwnedPage):
    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    template = "consultation/consultation_index_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = ["consultation.ConsultationPage"]

    class Meta:
        verbose_name = "Trang Lấy ý kiến dự thảo"

    def get_context(self, request, *args, **kwargs):
        from portal.consultation import selectors
        from portal.pages.models import paginate

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["now"] = now
        consultations = paginate(request, selectors.consultation_listing(self, now=now))
        context["consultations"] = consultations
        context["groups"] = selectors.group_by_status(consultations.object_list, now=now)
        return context


class ConsultationPage(UnitOwnedPage):
    """One draft legal document or policy open for public comment (NĐ 42/2022 Điều 8; Luật BHVBQPPL)."""

    base_form_class = ConsultationPageForm

    summary = models.TextField("Tóm tắt dự thảo", help_text="Nội dung chính, phạm vi điều chỉnh, đối tượng áp dụng của dự thảo.")
    body = RichTextField(
        "Toàn văn dự thảo", features=RICH_TEXT_FEATURES, blank=True,
        help_text="Nhập toàn văn hoặc đính kèm tệp dự thảo bên dưới (ít nhất một trong hai).",
    )
    legal_basis = models.TextField("Căn cứ pháp lý", blank=True)
    drafting_unit_name = models.CharField(
        "Cơ quan chủ trì soạn thảo, tiếp nhận góp ý", max_length=255, blank=True,
        help_text="Để trống để dùng tên đơn vị của trang.",
    )
    receiving_address = models.CharField(
        "Địa chỉ nhận góp ý", max_length=255, blank=True, help_text="Để trống để dùng địa chỉ của đơn vị."
    )
    receiving_email = models.EmailField(
        "Thư điện tử nhận góp ý", blank=True, help_text="Để trống để dùng thư điện tử của đơn vị. Góp ý mới được báo về địa chỉ này."
    )
    opens_at = models.DateTimeField("Bắt đầu lấy ý kiến", db_index=True)
    closes_at = models.DateTimeField(
        "Hết hạn góp ý", db_index=True,
        help_text="Sau thời điểm này biểu mẫu góp ý tự đóng. Thời gian lấy ý kiến tối thiểu theo quy định hiện hành "
        "(tham số “consultation.min_open_days”): trang quản trị sẽ cảnh báo nếu ngắn hơn.",
    )
    report_body = RichTextField(
        "Báo cáo tổng hợp, tiếp thu, giải trình", features=RICH_TEXT_FEATURES, blank=True,
        help_text="Chỉ đăng được sau khi hết hạn góp ý.",
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp báo cáo tổng hợp", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="PDF, DOC hoặc DOCX.",
    )

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body"), index.FilterField("unit")]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("documents", heading="Tệp dự thảo (PDF, DOC, DOCX)", label="Tệp dự thảo"),
        FieldPanel("legal_basis"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])],
            heading="Thời gian lấy ý kiến (giờ Việt Nam)",
        ),
        MultiFieldPanel(
            [FieldPanel("drafting_unit_name"), FieldPanel("receiving_address"), FieldPanel("receiving_email")],
            heading="Cơ quan tiếp nhận góp ý",
        ),
        MultiFieldPanel(
            [FieldPanel("report_body"), FieldPanel("report_document")],
            heading="Sau khi kết thúc: báo cáo tổng hợp, tiếp thu, giải trình",
        ),
    ]
    template = "consultation/consultation_page.html"
    parent_page_types = ["consultation.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Dự thảo lấy ý kiến"
        verbose_name_plural = "Dự thảo lấy ý kiến"

    # --- state from the clock ---------------------------------------------------------------

    def status_at(self, now: dt.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return ConsultationStatus.UPCOMING
        if now < self.closes_at:
            return ConsultationStatus.OPEN
        return ConsultationStatus.CLOSED

    @property
    def status(self) -> str:
        return self.status_at()

    def status_label(self) -> str:
        return ConsultationStatus(self.status).label

    def days_left(self, now: dt.datetime | None = None) -> int:
        """Calendar days from today to the closing day (0: closes today)."""
        now = now or timezone.now()
        return (timezone.localdate(self.closes_at) - timezone.localdate(now)).days

    def refusal_message(self, now: dt.datetime | None = None) -> str:
        """Why a comment cannot be sent now, or "" while the consultation is open."""
        status = self.status_at(now)
        if status == ConsultationStatus.UPCOMING:
            return f"Chưa đến thời gian lấy ý kiến: bắt đầu nhận góp ý từ {local_text(self.opens_at)}."
        if status == ConsultationStatus.CLOSED:
            return f"Đã hết thời hạn góp ý từ {local_text(self.closes_at)}."
        return ""

    # --- who receives the comments (defaults from the unit) -----------------------------------

    @property
    def receiving_unit_name(self) -> str:
        return self.drafting_unit_name or (self.unit.display_name if self.unit else "")

    @property
    def receiving_address_display(self) -> str:
        return self.receiving_address or (self.unit.address if self.unit else "")

    @property
    def receiving_email_display(self) -> str:
        return self.receiving_email or (self.unit.email if self.unit else "")

    # --- the response report -------------------------------------------------------------------

    @property
    def has_report(self) -> bool:
        return bool(not rich_text_blank(self.report_body) or self.report_document_id)

    def report_available(self, now: dt.datetime | None = None) -> bool:
        """A report is public only once the consultation has closed, whatever was saved."""
        return self.has_report and self.status_at(now) == ConsultationStatus.CLOSED

    # --- minimum window -------------------------------------------------------------------------

    def min_open_days(self) -> int | None:
        from portal.rules.services import MissingRule, rule_value

        if not self.opens_at:
            return None
        try:
            return int(rule_value("consultation.min_open_days", on=timezone.localdate(self.opens_at)))
        except MissingRule:
            return None

    def window_warning(self) -> str:
        """A warning (never a block) when the window is shorter than the law in force on the opening day asks."""
        if not (self.opens_at and self.closes_at) or self.closes_at <= self.opens_at:
            return ""
        minimum = self.min_open_days()
        if minimum is None:
            return ""
        length = self.closes_at - self.opens_at
        if length >= dt.timedelta(days=minimum):
            return ""
        days = length.total_seconds() / 86400
        return (
            f"Thời gian lấy ý kiến của “{self.title}” chỉ khoảng {days:.0f} ngày, ngắn hơn mức tối thiểu {minimum} ngày "
            f"áp dụng từ ngày {timezone.localdate(self.opens_at):%d/%m/%Y}. Hãy kiểm tra lại nếu không có lý do rút ngắn."
        )

    # --- validation -----------------------------------------------------------------------------

    def clean(self):
        super().clean()
        # Stored empty, so "no report" is one indexed comparison in listings and checks.
        if rich_text_blank(self.report_body):
            self.report_body = ""
        if rich_text_blank(self.body):
            self.body = ""
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "Thời điểm hết hạn góp ý phải sau thời điểm bắt đầu lấy ý kiến."
        if self.has_report and self.closes_at and timezone.now() < self.closes_at:
            errors["report_body"] = (
                f"Chỉ đăng được báo cáo tổng hợp, tiếp thu, giải trình sau khi hết hạn góp ý ({local_text(self.closes_at)})."
            )
        if self.report_document_id:
            problem = document_problem(self.report_document)
            if problem:
                errors["report_document"] = problem
        if errors:
            raise ValidationError(errors)

    # --- serving -------------------------------------------------------------------------------

    def get_context(self, request, *args, form=None, refusal="", **kwargs):
        from portal.consultation import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.consultation_context(self, request, form=form, refusal=refusal))
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            from portal.consultation import views

            return views.comment_post(self, request)
        return super().serve(request, *args, **kwargs)


def document_problem(document) -> str:
    """Why a Wagtail document may not be published as a draft or report (content sniffed), or ""."""
    from portal.core.uploads import validate_upload

    if document is None:
        return ""
    try:
        handle = document.file
        handle.open("rb")
        try:
            # Only the kind is checked here; Wagtail's own document settings bound the size.
            validate_upload(handle, kinds=DRAFT_FILE_KINDS, max_bytes=max(handle.size, 1))
        finally:
            handle.close()
    except ValidationError as error:
        return f"Tài liệu “{document.title}”: " + " ".join(error.messages)
    except (OSError, ValueError):
        return f"Không đọc được tệp của tài liệu “{document.title}”."
    return ""


class ConsultationDocument(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name="Tài liệu", on_delete=models.CASCADE, related_name="+")
    label = models.CharField("Tên hiển thị", max_length=255, blank=True, help_text="Để trống để dùng tên tài liệu.")

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp dự thảo"
        verbose_name_plural = "Tệp dự thảo"

    @property
    def display_title(self) -> str:
        return self.label or self.document.title


class DraftComment(models.Model):
    """A comment a person sent on a draft; public only once a moderator approves it (NĐ 72/2013 Điều 5)."""

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="comments", verbose_name="Dự thảo")
    # Copied from the consultation: the moderation queue is scoped by unit with one filter.
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+", verbose_name="Đơn vị")
    reference = models.CharField("Mã góp ý", max_length=20, unique=True)
    name = models.CharField("Họ và tên", max_length=255)
    email = models.EmailField("Thư điện tử")
    organisation = models.CharField("Cơ quan, tổ chức", max_length=255, blank=True)
    content = models.TextField("Nội dung góp ý")
    attachment = models.FileField(
        "Tệp đính kèm", storage=private_storage, upload_to=comment_upload_to, blank=True, max_length=255
    )
    attachment_name = models.CharField("Tên tệp gốc", max_length=255, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=16, choices=ModerationStatus.choices, default=ModerationStatus.PENDING, db_index=True
    )
    screening_hits = models.JSONField("Từ ngữ cần kiểm tra", default=list, blank=True)
    violation_category = models.CharField("Nhóm vi phạm", max_length=8, choices=ViolationCategory.choices, blank=True)
    moderation_note = models.TextField("Ghi chú kiểm duyệt", blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người kiểm duyệt"
    )
    moderated_at = models.DateTimeField("Thời điểm kiểm duyệt", null=True, blank=True)
    response = models.TextField("Tiếp thu, giải trình", blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người trả lời"
    )
    responded_at = models.DateTimeField("Thời điểm trả lời", null=True, blank=True)
    consent = models.ForeignKey(
        "moderation.ConsentRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Bằng chứng đồng ý"
    )
    ip_address = models.GenericIPAddressField("Địa chỉ IP", null=True, blank=True)
    created_at = models.DateTimeField("Thời điểm gửi", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "Góp ý dự thảo"
        verbose_name_plural = "Góp ý dự thảo"
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["consultation", "status", "created_at"], name="draftcomment_page_status"),
            models.Index(fields=["unit", "status", "created_at"], name="draftcomment_unit_status"),
        ]

    def __str__(self):
        return f"{self.reference} — {self.name}"

    @property
    def screening_labels(self) -> list[tuple[str, str]]:
        """(term, category label) for each prohibited term found when the comment arrived."""
        labels = dict(ViolationCategory.choices)
        return [(hit.get("term", ""), labels.get(hit.get("category", ""), hit.get("category", ""))) for hit in self.screening_hits or []]
