"""Shared registries entered once and shown by every page and site that lists them.

Organisation structure, people in office and their positions, contact points and spokespersons.
Pages never copy these records: they read them, so a change shows everywhere at once.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.pages.models import RICH_TEXT_FEATURES, UnitOwnedPage


def _fingerprint(values) -> str:
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode()).hexdigest()


class BilingualRecord(models.Model):
    """A record whose English text must follow its Vietnamese text (NĐ 42/2022/NĐ-CP Điều 7 khoản 2).

    `english_outdated` is set when a Vietnamese field changes and its English pair does not, or
    when an English pair is empty; editing the English text clears it.
    """

    EN_FIELDS: tuple[tuple[str, str], ...] = ()

    english_outdated = models.BooleanField("Cần cập nhật tiếng Anh", default=True, editable=False, db_index=True)
    english_vi_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    english_en_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_english_flag()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "english_outdated", "english_vi_fingerprint", "english_en_fingerprint"}
        super().save(*args, **kwargs)

    def _pairs(self):
        return [((getattr(self, vi) or "").strip(), (getattr(self, en) or "").strip()) for vi, en in self.EN_FIELDS]

    def english_is_outdated(self) -> bool:
        """The flag as the saved text stands now, without saving (a unit renamed since, say)."""
        pairs = self._pairs()
        if any(vi and not en for vi, en in pairs):
            return True
        if not any(en for _, en in pairs):
            return any(vi for vi, _ in pairs)
        return _fingerprint([vi for vi, _ in pairs]) != self.english_vi_fingerprint

    @property
    def english_status_label(self) -> str:
        return "Cần cập nhật" if self.english_outdated else "Đã cập nhật"

    @property
    def has_english(self) -> bool:
        return any(en for _, en in self._pairs())

    def refresh_english_flag(self) -> None:
        pairs = self._pairs()
        vi_print = _fingerprint([vi for vi, _ in pairs])
        en_print = _fingerprint([en for _, en in pairs])
        if any(vi and not en for vi, en in pairs):
            self.english_outdated = True
        elif en_print != self.english_en_fingerprint:
            # The English text was edited now: it is taken to match the current Vietnamese.
            self.english_vi_fingerprint = vi_print
            self.english_outdated = False
        else:
            self.english_outdated = vi_print != self.english_vi_fingerprint
        self.english_en_fingerprint = en_print


class UnitProfile(BilingualRecord):
    """The unit's own functions, tasks and powers (chức năng, nhiệm vụ, quyền hạn), in Vietnamese and English."""

    # The unit's name lives in the unit registry; its English name is kept here with the functions.
    EN_FIELDS = (("functions", "functions_en"), ("unit_name", "name_en"))

    unit = models.OneToOneField("units.Unit", on_delete=models.CASCADE, related_name="profile", verbose_name="Đơn vị")
    name_en = models.CharField("Tên tiếng Anh", max_length=255, blank=True)
    functions = models.TextField("Chức năng, nhiệm vụ, quyền hạn", blank=True)
    functions_en = models.TextField("Functions, tasks and powers (English)", blank=True)
    address_en = models.CharField("Address (English)", max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Chức năng, nhiệm vụ của đơn vị"
        verbose_name_plural = "Chức năng, nhiệm vụ của đơn vị"

    def __str__(self):
        return str(self.unit)

    @property
    def unit_name(self) -> str:
        return self.unit.name


class OrgUnitKind(models.TextChoices):
    LEADERSHIP = "leadership", "Lãnh đạo"
    OFFICE = "office", "Văn phòng, phòng chuyên môn"
    SUBORDINATE = "subordinate", "Đơn vị trực thuộc"
    OTHER = "other", "Khác"


class OrgUnit(BilingualRecord):
    """A part of a unit's organisation (phòng, chi cục, trung tâm), nested by parent."""

    EN_FIELDS = (("name", "name_en"), ("functions", "functions_en"))

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="org_units", verbose_name="Thuộc đơn vị")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children", verbose_name="Trực thuộc"
    )
    kind = models.CharField("Loại", max_length=16, choices=OrgUnitKind.choices, default=OrgUnitKind.OFFICE)
    name = models.CharField("Tên", max_length=255)
    name_en = models.CharField("Name (English)", max_length=255, blank=True)
    functions = models.TextField("Chức năng, nhiệm vụ, quyền hạn", blank=True)
    functions_en = models.TextField("Functions, tasks and powers (English)", blank=True)
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=64, blank=True)
    fax = models.CharField("Fax", max_length=64, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    sort_order = models.PositiveIntegerField("Thứ tự", default=100)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Bộ phận trong cơ cấu tổ chức"
        verbose_name_plural = "Cơ cấu tổ chức"
        ordering = ["unit", "sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.unit_id and self.parent.unit_id != self.unit_id:
            raise ValidationError({"parent": "Bộ phận cấp trên phải thuộc cùng đơn vị."})
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "Không thể chọn chính bộ phận này hoặc bộ phận cấp dưới của nó làm cấp trên."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Person(index.Indexed, models.Model):
    """A person in office. One record, however many positions, pages and sites show them."""

    owner_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="people", verbose_name="Đơn vị quản lý hồ sơ",
        help_text="Đơn vị có quyền sửa hồ sơ này.",
    )
    full_name = models.CharField("Họ và tên", max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Ảnh chân dung"
    )
    birth_year = models.PositiveIntegerField("Năm sinh", null=True, blank=True)
    biography = models.TextField("Tiểu sử tóm tắt", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [index.SearchField("full_name"), index.AutocompleteField("full_name")]

    class Meta:
        verbose_name = "Cán bộ"
        verbose_name_plural = "Cán bộ, lãnh đạo"
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name


class PositionQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            models.Q(term_start__isnull=True) | models.Q(term_start__lte=on),
            models.Q(term_end__isnull=True) | models.Q(term_end__gte=on),
        )


class Position(BilingualRecord):
    """A person's post in a unit: title, duties, term; it also says whether they are a contact point."""

    EN_FIELDS = (("title", "title_en"),)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions", verbose_name="Cán bộ")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="positions", verbose_name="Đơn vị")
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions", verbose_name="Bộ phận"
    )
    title = models.CharField("Chức vụ", max_length=255)
    title_en = models.CharField("Position (English)", max_length=255, blank=True)
    duties = models.TextField("Nhiệm vụ được phân công", blank=True)
    is_leader = models.BooleanField("Thuộc lãnh đạo đơn vị", default=False)
    is_contact_point = models.BooleanField("Đầu mối liên hệ", default=False)
    phone = models.CharField("Điện thoại", max_length=64, blank=True)
    fax = models.CharField("Fax", max_length=64, blank=True)
    email = models.EmailField("Thư điện tử công vụ", blank=True)
    term_start = models.DateField("Bắt đầu nhiệm kỳ", null=True, blank=True)
    term_end = models.DateField("Kết thúc nhiệm kỳ", null=True, blank=True)
    sort_order = models.PositiveIntegerField("Thứ tự", default=100)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = "Chức vụ"
        verbose_name_plural = "Chức vụ"
        ordering = ["unit", "sort_order", "person__full_name"]

    def __str__(self):
        return f"{self.person} — {self.title}"

    def clean(self):
        super().clean()
        errors = {}
        if self.org_unit_id and self.unit_id and self.org_unit.unit_id != self.unit_id:
            errors["org_unit"] = "Bộ phận phải thuộc đơn vị của chức vụ."
        if self.term_start and self.term_end and self.term_end < self.term_start:
            errors["term_end"] = "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."
        if errors:
            raise ValidationError(errors)


class SpokespersonRole(models.TextChoices):
    HEAD = "head", "Người đứng đầu"
    SPOKESPERSON = "spokesperson", "Người phát ngôn"
    AUTHORISED = "authorised", "Người được ủy quyền phát ngôn"


class Spokesperson(models.Model):
    """Who speaks for the unit to the press (NĐ 09/2017/NĐ-CP Điều 2)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="spokespersons", verbose_name="Đơn vị")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="spokesperson_roles", verbose_name="Cán bộ")
    role = models.CharField("Vai trò", max_length=16, choices=SpokespersonRole.choices, default=SpokespersonRole.SPOKESPERSON)
    title = models.CharField("Chức vụ", max_length=255)
    phone = models.CharField("Điện thoại", max_length=64)
    email = models.EmailField("Thư điện tử công vụ")
    decision_number = models.CharField("Số quyết định", max_length=64, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    valid_from = models.DateField("Từ ngày", null=True, blank=True)
    valid_to = models.DateField("Đến ngày", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Người phát ngôn"
        verbose_name_plural = "Người phát ngôn"
        ordering = ["unit", "role", "-valid_from"]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (self.valid_to is None or self.valid_to >= today)

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày bắt đầu."})


# --- Pages that read the registries ----------------------------------------------------------------


class RegistryPage(UnitOwnedPage):
    """A page that shows registry records of its own unit, read live on every request."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def registry_context(self) -> dict:
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.registry_context())
        return context


class OrganisationPage(RegistryPage):
    """Sơ đồ tổ chức, chức năng, nhiệm vụ: rendered from the unit's organisation registry."""

    template = "registry/organisation_page.html"

    class Meta:
        verbose_name = "Trang cơ cấu tổ chức"

    def registry_context(self) -> dict:
        from portal.registry import selectors

        return selectors.organisation(self.unit_id)


class LeadersPage(RegistryPage):
    template = "registry/leaders_page.html"

    class Meta:
        verbose_name = "Trang lãnh đạo"

    def registry_context(self) -> dict:
        from portal.registry import selectors

        leaders = selectors.current_leaders(self.unit_id)
        return {"leaders": leaders, "updated": selectors.last_updated(leaders, [p.person for p in leaders])}


class AdministrativeMapPage(RegistryPage):
    map_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Bản đồ hành chính"
    )
    map_alt = models.CharField(
        "Mô tả bản đồ (văn bản thay thế)", max_length=500, blank=True,
        help_text="Bắt buộc khi có ảnh bản đồ: mô tả nội dung bản đồ cho người khiếm thị.",
    )
    body = RichTextField("Nội dung", features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*RegistryPage.content_panels, FieldPanel("map_image"), FieldPanel("map_alt"), FieldPanel("body")]
    template = "registry/administrative_map_page.html"

    class Meta:
        verbose_name = "Trang bản đồ hành chính"

    def clean(self):
        super().clean()
        if self.map_image_id and not (self.map_alt or "").strip():
            raise ValidationError({"map_alt": "Hãy mô tả bản đồ: văn bản thay thế là bắt buộc khi có ảnh bản đồ."})


class ContactPage(RegistryPage):
    """Thông tin liên hệ (NĐ 43/2011 Điều 10 khoản 11–12): the owner, the contact points and the spokesperson."""

    template = "registry/contact_page.html"

    class Meta:
        verbose_name = "Trang liên hệ"

    def registry_context(self) -> dict:
        from portal.registry import selectors

        contacts = selectors.contact_directory(self.unit_id)
        spokespersons = selectors.active_spokespersons(self.unit_id)
        return {
            "contacts": contacts,
            "spokespersons": spokespersons,
            "vi_labels": selectors.VI_LABELS,
            "updated": selectors.last_updated(contacts, [c.person for c in contacts], spokespersons),
        }


class SpokespersonPage(RegistryPage):
    template = "registry/spokesperson_page.html"

    class Meta:
        verbose_name = "Trang người phát ngôn"

    def registry_context(self) -> dict:
        from portal.registry import selectors

        spokespersons = selectors.active_spokespersons(self.unit_id)
        return {"spokespersons": spokespersons, "updated": selectors.last_updated(spokespersons)}


class EnglishPage(RoutablePageMixin, RegistryPage):
    """The English pages (NĐ 42/2022 Điều 7 khoản 2): introduction, structure, functions and contacts."""

    template = "registry/english_page.html"

    class Meta:
        verbose_name = "Trang tiếng Anh"

    def _render(self, request, view):
        from portal.registry import selectors

        context = selectors.organisation(self.unit_id) | {
            "contacts": selectors.contact_directory(self.unit_id), "view": view,
            "en_labels": selectors.EN_LABELS,
        }
        return self.render(request, context_overrides=context)

    @path("")
    def english_home(self, request):
        return self._render(request, "home")

    @path("gioi-thieu/")
    def english_about(self, request):
        return self._render(request, "about")

    @path("lien-he/")
    def english_contact(self, request):
        return self._render(request, "contact")
