"""The two account examples: valid, complete and consistent from one worksheet to the next."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kamgen.cli import make_cli
from kamgen.compute.account import compute_account
from kamgen.i18n import set_language
from kamgen.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
VERSLAND = ROOT / "inputs" / "yaml" / "versland-zuivel-accountplan.yaml"
NOORDKAAP = ROOT / "inputs" / "yaml" / "noordkaap-ontwikkelplan.yaml"


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def validate_json(path: Path) -> dict:
    result = CliRunner().invoke(make_cli(), ["validate", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_versland_validates_without_problems():
    report = validate_json(VERSLAND)

    assert report["errors"] == 0
    assert report["warnings"] == 0
    assert report["files"][0]["kind"] == "account"


def test_noordkaap_validates_with_its_one_warning():
    report = validate_json(NOORDKAAP)
    problems = report["files"][0]["problems"]

    assert report["errors"] == 0
    assert [(problem["code"], problem["worksheet"], problem["value"]) for problem in problems] == [("account.role_uncovered", 12, "decider")]


def test_examples_validate_as_subprocess():
    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "validate", str(VERSLAND), str(NOORDKAAP)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env={"KAMGEN_LANG": "nl", "PATH": "/usr/bin:/bin"},
    )

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "geen fouten" in completed.stdout


@pytest.fixture(scope="module")
def versland():
    return compute_account(read_document(VERSLAND).data)


def test_versland_fills_every_account_plan_worksheet(versland):
    assert versland.filled == (3, *range(12, 31))
    assert versland.header.plan_type == "key_account"


def test_versland_focus_points_come_from_hot_cells(versland):
    hot = set(versland.confrontation.hot_cells)
    for point in versland.focus_points.focus_points:
        assert point.cells, point.code
        assert set(point.cells) <= hot, point.code


def test_versland_projects_come_from_chosen_options(versland):
    chosen = {option.code: option.focus_point for option in versland.choice_matrix.options if option.chosen}
    projects = {project.option: project for project in versland.projects}

    assert set(projects) == set(chosen)
    for code, project in projects.items():
        assert project.focus_points == (chosen[code],)
        assert project.smart_missing == ()


def test_versland_tree_planning_and_budget_cover_every_project(versland):
    codes = {project.code for project in versland.projects}
    in_tree = {node.project for node in versland.goal_tree.nodes if node.level == 3}
    planned = {activity.project for activity in versland.planning.activities}
    budgeted = {summary.project for summary in versland.budget.projects}

    assert codes == in_tree == planned == budgeted
    dates = {project.code: (project.start, project.end) for project in versland.projects}
    for activity in versland.planning.activities:
        start, end = dates[activity.project]
        assert start <= activity.start, activity.code
        assert activity.end <= end, activity.code
    assert versland.planning.overloaded == ()


def test_versland_project_budgets_match_worksheet_29(versland):
    year_zero = {summary.project: summary.years[0].costs for summary in versland.budget.projects}

    for project in versland.projects:
        assert project.budget == pytest.approx(year_zero[project.code]), project.code


def test_noordkaap_is_a_development_plan():
    result = compute_account(read_document(NOORDKAAP).data)

    assert result.header.plan_type == "development"
    assert result.filled == (3, 11, 12)
    assert len(result.development_plan.developments) == 5
    assert len(result.development_plan.new_contacts) >= 2
