"""Schema errors in people's words, located at the line and pointer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamgen.i18n import set_language
from kamgen.validation import validate_file

HEADER = "kind: portfolio\norganisation: Test BV\nperiod:\n  start: 2026-01-01\n  end: 2026-12-31\n"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def _problems(tmp_path: Path, text: str, name: str = "in.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report, _ = validate_file(path, name)
    return [(problem.code, problem.location.line, problem.pointer) for problem in report.problems], report.problems


def test_valid_header_has_no_problems(tmp_path):
    found, _ = _problems(tmp_path, HEADER)
    assert found == []


def test_missing_organisation(tmp_path):
    found, problems = _problems(tmp_path, "kind: portfolio\nperiod: {start: 2026-01-01, end: 2026-12-31}\n")
    assert found == [("schema.required", 1, "/organisation")]
    assert problems[0].message == "Organisatie ontbreekt; vul het in."


def test_bad_date_message(tmp_path):
    found, problems = _problems(tmp_path, HEADER.replace("2026-12-31", "2026-13-31"))
    assert found == [("schema.format", 5, "/period/end")]
    assert "geen geldige datum" in problems[0].message


def test_score_above_five_keeps_index(tmp_path):
    text = HEADER + "customers:\n  - name: A\n    scores: {C1: 3}\n  - name: B\n    scores: {C1: 7}\n"
    found, problems = _problems(tmp_path, text)
    assert ("schema.maximum", 10, "/customers/1/scores/C1") in found
    problem = next(p for p in problems if p.code == "schema.maximum")
    assert problem.message == "Score C1 is 7, maar mag hoogstens 5 zijn."
    assert problem.worksheet == 6


def test_enum_lists_choices(tmp_path):
    text = HEADER + "customers:\n  - name: A\n    classification: vip\n"
    _, problems = _problems(tmp_path, text)
    assert problems[0].code == "schema.enum"
    assert "transactional, development, large, strategic" in problems[0].message


def test_unknown_field_named(tmp_path):
    _, problems = _problems(tmp_path, HEADER + "organistion: typo\n")
    assert problems[0].code == "schema.additionalProperties"
    assert problems[0].pointer == "/organistion"
    assert "organistion" in problems[0].message


def test_number_given_as_text(tmp_path):
    _, problems = _problems(tmp_path, HEADER + "customers:\n  - name: A\n    revenue: veel\n")
    assert problems[0].message == "Omzet moet een getal zijn, maar is de tekst 'veel'; vul een getal in, zoals 7,5."


def test_english_messages(tmp_path):
    set_language("en")
    _, problems = _problems(tmp_path, "kind: portfolio\nperiod: {start: 2026-01-01, end: 2026-12-31}\n")
    assert problems[0].message == "Organisation is missing; fill it in."


def test_json_problem_has_line_and_pointer(tmp_path):
    document = {"kind": "portfolio", "organisation": "X", "period": {"start": "2026-01-01", "end": "2026-12-31"}, "customers": [{"name": "A", "revenue": -1}]}
    found, _ = _problems(tmp_path, json.dumps(document, indent=2), "in.json")
    # json.dumps with indent=2 puts "revenue" on line 11: {, kind, organisation, period {, start, end, }, customers [, {, name, revenue.
    assert found == [("schema.minimum", 11, "/customers/0/revenue")]


def test_root_not_object(tmp_path):
    found, _ = _problems(tmp_path, "- een\n- lijst\n")
    assert found[0][0] == "reading.unknown_kind"


def test_problems_sorted_by_line(tmp_path):
    text = "kind: portfolio\norganisation: ''\nperiod: {start: x, end: 2026-12-31}\ncurrency: euro\n"
    found, _ = _problems(tmp_path, text)
    assert [line for _, line, _ in found] == sorted(line for _, line, _ in found)
