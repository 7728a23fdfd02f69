"""Generate kamgen's Word templates (``templates/*.docx``) with python-docx.

The templates are ordinary Word documents holding docxtpl tags, so a person
can open them in Word and restyle them. They are generated rather than drawn
by hand, so a change to the report shows up as a reviewable diff of this
script. The tags are documented in ``templates/README.md``.

Usage::

    python tools/make_templates.py            # write templates/klantportfolio.docx
    python tools/make_templates.py --check    # exit 1 when the committed file is out of date

The output is deterministic (fixed document properties, ZIP entry order and
timestamps), so ``--check`` compares bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kamgen.ooxml import normalise_package
from kamgen.render.charts import SEGMENT_COLOURS
from kamgen.render.word import (
    NUMPAGES_INSTRUCTION,
    PAGE_INSTRUCTION,
    TOC_INSTRUCTION,
    add_field,
    begin_field,
    end_field,
    keep_row_together,
    repeat_header_row,
    set_orientation,
    set_table_width_percent,
    shade_cell,
)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
PORTFOLIO_TEMPLATE = "klantportfolio.docx"
# The template's fixed creation date; the renderer replaces it with the input's period.
TEMPLATE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

PAGE_WIDTH = Cm(21.0)
PAGE_HEIGHT = Cm(29.7)
MARGIN = Cm(2.0)
TEXT_WIDTH_CM = 17.0
BODY_FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x38, 0x64)
HEADER_FILL = "D9E2F3"
TOTAL_FILL = "F2F2F2"
# Light versions of the chart colours, so a quadrant in the grid matches its bubbles.
QUADRANT_FILLS = {"transactional": "EEEEEE", "development": "FDEBD0", "large": "DCEAF5", "strategic": "DDEEDD"}
# The worksheet's layout: top-left development, top-right strategic,
# bottom-left transactional, bottom-right large.
GRID_ROWS = (("development", "strategic"), ("transactional", "large"))

TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"


# ---------------------------------------------------------------------------
# Styles and page furniture


def set_up_styles(document) -> None:
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    # East-Asian and complex-script fonts too, or Word falls back to its theme font for them.
    fonts = normal.element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), BODY_FONT)

    for name, size in (("Heading 1", 16), ("Heading 2", 12.5), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True

    title = styles["Title"]
    title.font.name = BODY_FONT
    title.font.size = Pt(30)
    title.font.color.rgb = ACCENT

    subtitle = styles["Subtitle"]
    subtitle.font.name = BODY_FONT
    subtitle.font.size = Pt(13)

    caption = styles["Caption"]
    caption.font.size = Pt(8.5)
    caption.font.italic = True
    caption.font.bold = False
    caption.font.color.rgb = RGBColor(0x40, 0x40, 0x40)

    table_text = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(8.5)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.quick_style = True

    table_heading = styles.add_style(TABLE_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    table_heading.base_style = table_text
    table_heading.font.bold = True
    table_heading.quick_style = True

    # Word's own name for the first level of a table of contents.
    toc = styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    toc.base_style = normal
    toc.paragraph_format.space_after = Pt(2)


def set_up_page(section, *, landscape: bool = False) -> None:
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    set_orientation(section, landscape)


def fill_header_footer(section) -> None:
    """Give the section its own header (organisation and period) and footer (page X of Y)."""
    section.header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.text = ""
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run("{{ doc.header }}")
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    section.footer.is_linked_to_previous = False
    footer = section.footer.paragraphs[0]
    footer.text = ""
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ label.page }} ")
    add_field(footer, PAGE_INSTRUCTION, "1")
    footer.add_run(" {{ label.page_of }} ")
    add_field(footer, NUMPAGES_INSTRUCTION, "1")
    for footer_run in footer.runs:
        footer_run.font.size = Pt(8)


def new_section(document, *, landscape: bool):
    """Start a section on a new page with its own header and footer."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    set_up_page(section, landscape=landscape)
    fill_header_footer(section)
    return section


# ---------------------------------------------------------------------------
# Paragraphs and tables


def paragraph(container, text: str = "", style: str | None = None, *, bold: bool = False, italic: bool = False,
              align=None, size: float | None = None):
    result = container.add_paragraph(style=style)
    if text:
        run = result.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        result.alignment = align
    return result


def tag(container, text: str):
    """Add a paragraph holding only a docxtpl paragraph tag (``{%p if … %}``); it vanishes when rendered."""
    return container.add_paragraph(text)


def cell_text(cell, text: str, *, style: str = TABLE_TEXT, bold: bool = False, align=None) -> None:
    """Write ``text`` into the first paragraph of an empty cell."""
    target = cell.paragraphs[0]
    target.style = style
    if text:
        run = target.add_run(text)
        run.bold = bold or None
    if align is not None:
        target.alignment = align


def set_widths(table, widths_cm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        column.set(qn("w:w"), str(int(Cm(width).twips)))


def set_caption(table, caption: str) -> None:
    """Give a table a title for screen readers (``w:tblCaption``)."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    properties = table._tbl.tblPr
    # tblCaption sits after the layout elements and before tblDescription in tblPr.
    properties.append(element)


def data_table(container, headers: list[str], cells: list[str], loop: str, widths_cm: list[float], *,
               right: frozenset[int] = frozenset(), total: list[str] | None = None, caption: str = ""):
    """Add a table: a repeating header row, one row per item of ``loop``, and an optional total row.

    ``headers`` and ``cells`` hold tags such as ``{{ label.col_name }}`` and
    ``{{ row.name }}``; ``loop`` is the Jinja ``for`` clause (``row in x.rows``).
    Columns in ``right`` are right-aligned (numbers).
    """
    row_count = 4 + (1 if total else 0)
    table = container.add_table(rows=row_count, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    header_row = table.rows[0]
    repeat_header_row(header_row)
    for index, (cell, text) in enumerate(zip(header_row.cells, headers)):
        cell_text(cell, text, style=TABLE_HEADING, align=WD_ALIGN_PARAGRAPH.RIGHT if index in right else None)
        shade_cell(cell, HEADER_FILL)

    cell_text(table.rows[1].cells[0], "{%tr for " + loop + " %}")
    data_row = table.rows[2]
    keep_row_together(data_row)
    for index, (cell, text) in enumerate(zip(data_row.cells, cells)):
        cell_text(cell, text, align=WD_ALIGN_PARAGRAPH.RIGHT if index in right else None)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")

    if total:
        total_row = table.rows[4]
        for index, (cell, text) in enumerate(zip(total_row.cells, total)):
            cell_text(cell, text, style=TABLE_HEADING, align=WD_ALIGN_PARAGRAPH.RIGHT if index in right else None)
            shade_cell(cell, TOTAL_FILL)

    set_widths(table, widths_cm)
    if caption:
        set_caption(table, caption)
    container.add_paragraph()
    return table


def chapter_start(document, condition: str, heading: str, intro: str) -> None:
    tag(document, "{%p if " + condition + " %}")
    document.add_heading(heading, level=1)
    paragraph(document, intro)


def chapter_end(document) -> None:
    tag(document, "{%p endif %}")


# ---------------------------------------------------------------------------
# The Klantportfolio template


def cover(document) -> None:
    for _ in range(5):
        document.add_paragraph()
    paragraph(document, "{{ label.title }}", "Title")
    paragraph(document, "{{ label.subtitle }}", "Subtitle")
    document.add_paragraph()
    paragraph(document, "{{ doc.organisation }}", size=16, bold=True)
    tag(document, "{%p if doc.business_unit %}")
    paragraph(document, "{{ label.business_unit }}: {{ doc.business_unit }}", size=12)
    tag(document, "{%p endif %}")
    paragraph(document, "{{ label.period }}: {{ doc.period }}", size=12)
    paragraph(document, "{{ label.date }}: {{ doc.date }}", size=12)
    tag(document, "{%p if doc.prepared_by %}")
    paragraph(document, "{{ label.prepared_by }}: {{ doc.prepared_by }}", size=12)
    tag(document, "{%p endif %}")
    for _ in range(8):
        document.add_paragraph()
    paragraph(document, "{{ label.made_with }}", italic=True, size=8.5)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def table_of_contents(document) -> None:
    """Add the TOC field; its first content is the chapter list, and Word rebuilds it on opening."""
    paragraph(document, "{{ label.toc }}", "TOC Heading")
    start = document.add_paragraph(style="toc 1")
    begin_field(start, TOC_INSTRUCTION, dirty=True)
    tag(document, "{%p for entry in toc %}")
    paragraph(document, "{{ entry.title }}", "toc 1")
    tag(document, "{%p endfor %}")
    end_field(document.add_paragraph(style="toc 1"))
    paragraph(document, "{{ label.toc_hint }}", "Caption")


def chapter_importance(document) -> None:
    chapter_start(document, "show.importance", "{{ heading.importance }}", "{{ label.intro_importance }}")

    tag(document, "{%p if show.concentration %}")
    document.add_heading("{{ label.concentration }}", level=2)
    data_table(
        document,
        ["{{ label.col_group }}", "{{ label.col_customers }}", "{{ label.col_revenue }}", "{{ label.col_revenue_share }}",
         "{{ label.col_profit }}", "{{ label.col_profit_share }}"],
        ["{{ row.group }}", "{{ row.customers }}", "{{ row.revenue }}", "{{ row.revenue_share }}", "{{ row.profit }}",
         "{{ row.profit_share }}"],
        "row in importance.concentration", [4.2, 1.8, 3.0, 2.3, 3.2, 2.5], right=frozenset({1, 2, 3, 4, 5}),
        total=["{{ importance.total.group }}", "{{ importance.total.customers }}", "{{ importance.total.revenue }}", "",
               "{{ importance.total.profit }}", ""],
        caption="Concentration",
    )
    paragraph(document, "{{ label.concentration_note }}", "Caption")
    tag(document, "{%p if show.pareto %}")
    paragraph(document, "{{ importance.pareto_chart }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(document, "{{ importance.pareto_caption }}", "Caption")
    tag(document, "{%p endif %}")
    tag(document, "{%p endif %}")

    tag(document, "{%p if show.drivers %}")
    document.add_heading("{{ label.drivers }}", level=2)
    data_table(
        document,
        ["{{ label.col_code }}", "{{ label.col_statement }}", "{{ label.col_rating }}", "{{ label.col_remark }}"],
        ["{{ driver.code }}", "{{ driver.statement }}", "{{ driver.rating }}", "{{ driver.remark }}"],
        "driver in importance.drivers", [1.3, 9.0, 1.5, 5.2], right=frozenset({2}), caption="Drivers",
    )
    document.add_heading("{{ label.verdict }}", level=2)
    paragraph(document, "{{ label.mean }}: {{ importance.mean }}")
    paragraph(document, "{{ label.urgency }}: {{ importance.urgency }}", bold=True)
    paragraph(document, "{{ importance.urgency_rule }}", "Caption")
    tag(document, "{%p endif %}")

    tag(document, "{%p if show.conclusion %}")
    document.add_heading("{{ label.conclusion }}", level=2)
    paragraph(document, "{{ importance.conclusion }}")
    tag(document, "{%p endif %}")

    chapter_end(document)


def chapter_criteria(document) -> None:
    chapter_start(document, "show.criteria", "{{ heading.criteria }}", "{{ label.intro_criteria }}")
    data_table(
        document,
        ["{{ label.col_code }}", "{{ label.col_axis }}", "{{ label.col_criteria_group }}", "{{ label.col_criterion }}",
         "{{ label.col_indicator }}", "{{ label.col_source }}", "{{ label.col_scoring }}"],
        ["{{ row.code }}", "{{ row.axis }}", "{{ row.group }}", "{{ row.name }}", "{{ row.indicator }}", "{{ row.source }}",
         "{{ row.scoring }}"],
        "row in criteria.rows", [1.0, 1.9, 2.4, 2.5, 2.4, 1.8, 5.0], caption="Criteria",
    )
    chapter_end(document)


def chapter_weights(document) -> None:
    chapter_start(document, "show.weights", "{{ heading.weights }}", "{{ label.intro_weights }}")
    tag(document, "{%p for axis in weights.axes %}")
    document.add_heading("{{ axis.title }}", level=2)
    data_table(
        document,
        ["{{ label.col_code }}", "{{ label.col_criterion }}", "{{ label.col_weight }}", "{{ label.col_weight_source }}"],
        ["{{ row.code }}", "{{ row.name }}", "{{ row.weight }}", "{{ row.source }}"],
        "row in axis.rows", [1.5, 8.0, 2.5, 5.0], right=frozenset({2}),
        total=["", "{{ label.total }}", "{{ axis.total }}", ""], caption="Weights",
    )
    tag(document, "{%p endfor %}")
    tag(document, "{%p for rule in weights.rules %}")
    paragraph(document, "{{ rule }}", "Caption")
    tag(document, "{%p endfor %}")
    chapter_end(document)


def chapter_classification(document) -> None:
    # A wide score table turns the chapter to landscape; the section breaks exist only then.
    tag(document, "{%p if show.classification %}")
    tag(document, "{%p if layout.classification_landscape %}")
    new_section(document, landscape=True)
    tag(document, "{%p endif %}")
    document.add_heading("{{ heading.classification }}", level=1)
    paragraph(document, "{{ label.intro_classification }}")

    document.add_heading("{{ label.thresholds }}", level=2)
    data_table(
        document,
        ["{{ label.col_axis }}", "{{ label.col_threshold }}", "{{ label.col_method }}"],
        ["{{ row.axis }}", "{{ row.value }}", "{{ row.method }}"],
        "row in classification.thresholds", [4.5, 2.5, 10.0], right=frozenset({1}), caption="Thresholds",
    )
    paragraph(document, "{{ classification.rule }}", "Caption")

    document.add_heading("{{ label.customers }}", level=2)
    data_table(
        document,
        ["{{ label.col_customer }}", "{{ label.col_revenue }}", "{{ label.col_profit }}", "{{ label.col_current_value }}",
         "{{ label.col_future_potential }}", "{{ label.col_computed }}", "{{ label.col_manual }}", "{{ label.col_differs }}"],
        ["{{ row.name }}", "{{ row.revenue }}", "{{ row.profit }}", "{{ row.current_value }}", "{{ row.future_potential }}",
         "{{ row.computed }}", "{{ row.manual }}", "{{ row.differs }}"],
        "row in classification.customers", [3.3, 2.3, 2.3, 1.6, 2.0, 2.1, 2.1, 1.3], right=frozenset({1, 2, 3, 4}),
        caption="Customers",
    )
    tag(document, "{%p if classification.table_note %}")
    paragraph(document, "{{ classification.table_note }}", "Caption")
    tag(document, "{%p endif %}")

    tag(document, "{%p if show.differences %}")
    document.add_heading("{{ label.differences }}", level=2)
    tag(document, "{%p for line in classification.differences %}")
    paragraph(document, "{{ line }}", "List Bullet")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endif %}")

    tag(document, "{%p if show.remarks %}")
    document.add_heading("{{ label.remarks }}", level=2)
    tag(document, "{%p for item in classification.remarks %}")
    item = paragraph(document, "", "List Bullet")
    item.add_run("{{ item.name }}: ").bold = True
    item.add_run("{{ item.remark }}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endif %}")

    tag(document, "{%p if show.scores %}")
    document.add_heading("{{ label.scores }}", level=2)
    paragraph(document, "{{ label.intro_scores }}")
    scores_table(document)
    tag(document, "{%p if classification.table_note %}")
    paragraph(document, "{{ classification.table_note }}", "Caption")
    tag(document, "{%p endif %}")
    tag(document, "{%p for line in classification.scores.legend %}")
    paragraph(document, "{{ line }}", "Caption")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endif %}")

    tag(document, "{%p if layout.classification_landscape %}")
    new_section(document, landscape=False)
    tag(document, "{%p endif %}")
    tag(document, "{%p endif %}")


def scores_table(document) -> None:
    """Add the score table: one column per criterion (``{%tc for %}``), without fixed widths."""
    table = document.add_table(rows=4, cols=6)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, loop_start, data, loop_end = table.rows
    repeat_header_row(header)
    right = WD_ALIGN_PARAGRAPH.RIGHT

    header_texts = ["{{ label.col_customer }}", "{%tc for column in classification.scores.columns %}", "{{ column }}",
                    "{%tc endfor %}", "{{ label.col_current_value }}", "{{ label.col_future_potential }}"]
    for index, (cell, text) in enumerate(zip(header.cells, header_texts)):
        cell_text(cell, text, style=TABLE_HEADING, align=right if index else None)
        shade_cell(cell, HEADER_FILL)

    cell_text(loop_start.cells[0], "{%tr for row in classification.scores.rows %}")
    data_texts = ["{{ row.name }}", "{%tc for value in row.cells %}", "{{ value }}", "{%tc endfor %}",
                  "{{ row.current_value }}", "{{ row.future_potential }}"]
    for index, (cell, text) in enumerate(zip(data.cells, data_texts)):
        cell_text(cell, text, align=right if index else None)
    keep_row_together(data)
    cell_text(loop_end.cells[0], "{%tr endfor %}")

    # The number of columns is only known when rendering: no fixed widths, the table spans the text width.
    for row in table.rows:
        for cell in row.cells:
            properties = cell._tc.tcPr
            width = properties.find(qn("w:tcW")) if properties is not None else None
            if width is not None:
                properties.remove(width)
    set_table_width_percent(table, 100)
    set_caption(table, "Scores")
    document.add_paragraph()


def chapter_procedure(document) -> None:
    chapter_start(document, "show.procedure", "{{ heading.procedure }}", "{{ label.intro_procedure }}")
    data_table(
        document,
        ["{{ label.col_number }}", "{{ label.col_step }}", "{{ label.col_owner }}", "{{ label.col_date }}",
         "{{ label.col_status }}", "{{ label.col_result }}"],
        ["{{ step.number }}", "{{ step.step }}", "{{ step.owner }}", "{{ step.date }}", "{{ step.status }}", "{{ step.result }}"],
        "step in procedure.steps", [1.0, 5.6, 2.6, 2.4, 1.6, 3.8], right=frozenset({0}), caption="Procedure",
    )
    paragraph(document, "{{ procedure.progress }}", bold=True)
    chapter_end(document)


def quadrant_cell(cell, key: str) -> None:
    """Fill one quadrant of the portfolio grid: name, count, shares and examples of segment ``key``."""
    prefix = f"matrix.grid.{key}"
    cell_text(cell, "{{ " + prefix + ".title }}", style=TABLE_HEADING)
    lines = [
        "{{ label.grid_customers }}: {{ " + prefix + ".customers }} ({{ " + prefix + ".customer_share }})",
        "{{ label.grid_revenue }}: {{ " + prefix + ".revenue }} ({{ " + prefix + ".revenue_share }})",
        "{{ label.grid_profit }}: {{ " + prefix + ".profit }} ({{ " + prefix + ".profit_share }})",
        "{{ label.grid_examples }}: {{ " + prefix + ".examples }}",
    ]
    for line in lines:
        paragraph(cell, line, TABLE_TEXT)
    shade_cell(cell, QUADRANT_FILLS[key])


def strategy_cell(cell, key: str) -> None:
    """Fill one quadrant of the strategy matrix for segment ``key``."""
    prefix = f"strategies.{key}"
    cell_text(cell, "{{ " + prefix + ".title }}", style=TABLE_HEADING)
    paragraph(cell, "{{ " + prefix + ".strategy_type }}", TABLE_TEXT, italic=True)
    core = paragraph(cell, "", TABLE_TEXT)
    core.add_run("{{ label.core_strategy }}: ").bold = True
    core.add_run("{{ " + prefix + ".core_strategy }}")
    tag(cell, "{%p if " + prefix + ".summary %}")
    paragraph(cell, "{{ " + prefix + ".summary }}", TABLE_TEXT)
    tag(cell, "{%p endif %}")
    tag(cell, "{%p for area in " + prefix + ".sub_areas %}")
    area = paragraph(cell, "", TABLE_TEXT)
    area.add_run("{{ area.label }}: ").bold = True
    area.add_run("{{ area.text }}")
    tag(cell, "{%p endfor %}")
    tag(cell, "{%p for point in " + prefix + ".points %}")
    paragraph(cell, "• {{ point }}", TABLE_TEXT)
    tag(cell, "{%p endfor %}")
    shade_cell(cell, QUADRANT_FILLS[key])


def two_by_two(document, fill, caption: str, *, with_axes: bool) -> None:
    """Add a 2×2 grid laid out as the worksheet; ``with_axes`` adds the axis labels around it."""
    if with_axes:
        table = document.add_table(rows=3, cols=3)
        widths = [2.6, 7.2, 7.2]
    else:
        table = document.add_table(rows=2, cols=2)
        widths = [8.5, 8.5]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    offset = 1 if with_axes else 0
    for row_index, keys in enumerate(GRID_ROWS):
        row = table.rows[row_index]
        keep_row_together(row)
        for column_index, key in enumerate(keys):
            fill(row.cells[column_index + offset], key)

    if with_axes:
        for row_index, level in enumerate(("high", "low")):
            axis_cell = table.rows[row_index].cells[0]
            cell_text(axis_cell, "{{ label.axis_future_potential }}", style=TABLE_HEADING)
            paragraph(axis_cell, "{{ label." + level + " }}", TABLE_TEXT)
        bottom = table.rows[2]
        for column_index, level in enumerate(("low", "high")):
            axis_cell = bottom.cells[column_index + 1]
            cell_text(axis_cell, "{{ label.axis_current_value }}: {{ label." + level + " }}", style=TABLE_HEADING,
                      align=WD_ALIGN_PARAGRAPH.CENTER)

    set_widths(table, widths)
    set_caption(table, caption)
    document.add_paragraph()


def chapter_matrix(document) -> None:
    chapter_start(document, "show.matrix", "{{ heading.matrix }}", "{{ label.intro_matrix }}")
    document.add_heading("{{ label.grid }}", level=2)
    two_by_two(document, quadrant_cell, "Portfolio", with_axes=True)
    tag(document, "{%p for note in matrix.notes %}")
    paragraph(document, "{{ note }}", "Caption")
    tag(document, "{%p endfor %}")

    document.add_heading("{{ label.segment_table }}", level=2)
    data_table(
        document,
        ["{{ label.col_segment }}", "{{ label.col_customers }}", "{{ label.col_customer_share }}", "{{ label.col_revenue }}",
         "{{ label.col_revenue_share }}", "{{ label.col_profit }}", "{{ label.col_profit_share }}"],
        ["{{ row.segment }}", "{{ row.customers }}", "{{ row.customer_share }}", "{{ row.revenue }}", "{{ row.revenue_share }}",
         "{{ row.profit }}", "{{ row.profit_share }}"],
        "row in matrix.segments", [3.2, 1.8, 1.9, 2.5, 1.9, 2.8, 2.9], right=frozenset({1, 2, 3, 4, 5, 6}),
        total=["{{ label.total }}", "{{ matrix.total.customers }}", "{{ matrix.total.customer_share }}",
               "{{ matrix.total.revenue }}", "{{ matrix.total.revenue_share }}", "{{ matrix.total.profit }}",
               "{{ matrix.total.profit_share }}"],
        caption="Segments",
    )

    tag(document, "{%p if show.bubble %}")
    document.add_heading("{{ label.bubble }}", level=2)
    paragraph(document, "{{ matrix.bubble_chart }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(document, "{{ matrix.bubble_caption }}", "Caption")
    tag(document, "{%p endif %}")
    chapter_end(document)


def chapter_strategies(document) -> None:
    chapter_start(document, "show.strategies", "{{ heading.strategies }}", "{{ label.intro_strategies }}")
    two_by_two(document, strategy_cell, "Strategies", with_axes=False)
    chapter_end(document)


def chapter_service(document) -> None:
    chapter_start(document, "show.service", "{{ heading.service }}", "{{ label.intro_service }}")
    document.add_heading("{{ label.service_table }}", level=2)
    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, loop_start, data, loop_end = table.rows
    repeat_header_row(header)
    cell_text(header.cells[0], "{{ label.col_aspect }}", style=TABLE_HEADING)
    shade_cell(header.cells[0], HEADER_FILL)
    for index in range(4):
        cell_text(header.cells[index + 1], "{{ service.columns[" + str(index) + "] }}", style=TABLE_HEADING)
        shade_cell(header.cells[index + 1], HEADER_FILL)
    cell_text(loop_start.cells[0], "{%tr for row in service.rows %}")
    cell_text(data.cells[0], "{{ row.label }}", style=TABLE_HEADING)
    for index in range(4):
        cell_text(data.cells[index + 1], "{{ row.cells[" + str(index) + "] }}")
    keep_row_together(data)
    cell_text(loop_end.cells[0], "{%tr endfor %}")
    set_widths(table, [3.4, 3.4, 3.4, 3.4, 3.4])
    set_caption(table, "Service concepts")
    document.add_paragraph()

    tag(document, "{%p if show.visit_load %}")
    document.add_heading("{{ label.visit_load }}", level=2)
    data_table(
        document,
        ["{{ label.col_segment }}", "{{ label.col_customers }}", "{{ label.col_visits }}", "{{ label.col_visit_load }}",
         "{{ label.col_hours }}", "{{ label.col_hours_load }}"],
        ["{{ row.segment }}", "{{ row.customers }}", "{{ row.visits }}", "{{ row.visit_load }}", "{{ row.hours }}",
         "{{ row.hours_load }}"],
        "row in service.load", [4.0, 2.0, 3.0, 2.8, 2.4, 2.8], right=frozenset({1, 2, 3, 4, 5}),
        total=["{{ label.total }}", "{{ service.load_total.customers }}", "", "{{ service.load_total.visit_load }}", "",
               "{{ service.load_total.hours_load }}"],
        caption="Visit load",
    )
    tag(document, "{%p endif %}")
    chapter_end(document)


def chapter_warnings(document) -> None:
    document.add_heading("{{ heading.warnings }}", level=1)
    tag(document, "{%p if show.warnings %}")
    paragraph(document, "{{ label.intro_warnings }}")
    data_table(
        document,
        ["{{ label.col_worksheet }}", "{{ label.col_message }}"],
        ["{{ item.worksheet }}", "{{ item.message }}"],
        "item in warnings", [2.2, 14.8], right=frozenset({0}), caption="Warnings",
    )
    tag(document, "{%p else %}")
    paragraph(document, "{{ label.no_warnings }}")
    tag(document, "{%p endif %}")


def chapter_completeness(document) -> None:
    document.add_heading("{{ heading.completeness }}", level=1)
    paragraph(document, "{{ label.intro_completeness }}")
    data_table(
        document,
        ["{{ label.col_worksheet }}", "{{ label.col_title }}", "{{ label.col_status }}"],
        ["{{ row.number }}", "{{ row.title }}", "{{ row.status }}"],
        "row in completeness.rows", [2.2, 11.3, 3.5], right=frozenset({0}), caption="Completeness",
    )
    paragraph(document, "{{ completeness.summary }}", bold=True)


def build_portfolio_template():
    """Return the Klantportfolio template as a python-docx Document."""
    document = Document()
    set_up_styles(document)

    # The cover and the table of contents form the first section; its first page has no header.
    first = document.sections[0]
    set_up_page(first)
    first.different_first_page_header_footer = True
    fill_header_footer(first)

    cover(document)
    table_of_contents(document)
    new_section(document, landscape=False)

    chapter_importance(document)
    chapter_criteria(document)
    chapter_weights(document)
    chapter_classification(document)
    chapter_procedure(document)
    chapter_matrix(document)
    chapter_strategies(document)
    chapter_service(document)
    chapter_warnings(document)
    chapter_completeness(document)

    properties = document.core_properties
    properties.author = "kamgen"
    properties.last_modified_by = "kamgen"
    properties.title = "Klantportfolio"
    properties.subject = "kamgen template"
    properties.comments = ""
    properties.keywords = ""
    properties.revision = 1
    properties.created = TEMPLATE_DATE.replace(tzinfo=None)
    properties.modified = TEMPLATE_DATE.replace(tzinfo=None)
    properties.last_printed = TEMPLATE_DATE.replace(tzinfo=None)
    return document


TEMPLATES = {PORTFOLIO_TEMPLATE: build_portfolio_template}


def write_template(name: str, target: Path) -> Path:
    """Write template ``name`` to ``target`` deterministically."""
    document = TEMPLATES[name]()
    document.save(str(target))
    normalise_package(target, TEMPLATE_DATE)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate kamgen's Word templates.")
    parser.add_argument("--check", action="store_true", help="exit 1 when a committed template differs from a fresh one")
    parser.add_argument("--output", type=Path, default=TEMPLATES_DIR, help="folder to write to (default: templates/)")
    arguments = parser.parse_args(argv)

    if arguments.check:
        stale = []
        with tempfile.TemporaryDirectory() as folder:
            for name in TEMPLATES:
                fresh = write_template(name, Path(folder) / name)
                committed = arguments.output / name
                if not committed.is_file() or committed.read_bytes() != fresh.read_bytes():
                    stale.append(name)
        for name in stale:
            print(f"{name} is out of date; run python tools/make_templates.py", file=sys.stderr)
        return 1 if stale else 0

    arguments.output.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        print(write_template(name, arguments.output / name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
