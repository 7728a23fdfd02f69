"""Word documents: render docxtpl templates strictly, and the OOXML details python-docx lacks.

Every report template goes through :func:`render_template`:

- Jinja runs with ``StrictUndefined`` and autoescaping, so a tag without
  data fails instead of printing nothing, and text such as ``Jansen & Zn
  <BV>`` or ``{{ x }}`` from an input appears literally. Input text is only
  ever a value in the context, never part of a template.
- A template from the user's template folder renders in Jinja's sandbox.
- Any template failure becomes :class:`kamgen.errors.TemplateError` naming
  the template and quoting the text near the failing tag.
- The rendered document gets ``w:updateFields`` in its settings, so Word
  refreshes the table of contents and page numbers when it opens the file.

The helpers below (fields, repeating header rows, landscape sections, cell
shading) serve both the template generator (``tools/make_templates.py``)
and the renderers. docx, docxtpl and jinja2 are imported inside functions.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from kamgen.errors import TemplateError
from kamgen.i18n import t

# Heading levels that the table of contents lists.
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
PAGE_INSTRUCTION = "PAGE"
NUMPAGES_INSTRUCTION = "NUMPAGES"
# How much template text a TemplateError quotes around the failing tag.
ERROR_CONTEXT_LINES = 1
ERROR_CONTEXT_CHARACTERS = 240
# Word's language tags for the document languages (spelling check, hyphenation).
WORD_LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}
AUTHOR = "kamgen"

_TAG = re.compile(r"<[^>]+>")
# The children of w:settings that follow w:updateFields in the schema (ECMA-376 Part 1, CT_Settings).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


@dataclass(frozen=True)
class TemplateSource:
    """A template to render: its path, the name shown in errors, and whether it came from the user."""

    path: Path
    name: str
    user_supplied: bool


def resolve_template(name: str, templates_dir: Path | None) -> TemplateSource:
    """Return the user's copy of template ``name`` when ``templates_dir`` contains one, else kamgen's own.

    Templates from ``templates_dir`` are user-supplied and render in the sandbox.
    """
    from kamgen.resources import template_path

    if templates_dir is not None:
        candidate = Path(templates_dir) / name
        if candidate.is_file():
            return TemplateSource(candidate, str(candidate), True)
    return TemplateSource(template_path(name), name, False)


def make_environment(*, sandboxed: bool):
    """Return the Jinja environment for Word templates: strict, autoescaping, optionally sandboxed."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    environment_class = SandboxedEnvironment if sandboxed else jinja2.Environment
    return environment_class(undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=True)


def render_template(
    source: TemplateSource,
    context: dict[str, Any] | Callable[[Any], dict[str, Any]],
    output: Path | io.BytesIO,
    *,
    finish: Callable[[Any], None] | None = None,
) -> None:
    """Render ``source`` with ``context`` and save the document to ``output``.

    ``context`` may be a function of the DocxTemplate, for contexts holding
    images (an image must be created for the template it goes into).
    ``finish`` receives the rendered python-docx Document before saving, for
    document properties and language. Raises TemplateError when the template
    cannot be rendered.
    """
    import jinja2
    from docxtpl import DocxTemplate
    from lxml import etree

    try:
        template = DocxTemplate(str(source.path))
        template.init_docx()
    except Exception as error:  # noqa: BLE001 - python-docx raises many types for a file that is not a Word document
        raise TemplateError(
            t("report.template_unreadable", None, template=source.name, error=error),
            hint=t("report.template_hint"),
        ) from error

    values = context(template) if callable(context) else context
    environment = make_environment(sandboxed=source.user_supplied)
    _check_declared(template, environment, values, source)

    # A user template can fail in its own expressions (``{{ x + 1 }}`` on text);
    # kamgen's own templates fail only on Jinja errors, anything else is a bug.
    expression_errors = (TypeError, ValueError, ArithmeticError) if source.user_supplied else ()
    try:
        template.render(values, jinja_env=environment, autoescape=True)
    except (jinja2.TemplateError, *expression_errors) as error:
        raise _template_error(template, source, error) from error
    except etree.XMLSyntaxError as error:
        raise TemplateError(
            t("report.template_broken_xml", None, template=source.name, error=error),
            hint=t("report.template_hint"),
        ) from error

    document = template.docx
    set_update_fields(document)
    if finish is not None:
        finish(document)
    template.save(output)


def _check_declared(template, environment, values: dict[str, Any], source: TemplateSource) -> None:
    """Raise TemplateError listing every top-level tag the context lacks, all at once."""
    import jinja2

    try:
        missing = template.get_undeclared_template_variables(environment, values)
    except jinja2.TemplateSyntaxError:
        # The render that follows raises the same error with the nearby text.
        return
    if missing:
        raise TemplateError(
            t("report.template_unknown_tags", None, template=source.name, tags=", ".join(sorted(missing))),
            hint=t("report.template_hint"),
        )


def _template_error(template, source: TemplateSource, error: Exception) -> TemplateError:
    nearby = _nearby_text(template, error)
    message = t("report.template_failed", None, template=source.name, error=_error_text(error))
    if nearby:
        message += " " + t("report.template_nearby", None, text=nearby)
    return TemplateError(message, hint=t("report.template_hint"))


def _error_text(error: Exception) -> str:
    text = getattr(error, "message", None) or str(error)
    return f"{type(error).__name__}: {text.rstrip('.')}"


def _nearby_text(template, error: Exception) -> str:
    """Return the visible text of the template lines around the error, tags stripped.

    docxtpl puts every paragraph on its own line before Jinja compiles the
    XML, so the line number of a syntax error (``error.lineno``) or of the
    failing template frame in the traceback points at a paragraph.
    """
    line_number = getattr(error, "lineno", None) or _template_line_from_traceback(error)
    if not line_number:
        return ""

    part = getattr(template, "current_rendering_part", None)
    try:
        if part is None or part is template.docx._part:
            xml = template.get_xml()
        else:
            xml = template.get_part_xml(part)
    except Exception:  # noqa: BLE001 - the quote is a courtesy; the error itself is raised anyway
        return ""
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(xml)).splitlines()

    first = max(line_number - 1 - ERROR_CONTEXT_LINES, 0)
    chosen = lines[first : line_number + ERROR_CONTEXT_LINES]
    texts = [" ".join(_TAG.sub("", line).split()) for line in chosen]
    text = " … ".join(text for text in texts if text)
    text = _unescape(text)
    if len(text) > ERROR_CONTEXT_CHARACTERS:
        text = text[: ERROR_CONTEXT_CHARACTERS - 1] + "…"
    return text


def _template_line_from_traceback(error: Exception) -> int | None:
    """Return the template line of the innermost frame Jinja attributes to the template."""
    line = None
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def alt_text_image(template, png: bytes, width_cm: float, description: str, name: str):
    """Return an inline image for ``template`` whose ``wp:docPr`` carries ``description`` as alternative text."""
    from docx.shared import Cm
    from docxtpl import InlineImage

    class AltTextImage(InlineImage):
        def _insert_image(self):
            inline = self.tpl.current_rendering_part.new_pic_inline(self.image_descriptor, self.width, self.height)
            inline.docPr.set("descr", description)
            inline.docPr.set("name", name)
            return (
                "</w:t></w:r><w:r><w:drawing>%s</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">' % inline.xml
            )

    return AltTextImage(template, io.BytesIO(png), width=Cm(width_cm))


def set_update_fields(document) -> None:
    """Ask Word to refresh all fields (table of contents, page numbers) when it opens the document."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        # Word rejects settings.xml whose children are out of schema order.
        settings.insert_element_before(existing, *_AFTER_UPDATE_FIELDS)
    existing.set(qn("w:val"), "true")


def set_document_language(document, language: str) -> None:
    """Set the default proofing language of all text in the document's styles."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        return
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), WORD_LANGUAGES[language])


def set_core_properties(document, *, title: str, subject: str, language: str, when: dt.date) -> None:
    """Set the document properties without any clock: the dates come from the input's period."""
    properties = document.core_properties
    moment = dt.datetime(when.year, when.month, when.day)
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.title = title
    properties.subject = subject
    properties.language = WORD_LANGUAGES[language]
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""


# ---------------------------------------------------------------------------
# OOXML building blocks (used by tools/make_templates.py and by renderers)
# ---------------------------------------------------------------------------


def add_field(paragraph, instruction: str, placeholder: str = "", *, dirty: bool = False):
    """Append a complex field (``PAGE``, ``TOC …``) to ``paragraph`` with ``placeholder`` as its shown result."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    run_with(begin)

    instruction_text = OxmlElement("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = f" {instruction} "
    run_with(instruction_text)

    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)

    paragraph.add_run(placeholder)

    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def begin_field(paragraph, instruction: str, *, dirty: bool = False) -> None:
    """Open a field whose result spans several paragraphs (a table of contents); see :func:`end_field`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(begin)

    instruction_text = OxmlElement("w:instrText")
    instruction_text.set(qn("xml:space"), "preserve")
    instruction_text.text = f" {instruction} "
    paragraph.add_run()._r.append(instruction_text)

    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    paragraph.add_run()._r.append(separate)


def end_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def repeat_header_row(row) -> None:
    """Mark a table row as header row, repeated at the top of every page the table spans."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:tblHeader")) is None:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


def keep_row_together(row) -> None:
    """Keep a table row on one page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        properties.insert(0, OxmlElement("w:cantSplit"))


def shade_cell(cell, fill: str) -> None:
    """Give a table cell a background colour (hex such as ``E8F5E9``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    shading = properties.find(qn("w:shd"))
    if shading is None:
        shading = OxmlElement("w:shd")
        properties.append(shading)
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def set_orientation(section, landscape: bool) -> None:
    """Turn a section to landscape or portrait, swapping the page size to match."""
    from docx.enum.section import WD_ORIENT

    width, height = section.page_width, section.page_height
    if landscape and width < height or not landscape and width > height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT


def set_table_width_percent(table, percent: int = 100) -> None:
    """Let a table span ``percent`` of the text width, however many columns it ends up with."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), str(percent * 50))


def widen_tables_in_landscape(document) -> int:
    """Scale fixed-width tables in landscape sections to the wider text area; return how many were scaled.

    Templates size their tables for a portrait page. A table in a landscape
    section is stretched by the ratio of the two text widths, so its columns
    keep their proportions. Tables sized in percent are left alone.
    """
    from docx.oxml.ns import qn

    body = document.element.body
    pending: list = []
    scaled = 0
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending.append(child)
            continue
        section = None
        if child.tag == qn("w:p"):
            section = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif child.tag == qn("w:sectPr"):
            section = child
        if section is None:
            continue
        factor = _landscape_factor(section)
        if factor:
            for table in pending:
                scaled += _scale_table(table, factor)
        pending = []
    return scaled


def _landscape_factor(section) -> float | None:
    """Return landscape text width / portrait text width for a landscape section, else None."""
    from docx.oxml.ns import qn

    size = section.find(qn("w:pgSz"))
    margins = section.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    width, height = int(size.get(qn("w:w"), 0)), int(size.get(qn("w:h"), 0))
    if width <= height:
        return None
    horizontal = int(margins.get(qn("w:left"), 0)) + int(margins.get(qn("w:right"), 0))
    portrait_text = height - horizontal
    return (width - horizontal) / portrait_text if portrait_text > 0 else None


def _scale_table(table, factor: float) -> int:
    from docx.oxml.ns import qn

    properties = table.find(qn("w:tblPr"))
    width = properties.find(qn("w:tblW")) if properties is not None else None
    if width is not None and width.get(qn("w:type")) == "pct":
        return 0
    for column in table.iter(qn("w:gridCol")):
        column.set(qn("w:w"), str(round(int(column.get(qn("w:w"), 0)) * factor)))
    for cell_width in table.iter(qn("w:tcW")):
        if cell_width.get(qn("w:type")) == "dxa":
            cell_width.set(qn("w:w"), str(round(int(cell_width.get(qn("w:w"), 0)) * factor)))
    return 1


def tables_with_caption(document, caption: str) -> list:
    """Return the ``w:tbl`` elements whose table title (``w:tblCaption``) is ``caption``."""
    from docx.oxml.ns import qn

    found = []
    for table in document.element.body.iter(qn("w:tbl")):
        element = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if element is not None and element.get(qn("w:val")) == caption:
            found.append(table)
    return found


def set_first_column_share(table, share: float) -> None:
    """Give the first grid column ``share`` of the table's width and split the rest evenly."""
    from docx.oxml.ns import qn

    columns = list(table.iter(qn("w:gridCol")))
    if len(columns) < 2:
        return
    total = sum(int(column.get(qn("w:w"), 0)) for column in columns)
    first = round(total * share)
    rest = round((total - first) / (len(columns) - 1))
    columns[0].set(qn("w:w"), str(first))
    for column in columns[1:]:
        column.set(qn("w:w"), str(rest))


def document_text(document) -> list[str]:
    """Return the text of every paragraph, table cell, header and footer, in document order (for checks)."""
    texts: list[str] = []
    body = document.element.body
    for paragraph in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        text = "".join(node.text or "" for node in paragraph.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        texts.append(text)
    for section in document.sections:
        for part in (section.header, section.footer):
            texts.extend(paragraph.text for paragraph in part.paragraphs)
    return texts
