from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.text import ascii_slug
from portal.pages.forms import PortalPageForm

LISTING_PAGE_SIZE = 12
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image", "embed", "blockquote", "hr"]


def paginate(request, items, per_page=LISTING_PAGE_SIZE):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("trang") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class UnitOwnedPage(Page):
    """A page that belongs to one unit's site; the owner is copied from the parent on save.

    Keeping the owner on every page lets cross-site listings (the main portal's
    news, the API) fetch it with one join instead of walking the tree.
    """

    base_form_class = PortalPageForm

    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+", verbose_name="Đơn vị"
    )

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from portal.pages.chrome import site_chrome

        context = super().get_context(request, *args, **kwargs)
        context.update(site_chrome(self, request))
        return context

    def full_clean(self, *args, **kwargs):
        # Pages made in code get ASCII slugs too, like those typed in the editor.
        source = self.slug or self.title or ""
        if source and (not self.slug or not self.slug.isascii()):
            self.slug = ascii_slug(source)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        if getattr(self, "_provisioning", False):
            # Provisioning builds pages from a fixed catalogue: validating each one again (slug,
            # uniqueness: several queries a page) and logging each creation made 175 sites slow to
            # set up; the site's creation is logged once as portal.site.provision.
            kwargs.setdefault("clean", False)
            kwargs.setdefault("log_action", None)
        if self.unit_id is None and self.depth and self.depth > 2:
            parent = self.get_parent()
            if parent is not None:
                self.unit_id = getattr(parent.specific_deferred, "unit_id", None)
        return super().save(*args, **kwargs)


class HomePageBase(UnitOwnedPage):
    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Find the page by its URL path in one lookup instead of one query per path segment.

        Equivalent to Wagtail's walk for our page types (none routes its own sub-paths); any
        path it cannot resolve goes through Wagtail's walk, so custom routing still works.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        # A range on the indexed tree path (not LIKE, which SQLite cannot index) keeps this to
        # the home's own subtree; "~" sorts after every character treebeard uses in paths.
        page = (
            Page.objects.filter(
                path__gt=self.path, path__lt=self.path + "~", depth=self.depth + len(path_components), url_path=url_path
            )
            .specific()
            .first()
        )
        if page is None:
            return super().route(request, path_components)
        return page.route(request, [])


class PortalHomePage(HomePageBase):
    """Trang chính: the provincial portal's home."""

    template = "pages/portal_home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal_pages.SectionPage", "portal_pages.StandardPage"]

    class Meta:
        verbose_name = "Trang chủ Cổng tỉnh"
        verbose_name_plural = "Trang chủ Cổng tỉnh"

    def get_context(self, request, *args, **kwargs):
        from portal.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        label = (request.GET.get("don-vi") or "").strip().lower()
        context["unit_filter"] = label
        context["latest_news"] = selectors.article_list_across_units(unit_label=label or None)[:12]
        context["directory"] = selectors.unit_directory()
        context["sections"] = context["portal_menu"]
        return context


class UnitHomePage(HomePageBase):
    """Trang chủ của một trang thành phần."""

    template = "pages/unit_home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal_pages.SectionPage", "portal_pages.StandardPage"]

    class Meta:
        verbose_name = "Trang chủ trang thành phần"
        verbose_name_plural = "Trang chủ trang thành phần"

    def get_context(self, request, *args, **kwargs):
        from portal.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = selectors.article_list_for_unit(self.unit_id)[:9]
        # The home's sections in the menu: exactly the menu site_chrome has just read.
        context["sections"] = context["portal_menu"]
        return context


class SectionPage(UnitOwnedPage):
    """Chuyên mục: a nestable list of articles."""

    intro = models.TextField("Mô tả chuyên mục", blank=True)
    includes_accepted_proposals = models.BooleanField(
        "Nhận tin đề nghị từ các đơn vị",
        default=False,
        help_text="Chỉ dùng cho chuyên mục tin tức của Trang chính: hiển thị cả tin của các đơn vị đã được Ban biên tập chấp nhận.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("includes_accepted_proposals")]
    template = "pages/section_page.html"
    parent_page_types = ["portal_pages.PortalHomePage", "portal_pages.UnitHomePage", "portal_pages.SectionPage"]
    subpage_types = [
        "portal_pages.SectionPage", "portal_pages.ArticlePage", "portal_pages.StandardPage", "publicinfo.PressReleasePage",
    ]

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    def get_context(self, request, *args, **kwargs):
        from portal.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = selectors.menu_sections(self)
        context["articles"] = paginate(request, selectors.section_listing(self))
        return context


PUBLISH_NEEDS_AUTHORS = (
    "Chưa thể xuất bản: hãy ghi tên tác giả của bài (yếu tố “người tạo” bắt buộc theo Thông tư 24/2011/TT-BTTTT). "
    "Bản nháp vẫn được lưu bình thường."
)
PUBLISH_NEEDS_LEAD = (
    "Chưa thể xuất bản: hãy viết sapo (đoạn tóm tắt) cho bài (yếu tố “mô tả” bắt buộc theo Thông tư 24/2011/TT-BTTTT). "
    "Bản nháp vẫn được lưu bình thường."
)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("portal_pages.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(UnitOwnedPage):
    """Tin, bài."""

    lead = models.TextField("Sapo", help_text="Đoạn tóm tắt mở đầu bài viết.")
    body = RichTextField("Nội dung", features=RICH_TEXT_FEATURES)
    main_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh đại diện", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    main_image_alt = models.CharField(
        "Mô tả ảnh (văn bản thay thế)",
        max_length=255,
        blank=True,
        help_text="Bắt buộc khi có ảnh: mô tả nội dung ảnh cho người khiếm thị.",
    )
    main_image_caption = models.CharField("Chú thích ảnh", max_length=255, blank=True)
    authors = models.CharField("Tác giả", max_length=255, blank=True)
    photographer = models.CharField("Ảnh", max_length=255, blank=True, help_text="Người chụp ảnh.")
    published_at = models.DateTimeField("Thời gian đăng", default=timezone.now, db_index=True)
    tags = ClusterTaggableManager("Từ khoá", through=ArticleTag, blank=True)
    source_name = models.CharField("Nguồn tin", max_length=255, blank=True)
    source_author = models.CharField("Tác giả nguồn tin", max_length=255, blank=True)
    source_url = models.URLField("Địa chỉ nguồn tin", blank=True)
    source_published_at = models.DateTimeField("Thời gian đăng ở nguồn", null=True, blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("unit"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt"), FieldPanel("main_image_caption")], heading="Ảnh đại diện"
        ),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("photographer")], heading="Tác giả"),
        FieldPanel("published_at"),
        FieldPanel("tags"),
        InlinePanel("related_links", heading="Tin liên quan", label="Tin liên quan"),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_author"), FieldPanel("source_url"), FieldPanel("source_published_at")],
            heading="Nguồn tin (khi lấy lại tin từ nơi khác — Nghị định 72/2013 Điều 20)",
        ),
    ]
    template = "pages/article_page.html"
    parent_page_types = ["portal_pages.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Tin, bài"
        verbose_name_plural = "Tin, bài"
        indexes = [models.Index(fields=["unit", "published_at"], name="article_unit_published")]

    @property
    def has_source(self) -> bool:
        return bool(self.source_name)

    def save(self, *args, **kwargs):
        # The editor shows minutes; keeping seconds would make every editor save look like a change.
        if self.published_at:
            self.published_at = self.published_at.replace(second=0, microsecond=0)
        # Wagtail validates a page in full only when it is saved live (publishing, approval in a
        # workflow, scheduled publishing); that is when the metadata gate applies, not to drafts.
        self._publishing = bool(kwargs.get("clean", True)) and self.live
        try:
            return super().save(*args, **kwargs)
        finally:
            self._publishing = False

    def publish_metadata_errors(self, *, authors=None, lead=None) -> dict:
        """What stops this article from being published: the Dublin Core creator (authors) and
        description (lead) must not be empty (Thông tư 24/2011/TT-BTTTT). Procurement notices
        and press releases take the unit as creator, so only plain articles are checked."""
        if type(self) is not ArticlePage:
            return {}
        authors = self.authors if authors is None else authors
        lead = self.lead if lead is None else lead
        errors = {}
        if not (authors or "").strip():
            errors["authors"] = PUBLISH_NEEDS_AUTHORS
        if not strip_tags(lead or "").strip():
            errors["lead"] = PUBLISH_NEEDS_LEAD
        return errors

    def clean(self):
        super().clean()
        errors = {}
        if self.main_image_id and not (self.main_image_alt or "").strip():
            errors["main_image_alt"] = "Hãy mô tả nội dung ảnh: văn bản thay thế là bắt buộc khi bài có ảnh."
        source = {
            "source_name": self.source_name,
            "source_author": self.source_author,
            "source_url": self.source_url,
            "source_published_at": self.source_published_at,
        }
        if any(source.values()):
            for name, value in source.items():
                if not value:
                    errors[name] = (
                        "Tin lấy từ nơi khác phải ghi đủ tên nguồn, tác giả, địa chỉ và thời gian đăng ở nguồn "
                        "(Nghị định 72/2013/NĐ-CP Điều 20)."
                    )
        if getattr(self, "_publishing", False):
            for name, message in self.publish_metadata_errors().items():
                errors.setdefault(name, message)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from portal.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = selectors.related_articles(self)
        return context


class ArticleRelatedLink(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Tin liên quan", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related", "portal_pages.ArticlePage")]


class StandardPage(UnitOwnedPage):
    """Trang thông tin thông thường (giới thiệu, liên hệ, ...)."""

    intro = models.TextField("Tóm tắt", blank=True)
    # Blank allowed so provisioning can create the mandatory text pages as empty drafts.
    body = RichTextField("Nội dung", features=RICH_TEXT_FEATURES, blank=True)

    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    template = "pages/standard_page.html"
    parent_page_types = ["portal_pages.PortalHomePage", "portal_pages.UnitHomePage", "portal_pages.SectionPage"]
    subpage_types = ["portal_pages.StandardPage"]

    class Meta:
        verbose_name = "Trang thông tin"
        verbose_name_plural = "Trang thông tin"


@register_setting(icon="site")
class SiteAppearance(BaseSiteSetting):
    """What a site's own administrator (Quản trị trang) may change about the site."""

    tagline = models.CharField("Khẩu hiệu", max_length=255, blank=True)
    footer_note = models.TextField("Ghi chú chân trang", blank=True)
    hotline = models.CharField("Đường dây nóng", max_length=64, blank=True)
    facebook_url = models.URLField("Trang Facebook", blank=True)

    class Meta:
        verbose_name = "Thiết lập trang"
