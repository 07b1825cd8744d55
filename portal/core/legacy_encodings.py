"""Text pasted from documents typed in the old Vietnamese encodings, found and turned into Unicode.

Before Unicode, Vietnamese was typed with fonts whose letters sat on Latin-1 codes:
**TCVN3** (ABC, fonts ``.VnTime``) uses one code per letter (“Céng hoµ x· héi” = “Cộng hoà xã
hội”); **VNI-Windows** (fonts ``VNI-Times``) writes a base letter followed by a mark (“Quaûng
Bình” = “Quảng Bình”). Copied out of such a document the text arrives as Latin-1 mojibake.

``analyse`` looks for the tell-tale marks of each encoding, converts, and checks that the result
is made of Vietnamese syllables. ``convert_legacy`` answers the Unicode text (NFC) when it is
confident, the text unchanged when there is no sign of an old encoding, and raises
``LegacyEncodingError`` when the text looks garbled but cannot be converted safely: mojibake is
never stored.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

REFUSAL = (
    "Văn bản có vẻ được gõ bằng bảng mã TCVN3/VNI cũ; hãy chuyển sang Unicode "
    "(Unikey: Công cụ chuyển mã) rồi dán lại."
)

# TCVN3 (TCVN 5712:1993, “ABC”): Latin-1 code point -> Unicode letter. Capital letters with a
# tone have no code of their own (they were typed with the capital font .VnTimeH).
TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3_DECODE = {chr(code): letter for code, letter in TCVN3.items()}
TCVN3_ENCODE = {letter: code for code, letter in TCVN3_DECODE.items()}

# VNI-Windows: a letter is a base letter plus a mark byte. Tones: sắc, huyền, hỏi, ngã, nặng.
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_TONE = dict(zip(_TONES, "ùøûõï", strict=True))
_VNI_CIRCUMFLEX = {"": "â", **dict(zip(_TONES, "áàåãä", strict=True))}
_VNI_BREVE = {"": "ê", **dict(zip(_TONES, "éèúüë", strict=True))}
_VNI_I = {"": "i", **dict(zip(_TONES, "íìæóò", strict=True))}


def _vni_lower(letter: str) -> str | None:
    """The VNI spelling of one lowercase Vietnamese letter (None for plain ASCII)."""
    if letter == "đ":
        return "ñ"
    decomposed = unicodedata.normalize("NFD", letter)
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(mark for mark in marks if mark in _TONES)
    shape = "".join(mark for mark in marks if mark not in _TONES)
    if base not in "aeiouy" or len(tone) > 1:
        return None
    if base == "i":
        return _VNI_I[tone] if not shape else None
    if base == "y" and tone == "\u0323":
        return "î"
    if shape == "\u0302":  # â ê ô
        return base + _VNI_CIRCUMFLEX[tone]
    if shape == "\u0306":  # ă
        return base + _VNI_BREVE[tone]
    if shape == "\u031b":  # ơ ư
        return ("ô" if base == "o" else "ö") + _VNI_TONE.get(tone, "")
    if shape:
        return None
    return base + _VNI_TONE[tone] if tone else None


def _vietnamese_letters() -> list[str]:
    letters = ["đ"]
    for base in "aăâeêioôơuưy":
        for tone in ("", *_TONES):
            letters.append(unicodedata.normalize("NFC", unicodedata.normalize("NFD", base) + tone))
    return letters


VNI_ENCODE: dict[str, str] = {}
for _letter in _vietnamese_letters():
    _spelling = _vni_lower(_letter)
    if _spelling is None or _spelling == _letter:
        continue
    VNI_ENCODE[_letter] = _spelling
    VNI_ENCODE[_letter.upper()] = _spelling.upper()
VNI_DECODE: dict[str, str] = {}
for _letter, _spelling in VNI_ENCODE.items():
    VNI_DECODE.setdefault(_spelling, _letter)
    if len(_spelling) == 2:  # a capital base letter with a small mark (title case)
        VNI_DECODE.setdefault(_spelling[0] + _spelling[1].lower(), _letter)

# Marks that ordinary Vietnamese (or English) text never has inside a word.
_VNI_STRONG = set("øûïåäëüöñîæØÛÏÅÄËÜÖÑÎÆ")
_VNI_STRONG_PAIRS = re.compile(r"[aeoAEO][âÂ]|[aA][êÊ]")
# Latin-1 letters Unicode Vietnamese uses itself; every other TCVN3 code betrays the old encoding.
_LATIN1_VIETNAMESE = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_STRONG = {chr(code) for code in TCVN3} - _LATIN1_VIETNAMESE
# Letters only Unicode Vietnamese has: if present the text is already Unicode.
_UNICODE_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0323]")
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u01b0\u1ea0-\u1ef9\u0300-\u0323]+")
_VOWEL = re.compile("[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
# Vowel groups: those ending in a glide take no final consonant; the others may.
_OPEN_NUCLEI = (
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu",
)
_NUCLEI = (
    "uyê", "iê", "yê", "uô", "ươ", "oa", "oă", "oe", "oo", "uâ", "uê", "uơ", "uy", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:(?:" + "|".join(_OPEN_NUCLEI) + r")|(?:" + "|".join(_NUCLEI) + r")(?:ng|nh|ch|[cmnpt])?)",
)


def is_syllable(word: str) -> bool:
    """True when `word` is shaped like one Vietnamese syllable (at most one tone mark)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return bool(_SYLLABLE.fullmatch(bare))


def decode_tcvn3(text: str) -> str:
    return "".join(TCVN3_DECODE.get(ch, ch) for ch in text)


def encode_tcvn3(text: str) -> str:
    """Unicode Vietnamese as TCVN3 mojibake (capitals with a tone become small letters, as in .VnTime)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = TCVN3_ENCODE.get(ch)
        if code is None and ch.lower() != ch:
            code = TCVN3_ENCODE.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


def decode_vni(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_DECODE:
            out.append(VNI_DECODE[pair])
            i += 2
            continue
        out.append(VNI_DECODE.get(text[i], text[i]))
        i += 1
    return "".join(out)


def encode_vni(text: str) -> str:
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Analysis:
    encoding: str  # "", "tcvn3" or "vni"
    text: str  # the converted text (or the original when nothing is converted)
    ambiguous: bool = False


def _tcvn3_signal(word: str) -> bool:
    return any(ch in _TCVN3_STRONG for ch in word) and any(ch.isascii() for ch in word)


def _vni_signal(word: str) -> bool:
    return any(ch in _VNI_STRONG for ch in word[1:] + word[:1]) or bool(_VNI_STRONG_PAIRS.search(word))


def _score(words: list[str], signal, decode) -> tuple[int, int, int, int]:
    """(words with a signal, how many of those convert to syllables, candidate words that do).

    Words without a vowel once converted (abbreviations such as “QĐ”) count neither way.
    """
    words = [word for word in words if _VOWEL.search(decode(word).lower())]
    signals = [word for word in words if signal(word)]
    valid_signals = sum(1 for word in signals if is_syllable(decode(word)))
    valid = sum(1 for word in words if is_syllable(decode(word)))
    return len(signals), valid_signals, valid, len(words)


def analyse(text: str) -> Analysis:
    if not text or text.isascii():
        return Analysis("", text)
    text = unicodedata.normalize("NFC", text)
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return Analysis("", text)
    already_unicode = bool(_UNICODE_VIETNAMESE.search(text))
    candidates = []
    for encoding, signal, decode in (("tcvn3", _tcvn3_signal, decode_tcvn3), ("vni", _vni_signal, decode_vni)):
        signals, valid_signals, valid, counted = _score(words, signal, decode)
        if signals:
            candidates.append((valid_signals, valid, signals, counted, encoding, decode))
    if not candidates:
        return Analysis("", text)
    valid_signals, valid, signals, counted, encoding, decode = max(candidates, key=lambda c: (c[0], c[1]))
    confident = valid_signals == signals and valid >= 0.8 * counted
    if confident and not already_unicode:
        return Analysis(encoding, unicodedata.normalize("NFC", decode(text)))
    # Garbled enough to be sure it is an old encoding, but not safe to convert: refuse.
    if valid_signals >= 2 and valid_signals >= 0.6 * signals:
        return Analysis(encoding, text, ambiguous=True)
    return Analysis("", text)


class LegacyEncodingError(ValidationError):
    def __init__(self):
        super().__init__(REFUSAL, code="legacy_encoding")


def convert_legacy(text: str) -> str:
    """Unicode (NFC) for TCVN3/VNI mojibake; `text` unchanged otherwise; LegacyEncodingError when unsure."""
    result = analyse(text)
    if result.ambiguous:
        raise LegacyEncodingError()
    return result.text


def convert_if_confident(text: str) -> str:
    """Like `convert_legacy` but never raises: for write paths that cannot show an error."""
    result = analyse(text)
    return text if result.ambiguous else result.text


class LegacyTextFormMixin:
    """Convert old-encoding text in every text field of a form, or refuse it on that field.

    Runs right after the fields are cleaned, before the form's own ``clean()``, so the rest of
    the validation (prohibited terms, lengths) sees Unicode.
    """

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            if not isinstance(value, str) or value.isascii():
                continue
            try:
                self.cleaned_data[name] = convert_legacy(value)
            except LegacyEncodingError as error:
                self.add_error(name, error)
