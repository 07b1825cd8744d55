import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.pages.models import UnitOwnedPage
from portal.schedule.constants import ChangeKind
from portal.schedule.forms import WeekSchedulePageForm
from portal.schedule.weeks import IsoWeek, is_valid_week


def _next_week_year() -> int:
    return IsoWeek.current().shifted(1).year


def _next_week_number() -> int:
    return IsoWeek.current().shifted(1).week


class ScheduleIndexPage(UnitOwnedPage):
    """Lịch công tác: the public weekly view of the leaders' schedule (NĐ 43/2011 Điều 10 khoản 3)."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    template = "schedule/schedule_index_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = ["schedule.WeekSchedulePage"]

    class Meta:
        verbose_name = "Trang Lịch công tác"

    def get_context(self, request, *args, **kwargs):
        from portal.schedule import selectors

        context = super().get_context(request, *args, **kwargs)
        requested = (request.GET.get("tuan") or "").strip()
        week = IsoWeek.parse(requested) if requested else None
        context["week_error"] = bool(requested) and week is None
        week = week or IsoWeek.current()
        week_page = selectors.live_week_page(self, week)
        context.update(selectors.week_view(week, week_page, leader=request.GET.get("lanh-dao", "")))
        context["index_page"] = self
        return context

    def get_template(self, request, *args, **kwargs):
        if request.GET.get("in"):
            return "schedule/week_print.html"
        return super().get_template(request, *args, **kwargs)


class WeekSchedulePage(UnitOwnedPage):
    """One ISO week of the leaders' schedule. A page, so it goes through the board's approval workflow."""

    base_form_class = WeekSchedulePageForm

    iso_year = models.PositiveSmallIntegerField("Năm", default=_next_week_year)
    iso_week = models.PositiveSmallIntegerField(
        "Tuần số", default=_next_week_number, help_text="Số tuần theo ISO 8601 (tuần bắt đầu từ Thứ Hai)."
    )
    note = models.TextField("Ghi chú", blank=True, help_text="Ghi chú chung cho cả tuần (không bắt buộc).")

    content_panels = [
        FieldRowPanel([FieldPanel("iso_year"), FieldPanel("iso_week")], heading="Tuần"),
        FieldPanel("note"),
        InlinePanel("schedule_entries", heading="Các buổi công tác", label="Buổi công tác"),
    ]
    promote_panels = []
    template = "schedule/week_schedule_page.html"
    parent_page_types = ["schedule.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Lịch công tác tuần"
        verbose_name_plural = "Lịch công tác tuần"
        indexes = [models.Index(fields=["unit", "iso_year", "iso_week"], name="schedule_week_unit_year_week")]

    @property
    def week(self) -> IsoWeek:
        return IsoWeek(self.iso_year, self.iso_week)

    def _follow_week(self) -> None:
        # The title and slug always follow the week, whoever saves the page (drafts skip full_clean).
        if is_valid_week(self.iso_year or 0, self.iso_week or 0):
            self.title = self.week.title
            self.slug = self.week.slug

    def save(self, *args, **kwargs):
        self._follow_week()
        if kwargs.get("update_fields") is None:
            # The admin form reports these next to each entry (WeekSchedulePageForm); this
            # guards every other write path, drafts included.
            errors = entries_outside_week(self.week, self.schedule_entries.all())
            if errors:
                raise ValidationError(errors)
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        self._follow_week()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if not is_valid_week(self.iso_year or 0, self.iso_week or 0):
            raise ValidationError({"iso_week": f"Năm {self.iso_year} không có tuần {self.iso_week}."})
        if self.unit_id:
            clash = WeekSchedulePage.objects.filter(unit_id=self.unit_id, iso_year=self.iso_year, iso_week=self.iso_week)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"iso_week": f"Trang đã có lịch công tác {self.week.label}."})

    def get_context(self, request, *args, **kwargs):
        from portal.schedule import selectors

        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent().specific
        entries = None if self.live and not getattr(request, "is_preview", False) else list(self.schedule_entries.all())
        context.update(selectors.week_view(self.week, self, leader=request.GET.get("lanh-dao", ""), entries=entries))
        context["index_page"] = index
        context["week_error"] = False
        return context

    def get_template(self, request, *args, **kwargs):
        if request.GET.get("in"):
            return "schedule/week_print.html"
        return super().get_template(request, *args, **kwargs)


def leader_label(position: str, person: str) -> str:
    position, person = (position or "").strip(), (person or "").strip()
    if person and person in position:
        return position
    return " ".join(part for part in (position, person) if part)


def entries_outside_week(week: IsoWeek, entries) -> list[str]:
    return [
        f"Buổi “{(entry.content or '')[:60]}” ngày {entry.date:%d/%m/%Y} không thuộc {week.label}."
        for entry in entries
        if entry.date and not week.contains(entry.date)
    ]


class ScheduleEntry(Orderable):
    """One engagement of a leader: when, who, what, where, with whom, and who prepares it."""

    page = ParentalKey(WeekSchedulePage, on_delete=models.CASCADE, related_name="schedule_entries")
    date = models.DateField("Ngày")
    start_time = models.TimeField("Giờ bắt đầu")
    end_time = models.TimeField("Giờ kết thúc", null=True, blank=True)
    leader = models.ForeignKey(
        "registry.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Lãnh đạo",
        help_text="Chọn trong danh sách cán bộ của đơn vị (không bắt buộc).",
    )
    leader_name = models.CharField(
        "Chức vụ lãnh đạo", max_length=255, blank=True,
        help_text="Ví dụ: “Chủ tịch UBND tỉnh”; ghi cả họ tên nếu không chọn người trong danh sách.",
    )
    content = models.TextField("Nội dung")
    location = models.CharField("Địa điểm", max_length=255, blank=True)
    participants = models.TextField("Thành phần", blank=True)
    preparing_unit = models.CharField("Chủ trì chuẩn bị", max_length=255, blank=True)
    cancelled = models.BooleanField(
        "Hủy buổi công tác", default=False, help_text="Đánh dấu khi buổi công tác đã đăng bị hủy; lịch sẽ ghi rõ “Đã hủy”."
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("leader"), FieldPanel("leader_name")]),
        FieldPanel("content"),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("participants"), FieldPanel("preparing_unit")], heading="Chi tiết"),
        FieldPanel("cancelled"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Buổi công tác"
        verbose_name_plural = "Buổi công tác"

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:40]}"

    @property
    def leader_display(self) -> str:
        """“Chủ tịch UBND tỉnh Nguyễn Văn A”: the position typed in, then the chosen person's name."""
        person = self.leader.full_name if self.leader_id and self.leader else ""
        return leader_label(self.leader_name, person)

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start_time)

    def clean(self):
        super().clean()
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "Giờ kết thúc phải sau giờ bắt đầu."})
        if not self.leader_id and not (self.leader_name or "").strip():
            raise ValidationError({"leader_name": "Ghi chức vụ lãnh đạo hoặc chọn người trong danh sách."})


class ScheduleChange(models.Model):
    """A change to an entry of a week that was already published, kept for the public history.

    Written by `services.week_record_changes` each time a published week is published again;
    `before` and `after` are summaries (see `selectors.entry_summary`), so a removed entry
    can still be shown as cancelled.
    """

    page = models.ForeignKey(WeekSchedulePage, on_delete=models.CASCADE, related_name="changes", verbose_name="Tuần")
    entry_key = models.CharField("Mã buổi công tác", max_length=32, db_index=True)
    kind = models.CharField("Loại thay đổi", max_length=16, choices=ChangeKind.choices)
    before = models.JSONField("Trước điều chỉnh", null=True, blank=True)
    after = models.JSONField("Sau điều chỉnh", null=True, blank=True)
    changed_at = models.DateTimeField("Thời điểm điều chỉnh")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người điều chỉnh"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Phiên bản"
    )

    class Meta:
        verbose_name = "Điều chỉnh lịch công tác"
        verbose_name_plural = "Điều chỉnh lịch công tác"
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.entry_key} {self.changed_at:%H:%M %d/%m/%Y}"


class PublishedWeekState(models.Model):
    """What the public last saw of a week: the entries as published, to compare the next publication with.

    Kept outside the page's revisions on purpose: a revision is serialised before publishing
    gives new entries their ids, so it cannot tell an entry added then from one added now.
    """

    page = models.OneToOneField(
        WeekSchedulePage, on_delete=models.CASCADE, primary_key=True, related_name="published_state", verbose_name="Tuần"
    )
    entries = models.JSONField("Các buổi công tác đã đăng", default=dict)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Phiên bản"
    )
    published_at = models.DateTimeField("Thời điểm đăng")

    class Meta:
        verbose_name = "Lịch công tác tuần đã đăng"
        verbose_name_plural = "Lịch công tác tuần đã đăng"

    def __str__(self):
        return f"{self.page_id} ({self.published_at:%H:%M %d/%m/%Y})"
