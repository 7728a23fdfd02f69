"""Other people's text cannot break files, formulas or paths."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kamgen.i18n import set_language
from kamgen.safety import inside, needs_text_guard, set_text_cell, slugify
from kamgen.validation import validate_file


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jansen & Zn <BV>", "jansen-zn-bv"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-bestand"),
        ("lpt1", "lpt1-bestand"),
        ("...", "naamloos"),
        ("", "naamloos"),
        ("Café Überlingen", "cafe-uberlingen"),
        ("a" * 100, "a" * 60),
    ],
)
def test_slugify_cases(name, expected):
    assert slugify(name) == expected


def test_inside_rejects_escape(tmp_path):
    with pytest.raises(ValueError):
        inside(tmp_path, "../buiten.docx")


def test_inside_accepts_slug(tmp_path):
    assert inside(tmp_path, slugify("../../x") + ".docx") == tmp_path / "x.docx"


@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "+31 6 1234", "-korting", "@user", "#REF!", " #N/A "])
def test_formula_like_text_guarded(text):
    assert needs_text_guard(text)


def test_plain_text_not_guarded():
    assert not needs_text_guard("Jansen BV")


def test_excel_text_cells_stay_text():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row, text in enumerate(["=1+1", "@SUM(A1)", "#VALUE!", "-5 korting", "Jansen\x07 BV"], start=1):
        set_text_cell(sheet.cell(row=row, column=1), text)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    reread = openpyxl.load_workbook(buffer).active
    assert [(cell.value, cell.data_type) for cell in reread["A"]] == [
        ("=1+1", "s"), ("@SUM(A1)", "s"), ("#VALUE!", "s"), ("-5 korting", "s"), ("Jansen BV", "s"),
    ]


def test_control_characters_removed_with_warning(tmp_path):
    set_language("nl")
    path = tmp_path / "in.json"
    path.write_text('{"kind": "portfolio", "organisation": "Test\\u0007 BV", "period": {"start": "2026-01-01", "end": "2026-12-31"}}', encoding="utf-8")
    report, document = validate_file(path, "in.json")
    assert document.data["organisation"] == "Test BV"
    assert [(problem.code, problem.pointer, problem.location.line) for problem in report.problems] == [("reading.control_characters", "/organisation", 1)]
    set_language(None)


def test_defusedxml_used_by_openpyxl():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
