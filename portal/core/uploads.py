"""Upload checks by content, not by the name a file claims: a renamed .exe is not a PDF."""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


@dataclass(frozen=True)
class FileKind:
    code: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("pdf", "PDF", ("pdf",), "application/pdf")
DOC = FileKind("doc", "Word 97–2003 (.doc)", ("doc",), "application/msword")
DOCX = FileKind(
    "docx", "Word (.docx)", ("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLS = FileKind("xls", "Excel 97–2003 (.xls)", ("xls",), "application/vnd.ms-excel")
XLSX = FileKind("xlsx", "Excel (.xlsx)", ("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileKind("odt", "OpenDocument (.odt)", ("odt",), "application/vnd.oasis.opendocument.text")
JPEG = FileKind("jpeg", "Ảnh JPEG", ("jpg", "jpeg"), "image/jpeg")
PNG = FileKind("png", "Ảnh PNG", ("png",), "image/png")

DOCUMENT_KINDS = (PDF, DOC, DOCX, ODT)
ATTACHMENT_KINDS = (PDF, DOC, DOCX, ODT, XLS, XLSX, JPEG, PNG)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def _zip_names(head_and_file) -> set[str]:
    try:
        with zipfile.ZipFile(head_and_file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def sniff(uploaded) -> FileKind | None:
    """What the bytes say the file is, among the kinds the portal accepts."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    extension = (getattr(uploaded, "name", "") or "").rsplit(".", 1)[-1].lower()
    if head.startswith(_OLE):
        # Old Office files share one container; the name picks Word or Excel.
        return XLS if extension == "xls" else DOC
    if head.startswith(_ZIP):
        data = io.BytesIO(uploaded.read())
        uploaded.seek(0)
        names = _zip_names(data)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if "mimetype" in names:
            with zipfile.ZipFile(data) as archive:
                if archive.read("mimetype").strip() == ODT.content_type.encode():
                    return ODT
    return None


def validate_upload(uploaded, *, kinds=ATTACHMENT_KINDS, max_bytes: int | None = None) -> FileKind:
    """Return the file's kind, or raise a ValidationError that tells a citizen what to do."""
    max_bytes = max_bytes or settings.PORTAL_ATTACHMENT_MAX_BYTES
    allowed = ", ".join(kind.label for kind in kinds)
    if uploaded.size == 0:
        raise ValidationError("Tệp “%(name)s” rỗng. Hãy chọn lại tệp.", params={"name": uploaded.name}, code="empty")
    if uploaded.size > max_bytes:
        raise ValidationError(
            "Tệp “%(name)s” dung lượng %(size)s, vượt quá mức cho phép %(max)s. Hãy nén hoặc chia nhỏ tệp.",
            params={"name": uploaded.name, "size": filesizeformat(uploaded.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    kind = sniff(uploaded)
    if kind is None or kind not in kinds:
        raise ValidationError(
            "Tệp “%(name)s” không phải loại tệp được chấp nhận (nội dung tệp không khớp). Chỉ nhận: %(allowed)s.",
            params={"name": uploaded.name, "allowed": allowed},
            code="bad_type",
        )
    extension = (uploaded.name or "").rsplit(".", 1)[-1].lower()
    if extension not in kind.extensions:
        raise ValidationError(
            "Tệp “%(name)s” có nội dung %(kind)s nhưng phần mở rộng không khớp. Hãy đổi tên tệp thành .%(ext)s.",
            params={"name": uploaded.name, "kind": kind.label, "ext": kind.extensions[0]},
            code="bad_extension",
        )
    return kind
