"""What people do to kamgen's input workbooks in Excel, and what kamgen makes of it.

Each test starts from a workbook written by ``kamgen new`` or from a committed
example workbook. It changes the workbook with openpyxl the way Excel saves a
person's edit, or in the sheet's XML where openpyxl cannot. Then it checks
the data read and the exact problem code and cell.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import range_boundaries

from kamgen.cli import make_cli
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document, validate_file
from kamgen.workbooks.layout import FIELD_NAME_PREFIX, METADATA_SHEET, SHEET_NAME_PREFIX

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLES = REPOSITORY / "inputs" / "excel"
CLASSIFICATION = "WB06 Classificatie"
# Reading must stay well inside what people wait for, also on a slow CI runner.
READ_SECONDS_LIMIT = 10
# Peak memory of a process that reads a sheet formatted down to row 1,048,576. Measured on one Linux machine:
# about 60 MB for the example as committed, 190 MB once formatted down (its sheet XML is 72 MB unpacked),
# and 1.4 GB when openpyxl loaded every formatted row.
READ_MEMORY_LIMIT_MB = 400


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def new_workbooks(tmp_path_factory) -> dict[str, Path]:
    """One blank workbook per kind, written by `kamgen new` once per module; tests change copies."""
    folder = tmp_path_factory.mktemp("new")
    paths = {}
    set_language("nl")
    for kind in ("portfolio", "account", "organisation"):
        path = folder / f"{kind}.xlsx"
        result = CliRunner().invoke(make_cli(), ["new", kind, "-o", str(path)])
        assert result.exit_code == 0, result.output
        paths[kind] = path
    return paths


@pytest.fixture
def blank(new_workbooks, tmp_path):
    """Return a function giving a fresh copy of the blank workbook of a kind, its header filled in unless asked not to."""

    def copy(kind: str = "portfolio", header: bool = True) -> Path:
        target = tmp_path / f"blank-{kind}.xlsx"
        shutil.copyfile(new_workbooks[kind], target)
        if header:
            workbook = openpyxl.load_workbook(target)
            field_cell(workbook, "customer" if kind == "account" else "organisation").value = "Hoekstra Koeltechniek B.V."
            field_cell(workbook, "period_start").value = "01-01-2026"
            field_cell(workbook, "period_end").value = "31-12-2026"
            workbook.save(target)
        return target

    return copy


@pytest.fixture
def example(tmp_path):
    """Return a function giving a fresh copy of a committed example workbook."""

    def copy(name: str = "hoekstra-portfolio.xlsx") -> Path:
        target = tmp_path / name
        shutil.copyfile(EXAMPLES / name, target)
        return target

    return copy


class TableView:
    """A table of a workbook found by its Excel name, with its columns by header text."""

    def __init__(self, workbook, name: str):
        for worksheet in workbook.worksheets:
            if name in worksheet.tables:
                self.worksheet = worksheet
                self.excel_table = worksheet.tables[name]
                break
        else:
            raise KeyError(name)
        first_column, self.header_row, last_column, self.last_row = range_boundaries(self.excel_table.ref)
        self.first_row = self.header_row + 1
        self.columns = {self.worksheet.cell(row=self.header_row, column=number).value: number
                        for number in range(first_column, last_column + 1)}

    def letter(self, header: str) -> str:
        return openpyxl.utils.get_column_letter(self.columns[header])

    def cell(self, header: str, position: int):
        """Return the cell of a column in body row ``position`` (from 0)."""
        return self.worksheet.cell(row=self.first_row + position, column=self.columns[header])


def field_cell(workbook, name: str):
    """Return the cell of a named field (``organisation``, ``budget_discount_rate``) through its defined name."""
    sheet, _, coordinate = workbook.defined_names[FIELD_NAME_PREFIX + name].attr_text.partition("!")
    return workbook[sheet.strip("'")][coordinate.replace("$", "")]


def problems_of(path: Path) -> list[tuple[str, str, str]]:
    """Return (code, severity, Sheet!Cell) of every problem validation finds, in order."""
    document = read_document(path)
    return [(problem.code, problem.severity, place(problem)) for problem in validate_document(document)]


def place(problem) -> str:
    location = problem.location
    return f"{location.sheet}!{location.cell}" if location.cell else (location.sheet or location.file)


def sheet_entry(path: Path, title: str) -> str:
    """Return the ZIP entry of a sheet; openpyxl writes sheetN.xml in sheet order."""
    return f"xl/worksheets/sheet{openpyxl.load_workbook(path).sheetnames.index(title) + 1}.xml"


def rewrite_entry(path: Path, entry: str, change) -> None:
    """Rewrite one ZIP entry of a workbook in place, passing its bytes through ``change``."""
    source = path.with_suffix(".source.xlsx")
    path.rename(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            content = original.read(info)
            copy.writestr(info, change(content) if info.filename == entry else content)
    source.unlink()


def save_result(coordinate: str, saved: str):
    """Return a change that stores ``saved`` as the cached result of the formula in ``coordinate``, as Excel does."""
    pattern = re.compile(rb'(<c r="' + coordinate.encode() + rb'"[^>]*>)<f>(.*?)</f>(?:<v>[^<]*</v>|<v/>)?</c>')

    def change(xml: bytes) -> bytes:
        changed, count = pattern.subn(lambda match: match.group(1) + b"<f>" + match.group(2) + b"</f><v>" + saved.encode() + b"</v></c>", xml)
        assert count == 1, f"no formula in {coordinate}"
        return changed

    return change


# --- formulas typed in input cells -------------------------------------------------


def test_formula_with_saved_result_is_read(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Versland Zuivel B.V."
    customers.cell("Omzet", 0).value = "=1000*600"
    revenue = customers.cell("Omzet", 0).coordinate
    workbook.save(path)
    rewrite_entry(path, sheet_entry(path, CLASSIFICATION), save_result(revenue, "600000"))

    document = read_document(path)

    # Excel's saved result 1000 × 600 = 600000 is the value; nothing to report.
    assert document.data["customers"] == [{"name": "Versland Zuivel B.V.", "revenue": 600000}]
    assert problems_of(path) == []


def test_formula_without_saved_result_is_an_error(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Versland Zuivel B.V."
    customers.cell("Omzet", 0).value = "=1000*600"
    field_cell(workbook, "organisation").value = "=\"Hoekstra\"&\" Koeltechniek\""
    organisation = field_cell(workbook, "organisation").coordinate
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, place(problem)) for problem in document.problems] == [
        ("reading.formula_in_input", f"Start!{organisation}"),
        ("reading.formula_in_input", f"{CLASSIFICATION}!C{customers.first_row}"),
    ]
    assert document.problems[1].message == (
        "Omzet bevat een formule zonder opgeslagen uitkomst; open de werkmap in Excel of LibreOffice, "
        "sla op en probeer opnieuw, of typ de waarde in.")
    assert "revenue" not in document.data["customers"][0]


def test_formula_saving_an_error_result_is_reported(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Versland Zuivel B.V."
    customers.cell("Omzet", 0).value = "=Blad2!C5"
    revenue = customers.cell("Omzet", 0).coordinate
    workbook.save(path)
    rewrite_entry(path, sheet_entry(path, CLASSIFICATION), lambda xml: save_result(revenue, "#REF!")(xml).replace(
        f'<c r="{revenue}"'.encode(), f'<c r="{revenue}" t="e"'.encode()))

    assert problems_of(path) == [("reading.cell_excel_error", "error", f"{CLASSIFICATION}!{revenue}")]


def test_value_typed_over_computed_cell_warns(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    segment = customers.cell("Berekend segment", 0)
    segment.value = "Strategische klant"
    threshold = field_cell(workbook, "threshold_current")
    threshold.value = 3
    workbook.save(path)

    document = read_document(path)

    # kamgen computes both cells itself, so the data stays as it was and each typed value gets a warning.
    assert document.data == expected
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.formula_overwritten", "warning", f"{CLASSIFICATION}!{threshold.coordinate}"),
        ("reading.formula_overwritten", "warning", f"{CLASSIFICATION}!{segment.coordinate}"),
    ]
    assert document.problems[1].message == (
        "Berekend segment bevat de tekst 'Strategische klant' waar de formule van kamgen stond; "
        "kamgen berekent deze grijze cel zelf en gebruikt die waarde niet. Typ gegevens alleen in de gele invoercellen.")


def test_formula_error_in_cli_output(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Versland Zuivel B.V."
    customers.cell("Omzet", 0).value = "=1000*600"
    workbook.save(path)

    result = CliRunner().invoke(make_cli(), ["validate", str(path)])

    assert result.exit_code == 1
    assert f"{CLASSIFICATION}!C{customers.first_row}" in result.output
    assert "Traceback" not in result.output


# --- merged cells -----------------------------------------------------------------


def test_merged_table_cells_read_top_left_with_warning(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    row = customers.first_row + 1
    customers.worksheet.merge_cells(f"A{row}:B{row}")
    workbook.save(path)

    document = read_document(path)

    # The name in A stays and the customer number under the merge is gone. The warning names the range.
    assert document.data["customers"][1]["name"] == expected["customers"][1]["name"]
    assert "code" not in document.data["customers"][1]
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.merged_cell", "warning", f"{CLASSIFICATION}!A{row}")]
    assert f"A{row}:B{row}" in document.problems[0].message


def test_merged_field_cells_read_top_left_with_warning(blank):
    path = blank(header=False)
    workbook = openpyxl.load_workbook(path)
    cell = field_cell(workbook, "organisation")
    cell.value = "Hoekstra Koeltechniek B.V."
    merged = f"{cell.coordinate}:C{cell.row}"
    cell.parent.merge_cells(merged)
    workbook.save(path)

    document = read_document(path)

    assert document.data["organisation"] == "Hoekstra Koeltechniek B.V."
    assert [(problem.code, place(problem)) for problem in document.problems] == [("reading.merged_cell", f"Start!{cell.coordinate}")]
    assert document.problems[0].message == (
        f"Organisatie ligt in samengevoegde cellen {merged}; kamgen leest de waarde linksboven. Maak het samenvoegen ongedaan.")


def test_merged_empty_cells_go_unmentioned(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.worksheet.merge_cells(f"A{customers.first_row + 5}:D{customers.first_row + 6}")
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert "customers" not in document.data


# --- hidden and filtered rows -------------------------------------------------------


def test_hidden_row_read_with_warning(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    row = customers.first_row + 2
    customers.worksheet.row_dimensions[row].hidden = True
    # An empty hidden row is no news.
    customers.worksheet.row_dimensions[customers.last_row].hidden = True
    workbook.save(path)

    document = read_document(path)

    assert document.data == expected
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.hidden_row", "warning", f"{CLASSIFICATION}!A{row}")]
    assert document.problems[0].message.startswith(f"Rij {row} van {CLASSIFICATION} is verborgen of weggefilterd")


def test_filtered_out_rows_are_read_with_warnings(example):
    from openpyxl.worksheet.filters import FilterColumn, Filters

    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    steps = TableView(workbook, "Steps")
    # Excel filters the Status column on "gereed" and hides the rows of the other steps.
    status = steps.columns["Status"] - 1
    steps.excel_table.autoFilter.filterColumn.append(FilterColumn(colId=status, filters=Filters(filter=["gereed"])))
    hidden = [row for row in range(steps.first_row, steps.last_row + 1)
              if steps.worksheet.cell(row=row, column=steps.columns["Stap"]).value
              and steps.worksheet.cell(row=row, column=steps.columns["Status"]).value != "gereed"]
    for row in hidden:
        steps.worksheet.row_dimensions[row].hidden = True
    workbook.save(path)

    document = read_document(path)

    assert hidden, "the example needs steps that are not done"
    assert document.data == expected
    assert [(problem.code, place(problem)) for problem in document.problems] == [
        ("reading.hidden_row", f"WB07 Werkwijze!A{row}") for row in hidden]


# --- rows inserted in a table, typed below it, left empty ---------------------------


def test_rows_inserted_inside_table_are_read(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Eerste B.V."
    customers.cell("Klantnaam", 1).value = "Derde B.V."
    # Excel's "Insert table rows above" shifts the rows down and grows the table's range.
    customers.worksheet.insert_rows(customers.first_row + 1, 2)
    first_column, header_row, last_column, last_row = range_boundaries(customers.excel_table.ref)
    customers.excel_table.ref = f"A{header_row}:{openpyxl.utils.get_column_letter(last_column)}{last_row + 2}"
    customers.excel_table.autoFilter.ref = customers.excel_table.ref
    customers.cell("Klantnaam", 2).value = "Tweede B.V."
    customers.cell("Omzet", 2).value = 1500
    workbook.save(path)

    document = read_document(path)

    assert [customer["name"] for customer in document.data["customers"]] == ["Eerste B.V.", "Tweede B.V.", "Derde B.V."]
    assert document.source_map.locate("/customers/1/revenue").cell == f"C{customers.first_row + 2}"
    assert document.source_map.locate("/customers/2/name").cell == f"A{customers.first_row + 3}"
    assert document.problems == []


def test_rows_typed_below_table_are_read_with_warnings(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    below = customers.last_row + 1
    customers.worksheet[f"A{below}"] = "Nieuwe Klant B.V."
    customers.worksheet[f"C{below}"] = "€ 12.500"
    # One empty row, then another customer: the empty row is skipped as it is inside the table.
    customers.worksheet[f"A{below + 2}"] = "Late Klant B.V."
    workbook.save(path)

    document = read_document(path)

    assert document.data["customers"][:-2] == expected["customers"]
    assert document.data["customers"][-2:] == [{"name": "Nieuwe Klant B.V.", "revenue": 12500}, {"name": "Late Klant B.V."}]
    assert document.source_map.locate(f"/customers/{len(expected['customers'])}/revenue").cell == f"C{below}"
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.row_below_table", "warning", f"{CLASSIFICATION}!A{below}"),
        ("reading.row_below_table", "warning", f"{CLASSIFICATION}!A{below + 2}"),
    ]
    assert document.problems[0].message == (
        f"Rij {below} van {CLASSIFICATION} staat onder de tabel Customers en wordt gelezen; "
        "breid de tabel uit zodat de rij erbij hoort.")


def test_row_below_table_stops_at_next_block(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    drivers = TableView(workbook, "Drivers")
    below = drivers.last_row + 1
    drivers.worksheet[f"A{below}"] = "D9"
    drivers.worksheet[f"B{below}"] = "Klanten vragen om één aanspreekpunt."
    drivers.worksheet[f"C{below}"] = "4"
    workbook.save(path)

    document = read_document(path)

    # The conclusion under the empty row keeps its own field; it is not read as a driver.
    assert document.data["importance"]["drivers"][-1] == {"code": "D9", "statement": "Klanten vragen om één aanspreekpunt.", "rating": 4}
    assert len(document.data["importance"]["drivers"]) == len(expected["importance"]["drivers"]) + 1
    assert document.data["importance"]["conclusion"] == expected["importance"]["conclusion"]
    assert [(problem.code, place(problem)) for problem in document.problems] == [("reading.row_below_table", f"WB01 Belang KAM!A{below}")]


def test_empty_and_whitespace_rows_are_skipped(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.cell("Klantnaam", 0).value = "Eerste B.V."
    customers.cell("Klantnaam", 1).value = "   "
    customers.cell("Toelichting", 2).value = "\u00a0"
    customers.cell("Klantnaam", 4).value = "Tweede B.V."
    workbook.save(path)

    document = read_document(path)

    assert document.data["customers"] == [{"name": "Eerste B.V."}, {"name": "Tweede B.V."}]
    assert document.source_map.locate("/customers/1/name").cell == f"A{customers.first_row + 4}"
    assert document.problems == []


# --- sheets renamed, moved, deleted; workbooks from other tools -----------------------


def test_renamed_and_moved_sheets_are_found(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    worksheet = workbook[CLASSIFICATION]
    worksheet.title = "Klanten 2026"
    workbook.move_sheet(worksheet, offset=-5)
    workbook.move_sheet(workbook["WB07 Werkwijze"], offset=3)
    # Excel rewrites the defined names when a sheet is renamed; openpyxl does not, so do it here.
    for name in workbook.defined_names.values():
        name.attr_text = name.attr_text.replace(f"'{CLASSIFICATION}'", "'Klanten 2026'")
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data == expected
    assert document.source_map.locate("/customers/0/revenue").sheet == "Klanten 2026"


def test_renamed_sheet_without_defined_names_found_by_table(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    workbook["WB07 Werkwijze"].title = "Aanpak"
    del workbook.defined_names[SHEET_NAME_PREFIX + "ws07"]
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["procedure"] == expected["procedure"]
    assert document.source_map.locate("/procedure/steps/0/step").sheet == "Aanpak"


def test_deleted_sheet_is_reported_with_sheets_found(example):
    path = example()
    workbook = openpyxl.load_workbook(path)
    del workbook["WB07 Werkwijze"]
    workbook.save(path)

    report, document = validate_file(path)

    missing = [problem for problem in report.problems if problem.code == "reading.sheet_missing"]
    assert [(problem.severity, problem.worksheet, problem.location.sheet, problem.location.cell) for problem in missing] == [
        ("error", 7, None, None)]
    assert missing[0].message == (
        f"Het blad voor werkblad 7 ontbreekt in {path} (gevonden bladen: Start, WB01 Belang KAM, WB02 Selectie, "
        "WB04 Criteria, WB05 Weging, WB06 Classificatie, WB08 Klantportfolio, WB09 Strategieën, WB10 Bedieningsconcepten); "
        "herstel het blad of begin opnieuw met kamgen new.")
    assert "procedure" not in document.data


def test_deleted_start_sheet_is_reported(blank):
    path = blank("organisation", header=False)
    workbook = openpyxl.load_workbook(path)
    del workbook["Start"]
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.severity, problem.location.describe()) for problem in document.problems] == [
        ("reading.start_sheet_missing", "error", str(path))]
    assert "WB31 Voorwaarden" in document.problems[0].message


def test_workbook_from_other_tool_is_rejected_naming_sheets(tmp_path):
    path = tmp_path / "crm-export.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Klanten"
    workbook.active["A1"] = "Klantnaam"
    workbook.create_sheet("Omzet")
    workbook.save(path)

    report, document = validate_file(path)

    assert document is None
    assert [(problem.code, problem.location.describe()) for problem in report.problems] == [("reading.foreign_workbook", str(path))]
    assert "gevonden bladen: Klanten, Omzet" in report.problems[0].message
    result = CliRunner().invoke(make_cli(), ["validate", str(path)])
    assert result.exit_code == 1
    assert "Klanten, Omzet" in result.output


def test_workbook_without_metadata_sheet_is_foreign(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    del workbook[METADATA_SHEET]
    workbook.save(path)

    report, _ = validate_file(path)

    assert [problem.code for problem in report.problems] == ["reading.foreign_workbook"]
    assert "WB06 Classificatie" in report.problems[0].message


# --- sheets formatted down to row 1,048,576 -----------------------------------------


def timed_read(path: Path):
    started = time.monotonic()
    document = read_document(path)
    return document, time.monotonic() - started


def test_cell_styled_at_last_row_reads_quickly(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    # A fill on the last cell of column Z: the sheet's used range becomes A1:AJ1048576.
    workbook[CLASSIFICATION]["Z1048576"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")
    workbook.save(path)

    document, seconds = timed_read(path)

    assert seconds < READ_SECONDS_LIMIT
    assert document.data == expected
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.used_range_large", "warning", CLASSIFICATION)]
    assert "1.048.576" in document.problems[0].message


def format_down_to_last_row(path: Path, title: str) -> None:
    """Give every row up to 1,048,576 a style and an empty styled cell, written into the XML (openpyxl would take minutes)."""

    def change(xml: bytes) -> bytes:
        last = max(int(number) for number in re.findall(rb'<row r="(\d+)"', xml))
        rows = b"".join(b'<row r="%d" s="1" customFormat="1"><c r="Z%d" s="1"/></row>' % (row, row) for row in range(last + 1, 1048577))
        xml = xml.replace(b"</sheetData>", rows + b"</sheetData>")
        return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:AJ1048576"/>', xml)

    rewrite_entry(path, sheet_entry(path, title), change)


def test_million_formatted_rows_read_in_bounded_time(example):
    path = example()
    expected = read_document(path).data
    format_down_to_last_row(path, CLASSIFICATION)

    document, seconds = timed_read(path)

    assert seconds < READ_SECONDS_LIMIT
    assert document.data == expected
    assert [(problem.code, place(problem)) for problem in document.problems] == [("reading.used_range_large", CLASSIFICATION)]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from Linux's /proc")
def test_million_formatted_rows_read_in_bounded_memory(example, kamgen_env):
    path = example()
    expected = read_document(path).data
    format_down_to_last_row(path, CLASSIFICATION)
    # VmHWM is the peak of this process's own memory. getrusage's ru_maxrss would also count the pytest
    # process that started it, because Linux carries that figure across fork and exec.
    script = (
        "import re, sys\n"
        "from kamgen.readers import read_document\n"
        "document = read_document(sys.argv[1])\n"
        "status = open('/proc/self/status').read()\n"
        "print(len(document.data['customers']), int(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1)) // 1024)\n"
    )

    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=kamgen_env, timeout=120)

    assert result.returncode == 0, result.stderr
    customers, peak_mb = (int(part) for part in result.stdout.split())
    assert customers == len(expected["customers"])
    assert peak_mb < READ_MEMORY_LIMIT_MB, f"peak memory {peak_mb} MB"


def test_table_range_stretched_to_last_row(example):
    path = example()
    expected = read_document(path).data
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    customers.excel_table.ref = f"A{customers.header_row}:AJ1048576"
    customers.excel_table.autoFilter.ref = customers.excel_table.ref
    workbook.save(path)

    document, seconds = timed_read(path)

    assert seconds < READ_SECONDS_LIMIT
    assert document.data == expected
    assert document.problems == []


def test_whole_column_merge_reads_quickly(example):
    path = example()
    expected = read_document(path).data
    # A merge over all of column AL; openpyxl would create a million merged cells for it.
    rewrite_entry(path, sheet_entry(path, CLASSIFICATION), lambda xml: re.sub(
        rb"</sheetData>(<mergeCells[^>]*>)?", b'</sheetData><mergeCells count="1"><mergeCell ref="AL1:AL1048576"/></mergeCells>', xml, count=1))

    document, seconds = timed_read(path)

    assert seconds < READ_SECONDS_LIMIT
    assert document.data == expected


def test_trimmed_rows_keep_their_numbers():
    from kamgen.readers.xlsx_bounds import trim_sheet_xml

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    # Rows 2 and 4 hold values; row 4 has no r attribute, so it is numbered by its place after rows 1–3.
    xml = (f'<worksheet xmlns="{main}"><dimension ref="A1:Z1048576"/><sheetData>'
           '<row r="1" s="1"/><row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"/></row><row s="1"/>'
           '<row><c><v>3</v></c></row><row r="1048576"><c r="Z1048576" s="1"/></row></sheetData>'
           '<mergeCells count="2"><mergeCell ref="A1:Z1048576"/><mergeCell ref="B2:C2"/></mergeCells></worksheet>').encode()

    trimmed, used_last_row, content_last_row = trim_sheet_xml(xml, "test.xlsx")

    assert (used_last_row, content_last_row) == (1048576, 4)
    assert trimmed == (
        f'<worksheet xmlns="{main}"><dimension ref="A1:A4"/><sheetData>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"/></row><row r="4"><c><v>3</v></c></row></sheetData>'
        # A1:Z1048576 is clipped to the rows holding content; B2:C2 is small and stays.
        '<mergeCells count="2"><mergeCell ref="A1:Z4"/><mergeCell ref="B2:C2"/></mergeCells></worksheet>').encode()


def test_entity_declaration_in_large_sheet_is_rejected(example):
    path = example()
    rewrite_entry(path, sheet_entry(path, CLASSIFICATION), lambda xml: re.sub(
        rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:AJ1048576"/>',
        xml.replace(b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]><worksheet', 1)))

    report, document = validate_file(path)

    assert document is None
    assert [problem.code for problem in report.problems] == ["reading.corrupt_zip"]


def test_part_unpacking_beyond_limit_is_rejected(example, monkeypatch):
    import kamgen.readers.xlsx_bounds as bounds

    path = example()
    monkeypatch.setattr(bounds, "MAX_PART_BYTES", 100_000)

    report, document = validate_file(path)

    assert document is None
    assert [problem.code for problem in report.problems] == ["reading.too_large"]
    assert report.problems[0].message.startswith(f"{path} is uitgepakt te groot: het onderdeel xl/")


# --- Excel error values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "header", "error", "as_text"),
    [
        ("Customers", "Klantnaam", "#REF!", False),
        ("Customers", "Klantnaam", "#REF!", True),
        ("Customers", "Omzet", "#VALUE!", False),
        ("Customers", "Omzet", "#VALUE!", True),
        ("Customers", "Klantnummer", "#N/A", True),
        ("Customers", "Handmatige classificatie", "#N/A", False),
        ("Customers", "Voorbeeldklant", "#N/A", True),
        ("Steps", "Datum", "#VALUE!", False),
        ("Steps", "Stap", "#N/A", True),
    ],
)
def test_excel_error_in_input_cell(example, table, header, error, as_text):
    path = example()
    workbook = openpyxl.load_workbook(path)
    view = TableView(workbook, table)
    cell = view.cell(header, 1)
    cell.value = error
    if as_text:
        cell.data_type = "s"
    assert cell.data_type == ("s" if as_text else "e")
    workbook.save(path)

    document = read_document(path)
    found = [problem for problem in validate_document(document) if problem.is_error]

    assert [(problem.code, place(problem)) for problem in found] == [("reading.cell_excel_error", f"{view.worksheet.title}!{cell.coordinate}")]
    assert f"bevat de Excel-fout {error}" in found[0].message


def test_excel_error_in_field_cell(blank):
    path = blank("account", header=False)
    workbook = openpyxl.load_workbook(path)
    field_cell(workbook, "customer").value = "#NAME?"
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, place(problem)) for problem in document.problems] == [
        ("reading.cell_excel_error", f"Start!{field_cell(workbook, 'customer').coordinate}")]
    assert "customer" not in document.data


# --- values as people type them --------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "typed", "key", "expected"),
    [
        ("Omzet", "2450000", "revenue", 2450000),  # a number typed as text
        ("Omzet", "€ 1.234", "revenue", 1234),  # the euro sign makes the dot a thousands separator
        ("Omzet", "€\u00a097.000", "revenue", 97000),  # a non-breaking space after the euro sign
        ("Omzet", "1.234,56", "revenue", 1234.56),
        ("Omzet", " 2450000\u00a0 ", "revenue", 2450000),  # trailing normal and non-breaking spaces
        ("Winstbijdrage", "-4.800", "profit_contribution", -4800),  # an amount: the dot groups thousands
        ("Klantnummer", "0123", "code", "0123"),  # a code keeps its leading zero
        ("Klantnummer", 10017, "code", "10017"),  # a code in a number cell becomes text
        ("Klantnaam", "Versland\u00a0Zuivel B.V.\u00a0", "name", "Versland Zuivel B.V."),
        ("Voorbeeldklant", " JA ", "example", True),
    ],
)
def test_typed_customer_values(blank, header, typed, key, expected):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    customers = TableView(workbook, "Customers")
    if header != "Klantnaam":
        customers.cell("Klantnaam", 0).value = "Versland Zuivel B.V."
    customers.cell(header, 0).value = typed
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["customers"][0][key] == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7,5", 7.5),
        ("7.5", 7.5),
        (" 12 ", 12),
    ],
)
def test_typed_decimal_weight(blank, typed, expected):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    TableView(workbook, "Criteria").cell("Naam", 0).value = "Omzet"
    TableView(workbook, "Weights").cell("Gewicht", 0).value = typed
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["criteria"][0]["weight"] == expected


def test_ambiguous_decimal_names_its_cell(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    TableView(workbook, "Criteria").cell("Naam", 0).value = "Omzet"
    weight = TableView(workbook, "Weights").cell("Gewicht", 0)
    weight.value = "1.234"
    workbook.save(path)

    document = read_document(path)

    # 1.234 is 1234 in Dutch but 1.234 in English. A weight may have decimals, so kamgen reports it instead of guessing.
    assert [(problem.code, problem.severity, place(problem)) for problem in document.problems] == [
        ("reading.cell_ambiguous", "error", f"WB05 Weging!{weight.coordinate}")]
    assert document.problems[0].message == (
        "Gewicht van criterium 1 is de tekst '1.234'; dat kan zowel duizendtallen als decimalen zijn. "
        "Typ 1234 als u duizendtallen bedoelt, of 1,2340 als u een decimaal getal bedoelt.")
    assert "weight" not in document.data["criteria"][0]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30%", 0.3),
        ("30 %", 0.3),
        ("0,3", 0.3),  # a fraction in a percentage field
        ("7,5%", 0.075),
        (0.08, 0.08),  # a cell formatted as a percentage contains the fraction
        ("8", 0.08),  # a bare number above 1 is percent points
    ],
)
def test_typed_percentage(blank, typed, expected):
    path = blank("account")
    workbook = openpyxl.load_workbook(path)
    field_cell(workbook, "budget_discount_rate").value = typed
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["budget"]["discount_rate"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15-01-2026", "2026-01-15"),  # dd-mm-jjjj typed as text
        ("5-1-2026", "2026-01-05"),
        ("2026-01-15", "2026-01-15"),
        (46037, "2026-01-15"),  # an Excel date serial without a date format: day 46037 after 1899-12-30
        (dt.datetime(2026, 1, 15), "2026-01-15"),  # a real date cell
    ],
)
def test_typed_date(blank, typed, expected):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    steps = TableView(workbook, "Steps")
    steps.cell("Stap", 0).value = "Team vormen"
    steps.cell("Datum", 0).value = typed
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["procedure"]["steps"][0]["date"] == expected


def test_impossible_date_names_its_cell(blank):
    path = blank()
    workbook = openpyxl.load_workbook(path)
    steps = TableView(workbook, "Steps")
    steps.cell("Stap", 0).value = "Team vormen"
    steps.cell("Datum", 0).value = "31-02-2026"
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, place(problem)) for problem in document.problems] == [
        ("reading.cell_date", f"WB07 Werkwijze!{steps.cell('Datum', 0).coordinate}")]


def test_whitespace_field_counts_as_empty(blank):
    path = blank(header=False)
    workbook = openpyxl.load_workbook(path)
    field_cell(workbook, "organisation").value = " \u00a0 "
    workbook.save(path)

    document = read_document(path)
    problems = validate_document(document)

    # Only spaces is no organisation: the schema reports the required field at its cell.
    assert "organisation" not in document.data
    assert ("schema.required", f"Start!{field_cell(workbook, 'organisation').coordinate}") in [
        (problem.code, place(problem)) for problem in problems]
