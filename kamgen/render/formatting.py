"""Numbers, money, percentages and dates as people in each language write them.

Formatting is the only place where kamgen rounds. Babel supplies the
locale's separators and currency patterns (``€ 1.234,56`` and ``12,5 %`` in
Dutch, ``€1,234.56`` and ``12.5%`` in English). Rounding is half up, as
people and Excel's ``ROUND`` do, instead of Python's half to even. Babel
puts a non-breaking space (U+00A0) between amount and currency sign or
percent sign, so Word never breaks the line between them.

Babel is imported inside the functions, so importing this module stays
cheap.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass

from kamgen.i18n import t

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
NBSP = "\u00a0"

# Decimals shown by default (design choice): weighted scores on the 1–5
# scale with one decimal, percentages with one decimal so that the four
# largest-remainder rounded segment shares visibly add up to 100,0 %.
SCORE_DECIMALS = 1
PERCENT_DECIMALS = 1
MONEY_DECIMALS = 2
# Weights are points out of 100; pairwise weights such as 33,3 need one decimal.
WEIGHT_DECIMALS = 1

# Dutch writes a space before the percent sign (``12,5 %``); English does not.
_PERCENT_SUFFIX = {"nl": NBSP + "%", "en": "%"}


def locale_for(language: str) -> str:
    return LOCALES[language]


def _pattern(decimals: int, *, optional: bool = False) -> str:
    """Return a Babel pattern with grouping and ``decimals`` fixed (or optional) decimals."""
    if decimals <= 0:
        return "#,##0"
    digit = "#" if optional else "0"
    return "#,##0." + digit * decimals


def _half_up_context() -> decimal.Context:
    context = decimal.getcontext().copy()
    context.rounding = decimal.ROUND_HALF_UP
    return context


def _as_decimal(value: float | int | decimal.Decimal) -> decimal.Decimal:
    """Convert through ``str`` so 1.005 stays 1.005 instead of 1.00499999…"""
    if isinstance(value, decimal.Decimal):
        return value
    return decimal.Decimal(str(value))


def format_number(value: float | int, language: str, decimals: int = 0, *, trim: bool = False) -> str:
    """Format a number with grouping; ``trim`` drops trailing zero decimals (40 → ``40``, 33.33 → ``33,3``)."""
    from babel.numbers import format_decimal

    with decimal.localcontext(_half_up_context()):
        return format_decimal(_as_decimal(value), _pattern(decimals, optional=trim), locale=locale_for(language))


def format_score(value: float, language: str, decimals: int = SCORE_DECIMALS) -> str:
    """Format a weighted score on the 1–5 scale with one decimal: ``3,4``."""
    return format_number(value, language, decimals)


def format_weight(value: float, language: str) -> str:
    """Format weight points without needless decimals: ``40``, ``33,3``."""
    return format_number(value, language, WEIGHT_DECIMALS, trim=True)


def format_money(value: float, language: str, currency: str = "EUR", decimals: int = MONEY_DECIMALS) -> str:
    """Format an amount in the locale's currency pattern: ``€ 1.234,56`` (nl), ``€1,234.56`` (en)."""
    from babel.numbers import format_currency

    # The locale pattern fixes the sign position; the decimals are ours.
    if language == "nl":
        pattern = f"¤{NBSP}{_pattern(decimals)};¤{NBSP}-{_pattern(decimals)}"
    else:
        pattern = f"¤{_pattern(decimals)};-¤{_pattern(decimals)}"
    with decimal.localcontext(_half_up_context()):
        return format_currency(
            _as_decimal(value), currency, format=pattern, locale=locale_for(language), currency_digits=False
        )


def format_percent(share: float, language: str, decimals: int = PERCENT_DECIMALS) -> str:
    """Format a share 0..1 as a percentage: 0.125 → ``12,5 %`` (nl), ``12.5%`` (en)."""
    return format_percent_points(_as_decimal(share) * 100, language, decimals)


def format_percent_points(percent: float | decimal.Decimal, language: str, decimals: int = PERCENT_DECIMALS) -> str:
    """Format a value that is already in percent: 12.5 → ``12,5 %``."""
    return format_number(percent, language, decimals) + _PERCENT_SUFFIX[language]


def parse_iso_date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def format_date(value: str | dt.date, language: str) -> str:
    """Format a date in words: ``31 december 2026`` (nl), ``31 December 2026`` (en)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(parse_iso_date(value), "d MMMM y", locale=locale_for(language))


def format_period(start: str | dt.date, end: str | dt.date, language: str) -> str:
    """Format a period: ``1 januari 2026 t/m 31 december 2026``."""
    return t("report.period_range", language, start=format_date(start, language), end=format_date(end, language))


@dataclass(frozen=True)
class Formatter:
    """The formatting functions bound to one language and currency, with ``n.v.t.`` for missing values."""

    language: str
    currency: str = "EUR"

    @property
    def not_applicable(self) -> str:
        return t("report.not_applicable", self.language)

    @property
    def missing(self) -> str:
        return t("report.missing_value", self.language)

    def number(self, value: float | None, decimals: int = 0, *, trim: bool = False) -> str:
        return self.missing if value is None else format_number(value, self.language, decimals, trim=trim)

    def integer(self, value: int | None) -> str:
        return self.number(value, 0)

    def score(self, value: float | None) -> str:
        return self.missing if value is None else format_score(value, self.language)

    def weight(self, value: float | None) -> str:
        return self.missing if value is None else format_weight(value, self.language)

    def money(self, value: float | None, decimals: int = MONEY_DECIMALS) -> str:
        return self.missing if value is None else format_money(value, self.language, self.currency, decimals)

    def percent(self, share: float | None, decimals: int = PERCENT_DECIMALS) -> str:
        """Format a share 0..1; None (a share of a total that is not positive) gives ``n.v.t.``."""
        return self.not_applicable if share is None else format_percent(share, self.language, decimals)

    def percent_points(self, percent: float | None, decimals: int = PERCENT_DECIMALS) -> str:
        return self.not_applicable if percent is None else format_percent_points(percent, self.language, decimals)

    def date(self, value: str | dt.date | None) -> str:
        return self.missing if not value else format_date(value, self.language)

    def period(self, start: str, end: str) -> str:
        return format_period(start, end, self.language)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.missing
        return t("report.yes" if value else "report.no", self.language)
