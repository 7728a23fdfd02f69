"""Defensive accessors shared by the account computations and method rules.

The method rules run on data that may have failed the schema (a text where a
number belongs, a list where a group belongs), and a half-filled plan still
builds. These helpers return ``None`` or an empty sequence for anything that
is not the expected type, so no computation or rule crashes on partial data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_CODE = re.compile(r"([A-Z]+)([0-9]+)")


def section(data: Any, key: str) -> dict:
    """Return ``data[key]`` when it is a group of fields, else an empty dict."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def rows(data: Any, key: str) -> list[tuple[int, dict]]:
    """Return ``(index, row)`` for every group of fields in the list ``data[key]``."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, row) for index, row in enumerate(value) if isinstance(row, dict)]


def text(value: Any) -> str | None:
    """Return stripped text, or None for anything blank or not text."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    return stripped or None


def integer(value: Any) -> int | None:
    """Return a whole number (an integral float counts), never a bool."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def rating(value: Any, minimum: int, maximum: int) -> int | None:
    """Return a whole number inside ``minimum..maximum``, else None."""
    whole = integer(value)
    if whole is None or not minimum <= whole <= maximum:
        return None
    return whole


def flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def date(value: Any) -> dt.date | None:
    """Parse an ISO date text (the schema's format); anything else is None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value.strip()) != 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def text_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def code_key(code: str | None) -> tuple:
    """Sort key that puts K2 before K10 and codes before blanks."""
    if not code:
        return (1, "", 0, "")
    match = _CODE.fullmatch(code)
    if match:
        return (0, match.group(1), int(match.group(2)), "")
    return (0, code, 0, code)


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
