"""Structured kinds of mandatory information that are more than an article: notices with deadlines,
press releases tied to a spokesperson, and the access-to-information section."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.pages.models import RICH_TEXT_FEATURES, ArticlePage, SectionPage, UnitOwnedPage


class NoticeKind(models.TextChoices):
    INVESTMENT_PROJECT = "project", "Dự án, hạng mục đầu tư"
    BIDDING_PLAN = "plan", "Kế hoạch lựa chọn nhà thầu"
    INVITATION = "invitation", "Thông báo mời thầu"
    RESULT = "result", "Kết quả lựa chọn nhà thầu"
    PROCUREMENT = "procurement", "Mua sắm công"


class ProcurementNoticePage(ArticlePage):
    """A project, bidding or procurement notice (NĐ 43/2011 Điều 10 khoản 9). Closed notices are archived, never deleted."""

    kind = models.CharField("Loại thông tin", max_length=16, choices=NoticeKind.choices, default=NoticeKind.INVITATION)
    project_name = models.CharField("Tên dự án, gói thầu", max_length=500, blank=True)
    investor = models.CharField("Chủ đầu tư, bên mời thầu", max_length=255, blank=True)
    budget_vnd = models.DecimalField("Giá trị (đồng)", max_digits=18, decimal_places=0, null=True, blank=True)
    deadline = models.DateTimeField(
        "Hạn nộp hồ sơ, hạn tham gia", null=True, blank=True, db_index=True,
        help_text="Sau thời hạn này thông báo tự chuyển sang mục lưu trữ (vẫn được giữ và tra cứu được).",
    )

    content_panels = [
        *ArticlePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("project_name"),
                FieldRowPanel([FieldPanel("investor"), FieldPanel("budget_vnd")]),
                FieldPanel("deadline"),
            ],
            heading="Thông tin dự án, gói thầu",
        ),
        *ArticlePage.content_panels[2:],
    ]
    search_fields = [*ArticlePage.search_fields, index.SearchField("project_name"), index.SearchField("investor")]
    template = "publicinfo/procurement_notice_page.html"
    parent_page_types = ["publicinfo.ProcurementSectionPage", "portal_pages.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thông báo đầu tư, đấu thầu, mua sắm"
        verbose_name_plural = "Thông báo đầu tư, đấu thầu, mua sắm"

    @property
    def is_archived(self) -> bool:
        return self.deadline is not None and self.deadline <= timezone.now()

    def clean(self):
        super().clean()
        if self.kind == NoticeKind.INVITATION and not self.deadline:
            raise ValidationError({"deadline": "Thông báo mời thầu phải có hạn nộp hồ sơ dự thầu."})


class ProcurementSectionPage(SectionPage):
    """The investment and procurement section: open notices first, closed ones in the archive below."""

    template = "publicinfo/procurement_section_page.html"
    subpage_types = ["publicinfo.ProcurementNoticePage", "portal_pages.ArticlePage"]

    class Meta:
        verbose_name = "Chuyên mục đầu tư, đấu thầu, mua sắm công"

    def get_context(self, request, *args, **kwargs):
        from portal.pages.models import paginate
        from portal.publicinfo import selectors

        # Skip SectionPage's article listing: this section lists notices its own way.
        context = UnitOwnedPage.get_context(self, request, *args, **kwargs)
        context["other_articles"] = selectors.articles_not_notices(self)[:12]
        context["open_notices"] = selectors.notices_open(self)
        context["archived_notices"] = paginate(request, selectors.notices_archived(self))
        return context


class PressKind(models.TextChoices):
    PERIODIC = "periodic", "Cung cấp thông tin định kỳ"
    AD_HOC = "ad_hoc", "Phát ngôn, cung cấp thông tin đột xuất"
    PRESS_ANSWER = "answer", "Trả lời phỏng vấn, câu hỏi của báo chí"
    PRESS_RELEASE = "release", "Thông cáo báo chí"
    CONFERENCE = "conference", "Họp báo"


class PressReleasePage(ArticlePage):
    """Press information given by the unit's spokesperson (NĐ 09/2017/NĐ-CP Điều 4–6)."""

    kind = models.CharField("Hình thức", max_length=16, choices=PressKind.choices, default=PressKind.PRESS_RELEASE)
    spokesperson = models.ForeignKey(
        "registry.Spokesperson", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Người phát ngôn"
    )
    event_at = models.DateTimeField(
        "Thời điểm họp báo / sự việc", null=True, blank=True, help_text="Với họp báo: thời gian họp; với phát ngôn đột xuất: lúc xảy ra sự việc."
    )
    venue = models.CharField("Địa điểm họp báo", max_length=255, blank=True)

    content_panels = [
        *ArticlePage.content_panels[:2],
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("spokesperson")]), FieldRowPanel([FieldPanel("event_at"), FieldPanel("venue")])],
            heading="Thông tin báo chí",
        ),
        *ArticlePage.content_panels[2:],
    ]
    template = "publicinfo/press_release_page.html"
    parent_page_types = ["portal_pages.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thông tin báo chí"
        verbose_name_plural = "Thông tin báo chí"

    def clean(self):
        super().clean()
        errors = {}
        if self.spokesperson_id is None:
            errors["spokesperson"] = "Thông tin báo chí phải ghi rõ người phát ngôn hoặc người được ủy quyền phát ngôn (NĐ 09/2017/NĐ-CP)."
        elif self.unit_id and self.spokesperson.unit_id != self.unit_id:
            errors["spokesperson"] = "Chỉ chọn người phát ngôn của chính đơn vị."
        if self.kind == PressKind.CONFERENCE and not self.event_at:
            errors["event_at"] = "Hãy ghi thời gian họp báo."
        if errors:
            raise ValidationError(errors)


class AccessToInformationPage(UnitOwnedPage):
    """Chuyên mục Tiếp cận thông tin (Luật Tiếp cận thông tin 2016; NĐ 13/2018/NĐ-CP Điều 11).

    The list of information that must be disclosed is generated from the site's own sections,
    so it stays correct as the board publishes.
    """

    intro = models.TextField("Giới thiệu ngắn", blank=True)
    focal_point = models.CharField("Đầu mối cung cấp thông tin (bộ phận, người phụ trách)", max_length=255, blank=True)
    focal_phone = models.CharField("Điện thoại đầu mối", max_length=64, blank=True)
    focal_email = models.EmailField("Thư điện tử đầu mối", blank=True)
    focal_address = models.CharField("Địa chỉ tiếp nhận yêu cầu", max_length=255, blank=True)
    guidance = RichTextField("Hướng dẫn yêu cầu cung cấp thông tin", features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *UnitOwnedPage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("focal_point"), FieldRowPanel([FieldPanel("focal_phone"), FieldPanel("focal_email")]), FieldPanel("focal_address")],
            heading="Đầu mối cung cấp thông tin",
        ),
        FieldPanel("guidance"),
        InlinePanel("forms", heading="Mẫu phiếu yêu cầu (NĐ 13/2018/NĐ-CP)", label="Mẫu phiếu"),
    ]
    template = "publicinfo/access_to_information_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Trang tiếp cận thông tin"

    def get_context(self, request, *args, **kwargs):
        from portal.publicinfo.selectors import disclosure_list

        context = super().get_context(request, *args, **kwargs)
        context["disclosure"] = disclosure_list(self)
        return context


class AccessRequestForm(Orderable):
    page = ParentalKey(AccessToInformationPage, on_delete=models.CASCADE, related_name="forms")
    title = models.CharField("Tên mẫu", max_length=255)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name="Tệp mẫu")

    panels = [FieldPanel("title"), FieldPanel("document")]
