"""Portfolio computations (worksheets 1, 2 and 4–10) on small inputs with hand-computed results."""

from __future__ import annotations

import pytest

from kamgen.compute.portfolio import (
    compute_concentration,
    compute_importance,
    compute_pareto,
    compute_portfolio,
    compute_procedure,
    top_customer_count,
    urgency_for,
)
from kamgen.compute.portfolio_model import CustomerResult, Thresholds
from kamgen.compute.segments import largest_remainder_percentages, pick_examples
from kamgen.compute.selection import band_score, compute_thresholds, read_criteria, segment_for

HEADER = {"kind": "portfolio", "organisation": "Test B.V.", "period": {"start": "2026-01-01", "end": "2026-12-31"}}


def portfolio(**sections) -> dict:
    return {**HEADER, **sections}


def customer(index: int, name: str, revenue: float, profit: float = 0.0, segment: str | None = None, example: bool = False) -> CustomerResult:
    return CustomerResult(
        index=index, name=name, code=None, revenue=revenue, profit_contribution=profit, scores=[],
        current_value=None, future_potential=None, computed_segment=segment, manual_segment=None,
        segment=segment, differs=False, remark=None, example=example,
    )


def two_by_two_criteria(weights=(60, 40, 50, 50)) -> list[dict]:
    """Two criteria per axis, all anchors, with the given weights."""
    codes = ("C1", "C2", "C3", "C4")
    axes = ("current_value", "current_value", "future_potential", "future_potential")
    criteria = []
    for code, axis, weight in zip(codes, axes, weights):
        item = {"code": code, "axis": axis, "name": f"Criterium {code}"}
        if weight is not None:
            item["weight"] = weight
        criteria.append(item)
    return criteria


def scored(name: str, c1: int, c2: int, c3: int, c4: int, **extra) -> dict:
    return {"name": name, "scores": {"C1": c1, "C2": c2, "C3": c3, "C4": c4}, **extra}


# --- worksheet 4: bands ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5, 1), (10, 2), (19.99, 2), (20, 3), (35, 4), (40, 5), (1000, 5)],
)
def test_band_score_higher_is_better(value, expected):
    # Bands 10, 20, 30, 40: the score is 1 + the boundaries with value ≥ boundary; 35 reaches 10, 20, 30 → 4.
    assert band_score(value, (10, 20, 30, 40), "higher_is_better") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 5), (4, 5), (4.5, 4), (7, 4), (9, 3), (14, 2), (14.1, 1), (30, 1)],
)
def test_band_score_lower_is_better(value, expected):
    # Bands 4, 7, 10, 14 (cost-to-serve %): reached when value ≤ boundary; 9 reaches 10 and 14 → 1 + 2 = 3.
    assert band_score(value, (4, 7, 10, 14), "lower_is_better") == expected


def test_value_converted_through_bands_keeps_both():
    data = portfolio(
        criteria=[
            {"code": "C1", "axis": "current_value", "name": "Kosten", "scoring": "bands", "bands": [4, 7, 10, 14],
             "direction": "lower_is_better", "weight": 100},
            {"code": "C2", "axis": "future_potential", "name": "Groei", "weight": 100},
        ],
        customers=[{"name": "A", "values": {"C1": 9}, "scores": {"C2": 4}}],
    )
    result = compute_portfolio(data)
    first = result.classification.customers[0].scores[0]
    assert (first.code, first.score, first.value, first.from_bands) == ("C1", 3, 9.0, True)
    # Weighted current value = 100 × 3 / 100 = 3.0.
    assert result.classification.customers[0].current_value == 3.0


def test_scoring_method_inferred_from_bands():
    criteria = read_criteria({"criteria": [
        {"code": "C1", "axis": "current_value", "name": "Omzet", "bands": [1, 2, 3, 4]},
        {"code": "C2", "axis": "current_value", "name": "Relatie"},
    ]})
    assert [criterion.scoring for criterion in criteria] == ["bands", "anchors"]


def test_typed_score_wins_over_band_score_with_warning():
    data = portfolio(
        criteria=[{"code": "C1", "axis": "current_value", "name": "Omzet", "scoring": "bands", "bands": [10, 20, 30, 40]}],
        customers=[{"name": "A", "values": {"C1": 25}, "scores": {"C1": 5}}],
    )
    result = compute_portfolio(data)
    score = result.classification.customers[0].scores[0]
    # 25 reaches 10 and 20 → band score 3, but the typed 5 counts.
    assert (score.score, score.from_bands) == (5, False)
    conflicts = [warning for warning in result.warnings if warning.code == "portfolio.score_value_conflict"]
    assert conflicts[0].params["band_score"] == 3


# --- worksheet 5: weights --------------------------------------------------


def test_direct_weights_used_as_given():
    result = compute_portfolio(portfolio(criteria=two_by_two_criteria((60, 40, 50, 50))))
    weights = {criterion.code: criterion.weight for criterion in result.weighting.criteria}
    assert weights == {"C1": 60, "C2": 40, "C3": 50, "C4": 50}
    assert result.weighting.method == "direct"
    assert result.weighting.axis_totals == {"current_value": 100, "future_potential": 100}


def test_no_weights_gives_equal_weights_with_warning():
    criteria = two_by_two_criteria((None, None, None, None))
    criteria.append({"code": "C5", "axis": "future_potential", "name": "Derde"})
    result = compute_portfolio(portfolio(criteria=criteria))
    weights = {criterion.code: criterion.weight for criterion in result.weighting.criteria}
    # Two criteria on current value: 100 / 2 = 50 each; three on future potential: 100 / 3 each.
    assert weights["C1"] == 50
    assert weights["C3"] == pytest.approx(100 / 3)
    assert result.weighting.method == "equal"
    warnings = [warning for warning in result.warnings if warning.code == "portfolio.equal_weights"]
    assert [(warning.params["axis"], warning.params["count"]) for warning in warnings] == [
        ("current_value", 2), ("future_potential", 3)]
    assert warnings[0].pointer == "/criteria/0/weight"


def test_missing_weight_on_weighted_axis_counts_zero():
    result = compute_portfolio(portfolio(criteria=two_by_two_criteria((100, None, 50, 50))))
    weights = {criterion.code: criterion.weight for criterion in result.weighting.criteria}
    assert weights["C2"] == 0.0
    missing = [warning for warning in result.warnings if warning.code == "portfolio.weight_missing"]
    assert [(warning.params["code"], warning.pointer) for warning in missing] == [("C2", "/criteria/1/weight")]


def pairwise_data(comparisons: list[dict]) -> dict:
    criteria = [
        {"code": "C1", "axis": "current_value", "name": "A"},
        {"code": "C2", "axis": "current_value", "name": "B"},
        {"code": "C3", "axis": "current_value", "name": "C"},
        {"code": "C4", "axis": "future_potential", "name": "D"},
    ]
    return portfolio(criteria=criteria, weighting={"method": "pairwise", "comparisons": comparisons})


def test_pairwise_weights_with_tie():
    data = pairwise_data([
        {"first": "C1", "second": "C2", "preferred": "first"},
        {"first": "C1", "second": "C3", "preferred": "tie"},
        {"first": "C2", "second": "C3", "preferred": "second"},
    ])
    result = compute_portfolio(data)
    by_code = {criterion.code: criterion for criterion in result.weighting.criteria}
    # Wins: C1 = 1 + ½ = 1.5, C2 = 0, C3 = ½ + 1 = 1.5; all wins = 3.
    assert by_code["C1"].pairwise_wins == 1.5
    assert by_code["C1"].weight == 50.0  # 1.5 / 3 × 100
    assert by_code["C3"].weight == 50.0
    assert by_code["C2"].weight == 0.0
    # The lone criterion on future potential needs no comparison: weight 100.
    assert by_code["C4"].weight == 100.0
    assert result.weighting.method == "pairwise"
    no_wins = [warning for warning in result.warnings if warning.code == "portfolio.criterion_without_wins"]
    assert [warning.params["code"] for warning in no_wins] == ["C2"]


def test_pairwise_duplicate_counts_first_only():
    data = pairwise_data([
        {"first": "C1", "second": "C2", "preferred": "first"},
        {"first": "C2", "second": "C1", "preferred": "first"},
        {"first": "C1", "second": "C3", "preferred": "first"},
        {"first": "C2", "second": "C3", "preferred": "first"},
    ])
    result = compute_portfolio(data)
    by_code = {criterion.code: criterion for criterion in result.weighting.criteria}
    # The repeat (C2 over C1) is ignored: C1 = 2 wins, C2 = 1, C3 = 0; weights 2/3, 1/3, 0 of 100.
    assert by_code["C1"].weight == pytest.approx(200 / 3)
    assert by_code["C2"].weight == pytest.approx(100 / 3)
    duplicates = [warning for warning in result.warnings if warning.code == "portfolio.comparison_duplicate"]
    assert duplicates[0].params == {"first": "C2", "second": "C1", "number": 2, "earlier": 1}
    assert duplicates[0].pointer == "/weighting/comparisons/1"


def test_pairwise_missing_pairs_listed():
    result = compute_portfolio(pairwise_data([{"first": "C1", "second": "C2", "preferred": "second"}]))
    missing = [warning for warning in result.warnings if warning.code == "portfolio.comparisons_missing"]
    assert missing[0].params == {"axis": "current_value", "count": 2, "pairs": "C1–C3, C2–C3"}


def test_pairwise_without_comparisons_falls_back_to_equal():
    result = compute_portfolio(pairwise_data([]))
    weights = [criterion.weight for criterion in result.weighting.criteria if criterion.axis == "current_value"]
    assert weights == pytest.approx([100 / 3] * 3)
    assert result.weighting.axis_methods == {"current_value": "equal", "future_potential": "pairwise"}


# --- worksheet 6: weighted scores, thresholds, segments --------------------


def test_weighted_scores_and_segments():
    data = portfolio(
        criteria=two_by_two_criteria((60, 40, 50, 50)),
        customers=[
            scored("Hoog-hoog", 5, 4, 3, 3),  # x = (300 + 160) / 100 = 4.6, y = (150 + 150) / 100 = 3.0
            scored("Hoog-laag", 3, 3, 2, 3),  # x = 3.0, y = 2.5
            scored("Laag-hoog", 2, 3, 4, 5),  # x = (120 + 120) / 100 = 2.4, y = 4.5
            scored("Laag-laag", 1, 2, 1, 2),  # x = (60 + 80) / 100 = 1.4, y = 1.5
        ],
    )
    result = compute_portfolio(data).classification
    rows = [(row.name, row.current_value, row.future_potential, row.computed_segment) for row in result.customers]
    assert rows == [
        ("Hoog-hoog", 4.6, 3.0, "strategic"),
        ("Hoog-laag", 3.0, 2.5, "large"),
        ("Laag-hoog", 2.4, 4.5, "development"),
        ("Laag-laag", 1.4, 1.5, "transactional"),
    ]
    assert (result.thresholds.current_value, result.thresholds.current_value_method) == (3.0, "midpoint")


def test_threshold_reached_means_high():
    thresholds = Thresholds(3.0, 3.0, "midpoint", "midpoint")
    assert segment_for(3.0, 3.0, thresholds) == "strategic"
    assert segment_for(2.9999, 3.0, thresholds) == "development"
    # Float noise just under the threshold still counts as reaching it.
    assert segment_for(0.1 + 0.2 + 2.7 - 1e-15, 3.0, thresholds) == "strategic"


def test_median_threshold():
    thresholds = compute_thresholds(
        {"current_value": {"method": "median"}, "future_potential": {"method": "value", "value": 2.5}},
        {"current_value": [1.0, 4.0, 2.0, 3.5], "future_potential": [1.0]},
    )
    # Median of 1.0, 2.0, 3.5, 4.0 = (2.0 + 3.5) / 2 = 2.75.
    assert (thresholds.current_value, thresholds.current_value_method) == (2.75, "median")
    assert (thresholds.future_potential, thresholds.future_potential_method) == (2.5, "value")


def test_value_threshold_without_value_falls_back_to_midpoint():
    thresholds = compute_thresholds({"current_value": {"method": "value"}}, {})
    assert (thresholds.current_value, thresholds.current_value_method) == (3.0, "midpoint")


def test_median_threshold_splits_portfolio():
    data = portfolio(
        criteria=two_by_two_criteria((100, 0, 100, 0)),
        thresholds={"current_value": {"method": "median"}, "future_potential": {"method": "median"}},
        customers=[scored("A", 1, 1, 1, 1), scored("B", 2, 1, 4, 1), scored("C", 4, 1, 2, 1)],
    )
    result = compute_portfolio(data).classification
    # x = 1, 2, 4 → median 2; y = 1, 4, 2 → median 2. B: x 2 ≥ 2, y 4 ≥ 2 → strategic.
    assert [row.computed_segment for row in result.customers] == ["transactional", "strategic", "strategic"]


def test_manual_classification_wins_and_is_listed():
    data = portfolio(
        criteria=two_by_two_criteria(),
        customers=[
            scored("A", 5, 5, 5, 5, classification="large"),
            scored("B", 1, 1, 1, 1, classification="transactional"),
        ],
    )
    result = compute_portfolio(data)
    first, second = result.classification.customers
    assert (first.computed_segment, first.manual_segment, first.segment, first.differs) == ("strategic", "large", "large", True)
    assert second.differs is False
    assert [row.name for row in result.classification.differences] == ["A"]
    differs = [warning for warning in result.warnings if warning.code == "portfolio.manual_differs"]
    assert differs[0].params == {"customer": "A", "manual": "large", "computed": "strategic"}
    assert differs[0].pointer == "/customers/0/classification"


def test_missing_score_leaves_segment_open():
    data = portfolio(criteria=two_by_two_criteria(), customers=[{"name": "A", "scores": {"C1": 3}}])
    row = compute_portfolio(data).classification.customers[0]
    assert (row.current_value, row.computed_segment, row.segment) == (None, None, None)


# --- worksheet 1 -------------------------------------------------------------


@pytest.mark.parametrize(("mean", "urgency"), [(4.0, "high"), (3.99, "medium"), (3.0, "medium"), (2.99, "low"), (None, None)])
def test_urgency_cut_offs(mean, urgency):
    assert urgency_for(mean) == urgency


def test_driver_mean_skips_unrated():
    importance = {"drivers": [{"statement": "a", "rating": 5}, {"statement": "b", "rating": 2}, {"statement": "c"}]}
    result = compute_importance(importance, [])
    # (5 + 2) / 2 = 3.5 → medium; the third driver gets code D3.
    assert result.mean_rating == 3.5
    assert result.urgency == "medium"
    assert [driver.code for driver in result.drivers] == ["D1", "D2", "D3"]


@pytest.mark.parametrize(("customers", "top"), [(0, 0), (1, 1), (5, 1), (6, 2), (40, 8), (42, 9)])
def test_top_twenty_percent_rounds_up(customers, top):
    assert top_customer_count(customers) == top


def test_concentration_ranks_each_measure_separately():
    customers = [
        customer(0, "A", 100, 5),
        customer(1, "B", 300, -10),
        customer(2, "C", 200, 50),
        customer(3, "D", 50, 40),
        customer(4, "E", 150, 10),
        customer(5, "F", 200, 5),
    ]
    rows = {row.label: row for row in compute_concentration(customers)}
    # Revenue total 1000; top 5 by revenue = 300 + 200 + 200 + 150 + 100 = 950.
    assert rows["top5"].revenue == 950
    assert rows["top5"].revenue_share == 0.95
    # Profit total 100; top 5 by profit = 50 + 40 + 10 + 5 + 5 = 110 → 1.1 (the loss-maker is left out).
    assert rows["top5"].profit == 110
    assert rows["top5"].profit_share == pytest.approx(1.1)
    # Top 10 of six customers = all six.
    assert (rows["top10"].customers, rows["top10"].revenue_share) == (6, 1.0)
    # Top 20 % of 6 = 2 customers: revenue 300 + 200 = 500, profit 50 + 40 = 90.
    assert (rows["top20pct"].customers, rows["top20pct"].revenue, rows["top20pct"].profit) == (2, 500, 90)


def test_concentration_profit_share_none_when_total_not_positive():
    rows = compute_concentration([customer(0, "A", 100, 10), customer(1, "B", 100, -20)])
    assert rows[0].profit_share is None
    assert rows[0].revenue_share == 1.0


def test_pareto_curve_ties_keep_input_order():
    points = compute_pareto([customer(0, "A", 100), customer(1, "B", 300), customer(2, "C", 100)])
    # Ranked B (300), A (100, earlier in the input), C (100); total 500.
    assert [(point.rank, point.name) for point in points] == [(1, "B"), (2, "A"), (3, "C")]
    assert [point.revenue_share for point in points] == [0.6, 0.8, 1.0]
    assert points[0].customer_share == pytest.approx(1 / 3)


# --- worksheet 7 -------------------------------------------------------------


def test_procedure_progress():
    steps = [{"step": "a", "status": "done"}, {"step": "b", "status": "in_progress"}, {"step": "c"}, {"step": "d", "status": "done"}]
    result = compute_procedure({"steps": steps})
    # 2 of 4 steps done → 0.5; a step without status is open.
    assert (result.done, result.progress) == (2, 0.5)
    assert result.steps[2].status == "open"
    assert compute_procedure({"steps": []}) is None


# --- worksheet 8 -------------------------------------------------------------


def test_largest_remainder_thirds():
    # 1/3 each of three parts: 333.3 units → floors 333, 333, 333, 0; one unit short goes to the first tie.
    assert largest_remainder_percentages([1, 1, 1, 0], 3) == [33.4, 33.3, 33.3, 0.0]


def test_largest_remainder_largest_fraction_wins():
    # 2/7 = 285.714 units, 1/7 = 142.857, 4/7 = 571.429: floors 285, 142, 571 = 998; remainders .714, .857, .429.
    assert largest_remainder_percentages([2, 1, 4, 0], 7) == [28.6, 14.3, 57.1, 0.0]


def test_largest_remainder_with_negative_part():
    # Shares -10/100, 30/100, 80/100 → exact -10.0, 30.0, 80.0 %.
    assert largest_remainder_percentages([-10, 30, 80, 0], 100) == [-10.0, 30.0, 80.0, 0.0]


def test_matrix_counts_shares_and_percentages():
    data = portfolio(
        criteria=two_by_two_criteria(),
        customers=[
            scored("S", 5, 5, 5, 5, revenue=600, profit_contribution=90),
            scored("L", 5, 5, 1, 1, revenue=300, profit_contribution=40),
            scored("D", 1, 1, 5, 5, revenue=50, profit_contribution=-5),
            scored("T", 1, 1, 1, 1, revenue=50, profit_contribution=5),
        ],
    )
    matrix = compute_portfolio(data).matrix
    strategic = matrix.segments["strategic"]
    # Revenue 600 of 1000 = 60 %; profit 90 of 130 = 69.23 %.
    assert (strategic.customers, strategic.customer_percent, strategic.revenue_percent) == (1, 25.0, 60.0)
    assert strategic.profit_share == pytest.approx(90 / 130)
    # Profit percents: 90, 40, -5, 5 of 130 → 69.23, 30.77, -3.85, 3.85 → rounded 69.2, 30.8, -3.8, 3.8 (sum 100.0).
    profits = [matrix.segments[name].profit_percent for name in ("strategic", "large", "development", "transactional")]
    assert profits == [69.2, 30.8, -3.8, 3.8]
    assert round(sum(profits), 6) == 100.0
    assert matrix.segments["development"].profit == -5
    assert (matrix.total_customers, matrix.total_revenue, matrix.total_profit) == (4, 1000, 130)


def test_profit_shares_none_at_zero_total():
    data = portfolio(
        criteria=two_by_two_criteria(),
        customers=[scored("A", 5, 5, 5, 5, revenue=100, profit_contribution=-30), scored("B", 1, 1, 1, 1, revenue=100, profit_contribution=30)],
    )
    result = compute_portfolio(data)
    assert result.matrix.profit_shares_available is False
    assert all(summary.profit_share is None and summary.profit_percent is None for summary in result.matrix.segments.values())
    warning = next(warning for warning in result.warnings if warning.code == "portfolio.profit_total_not_positive")
    assert warning.params == {"total": 0.0}


def test_matrix_leaves_out_unclassified_customers():
    data = portfolio(criteria=two_by_two_criteria(), customers=[scored("A", 5, 5, 5, 5, revenue=10), {"name": "B", "revenue": 90}])
    matrix = compute_portfolio(data).matrix
    assert (matrix.total_customers, matrix.unclassified, matrix.total_revenue) == (1, 1, 10)


def test_examples_top_up_with_largest_revenue():
    members = [customer(0, "A", 10), customer(1, "B", 50), customer(2, "C", 30, example=True), customer(3, "D", 40)]
    # Marked: C; then the largest unmarked by revenue until three: B (50), D (40).
    assert pick_examples(members) == (["C", "B", "D"], 1)


def test_examples_marked_only_up_to_five():
    members = [customer(index, f"K{index}", 100 - index, example=True) for index in range(7)]
    names, marked = pick_examples(members)
    assert names == ["K0", "K1", "K2", "K3", "K4"]
    assert marked == 7


def test_too_many_examples_warns():
    customers = [scored(f"K{index}", 1, 1, 1, 1, revenue=100, example=True) for index in range(6)]
    result = compute_portfolio(portfolio(criteria=two_by_two_criteria(), customers=customers))
    warning = next(warning for warning in result.warnings if warning.code == "portfolio.too_many_examples")
    assert warning.params == {"segment": "transactional", "count": 6, "maximum": 5}


# --- worksheets 9 and 10 -----------------------------------------------------


def test_strategies_default_core_strategy():
    data = portfolio(strategies={"large": {"summary": "Kosten omlaag"}, "strategic": {"core_strategy": "Samen groeien"}})
    strategies = compute_portfolio(data).strategies
    assert strategies["strategic"].core_strategy == "Samen groeien"
    assert strategies["strategic"].core_strategy_is_default is False
    assert strategies["large"].core_strategy == "De relatie behouden tegen lagere kosten van bediening"
    assert strategies["large"].core_strategy_is_default is True
    assert list(strategies["large"].sub_areas) == ["fewer_contacts", "digital_contracts", "simpler_processes"]
    english = compute_portfolio({**data, "language": "en"}).strategies
    assert english["large"].core_strategy == "Keep the relationship at a lower cost to serve"


def test_service_concept_visit_load():
    data = portfolio(
        criteria=two_by_two_criteria(),
        customers=[scored("S1", 5, 5, 5, 5), scored("S2", 5, 5, 5, 5), scored("T", 1, 1, 1, 1)],
        service_concepts={
            "strategic": {"visits_per_year": 12, "hours_per_visit": 2.5, "account_plan": True, "executive_sponsor": True},
            "transactional": {"visits_per_year": 1},
        },
    )
    result = compute_portfolio(data)
    strategic = result.service_concepts["strategic"]
    # 2 customers × 12 visits = 24 visits; × 2.5 hours = 60 hours.
    assert (strategic.customers, strategic.visit_load, strategic.hours_load) == (2, 24, 60)
    transactional = result.service_concepts["transactional"]
    assert (transactional.visit_load, transactional.hours_load) == (1, None)
    assert result.service_concepts["large"].visit_load is None
    assert not [warning for warning in result.warnings if warning.worksheet == 10]


@pytest.mark.parametrize(
    ("visits", "inverted"),
    [
        ({"transactional": 5, "large": 4, "strategic": 12}, [("transactional", "large")]),
        ({"transactional": 5, "strategic": 4}, [("transactional", "strategic")]),
        ({"development": 6, "strategic": 4}, [("development", "strategic")]),
        ({"large": 6, "strategic": 4}, [("large", "strategic")]),
        ({"development": 6, "large": 4, "strategic": 6}, []),
        ({"transactional": 4, "large": 4}, []),
    ],
)
def test_visits_inverted(visits, inverted):
    concepts = {segment: {"visits_per_year": count} for segment, count in visits.items()}
    concepts.setdefault("strategic", {}).update(account_plan=True, executive_sponsor=True)
    warnings = compute_portfolio(portfolio(service_concepts=concepts)).warnings
    found = [(warning.params["lower"], warning.params["higher"]) for warning in warnings if warning.code == "portfolio.visits_inverted"]
    assert found == inverted


def test_strategic_without_plan_and_sponsor():
    warnings = compute_portfolio(portfolio(service_concepts={"strategic": {"account_plan": False}})).warnings
    codes = sorted(warning.code for warning in warnings)
    assert codes == ["portfolio.strategic_without_account_plan", "portfolio.strategic_without_sponsor"]


# --- the whole -----------------------------------------------------------------


def test_filled_and_empty_worksheets():
    data = portfolio(
        importance={"drivers": [{"statement": "x", "rating": 3}]},
        criteria=two_by_two_criteria((None, None, None, None)),
        customers=[{"name": "A", "revenue": 10}],
    )
    result = compute_portfolio(data)
    # No scores (2), no weights (5), no segment (8), no steps (7), no strategies or concepts (9, 10).
    assert result.filled_worksheets == [1, 4, 6]
    assert result.empty_worksheets == [2, 5, 7, 8, 9, 10]


def test_empty_portfolio():
    result = compute_portfolio(portfolio())
    assert (result.importance, result.weighting, result.classification, result.matrix) == (None, None, None, None)
    assert result.filled_worksheets == []
    assert result.empty_worksheets == [1, 2, 4, 5, 6, 7, 8, 9, 10]


def test_same_input_same_result():
    data = portfolio(criteria=two_by_two_criteria(), customers=[scored(f"K{index}", 3, 3, 3, 3, revenue=100) for index in range(5)])
    assert compute_portfolio(data) == compute_portfolio(data)
    names = [point.name for point in compute_portfolio(data).importance.pareto]
    assert names == ["K0", "K1", "K2", "K3", "K4"]


@pytest.mark.parametrize(
    "broken",
    [
        {"criteria": "geen lijst"},
        {"criteria": [None, 5, {"code": 3, "axis": "current_value"}, {"code": "C1", "axis": "elders"}]},
        {"criteria": [{"code": "C1", "axis": "current_value", "bands": [1, "x", 3, 4], "scoring": "bands", "weight": "veel"}],
         "customers": [{"name": "A", "values": {"C1": "hoog"}, "scores": {"C1": 9}}]},
        {"customers": [None, "tekst", {"revenue": "veel", "profit_contribution": True, "classification": "onbekend"}]},
        {"weighting": {"method": "pairwise", "comparisons": [None, {"first": 1}, {"first": "C1", "second": "C1", "preferred": "first"}]}},
        {"thresholds": {"current_value": {"method": "median", "value": "x"}}, "service_concepts": {"strategic": "ja"}},
        {"importance": {"drivers": [{"rating": 7}, "x"]}, "procedure": {"steps": [None, {"status": "klaar"}]}},
        {"strategies": {"large": {"points": [1, None, "punt"]}}, "period": "2026"},
    ],
)
def test_schema_invalid_data_does_not_raise(broken):
    result = compute_portfolio({**HEADER, **broken})
    assert result.organisation == "Test B.V."


def test_matrix_without_profit_figures_gives_no_warning():
    data = portfolio(criteria=two_by_two_criteria(), customers=[scored("A", 5, 5, 5, 5, revenue=100)])
    result = compute_portfolio(data)
    assert result.matrix.segments["strategic"].profit_share is None
    assert not [warning for warning in result.warnings if warning.code == "portfolio.profit_total_not_positive"]
