"""The worked example: Hoekstra Koeltechniek B.V.'s customer portfolio for 2026."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kamgen.compute.portfolio import compute_portfolio
from kamgen.i18n import set_language
from kamgen.readers import read_document
from kamgen.validation import validate_document

EXAMPLE = "inputs/yaml/hoekstra-portfolio.yaml"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


@pytest.fixture(scope="module")
def document():
    from pathlib import Path

    return read_document(Path(__file__).resolve().parent.parent / EXAMPLE)


@pytest.fixture(scope="module")
def result(document):
    return compute_portfolio(document.data)


def customer_named(result, name):
    return next(row for row in result.classification.customers if row.name == name)


def test_example_validates_with_one_intended_warning(document):
    problems = validate_document(document)
    assert [problem for problem in problems if problem.is_error] == []
    assert [(problem.code, problem.pointer) for problem in problems] == [
        ("portfolio.manual_differs", "/customers/7/classification")]
    assert problems[0].message.startswith("Dorrestein Bakkerijen B.V. is ingedeeld als strategische klant")


def test_example_is_marked_fictional(repository):
    first_line = (repository / EXAMPLE).read_text(encoding="utf-8").splitlines()[0]
    assert "Fictief" in first_line


def test_example_shape(document):
    data = document.data
    assert data["organisation"] == "Hoekstra Koeltechniek B.V."
    assert data["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert len(data["customers"]) >= 40
    revenues = [customer["revenue"] for customer in data["customers"]]
    assert min(revenues) == 15000
    assert max(revenues) == 2450000
    assert sum(1 for customer in data["customers"] if customer["profit_contribution"] < 0) == 1
    assert 8 <= len(data["importance"]["drivers"]) <= 10
    scorings = {criterion["scoring"] for criterion in data["criteria"]}
    assert scorings == {"bands", "anchors"}
    lower = [criterion["code"] for criterion in data["criteria"] if criterion.get("direction") == "lower_is_better"]
    assert lower == ["C3"]
    assert any("C3" in customer.get("values", {}) for customer in data["customers"])
    statuses = {step["status"] for step in data["procedure"]["steps"]}
    assert statuses == {"open", "in_progress", "done"}


def test_example_segments(result):
    counts = {segment: summary.customers for segment, summary in result.matrix.segments.items()}
    assert counts == {"transactional": 22, "development": 8, "large": 6, "strategic": 6}
    assert result.matrix.total_customers == 42
    assert result.matrix.unclassified == 0


def test_example_key_customers(result):
    versland = customer_named(result, "Versland Zuivel B.V.")
    # C1 2,450,000 ≥ 1,000,000 → 5; C2 16 % → 3; C3 5.2 % ≤ 7, 10, 14 → 4; C4 5.
    # x = (40×5 + 20×3 + 15×4 + 25×5) / 100 = 4.45.
    assert versland.current_value == pytest.approx(4.45)
    assert versland.segment == "strategic"
    noordkaap = customer_named(result, "Noordkaap Visverwerking B.V.")
    # C5 5, C6 12 % ≥ 8 → 5, C7 5, C8 4: y = (35×5 + 25×5 + 25×5 + 15×4) / 100 = 4.85.
    assert noordkaap.future_potential == pytest.approx(4.85)
    assert noordkaap.segment == "development"


def test_example_manual_classification_differs(result):
    differences = result.classification.differences
    assert [(row.name, row.computed_segment, row.segment) for row in differences] == [
        ("Dorrestein Bakkerijen B.V.", "large", "strategic")]


@pytest.mark.parametrize("column", ["customer_percent", "revenue_percent", "profit_percent"])
def test_example_percentages_add_to_hundred(result, column):
    percents = [getattr(summary, column) for summary in result.matrix.segments.values()]
    assert all(percent is not None for percent in percents)
    assert round(sum(percents), 6) == 100.0


def test_example_customer_percentages(result):
    # 22, 8, 6, 6 of 42: 52.38, 19.05, 14.29, 14.29 → 52.4, 19.0, 14.3, 14.3.
    percents = [summary.customer_percent for summary in result.matrix.segments.values()]
    assert percents == [52.4, 19.0, 14.3, 14.3]


def test_example_examples_per_segment(result):
    segments = result.matrix.segments
    assert segments["strategic"].examples == ["Versland Zuivel B.V.", "Veenhoeve Kaasmakerij B.V.", "IJsselvers Diepvries B.V."]
    # Development: two marked, topped up with the largest unmarked by revenue.
    assert segments["development"].examples == ["Noordkaap Visverwerking B.V.", "Plantaardig Lindeloo B.V.", "Vechtdal Verse Salades B.V."]
    # Transactional: none marked, so the three largest by revenue.
    assert segments["transactional"].examples[0] == "Visgroothandel Hellevoet B.V."


def test_example_worksheets_all_filled(result):
    assert result.filled_worksheets == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert result.empty_worksheets == []
    assert result.importance.urgency == "high"
    assert result.procedure.progress == 0.6
    assert result.strategies["large"].core_strategy_is_default is True
    # 6 strategic customers × 12 visits × 3 hours.
    assert (result.service_concepts["strategic"].visit_load, result.service_concepts["strategic"].hours_load) == (72, 216)


def test_example_validates_from_command_line(repository, kamgen_env):
    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "validate", "--format", "json", EXAMPLE],
        capture_output=True, text=True, timeout=120, env=kamgen_env, cwd=repository,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    assert (report["errors"], report["warnings"]) == (0, 1)
