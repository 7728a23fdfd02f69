"""`kamgen build` as a user runs it: a subprocess on the examples, with the real portfolio report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BUILD_TIMEOUT = 300
PORTFOLIO_DOCX = "output/yaml/klantportfolio-hoekstra-koeltechniek-b-v.docx"
PORTFOLIO_XLSX = "output/yaml/klantportfolio-hoekstra-koeltechniek-b-v.xlsx"


@pytest.fixture
def project(tmp_path, repository) -> Path:
    """A scratch project folder with a copy of the example inputs/ and no output/ yet."""
    shutil.copytree(repository / "inputs", tmp_path / "inputs")
    return tmp_path


def kamgen(folder: Path, environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kamgen", *arguments], cwd=folder, env=environment,
        capture_output=True, text=True, timeout=BUILD_TIMEOUT, stdin=subprocess.DEVNULL,
    )


def test_build_without_arguments_then_up_to_date(project, kamgen_env):
    first = kamgen(project, kamgen_env, "build")
    second = kamgen(project, kamgen_env, "build")

    assert first.returncode == 0, first.stderr
    assert f"Gebouwd: {PORTFOLIO_DOCX}" in first.stderr.splitlines()
    assert f"Gebouwd: {PORTFOLIO_XLSX}" in first.stderr.splitlines()
    assert first.stderr.splitlines()[-1].startswith("Klaar: ")
    assert second.returncode == 0, second.stderr
    assert f"Actueel, overgeslagen: {PORTFOLIO_DOCX}" in second.stderr.splitlines()
    assert ", 0 mislukt." in second.stderr.splitlines()[-1]
    assert " 0 document(en) gebouwd" in second.stderr.splitlines()[-1]


def test_check_current_then_stale_after_input_change(project, kamgen_env):
    built = kamgen(project, kamgen_env, "build", "inputs/yaml")

    current = kamgen(project, kamgen_env, "build", "--check", "inputs/yaml")
    source = project / "inputs/yaml/hoekstra-portfolio.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("rating: 4", "rating: 3", 1), encoding="utf-8")
    stale = kamgen(project, kamgen_env, "build", "--check", "inputs/yaml")

    assert built.returncode == 0, built.stderr
    assert current.returncode == 0, current.stderr
    assert stale.returncode == 1
    document = "output/klantportfolio-hoekstra-koeltechniek-b-v.docx"
    assert f"Verouderd: {document} (de invoer inputs/yaml/hoekstra-portfolio.yaml is gewijzigd)" in stale.stderr.splitlines()
    assert not list(project.rglob(".*kamgen-tmp*"))


def test_check_in_english(project, kamgen_env):
    result = kamgen(project, {**kamgen_env, "KAMGEN_LANG": "en"}, "build", "--check")

    assert result.returncode == 1
    assert "Missing: output/yaml/customer-portfolio-hoekstra-koeltechniek-b-v.docx (the document is missing)" in result.stderr.splitlines()
    assert not (project / "output").exists()


def test_lang_en_writes_english_documents(project, kamgen_env):
    result = kamgen(project, kamgen_env, "--lang", "en", "build", "inputs/yaml/hoekstra-portfolio.yaml", "-o", "reports")

    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (project / "reports").iterdir() if not path.name.startswith(".")) == [
        "customer-portfolio-hoekstra-koeltechniek-b-v.docx", "customer-portfolio-hoekstra-koeltechniek-b-v.xlsx",
    ]
    assert result.stderr.splitlines()[0] == "Built: reports/customer-portfolio-hoekstra-koeltechniek-b-v.docx"


def test_broken_input_does_not_stop_the_examples(project, kamgen_env):
    (project / "inputs/yaml/kapot.yaml").write_text("kind: portfolio\norganisation: [niet, afgesloten\n", encoding="utf-8")

    result = kamgen(project, kamgen_env, "build", "--jobs", "2", "--format", "github", "inputs/yaml")

    assert result.returncode == 1
    assert "::error file=inputs/yaml/kapot.yaml" in result.stdout
    assert "inputs/yaml/kapot.yaml: niet gebouwd, want de invoer bevat fouten (zie hieronder)." in result.stderr.splitlines()
    assert (project / "output/klantportfolio-hoekstra-koeltechniek-b-v.docx").is_file()


def test_progress_bar_on_a_terminal(project, kamgen_env):
    import pty

    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "kamgen", "build", "inputs/yaml/hoekstra-portfolio.yaml", "-o", "out"], cwd=project,
            env={**kamgen_env, "COLUMNS": "100"}, stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE,
        )
        os.close(terminal)
        terminal = None
        screen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            screen += chunk
        _, errors = process.communicate(timeout=BUILD_TIMEOUT)
    finally:
        os.close(controller)
        if terminal is not None:
            os.close(terminal)

    assert process.returncode == 0, errors
    assert b"Documenten bouwen" in screen
    # With a progress bar the per-document lines are left out; the summary stays.
    assert errors.decode().splitlines()[-1].startswith("Klaar: 2 document(en) gebouwd")
    assert "Gebouwd:" not in errors.decode()
