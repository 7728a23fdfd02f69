"""Files that are not kamgen inputs get one clear message naming the file and the fix."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kamgen.i18n import set_language
from kamgen.validation import validate_file


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _ole2(path: Path, payload: bytes = b"") -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + payload)
    return path


def _single_problem(path: Path):
    report, document = validate_file(path, path.name)
    assert document is None
    assert len(report.problems) == 1
    return report.problems[0]


def test_old_xls_rejected(tmp_path):
    problem = _single_problem(_ole2(tmp_path / "oud.xls"))
    assert problem.code == "reading.xls"
    assert "oud.xls" in problem.message
    assert ".xlsx" in problem.message


def test_password_protected_rejected(tmp_path):
    payload = "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    problem = _single_problem(_ole2(tmp_path / "geheim.xlsx", payload))
    assert problem.code == "reading.encrypted"
    assert "wachtwoord" in problem.message


def test_macro_workbook_rejected(tmp_path):
    path = _zip(tmp_path / "macro.xlsm", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>", "xl/vbaProject.bin": b"x"})
    assert _single_problem(path).code == "reading.xlsm"


def test_ods_rejected(tmp_path):
    path = _zip(tmp_path / "blad.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    problem = _single_problem(path)
    assert problem.code == "reading.ods"
    assert "Opslaan als" in problem.message


def test_csv_rejected(tmp_path):
    path = tmp_path / "klanten.csv"
    path.write_text("naam;omzet\nJansen;1000\n", encoding="utf-8")
    problem = _single_problem(path)
    assert problem.code == "reading.csv"
    assert "klanten.csv" in problem.message


def test_html_saved_as_xls_rejected(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>Jansen</td></tr></table></body></html>", encoding="utf-8")
    assert _single_problem(path).code == "reading.html"


def test_docx_renamed_to_xlsx_rejected(tmp_path):
    path = _zip(tmp_path / "brief.xlsx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    problem = _single_problem(path)
    assert problem.code == "reading.not_xlsx"
    assert "Word-document" in problem.message


def test_truncated_zip_rejected(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>" * 1000)
    path = tmp_path / "half.xlsx"
    path.write_bytes(buffer.getvalue()[:200])
    assert _single_problem(path).code == "reading.corrupt_zip"


def test_empty_file_rejected(tmp_path):
    path = tmp_path / "leeg.yaml"
    path.write_bytes(b"")
    assert _single_problem(path).code == "reading.empty_file"


def test_whitespace_yaml_is_empty(tmp_path):
    path = tmp_path / "spaties.yaml"
    path.write_text("   \n\n", encoding="utf-8")
    assert _single_problem(path).code == "reading.empty_file"


def test_unknown_extension_rejected(tmp_path):
    path = tmp_path / "notities.txt"
    path.write_text("gewoon wat tekst zonder structuur\n", encoding="utf-8")
    assert _single_problem(path).code == "reading.unsupported_extension"


def test_oversized_input_rejected(tmp_path, monkeypatch):
    import kamgen.readers.detect as detect

    monkeypatch.setattr(detect, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "groot.yaml"
    path.write_text("kind: portfolio\n" + "# opvulling\n" * 20, encoding="utf-8")
    problem = _single_problem(path)
    assert problem.code == "reading.too_large"
    assert "MB" in problem.message


def test_yaml_syntax_error_located(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text("kind: portfolio\norganisation: [Test\nperiod: x\n", encoding="utf-8")
    problem = _single_problem(path)
    assert problem.code == "reading.yaml_syntax"
    assert problem.location.line == 3


def test_json_syntax_error_located(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text('{\n  "kind": "portfolio",\n  "organisation": "X",,\n}', encoding="utf-8")
    problem = _single_problem(path)
    assert problem.code == "reading.json_syntax"
    assert (problem.location.line, problem.location.column) == (3, 23)  # the second comma: two spaces, "organisation" (14), ": ", "X" (3), ","


def test_duplicate_yaml_key_rejected(tmp_path):
    path = tmp_path / "dubbel.yaml"
    path.write_text("kind: portfolio\norganisation: A\norganisation: B\n", encoding="utf-8")
    problem = _single_problem(path)
    assert problem.code == "reading.duplicate_key"
    assert problem.location.line == 3


def test_not_utf8_text_rejected(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: portfolio\norganisation: Caf\xe9\n".encode("latin-1"))
    assert _single_problem(path).code == "reading.binary_text"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kamgen", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_cli_wrong_file_exit_one(tmp_path):
    _ole2(tmp_path / "oud.xls")
    result = _run("validate", "oud.xls", cwd=tmp_path)
    assert result.returncode == 1
    assert "oud.xls" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_missing_path_exit_two(tmp_path):
    result = _run("validate", "bestaat-niet.xlsx", cwd=tmp_path)
    assert result.returncode == 2
    assert "bestaat-niet.xlsx" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_wrong_file_english(tmp_path):
    path = tmp_path / "blad.ods"
    _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    result = _run("--lang", "en", "validate", "blad.ods", cwd=tmp_path)
    assert result.returncode == 1
    assert "Save As" in result.stdout
