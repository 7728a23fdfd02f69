"""``kamgen pack``: the files written, the combined document, determinism and the command line."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn

import kamgen
from kamgen import pack
from kamgen.catalogue import KINDS, WORKSHEETS
from kamgen.cli import make_cli
from kamgen.content import load_content
from kamgen.i18n import set_language, t

PREFIX = {"nl": "Werkblad", "en": "Worksheet"}


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """Write the Dutch and the English pack once for the whole module."""
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        results = {}
        for language in ("nl", "en"):
            folder = tmp_path_factory.mktemp(f"pack-{language}")
            results[language] = (folder, pack.write_pack(folder, language))
        yield results
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_has_form_per_worksheet(packs, language):
    folder, result = packs[language]
    for sheet in WORKSHEETS:
        path = folder / f"{sheet.file_stem(language)}.docx"
        assert path in result.files, path.name
        assert path.is_file()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_file_names(packs, language):
    folder, result = packs[language]
    names = {path.name for path in result.files}
    assert pack.COMBINED_FILE[language] in names
    assert ("werkblad-01-belang-kam.docx" if language == "nl" else "worksheet-01-belang-kam.docx") in names
    assert {path.parent for path in result.files} == {folder}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_workbooks_written_or_reported(packs, language):
    folder, result = packs[language]
    for kind in KINDS:
        name = pack.WORKBOOK_FILES[kind][language]
        written = folder / name in result.files
        reported = any(name in message for message in result.messages)
        assert written != reported, name
        if written:
            with zipfile.ZipFile(folder / name) as package:
                assert "xl/workbook.xml" in package.namelist()


def test_workbook_names_per_language():
    assert pack.WORKBOOK_FILES["organisation"] == {"nl": "kamgen-organisatie.xlsx", "en": "kamgen-organisation.xlsx"}
    assert pack.WORKBOOK_FILES["portfolio"]["nl"] == "kamgen-portfolio.xlsx"


def test_unavailable_workbook_is_a_message(tmp_path, monkeypatch):
    import kamgen.workbooks

    monkeypatch.setattr(kamgen.workbooks, "layout_module", lambda kind: None)
    result = pack.write_pack(tmp_path, "en")
    assert result.messages == [
        "The Excel input workbook for portfolio is not yet part of this version of kamgen; the pack was written without kamgen-portfolio.xlsx.",
        "The Excel input workbook for account is not yet part of this version of kamgen; the pack was written without kamgen-account.xlsx.",
        "The Excel input workbook for organisation is not yet part of this version of kamgen; the pack was written without kamgen-organisation.xlsx.",
    ]
    assert sorted(tmp_path.glob("*.xlsx")) == []


def test_workbook_failure_propagates(tmp_path, monkeypatch):
    import kamgen.workbooks.new

    def broken(kind, path, file_format, language):
        raise RuntimeError("layout bug")

    monkeypatch.setattr(kamgen.workbooks.new, "write_new_input", broken)
    monkeypatch.setattr(kamgen.workbooks, "layout_module", lambda kind: object())
    with pytest.raises(RuntimeError, match="layout bug"):
        pack._write_workbook("portfolio", tmp_path / "kamgen-portfolio.xlsx", "nl", pack.RELEASE_DATE)
    assert list(tmp_path.iterdir()) == []


# -- the combined document ---------------------------------------------------------


def _toc_entries(document) -> list[str]:
    return [paragraph.text.split("\t")[0] for paragraph in document.paragraphs if paragraph.style.name == "toc 1"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_combined_toc_lists_all_worksheets(packs, language):
    folder, _ = packs[language]
    document = docx.Document(folder / pack.COMBINED_FILE[language])
    expected = [f"{PREFIX[language]} {sheet.number} – {sheet.title(language)}" for sheet in WORKSHEETS]
    assert _toc_entries(document) == expected


def test_combined_toc_is_a_field_updated_on_open(packs):
    folder, _ = packs["nl"]
    document = docx.Document(folder / "werkbladen.docx")
    instructions = [node.text.strip() for node in document.element.body.iter(qn("w:instrText"))]
    assert instructions[0] == 'TOC \\o "1-1" \\h \\z \\u'
    # One PAGEREF per entry: 34 worksheets.
    assert sum(text.startswith("PAGEREF _TocWorksheet") for text in instructions) == 34
    begins = [node for node in document.element.body.iter(qn("w:fldChar")) if node.get(qn("w:fldCharType")) == "begin"]
    ends = [node for node in document.element.body.iter(qn("w:fldChar")) if node.get(qn("w:fldCharType")) == "end"]
    assert len(begins) == len(ends) == 35
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_combined_toc_links_to_bookmarks(packs):
    folder, _ = packs["en"]
    document = docx.Document(folder / "worksheets.docx")
    anchors = [link.get(qn("w:anchor")) for link in document.element.body.iter(qn("w:hyperlink"))]
    bookmarks = [mark.get(qn("w:name")) for mark in document.element.body.iter(qn("w:bookmarkStart"))]
    assert anchors == [f"_TocWorksheet{number:02d}" for number in range(1, 35)]
    assert bookmarks == anchors


@pytest.mark.parametrize("language", ["nl", "en"])
def test_combined_has_section_per_worksheet(packs, language):
    folder, _ = packs[language]
    document = docx.Document(folder / pack.COMBINED_FILE[language])
    sections = document.sections
    # Cover and contents share the first section; then one section per worksheet.
    assert len(sections) == 1 + len(WORKSHEETS)
    for sheet, section in zip(WORKSHEETS, sections[1:]):
        assert section.start_type == WD_SECTION.NEW_PAGE
        landscape = load_content(sheet.number).get("orientation") == "landscape"
        assert (section.orientation == WD_ORIENT.LANDSCAPE) == landscape, sheet.number
        footer = " ".join(paragraph.text for paragraph in section.footer.paragraphs)
        assert footer.startswith(f"{PREFIX[language]} {sheet.number} · "), sheet.number


@pytest.mark.parametrize("language", ["nl", "en"])
def test_combined_headings_are_the_worksheets(packs, language):
    folder, _ = packs[language]
    document = docx.Document(folder / pack.COMBINED_FILE[language])
    headings = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"]
    assert headings == [f"{PREFIX[language]} {sheet.number} – {sheet.title(language)}" for sheet in WORKSHEETS]


def test_combined_cover(packs):
    folder, _ = packs["nl"]
    document = docx.Document(folder / "werkbladen.docx")
    title = next(paragraph for paragraph in document.paragraphs if paragraph.style.name == "Title")
    assert title.text == "Werkbladen key-account management"
    assert document.core_properties.title == "Werkbladen key-account management"
    assert any(paragraph.text == f"Gemaakt met kamgen {kamgen.__version__}" for paragraph in document.paragraphs)


# -- determinism ------------------------------------------------------------------


def test_pack_is_byte_identical_across_runs(packs, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _, first = packs["en"]
    second = pack.write_pack(tmp_path / "second", "en")
    assert [path.name for path in first.files] == [path.name for path in second.files]
    for one, other in zip(first.files, second.files):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_pack_timestamp_is_release_date_without_epoch(packs, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pack.pack_timestamp() == pack.RELEASE_DATE
    for path in packs["nl"][1].files:
        if path.suffix == ".docx":
            assert docx.Document(path).core_properties.modified == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}, path.name


def test_pack_timestamp_follows_source_date_epoch(tmp_path, monkeypatch):
    # 1767225600 s after 1970-01-01 is 2026-01-01 00:00 UTC; 86400 s more is 2 January.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1767225600 + 86400))
    assert pack.pack_timestamp() == dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
    path = pack.write_pack(tmp_path, "en").files[0]
    assert docx.Document(path).core_properties.created == dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)


def test_release_date_belongs_to_version():
    assert pack.RELEASE_DATE_VERSION == kamgen.__version__, "give the new kamgen version its own RELEASE_DATE"


def test_no_temporary_files_left(packs):
    for folder, _ in packs.values():
        assert [path.name for path in folder.iterdir() if path.name.startswith(".")] == []


# -- errors -----------------------------------------------------------------------------


def test_output_that_is_a_file_is_rejected(tmp_path):
    from kamgen.errors import UsageError

    target = tmp_path / "pack"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        pack.write_pack(target, "en")
    assert raised.value.message == f"{target} is a file, not a folder; choose a folder for the pack with -o."
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_missing_content_names_worksheet(monkeypatch):
    from kamgen import content
    from kamgen.errors import KamgenError

    original = content.load_content

    def load(number):
        if number == 17:
            raise FileNotFoundError(number)
        return original(number)

    monkeypatch.setattr(content, "load_content", load)
    with pytest.raises(KamgenError) as raised:
        pack.load_all_content("en")
    assert raised.value.message == "The text of worksheet 17 is missing from this installation of kamgen (ws17.yaml); reinstall kamgen."


def test_pdf_without_soffice_is_a_message(packs, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    files = list(packs["en"][1].files)
    messages = pack._write_pdf_copies(files, tmp_path, "en")
    assert messages == [t("cli.no_soffice", "en")]
    assert files == packs["en"][1].files
    assert list(tmp_path.iterdir()) == []


# -- command line -------------------------------------------------------------------------


def test_cli_pack_writes_pack(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    set_language("en")
    try:
        result = CliRunner().invoke(make_cli(), ["pack", "-o", str(tmp_path / "out"), "--lang", "en"])
    finally:
        set_language(None)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "worksheets.docx").is_file()
    assert f"Written: {tmp_path / 'out' / 'worksheets.docx'}" in result.stderr


def test_cli_pack_rejects_file_as_folder(tmp_path):
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    set_language("nl")
    try:
        result = CliRunner().invoke(make_cli(), ["pack", "-o", str(target)])
    finally:
        set_language(None)
    # Click rejects the option before kamgen runs: usage error, exit code 2.
    assert result.exit_code == 2
    assert "taken" in result.stderr
    assert target.read_text(encoding="utf-8") == "x"


def test_pack_as_subprocess(tmp_path, kamgen_env):
    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "pack", "-o", str(tmp_path / "pakket"), "-q"],
        capture_output=True, text=True, env=kamgen_env, cwd=tmp_path, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Geschreven:" not in completed.stderr
    assert (tmp_path / "pakket" / "werkbladen.docx").is_file()
    assert len(list((tmp_path / "pakket").glob("werkblad-*.docx"))) == 34
