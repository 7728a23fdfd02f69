"""Defensive access to portfolio input data.

The computations receive schema-valid data from ``kamgen build``, but the
method rules run them on data the schema rejected as well. These accessors
turn a value of the wrong type into ``None`` or an empty container, so a
computation skips what it cannot interpret instead of raising.
"""

from __future__ import annotations

import math
from typing import Any


def as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str | None:
    """Return the stripped text, or None for blank text and anything that is not text."""
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    return stripped or None


def as_number(value: Any) -> float | None:
    """Return a finite int or float as float; booleans, text and NaN give None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def as_rating(value: Any, low: int = 1, high: int = 5) -> int | None:
    """Return a whole number within ``low..high`` (``4.0`` counts as 4), else None."""
    number = as_number(value)
    if number is None or not number.is_integer():
        return None
    rating = int(number)
    return rating if low <= rating <= high else None


def as_bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def has_content(value: Any) -> bool:
    """Tell whether a section holds anything a person filled in (non-blank text, a number, a yes/no)."""
    if isinstance(value, dict):
        return any(has_content(item) for item in value.values())
    if isinstance(value, list):
        return any(has_content(item) for item in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None
