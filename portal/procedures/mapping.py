"""Which unit owns an imported procedure: rules from a JSON file matched on the agency and field texts.

The national database names agencies generically ("Sở Tư pháp", "Chi cục Hải quan khu vực", "Ủy ban nhân dân
cấp xã"), so the province keeps a small mapping file (`data/unit_mapping.json`, overridable with `--mapping`)
instead of code. Rules are tried in order; the first that matches wins. Texts are folded (lowercase, no
diacritics) before matching, so rules are written without diacritics.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from portal.core.text import collapse_spaces, fold, nfc
from portal.units.constants import UnitKind
from portal.units.models import Unit

DEFAULT_MAPPING = Path(__file__).resolve().parent / "data" / "unit_mapping.json"
MAIN_NOTE = "gán về Trang chính"


class MappingError(Exception):
    pass


@dataclass(frozen=True)
class Rule:
    agency: re.Pattern | None
    field: re.Pattern | None
    levels: frozenset[str]
    unit_code: str = ""
    unit_name: str = ""
    main: bool = False
    note: str = ""

    def matches(self, *, agency: str, field_name: str, levels: set[str]) -> bool:
        if self.levels and not (self.levels & levels):
            return False
        if self.agency is not None and not self.agency.search(agency):
            return False
        return self.field is None or bool(self.field.search(field_name))


def _pattern(value, regex: bool, where: str) -> re.Pattern | None:
    if value in (None, ""):
        return None
    text = fold(nfc(str(value)))
    try:
        return re.compile(text if regex else re.escape(text))
    except re.error as error:
        raise MappingError(f"{where}: biểu thức chính quy không hợp lệ “{value}”: {error}") from error


def load_rules(path: Path | None = None) -> list[Rule]:
    path = Path(path) if path else DEFAULT_MAPPING
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MappingError(f"Không đọc được tệp ánh xạ {path}: {error}") from error
    items = data.get("rules") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise MappingError(f"Tệp ánh xạ {path} phải có danh sách “rules”.")
    rules = []
    for number, item in enumerate(items, start=1):
        where = f"{path.name}, quy tắc {number}"
        if not isinstance(item, dict):
            raise MappingError(f"{where}: mỗi quy tắc là một đối tượng JSON.")
        regex = bool(item.get("regex"))
        rule = Rule(
            agency=_pattern(item.get("agency"), regex, where),
            field=_pattern(item.get("field"), regex, where),
            levels=frozenset(item.get("levels") or ()),
            unit_code=str(item.get("unit_code") or ""),
            unit_name=nfc(str(item.get("unit_name") or "")),
            main=bool(item.get("main")),
            note=nfc(str(item.get("note") or "")),
        )
        if rule.agency is None and rule.field is None:
            raise MappingError(f"{where}: cần “agency” hoặc “field”.")
        if not (rule.main or rule.unit_code or rule.unit_name):
            raise MappingError(f"{where}: cần “unit_code”, “unit_name” hoặc “main”: true.")
        rules.append(rule)
    return rules


@dataclass
class Assignment:
    unit: Unit
    note: str = ""  # said in the report when the owner is a fallback or a vertical agency
    problem: str = ""  # a rule pointed to a unit the registry does not have


@dataclass
class UnitResolver:
    """Rules plus the registry, loaded once per import run."""

    rules: list[Rule]
    main: Unit
    by_code: dict[str, Unit] = field(default_factory=dict)
    by_name: dict[str, Unit] = field(default_factory=dict)
    communes: list[Unit] = field(default_factory=list)

    @classmethod
    def load(cls, rules: list[Rule], main: Unit) -> "UnitResolver":
        units = list(Unit.objects.all())
        return cls(
            rules=rules, main=main,
            by_code={u.code: u for u in units},
            by_name={fold(collapse_spaces(u.name)): u for u in units},
            communes=[u for u in units if u.kind == UnitKind.COMMUNE],
        )

    def owner(self, *, agency: str, field_name: str, levels: set[str]) -> Assignment:
        folded_agency, folded_field = fold(agency), fold(field_name)
        for rule in self.rules:
            if not rule.matches(agency=folded_agency, field_name=folded_field, levels=levels):
                continue
            if rule.main:
                return Assignment(self.main, note=rule.note or MAIN_NOTE)
            unit = self.by_code.get(rule.unit_code) if rule.unit_code else self.by_name.get(fold(collapse_spaces(rule.unit_name)))
            if unit is None:
                wanted = rule.unit_code or rule.unit_name
                return Assignment(
                    self.main, note=MAIN_NOTE,
                    problem=f"quy tắc ánh xạ chỉ tới đơn vị “{wanted}” nhưng danh mục đơn vị không có; {MAIN_NOTE}",
                )
            return Assignment(unit, note=rule.note)
        return Assignment(
            self.main, note=MAIN_NOTE,
            problem=f"không xác định được đơn vị từ cơ quan thực hiện “{agency or 'không có thông tin'}”; {MAIN_NOTE}",
        )
