"""The worked example of the organisation input: Hoekstra Koeltechniek B.V., 2026."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kamgen.cli import make_cli
from kamgen.compute.organisation import compute_organisation
from kamgen.i18n import set_language
from kamgen.readers import read_document

EXAMPLE = "inputs/yaml/hoekstra-organisatie.yaml"


@pytest.fixture(autouse=True)
def reset_language():
    yield
    set_language(None)


@pytest.fixture
def example(repository):
    return read_document(repository / EXAMPLE)


def test_example_validates_through_cli(repository):
    set_language("en")
    result = CliRunner().invoke(make_cli(), ["validate", "--format", "json", str(repository / EXAMPLE)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["errors"] == 0
    assert report["warnings"] == 0
    assert report["files"][0]["kind"] == "organisation"


def test_example_validates_as_subprocess(repository, kamgen_env):
    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "validate", "--strict", EXAMPLE],
        cwd=repository, env=kamgen_env, capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_example_fills_all_four_worksheets(example):
    result = compute_organisation(example.data)
    assert result.organisation == "Hoekstra Koeltechniek B.V."
    assert result.filled_worksheets == [31, 32, 33, 34]
    assert result.empty_worksheets == []


def test_example_readiness(example):
    readiness = compute_organisation(example.data).readiness
    # Presence per domain: 3+2+3, 2+3+1, 2+4+2, 2+4+3, 3+2+1, 2+3+1, 1+2, 3+4+3 = 56 over 23 conditions.
    assert readiness.rated == 23
    assert readiness.readiness == pytest.approx(56 / 115)
    measures = next(domain for domain in readiness.domains if domain.domain == "measures_rewards")
    # (1 + 2) / 2 = 1.5; gaps (5 − 1) × 2 + (5 − 2) × 3 = 8 + 9 = 17
    assert measures.mean_presence == pytest.approx(1.5)
    assert measures.total_gap == 17
    # Six conditions have presence 2 and importance 3, gap 9, the largest; domain order breaks the tie.
    assert [condition.gap for condition in readiness.ranked_gaps[:7]] == [9, 9, 9, 9, 9, 9, 8]
    assert [condition.domain for condition in readiness.ranked_gaps[:6]] == [
        "strategy_selection", "top_management", "structure_roles", "processes", "information_systems", "measures_rewards",
    ]


def test_example_profile(example):
    people = {person.name: person for person in compute_organisation(example.data).profile.people}
    sanne = people["Sanne Veldkamp"]
    # Required levels sum to 81; Sanne's current levels capped at the required level sum to 70.
    assert sanne.fit == pytest.approx(70 / 81)
    assert [gap.competency for gap in sanne.top_gaps] == ["Waarde aantonen", "Klantwinstgevendheid", "DMU in kaart brengen"]
    # Waarde aantonen: (4 − 2) × 2 = 4
    assert sanne.top_gaps[0].weighted_gap == 4
    ilse = people["Ilse de Graaf"]
    # Relaties op meerdere niveaus: (5 − 2) × 3 = 9
    assert (ilse.top_gaps[0].competency, ilse.top_gaps[0].weighted_gap) == ("Relaties op meerdere niveaus", 9)


def test_example_team_roles(example):
    team = compute_organisation(example.data).team_roles
    assert [member.name for member in team.members] == ["Sanne Veldkamp", "Ruud Bosman", "Ilse de Graaf", "Marten Hoekstra"]
    assert all(member.complete and member.total == 70 for member in team.members)
    preferred = {member.name: member.preferred for member in team.members}
    assert preferred == {
        "Sanne Veldkamp": ["resource_investigator", "coordinator"],
        "Ruud Bosman": ["implementer", "completer_finisher"],
        "Ilse de Graaf": ["specialist", "monitor_evaluator", "completer_finisher"],
        "Marten Hoekstra": ["shaper", "plant", "coordinator"],
    }
    assert team.uncovered_roles == ["teamworker"]
    # Ruud's Teamworker points per section: 2, 0, 2, 1, 3, 1, 2 = 11, a manageable role.
    ruud = team.members[1]
    teamworker = next(score for score in ruud.scores if score.role == "teamworker")
    assert (teamworker.score, teamworker.band) == (11, "manageable")
