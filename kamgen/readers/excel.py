"""Read a filled kamgen input workbook into schema-shaped data, with a cell for every value.

The workbook is recognised by its very hidden metadata sheet (kind, format
version, language, layout parameters, the original sheet names). The layout
of its kind (:mod:`kamgen.workbooks.layout`) gives the place of every value.
Only typed values are read. Formula cells are never taken as data: kamgen
recomputes them, and when the file holds results that Excel or LibreOffice
saved, compares those with its own and warns on a difference.

The steps, each a method of :class:`WorkbookReader`: open (twice: once for
structure and formulas, once for saved values), read the metadata, find the
sheets, read the header and field cells, read the tables row by row, verify
the saved formula results. Checks for what people do to workbooks (hidden
rows, merged cells, rows typed below a table) belong in :meth:`_table_rows`
and :meth:`_read_raw`, where every cell passes.

What people do to workbooks, and what the reader does about it:

- a formula typed in an input cell: its saved result is read like a typed
  value; without a saved result the cell is an error
  (``reading.formula_in_input``);
- merged cells over input cells: the top-left value is read, with a warning
  naming the range (``reading.merged_cell``);
- hidden or filtered-out table rows holding data: read, with a warning
  (``reading.hidden_row``);
- rows typed just below a table: read, with a warning
  (``reading.row_below_table``); empty rows anywhere are skipped;
- an Excel error value or its text (``#REF!``) in an input cell: an error
  (``reading.cell_excel_error``);
- a value typed over one of kamgen's formulas: not used, with a warning
  (``reading.formula_overwritten``);
- a sheet formatted down to row 1,048,576: trimmed before openpyxl loads it
  (:mod:`kamgen.readers.xlsx_bounds`), and loops stop at the last row that
  holds anything, so a table range stretched to the bottom costs nothing.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamgen.errors import InputFileError
from kamgen.i18n import get_language, t
from kamgen.problems import ERROR, WARNING, Location, Problem
from kamgen.readers import InputDocument, SourceMap, pointer_join
from kamgen.workbooks.layout import INDICATOR
from kamgen.tolerant import (
    AMBIGUOUS,
    EXCEL_ERROR,
    Parsed,
    ambiguous_spellings,
    clean_text,
    parse_boolean,
    parse_code,
    parse_date,
    parse_number,
    parse_percentage,
    strip_control_characters,
)

# Saved formula results within this relative distance of kamgen's value count as equal.
FORMULA_TOLERANCE = 1e-6


@dataclass
class Metadata:
    """Facts about a workbook from its metadata sheet."""

    kind: str
    format_version: int
    language: str
    kamgen_version: str | None
    sheets: dict[str, str] = field(default_factory=dict)  # sheet key → original title
    parameters: dict[str, int] = field(default_factory=dict)
    tables: dict[str, str] = field(default_factory=dict)  # table name → original sheet title


def read_workbook(path: Path, display_name: str) -> InputDocument:
    """Read a kamgen input workbook; raise InputFileError when it is no kamgen workbook at all."""
    from kamgen.readers.xlsx_bounds import bound_package

    package = bound_package(Path(path), display_name)
    structure, values = open_workbook(package, display_name)
    metadata = read_metadata(structure, display_name)

    from kamgen.workbooks import layout_module

    module = layout_module(metadata.kind)
    if module is None:
        raise InputFileError(
            t("workbook.layout_missing", kind=metadata.kind), code="reading.bad_kind", location=Location(file=display_name),
        )
    layout = module.layout(metadata.parameters)

    reader = WorkbookReader(layout, structure, values, metadata, display_name)
    reader.note_trimmed_sheets(package.trimmed)
    reader.read()
    reader.check_overwritten_formulas()
    reader.verify_formulas()
    return InputDocument(
        path=Path(path), display_name=display_name, format="xlsx", kind=metadata.kind, data=reader.data,
        source_map=reader.source_map, problems=reader.problems,
    )


def open_workbook(package, display_name: str):
    """Open the workbook twice: with formulas (structure, defined names, tables) and with saved values.

    ``package`` is a path or a :class:`~kamgen.readers.xlsx_bounds.BoundedPackage`
    (the file with its absurd used ranges trimmed, in memory). openpyxl
    parses through defusedxml when that is installed, which kamgen requires;
    the file is opened read-only on disk and never written.
    """
    import openpyxl

    source = package.source if hasattr(package, "source") else (lambda: package)
    try:
        structure = openpyxl.load_workbook(source(), data_only=False, keep_links=False)
        values = openpyxl.load_workbook(source(), data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as error:
        raise InputFileError(
            t("workbook.unreadable_workbook", file=display_name, detail=f"{type(error).__name__}: {error}"),
            code="reading.corrupt_zip", location=Location(file=display_name),
        ) from error
    return structure, values


def read_metadata(workbook, display_name: str) -> Metadata:
    from kamgen.workbooks.layout import METADATA_SHEET

    if METADATA_SHEET not in workbook.sheetnames:
        raise InputFileError(
            t("reading.foreign_workbook", file=display_name, sheets=", ".join(workbook.sheetnames)),
            code="reading.foreign_workbook", location=Location(file=display_name),
        )
    entries: dict[str, Any] = {}
    for key, value in workbook[METADATA_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
        if isinstance(key, str):
            entries[key.strip()] = value

    kind = entries.get("kind")
    try:
        version = int(entries.get("format_version"))
    except (TypeError, ValueError) as error:
        raise InputFileError(
            t("workbook.metadata_unreadable", file=display_name, detail=f"format_version={entries.get('format_version')!r}"),
            code="reading.foreign_workbook", location=Location(file=display_name, sheet=METADATA_SHEET),
        ) from error

    from kamgen.catalogue import KINDS

    if kind not in KINDS:
        raise InputFileError(
            t("reading.bad_kind", file=display_name, found=repr(kind)), code="reading.bad_kind",
            location=Location(file=display_name, sheet=METADATA_SHEET),
        )
    from kamgen.workbooks import layout_module

    module = layout_module(kind)
    supported = getattr(module, "FORMAT_VERSION", 1) if module else 1
    if version > supported:
        raise InputFileError(
            t("reading.newer_format", file=display_name, found=version, supported=supported), code="reading.newer_format",
            location=Location(file=display_name, sheet=METADATA_SHEET),
        )

    language = entries.get("language") if entries.get("language") in ("nl", "en") else "nl"
    metadata = Metadata(kind=kind, format_version=version, language=language, kamgen_version=entries.get("kamgen_version"))
    for key, value in entries.items():
        prefix, _, name = key.partition(".")
        if prefix == "sheet" and isinstance(value, str):
            metadata.sheets[name] = value
        elif prefix == "parameter" and isinstance(value, (int, float)) and not isinstance(value, bool):
            metadata.parameters[name] = int(value)
        elif prefix == "table" and isinstance(value, str):
            metadata.tables[name] = value
    return metadata


_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_excel_escapes(text: str) -> str:
    """Decode Excel's ``_xHHHH_`` escapes, which openpyxl leaves in cell text.

    Excel stores characters that XML cannot contain (control characters) and
    a carriage return this way, and a literal ``_x`` as ``_x005F_x``. The
    reader then removes the control characters with a warning naming the cell.
    """
    return _EXCEL_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)


def parse_typed(raw: Any, value_type: str, choice_list=None) -> tuple[Any, str | None]:
    """Parse one cell as the layout's value type; return (value, message key of the failure or None)."""
    from kamgen.workbooks import layout as types

    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if value_type == types.TEXT:
        if hasattr(raw, "isoformat"):
            return parse_date(raw).value, None
        text = clean_text(raw)
        # An error value, or its text pasted as a value, is never what someone meant to write.
        if text is not None and text.upper() in _excel_errors():
            return text.upper(), "reading.cell_excel_error"
        return text, None
    if value_type == types.CODE:
        return _check(parse_code(raw), "reading.cell_number")
    if value_type == types.INTEGER:
        return _check(parse_number(raw, integer=True, thousands_dot=True), "reading.cell_integer")
    if value_type == types.NUMBER:
        return _check(parse_number(raw, thousands_dot=_is_money(raw)), "reading.cell_number")
    if value_type == types.AMOUNT:
        return _check(parse_number(raw, thousands_dot=True), "reading.cell_number")
    if value_type in (types.NUMBER_OR_PERCENT, types.INDICATOR):
        if isinstance(raw, str) and raw.strip().endswith("%"):
            return _check(parse_percentage(raw), "reading.cell_percentage")
        return _check(parse_number(raw, thousands_dot=_is_money(raw)), "reading.cell_number")
    if value_type == types.PERCENTAGE:
        return _check(parse_percentage(raw), "reading.cell_percentage")
    if value_type == types.DATE:
        return _check(parse_date(raw), "reading.cell_date")
    if value_type == types.BOOLEAN:
        parsed = parse_boolean(raw)
        if not parsed.ok and choice_list is not None and parsed.status != EXCEL_ERROR:
            found, value = choice_list.lookup(raw)
            if found:
                return value, None
        return _check(parsed, "reading.cell_boolean")
    if value_type == types.CHOICE:
        text = clean_text(raw)
        if text is not None and text.upper() in _excel_errors():
            return text.upper(), "reading.cell_excel_error"
        found, value = choice_list.lookup(text if text is not None else raw)
        return (value, None) if found else (text, "reading.cell_choice")
    raise ValueError(f"unknown value type {value_type!r}")


def parse_indicator(raw: Any, route, number_format: str | None) -> tuple[str, Any, str | None]:
    """Parse an INDICATOR cell of a routed column; return (key inside the item, value, failure key).

    ``score 4`` is a score typed directly and goes to the route's score key.
    With ``percent_points`` (the indicator's unit is %), ``16%`` and a cell
    formatted as a percentage both mean 16.
    """
    from kamgen.workbooks.layout import SCORE_WORD

    key = route.key
    if isinstance(raw, str) and route.score_key:
        match = re.fullmatch(rf"\s*{SCORE_WORD}\s*(\S+)\s*", raw, flags=re.IGNORECASE)
        if match:
            parsed = parse_number(match.group(1), integer=True)
            if not parsed.ok:
                return route.score_key, None, "reading.cell_integer"
            return route.score_key, parsed.value, None
    if isinstance(raw, str) and raw.strip().endswith("%"):
        value, failure = _check(parse_percentage(raw), "reading.cell_percentage")
        if failure is None and route.percent_points and value is not None:
            value = _percent_points(value)
    else:
        value, failure = _check(parse_number(raw, thousands_dot=_is_money(raw)), "reading.cell_number")
        if (failure is None and route.percent_points and isinstance(raw, (int, float)) and not isinstance(raw, bool)
                and number_format and "%" in number_format):
            value = _percent_points(value)
    if failure is None and key == route.score_key and isinstance(value, float) and value.is_integer():
        value = int(value)
    return key, value, failure


def _is_money(raw: Any) -> bool:
    """Tell whether typed text is an amount of money (€ 97.000), where a dot can only group thousands."""
    return isinstance(raw, str) and ("€" in raw or "EUR" in raw.upper())


def _percent_points(fraction: float) -> float | int:
    """Return a fraction as percent points without float noise: 0.165 → 16.5."""
    points = round(fraction * 100, 9)
    return int(points) if float(points).is_integer() else points


def _excel_errors() -> frozenset[str]:
    from kamgen.tolerant import EXCEL_ERRORS

    return EXCEL_ERRORS


def _check(parsed: Parsed, failure: str) -> tuple[Any, str | None]:
    if parsed.ok:
        return parsed.value, None
    if parsed.status == EXCEL_ERROR:
        return parsed.value, "reading.cell_excel_error"
    if parsed.status == AMBIGUOUS:
        return None, "reading.cell_ambiguous"
    return None, failure


def _list_lengths(keys: list[str]) -> dict[str, int]:
    """Return, per list inside an item, its length from column keys such as bands/0 … bands/3 or milestones/2/date."""
    lengths: dict[str, int] = {}
    for key in keys:
        parts = key.split("/")
        for depth, part in enumerate(parts[1:], start=1):
            if part.isdigit():
                head = "/".join(parts[:depth])
                lengths[head] = max(lengths.get(head, 0), int(part) + 1)
    return lengths


def set_value(container: dict, key: str, value: Any, list_lengths: dict[str, int]) -> None:
    """Set ``value`` at a relative key (``name``, ``anchors/score_1``, ``bands/2``) inside an item."""
    parts = key.split("/")
    node: Any = container
    for depth, part in enumerate(parts[:-1]):
        prefix = "/".join(parts[: depth + 1])
        following = parts[depth + 1]
        if isinstance(node, list):
            index = int(part)
            if node[index] is None:
                node[index] = [None] * list_lengths[prefix] if following.isdigit() and prefix in list_lengths else {}
            node = node[index]
            continue
        if part not in node:
            node[part] = [None] * list_lengths[prefix] if following.isdigit() and prefix in list_lengths else {}
        node = node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def set_pointer(data: dict, pointer: str, value: Any) -> None:
    """Set a value at an absolute JSON pointer of objects, creating the objects on the way."""
    from kamgen.workbooks.writer import split_pointer

    parts = split_pointer(pointer)
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


class ReaderRouteContext:
    """A :class:`~kamgen.workbooks.layout.RouteContext` over the rows read so far."""

    def __init__(self, reader: "WorkbookReader"):
        self.reader = reader
        self.data = reader.data

    def rows(self, table: str) -> list[dict | None]:
        return self.reader.physical_items.get(table, [])


@dataclass
class TableRegion:
    """A table as found in the file: its sheet, rows and where each layout column sits."""

    worksheet: Any
    values: Any
    header_row: int
    first_row: int
    last_row: int  # the table's last body row, from its range in the file
    columns: dict[str, int]  # layout column key → column number
    read_last_row: int = 0  # last body row worth reading: last_row, or the sheet's last row holding anything
    below_rows: tuple[int, ...] = ()  # rows under the table with typed data, read as more rows of it


@dataclass
class SheetContent:
    """The cells of a sheet that hold anything, by row; built once from the cells openpyxl created."""

    rows: dict[int, dict[int, Any]]  # row → column → value (formulas as their text)
    last_row: int


class WorkbookReader:
    def __init__(self, layout, structure, values, metadata: Metadata, display_name: str):
        from kamgen.workbooks.writer import plan

        self.layout = layout
        self.structure = structure
        self.values = values
        self.metadata = metadata
        self.language = metadata.language
        self.file = display_name
        self.data: dict[str, Any] = {}
        for pointer, value in layout.constants.items():
            set_pointer(self.data, pointer, value)
        self.source_map = SourceMap(display_name)
        self.problems: list[Problem] = []
        # Addresses of a blank workbook of this layout: the fallback when a defined name is gone.
        self.placement = plan(layout, metadata.language)
        self.sheets: dict[str, Any] = {}  # sheet key → structure worksheet
        self.physical_items: dict[str, list[dict | None]] = {}  # table → item (or None) per row
        self.item_indexes: dict[str, list[int | None]] = {}  # table → item index (or None) per row
        self.regions: dict[str, TableRegion] = {}
        self._value_sheets: dict[str, Any] = {}
        self._contents: dict[str, SheetContent] = {}  # sheet title → its cells holding anything
        self._merged: dict[str, list] = {}  # sheet title → merged ranges
        self._merged_reported: set[tuple[str, str]] = set()  # (sheet title, range) already warned about
        self._stop_texts: dict[str, frozenset[str]] = {}  # sheet key → texts kamgen writes on that sheet
        self._overwritten: set[tuple[str, str]] = set()  # (sheet title, cell) of computed cells holding a typed value

    # --- sheets and cells -------------------------------------------------

    def read(self) -> None:
        start = self._find_sheet("start", None, self.placement.start_title)
        if start is None:
            self._problem("reading.start_sheet_missing", ERROR, Location(file=self.file),
                          params={"file": self.file, "sheet": self.placement.start_title, "sheets": self._visible_sheet_names()})
        self._map_constants()
        for item in self.layout.header:
            self._read_field(item, start, worksheet_number=None)

        for sheet in self.layout.sheets:
            tables = tuple(table.name for table in sheet.tables())
            worksheet = self._find_sheet(sheet.key, sheet.worksheet, self.placement.sheet_titles[sheet.key], tables)
            if worksheet is None:
                self._problem("reading.sheet_missing", ERROR, Location(file=self.file), worksheet=sheet.worksheet,
                              params={"worksheet": sheet.worksheet, "file": self.file, "sheets": self._visible_sheet_names()})
                continue
            self.sheets[sheet.key] = worksheet
            self._read_single_cells(sheet, worksheet)

        for sheet, table in sorted(self.layout.tables(), key=lambda pair: _table_phase(pair[1])):
            if sheet.key in self.sheets:
                self._read_table(sheet, table)

    def _map_constants(self) -> None:
        from kamgen.workbooks.writer import start_fact_row

        row = start_fact_row(self.layout)
        cells = {"/kind": f"B{row}", "/format_version": f"B{row + 1}"}
        for pointer in self.layout.constants:
            self.source_map.add(pointer, Location(file=self.file, sheet=self._start_title(), cell=cells.get(pointer, "A1"), pointer=pointer))

    def _start_title(self) -> str:
        worksheet = self.sheets.get("start")
        return worksheet.title if worksheet is not None else self.placement.start_title

    def _visible_sheet_names(self) -> str:
        """Return the titles of the sheets people can see, for messages that list what the file holds."""
        return ", ".join(worksheet.title for worksheet in self.structure.worksheets if worksheet.sheet_state == "visible")

    def _find_sheet(self, key: str, number: int | None, blank_title: str, tables: tuple[str, ...] = ()):
        """Find a sheet by its defined name, its original title, its catalogue name in either language, or its tables.

        Excel table names are unique in a workbook, so a sheet that lost both
        its name and its defined name is still found by a table it holds.
        """
        from kamgen.catalogue import worksheet as catalogue_worksheet
        from kamgen.workbooks.layout import SHEET_NAME_PREFIX

        candidates = []
        name = self.structure.defined_names.get(SHEET_NAME_PREFIX + key)
        if name is not None:
            candidates += [title for title, _ in _destinations(name)]
        if key in self.metadata.sheets:
            candidates.append(self.metadata.sheets[key])
        candidates.append(blank_title)
        if number is not None:
            candidates += [catalogue_worksheet(number).sheet_name(language) for language in ("nl", "en")]
        for title in candidates:
            if title in self.structure.sheetnames:
                worksheet = self.structure[title]
                self.sheets[key] = worksheet
                return worksheet
        for worksheet in self.structure.worksheets:
            if any(name in worksheet.tables for name in tables):
                self.sheets[key] = worksheet
                return worksheet
        return None

    def _cell_address(self, name: str, worksheet) -> tuple[Any, str]:
        """Return (worksheet, coordinate) of a named field: its defined name, else its blank-layout address."""
        from kamgen.workbooks.layout import FIELD_NAME_PREFIX
        from kamgen.workbooks.writer import column_letter

        defined = self.structure.defined_names.get(FIELD_NAME_PREFIX + name)
        if defined is not None:
            for title, coordinate in _destinations(defined):
                if title in self.structure.sheetnames:
                    return self.structure[title], coordinate.replace("$", "")
        _, row, column = self.placement.cells[name]
        return worksheet, f"{column_letter(column)}{row}"

    def _read_single_cells(self, sheet, worksheet) -> None:
        from kamgen.workbooks.layout import Field, Fields, Grid

        for block in sheet.blocks:
            if isinstance(block, Fields):
                items = block.items
            elif isinstance(block, Grid):
                items = tuple(cell for row in block.rows for cell in row.cells)
            else:
                continue
            for item in items:
                if isinstance(item, Field):
                    self._read_field(item, worksheet, worksheet_number=sheet.worksheet)

    def _read_field(self, item, worksheet, worksheet_number: int | None) -> None:
        from kamgen.workbooks.layout import pick

        if worksheet is None:
            return
        worksheet, coordinate = self._cell_address(item.ref_name, worksheet)
        location = Location(file=self.file, sheet=worksheet.title, cell=coordinate, pointer=item.pointer)
        self._map(item.pointer, location, ancestors=True)
        label = pick(item.label, self.language)
        value = self._parse_cell(worksheet, coordinate, item.type, item.choices, label, item.pointer, location, worksheet_number)
        if value is not None:
            set_pointer(self.data, item.pointer, value)

    def _read_raw(self, worksheet, row: int, column: int, label: str, pointer: str, worksheet_number) -> tuple[Any, bool]:
        """Return the typed value of a cell (a formula's saved result), and False when a formula has none."""
        self._check_merged(worksheet, row, column, label, pointer, worksheet_number)
        value = self._values_sheet(worksheet.title).cell(row=row, column=column).value
        if worksheet.cell(row=row, column=column).data_type == "f" and value is None:
            from kamgen.workbooks.writer import column_letter

            location = Location(file=self.file, sheet=worksheet.title, cell=f"{column_letter(column)}{row}", pointer=pointer or None)
            self._problem("reading.formula_in_input", ERROR, location, worksheet=worksheet_number, pointer=pointer,
                          params={"field": label}, field_name=label)
            return None, False
        if isinstance(value, str) and "_x" in value:
            value = decode_excel_escapes(value)
        return value, True

    def _values_sheet(self, title: str):
        """Return the saved-values twin of a sheet; a dict lookup, since the workbook's own searches by title."""
        sheet = self._value_sheets.get(title)
        if sheet is None:
            sheet = self._value_sheets[title] = self.values[title]
        return sheet

    def _parse_cell(self, worksheet, coordinate: str, value_type: str, choices: str | None, label: str, pointer: str,
                    location: Location, worksheet_number, raw: Any = None, raw_given: bool = False) -> Any:
        from kamgen.workbooks.layout import BOOLEAN, YES_NO

        if not raw_given:
            from openpyxl.utils.cell import coordinate_to_tuple

            raw, ok = self._read_raw(worksheet, *coordinate_to_tuple(coordinate), label, pointer, worksheet_number)
            if not ok:
                return None
        choice_list = self.layout.choice_list(choices) if choices else None
        if value_type == BOOLEAN:
            choice_list = self.layout.choice_list(YES_NO)
        value, failure = parse_typed(raw, value_type, choice_list)
        if failure:
            self._cell_problem(failure, raw, label, pointer, location, worksheet_number, choice_list)
            return None
        if isinstance(value, str):
            cleaned, removed = strip_control_characters(value)
            if removed:
                self._problem("reading.control_characters", WARNING, location, worksheet=worksheet_number, pointer=pointer,
                              params={"field": label}, field_name=label, value=value)
                value = cleaned.strip() or None
        return value

    def _cell_problem(self, key: str, raw: Any, label: str, pointer: str, location: Location, worksheet_number, choice_list) -> None:
        from kamgen.validation import describe_value

        params: dict[str, Any] = {"field": label, "found": describe_value(raw)}
        if key == "reading.cell_ambiguous":
            params["thousands"], params["decimal"] = ambiguous_spellings(str(raw), get_language())
        elif key == "reading.cell_choice":
            params["choices"] = ", ".join(option.label[self.language] for option in choice_list.options)
        elif key == "reading.cell_excel_error":
            params["found"] = str(raw)
        self._problem(key, ERROR, location, worksheet=worksheet_number, pointer=pointer, params=params, field_name=label, value=raw)

    def _problem(self, key: str, severity: str, location: Location, worksheet: int | None = None, pointer: str = "",
                 params: dict | None = None, field_name: str | None = None, value: Any = None, code: str | None = None) -> None:
        self.problems.append(Problem(
            code=code or (key if key.startswith("reading.") else key.replace("workbook.", "reading.")),
            severity=severity, message=t(key, **(params or {})), pointer=pointer, worksheet=worksheet,
            field=field_name, value=value, location=location,
        ))

    def _map(self, pointer: str, location: Location, ancestors: bool = False) -> None:
        self.source_map.add(pointer, location)
        if not ancestors:
            return
        probe = pointer.rpartition("/")[0]
        while probe and probe not in self.source_map.entries:
            self.source_map.add(probe, Location(file=location.file, sheet=location.sheet, cell=location.cell, pointer=probe))
            probe = probe.rpartition("/")[0]

    # --- what people do to workbooks ---------------------------------------

    def note_trimmed_sheets(self, trimmed) -> None:
        """Warn about sheets formatted far below their data, which were read without their empty rows."""
        from kamgen.readers.xlsx_bounds import LARGE_USED_RANGE_ROWS

        for sheet in trimmed:
            if sheet.used_last_row - sheet.content_last_row <= LARGE_USED_RANGE_ROWS:
                continue
            self._problem("reading.used_range_large", WARNING, Location(file=self.file, sheet=sheet.title),
                          params={"sheet": sheet.title, "rows": _grouped(sheet.used_last_row, self.language)})

    def _content(self, worksheet) -> SheetContent:
        """Return the cells of a sheet that hold anything (formulas included), indexed by row."""
        content = self._contents.get(worksheet.title)
        if content is None:
            rows: dict[int, dict[int, Any]] = {}
            for cell in _existing_cells(worksheet):
                if not _blank(cell.value):
                    rows.setdefault(cell.row, {})[cell.column] = cell.value
            content = self._contents[worksheet.title] = SheetContent(rows, max(rows, default=0))
        return content

    def _check_merged(self, worksheet, row: int, column: int, label: str, pointer: str, worksheet_number) -> None:
        """Warn once per merged range over an input cell when the range contains a value.

        Excel keeps only the top-left value when cells are merged, and so does
        openpyxl. An empty merged range loses nothing and goes unmentioned.
        """
        ranges = self._merged.get(worksheet.title)
        if ranges is None:
            ranges = self._merged[worksheet.title] = list(worksheet.merged_cells.ranges)
        for merged in ranges:
            if not (merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col):
                continue
            key = (worksheet.title, merged.coord)
            if key in self._merged_reported:
                return
            self._merged_reported.add(key)
            if _blank(self._values_sheet(worksheet.title).cell(row=merged.min_row, column=merged.min_col).value):
                return
            location = Location(file=self.file, sheet=worksheet.title, cell=merged.start_cell.coordinate, pointer=pointer or None)
            self._problem("reading.merged_cell", WARNING, location, worksheet=worksheet_number, pointer=pointer,
                          params={"field": label, "range": merged.coord}, field_name=label)
            return

    def _check_row_place(self, sheet, table, region: TableRegion, row: int, raw_cells: dict, inputs) -> None:
        """Warn about a table row with data that is hidden (or filtered out), or that lies below the table."""
        from kamgen.workbooks.writer import column_letter

        worksheet = region.worksheet
        first = next((column for column in inputs if not _blank(raw_cells[column.key][0])), inputs[0])
        location = Location(file=self.file, sheet=worksheet.title, cell=f"{column_letter(region.columns[first.key])}{row}")
        dimension = worksheet.row_dimensions.get(row)
        if dimension is not None and dimension.hidden:
            self._problem("reading.hidden_row", WARNING, location, worksheet=sheet.worksheet,
                          params={"row": row, "sheet": worksheet.title})
        if row in region.below_rows:
            self._problem("reading.row_below_table", WARNING, location, worksheet=sheet.worksheet,
                          params={"row": row, "sheet": worksheet.title, "table": table.name})

    def _rows_below(self, sheet, table, region: TableRegion, inputs) -> tuple[int, ...]:
        """Return the rows under a table's range that hold typed data in its input columns.

        People type a new row just under a table without extending it. The
        search stops at the first row that belongs to the next block of the
        sheet: a row holding a text kamgen writes there (a heading, a label,
        a column header), a row of another table, or a row of a named cell.
        Empty rows are passed over, as they are inside a table.
        """
        worksheet = region.worksheet
        content = self._content(worksheet)
        input_columns = {region.columns[column.key] for column in inputs}
        stop_rows = self._occupied_rows(worksheet, exclude=table.name)
        stop_texts = self._sheet_texts(sheet)
        rows = []
        for row in sorted(number for number in content.rows if number > region.last_row):
            cells = content.rows[row]
            if row in stop_rows or any(isinstance(value, str) and _normalise_header(value) in stop_texts for value in cells.values()):
                break
            if any(column in input_columns for column in cells):
                rows.append(row)
        return tuple(rows)

    def _occupied_rows(self, worksheet, exclude: str) -> set[int]:
        """Return the rows of the other tables on a sheet (header and body) and of its named cells."""
        from openpyxl.utils.cell import range_boundaries

        from kamgen.workbooks.layout import FIELD_NAME_PREFIX, SHEET_NAME_PREFIX

        rows: set[int] = set()
        for excel_table in worksheet.tables.values():
            if excel_table.name == exclude:
                continue
            _, first_row, _, last_row = range_boundaries(excel_table.ref)
            rows.update(range(first_row, min(last_row, self._content(worksheet).last_row) + 1))
        for name, defined in self.structure.defined_names.items():
            if not name.startswith(FIELD_NAME_PREFIX) or name.startswith(SHEET_NAME_PREFIX):
                continue
            for title, coordinate in _destinations(defined):
                if title != worksheet.title:
                    continue
                try:
                    _, first_row, _, last_row = range_boundaries(coordinate.replace("$", ""))
                except (ValueError, TypeError):
                    continue
                if first_row is not None:
                    rows.update(range(first_row, (last_row or first_row) + 1))
        return rows

    def _sheet_texts(self, sheet) -> frozenset[str]:
        """Return every text kamgen writes on a sheet besides data, in both languages, normalised like headers."""
        texts = self._stop_texts.get(sheet.key)
        if texts is None:
            texts = self._stop_texts[sheet.key] = frozenset(_normalise_header(text) for text in _layout_texts(sheet))
        return texts

    # --- tables -----------------------------------------------------------

    def _find_table(self, sheet, table) -> TableRegion | None:
        """Find the Excel table by name, on its own sheet first, then anywhere in the workbook."""
        from openpyxl.utils.cell import range_boundaries

        worksheets = [self.sheets[sheet.key]] + [worksheet for worksheet in self.structure.worksheets if worksheet is not self.sheets[sheet.key]]
        for worksheet in worksheets:
            excel_table = worksheet.tables.get(table.name)
            if excel_table is None:
                continue
            first_column, first_row, last_column, last_row = range_boundaries(excel_table.ref)
            header_rows = excel_table.headerRowCount if excel_table.headerRowCount is not None else 1
            totals_rows = excel_table.totalsRowCount or 0
            names = [column.name for column in excel_table.tableColumns] or [
                worksheet.cell(row=first_row, column=number).value for number in range(first_column, last_column + 1)]
            body_last_row = last_row - totals_rows
            return TableRegion(
                worksheet=worksheet, values=self.values[worksheet.title], header_row=first_row,
                first_row=first_row + header_rows, last_row=body_last_row,
                columns=self._match_columns(table, names, first_column, worksheet, first_row),
                # A range stretched to row 1,048,576 is read only as far as anything is written.
                read_last_row=min(body_last_row, self._content(worksheet).last_row),
            )
        return None

    def _match_columns(self, table, names: list, first_column: int, worksheet, header_row: int) -> dict[str, int]:
        """Map layout columns to file columns by header text in either language, else by position."""
        from kamgen.i18n import LANGUAGES

        keys_by_header = {}
        for column in table.columns:
            for language in LANGUAGES:
                keys_by_header.setdefault(_normalise_header(column.header[language]), column.key)
        found: dict[str, int] = {}
        for offset, name in enumerate(names):
            key = keys_by_header.get(_normalise_header(name))
            if key is not None and key not in found:
                found[key] = first_column + offset
        assigned = set(found.values())
        for offset, column in enumerate(table.columns):
            number = first_column + offset
            if column.key not in found and offset < len(names) and number not in assigned:
                found[column.key] = number
                assigned.add(number)
        for column in table.columns:
            if column.key not in found and not column.computed:
                from kamgen.workbooks.layout import pick
                from kamgen.workbooks.writer import column_letter

                location = Location(file=self.file, sheet=worksheet.title, cell=f"{column_letter(first_column)}{header_row}")
                self._problem("workbook.column_missing", ERROR, location, params={
                    "column": pick(column.header, self.language), "table": table.name})
        return found

    def _table_rows(self, region: TableRegion) -> list[int]:
        """Return the rows of a table to read, in order: its body up to the last written row, then the rows typed below it."""
        return list(range(region.first_row, region.read_last_row + 1)) + list(region.below_rows)

    def _read_table(self, sheet, table) -> None:
        from kamgen.workbooks.layout import pick
        from kamgen.workbooks.writer import column_letter, localised

        region = self._find_table(sheet, table)
        if region is None:
            self._problem("workbook.table_missing", ERROR, Location(file=self.file, sheet=self.sheets[sheet.key].title),
                          worksheet=sheet.worksheet, params={"table": table.name, "file": self.file, "sheet": self.sheets[sheet.key].title})
            return
        self.regions[table.name] = region
        worksheet = region.worksheet
        inputs = [column for column in table.columns if not column.computed and column.key in region.columns]
        if not table.align:
            # Rows of an aligned table pair with the other table's rows by position, so only plain tables grow downwards.
            region.below_rows = self._rows_below(sheet, table, region, inputs)
        first_key = inputs[0].key if inputs else None
        if not table.align and first_key is not None:
            header = f"{column_letter(region.columns[first_key])}{region.header_row}"
            self._map(table.pointer, Location(file=self.file, sheet=worksheet.title, cell=header, pointer=table.pointer), ancestors=True)

        # First pass: the raw value of every input cell, and which rows contain anything but defaults.
        headers = {column.key: pick(column.header, self.language) for column in inputs}
        rows = []
        for position, row in enumerate(self._table_rows(region)):
            raw_cells: dict[str, tuple[Any, bool]] = {}
            own, anything = False, False
            for column in inputs:
                raw, ok = self._read_raw(worksheet, row, region.columns[column.key], headers[column.key], "", sheet.worksheet)
                raw_cells[column.key] = (raw, ok)
                if _blank(raw) and ok:
                    continue
                anything = True
                default = localised(column.defaults(position), self.language) if column.defaults else None
                if not _same(raw, default):
                    own = True
            rows.append((position, row, raw_cells, own, anything))
            if own:
                self._check_row_place(sheet, table, region, row, raw_cells, inputs)
        used = any(own for _, _, _, own, _ in rows)

        if table.align:
            self._read_aligned_rows(sheet, table, region, inputs, rows, used)
        else:
            self._read_item_rows(sheet, table, region, inputs, rows, used)

    def _present(self, table, own: bool, anything: bool, used: bool) -> bool:
        return own or (table.keep_defaults and used and anything)

    def _read_item_rows(self, sheet, table, region, inputs, rows, used) -> None:
        items: list = []
        physical: list[dict | None] = []
        indexes: list[int | None] = []
        lengths = _list_lengths([column.key for column in inputs])
        context = ReaderRouteContext(self)
        routes = {column.key: column.route(context) for column in inputs if column.route is not None}

        for position, row, raw_cells, own, anything in rows:
            if not self._present(table, own, anything, used):
                physical.append(None)
                indexes.append(None)
                continue
            index = len(items)
            item_pointer = pointer_join(table.pointer, index)
            item: Any = None if inputs and inputs[0].key == "" else {}
            for column in inputs:
                value = self._read_table_cell(sheet, table, region, column, row, position, index, item_pointer,
                                              raw_cells[column.key], routes, lengths, item)
                if column.key == "":
                    item = value
            if table.compact_lists and isinstance(item, dict):
                self._compact_lists(item, item_pointer)
            items.append(item)
            physical.append(item if isinstance(item, dict) else None)
            indexes.append(index)

        self.physical_items[table.name] = physical
        self.item_indexes[table.name] = indexes
        if items:
            set_pointer(self.data, table.pointer, items)

    def _compact_lists(self, item: dict, item_pointer: str) -> None:
        """Drop the empty positions of the item's lists; each value keeps the cell it came from in the source map."""
        for key, value in list(item.items()):
            if not isinstance(value, list) or None not in value:
                continue
            kept = [(position, entry) for position, entry in enumerate(value) if entry is not None]
            for new, (old, _) in enumerate(kept):
                if new == old:
                    continue
                moved = f"{item_pointer}/{key}/{old}"
                for pointer, location in list(self.source_map.entries.items()):
                    if pointer == moved or pointer.startswith(moved + "/"):
                        self.source_map.add(f"{item_pointer}/{key}/{new}{pointer[len(moved):]}", location)
            item[key] = [entry for _, entry in kept]

    def _read_table_cell(self, sheet, table, region, column, row, position, index, item_pointer, raw_cell, routes, lengths, item) -> Any:
        from kamgen.validation import describe_value
        from kamgen.workbooks.layout import pick
        from kamgen.workbooks.writer import column_letter

        raw, ok = raw_cell
        worksheet = region.worksheet
        coordinate = f"{column_letter(region.columns[column.key])}{row}"
        header = pick(column.header, self.language)
        label = t("workbook.item_field", column=header, item=pick(table.item_label, self.language), number=index + 1)
        value_type, key, also = column.type, column.key, ()
        minimum, maximum = column.minimum, column.maximum
        if column.key in routes:
            route = routes[column.key]
            if route is None:
                if ok and not _blank(raw):
                    location = Location(file=self.file, sheet=worksheet.title, cell=coordinate, pointer=item_pointer)
                    self._problem(column.unused_message or "workbook.slot_unused", ERROR, location, worksheet=sheet.worksheet, pointer=item_pointer,
                                  params={"field": label, "found": describe_value(raw), "number": _route_number(table, column)},
                                  field_name=label, value=raw, code="reading.slot_unused")
                return None
            value_type, key, also = route.type, route.key, route.also
            minimum, maximum = route.minimum, route.maximum

        routed = routes.get(column.key)
        if routed is not None and routed.type == INDICATOR and ok and not _blank(raw):
            # The cell's content decides between the indicator value and a typed score.
            number_format = self._values_sheet(worksheet.title)[coordinate].number_format
            key, parsed_value, failure = parse_indicator(raw, routed, number_format)
        pointer = item_pointer if key == "" else f"{item_pointer}/{key}"
        location = Location(file=self.file, sheet=worksheet.title, cell=coordinate, pointer=pointer)
        if column is table.columns[0] or not self.source_map.entries.get(item_pointer):
            self.source_map.add(item_pointer, Location(file=self.file, sheet=worksheet.title, cell=coordinate, pointer=item_pointer))
        self._map(pointer, location)
        for extra in also:
            self._map(f"{item_pointer}/{extra}", Location(file=self.file, sheet=worksheet.title, cell=coordinate, pointer=f"{item_pointer}/{extra}"))
        head = key.rpartition("/")[0]
        if head and f"{item_pointer}/{head}" not in self.source_map.entries:
            self._map(f"{item_pointer}/{head}", location)
        if not ok:
            return None
        if routed is not None and routed.type == INDICATOR and not _blank(raw):
            if failure:
                self._cell_problem(failure, raw, label, pointer, location, sheet.worksheet, None)
                return None
            value = parsed_value
        else:
            value = self._parse_cell(worksheet, coordinate, value_type, column.choices, label, pointer, location,
                                     sheet.worksheet, raw=raw, raw_given=True)
        if value is not None and key != "" and isinstance(item, dict):
            set_value(item, key, value, lengths)
        return value

    def _read_aligned_rows(self, sheet, table, region, inputs, rows, used) -> None:
        from kamgen.validation import describe_value
        from kamgen.workbooks.layout import pick
        from kamgen.workbooks.writer import column_letter

        parent = self.layout.table(table.align)
        parent_items = self.physical_items.get(table.align, [])
        parent_indexes = self.item_indexes.get(table.align, [])
        lengths = _list_lengths([column.key for column in inputs])
        self.item_indexes[table.name] = list(parent_indexes)
        for position, row, raw_cells, own, anything in rows:
            item = parent_items[position] if position < len(parent_items) else None
            index = parent_indexes[position] if position < len(parent_indexes) else None
            if item is None or index is None:
                for column in inputs:
                    raw, ok = raw_cells[column.key]
                    if ok and not _blank(raw):
                        coordinate = f"{column_letter(region.columns[column.key])}{row}"
                        location = Location(file=self.file, sheet=region.worksheet.title, cell=coordinate)
                        label = pick(column.header, self.language)
                        self._problem("workbook.aligned_row_empty", ERROR, location, worksheet=sheet.worksheet,
                                      params={"field": f"{label} ({describe_value(raw)})", "number": position + 1,
                                              "other": self._table_title(parent)},
                                      field_name=label, value=raw)
                continue
            item_pointer = pointer_join(table.pointer, index)
            for column in inputs:
                self._read_table_cell(sheet, table, region, column, row, position, index, item_pointer,
                                      raw_cells[column.key], {}, lengths, item)

    def _table_title(self, table) -> str:
        region = self.regions.get(table.name)
        return region.worksheet.title if region else table.name

    # --- saved formula results ------------------------------------------------

    def check_overwritten_formulas(self) -> None:
        """Warn about computed cells where a typed value replaced kamgen's formula, so no typed value is ignored unnoticed."""
        from kamgen.workbooks.layout import pick
        from kamgen.workbooks.writer import column_letter

        for sheet in self.layout.sheets:
            worksheet = self.sheets.get(sheet.key)
            if worksheet is None:
                continue
            for item in _computed_cells(sheet):
                target, coordinate = self._cell_address(item.name, worksheet)
                self._check_overwritten(target, coordinate, pick(item.label, self.language), sheet.worksheet)
            for table in sheet.tables():
                region = self.regions.get(table.name)
                if region is None:
                    continue
                for column in table.columns:
                    if not column.computed or column.key not in region.columns:
                        continue
                    letter = column_letter(region.columns[column.key])
                    for row in range(region.first_row, region.read_last_row + 1):
                        self._check_overwritten(region.worksheet, f"{letter}{row}", pick(column.header, self.language), sheet.worksheet)

    def _check_overwritten(self, worksheet, coordinate: str, label: str, worksheet_number) -> None:
        from kamgen.validation import describe_value

        cell = worksheet[coordinate]
        if cell.data_type == "f" or _blank(cell.value):
            return
        self._overwritten.add((worksheet.title, coordinate))
        location = Location(file=self.file, sheet=worksheet.title, cell=coordinate)
        self._problem("reading.formula_overwritten", WARNING, location, worksheet=worksheet_number,
                      params={"field": label, "found": describe_value(cell.value)}, field_name=label, value=cell.value)

    def verify_formulas(self) -> None:
        """Compare saved formula results with kamgen's own values; warn on each difference."""
        if self.layout.verify is None or any(problem.is_error for problem in self.problems):
            return
        if not self._has_saved_results():
            return

        from kamgen.validation import rule_problems, schema_problems

        if schema_problems(self.data, self.layout.kind) or any(p.is_error for p in rule_problems(self.data, self.layout.kind)):
            return
        verification = Verification(self.data, self.layout.verify(self.data))

        for sheet in self.layout.sheets:
            worksheet = self.sheets.get(sheet.key)
            if worksheet is None:
                continue
            for item in _computed_cells(sheet):
                if item.expected is None:
                    continue
                target, coordinate = self._cell_address(item.name, worksheet)
                self._compare(target, coordinate, item.expected(verification), item.choices, item.label, sheet.worksheet)
            for table in sheet.tables():
                region = self.regions.get(table.name)
                if region is None:
                    continue
                indexes = self.item_indexes.get(table.name, [])
                for column in table.columns:
                    if column.expected is None or column.key not in region.columns:
                        continue
                    for position, row in enumerate(self._table_rows(region)):
                        index = indexes[position] if position < len(indexes) else None
                        if index is None:
                            continue
                        from kamgen.workbooks.layout import pick
                        from kamgen.workbooks.writer import column_letter

                        coordinate = f"{column_letter(region.columns[column.key])}{row}"
                        label = {language: t("workbook.item_field", language, column=column.header[language],
                                             item=table.item_label[language], number=index + 1) for language in column.header}
                        self._compare(region.worksheet, coordinate, column.expected(verification, index), column.choices,
                                      label, sheet.worksheet)

    def _has_saved_results(self) -> bool:
        """Tell whether any formula cell of the file contains a saved result (openpyxl saves none)."""
        for worksheet in self.sheets.values():
            values = self._values_sheet(worksheet.title)
            for cell in _existing_cells(worksheet):
                if cell.data_type == "f" and values.cell(row=cell.row, column=cell.column).value is not None:
                    return True
        return False

    def _compare(self, worksheet, coordinate: str, expected: Any, choices: str | None, label, worksheet_number) -> None:
        from kamgen.workbooks.layout import pick

        if expected is None or (worksheet.title, coordinate) in self._overwritten:
            return
        saved = self.values[worksheet.title][coordinate].value
        if saved is None:
            return
        if choices:
            choice_list = self.layout.choice_list(choices)
            found, identifier = choice_list.lookup(saved)
            if found and identifier == expected:
                return
            shown_expected = choice_list.label(expected, self.language) or str(expected)
        elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
            if isinstance(saved, (int, float)) and not isinstance(saved, bool):
                if abs(saved - expected) <= FORMULA_TOLERANCE * max(1.0, abs(expected)):
                    return
            shown_expected = _shown_number(expected, self.language)
        else:
            if saved == expected:
                return
            shown_expected = str(expected)
        shown_found = _shown_number(saved, self.language) if isinstance(saved, (int, float)) and not isinstance(saved, bool) else str(saved)
        name = pick(label, self.language)
        location = Location(file=self.file, sheet=worksheet.title, cell=coordinate)
        self._problem("reading.formula_differs", WARNING, location, worksheet=worksheet_number,
                      params={"field": name, "found": shown_found, "expected": shown_expected}, field_name=name, value=saved)


@dataclass
class Verification:
    data: dict
    result: Any


def _computed_cells(sheet) -> list:
    from kamgen.workbooks.layout import Computed, Fields, Grid

    cells = []
    for block in sheet.blocks:
        if isinstance(block, Fields):
            cells += [item for item in block.items if isinstance(item, Computed)]
        elif isinstance(block, Grid):
            cells += [cell for row in block.rows for cell in row.cells if isinstance(cell, Computed)]
    return cells


def _table_phase(table) -> int:
    """Read plain tables first, then tables aligned with them, then tables whose columns route by them."""
    if table.align:
        return 1
    if any(column.route is not None for column in table.columns):
        return 2
    return 0


def _destinations(defined_name) -> list[tuple[str, str]]:
    try:
        return list(defined_name.destinations)
    except (AttributeError, ValueError, TypeError):
        return []


def _existing_cells(worksheet) -> list:
    """Return the cells openpyxl created for a sheet, without creating the empty ones in between.

    NOTE: ``Worksheet._cells`` is openpyxl's private cell dictionary (in 3.0
    and 3.1). ``iter_rows`` would create every cell up to ``max_row`` instead,
    which is millions for a sheet with one cell at row 1,048,576.
    """
    return list(worksheet._cells.values())


def _layout_texts(sheet) -> list[str]:
    """Return the headings, notes, labels and headers of a sheet's layout in every language."""
    from kamgen.workbooks.layout import Computed, Field, Fields, Grid, Heading, Note, Static, Table

    texts: list = []
    for block in sheet.blocks:
        if isinstance(block, (Heading, Note)):
            texts.append(block.text)
        elif isinstance(block, Fields):
            texts += [item.label for item in block.items if isinstance(item, (Field, Computed))]
        elif isinstance(block, Grid):
            texts += [block.corner] + [column.header for column in block.columns]
            for grid_row in block.rows:
                texts.append(grid_row.label)
                texts += [cell.text for cell in grid_row.cells if isinstance(cell, Static)]
        elif isinstance(block, Table):
            texts += [column.header for column in block.columns] + [above.label for above in block.above_rows]
    return [text for value in texts if value for text in value.values() if text]


def _grouped(number: int, language: str) -> str:
    """Return a whole number with thousands grouped as the language writes it: 1.048.576 or 1,048,576."""
    text = f"{number:,}"
    return text.replace(",", ".") if language == "nl" else text


def _normalise_header(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _same(raw: Any, default: Any) -> bool:
    if default is None:
        return False
    if isinstance(raw, str) and isinstance(default, str):
        return " ".join(raw.split()) == " ".join(default.split())
    return raw == default


def _route_number(table, column) -> int:
    """Return the column's place among the routed columns of its table, from 1 (slot 3 → criteria row 3)."""
    routed = [candidate.key for candidate in table.columns if candidate.route is not None]
    return routed.index(column.key) + 1


def _shown_number(value: float, language: str) -> str:
    rounded = round(float(value), 4)
    text = str(int(rounded)) if rounded.is_integer() else str(rounded)
    return text.replace(".", ",") if language == "nl" else text
