"""Cleaning and checking of typed input, before anything reaches the database."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from facilitation.domain.model import BoardKind
from facilitation.domain.validation import (
    TEXT_MAX,
    ValidationError,
    a_date,
    choice,
    clean_text,
    had_control_characters,
    optional_text,
    required_text,
    single_line,
    whole_number,
)

C0_CONTROLS = "".join(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r")
C1_CONTROLS = "".join(chr(c) for c in range(0x7F, 0xA0))


def test_cleaning_removes_every_c0_and_c1_control_character_but_keeps_tabs_and_newlines() -> None:
    assert clean_text(f"a{C0_CONTROLS}b\tc\nd{C1_CONTROLS}e") == "ab\tc\nde"


def test_cleaning_removes_lone_surrogates_and_xml_non_characters() -> None:
    assert clean_text("før\ud800 efter\ufffe\uffff") == "før efter"


def test_cleaning_turns_crlf_and_lone_cr_into_newlines() -> None:
    assert clean_text("første\r\nanden\rtredje") == "første\nanden\ntredje"


def test_cleaning_composes_decomposed_letters_to_nfc() -> None:
    decomposed = "Sbo\u0308ren Aa\u030agaard e\u0301"
    cleaned = clean_text(decomposed)
    assert cleaned == "Sbören Aågaard é"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_cleaning_composes_a_letter_and_accent_that_a_control_character_kept_apart() -> None:
    cleaned = clean_text("Ren\u0065\x07\u0301")
    assert cleaned == "René"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_cleaning_trims_the_ends_but_keeps_inner_lines() -> None:
    assert clean_text("  \n linje 1\n\nlinje 2 \t\n") == "linje 1\n\nlinje 2"


def test_cleaning_keeps_danish_letters_and_emoji_intact() -> None:
    text = "Æble, øl og åer 👨‍👩‍👧 🏠❤️"
    assert clean_text(text) == text


def test_cleaning_nothing_gives_empty_text() -> None:
    assert clean_text(None) == ""


def test_control_characters_are_noticed_but_crlf_is_not() -> None:
    assert had_control_characters("hej\x07")
    assert not had_control_characters("hej\r\nmed dig\ttab")


@pytest.mark.parametrize("value", ["", "   ", "\n\t", "\x00\x07\x1b", None])
def test_required_text_refuses_text_that_is_empty_after_cleaning(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        required_text(value, "text", 10)
    assert info.value.code == "empty"
    assert info.value.params == {"field": "text"}


def test_required_text_accepts_exactly_the_limit_and_refuses_one_more() -> None:
    assert required_text("x" * TEXT_MAX, "text", TEXT_MAX) == "x" * TEXT_MAX
    with pytest.raises(ValidationError) as info:
        required_text("x" * (TEXT_MAX + 1), "text", TEXT_MAX)
    assert info.value.code == "too_long"
    assert info.value.params == {"field": "text", "limit": TEXT_MAX, "length": TEXT_MAX + 1}


def test_the_limit_counts_characters_after_cleaning() -> None:
    assert required_text("  " + "ø" * 5 + "\x00\x00  ", "text", 5) == "ø" * 5
    assert required_text("o\u0308" * 5, "text", 5) == "ö" * 5


def test_optional_text_accepts_empty_text_but_not_too_long_text() -> None:
    assert optional_text("  \x00 ", "reason", 3) == ""
    with pytest.raises(ValidationError) as info:
        optional_text("abcd", "reason", 3)
    assert info.value.code == "too_long"


def test_single_line_collapses_newlines_tabs_and_runs_of_spaces() -> None:
    assert single_line(" Birthe\r\n  Juhl\t(mormor) ", "name") == "Birthe Juhl (mormor)"


def test_single_line_is_required_unless_told_otherwise() -> None:
    with pytest.raises(ValidationError) as info:
        single_line(" \n ", "name")
    assert info.value.code == "empty"
    assert single_line(" \n ", "relation", required=False) == ""


def test_single_line_refuses_names_over_two_hundred_characters() -> None:
    assert single_line("å" * 200, "name") == "å" * 200
    with pytest.raises(ValidationError) as info:
        single_line("å" * 201, "name")
    assert info.value.code == "too_long"
    assert info.value.params["limit"] == 200


@pytest.mark.parametrize(("value", "expected"), [(7, 7), ("7", 7), (" 7 ", 7), ("+3", 3), (7.0, 7), (0, 0), (10, 10)])
def test_whole_numbers_are_accepted_as_numbers_or_digits(value: object, expected: int) -> None:
    assert whole_number(value, "score", 0, 10) == expected


@pytest.mark.parametrize("value", ["7.5", 7.5, "x", "", "1e3", None, True, False, "1234567", [7]])
def test_anything_but_a_whole_number_is_refused_as_not_a_number(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        whole_number(value, "score", 0, 10)
    assert info.value.code == "not_a_number"
    assert info.value.params == {"field": "score"}


@pytest.mark.parametrize("value", [-1, 11, "11", "-1"])
def test_whole_numbers_outside_the_bounds_are_out_of_range(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        whole_number(value, "score", 0, 10)
    assert info.value.code == "out_of_range"
    assert info.value.params == {"field": "score", "low": 0, "high": 10}


def test_dates_are_read_from_iso_text_or_taken_as_they_are() -> None:
    assert a_date(" 2026-03-02 ", "due") == date(2026, 3, 2)
    assert a_date(date(2024, 2, 29), "due") == date(2024, 2, 29)
    assert a_date("2024-02-29", "due") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "value", ["2026-02-30", "2026-02-29", "2026-13-01", "2026-04-31", "", "i morgen", "02-03-2026", None]
)
def test_impossible_or_unreadable_dates_are_refused(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        a_date(value, "due")
    assert info.value.code == "invalid_date"
    assert info.value.params == {"field": "due"}


def test_a_choice_gives_the_enum_member() -> None:
    assert choice("worry", BoardKind, "kind") is BoardKind.WORRY


def test_an_unknown_choice_is_refused_and_the_echoed_value_is_shortened() -> None:
    with pytest.raises(ValidationError) as info:
        choice("x" * 80, BoardKind, "kind")
    assert info.value.code == "invalid_choice"
    assert info.value.params == {"field": "kind", "value": "x" * 50}


def test_a_validation_error_is_a_value_error_named_by_its_code() -> None:
    error = ValidationError("empty", field="name")
    assert isinstance(error, ValueError)
    assert str(error) == "empty"
