"""The Klantportfolio Excel report: values, number formats, charts, frozen panes and the what-if formulas."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest

from kamgen.compute.portfolio_model import CriterionScore
from kamgen.render.portfolio_report import write_portfolio_report
from report_samples import ORGANISATION, build_result

CUSTOMERS_NL = "Klanten"
WHAT_IF_NL = "Wat-als"


def render(tmp_path: Path, result, language: str = "nl", name: str = "report") -> Path:
    xlsx_path = tmp_path / f"{name}.xlsx"
    write_portfolio_report(result, docx_path=tmp_path / f"{name}.docx", xlsx_path=xlsx_path, language=language)
    return xlsx_path


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    return render(tmp_path_factory.mktemp("xlsx"), build_result())


@pytest.fixture(scope="module")
def workbook(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def header_index(sheet, row: int = 1) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[row] if cell.value is not None}


def test_sheets_in_order(workbook):
    assert workbook.sheetnames == ["Overzicht", "Klanten", "Segmenten", "Portfoliodiagram", "Weging", "Concentratie", "Wat-als"]


def test_properties_without_clock(workbook):
    properties = workbook.properties
    assert properties.creator == "kamgen"
    assert properties.lastModifiedBy == "kamgen"
    # Both dates are the end of the period, 2026-12-31, not the time of writing.
    assert properties.created == dt.datetime(2026, 12, 31)
    assert properties.modified == dt.datetime(2026, 12, 31)


def test_customers_values_and_formats(workbook):
    sheet = workbook[CUSTOMERS_NL]
    columns = header_index(sheet)
    assert list(columns)[:6] == ["Klant", "Klantnummer", "Omzet", "Winstbijdrage", "C1 Omzet", "C2 Relatie"]
    jansen = 3  # row 1 header, row 2 Versland, row 3 Jansen
    assert sheet.cell(jansen, columns["Klant"]).value == ORGANISATION
    assert sheet.cell(jansen, columns["Omzet"]).value == 900000
    assert sheet.cell(jansen, columns["Omzet"]).number_format == '"€" #,##0;"€" -#,##0'
    assert sheet.cell(jansen, columns["C1 Omzet"]).value == 4
    assert sheet.cell(jansen, columns["Huidige waarde"]).value == 4.0
    assert sheet.cell(jansen, columns["Huidige waarde"]).number_format == "0.0"
    assert sheet.cell(jansen, columns["Berekend segment"]).value == "Grote klant"
    assert sheet.cell(jansen, columns["Handmatig segment"]).value == "Strategische klant / key-account"
    assert sheet.cell(jansen, columns["Wijkt af"]).value == "ja"
    assert sheet.cell(jansen, columns["Toelichting"]).value == "Let op: {{ x }}"
    assert sheet.freeze_panes == "B2"
    # 4 columns, 4 criteria and 8 more columns = 16 columns (A–P); 4 customers under the header.
    assert sheet.auto_filter.ref == "A1:P5"


def test_formula_like_text_stays_text(tmp_path):
    result = build_result()
    renamed = [dataclasses.replace(result.classification.customers[0], name="=SUM(A1:A2)")] + result.classification.customers[1:]
    result = dataclasses.replace(result, classification=dataclasses.replace(result.classification, customers=renamed))
    sheet = openpyxl.load_workbook(render(tmp_path, result))[CUSTOMERS_NL]
    cell = sheet["A2"]
    assert cell.value == "=SUM(A1:A2)"
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_segments_shares_add_up(workbook):
    sheet = workbook["Segmenten"]
    assert [cell.value for cell in sheet[1]][:7] == [
        "Segment", "Klanten", "Aandeel klanten", "Omzet", "Aandeel omzet", "Winstbijdrage", "Aandeel winstbijdrage",
    ]
    strategic = [cell.value for cell in sheet[5]]
    # Largest-remainder percentages from the sample: 50.0 %, 90.1 %, 92.4 %.
    assert strategic[:7] == ["Strategische klanten", 2, 0.5, 2750000, pytest.approx(0.901), 570000, pytest.approx(0.924)]
    assert sheet["C5"].number_format == "0.0%"
    revenue_shares = [sheet.cell(row, 5).value for row in range(2, 6)]
    assert sum(revenue_shares) == pytest.approx(1.0)
    assert [cell.value for cell in sheet[6]][:7] == ["Totaal", 4, 1.0, 3050000, 1.0, 617000, 1.0]


def test_charts_present(workbook):
    from openpyxl.chart import BarChart, BubbleChart, ScatterChart

    segments = workbook["Segmenten"]._charts
    assert len(segments) == 1 and isinstance(segments[0], BarChart)
    assert len(segments[0].series) == 3  # shares of customers, revenue and profit
    bubble = workbook["Portfoliodiagram"]._charts
    assert len(bubble) == 1 and isinstance(bubble[0], BubbleChart)
    # One series per segment with customers: transactional, development, strategic (large is empty).
    assert len(bubble[0].series) == 3
    assert isinstance(workbook["Concentratie"]._charts[0], ScatterChart)


def test_bubble_chart_data_grouped_by_segment(workbook):
    sheet = workbook["Portfoliodiagram"]
    data = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_col=5)]
    assert data == [
        ["Transactieklant", "Bakkerij De Korf", 1.4, 1.5, 60000],
        ["Ontwikkelklant", "Noordkaap Visverwerking B.V.", 2.4, 4.5, 240000],
        ["Strategische klant / key-account", "Versland Zuivel B.V.", 4.6, 4.5, 1850000],
        ["Strategische klant / key-account", ORGANISATION, 4.0, 2.0, 900000],
    ]


def test_weights_and_concentration(workbook):
    weights = workbook["Weging"]
    assert [cell.value for cell in weights[2]][:6] == ["C1", "Huidige waarde", "Financiële waarde van de klant", "Omzet", "Jaaromzet", 60]
    concentration = workbook["Concentratie"]
    assert [cell.value for cell in concentration[4]] == [
        "Top 20\u00a0% van de klanten", 1, 1850000, pytest.approx(1850000 / 3050000), 420000, pytest.approx(420000 / 617000),
    ]
    assert concentration.freeze_panes == "A2"


def test_what_if_inputs_and_formulas(workbook):
    sheet = workbook[WHAT_IF_NL]
    assert sheet["A3"].value == "Drempel huidige waarde"
    assert sheet["B3"].value == 3.0
    assert sheet["B4"].value == 3.0
    # Weights of C1..C4 in B7:E7, axis blocks B:C (current value) and D:E (future potential).
    assert [sheet.cell(7, column).value for column in range(2, 6)] == [60, 40, 50, 50]
    assert sheet["F7"].value == "=SUM(B7:C7)"
    assert sheet["G7"].value == "=SUM(D7:E7)"
    assert [cell.value for cell in sheet[8]] == [
        "Klant", "C1 Omzet", "C2 Relatie", "C3 Share of wallet", "C4 Groei klant", "Huidige waarde",
        "Toekomstpotentieel", "Segment (berekend)", "Segment in het rapport",
    ]
    assert [sheet.cell(9, column).value for column in range(1, 6)] == ["Versland Zuivel B.V.", 5, 4, 4, 5]
    assert sheet["F9"].value == '=IF(COUNT(B9:C9)<2,"",SUMPRODUCT($B$7:$C$7,B9:C9)/100)'
    assert sheet["G9"].value == '=IF(COUNT(D9:E9)<2,"",SUMPRODUCT($D$7:$E$7,D9:E9)/100)'
    assert sheet["H9"].value == (
        '=IF(OR(F9="",G9=""),"",IF(F9>=$B$3-0.000000001,IF(G9>=$B$4-0.000000001,'
        '"Strategische klant / key-account","Grote klant"),IF(G9>=$B$4-0.000000001,"Ontwikkelklant","Transactieklant")))'
    )
    assert sheet["I10"].value == "Strategische klant / key-account"  # Jansen: the manual classification
    assert sheet.freeze_panes == "B9"
    assert sheet["B7"].fill.fgColor.rgb.endswith("FFF2CC")


def test_what_if_median_threshold_is_live(tmp_path):
    result = build_result()
    thresholds = dataclasses.replace(result.classification.thresholds, future_potential=2.0, future_potential_method="median")
    result = dataclasses.replace(result, classification=dataclasses.replace(result.classification, thresholds=thresholds))
    sheet = openpyxl.load_workbook(render(tmp_path, result))[WHAT_IF_NL]
    assert sheet["B4"].value == "=MEDIAN(G9:G12)"
    assert sheet["B3"].value == 3.0


def test_what_if_missing_score_left_empty(tmp_path):
    result = build_result()
    first = result.classification.customers[0]
    scores = [CriterionScore("C1", None, None, False)] + first.scores[1:]
    changed = dataclasses.replace(first, scores=scores, current_value=None, computed_segment=None, segment=None)
    customers = [changed] + result.classification.customers[1:]
    result = dataclasses.replace(result, classification=dataclasses.replace(result.classification, customers=customers))
    sheet = openpyxl.load_workbook(render(tmp_path, result))[WHAT_IF_NL]
    assert sheet["B9"].value is None
    assert sheet["C9"].value == 4


def test_english_workbook(tmp_path):
    workbook = openpyxl.load_workbook(render(tmp_path, build_result(), "en"))
    assert workbook.sheetnames == ["Summary", "Customers", "Segments", "Portfolio chart", "Weights", "Concentration", "What-if"]
    sheet = workbook["Customers"]
    assert sheet["C2"].number_format == '"€"#,##0;-"€"#,##0'
    assert sheet.cell(3, header_index(sheet)["Computed segment"]).value == "Large customer"


# --- LibreOffice ------------------------------------------------------------------------

soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def recalculate(source: Path, folder: Path) -> Path:
    """Let LibreOffice open, recalculate and save the workbook as .xlsx; return the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / f"profile-{uuid.uuid4().hex}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--calc", "--convert-to", "xlsx",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return folder / source.name


def example_result():
    from kamgen.compute.portfolio import compute_portfolio
    from kamgen.readers import read_document

    path = Path(__file__).resolve().parent.parent / "inputs" / "yaml" / "hoekstra-portfolio.yaml"
    return compute_portfolio(read_document(path).data)


@pytest.mark.soffice
@soffice
@pytest.mark.parametrize("make_result", [build_result, example_result], ids=["sample", "example"])
def test_libreoffice_recalculates_what_if(tmp_path, make_result):
    result = make_result()
    source = render(tmp_path, result)
    sheet = openpyxl.load_workbook(recalculate(source, tmp_path / "recalculated"), data_only=True)[WHAT_IF_NL]
    columns = header_index(sheet, 8)
    labels = {"strategic": "Strategische klant / key-account", "large": "Grote klant",
              "development": "Ontwikkelklant", "transactional": "Transactieklant"}
    for row, customer in enumerate(result.classification.customers, start=9):
        assert sheet.cell(row, 1).value == customer.name
        assert sheet.cell(row, columns["Huidige waarde"]).value == pytest.approx(customer.current_value)
        assert sheet.cell(row, columns["Toekomstpotentieel"]).value == pytest.approx(customer.future_potential)
        assert sheet.cell(row, columns["Segment (berekend)"]).value == labels[customer.computed_segment]
    sums = [sheet.cell(7, columns[name]).value for name in ("Huidige waarde", "Toekomstpotentieel")]
    assert sums == [100, 100]


@pytest.mark.soffice
@soffice
def test_libreoffice_what_if_with_other_weights(tmp_path):
    source = render(tmp_path, build_result())
    workbook = openpyxl.load_workbook(source)
    sheet = workbook[WHAT_IF_NL]
    # Put all current-value weight on C2 (relationship) and lower the future-potential threshold to 2.0.
    sheet["B7"].value = 0
    sheet["C7"].value = 100
    sheet["B4"].value = 2.0
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)

    values = openpyxl.load_workbook(recalculate(edited, tmp_path / "recalculated"), data_only=True)[WHAT_IF_NL]
    # x = C2 score: Versland 4, Jansen 4, Noordkaap 3, De Korf 2; y unchanged: 4.5, 2.0, 4.5, 1.5.
    # Thresholds 3.0 and 2.0: Versland 4/4.5 strategic; Jansen 4/2.0 (≥ 2.0) strategic;
    # Noordkaap 3/4.5 strategic (3 reaches 3.0); De Korf 2/1.5 transactional.
    assert [values.cell(row, 6).value for row in range(9, 13)] == [4, 4, 3, 2]
    assert [values.cell(row, 8).value for row in range(9, 13)] == [
        "Strategische klant / key-account", "Strategische klant / key-account", "Strategische klant / key-account",
        "Transactieklant",
    ]
    assert values["F7"].value == 100
