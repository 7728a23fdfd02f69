"""Typed-by-hand values in JSON and YAML: converted with a warning, or reported."""

from __future__ import annotations

import pytest

from kamgen.i18n import set_language
from kamgen.validation import validate_file

HEADER = "kind: portfolio\norganisation: Test BV\nperiod: {start: 2026-01-01, end: 2026-12-31}\n"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def _validate(tmp_path, text):
    path = tmp_path / "in.yaml"
    path.write_text(text, encoding="utf-8")
    return validate_file(path, "in.yaml")


def test_decimal_comma_text_converted(tmp_path):
    report, document = _validate(tmp_path, HEADER + "customers:\n  - name: A\n    revenue: '1.234,56'\n")
    assert document.data["customers"][0]["revenue"] == 1234.56
    assert [(p.code, p.severity, p.location.line) for p in report.problems] == [("reading.converted", "warning", 6)]


def test_ambiguous_thousands_is_one_error(tmp_path):
    report, _ = _validate(tmp_path, HEADER + "customers:\n  - name: A\n    revenue: '1.234'\n")
    assert [(p.code, p.severity) for p in report.problems] == [("reading.ambiguous_number", "error")]
    assert "1234" in report.problems[0].message


def test_dutch_date_converted(tmp_path):
    report, document = _validate(tmp_path, HEADER.replace("2026-01-01", "01-01-2026"))
    assert document.data["period"]["start"] == "2026-01-01"
    assert report.problems[0].code == "reading.converted"


def test_yes_no_converted(tmp_path):
    _, document = _validate(tmp_path, HEADER + "customers:\n  - name: A\n    example: ja\n")
    assert document.data["customers"][0]["example"] is True


def test_number_where_text_expected_kept_as_digits(tmp_path):
    report, document = _validate(tmp_path, HEADER + "customers:\n  - name: A\n    code: 123\n")
    assert document.data["customers"][0]["code"] == "123"
    assert report.problems == []


def test_input_file_unchanged(tmp_path):
    text = HEADER + "customers:\n  - name: A\n    revenue: '1.234,56'\n"
    path = tmp_path / "in.yaml"
    path.write_text(text, encoding="utf-8")
    validate_file(path, "in.yaml")
    assert path.read_text(encoding="utf-8") == text


def test_blank_date_reported_missing(tmp_path):
    report, _ = _validate(tmp_path, HEADER.replace("end: 2026-12-31", "end: ''"))
    assert [(p.code, p.pointer) for p in report.problems] == [("schema.required", "/period/end")]
    assert report.problems[0].message == "Einddatum ontbreekt; vul het in."


def test_blank_enum_reported_missing_not_invalid(tmp_path):
    report, document = _validate(tmp_path, HEADER + "customers:\n  - name: A\n    classification: ''\n")
    assert "classification" not in document.data["customers"][0]
    assert report.problems == []
