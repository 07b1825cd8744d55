"""Writes to the procedure catalogue. The admin, the importer and commands call only these.

L-43-15: a procedure missing any mandatory field cannot be published. The level (L-43-3.1, L-42-11) follows
from the capabilities and the papers' forms, so every change that touches them re-saves the procedure.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from portal.core.text import collapse_spaces, nfc
from portal.core.uploads import DOCUMENT_KINDS, XLS, XLSX, validate_upload
from portal.procedures import permissions
from portal.procedures.models import Procedure, ProcedureHandling, ProcedurePaper, ProcedureStatus


class ProcedureError(Exception):
    pass


FORM_FIELD_TYPES = {
    "text": "Dòng chữ", "textarea": "Đoạn văn", "date": "Ngày", "number": "Số", "email": "Thư điện tử",
    "phone": "Số điện thoại", "choice": "Chọn một trong danh sách",
}
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
TEMPLATE_KINDS = (*DOCUMENT_KINDS, XLS, XLSX)

# Fields people may change in the admin; capabilities included, the level is derived.
EDITABLE_FIELDS = (
    "name", "field", "levels", "primary_level", "applicant_types", "competent_agency", "implementing_agency",
    "decision_number", "steps", "channels", "time_limit_days", "time_limit_text", "fee_amount", "fee_text", "conditions",
    "result", "legal_basis", "online_submission", "online_processing", "online_payment", "online_result",
    "postal_result", "form_schema",
)


def procedure_missing_fields(procedure: Procedure) -> list[str]:
    """Vietnamese labels of the mandatory fields that are empty (L-43-15). "Không"/"Miễn phí" count as a fee text."""
    missing = []
    if not (procedure.national_code or "").strip():
        missing.append("Mã thủ tục")
    if not (procedure.name or "").strip():
        missing.append("Tên thủ tục")
    if procedure.field_id is None:
        missing.append("Lĩnh vực")
    if not ((procedure.competent_agency or "").strip() or (procedure.implementing_agency or "").strip()):
        missing.append("Cơ quan thực hiện")
    if not (procedure.steps or "").strip():
        missing.append("Trình tự thực hiện")
    if not procedure.channels:
        missing.append("Cách thức thực hiện")
    if procedure.pk is None or not procedure.papers.exists():
        missing.append("Thành phần hồ sơ")
    if procedure.time_limit_days is None and not (procedure.time_limit_text or "").strip():
        missing.append("Thời hạn giải quyết")
    if not procedure.fee_amount and not (procedure.fee_text or "").strip():
        missing.append("Phí, lệ phí")
    if not (procedure.result or "").strip():
        missing.append("Kết quả thực hiện")
    if not (procedure.legal_basis or "").strip():
        missing.append("Căn cứ pháp lý")
    return missing


def form_schema_errors(schema) -> list[str]:
    """What is wrong with an e-form definition, in Vietnamese; empty when it is valid."""
    if schema in (None, ""):
        return []
    if not isinstance(schema, list):
        return ["Biểu mẫu phải là một danh sách các trường."]
    errors, names = [], set()
    for number, item in enumerate(schema, start=1):
        where = f"Trường thứ {number}"
        if not isinstance(item, dict):
            errors.append(f"{where}: phải là một đối tượng có name, label, type.")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not _FIELD_NAME.match(name):
            errors.append(f"{where}: tên trường (name) chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ, ví dụ ho_ten.")
        elif name in names:
            errors.append(f"{where}: tên trường “{name}” bị trùng.")
        else:
            names.add(name)
        if not isinstance(item.get("label"), str) or not item["label"].strip():
            errors.append(f"{where}: cần nhãn (label) để người dân biết phải điền gì.")
        kind = item.get("type", "text")
        if kind not in FORM_FIELD_TYPES:
            errors.append(f"{where}: loại “{kind}” không hỗ trợ; chỉ dùng: {', '.join(FORM_FIELD_TYPES)}.")
        choices = item.get("choices")
        if kind == "choice":
            if not isinstance(choices, list) or not [c for c in choices if isinstance(c, str) and c.strip()]:
                errors.append(f"{where}: loại choice cần danh sách lựa chọn (choices).")
        elif choices not in (None, [], ""):
            errors.append(f"{where}: chỉ loại choice mới có danh sách lựa chọn.")
        if "required" in item and not isinstance(item["required"], bool):
            errors.append(f"{where}: required phải là true hoặc false.")
    return errors


def _normalise_schema(schema) -> list[dict]:
    cleaned = []
    for item in schema or []:
        entry = {
            "name": item["name"], "label": collapse_spaces(nfc(item["label"])), "type": item.get("type", "text"),
            "required": bool(item.get("required", False)),
        }
        if entry["type"] == "choice":
            entry["choices"] = [collapse_spaces(nfc(c)) for c in item["choices"] if isinstance(c, str) and c.strip()]
        if item.get("help"):
            entry["help"] = collapse_spaces(nfc(str(item["help"])))
        cleaned.append(entry)
    return cleaned


def _require_edit(actor, procedure):
    if actor is not None and not permissions.can_edit_procedure(actor, procedure):
        raise ProcedureError("Bạn không có quyền sửa thủ tục này: chỉ ban biên tập của đơn vị quản lý thủ tục được sửa.")


def _missing_message(missing: list[str]) -> str:
    return f"Chưa thể công khai thủ tục: còn thiếu {', '.join(missing)} (Điều 15 Nghị định 43/2011/NĐ-CP)."


@transaction.atomic
def procedure_publish(*, procedure: Procedure, actor) -> Procedure:
    """Publish; refuses with the missing mandatory fields named. actor=None is the import command."""
    _require_edit(actor, procedure)
    if procedure.status == ProcedureStatus.PUBLISHED:
        return procedure
    missing = procedure_missing_fields(procedure)
    if missing:
        raise ProcedureError(_missing_message(missing))
    procedure.status = ProcedureStatus.PUBLISHED
    procedure.save(update_fields=["status", "updated_at"])
    log(procedure, "portal.procedure.publish", user=actor, data={"national_code": procedure.national_code})
    return procedure


@transaction.atomic
def procedure_withdraw(*, procedure: Procedure, actor) -> Procedure:
    """Take a procedure out of the catalogue (bãi bỏ); units stop receiving it online."""
    _require_edit(actor, procedure)
    if procedure.status == ProcedureStatus.WITHDRAWN:
        return procedure
    procedure.status = ProcedureStatus.WITHDRAWN
    procedure.save(update_fields=["status", "updated_at"])
    switched_off = ProcedureHandling.objects.filter(procedure=procedure, online_enabled=True).update(online_enabled=False)
    log(procedure, "portal.procedure.withdraw", user=actor, data={
        "national_code": procedure.national_code, "online_switched_off": switched_off,
    })
    return procedure


def procedure_refresh_levels(procedure: Procedure) -> Procedure:
    """Re-derive the levels after the papers changed (they depend on downloadable forms)."""
    procedure.save(update_fields=["updated_at"])
    return procedure


def _validated_template(upload):
    try:
        validate_upload(upload, kinds=TEMPLATE_KINDS)
    except ValidationError as error:
        raise ProcedureError(" ".join(error.messages)) from error
    return upload


@transaction.atomic
def procedure_save_from_admin(*, procedure: Procedure, actor, changes: dict, papers: list[dict] | None = None) -> Procedure:
    """Save the admin's edits: fields, the e-form, and papers ({id, name, originals, copies, required,
    template_name, template_file, clear_template, delete}). A published procedure must stay complete."""
    _require_edit(actor, procedure)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ProcedureError(f"Không sửa được các trường: {', '.join(sorted(unknown))}.")
    if "form_schema" in changes:
        errors = form_schema_errors(changes["form_schema"])
        if errors:
            raise ProcedureError("Biểu mẫu điện tử chưa hợp lệ: " + " ".join(errors))
        changes = {**changes, "form_schema": _normalise_schema(changes["form_schema"])}
    before = {name: getattr(procedure, name) for name in changes if name != "field"}
    for name, value in changes.items():
        if isinstance(value, str):
            value = nfc(value).strip()
        setattr(procedure, name, value)
    procedure.save()
    papers_changed = _save_papers(procedure, papers or [])
    if procedure.status == ProcedureStatus.PUBLISHED:
        missing = procedure_missing_fields(procedure)
        if missing:
            raise ProcedureError(
                f"Thủ tục đang công khai nên phải đủ các trường bắt buộc: còn thiếu {', '.join(missing)}. Chưa lưu thay đổi."
            )
    if papers_changed:
        procedure_refresh_levels(procedure)
    changed = sorted(name for name, value in before.items() if getattr(procedure, name) != value)
    if "field" in changes:
        changed.append("field")
    log(procedure, "portal.procedure.edit", user=actor, data={
        "national_code": procedure.national_code, "fields": changed, "papers_changed": papers_changed,
        "level_2011": procedure.level_2011, "level_2022": procedure.level_2022,
    })
    return procedure


def _save_papers(procedure: Procedure, rows: list[dict]) -> bool:
    existing = {p.pk: p for p in procedure.papers.all()}
    changed = False
    for order, row in enumerate(rows):
        paper = existing.get(row.get("id")) if row.get("id") else None
        if row.get("id") and paper is None:
            raise ProcedureError("Thành phần hồ sơ không thuộc thủ tục này.")
        if row.get("delete"):
            if paper is not None:
                paper.delete()
                changed = True
            continue
        name = collapse_spaces(nfc(row.get("name") or ""))
        if not name:
            if paper is None and not row.get("template_file"):
                continue  # an empty extra row of the form
            raise ProcedureError(f"Thành phần hồ sơ thứ {order + 1}: cần tên giấy tờ.")
        paper = paper or ProcedurePaper(procedure=procedure)
        paper.name = name
        paper.originals = int(row.get("originals") or 0)
        paper.copies = int(row.get("copies") or 0)
        paper.required = bool(row.get("required", True))
        paper.template_name = collapse_spaces(nfc(row.get("template_name") or ""))[:255]
        paper.sort_order = order
        upload = row.get("template_file")
        if upload:
            paper.template_file = _validated_template(upload)
            if not paper.template_name:
                paper.template_name = upload.name[:255]
        elif row.get("clear_template"):
            paper.template_file = ""
        paper.save()
        changed = True
    return changed


@transaction.atomic
def procedure_set_online(*, procedure: Procedure, unit, enabled: bool, actor) -> ProcedureHandling:
    """Whether `unit` receives dossiers online for this procedure. Enabling needs a working online service:
    the online-submission capability, a valid e-form, and a procedure that is not withdrawn."""
    if actor is not None and not permissions.can_set_online(actor, procedure, unit.pk):
        raise ProcedureError("Bạn không có quyền bật, tắt nhận hồ sơ trực tuyến của đơn vị này.")
    handling = ProcedureHandling.objects.select_for_update().filter(procedure=procedure, unit=unit).first()
    if handling is None:
        raise ProcedureError(f"{unit.display_name} không phải đơn vị giải quyết thủ tục này.")
    if enabled:
        reasons = []
        if procedure.status == ProcedureStatus.WITHDRAWN:
            reasons.append("thủ tục đã bãi bỏ")
        if not procedure.online_submission:
            reasons.append("thủ tục chưa có khả năng nộp hồ sơ trực tuyến")
        if not procedure.form_schema:
            reasons.append("chưa có biểu mẫu điện tử (các trường người dân cần điền)")
        elif form_schema_errors(procedure.form_schema):
            reasons.append("biểu mẫu điện tử chưa hợp lệ")
        if reasons:
            raise ProcedureError(f"Chưa thể nhận hồ sơ trực tuyến: {'; '.join(reasons)}.")
    if handling.online_enabled != enabled:
        handling.online_enabled = enabled
        handling.save(update_fields=["online_enabled"])
        log(procedure, "portal.procedure.online", user=actor, data={
            "national_code": procedure.national_code, "unit": unit.pk, "enabled": enabled,
        })
    return handling
