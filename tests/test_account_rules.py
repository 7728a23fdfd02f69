"""Method rules of the account input: one small plan per rule, problems compared as (code, severity, pointer)."""

from __future__ import annotations

import copy

import pytest

from kamgen.i18n import set_language
from kamgen.messages.account import MESSAGES
from kamgen.problems import ERROR, WARNING
from kamgen.rules.account import check
from kamgen.validation import schema_problems

HEADER = {"kind": "account", "format_version": 1, "customer": "Testklant B.V.", "period": {"start": "2026-01-01", "end": "2026-12-31"}}


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def plan(**sections) -> dict:
    return {**copy.deepcopy(HEADER), **sections}


def found(data: dict) -> set[tuple[str, str, str]]:
    return {(problem.code, problem.severity, problem.pointer) for problem in check(data)}


def codes(data: dict) -> list[str]:
    return sorted(problem.code for problem in check(data))


def only(data: dict, code: str):
    matching = [problem for problem in check(data) if problem.code == code]
    assert len(matching) == 1, matching
    return matching[0]


# --- header and worksheet 11 -----------------------------------------------------


def test_minimal_plan_has_no_problems():
    assert check(plan()) == []


def test_period_out_of_order():
    problem = only(plan(period={"start": "2026-12-31", "end": "2026-01-01"}), "account.date_order")

    assert (problem.severity, problem.pointer) == (ERROR, "/period/end")
    assert "31-12-2026" in problem.message
    assert "01-01-2026" in problem.message


@pytest.mark.parametrize("segment, plan_type, warned", [
    ("strategic", "key_account", False), ("development", "development", False), ("large", "key_account", False),
    ("development", "key_account", True), ("strategic", "development", True), ("transactional", "key_account", True),
])
def test_plan_type_against_segment(segment, plan_type, warned):
    problems = [problem for problem in check(plan(segment=segment, plan_type=plan_type)) if problem.code == "account.plan_type_segment"]

    assert bool(problems) is warned
    assert all(problem.severity == WARNING for problem in problems)


def test_development_plan_limits():
    data = plan(development_plan={
        "developments": [{"description": f"d{number}"} for number in range(7)],
        "current_contacts": [{"name": f"c{number}"} for number in range(4)],
        "new_contacts": [{"function": "Controller"}],
        "business_opportunity": {"start": "2027-01-01", "end": "2026-01-01"},
    })

    assert found(data) == {
        ("account.developments_max", ERROR, "/development_plan/developments/5"),
        ("account.current_contacts_max", ERROR, "/development_plan/current_contacts/3"),
        ("account.new_contacts_min", WARNING, "/development_plan/new_contacts"),
        ("account.date_order", ERROR, "/development_plan/business_opportunity/end"),
    }
    assert "7 ontwikkelingen" in only(data, "account.developments_max").message  # 7 listed, 2 too many


def test_development_plan_within_limits():
    data = plan(development_plan={
        "developments": [{"description": f"d{number}"} for number in range(5)],
        "current_contacts": [{"name": f"c{number}"} for number in range(3)],
        "new_contacts": [{"function": "Controller"}, {"function": "Directeur"}],
    })

    assert check(data) == []


# --- worksheet 12 ----------------------------------------------------------------


def test_relationship_matrix_rules():
    data = plan(relationship_matrix={
        "our_people": [{"name": "Anna"}, {"name": "Anna"}],
        "contacts": [
            {"name": "X", "dmu_roles": ["buyer"], "strengths": {"Anna": 3}},
            {"name": "Y", "dmu_roles": ["user", "influencer"], "strengths": {"Bert": 3, "Anna": 1}},
        ],
    })

    assert found(data) == {
        ("account.duplicate", ERROR, "/relationship_matrix/our_people/1/name"),
        ("account.unknown_person", ERROR, "/relationship_matrix/contacts/1/strengths/Bert"),
        ("account.no_decider", WARNING, "/relationship_matrix/contacts"),
        ("account.role_uncovered", WARNING, "/relationship_matrix/contacts/1/dmu_roles"),
    }
    uncovered = [problem.value for problem in check(data) if problem.code == "account.role_uncovered"]
    assert sorted(uncovered) == ["influencer", "user"]


def test_relationship_matrix_covered_decider_is_quiet():
    data = plan(relationship_matrix={"our_people": [{"name": "Anna"}], "contacts": [{"name": "X", "dmu_roles": ["decider"], "strengths": {"Anna": 2}}]})

    assert check(data) == []


@pytest.mark.parametrize("contact, pointer", [
    ({"name": "X", "influence": 6}, "/relationship_matrix/contacts/0/influence"),
    ({"name": "X", "attitude": -3}, "/relationship_matrix/contacts/0/attitude"),
    ({"name": "X", "strengths": {"Anna": 4}}, "/relationship_matrix/contacts/0/strengths/Anna"),
    ({"name": "X", "dmu_roles": ["boss"]}, "/relationship_matrix/contacts/0/dmu_roles/0"),
])
def test_relationship_matrix_ranges_are_schema_errors(contact, pointer):
    problems = schema_problems(plan(relationship_matrix={"our_people": [{"name": "Anna"}], "contacts": [contact]}), "account")

    assert [(problem.pointer, problem.worksheet) for problem in problems] == [(pointer, 12)]


# --- worksheets 15 and 16 --------------------------------------------------------


def test_findings_codes_and_relevance():
    data = plan(
        customer_findings=[
            {"code": "K1", "description": "a", "qualification": "opportunity"},
            {"code": "B1", "description": "b", "qualification": "opportunity"},
            {"code": "K2", "description": "c", "qualification": "neutral"},
            {"code": "K1", "description": "d", "qualification": "opportunity"},
            {"code": "K3", "description": "e", "qualification": "opportunity"},
        ],
        internal_findings=[
            {"code": "S1", "description": "f", "qualification": "strength", "relevant": False},
            {"code": "Z1", "description": "g", "qualification": "weakness", "relevant": True},
            {"description": "h", "qualification": "neutral", "relevant": False},
        ],
        opportunities={"items": [{"code": "K1", "text": "a"}]},
    )

    assert found(data) == {
        ("account.finding_code_mismatch", ERROR, "/customer_findings/1/code"),
        ("account.finding_neutral_code", ERROR, "/customer_findings/2/code"),
        ("account.finding_not_scored", WARNING, "/customer_findings/2/code"),
        ("account.duplicate", ERROR, "/customer_findings/3/code"),
        ("account.finding_not_scored", WARNING, "/customer_findings/4/code"),
        ("account.not_relevant", WARNING, "/internal_findings/0/relevant"),
    }
    assert "bedreiging" in only(data, "account.finding_code_mismatch").message


# --- worksheets 17–20 ------------------------------------------------------------


@pytest.mark.parametrize("top_n, bad", [(2, True), (3, False), (5, False), (6, True)])
def test_top_n_range(top_n, bad):
    data = plan(threats={"top_n": top_n, "items": [{"code": "B1", "text": "a", "seriousness": 3, "probability": 3}]})

    assert (("account.top_n_range", ERROR, "/threats/top_n") in found(data)) is bad


def test_scoring_form_duplicates_and_too_many_choices():
    items = [{"code": f"S{number}", "text": "x", "choice": "in"} for number in range(1, 5)] + [{"code": "S1", "text": "dubbel"}]
    data = plan(strengths={"top_n": 3, "items": items})

    assert found(data) == {
        ("account.duplicate", ERROR, "/strengths/items/4/code"),
        ("account.swot_choices_exceed", WARNING, "/strengths/items/0/choice"),
    }


# --- worksheets 22 and 23 --------------------------------------------------------


def swot_plan(**extra) -> dict:
    return plan(
        opportunities={"items": [{"code": "K1", "text": "k", "attractiveness": 4, "probability": 4},
                                 {"code": "K2", "text": "k2", "attractiveness": 1, "probability": 1, "choice": "out"}]},
        threats={"items": [{"code": "B1", "text": "b", "seriousness": 4, "probability": 4}]},
        strengths={"items": [{"code": "S1", "text": "s", "importance": 4, "lead": 4}]},
        weaknesses={"items": [{"code": "Z1", "text": "z", "importance": 4, "gap": 4}]},
        **extra,
    )


def test_confrontation_references_swot_items():
    data = swot_plan(confrontation={"rows": [
        {"scorer": "A", "internal": "S1", "scores": {"K1": 3, "K2": 1}},
        {"scorer": "A", "internal": "S2", "scores": {"K1": 1}},
        {"scorer": "A", "internal": "S1", "scores": {"B1": 2}},
        {"scorer": "B", "internal": "S1", "scores": {"B1": 2}},
    ]})

    assert found(data) == {
        ("account.confrontation_unknown_item", ERROR, "/confrontation/rows/0/scores/K2"),  # K2 is marked out of the SWOT
        ("account.confrontation_unknown_item", ERROR, "/confrontation/rows/1/internal"),
        ("account.confrontation_duplicate_row", ERROR, "/confrontation/rows/2/internal"),
    }


def test_confrontation_score_range_is_a_schema_error():
    problems = schema_problems(swot_plan(confrontation={"rows": [{"internal": "S1", "scores": {"K1": 4}}]}), "account")

    assert [(problem.pointer, problem.code, problem.worksheet) for problem in problems] == [("/confrontation/rows/0/scores/K1", "schema.maximum", 22)]


def haps(count: int) -> list[dict]:
    return [{"code": f"HAP{number}", "wording": "w", "source_cells": ["S1×K1"]} for number in range(1, count + 1)]


def test_focus_point_cells_must_exist():
    points = haps(3)
    points[1]["source_cells"] = ["S1xB1", "S1×K2", "Z9×K1"]
    data = swot_plan(focus_points=points)

    assert found(data) == {
        ("account.focus_point_cell_unknown", ERROR, "/focus_points/1/source_cells/1"),
        ("account.focus_point_cell_unknown", ERROR, "/focus_points/1/source_cells/2"),
    }
    messages = [problem.message for problem in check(data) if problem.pointer.endswith("source_cells/2")]
    assert "want Z9 staat niet in de SWOT" in messages[0]


@pytest.mark.parametrize("count, warned", [(1, True), (2, True), (3, False), (5, False), (6, True)])
def test_focus_point_count(count, warned):
    problems = [problem for problem in check(swot_plan(focus_points=haps(count))) if problem.code == "account.focus_point_count"]

    assert bool(problems) is warned
    assert all(problem.pointer == "/focus_points" and problem.severity == WARNING for problem in problems)


# --- worksheets 24 and 25 --------------------------------------------------------


def test_brainwriting_and_angle_rules():
    data = swot_plan(
        focus_points=haps(3),
        brainwriting={
            "participants": [{"name": "A"}, {"name": "B"}],
            "sessions": [{"focus_point": "HAP9"}],
            "ideas": [
                {"focus_point": "HAP1", "participant": "A", "text": "een", "code": "I1", "votes": {"A": 2, "B": 1, "C": 3}},
                {"focus_point": "HAP4", "participant": "B", "text": "twee"},
            ],
        },
        angles={"ideas": [
            {"focus_point": "HAP2", "angle": "weather", "text": "drie", "code": "I1"},
            {"focus_point": "HAP2", "angle": "product", "text": "vier"},
        ]},
    )

    assert found(data) == {
        ("account.unknown_focus_point", ERROR, "/brainwriting/sessions/0/focus_point"),
        ("account.own_vote", WARNING, "/brainwriting/ideas/0/votes/A"),
        ("account.unknown_voter", ERROR, "/brainwriting/ideas/0/votes/C"),
        ("account.unknown_focus_point", ERROR, "/brainwriting/ideas/1/focus_point"),
        ("account.unknown_angle", ERROR, "/angles/ideas/0/angle"),
        ("account.duplicate", ERROR, "/angles/ideas/0/code"),
    }


def test_custom_angle_is_known():
    data = swot_plan(focus_points=haps(3), angles={"custom_angles": [{"id": "weather", "name": "Weer"}],
                                                   "ideas": [{"focus_point": "HAP1", "angle": "weather", "text": "x"}]})

    assert check(data) == []


# --- worksheet 26 ----------------------------------------------------------------


def test_choice_matrix_rules():
    data = swot_plan(
        focus_points=haps(3),
        brainwriting={"ideas": [{"focus_point": "HAP1", "text": "a", "code": "I1"}]},
        choice_matrix={
            "criteria": [{"id": "customer_value", "weight": 60}, {"id": "margin", "weight": 30}],
            "knockouts": [{"id": "lawful", "name": "Mag van de wet"}],
            "options": [
                {"code": "I1", "text": "a", "focus_point": "HAP1", "scores": {"customer_value": 4, "margin": 3, "risk": 2}},
                {"code": "I7", "text": "b", "focus_point": "HAP8", "scores": {"customer_value": 4}, "knockouts": {"lawful": False, "cheap": True},
                 "chosen": True},
            ],
        },
    )

    assert found(data) == {
        ("account.weights_sum", ERROR, "/choice_matrix/criteria"),
        ("account.unknown_criterion", ERROR, "/choice_matrix/options/0/scores/risk"),
        ("account.unknown_focus_point", ERROR, "/choice_matrix/options/1/focus_point"),
        ("account.score_missing", WARNING, "/choice_matrix/options/1/scores"),
        ("account.unknown_knockout", ERROR, "/choice_matrix/options/1/knockouts/cheap"),
        ("account.unknown_idea", WARNING, "/choice_matrix/options/1/code"),
        ("account.chosen_knocked_out", WARNING, "/choice_matrix/options/1/chosen"),
    }
    # 60 + 30 = 90, ten short of 100.
    message = only(data, "account.weights_sum").message
    assert "tot 90" in message
    assert "10 te weinig" in message


def test_choice_matrix_weights_of_100_pass():
    data = plan(choice_matrix={"criteria": [{"id": "a", "weight": 33.3}, {"id": "b", "weight": 66.7}]})

    assert check(data) == []


# --- worksheets 27–29 ------------------------------------------------------------


def project(code: str, **fields) -> dict:
    return {"code": code, "name": f"Project {code}", "kpi": "omzet", "target": "+10 %", "start": "2026-02-01", "end": "2026-06-30", **fields}


def test_project_rules():
    data = swot_plan(
        focus_points=haps(3),
        choice_matrix={"options": [{"code": "I1", "text": "a"}]},
        goal_tree={"nodes": [{"id": "D0", "level": 0, "text": "x"}]},
        projects=[
            project("P1", focus_points=["HAP1", "HAP7"], option="I2", goal_node="D9", start="2026-07-01"),
            project("P2", kpi=None, end=None),
            project("P1"),
        ],
    )
    problems = {(code, severity, pointer) for code, severity, pointer in found(data) if not code.startswith("account.goal")}

    assert problems >= {
        ("account.date_order", ERROR, "/projects/0/end"),
        ("account.unknown_focus_point", ERROR, "/projects/0/focus_points/1"),
        ("account.project_unknown_option", ERROR, "/projects/0/option"),
        ("account.unknown_goal_node", ERROR, "/projects/0/goal_node"),
        ("account.project_not_measurable", WARNING, "/projects/1/kpi"),
        ("account.project_not_time_bound", WARNING, "/projects/1/end"),
        ("account.duplicate", ERROR, "/projects/2/code"),
    }


def test_planning_rules():
    activities = [
        {"code": "A1", "project": "P1", "name": "a", "owner": "Anna", "start": "2026-01-15", "end": "2026-02-20"},
        {"code": "A2", "project": "P1", "name": "b", "owner": "Anna", "start": "2026-02-10", "end": "2026-02-28", "predecessors": ["A1", "A9"]},
        {"code": "A3", "project": "P9", "name": "c", "owner": "Anna", "start": "2026-02-01", "end": "2026-02-05"},
        {"code": "A4", "project": "P1", "name": "d", "start": "2026-03-10", "end": "2026-03-01"},
    ]
    data = plan(projects=[project("P1")], goal_tree={}, planning={"max_parallel": 2, "activities": activities})

    assert found(data) == {
        ("account.activity_outside_project", WARNING, "/planning/activities/0/start"),  # starts 15 January, P1 on 1 February
        ("account.unknown_predecessor", ERROR, "/planning/activities/1/predecessors/1"),
        ("account.predecessor_overlap", WARNING, "/planning/activities/1/start"),  # starts 10 February, A1 ends 20 February
        ("account.unknown_project", ERROR, "/planning/activities/2/project"),
        ("account.owner_overloaded", WARNING, "/planning/activities/0/owner"),  # February: A1, A2 and A3 for Anna
        ("account.date_order", ERROR, "/planning/activities/3/end"),
    }
    assert "2026-02" in only(data, "account.owner_overloaded").message


def test_planning_predecessor_ending_the_day_before_is_fine():
    activities = [
        {"code": "A1", "project": "P1", "name": "a", "start": "2026-02-02", "end": "2026-02-13"},
        {"code": "A2", "project": "P1", "name": "b", "start": "2026-02-14", "milestone": True, "predecessors": ["A1"]},
        {"code": "A3", "project": "P1", "name": "c", "start": "2026-02-14", "end": "2026-02-20", "predecessors": ["A2"]},
    ]
    assert check(plan(projects=[project("P1")], planning={"activities": activities})) == []


def test_budget_rules():
    data = plan(projects=[project("P1")], budget={"lines": [
        {"project": "P1", "year": 6}, {"project": "P1", "year": -1}, {"project": "P3", "year": 0}, {"project": "P1", "year": 5},
    ]})

    assert found(data) == {
        ("account.budget_year_range", ERROR, "/budget/lines/0/year"),
        ("account.budget_year_range", ERROR, "/budget/lines/1/year"),
        ("account.unknown_project", ERROR, "/budget/lines/2/project"),
    }


# --- worksheet 30 ----------------------------------------------------------------


def good_tree() -> list[dict]:
    return [
        {"id": "D0", "level": 0, "text": "ambitie"},
        {"id": "D1", "parent": "D0", "level": 1, "text": "doel", "kpi": "omzet"},
        {"id": "D1.1", "parent": "D1", "level": 2, "text": "subdoel", "kpi": "aandeel"},
        {"id": "D1.1.1", "parent": "D1.1", "level": 3, "text": "project", "project": "P1"},
    ]


def test_goal_tree_that_is_correct():
    assert check(plan(projects=[project("P1")], goal_tree={"nodes": good_tree()})) == []


def test_goal_tree_structure_errors():
    nodes = good_tree() + [
        {"id": "X", "level": 1, "text": "tweede wortel", "kpi": "k"},
        {"id": "Y", "parent": "nergens", "level": 1, "text": "wees", "kpi": "k"},
        {"id": "C1", "parent": "C2", "level": 2, "text": "kring", "kpi": "k"},
        {"id": "C2", "parent": "C1", "level": 2, "text": "kring", "kpi": "k"},
        {"id": "L", "parent": "D0", "level": 2, "text": "te diep", "kpi": "k"},
        {"id": "P", "parent": "D1.1", "level": 3, "text": "zonder project"},
        {"id": "Q", "parent": "D1.1", "level": 3, "text": "onbekend project", "project": "P5"},
        {"id": "D1", "parent": "D0", "level": 1, "text": "dubbel", "kpi": "k"},
    ]
    problems = found(plan(projects=[project("P1")], goal_tree={"nodes": nodes}))

    assert {
        ("account.goal_root", ERROR, "/goal_tree/nodes/4/parent"),
        ("account.goal_root_level", ERROR, "/goal_tree/nodes/4/level"),
        ("account.goal_unknown_parent", ERROR, "/goal_tree/nodes/5/parent"),
        ("account.goal_cycle", ERROR, "/goal_tree/nodes/6/parent"),
        ("account.goal_level", ERROR, "/goal_tree/nodes/8/level"),
        ("account.goal_project_required", ERROR, "/goal_tree/nodes/9/project"),
        ("account.unknown_project", ERROR, "/goal_tree/nodes/10/project"),
        ("account.duplicate", ERROR, "/goal_tree/nodes/11/id"),
    } <= problems
    # The cycle C1 → C2 → C1 is reported once, on the first node met.
    assert sum(1 for code, _, _ in problems if code == "account.goal_cycle") == 1


def test_goal_tree_without_root():
    nodes = [{"id": "A", "parent": "B", "level": 1, "text": "a", "kpi": "k"}, {"id": "B", "parent": "A", "level": 1, "text": "b", "kpi": "k"}]
    problems = found(plan(goal_tree={"nodes": nodes}))

    assert ("account.goal_root", ERROR, "/goal_tree/nodes") in problems


def test_goal_tree_warnings():
    nodes = good_tree()
    del nodes[1]["kpi"]
    nodes.append({"id": "D2", "parent": "D0", "level": 1, "text": "leeg doel", "kpi": "k"})
    data = plan(projects=[project("P1"), project("P2")], goal_tree={"nodes": nodes})

    assert found(data) == {
        ("account.objective_without_kpi", WARNING, "/goal_tree/nodes/1/kpi"),
        ("account.goal_without_children", WARNING, "/goal_tree/nodes/4"),
        ("account.project_not_in_tree", WARNING, "/projects/1/code"),
    }


# --- robustness and messages -----------------------------------------------------


@pytest.mark.parametrize("data", [
    None, [], "plan",
    {"development_plan": {"developments": "veel", "new_contacts": 3}, "relationship_matrix": {"contacts": [None, 5, {"strengths": [1]}]}},
    {"customer_findings": {"code": "K1"}, "opportunities": {"top_n": "vijf", "items": [{"code": 5}]}, "confrontation": {"rows": [{"internal": "S1", "scores": [3]}]}},
    {"focus_points": [{"code": "HAP1", "source_cells": "S1×K1"}], "brainwriting": {"ideas": [{"votes": ["A"]}]}, "angles": {"ideas": [{"angle": 7}]}},
    {"choice_matrix": {"criteria": [{"id": "a", "weight": "veel"}], "options": [{"scores": None, "knockouts": 1}]}},
    {"projects": [{"code": "P1", "focus_points": "HAP1", "start": "morgen"}], "planning": {"activities": [{"code": "A1", "predecessors": "A0"}]}},
    {"budget": {"lines": [{"year": "2026"}]}, "goal_tree": {"nodes": [{"id": "A", "parent": "A", "level": "top"}]}},
])
def test_rules_never_crash(data):
    assert isinstance(check(data), list)


def test_every_message_has_both_languages():
    for key, entry in MESSAGES.items():
        assert set(entry) == {"nl", "en"}, key
        assert entry["nl"].count("{") == entry["en"].count("{"), key


def test_messages_in_english():
    set_language("en")
    problem = only(plan(development_plan={"new_contacts": []}), "account.new_contacts_min")

    assert problem.message.startswith("You list 0 new contacts")
    assert problem.field == "New contacts"
    assert problem.worksheet == 11
