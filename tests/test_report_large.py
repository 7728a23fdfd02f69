"""Large portfolios: the Word tables list the largest customers, the Excel report all of them."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import yaml

from kamgen.compute.portfolio import compute_portfolio
from kamgen.i18n import set_language
from kamgen.render.portfolio_report import write_portfolio_report
from kamgen.render.portfolio_word import WORD_MAX_CUSTOMER_ROWS, shown_customers

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "yaml" / "hoekstra-portfolio.yaml"


def _portfolio(customers: int) -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["period"] = {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in data["period"].items()}
    template = data["customers"]
    generated = []
    for number in range(customers):
        customer = copy.deepcopy(template[number % len(template)])
        customer["name"] = f"Klant {number:04d} B.V."
        # Revenue grows with the number, so the largest customers are the last ones.
        customer["revenue"] = 1000 + number
        customer.pop("classification", None)
        customer.pop("example", None)
        generated.append(customer)
    data["customers"] = generated
    return data


def test_shown_customers_largest_in_input_order():
    result = compute_portfolio(_portfolio(WORD_MAX_CUSTOMER_ROWS + 20))
    shown = shown_customers(result.classification.customers)
    assert len(shown) == WORD_MAX_CUSTOMER_ROWS
    # Revenues run 1000 … 1519, so the 20 smallest (numbers 0–19) are left out.
    assert shown[0].name == "Klant 0020 B.V."
    assert shown[-1].name == f"Klant {WORD_MAX_CUSTOMER_ROWS + 19:04d} B.V."


def test_all_customers_shown_when_few():
    result = compute_portfolio(_portfolio(30))
    assert len(shown_customers(result.classification.customers)) == 30


def test_large_report_limits_word_not_excel(tmp_path):
    import openpyxl
    from docx import Document

    set_language("nl")
    total = WORD_MAX_CUSTOMER_ROWS + 100
    result = compute_portfolio(_portfolio(total))
    docx_path, xlsx_path = tmp_path / "r.docx", tmp_path / "r.xlsx"
    write_portfolio_report(result, docx_path=docx_path, xlsx_path=xlsx_path, language="nl")

    document = Document(docx_path)
    names = {cell.text for table in document.tables for row in table.rows for cell in row.cells[:1]}
    assert "Klant 0099 B.V." not in names
    assert "Klant 0100 B.V." in names
    note = "Deze tabel toont de 500 grootste klanten naar omzet van de 600. Alle klanten staan in het Excel-rapport."
    assert note in [paragraph.text for paragraph in document.paragraphs]

    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    values = {cell for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)}
    assert "Klant 0000 B.V." in values
    set_language(None)
