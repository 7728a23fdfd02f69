"""Declarative layouts of the Excel input workbooks.

A layout describes what a workbook contains. :mod:`kamgen.workbooks.writer`
turns it into a blank or filled ``.xlsx``, and :mod:`kamgen.readers.excel`
reads a filled one back into schema-shaped data with a cell for every JSON
pointer.

One layout per input kind lives in ``kamgen/workbooks/<kind>.py`` and exposes
``layout(parameters=None) -> WorkbookLayout`` and
``parameters_for(data) -> dict[str, int]`` (sizes that depend on the data,
such as the number of criterion columns; ``{}`` when nothing does). The
writer stores the parameters in the metadata sheet and the reader passes them
back to ``layout()``. :mod:`kamgen.workbooks.new` finds the module by kind, so
``kamgen new KIND`` and ``kamgen pack`` pick up a new layout without changes.

Building a layout
=================

Texts people read are ``{"nl": ..., "en": ...}`` dicts (:data:`Text`); the
writer picks the workbook's language. Put the texts in
``kamgen/messages/<area>.py`` and fetch both languages with :func:`texts`.

``WorkbookLayout(kind, sheets, lists, ...)``
    ``sheets`` are the worksheet sheets in order; the writer adds the start
    sheet (instructions plus ``header`` fields), a hidden sheet with the
    drop-down lists and a very hidden metadata sheet itself.

``Sheet(key, worksheet, blocks)``
    One sheet, named ``kamgen.catalogue.worksheet(n).sheet_name(language)``
    (``WB06 Classificatie``). ``key`` is the stable id stored in the metadata
    and in the defined name ``kamgen_sheet_<key>``, so a renamed or moved
    sheet is still found. Blocks are placed top to bottom from column A with
    one empty row between them.

Blocks:

``Heading(text)``, ``Note(text)``
    Static text. A note is one line of small print; use several for a list.
``Fields(items)``
    One row per item: the label in column A, the cell in column B. An item
    is a :class:`Field` (an input cell mapped to a JSON pointer) or a
    :class:`Computed` cell (a locked live formula).
``Table(name, pointer, columns, rows)``
    An Excel table for a list in the data: one table row per list item,
    ``rows`` empty pre-formatted rows in a blank workbook (more when filled
    data needs them). The reader takes the table's current range from the
    file, maps columns by header text (falling back to position) and skips
    empty rows, so ``/customers/3`` is the fourth *non-empty* row. A table
    with ``align="OtherTable"`` adds columns to the items of that table
    instead of making items of its own: its row *i* belongs to row *i* of the
    other table (the weights of worksheet 5 beside the criteria of 4).
``Grid(columns, rows)``
    A matrix of single cells: row labels in column A, one column per
    :class:`GridColumn`; each :class:`GridRow` holds one :class:`Field`,
    :class:`Computed`, :class:`Static` or ``None`` per column (the service
    concepts of worksheet 10, with a column per segment).

Cells:

``Field(pointer, label, type=TEXT, choices=None, minimum=None, maximum=None, help=None, default=None)``
    ``type`` is one of the value types below; ``choices`` names a
    :class:`ChoiceList` for a drop-down. ``default`` is written into a blank
    workbook only (the report language, the currency).
``Column(key, header, type=TEXT, ...)``
    A table column; ``key`` is the pointer *inside* an item (``name``,
    ``anchors/score_1``, ``bands/0``), or ``""`` when the items are plain
    values (a list of strings). With ``formula`` it is a locked computed
    column instead. ``defaults`` pre-fills a blank workbook per row
    (``lambda position: f"C{position + 1}"``); a cell still holding its
    default does not make a row non-empty, unless ``Table.keep_defaults``.
    ``route`` makes the pointer and type depend on other data (a criterion
    slot on worksheet 6 holds a score for an anchors criterion and an
    indicator value for a banded one); see :class:`Route`. ``above`` gives
    the column's cells in the table's :class:`AboveRow` rows, formulas
    above the header that say what a slot column holds.
``Computed(name, label, formula, number_format=None, expected=None)``
    A locked cell with a live formula. ``name`` lets other formulas refer to
    it; ``expected`` returns kamgen's own value so the reader can compare it
    with the result Excel cached (problem ``reading.formula_differs``).

Value types (``TEXT`` … ``INDICATOR``) decide how the writer formats and
validates a cell and how the reader parses what people typed, through
:mod:`kamgen.tolerant`: ``7,5``, ``€ 1.234``, ``30%``, ``01-02-2026``, ``ja``.
A dot in typed text with a euro sign only groups thousands (``€ 97.000``).

Formulas
========

A formula is a function ``formula(refs) -> str`` returning the formula text
with its leading ``=``. ``refs`` (:class:`Refs`, made by the writer) turns
layout names into addresses, so layouts never hard-code a cell:

- ``refs.cell("threshold_current")`` → ``'WB06 Classificatie'!$B$5``, the
  cell of a named :class:`Field` or :class:`Computed` (a field's name
  defaults to its pointer with ``/`` replaced by ``_``: ``period_start``).
- ``refs.column("Customers", "revenue")`` → ``'WB06 Classificatie'!$C$12:$C$211``,
  a table column's body.
- ``refs.at("Criteria", "code", 2)`` → the cell of a column in row 2 (from 0)
  of a table; ``refs.upto("Criteria", "code", 2)`` → that column's rows 0–2
  (for "first occurrence" checks with COUNTIF).
- ``refs.here("revenue")`` → ``$C14``: the current row's cell of another
  column of the same table, inside a column formula. ``refs.position`` is
  the current row's position (from 0).
- ``refs.span("Customers", "slot_1", "slot_12")`` → the current row's range
  over consecutive columns (``position=`` for another row of the table);
  ``refs.above("Customers", "weight", "slot_1", "slot_12")`` → the same
  columns in a row above the table header (:class:`AboveRow`),
  ``refs.above_at("Customers", "weight", "slot_3")`` one cell of that row,
  and ``refs.above_here("weight")`` the current column's cell in that row.
- ``refs.label("segment", "strategic")`` → ``"Strategische klant"``, a quoted
  label of a list option in the workbook's language;
  ``refs.text({"nl": ..., "en": ...})`` quotes any text.
- ``refs.labels("segment")`` / ``refs.values("segment")`` → the ranges of
  labels and identifiers of a list on the hidden lists sheet, for
  ``INDEX/MATCH`` from a typed identifier to its label.

Use only functions that Excel 2010 and LibreOffice both calculate (SUM,
SUMIF, SUMPRODUCT, COUNTIF, COUNTIFS, INDEX, MATCH, MEDIAN, AVERAGE, IF,
IFERROR, AND, OR, ABS, N, ISNUMBER, CELL); no LET, LAMBDA, XLOOKUP or
dynamic arrays. Inside SUMPRODUCT, IF does not work element by element in
Excel without array entry, so per-cell decisions go into a (hidden) helper
column and SUMPRODUCT takes that column as a separate argument, where text
counts as 0. ``tests/test_workbook_soffice.py`` recalculates the portfolio
workbook in LibreOffice and compares every result with kamgen's.

Reading
=======

:func:`kamgen.readers.excel.read_workbook` recognises a workbook by its
metadata sheet, finds each sheet through its defined name, then its
original name, then the catalogue name in either language, and reads every
field and table through the layout. Every value pointer gets a
:class:`kamgen.problems.Location` with sheet and cell, filled or not, so a
schema or rule problem about it lands on the cell people have to change.
``WorkbookLayout.constants`` adds fixed values to the data (``kind``,
``format_version``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Protocol, Union

Text = Mapping[str, str]

# Value types of input cells.
TEXT = "text"  # free text; control characters removed with a warning
CODE = "code"  # text that looks like a number but is not one: 0123 stays 0123
INTEGER = "integer"  # a whole number
NUMBER = "number"  # a decimal number: 7,5 or 7.5
AMOUNT = "amount"  # money or a count: € 1.234 reads as 1234
NUMBER_OR_PERCENT = "number_or_percent"  # a number, or 30% read as 0.3
PERCENTAGE = "percentage"  # a fraction: 30% and 0,3 both read as 0.3
DATE = "date"  # a date cell or dd-mm-jjjj text, read as jjjj-mm-dd
BOOLEAN = "boolean"  # ja/nee, yes/no; written from the list "yes_no"
CHOICE = "choice"  # a label (or identifier) of a ChoiceList
# An indicator value (a number or 30%) or, typed as "score 4", a score that
# goes to the route's score_key instead; used by routed columns.
INDICATOR = "indicator"
VALUE_TYPES = (TEXT, CODE, INTEGER, NUMBER, AMOUNT, NUMBER_OR_PERCENT, PERCENTAGE, DATE, BOOLEAN, CHOICE, INDICATOR)
# The word that marks a typed score in an INDICATOR cell, the same in Dutch and English.
SCORE_WORD = "score"

# The list every BOOLEAN cell uses for its drop-down.
YES_NO = "yes_no"


def texts(key: str, **params: object) -> dict[str, str]:
    """Return a catalogue message in both languages: ``texts("workbook.pf_band", number=2)``."""
    from kamgen.i18n import LANGUAGES, t

    return {language: t(key, language, **params) for language in LANGUAGES}


def schema_title(kind: str, pointer: str) -> dict[str, str]:
    """Return the Dutch and English title the kind's schema gives the value at ``pointer``."""
    from kamgen.validation import schema_node

    node, _ = schema_node(kind, pointer)
    title = node.get("title") or pointer.rpartition("/")[2]
    return {"nl": title, "en": node.get("x-title-en", title)}


def pick(text: Text | None, language: str) -> str:
    if text is None:
        return ""
    return text[language]


@dataclass(frozen=True)
class Option:
    """One choice of a drop-down: the identifier stored in the data and its labels."""

    value: Any
    label: Text
    aliases: tuple[str, ...] = ()  # other spellings the reader accepts, compared case-insensitively


@dataclass(frozen=True)
class ChoiceList:
    """A named drop-down list, written to the hidden lists sheet in the workbook's language."""

    name: str
    options: tuple[Option, ...]

    def label(self, value: Any, language: str) -> str | None:
        for option in self.options:
            if option.value == value:
                return option.label[language]
        return None

    def lookup(self, typed: Any) -> tuple[bool, Any]:
        """Return (True, identifier) for a label in either language, an identifier or an alias."""
        if isinstance(typed, str):
            target = " ".join(typed.split()).casefold()
        else:
            target = typed
        for option in self.options:
            candidates = [option.value, *option.label.values(), *option.aliases]
            for candidate in candidates:
                if isinstance(candidate, str) and isinstance(target, str):
                    if candidate.casefold() == target:
                        return True, option.value
                elif candidate == target and type(candidate) is type(target):
                    return True, option.value
        return False, None


class Refs(Protocol):
    """Address lookup handed to formula functions; implemented by the writer."""

    position: int  # the current table row, from 0 (only inside a column formula)

    def cell(self, name: str) -> str: ...
    def column(self, table: str, key: str) -> str: ...
    def at(self, table: str, key: str, position: int) -> str: ...
    def here(self, key: str) -> str: ...
    def upto(self, table: str, key: str, position: int) -> str: ...
    def span(self, table: str, first_key: str, last_key: str, position: int | None = None) -> str: ...
    def above(self, table: str, row: str, first_key: str, last_key: str) -> str: ...
    def above_here(self, row: str) -> str: ...
    def above_at(self, table: str, row: str, key: str) -> str: ...
    def label(self, list_name: str, value: Any) -> str: ...
    def labels(self, list_name: str) -> str: ...
    def values(self, list_name: str) -> str: ...
    def text(self, text: Text) -> str: ...


Formula = Callable[[Refs], str]


class Verification(Protocol):
    """Argument of an ``expected`` function: the data read and kamgen's computation on it."""

    data: dict
    result: Any  # the kind's computed result (for a portfolio: PortfolioResult)


@dataclass(frozen=True)
class Field:
    """A single input cell mapped to a JSON pointer."""

    pointer: str
    label: Text
    type: str = TEXT
    choices: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    help: Text | None = None  # the input message Excel shows when the cell is selected
    default: Any = None  # written into a blank workbook only; a Text dict gives one value per language
    name: str | None = None  # for refs.cell(); defaults to the pointer without its first slash, "/" → "_"
    lines: int = 1  # row height in lines, for long text
    number_format: str | None = None

    @property
    def ref_name(self) -> str:
        return self.name or self.pointer.lstrip("/").replace("/", "_")


@dataclass(frozen=True)
class Computed:
    """A locked cell with a live formula; the reader never takes data from it."""

    name: str
    label: Text
    formula: Formula
    number_format: str | None = None
    expected: Callable[[Verification], Any] | None = None  # kamgen's value; None skips the comparison
    choices: str | None = None  # the formula returns a label of this list; expected returns its identifier


@dataclass(frozen=True)
class Static:
    """Fixed text in a grid cell, locked (the guiding question of a criteria group)."""

    text: Text


@dataclass(frozen=True)
class Route:
    """Destination of a routed column's cell: a key inside the item, its value type and range."""

    key: str
    type: str
    minimum: float | None = None
    maximum: float | None = None
    also: tuple[str, ...] = ()  # more keys whose problems belong to this cell ("scores/C2" beside "values/C2")
    score_key: str | None = None  # INDICATOR: where "score 4" goes
    percent_points: bool = False  # INDICATOR: 16% means 16 (the indicator's unit is %), not 0.16


class RouteContext(Protocol):
    """Argument of a ``route`` function, made by the writer from data and by the reader from the file."""

    data: dict

    def rows(self, table: str) -> list[dict | None]:
        """Return the items of a table by physical row: None for an empty row."""
        ...


@dataclass(frozen=True)
class Column:
    """A column of a table: an input column mapped to a key inside each item, or a computed column."""

    key: str
    header: Text
    type: str = TEXT
    choices: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    help: Text | None = None
    width: float = 14
    formula: Formula | None = None  # makes the column computed and locked
    number_format: str | None = None
    expected: Callable[[Verification, int], Any] | None = None  # (verification, item index) → kamgen's value
    defaults: Callable[[int], Any] | None = None  # (row position) → the blank workbook's value, or a Text
    route: Callable[[RouteContext], Route | None] | None = None  # None from route: the cell should stay empty
    above: Mapping[str, Formula] = field(default_factory=dict)  # AboveRow name → formula of this column's cell
    hidden: bool = False
    unused_message: str | None = None  # message key when a routed cell has no route; "workbook.slot_unused" by default

    @property
    def computed(self) -> bool:
        return self.formula is not None


@dataclass(frozen=True)
class AboveRow:
    """A locked row of formulas above a table's header (which criterion a slot column holds)."""

    name: str
    label: Text
    number_format: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class Table:
    """An Excel table holding a list of the data (or extending another table's items, with ``align``)."""

    name: str  # the Excel table name, unique in the workbook: letters, digits, underscores
    pointer: str  # the list in the data, e.g. "/customers"
    columns: tuple[Column, ...]
    rows: int  # pre-formatted rows in a blank workbook
    item_label: Text = field(default_factory=lambda: {"nl": "regel", "en": "row"})  # "klant" → "klant 3"
    spare_rows: int = 20  # empty rows left below filled data
    max_rows: int | None = None  # rows never grow beyond this (the schema's maxItems)
    align: str | None = None  # name of the table whose items this one extends, row by row
    keep_defaults: bool = False  # once any row has content, rows with only defaults count too
    compact_lists: bool = False  # lists from numbered columns (roles/0, roles/1) drop their empty positions
    above_rows: tuple[AboveRow, ...] = ()
    above_label_column: str | None = None  # key of the column whose above-row cells hold the labels

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"table {self.name} has no column {key!r}")


@dataclass(frozen=True)
class GridColumn:
    key: str
    header: Text
    width: float = 28


@dataclass(frozen=True)
class GridRow:
    label: Text
    cells: tuple[Field | Computed | Static | None, ...]  # one per grid column


@dataclass(frozen=True)
class Grid:
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]
    corner: Text | None = None


@dataclass(frozen=True)
class Heading:
    text: Text


@dataclass(frozen=True)
class Note:
    text: Text


@dataclass(frozen=True)
class Fields:
    items: tuple[Field | Computed, ...]


Block = Union[Heading, Note, Fields, Table, Grid]


@dataclass(frozen=True)
class Sheet:
    """One worksheet's sheet."""

    key: str  # stable id, e.g. "ws06"; stored in the metadata and the defined name kamgen_sheet_<key>
    worksheet: int  # catalogue number: gives the sheet name and the title
    blocks: tuple[Block, ...]
    intro: tuple[Text, ...] = ()  # lines under the title: what to fill in here
    label_width: float = 36  # width of column A

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


@dataclass(frozen=True)
class WorkbookLayout:
    kind: str
    format_version: int
    sheets: tuple[Sheet, ...]
    lists: tuple[ChoiceList, ...]
    header: tuple[Field, ...]  # on the start sheet: organisation, period, ...
    instructions: tuple[Text, ...]  # numbered steps on the start sheet
    constants: Mapping[str, Any] = field(default_factory=dict)  # pointer → value the reader adds
    parameters: Mapping[str, int] = field(default_factory=dict)  # stored in the metadata, passed back to layout()
    # Compute the kind's result for Computed.expected / Column.expected; None skips the comparison.
    verify: Callable[[dict], Any] | None = None

    def choice_list(self, name: str) -> ChoiceList:
        for choice_list in self.lists:
            if choice_list.name == name:
                return choice_list
        raise KeyError(f"workbook layout {self.kind} has no list {name!r}")

    def table(self, name: str) -> Table:
        for sheet in self.sheets:
            for table in sheet.tables():
                if table.name == name:
                    return table
        raise KeyError(f"workbook layout {self.kind} has no table {name!r}")

    def tables(self) -> list[tuple[Sheet, Table]]:
        return [(sheet, table) for sheet in self.sheets for table in sheet.tables()]


# Names in the workbook that kamgen reads back.
METADATA_SHEET = "kamgen"
SHEET_NAME_PREFIX = "kamgen_sheet_"
FIELD_NAME_PREFIX = "kamgen_"
