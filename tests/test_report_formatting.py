"""Numbers, money, percentages and dates in Dutch and English (kamgen.render.formatting)."""

from __future__ import annotations

import datetime as dt

import pytest

from kamgen.render.formatting import (
    Formatter,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_percent_points,
    format_period,
    format_score,
    format_weight,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (1234.56, "nl", f"€{NBSP}1.234,56"),
        (1234.56, "en", "€1,234.56"),
        (-1234.5, "nl", f"€{NBSP}-1.234,50"),
        (-1234.5, "en", "-€1,234.50"),
        (0, "nl", f"€{NBSP}0,00"),
        (1000000, "nl", f"€{NBSP}1.000.000,00"),
    ],
)
def test_money_two_decimals(value, language, expected):
    assert format_money(value, language) == expected


def test_money_whole_units_round_half_up():
    # 2.5 rounds half up to 3, where Python's half-to-even rounding would give 2.
    assert format_money(1234567.5, "nl", decimals=0) == f"€{NBSP}1.234.568"
    assert format_money(2.5, "en", decimals=0) == "€3"


def test_money_other_currency():
    # Babel's Dutch symbol for the US dollar is "US$".
    assert format_money(12, "nl", "USD") == f"US${NBSP}12,00"
    assert format_money(12, "en", "USD") == "US$12.00"


@pytest.mark.parametrize(
    ("share", "language", "expected"),
    [
        (0.125, "nl", f"12,5{NBSP}%"),
        (0.125, "en", "12.5%"),
        (1 / 3, "nl", f"33,3{NBSP}%"),  # 33.333… → 33.3
        (2 / 3, "en", "66.7%"),  # 66.666… → 66.7
        (1.0, "nl", f"100,0{NBSP}%"),
        (-0.008, "nl", f"-0,8{NBSP}%"),
    ],
)
def test_percent_of_share(share, language, expected):
    assert format_percent(share, language) == expected


def test_percent_points_half_up():
    # 0.25 % with one decimal: half up gives 0.3, half to even would give 0.2.
    assert format_percent_points(0.25, "nl") == f"0,3{NBSP}%"
    assert format_percent_points(90.1, "en") == "90.1%"
    assert format_percent_points(20, "nl", 0) == f"20{NBSP}%"


def test_number_grouping_and_decimals():
    assert format_number(1234567, "nl") == "1.234.567"
    assert format_number(1234567, "en") == "1,234,567"
    assert format_number(1.005, "nl", 2) == "1,01"  # through str(1.005), so no binary 1.00499…
    assert format_number(2.25, "en", 1) == "2.3"


def test_score_and_weight():
    assert format_score(4.25, "nl") == "4,3"
    assert format_score(2.0, "en") == "2.0"
    assert format_weight(40.0, "nl") == "40"
    assert format_weight(100 / 3, "nl") == "33,3"
    assert format_weight(12.5, "en") == "12.5"


def test_dates_and_period():
    assert format_date("2026-12-31", "nl") == "31 december 2026"
    assert format_date(dt.date(2026, 12, 31), "en") == "31 December 2026"
    assert format_period("2026-01-01", "2026-12-31", "nl") == "1 januari 2026 t/m 31 december 2026"
    assert format_period("2026-01-01", "2026-12-31", "en") == "1 January 2026 to 31 December 2026"


def test_formatter_missing_values():
    dutch = Formatter("nl")
    english = Formatter("en", "EUR")
    assert dutch.percent(None) == "n.v.t."
    assert english.percent(None) == "n/a"
    assert dutch.money(None) == "–"
    assert dutch.score(None) == "–"
    assert dutch.yes_no(True) == "ja"
    assert english.yes_no(False) == "no"
    assert dutch.money(617000, 0) == f"€{NBSP}617.000"
