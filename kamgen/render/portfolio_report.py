"""The Klantportfolio report: Word from the template, Excel with values, charts and a what-if sheet.

:func:`write_portfolio_report` is what ``kamgen build`` calls for a portfolio
input. It formats and lays out; every figure comes from the PortfolioResult.
The pipeline chooses the file names and normalises the packages afterwards.
The files written here contain no clock time even without that step, because
their dates come from the input's period.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kamgen.compute.portfolio_model import PortfolioResult
from kamgen.i18n import t
from kamgen.render.formatting import parse_iso_date
from kamgen.render.portfolio_word import TEMPLATE_NAME, build_context
from kamgen.safety import xml_safe

# The renderer finds the score table (one column per criterion) by its table
# title. The customer names get this share of its width, the scores the rest.
SCORES_TABLE_CAPTION = "Scores"
SCORES_NAME_SHARE = 0.22
# Used when the input's period has no valid date; the start of the ZIP era.
FALLBACK_DATE = dt.date(1980, 1, 1)


def report_date(result: PortfolioResult) -> dt.date:
    """Return the date the documents carry: the end of the period, else its start."""
    for value in (result.period_end, result.period_start):
        try:
            return parse_iso_date(value)
        except (TypeError, ValueError):
            continue
    return FALLBACK_DATE


def write_portfolio_report(
    result: PortfolioResult, *, docx_path: Path, xlsx_path: Path, language: str, templates_dir: Path | None = None
) -> None:
    """Write the Klantportfolio report as Word (``docx_path``) and Excel (``xlsx_path``).

    ``templates_dir`` may hold the user's own ``klantportfolio.docx``, which
    then renders in Jinja's sandbox. Raises kamgen.errors.TemplateError when
    the template cannot be rendered.
    """
    from kamgen.ooxml import normalise_package
    from kamgen.render.portfolio_excel import write_workbook

    when = report_date(result)

    write_word_report(result, Path(docx_path), language, templates_dir, when)
    write_workbook(result, Path(xlsx_path), language, when)

    # openpyxl stamps the workbook with the current time when saving; this removes it.
    for path in (docx_path, xlsx_path):
        normalise_package(Path(path), when)


def write_word_report(result: PortfolioResult, path: Path, language: str, templates_dir: Path | None, when: dt.date) -> None:
    from kamgen.render.word import (
        alt_text_image,
        render_template,
        resolve_template,
        set_core_properties,
        set_document_language,
        set_first_column_share,
        tables_with_caption,
        widen_tables_in_landscape,
    )

    source = resolve_template(TEMPLATE_NAME, templates_dir)

    def context(template):
        def image(png: bytes, width_cm: float, description: str, name: str):
            return alt_text_image(template, png, width_cm, description, name)

        return build_context(result, language, image)

    def finish(document) -> None:
        title = t("report.label_title", language)
        set_core_properties(
            document, title=f"{title} – {xml_safe(result.organisation)}" if result.organisation else title,
            subject=t("report.label_subtitle", language), language=language, when=when,
        )
        set_document_language(document, language)
        widen_tables_in_landscape(document)
        for table in tables_with_caption(document, SCORES_TABLE_CAPTION):
            set_first_column_share(table, SCORES_NAME_SHARE)

    render_template(source, context, path, finish=finish)
