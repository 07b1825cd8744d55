"""Upload checks by content, not by the name a file claims: a renamed .exe is not a PDF.

The accepted kinds follow the list of file formats of the national e-government standards
(PDF, DOC/DOCX, ODT, XLS/XLSX, ODS, CSV, PPT/PPTX, ODP, JPEG, PNG, GIF, TIFF, ZIP). Programs
(Windows ``MZ``, Linux ``ELF``, Mach-O, ``#!`` scripts) are refused whatever their name, and so
is a ZIP that carries a program or expands to far more than it weighs (a "zip bomb").

``validate_upload`` answers the kind; ``clean_upload`` also returns the file to store, with
the location tags (GPS, XMP, IPTC) of photos removed (see ``portal.core.images``).
"""

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
ODS = FileKind("ods", "OpenDocument bảng tính (.ods)", ("ods",), "application/vnd.oasis.opendocument.spreadsheet")
ODP = FileKind("odp", "OpenDocument trình chiếu (.odp)", ("odp",), "application/vnd.oasis.opendocument.presentation")
CSV = FileKind("csv", "CSV (UTF-8)", ("csv",), "text/csv")
PPT = FileKind("ppt", "PowerPoint 97–2003 (.ppt)", ("ppt",), "application/vnd.ms-powerpoint")
PPTX = FileKind(
    "pptx",
    "PowerPoint (.pptx)",
    ("pptx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
JPEG = FileKind("jpeg", "Ảnh JPEG", ("jpg", "jpeg"), "image/jpeg")
PNG = FileKind("png", "Ảnh PNG", ("png",), "image/png")
GIF = FileKind("gif", "Ảnh GIF", ("gif",), "image/gif")
TIFF = FileKind("tiff", "Ảnh TIFF", ("tif", "tiff"), "image/tiff")
ZIP = FileKind("zip", "Tệp nén ZIP", ("zip",), "application/zip")

DOCUMENT_KINDS = (PDF, DOC, DOCX, ODT)
ATTACHMENT_KINDS = (PDF, DOC, DOCX, ODT, XLS, XLSX, JPEG, PNG)
IMAGE_KINDS = (JPEG, PNG, GIF, TIFF)
# Everything the standards list allows; what Wagtail's document library accepts.
STANDARD_KINDS = (PDF, DOC, DOCX, ODT, XLS, XLSX, ODS, CSV, PPT, PPTX, ODP, JPEG, PNG, GIF, TIFF, ZIP)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_HEADS = (b"PK\x03\x04", b"PK\x05\x06")  # an archive, or an empty one
_OLE_BY_EXTENSION = {"xls": XLS, "ppt": PPT, "doc": DOC}
_OPENDOCUMENT = {kind.content_type.encode(): kind for kind in (ODT, ODS, ODP)}
_EXECUTABLE_HEADS = (
    b"MZ",  # Windows .exe, .dll, .scr, .com (PE)
    b"\x7fELF",  # Linux and Android programs
    b"#!",  # shell, Python, Perl scripts
    b"\xfe\xed\xfa\xce",  # Mach-O 32-bit
    b"\xfe\xed\xfa\xcf",  # Mach-O 64-bit
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal binaries and Java classes
)
EXECUTABLE_EXTENSIONS = frozenset(
    ("exe", "dll", "bat", "cmd", "js", "vbs", "vbe", "scr", "msi", "ps1", "jar", "com", "sh", "apk", "hta", "wsf", "lnk", "cpl")
)
# A ZIP may expand to at most this many bytes, and at most this many times its own size.
ZIP_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_MAX_MEMBERS = 10_000


def _extension(uploaded) -> str:
    name = getattr(uploaded, "name", "") or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _head(uploaded, size: int = 8) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def is_executable(uploaded) -> bool:
    """True when the bytes are a program (whatever the name says)."""
    return _head(uploaded).startswith(_EXECUTABLE_HEADS)


def _zip_names(head_and_file) -> set[str]:
    try:
        with zipfile.ZipFile(head_and_file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _is_csv(uploaded) -> bool:
    if _extension(uploaded) != "csv":
        return False
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def sniff(uploaded) -> FileKind | None:
    """What the bytes say the file is, among the kinds the portal accepts."""
    head = _head(uploaded)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(_OLE):
        # Old Office files share one container; the name picks Word, Excel or PowerPoint.
        return _OLE_BY_EXTENSION.get(_extension(uploaded), DOC)
    if head.startswith(_ZIP_HEADS):
        data = io.BytesIO(uploaded.read())
        uploaded.seek(0)
        names = _zip_names(data)
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if "ppt/presentation.xml" in names:
            return PPTX
        if "mimetype" in names:
            with zipfile.ZipFile(data) as archive:
                kind = _OPENDOCUMENT.get(archive.read("mimetype").strip())
            if kind is not None:
                return kind
        if names or head.startswith(b"PK\x05\x06"):
            return ZIP
        return None
    if head.startswith(_EXECUTABLE_HEADS):
        return None
    if _is_csv(uploaded):
        return CSV
    return None


def _check_zip(uploaded, size: int) -> None:
    """Refuse archives that carry programs or expand out of proportion (zip bombs)."""
    uploaded.seek(0)
    data = io.BytesIO(uploaded.read())
    uploaded.seek(0)
    name = uploaded.name
    try:
        with zipfile.ZipFile(data) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            if (
                len(members) > ZIP_MAX_MEMBERS
                or total > ZIP_MAX_UNCOMPRESSED_BYTES
                or (total > ZIP_MAX_RATIO * max(size, 1) and total > 10 * 1024 * 1024)
            ):
                raise ValidationError(
                    "Tệp nén “%(name)s” khi giải nén lớn bất thường (%(total)s), có thể là tệp gây hại. "
                    "Hãy gửi trực tiếp các tệp cần thiết.",
                    params={"name": name, "total": filesizeformat(total)},
                    code="zip_bomb",
                )
            for member in members:
                if member.is_dir():
                    continue
                inner = member.filename.rsplit("/", 1)[-1]
                extension = inner.rsplit(".", 1)[-1].lower() if "." in inner else ""
                with archive.open(member) as handle:
                    head = handle.read(8)
                if extension in EXECUTABLE_EXTENSIONS or head.startswith(_EXECUTABLE_HEADS):
                    raise ValidationError(
                        "Tệp nén “%(name)s” chứa chương trình chạy được (“%(inner)s”), không được phép tải lên "
                        "vì lý do an toàn.",
                        params={"name": name, "inner": member.filename},
                        code="zip_executable",
                    )
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        raise ValidationError(
            "Tệp nén “%(name)s” bị hỏng hoặc được đặt mật khẩu, không đọc được. Hãy nén lại rồi gửi.",
            params={"name": name},
            code="zip_unreadable",
        ) from error


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
    if is_executable(uploaded) or _extension(uploaded) in EXECUTABLE_EXTENSIONS:
        raise ValidationError(
            "Tệp “%(name)s” không phải loại tệp được chấp nhận: đây là chương trình chạy được (tệp thực thi), "
            "không được phép tải lên vì lý do an toàn. Chỉ nhận: %(allowed)s.",
            params={"name": uploaded.name, "allowed": allowed},
            code="executable",
        )
    kind = sniff(uploaded)
    if kind is None or kind not in kinds:
        raise ValidationError(
            "Tệp “%(name)s” không phải loại tệp được chấp nhận (nội dung tệp không khớp). Chỉ nhận: %(allowed)s.",
            params={"name": uploaded.name, "allowed": allowed},
            code="bad_type",
        )
    extension = _extension(uploaded)
    if extension not in kind.extensions:
        raise ValidationError(
            "Tệp “%(name)s” có nội dung %(kind)s nhưng phần mở rộng không khớp. Hãy đổi tên tệp thành .%(ext)s.",
            params={"name": uploaded.name, "kind": kind.label, "ext": kind.extensions[0]},
            code="bad_extension",
        )
    if kind is ZIP:
        _check_zip(uploaded, uploaded.size)
    return kind


def clean_upload(uploaded, *, kinds=ATTACHMENT_KINDS, max_bytes: int | None = None):
    """Validate like ``validate_upload``; answer ``(kind, file to store)``.

    Photos come back without the tags that locate people (GPS, XMP, IPTC); everything else
    comes back as it was uploaded.
    """
    kind = validate_upload(uploaded, kinds=kinds, max_bytes=max_bytes)
    if kind in IMAGE_KINDS:
        from portal.core.images import strip_location

        return kind, strip_location(uploaded)
    return kind, uploaded
