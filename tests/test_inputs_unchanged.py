"""Nothing lost: validate and build never change an input, and a failing build keeps what was already built.

The inputs are copies of the committed ``inputs/`` tree. Every file is
hashed (SHA-256) before and after running kamgen, both as a subprocess the way
a user runs it and in-process. A build whose renderer fails for one input
must keep the documents of the others and the earlier documents of the
failing input, and leave no temporary files.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kamgen import build as pipeline
from kamgen.build import BUILT, FAILED, ReportKind, build, portfolio_stem, register_report
from kamgen.i18n import set_language
from kamgen.manifest import MANIFEST_NAME
from kamgen.ooxml import TEMPORARY_MARKER

REPOSITORY = Path(__file__).resolve().parent.parent
# Organisations whose report the failing renderer refuses to write.
FAILING_PREFIX = "Mislukt"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


@pytest.fixture
def project(tmp_path) -> Path:
    """A folder holding a copy of the committed inputs/ tree, as a user's checkout would."""
    shutil.copytree(REPOSITORY / "inputs", tmp_path / "inputs")
    return tmp_path


def checksums(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every file under a folder, by path relative to it (hidden files included)."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def temporary_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob("*") if TEMPORARY_MARKER in path.name)


def run_kamgen(project: Path, environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kamgen", *arguments], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_validate_and_build_leave_inputs_unchanged(project, kamgen_env):
    before = checksums(project / "inputs")

    validated = run_kamgen(project, kamgen_env, "validate", "inputs")
    built = run_kamgen(project, kamgen_env, "build")
    rebuilt = run_kamgen(project, kamgen_env, "build", "--force", "--jobs", "2")
    checked = run_kamgen(project, kamgen_env, "build", "--check")

    assert [validated.returncode, built.returncode, rebuilt.returncode, checked.returncode] == [0, 0, 0, 0], (
        validated.stderr + built.stderr + rebuilt.stderr + checked.stderr)
    assert len(before) == 8
    assert checksums(project / "inputs") == before
    assert temporary_files(project) == []
    documents = {path.relative_to(project / "output").as_posix() for path in (project / "output").rglob("*.docx")}
    assert {"excel/klantportfolio-hoekstra-koeltechniek-b-v.docx", "yaml/klantportfolio-hoekstra-koeltechniek-b-v.docx"} <= documents


def test_invalid_inputs_are_left_unchanged(project, kamgen_env):
    """Inputs with reading problems and errors are only read, whatever kamgen reports about them."""
    import openpyxl

    broken = project / "inputs" / "excel" / "hoekstra-portfolio.xlsx"
    workbook = openpyxl.load_workbook(broken)
    workbook["WB06 Classificatie"]["C29"] = "veel"
    workbook["WB06 Classificatie"].row_dimensions[30].hidden = True
    workbook.save(broken)
    (project / "inputs" / "yaml" / "kapot.yaml").write_text("kind: portfolio\norganisation: [\n", encoding="utf-8")
    before = checksums(project / "inputs")

    validated = run_kamgen(project, kamgen_env, "validate", "inputs")
    built = run_kamgen(project, kamgen_env, "build")

    assert (validated.returncode, built.returncode) == (1, 1)
    assert "WB06 Classificatie!C29" in validated.stdout
    assert checksums(project / "inputs") == before
    assert temporary_files(project) == []


def test_in_process_build_leaves_inputs_unchanged(project):
    before = checksums(project / "inputs")

    result = build([project / "inputs"], project / "output", jobs=1)

    assert [outcome.status for outcome in result.outcomes if outcome.status == FAILED] == []
    assert checksums(project / "inputs") == before


# --- a build that fails midway ---------------------------------------------------------------


def render_or_fail(result, *, docx_path, xlsx_path, language, templates_dir=None):
    """Render the real portfolio report, but fail halfway for organisations named Mislukt…, as a crashing renderer would."""
    from kamgen.render.portfolio_report import write_portfolio_report

    if result.organisation.startswith(FAILING_PREFIX):
        Path(docx_path).write_bytes(b"PK\x03\x04 half a document")
        raise RuntimeError("renderer failed halfway")
    write_portfolio_report(result, docx_path=docx_path, xlsx_path=xlsx_path, language=language, templates_dir=templates_dir)


@pytest.fixture
def failing_renderer():
    real = pipeline.REPORT_KINDS["portfolio"]
    register_report(ReportKind("portfolio", portfolio_stem, compute=real.compute, render=f"{__name__}:render_or_fail",
                               templates=real.templates))
    yield
    register_report(real)


def write_portfolio(path: Path, organisation: str) -> Path:
    data = yaml.safe_load((REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml").read_text(encoding="utf-8"))
    data["organisation"] = organisation
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def visible_documents(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and not path.name.startswith(".")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_second_input_failing_keeps_documents(tmp_path, failing_renderer, jobs):
    inputs, output = tmp_path / "inputs", tmp_path / "output"
    write_portfolio(inputs / "a-noord.yaml", "Noord Koeltechniek B.V.")
    second = write_portfolio(inputs / "b-zuid.yaml", "Zuid Koeltechniek B.V.")
    earlier = build([inputs], output, jobs=jobs)
    assert [outcome.status for outcome in earlier.outcomes] == [BUILT, BUILT]
    earlier_documents = visible_documents(output)
    manifest_before = (output / MANIFEST_NAME).read_text(encoding="utf-8")
    first_input = checksums(inputs)["a-noord.yaml"]

    # The second input changes so that its renderer fails halfway; the first is rebuilt as well.
    write_portfolio(second, f"{FAILING_PREFIX} Zuid B.V.")
    (output / "b-zuid-notitie.txt").write_text("eigen aantekening", encoding="utf-8")
    result = build([inputs], output, jobs=jobs, force=True)

    statuses = {outcome.task.path.name: outcome.status for outcome in result.outcomes}
    assert statuses == {"a-noord.yaml": BUILT, "b-zuid.yaml": FAILED}
    assert "renderer failed halfway" in result.outcomes[1].message
    assert result.exit_code == 1
    # Every document of the earlier build is still there, unchanged except by the first input's rebuild (same bytes).
    assert {name: content for name, content in visible_documents(output).items() if name != "b-zuid-notitie.txt"} == earlier_documents
    assert (output / "b-zuid-notitie.txt").read_text(encoding="utf-8") == "eigen aantekening"
    assert (output / MANIFEST_NAME).read_text(encoding="utf-8") == manifest_before
    assert temporary_files(tmp_path) == []
    assert checksums(inputs)["a-noord.yaml"] == first_input
