"""PDF copies through LibreOffice: the helper's errors (with stand-in programs) and the real pack (with soffice)."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from kamgen import pack
from kamgen.catalogue import WORKSHEETS
from kamgen.errors import KamgenError, ToolMissingError
from kamgen.render import pdf

PREFIX = {"nl": "Werkblad", "en": "Worksheet"}


def fake_program(folder: Path, script: str) -> str:
    """Write an executable shell script that stands in for soffice."""
    path = folder / "soffice"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "form.docx"
    path.write_bytes(b"stand-in")
    return path


def test_missing_soffice_raises_tool_missing(source, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert pdf.find_soffice() is None
    with pytest.raises(ToolMissingError):
        pdf.convert_to_pdf([source], tmp_path / "out")


def test_failing_soffice_reports_exit_code(source, tmp_path):
    program = fake_program(tmp_path, 'echo "source file could not be loaded" >&2\nexit 3\n')
    with pytest.raises(KamgenError) as raised:
        pdf.convert_to_pdf([source], tmp_path / "out", soffice=program)
    assert "form.docx" in raised.value.message
    assert "3" in raised.value.message
    assert "source file could not be loaded" in raised.value.message
    assert not (tmp_path / "out" / "form.pdf").exists()


def test_soffice_without_output_is_a_failure(source, tmp_path):
    program = fake_program(tmp_path, "exit 0\n")
    with pytest.raises(KamgenError, match="form.docx"):
        pdf.convert_to_pdf([source], tmp_path / "out", soffice=program)


def test_slow_soffice_times_out(source, tmp_path):
    program = fake_program(tmp_path, "sleep 30\n")
    with pytest.raises(KamgenError) as raised:
        pdf.convert_to_pdf([source], tmp_path / "out", soffice=program, timeout=1)
    assert "1 seconds" in raised.value.message or "1 seconden" in raised.value.message


def test_converted_files_move_into_place(source, tmp_path):
    # The stand-in copies each source to <outdir>/<stem>.pdf, as soffice names its output.
    program = fake_program(tmp_path, 'while [ "$1" != "--outdir" ]; do shift; done\nout="$2"; shift 2\nfor f in "$@"; do cp "$f" "$out/$(basename "${f%.*}").pdf"; done\n')
    results = pdf.convert_to_pdf([source], tmp_path / "out", soffice=program)
    assert results == [tmp_path / "out" / "form.pdf"]
    assert results[0].read_bytes() == b"stand-in"


def test_sources_with_same_name_rejected(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(ValueError, match="share a file name"):
        pdf.convert_to_pdf([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)


def test_timeout_grows_with_files():
    # 120 s to start plus 20 s per file: 120 + 20 × 38 = 880 s for a whole pack.
    assert pdf.conversion_timeout(38) == 880


def _pdf_text(path: Path) -> str:
    import subprocess

    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True, timeout=120).stdout
    # pdftotext joins a word broken after a hyphen at a line end ("key-" + "account" → "keyaccount"),
    # so hyphens are dropped on both sides of the comparison.
    text = text.replace("-", "")
    return re.sub(r"\s+", " ", text)


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_converts_to_pdf(language, tmp_path, monkeypatch):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    result = pack.write_pack(tmp_path, language, pdf=True)

    office = [path for path in result.files if path.suffix in (".docx", ".xlsx")]
    pdfs = [path for path in result.files if path.suffix == ".pdf"]
    assert [path.with_suffix(".pdf") for path in office] == pdfs
    assert all(path.stat().st_size > 0 for path in pdfs)
    assert any(message.startswith(("38 PDF", f"{len(pdfs)} PDF")) for message in result.messages)

    for sheet in WORKSHEETS:
        text = _pdf_text(tmp_path / f"{sheet.file_stem(language)}.pdf")
        assert f"{PREFIX[language]} {sheet.number} – {sheet.title(language)}".replace("-", "") in text, sheet.number
        assert "{{" not in text, sheet.number
        assert "{%" not in text, sheet.number

    combined = _pdf_text(tmp_path / pack.COMBINED_FILE[language].replace(".docx", ".pdf"))
    for sheet in WORKSHEETS:
        assert f"{PREFIX[language]} {sheet.number} – {sheet.title(language)}".replace("-", "") in combined, sheet.number
    assert "{{" not in combined
    assert "{%" not in combined
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith(".")]
