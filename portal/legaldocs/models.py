import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.text import ascii_slug, collapse_spaces, fold, nfc
from portal.legaldocs.constants import (
    FILES_LABEL,
    GAZETTE_URL,
    MANDATORY_FIELDS,
    NATIONAL_DATABASE_URL,
    RELATION_LABELS,
    STATUS_TONES,
    TERMINAL_STATUSES,
    DocumentType,
    RelationKind,
    ValidityStatus,
)
from portal.legaldocs.forms import LegalDocumentPageForm
from portal.pages.models import RICH_TEXT_FEATURES, UnitOwnedPage

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NOT_KEY = re.compile(r"\s+")


def normalise_number(value: str) -> str:
    """Số, ký hiệu as shown: NFC, single spaces, no spaces around "/", letters kept as typed."""
    value = collapse_spaces(nfc(value or ""))
    value = _DASHES.sub("-", value)
    return re.sub(r"\s*/\s*", "/", value)


def number_slug(value: str) -> str:
    """URL slug of a số, ký hiệu: "06/2015/QĐ-UBND" -> "06-2015-qd-ubnd"."""
    return ascii_slug(normalise_number(value).replace("/", "-"))


def number_key(value: str) -> str:
    """Lookup key for a số, ký hiệu: "06/2015/QĐ-UBND", "06/2015/qd-ubnd", "06 / 2015 / QĐ - UBND" agree."""
    return _NOT_KEY.sub("", fold(normalise_number(value)))


class LegalDocumentIndexPage(UnitOwnedPage):
    intro = models.TextField("Giới thiệu ngắn", blank=True)
    national_database_url = models.URLField(
        "Cơ sở dữ liệu quốc gia về văn bản pháp luật", blank=True, default=NATIONAL_DATABASE_URL,
        help_text="Trang chính phải có liên kết tới cơ sở dữ liệu quốc gia về văn bản pháp luật.",
    )
    gazette_url = models.URLField(
        "Công báo tỉnh", blank=True, default=GAZETTE_URL, help_text="Địa chỉ Công báo điện tử của tỉnh."
    )

    content_panels = [*UnitOwnedPage.content_panels, FieldPanel("intro")]
    settings_panels = [
        *UnitOwnedPage.settings_panels,
        MultiFieldPanel([FieldPanel("national_database_url"), FieldPanel("gazette_url")], heading="Liên kết tra cứu văn bản"),
    ]
    template = "legaldocs/legal_document_index_page.html"
    parent_page_types = ["portal_pages.SectionPage", "portal_pages.PortalHomePage", "portal_pages.UnitHomePage"]
    subpage_types = ["legaldocs.LegalDocumentPage"]

    class Meta:
        verbose_name = "Trang Văn bản pháp luật"
        verbose_name_plural = "Trang Văn bản pháp luật"

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        from portal.legaldocs import selectors

        wanted = (request.GET.get("so") or "").strip()
        if wanted:
            match = selectors.document_by_number(wanted, unit=None if self.unit_is_main else self.unit_id)
            if match is not None:
                return redirect(match.get_url(request))
        return super().serve(request, *args, **kwargs)

    @property
    def unit_is_main(self) -> bool:
        return bool(self.unit_id) and self.unit is not None and self.unit.is_main

    def get_context(self, request, *args, **kwargs):
        from portal.legaldocs import selectors
        from portal.legaldocs.forms import LegalDocumentFilterForm
        from portal.pages.models import paginate

        context = super().get_context(request, *args, **kwargs)
        across_units = self.unit_is_main
        unit_id = None if across_units else self.unit_id
        choices = selectors.filter_choices(unit_id=unit_id, across_units=across_units)
        form = LegalDocumentFilterForm(request.GET or None, choices=choices)
        filters = form.cleaned_filters()
        documents = selectors.legal_document_list(unit_id=unit_id, today=timezone.localdate(), **filters)
        context.update(
            filter_form=form,
            filtered=bool(filters),
            documents=paginate(request, documents, per_page=20),
            across_units=across_units,
        )
        return context


class LegalDocumentPage(UnitOwnedPage):
    """Văn bản quy phạm pháp luật hoặc văn bản chỉ đạo, điều hành.

    Every attribute NĐ 42/2022 Điều 4.1.a requires may be blank in a draft (partial work is
    kept safe); publishing requires all of them (``publication_errors``).
    """

    document_type = models.CharField("Hình thức văn bản", max_length=32, choices=DocumentType.choices, blank=True)
    is_normative = models.BooleanField(
        "Văn bản quy phạm pháp luật", default=False, help_text="Bỏ chọn nếu là văn bản hành chính, chỉ đạo, điều hành."
    )
    issuing_body = models.CharField("Cơ quan ban hành", max_length=255, blank=True)
    number = models.CharField("Số, ký hiệu", max_length=100, blank=True, help_text="Ví dụ: 06/2015/QĐ-UBND")
    number_key = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    issue_date = models.DateField("Ngày ban hành", null=True, blank=True)
    effective_date = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    expiry_date = models.DateField("Ngày hết hiệu lực", null=True, blank=True)
    signer = models.CharField("Người ký", max_length=255, blank=True)
    abstract = models.TextField("Trích yếu", blank=True)
    field = models.CharField("Lĩnh vực", max_length=255, blank=True)
    full_text = RichTextField("Toàn văn", features=RICH_TEXT_FEATURES, blank=True)
    status = models.CharField(
        "Tình trạng hiệu lực", max_length=32, choices=ValidityStatus.choices, default=ValidityStatus.IN_FORCE,
        help_text="“Chưa có hiệu lực” và “Hết hiệu lực toàn bộ” được tự xác định theo ngày có hiệu lực và ngày hết hiệu lực.",
    )
    sync_source = models.URLField(
        "Nguồn đồng bộ", max_length=500, blank=True,
        help_text="Địa chỉ văn bản ở Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn) hoặc Công báo.",
    )
    search_text = models.TextField(blank=True, editable=False)
    signer_key = models.CharField(max_length=255, blank=True, editable=False)

    base_form_class = LegalDocumentPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("abstract"),
        index.SearchField("full_text"),
        index.FilterField("unit"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldPanel("is_normative"),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
                FieldPanel("signer"),
                FieldPanel("field"),
                FieldPanel("status"),
            ],
            heading="Thuộc tính văn bản",
        ),
        FieldPanel("abstract"),
        InlinePanel("files", heading="Tệp văn bản", label="Tệp văn bản", min_num=0),
        FieldPanel("full_text"),
        InlinePanel("relations", heading="Văn bản liên quan", label="Văn bản liên quan"),
        FieldPanel("sync_source"),
    ]
    template = "legaldocs/legal_document_page.html"
    parent_page_types = ["legaldocs.LegalDocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"
        indexes = [models.Index(fields=["unit", "issue_date"], name="legaldoc_unit_issued")]

    # --- derived values ----------------------------------------------------------------

    def effective_status(self, today: dt.date | None = None) -> str:
        """The status the public sees: the editor's, unless the dates say otherwise."""
        return derive_status(self.status, self.effective_date, self.expiry_date, today or timezone.localdate())

    @property
    def current_status(self) -> str:
        return getattr(self, "_current_status", None) or self.effective_status()

    @property
    def current_status_label(self) -> str:
        return ValidityStatus(self.current_status).label

    @property
    def status_tone(self) -> str:
        return STATUS_TONES[ValidityStatus(self.current_status)][0]

    @property
    def status_icon(self) -> str:
        return STATUS_TONES[ValidityStatus(self.current_status)][1]

    @property
    def type_label(self) -> str:
        return DocumentType(self.document_type).label if self.document_type else ""

    def attached_files(self):
        return [f for f in self.files.all() if f.document_id or f.external_url]

    def publication_errors(self) -> dict[str, str]:
        """What is missing before this document may be published, by field (``__all__`` for the files)."""
        errors = {}
        for name, label in MANDATORY_FIELDS.items():
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                errors[name] = f"Chưa có {label}: văn bản chỉ được đăng khi có đủ {label} (NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm a)."
        if not self.attached_files():
            errors["__all__"] = f"Chưa có {FILES_LABEL}: hãy đính kèm ít nhất một tệp PDF, DOC hoặc DOCX trước khi đăng."
        return errors

    def clean(self):
        super().clean()
        errors = {}
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = "Ngày có hiệu lực không thể trước ngày ban hành."
        if self.expiry_date and self.effective_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = "Ngày hết hiệu lực không thể trước ngày có hiệu lực."
        # Any path that makes the page live (admin, revision publishing, scheduled publishing,
        # code) passes here; the admin form checks first and says it per field.
        if self.live and not getattr(self, "_publication_checked", False):
            errors.update(self.publication_errors())
        if errors:
            raise ValidationError(errors)

    def full_clean(self, *args, **kwargs):
        if not self.slug and (self.number or "").strip():
            self.slug = number_slug(self.number)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.number = normalise_number(self.number)
        self.number_key = number_key(self.number)
        self.issuing_body = collapse_spaces(nfc(self.issuing_body or ""))
        self.signer = collapse_spaces(nfc(self.signer or ""))
        self.field = collapse_spaces(nfc(self.field or ""))
        self.signer_key = fold(self.signer)
        self.search_text = fold(" ".join([self.title or "", self.number, self.abstract or "", self.signer, self.issuing_body]))
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from portal.legaldocs import selectors

        context = super().get_context(request, *args, **kwargs)
        context["relations"] = selectors.relations_both_ways(self)
        context["files"] = self.attached_files()
        return context


def derive_status(status: str, effective_date, expiry_date, today: dt.date) -> str:
    """Chưa có hiệu lực before the effective date, hết hiệu lực toàn bộ from the expiry date on."""
    if status in TERMINAL_STATUSES:
        return status
    if effective_date and effective_date > today:
        return ValidityStatus.NOT_YET
    if expiry_date and expiry_date <= today:
        return ValidityStatus.EXPIRED
    if status == ValidityStatus.NOT_YET:
        # The editor said "not yet"; the day has come (or no date says otherwise).
        return ValidityStatus.IN_FORCE if effective_date else status
    return status


def _private_check_document(document) -> None:
    from portal.core.uploads import DOC, DOCX, PDF, validate_upload
    from portal.legaldocs.constants import MAX_FILE_BYTES

    handle = document.file
    try:
        handle.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise ValidationError("Không đọc được tệp “%(name)s”.", params={"name": document.title}) from exc
    try:
        validate_upload(handle, kinds=(PDF, DOC, DOCX), max_bytes=MAX_FILE_BYTES)
    finally:
        handle.close()


class LegalDocumentFile(Orderable):
    """A file of the document: a Wagtail document (PDF/DOC/DOCX by content) or a link to the source's file."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("Tên hiển thị", max_length=255, blank=True, help_text="Để trống thì dùng tên của tệp.")
    external_url = models.URLField(
        "Đường dẫn tệp ở nguồn", max_length=500, blank=True,
        help_text="Chỉ dùng khi tệp nằm ở trang nguồn (ví dụ vbpl.vn) và chưa tải lên Cổng.",
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("external_url")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp văn bản"
        verbose_name_plural = "Tệp văn bản"

    def clean(self):
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError({"document": "Hãy chọn tệp đã tải lên hoặc ghi đường dẫn tệp ở nguồn."})
        if self.document_id:
            try:
                _private_check_document(self.document)
            except ValidationError as exc:
                raise ValidationError({"document": exc.messages}) from exc

    @property
    def display_name(self) -> str:
        if self.title:
            return self.title
        if self.document_id:
            return self.document.title
        return self.external_url.rsplit("/", 1)[-1] or self.external_url

    @property
    def url(self) -> str:
        return self.document.url if self.document_id else self.external_url

    @property
    def extension(self) -> str:
        name = self.document.filename if self.document_id else self.external_url
        return name.rsplit(".", 1)[-1].upper() if "." in name.rsplit("/", 1)[-1] else ""


class LegalDocumentRelation(Orderable):
    """This document amends / replaces / guides … another one. Held by one side, shown on both."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField("Quan hệ", max_length=32, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage, verbose_name="Văn bản trên Cổng", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_number = models.CharField(
        "Số, ký hiệu", max_length=100, blank=True, help_text="Khi văn bản kia chưa có trên Cổng, ghi số, ký hiệu của nó."
    )
    target_number_key = models.CharField(max_length=100, blank=True, editable=False, db_index=True)

    panels = [FieldPanel("kind"), PageChooserPanel("target", "legaldocs.LegalDocumentPage"), FieldPanel("target_number")]

    class Meta(Orderable.Meta):
        verbose_name = "Văn bản liên quan"
        verbose_name_plural = "Văn bản liên quan"

    def clean(self):
        super().clean()
        if not self.target_id and not (self.target_number or "").strip():
            raise ValidationError({"target": "Hãy chọn văn bản trên Cổng hoặc ghi số, ký hiệu của văn bản."})

    def save(self, *args, **kwargs):
        self.target_number = normalise_number(self.target_number)
        self.target_number_key = number_key(self.target_number)
        return super().save(*args, **kwargs)

    @property
    def outgoing_label(self) -> str:
        return RELATION_LABELS[RelationKind(self.kind)][0]

    @property
    def incoming_label(self) -> str:
        return RELATION_LABELS[RelationKind(self.kind)][1]
