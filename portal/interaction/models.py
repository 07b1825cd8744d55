from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from portal.core.text import fold
from portal.interaction.constants import ClosingTemplate, QuestionKind, QuestionStatus
from portal.moderation.constants import ViolationCategory
from portal.pages.models import UnitOwnedPage


def private_storage():
    """Citizens' attachments never sit under MEDIA_ROOT; only a permission-checked admin view serves them."""
    return storages["private"]


class InteractionIndexPage(RoutablePageMixin, UnitOwnedPage):
    """“Hỏi đáp – Phản ánh, kiến nghị”: published answers, the form, the lookup (views in interaction.views)."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    template = "interaction/interaction_index_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang Hỏi đáp, phản ánh, kiến nghị"

    # The routes live on the class (RoutablePageMixin reads them there); the work is in views.py.
    @path("")
    def listing(self, request):
        from portal.interaction import views

        return views.public_listing(request, self)

    @path("gui/")
    def submit(self, request):
        from portal.interaction import views

        return views.public_submit(request, self)

    @path("gui/da-tiep-nhan/")
    def receipt(self, request):
        from portal.interaction import views

        return views.public_receipt(request, self)

    @path("tra-cuu/")
    def lookup(self, request):
        from portal.interaction import views

        return views.public_lookup(request, self)

    @re_path(r"^(?P<code>[A-Za-z]{2}-\d{6}-[0-9A-Za-z]{4})/$")
    def item(self, request, code):
        from portal.interaction import views

        return views.public_item(request, self, code)


class Topic(models.Model):
    """A field (lĩnh vực) questions are filed under; each unit keeps its own list."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="qa_topics", verbose_name="Đơn vị")
    name = models.CharField("Lĩnh vực", max_length=120)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)
    active = models.BooleanField("Đang dùng", default=True)

    class Meta:
        verbose_name = "Lĩnh vực hỏi đáp"
        verbose_name_plural = "Lĩnh vực hỏi đáp"
        ordering = ["unit", "sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="interaction_topic_unique_name")]

    def __str__(self):
        return self.name


class Question(models.Model):
    """A citizen's question or feedback (phản ánh, kiến nghị) to one unit, from receipt to the published answer.

    Nothing here is public until a board member publishes it (NĐ 72/2013 Điều 5: pre-moderation).
    Status changes only through portal.interaction.services.
    """

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="questions", verbose_name="Đơn vị tiếp nhận")
    kind = models.CharField("Loại", max_length=16, choices=QuestionKind.choices, default=QuestionKind.QUESTION)
    code = models.CharField("Mã tra cứu", max_length=20, unique=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions", verbose_name="Lĩnh vực")
    title = models.CharField("Tiêu đề", max_length=255)
    content = models.TextField("Nội dung")
    asker_name = models.CharField("Họ tên người gửi", max_length=120)
    asker_email = models.EmailField("Thư điện tử")
    asker_phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    asker_address = models.CharField("Địa chỉ", max_length=255, blank=True)
    attachment = models.FileField(
        "Tệp đính kèm", storage=private_storage, upload_to="interaction/%Y/%m/", blank=True, max_length=255
    )
    attachment_content_type = models.CharField(max_length=120, blank=True, editable=False)
    consent = models.ForeignKey(
        "moderation.ConsentRecord", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Bằng chứng đồng ý"
    )

    received_at = models.DateTimeField("Thời điểm tiếp nhận")
    due_date = models.DateField("Hạn trả lời")
    status = models.CharField("Trạng thái", max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED)
    screening_hits = models.JSONField("Từ ngữ cần kiểm tra", default=list, blank=True)
    flagged = models.BooleanField("Cần kiểm tra kỹ", default=False)

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người xử lý"
    )
    assigned_at = models.DateTimeField("Thời điểm giao", null=True, blank=True)
    answer = models.TextField("Nội dung trả lời", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người trả lời"
    )
    answered_at = models.DateTimeField("Thời điểm trả lời", null=True, blank=True)
    published_at = models.DateTimeField("Thời điểm đăng", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người đăng"
    )
    closed_at = models.DateTimeField("Thời điểm kết thúc", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người kết thúc"
    )
    closing_template = models.CharField("Lý do không trả lời", max_length=16, choices=ClosingTemplate.choices, blank=True)
    closing_note = models.TextField("Nội dung giải thích gửi người dân", blank=True)
    violation_category = models.CharField("Nhóm vi phạm", max_length=8, choices=ViolationCategory.choices, blank=True)
    overdue_notified_on = models.DateField("Đã báo quá hạn ngày", null=True, blank=True)

    # Title, content and answer without diacritics, lowercased: "thu tuc" finds "thủ tục".
    search_text = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Câu hỏi, phản ánh, kiến nghị"
        verbose_name_plural = "Câu hỏi, phản ánh, kiến nghị"
        ordering = ["due_date", "received_at"]
        indexes = [
            models.Index(fields=["unit", "status", "due_date"], name="interaction_q_unit_status_due"),
            models.Index(fields=["unit", "status", "-published_at"], name="interaction_q_unit_published"),
        ]

    def __str__(self):
        return f"{self.code} — {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = fold(" \n ".join((self.title or "", self.content or "", self.answer or "")))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "content", "answer"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in (QuestionStatus.RECEIVED, QuestionStatus.ASSIGNED)
