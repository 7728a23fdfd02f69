"""The workbook engine on the portfolio layout: write, fill, read back, locate every value."""

from __future__ import annotations

import copy
import hashlib
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kamgen.errors import InputFileError
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document
from kamgen.workbooks.layout import FIELD_NAME_PREFIX, METADATA_SHEET, SHEET_NAME_PREFIX, Field, Fields, Grid
from kamgen.workbooks.portfolio import CRITERION_SLOTS, CUSTOMER_ROWS, layout, parameters_for
from kamgen.workbooks.writer import plan, write_workbook

CLASSIFICATION = "WB06 Classificatie"


def small_portfolio() -> dict:
    """A portfolio touching every kind of cell: bands up and down, anchors, a typed score, pairwise weights."""
    return {
        "kind": "portfolio",
        "format_version": 1,
        "language": "nl",
        "organisation": "Testbedrijf B.V.",
        "business_unit": "Noord",
        "period": {"start": "2026-01-01", "end": "2026-12-31"},
        "currency": "EUR",
        "prepared_by": "Jan de Vries",
        "importance": {
            "drivers": [
                {"code": "D1", "statement": "Klanten fuseren.", "rating": 4, "remark": "Drie overnames."},
                {"code": "D2", "statement": "Minder leveranciers.", "rating": 2},
            ],
            "conclusion": "Urgent genoeg.",
        },
        "criteria": [
            {"code": "C1", "axis": "current_value", "group": "financial_value", "name": "Omzet", "indicator": "Jaaromzet",
             "unit": "EUR", "source": "Boekhouding", "scoring": "bands", "bands": [10000, 50000, 100000, 500000],
             "direction": "higher_is_better", "weight": 60},
            {"code": "C2", "axis": "current_value", "group": "relational_value", "name": "Relatie", "scoring": "anchors",
             "anchors": {"score_1": "Alleen inkoop.", "score_3": "Ook techniek.", "score_5": "Tot de directie."}, "weight": 40},
            {"code": "C3", "axis": "future_potential", "group": "customer_growth", "name": "Groei", "unit": "%",
             "scoring": "bands", "bands": [0, 2, 5, 8], "direction": "higher_is_better"},
            {"code": "C4", "axis": "future_potential", "group": "relevant_changes", "name": "Kosten", "unit": "%",
             "scoring": "bands", "bands": [4, 7, 10, 14], "direction": "lower_is_better"},
        ],
        "weighting": {"method": "pairwise", "comparisons": [{"first": "C3", "second": "C4", "preferred": "first"}]},
        "thresholds": {"current_value": {"method": "value", "value": 3.5}, "future_potential": {"method": "median"}},
        "customers": [
            {"name": "Alfa B.V.", "code": "0123", "revenue": 600000, "profit_contribution": 60000,
             "values": {"C1": 600000, "C3": 6.5, "C4": 5}, "scores": {"C2": 4}, "example": True, "remark": "Grote klant"},
            {"name": "Beta B.V.", "revenue": 20000, "profit_contribution": -1500,
             "values": {"C1": 20000, "C4": 12.5}, "scores": {"C2": 2, "C3": 3}, "classification": "development", "example": False},
        ],
        "procedure": {"steps": [
            {"step": "Team vormen", "owner": "Jan", "date": "2026-01-15", "status": "done", "result": "Vijf mensen."},
            {"step": "Scoren", "status": "in_progress"},
        ]},
        "strategies": {
            "transactional": {"core_strategy": "Efficiënt verkopen", "summary": "Kort.", "sub_areas": {"inside_sales": "Binnendienst."}},
            "strategic": {"points": ["Punt een", "Punt twee"]},
        },
        "service_concepts": {"strategic": {
            "interaction": "Vaak.", "visits_per_year": 12, "hours_per_visit": 2.5, "serving_model": "account_team",
            "executive_sponsor": True, "account_plan": False, "horizon_months": 36, "monitoring_frequency": "monthly",
            "joint_dashboard": True,
        }},
    }


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def write_filled(tmp_path: Path, data: dict, language: str = "nl", name: str = "filled.xlsx") -> Path:
    return write_workbook(layout(parameters_for(data)), tmp_path / name, language, data)


@pytest.fixture(scope="module")
def small_workbook(tmp_path_factory) -> Path:
    """The small portfolio written once per module; tests change copies of it."""
    return write_filled(tmp_path_factory.mktemp("small"), small_portfolio())


@pytest.fixture
def filled(small_workbook, tmp_path) -> Path:
    target = tmp_path / "filled.xlsx"
    shutil.copyfile(small_workbook, target)
    return target


def table_first_row(path: Path, sheet: str, table: str) -> int:
    """Return the first body row of a table; the small portfolio fits the blank row counts, so the plan is exact."""
    place = plan(layout(), "nl").tables[table]
    assert place.sheet == sheet
    return place.first_row


def leaves(value, pointer: str = ""):
    """Yield (pointer, value) for every scalar in the data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{pointer}/{index}")
    else:
        yield pointer, value


def rewrite_entry(path: Path, target: Path, entry: str, change) -> None:
    """Copy a workbook, passing one ZIP entry through ``change`` (bytes → bytes)."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy_:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == entry:
                content = change(content)
            copy_.writestr(info, content)


def sheet_entry(path: Path, title: str) -> str:
    workbook = openpyxl.load_workbook(path)
    return f"xl/worksheets/sheet{workbook.sheetnames.index(title) + 1}.xml"


# --- blank and filled workbooks ------------------------------------------------


def test_blank_workbook_reads_as_header_defaults(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")

    document = read_document(path)

    assert document.kind == "portfolio"
    assert document.problems == []
    assert document.data == {"kind": "portfolio", "format_version": 1, "language": "nl", "currency": "EUR"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_round_trip_gives_same_data(tmp_path, language):
    data = small_portfolio()
    data["language"] = language

    document = read_document(write_filled(tmp_path, data, language))

    assert [problem.message for problem in document.problems] == []
    assert document.data == data


def test_round_trip_keeps_text_that_looks_like_formula(tmp_path):
    data = small_portfolio()
    data["customers"][0]["remark"] = "=SUM(A1:A3) is geen formule"
    data["importance"]["conclusion"] = "-5 % omzet"

    document = read_document(write_filled(tmp_path, data))

    assert document.data["customers"][0]["remark"] == "=SUM(A1:A3) is geen formule"
    assert document.data["importance"]["conclusion"] == "-5 % omzet"


def test_every_value_pointer_maps_to_cell_holding_it(tmp_path):
    data = small_portfolio()
    path = write_filled(tmp_path, data)
    workbook = openpyxl.load_workbook(path)

    document = read_document(path)

    for pointer, value in leaves(data):
        if pointer in ("/kind", "/format_version"):
            continue
        location = document.source_map.entries.get(pointer)
        assert location is not None, pointer
        cell_value = workbook[location.sheet][location.cell].value
        if isinstance(value, bool):
            assert cell_value == ("ja" if value else "nee"), pointer
        elif pointer.endswith("/date") or pointer.startswith("/period/"):
            assert cell_value.date().isoformat() == value, pointer
        elif pointer == "/customers/1/scores/C3":
            assert cell_value == "score 3", pointer
        elif isinstance(value, str) and cell_value != value:
            # A choice appears as its label.
            assert document.data == data, pointer
            assert isinstance(cell_value, str) and cell_value, pointer
        else:
            assert cell_value == value, pointer


def test_pointers_of_empty_cells_map_too(filled):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")

    document = read_document(path)

    # Beta has no customer number and no remark; problems about them still land on their cells.
    assert document.source_map.locate("/customers/1/code").describe() == f"{path}, {CLASSIFICATION}!B{first + 1}"
    assert document.source_map.locate("/customers/1/scores/C1").describe() == f"{path}, {CLASSIFICATION}!E{first + 1}"
    assert document.source_map.locate("/thresholds/future_potential/value").cell is not None
    assert document.source_map.locate("/service_concepts/large/visits_per_year").sheet == "WB10 Bedieningsconcepten"


def test_blank_workbook_maps_every_field(tmp_path):
    workbook_layout = layout()
    path = write_workbook(workbook_layout, tmp_path / "blank.xlsx", "en")
    placement = plan(workbook_layout, "en")

    document = read_document(path)

    fields = list(workbook_layout.header)
    for sheet in workbook_layout.sheets:
        for block in sheet.blocks:
            if isinstance(block, Fields):
                fields += [item for item in block.items if isinstance(item, Field)]
            elif isinstance(block, Grid):
                fields += [cell for row in block.rows for cell in row.cells if isinstance(cell, Field)]
    assert len(fields) > 80
    for item in fields:
        location = document.source_map.entries[item.pointer]
        sheet, row, column = placement.cells[item.ref_name]
        assert (location.sheet, location.cell) == (sheet, f"{openpyxl.utils.get_column_letter(column)}{row}")


def test_more_criteria_than_slots_widen_the_table(tmp_path):
    data = small_portfolio()
    extra = [
        {"code": f"C{number}", "axis": "future_potential", "name": f"Extra {number}", "scoring": "anchors"}
        for number in range(5, CRITERION_SLOTS + 3)
    ]
    data["criteria"] += extra

    path = write_filled(tmp_path, data)
    document = read_document(path)

    assert parameters_for(data) == {"criterion_slots": CRITERION_SLOTS + 2}
    assert document.data == data


# --- structure ------------------------------------------------------------------


def test_workbook_structure(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")

    workbook = openpyxl.load_workbook(path)

    assert workbook.sheetnames == [
        "Start", "WB01 Belang KAM", "WB02 Selectie", "WB04 Criteria", "WB05 Weging", "WB06 Classificatie",
        "WB07 Werkwijze", "WB08 Klantportfolio", "WB09 Strategieën", "WB10 Bedieningsconcepten", "Lijsten", METADATA_SHEET,
    ]
    assert workbook[METADATA_SHEET].sheet_state == "veryHidden"
    assert workbook["Lijsten"].sheet_state == "hidden"
    for worksheet in workbook.worksheets[:-1]:
        assert worksheet.protection.sheet is True, worksheet.title
        assert not worksheet.protection.password, worksheet.title
    assert f"{SHEET_NAME_PREFIX}ws06" in workbook.defined_names
    assert f"{FIELD_NAME_PREFIX}organisation" in workbook.defined_names

    sheet = workbook[CLASSIFICATION]
    table = sheet.tables["Customers"]
    first = table_first_row(path, CLASSIFICATION, "Customers")
    assert table.ref == f"A{first - 1}:AJ{first + CUSTOMER_ROWS - 1}"
    name_cell, weighted_cell = sheet[f"A{first}"], sheet[f"T{first}"]
    assert name_cell.protection.locked is False
    assert name_cell.fill.start_color.rgb.endswith("FFF2CC")
    assert weighted_cell.protection.locked is True
    assert weighted_cell.value.startswith("=IF(")
    assert sheet[f"T{first + CUSTOMER_ROWS - 1}"].value.startswith("=IF(")


def test_drop_downs_come_from_lists_sheet(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")

    workbook = openpyxl.load_workbook(path)

    list_rules = [
        rule for worksheet in workbook.worksheets for rule in worksheet.data_validations.dataValidation if rule.type == "list"
    ]
    assert len(list_rules) >= 10
    for rule in list_rules:
        assert rule.formula1.startswith("'Lijsten'!$"), rule.formula1
        assert len(rule.formula1) < 255
    lists = workbook["Lijsten"]
    labels = [lists.cell(row=row, column=column).value for column in range(1, lists.max_column + 1) for row in range(2, 7)]
    assert "Ontwikkelklant" in labels
    assert "gereed" in labels
    rules = workbook[CLASSIFICATION].data_validations.dataValidation
    whole = [rule for rule in workbook["WB01 Belang KAM"].data_validations.dataValidation if rule.type == "whole"]
    assert whole and (whole[0].formula1, whole[0].formula2) == ("1", "5")
    assert whole[0].prompt == "Typ een geheel getal van 1 tot en met 5."
    assert any(rule.type == "decimal" for rule in rules)
    assert any(rule.type == "date" for rule in workbook["WB07 Werkwijze"].data_validations.dataValidation)


def test_writing_is_deterministic(tmp_path):
    data = small_portfolio()

    first = write_filled(tmp_path, data, name="one.xlsx").read_bytes()
    second = write_filled(tmp_path, data, name="two.xlsx").read_bytes()

    assert first == second


# --- reading what people do -----------------------------------------------------


def test_empty_rows_between_customers_are_skipped(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[CLASSIFICATION]
    sheet[f"A{first}"] = "Eerste B.V."
    sheet[f"A{first + 3}"] = "Tweede B.V."
    sheet[f"C{first + 3}"] = 500
    workbook.save(path)

    document = read_document(path)

    assert document.data["customers"] == [{"name": "Eerste B.V."}, {"name": "Tweede B.V.", "revenue": 500}]
    assert document.source_map.locate("/customers/1/revenue").cell == f"C{first + 3}"


def test_renamed_and_reordered_sheets_are_found(tmp_path):
    data = small_portfolio()
    path = write_filled(tmp_path, data)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[CLASSIFICATION]
    sheet.title = "Klanten 2026"
    workbook.move_sheet(sheet, offset=-5)
    # Excel updates defined names when a sheet is renamed; openpyxl does not, so do it here.
    for name in workbook.defined_names.values():
        name.attr_text = name.attr_text.replace(f"'{CLASSIFICATION}'", "'Klanten 2026'")
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data == data
    assert document.source_map.locate("/customers/0/name").sheet == "Klanten 2026"
    assert document.source_map.locate("/thresholds/current_value/value").sheet == "Klanten 2026"


def test_missing_sheet_is_reported(filled):
    path = filled
    workbook = openpyxl.load_workbook(path)
    del workbook["WB07 Werkwijze"]
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.worksheet) for problem in document.problems] == [("reading.sheet_missing", 7)]
    assert "procedure" not in document.data


def test_labels_of_either_language_and_identifiers_are_accepted(filled):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    workbook[CLASSIFICATION][f"Q{first}"] = "strategic"
    workbook[CLASSIFICATION][f"Q{first + 1}"] = "large customer"
    workbook["WB04 Criteria"]["B" + str(table_first_row(path, "WB04 Criteria", "Criteria"))] = "  huidige   waarde "
    workbook.save(path)

    document = read_document(path)

    assert document.problems == []
    assert document.data["customers"][0]["classification"] == "strategic"
    assert document.data["customers"][1]["classification"] == "large"
    assert document.data["criteria"][0]["axis"] == "current_value"


@pytest.mark.parametrize(
    ("column", "typed", "code", "message"),
    [
        ("C", "veel", "reading.cell_number", "Omzet van klant 2 is de tekst 'veel', geen getal; vul een getal in, zoals 7,5 of 1.234,56."),
        ("H", "1.234", "reading.cell_ambiguous",
         "Criterium 4 van klant 2 is de tekst '1.234'; dat kan zowel duizendtallen als decimalen zijn. "
         "Typ 1234 als u duizendtallen bedoelt, of 1,2340 als u een decimaal getal bedoelt."),
        ("Q", "Goede klant", "reading.cell_choice",
         "Handmatige classificatie van klant 2 is de tekst 'Goede klant'; kies een waarde uit de keuzelijst: Transactieklant, Ontwikkelklant, Grote klant, Strategische klant."),
        ("S", "misschien", "reading.cell_boolean", "Voorbeeldklant van klant 2 is de tekst 'misschien'; vul ja of nee in."),
        ("F", "#N/A", "reading.cell_excel_error", "Criterium 2 van klant 2 bevat de Excel-fout #N/A; herstel de formule of vul een waarde in."),
    ],
)
def test_unreadable_cell_lands_on_its_cell(filled, column, typed, code, message):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    workbook[CLASSIFICATION][f"{column}{first + 1}"] = typed
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.location.sheet, problem.location.cell) for problem in document.problems] == [
        (code, CLASSIFICATION, f"{column}{first + 1}")]
    assert document.problems[0].message == message


def test_unreadable_date_on_start_sheet(filled):
    path = filled
    workbook = openpyxl.load_workbook(path)
    cell = workbook.defined_names[f"{FIELD_NAME_PREFIX}period_start"].attr_text.split("!")[1].replace("$", "")
    workbook["Start"][cell] = "31-02-2026"
    workbook.save(path)

    document = read_document(path)
    problems = [problem for problem in validate_document(document) if problem.location.sheet == "Start"]

    # The reading problem replaces the schema's "start date missing" on the same cell.
    assert [(problem.code, problem.location.describe()) for problem in problems] == [
        ("reading.cell_date", f"{path}, Start!{cell}"),
    ]


def test_schema_and_rule_problems_land_on_cells(tmp_path):
    data = small_portfolio()
    data["customers"][0]["scores"]["C2"] = 7
    del data["customers"][1]["name"]
    path = write_filled(tmp_path, data)
    first = table_first_row(path, CLASSIFICATION, "Customers")

    problems = validate_document(read_document(path))

    located = {(problem.code, problem.location.cell) for problem in problems if problem.location.sheet == CLASSIFICATION}
    assert ("schema.maximum", f"F{first}") in located
    assert ("schema.required", f"A{first + 1}") in located


def test_weight_beside_empty_criteria_row_is_reported(filled):
    path = filled
    first = table_first_row(path, "WB05 Weging", "Weights")
    workbook = openpyxl.load_workbook(path)
    workbook["WB05 Weging"][f"D{first + 6}"] = 25
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.location.cell) for problem in document.problems] == [("reading.aligned_row_empty", f"D{first + 6}")]


def test_score_in_column_without_criterion_is_reported(filled):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    workbook[CLASSIFICATION][f"J{first}"] = 4  # slot 6: criteria row 6 is empty
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.location.cell) for problem in document.problems] == [("reading.slot_unused", f"J{first}")]
    assert "regel 6 van de criteria" in document.problems[0].message


def test_formula_typed_in_input_cell_without_result(filled):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    workbook[CLASSIFICATION][f"C{first}"] = "=1000*600"
    workbook.save(path)

    document = read_document(path)

    assert [(problem.code, problem.location.cell) for problem in document.problems] == [("reading.formula_in_input", f"C{first}")]
    assert "revenue" not in document.data["customers"][0]


def test_control_characters_removed_with_warning(filled, tmp_path):
    path = filled
    first = table_first_row(path, CLASSIFICATION, "Customers")
    target = tmp_path / "control.xlsx"
    # Excel stores a control character as an _xHHHH_ escape.
    rewrite_entry(path, target, sheet_entry(path, CLASSIFICATION), lambda xml: xml.replace(b">Grote klant<", b">Grote_x0007_ klant<"))

    document = read_document(target)

    assert document.data["customers"][0]["remark"] == "Grote klant"
    assert [(problem.code, problem.severity, problem.location.cell) for problem in document.problems] == [
        ("reading.control_characters", "warning", f"R{first}")]


def test_saved_formula_result_that_differs_warns(filled, tmp_path):
    path = filled
    workbook = openpyxl.load_workbook(path)
    cell = workbook.defined_names[f"{FIELD_NAME_PREFIX}threshold_current"].attr_text.split("!")[1].replace("$", "")

    def saved(value: str):
        pattern = re.compile(rb'(<c r="' + cell.encode() + rb'"[^>]*>)<f>(.*?)</f>(<v>[^<]*</v>|<v/>)?</c>')
        return lambda xml: pattern.sub(lambda match: match.group(1) + b"<f>" + match.group(2) + b"</f><v>" + value.encode() + b"</v></c>", xml)

    right, wrong = tmp_path / "right.xlsx", tmp_path / "wrong.xlsx"
    rewrite_entry(path, right, sheet_entry(path, CLASSIFICATION), saved("3.5"))
    rewrite_entry(path, wrong, sheet_entry(path, CLASSIFICATION), saved("2.5"))

    assert read_document(right).problems == []
    problems = read_document(wrong).problems
    assert [(problem.code, problem.severity, problem.location.cell) for problem in problems] == [
        ("reading.formula_differs", "warning", cell)]
    assert problems[0].message == (
        "Drempel huidige waarde die geldt: Excel berekende 2,5, kamgen 3,5; controleer of iemand de formule heeft aangepast.")


def test_reading_leaves_the_file_unchanged(filled):
    path = filled
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    read_document(path)

    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_foreign_workbook_is_rejected(tmp_path):
    path = tmp_path / "eigen.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Klanten"
    workbook.save(path)

    with pytest.raises(InputFileError) as raised:
        read_document(path)

    assert raised.value.code == "reading.foreign_workbook"
    assert "Klanten" in raised.value.message


def test_newer_format_version_is_rejected(tmp_path):
    path = write_workbook(layout(), tmp_path / "blank.xlsx", "nl")
    workbook = openpyxl.load_workbook(path)
    for row in workbook[METADATA_SHEET].iter_rows():
        if row[0].value == "format_version":
            row[1].value = 2
    workbook.save(path)

    with pytest.raises(InputFileError) as raised:
        read_document(path)

    assert raised.value.code == "reading.newer_format"


def test_yes_no_and_codes_typed_as_numbers(tmp_path):
    data = copy.deepcopy(small_portfolio())
    path = write_filled(tmp_path, data)
    first = table_first_row(path, CLASSIFICATION, "Customers")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[CLASSIFICATION]
    sheet[f"B{first}"] = 123  # a number cell: Excel dropped the leading zero
    sheet[f"S{first}"] = "x"
    sheet[f"S{first + 1}"] = "NEE"
    workbook.save(path)

    customers = read_document(path).data["customers"]

    assert customers[0]["code"] == "123"
    assert customers[0]["example"] is True
    assert customers[1]["example"] is False


def test_reading_without_defined_names(filled):
    workbook = openpyxl.load_workbook(filled)
    for name in list(workbook.defined_names):
        del workbook.defined_names[name]
    workbook.move_sheet("WB10 Bedieningsconcepten", offset=-8)
    workbook.save(filled)

    document = read_document(filled)

    # Sheets are found by their original names in the metadata, cells by the layout's own addresses.
    assert document.problems == []
    assert document.data == small_portfolio()
