"""Folding, query parsing and highlighting: the parts every backend shares."""

import unicodedata

from portal.search.backends import fts5_expression, tsquery_expression
from portal.search.text import folded, highlight, number_key, parse, snippet


def test_folding_ignores_marks_case_dd_and_normal_form():
    composed = "Đồng Hới"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert folded(composed) == folded(decomposed) == folded("dong hoi") == folded("ĐỒNG HỚI") == "dong hoi"
    assert folded("Quyết định 06/2015/QĐ-UBND") == "quyet dinh 06 2015 qd ubnd"


def test_number_key_agrees_on_every_spelling():
    assert number_key("06/2015/QĐ-UBND") == number_key("06/2015/qd-ubnd") == number_key("06 / 2015 / QD - UBND") == "062015qdubnd"


def test_query_parsing_phrases_terms_prefix_and_number():
    query = parse('“Đồng Hới” lễ hội')
    assert query.phrases == [["dong", "hoi"]]
    assert query.terms == ["le", "hoi"]
    assert query.prefix == "hoi"  # the last bare word is also matched as a prefix
    query = parse("quảng bìn")
    assert query.terms == ["quang", "bin"] and query.prefix == "bin"
    assert parse("06/2015/QĐ-UBND").key == "062015qdubnd"
    assert parse("du lịch").key == ""
    assert parse('"dong hoi" ').prefix == ""


def test_backend_expressions_are_the_same_query():
    query = parse('"dong hoi" du lich')
    assert fts5_expression(query) == '"dong hoi" AND "du" AND "lich"*'
    assert tsquery_expression(query) == "('dong' <-> 'hoi') & 'du' & 'lich':*"


def test_highlight_marks_folded_matches_in_the_original_and_escapes_the_rest():
    html = highlight("<b>Đồng Hới</b> & dong hoi", parse("đồng hới"))
    assert html == "&lt;b&gt;<mark>Đồng</mark> <mark>Hới</mark>&lt;/b&gt; &amp; <mark>dong</mark> <mark>hoi</mark>"
    assert "<script>" not in highlight("<script>alert(1)</script> dong", parse("script"))


def test_snippet_is_cut_around_the_first_match():
    text = " ".join(["chữ"] * 100) + " Bảo Ninh " + " ".join(["khác"] * 100)
    out = snippet(text, parse("bao ninh"))
    assert out.startswith("… ") and out.endswith(" …")
    assert "<mark>Bảo</mark> <mark>Ninh</mark>" in out
