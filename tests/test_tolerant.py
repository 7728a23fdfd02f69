"""Reading values as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from kamgen.tolerant import AMBIGUOUS, EXCEL_ERROR, INVALID, parse_boolean, parse_code, parse_date, parse_number, parse_percentage, strip_control_characters


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7,5", 7.5),
        ("7.5", 7.5),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("€ 1.234,50", 1234.5),
        ("1.234.567", 1234567),
        ("-12", -12),
        ("(5)", -5),
        (" 12\u00a0", 12),
        ("\u2212 3", -3),
        (42, 42),
        (2.5, 2.5),
    ],
)
def test_number_typed_forms(typed, expected):
    assert parse_number(typed).value == expected


def test_number_thousands_dot_ambiguous():
    assert parse_number("1.234").status == AMBIGUOUS


def test_number_thousands_dot_for_amounts():
    # An amount field reads the Dutch thousands dot: 1.234 is 1234.
    assert parse_number("€ 1.234", thousands_dot=True).value == 1234


def test_number_rejects_text():
    assert parse_number("veel").status == INVALID


def test_number_rejects_bad_grouping():
    assert parse_number("12.34.5").status == INVALID


def test_number_excel_error():
    parsed = parse_number("#REF!")
    assert parsed.status == EXCEL_ERROR
    assert parsed.value == "#REF!"


def test_integer_rejects_fraction():
    assert parse_number("7,5", integer=True).status == INVALID


def test_integer_accepts_float_cell():
    assert parse_number(4.0, integer=True).value == 4


@pytest.mark.parametrize(("typed", "expected"), [("30%", 0.3), ("30 %", 0.3), ("0,3", 0.3), (0.3, 0.3), (30, 0.3), ("12,5%", 0.125)])
def test_percentage_forms(typed, expected):
    assert parse_percentage(typed).value == pytest.approx(expected)


def test_percentage_rejects_text():
    assert parse_percentage("dertig").status == INVALID


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01-02-2026", "2026-02-01"),
        ("1-2-2026", "2026-02-01"),
        ("2026-02-01", "2026-02-01"),
        (dt.datetime(2026, 2, 1, 0, 0), "2026-02-01"),
        # Excel serial 46054 counts days from 1899-12-30: 2026-02-01.
        (46054, "2026-02-01"),
    ],
)
def test_date_forms(typed, expected):
    assert parse_date(typed).value == expected


def test_date_rejects_impossible_day():
    assert parse_date("30-02-2026").status == INVALID


@pytest.mark.parametrize(("typed", "expected"), [("ja", True), ("Nee", False), ("yes", True), ("x", True), (True, True), (0, False)])
def test_boolean_forms(typed, expected):
    assert parse_boolean(typed).value is expected


def test_boolean_rejects_maybe():
    assert parse_boolean("misschien").status == INVALID


def test_code_keeps_leading_zero():
    assert parse_code(" 0123 ").value == "0123"


def test_code_from_number_cell():
    assert parse_code(12.0).value == "12"


def test_control_characters_removed():
    assert strip_control_characters("a\x00b\x1fc\td") == ("abc\td", True)


def test_number_thousands_comma_ambiguous():
    # 50,000 is fifty in Dutch and fifty thousand in English.
    assert parse_number("50,000").status == AMBIGUOUS


def test_ambiguous_spellings_dutch():
    from kamgen.tolerant import ambiguous_spellings

    assert ambiguous_spellings("50.000", "nl") == ("50000", "50,0")


def test_ambiguous_spellings_keep_four_digits():
    from kamgen.tolerant import ambiguous_spellings

    # Three significant decimals get a fourth digit, so the suggestion is not ambiguous again.
    assert ambiguous_spellings("1,234", "en") == ("1234", "1.2340")
