"""Account computations (worksheets 3 and 11–30), each checked against values worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from kamgen.compute.account import compute_account, filled_worksheets, plan_type_of
from kamgen.compute.account_analysis import (
    compute_development_plan,
    compute_development_stage,
    compute_purchasing_portfolio,
    compute_relationship_matrix,
    compute_relationship_quality,
    purchasing_quadrant,
)
from kamgen.compute.account_goals import compute_goal_tree
from kamgen.compute.account_ideas import (
    compute_angles,
    compute_brainwriting,
    compute_choice_matrix,
    shifted_weights,
    weighted_total,
)
from kamgen.compute.account_projects import activity_dates, compute_budget, compute_planning, compute_projects, payback_period
from kamgen.compute.account_swot import (
    compute_confrontation,
    compute_focus_points,
    compute_scoring_form,
    compute_swot,
    parse_cell_reference,
    priority_of,
)

HEADER = {"kind": "account", "customer": "Testklant B.V.", "period": {"start": "2026-01-01", "end": "2026-12-31"}}


def plan(**sections) -> dict:
    return {**HEADER, **sections}


# --- worksheet 3 -------------------------------------------------------------


def test_relationship_quality_means_per_level():
    data = plan(relationship_quality={"ratings": {
        "strategic_vision": 4, "strategic_relationships": 2, "strategic_knowledge": 3,
        "functional_approach": 5, "functional_processes": 5, "functional_systems": 4,
        "organisational_structure": 2, "organisational_credible": 3, "organisational_win_win": 3, "organisational_authority": 2,
    }})
    result = compute_relationship_quality(data)
    means = {level.level: level.mean for level in result.levels}

    assert means["strategic"] == pytest.approx(3.0)  # (4 + 2 + 3) / 3
    assert means["functional"] == pytest.approx(14 / 3)  # (5 + 5 + 4) / 3
    assert means["organisational"] == pytest.approx(2.5)  # (2 + 3 + 3 + 2) / 4
    assert result.overall_mean == pytest.approx(3.3)  # 33 / 10
    assert result.applying == 4  # 4, 5, 5, 4 are ≥ 4
    assert result.lowest_level == "organisational"


def test_relationship_quality_partial_and_tied():
    data = plan(relationship_quality={"ratings": {"strategic_vision": 2, "functional_approach": 2, "organisational_structure": "veel"}})
    result = compute_relationship_quality(data)

    assert result.rated == 2
    assert result.overall_mean == pytest.approx(2.0)
    # Strategic and functional both average 2; the level first on the form wins the tie.
    assert result.lowest_level == "strategic"
    assert [level.rated for level in result.levels] == [1, 1, 0]


# --- worksheet 11 ------------------------------------------------------------


def test_development_plan_reads_opportunity():
    data = plan(development_plan={
        "developments": [{"description": "Nieuwe lijn", "date": "2026-02-01"}, {"description": "  "}],
        "new_contacts": [{"function": "Controller", "dmu_role": "influencer"}],
        "business_opportunity": {"revenue": 850000, "start": "2026-04-01"},
    })
    result = compute_development_plan(data)

    assert [item.description for item in result.developments] == ["Nieuwe lijn"]
    assert result.new_contacts[0].dmu_role == "influencer"
    assert result.opportunity.revenue == 850000
    assert result.opportunity.start == dt.date(2026, 4, 1)
    assert (result.max_developments, result.max_current_contacts, result.min_new_contacts) == (5, 3, 2)


# --- worksheet 12 ------------------------------------------------------------


def matrix_data() -> dict:
    return plan(relationship_matrix={
        "our_people": [{"name": "Anna"}, {"name": "Bert"}, {"name": "Cor"}],
        "contacts": [
            {"name": "X", "dmu_roles": ["decider"], "influence": 5, "attitude": 1, "strengths": {"Anna": 3, "Bert": 1}},
            {"name": "Y", "dmu_roles": ["buyer"], "influence": 4, "attitude": -1, "strengths": {"Bert": 2}},
            {"name": "Z", "dmu_roles": ["user"], "influence": 4, "attitude": 1, "strengths": {"Anna": 1}},
            {"name": "W", "dmu_roles": ["user"], "influence": 2, "attitude": 0, "strengths": {}},
        ],
    })


def test_relationship_matrix_coverage_and_breadth():
    result = compute_relationship_matrix(matrix_data())
    strongest = {contact.name: contact.strongest for contact in result.contacts}

    assert strongest == {"X": 3, "Y": 2, "Z": 1, "W": 0}
    assert result.contacts[0].strongest_people == ("Anna",)
    assert result.coverage == pytest.approx(0.5)  # X and Y of four contacts have ≥ 2
    assert result.breadth == 2  # Anna (X: 3) and Bert (Y: 2); Cor has no relationship
    assert result.single_point_of_contact is False


def test_relationship_matrix_roles_and_risk():
    result = compute_relationship_matrix(matrix_data())
    roles = {role.role: role for role in result.roles}

    assert result.decider_listed is True
    assert roles["user"].holders == ("Z", "W")
    assert roles["user"].covered is False
    assert result.uncovered_roles == ("user",)
    # Y: influence 4 and attitude −1; Z: influence 4 and strongest 1; W: influence 2 is below 4.
    assert result.flagged == ("Y", "Z")
    assert result.contacts[1].risk_reasons == ("attitude",)
    assert result.contacts[2].risk_reasons == ("weak_relationship",)


def test_relationship_matrix_single_point_of_contact():
    data = plan(relationship_matrix={"our_people": [{"name": "Anna"}, {"name": "Bert"}],
                                     "contacts": [{"name": "X", "strengths": {"Anna": 2}}, {"name": "Y", "strengths": {"Anna": 3, "Bert": 1}}]})
    result = compute_relationship_matrix(data)

    assert result.breadth == 1
    assert result.single_point_of_contact is True
    assert result.decider_listed is False


# --- worksheet 13 ------------------------------------------------------------


def test_development_stage_index_and_gap():
    placements = {"contact_pattern": 3, "information_sharing": 3, "pricing_basis": 2, "supplier_status": 3,
                  "joint_planning": 2, "exit_barriers": 3, "trust_senior_contact": 2}
    result = compute_development_stage(plan(development_stage={"placements": placements, "desired_stage": 4, "uncoupling_risk": True}))

    assert result.index == pytest.approx(18 / 7)  # 2.571…
    assert result.current_stage == 3
    assert result.gap == 1  # 4 − 3
    assert result.uncoupling_risk is True


def test_development_stage_rounds_half_up():
    # Six dimensions: (2 + 3 + 2 + 3 + 2 + 3) / 6 = 2.5, which rounds up to 3 (round() would give 2).
    placements = {"contact_pattern": 2, "information_sharing": 3, "pricing_basis": 2, "supplier_status": 3,
                  "joint_planning": 2, "exit_barriers": 3}
    result = compute_development_stage(plan(development_stage={"placements": placements}))

    assert result.index == pytest.approx(2.5)
    assert result.current_stage == 3
    assert result.gap is None


# --- worksheet 14 ------------------------------------------------------------


@pytest.mark.parametrize("impact, risk, quadrant", [
    (3, 3, "strategic"), (3, 2, "leverage"), (2, 3, "bottleneck"), (2, 2, "routine"), (5, 1, "leverage"), (1, 5, "bottleneck"),
])
def test_purchasing_quadrant_threshold(impact, risk, quadrant):
    assert purchasing_quadrant(impact, risk) == quadrant


def test_purchasing_portfolio_behaviour_and_revenue():
    groups = [
        {"name": "Installaties", "profit_impact": 4, "supply_risk": 4, "revenue": 1000},
        {"name": "Onderhoud", "profit_impact": 2, "supply_risk": 5, "revenue": 500},
        {"name": "Onderdelen", "profit_impact": 1, "supply_risk": 1, "revenue": 200},
        {"name": "Monitoring", "profit_impact": 4, "supply_risk": 1, "revenue": 300},
        {"name": "Zonder score", "revenue": 50},
    ]
    result = compute_purchasing_portfolio(plan(purchasing_portfolio={"groups": groups}))

    assert [group.buyer_behaviour for group in result.groups] == ["partnership", "supply_security", "efficiency", "price_pressure", None]
    assert dict(result.revenue_by_quadrant) == {"routine": 200, "leverage": 300, "bottleneck": 500, "strategic": 1000}
    assert result.total_revenue == 2050  # 1000 + 500 + 200 + 300 + 50


# --- worksheets 17–21 --------------------------------------------------------


def opportunity_items() -> list[dict]:
    return [
        {"code": "K1", "text": "a", "attractiveness": 4, "probability": 4},  # 16
        {"code": "K2", "text": "b", "attractiveness": 5, "probability": 3},  # 15
        {"code": "K3", "text": "c", "attractiveness": 3, "probability": 5},  # 15
        {"code": "K4", "text": "d", "attractiveness": 2, "probability": 4},  # 8
        {"code": "K5", "text": "e", "attractiveness": 1, "probability": 5},  # 5
        {"code": "K6", "text": "f", "attractiveness": 3},  # not scored
    ]


@pytest.mark.parametrize("score, priority", [(25, "high"), (15, "high"), (14, "medium"), (8, "medium"), (7, "low"), (1, "low"), (None, None)])
def test_priority_bands(score, priority):
    assert priority_of(score) == priority


def test_scoring_form_ranks_with_tie_break():
    result = compute_scoring_form(plan(opportunities={"top_n": 3, "items": opportunity_items()}), "opportunities")

    # K2 and K3 both score 15; K2's first rating (5) beats K3's (3).
    assert [(item.code, item.score, item.rank) for item in result.items] == [
        ("K1", 16, 1), ("K2", 15, 2), ("K3", 15, 3), ("K4", 8, 4), ("K5", 5, 5), ("K6", None, None)]
    assert result.selected == ("K1", "K2", "K3")
    assert [item.priority for item in result.items[:5]] == ["high", "high", "high", "medium", "low"]


def test_scoring_form_ties_fall_back_to_code_order():
    items = [{"code": "K10", "text": "a", "attractiveness": 3, "probability": 3},
             {"code": "K9", "text": "b", "attractiveness": 3, "probability": 3}]
    result = compute_scoring_form(plan(opportunities={"items": items}), "opportunities")

    assert [item.code for item in result.items] == ["K9", "K10"]


def test_scoring_form_explicit_choice_wins():
    items = opportunity_items()
    items[4]["choice"] = "in"  # K5, ranked 5th
    items[1]["choice"] = "out"  # K2, ranked 2nd
    items[5]["choice"] = "in"  # K6, not scored
    result = compute_scoring_form(plan(opportunities={"top_n": 4, "items": items}), "opportunities")
    by_code = {item.code: item for item in result.items}

    # K5 and K6 are in by choice; the ranking fills the other two places with K1 and K3 (K2 is out).
    assert result.selected == ("K1", "K3", "K5", "K6")
    assert by_code["K5"].overridden
    assert by_code["K2"].overridden
    assert by_code["K6"].overridden
    assert not by_code["K1"].overridden


def test_scoring_form_top_n_outside_range_uses_default():
    result = compute_scoring_form(plan(opportunities={"top_n": 9, "items": opportunity_items()}), "opportunities")

    assert result.top_n == 5
    assert result.selected == ("K1", "K2", "K3", "K4", "K5")


def test_swot_is_capped_and_never_padded():
    strengths = [{"code": f"S{number}", "text": "x", "importance": 3, "lead": 3, "choice": "in"} for number in range(1, 7)]
    data = plan(strengths={"items": strengths}, weaknesses={"items": [{"code": "Z1", "text": "y", "importance": 2, "gap": 2}]})
    forms = {section: compute_scoring_form(data, section) for section in ("opportunities", "threats", "strengths", "weaknesses")}
    swot = compute_swot(forms)

    assert [entry.code for entry in swot.strengths] == ["S1", "S2", "S3", "S4", "S5"]
    assert [entry.code for entry in swot.weaknesses] == ["Z1"]
    assert swot.opportunities == ()
    assert swot.internal == ("S1", "S2", "S3", "S4", "S5", "Z1")


# --- worksheets 22 and 23 ----------------------------------------------------


def confrontation_plan(rows: list[dict]) -> dict:
    return plan(
        opportunities={"items": [{"code": "K1", "text": "k", "attractiveness": 4, "probability": 4}]},
        threats={"items": [{"code": "B1", "text": "b", "seriousness": 4, "probability": 4}]},
        strengths={"items": [{"code": "S1", "text": "s", "importance": 4, "lead": 4}]},
        weaknesses={"items": [{"code": "Z1", "text": "z", "importance": 4, "gap": 4}]},
        confrontation={"rows": rows},
    )


def confront(data: dict):
    forms = {section: compute_scoring_form(data, section) for section in ("opportunities", "threats", "strengths", "weaknesses")}
    return compute_confrontation(data, compute_swot(forms))


def test_confrontation_totals_with_two_scorers():
    result = confront(confrontation_plan([
        {"scorer": "A", "internal": "S1", "scores": {"K1": 3, "B1": 1}},
        {"scorer": "A", "internal": "Z1", "scores": {"K1": 0, "B1": 3}},
        {"scorer": "B", "internal": "S1", "scores": {"K1": 3, "B1": 2}},
        {"scorer": "B", "internal": "Z1", "scores": {"K1": 1}},
    ]))

    # Cells: S1×K1 3+3 = 6, S1×B1 1+2 = 3, Z1×K1 0+1 = 1, Z1×B1 3+0 = 3.
    assert result.scorers == ("A", "B")
    assert dict(result.row_totals) == {"S1": 9, "Z1": 4}
    assert dict(result.column_totals) == {"K1": 7, "B1": 6}
    assert dict(result.quadrant_totals) == {"attack": 6, "defend": 3, "reinforce": 1, "withdraw": 3}
    assert result.total == 13
    assert result.hot_threshold == 6  # 3 × two scorers
    assert result.hot_cells == (("S1", "K1"),)
    assert result.clusters == ()
    assert [(candidate.internal, candidate.externals, candidate.score) for candidate in result.candidates] == [("S1", ("K1",), 6)]


def test_confrontation_clusters_and_candidates():
    result = confront(confrontation_plan([
        {"internal": "S1", "scores": {"K1": 3, "B1": 3}},
        {"internal": "Z1", "scores": {"K1": 3, "B1": 1}},
    ]))

    # One (unnamed) scorer, so a hot cell is a 3.
    assert result.hot_threshold == 3
    assert result.hot_cells == (("S1", "K1"), ("S1", "B1"), ("Z1", "K1"))
    assert result.clusters == ("S1", "K1")  # two hot cells each
    assert [(candidate.internal, candidate.score, candidate.rank) for candidate in result.candidates] == [("S1", 6, 1), ("Z1", 3, 2)]


def test_confrontation_without_scorers_has_no_hot_cells():
    result = confront(confrontation_plan([]))

    assert result.hot_threshold is None
    assert result.hot_cells == ()
    assert result.total == 0


@pytest.mark.parametrize("typed, expected", [
    ("S2×K1", ("S2", "K1")), ("S2xK1", ("S2", "K1")), ("s2 x k1", ("S2", "K1")), ("Z1*B3", ("Z1", "B3")),
    ("K1×S2", None), ("S2", None), (7, None),
])
def test_cell_reference_parsing(typed, expected):
    assert parse_cell_reference(typed) == expected


def test_focus_points_score_quadrant_and_rank():
    data = confrontation_plan([
        {"internal": "S1", "scores": {"K1": 3, "B1": 2}},
        {"internal": "Z1", "scores": {"K1": 1, "B1": 3}},
    ])
    data["focus_points"] = [
        {"code": "HAP10", "wording": "a", "source_cells": ["Z1×B1"]},
        {"code": "HAP2", "wording": "b", "source_cells": ["Z1xB1"]},
        {"code": "HAP1", "wording": "c", "source_cells": ["S1×K1", "S1×B1", "S9×K1"]},
    ]
    result = compute_focus_points(data, confront(data))

    # HAP1: 3 + 2 = 5 (S9×K1 is not in the matrix); HAP2 and HAP10 tie at 3, HAP2 first by code order.
    assert [(point.code, point.score, point.rank) for point in result.focus_points] == [("HAP1", 5, 1), ("HAP2", 3, 2), ("HAP10", 3, 3)]
    assert result.focus_points[0].quadrant == "attack"  # attack 3 beats defend 2
    assert result.focus_points[1].quadrant == "withdraw"
    assert result.focus_points[0].cells == (("S1", "K1"), ("S1", "B1"))


# --- worksheets 24 and 25 ----------------------------------------------------


def test_brainwriting_votes_shortlist_and_codes():
    data = plan(brainwriting={"shortlist_size": 2, "ideas": [
        {"focus_point": "HAP1", "participant": "A", "text": "een", "votes": {"B": 2, "A": 3}},
        {"focus_point": "HAP1", "participant": "B", "text": "twee", "code": "I5", "votes": {"A": 3}},
        {"focus_point": "HAP1", "participant": "C", "text": "drie", "votes": {"A": 2}},
        {"focus_point": "HAP1", "participant": "C", "text": "vier"},
        {"focus_point": "HAP2", "participant": "A", "text": "vijf", "code": "I1", "votes": {"C": 1}},
    ]})
    result = compute_brainwriting(data)
    hap1 = result.focus_points[0]

    # "een" counts 2 (A's own 3 points are ignored); "twee" 3; "drie" 2, after "een" in writing order.
    assert [(idea.text, idea.points, idea.rank) for idea in hap1.ideas] == [("twee", 3, 1), ("een", 2, 2), ("drie", 2, 3), ("vier", 0, 4)]
    assert hap1.ideas[1].ignored_points == 3
    # I5 is the highest code in use, so "een" gets I6.
    assert hap1.shortlist == ("I5", "I6")
    assert hap1.ideas[1].code_issued is True
    assert result.focus_points[1].shortlist == ("I1",)
    assert result.total_ideas == 5


def test_brainwriting_idea_without_points_stays_off_the_shortlist():
    data = plan(brainwriting={"ideas": [{"focus_point": "HAP1", "text": "stil"}]})
    result = compute_brainwriting(data)

    assert result.focus_points[0].shortlist == ()
    assert result.shortlist_size == 5


def test_angles_matrix_and_codes_continue_after_brainwriting():
    data = plan(
        brainwriting={"ideas": [{"focus_point": "HAP1", "text": "een", "votes": {"X": 1}}]},
        angles={"custom_angles": [{"id": "sustainability", "name": "Duurzaamheid"}], "ideas": [
            {"focus_point": "HAP1", "angle": "product", "text": "a", "shortlist": True},
            {"focus_point": "HAP1", "angle": "product", "text": "b"},
            {"focus_point": "HAP3", "angle": "sustainability", "text": "c", "code": "I7"},
        ]},
    )
    result = compute_account(data)

    assert result.angles.angles[-1] == "sustainability"
    assert result.angles.focus_points == ("HAP1", "HAP3")  # no HAPs on worksheet 23, so the sheet's own in order
    assert ("HAP1", "product", ("a", "b")) in result.angles.cells
    # I7 is in use: brainwriting's shortlisted idea gets I8, the angle idea I9.
    assert [entry.code for entry in result.shortlist] == ["I8", "I9"]


# --- worksheet 26 ------------------------------------------------------------


def choice_data(**extra) -> dict:
    options = [
        {"code": "I1", "text": "A", "scores": {"c1": 5, "c2": 3, "c3": 1}},
        {"code": "I2", "text": "B", "scores": {"c1": 4, "c2": 4, "c3": 4}},
        {"code": "I3", "text": "C", "scores": {"c1": 3, "c2": 5, "c3": 5}},
        {"code": "I4", "text": "D", "scores": {"c1": 5, "c2": 5, "c3": 5}, "knockouts": {"safe": False}},
        {"code": "I5", "text": "E", "scores": {"c1": 5, "c2": 5}},
    ]
    return plan(choice_matrix={
        "criteria": [{"id": "c1", "weight": 50}, {"id": "c2", "weight": 30}, {"id": "c3", "weight": 20}],
        "knockouts": [{"id": "safe", "name": "Veilig"}],
        "options": options, **extra,
    })


def test_choice_matrix_totals_knockouts_and_rank():
    result = compute_choice_matrix(choice_data(choose_top=2))
    by_code = {option.code: option for option in result.options}

    assert by_code["I1"].total == pytest.approx(3.6)  # (50×5 + 30×3 + 20×1) / 100
    assert by_code["I2"].total == pytest.approx(4.0)  # (200 + 120 + 80) / 100
    assert by_code["I3"].total == pytest.approx(4.0)  # (150 + 150 + 100) / 100
    assert by_code["I4"].failed_knockouts == ("safe",)
    assert by_code["I4"].rank is None
    assert by_code["I5"].total is None
    assert by_code["I5"].eligible is False
    # B and C tie at 4.0; B's first criterion (4) beats C's (3).
    assert [by_code[code].rank for code in ("I2", "I3", "I1")] == [1, 2, 3]
    assert [option.code for option in result.options if option.chosen] == ["I2", "I3"]


def test_choice_matrix_sensitivity_and_robustness():
    result = compute_choice_matrix(choice_data())
    cases = {(case.criterion, case.change): case for case in result.sensitivity}

    # c1 at 60: the others ×40/50 → 24 and 16; B = (240 + 96 + 64) / 100 = 4.0, C = (180 + 120 + 80) / 100 = 3.8.
    assert dict(cases[("c1", 10)].weights) == pytest.approx({"c1": 60, "c2": 24, "c3": 16})
    assert cases[("c1", 10)].top_changed is False
    # c1 at 40: the others ×60/50 → 36 and 24; C = (120 + 180 + 120) / 100 = 4.2 beats B's 4.0.
    assert cases[("c1", -10)].top_changed is True
    assert result.robust is False


def test_choice_matrix_explicit_choice():
    data = choice_data()
    data["choice_matrix"]["options"][0]["chosen"] = True
    result = compute_choice_matrix(data)

    assert [option.code for option in result.options if option.chosen] == ["I1"]


def test_weights_shift_and_rescale():
    weights = (("a", 100.0), ("b", 0.0), ("c", 0.0))

    assert shifted_weights(weights, "a", 10) is None  # already at 100
    assert shifted_weights(weights, "a", -10) == (("a", 90.0), ("b", 5.0), ("c", 5.0))
    assert weighted_total({"a": 4, "b": None}, (("a", 100.0), ("b", 0.0))) == pytest.approx(4.0)


# --- worksheets 27–29 --------------------------------------------------------


def test_projects_smart_parts():
    projects = compute_projects(plan(projects=[
        {"code": "P2", "name": "b", "kpi": "omzet", "target": "10 %", "end": "2026-06-30"},
        {"code": "P1", "name": "a", "kpi": "omzet"},
    ]))

    assert [project.code for project in projects] == ["P1", "P2"]
    assert projects[0].smart_missing == ("measurable", "time_bound")
    assert projects[1].smart_missing == ()


@pytest.mark.parametrize("row, expected", [
    ({"start": "2026-03-02", "end": "2026-03-13"}, (dt.date(2026, 3, 2), dt.date(2026, 3, 13), 12 / 7)),
    ({"start": "2026-03-02", "duration_weeks": 2}, (dt.date(2026, 3, 2), dt.date(2026, 3, 15), 2.0)),
    ({"start": "2026-03-02", "end": "2026-04-01", "milestone": True}, (dt.date(2026, 3, 2), dt.date(2026, 3, 2), 0.0)),
    ({"end": "2026-03-13"}, (None, dt.date(2026, 3, 13), None)),
])
def test_activity_dates(row, expected):
    start, end, weeks = activity_dates(row)

    assert (start, end) == expected[:2]
    assert weeks == (pytest.approx(expected[2]) if expected[2] is not None else None)


def test_planning_load_per_owner_and_month():
    activities = [
        {"code": "A1", "project": "P1", "name": "a", "owner": "Anna", "start": "2026-03-02", "end": "2026-04-10"},
        {"code": "A2", "project": "P1", "name": "b", "owner": "Anna", "start": "2026-03-20", "end": "2026-03-31"},
        {"code": "A3", "project": "P1", "name": "c", "owner": "Anna", "start": "2026-01-05", "end": "2026-03-02"},
        {"code": "A4", "project": "P1", "name": "d", "owner": "Anna", "start": "2026-03-15", "milestone": True},
        {"code": "A5", "project": "P1", "name": "e", "owner": "Bert", "start": "2026-03-02", "end": "2026-03-06"},
    ]
    result = compute_planning(plan(planning={"max_parallel": 2, "activities": activities}))
    loads = {(load.owner, load.month): load for load in result.loads}

    # March: A1, A2 and A3 (ends 2 March) run for Anna; the milestone A4 does not count.
    assert loads[("Anna", "2026-03")].activities == ("A1", "A2", "A3")
    assert loads[("Anna", "2026-03")].over_maximum is True
    assert loads[("Anna", "2026-04")].count == 1
    assert loads[("Bert", "2026-03")].over_maximum is False
    assert result.months == ("2026-01", "2026-02", "2026-03", "2026-04")
    assert [load.month for load in result.overloaded] == ["2026-03"]


def budget_lines() -> list[dict]:
    return [
        {"project": "P1", "year": 0, "investment": 1000, "internal_hours": 10, "hourly_rate": 50},
        {"project": "P1", "year": 1, "extra_revenue": 2000, "margin": 0.5, "cost_to_serve": 200},
        {"project": "P1", "year": 2, "cost_savings": 1000, "other_benefits_note": "Referentie"},
        {"project": "P2", "year": 0, "external_costs": 500},
        {"project": "P2", "year": 9, "cost_savings": 99999},
    ]


def test_budget_net_cumulative_roi_payback_npv():
    result = compute_budget(plan(budget={"discount_rate": 0.1, "lines": budget_lines()}))
    first = result.projects[0]

    # Year 0: 1000 + 10 × 50 = 1500 costs; year 1: 2000 × 0.5 − 200 = 800; year 2: 1000.
    assert [year.net for year in first.years] == pytest.approx([-1500, 800, 1000, 0, 0, 0])
    assert first.cumulative[:3] == pytest.approx((-1500, -700, 300))
    assert first.roi == pytest.approx(300 / 1700)  # (2000 − 1700) / 1700
    assert first.payback_years == pytest.approx(1.7)  # 1 + 700 / 1000
    assert first.npv == pytest.approx(-1500 + 800 / 1.1 + 1000 / 1.21)  # 53.72
    assert first.notes == ("Referentie",)


def test_budget_total_and_no_payback():
    result = compute_budget(plan(budget={"lines": budget_lines()}))
    second = result.projects[1]

    assert second.payback_years is None  # −500, never recovered; year 9 is outside the plan
    assert second.roi == pytest.approx(-1.0)
    assert second.npv is None
    assert result.total.total_costs == pytest.approx(2200)  # 1500 + 200 + 500
    assert result.total.net == pytest.approx(-200)  # 2000 − 2200


def test_payback_at_start_and_inside_year():
    assert payback_period([100, 0], [100, 100]) == 0.0
    assert payback_period([-300, 100, 400], [-300, -200, 200]) == pytest.approx(1.5)  # 1 + 200 / 400


# --- worksheet 30 ------------------------------------------------------------


def test_goal_tree_order_and_progress_roll_up():
    nodes = [
        {"id": "R", "level": 0, "text": "ambitie"},
        {"id": "O2", "parent": "R", "level": 1, "text": "b"},
        {"id": "O1", "parent": "R", "level": 1, "text": "a"},
        {"id": "S1", "parent": "O1", "level": 2, "text": "c"},
        {"id": "P1", "parent": "S1", "level": 3, "text": "d", "project": "P1", "progress": 40},
        {"id": "P2", "parent": "S1", "level": 3, "text": "e", "project": "P2", "progress": 60},
        {"id": "S2", "parent": "O2", "level": 2, "text": "f"},
        {"id": "P3", "parent": "S2", "level": 3, "text": "g", "project": "P3", "progress": 90},
        {"id": "O3", "parent": "R", "level": 1, "text": "h", "progress": 20},
        {"id": "X", "parent": "nergens", "level": 1, "text": "los"},
    ]
    result = compute_goal_tree(plan(goal_tree={"nodes": nodes}))
    rolled = {node.id: node.rolled_progress for node in result.nodes}

    assert [node.id for node in result.nodes] == ["R", "O2", "S2", "P3", "O1", "S1", "P1", "P2", "O3", "X"]
    assert rolled["S1"] == pytest.approx(50)  # (40 + 60) / 2
    assert result.progress == pytest.approx((50 + 90 + 20) / 3)  # O1, O2, O3
    assert result.nodes[-1].depth is None


def test_goal_tree_survives_a_cycle():
    nodes = [{"id": "A", "parent": "B", "level": 1, "text": "a", "progress": 10}, {"id": "B", "parent": "A", "level": 1, "text": "b"}]
    result = compute_goal_tree(plan(goal_tree={"nodes": nodes}))

    assert result.root is None
    assert {node.id for node in result.nodes} == {"A", "B"}


# --- the whole plan ----------------------------------------------------------


def test_filled_worksheets_and_plan_type():
    data = plan(development_plan={"development_strategy": "groeien"}, relationship_quality={"ratings": {"strategic_vision": 3}},
                opportunities={"top_n": 5})

    assert filled_worksheets(data) == (3, 11)  # a default top N alone does not fill worksheet 17
    assert plan_type_of(data) == "development"
    assert plan_type_of({**data, "plan_type": "key_account"}) == "key_account"
    assert plan_type_of(plan(segment="strategic")) == "key_account"


@pytest.mark.parametrize("data", [
    {},
    {"relationship_matrix": [1, 2], "projects": "P1", "goal_tree": {"nodes": [None, {"id": 5}]}},
    {"confrontation": {"rows": [{"internal": "S1", "scores": "veel"}]}, "choice_matrix": {"criteria": [{"id": "a", "weight": "x"}]}},
    {"planning": {"activities": [{"code": "A1", "start": "2026-02-30", "duration_weeks": "2"}]}, "budget": {"lines": [{"year": "0"}]}},
])
def test_compute_account_never_crashes_on_partial_data(data):
    result = compute_account(data)

    assert result.header.currency == "EUR"
