"""Method rules of the portfolio: one small input per rule, with the value each message must name."""

from __future__ import annotations

import json
import string
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamgen.cli import make_cli
from kamgen.compute.portfolio_model import Warning
from kamgen.i18n import set_language
from kamgen.messages.portfolio import MESSAGES
from kamgen.rules.portfolio import check, format_number, warning_message

HEADER = {"kind": "portfolio", "organisation": "Test B.V.", "period": {"start": "2026-01-01", "end": "2026-12-31"}}


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language(None)


def criteria(current: int = 3, future: int = 3, weights: bool = True) -> list[dict]:
    """Anchors criteria C1… on current value, then on future potential, with equal whole weights when asked."""
    items = []
    for axis, count in (("current_value", current), ("future_potential", future)):
        for position in range(count):
            item = {"code": f"C{len(items) + 1}", "axis": axis, "name": f"Criterium {len(items) + 1}"}
            if weights:
                item["weight"] = 100 // count + (100 % count if position == 0 else 0)
            items.append(item)
    return items


def full_scores(codes=("C1", "C2", "C3", "C4", "C5", "C6"), score: int = 3) -> dict:
    return {code: score for code in codes}


def problems(**sections) -> list:
    return check({**HEADER, **sections})


def found(problem_list, code: str) -> list:
    return [problem for problem in problem_list if problem.code == code]


def summary(problem) -> tuple:
    return (problem.code, problem.severity, problem.pointer, problem.worksheet)


# --- header and worksheet 1 -------------------------------------------------


def test_period_end_before_start():
    result = check({**HEADER, "period": {"start": "2026-12-31", "end": "2026-01-01"}})
    assert [summary(problem) for problem in result] == [("portfolio.period_order", "error", "/period/end", None)]
    assert "2026-01-01" in result[0].message


def test_driver_count_outside_eight_to_ten():
    drivers = [{"statement": f"s{index}", "rating": 3} for index in range(7)]
    result = found(problems(importance={"drivers": drivers}), "portfolio.driver_count")
    assert [summary(problem) for problem in result] == [("portfolio.driver_count", "warning", "/importance/drivers", 1)]
    assert result[0].message.startswith("Het aantal marktontwikkelingen is 7")
    eight = [{"statement": f"s{index}", "rating": 3} for index in range(8)]
    assert not found(problems(importance={"drivers": eight}), "portfolio.driver_count")


def test_driver_without_rating():
    drivers = [{"code": "D1", "statement": "a", "rating": 4}, {"code": "D2", "statement": "b"}]
    result = found(problems(importance={"drivers": drivers}), "portfolio.driver_unrated")
    assert [summary(problem) for problem in result] == [("portfolio.driver_unrated", "warning", "/importance/drivers/1/rating", 1)]
    assert "D2" in result[0].message


# --- worksheet 4 --------------------------------------------------------------


def test_axis_without_criteria():
    result = found(problems(criteria=criteria(3, 0)), "portfolio.axis_without_criteria")
    assert [summary(problem) for problem in result] == [("portfolio.axis_without_criteria", "error", "/criteria", 4)]
    assert "toekomstpotentieel" in result[0].message


def test_no_criteria_at_all_is_no_problem():
    assert not problems()


@pytest.mark.parametrize(("current", "warned"), [(2, True), (3, False), (5, False), (6, True)])
def test_criteria_count_per_axis(current, warned):
    result = found(problems(criteria=criteria(current, 3)), "portfolio.criteria_count")
    assert bool(result) is warned
    if warned:
        assert result[0].severity == "warning"
        assert f"huidige waarde is {current}" in result[0].message


def test_duplicate_criterion_code():
    items = criteria(3, 3)
    items[4]["code"] = "C2"
    result = found(problems(criteria=items), "portfolio.duplicate_criterion_code")
    assert [summary(problem) for problem in result] == [("portfolio.duplicate_criterion_code", "error", "/criteria/4/code", 4)]
    assert result[0].message == "De code C2 is al gebruikt bij criterium 2; geef elk criterium een eigen code."


@pytest.mark.parametrize(("bands", "error"), [([10, 10, 20, 30], True), ([40, 30, 20, 10], True), ([1, 2.5, 3, 4], False)])
def test_bands_strictly_ascending(bands, error):
    items = criteria(3, 3)
    items[0].update(scoring="bands", bands=bands)
    result = found(problems(criteria=items), "portfolio.bands_not_ascending")
    assert bool(result) is error
    if error:
        assert summary(result[0]) == ("portfolio.bands_not_ascending", "error", "/criteria/0/bands", 4)
        assert "; ".join(str(band) for band in bands) in result[0].message


def test_bands_missing():
    items = criteria(3, 3)
    items[1]["scoring"] = "bands"
    result = found(problems(criteria=items), "portfolio.bands_missing")
    assert [summary(problem) for problem in result] == [("portfolio.bands_missing", "error", "/criteria/1/scoring", 4)]


def test_bands_ignored_with_anchors():
    items = criteria(3, 3)
    items[2].update(scoring="anchors", bands=[1, 2, 3, 4])
    result = found(problems(criteria=items), "portfolio.bands_ignored")
    assert [summary(problem) for problem in result] == [("portfolio.bands_ignored", "warning", "/criteria/2/bands", 4)]


# --- worksheet 5 --------------------------------------------------------------


def test_weights_sum_names_actual_sum():
    items = criteria(3, 3)
    # Future potential: 34 + 33 + 33 = 100, now 34 + 23 + 33 = 90.
    items[4]["weight"] = 23
    result = found(problems(criteria=items), "portfolio.weights_sum")
    assert [summary(problem) for problem in result] == [("portfolio.weights_sum", "error", "/criteria/3/weight", 5)]
    assert result[0].value == 90
    assert result[0].message == "De gewichten voor toekomstpotentieel tellen op tot 90; maak ze samen 100."
    set_language("en")
    english = found(problems(criteria=items), "portfolio.weights_sum")
    assert english[0].message == "The weights for future potential add up to 90; make them add up to 100."


def test_weights_sum_decimal():
    items = criteria(3, 3)
    for item, weight in zip(items[:3], (33.3, 33.3, 33.3)):
        item["weight"] = weight
    result = found(problems(criteria=items), "portfolio.weights_sum")
    # 33.3 × 3 = 99.9, shown with a decimal comma.
    assert "tellen op tot 99,9;" in result[0].message


def test_weights_with_decimals_adding_to_hundred_pass():
    items = criteria(3, 3)
    for item, weight in zip(items[:3], (33.33, 33.33, 33.34)):
        item["weight"] = weight
    assert not found(problems(criteria=items), "portfolio.weights_sum")


def test_weight_missing_on_weighted_axis():
    items = criteria(3, 3)
    items[0]["weight"] = 50
    items[1]["weight"] = 50
    del items[2]["weight"]
    result = problems(criteria=items)
    assert not found(result, "portfolio.weights_sum")
    missing = found(result, "portfolio.weight_missing")
    assert [summary(problem) for problem in missing] == [("portfolio.weight_missing", "warning", "/criteria/2/weight", 5)]
    assert "C3 (Criterium 3)" in missing[0].message


def test_no_weights_warns_equal_weights():
    result = found(problems(criteria=criteria(3, 3, weights=False)), "portfolio.equal_weights")
    assert [summary(problem) for problem in result] == [
        ("portfolio.equal_weights", "warning", "/criteria/0/weight", 5),
        ("portfolio.equal_weights", "warning", "/criteria/3/weight", 5),
    ]
    # 100 / 3 = 33.33… points each.
    assert "elk 33,33 punten" in result[0].message


def pairwise(comparisons, items=None) -> list:
    return problems(criteria=items or criteria(3, 3, weights=False), weighting={"method": "pairwise", "comparisons": comparisons})


ALL_PAIRS = [
    {"first": "C1", "second": "C2", "preferred": "first"},
    {"first": "C1", "second": "C3", "preferred": "tie"},
    {"first": "C2", "second": "C3", "preferred": "second"},
    {"first": "C4", "second": "C5", "preferred": "first"},
    {"first": "C4", "second": "C6", "preferred": "second"},
    {"first": "C5", "second": "C6", "preferred": "tie"},
]


def test_complete_pairwise_only_flags_criterion_without_wins():
    result = pairwise(ALL_PAIRS)
    # C2 loses to C1 and to C3: 0 wins, weight 0.
    assert [summary(problem) for problem in result] == [("portfolio.criterion_without_wins", "warning", "/weighting/comparisons", 5)]
    assert "C2 (Criterium 2) wint geen enkele vergelijking" in result[0].message


def test_comparison_unknown_criterion():
    result = found(pairwise(ALL_PAIRS + [{"first": "C9", "second": "C1", "preferred": "first"}]), "portfolio.comparison_unknown_criterion")
    assert [summary(problem) for problem in result] == [("portfolio.comparison_unknown_criterion", "error", "/weighting/comparisons/6/first", 5)]
    assert "C9" in result[0].message


def test_comparison_same_criterion():
    result = found(pairwise(ALL_PAIRS + [{"first": "C2", "second": "C2", "preferred": "tie"}]), "portfolio.comparison_same_criterion")
    assert [summary(problem) for problem in result] == [("portfolio.comparison_same_criterion", "error", "/weighting/comparisons/6/second", 5)]


def test_comparison_across_axes():
    result = found(pairwise(ALL_PAIRS + [{"first": "C1", "second": "C4", "preferred": "first"}]), "portfolio.comparison_other_axis")
    assert [summary(problem) for problem in result] == [("portfolio.comparison_other_axis", "error", "/weighting/comparisons/6/second", 5)]
    assert result[0].message.startswith("De vergelijking zet C1 (huidige waarde) tegenover C4 (toekomstpotentieel)")


def test_comparison_twice():
    result = found(pairwise(ALL_PAIRS + [{"first": "C3", "second": "C1", "preferred": "first"}]), "portfolio.comparison_duplicate")
    assert [summary(problem) for problem in result] == [("portfolio.comparison_duplicate", "warning", "/weighting/comparisons/6", 5)]
    assert "C3–C1 is al vergeleken in vergelijking 2" in result[0].message


def test_comparisons_missing():
    result = found(pairwise(ALL_PAIRS[1:]), "portfolio.comparisons_missing")
    assert [summary(problem) for problem in result] == [("portfolio.comparisons_missing", "warning", "/weighting/comparisons", 5)]
    assert "ontbreken 1 vergelijkingen: C1–C2" in result[0].message


def test_comparisons_ignored_with_direct_method():
    result = found(problems(criteria=criteria(), weighting={"comparisons": ALL_PAIRS}), "portfolio.comparisons_ignored")
    assert [summary(problem) for problem in result] == [("portfolio.comparisons_ignored", "warning", "/weighting/comparisons", 5)]


def test_weights_ignored_with_pairwise_method():
    result = found(pairwise(ALL_PAIRS, criteria(3, 3)), "portfolio.weights_ignored")
    assert [summary(problem) for problem in result] == [("portfolio.weights_ignored", "warning", "/weighting/method", 5)]


# --- worksheets 2 and 6 -----------------------------------------------------------


def test_threshold_value_missing():
    result = found(problems(thresholds={"future_potential": {"method": "value"}}), "portfolio.threshold_value_missing")
    assert [summary(problem) for problem in result] == [("portfolio.threshold_value_missing", "error", "/thresholds/future_potential/method", 6)]
    assert "schaalmidden 3" in result[0].message


def test_threshold_value_ignored():
    result = found(problems(thresholds={"current_value": {"method": "median", "value": 3.5}}), "portfolio.threshold_value_ignored")
    assert [summary(problem) for problem in result] == [("portfolio.threshold_value_ignored", "warning", "/thresholds/current_value/value", 6)]
    assert "de waarde 3,5" in result[0].message


def test_duplicate_customer_name_ignores_case_and_spaces():
    customers = [{"name": "Versland Zuivel B.V."}, {"name": "versland  zuivel b.v."}]
    result = found(problems(customers=customers), "portfolio.duplicate_customer_name")
    assert [summary(problem) for problem in result] == [("portfolio.duplicate_customer_name", "warning", "/customers/1/name", 6)]
    assert "komt al voor bij klant 1" in result[0].message


def test_score_for_unknown_criterion():
    customers = [{"name": "A", "scores": {**full_scores(), "C7": 3}, "values": {"C8": 10}}]
    result = problems(criteria=criteria(), customers=customers)
    assert [summary(problem) for problem in result] == [
        ("portfolio.unknown_criterion_score", "error", "/customers/0/scores/C7", 6),
        ("portfolio.unknown_criterion_value", "error", "/customers/0/values/C8", 6),
    ]


def test_missing_score_names_customer_and_criterion():
    scores = full_scores()
    del scores["C5"]
    result = problems(criteria=criteria(), customers=[{"name": "Noordkaap Visverwerking B.V.", "scores": scores}])
    assert [summary(problem) for problem in result] == [("portfolio.score_missing", "error", "/customers/0/scores/C5", 6)]
    assert result[0].message == "Noordkaap Visverwerking B.V. heeft geen score voor C5 (Criterium 5); vul een score van 1 tot 5 in."


def test_missing_score_banded_accepts_value():
    items = criteria()
    items[0].update(scoring="bands", bands=[10, 20, 30, 40])
    scores = full_scores()
    del scores["C1"]
    with_value = problems(criteria=items, customers=[{"name": "A", "scores": scores, "values": {"C1": 25}}])
    assert not with_value
    without = problems(criteria=items, customers=[{"name": "A", "scores": scores}])
    assert [summary(problem) for problem in without] == [("portfolio.score_missing", "error", "/customers/0/scores/C1", 6)]
    assert "of de indicatorwaarde" in without[0].message


def test_invalid_score_left_to_schema():
    result = problems(criteria=criteria(), customers=[{"name": "A", "scores": {**full_scores(), "C1": 9}}])
    assert not found(result, "portfolio.score_missing")


def test_value_for_anchors_criterion():
    result = problems(criteria=criteria(), customers=[{"name": "A", "scores": full_scores(), "values": {"C2": 7.5}}])
    assert [summary(problem) for problem in result] == [("portfolio.value_for_anchors", "error", "/customers/0/values/C2", 6)]
    assert result[0].value == 7.5


def test_score_and_band_value_disagree():
    items = criteria()
    items[0].update(scoring="bands", bands=[10, 20, 30, 40])
    result = problems(criteria=items, customers=[{"name": "A", "scores": {**full_scores(), "C1": 5}, "values": {"C1": 25}}])
    assert [summary(problem) for problem in result] == [("portfolio.score_value_conflict", "warning", "/customers/0/scores/C1", 6)]
    # 25 reaches 10 and 20 → band score 3.
    assert "de indicatorwaarde 25 levert volgens de grenzen een 3 op" in result[0].message


def test_manual_classification_differs():
    customers = [{"name": "Dorrestein Bakkerijen B.V.", "scores": full_scores(score=4), "classification": "large"}]
    result = problems(criteria=criteria(), customers=customers)
    assert [summary(problem) for problem in result] == [("portfolio.manual_differs", "warning", "/customers/0/classification", 6)]
    assert result[0].message.startswith(
        "Dorrestein Bakkerijen B.V. is ingedeeld als grote klant, terwijl de scores wijzen op strategische klant")
    assert result[0].value == "large"


# --- worksheets 8 and 10 -----------------------------------------------------------


def test_total_profit_not_positive():
    customers = [
        {"name": "A", "scores": full_scores(), "profit_contribution": 1500},
        {"name": "B", "scores": full_scores(), "profit_contribution": -4000},
    ]
    result = problems(criteria=criteria(), customers=customers)
    assert [summary(problem) for problem in result] == [("portfolio.profit_total_not_positive", "warning", "/customers", 8)]
    # 1500 − 4000 = −2500.
    assert "De totale winstbijdrage is -2500" in result[0].message


def test_single_loss_making_customer_allowed():
    customers = [
        {"name": "A", "scores": full_scores(), "profit_contribution": 5000},
        {"name": "B", "scores": full_scores(), "profit_contribution": -4000},
    ]
    assert not problems(criteria=criteria(), customers=customers)


def test_lower_segment_with_more_visits():
    concepts = {
        "transactional": {"visits_per_year": 2},
        "large": {"visits_per_year": 1},
        "strategic": {"visits_per_year": 12, "account_plan": True, "executive_sponsor": True},
    }
    result = problems(service_concepts=concepts)
    assert [summary(problem) for problem in result] == [
        ("portfolio.visits_inverted", "warning", "/service_concepts/transactional/visits_per_year", 10)]
    assert result[0].message.startswith("Bij transactieklanten staan 2 bezoeken per klant per jaar gepland, meer dan bij grote klanten (1)")


def test_strategic_without_account_plan_or_sponsor():
    result = problems(service_concepts={"strategic": {"visits_per_year": 12, "account_plan": False, "executive_sponsor": True}})
    assert [summary(problem) for problem in result] == [
        ("portfolio.strategic_without_account_plan", "warning", "/service_concepts/strategic/account_plan", 10)]
    result = problems(service_concepts={"strategic": {"account_plan": True}})
    assert [summary(problem) for problem in result] == [
        ("portfolio.strategic_without_sponsor", "warning", "/service_concepts/strategic/executive_sponsor", 10)]


# --- messages ---------------------------------------------------------------------


def test_messages_have_both_languages_and_same_fields():
    formatter = string.Formatter()
    for key, entry in MESSAGES.items():
        assert set(entry) == {"nl", "en"}, key
        fields = [{name for _, name, _, _ in formatter.parse(entry[language]) if name} for language in ("nl", "en")]
        assert fields[0] == fields[1], key


def test_warning_message_in_english():
    warning = Warning(code="portfolio.visits_inverted", worksheet=10,
                      params={"lower": "development", "higher": "strategic", "lower_visits": 6.0, "higher_visits": 4.5})
    assert warning_message(warning, "en").startswith(
        "The development customers get 6 visits per customer per year, more than strategic customers (4.5)")
    assert "(4,5)" in warning_message(warning, "nl")


@pytest.mark.parametrize(("value", "language", "text"), [(90.0, "nl", "90"), (99.9, "nl", "99,9"), (100 / 3, "en", "33.33"), (-0.001, "nl", "0"), (7, "nl", "7")])
def test_format_number(value, language, text):
    assert format_number(value, language) == text


# --- robustness and the command line --------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
        ["C1", "C2", "current_value", "future_potential", "bands", "anchors", "pairwise", "value", "strategic", "", "x"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["code", "axis", "name", "scores", "values", "bands", "weight", "scoring", "first", "second",
                         "preferred", "method", "value", "classification", "C1", "C2", "rating", "steps", "drivers"]),
        children, max_size=5),
    max_leaves=20,
)
SECTIONS = st.dictionaries(
    st.sampled_from(["criteria", "customers", "weighting", "thresholds", "importance", "procedure", "strategies",
                     "service_concepts", "period"]),
    JSON_VALUES, max_size=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SECTIONS)
def test_rules_never_raise_on_any_shape(sections):
    for problem in check({**HEADER, **sections}):
        assert problem.code.startswith("portfolio.")
        assert problem.message


@pytest.mark.parametrize("data", [None, [], "portfolio", 5])
def test_rules_ignore_non_object(data):
    assert check(data) == []


WEIGHTS_YAML = """\
kind: portfolio
organisation: Test B.V.
period:
  start: "2026-01-01"
  end: "2026-12-31"
criteria:
  - {code: C1, axis: current_value, name: Omzet, weight: 100}
  - {code: C2, axis: future_potential, name: Share of wallet, weight: 50}
  - {code: C3, axis: future_potential, name: Groei, weight: 40}
"""


def test_validate_command_locates_rule_problem(tmp_path):
    path = tmp_path / "portfolio.yaml"
    path.write_text(WEIGHTS_YAML, encoding="utf-8")
    result = CliRunner().invoke(make_cli(), ["validate", str(path)])
    assert result.exit_code == 1
    assert "werkblad 5 (Weging selectiecriteria)" in result.output
    # The first weight on future potential is on line 8, in the flow mapping after "weight: ".
    assert f"{path}:8:" in result.output
    assert "[portfolio.weights_sum] De gewichten voor toekomstpotentieel tellen op tot 90; maak ze samen 100." in result.output


def test_validate_subprocess_json(tmp_path, kamgen_env):
    path = tmp_path / "portfolio.yaml"
    path.write_text(WEIGHTS_YAML, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "kamgen", "--lang", "en", "validate", "--format", "json", str(path)],
        capture_output=True, text=True, timeout=120, env=kamgen_env,
    )
    assert completed.returncode == 1
    report = json.loads(completed.stdout)
    problem = next(item for item in report["files"][0]["problems"] if item["code"] == "portfolio.weights_sum")
    assert (problem["pointer"], problem["line"], problem["worksheet"], problem["value"]) == ("/criteria/1/weight", 8, 5, 90)
    assert problem["message"] == "The weights for future potential add up to 90; make them add up to 100."
