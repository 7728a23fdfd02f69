"""Shared openpyxl helpers for the Excel reports: workbook properties, tables, number formats.

Every report workbook is built with these, so all of them look alike. A bold
shaded header row stays in view (frozen panes), data tables get filters, and
money, percentages and scores get number formats. Column widths follow the
content, and nothing depends on the clock or on chance, so the same data
gives the same workbook. Text goes through :func:`kamgen.safety.set_text_cell`,
so text starting with ``=`` stays text.

openpyxl is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from kamgen.safety import set_text_cell

CREATOR = "kamgen"
HEADER_FILL = "D9E2F3"
TOTAL_FILL = "F2F2F2"
# Cells a person is invited to change (the what-if sheet), as in the input workbooks.
INPUT_FILL = "FFF2CC"
WARNING_FILL = "F8CBAD"
TITLE_SIZE = 14
MIN_COLUMN_WIDTH = 8
MAX_COLUMN_WIDTH = 60

# Number formats. Excel stores them in its own (US) notation and shows them
# with the reader's decimal and thousands separators.
SCORE_FORMAT = "0.0"
PRECISE_SCORE_FORMAT = "0.00"
WEIGHT_FORMAT = "0.0"
PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"


def money_format(currency: str, language: str, decimals: int = 0) -> str:
    """Return an Excel number format for amounts, ``"€" #,##0`` (nl) or ``"€"#,##0`` (en)."""
    from babel.numbers import get_currency_symbol

    from kamgen.render.formatting import locale_for

    symbol = get_currency_symbol(currency, locale=locale_for(language)).replace('"', "")
    number = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    if language == "nl":
        return f'"{symbol}" {number};"{symbol}" -{number}'
    return f'"{symbol}"{number};-"{symbol}"{number}'


def new_workbook(*, title: str, when: dt.date, language: str):
    """Return an empty workbook whose properties carry ``when`` (from the input's period) instead of the clock."""
    from openpyxl import Workbook

    workbook = Workbook()
    moment = dt.datetime(when.year, when.month, when.day)
    properties = workbook.properties
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.title = title
    properties.language = {"nl": "nl-NL", "en": "en-GB"}[language]
    properties.created = moment
    properties.modified = moment
    return workbook


def write_value(cell, value: Any, number_format: str | None = None) -> None:
    """Write a number, boolean or text into a cell; text can never become a formula."""
    if isinstance(value, str):
        set_text_cell(cell, value)
    else:
        cell.value = value
    if number_format and not isinstance(value, str):
        cell.number_format = number_format


def style_header(cells: Iterable) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for cell in cells:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def style_total(cells: Iterable) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in cells:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=TOTAL_FILL)


def mark_input(cell) -> None:
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=INPUT_FILL)


@dataclass(frozen=True)
class Column:
    """A table column: its header text and the number format of its values."""

    header: str
    number_format: str | None = None


def write_table(
    sheet, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, first_row: int = 1, first_column: int = 1,
    total: Sequence[Any] | None = None, filter: bool = True,
) -> tuple[int, int]:
    """Write a header row and data rows; return the first and last data row.

    The header is styled; ``total`` adds a styled row under the data. With
    ``filter`` the header gets Excel's filter buttons (over the data rows only).
    """
    from openpyxl.utils import get_column_letter

    for offset, column in enumerate(columns):
        write_value(sheet.cell(row=first_row, column=first_column + offset), column.header)
    style_header(sheet.cell(row=first_row, column=first_column + offset) for offset in range(len(columns)))

    row_number = first_row
    for row_number, values in enumerate(rows, start=first_row + 1):
        for offset, (column, value) in enumerate(zip(columns, values)):
            if value is not None:
                write_value(sheet.cell(row=row_number, column=first_column + offset), value, column.number_format)
    last_data_row = row_number

    if filter and last_data_row > first_row:
        start = get_column_letter(first_column)
        end = get_column_letter(first_column + len(columns) - 1)
        sheet.auto_filter.ref = f"{start}{first_row}:{end}{last_data_row}"

    if total is not None:
        total_row = last_data_row + 1
        for offset, (column, value) in enumerate(zip(columns, total)):
            if value is not None:
                write_value(sheet.cell(row=total_row, column=first_column + offset), value, column.number_format)
        style_total(sheet.cell(row=total_row, column=first_column + offset) for offset in range(len(columns)))

    return first_row + 1, last_data_row


def write_title(sheet, title: str, subtitle: str | None = None) -> None:
    from openpyxl.styles import Font

    write_value(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=TITLE_SIZE)
    if subtitle:
        write_value(sheet.cell(row=2, column=1), subtitle)


def fit_columns(sheet, minimum: int = MIN_COLUMN_WIDTH, maximum: int = MAX_COLUMN_WIDTH, skip_rows: Sequence[int] = ()) -> None:
    """Set each column's width from the longest text or number in it (rows in ``skip_rows`` excluded)."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or cell.row in skip_rows:
                continue
            value = cell.value
            if isinstance(value, str) and value.startswith("="):
                length = 10 if not cell.quotePrefix else len(value)
            elif isinstance(value, float):
                length = 12
            else:
                length = max(len(line) for line in str(value).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, minimum), maximum)


def set_print_landscape(sheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def safe_sheet_title(title: str) -> str:
    """Return ``title`` without the characters Excel forbids in sheet names, at most 31 characters."""
    for character in '[]:*?/\\':
        title = title.replace(character, " ")
    return title.strip()[:31] or "Sheet"
