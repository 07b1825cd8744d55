from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from portal.units.constants import UnitKind
from portal.units.labels import LabelError, validate_label


class UnitQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on),
        )


def _validate_label_override(value: str) -> None:
    try:
        validate_label(value)
    except LabelError as error:
        raise ValidationError(str(error)) from error


class Unit(models.Model):
    """An agency, district or commune (or the province itself) that owns one site."""

    code = models.CharField(
        "Mã đơn vị",
        max_length=32,
        unique=True,
        help_text="Mã GSO với đơn vị hành chính; mã tỉnh kèm chữ viết tắt với cơ quan (ví dụ 44-STTTT).",
    )
    kind = models.CharField("Loại đơn vị", max_length=16, choices=UnitKind.choices, db_index=True)
    name = models.CharField("Tên đầy đủ", max_length=255)
    short_name = models.CharField("Tên ngắn", max_length=255, blank=True)
    abbreviation = models.CharField("Tên viết tắt", max_length=32, blank=True)
    division_type = models.CharField(
        "Loại hình", max_length=32, blank=True, help_text="Ví dụ: Thành phố, Huyện, Thị xã, Xã, Phường, Thị trấn, Sở."
    )
    parent = models.ForeignKey(
        "self", verbose_name="Đơn vị cấp trên", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    gso_code = models.CharField("Mã đơn vị hành chính (GSO)", max_length=8, blank=True, db_index=True)
    identifier_code = models.CharField(
        "Mã định danh (QCVN 102:2016)", max_length=32, blank=True, help_text="Mã định danh điện tử của cơ quan, ví dụ 000.00.44.H46."
    )
    valid_from = models.DateField("Hiệu lực từ ngày", null=True, blank=True)
    valid_to = models.DateField("Hiệu lực đến ngày", null=True, blank=True)
    label = models.CharField("Tên miền (nhãn)", max_length=63, blank=True, db_index=True, editable=False)
    label_override = models.CharField(
        "Tên miền do quản trị chọn",
        max_length=63,
        blank=True,
        validators=[_validate_label_override],
        help_text="Để trống để dùng tên miền sinh tự động theo Điều 3 Quy chế.",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=64, blank=True)
    fax = models.CharField("Fax", max_length=64, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    responsible_person = models.CharField("Người chịu trách nhiệm", max_length=255, blank=True)
    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name="Trang", null=True, blank=True, on_delete=models.SET_NULL, related_name="unit"
    )
    sort_order = models.PositiveIntegerField("Thứ tự", default=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "Đơn vị"
        verbose_name_plural = "Đơn vị"
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.label_override:
            clash = Unit.objects.exclude(pk=self.pk).filter(
                models.Q(label=self.label_override) | models.Q(label_override=self.label_override)
            )
            if clash.exists():
                raise ValidationError({"label_override": f"Tên miền “{self.label_override}” đã được dùng cho đơn vị khác."})

    @property
    def is_main(self) -> bool:
        return self.kind == UnitKind.PROVINCE

    @property
    def hostname(self) -> str:
        base = settings.PORTAL_BASE_DOMAIN
        if self.is_main:
            return base
        return f"{self.label}.{base}" if self.label else ""

    @property
    def site_url(self) -> str:
        port = settings.PORTAL_SITE_PORT
        if not self.hostname:
            return ""
        if port == 443:
            return f"https://{self.hostname}/"
        if port == 80:
            return f"http://{self.hostname}/"
        return f"http://{self.hostname}:{port}/"

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (self.valid_to is None or self.valid_to >= today)

    @property
    def display_name(self) -> str:
        """How the public reads the owner of a site: "UBND xã Bảo Ninh", "Sở Y tế"."""
        if self.kind in (UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.PROVINCE):
            name = self.name
            if self.division_type and name.startswith(self.division_type):
                name = self.division_type.lower() + name[len(self.division_type) :]
            return f"UBND {name}"
        return self.name


class HostAlias(models.Model):
    """A hostname a unit used before; it keeps answering with a permanent redirect."""

    hostname = models.CharField("Tên miền cũ", max_length=255, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="host_aliases", verbose_name="Đơn vị")
    created_at = models.DateTimeField("Thời điểm đổi", auto_now_add=True)

    class Meta:
        verbose_name = "Tên miền cũ"
        verbose_name_plural = "Tên miền cũ"

    def __str__(self):
        return self.hostname


class UnitCollection(models.Model):
    """The image and document collection that belongs to a unit's site."""

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="collection_link")
    collection = models.OneToOneField("wagtailcore.Collection", on_delete=models.CASCADE, related_name="unit_collection")

    class Meta:
        verbose_name = "Thư viện của đơn vị"
        verbose_name_plural = "Thư viện của đơn vị"

    def __str__(self):
        return str(self.collection)
