"""DNS labels for unit sites, as Điều 3 of the Quảng Bình regulation prescribes.

* Districts and communes: the place name in Vietnamese without diacritics (đ→d),
  lowercase, unit-type words dropped, words joined: "UBND Thành phố Đồng Hới" →
  ``donghoi``; "UBND xã Bảo Ninh" → ``baoninh``.
* Agencies and service units: the abbreviation of the name in Vietnamese without
  diacritics. The official abbreviation is used when the registry has one;
  otherwise it is the initials of the name, skipping the joining words "và",
  "của": "Sở Thông tin và Truyền thông" → ``stttt``.

Collisions (rule of :func:`assign_labels`): units are ranked by level (province,
agency, district, service unit, commune) and then by code. The first keeps the
plain label; each later one becomes ``<label>-<parent's label>``, and if that is
still taken, ``<label>-<code>``. Reserved labels count as taken.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from portal.core.text import collapse_spaces, fold, nfc

MAX_LABEL_LENGTH = 63
RESERVED_LABELS = frozenset(
    {
        "www", "mail", "smtp", "imap", "pop", "pop3", "webmail", "mx", "ns", "ns1", "ns2",
        "ftp", "sftp", "vpn", "api", "admin", "quantri", "static", "media", "cdn", "assets",
        "autodiscover", "autoconfig", "localhost", "dichvucong", "dvc", "sso", "login",
        "status", "monitor", "backup", "test", "demo", "dev", "staging",
    }
)

_LABEL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")

# Compared with diacritics, so "Quận" is a type word but "Quán" (Thị trấn Quán Hàu) is not.
UNIT_TYPE_WORDS = (
    "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "thành phố", "thị xã", "thị trấn", "huyện",
    "phường", "xã", "quận", "tỉnh",
)
_JOINING_WORDS = frozenset({"va", "cua", "-", "&"})


class LabelError(ValueError):
    pass


def validate_label(label: str) -> str:
    """Return ``label`` if it is a usable DNS label for a unit site, else raise LabelError."""
    if not label:
        raise LabelError("Tên miền không được để trống.")
    if len(label) > MAX_LABEL_LENGTH:
        raise LabelError(f"Tên miền dài tối đa {MAX_LABEL_LENGTH} ký tự.")
    if not _LABEL_RE.match(label):
        raise LabelError(
            "Tên miền chỉ gồm chữ thường không dấu (a–z), chữ số và dấu gạch ngang, "
            "không bắt đầu hoặc kết thúc bằng dấu gạch ngang."
        )
    if label in RESERVED_LABELS:
        raise LabelError(f"Tên miền “{label}” được dành riêng cho hệ thống, hãy chọn tên khác.")
    return label


def _words(text: str) -> list[str]:
    """Words of ``text`` as typed (NFC), with "-" and "&" as words of their own."""
    text = collapse_spaces(re.sub(r"([\-&])", r" \1 ", nfc(text)))
    return [w for w in (re.sub(r"[^\w\-&]", "", w) for w in text.split()) if w]


def place_label(name: str) -> str:
    """Label of an administrative unit from its name: leading unit-type words dropped, words joined."""
    text = " ".join(_words(name)).lower() + " "
    stripped = True
    while stripped:
        stripped = False
        for words in UNIT_TYPE_WORDS:
            if text.startswith(words + " ") and text != words + " ":
                text = text[len(words) + 1 :]
                stripped = True
    return re.sub(r"[^a-z0-9]", "", fold(text))[:MAX_LABEL_LENGTH]


def abbreviation_label(name: str, abbreviation: str = "") -> str:
    """Label of an agency: its abbreviation without diacritics, or the initials of its name."""
    if abbreviation:
        return re.sub(r"[^a-z0-9]", "", fold(abbreviation))[:MAX_LABEL_LENGTH]
    initials = []
    for word in _words(name):
        folded = re.sub(r"[^a-z0-9&\-]", "", fold(word))
        if not folded or folded in _JOINING_WORDS:
            continue
        # Acronyms inside a name (UBND, HĐND) are kept whole.
        initials.append(folded if len(word) > 1 and word.isupper() else folded[0])
    return "".join(initials)[:MAX_LABEL_LENGTH]


@dataclass(frozen=True)
class LabelSubject:
    """What the label rules need to know about a unit."""

    code: str
    name: str
    kind: str
    abbreviation: str = ""
    parent_code: str | None = None
    override: str = ""


@dataclass(frozen=True)
class LabelAdjustment:
    code: str
    name: str
    wanted: str
    given: str
    reason: str


def base_label(subject: LabelSubject) -> str:
    from portal.units.constants import UnitKind

    if subject.kind in (UnitKind.AGENCY, UnitKind.SERVICE_UNIT):
        return abbreviation_label(subject.name, subject.abbreviation)
    return place_label(subject.name)


def _sort_key(subject: LabelSubject):
    from portal.units.constants import KIND_PRIORITY

    return (KIND_PRIORITY.get(subject.kind, 9), len(subject.code), subject.code)


def assign_labels(
    subjects: Iterable[LabelSubject],
) -> tuple[dict[str, str], list[LabelAdjustment]]:
    """Give every unit a unique, valid label; return labels by code and the adjustments made.

    Deterministic: the same units always get the same labels, whatever their order.
    The province itself is served on the base domain and gets no label.
    """
    from portal.units.constants import UnitKind

    ordered = sorted(subjects, key=_sort_key)
    by_code = {s.code: s for s in ordered}
    labels: dict[str, str] = {}
    taken: set[str] = set(RESERVED_LABELS)
    adjustments: list[LabelAdjustment] = []

    # Operator overrides are honoured first: they were chosen deliberately.
    for subject in ordered:
        if subject.override and subject.kind != UnitKind.PROVINCE:
            validate_label(subject.override)
            if subject.override in taken:
                raise LabelError(f"Tên miền “{subject.override}” đã được dùng cho đơn vị khác.")
            labels[subject.code] = subject.override
            taken.add(subject.override)

    for subject in ordered:
        if subject.kind == UnitKind.PROVINCE or subject.code in labels:
            continue
        wanted = base_label(subject) or f"dv{subject.code.lower()}"
        label, reason = wanted, ""
        if label in taken:
            parent = by_code.get(subject.parent_code or "")
            parent_label = labels.get(parent.code, "") if parent else ""
            reason = "trùng với đơn vị khác" if wanted not in RESERVED_LABELS else "tên dành riêng"
            label = f"{wanted}-{parent_label}" if parent_label else ""
            if not label or label in taken or len(label) > MAX_LABEL_LENGTH:
                code_part = re.sub(r"[^a-z0-9]", "", subject.code.lower())
                label = f"{wanted[: MAX_LABEL_LENGTH - len(code_part) - 1]}-{code_part}"
        validate_label(label)
        labels[subject.code] = label
        taken.add(label)
        if label != wanted:
            adjustments.append(LabelAdjustment(subject.code, subject.name, wanted, label, reason))
    return labels, adjustments
