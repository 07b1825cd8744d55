import random
import unicodedata

import pytest

from portal.units import sources
from portal.units.constants import UnitKind
from portal.units.labels import (
    MAX_LABEL_LENGTH,
    RESERVED_LABELS,
    LabelError,
    LabelSubject,
    abbreviation_label,
    assign_labels,
    place_label,
    validate_label,
)


def subjects_for(province_code):
    records = sources.administrative_units(province_code) + sources.agency_records(province_code)
    return [LabelSubject(code=r.code, name=r.name, kind=r.kind, abbreviation=r.abbreviation, parent_code=r.parent_code) for r in records]


def test_the_three_examples_of_dieu_3():
    assert abbreviation_label("Sở Thông tin và Truyền thông") == "stttt"
    assert place_label("UBND Thành phố Đồng Hới") == "donghoi"
    assert place_label("UBND xã Bảo Ninh") == "baoninh"


def test_the_examples_through_the_registry_of_province_44():
    labels, _ = assign_labels(subjects_for("44"))
    records = {r.name: r.code for r in sources.administrative_units("44") + sources.agency_records("44")}
    assert labels[records["Sở Thông tin và Truyền thông"]] == "stttt"
    assert labels[records["Thành phố Đồng Hới"]] == "donghoi"
    assert labels[records["Xã Bảo Ninh"]] == "baoninh"


def test_decomposed_input_gives_the_same_label():
    assert place_label(unicodedata.normalize("NFD", "Xã Quảng Phú")) == "quangphu"
    assert abbreviation_label(unicodedata.normalize("NFD", "Sở Giáo dục và Đào tạo")) == "sgddt"


def test_type_words_dropped_only_at_the_start():
    assert place_label("Thị trấn Nông trường Việt Trung") == "nongtruongviettrung"
    assert place_label("Xã Hoà Xá") == "hoaxa"
    assert place_label("Huyện Minh Hóa") == "minhhoa"
    assert place_label("Thị trấn Quán Hàu") == "quanhau"
    assert place_label("Quận Ba Đình") == "badinh"
    assert abbreviation_label("Sở Lao động - Thương binh và Xã hội") == "sldtbxh"
    assert abbreviation_label("Văn phòng UBND tỉnh") == "vpubndt"


@pytest.mark.parametrize("province", ["44", "01"])
def test_all_labels_unique_and_valid(province):
    subjects = subjects_for(province)
    labels, adjustments = assign_labels(subjects)
    non_province = [s for s in subjects if s.kind != UnitKind.PROVINCE]
    assert len(labels) == len(non_province)
    assert len(set(labels.values())) == len(labels)
    for label in labels.values():
        assert validate_label(label) == label
        assert len(label) <= MAX_LABEL_LENGTH
        assert label not in RESERVED_LABELS
    assert all(a.given == labels[a.code] for a in adjustments)


def test_second_province_is_larger_and_works_the_same():
    hanoi = subjects_for("01")
    assert len(hanoi) > 500
    _labels, adjustments = assign_labels(hanoi)
    assert adjustments, "Hà Nội has many repeated ward names; they must be adjusted"


def test_real_collisions_of_quang_binh_resolved_by_the_documented_rule():
    labels, adjustments = assign_labels(subjects_for("44"))
    by_name = {}
    for r in sources.administrative_units("44"):
        by_name.setdefault(r.name, []).append(r.code)
    # Xã Quang Phú (Đồng Hới, lower code) keeps the label; Xã Quảng Phú (Quảng Trạch) takes its district's.
    assert labels[by_name["Xã Quang Phú"][0]] == "quangphu"
    assert labels[by_name["Xã Quảng Phú"][0]] == "quangphu-quangtrach"
    # The district outranks the commune of the same name.
    assert labels[by_name["Huyện Minh Hóa"][0]] == "minhhoa"
    assert labels[by_name["Xã Minh Hóa"][0]] == "minhhoa-minhhoa"
    assert labels[by_name["Thị xã Ba Đồn"][0]] == "badon"
    assert labels[by_name["Phường Ba Đồn"][0]] == "badon-badon"
    adjusted = {a.wanted for a in adjustments}
    assert {"quangphu", "minhhoa", "badon"} <= adjusted


def test_labels_do_not_depend_on_input_order():
    subjects = subjects_for("44")
    first, _ = assign_labels(subjects)
    shuffled = subjects[:]
    random.Random(7).shuffle(shuffled)
    second, _ = assign_labels(shuffled)
    assert first == second


@pytest.mark.parametrize(
    "bad",
    ["", "-abc", "abc-", "Đồng", "dong hoi", "a" * 64, "www", "mail", "api", "admin", "static", "media", "a_b"],
)
def test_invalid_or_reserved_labels_are_refused(bad):
    with pytest.raises(LabelError):
        validate_label(bad)


def test_reserved_base_label_is_adjusted():
    subjects = [
        LabelSubject(code="44", name="Tỉnh Quảng Bình", kind=UnitKind.PROVINCE),
        LabelSubject(code="X1", name="Xã Mail", kind=UnitKind.COMMUNE, parent_code="44"),
    ]
    labels, adjustments = assign_labels(subjects)
    assert labels["X1"] != "mail"
    assert validate_label(labels["X1"])
    assert adjustments[0].reason == "tên dành riêng"


def test_override_wins_and_is_validated():
    subjects = [
        LabelSubject(code="44", name="Tỉnh Quảng Bình", kind=UnitKind.PROVINCE),
        LabelSubject(code="44-TTR", name="Thanh tra tỉnh", kind=UnitKind.AGENCY, abbreviation="TTr", parent_code="44", override="thanhtra"),
    ]
    labels, _ = assign_labels(subjects)
    assert labels["44-TTR"] == "thanhtra"
    with pytest.raises(LabelError):
        assign_labels([subjects[0], LabelSubject(code="A", name="A", kind=UnitKind.AGENCY, override="www")])
