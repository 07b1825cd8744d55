from django.db import models
from wagtail.admin.panels import FieldPanel

from portal.pages.models import UnitOwnedPage


class AccessToInformationPage(UnitOwnedPage):
    """Chuyên mục Tiếp cận thông tin (NĐ 13/2018/NĐ-CP Điều 11)."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    template = "publicinfo/access_to_information_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Trang tiếp cận thông tin"
