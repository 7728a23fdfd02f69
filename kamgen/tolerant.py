"""Read values the way people type them: decimal commas, percentages, euro signs.

Each parser returns a :class:`Parsed` with the value or a failure reason; it
never guesses. ``1.234,56`` and ``1,234.56`` are both unambiguous; ``1.234``
and ``1,234`` on their own are read as one thousand two hundred and
thirty-four only when the field is a whole number or an amount, because Dutch
and English write thousands with opposite separators.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

# Characters that XML 1.0 cannot carry; Word and Excel files become unreadable with them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\s]+")
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"})
# Excel's day 0 is 1899-12-30 once its fictitious 29 February 1900 is accounted for.
_EXCEL_EPOCH = dt.date(1899, 12, 30)

OK = "ok"
AMBIGUOUS = "ambiguous"
INVALID = "invalid"
EXCEL_ERROR = "excel_error"


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    status: str = OK

    @property
    def ok(self) -> bool:
        return self.status == OK


def strip_control_characters(text: str) -> tuple[str, bool]:
    """Remove characters XML cannot hold, and report with the flag whether any were removed."""
    cleaned = _XML_ILLEGAL.sub("", text)
    return cleaned, cleaned != text


def clean_text(value: Any) -> str | None:
    """Return trimmed text with non-breaking spaces made ordinary, or None when blank."""
    if value is None:
        return None
    text = value if isinstance(value, str) else _number_as_text(value)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    return text or None


def _number_as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _normalise_number_text(text: str) -> tuple[str | None, str]:
    """Turn a typed number into Python syntax, or return (None, reason)."""
    text = _SPACES.sub("", text)
    text = text.replace("€", "").replace("EUR", "").replace("eur", "")
    text = text.replace("\u2212", "-")
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    if not text or not re.fullmatch(r"[-+]?[\d.,]+", text):
        return None, INVALID
    sign = ""
    if text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    if "," in text and "." in text:
        # The separator that comes last is the decimal one: 1.234,56 or 1,234.56.
        if text.rfind(",") > text.rfind("."):
            thousands, decimal = ".", ","
        else:
            thousands, decimal = ",", "."
        integer, _, fraction = text.rpartition(decimal)
        if decimal in integer or not _valid_grouping(integer, thousands):
            return None, INVALID
        return f"{sign}{integer.replace(thousands, '')}.{fraction}", OK
    if text.count(",") > 1 or text.count(".") > 1:
        separator = "," if "," in text else "."
        if not _valid_grouping(text, separator):
            return None, INVALID
        return sign + text.replace(separator, ""), OK
    if "," in text or "." in text:
        separator = "," if "," in text else "."
        integer, _, fraction = text.partition(separator)
        if len(fraction) == 3 and integer and integer != "0" and not integer.startswith("0"):
            # 1.234 is a thousand in Dutch and one point two in English; 1,234 the other way round.
            return None, AMBIGUOUS
        return f"{sign}{integer}.{fraction}", OK
    return sign + text, OK


def _valid_grouping(text: str, separator: str) -> bool:
    groups = text.split(separator)
    return bool(groups[0]) and len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def parse_number(value: Any, *, integer: bool = False, thousands_dot: bool = False) -> Parsed:
    """Parse a number cell or typed text.

    ``thousands_dot`` reads ``1.234`` and ``1,234`` as 1234, for amounts and
    counts where a fraction of exactly three decimals is implausible.
    """
    if value is None:
        return Parsed(None)
    if isinstance(value, bool):
        return Parsed(None, INVALID)
    if isinstance(value, (int, float)):
        return _as_integer(value) if integer else Parsed(value)
    text = clean_text(value)
    if text is None:
        return Parsed(None)
    if text.upper() in EXCEL_ERRORS:
        return Parsed(text.upper(), EXCEL_ERROR)
    if text.endswith("%"):
        return Parsed(None, INVALID)
    normalised, status = _normalise_number_text(text)
    if status == AMBIGUOUS and thousands_dot:
        normalised, status = _normalise_number_text(text.replace(".", "").replace(",", ""))
    if normalised is None:
        return Parsed(None, status)
    number = float(normalised)
    if integer:
        return _as_integer(number)
    return Parsed(int(number) if number.is_integer() and "." not in normalised else number)


def _as_integer(value: float) -> Parsed:
    if float(value).is_integer():
        return Parsed(int(value))
    return Parsed(None, INVALID)


def ambiguous_spellings(text: str, language: str) -> tuple[str, str]:
    """Return two unambiguous ways to write an ambiguous number: as thousands, and as a decimal.

    ``1.234`` becomes ``1234`` and ``1,2340`` (Dutch) or ``1.2340`` (English):
    a fraction of other than three digits cannot be mistaken for thousands.
    """
    text = clean_text(text) or ""
    separator = "," if "," in text else "."
    integer, _, fraction = text.partition(separator)
    integer = integer.replace("€", "").strip()
    fraction = fraction.rstrip("0") or "0"
    if len(fraction) == 3:
        fraction += "0"
    decimal_mark = "," if language == "nl" else "."
    return integer + text.partition(separator)[2], f"{integer}{decimal_mark}{fraction}"


def parse_percentage(value: Any) -> Parsed:
    """Parse a percentage as a fraction: ``30%``, ``30 %``, ``0,3`` and a cell holding 0.3 give 0.3.

    A bare number above 1 (``30``) is read as percent points; a cell formatted
    as a percentage already contains the fraction.
    """
    if value is None:
        return Parsed(None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Parsed(value / 100 if abs(value) > 1 else value)
    text = clean_text(value)
    if text is None:
        return Parsed(None)
    if text.upper() in EXCEL_ERRORS:
        return Parsed(text.upper(), EXCEL_ERROR)
    has_sign = text.endswith("%")
    parsed = parse_number(text.rstrip("%").strip())
    if not parsed.ok or parsed.value is None:
        return parsed if parsed.status != OK else Parsed(None, INVALID)
    number = parsed.value
    if has_sign or abs(number) > 1:
        return Parsed(number / 100)
    return Parsed(number)


_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: Any) -> Parsed:
    """Parse a date cell, an Excel serial number, ``dd-mm-jjjj`` text or ISO ``jjjj-mm-dd``.

    Returns the ISO text, which is what the schemas expect.
    """
    if value is None:
        return Parsed(None)
    if isinstance(value, dt.datetime):
        return Parsed(value.date().isoformat())
    if isinstance(value, dt.date):
        return Parsed(value.isoformat())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return Parsed((_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat())
        return Parsed(None, INVALID)
    text = clean_text(value)
    if text is None:
        return Parsed(None)
    if text.upper() in EXCEL_ERRORS:
        return Parsed(text.upper(), EXCEL_ERROR)
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_DMY, "dmy")):
        match = pattern.fullmatch(text)
        if match:
            parts = [int(part) for part in match.groups()]
            year, month, day = parts if order == "ymd" else (parts[2], parts[1], parts[0])
            try:
                return Parsed(dt.date(year, month, day).isoformat())
            except ValueError:
                return Parsed(None, INVALID)
    return Parsed(None, INVALID)


_TRUE = {"ja", "j", "yes", "y", "true", "waar", "x", "1", "✓", "✔"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0", "-"}


def parse_boolean(value: Any) -> Parsed:
    """Parse ja/nee, yes/no, waar/onwaar, an x in a tick column, or a boolean cell."""
    if value is None:
        return Parsed(None)
    if isinstance(value, bool):
        return Parsed(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return Parsed(bool(value))
    text = clean_text(value)
    if text is None:
        return Parsed(None)
    if text.upper() in EXCEL_ERRORS:
        return Parsed(text.upper(), EXCEL_ERROR)
    lowered = text.lower()
    if lowered in _TRUE:
        return Parsed(True)
    if lowered in _FALSE:
        return Parsed(False)
    return Parsed(None, INVALID)


def parse_code(value: Any) -> Parsed:
    """Keep a code as text: ``0123`` stays ``0123``; a number cell 12.0 becomes ``12``."""
    if value is None:
        return Parsed(None)
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return Parsed(value.strip().upper(), EXCEL_ERROR)
    return Parsed(clean_text(value))
