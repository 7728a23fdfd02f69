"""Keep other people's text from doing harm: file names, Excel formulas, XML.

User text reaches file names (customer names become document names), Excel
cells (where ``=SUM(...)`` would become a live formula) and XML (where
control characters make the file unreadable). Each crossing has one function
here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kamgen.tolerant import EXCEL_ERRORS, strip_control_characters

MAX_SLUG_LENGTH = 60
# Device names that Windows refuses as file names, with or without an extension.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def slugify(name: str, fallback: str = "naamloos") -> str:
    """Return a file-name-safe slug: ASCII letters, digits and single dashes, at most 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_SLUG_LENGTH].rstrip("-")
    if not slug:
        return fallback
    if slug in _WINDOWS_RESERVED:
        slug = f"{slug}-bestand"
    return slug


def inside(directory: Path, name: str) -> Path:
    """Return ``directory / name`` and raise ValueError if it would leave the directory."""
    target = (directory / name).resolve()
    if directory.resolve() not in target.parents:
        raise ValueError(f"{name!r} would be written outside {directory}")
    return directory / name


def needs_text_guard(value: str) -> bool:
    """Tell whether Excel would read this text as a formula or an error value."""
    stripped = value.strip()
    return value.startswith(_FORMULA_START) or stripped.upper() in EXCEL_ERRORS


def xml_safe(text: str) -> str:
    return strip_control_characters(text)[0]


def set_text_cell(cell, value: str) -> bool:
    """Write user text into an openpyxl cell so that Excel shows it as text, never as a formula.

    Returns True when control characters had to be removed. openpyxl turns a
    string starting with ``=`` into a formula, so the cell type is forced back
    to a string and the cell gets Excel's quote prefix.
    """
    text, removed = strip_control_characters(value)
    cell.value = text
    if needs_text_guard(text):
        cell.data_type = "s"
        cell.quotePrefix = True
    return removed
