"""The portfolio example workbook contains the same data as the YAML example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document

REPOSITORY = Path(__file__).resolve().parent.parent
YAML_EXAMPLE = REPOSITORY / "inputs" / "yaml" / "hoekstra-portfolio.yaml"
EXCEL_EXAMPLE = REPOSITORY / "inputs" / "excel" / "hoekstra-portfolio.xlsx"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def leaves(value, pointer: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{pointer}/{index}")
    else:
        yield pointer


def test_example_workbook_equals_yaml():
    from_yaml = read_document(YAML_EXAMPLE)
    from_excel = read_document(EXCEL_EXAMPLE)

    assert from_excel.problems == []
    assert from_excel.data == from_yaml.data


def test_example_workbook_validates_like_yaml():
    excel_problems = validate_document(read_document(EXCEL_EXAMPLE))
    yaml_problems = validate_document(read_document(YAML_EXAMPLE))

    assert [problem for problem in excel_problems if problem.is_error] == []
    assert sorted((p.code, p.pointer, p.message) for p in excel_problems) == sorted((p.code, p.pointer, p.message) for p in yaml_problems)
    manual = [problem for problem in excel_problems if problem.code == "portfolio.manual_differs"]
    assert [problem.location.describe().split(", ", 1)[1] for problem in manual] == ["WB06 Classificatie!Q36"]


def test_example_workbook_maps_every_value():
    document = read_document(EXCEL_EXAMPLE)

    unmapped = [pointer for pointer in leaves(document.data) if pointer not in document.source_map.entries]

    assert unmapped == []
    assert document.source_map.locate("/customers/7/classification").cell == "Q36"


def test_example_workbook_is_up_to_date():
    completed = subprocess.run(
        [sys.executable, str(REPOSITORY / "tools" / "make_example_workbooks.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )

    assert completed.returncode == 0, completed.stderr
