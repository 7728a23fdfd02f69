"""The blank worksheet pack (``kamgen pack``).

Per language the pack holds:

- one Word form per worksheet, ``werkblad-NN-<slug>.docx`` (Dutch) or
  ``worksheet-NN-<slug>.docx`` (English);
- the combined document ``werkbladen.docx`` / ``worksheets.docx``: a cover, a
  table of contents and all 34 forms;
- the three Excel input workbooks ``kamgen-portfolio.xlsx``,
  ``kamgen-account.xlsx`` and ``kamgen-organisatie.xlsx`` (English:
  ``kamgen-organisation.xlsx``), the same files ``kamgen new KIND`` writes;
- with ``pdf=True``, a PDF copy of each of these files.

Every Office file is written atomically and normalised, so the same kamgen
version and language give byte-identical files. The timestamp inside them is
``SOURCE_DATE_EPOCH`` when set, else :data:`RELEASE_DATE`, never the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kamgen import __version__
from kamgen.catalogue import KINDS, WORKSHEETS, worksheet
from kamgen.errors import KamgenError, UsageError
from kamgen.i18n import t

# The release date of the kamgen version named beside it; the pack's files carry
# it when SOURCE_DATE_EPOCH is unset. A test fails when __version__ moves on
# without this pair, so each release gets its own date.
RELEASE_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
RELEASE_DATE_VERSION = "0.1.0"

COMBINED_FILE = {"nl": "werkbladen.docx", "en": "worksheets.docx"}
WORKBOOK_FILES = {
    "portfolio": {"nl": "kamgen-portfolio.xlsx", "en": "kamgen-portfolio.xlsx"},
    "account": {"nl": "kamgen-account.xlsx", "en": "kamgen-account.xlsx"},
    "organisation": {"nl": "kamgen-organisatie.xlsx", "en": "kamgen-organisation.xlsx"},
}


@dataclass(frozen=True)
class PackResult:
    """The files written, in order, and the notes for the user (workbooks left out, PDF copies made)."""

    files: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def pack_timestamp() -> dt.datetime:
    """Return the time stamped into the pack: ``SOURCE_DATE_EPOCH`` when set, else the release date."""
    from kamgen.ooxml import source_date_epoch

    return source_date_epoch() or RELEASE_DATE


def load_all_content(language: str) -> list[dict]:
    """Return the content of the 34 worksheets in order; raise KamgenError naming a missing file."""
    from kamgen.content import load_content

    contents = []
    for sheet in WORKSHEETS:
        try:
            contents.append(load_content(sheet.number))
        except FileNotFoundError as error:
            raise KamgenError(t("pack.content_missing", language, number=sheet.number, file=f"ws{sheet.number:02d}.yaml")) from error
    return contents


def form_path(output_dir: Path, number: int, language: str) -> Path:
    return Path(output_dir) / f"{worksheet(number).file_stem(language)}.docx"


def write_pack(output_dir: Path, language: str, pdf: bool = False) -> PackResult:
    """Write the blank pack for ``language`` into ``output_dir`` and return what was written."""
    from kamgen.ooxml import write_atomically
    from kamgen.render.forms import build_combined, build_form

    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise UsageError(t("pack.output_is_file", language, folder=output_dir))
    output_dir.mkdir(parents=True, exist_ok=True)
    timestamp = pack_timestamp()
    contents = load_all_content(language)
    files: list[Path] = []
    messages: list[str] = []

    for content in contents:
        document = build_form(content, language, version=__version__, timestamp=timestamp)
        files.append(write_atomically(form_path(output_dir, content["number"], language), document.save, timestamp=timestamp))

    combined = build_combined(contents, language, version=__version__, timestamp=timestamp)
    files.append(write_atomically(output_dir / COMBINED_FILE[language], combined.save, timestamp=timestamp))

    for kind in KINDS:
        path = output_dir / WORKBOOK_FILES[kind][language]
        written = _write_workbook(kind, path, language, timestamp)
        if written:
            files.append(path)
        else:
            messages.append(t("pack.workbook_unavailable", language, kind=t(f"cli.kind_{kind}", language), file=path.name))

    if pdf:
        messages.extend(_write_pdf_copies(files, output_dir, language))
    return PackResult(files=files, messages=messages)


def _write_workbook(kind: str, path: Path, language: str, timestamp: dt.datetime) -> bool:
    """Write one input workbook; return False when this kamgen has no workbook layout for ``kind`` yet."""
    from kamgen.ooxml import write_atomically

    try:
        from kamgen.workbooks import layout_module
        from kamgen.workbooks.new import write_new_input
    except ImportError:
        return False
    if layout_module(kind) is None:
        return False

    write_atomically(path, lambda temporary: write_new_input(kind, temporary, "xlsx", language), timestamp=timestamp)
    return True


def _write_pdf_copies(files: list[Path], output_dir: Path, language: str) -> list[str]:
    from kamgen.render.pdf import convert_to_pdf, find_soffice

    if find_soffice() is None:
        return [t("cli.no_soffice", language)]
    pdfs = convert_to_pdf(files, output_dir)
    files.extend(pdfs)
    return [t("pack.pdf_written", language, count=len(pdfs))]
