"""Reproducible builds of the examples: same bytes across processes, time zones and clocks."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

DCTERMS = "{http://purl.org/dc/terms/}"
BUILD_TIMEOUT = 300


@pytest.fixture
def examples(tmp_path, repository) -> Path:
    """A scratch folder holding a copy of the repository's inputs/, so builds never touch the checkout."""
    shutil.copytree(repository / "inputs", tmp_path / "inputs")
    return tmp_path


def run_build(folder: Path, environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kamgen", "build", *arguments], cwd=folder, env=environment,
        capture_output=True, text=True, timeout=BUILD_TIMEOUT, stdin=subprocess.DEVNULL,
    )


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def core_dates(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    return core.find(f"{DCTERMS}created").text, core.find(f"{DCTERMS}modified").text


def documents(folder: Path) -> list[Path]:
    return sorted(path for suffix in ("*.docx", "*.xlsx") for path in folder.rglob(suffix))


def test_examples_identical_across_processes_and_time_zones(examples, kamgen_env):
    first = run_build(examples, {**kamgen_env, "TZ": "UTC", "PYTHONHASHSEED": "1"}, "inputs", "-o", "first")
    # ZIP timestamps have two-second resolution; a later clock must not show up anywhere.
    time.sleep(2.5)
    second = run_build(examples, {**kamgen_env, "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "2"}, "inputs", "-o", "second")

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    built = documents(examples / "first")
    assert any(path.suffix == ".docx" for path in built)
    assert any(path.suffix == ".xlsx" for path in built)
    assert digests(examples / "first") == digests(examples / "second")


@pytest.fixture(scope="module")
def built_example(tmp_path_factory, repository) -> Path:
    """The output folder of one build of the YAML portfolio example, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("example")
    environment = {name: value for name, value in os.environ.items() if name not in ("KAMGEN_LANG", "SOURCE_DATE_EPOCH")}
    result = run_build(folder, environment, str(repository / "inputs/yaml/hoekstra-portfolio.yaml"), "-o", "out")
    assert result.returncode == 0, result.stderr
    return folder / "out"


def test_example_documents_dated_by_period_end(built_example):
    built = documents(built_example)
    assert [path.name for path in built] == [
        "klantportfolio-hoekstra-koeltechniek-b-v.docx", "klantportfolio-hoekstra-koeltechniek-b-v.xlsx",
    ]
    for path in built:
        # The example's period ends on 2026-12-31.
        assert core_dates(path) == ("2026-12-31T00:00:00Z", "2026-12-31T00:00:00Z"), path.name
        with zipfile.ZipFile(path) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2026, 12, 31, 0, 0, 0)}


def test_source_date_epoch_sets_document_properties(examples, kamgen_env):
    # 1767139200 s since 1970-01-01 is 2025-12-31 00:00 UTC (20453 days × 86400 s).
    environment = {**kamgen_env, "SOURCE_DATE_EPOCH": "1767139200"}

    result = run_build(examples, environment, "inputs/yaml/hoekstra-portfolio.yaml", "-o", "out")

    assert result.returncode == 0, result.stderr
    for path in documents(examples / "out"):
        assert core_dates(path) == ("2025-12-31T00:00:00Z", "2025-12-31T00:00:00Z"), path.name
        with zipfile.ZipFile(path) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2025, 12, 31, 0, 0, 0)}


def test_source_date_epoch_change_rebuilds(examples, kamgen_env):
    run_build(examples, kamgen_env, "inputs/yaml/hoekstra-portfolio.yaml", "-o", "out")

    result = run_build(examples, {**kamgen_env, "SOURCE_DATE_EPOCH": "1767139200"}, "inputs/yaml/hoekstra-portfolio.yaml", "-o", "out")

    assert result.returncode == 0, result.stderr
    assert "Gebouwd: out/klantportfolio-hoekstra-koeltechniek-b-v.docx" in result.stderr.splitlines()


def test_two_jobs_same_bytes_for_examples(examples, kamgen_env):
    serial = run_build(examples, kamgen_env, "inputs", "-o", "serial", "--jobs", "1")
    parallel = run_build(examples, kamgen_env, "inputs", "-o", "parallel", "--jobs", "2")

    assert serial.returncode == parallel.returncode == 0, serial.stderr + parallel.stderr
    assert digests(examples / "serial") == digests(examples / "parallel")


def test_example_report_names_the_organisation(built_example):
    import docx
    import openpyxl

    document = docx.Document(str(built_example / "klantportfolio-hoekstra-koeltechniek-b-v.docx"))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    text += "\n".join(paragraph.text for section in document.sections for paragraph in section.header.paragraphs)
    assert "Hoekstra Koeltechniek B.V." in text
    workbook = openpyxl.load_workbook(built_example / "klantportfolio-hoekstra-koeltechniek-b-v.xlsx")
    values = {str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert "Versland Zuivel B.V." in values
