from django.db import models
from wagtail.admin.panels import FieldPanel

from portal.pages.models import UnitOwnedPage


class ScheduleIndexPage(UnitOwnedPage):
    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    template = "schedule/schedule_index_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]

    class Meta:
        verbose_name = "Trang Lịch công tác"
