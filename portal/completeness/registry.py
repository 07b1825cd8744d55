"""The catalogue of mandatory items each kind of site must have, filled by the domain apps.

A check is a function `(unit, context) -> Finding`; it must not raise for a unit that simply
lacks data (that is what MISSING is for).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from portal.units.constants import UnitKind

ALL_KINDS = frozenset({UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.SERVICE_UNIT})
PEOPLES_COMMITTEES = frozenset({UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE})
AGENCIES = frozenset({UnitKind.AGENCY, UnitKind.SERVICE_UNIT})


class Status(StrEnum):
    PRESENT = "present"
    MISSING = "missing"
    STALE = "stale"


STATUS_LABELS = {Status.PRESENT: "Đã có", Status.MISSING: "Còn thiếu", Status.STALE: "Chưa cập nhật"}


@dataclass(frozen=True)
class Finding:
    status: Status
    detail: str = ""
    fix_url: str = ""


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    legal_basis: str
    kinds: frozenset
    group: str
    order: int
    func: Callable = field(compare=False)


_CHECKS: dict[str, Check] = {}


def register(code: str, *, title: str, legal_basis: str, kinds=ALL_KINDS, group: str = "Khác", order: int = 500):
    """Decorator for a check function in `<app>/completeness.py`."""

    def decorator(func):
        _CHECKS[code] = Check(code, title, legal_basis, frozenset(kinds), group, order, func)
        return func

    return decorator


def checks_for(kind: str) -> list[Check]:
    return sorted((c for c in _CHECKS.values() if kind in c.kinds), key=lambda c: (c.order, c.code))


def all_checks() -> list[Check]:
    return sorted(_CHECKS.values(), key=lambda c: (c.order, c.code))
