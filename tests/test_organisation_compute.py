"""Computations of worksheets 31–34 against hand-computed values."""

from __future__ import annotations

import pytest

from kamgen.compute.organisation import (
    TEAM_ROLES,
    band,
    compute_organisation,
    compute_profile,
    compute_readiness,
    compute_team_roles,
    load_scoring_key,
)

HEADER = {"kind": "organisation", "organisation": "Test BV", "period": {"start": "2026-01-01", "end": "2026-12-31"}}


def _condition(domain, presence, importance, statement="x"):
    return {"domain": domain, "statement": statement, "presence": presence, "importance": importance}


# Worksheet 31


def test_gap_is_missing_presence_times_importance():
    result = compute_readiness({"conditions": [_condition("processes", 2, 3), _condition("processes", 5, 3), _condition("processes", 1, 1)]})
    # (5 − 2) × 3 = 9; (5 − 5) × 3 = 0; (5 − 1) × 1 = 4
    assert [condition.gap for condition in result.conditions] == [9, 0, 4]


def test_readiness_is_presence_share():
    conditions = [_condition("processes", 2, 3), _condition("processes", 4, 1), _condition("top_management", 3, 2)]
    result = compute_readiness({"conditions": conditions})
    # Σ presence = 2 + 4 + 3 = 9; 5 × 3 conditions = 15; 9 / 15 = 0.6
    assert result.readiness == pytest.approx(0.6)
    assert result.rated == 3


def test_mean_and_readiness_per_domain():
    conditions = [_condition("processes", 2, 3), _condition("processes", 4, 1), _condition("top_management", 3, 2)]
    domains = {domain.domain: domain for domain in compute_readiness({"conditions": conditions}).domains}
    # processes: mean (2 + 4) / 2 = 3; readiness 6 / 10 = 0.6; gaps 9 + 1 = 10
    assert domains["processes"].mean_presence == pytest.approx(3.0)
    assert domains["processes"].readiness == pytest.approx(0.6)
    assert domains["processes"].total_gap == 10
    assert domains["processes"].conditions == 2
    # top_management: mean 3; gap (5 − 3) × 2 = 4
    assert domains["top_management"].mean_presence == pytest.approx(3.0)
    assert domains["top_management"].total_gap == 4
    # A domain without conditions has no mean.
    assert domains["measures_rewards"].mean_presence is None
    assert domains["measures_rewards"].conditions == 0
    assert len(domains) == 8


def test_ranking_ties_by_domain_then_input_order():
    conditions = [
        _condition("processes", 3, 2, "P1"),  # gap 4
        _condition("top_management", 3, 2, "T1"),  # gap 4, earlier domain
        _condition("processes", 1, 3, "P2"),  # gap 12
        _condition("top_management", 1, 1, "T2"),  # gap 4, same domain as T1, later in the input
        _condition("strategy_selection", 5, 3, "S1"),  # gap 0
    ]
    ranked = compute_readiness({"conditions": conditions}).ranked_gaps
    assert [condition.statement for condition in ranked] == ["P2", "T1", "T2", "P1", "S1"]


def test_unrated_condition_is_left_out():
    conditions = [_condition("processes", 2, 3), {"domain": "processes", "statement": "open"}, _condition("processes", 4, None)]
    result = compute_readiness({"conditions": conditions})
    # Rated: presence 2 and 4, so 6 / (5 × 2) = 0.6; only the first has a gap.
    assert result.rated == 2
    assert result.readiness == pytest.approx(0.6)
    assert [condition.gap for condition in result.conditions] == [9, None, None]
    assert [condition.index for condition in result.ranked_gaps] == [0]


# Worksheet 32

PROFILE = {
    "competencies": [
        {"cluster": "business_insight", "name": "Markt", "importance": 3, "required": 4},
        {"cluster": "business_insight", "name": "DMU", "importance": 2, "required": 3},
        {"cluster": "personal_qualities", "name": "Betrouwbaar", "importance": 1, "required": 5},
        {"cluster": "business_acumen", "name": "Marge", "importance": 2, "required": 4},
    ],
    "people": [{"name": "An", "function": "KAM"}, {"name": "Bo"}],
    "assessments": [
        {"person": "An", "competency": "Markt", "current": 2},
        {"person": "An", "competency": "DMU", "current": 5},
        {"person": "An", "competency": "Betrouwbaar", "current": 3},
        {"person": "an ", "competency": "marge", "current": 3, "development_action": "Cursus"},
        {"person": "Bo", "competency": "Markt", "current": 4},
    ],
}


def test_gap_and_weighted_gap_per_person():
    an = compute_profile(PROFILE).people[0]
    by_name = {assessment.competency: assessment for assessment in an.assessments}
    # Markt: max(0, 4 − 2) = 2, × 3 = 6; DMU: max(0, 3 − 5) = 0; Betrouwbaar: 5 − 3 = 2, × 1 = 2; Marge: 4 − 3 = 1, × 2 = 2
    assert (by_name["Markt"].gap, by_name["Markt"].weighted_gap) == (2, 6)
    assert (by_name["DMU"].gap, by_name["DMU"].weighted_gap) == (0, 0)
    assert (by_name["Betrouwbaar"].gap, by_name["Betrouwbaar"].weighted_gap) == (2, 2)
    assert (by_name["Marge"].gap, by_name["Marge"].weighted_gap) == (1, 2)
    assert an.total_gap == 5
    assert an.total_weighted_gap == 10


def test_fit_caps_current_at_required():
    an = compute_profile(PROFILE).people[0]
    # Σ min(current, required) = 2 + 3 + 3 + 3 = 11; Σ required = 4 + 3 + 5 + 4 = 16
    assert an.fit == pytest.approx(11 / 16)


def test_names_match_ignoring_case_and_spaces():
    an = compute_profile(PROFILE).people[0]
    assert len(an.assessments) == 4
    assert an.assessments[-1].competency == "Marge"
    assert an.assessments[-1].development_action == "Cursus"


def test_top_gaps_ties_by_profile_order():
    an = compute_profile(PROFILE).people[0]
    # Weighted gaps: Markt 6, Betrouwbaar 2, Marge 2 (Betrouwbaar comes first in the profile), DMU 0 left out.
    assert [assessment.competency for assessment in an.top_gaps] == ["Markt", "Betrouwbaar", "Marge"]


def test_cluster_levels_for_radar():
    an = compute_profile(PROFILE).people[0]
    clusters = {cluster.cluster: cluster for cluster in an.clusters}
    # business_insight: required (4 + 3) / 2 = 3.5, current (2 + 5) / 2 = 3.5
    assert clusters["business_insight"].required == pytest.approx(3.5)
    assert clusters["business_insight"].current == pytest.approx(3.5)
    assert [cluster.cluster for cluster in an.clusters] == ["business_insight", "business_acumen", "personal_qualities"]


def test_person_with_partial_assessment():
    bo = compute_profile(PROFILE).people[1]
    # Only Markt: min(4, 4) / 4 = 1.0
    assert bo.fit == pytest.approx(1.0)
    assert bo.top_gaps == []
    assert bo.not_assessed == ["DMU", "Betrouwbaar", "Marge"]


def test_competency_without_required_level_has_no_gap():
    profile = {
        "competencies": [{"cluster": "business_insight", "name": "Markt", "importance": 3}],
        "people": [{"name": "An"}],
        "assessments": [{"person": "An", "competency": "Markt", "current": 2}],
    }
    an = compute_profile(profile).people[0]
    assert an.assessments[0].gap is None
    assert an.fit is None


# Worksheets 33 and 34

KEY = {
    section: {letter: TEAM_ROLES[(position + section) % 9] for position, letter in enumerate("abcdefghi")}
    for section in range(1, 8)
}


def _answers(member, points_per_section):
    return [{"member": member, "section": section, **points} for section, points in points_per_section.items()]


def test_band_limits():
    assert [band(score) for score in (0, 7, 8, 11, 12, 70)] == [
        "least_suited", "least_suited", "manageable", "manageable", "preferred", "preferred",
    ]


def test_scores_follow_the_key():
    # Section s, letter a is role (0 + s) mod 9: section 1 a → resource_investigator, section 2 a → coordinator.
    answers = _answers("An", {1: {"a": 6, "b": 4}, 2: {"a": 10}})
    member = compute_team_roles({"members": [{"name": "An"}], "answers": answers}, KEY).members[0]
    scores = {score.role: score.score for score in member.scores}
    # resource_investigator: 6 (s1 a); coordinator: 4 (s1 b) + 10 (s2 a) = 14
    assert scores["resource_investigator"] == 6
    assert scores["coordinator"] == 14
    assert sum(scores.values()) == 20
    assert member.total == 20
    assert member.complete is False
    assert member.missing_sections == [3, 4, 5, 6, 7]


def test_complete_member_totals_seventy():
    points = {section: {"a": 10} for section in range(1, 8)}
    member = compute_team_roles({"answers": _answers("An", points)}, KEY).members[0]
    scores = {score.role: score.score for score in member.scores}
    # Letter a in sections 1–7 is roles 1..7: resource_investigator … completer_finisher, 10 points each.
    assert scores == {
        "plant": 0, "resource_investigator": 10, "coordinator": 10, "shaper": 10, "monitor_evaluator": 10,
        "teamworker": 10, "implementer": 10, "completer_finisher": 10, "specialist": 0,
    }
    assert member.total == 70
    assert member.complete is True
    assert member.section_totals == {section: 10 for section in range(1, 8)}


def test_ranking_and_ties_keep_role_order():
    # Section 1: a → resource_investigator, b → coordinator, c → shaper.
    member = compute_team_roles({"answers": _answers("An", {1: {"c": 5, "a": 5}})}, KEY).members[0]
    assert [score.role for score in member.ranking[:3]] == ["resource_investigator", "shaper", "plant"]
    assert [score.rank for score in member.scores][:4] == [3, 1, 4, 2]


def test_team_view_flags_uncovered_roles():
    # Letter at position p of section s is role (p + s) mod 9.
    an = {1: {"a": 10}, 2: {"h": 2, "a": 8}}  # s1 a → 1 resource_investigator; s2 h → 0 plant; s2 a → 2 coordinator
    bo = {1: {"b": 10}, 3: {"a": 3, "i": 7}}  # s1 b → 2 coordinator; s3 a → 3 shaper; s3 i → 11 mod 9 = 2 coordinator
    answers = _answers("An", an) + _answers("Bo", bo)
    result = compute_team_roles({"members": [{"name": "An"}, {"name": "Bo"}, {"name": "Cas"}], "answers": answers}, KEY)
    an_scores = {score.role: score.score for score in result.members[0].scores}
    bo_scores = {score.role: score.score for score in result.members[1].scores}
    # An: resource_investigator 10, coordinator 8, plant 2. Bo: coordinator 10 + 7 = 17, shaper 3.
    assert (an_scores["resource_investigator"], an_scores["coordinator"], an_scores["plant"]) == (10, 8, 2)
    assert (bo_scores["coordinator"], bo_scores["shaper"]) == (17, 3)
    assert result.members[0].preferred == []
    assert result.members[1].preferred == ["coordinator"]
    assert result.preferred_by_role["coordinator"] == ["Bo"]
    assert result.uncovered_roles == [role for role in TEAM_ROLES if role != "coordinator"]
    assert result.unanswered == ["Cas"]


def test_first_answer_of_a_repeated_section_counts():
    answers = _answers("An", {1: {"a": 10}}) + _answers("An", {1: {"b": 10}})
    member = compute_team_roles({"answers": answers}, KEY).members[0]
    assert member.total == 10
    assert {score.role: score.score for score in member.scores}["resource_investigator"] == 10


def test_scoring_key_from_content():
    key = load_scoring_key()
    assert key[1]["a"] == "shaper"
    assert key[7]["i"] == "monitor_evaluator"


# The whole input


def test_organisation_with_only_a_header():
    result = compute_organisation(HEADER)
    assert (result.readiness, result.profile, result.team_roles) == (None, None, None)
    assert result.filled_worksheets == []
    assert result.empty_worksheets == [31, 32, 33, 34]
    assert result.period_end == "2026-12-31"


def test_organisation_uses_the_content_key():
    data = {**HEADER, "team_roles": {"members": [{"name": "An"}], "answers": [{"member": "An", "section": 1, "a": 10}]}}
    result = compute_organisation(data)
    # Worksheet 34's key: section 1, letter a is the Shaper (Vormer).
    assert {score.role: score.score for score in result.team_roles.members[0].scores}["shaper"] == 10
    assert result.filled_worksheets == [33, 34]
