"""Bound what openpyxl loads from a workbook, so an absurd used range reads in bounded time and memory.

A sheet formatted down to row 1,048,576 can hold a million ``<row>`` elements
or empty styled ``<c>`` elements, and a merged range or hyperlink can span a
whole column. openpyxl turns every one of those into an object, which takes
minutes and gigabytes. :func:`bound_package` looks at every worksheet part
before openpyxl does. A part that is large, declares a used range below
:data:`LARGE_USED_RANGE_ROWS` or has a range over :data:`MAX_RANGE_CELLS`
cells is copied without the rows that hold no value or formula, and with its
merged ranges and hyperlinks clipped to the cells that hold content. Rows
that hold content are kept byte for byte (a row numbered by its position gets
its number written), so no value is lost. The input file is never written:
the trimmed package lives in memory.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from kamgen.errors import InputFileError
from kamgen.i18n import t
from kamgen.problems import Location

# A sheet whose declared used range reaches below this row is trimmed. The blank workbooks of kamgen new end near row 230.
LARGE_USED_RANGE_ROWS = 10_000

# A worksheet part larger than this (unpacked) is trimmed whatever its <dimension>, because a writer may omit or misstate it.
LARGE_SHEET_BYTES = 16 * 1024 * 1024

# No part of a workbook is unpacked beyond this. expat scans sheet XML at roughly 40 MB/s (measured on one Linux machine).
MAX_PART_BYTES = 200 * 1024 * 1024

# A merged range or hyperlink over more cells than this makes openpyxl create an object per cell.
MAX_RANGE_CELLS = 100_000

_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELATIONSHIP_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELATIONSHIP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORKSHEET_TYPE_SUFFIX = "/worksheet"
# Expanded names (namespace, space, local name) of the elements the row scan looks at.
_MAIN_ELEMENTS = {f"{namespace} {name}": name for namespace in _MAIN_NAMESPACES for name in ("sheetData", "row", "c", "v", "f", "is")}

_DIMENSION = re.compile(rb'(<(?:\w+:)?dimension\b[^>]*?\bref=")([^"]*)(")')
_RANGE_ELEMENT = re.compile(rb'<(?:\w+:)?(?:mergeCell|hyperlink)\b[^>]*?\bref="([^"]*)"[^>]*?/>')
_CELL_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
# A <row> that is empty or holds only empty cells (<c …/>, formatting without a value).
_EMPTY_ROW = re.compile(
    rb"<(?:\w+:)?row\b[^<>]*/>|<((?:\w+:)?row)\b[^<>]*>(?:\s*<(?:\w+:)?c\b[^<>]*/>)*\s*</\1>"
)
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^<>]*?\sr="(\d+)"')
# How far before </sheetData> to look for the last row number.
_TAIL_BYTES = 64 * 1024


@dataclass(frozen=True)
class TrimmedSheet:
    """A sheet whose empty rows were left out: its title, the last row it reached and the last row holding content."""

    title: str
    used_last_row: int
    content_last_row: int


@dataclass
class BoundedPackage:
    """The workbook for openpyxl to load: the original path, or a trimmed copy in memory."""

    path: Path
    content: bytes | None = None
    trimmed: list[TrimmedSheet] = field(default_factory=list)

    def source(self):
        """Return a fresh source for ``openpyxl.load_workbook`` (it may be called once per load)."""
        return io.BytesIO(self.content) if self.content is not None else self.path


def bound_package(path: Path, display_name: str) -> BoundedPackage:
    """Check every worksheet part of the workbook and trim the ones with an absurd used range.

    Raises InputFileError when a part unpacks beyond :data:`MAX_PART_BYTES`
    or a sheet to be trimmed is not well-formed XML. A package that is no
    valid ZIP is returned untouched, so openpyxl reports it as before.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return BoundedPackage(Path(path))

    with archive:
        for info in archive.infolist():
            if info.file_size > MAX_PART_BYTES:
                raise _too_large(display_name, info.filename, info.file_size)

        titles = _worksheet_titles(archive)
        replacements: dict[str, bytes] = {}
        trimmed: list[TrimmedSheet] = []
        for part, title in titles.items():
            try:
                xml = archive.read(part)
            except (KeyError, zipfile.BadZipFile, OSError, EOFError):
                continue
            if not _needs_trim(xml):
                continue
            new_xml, used_last_row, content_last_row = trim_sheet_xml(xml, display_name)
            replacements[part] = new_xml
            trimmed.append(TrimmedSheet(title, used_last_row, content_last_row))

        if not replacements:
            return BoundedPackage(Path(path))
        content = _copy_with(archive, replacements)
    return BoundedPackage(Path(path), content, trimmed)


def _too_large(display_name: str, part: str, size: int) -> InputFileError:
    return InputFileError(
        t("reading.part_too_large", file=display_name, part=part, size=round(size / 1024 / 1024),
          limit=MAX_PART_BYTES // 1024 // 1024),
        code="reading.too_large", location=Location(file=display_name),
    )


def _worksheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return worksheet part name → sheet title, from xl/workbook.xml and its relationships."""
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        workbook = fromstring(archive.read("xl/workbook.xml"))
        relationships = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ParseError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return {}

    targets = {}
    for relationship in relationships.iter(f"{{{_RELATIONSHIP_NAMESPACE}}}Relationship"):
        if relationship.get("Type", "").endswith(_WORKSHEET_TYPE_SUFFIX):
            target = relationship.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[relationship.get("Id")] = part

    titles = {}
    for namespace in _MAIN_NAMESPACES:
        for sheet in workbook.iter(f"{{{namespace}}}sheet"):
            part = targets.get(sheet.get(f"{{{_OFFICE_RELATIONSHIP_NAMESPACE}}}id"))
            if part is not None:
                titles[part] = sheet.get("name", part)
    return titles


def _needs_trim(xml: bytes) -> bool:
    if len(xml) > LARGE_SHEET_BYTES:
        return True
    dimension = _DIMENSION.search(xml)
    if dimension is not None:
        box = _range_box(dimension.group(2).decode("ascii", "replace"))
        if box is not None and box[3] > LARGE_USED_RANGE_ROWS:
            return True
    for element in _RANGE_ELEMENT.finditer(xml):
        if _range_cells(element.group(1).decode("ascii", "replace")) > MAX_RANGE_CELLS:
            return True
    return False


def trim_sheet_xml(xml: bytes, display_name: str) -> tuple[bytes, int, int]:
    """Return the sheet without contentless rows, its last used row and its last row with content.

    A row is kept whole when any of its cells has a value (``<v>``), a
    formula (``<f>``) or an inline string (``<is>``). Merged ranges and
    hyperlinks larger than :data:`MAX_RANGE_CELLS` are clipped to the box of
    cells with content, or dropped when even that is too large.
    """
    # A regular expression drops the bulk of empty rows far faster than a parser visits them. It only matches
    # complete <row> elements whose cells are all empty, because "<" always starts markup outside CDATA sections.
    reduced = xml if b"<![CDATA[" in xml else _EMPTY_ROW.sub(b"", xml)
    scan = _scan(reduced, display_name)
    if reduced is not xml and scan.implicit_numbers:
        # A kept row numbered by its position would move up once the rows before it are gone.
        reduced = xml
        scan = _scan(xml, display_name)
    used_last_row = max(scan.used_last_row, _declared_last_row(xml), _last_written_row(xml))

    if scan.body_start is None or scan.body_end is None:
        clipped = _RANGE_ELEMENT.sub(lambda match: _clipped_range_element(match, scan), reduced)
        return clipped, used_last_row, scan.content_last_row

    prefix = reduced[: scan.body_start]
    prefix = _DIMENSION.sub(lambda match: match.group(1) + _dimension_for(match.group(2), scan) + match.group(3), prefix, count=1)
    rows = b"".join(_with_row_number(reduced[start:end], number, explicit) for start, end, number, explicit in scan.kept)
    suffix = _RANGE_ELEMENT.sub(lambda match: _clipped_range_element(match, scan), reduced[scan.body_end:])
    return prefix + rows + suffix, used_last_row, scan.content_last_row


def _scan(xml: bytes, display_name: str) -> "_RowScan":
    scan = _RowScan(xml)
    try:
        scan.run()
    except (expat.ExpatError, _ForbiddenMarkup) as error:
        raise InputFileError(
            t("workbook.unreadable_workbook", file=display_name, detail=f"{type(error).__name__}: {error}"),
            code="reading.corrupt_zip", location=Location(file=display_name),
        ) from error
    return scan


def _declared_last_row(xml: bytes) -> int:
    dimension = _DIMENSION.search(xml)
    box = _range_box(dimension.group(2).decode("ascii", "replace")) if dimension else None
    return box[3] if box else 0


def _last_written_row(xml: bytes) -> int:
    """Return the highest row number written in the last rows of the sheet data (the writer's order is by row)."""
    end = xml.rfind(b"sheetData>")
    if end < 0:
        return 0
    tail = xml[max(0, end - _TAIL_BYTES):end]
    return max((int(number) for number in _ROW_NUMBER.findall(tail)), default=0)


class _ForbiddenMarkup(ValueError):
    """Raised for a DTD or entity declaration, which a worksheet part does not need and which could expand without bound."""


class _RowScan:
    """One expat pass over a worksheet part: where each row starts and ends, and which rows hold content."""

    def __init__(self, xml: bytes):
        self.xml = xml
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartDoctypeDeclHandler = self._forbid
        self.parser.EntityDeclHandler = self._forbid
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.body_start: int | None = None  # just after the <sheetData> start tag
        self.body_end: int | None = None  # at the </sheetData> end tag
        self.kept: list[tuple[int, int, int, bool]] = []  # (start, end, row number, whether the file writes that number)
        self.used_last_row = 0
        self.implicit_numbers = False  # some row has no r attribute and is numbered by its position
        self.content_last_row = 0
        self.content_last_column = 0
        self._in_body = False
        self._row_start: int | None = None
        self._row_empty_end: int | None = None
        self._row_number = 0
        self._row_explicit = False
        self._row_content = False
        self._cell_reference: str | None = None

    def run(self) -> None:
        self.parser.Parse(self.xml, True)

    def _forbid(self, *arguments) -> None:
        raise _ForbiddenMarkup("DTD or entity declaration in a worksheet")

    def _start(self, tag: str, attributes: dict) -> None:
        # Called for every element of the part, a million times and more for a formatted-down sheet, so it stays lean.
        name = _MAIN_ELEMENTS.get(tag)
        if name is None:
            return
        if name == "sheetData":
            index = self.parser.CurrentByteIndex
            end = self.xml.index(b">", index)
            if self.xml[end - 1:end] != b"/":
                self.body_start = end + 1
                self._in_body = True
        elif not self._in_body:
            return
        elif name == "c":
            self._cell_reference = attributes.get("r")
        elif name == "row":
            self._row_start = self.parser.CurrentByteIndex
            tag_end = self.xml.index(b">", self._row_start)
            self._row_empty_end = tag_end + 1 if self.xml[tag_end - 1:tag_end] == b"/" else None
            written = attributes.get("r")
            self._row_explicit = bool(written and written.isdigit())
            self.implicit_numbers = self.implicit_numbers or not self._row_explicit
            self._row_number = int(written) if self._row_explicit else self._row_number + 1
            self._row_content = False
            self._cell_reference = None
            self.used_last_row = max(self.used_last_row, self._row_number)
        else:
            self._content_found()

    def _content_found(self) -> None:
        self._row_content = True
        reference = _CELL_REFERENCE.fullmatch(self._cell_reference or "")
        row = int(reference.group(2)) if reference else self._row_number
        self.content_last_row = max(self.content_last_row, row)
        if reference:
            self.content_last_column = max(self.content_last_column, _column_number(reference.group(1)))

    def _end(self, tag: str) -> None:
        name = _MAIN_ELEMENTS.get(tag)
        if name is None or not self._in_body:
            return
        if name == "row" and self._row_start is not None:
            # expat reports the end of <row …/> after the element and the end of <row>…</row> at "</row>".
            end = self._row_empty_end or self.xml.index(b">", self.parser.CurrentByteIndex) + 1
            if self._row_content:
                self.kept.append((self._row_start, end, self._row_number, self._row_explicit))
            self._row_start = None
        elif name == "sheetData":
            self.body_end = self.parser.CurrentByteIndex
            self._in_body = False


def _with_row_number(row: bytes, number: int, explicit: bool) -> bytes:
    """Write the row number into a kept row that relied on its position, since the rows before it may be gone."""
    if explicit:
        return row
    match = re.match(rb"<((?:\w+:)?row)\b", row)
    return row[: match.end()] + b' r="%d"' % number + row[match.end():]


def _dimension_for(reference: bytes, scan: _RowScan) -> bytes:
    box = _range_box(reference.decode("ascii", "replace"))
    first = f"{_column_letters(box[0])}{box[1]}" if box else "A1"
    last_row = max(scan.content_last_row, 1)
    last_column = max(scan.content_last_column, box[0] if box else 1)
    return f"{first}:{_column_letters(last_column)}{last_row}".encode("ascii")


def _clipped_range_element(match: re.Match, scan: _RowScan) -> bytes:
    reference = match.group(1).decode("ascii", "replace")
    if _range_cells(reference) <= MAX_RANGE_CELLS:
        return match.group(0)
    box = _range_box(reference)
    if box is None:
        return b""
    first_column, first_row, last_column, last_row = box
    last_row = max(first_row, min(last_row, scan.content_last_row))
    if (last_row - first_row + 1) * (last_column - first_column + 1) > MAX_RANGE_CELLS:
        last_column = max(first_column, min(last_column, scan.content_last_column))
    if (last_row - first_row + 1) * (last_column - first_column + 1) > MAX_RANGE_CELLS:
        return b""
    clipped = f"{_column_letters(first_column)}{first_row}:{_column_letters(last_column)}{last_row}".encode("ascii")
    return match.group(0).replace(b'ref="' + match.group(1) + b'"', b'ref="' + clipped + b'"', 1)


def _range_box(reference: str) -> tuple[int, int, int, int] | None:
    """Return (first column, first row, last column, last row) of ``A1`` or ``A1:Z9``, or None when unreadable."""
    corners = []
    for part in reference.split(":")[:2]:
        match = _CELL_REFERENCE.fullmatch(part.strip())
        if not match:
            return None
        corners.append((_column_number(match.group(1)), int(match.group(2))))
    if len(corners) == 1:
        corners.append(corners[0])
    (first_column, first_row), (last_column, last_row) = corners
    return min(first_column, last_column), min(first_row, last_row), max(first_column, last_column), max(first_row, last_row)


def _range_cells(reference: str) -> int:
    """Return the number of cells a space-separated list of ranges covers (an unreadable range counts 0)."""
    total = 0
    for part in reference.split():
        box = _range_box(part)
        if box is not None:
            total += (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
    return total


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters or "A"


def _copy_with(archive: zipfile.ZipFile, replacements: dict[str, bytes]) -> bytes:
    """Return the package with some parts replaced; entries keep their order and names."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for info in archive.infolist():
            content = replacements.get(info.filename)
            if content is None:
                content = archive.read(info)
            copy.writestr(info.filename, content)
    return buffer.getvalue()
