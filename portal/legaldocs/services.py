"""Writes of legal documents: the JSON Lines importer (NĐ 42/2022 Điều 4.1.a: synchronised with vbpl.vn / Công báo).

``legal_documents_import`` is the one write path for bulk loads; the management command
``import_legal_documents`` only calls it. Field names are documented in IMPORT.md.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.core.text import fold, nfc
from portal.core.uploads import DOC, DOCX, PDF, validate_upload
from portal.legaldocs.constants import (
    FILES_LABEL,
    MANDATORY_FIELDS,
    MAX_FILE_BYTES,
    DocumentType,
    RelationKind,
    ValidityStatus,
)
from portal.legaldocs.forms import parse_date
from portal.legaldocs.models import (
    LegalDocumentFile,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    normalise_number,
    number_key,
    number_slug,
)

# field in the file -> (Vietnamese alias accepted too)
ALIASES = {
    "number": "so_ky_hieu",
    "type": "loai",
    "issuing_body": "co_quan_ban_hanh",
    "issue_date": "ngay_ban_hanh",
    "effective_date": "ngay_hieu_luc",
    "expiry_date": "ngay_het_hieu_luc",
    "signer": "nguoi_ky",
    "abstract": "trich_yeu",
    "field": "linh_vuc",
    "status": "tinh_trang_hieu_luc",
    "full_text": "toan_van",
    "files": "tep_dinh_kem",
    "relations": "van_ban_lien_quan",
    "source_url": "nguon_dong_bo",
    "unit_code": "ma_don_vi",
    "is_normative": "la_vbqppl",
    "title": "tieu_de",
}


def _lookup(choices) -> dict[str, str]:
    table = {}
    for value, label in choices:
        table[value] = value
        table[fold(label)] = value
        table[fold(value).replace("-", " ")] = value
    return table


TYPE_LOOKUP = _lookup(DocumentType.choices)
STATUS_LOOKUP = _lookup(ValidityStatus.choices)
RELATION_LOOKUP = _lookup(RelationKind.choices)
RELATION_LOOKUP.update({"amends": RelationKind.AMENDS, "replaces": RelationKind.REPLACES, "guides": RelationKind.GUIDES,
                        "guided_by": RelationKind.GUIDED_BY, "based_on": RelationKind.BASED_ON, "sua doi, bo sung": RelationKind.AMENDS,
                        "thay the": RelationKind.REPLACES, "huong dan": RelationKind.GUIDES, "duoc huong dan boi": RelationKind.GUIDED_BY,
                        "can cu": RelationKind.BASED_ON})


class LineRejected(Exception):
    """One line of the file cannot be imported; the message says why, in Vietnamese."""


@dataclass
class ImportReport:
    lines: int = 0
    created: int = 0
    updated: int = 0
    published: int = 0
    drafts: list = field(default_factory=list)  # (line, number, missing labels)
    rejected: list = field(default_factory=list)  # (line, reason)
    warnings: list = field(default_factory=list)  # (line, message)
    dry_run: bool = False

    @property
    def accepted(self) -> int:
        return self.created + self.updated

    def summary(self) -> str:
        mode = " (chạy thử, chưa ghi gì)" if self.dry_run else ""
        return (
            f"Đã đọc {self.lines} dòng{mode}: {self.created} văn bản mới, {self.updated} cập nhật, "
            f"{self.published} đăng công khai, {len(self.drafts)} lưu nháp do thiếu thuộc tính, "
            f"{len(self.rejected)} dòng bị từ chối, {len(self.warnings)} cảnh báo."
        )


@dataclass
class _Row:
    line: int
    unit: object
    index: object
    values: dict
    files: list  # [(name, bytes | None, url)]
    relations: list  # [(kind, number)]
    missing: list


def _get(record: dict, name: str):
    if name in record:
        return record[name]
    return record.get(ALIASES.get(name, name))


def _text(record, name) -> str:
    value = _get(record, name)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise LineRejected(f"trường “{name}” phải là chuỗi ký tự")
    return nfc(str(value)).strip()


def _date(record, name):
    raw = _text(record, name)
    if not raw:
        return None
    parsed = parse_date(raw)
    if parsed is None:
        raise LineRejected(f"ngày không hợp lệ ở trường “{name}”: “{raw}” (dùng dd/mm/yyyy hoặc yyyy-mm-dd)")
    return parsed


def _choice(record, name, table, label):
    raw = _text(record, name)
    if not raw:
        return ""
    value = table.get(raw) or table.get(fold(raw))
    if value is None:
        raise LineRejected(f"{label} không rõ: “{raw}”")
    return value


def _read_file(base: Path, entry: dict):
    path = entry.get("path")
    name = nfc(str(entry.get("name") or "")).strip()
    url = str(entry.get("url") or "").strip()
    if path:
        local = (base / str(path)).resolve()
        if not local.is_file():
            raise LineRejected(f"không tìm thấy tệp “{path}” (đường dẫn tính từ thư mục của tệp dữ liệu)")
        data = local.read_bytes()
        upload = ContentFile(data, name=local.name)
        try:
            validate_upload(upload, kinds=(PDF, DOC, DOCX), max_bytes=MAX_FILE_BYTES)
        except ValidationError as exc:
            raise LineRejected(" ".join(exc.messages)) from exc
        return (name or local.stem, local.name, data, "")
    if url:
        if not url.startswith(("http://", "https://")):
            raise LineRejected(f"đường dẫn tệp không hợp lệ: “{url}”")
        return (name or url.rsplit("/", 1)[-1], "", None, url)
    raise LineRejected("mỗi tệp cần “path” (tệp trên máy) hoặc “url” (tệp ở trang nguồn)")


class _Context:
    def __init__(self, default_unit):
        from portal.units.models import Unit

        self.default_unit = default_unit
        self.units = {}
        self.indexes = {}
        self.Unit = Unit

    def unit(self, code: str):
        if not code:
            if self.default_unit is None:
                raise LineRejected("thiếu “unit_code” và không có --site")
            return self.default_unit
        if code not in self.units:
            self.units[code] = self.Unit.objects.filter(code=code).first()
        if self.units[code] is None:
            raise LineRejected(f"không có đơn vị mã “{code}”")
        return self.units[code]

    def index(self, unit):
        if unit.pk not in self.indexes:
            self.indexes[unit.pk] = LegalDocumentIndexPage.objects.filter(unit=unit).order_by("path").first()
        if self.indexes[unit.pk] is None:
            raise LineRejected(f"trang của {unit.name} chưa có mục Văn bản")
        return self.indexes[unit.pk]


def _parse(line_no: int, text: str, base: Path, context: _Context, seen: dict) -> _Row:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineRejected(f"JSON không hợp lệ ({exc.msg}, cột {exc.colno})") from exc
    if not isinstance(record, dict):
        raise LineRejected("mỗi dòng phải là một đối tượng JSON")
    number = normalise_number(_text(record, "number"))
    if not number:
        raise LineRejected("thiếu số, ký hiệu (“number”)")
    unit = context.unit(_text(record, "unit_code"))
    index = context.index(unit)
    key = (unit.pk, number_key(number))
    if key in seen:
        raise LineRejected(f"trùng số, ký hiệu “{number}” với dòng {seen[key]}")
    values = {
        "number": number,
        "document_type": _choice(record, "type", TYPE_LOOKUP, "hình thức văn bản"),
        "issuing_body": _text(record, "issuing_body"),
        "issue_date": _date(record, "issue_date"),
        "effective_date": _date(record, "effective_date"),
        "expiry_date": _date(record, "expiry_date"),
        "signer": _text(record, "signer"),
        "abstract": _text(record, "abstract"),
        "field": _text(record, "field"),
        "status": _choice(record, "status", STATUS_LOOKUP, "tình trạng hiệu lực") or ValidityStatus.IN_FORCE,
        "full_text": _text(record, "full_text"),
        "sync_source": _text(record, "source_url"),
        "is_normative": bool(_get(record, "is_normative")),
    }
    if values["issue_date"] and values["effective_date"] and values["effective_date"] < values["issue_date"]:
        raise LineRejected("ngày có hiệu lực trước ngày ban hành")
    if values["expiry_date"] and values["effective_date"] and values["expiry_date"] < values["effective_date"]:
        raise LineRejected("ngày hết hiệu lực trước ngày có hiệu lực")
    if values["sync_source"] and not values["sync_source"].startswith(("http://", "https://")):
        raise LineRejected(f"“source_url” không phải địa chỉ web: “{values['sync_source']}”")
    title = _text(record, "title")
    type_label = DocumentType(values["document_type"]).label if values["document_type"] else "Văn bản"
    values["title"] = (title or f"{type_label} {number}")[:255]
    files = _get(record, "files") or []
    relations = _get(record, "relations") or []
    if not isinstance(files, list) or not isinstance(relations, list):
        raise LineRejected("“files” và “relations” phải là danh sách")
    file_rows = [_read_file(base, entry if isinstance(entry, dict) else {"url": entry}) for entry in files]
    relation_rows = []
    for entry in relations:
        if not isinstance(entry, dict):
            raise LineRejected("mỗi văn bản liên quan cần “kind” và “number”")
        kind = _choice(entry, "kind", RELATION_LOOKUP, "loại quan hệ")
        target = normalise_number(_text(entry, "number"))
        if not kind or not target:
            raise LineRejected("mỗi văn bản liên quan cần “kind” và “number”")
        relation_rows.append((kind, target))
    missing = [label for name, label in MANDATORY_FIELDS.items() if not values.get(name)]
    if not file_rows:
        missing.append(FILES_LABEL)
    seen[key] = line_no
    return _Row(line_no, unit, index, values, file_rows, relation_rows, missing)


def _collection(unit):
    from wagtail.models import Collection

    from portal.units.models import UnitCollection

    link = UnitCollection.objects.filter(unit=unit).select_related("collection").first()
    return link.collection if link else Collection.get_first_root_node()


def _store_document(unit, title, filename, data, cache):
    """A Wagtail document for the file; the same bytes in the same unit are stored once."""
    Document = get_document_model()
    digest = hashlib.sha1(data).hexdigest()
    collection = cache.setdefault(("collection", unit.pk), _collection(unit))
    existing = Document.objects.filter(collection=collection, file_hash=digest).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = digest
    document.save()
    return document


def _unique_slug(index, number, page_id=None):
    base = number_slug(number) or "van-ban"
    slug, n = base, 1
    siblings = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
    if page_id:
        siblings = siblings.exclude(pk=page_id)
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _write(row: _Row, report: ImportReport, user, source_name: str, cache) -> int:
    key = number_key(row.values["number"])
    page = LegalDocumentPage.objects.filter(unit=row.unit, number_key=key).first()
    complete = not row.missing
    if page is not None and page.live and not complete:
        raise LineRejected(f"văn bản “{page.number}” đang đăng công khai; dòng này thiếu {', '.join(row.missing)} nên không cập nhật")
    is_new = page is None
    if is_new:
        page = LegalDocumentPage(unit=row.unit)
    for name, value in row.values.items():
        setattr(page, name, value)
    files = []
    for title, filename, data, url in row.files:
        if data is not None:
            document = _store_document(row.unit, title, filename, data, cache)
            files.append(LegalDocumentFile(document=document, title=title))
        else:
            files.append(LegalDocumentFile(external_url=url, title=title))
    page.files = files
    page.relations = [LegalDocumentRelation(kind=kind, target_number=target) for kind, target in row.relations]
    now = timezone.now()
    if complete:
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
    if is_new:
        if not complete:
            page.live = False
            page.has_unpublished_changes = True
        page.slug = _unique_slug(row.index, row.values["number"])
        page.owner = user
        row.index.add_child(instance=page)
        report.created += 1
    elif page.latest_revision_id:
        # The editor opens the latest revision, so an update to an edited page is a new revision.
        revision = page.save_revision(user=user, clean=False, log_action=False)
        if complete:
            revision.publish(user=user, log_action=False)
        report.updated += 1
    else:
        page.save()
        report.updated += 1
    if complete:
        report.published += 1
    else:
        report.drafts.append((row.line, row.values["number"], row.missing))
    log(
        page, "portal.legaldoc.import_create" if is_new else "portal.legaldoc.import_update", user=user,
        data={"line": row.line, "file": source_name, "published": complete},
    )
    return page.pk


def _resolve_relations(page_lines: dict[int, int], report: ImportReport) -> None:
    """Second pass: point each relation at the document with that number (same unit first, then anywhere)."""
    pending = LegalDocumentRelation.objects.filter(page_id__in=page_lines, target__isnull=True).select_related("page")
    for relation in pending:
        candidates = list(
            LegalDocumentPage.objects.filter(number_key=relation.target_number_key).only("id", "unit_id").order_by("id")[:20]
        )
        same_unit = [c for c in candidates if c.unit_id == relation.page.unit_id]
        chosen = same_unit[0] if len(same_unit) == 1 else (candidates[0] if len(candidates) == 1 else None)
        if chosen is None:
            report.warnings.append(
                (page_lines[relation.page_id], f"văn bản liên quan “{relation.target_number}” chưa có trên Cổng; đã ghi số, ký hiệu")
            )
            continue
        LegalDocumentRelation.objects.filter(pk=relation.pk).update(target=chosen)


def legal_documents_import(*, path: Path, default_unit=None, dry_run: bool = False, user=None) -> ImportReport:
    """Import JSON Lines from ``path``: create or update documents by (unit, số ký hiệu).

    Every line is either imported (published when complete, else kept as a draft and
    reported) or rejected with its line number and reason; nothing is dropped silently.
    Each line is written in its own savepoint, so one failing line leaves the rest.
    """
    path = Path(path)
    report = ImportReport(dry_run=dry_run)
    context = _Context(default_unit)
    seen: dict = {}
    rows = []
    with open(path, encoding="utf-8-sig") as handle:
        for line_no, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            report.lines += 1
            try:
                rows.append(_parse(line_no, text, path.parent, context, seen))
            except LineRejected as exc:
                report.rejected.append((line_no, str(exc)))
    if dry_run:
        for row in rows:
            exists = LegalDocumentPage.objects.filter(unit=row.unit, number_key=number_key(row.values["number"])).exists()
            if exists:
                report.updated += 1
            else:
                report.created += 1
            if row.missing:
                report.drafts.append((row.line, row.values["number"], row.missing))
            else:
                report.published += 1
        return report
    page_lines: dict[int, int] = {}
    cache: dict = {}
    with disable_reference_index_auto_update():
        for row in rows:
            try:
                with transaction.atomic():
                    page_lines[_write(row, report, user, path.name, cache)] = row.line
            except LineRejected as exc:
                report.rejected.append((row.line, str(exc)))
            except ValidationError as exc:
                report.rejected.append((row.line, "; ".join(exc.messages)))
        with transaction.atomic():
            _resolve_relations(page_lines, report)
    report.rejected.sort()
    report.warnings.sort()
    return report
