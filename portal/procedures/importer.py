"""Import procedures from the national procedure database (JSON Lines, one record per line).

The National Public Service Portal publishes HTML tables that the crawl flattened into run-on text, e.g.
`cach_thuc_thuc_hien` = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc100,000 VNĐ(…)Trực tiếp…".
The parsers below take those strings apart; whatever they cannot read with confidence becomes a problem
line in the report and in `Procedure.import_problems` — nothing is dropped silently. See IMPORT.md.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.log_actions import log

from portal.core.text import ascii_slug, collapse_spaces, fold, nfc
from portal.procedures.mapping import UnitResolver, load_rules
from portal.procedures.models import (
    ApplicantType,
    Channel,
    Field,
    GovernmentLevel,
    Procedure,
    ProcedureHandling,
    ProcedurePaper,
    ProcedureStatus,
)

NO_INFO = "không có thông tin"


def clean(value) -> str:
    """NFC, collapsed whitespace, and the portal's "Không có thông tin" placeholder read as empty."""
    if value is None:
        return ""
    text = collapse_spaces(nfc(str(value)).replace("\xa0", " "))
    return "" if fold(text) in {fold(NO_INFO), "-", "--"} else text


def clean_multiline(value) -> str:
    """Like clean() but keeps line breaks (steps and conditions are lists)."""
    if value is None:
        return ""
    lines = [collapse_spaces(line) for line in nfc(str(value)).replace("\xa0", " ").splitlines()]
    text = "\n".join(line for line in lines if line)
    return "" if fold(text) in {fold(NO_INFO), "-", "--"} else text


# ---------------------------------------------------------------- channels, time limits, fees

CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
CHANNEL_WORDS = {"Trực tuyến": Channel.ONLINE, "Dịch vụ bưu chính": Channel.POST, "Trực tiếp": Channel.IN_PERSON}
# A channel cell starts a row only when the time cell follows at once (a digit or "Không có thông tin");
# descriptions also say "Trực tiếp tại …" or "+ Trực tuyến: …", with a space.
_CHANNEL_SPLIT = re.compile(r"(Trực tuyến|Dịch vụ bưu chính|Trực tiếp)(?=\d|Không có thông tin|$)")
_TIME_UNITS = {"ngày làm việc": "working_days", "ngày": "days", "giờ": "hours", "tháng": "months", "năm": "years"}
_TIME = re.compile(
    r"(?P<low>\d{1,3})(?:\s*(?:-|–|đến)\s*(?P<high>\d{1,3}))?\s*(?P<unit>Ngày làm việc|Ngày|Giờ|Tháng|Năm)?",
    re.IGNORECASE,
)
_CURRENCY = r"VNĐ|Việt Nam Đồng|Đồng|đồng|USD"
_FEE = re.compile(rf"(?P<amount>\d{{1,3}}(?:[.,]\d{{3}})+|\d+)\s*(?P<currency>{_CURRENCY})")
_FEE_IN_NOTE = re.compile(r"(\d{1,3}(?:\.\d{3})+)\s*(?:đồng|vnđ|đ)(?![a-zà-ỹ])", re.IGNORECASE)
_UNIT_TEXT = {"working_days": "ngày làm việc", "days": "ngày", "hours": "giờ", "months": "tháng", "years": "năm"}


def _balanced_parenthesis(text: str) -> int:
    """Length of the "(…)" group at the start of text, 0 when there is none or it never closes."""
    if not text.startswith("("):
        return 0
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index + 1
    return 0


@dataclass
class ChannelRow:
    channel: str
    days: int | None = None
    time_unit: str = ""  # working_days | days | hours | months | years | "" (no unit written)
    time_text: str = ""
    fee_amount: int | None = None  # VND; None when unknown
    fee_text: str = ""
    description: str = ""

    def as_json(self) -> dict:
        return {
            "channel": self.channel, "days": self.days, "time_unit": self.time_unit, "time_text": self.time_text,
            "fee_amount": self.fee_amount, "fee_text": self.fee_text, "description": self.description[:500],
        }


def parse_channels(raw: str, problems: list[str]) -> list[ChannelRow]:
    text = nfc(raw or "").replace("\xa0", " ")
    if not clean(text):
        problems.append("không có thông tin cách thức thực hiện")
        return []
    if text.startswith(CHANNEL_HEADER):
        text = text[len(CHANNEL_HEADER):]
    else:
        problems.append("cách thức thực hiện không có tiêu đề bảng như mong đợi")
    parts = _CHANNEL_SPLIT.split(text)
    if clean(parts[0]):
        problems.append(f"cách thức thực hiện có đoạn không thuộc hình thức nộp nào: “{clean(parts[0])[:80]}”")
    rows, found = [], {}
    for word, body in zip(parts[1::2], parts[2::2], strict=False):
        row_problems: list[str] = []
        rows.append(_parse_channel_row(CHANNEL_WORDS[word], body, row_problems))
        for reason in row_problems:
            found.setdefault(reason, []).append(word)
    # One line per reason, naming the channels it concerns ("Trực tuyến, Trực tiếp: …").
    problems.extend(f"{', '.join(dict.fromkeys(words))}: {reason}" for reason, words in found.items())
    if not rows:
        problems.append("không đọc được hình thức nộp nào trong cách thức thực hiện")
    return rows


def _parse_channel_row(channel: str, body: str, problems: list[str]) -> ChannelRow:
    row = ChannelRow(channel=channel)
    rest = body
    if rest.startswith("Không có thông tin"):
        rest = rest[len("Không có thông tin"):]
    else:
        match = _TIME.match(rest)
        if match:
            after = rest[match.end():]
            currency = re.match(rf"\s*({_CURRENCY})", after)
            if not match.group("unit") and currency:
                # "120 VNĐ": the time cell ("1") and the fee cell ("20 VNĐ") ran together; trust neither.
                problems.append(f"không tách được thời hạn và phí trong “{collapse_spaces(rest[:40])}”")
                rest = after[currency.end():]
                note_length = _balanced_parenthesis(rest)
                note = rest[1:note_length - 1] if note_length else ""
                row.fee_text = clean(f"{match.group(0).strip()} {currency.group(1)}" + (f" ({note})" if note else ""))
                found = set(_FEE_IN_NOTE.findall(note))
                if len(found) == 1:
                    amount = found.pop()
                    row.fee_amount = int(amount.replace(".", ""))
                    problems.append(f"lấy mức phí {amount} đồng từ phần ghi chú")
                row.description = clean_multiline(rest[note_length:])
                return row
            unit_word = (match.group("unit") or "").lower()
            row.time_unit = _TIME_UNITS.get(unit_word, "")
            low, high = int(match.group("low")), match.group("high")
            if high:
                row.time_text = f"{low}–{high} {_UNIT_TEXT.get(row.time_unit, 'ngày')}"
                problems.append(f"thời hạn là một khoảng “{row.time_text}”, giữ nguyên văn")
            elif row.time_unit in ("working_days", "days"):
                row.days = low
                row.time_text = f"{low} {_UNIT_TEXT[row.time_unit]}"
            elif row.time_unit:
                row.time_text = f"{low} {_UNIT_TEXT[row.time_unit]}"
                problems.append(f"thời hạn tính bằng {_UNIT_TEXT[row.time_unit]} (“{row.time_text}”), giữ nguyên văn")
            else:
                row.days = low
                row.time_text = f"{low} ngày làm việc"
                problems.append(f"thời hạn “{low}” không ghi đơn vị, tạm hiểu là ngày làm việc")
            rest = after
    # Fee cell.
    if rest.startswith("Miễn phí"):
        row.fee_amount, row.fee_text, rest = 0, "Miễn phí", rest[len("Miễn phí"):]
    elif rest.startswith("Không có thông tin"):
        rest = rest[len("Không có thông tin"):]
    else:
        match = _FEE.match(rest)
        if match:
            amount = int(re.sub(r"[.,]", "", match.group("amount")))
            currency = match.group("currency")
            if currency == "USD":
                row.fee_text = f"{amount} USD"
                problems.append(f"phí tính bằng ngoại tệ ({amount} USD), chưa quy đổi ra đồng")
            else:
                row.fee_amount = amount
                row.fee_text = f"{amount:,} đồng".replace(",", ".")
            rest = rest[match.end():]
    note_length = _balanced_parenthesis(rest)
    if note_length:
        note = clean(rest[1:note_length - 1])
        if note:
            row.fee_text = f"{row.fee_text} ({note})" if row.fee_text else note
        rest = rest[note_length:]
    row.description = clean_multiline(rest)
    return row


@dataclass
class Terms:
    channels: list[ChannelRow]
    time_limit_days: int | None
    time_limit_text: str
    fee_amount: int
    fee_text: str
    working_days: bool = True


def summarise_channels(rows: list[ChannelRow], problems: list[str]) -> Terms:
    """The procedure's time limit and fee: the online channel's when there is one, else the largest."""
    online = [r for r in rows if r.channel == Channel.ONLINE]
    pool = online or rows
    timed = [r for r in pool if r.days is not None] or [r for r in rows if r.days is not None]
    texts = [r for r in pool if r.time_text] or [r for r in rows if r.time_text]
    days, time_text, working_days = None, "", True
    if timed:
        best = max(timed, key=lambda r: (r.days, r.time_unit == "working_days"))
        days, time_text = best.days, best.time_text
        if best.time_unit == "days":
            working_days = False
            problems.append(f"thời hạn “{best.time_text}” tính theo ngày (không ghi ngày làm việc)")
    elif texts:
        time_text = texts[0].time_text
    else:
        problems.append("không có thông tin thời hạn giải quyết")
    priced = [r for r in pool if r.fee_amount is not None] or [r for r in rows if r.fee_amount is not None]
    fee_amount = max((r.fee_amount for r in priced), default=0)
    fee_texts = list(dict.fromkeys(r.fee_text for r in rows if r.fee_text))
    if len(fee_texts) > 1:
        fee_text = "; ".join(dict.fromkeys(f"{Channel(r.channel).label}: {r.fee_text}" for r in rows if r.fee_text))
    else:
        fee_text = fee_texts[0] if fee_texts else ""
    if not fee_text:
        problems.append("không có thông tin phí, lệ phí")
    return Terms(rows, days, time_text[:255], fee_amount, fee_text, working_days)


# ---------------------------------------------------------------- papers

# Vietnamese letters by case: a range such as À-Ỹ would also take lowercase letters in between.
_LATIN = [chr(n) for n in range(0x41, 0x1EFA) if chr(n).isalpha() and fold(chr(n)).isascii() and fold(chr(n)).isalpha()]
UPPER = "[" + re.escape("".join(c for c in _LATIN if c.isupper())) + "]"
LOWER = "[" + re.escape("".join(c for c in _LATIN if c.islower())) + "]"

PAPER_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_QUANTITY = re.compile(
    r"(?:(?<=[\s,;.:)\-])(?P<o2>\d{1,2})|(?P<o1>\d)) bản chính(?:\s*,\s*(?P<c>\d{1,2}) bản sao)?"
    r"|(?:(?<=[\s,;.:)\-])(?P<s2>\d{1,2})|(?P<s1>\d)) bản sao"
)
_EXTENSION = re.compile(r"\.(docx|doc|pdf|xlsx|xls|odt|rtf|rar|zip)$", re.IGNORECASE)
# Where a file name starts after the paper's name, written with no space between them.
_PUNCT_BOUNDARY = re.compile(r"(?:[;:]|\)\.?|\.(?=[^\s\d.]))(?=\S)")
_CASE_BOUNDARY = re.compile(rf"(?<={LOWER}|\))(?={UPPER})|(?<={UPPER}{UPPER})(?={UPPER}{LOWER})")
_FILE_WINDOW = 90


def _split_templates(text: str) -> tuple[str, list[str]]:
    """"Đơn đề nghị…;Mẫu số 08.docx" -> ("Đơn đề nghị…", ["Mẫu số 08.docx"]); several files may run together."""
    files: list[str] = []
    while True:
        match = _EXTENSION.search(text)
        if not match:
            break
        stem = text[: match.start()]
        # A previous file name ends where this one starts ("Mau35.docxMau36.docx").
        previous = None
        for found in re.finditer(r"\.(?:docx|doc|pdf|xlsx|xls|odt)(?=\S)", stem, re.IGNORECASE):
            previous = found
        window_start = max(0, len(stem) - _FILE_WINDOW)
        if previous and previous.end() >= window_start:
            start = previous.end()
        else:
            punct = [m.end() for m in _PUNCT_BOUNDARY.finditer(stem, window_start)]
            case = [m.start() for m in _CASE_BOUNDARY.finditer(stem, window_start)]
            candidates = punct or case
            if not candidates:
                break
            start = candidates[0]
        name = collapse_spaces(text[start:])
        if not name or len(name) > _FILE_WINDOW + 5:
            break
        files.insert(0, name)
        text = text[:start]
    return text, files


# The national records list notes and conditional papers among the papers ("Lưu ý — …", "Trường hợp …",
# "(nếu có)"): only a paper with a quantity and no condition is required of everyone.
_CONDITIONAL = re.compile(r"lưu ý|trường hợp|nếu|đối với|hoặc", re.IGNORECASE)


def paper_required(paper: "PaperRow") -> bool:
    return (paper.originals + paper.copies) > 0 and not _CONDITIONAL.search(paper.name)


@dataclass
class PaperRow:
    name: str
    originals: int
    copies: int
    template_name: str = ""


def parse_papers(raw: str, problems: list[str]) -> tuple[list[PaperRow], str]:
    """Papers, plus any text that belongs to the steps (the crawl sometimes shifted the columns)."""
    text = nfc(raw or "").replace("\xa0", " ")
    if not clean(text):
        problems.append("không có thông tin thành phần hồ sơ")
        return [], ""
    if PAPER_HEADER not in text:
        spill = clean_multiline(text)
        if spill.startswith(")") or re.search(r"\bBước\s*\d", spill):
            problems.append("thành phần hồ sơ bị lệch: cột chứa phần tiếp của trình tự thực hiện (đã ghép vào trình tự); không có danh sách giấy tờ")
            return [], spill
        problems.append("thành phần hồ sơ không có bảng giấy tờ; chưa đọc được giấy tờ nào")
        return [], ""
    sections = text.split(PAPER_HEADER)
    headings = [clean(sections[0])]
    papers: list[PaperRow] = []
    grouped = len(sections) > 2
    for index, body in enumerate(sections[1:], start=1):
        heading = headings[index - 1]
        position = 0
        next_heading = ""
        for match in _QUANTITY.finditer(body):
            chunk = body[position: match.start()]
            position = match.end()
            name, templates = _split_templates(chunk)
            name = clean(name).strip(" ;,")
            if not name:
                continue
            if grouped and heading:
                name = f"{heading.rstrip(':')} — {name}"
            originals = int(match.group("o2") or match.group("o1") or 0)
            copies = int(match.group("c") or match.group("s2") or match.group("s1") or 0)
            papers.append(PaperRow(name=name, originals=originals, copies=copies, template_name="; ".join(templates)[:255]))
        next_heading = clean(body[position:])
        headings.append(next_heading)
    if headings[-1]:
        problems.append(f"thành phần hồ sơ có đoạn cuối không ghi số lượng (có thể bị cắt): “{headings[-1][:80]}”")
    if not papers:
        problems.append("không đọc được giấy tờ nào trong thành phần hồ sơ")
    return papers, ""


# ---------------------------------------------------------------- legal basis, result, levels, applicants

LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
# A document code ("01/2016/TT-BLĐTBXH", "58/2014/QH13") ends where the next name starts ("Nghị định …").
_DOC_CODE = re.compile(
    rf"\d{{1,4}}/(?:\d{{4}}/)?{UPPER}+?\d{{0,2}}(?:-\s?{UPPER}+?{LOWER}?\d{{0,2}})*(?=$|{UPPER}{LOWER})"
)


def parse_legal_basis(raw: str, problems: list[str]) -> str:
    text = clean(raw)
    if text.startswith(LEGAL_HEADER):
        text = text[len(LEGAL_HEADER):]
    if not text:
        problems.append("không có thông tin căn cứ pháp lý")
        return ""
    lines, position = [], 0
    for match in _DOC_CODE.finditer(text):
        entry = text[position: match.end()].strip()
        # The name usually repeats the code; keep "Name (code)" readable.
        code = match.group(0)
        name = entry[: -len(code)].strip() if entry.endswith(code) else entry
        if name:
            lines.append(f"{name} ({code})" if code not in name else name)
        position = match.end()
    tail = text[position:].strip()
    if tail:
        lines.append(tail)
    return "\n".join(lines)


_RESULT_END = re.compile(r"Từ khóa|Chọn cơ quan thực hiện|Mô tảKhông có thông tin")


def parse_result(raw: str, problems: list[str]) -> str:
    text = clean(raw)
    match = _RESULT_END.search(text)
    if match:
        text = text[: match.start()]
    items = [collapse_spaces(part) for part in re.split(r"Mã:\s*KQ\.[A-Z]\d+\.\d+", text)]
    result = "\n".join(item for item in items if item)
    if not result:
        problems.append("không có thông tin kết quả thực hiện")
    return result


LEVEL_WORDS = {"cap bo": GovernmentLevel.MINISTRY, "cap tinh": GovernmentLevel.PROVINCE, "cap xa": GovernmentLevel.COMMUNE}


def parse_levels(raw: str, problems: list[str]) -> tuple[list[str], str]:
    levels: list[str] = []
    for part in (p for p in (clean(raw) or "").split(",") if p.strip()):
        level = LEVEL_WORDS.get(fold(part.strip()))
        if level is None:
            problems.append(f"cấp thực hiện không nhận ra: “{part.strip()}”")
        elif level not in levels:
            levels.append(level)
    if GovernmentLevel.COMMUNE in levels:
        primary = GovernmentLevel.COMMUNE
    elif GovernmentLevel.PROVINCE in levels:
        primary = GovernmentLevel.PROVINCE
    else:
        primary = GovernmentLevel.PROVINCE
        problems.append("thủ tục không thực hiện ở cấp tỉnh hoặc cấp xã; coi là cấp tỉnh")
    return levels, primary


# Longest first: "Doanh nghiệp Việt Nam" before "Doanh nghiệp"; labels themselves contain commas.
APPLICANT_LABELS = sorted(
    [
        ("Công dân Việt Nam", ApplicantType.CITIZEN),
        ("Người Việt Nam định cư ở nước ngoài", ApplicantType.OVERSEAS),
        ("Người nước ngoài", ApplicantType.FOREIGNER),
        ("Doanh nghiệp có vốn đầu tư nước ngoài", ApplicantType.ENTERPRISE),
        ("Doanh nghiệp Việt Nam", ApplicantType.ENTERPRISE),
        ("Doanh nghiệp", ApplicantType.ENTERPRISE),
        ("Hợp tác xã", ApplicantType.COOPERATIVE),
        ("Tổ chức (không bao gồm doanh nghiệp, HTX)", ApplicantType.ORGANISATION),
        ("Tổ chức nước ngoài", ApplicantType.FOREIGN_ORGANISATION),
        ("Cán bộ, công chức, viên chức", ApplicantType.PUBLIC_SERVANT),
    ],
    key=lambda pair: -len(pair[0]),
)


def parse_applicants(raw: str, problems: list[str]) -> list[str]:
    text = fold(clean(raw))
    found: list[str] = []
    for label, kind in APPLICANT_LABELS:
        key = fold(label)
        if key in text:
            text = text.replace(key, ",")
            if kind not in found:
                found.append(kind)
    leftovers = [part.strip() for part in text.split(",") if part.strip()]
    if leftovers:
        found.append(ApplicantType.OTHER)
        originals = [clean(p) for p in (raw or "").split(",") if fold(clean(p)) in leftovers]
        problems.append(f"đối tượng thực hiện không thuộc danh mục, xếp vào “Đối tượng khác”: {', '.join(originals or leftovers)}")
    if not found:
        problems.append("không có thông tin đối tượng thực hiện")
    return found


# ---------------------------------------------------------------- one record

@dataclass
class ParsedRecord:
    line: int
    code: str
    values: dict
    papers: list[PaperRow]
    levels: list[str]
    field_name: str
    agency: str
    problems: list[str] = field(default_factory=list)


class RecordError(Exception):
    """The record cannot be stored at all."""


def parse_record(data: dict, line: int) -> ParsedRecord:
    if not isinstance(data, dict):
        raise RecordError("dòng không phải là một đối tượng JSON")
    code = clean(data.get("ma_thu_tuc"))
    name = clean(data.get("ten_thu_tuc"))
    if not code:
        raise RecordError("thiếu mã thủ tục (ma_thu_tuc)")
    if len(code) > 32:
        raise RecordError(f"mã thủ tục quá dài: “{code[:40]}”")
    if not name:
        raise RecordError("thiếu tên thủ tục (ten_thu_tuc)")
    problems: list[str] = []
    levels, primary = parse_levels(data.get("cap_thuc_hien", ""), problems)
    rows = parse_channels(data.get("cach_thuc_thuc_hien", ""), problems)
    terms = summarise_channels(rows, problems)
    papers, spill = parse_papers(data.get("thanh_phan_ho_so", ""), problems)
    steps = clean_multiline(data.get("trinh_tu_thuc_hien", ""))
    if spill:
        steps = f"{steps}{spill}" if steps.endswith(("(", " ")) else f"{steps}\n{spill}".strip()
    if not steps:
        problems.append("không có thông tin trình tự thực hiện")
    competent = clean(data.get("co_quan_co_tham_quyen"))
    implementing = clean(data.get("co_quan_thuc_hien"))
    if not competent and not implementing:
        problems.append("không có thông tin cơ quan thực hiện")
    channels = {r.channel for r in rows}
    values = {
        "name": name,
        "primary_level": primary,
        "levels": levels,
        "applicant_types": parse_applicants(data.get("doi_tuong_thuc_hien", ""), problems),
        "competent_agency": competent,
        "implementing_agency": implementing,
        "decision_number": clean(data.get("so_quyet_dinh"))[:64],
        "steps": steps,
        "channels": [r.as_json() for r in rows],
        "time_limit_days": terms.time_limit_days,
        "time_limit_text": terms.time_limit_text,
        "time_limit_working_days": terms.working_days,
        "fee_amount": terms.fee_amount,
        "fee_text": terms.fee_text,
        "conditions": clean_multiline(data.get("yeu_cau_dieu_kien")),
        "result": parse_result(data.get("ket_qua_xu_ly", ""), problems),
        "legal_basis": parse_legal_basis(data.get("can_cu_phap_ly", ""), problems),
        "source_url": clean(data.get("detail_url"))[:500],
        # Capabilities the data states; the province turns on payment and online results itself.
        "online_submission": Channel.ONLINE in channels,
        "online_processing": Channel.ONLINE in channels,
        "postal_result": Channel.POST in channels,
    }
    return ParsedRecord(
        line=line, code=code, values=values, papers=papers, levels=levels,
        field_name=clean(data.get("linh_vuc")), agency=", ".join(v for v in (implementing, competent) if v),
        problems=problems,
    )


# ---------------------------------------------------------------- the run

@dataclass
class Problem:
    line: int
    code: str
    reason: str

    def __str__(self):
        return f"dòng {self.line}{f' ({self.code})' if self.code else ''}: {self.reason}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    published: int = 0
    drafts_incomplete: int = 0
    with_problems: int = 0
    failed: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    handlings_created: int = 0
    dry_run: bool = False

    @property
    def stored(self) -> int:
        return self.created + self.updated


# Province settings an import never overwrites (the national data does not know them).
_KEPT_FIELDS = {"form_schema", "online_payment", "online_result", "status", "unit"}


def _field_for(name: str, cache: dict[str, Field]) -> Field | None:
    if not name:
        return None
    key = fold(name)
    if key in cache:
        return cache[key]
    existing = Field.objects.filter(name=name).first()
    if existing is None:
        base = ascii_slug(name)[:190] or "linh-vuc"
        slug, n = base, 2
        while Field.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        existing = Field.objects.create(name=name[:200], slug=slug)
    cache[key] = existing
    return existing


def import_procedures(
    path: Path, *, mapping: Path | None = None, dry_run: bool = False, publish: bool = False, actor=None,
) -> ImportReport:
    """Read a JSON Lines file and upsert every record by national code. Dry runs roll everything back."""
    from portal.procedures.services import procedure_missing_fields, procedure_publish
    from portal.units.services import unit_main

    rules = load_rules(mapping)
    main = unit_main()
    if main is None:
        raise RecordError("Chưa có đơn vị Trang chính (UBND tỉnh): hãy nhập danh mục đơn vị trước (import_units).")
    resolver = UnitResolver.load(rules, main)
    report = ImportReport(dry_run=dry_run)
    fields: dict[str, Field] = {}
    seen: dict[str, int] = {}
    with transaction.atomic():
        with open(path, encoding="utf-8-sig") as handle:
            for number, raw_line in enumerate(handle, start=1):
                if not raw_line.strip():
                    continue
                try:
                    data = json.loads(raw_line)
                except ValueError as error:
                    report.failed.append(Problem(number, "", f"JSON không hợp lệ ({error})"))
                    continue
                try:
                    record = parse_record(data, number)
                except RecordError as error:
                    code = clean(data.get("ma_thu_tuc"))[:40] if isinstance(data, dict) else ""
                    report.failed.append(Problem(number, code, str(error)))
                    continue
                if record.code in seen:
                    record.problems.append(f"mã thủ tục trùng với dòng {seen[record.code]}; bản ghi sau ghi đè bản ghi trước")
                seen[record.code] = number
                try:
                    with transaction.atomic():
                        procedure, created, new_handlings = _store(record, resolver, fields, report)
                except Exception as error:  # one bad record must not stop the file; it is reported
                    report.failed.append(Problem(number, record.code, f"không lưu được: {error}"))
                    continue
                report.handlings_created += new_handlings
                if created:
                    report.created += 1
                else:
                    report.updated += 1
                if record.problems:
                    report.with_problems += 1
                    report.problems.extend(Problem(number, record.code, reason) for reason in record.problems)
                if publish and procedure.status == ProcedureStatus.DRAFT:
                    missing = procedure_missing_fields(procedure)
                    if missing:
                        report.drafts_incomplete += 1
                        report.notes.append(Problem(number, record.code, f"để ở trạng thái nháp, thiếu: {', '.join(missing)}"))
                    else:
                        procedure_publish(procedure=procedure, actor=actor)
                        report.published += 1
        if dry_run:
            transaction.set_rollback(True)
    return report


def _store(record: ParsedRecord, resolver: UnitResolver, fields: dict, report: ImportReport) -> tuple[Procedure, bool, int]:
    levels = set(record.levels)
    commune_level = record.values["primary_level"] == GovernmentLevel.COMMUNE
    assignment = resolver.owner(agency=record.agency, field_name=record.field_name, levels=levels)
    if assignment.problem and not (commune_level and assignment.unit == resolver.main):
        record.problems.append(assignment.problem)
    elif assignment.note:
        report.notes.append(Problem(record.line, record.code, assignment.note))
    procedure = Procedure.objects.filter(national_code=record.code).first()
    created = procedure is None
    if created:
        procedure = Procedure(national_code=record.code, unit=assignment.unit)
    elif procedure.unit_id != assignment.unit.pk:
        # The owner follows the mapping, but a unit that already receives dossiers online keeps its row below.
        procedure.unit = assignment.unit
    for name, value in record.values.items():
        if name not in _KEPT_FIELDS:
            setattr(procedure, name, value)
    procedure.field = _field_for(record.field_name, fields)
    procedure.import_problems = list(record.problems)
    procedure.save()
    procedure.papers.all().delete()
    ProcedurePaper.objects.bulk_create(
        ProcedurePaper(
            procedure=procedure, name=p.name, originals=min(p.originals, 32767), copies=min(p.copies, 32767),
            template_name=p.template_name, sort_order=i, required=paper_required(p),
        )
        for i, p in enumerate(record.papers)
    )
    # Handling units: every commune for commune-level procedures, the owner for provincial ones.
    wanted = {c.pk for c in resolver.communes} if commune_level else set()
    if not commune_level or GovernmentLevel.PROVINCE in levels or not wanted:
        wanted.add(assignment.unit.pk)
    existing = dict(ProcedureHandling.objects.filter(procedure=procedure).values_list("unit_id", "online_enabled"))
    stale = [unit_id for unit_id, enabled in existing.items() if unit_id not in wanted and not enabled]
    if stale:
        ProcedureHandling.objects.filter(procedure=procedure, unit_id__in=stale).delete()
    new = [ProcedureHandling(procedure=procedure, unit_id=unit_id) for unit_id in wanted - existing.keys()]
    ProcedureHandling.objects.bulk_create(new, batch_size=500)
    # Levels depend on the papers' template files, which were just replaced.
    procedure.save(update_fields=["updated_at"])
    log(procedure, "portal.procedure.import", data={
        "national_code": procedure.national_code, "created": created, "problems": len(record.problems),
    })
    return procedure, created, len(new)
