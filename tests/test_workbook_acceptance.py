"""Acceptance: fill the workbook of `kamgen new portfolio` the way people type, and get the YAML example's results.

Every value of ``inputs/yaml/hoekstra-portfolio.yaml`` is typed as text into
the cell a person would use. Amounts are typed as ``€ 2.450.000`` and
decimals with a comma. Indicators measured in % are typed as ``16%``, dates
as dd-mm-jjjj, yes/no as ja/nee and choices by their Dutch label.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from kamgen.cli import make_cli
from kamgen.compute.portfolio import compute_portfolio
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document
from kamgen.workbooks.layout import (
    AMOUNT,
    BOOLEAN,
    DATE,
    FIELD_NAME_PREFIX,
    NUMBER,
    Field,
    Fields,
    Grid,
)
from kamgen.workbooks.portfolio import layout, uses_bands
from kamgen.workbooks.writer import get_pointer

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE = REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def dutch_number(value: float) -> str:
    """Return a number as a Dutch person types it: 7,5 and 12."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",")


def money(value: float) -> str:
    """Return an amount as typed with a euro sign and thousands dots: € 2.450.000, € -4.800."""
    whole = f"{int(abs(value)):,}".replace(",", ".")
    return f"€ {'-' if value < 0 else ''}{whole}"


class Typist:
    """Types values into a workbook as text, finding cells by defined name and table headers like a person would."""

    def __init__(self, workbook, workbook_layout):
        self.workbook = workbook
        self.layout = workbook_layout

    def label(self, list_name: str, value) -> str:
        return self.layout.choice_list(list_name).label(value, "nl")

    def typed(self, value, value_type: str, choices: str | None) -> str:
        if isinstance(value, bool):
            return "ja" if value else "nee"
        if choices:
            return self.label(choices, value)
        if value_type == DATE:
            return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
        if value_type == AMOUNT:
            return money(value)
        if value_type == NUMBER:
            return dutch_number(value)
        return str(value)

    def field(self, item: Field, value) -> None:
        sheet, _, coordinate = self.workbook.defined_names[FIELD_NAME_PREFIX + item.ref_name].attr_text.partition("!")
        self.workbook[sheet.strip("'")][coordinate.replace("$", "")] = self.typed(value, item.type, item.choices)

    def row(self, table_name: str, position: int, texts: dict[str, str]) -> None:
        """Type texts into row ``position`` (from 0) of a table, by header."""
        for worksheet in self.workbook.worksheets:
            table = worksheet.tables.get(table_name)
            if table is None:
                continue
            first_column, first_row, last_column, _ = openpyxl.utils.cell.range_boundaries(table.ref)
            headers = {worksheet.cell(row=first_row, column=column).value: column for column in range(first_column, last_column + 1)}
            for header, text in texts.items():
                worksheet.cell(row=first_row + 1 + position, column=headers[header], value=text)
            return
        raise KeyError(table_name)


def type_example(path: Path, data: dict) -> None:
    workbook = openpyxl.load_workbook(path)
    workbook_layout = layout()
    typist = Typist(workbook, workbook_layout)

    # Single cells: the header on the start sheet, thresholds, strategies, service concepts.
    fields = list(workbook_layout.header)
    for sheet in workbook_layout.sheets:
        for block in sheet.blocks:
            if isinstance(block, Fields):
                fields += [item for item in block.items if isinstance(item, Field)]
            elif isinstance(block, Grid):
                fields += [cell for row in block.rows for cell in row.cells if isinstance(cell, Field)]
    for item in fields:
        value = get_pointer(data, item.pointer)
        if value is not None:
            typist.field(item, value)

    for position, driver in enumerate(data["importance"]["drivers"]):
        typist.row("Drivers", position, {
            "Code": driver["code"], "Stelling": driver["statement"], "Score 1–5": str(driver["rating"]),
            "Toelichting": driver.get("remark"),
        })

    for position, criterion in enumerate(data["criteria"]):
        texts = {
            "Code": criterion["code"], "As": typist.label("axis", criterion["axis"]),
            "Criteriagroep": typist.label("criteria_group", criterion["group"]), "Naam": criterion["name"],
            "Indicator": criterion.get("indicator"), "Eenheid": criterion.get("unit"), "Bron": criterion.get("source"),
            "Scoringswijze": typist.label("scoring", criterion["scoring"]),
        }
        for number, band in enumerate(criterion.get("bands", []), start=1):
            texts[f"Grens {number}"] = money(band) if criterion.get("unit") == "EUR" else dutch_number(band)
        if "direction" in criterion:
            texts["Richting"] = typist.label("direction", criterion["direction"])
        for key, text in criterion.get("anchors", {}).items():
            texts[f"Anker score {key[-1]}"] = text
        typist.row("Criteria", position, texts)
        typist.row("Weights", position, {"Gewicht": dutch_number(criterion["weight"])})

    for position, customer in enumerate(data["customers"]):
        texts = {
            "Klantnaam": customer["name"], "Klantnummer": customer["code"],
            "Omzet": money(customer["revenue"]), "Winstbijdrage": money(customer["profit_contribution"]),
            "Toelichting": customer.get("remark"),
        }
        for number, criterion in enumerate(data["criteria"], start=1):
            code = criterion["code"]
            if code in customer.get("values", {}):
                value = customer["values"][code]
                unit = criterion.get("unit")
                if unit == "EUR":
                    texts[f"Criterium {number}"] = money(value)
                elif unit == "%":
                    texts[f"Criterium {number}"] = dutch_number(value) + "%"
                else:
                    texts[f"Criterium {number}"] = dutch_number(value)
            elif code in customer.get("scores", {}):
                score = customer["scores"][code]
                texts[f"Criterium {number}"] = f"score {score}" if uses_bands(criterion) else str(score)
        if "classification" in customer:
            texts["Handmatige classificatie"] = typist.label("segment", customer["classification"])
        if "example" in customer:
            texts["Voorbeeldklant"] = "ja" if customer["example"] else "nee"
        typist.row("Customers", position, texts)

    for position, step in enumerate(data["procedure"]["steps"]):
        typist.row("Steps", position, {
            "Stap": step["step"], "Eigenaar": step.get("owner"),
            "Datum": dt.date.fromisoformat(step["date"]).strftime("%d-%m-%Y"),
            "Status": typist.label("status", step["status"]), "Resultaat": step.get("result"),
        })

    for position, point in enumerate(data["strategies"]["strategic"]["points"]):
        typist.row("Points_strategic", position, {"Uitwerkingspunt": point})

    workbook.save(path)


def test_typed_workbook_gives_yaml_results(tmp_path):
    path = tmp_path / "klantportfolio.xlsx"
    result = CliRunner().invoke(make_cli(), ["new", "portfolio", "-o", str(path)])
    assert result.exit_code == 0, result.output
    example = read_document(EXAMPLE).data

    type_example(path, example)
    document = read_document(path)
    problems = validate_document(document)

    assert [problem.message for problem in problems if problem.is_error] == []
    assert {problem.code for problem in problems} == {"portfolio.manual_differs"}
    assert document.data == example

    typed, expected = compute_portfolio(document.data), compute_portfolio(example)
    for mine, theirs in zip(typed.classification.customers, expected.classification.customers, strict=True):
        assert (mine.name, mine.segment, mine.computed_segment) == (theirs.name, theirs.segment, theirs.computed_segment)
        assert mine.current_value == pytest.approx(theirs.current_value)
        assert mine.future_potential == pytest.approx(theirs.future_potential)
    assert typed.matrix == expected.matrix
    assert typed.weighting == expected.weighting
    assert typed.importance.mean_rating == expected.importance.mean_rating
    assert typed.procedure.progress == expected.procedure.progress
    assert typed.service_concepts == expected.service_concepts


def test_typed_values_are_read_as_meant(tmp_path):
    path = tmp_path / "klantportfolio.xlsx"
    CliRunner().invoke(make_cli(), ["new", "portfolio", "-o", str(path)])
    example = read_document(EXAMPLE).data

    type_example(path, example)
    data = read_document(path).data

    # € 2.450.000 → 2450000; 16% of a %-unit indicator → 16; 5,2% → 5.2; -7,7% → -7.7; € -4.800 → -4800.
    assert data["customers"][0]["values"] == {"C1": 2450000, "C2": 16, "C3": 5.2, "C6": 6.5}
    assert data["customers"][30]["values"]["C2"] == -7.7
    assert data["customers"][30]["profit_contribution"] == -4800
    # "score 2" in the column of a banded criterion is a score typed directly.
    assert data["customers"][27]["scores"]["C3"] == 2
    assert data["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert data["service_concepts"]["transactional"]["hours_per_visit"] == 1.5
    assert data["service_concepts"]["strategic"]["executive_sponsor"] is True
