"""LibreOffice recalculates the workbook's live formulas to kamgen's own results.

The workbooks are written by kamgen without saved formula results; LibreOffice
(headless, private profile) opens and saves them as .xlsx, which calculates
every formula. The results must equal compute_portfolio's.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest

from kamgen.compute.portfolio import compute_portfolio
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.workbooks.layout import FIELD_NAME_PREFIX
from kamgen.workbooks.portfolio import layout, parameters_for
from kamgen.workbooks.writer import plan, write_workbook

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

REPOSITORY = Path(__file__).resolve().parent.parent
YAML_EXAMPLE = REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml"
SOFFICE_TIMEOUT = 240
CLASSIFICATION = "WB06 Classificatie"


def recalculate(paths: list[Path], folder: Path) -> dict[str, Path]:
    """Open and save each workbook with LibreOffice; return the recalculated copies by file name."""
    profile = folder / f"profile-{uuid.uuid4().hex}"
    out = folder / "recalculated"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), *map(str, paths)],
        check=True, capture_output=True, timeout=SOFFICE_TIMEOUT,
    )
    return {path.name: out / path.name for path in paths}


def tampered_threshold(source: Path, target: Path) -> str:
    """Copy a workbook with the current-value threshold formula replaced by 2.5; return that cell."""
    workbook = openpyxl.load_workbook(source)
    sheet, _, cell = workbook.defined_names[f"{FIELD_NAME_PREFIX}threshold_current"].attr_text.partition("!")
    cell = cell.replace("$", "")
    workbook[sheet.strip("'")][cell] = "=2.5"
    workbook.save(target)
    return cell


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    from test_workbook_layout import small_portfolio

    set_language("nl")
    folder = tmp_path_factory.mktemp("soffice")
    example = read_document(YAML_EXAMPLE).data
    small = small_portfolio()
    paths = {
        "example": write_workbook(layout(parameters_for(example)), folder / "example.xlsx", "nl", example),
        "small": write_workbook(layout(parameters_for(small)), folder / "small.xlsx", "en", {**small, "language": "en"}),
    }
    paths["tampered"] = folder / "tampered.xlsx"
    tampered_cell = tampered_threshold(paths["example"], paths["tampered"])

    # kamgen writes no formula results, so whatever LibreOffice saves it calculated itself.
    before = openpyxl.load_workbook(paths["example"], data_only=True)[CLASSIFICATION]
    first_row = plan(layout(), "nl").tables["Customers"].first_row
    assert before[f"T{first_row}"].value is None

    recalculated = recalculate(list(paths.values()), folder)
    yield {
        "example_data": example, "small_data": small, "tampered_cell": tampered_cell,
        **{name: recalculated[path.name] for name, path in paths.items()},
    }
    set_language(None)


def customer_rows(path: Path, sheet: str = CLASSIFICATION) -> list[dict]:
    worksheet = openpyxl.load_workbook(path, data_only=True)[sheet]
    first_column, header_row, last_column, last_row = openpyxl.utils.cell.range_boundaries(worksheet.tables["Customers"].ref)
    headers = [worksheet.cell(row=header_row, column=column).value for column in range(first_column, last_column + 1)]
    rows = []
    for row in range(header_row + 1, last_row + 1):
        values = dict(zip(headers, (worksheet.cell(row=row, column=column).value for column in range(first_column, last_column + 1))))
        if values[headers[0]]:
            rows.append(values)
    return rows


def test_weighted_scores_and_segments_equal_compute(workbooks):
    result = compute_portfolio(workbooks["example_data"])
    labels = layout().choice_list("segment")

    rows = customer_rows(workbooks["example"])

    assert len(rows) == len(result.classification.customers) == 42
    for row, customer in zip(rows, result.classification.customers):
        assert row["Klantnaam"] == customer.name
        assert row["Huidige waarde (gewogen)"] == pytest.approx(customer.current_value, abs=1e-9), customer.name
        assert row["Toekomstpotentieel (gewogen)"] == pytest.approx(customer.future_potential, abs=1e-9), customer.name
        assert row["Berekend segment"] == labels.label(customer.computed_segment, "nl"), customer.name
        assert row["Segment"] == labels.label(customer.segment, "nl"), customer.name


def test_portfolio_totals_equal_compute(workbooks):
    result = compute_portfolio(workbooks["example_data"])
    workbook = openpyxl.load_workbook(workbooks["example"], data_only=True)
    placement = plan(layout(parameters_for(workbooks["example_data"])), "nl", workbooks["example_data"])

    def value(name: str):
        sheet, row, column = placement.cells[name]
        return workbook[sheet].cell(row=row, column=column).value

    for segment, summary in result.matrix.segments.items():
        assert value(f"matrix_{segment}_customers") == summary.customers
        assert value(f"matrix_{segment}_revenue") == pytest.approx(summary.revenue)
        assert value(f"matrix_{segment}_profit_share") == pytest.approx(summary.profit_share)
        assert value(f"service_visit_load_{segment}") == pytest.approx(result.service_concepts[segment].visit_load)
    assert value("mean_rating") == pytest.approx(result.importance.mean_rating)
    assert value("urgency") == "hoog"
    assert value("steps_progress") == pytest.approx(result.procedure.progress)
    assert value("weight_check_current") == "klopt"


def test_recalculated_workbook_reads_without_differences(workbooks):
    document = read_document(workbooks["example"])

    assert document.problems == []
    assert document.data == workbooks["example_data"]


def test_edited_formula_is_reported(workbooks):
    document = read_document(workbooks["tampered"])

    # Threshold 2.5 instead of the midpoint 3.0: the threshold cell itself, and customers whose
    # current value lies in [2.5, 3.0) change segment in the workbook but not in kamgen.
    differences = [(problem.code, problem.location.sheet, problem.location.cell) for problem in document.problems]
    assert ("reading.formula_differs", CLASSIFICATION, workbooks["tampered_cell"]) in differences
    assert {code for code, _, _ in differences} == {"reading.formula_differs"}
    assert all(problem.severity == "warning" for problem in document.problems)


def test_hand_computed_scores(workbooks):
    rows = customer_rows(workbooks["small"], "WS06 Classification")
    alfa, beta = rows

    # The method is pairwise for both axes. Current value has no comparisons, so C1 and C2 fall back
    # to equal weights 50 and 50 (the typed 60 and 40 do not count).
    # Alfa: C1 600000 reaches all four bands → 5; C2 = 4; current value (50×5 + 50×4)/100 = 4.5.
    assert alfa["Current value (weighted)"] == pytest.approx(4.5)
    # C3 beats C4 once → C3 weight 100, C4 weight 0. C3 6.5 reaches 0, 2 and 5 → 4; (100×4)/100 = 4.0.
    assert alfa["Future potential (weighted)"] == pytest.approx(4.0)
    # Beta: C1 20000 reaches 10000 only → 2; C2 = 2 → (50×2 + 50×2)/100 = 2.0; C3 typed "score 3" → 3.
    assert beta["Current value (weighted)"] == pytest.approx(2.0)
    assert beta["Future potential (weighted)"] == pytest.approx(3.0)
    # Thresholds: a fixed 3.5 and the median of 4.0 and 3.0 = 3.5. Alfa is high on both axes;
    # Beta is low on both (transactional) but management chose development.
    assert (alfa["Computed segment"], alfa["Segment"]) == ("Strategic customer", "Strategic customer")
    assert (beta["Computed segment"], beta["Segment"], beta["Difference"]) == (
        "Transactional customer", "Development customer", "manual differs")


def test_hand_computed_sheet_figures(workbooks):
    small = workbooks["small"]
    workbook = openpyxl.load_workbook(small, data_only=True)
    placement = plan(layout(), "en")

    def value(name: str):
        sheet, row, column = placement.cells[name]
        return workbook[sheet].cell(row=row, column=column).value

    # Drivers rated 4 and 2: mean 3.0, which is "medium" (≥ 3.0, < 4.0).
    assert (value("mean_rating"), value("urgency")) == (3, "medium")
    # One of two steps done: 50 %.
    assert value("steps_progress") == pytest.approx(0.5)
    assert value("threshold_future") == pytest.approx(3.5)
    # Strategic: one customer (Alfa, 600000 of 620000 revenue; profit 60000 of 58500 in total).
    assert value("matrix_strategic_customers") == 1
    assert value("matrix_strategic_revenue_share") == pytest.approx(600000 / 620000)
    assert value("matrix_strategic_profit_share") == pytest.approx(60000 / 58500)
    # Service concept: 1 strategic customer × 12 visits = 12 visits, × 2.5 hours = 30 hours.
    assert (value("service_visit_load_strategic"), value("service_hours_load_strategic")) == (12, 30)
    assert value("weight_check_future") == "pairwise"
