"""Word forms from worksheet content: every worksheet in both languages, and each block type's layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from kamgen.catalogue import WORKSHEETS, worksheet
from kamgen.content import load_content
from kamgen.render.forms import CHECKBOX, build_form

CONTENT = Path(__file__).resolve().parent.parent / "kamgen" / "content"
PRESENT = [sheet.number for sheet in WORKSHEETS if (CONTENT / f"ws{sheet.number:02d}.yaml").is_file()]
TIMESTAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
TITLE_PREFIX = {"nl": "Werkblad", "en": "Worksheet"}


def render(content: dict, language: str, tmp_path: Path) -> docx.document.Document:
    """Build, save and read back a form, so the checks see the file a user gets."""
    path = tmp_path / f"form-{language}.docx"
    build_form(content, language, version="0.1.0", timestamp=TIMESTAMP).save(path)
    return docx.Document(path)


def paragraph_texts(document) -> list[str]:
    """Return the text of every paragraph in the body, tables included, in document order."""
    return [Paragraph(element, document).text for element in document.element.body.iter(qn("w:p"))]


def footer_text(document) -> str:
    return " ".join(paragraph.text for section in document.sections for paragraph in section.footer.paragraphs)


def minimal(blocks: list[dict], **extra) -> dict:
    """Return a content dict for worksheet 1 with only the given blocks."""
    content = dict(load_content(1))
    content.update(blocks=blocks, **extra)
    return content


def text(nl: str, en: str | None = None) -> dict:
    return {"nl": nl, "en": en or nl}


def texts(nl: list[str], en: list[str] | None = None) -> dict:
    return {"nl": nl, "en": en or nl}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("number", PRESENT)
def test_form_shows_number_and_title(number, language, tmp_path):
    document = render(load_content(number), language, tmp_path)
    title = worksheet(number).title(language)
    heading = document.paragraphs[0]
    assert heading.style.name == "Heading 1"
    assert heading.text == f"{TITLE_PREFIX[language]} {number} – {title}"
    assert f"{TITLE_PREFIX[language]} {number} · {title}" in footer_text(document)
    assert document.core_properties.title == heading.text


@pytest.mark.parametrize("number", PRESENT)
def test_form_orientation_follows_content(number, tmp_path):
    content = load_content(number)
    section = render(content, "nl", tmp_path).sections[0]
    if content.get("orientation") == "landscape":
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert section.page_width > section.page_height
    else:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert section.page_width < section.page_height


def test_footer_has_page_fields(tmp_path):
    document = render(load_content(5), "en", tmp_path)
    footer = document.sections[0].footer._element
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "page 1 of 1" in footer_text(document)


def test_purpose_and_numbered_steps(tmp_path):
    content = load_content(7)
    texts_en = paragraph_texts(render(content, "en", tmp_path))
    assert f"Purpose: {content['purpose']['en']}" in texts_en
    steps = content["instructions"]["en"]
    for number, step in enumerate(steps, start=1):
        assert f"{number}.\t{step}" in texts_en


def test_statements_table_has_box_per_scale_value(tmp_path):
    block = {"type": "statements", "scale": "rating_1_5", "codes": ["D1", "D2"], "remarks": True,
             "items": texts(["Eerste stelling.", "Tweede stelling."], ["First statement.", "Second statement."])}
    table = render(minimal([block]), "en", tmp_path).tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["No.", "Statement", "1", "2", "3", "4", "5", "Remark"]
    assert [cell.text for cell in table.rows[1].cells] == ["D1", "First statement."] + [CHECKBOX] * 5 + [""]
    assert len(table.rows) == 3


def test_statements_legend_names_every_value(tmp_path):
    block = {"type": "statements", "scale": "attitude", "items": texts(["Houding."], ["Attitude."])}
    document = render(minimal([block]), "nl", tmp_path)
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[2:] == ["−2", "−1", "0", "+1", "+2"]
    legend = next(text for text in paragraph_texts(document) if text.startswith("Schaal:"))
    assert legend == "Schaal: −2 = tegenstander; −1 = sceptisch; 0 = neutraal; +1 = voorstander; +2 = coach"


def test_table_rows_labels_fill_and_total(tmp_path):
    block = {
        "type": "table", "rows": 4, "total": text("Totaal", "Total"),
        "columns": [text("Stap", "Step"), {"nl": "Status", "en": "Status", "fill": text("☐ open", "☐ open")}],
        "first_column": texts(["a", "b"]),
    }
    table = render(minimal([block]), "nl", tmp_path).tables[0]
    column = [row.cells[0].text for row in table.rows]
    # 1 header + max(4, 0 + 2) body rows + 1 total row = 6 rows.
    assert column == ["Stap", "a", "b", "", "", "Totaal"]
    assert [row.cells[1].text for row in table.rows[1:5]] == ["☐ open"] * 4


def test_table_header_repeats(tmp_path):
    block = {"type": "table", "columns": [text("A")], "rows": 2}
    table = render(minimal([block]), "nl", tmp_path).tables[0]
    properties = table.rows[0]._tr.trPr
    assert properties.find(qn("w:tblHeader")) is not None


def test_table_prefilled_cells_come_first(tmp_path):
    block = {
        "type": "table", "rows": 1,
        "columns": [text("Gegeven", "Detail"), text("Waarde", "Value")],
        "cells": {"nl": [["Executive sponsor", "☐ ja  ☐ nee"], ["Uren"]], "en": [["Executive sponsor", "☐ yes  ☐ no"], ["Hours"]]},
        "first_column": texts(["Laatste"], ["Last"]),
    }
    table = render(minimal([block]), "en", tmp_path).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    # 2 pre-filled rows + 1 first-column row = 3 body rows, more than rows: 1.
    assert rows == [["Detail", "Value"], ["Executive sponsor", "☐ yes  ☐ no"], ["Hours", ""], ["Last", ""]]


def test_table_row_lines_raise_row_height(tmp_path):
    block = {"type": "table", "columns": [text("A")], "rows": 1, "row_lines": 3}
    row = render(minimal([block]), "nl", tmp_path).tables[0].rows[1]
    # 3 lines × 0.9 cm = 2.7 cm = 1531 twips (2.7 / 2.54 × 1440, rounded down by python-docx's EMU maths).
    assert abs(row.height.cm - 2.7) < 0.01


def test_matrix_with_totals(tmp_path):
    block = {"type": "matrix", "corner": text("Code"), "totals": text("Totaal", "Total"),
             "row_labels": texts(["S1", "Z1"], ["S1", "W1"]), "column_labels": texts(["K1", "B1", "K2"], ["O1", "T1", "O2"])}
    table = render(minimal([block]), "en", tmp_path).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Code", "O1", "T1", "O2", "Total"]
    assert [row.cells[0].text for row in table.rows] == ["Code", "S1", "W1", "Total"]
    assert all(cell.text == "" for cell in table.rows[1].cells[1:])


def test_matrix_blank_rows(tmp_path):
    block = {"type": "matrix", "rows": 6, "column_labels": texts(["Idee 1", "Idee 2", "Idee 3"], ["Idea 1", "Idea 2", "Idea 3"])}
    table = render(minimal([block]), "en", tmp_path).tables[0]
    # 1 header + 6 blank rows; 1 label column + 3 idea columns.
    assert len(table.rows) == 7
    assert len(table.columns) == 4


def test_grid_lays_out_quadrants_with_axes(tmp_path):
    grid = next(block for block in load_content(8)["blocks"] if block["type"] == "grid")
    document = render(minimal([grid]), "nl", tmp_path)
    table = document.tables[0]
    assert len(table.rows) == 4
    assert table.cell(0, 2).paragraphs[0].text == "Ontwikkelklanten"
    assert table.cell(0, 3).paragraphs[0].text == "Strategische klanten"
    assert table.cell(1, 2).paragraphs[0].text == "Transactieklanten"
    assert table.cell(1, 3).paragraphs[0].text == "Grote klanten"
    assert [table.cell(0, 1).text, table.cell(1, 1).text] == ["Hoog", "Laag"]
    assert [table.cell(2, 2).text, table.cell(2, 3).text] == ["Laag", "Hoog"]
    assert table.cell(3, 2).text == "Huidige klantwaarde"
    axis = table.cell(0, 0)
    assert axis.text == "Toekomstpotentieel"
    assert axis._tc.tcPr.find(qn("w:textDirection")).get(qn("w:val")) == "btLr"
    assert "Aantal klanten:" in table.cell(0, 2).text


def test_fields_and_lines_are_dotted_writing_lines(tmp_path):
    blocks = [
        {"type": "fields", "fields": [text("Klant", "Customer"), text("Wie bedient de klant?", "Who serves the customer?")]},
        {"type": "lines", "label": text("Conclusie", "Conclusion"), "lines": 2},
    ]
    document = render(minimal(blocks), "en", tmp_path)
    paragraphs = [paragraph for paragraph in document.paragraphs if "\t" in paragraph.text and not paragraph.text[0].isdigit()]
    assert [paragraph.text.strip("\t\u200b") for paragraph in paragraphs] == ["Customer: ", "Who serves the customer? ", "", ""]
    for paragraph in paragraphs:
        tab = paragraph._p.pPr.find(qn("w:tabs")).find(qn("w:tab"))
        assert tab.get(qn("w:leader")) == "dot"


def test_checkboxes_inline_and_stacked(tmp_path):
    blocks = [
        {"type": "checkboxes", "inline": True, "options": texts(["ja", "nee"])},
        {"type": "checkboxes", "options": texts(["hoog", "laag"])},
    ]
    body = paragraph_texts(render(minimal(blocks), "nl", tmp_path))
    assert f"{CHECKBOX} ja     {CHECKBOX} nee" in body
    assert f"{CHECKBOX} hoog" in body
    assert f"{CHECKBOX} laag" in body


def test_questions_with_score_box(tmp_path):
    block = {"type": "questions", "heading": text("Groep", "Group"), "score": "rating_1_5",
             "fields": [text("Gekozen criterium", "Chosen criterion")], "items": texts(["Vraag?"], ["Question?"])}
    document = render(minimal([block]), "en", tmp_path)
    assert any(paragraph.style.name == "Heading 3" and paragraph.text == "Group" for paragraph in document.paragraphs)
    table = document.tables[0]
    assert table.cell(0, 1).text == "Score (1–5)"
    assert table.cell(0, 0).paragraphs[0].text == "Question?"
    assert table.cell(0, 0).paragraphs[0].style.name == "List Bullet"
    assert "Chosen criterion:" in table.cell(0, 0).text


def test_heading_note_paragraph_and_page_break(tmp_path):
    blocks = [
        {"type": "heading", "text": text("Deel", "Part")},
        {"type": "paragraph", "text": text("Uitleg.", "Explanation.")},
        {"type": "page_break"},
        {"type": "note", "text": text("Klein.", "Small.")},
        {"type": "scale", "scale": "importance_1_3"},
    ]
    document = render(minimal(blocks), "en", tmp_path)
    styles = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert styles["Part"] == "Heading 2"
    assert styles["Explanation."] == "Normal"
    assert styles["Small."] == "Kamgen Note"
    assert "Scale: 1 = useful; 2 = important; 3 = essential" in styles
    breaks = [node for node in document.element.body.iter(qn("w:br")) if node.get(qn("w:type")) == "page"]
    assert len(breaks) == 1


def test_unknown_block_type_raises(tmp_path):
    with pytest.raises(ValueError, match="unknown block type 'pie_chart'"):
        render(minimal([{"type": "pie_chart"}]), "nl", tmp_path)


def test_text_is_literal(tmp_path):
    block = {"type": "paragraph", "text": text("Jansen & Zn <BV> {{ x }}")}
    assert "Jansen & Zn <BV> {{ x }}" in paragraph_texts(render(minimal([block]), "nl", tmp_path))


def test_document_language_set_for_spelling(tmp_path):
    for language, tag in (("nl", "nl-NL"), ("en", "en-GB")):
        document = render(load_content(2), language, tmp_path)
        defaults = document.styles.element.find(qn("w:docDefaults"))
        assert defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == tag


def _has_axis_label(table) -> bool:
    return any(cell._tc.tcPr is not None and cell._tc.tcPr.find(qn("w:textDirection")) is not None for row in table.rows for cell in row.cells)


def test_purchasing_portfolio_is_two_by_two(tmp_path):
    grids = [table for table in render(load_content(14), "en", tmp_path).tables if _has_axis_label(table)]
    # 2 quadrant rows + column labels + x-axis label; axis, row-label and 2 quadrant columns.
    assert [(len(table.rows), len(table.columns)) for table in grids] == [(4, 4)]


def test_confrontation_matrix_on_landscape_page(tmp_path):
    document = render(load_content(22), "nl", tmp_path)
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert max(len(table.columns) for table in document.tables) >= 10


def test_brainwriting_grid_six_by_three(tmp_path):
    document = render(load_content(24), "en", tmp_path)
    grids = [table for table in document.tables if sum(cell.text.startswith("Idea") for cell in table.rows[0].cells) == 3]
    assert len(grids) == 1
    assert len(grids[0].rows) - 1 == 6


def test_project_planning_has_week_grid(tmp_path):
    document = render(load_content(28), "en", tmp_path)
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert max(len(table.columns) for table in document.tables) >= 13
