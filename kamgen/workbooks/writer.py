"""Write an input workbook from a :class:`~kamgen.workbooks.layout.WorkbookLayout`, blank or filled.

The writer first places every block (:func:`plan`), so formulas can refer to
cells anywhere in the workbook. Then it writes the start sheet, the worksheet
sheets, the hidden lists sheet and the very hidden metadata sheet. Input
cells get a fill colour, are unlocked and carry data validation. Computed
cells are locked and contain live formulas. Every sheet is protected without
a password.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamgen.catalogue import worksheet as catalogue_worksheet
from kamgen.i18n import t
from kamgen.safety import set_text_cell
from kamgen.workbooks.layout import (
    AMOUNT,
    BOOLEAN,
    CHOICE,
    CODE,
    DATE,
    FIELD_NAME_PREFIX,
    INTEGER,
    METADATA_SHEET,
    NUMBER,
    NUMBER_OR_PERCENT,
    PERCENTAGE,
    SCORE_WORD,
    SHEET_NAME_PREFIX,
    YES_NO,
    Column,
    Computed,
    Field,
    Fields,
    Grid,
    Heading,
    Note,
    Sheet,
    Static,
    Table,
    Text,
    WorkbookLayout,
    pick,
)

# Colours: pale yellow marks what people fill in, grey what kamgen computes.
INPUT_FILL = "FFF2CC"
COMPUTED_FILL = "EDEDED"
HEADER_FILL = "1F4E79"
TITLE_SIZE = 14
TABLE_STYLE = "TableStyleLight1"
DATE_FORMAT = "DD-MM-YYYY"
AMOUNT_FORMAT = "#,##0"
NUMBER_FORMAT = "0.##"
SCORE_FORMAT = "0.00"
PERCENT_FORMAT = "0%"
TEXT_FORMAT = "@"
# Excel's limits for the input message of a data validation.
PROMPT_TITLE_MAX = 32
PROMPT_MAX = 255
# Date validation accepts 1990-01-01 … 2100-12-31 (Excel serial numbers).
DATE_SERIAL_MIN = 32874
DATE_SERIAL_MAX = 73415
# The header rows of a sheet's last table stay in view when scrolling only down to this row.
FREEZE_MAX_HEADER_ROW = 12
# Document properties of a workbook without a period: 2026-01-01, so output stays reproducible.
DEFAULT_DOCUMENT_DATE = dt.datetime(2026, 1, 1)


@dataclass
class TablePlace:
    sheet: str
    header_row: int
    first_row: int
    last_row: int
    columns: dict[str, int]  # column key → column number (1 = A)
    above_rows: dict[str, int] = field(default_factory=dict)  # AboveRow name → row number

    @property
    def rows(self) -> int:
        return self.last_row - self.first_row + 1


@dataclass
class Placement:
    """Addresses of everything a layout places in one workbook."""

    language: str
    sheet_titles: dict[str, str]  # sheet key → title
    start_title: str
    lists_title: str
    cells: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # ref name → (sheet, row, column)
    tables: dict[str, TablePlace] = field(default_factory=dict)
    lists: dict[str, tuple[int, int]] = field(default_factory=dict)  # list name → (label column, row count)
    blocks: dict[tuple[str, int], int] = field(default_factory=dict)  # (sheet key, block index) → first row
    intro_rows: dict[str, int] = field(default_factory=dict)  # sheet key → first row of the intro


def column_letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def absolute(sheet: str, row: int, column: int) -> str:
    return f"{quote_sheet(sheet)}!${column_letter(column)}${row}"


def absolute_range(sheet: str, first_row: int, first_column: int, last_row: int, last_column: int) -> str:
    return (
        f"{quote_sheet(sheet)}!${column_letter(first_column)}${first_row}"
        f":${column_letter(last_column)}${last_row}"
    )


def table_rows(table: Table, data: dict | None) -> int:
    """Return the body rows of a table: the layout's count, or more for filled data."""
    if data is None:
        return table.rows
    items = get_pointer(data, table.pointer)
    count = len(items) if isinstance(items, list) else 0
    rows = max(table.rows, count + table.spare_rows if count else table.rows)
    if table.max_rows is not None:
        rows = max(min(rows, table.max_rows), count)
    return rows


def plan(layout: WorkbookLayout, language: str, data: dict | None = None) -> Placement:
    """Place every block of every sheet; return the addresses formulas and the reader use."""
    placement = Placement(
        language=language,
        sheet_titles={sheet.key: catalogue_worksheet(sheet.worksheet).sheet_name(language) for sheet in layout.sheets},
        start_title=t("workbook.start_sheet", language),
        lists_title=t("workbook.lists_sheet", language),
    )

    # Aligned tables take the row count of the table they extend.
    row_counts = {table.name: table_rows(table, data) for _, table in layout.tables()}
    for _, table in layout.tables():
        if table.align:
            row_counts[table.name] = row_counts[table.align]

    _plan_start(layout, placement)
    for sheet in layout.sheets:
        _plan_sheet(sheet, placement, row_counts)
    _plan_lists(layout, placement)
    return placement


def _plan_start(layout: WorkbookLayout, placement: Placement) -> None:
    row = start_header_row(layout)
    for item in layout.header:
        placement.cells[item.ref_name] = (placement.start_title, row, 2)
        row += 1


def start_fact_row(layout: WorkbookLayout) -> int:
    """Return the row of the first fact (kind, format version, language, version) on the start sheet."""
    # Title, blank, heading, the instructions, blank.
    return 4 + len(layout.instructions) + 1


def start_header_row(layout: WorkbookLayout) -> int:
    """Return the first row of the header fields on the start sheet (below the four facts and a heading)."""
    return start_fact_row(layout) + 4 + 2


def _plan_sheet(sheet: Sheet, placement: Placement, row_counts: dict[str, int]) -> None:
    title = placement.sheet_titles[sheet.key]
    placement.intro_rows[sheet.key] = 2
    row = 2 + len(sheet.intro) + 1
    for index, block in enumerate(sheet.blocks):
        placement.blocks[(sheet.key, index)] = row
        if isinstance(block, (Heading, Note)):
            row += 1
            continue
        if isinstance(block, Fields):
            for item in block.items:
                name = item.ref_name if isinstance(item, Field) else item.name
                placement.cells[name] = (title, row, 2)
                row += 1
        elif isinstance(block, Grid):
            row += 1
            for grid_row in block.rows:
                for position, cell in enumerate(grid_row.cells):
                    if isinstance(cell, (Field, Computed)):
                        name = cell.ref_name if isinstance(cell, Field) else cell.name
                        placement.cells[name] = (title, row, 2 + position)
                row += 1
        elif isinstance(block, Table):
            above = {above_row.name: row + offset for offset, above_row in enumerate(block.above_rows)}
            row += len(block.above_rows)
            rows = row_counts[block.name]
            placement.tables[block.name] = TablePlace(
                sheet=title, header_row=row, first_row=row + 1, last_row=row + rows,
                columns={column.key: position + 1 for position, column in enumerate(block.columns)},
                above_rows=above,
            )
            row += 1 + rows
        row += 1


def _plan_lists(layout: WorkbookLayout, placement: Placement) -> None:
    for position, choice_list in enumerate(layout.lists):
        placement.lists[choice_list.name] = (1 + 2 * position, len(choice_list.options))


class FormulaRefs:
    """The :class:`~kamgen.workbooks.layout.Refs` of one placement, optionally inside a table row."""

    def __init__(self, layout: WorkbookLayout, placement: Placement, table: str | None = None, row: int | None = None,
                 column: int | None = None):
        self.layout = layout
        self.placement = placement
        self.table_name = table
        self.row = row
        self.column_number = column
        place = placement.tables.get(table) if table else None
        self.position = (row - place.first_row) if place and row is not None and row >= place.first_row else 0

    def cell(self, name: str) -> str:
        sheet, row, column = self.placement.cells[name]
        return absolute(sheet, row, column)

    def column(self, table: str, key: str) -> str:
        place = self.placement.tables[table]
        number = place.columns[key]
        return absolute_range(place.sheet, place.first_row, number, place.last_row, number)

    def at(self, table: str, key: str, position: int) -> str:
        place = self.placement.tables[table]
        return absolute(place.sheet, place.first_row + position, place.columns[key])

    def here(self, key: str) -> str:
        place = self.placement.tables[self.table_name]
        return f"${column_letter(place.columns[key])}{self.row}"

    def upto(self, table: str, key: str, position: int) -> str:
        place = self.placement.tables[table]
        number = place.columns[key]
        return absolute_range(place.sheet, place.first_row, number, place.first_row + position, number)

    def span(self, table: str, first_key: str, last_key: str, position: int | None = None) -> str:
        place = self.placement.tables[table]
        first, last = place.columns[first_key], place.columns[last_key]
        if position is None:
            return f"${column_letter(first)}{self.row}:${column_letter(last)}{self.row}"
        row = place.first_row + position
        return absolute_range(place.sheet, row, first, row, last)

    def above(self, table: str, row: str, first_key: str, last_key: str) -> str:
        place = self.placement.tables[table]
        number = place.above_rows[row]
        return f"${column_letter(place.columns[first_key])}${number}:${column_letter(place.columns[last_key])}${number}"

    def above_at(self, table: str, row: str, key: str) -> str:
        place = self.placement.tables[table]
        return f"${column_letter(place.columns[key])}${place.above_rows[row]}"

    def above_here(self, row: str) -> str:
        place = self.placement.tables[self.table_name]
        return f"{column_letter(self.column_number)}${place.above_rows[row]}"

    def label(self, list_name: str, value: Any) -> str:
        label = self.layout.choice_list(list_name).label(value, self.placement.language)
        if label is None:
            raise KeyError(f"list {list_name} has no option {value!r}")
        return excel_string(label)

    def labels(self, list_name: str) -> str:
        column, count = self.placement.lists[list_name]
        return absolute_range(self.placement.lists_title, 2, column, 1 + count, column)

    def values(self, list_name: str) -> str:
        column, count = self.placement.lists[list_name]
        return absolute_range(self.placement.lists_title, 2, column + 1, 1 + count, column + 1)

    def text(self, text: Text) -> str:
        return excel_string(pick(text, self.placement.language))


def localised(value: Any, language: str) -> Any:
    """Return the language's text of a Text dict; any other value unchanged."""
    if isinstance(value, dict) and language in value:
        return value[language]
    return value


def excel_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# --- pointers ---------------------------------------------------------------


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.lstrip("/").split("/")]


def get_pointer(data: Any, pointer: str) -> Any:
    """Return the value at a JSON pointer, or None when any step is missing."""
    node = data
    for part in split_pointer(pointer):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
        if node is None:
            return None
    return node


# --- styles -----------------------------------------------------------------


class Styles:
    """The few cell styles of an input workbook, made once per workbook."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="BFBFBF")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.input_fill = PatternFill("solid", start_color=INPUT_FILL, end_color=INPUT_FILL)
        self.computed_fill = PatternFill("solid", start_color=COMPUTED_FILL, end_color=COMPUTED_FILL)
        self.header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        self.unlocked = Protection(locked=False)
        self.locked = Protection(locked=True)
        self.title_font = Font(bold=True, size=TITLE_SIZE)
        self.bold = Font(bold=True)
        self.header_font = Font(bold=True, color="FFFFFF")
        self.note_font = Font(italic=True, color="595959")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")

        # Setting a style attribute makes openpyxl hash the whole style, and a table of 200 rows
        # sets thousands. So each distinct combination is built once and its index array copied.
        self._prepared: dict[tuple, Any] = {}

    def _apply(self, cell, key: tuple, build) -> None:
        from copy import copy

        prepared = self._prepared.get(key)
        if prepared is None:
            build(cell)
            self._prepared[key] = copy(cell._style)
        else:
            cell._style = copy(prepared)

    def input(self, cell, number_format: str | None = None, wrap: bool = False) -> None:
        def build(target) -> None:
            target.fill = self.input_fill
            target.protection = self.unlocked
            target.border = self.border
            target.alignment = self.wrap if wrap else self.top
            if number_format:
                target.number_format = number_format

        self._apply(cell, ("input", number_format, wrap), build)

    def computed(self, cell, number_format: str | None = None) -> None:
        def build(target) -> None:
            target.fill = self.computed_fill
            target.protection = self.locked
            target.border = self.border
            if number_format:
                target.number_format = number_format

        self._apply(cell, ("computed", number_format), build)


def default_number_format(value_type: str) -> str | None:
    return {
        DATE: DATE_FORMAT,
        AMOUNT: AMOUNT_FORMAT,
        NUMBER: NUMBER_FORMAT,
        NUMBER_OR_PERCENT: "General",
        PERCENTAGE: PERCENT_FORMAT,
        CODE: TEXT_FORMAT,
        INTEGER: "0",
    }.get(value_type)


# --- data validation --------------------------------------------------------


class Validations:
    """Collect data validations per sheet, one per distinct rule, and attach them at the end."""

    def __init__(self, layout: WorkbookLayout, placement: Placement):
        self.layout = layout
        self.placement = placement
        self.by_sheet: dict[str, dict[tuple, Any]] = {}

    def add(self, sheet_title: str, cell_range: str, spec) -> None:
        key, factory = self._rule(spec)
        if key is None:
            return
        rules = self.by_sheet.setdefault(sheet_title, {})
        if key not in rules:
            rules[key] = factory()
        rules[key].add(cell_range)

    def _rule(self, spec):
        from openpyxl.worksheet.datavalidation import DataValidation

        language = self.placement.language
        value_type = spec.type
        title = pick(getattr(spec, "label", None) or getattr(spec, "header", None), language)[:PROMPT_TITLE_MAX]
        prompt = pick(spec.help, language) if spec.help else prompt_for(spec, language)
        prompt = prompt[:PROMPT_MAX]
        choices = YES_NO if value_type == BOOLEAN else spec.choices

        def make(**options) -> DataValidation:
            validation = DataValidation(allow_blank=True, showInputMessage=True, showErrorMessage=True, **options)
            validation.promptTitle = title
            validation.prompt = prompt
            validation.errorTitle = t("workbook.validation_error_title", language)[:PROMPT_TITLE_MAX]
            validation.error = prompt
            return validation

        if choices:
            # OOXML stores validation formulas without the leading "=".
            source = FormulaRefs(self.layout, self.placement).labels(choices)
            return ("list", source, title, prompt), lambda: make(type="list", formula1=source)
        if value_type in (INTEGER, NUMBER, AMOUNT):
            kind = "whole" if value_type == INTEGER else "decimal"
            low, high = spec.minimum, spec.maximum
            if low is None and high is None:
                # A decimal rule without bounds still rejects text such as "veel".
                return (kind, None, None, title, prompt), lambda: make(type=kind, operator="between", formula1="-1E+15", formula2="1E+15")
            if high is None:
                return (kind, low, None, title, prompt), lambda: make(type=kind, operator="greaterThanOrEqual", formula1=_number(low))
            if low is None:
                return (kind, None, high, title, prompt), lambda: make(type=kind, operator="lessThanOrEqual", formula1=_number(high))
            return (kind, low, high, title, prompt), lambda: make(type=kind, operator="between", formula1=_number(low), formula2=_number(high))
        if value_type == DATE:
            return ("date", title, prompt), lambda: make(type="date", operator="between", formula1=str(DATE_SERIAL_MIN), formula2=str(DATE_SERIAL_MAX))
        if value_type in (NUMBER_OR_PERCENT, PERCENTAGE) or spec.help:
            # No rule, only the input message: these cells take a score or an indicator value.
            return ("message", title, prompt), lambda: make(type=None)
        return None, None

    def attach(self, workbook) -> None:
        for title, rules in self.by_sheet.items():
            worksheet = workbook[title]
            for validation in rules.values():
                worksheet.add_data_validation(validation)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def prompt_for(spec, language: str) -> str:
    """Return the input message for a cell of this type and range."""
    value_type = spec.type
    low, high = spec.minimum, spec.maximum
    if spec.choices or value_type == CHOICE:
        return t("workbook.prompt_choice", language)
    if value_type == BOOLEAN:
        return t("workbook.prompt_boolean", language)
    if value_type == DATE:
        return t("workbook.prompt_date", language)
    if value_type == INTEGER and low is not None and high is not None:
        return t("workbook.prompt_integer_range", language, minimum=_shown(low, language), maximum=_shown(high, language))
    if value_type == INTEGER:
        return t("workbook.prompt_integer", language)
    if value_type == AMOUNT:
        return t("workbook.prompt_amount", language)
    if value_type == PERCENTAGE:
        return t("workbook.prompt_percentage", language)
    if value_type in (NUMBER, NUMBER_OR_PERCENT) and low is not None and high is not None:
        return t("workbook.prompt_number_range", language, minimum=_shown(low, language), maximum=_shown(high, language))
    if value_type in (NUMBER, NUMBER_OR_PERCENT):
        return t("workbook.prompt_number", language)
    return ""


def _shown(value: float, language: str) -> str:
    text = _number(value)
    return text.replace(".", ",") if language == "nl" else text


# --- writing ----------------------------------------------------------------


class WorkbookWriter:
    """Write one workbook; ``data`` None writes a blank workbook with the layout's defaults."""

    def __init__(self, layout: WorkbookLayout, language: str, data: dict | None = None):
        from openpyxl import Workbook

        self.layout = layout
        self.language = language
        self.data = data
        self.placement = plan(layout, language, data)
        self.workbook = Workbook()
        self.styles = Styles()
        self.validations = Validations(layout, self.placement)
        self.route_context = DataRouteContext(layout, data or {})

    def write(self) -> Any:
        """Build the workbook in memory and return it."""
        start = self.workbook.active
        start.title = self.placement.start_title
        self._write_start(start)

        for sheet in self.layout.sheets:
            worksheet = self.workbook.create_sheet(self.placement.sheet_titles[sheet.key])
            self._write_sheet(sheet, worksheet)

        self._write_lists()
        self._write_metadata()
        self.validations.attach(self.workbook)
        self._define_names()
        for worksheet in self.workbook.worksheets:
            if worksheet.title != METADATA_SHEET:
                protect(worksheet)
        return self.workbook

    # The start sheet: title, numbered instructions, what this workbook is, and the header fields.
    def _write_start(self, worksheet) -> None:
        from kamgen import __version__

        language = self.language
        worksheet.column_dimensions["A"].width = 36
        worksheet.column_dimensions["B"].width = 60
        worksheet["A1"] = t(f"workbook.title_{self.layout.kind}", language)
        worksheet["A1"].font = self.styles.title_font
        worksheet["A3"] = t("workbook.instructions_heading", language)
        worksheet["A3"].font = self.styles.bold
        row = 4
        for number, instruction in enumerate(self.layout.instructions, start=1):
            worksheet.cell(row=row, column=1, value=f"{number}. {pick(instruction, language)}")
            row += 1
        row += 1
        facts = (
            (t("workbook.fact_kind", language), t(f"workbook.kind_{self.layout.kind}", language)),
            (t("workbook.fact_format_version", language), self.layout.format_version),
            (t("workbook.fact_language", language), t(f"workbook.language_{language}", language)),
            (t("workbook.fact_kamgen_version", language), __version__),
        )
        for label, value in facts:
            worksheet.cell(row=row, column=1, value=label).font = self.styles.bold
            worksheet.cell(row=row, column=2, value=value)
            row += 1
        row += 1
        worksheet.cell(row=row, column=1, value=t("workbook.header_heading", language)).font = self.styles.bold
        row += 1
        assert row == start_header_row(self.layout)
        for item in self.layout.header:
            self._write_field(worksheet, row, item)
            row += 1

    def _write_sheet(self, sheet: Sheet, worksheet) -> None:
        language = self.language
        number = sheet.worksheet
        worksheet["A1"] = t("workbook.sheet_title", language, number=number, title=catalogue_worksheet(number).title(language))
        worksheet["A1"].font = self.styles.title_font
        for offset, line in enumerate(sheet.intro):
            cell = worksheet.cell(row=2 + offset, column=1, value=pick(line, language))
            cell.font = self.styles.note_font
        worksheet.column_dimensions["A"].width = sheet.label_width

        freeze = None
        for index, block in enumerate(sheet.blocks):
            row = self.placement.blocks[(sheet.key, index)]
            if isinstance(block, Heading):
                worksheet.cell(row=row, column=1, value=pick(block.text, language)).font = self.styles.bold
            elif isinstance(block, Note):
                worksheet.cell(row=row, column=1, value=pick(block.text, language)).font = self.styles.note_font
            elif isinstance(block, Fields):
                for offset, item in enumerate(block.items):
                    self._write_item(worksheet, row + offset, 2, item)
            elif isinstance(block, Grid):
                self._write_grid(worksheet, row, block)
            elif isinstance(block, Table):
                self._write_table(worksheet, block)
                if index == len(sheet.blocks) - 1:
                    place = self.placement.tables[block.name]
                    # Freezing everything above a low header would leave little room to scroll, so
                    # then only the first column stays in view.
                    freeze = f"B{place.first_row}" if place.header_row <= FREEZE_MAX_HEADER_ROW else "B1"
        if freeze:
            worksheet.freeze_panes = freeze

    def _write_item(self, worksheet, row: int, column: int, item: Field | Computed, label: bool = True) -> None:
        if label:
            label_cell = worksheet.cell(row=row, column=1, value=pick(item.label, self.language))
            label_cell.alignment = self.styles.top
        if isinstance(item, Field):
            self._write_field(worksheet, row, item, column=column, label=False)
        else:
            self._write_computed(worksheet, row, column, item)

    def _write_field(self, worksheet, row: int, item: Field, column: int = 2, label: bool = True) -> None:
        if label:
            worksheet.cell(row=row, column=1, value=pick(item.label, self.language)).alignment = self.styles.top
        cell = worksheet.cell(row=row, column=column)
        value = get_pointer(self.data, item.pointer) if self.data is not None else localised(item.default, self.language)
        self._put_value(cell, value, item.type, item.choices)
        self.styles.input(cell, item.number_format or default_number_format(item.type), wrap=item.lines > 1)
        if item.lines > 1:
            worksheet.row_dimensions[row].height = 15 * item.lines
        self.validations.add(worksheet.title, cell.coordinate, item)

    def _write_computed(self, worksheet, row: int, column: int, item: Computed) -> None:
        cell = worksheet.cell(row=row, column=column)
        cell.value = item.formula(FormulaRefs(self.layout, self.placement))
        self.styles.computed(cell, item.number_format)

    def _write_grid(self, worksheet, row: int, grid: Grid) -> None:
        language = self.language
        if grid.corner:
            worksheet.cell(row=row, column=1, value=pick(grid.corner, language)).font = self.styles.bold
        for position, grid_column in enumerate(grid.columns):
            cell = worksheet.cell(row=row, column=2 + position, value=pick(grid_column.header, language))
            cell.font = self.styles.header_font
            cell.fill = self.styles.header_fill
            letter = column_letter(2 + position)
            worksheet.column_dimensions[letter].width = max(worksheet.column_dimensions[letter].width or 0, grid_column.width)
        for offset, grid_row in enumerate(grid.rows, start=1):
            label_cell = worksheet.cell(row=row + offset, column=1, value=pick(grid_row.label, language))
            label_cell.alignment = self.styles.wrap
            for position, item in enumerate(grid_row.cells):
                if item is None:
                    continue
                if isinstance(item, Static):
                    cell = worksheet.cell(row=row + offset, column=2 + position, value=pick(item.text, language))
                    cell.alignment = self.styles.wrap
                    continue
                self._write_item(worksheet, row + offset, 2 + position, item, label=False)

    def _write_table(self, worksheet, table: Table) -> None:
        from openpyxl.worksheet.table import Table as ExcelTable
        from openpyxl.worksheet.table import TableStyleInfo

        language = self.language
        place = self.placement.tables[table.name]

        # Rows of formulas above the header say which criterion a slot column holds.
        for above_row in table.above_rows:
            number = place.above_rows[above_row.name]
            if table.above_label_column:
                label_cell = worksheet.cell(row=number, column=place.columns[table.above_label_column], value=pick(above_row.label, language))
                label_cell.font = self.styles.bold
            for column in table.columns:
                formula = column.above.get(above_row.name)
                if formula is None:
                    continue
                column_number = place.columns[column.key]
                cell = worksheet.cell(row=number, column=column_number)
                cell.value = formula(FormulaRefs(self.layout, self.placement, table.name, number, column_number))
                self.styles.computed(cell, above_row.number_format)
            if above_row.hidden:
                worksheet.row_dimensions[number].hidden = True

        for column in table.columns:
            number = place.columns[column.key]
            cell = worksheet.cell(row=place.header_row, column=number, value=pick(column.header, language))
            cell.alignment = self.styles.wrap
            letter = column_letter(number)
            current = worksheet.column_dimensions[letter].width or 0
            if number > 1:
                worksheet.column_dimensions[letter].width = max(current, column.width)
            if column.hidden:
                worksheet.column_dimensions[letter].hidden = True

        items = self._table_items(table)
        for position in range(place.rows):
            row = place.first_row + position
            item = items[position] if position < len(items) else None
            for column in table.columns:
                self._write_table_cell(worksheet, table, column, row, position, item)

        for column in table.columns:
            if column.computed:
                continue
            number = place.columns[column.key]
            cell_range = f"{column_letter(number)}{place.first_row}:{column_letter(number)}{place.last_row}"
            self.validations.add(worksheet.title, cell_range, column)

        reference = f"A{place.header_row}:{column_letter(len(table.columns))}{place.last_row}"
        excel_table = ExcelTable(displayName=table.name, ref=reference)
        excel_table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=False, showColumnStripes=False)
        worksheet.add_table(excel_table)

    def _table_items(self, table: Table) -> list:
        if self.data is None:
            return []
        items = get_pointer(self.data, table.pointer)
        return items if isinstance(items, list) else []

    def _write_table_cell(self, worksheet, table: Table, column: Column, row: int, position: int, item: Any) -> None:
        place = self.placement.tables[table.name]
        number = place.columns[column.key]
        cell = worksheet.cell(row=row, column=number)
        if column.computed:
            cell.value = column.formula(FormulaRefs(self.layout, self.placement, table.name, row, number))
            self.styles.computed(cell, column.number_format)
            return

        value_type, key, route = column.type, column.key, None
        if column.route is not None:
            route = column.route(self.route_context)
            if route is not None:
                value_type, key = route.type, route.key
            else:
                key = None
        if self.data is None:
            value = localised(column.defaults(position), self.language) if column.defaults else None
        elif item is None or key is None:
            value = None
        elif key == "":
            value = item
        else:
            value = get_pointer(item, "/" + key) if isinstance(item, dict) else None
        if value is None and route is not None and route.score_key and isinstance(item, dict):
            # A score given instead of an indicator value is written the way people type it.
            score = get_pointer(item, "/" + route.score_key)
            if score is not None:
                value = f"{SCORE_WORD} {score}"
        self._put_value(cell, value, value_type, column.choices)
        self.styles.input(cell, column.number_format or default_number_format(column.type))

    def _put_value(self, cell, value: Any, value_type: str, choices: str | None) -> None:
        """Write a data value as people would have typed it: labels for choices, dates as dates."""
        if value is None:
            return
        if value_type == BOOLEAN and isinstance(value, bool):
            cell.value = self.layout.choice_list(YES_NO).label(value, self.language)
        elif choices and not isinstance(value, bool):
            label = self.layout.choice_list(choices).label(value, self.language)
            set_text_cell(cell, label if label is not None else str(value))
        elif value_type == DATE and isinstance(value, str):
            try:
                cell.value = dt.date.fromisoformat(value)
            except ValueError:
                set_text_cell(cell, value)
        elif isinstance(value, str):
            set_text_cell(cell, value)
        else:
            cell.value = value

    # The lists of the drop-downs: label and identifier side by side, one pair of columns per list.
    def _write_lists(self) -> None:
        worksheet = self.workbook.create_sheet(self.placement.lists_title)
        worksheet.sheet_state = "hidden"
        for choice_list in self.layout.lists:
            column, _ = self.placement.lists[choice_list.name]
            worksheet.cell(row=1, column=column, value=choice_list.name).font = self.styles.bold
            worksheet.cell(row=1, column=column + 1, value=f"{choice_list.name}_id").font = self.styles.bold
            for offset, option in enumerate(choice_list.options, start=2):
                set_text_cell(worksheet.cell(row=offset, column=column), option.label[self.language])
                identifier = worksheet.cell(row=offset, column=column + 1)
                if isinstance(option.value, str):
                    set_text_cell(identifier, option.value)
                else:
                    identifier.value = option.value

    def _write_metadata(self) -> None:
        from kamgen import __version__

        worksheet = self.workbook.create_sheet(METADATA_SHEET)
        worksheet.sheet_state = "veryHidden"
        rows = [
            ("kind", self.layout.kind),
            ("format_version", self.layout.format_version),
            ("language", self.language),
            ("kamgen_version", __version__),
            ("sheet.start", self.placement.start_title),
            ("sheet.lists", self.placement.lists_title),
        ]
        rows += [(f"sheet.{key}", title) for key, title in self.placement.sheet_titles.items()]
        rows += [(f"parameter.{name}", value) for name, value in sorted(self.layout.parameters.items())]
        rows += [(f"table.{name}", place.sheet) for name, place in self.placement.tables.items()]
        for number, (key, value) in enumerate(rows, start=1):
            worksheet.cell(row=number, column=1, value=key)
            cell = worksheet.cell(row=number, column=2)
            if isinstance(value, str):
                set_text_cell(cell, value)
            else:
                cell.value = value

    # Defined names follow a sheet when people rename it, and a field when they insert rows.
    def _define_names(self) -> None:
        from openpyxl.workbook.defined_name import DefinedName

        names = {SHEET_NAME_PREFIX + key: absolute(title, 1, 1) for key, title in self.placement.sheet_titles.items()}
        names[SHEET_NAME_PREFIX + "start"] = absolute(self.placement.start_title, 1, 1)
        for name, (sheet, row, column) in self.placement.cells.items():
            names[FIELD_NAME_PREFIX + name] = absolute(sheet, row, column)
        for name, target in sorted(names.items()):
            self.workbook.defined_names[name] = DefinedName(name, attr_text=target)


def protect(worksheet) -> None:
    """Protect a sheet without a password; people may still resize, filter and select."""
    from openpyxl.worksheet.protection import SheetProtection

    worksheet.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, autoFilter=False, sort=False,
        selectLockedCells=False, selectUnlockedCells=False,
    )


class DataRouteContext:
    """A :class:`~kamgen.workbooks.layout.RouteContext` over data: table rows are the list items."""

    def __init__(self, layout: WorkbookLayout, data: dict):
        self.layout = layout
        self.data = data

    def rows(self, table: str) -> list[dict | None]:
        items = get_pointer(self.data, self.layout.table(table).pointer)
        if not isinstance(items, list):
            return []
        return [item if isinstance(item, dict) else None for item in items]


def document_date(data: dict | None) -> dt.datetime:
    """Return the date for the document properties: SOURCE_DATE_EPOCH, else the period's start, else a fixed date."""
    from kamgen.ooxml import source_date_epoch

    epoch = source_date_epoch()
    if epoch is not None:
        return epoch.replace(tzinfo=None)
    start = get_pointer(data, "/period/start") if data else None
    if isinstance(start, str):
        try:
            return dt.datetime.combine(dt.date.fromisoformat(start), dt.time())
        except ValueError:
            pass
    return DEFAULT_DOCUMENT_DATE


def write_workbook(layout: WorkbookLayout, path: Path, language: str, data: dict | None = None) -> Path:
    """Write the layout as an ``.xlsx`` to ``path``, blank or filled with ``data``; return the path.

    The file is written atomically and normalised (fixed ZIP order and
    timestamps), so the same layout, data and language give the same bytes.
    """
    from kamgen.ooxml import write_atomically

    workbook = WorkbookWriter(layout, language, data).write()
    moment = document_date(data)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "kamgen"
    workbook.properties.lastModifiedBy = "kamgen"
    return write_atomically(Path(path), lambda temporary: workbook.save(temporary), timestamp=moment)
