"""Word forms of the blank pack, built with python-docx from the worksheet content files.

:func:`build_form` makes one worksheet's form, :func:`build_combined` the
document with a cover, a table of contents and all forms. Both return a
python-docx ``Document``; :mod:`kamgen.pack` saves and normalises it. The
block vocabulary is described in ``kamgen/content/README.md``;
:func:`content_problems` checks a content file against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kamgen.i18n import LANGUAGES, t

BLOCK_TYPES = (
    "heading", "paragraph", "note", "fields", "lines", "questions", "statements",
    "table", "checkboxes", "grid", "matrix", "scale", "page_break",
)
ORIENTATIONS = ("portrait", "landscape")
CHECKBOX = "☐"
ZERO_WIDTH_SPACE = "\u200b"

# A4 with 2 cm margins all round; in centimetres.
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.0
FOOTER_DISTANCE_CM = 1.0

FONT_NAME = "Arial"
BODY_FONT_SIZE_PT = 10
HEADER_FONT_SIZE_PT = 9
NOTE_FONT_SIZE_PT = 8
NOTE_COLOUR = "595959"
HEADER_FILL = "D9D9D9"
TITLE_FILL = "F2F2F2"

# Tables with at most this many rows are kept on one page.
KEEP_TOGETHER_MAX_ROWS = 10

# Room to write: body rows of tables and matrices are at least this high.
ROW_HEIGHT_CM = 0.9
WRITING_LINE_SPACE_PT = 9
DEFAULT_WRITING_LINES = 3
DEFAULT_TABLE_ROWS = 5
GRID_CELL_LINES = 3

# Fixed column widths; the remaining width is shared by the flexible columns.
CODE_COLUMN_CM = 1.3
SCALE_COLUMN_CM = 1.0
REMARK_COLUMN_CM = 4.0
SCORE_COLUMN_CM = 2.6
AXIS_COLUMN_CM = 0.9
GRID_LABEL_COLUMN_CM = 1.4
MATRIX_LABEL_COLUMN_CM = 3.5
MATRIX_TOTAL_COLUMN_CM = 1.6
MATRIX_MIN_COLUMN_CM = 0.8
# Space kept free between a cell's edge and the end of a writing line in it.
CELL_PADDING_CM = 0.6

FORM_STYLES = ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "Kamgen Note")
TOC_BOOKMARK = "_TocWorksheet{number:02d}"
TOC_INSTRUCTION = ' TOC \\o "1-1" \\h \\z \\u '
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


@dataclass(frozen=True)
class PageSetup:
    orientation: str

    @property
    def width_cm(self) -> float:
        return PAGE_HEIGHT_CM if self.orientation == "landscape" else PAGE_WIDTH_CM

    @property
    def height_cm(self) -> float:
        return PAGE_WIDTH_CM if self.orientation == "landscape" else PAGE_HEIGHT_CM

    @property
    def text_width_cm(self) -> float:
        return self.width_cm - 2 * MARGIN_CM


# ---------------------------------------------------------------------------
# Checking content files


def _is_text(value) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(language), str) and value.get(language).strip() for language in LANGUAGES)


def _is_text_list(value) -> bool:
    if not isinstance(value, dict):
        return False
    lists = [value.get(language) for language in LANGUAGES]
    if not all(isinstance(items, list) for items in lists):
        return False
    if len({len(items) for items in lists}) != 1:
        return False
    return all(isinstance(item, str) and item.strip() for items in lists for item in items)


def _is_cell_rows(value, width: int) -> bool:
    if not isinstance(value, dict) or not all(isinstance(value.get(language), list) for language in LANGUAGES):
        return False
    shapes = {tuple(len(row) if isinstance(row, list) else -1 for row in value[language]) for language in LANGUAGES}
    if len(shapes) != 1:
        return False
    rows = [row for language in LANGUAGES for row in value[language]]
    return all(0 < len(row) <= width and all(isinstance(cell, str) for cell in row) for row in rows)


def _scale_ids(content: dict) -> set[str]:
    from kamgen.content import load_scales

    return set(load_scales()) | set(content.get("scales") or {})


def content_problems(content: dict) -> list[str]:
    """List what is wrong with a worksheet content file, in developer English; empty when valid."""
    problems: list[str] = []
    where = f"ws{content.get('number', '?')}"

    def need(condition: bool, message: str) -> None:
        if not condition:
            problems.append(f"{where}: {message}")

    need(isinstance(content.get("number"), int), "number must be a whole number")
    need(_is_text(content.get("title")), "title must be {nl, en}")
    need(_is_text(content.get("purpose")), "purpose must be {nl, en}")
    need(_is_text_list(content.get("instructions")), "instructions must be {nl: [...], en: [...]} of equal length")
    need(content.get("orientation", "portrait") in ORIENTATIONS, f"orientation must be one of {ORIENTATIONS}")
    scales = _scale_ids(content)
    for name, scale in (content.get("scales") or {}).items():
        problems.extend(f"{where}: scale {name}: {message}" for message in _scale_problems(scale))

    blocks = content.get("blocks")
    need(isinstance(blocks, list) and blocks, "blocks must be a non-empty list")
    for index, block in enumerate(blocks or []):
        problems.extend(f"{where}: block {index + 1}: {message}" for message in _block_problems(block, scales))

    for name, entries in (content.get("lists") or {}).items():
        if not isinstance(entries, list):
            problems.append(f"{where}: list {name} must be a list")
            continue
        for entry in entries:
            if not (isinstance(entry, dict) and "id" in entry and _is_text(entry)):
                problems.append(f"{where}: list {name}: entry {entry!r} needs id, nl and en")
    return problems


def _scale_problems(scale) -> list[str]:
    if not isinstance(scale, dict) or not isinstance(scale.get("min"), int) or not isinstance(scale.get("max"), int):
        return ["needs whole-number min and max"]
    if not _is_text_list(scale.get("labels")):
        return ["labels must be {nl: [...], en: [...]} of equal length"]
    expected = scale["max"] - scale["min"] + 1
    if len(scale["labels"]["nl"]) != expected:
        return [f"needs {expected} labels, one per value"]
    return []


def _block_problems(block, scales: set[str]) -> list[str]:
    if not isinstance(block, dict) or block.get("type") not in BLOCK_TYPES:
        return [f"unknown block type {block.get('type') if isinstance(block, dict) else block!r}"]
    kind = block["type"]
    problems: list[str] = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            problems.append(f"{kind}: {message}")

    if "heading" in block:
        need(_is_text(block["heading"]), "heading must be {nl, en}")
    if kind in ("heading", "paragraph", "note"):
        need(_is_text(block.get("text")), "text must be {nl, en}")
    elif kind == "fields":
        fields = block.get("fields")
        need(isinstance(fields, list) and fields and all(_is_text(field) for field in fields), "fields must be a list of {nl, en}")
        need(block.get("columns", 1) in (1, 2), "columns must be 1 or 2")
    elif kind == "lines":
        need("label" not in block or _is_text(block["label"]), "label must be {nl, en}")
        need(isinstance(block.get("lines", DEFAULT_WRITING_LINES), int), "lines must be a whole number")
    elif kind == "questions":
        need(_is_text_list(block.get("items")), "items must be {nl: [...], en: [...]}")
        need(isinstance(block.get("lines", 0), int), "lines must be a whole number")
        need("score" not in block or block["score"] in scales, f"unknown scale {block.get('score')!r}")
        need("fields" not in block or all(_is_text(field) for field in block["fields"]), "fields must be a list of {nl, en}")
    elif kind == "statements":
        need(_is_text_list(block.get("items")), "items must be {nl: [...], en: [...]}")
        need(block.get("scale") in scales, f"unknown scale {block.get('scale')!r}")
        if "codes" in block and _is_text_list(block.get("items")):
            need(len(block["codes"]) == len(block["items"]["nl"]), "codes must match the items one to one")
    elif kind == "table":
        columns = block.get("columns")
        need(isinstance(columns, list) and columns and all(_is_text(column) for column in columns), "columns must be a list of {nl, en}")
        for column in columns or []:
            if isinstance(column, dict) and "fill" in column:
                need(_is_text(column["fill"]), "a column's fill must be {nl, en}")
        need("first_column" not in block or _is_text_list(block["first_column"]), "first_column must be {nl: [...], en: [...]}")
        need("total" not in block or _is_text(block["total"]), "total must be {nl, en}")
        need(isinstance(block.get("row_lines", 1), int) and block.get("row_lines", 1) >= 1, "row_lines must be a whole number ≥ 1")
        if "cells" in block:
            need(_is_cell_rows(block["cells"], len(columns or [])), "cells must be {nl: [[...]], en: [[...]]}: the same rows in both languages, at most one string per column")
    elif kind == "checkboxes":
        need(_is_text_list(block.get("options")), "options must be {nl: [...], en: [...]}")
    elif kind == "grid":
        axis = block.get("axis") or {}
        need(_is_text(axis.get("x")) and _is_text(axis.get("y")), "axis needs x and y as {nl, en}")
        need(_is_text_list(block.get("row_labels")) and _is_text_list(block.get("column_labels")), "row_labels and column_labels must be text lists")
        cells = block.get("cells")
        rows = len(block.get("row_labels", {}).get("nl", [])) if _is_text_list(block.get("row_labels")) else -1
        columns = len(block.get("column_labels", {}).get("nl", [])) if _is_text_list(block.get("column_labels")) else -1
        need(isinstance(cells, list) and len(cells) == rows and all(isinstance(row, list) and len(row) == columns for row in cells), "cells must have one row per row label and one cell per column label")
        for row in cells if isinstance(cells, list) else []:
            for cell in row if isinstance(row, list) else []:
                need(isinstance(cell, dict) and _is_text(cell.get("title")), "every cell needs a title")
                if isinstance(cell, dict):
                    need("text" not in cell or _is_text(cell["text"]), "a cell's text must be {nl, en}")
                    need("fields" not in cell or all(_is_text(field) for field in cell["fields"]), "a cell's fields must be a list of {nl, en}")
    elif kind == "matrix":
        need(_is_text_list(block.get("row_labels")) or block.get("rows"), "row_labels or rows is needed")
        need("row_labels" not in block or _is_text_list(block["row_labels"]), "row_labels must be a text list")
        need(_is_text_list(block.get("column_labels")), "column_labels must be a text list")
        need("corner" not in block or _is_text(block["corner"]), "corner must be {nl, en}")
        need("totals" not in block or _is_text(block["totals"]), "totals must be {nl, en}")
    elif kind == "scale":
        need(block.get("scale") in scales, f"unknown scale {block.get('scale')!r}")
    return problems


# ---------------------------------------------------------------------------
# Low-level Word XML helpers


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _element(tag: str, **attributes: str):
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), value)
    return element


# Schema order of the children of w:tcPr and w:trPr; Word rejects files that break it.
_TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")


def _insert_ordered(parent, child, order: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` at its schema position, replacing an element of the same tag."""
    tag = child.tag
    for existing in parent.findall(tag):
        parent.remove(existing)
    position = order.index(next(name for name in order if _qn(name) == tag))
    later = {_qn(name) for name in order[position + 1:]}
    for index, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(index, child)
            return
    parent.append(child)


def _shade(cell, fill: str) -> None:
    _insert_ordered(cell._tc.get_or_add_tcPr(), _element("w:shd", val="clear", color="auto", fill=fill), _TCPR_ORDER)


def _clear_borders(cell, keep: tuple[str, ...] = ()) -> None:
    borders = _element("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        if side in keep:
            borders.append(_element(f"w:{side}", val="single", sz="4", space="0", color="auto"))
        else:
            borders.append(_element(f"w:{side}", val="nil"))
    _insert_ordered(cell._tc.get_or_add_tcPr(), borders, _TCPR_ORDER)


def _rotate_text(cell) -> None:
    _insert_ordered(cell._tc.get_or_add_tcPr(), _element("w:textDirection", val="btLr"), _TCPR_ORDER)


def _row_properties(row, *, header: bool = False, keep_together: bool = False, height_cm: float | None = None) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    if height_cm is not None:
        row.height = Cm(height_cm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    properties = row._tr.get_or_add_trPr()
    if keep_together:
        _insert_ordered(properties, _element("w:cantSplit"), _TRPR_ORDER)
    if header:
        _insert_ordered(properties, _element("w:tblHeader"), _TRPR_ORDER)


def _cells(table, row_index: int) -> list:
    """Return the cells of one row; python-docx's ``row.cells`` walks the whole table on every call."""
    from docx.table import _Cell

    return [_Cell(tc, table) for tc in table._tbl.tr_lst[row_index].tc_lst]


def _add_field(paragraph, instruction: str, cached: str) -> None:
    """Append a complex field (PAGE, NUMPAGES) that shows ``cached`` until the program updates it."""
    for element in _field_elements(instruction, cached):
        paragraph._p.append(element)


# ---------------------------------------------------------------------------
# Document setup


def new_document(language: str):
    """Return an empty A4 document with kamgen's form styles and the language set for spelling."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    styles = document.styles

    normal = styles["Normal"]
    _set_font(normal, FONT_NAME)
    normal.font.size = Pt(BODY_FONT_SIZE_PT)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.space_before = Pt(0)

    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = styles[name]
        _set_font(style, FONT_NAME)
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(10 if name != "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True

    for name in ("Title", "Subtitle", "TOC Heading", "List Bullet"):
        _set_font(styles[name], FONT_NAME)

    _set_document_language(document, LANGUAGE_TAGS[language])
    _ensure_toc_style(document)

    note = styles.add_style("Kamgen Note", 1)
    note.base_style = normal
    note.font.size = Pt(NOTE_FONT_SIZE_PT)
    note.font.color.rgb = RGBColor.from_string(NOTE_COLOUR)

    _setup_section(document.sections[0], PageSetup("portrait"))
    return document


def _set_font(style, name: str) -> None:
    """Use one named font for all scripts; the template's theme fonts differ between Word and LibreOffice."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attribute), name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(_qn(attribute), None)


def _set_document_language(document, tag: str) -> None:
    styles_element = document.styles.element
    defaults = styles_element.find(_qn("w:docDefaults"))
    run_defaults = defaults.find(_qn("w:rPrDefault"))
    properties = run_defaults.find(_qn("w:rPr"))
    language = properties.find(_qn("w:lang"))
    if language is None:
        language = _element("w:lang")
        properties.append(language)
    language.set(_qn("w:val"), tag)
    language.set(_qn("w:eastAsia"), tag)


def _ensure_toc_style(document) -> None:
    """Add the built-in ``toc 1`` paragraph style (dotted tab to the page number) if the template lacks it."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    if any(style.name == "toc 1" for style in document.styles):
        return
    style = document.styles.add_style("toc 1", 1)
    style.element.set(_qn("w:styleId"), "TOC1")
    style.base_style = document.styles["Normal"]
    style.paragraph_format.space_after = Pt(4)
    style.paragraph_format.tab_stops.add_tab_stop(Cm(PageSetup("portrait").text_width_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _setup_section(section, page: PageSetup) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.LANDSCAPE if page.orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width = Cm(page.width_cm)
    section.page_height = Cm(page.height_cm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.footer_distance = Cm(FOOTER_DISTANCE_CM)
    section.header_distance = Cm(FOOTER_DISTANCE_CM)


def set_properties(document, title: str, language: str, timestamp: dt.datetime, version: str) -> None:
    """Fill the document properties from fixed values, so two runs write the same bytes."""
    properties = document.core_properties
    properties.title = title
    properties.subject = ""
    properties.author = "kamgen"
    properties.last_modified_by = "kamgen"
    properties.comments = f"kamgen {version}"
    properties.language = LANGUAGE_TAGS[language]
    properties.revision = 1
    properties.created = timestamp
    properties.modified = timestamp
    properties.last_printed = timestamp


def _request_field_update(document) -> None:
    """Ask Word to refresh fields (the table of contents) when it opens the document."""
    settings = document.settings.element
    for existing in settings.findall(_qn("w:updateFields")):
        settings.remove(existing)
    update = _element("w:updateFields", val="true")
    # w:updateFields comes before these elements in the schema order of w:settings.
    successors = {_qn(f"w:{name}") for name in (
        "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
        "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
    )}
    for index, child in enumerate(settings):
        if child.tag in successors:
            settings.insert(index, update)
            return
    settings.append(update)


# ---------------------------------------------------------------------------
# One worksheet


class FormWriter:
    """Write the blocks of one worksheet into a document, in one language."""

    def __init__(self, document, content: dict, language: str, page: PageSetup):
        from kamgen.content import load_scales

        self.document = document
        self.content = content
        self.language = language
        self.page = page
        self.scales = {**load_scales(), **(content.get("scales") or {})}
        # Looking a style up by name scans all styles; forms add thousands of paragraphs.
        self.styles = {name: document.styles[name] for name in FORM_STYLES}
        self.table_style = document.styles["Table Grid"]

    def paragraph(self, container, text: str = "", style: str | None = None):
        paragraph = container.add_paragraph(text)
        if style:
            # Setting the style id directly skips python-docx's search for the default style.
            paragraph._p.get_or_add_pPr().style = self.styles[style].style_id
        return paragraph

    def text(self, value: dict) -> str:
        return value[self.language]

    def texts(self, value: dict) -> list[str]:
        return list(value[self.language])

    # -- furniture -----------------------------------------------------------

    def write_title(self, bookmark: str | None = None) -> None:
        number = self.content["number"]
        title = t("pack.form_title", self.language, number=number, title=self.text(self.content["title"]))
        heading = self.paragraph(self.document, style="Heading 1")
        if bookmark:
            heading._p.append(_element("w:bookmarkStart", id=str(number), name=bookmark))
        heading.add_run(title)
        if bookmark:
            heading._p.append(_element("w:bookmarkEnd", id=str(number)))

        purpose = self.document.add_paragraph()
        purpose.add_run(t("pack.purpose", self.language) + ": ").bold = True
        purpose.add_run(self.text(self.content["purpose"]))

        self.paragraph(self.document, t("pack.instructions", self.language), "Heading 3")
        for number, step in enumerate(self.texts(self.content["instructions"]), start=1):
            self._numbered(f"{number}.", step)

    def _numbered(self, label: str, text: str) -> None:
        """Write a numbered step with a hanging indent; numbers are typed so they never continue across forms."""
        from docx.shared import Cm

        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.7)
        paragraph.paragraph_format.first_line_indent = Cm(-0.7)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))
        paragraph.add_run(f"{label}\t{text}")

    def write_footer(self, section, *, total_pages: bool) -> None:
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph._p.get_or_add_pPr().style = self.styles["Kamgen Note"].style_id
        title = self.text(self.content["title"])
        paragraph.add_run(t("pack.footer", self.language, number=self.content["number"], title=title) + " · ")
        paragraph.add_run(t("pack.footer_page", self.language) + " ")
        _add_field(paragraph, "PAGE", "1")
        if total_pages:
            paragraph.add_run(f" {t('pack.footer_of', self.language)} ")
            _add_field(paragraph, "NUMPAGES", "1")

    def write_blocks(self) -> None:
        for block in self.content["blocks"]:
            if block.get("heading") and block["type"] != "heading":
                self.paragraph(self.document, self.text(block["heading"]), "Heading 3")
            method = getattr(self, f"block_{block['type']}", None)
            if method is None:
                raise ValueError(f"worksheet {self.content['number']}: unknown block type {block['type']!r}")
            method(block)

    # -- writing lines ---------------------------------------------------------

    def _writing_line(self, container, label: str | None, width_cm: float):
        """Add a paragraph with an optional label and a dotted line up to ``width_cm``."""
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Cm, Pt

        paragraph = container.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(WRITING_LINE_SPACE_PT)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(max(width_cm, 1.0)), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        # LibreOffice draws no leader for a tab that ends a paragraph inside a
        # table cell. A zero-width space after the tab makes it draw the dots.
        paragraph.add_run((f"{label} \t" if label else "\t") + ZERO_WIDTH_SPACE)
        return paragraph

    @staticmethod
    def _field_label(text: str) -> str:
        """Return a field label ending in a colon, unless it already ends in a question mark or colon."""
        return text if text.endswith(("?", ":")) else text + ":"

    def _cell_width(self, width_cm: float) -> float:
        return width_cm - CELL_PADDING_CM

    # -- blocks -----------------------------------------------------------------

    def block_heading(self, block: dict) -> None:
        self.paragraph(self.document, self.text(block["text"]), "Heading 2")

    def block_paragraph(self, block: dict) -> None:
        self.document.add_paragraph(self.text(block["text"]))

    def block_note(self, block: dict) -> None:
        self.paragraph(self.document, self.text(block["text"]), "Kamgen Note")

    def block_page_break(self, block: dict) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def block_fields(self, block: dict) -> None:
        labels = [self.text(field) for field in block["fields"]]
        if block.get("columns", 1) == 1:
            for label in labels:
                self._writing_line(self.document, self._field_label(label), self.page.text_width_cm)
            return

        # Two columns: a borderless table, filled left to right, row by row.
        half = self.page.text_width_cm / 2
        rows = (len(labels) + 1) // 2
        table = self._table(rows, [half, half], borders=False)
        for index, label in enumerate(labels):
            cell = table.cell(index // 2, index % 2)
            paragraph = self._writing_line(cell, self._field_label(label), self._cell_width(half))
            self._drop_first_empty_paragraph(cell, paragraph)

    def block_lines(self, block: dict) -> None:
        if block.get("label"):
            from docx.shared import Pt

            paragraph = self.document.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(WRITING_LINE_SPACE_PT)
            paragraph.add_run(self.text(block["label"])).bold = True
            paragraph.paragraph_format.keep_with_next = True
        for _ in range(block.get("lines", DEFAULT_WRITING_LINES)):
            self._writing_line(self.document, None, self.page.text_width_cm)

    def block_questions(self, block: dict) -> None:
        items = self.texts(block["items"])
        if not block.get("score"):
            for item in items:
                self.paragraph(self.document, item, "List Bullet")
            for field in block.get("fields", []):
                self._writing_line(self.document, self._field_label(self.text(field)), self.page.text_width_cm)
            for _ in range(block.get("lines", 0)):
                self._writing_line(self.document, None, self.page.text_width_cm)
            return

        scale = self.scales[block["score"]]
        question_width = self.page.text_width_cm - SCORE_COLUMN_CM
        table = self._table(1, [question_width, SCORE_COLUMN_CM])
        row = table.rows[0]
        _row_properties(row, keep_together=True, height_cm=ROW_HEIGHT_CM * 2)
        questions = row.cells[0]
        first = questions.paragraphs[0]
        first.text = items[0]
        first._p.get_or_add_pPr().style = self.styles["List Bullet"].style_id
        for item in items[1:]:
            self.paragraph(questions, item, "List Bullet")
        for field in block.get("fields", []):
            self._writing_line(questions, self._field_label(self.text(field)), self._cell_width(question_width))
        for _ in range(block.get("lines", 0)):
            self._writing_line(questions, None, self._cell_width(question_width))
        score = row.cells[1]
        score.paragraphs[0].add_run(t("pack.score_header", self.language, low=scale["min"], high=scale["max"])).bold = True
        _shade(score, TITLE_FILL)

    def block_statements(self, block: dict) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        scale = self.scales[block["scale"]]
        values = list(range(scale["min"], scale["max"] + 1))
        items = self.texts(block["items"])
        codes = [str(code) for code in block.get("codes", range(1, len(items) + 1))]
        remarks = bool(block.get("remarks"))

        fixed = CODE_COLUMN_CM + SCALE_COLUMN_CM * len(values) + (REMARK_COLUMN_CM if remarks else 0)
        widths = [CODE_COLUMN_CM, self.page.text_width_cm - fixed] + [SCALE_COLUMN_CM] * len(values)
        headers = [t("pack.number_header", self.language), t("pack.statement_header", self.language)] + [_value_label(value, scale) for value in values]
        if remarks:
            widths.append(REMARK_COLUMN_CM)
            headers.append(t("pack.remark_header", self.language))

        table = self._table(len(items) + 1, widths)
        header = self._header_row(table, headers)
        for offset in range(len(values)):
            header[2 + offset].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for row_index, (code, item) in enumerate(zip(codes, items), start=1):
            _row_properties(table.rows[row_index], keep_together=True, height_cm=ROW_HEIGHT_CM)
            cells = _cells(table, row_index)
            cells[0].paragraphs[0].text = code
            cells[1].paragraphs[0].text = item
            for offset in range(len(values)):
                paragraph = cells[2 + offset].paragraphs[0]
                paragraph.text = CHECKBOX
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._legend(scale)

    def block_scale(self, block: dict) -> None:
        self._legend(self.scales[block["scale"]])

    def _legend(self, scale: dict) -> None:
        labels = self.texts(scale["labels"])
        parts = [f"{_value_label(scale['min'] + index, scale)} = {label}" for index, label in enumerate(labels)]
        paragraph = self.paragraph(self.document, style="Kamgen Note")
        paragraph.add_run(t("pack.scale_legend", self.language) + ": ").bold = True
        paragraph.add_run("; ".join(parts))

    def block_table(self, block: dict) -> None:
        columns = block["columns"]
        first_column = self.texts(block["first_column"]) if block.get("first_column") else []
        filled_rows = [list(row) for row in block["cells"][self.language]] if block.get("cells") else []
        body_rows = max(block.get("rows", DEFAULT_TABLE_ROWS), len(filled_rows) + len(first_column))
        total = self.text(block["total"]) if block.get("total") else None
        row_height = ROW_HEIGHT_CM * block.get("row_lines", 1)

        units = [column.get("width", 1) for column in columns]
        widths = [self.page.text_width_cm * unit / sum(units) for unit in units]
        table = self._table(1 + body_rows + (1 if total else 0), widths)
        self._header_row(table, [self.text(column) for column in columns])

        for row_index in range(body_rows):
            _row_properties(table.rows[1 + row_index], keep_together=True, height_cm=row_height)
            cells = _cells(table, 1 + row_index)
            for column_index, column in enumerate(columns):
                paragraph = cells[column_index].paragraphs[0]
                if row_index < len(filled_rows):
                    values = filled_rows[row_index]
                    paragraph.text = values[column_index] if column_index < len(values) else ""
                elif column_index == 0 and row_index - len(filled_rows) < len(first_column):
                    paragraph.text = first_column[row_index - len(filled_rows)]
                elif column.get("fill"):
                    paragraph.text = self.text(column["fill"])

        if total:
            _row_properties(table.rows[-1], keep_together=True, height_cm=ROW_HEIGHT_CM)
            cells = _cells(table, len(table.rows) - 1)
            cells[0].paragraphs[0].add_run(total).bold = True
            for cell in cells:
                _shade(cell, TITLE_FILL)
        self._keep_on_one_page(table, block.get("row_lines", 1))

    def block_checkboxes(self, block: dict) -> None:
        options = [f"{CHECKBOX} {option}" for option in self.texts(block["options"])]
        if block.get("inline"):
            self.document.add_paragraph("     ".join(options))
            return
        for option in options:
            self.document.add_paragraph(option)

    def block_matrix(self, block: dict) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        row_labels = self.texts(block["row_labels"]) if block.get("row_labels") else []
        row_labels += [""] * block.get("rows", 0)
        column_labels = self.texts(block["column_labels"])
        totals = self.text(block["totals"]) if block.get("totals") else None

        label_width = MATRIX_LABEL_COLUMN_CM
        total_width = MATRIX_TOTAL_COLUMN_CM if totals else 0
        free = self.page.text_width_cm - label_width - total_width
        column_width = max(free / len(column_labels), MATRIX_MIN_COLUMN_CM)
        widths = [label_width] + [column_width] * len(column_labels) + ([total_width] if totals else [])
        corner = self.text(block["corner"]) if block.get("corner") else ""
        headers = [corner, *column_labels]
        if totals:
            headers.append(totals)

        table = self._table(1 + len(row_labels) + (1 if totals else 0), widths)
        header = self._header_row(table, headers)
        for offset in range(1, len(headers)):
            header[offset].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

        for index, label in enumerate(row_labels):
            _row_properties(table.rows[1 + index], keep_together=True, height_cm=ROW_HEIGHT_CM)
            cells = _cells(table, 1 + index)
            if label:
                cells[0].paragraphs[0].add_run(label).bold = True
            _shade(cells[0], TITLE_FILL)
            if totals:
                _shade(cells[-1], TITLE_FILL)

        if totals:
            _row_properties(table.rows[-1], keep_together=True, height_cm=ROW_HEIGHT_CM)
            cells = _cells(table, len(table.rows) - 1)
            cells[0].paragraphs[0].add_run(totals).bold = True
            for cell in cells:
                _shade(cell, TITLE_FILL)
        self._keep_on_one_page(table)

    def block_grid(self, block: dict) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        row_labels = self.texts(block["row_labels"])
        column_labels = self.texts(block["column_labels"])
        cells = block["cells"]
        quadrant_width = (self.page.text_width_cm - AXIS_COLUMN_CM - GRID_LABEL_COLUMN_CM) / len(column_labels)
        widths = [AXIS_COLUMN_CM, GRID_LABEL_COLUMN_CM] + [quadrant_width] * len(column_labels)
        table = self._table(len(row_labels) + 2, widths)

        # The y-axis label runs upwards along the quadrant rows, as in the method's drawings.
        # Borders go before the merge, because the merged-away cells keep their own.
        for row_index in range(len(row_labels)):
            _clear_borders(table.cell(row_index, 0))
        axis_cell = table.cell(0, 0).merge(table.cell(len(row_labels) - 1, 0))
        axis_cell.paragraphs[0].add_run(self.text(block["axis"]["y"])).bold = True
        axis_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        axis_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _rotate_text(axis_cell)
        _clear_borders(axis_cell)

        for row_index, label in enumerate(row_labels):
            row = table.rows[row_index]
            _row_properties(row, keep_together=True)
            label_cell = row.cells[1]
            label_cell.paragraphs[0].text = label
            label_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _clear_borders(label_cell, keep=("right",))
            for column_index, cell_content in enumerate(cells[row_index]):
                self._grid_cell(row.cells[2 + column_index], cell_content, quadrant_width)

        labels_row = table.rows[len(row_labels)]
        for index in (0, 1):
            _clear_borders(labels_row.cells[index])
        for column_index, label in enumerate(column_labels):
            cell = labels_row.cells[2 + column_index]
            cell.paragraphs[0].text = label
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _clear_borders(cell, keep=("top",))

        axis_row = table.rows[len(row_labels) + 1]
        for index in (0, 1):
            _clear_borders(axis_row.cells[index])
        x_axis = axis_row.cells[2].merge(axis_row.cells[-1])
        x_axis.paragraphs[0].add_run(self.text(block["axis"]["x"])).bold = True
        x_axis.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _clear_borders(x_axis)
        self._keep_on_one_page(table)

    def _grid_cell(self, cell, content: dict, width_cm: float) -> None:
        title = cell.paragraphs[0]
        title.add_run(self.text(content["title"])).bold = True
        _shade(cell, "FFFFFF")
        if content.get("text"):
            cell.add_paragraph(self.text(content["text"]))
        for field in content.get("fields", []):
            self._writing_line(cell, self._field_label(self.text(field)), self._cell_width(width_cm))
        for _ in range(content.get("lines", GRID_CELL_LINES)):
            self._writing_line(cell, None, self._cell_width(width_cm))

    # -- tables -------------------------------------------------------------------

    def _table(self, rows: int, widths_cm: list[float], *, borders: bool = True):
        from docx.shared import Cm

        table = self.document.add_table(rows=rows, cols=len(widths_cm))
        if borders:
            table._tbl.tblPr.style = self.table_style.style_id
        table.autofit = False

        # Word reads the cell widths, LibreOffice the grid columns; both are set.
        # Working on the XML directly avoids python-docx's per-cell lookups,
        # which grow with the square of the table size.
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_cm):
            column.w = Cm(width)
        for row in table._tbl.tr_lst:
            for cell, width in zip(row.tc_lst, widths_cm):
                cell.width = Cm(width)

        # A paragraph after each table keeps two tables in a row from merging into one.
        self.document.add_paragraph().paragraph_format.space_after = 0
        return table

    @staticmethod
    def _keep_on_one_page(table, row_lines: int = 1) -> None:
        """Keep a short table on one page: Word and LibreOffice keep each row with the next."""
        if len(table.rows) * row_lines > KEEP_TOGETHER_MAX_ROWS:
            return
        for row in table._tbl.tr_lst[:-1]:
            for paragraph in row.iter(_qn("w:p")):
                paragraph.get_or_add_pPr().keepNext_val = True

    def _header_row(self, table, texts: list[str]) -> list:
        """Fill the first row as a shaded header that Word and LibreOffice repeat on every page."""
        from docx.shared import Pt

        _row_properties(table.rows[0], header=True, keep_together=True)
        cells = _cells(table, 0)
        for cell, text in zip(cells, texts):
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(HEADER_FONT_SIZE_PT)
            _shade(cell, HEADER_FILL)
        return cells

    @staticmethod
    def _drop_first_empty_paragraph(cell, keep) -> None:
        first = cell.paragraphs[0]
        if first._p is not keep._p and not first.text:
            first._p.getparent().remove(first._p)


def _value_label(value: int, scale: dict) -> str:
    """Show a scale value, with a sign when the scale runs below zero (−2 … +2)."""
    if value < 0:
        return f"−{abs(value)}"
    if value > 0 and scale["min"] < 0:
        return f"+{value}"
    return str(value)


# ---------------------------------------------------------------------------
# Documents


def build_form(content: dict, language: str, *, version: str, timestamp: dt.datetime):
    """Return the Word form of one worksheet: title, purpose, instructions, blocks, numbered footer."""
    document = new_document(language)
    page = PageSetup(content.get("orientation", "portrait"))
    section = document.sections[0]
    _setup_section(section, page)

    writer = FormWriter(document, content, language, page)
    writer.write_title()
    writer.write_blocks()
    writer.write_footer(section, total_pages=True)

    title = t("pack.form_title", language, number=content["number"], title=content["title"][language])
    set_properties(document, title, language, timestamp, version)
    return document


def build_combined(contents: list[dict], language: str, *, version: str, timestamp: dt.datetime):
    """Return the combined document: cover, table of contents, then every form in its own section."""
    from docx.enum.section import WD_SECTION

    document = new_document(language)
    _write_cover(document, language, version)
    _write_table_of_contents(document, contents, language)

    # Each form gets a section of its own, so it starts on a new page with its
    # own orientation and a footer naming its number.
    for content in contents:
        page = PageSetup(content.get("orientation", "portrait"))
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _setup_section(section, page)
        writer = FormWriter(document, content, language, page)
        writer.write_title(bookmark=TOC_BOOKMARK.format(number=content["number"]))
        writer.write_blocks()
        writer.write_footer(section, total_pages=False)

    _request_field_update(document)
    set_properties(document, t("pack.cover_title", language), language, timestamp, version)
    return document


def _write_cover(document, language: str, version: str) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    spacer = document.add_paragraph()
    spacer.paragraph_format.space_before = Pt(120)
    document.add_paragraph(t("pack.cover_title", language), style="Title")
    document.add_paragraph(t("pack.cover_subtitle", language), style="Subtitle")
    document.add_paragraph(t("pack.cover_parts", language))
    document.add_paragraph(t("pack.cover_workbooks", language))
    document.add_paragraph(t("pack.cover_version", language, version=version), style="Kamgen Note")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _write_table_of_contents(document, contents: list[dict], language: str) -> None:
    """Write a TOC field whose shown result already lists every worksheet.

    Word rebuilds the field (with page numbers) when it opens the document,
    because settings.xml sets ``w:updateFields``. Until then, and in programs
    that do not update fields, people see the pre-filled entries.
    """
    document.add_paragraph(t("pack.toc_heading", language), style="TOC Heading")

    paragraphs = []
    for content in contents:
        paragraph = document.add_paragraph(style="toc 1")
        bookmark = TOC_BOOKMARK.format(number=content["number"])
        hyperlink = _element("w:hyperlink", anchor=bookmark, history="1")
        paragraph._p.append(hyperlink)
        title = t("pack.form_title", language, number=content["number"], title=content["title"][language])
        _append_run(hyperlink, title)
        _append_run(hyperlink, None, tab=True)
        # NOTE: the page number stays empty until Word updates the field; the
        # pack cannot know page breaks without laying the document out.
        for element in _field_elements(f"PAGEREF {bookmark} \\h", ""):
            hyperlink.append(element)
        paragraphs.append(paragraph)

    first, last = paragraphs[0]._p, paragraphs[-1]._p
    properties = first.find(_qn("w:pPr"))
    begin = _field_elements(TOC_INSTRUCTION.strip(), None)
    for offset, element in enumerate(begin):
        first.insert(first.index(properties) + 1 + offset, element)
    last.append(_run_with(_element("w:fldChar", fldCharType="end")))

    document.add_paragraph(t("pack.toc_hint", language), style="Kamgen Note")


def _run_with(child):
    run = _element("w:r")
    run.append(child)
    return run


def _append_run(parent, text: str | None, *, tab: bool = False) -> None:
    if tab:
        parent.append(_run_with(_element("w:tab")))
        return
    node = _element("w:t")
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    node.text = text
    parent.append(_run_with(node))


def _field_elements(instruction: str, cached: str | None) -> list:
    """Return the runs of a complex field; with ``cached=None`` the field stays open (no result, no end)."""
    instruction_text = _element("w:instrText")
    instruction_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instruction_text.text = f" {instruction} "
    runs = [
        _run_with(_element("w:fldChar", fldCharType="begin")),
        _run_with(instruction_text),
        _run_with(_element("w:fldChar", fldCharType="separate")),
    ]
    if cached is None:
        return runs
    if cached:
        node = _element("w:t")
        node.text = cached
        runs.append(_run_with(node))
    runs.append(_run_with(_element("w:fldChar", fldCharType="end")))
    return runs
