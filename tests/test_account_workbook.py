"""The account input workbook: written, filled in as a user would, read back, and recalculated by LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest

from kamgen.compute.account import compute_account
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.readers.excel import Verification
from kamgen.validation import validate_document
from kamgen.workbooks import account
from kamgen.workbooks.layout import Computed, Fields, Grid
from kamgen.workbooks.writer import column_letter, plan, write_workbook

ROOT = Path(__file__).resolve().parents[1]
VERSLAND = ROOT / "inputs" / "yaml" / "versland-zuivel-accountplan.yaml"
NOORDKAAP = ROOT / "inputs" / "yaml" / "noordkaap-ontwikkelplan.yaml"
SOFFICE_TIMEOUT = 180


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def yaml_data(path: Path) -> dict:
    return read_document(path).data


def write_example(path: Path, target: Path, language: str = "nl") -> tuple[Path, dict]:
    data = yaml_data(path)
    write_workbook(account.layout(account.parameters_for(data)), target, language, data)
    return target, data


def problems_of(path: Path) -> list:
    return validate_document(read_document(path))


class Cells:
    """Addresses of a workbook written from a layout, so a test types where a user would."""

    def __init__(self, layout, language: str, data: dict | None = None):
        self.placement = plan(layout, language, data)

    def field(self, name: str) -> tuple[str, str]:
        sheet, row, column = self.placement.cells[name]
        return sheet, f"{column_letter(column)}{row}"

    def table(self, table: str, key: str, position: int) -> tuple[str, str]:
        place = self.placement.tables[table]
        return place.sheet, f"{column_letter(place.columns[key])}{place.first_row + position}"


# --- writing and reading -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_blank_workbook_has_a_sheet_per_worksheet(tmp_path, language):
    path = write_workbook(account.layout(), tmp_path / "blank.xlsx", language)
    workbook = openpyxl.load_workbook(path)
    prefix = "WB" if language == "nl" else "WS"
    numbers = sorted(int(name[2:4]) for name in workbook.sheetnames if name.startswith(prefix))

    assert numbers == [3, *range(11, 31)]
    # A blank workbook misses only the header's required customer and period.
    assert sorted(problem.pointer for problem in problems_of(path)) == ["/customer", "/period"]


def test_example_round_trips_through_the_workbook(tmp_path):
    path, data = write_example(VERSLAND, tmp_path / "versland.xlsx")
    document = read_document(path)

    assert validate_document(document) == []
    # Reading drops only the empty map of strengths of a contact without relationships.
    expected = read_document(VERSLAND).data
    del expected["relationship_matrix"]["contacts"][1]["strengths"]
    assert document.data == expected
    assert compute_account(document.data) == compute_account(data)


def test_committed_example_workbooks_are_current():
    completed = subprocess.run(["python", str(ROOT / "tools" / "make_account_workbooks.py"), "--check"], cwd=ROOT,
                               capture_output=True, text=True, timeout=120)

    assert completed.returncode == 0, completed.stderr


def test_committed_example_workbooks_match_their_yaml():
    for yaml_path, name in ((VERSLAND, "versland-zuivel-accountplan.xlsx"), (NOORDKAAP, "noordkaap-ontwikkelplan.xlsx")):
        workbook = read_document(ROOT / "inputs" / "excel" / name)
        assert compute_account(workbook.data) == compute_account(yaml_data(yaml_path)), name


def test_parameters_widen_for_filled_data():
    data = yaml_data(VERSLAND)
    data["relationship_matrix"]["contacts"][0]["dmu_roles"] = ["decider", "influencer", "buyer", "user", "initiator"]
    data["opportunities"]["items"].append({"code": "K12", "text": "laat"})
    parameters = account.parameters_for(data)

    assert parameters["role_columns"] == 5
    assert parameters["opportunity_codes"] == 12
    assert parameters["people_slots"] == 8  # four people, still the default eight slots


# --- filling in as a user would --------------------------------------------------------------


def fill_blank_workbook(path: Path) -> None:
    """Type a small but complete account plan into a blank workbook, the way people type."""
    layout = account.layout()
    cells = Cells(layout, "nl")
    workbook = openpyxl.load_workbook(path)

    def put(address: tuple[str, str], value) -> None:
        sheet, cell = address
        workbook[sheet][cell] = value

    put(cells.field("customer"), "Testzuivel B.V.")
    put(cells.field("period_start"), "01-01-2026")
    put(cells.field("period_end"), dt.datetime(2026, 12, 31))
    put(cells.field("segment"), "Strategische klant")
    put(cells.field("plan_type"), "Accountplan")
    for number, statement in enumerate(("strategic_vision", "functional_approach", "organisational_credible"), start=2):
        put(cells.field(f"relationship_quality_ratings_{statement}"), number)

    put(cells.table("OurPeople", "name", 0), "Anna de Boer")
    put(cells.table("OurPeople", "name", 1), "Bert Smit")
    put(cells.table("Contacts", "name", 0), "Carla Visser")
    put(cells.table("Contacts", "level", 0), "Strategisch")
    put(cells.table("Contacts", "dmu_roles/0", 0), "Beslisser")
    put(cells.table("Contacts", "influence", 0), "5")
    put(cells.table("Contacts", "attitude", 0), 1)
    put(cells.table("Contacts", "slot_1", 0), 3)
    put(cells.table("Contacts", "name", 1), "Dirk Mulder")
    put(cells.table("Contacts", "dmu_roles/0", 1), "Inkoper")
    put(cells.table("Contacts", "dmu_roles/2", 1), "poortwachter")
    put(cells.table("Contacts", "slot_2", 1), "2")

    put(cells.table("Opportunities", "text", 0), "Nieuwe kaasfabriek in 2027")
    put(cells.table("Opportunities", "attractiveness", 0), 4)
    put(cells.table("Opportunities", "probability", 0), 4)
    put(cells.table("Opportunities", "text", 1), "Energiedoelen")
    put(cells.table("Opportunities", "attractiveness", 1), 3)
    put(cells.table("Opportunities", "probability", 1), 3)
    put(cells.table("Strengths", "text", 0), "Eigen storingsdienst")
    put(cells.table("Strengths", "importance", 0), 5)
    put(cells.table("Strengths", "lead", 0), 4)

    put(cells.table("Confrontation", "scorer", 0), "Anna de Boer")
    put(cells.table("Confrontation", "internal", 0), "S1")
    put(cells.table("Confrontation", "scores/K1", 0), 3)
    put(cells.table("Confrontation", "scores/K2", 0), "1")
    for position, cell in enumerate(("S1 x K1", "S1×K2", "s1*k1")):
        put(cells.table("FocusPoints", "wording", position), f"Hoe benutten wij punt {position + 1}?")
        put(cells.table("FocusPoints", "source_cells/0", position), cell)

    put(cells.table("Criteria", "id", 0), "Waarde voor de klant (UBR)")
    put(cells.table("Criteria", "weight", 0), "60")
    put(cells.table("Criteria", "id", 1), "Haalbaarheid")
    put(cells.table("Criteria", "weight", 1), 40)
    put(cells.table("Options", "code", 0), "I1")
    put(cells.table("Options", "text", 0), "Beschikbaarheidscontract")
    put(cells.table("Options", "focus_point", 0), "HAP1")
    put(cells.table("Options", "score_1", 0), 4)
    put(cells.table("Options", "score_2", 0), "5")
    put(cells.table("Options", "chosen", 0), "ja")

    for key, value in (("name", "Beschikbaarheidscontract"), ("option", "I1"), ("focus_points/0", "HAP1"), ("goal_node", "D1.1"),
                       ("kpi", "Beschikbaarheid"), ("target", "99,5 %"), ("start", "01-02-2026"), ("end", "30-06-2026")):
        put(cells.table("Projects", key, 0), value)
    for key, value in (("project", "P1"), ("name", "Storingen analyseren"), ("start", "02-02-2026"), ("duration_weeks", "4")):
        put(cells.table("Activities", key, 0), value)
    for position, row in enumerate(({"project": "P1", "year": 0, "investment": "€ 5.000", "internal_hours": 40, "hourly_rate": "95"},
                                    {"project": "P1", "year": "1", "extra_revenue": 20000, "margin": "30%"})):
        for key, value in row.items():
            put(cells.table("BudgetLines", key, position), value)
    nodes = (("D0", None, 0, "Vaste partner in 2029", None), ("D1", "D0", 1, "Groei", "Omzet"),
             ("D1.1", "D1", 2, "Beschikbaarheid", "Procent"), ("D1.1.1", "D1.1", 3, "Project", None))
    for position, (identifier, parent, level, text, kpi) in enumerate(nodes):
        for key, value in (("id", identifier), ("parent", parent), ("level", level), ("text", text), ("kpi", kpi)):
            put(cells.table("GoalNodes", key, position), value)
    put(cells.table("GoalNodes", "project", 3), "P1")
    workbook.save(path)


def test_workbook_filled_by_hand_validates(tmp_path):
    path = write_workbook(account.layout(), tmp_path / "handwerk.xlsx", "nl")
    fill_blank_workbook(path)
    document = read_document(path)

    assert validate_document(document) == []
    data = document.data
    assert data["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    # Roles typed in columns 1 and 3 become one list without a gap.
    assert data["relationship_matrix"]["contacts"][1]["dmu_roles"] == ["buyer", "gatekeeper"]
    assert data["relationship_matrix"]["contacts"][0]["strengths"] == {"Anna de Boer": 3}
    assert data["budget"]["lines"][0]["investment"] == 5000
    assert data["budget"]["lines"][1]["margin"] == pytest.approx(0.3)
    assert data["confrontation"]["rows"][0] == {"scorer": "Anna de Boer", "internal": "S1", "scores": {"K1": 3, "K2": 1}}
    assert data["choice_matrix"]["criteria"][0] == {"id": "customer_value", "weight": 60}
    assert compute_account(data).focus_points.focus_points[0].score == 3  # S1×K1 from one scorer


def test_compacted_role_keeps_its_cell(tmp_path):
    path = write_workbook(account.layout(), tmp_path / "rollen.xlsx", "nl")
    cells = Cells(account.layout(), "nl")
    workbook = openpyxl.load_workbook(path)
    sheet, cell = cells.table("Contacts", "dmu_roles/1", 0)
    workbook[sheet][cell] = "Beslisser"
    workbook[cells.table("Contacts", "name", 0)[0]][cells.table("Contacts", "name", 0)[1]] = "Carla"
    workbook.save(path)
    document = read_document(path)

    assert document.data["relationship_matrix"]["contacts"][0]["dmu_roles"] == ["decider"]
    assert document.source_map.locate("/relationship_matrix/contacts/0/dmu_roles/0").cell == cell


def test_strength_without_a_person_names_its_cell(tmp_path):
    path = write_workbook(account.layout(), tmp_path / "slot.xlsx", "nl")
    cells = Cells(account.layout(), "nl")
    workbook = openpyxl.load_workbook(path)
    for key, value in (("name", "Carla"), ("slot_3", 2)):
        sheet, cell = cells.table("Contacts", key, 0)
        workbook[sheet][cell] = value
    workbook.save(path)
    problems = [problem for problem in read_document(path).problems if problem.code == "reading.slot_unused"]

    assert len(problems) == 1
    assert problems[0].location.cell == cells.table("Contacts", "slot_3", 0)[1]
    assert "geen medewerker" in problems[0].message


# --- one required field emptied at a time ------------------------------------------------------


# (layout name, table column or None for a field, row) of required values whose absence causes nothing else.
REQUIRED_CELLS = [
    ("customer", None, None), ("period_start", None, None), ("period_end", None, None),
    ("CurrentContacts", "name", 0), ("Contacts", "name", 6), ("Groups", "name", 2), ("CustomerFindings", "description", 3),
    ("InternalFindings", "description", 1), ("Opportunities", "text", 3), ("Threats", "text", 0), ("FocusPoints", "wording", 1),
    ("Ideas", "text", 2), ("AngleIdeas", "text", 0), ("Options", "text", 2), ("Projects", "name", 1), ("Activities", "name", 4),
    ("BudgetLines", "year", 13), ("GoalNodes", "text", 2),
]


@pytest.fixture(scope="module")
def example_workbooks(tmp_path_factory) -> dict[Path, tuple[bytes, dict]]:
    """Write each example once; a test copies the bytes instead of writing the workbook again."""
    folder = tmp_path_factory.mktemp("examples")
    written = {}
    for source in (VERSLAND, NOORDKAAP):
        path, data = write_example(source, folder / f"{source.stem}.xlsx")
        written[source] = (path.read_bytes(), data)
    return written


@pytest.mark.parametrize("name, key, position", REQUIRED_CELLS)
def test_emptied_required_field_gives_one_problem_at_its_cell(tmp_path, example_workbooks, name, key, position):
    source = NOORDKAAP if name == "CurrentContacts" else VERSLAND
    content, data = example_workbooks[source]
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    cells = Cells(account.layout(account.parameters_for(data)), "nl", data)
    sheet, cell = cells.field(name) if key is None else cells.table(name, key, position)
    workbook = openpyxl.load_workbook(path)
    assert workbook[sheet][cell].value not in (None, "")
    workbook[sheet][cell] = None
    workbook.save(path)

    problems = [problem for problem in problems_of(path) if problem.code != "account.role_uncovered"]

    assert len(problems) == 1, [problem.message for problem in problems]
    assert problems[0].code == "schema.required"
    assert (problems[0].location.sheet, problems[0].location.cell) == (sheet, cell)


# --- LibreOffice recalculation ---------------------------------------------------------------


def recalculate(path: Path, folder: Path) -> Path:
    """Let LibreOffice open, recalculate and save the workbook (xlsx to xlsx) in its own profile."""
    profile = folder / f"profile-{uuid.uuid4().hex}"
    output = folder / "recalculated"
    output.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(output), str(path)],
        check=True, capture_output=True, timeout=SOFFICE_TIMEOUT,
    )
    shutil.rmtree(profile, ignore_errors=True)
    return output / path.name


def formula_values(layout, language: str, data: dict, path: Path) -> list[tuple[str, object, object]]:
    """Return (cell, LibreOffice's value, kamgen's value) for every formula cell with an expected value."""
    cells = Cells(layout, language, data)
    workbook = openpyxl.load_workbook(path, data_only=True)
    verification = Verification(data, compute_account(data))
    pairs = []
    for sheet in layout.sheets:
        items = [item for block in sheet.blocks if isinstance(block, (Fields, Grid))
                 for item in (block.items if isinstance(block, Fields) else [cell for row in block.rows for cell in row.cells])
                 if isinstance(item, Computed) and item.expected is not None]
        for item in items:
            title, address = cells.field(item.name)
            expected = item.expected(verification)
            if item.choices and expected is not None:
                expected = layout.choice_list(item.choices).label(expected, language)
            pairs.append((f"{title}!{address}", workbook[title][address].value, expected))
        for table in sheet.tables():
            rows = data
            for part in table.pointer.strip("/").split("/"):
                rows = rows.get(part, {}) if isinstance(rows, dict) else {}
            for index in range(len(rows) if isinstance(rows, list) else 0):
                for column in table.columns:
                    if column.expected is None:
                        continue
                    title, address = cells.table(table.name, column.key, index)
                    expected = column.expected(verification, index)
                    if column.choices and expected is not None:
                        expected = layout.choice_list(column.choices).label(expected, language)
                    pairs.append((f"{title}!{address}", workbook[title][address].value, expected))
    return pairs


def same(found, expected) -> bool:
    if expected is None:
        return found in (None, "")
    if isinstance(expected, bool):
        return found == int(expected)
    if isinstance(expected, (int, float)):
        return isinstance(found, (int, float)) and abs(found - expected) <= 1e-6 * max(1.0, abs(expected))
    return found == expected


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@pytest.mark.soffice
@needs_soffice
@pytest.mark.parametrize("source, language", [(VERSLAND, "nl"), (VERSLAND, "en"), (NOORDKAAP, "nl")])
def test_libreoffice_results_equal_kamgen(tmp_path, source, language):
    path, data = write_example(source, tmp_path / f"plan-{language}.xlsx", language)
    structure, saved = openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)
    formulas = [(sheet.title, cell.coordinate) for sheet in structure.worksheets for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f"]
    assert formulas and all(saved[title][address].value is None for title, address in formulas)  # written without results
    recalculated = recalculate(path, tmp_path)
    layout = account.layout(account.parameters_for(data))

    pairs = formula_values(layout, language, data, recalculated)
    wrong = [(cell, found, expected) for cell, found, expected in pairs if not same(found, expected)]

    assert len(pairs) > 300 if source == VERSLAND else len(pairs) > 20
    assert wrong == []
    # Reading the recalculated file compares every saved result with kamgen's own and finds no difference.
    problems = problems_of(recalculated)
    assert [problem.code for problem in problems] == ([] if source == VERSLAND else ["account.role_uncovered"])


@pytest.mark.soffice
@needs_soffice
def test_libreoffice_confrontation_column_totals(tmp_path):
    path, data = write_example(VERSLAND, tmp_path / "plan.xlsx")
    recalculated = recalculate(path, tmp_path)
    layout = account.layout(account.parameters_for(data))
    place = plan(layout, "nl", data).tables["Confrontation"]
    sheet = openpyxl.load_workbook(recalculated, data_only=True)[place.sheet]
    totals = dict(compute_account(data).confrontation.column_totals)

    for code, total in totals.items():
        assert sheet.cell(place.above_rows["total"], place.columns[f"scores/{code}"]).value == total, code
    # K4 and B3 are not in the SWOT: no tick above their columns.
    flags = {code: sheet.cell(place.above_rows["in_swot"], place.columns[f"scores/{code}"]).value for code in ("K1", "K4", "B2", "B3")}
    assert flags == {"K1": 1, "K4": 0, "B2": 1, "B3": 0}


@pytest.mark.soffice
@needs_soffice
def test_libreoffice_blank_workbook_has_no_error_values(tmp_path):
    path = write_workbook(account.layout(), tmp_path / "blank.xlsx", "nl")
    workbook = openpyxl.load_workbook(recalculate(path, tmp_path), data_only=True)
    errors = [(sheet.title, cell.coordinate, cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
              if isinstance(cell.value, str) and (cell.value.startswith("#") or cell.value.startswith("Err:"))]

    assert errors == []
