"""`kamgen new`: blank workbooks and schema skeletons that validate apart from the header."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

import kamgen.workbooks
from kamgen.cli import make_cli
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document

# The values only the user can fill in: the organisation or customer, and the period.
HEADER_POINTERS = {"/organisation", "/customer", "/customer/name", "/period", "/period/start", "/period/end"}


@pytest.fixture(autouse=True)
def reset_language():
    yield
    set_language(None)


def run_new(language: str, *arguments: str):
    set_language(language)
    return CliRunner().invoke(make_cli(), ["new", *arguments])


def test_new_workbook_is_written(tmp_path):
    target = tmp_path / "klantportfolio.xlsx"

    result = run_new("nl", "portfolio", "-o", str(target))

    assert result.exit_code == 0, result.output
    assert f"Geschreven: {target}" in result.output
    document = read_document(target)
    assert document.kind == "portfolio"
    assert document.problems == []


def test_new_english_workbook_uses_english_sheet_names(tmp_path):
    target = tmp_path / "portfolio.xlsx"

    result = run_new("en", "portfolio", "--format", "xlsx", "-o", str(target))

    assert result.exit_code == 0, result.output
    import openpyxl

    assert openpyxl.load_workbook(target).sheetnames[:3] == ["Start", "WS01 Importance KAM", "WS02 Selection"]
    assert read_document(target).data["language"] == "en"


@pytest.mark.parametrize("kind", ["portfolio", "account", "organisation"])
@pytest.mark.parametrize("extension", ["yaml", "json"])
def test_skeleton_validates_apart_from_header(tmp_path, kind, extension):
    target = tmp_path / f"leeg.{extension}"

    result = run_new("nl", kind, "-o", str(target))

    assert result.exit_code == 0, result.output
    document = read_document(target)
    errors = [problem for problem in validate_document(document) if problem.is_error]
    assert errors, "the header values are still missing"
    assert {problem.pointer for problem in errors} <= HEADER_POINTERS, [(p.pointer, p.message) for p in errors]
    assert document.data["kind"] == kind


def test_yaml_skeleton_has_titles_in_the_language(tmp_path):
    dutch, english = tmp_path / "nl.yaml", tmp_path / "en.yaml"

    run_new("nl", "portfolio", "-o", str(dutch))
    run_new("en", "portfolio", "-o", str(english))

    dutch_text, english_text = dutch.read_text(encoding="utf-8"), english.read_text(encoding="utf-8")
    assert "# Organisatie: Naam van de organisatie" in dutch_text
    assert "# Organisation: Name of the organisation" in english_text
    assert "#   weight: 0–100  # Gewicht" in dutch_text
    assert yaml.safe_load(dutch_text)["weighting"] == {"method": "direct", "comparisons": []}
    assert yaml.safe_load(english_text)["language"] == "en"


def test_json_skeleton_holds_every_section(tmp_path):
    target = tmp_path / "leeg.json"

    run_new("nl", "portfolio", "-o", str(target))

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["criteria"] == []
    assert data["customers"] == []
    assert data["thresholds"] == {"current_value": {"method": "midpoint"}, "future_potential": {"method": "midpoint"}}
    assert data["service_concepts"]["strategic"]["interaction"] == ""
    assert "visits_per_year" not in data["service_concepts"]["strategic"]


def test_existing_file_is_not_overwritten(tmp_path):
    target = tmp_path / "bestaat.xlsx"
    target.write_bytes(b"mijn werk")

    result = run_new("nl", "portfolio", "-o", str(target))

    assert result.exit_code == 2
    assert f"{target} bestaat al; kies een andere naam of verwijder het bestand eerst." in result.output
    assert target.read_bytes() == b"mijn werk"


def test_unknown_extension_needs_format(tmp_path):
    result = run_new("en", "portfolio", "-o", str(tmp_path / "portfolio.txt"))

    assert result.exit_code == 2
    assert "cannot tell the file format" in result.output
    assert not (tmp_path / "portfolio.txt").exists()


def test_kind_without_workbook_layout_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(kamgen.workbooks, "layout_module", lambda kind: None)

    result = run_new("nl", "account", "--format", "xlsx", "-o", str(tmp_path / "account.xlsx"))

    assert result.exit_code == 1
    assert "Voor de soort invoer account bestaat nog geen Excel-werkmap" in result.output
    assert "--format yaml" in result.output
    assert not (tmp_path / "account.xlsx").exists()


def test_new_as_subprocess(tmp_path, kamgen_env):
    target = tmp_path / "portfolio.yaml"

    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "--lang", "en", "new", "portfolio", "-o", str(target)],
        capture_output=True, text=True, env=kamgen_env, timeout=60,
    )

    assert completed.returncode == 0, completed.stderr
    assert f"Written: {target}" in completed.stderr
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["kind"] == "portfolio"
