"""The one-stop forms of TT 01/2018/TT-VPCP (Phụ lục) as PDF: Mẫu 01–05 on A5, the tracking book Mẫu 06 on A4.

Each function returns the bytes of a finished document, passed through the unit's signing hook (signing.py).
Text is NFC and set in DejaVu Serif (embedded, full Vietnamese coverage); every variable text goes through
multi_cell or write, which wrap inside the margins, so nothing runs off the page. Dates are dd/mm/yyyy.
"""

import datetime as dt
import logging
import re
from pathlib import Path

from django.utils import timezone
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from portal.core.text import nfc
from portal.dossiers.book import (
    TIMELINESS_LABELS,
    dossier_timeliness,
    tracking_book_rows,
    tracking_book_totals,
)
from portal.dossiers.constants import DossierStatus, EventAction, FileKind
from portal.dossiers.signing import sign_pdf
from portal.units.constants import UnitKind

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSerif"
CREATOR = "Cổng thông tin điện tử – Hệ thống thông tin giải quyết thủ tục hành chính"
ONE_STOP_CENTRE = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
ONE_STOP_DESK = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BODY_SIZE = 9.5
LINE = 4.8
# Hand-offs only: payments and ratings are not steps of processing (Mẫu 05).
NOT_HANDOFFS = (EventAction.PAY, EventAction.RATE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# fontTools narrates every font subset at INFO; one line per glyph table per document is noise in the logs.
logging.getLogger("fontTools").setLevel(logging.WARNING)


# ---------------------------------------------------------------- text helpers

def _t(value) -> str:
    """NFC text without control characters; the embedded font has precomposed Vietnamese glyphs only."""
    if value is None:
        return ""
    text = nfc(str(value)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text).strip()


def _date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "…"


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(value) if value else None


def _time_and_date(value: dt.datetime | None) -> str:
    value = _local(value)
    return f"{value:%H} giờ {value:%M} phút, ngày {value:%d/%m/%Y}" if value else "…"


def _lines(text: str) -> list[str]:
    """A free-text list (one item per line, maybe already numbered or bulleted) as clean items."""
    items = []
    for line in _t(text).split("\n"):
        line = re.sub(r"^\s*(?:[-–•*+]|\d+[.)])\s*", "", line).strip()
        if line:
            items.append(line)
    return items


def _reasons(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return _lines(value)
    return [item for entry in value for item in _lines(str(entry))]


# ---------------------------------------------------------------- who issues the paper

def _province():
    """(the authority line "UBND TỈNH QUẢNG BÌNH", the place name "Quảng Bình") from the province unit."""
    from portal.units.services import unit_main

    main = unit_main()
    if main is None:
        return "", ""
    place = main.name
    if main.division_type and place.lower().startswith(main.division_type.lower()):
        place = place[len(main.division_type):].strip()
    return _t(main.display_name).upper(), _t(place)


def _office(unit, *, agency: bool = False) -> str:
    """The issuing office under the authority line: the province's centre, or the unit's one-stop desk.

    `agency`: the paper comes from the agency itself (Mẫu 04 apology), not from its one-stop desk.
    """
    if unit.kind == UnitKind.PROVINCE:
        return ONE_STOP_CENTRE
    name = _t(unit.display_name).upper()
    return name if agency else f"{ONE_STOP_DESK} {name}"


def _office_name(unit) -> str:
    """The same office in running text: "Trung tâm Phục vụ hành chính công", "Bộ phận Tiếp nhận và Trả kết quả Sở Y tế"."""
    if unit.kind == UnitKind.PROVINCE:
        return "Trung tâm Phục vụ hành chính công"
    return f"Bộ phận Tiếp nhận và Trả kết quả {_t(unit.display_name)}"


# ---------------------------------------------------------------- the page

class FormPDF(FPDF):
    def __init__(self, *, a4_landscape: bool = False, page_numbers: bool = False):
        if a4_landscape:
            super().__init__(orientation="L", unit="mm", format="A4")
        else:
            super().__init__(orientation="P", unit="mm", format=(148, 210))  # A5
        self.page_numbers = page_numbers
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSerif.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
        margin = 10 if a4_landscape else 12
        self.set_margins(margin, 10, margin)
        self.set_auto_page_break(True, margin=12)
        self.set_lang("vi")
        self.set_creator(CREATOR)
        self.set_font(FONT, "", BODY_SIZE)
        self.add_page()

    def footer(self):
        if self.page_numbers:
            self.set_y(-9)
            self.set_font(FONT, "I", 7)
            self.cell(0, 4, f"Trang {self.page_no()}/{{nb}}", align="C")

    # -- blocks

    def fitted_size(self, text: str, width: float, style: str, size: float, smallest: float = 6.5) -> float:
        """The largest size ≤ `size` at which `text` stays on one line of `width` (fixed header texts)."""
        while size > smallest:
            self.set_font(FONT, style, size)
            if self.get_string_width(text) <= width - 2 * self.c_margin:
                break
            size -= 0.25
        return size

    def heading(self, unit, *, number: str = "", day: dt.date | None = None, agency: bool = False):
        """The TT 01/2018 heading: authority and office left, nation and motto right, number and place-date below."""
        authority, place = _province()
        office = _office(unit, agency=agency)
        left_w = self.epw * 0.46
        right_w = self.epw - left_w
        x_left, x_right, top = self.l_margin, self.l_margin + left_w, self.get_y()
        size = 8.5 if self.epw < 200 else 10

        self.set_xy(x_left, top)
        if authority and authority != office:
            self.set_font(FONT, "", size)
            self.multi_cell(left_w, size * 0.45, authority, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_font(FONT, "B", size)
        self.multi_cell(left_w, size * 0.45, office, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        y = self.get_y() + 0.8
        self.line(x_left + left_w / 2 - 9, y, x_left + left_w / 2 + 9, y)
        self.set_y(y + 1.5)
        if number:
            self.set_x(x_left)
            self.fitted_size(f"Số: {number}", left_w, "", size, smallest=7)  # long codes wrap below 7 pt
            self.multi_cell(left_w, size * 0.45, f"Số: {number}", align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        left_bottom = self.get_y()

        self.set_xy(x_right, top)
        self.fitted_size(NATION, right_w, "B", size)
        self.multi_cell(right_w, size * 0.45, NATION, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        motto_size = self.fitted_size(MOTTO, right_w, "B", size + 0.5)
        self.set_font(FONT, "B", motto_size)
        self.multi_cell(right_w, size * 0.45, MOTTO, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        y = self.get_y() + 0.8
        half = self.get_string_width(MOTTO) / 2
        self.line(x_right + right_w / 2 - half, y, x_right + right_w / 2 + half, y)
        self.set_xy(x_right, y + 1.5)
        day = day or timezone.localdate()
        place_date = f"{place + ', ' if place else ''}ngày {day:%d} tháng {day:%m} năm {day:%Y}"
        self.set_font(FONT, "I", size)
        self.multi_cell(right_w, size * 0.45, place_date, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)

        self.set_xy(self.l_margin, max(left_bottom, self.get_y()) + 5)
        self.set_font(FONT, "", BODY_SIZE)

    def title_block(self, title: str, *lines: str):
        self.set_font(FONT, "B", 11.5 if self.epw < 200 else 13)
        self.multi_cell(0, 6, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for line in lines:
            self.set_font(FONT, "B" if line.startswith("Mã hồ sơ") else "I", BODY_SIZE)
            self.multi_cell(0, LINE, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)
        self.set_font(FONT, "", BODY_SIZE)

    def field(self, label: str, value: str | None = ""):
        """“Label: value” wrapping at the right margin, label in bold."""
        self.set_x(self.l_margin)
        self.set_font(FONT, "B", BODY_SIZE)
        self.write(LINE, f"{label}:")
        self.set_font(FONT, "", BODY_SIZE)
        if value:
            self.write(LINE, f" {value}")
        self.ln(LINE)

    def paragraph(self, text: str, *, style: str = "", indent: float = 0, size: float = BODY_SIZE):
        self.set_font(FONT, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, LINE, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", BODY_SIZE)

    def items(self, items: list[str], *, numbered: bool = True, empty: str = "…"):
        if not items:
            self.paragraph(empty, indent=4)
        for index, item in enumerate(items, start=1):
            self.paragraph(f"{index}. {item}" if numbered else f"- {item}", indent=4)

    def signatures(self, blocks: list[tuple[str, str, str]]):
        """Side-by-side signature blocks (title, hint, name); they move to a new page together rather than split."""
        self.ln(3)
        if self.get_y() + 34 > self.page_break_trigger:
            self.add_page()
        top = self.get_y()
        width = self.epw / max(len(blocks), 2)
        # A lone signer signs on the right, as on every Vietnamese administrative paper.
        first = self.l_margin + (width if len(blocks) == 1 else 0)
        bottom = top
        for index, (title, hint, name) in enumerate(blocks):
            x = first + index * width
            self.set_xy(x, top)
            self.set_font(FONT, "B", BODY_SIZE - 0.5)
            self.multi_cell(width, LINE, title, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.set_font(FONT, "I", BODY_SIZE - 1.5)
            self.multi_cell(width, LINE - 0.6, hint, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.set_xy(x, self.get_y() + 16)
            self.set_font(FONT, "B", BODY_SIZE - 0.5)
            self.multi_cell(width, LINE, _t(name), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
            bottom = max(bottom, self.get_y())
        self.set_xy(self.l_margin, bottom)
        self.set_font(FONT, "", BODY_SIZE)

    def finish(self, *, title: str, unit, subject: str = "") -> bytes:
        self.set_title(title)
        self.set_author(_t(unit.display_name))
        if subject:
            self.set_subject(subject)
        return sign_pdf(bytes(self.output()), unit=unit)


# ---------------------------------------------------------------- dossier facts shared by the forms

def _contact_lines(pdf: FormPDF, dossier):
    pdf.field("Địa chỉ", _t(dossier.applicant_address) or "…")
    phone = _t(dossier.applicant_phone) or "…"
    email = _t(dossier.applicant_email)
    pdf.field("Số điện thoại", f"{phone}{'   Thư điện tử: ' + email if email else ''}")


def _papers(dossier) -> list[str]:
    """Papers received: the dossier's own paper files, or else what the procedure requires."""
    files = list(dossier.files.filter(kind=FileKind.PAPER).select_related("paper"))
    if files:
        names = []
        for item in files:
            name = _t(item.paper.name if item.paper else item.original_name)
            if name and name not in names:
                names.append(name)
        return names
    papers = []
    for paper in dossier.procedure.papers.all():
        quantity = paper.quantity_text
        papers.append(_t(paper.name) + (f" ({quantity})" if quantity else ""))
    return papers


def _last_actor(dossier, action: str) -> str:
    event = dossier.events.filter(action=action).order_by("-at", "-pk").first()
    return _t(event.actor_name) if event else ""


def _event_unit(dossier, event):
    """The unit that wrote a request/refusal: the event's own, else reception before acceptance, else the handler."""
    if event.from_unit_id:
        return event.from_unit
    if dossier.received_at is None or event.from_status in (DossierStatus.SUBMITTED, DossierStatus.SUPPLEMENT_REQUESTED):
        return dossier.receiving_unit
    return dossier.handling_unit


def _code(dossier) -> str:
    return _t(dossier.code) or f"#{dossier.pk}"


# ---------------------------------------------------------------- Mẫu 01–05

def form_01_receipt(dossier) -> bytes:
    """Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""
    unit, procedure, code = dossier.receiving_unit, dossier.procedure, _code(dossier)
    received = _local(dossier.received_at)
    pdf = FormPDF()
    pdf.heading(unit, number=f"{code}/TNHS", day=received.date() if received else None)
    pdf.title_block("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", f"Mã hồ sơ: {code}")
    pdf.paragraph(f"{_office_name(unit)} tiếp nhận hồ sơ của:")
    pdf.field("Ông/Bà, tổ chức", _t(dossier.applicant_name) or "…")
    _contact_lines(pdf, dossier)
    pdf.field("Nội dung yêu cầu giải quyết", _t(procedure.name))
    pdf.field("Hình thức nộp", _t(dossier.get_channel_display()))
    pdf.field("1. Thành phần hồ sơ nộp gồm", None)
    pdf.items(_papers(dossier))
    pdf.field("2. Số lượng hồ sơ", "01 bộ")
    days = procedure.time_limit_days
    limit = f"{days:02d} ngày làm việc" if days else (_t(procedure.time_limit_text) or "…")
    pdf.field("3. Thời gian giải quyết hồ sơ theo quy định", limit)
    pdf.field("4. Thời gian nhận hồ sơ", _time_and_date(dossier.received_at))
    pdf.field("5. Ngày hẹn trả kết quả", _date(dossier.appointment_date))
    delivery = _t(dossier.get_result_delivery_display())
    if dossier.result_delivery == "post" and dossier.postal_address:
        delivery += f", địa chỉ: {_t(dossier.postal_address)}"
    pdf.field("6. Hình thức nhận kết quả", delivery)
    pdf.paragraph(
        "Khi đến nhận kết quả, Ông/Bà mang theo Giấy tiếp nhận này. Tình trạng hồ sơ tra cứu được trên Cổng "
        "dịch vụ công của tỉnh bằng mã hồ sơ.", style="I", size=BODY_SIZE - 1,
    )
    pdf.signatures([
        ("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", dossier.applicant_name),
        ("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", _last_actor(dossier, EventAction.RECEIVE)),
    ])
    return pdf.finish(
        title=f"Mẫu số 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả – {code}", unit=unit, subject=_t(procedure.name),
    )


def form_02_supplement(dossier, event) -> bytes:
    """Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. `event.note`: what to add; `event.data["reasons"]`: why."""
    unit, procedure, code = _event_unit(dossier, event), dossier.procedure, _code(dossier)
    pdf = FormPDF()
    pdf.heading(unit, number=f"{code}/YCBS", day=_local(event.at).date())
    pdf.title_block("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", f"Mã hồ sơ: {code}")
    pdf.field("Hồ sơ của", _t(dossier.applicant_name) or "…")
    pdf.field("Nội dung yêu cầu giải quyết", _t(procedure.name))
    _contact_lines(pdf, dossier)
    pdf.field("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau", None)
    pdf.items(_lines(event.note or dossier.supplement_note))
    reasons = _reasons((event.data or {}).get("reasons"))
    if reasons:
        pdf.field("Lý do", None)
        pdf.items(reasons, numbered=False)
    officer = _t(event.actor_name)
    phone = _t(unit.phone)
    pdf.paragraph(
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
        f"{'ông/bà ' + officer if officer else _office_name(unit)}"
        f"{', số điện thoại ' + phone if phone else ''} để được hướng dẫn."
    )
    pdf.signatures([("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", event.actor_name)])
    return pdf.finish(title=f"Mẫu số 02 – Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ – {code}", unit=unit, subject=_t(procedure.name))


def form_03_refusal(dossier, event) -> bytes:
    """Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ; the reasons are `event.note`."""
    unit, procedure, code = _event_unit(dossier, event), dossier.procedure, _code(dossier)
    pdf = FormPDF()
    pdf.heading(unit, number=f"{code}/TCHS", day=_local(event.at).date())
    pdf.title_block("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", f"Mã hồ sơ: {code}")
    pdf.paragraph(f"{_office_name(unit)} tiếp nhận hồ sơ của:")
    pdf.field("Ông/Bà, tổ chức", _t(dossier.applicant_name) or "…")
    _contact_lines(pdf, dossier)
    pdf.field("Nội dung yêu cầu giải quyết", _t(procedure.name))
    basis = _t((event.data or {}).get("legal_basis"))
    pdf.paragraph(
        f"Căn cứ {'quy định tại ' + basis if basis else 'quy định của pháp luật về thủ tục hành chính này'}, "
        "cơ quan, tổ chức từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"
    )
    pdf.items(_lines(event.note or dossier.refusal_reason))
    pdf.paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện./.")
    pdf.signatures([("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", event.actor_name)])
    return pdf.finish(title=f"Mẫu số 03 – Phiếu từ chối tiếp nhận giải quyết hồ sơ – {code}", unit=unit, subject=_t(procedure.name))


def form_04_apology(apology) -> bytes:
    """Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, issued by the handling agency itself."""
    dossier = apology.dossier
    unit, procedure, code = dossier.handling_unit, dossier.procedure, _code(dossier)
    agency = _t(unit.display_name)
    pdf = FormPDF()
    pdf.heading(unit, number=f"{code}/XLHS", day=_local(apology.issued_at).date(), agency=True)
    pdf.title_block("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")
    pdf.paragraph(f"Kính gửi: Ông/Bà {_t(dossier.applicant_name) or '…'}", style="B")
    pdf.ln(1)
    received = _local(dossier.received_at)
    pdf.paragraph(
        f"Ngày {_date(received.date() if received else None)}, {agency} tiếp nhận giải quyết hồ sơ của Ông/Bà; "
        f"mã hồ sơ: {code}."
    )
    pdf.field("Nội dung yêu cầu giải quyết", _t(procedure.name))
    pdf.field("Ngày hẹn trả kết quả", _date(apology.previous_date))
    pdf.paragraph(
        f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn ghi trên "
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
    )
    pdf.field("Lý do", _t(apology.reason) or "…")
    pdf.paragraph(
        f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ "
        f"cho Ông/Bà vào ngày {_date(apology.new_date)}."
    )
    pdf.paragraph("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.")
    signer = ""
    if apology.issued_by_id and apology.issued_by:
        signer = apology.issued_by.get_full_name() or ""
    pdf.signatures([("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", signer)])
    return pdf.finish(title=f"Mẫu số 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả – {code}", unit=unit, subject=_t(procedure.name))


def _handoff_sides(dossier, event) -> tuple[str, str]:
    giver = [_t(event.from_unit.display_name)] if event.from_unit_id and event.from_unit else []
    receiver = [_t(event.to_unit.display_name)] if event.to_unit_id and event.to_unit else []
    if event.action in (EventAction.SUBMIT, EventAction.SUPPLEMENT) and not giver:
        giver.append(f"Người nộp: {_t(dossier.applicant_name)}")
    elif event.actor_name:
        giver.append(_t(event.actor_name))
    if event.action == EventAction.RETURN and not receiver:
        receiver.append(f"Người nộp: {_t(dossier.applicant_name)}")
    if event.action == EventAction.SUBMIT and not receiver:
        receiver.append(_t(dossier.receiving_unit.display_name))
    return "\n".join(giver) or "—", "\n".join(receiver) or "—"


def form_05_control(dossier) -> bytes:
    """Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ — every hand-off of the dossier, in order."""
    unit, procedure, code = dossier.receiving_unit, dossier.procedure, _code(dossier)
    today = timezone.localdate()
    events = list(dossier.events.exclude(action__in=NOT_HANDOFFS).select_related("from_unit", "to_unit").order_by("at", "pk"))
    pdf = FormPDF()
    pdf.heading(unit, number=f"{code}/KSHS", day=today)
    pdf.title_block(
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", f"Mã hồ sơ: {code}",
        f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: {code}/TNHS)",
    )
    pdf.field("Thủ tục", _t(procedure.name))
    pdf.field("Người nộp", _t(dossier.applicant_name) or "…")
    pdf.field("Nơi tiếp nhận hồ sơ", _t(dossier.receiving_unit.display_name))
    pdf.field("Cơ quan giải quyết hồ sơ", _t(dossier.handling_unit.display_name))
    received = _local(dossier.received_at)
    pdf.field("Ngày tiếp nhận", _date(received.date() if received else None))
    pdf.field("Hạn giải quyết theo quy định", _date(dossier.legal_due_date))
    pdf.field("Ngày hẹn trả kết quả", _date(dossier.appointment_date))
    timeliness = dossier_timeliness(dossier, today=today)
    pdf.field("Kết quả giải quyết hồ sơ", TIMELINESS_LABELS.get(timeliness, _t(dossier.get_status_display())))
    pdf.ln(2)
    pdf.set_font(FONT, "", 7.5)
    with pdf.table(
        col_widths=(9, 29, 29, 21, 36), width=pdf.epw, line_height=3.4, text_align=("CENTER", "LEFT", "LEFT", "CENTER", "LEFT"),
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)), padding=0.8, repeat_headings=1,
    ) as table:
        table.row(["STT", "Bên giao", "Bên nhận", "Thời gian giao, nhận", "Nội dung, kết quả, ghi chú"])
        for number, event in enumerate(events, start=1):
            giver, receiver = _handoff_sides(dossier, event)
            at = _local(event.at)
            what = [_t(event.get_action_display())]
            if event.action == EventAction.RESULT and dossier.legal_due_date:
                day = at.date()
                state = "Trước hạn" if day < dossier.legal_due_date else ("Đúng hạn" if day == dossier.legal_due_date else "Quá hạn")
                what.append(f"({state})")
            if event.note:
                what.append(_t(event.note))
            table.row([str(number), giver, receiver, f"{at:%H:%M}\n{at:%d/%m/%Y}", "\n".join(what)])
    if not events:
        pdf.paragraph("Chưa có bước giao, nhận nào.", style="I")
    return pdf.finish(title=f"Mẫu số 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ – {code}", unit=unit, subject=_t(procedure.name))


# ---------------------------------------------------------------- Mẫu 06

BOOK_COLUMNS = (
    ("STT", 8, "CENTER"),
    ("Mã hồ sơ", 33, "LEFT"),
    ("Tên thủ tục hành chính", 44, "LEFT"),
    ("Người nộp", 26, "LEFT"),
    ("Địa chỉ, số điện thoại", 32, "LEFT"),
    ("Cơ quan giải quyết", 24, "LEFT"),
    ("Ngày nhận hồ sơ", 17, "CENTER"),
    ("Ngày hẹn trả kết quả", 17, "CENTER"),
    ("Ngày có kết quả", 17, "CENTER"),
    ("Ngày trả kết quả", 17, "CENTER"),
    ("Kết quả (trước, đúng, quá hạn)", 20, "CENTER"),
    ("Ghi chú", 38, "LEFT"),
)


def _book_date(value) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def form_06_book(unit, start: dt.date, end: dt.date) -> bytes:
    """Mẫu 06: Sổ theo dõi hồ sơ of `unit` for dossiers received from `start` to `end` (A4 landscape)."""
    rows = tracking_book_rows(unit, start, end)
    totals = tracking_book_totals(rows)
    pdf = FormPDF(a4_landscape=True, page_numbers=True)
    pdf.heading(unit)
    pdf.title_block("SỔ THEO DÕI HỒ SƠ", f"{_t(unit.display_name)} – từ ngày {_date(start)} đến ngày {_date(end)}")
    pdf.set_font(FONT, "", 7)
    scale = pdf.epw / sum(width for _, width, _ in BOOK_COLUMNS)
    with pdf.table(
        col_widths=tuple(width * scale for _, width, _ in BOOK_COLUMNS), width=pdf.epw, line_height=3.2,
        text_align=tuple(align for _, _, align in BOOK_COLUMNS), padding=0.7, repeat_headings=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
    ) as table:
        table.row([label for label, _, _ in BOOK_COLUMNS])
        for row in rows:
            table.row([
                str(row.number), _t(row.code), _t(row.procedure_name), _t(row.applicant_name), _t(row.address_phone),
                _t(row.handling_unit_name), _book_date(row.received_on), _book_date(row.appointment_on),
                _book_date(row.resolved_on), _book_date(row.returned_on), _t(row.timeliness_label) if row.timeliness else "",
                _t(row.note),
            ])
    pdf.ln(2)
    if not rows:
        pdf.paragraph("Không có hồ sơ nào được tiếp nhận trong kỳ.", style="I")
    pdf.paragraph(
        f"Tổng số: {totals['all']} hồ sơ; trước hạn: {totals['early']}; đúng hạn: {totals['on_time']}; "
        f"quá hạn: {totals['late']}; đang giải quyết trong hạn: {totals['open']}; "
        f"quá hạn chưa có kết quả: {totals['overdue']}; đang tạm dừng: {totals['suspended']}.",
        size=BODY_SIZE - 1,
    )
    return pdf.finish(
        title=f"Mẫu số 06 – Sổ theo dõi hồ sơ – {_t(unit.display_name)} – {_date(start)}–{_date(end)}", unit=unit,
    )
