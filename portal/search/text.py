"""Words, queries and highlighting, the same for every backend.

Text is folded (`portal.core.text.fold`: NFC/NFD-insensitive, no diacritics, đ → d, lowercase)
and reduced to ``[a-z0-9]+`` words before it reaches a database, and queries get the same
treatment, so "dong hoi", "Đồng Hới" and its decomposed form are the same query.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.core.text import fold, nfc

from .constants import MAX_QUERY_LENGTH

_WORD = re.compile(r"[a-z0-9]+")
# A word as people see it: letters (with their marks) and digits; everything else separates.
_DISPLAY_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]?")
PREFIX_MIN = 3


def words(value: str) -> list[str]:
    return _WORD.findall(fold(nfc(value or "")))


@lru_cache(maxsize=20000)
def _token_words(token: str) -> tuple[str, ...]:
    return tuple(words(token))


def folded(value: str) -> str:
    """What goes in the ``*_f`` columns: folded words separated by single spaces."""
    return " ".join(words(value))


def number_key(value: str) -> str:
    """"06/2015/QĐ-UBND", "06/2015/qd-ubnd" and "06 / 2015 / QD - UBND" share one key."""
    return "".join(words(value))


@dataclass
class Query:
    text: str = ""
    phrases: list[list[str]] = field(default_factory=list)  # each quoted phrase, as words
    terms: list[str] = field(default_factory=list)  # bare words
    prefix: str = ""  # the last bare word, matched as a prefix too (at least PREFIX_MIN letters)
    key: str = ""  # number lookup key

    @property
    def empty(self) -> bool:
        return not (self.phrases or self.terms)

    @cached_property
    def all_words(self) -> list[str]:
        seen = []
        for w in [*(w for p in self.phrases for w in p), *self.terms]:
            if w not in seen:
                seen.append(w)
        return seen

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.all_words)

    @cached_property
    def sequence(self) -> list[str]:
        """The whole query as one run of words (for the phrase bonus)."""
        return words(self.text.replace('"', " "))


def parse(raw: str) -> Query:
    text = nfc(raw or "").strip()[:MAX_QUERY_LENGTH]
    phrases = []
    rest = []
    pos = 0
    for match in _QUOTED.finditer(text):
        rest.append(text[pos:match.start()])
        phrase = words(match.group(1))
        if len(phrase) == 1:
            rest.append(match.group(1))
        elif phrase and phrase not in phrases:
            phrases.append(phrase)
        pos = match.end()
    rest.append(text[pos:])
    terms = []
    for w in words(" ".join(rest)):
        if w not in terms:
            terms.append(w)
    ends_with_bare_word = bool(terms) and not re.search(r"[\"“”„«»\s]$", text)
    prefix = terms[-1] if ends_with_bare_word and len(terms[-1]) >= PREFIX_MIN and not terms[-1].isdigit() else ""
    key = number_key(text) if any(ch.isdigit() for ch in text) and len(number_key(text)) >= 3 else ""
    return Query(text=text, phrases=phrases, terms=terms, prefix=prefix, key=key)


def word_matches(word: str, query: Query) -> bool:
    if word in query.word_set:
        return True
    return bool(query.prefix) and word.startswith(query.prefix)


def highlight(text: str, query: Query) -> str:
    """``text`` escaped, with every word that matches the query wrapped in ``<mark>``."""
    text = nfc(text or "")
    if query.empty:
        return escape(text)
    parts = []
    pos = 0
    for match in _DISPLAY_WORD.finditer(text):
        token = match.group(0)
        pieces = _token_words(token)
        if pieces and all(word_matches(p, query) for p in pieces):
            parts.append(escape(text[pos:match.start()]))
            parts.append("<mark>" + escape(token) + "</mark>")
            pos = match.end()
    parts.append(escape(text[pos:]))
    return mark_safe("".join(parts))


def snippet(text: str, query: Query, *, size: int = 32) -> str:
    """About ``size`` words of ``text`` around the first match, highlighted; the start when nothing matches.

    Reads the text only up to the first match (bodies can be long).
    """
    text = nfc(text or "").strip()
    if not text:
        return ""
    before: deque = deque(maxlen=size // 3 + 1)
    found = False
    for match in _DISPLAY_WORD.finditer(text):
        before.append(match)
        pieces = _token_words(match.group(0))
        if pieces and all(word_matches(p, query) for p in pieces):
            found = True
            break
    if not before:
        return highlight(text[:240], query)
    start = before[0].start() if found and len(before) == before.maxlen else 0
    end = len(text)
    for count, match in enumerate(_DISPLAY_WORD.finditer(text, start), start=1):
        if count == size:
            end = match.end()
            break
    out = highlight(text[start:end], query)
    return mark_safe(("… " if start > 0 else "") + out + (" …" if end < len(text) else ""))
