"""The command line: help with examples, languages, exit codes, problem formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kamgen.cli import make_cli
from kamgen.i18n import set_language

VALID = "kind: portfolio\norganisation: Test BV\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n"
INVALID = "kind: portfolio\norganisation: Test BV\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\ncustomers:\n  - name: A\n    revenue: -5\n"


@pytest.fixture(autouse=True)
def reset_language():
    yield
    set_language(None)


def _commands(group: click.Group, prefix: str = ""):
    for name, command in sorted(group.commands.items()):
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_command_has_help_with_example(language):
    set_language(language)
    word = "Voorbeeld" if language == "nl" else "Example"
    for name, command in _commands(make_cli()):
        assert command.help, name
        assert word in command.help, name
        for parameter in command.params:
            if isinstance(parameter, click.Option) and parameter.name not in ("help",):
                assert parameter.help, f"{name} {parameter.name}"


def test_help_dutch_by_default():
    set_language("nl")
    result = CliRunner().invoke(make_cli(), ["--help"])
    assert result.exit_code == 0
    assert "Opdrachten" in result.output or "Commands" in result.output
    assert "werkbladenpakket" in result.output


def test_help_english_option(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kamgen", "--lang", "en", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "Usage:" in result.stdout
    assert "worksheet pack" in result.stdout


def test_help_english_environment():
    environment = {**__import__("os").environ, "KAMGEN_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "kamgen", "validate", "--help"], capture_output=True, text=True, env=environment, timeout=60)
    assert "Check input files" in result.stdout


def test_dutch_usage_error_exit_two():
    result = subprocess.run([sys.executable, "-m", "kamgen", "bouw"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Onbekende opdracht" in result.stderr


def test_version():
    result = CliRunner().invoke(make_cli(), ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("kamgen ")


def test_list_has_34_worksheets():
    set_language("en")
    result = CliRunner().invoke(make_cli(), ["list", "--format", "json"])
    rows = json.loads(result.output)
    assert [row["number"] for row in rows] == list(range(1, 35))
    assert rows[7]["title"] == "Customer portfolio"


def test_list_dutch_table():
    set_language("nl")
    result = CliRunner().invoke(make_cli(), ["list"])
    assert "Klantportfolio" in result.output
    assert len(result.output.strip().splitlines()) == 35


def test_validate_valid_exit_zero(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_validate_invalid_exit_one(tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text(INVALID, encoding="utf-8")
    set_language("nl")
    result = CliRunner().invoke(make_cli(), ["validate", str(path)])
    assert result.exit_code == 1
    assert "Omzet is -5, maar moet minstens 0 zijn." in result.output
    assert "werkblad 6 (Classificatie van klanten)" in result.output


def test_validate_json_format(tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text(INVALID, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["validate", str(path), "--format", "json"])
    report = json.loads(result.output)
    assert report["valid"] is False
    problem = report["files"][0]["problems"][0]
    assert (problem["code"], problem["line"], problem["pointer"]) == ("schema.minimum", 8, "/customers/0/revenue")


def test_validate_github_format(tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text(INVALID, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["validate", str(path), "--format", "github"])
    line = result.output.strip().splitlines()[0]
    assert line.startswith("::error file=")
    assert ",line=8,col=14," in line


def test_strict_fails_on_warning(tmp_path, monkeypatch):
    from kamgen.problems import WARNING, Problem

    import kamgen.validation as validation

    monkeypatch.setattr(validation, "rule_problems", lambda data, kind: [Problem("portfolio.test", WARNING, "let op", "/organisation")])
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert CliRunner().invoke(make_cli(), ["validate", str(path)]).exit_code == 0
    assert CliRunner().invoke(make_cli(), ["validate", "--strict", str(path)]).exit_code == 1


def test_internal_error_exit_three_without_traceback(tmp_path, monkeypatch):
    import kamgen.validation as validation

    def explode(paths):
        raise RuntimeError("kapot")

    monkeypatch.setattr(validation, "validate_paths", explode)
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    set_language("nl")
    result = CliRunner().invoke(make_cli(), ["validate", str(path)])
    assert result.exit_code == 3
    assert "--debug" in result.output
    assert "Traceback" not in result.output


def test_debug_shows_exception(tmp_path, monkeypatch):
    import kamgen.validation as validation

    monkeypatch.setattr(validation, "validate_paths", lambda paths: (_ for _ in ()).throw(RuntimeError("kapot")))
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["--debug", "validate", str(path)])
    assert isinstance(result.exception, RuntimeError)


def test_schema_command_prints_json():
    result = CliRunner().invoke(make_cli(), ["schema", "portfolio"])
    schema = json.loads(result.output)
    assert schema["$schema"].endswith("2020-12/schema")


def test_validate_folder(tmp_path):
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(INVALID, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["validate", str(tmp_path), "--format", "json"])
    report = json.loads(result.output)
    assert [Path(entry["file"]).name for entry in report["files"]] == ["a.yaml", "b.yaml"]
