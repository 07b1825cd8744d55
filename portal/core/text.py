"""Vietnamese text helpers: NFC normalisation and diacritic folding."""

import re
import unicodedata


def nfc(value: str) -> str:
    """Return ``value`` in Unicode NFC so that composed and decomposed input match."""
    return unicodedata.normalize("NFC", value)


def fold(value: str) -> str:
    """Vietnamese without diacritics, lowercase: "Đồng Hới" -> "dong hoi".

    đ/Đ are separate letters in Unicode (no decomposition), so they are mapped by hand.
    """
    value = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Mn")
    return value.lower()


_SPACES = re.compile(r"\s+")


def collapse_spaces(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def ascii_slug(value: str) -> str:
    """URL slug without diacritics: "Quảng Bình đẩy mạnh" -> "quang-binh-day-manh"."""
    from django.utils.text import slugify

    return slugify(fold(value))
