"""Worksheets 2, 4, 5 and 6: criteria, their weights, and the classification of customers.

The flow is: read the criteria (4), fix one weight per criterion (5), turn
each customer's scores or indicator values into scores 1–5 (2), take the
weighted score per axis and place the customer in a segment (6).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from kamgen.compute.portfolio_input import as_dict, as_list, as_number, as_rating, as_text
from kamgen.compute.portfolio_model import (
    AXES,
    MIDPOINT_THRESHOLD,
    SCORE_TOLERANCE,
    SEGMENTS,
    ClassificationResult,
    CriterionResult,
    CriterionScore,
    CustomerResult,
    Thresholds,
    Warning,
    WeightingResult,
)

ANCHORS = "anchors"
BANDS = "bands"
HIGHER_IS_BETTER = "higher_is_better"
LOWER_IS_BETTER = "lower_is_better"
BAND_COUNT = 4
ANCHOR_KEYS = ("score_1", "score_3", "score_5")

DIRECT = "direct"
PAIRWISE = "pairwise"
EQUAL = "equal"
PREFERENCES = ("first", "second", "tie")

MIDPOINT = "midpoint"
MEDIAN = "median"
VALUE = "value"

# Segment by (current value high, future potential high).
SEGMENT_BY_LEVELS = {
    (False, False): "transactional",
    (False, True): "development",
    (True, False): "large",
    (True, True): "strategic",
}


@dataclass(frozen=True)
class CriterionInput:
    """One usable criterion of the input: a code, a known axis, and its scoring method."""

    index: int  # position in the input's criteria list
    code: str
    axis: str
    name: str
    group: str | None
    indicator: str | None
    unit: str | None
    source: str | None
    scoring: str
    direction: str
    bands: tuple[float, ...] | None
    anchors: dict[str, str] | None
    weight: float | None


def read_bands(value: object) -> tuple[float, ...] | None:
    """Return the four boundaries as floats, or None unless exactly four numbers are given."""
    items = as_list(value)
    numbers = tuple(as_number(item) for item in items)
    if len(numbers) != BAND_COUNT or any(number is None for number in numbers):
        return None
    return numbers


def read_criteria(data: dict) -> list[CriterionInput]:
    """Read the criteria of worksheet 4, skipping those without a code or axis and later duplicates of a code."""
    criteria: list[CriterionInput] = []
    seen: set[str] = set()
    for index, raw in enumerate(as_list(as_dict(data).get("criteria"))):
        item = as_dict(raw)
        code = as_text(item.get("code"))
        axis = item.get("axis")
        if code is None or axis not in AXES or code in seen:
            continue
        seen.add(code)

        bands = read_bands(item.get("bands"))
        scoring = item.get("scoring")
        if scoring not in (ANCHORS, BANDS):
            # Without a stated method the boundaries decide: bands when there are four.
            scoring = BANDS if bands else ANCHORS
        direction = item.get("direction")
        if direction not in (HIGHER_IS_BETTER, LOWER_IS_BETTER):
            direction = HIGHER_IS_BETTER
        anchors = {key: text for key in ANCHOR_KEYS if (text := as_text(as_dict(item.get("anchors")).get(key)))}

        criteria.append(CriterionInput(
            index=index,
            code=code,
            axis=axis,
            name=as_text(item.get("name")) or code,
            group=as_text(item.get("group")),
            indicator=as_text(item.get("indicator")),
            unit=as_text(item.get("unit")),
            source=as_text(item.get("source")),
            scoring=scoring,
            direction=direction,
            bands=bands,
            anchors=anchors or None,
            weight=as_number(item.get("weight")),
        ))
    return criteria


def band_score(value: float, bands: tuple[float, ...], direction: str) -> int:
    """Return 1 plus the number of boundaries the value reaches.

    Higher is better: a boundary is reached when value ≥ boundary. Lower is
    better: when value ≤ boundary, so the lowest values earn a 5.
    """
    if direction == LOWER_IS_BETTER:
        reached = sum(1 for boundary in bands if value <= boundary)
    else:
        reached = sum(1 for boundary in bands if value >= boundary)
    return 1 + reached


# --- worksheet 5: weights -------------------------------------------------


def compute_weighting(criteria: list[CriterionInput], weighting: dict) -> tuple[WeightingResult | None, list[Warning]]:
    """Fix the effective weight of every criterion, per axis, by the chosen method."""
    if not criteria:
        return None, []
    weighting = as_dict(weighting)
    method = weighting.get("method") if weighting.get("method") in (DIRECT, PAIRWISE) else DIRECT
    warnings: list[Warning] = []

    wins: dict[str, float] = {}
    compared: set[frozenset[str]] = set()
    if method == PAIRWISE:
        wins, compared, pair_warnings = count_pairwise_wins(criteria, weighting.get("comparisons"))
        warnings.extend(pair_warnings)

    weights: dict[str, float] = {}
    axis_methods: dict[str, str] = {}
    for axis in AXES:
        on_axis = [criterion for criterion in criteria if criterion.axis == axis]
        if not on_axis:
            continue
        if method == PAIRWISE:
            axis_weights, axis_method, axis_warnings = _pairwise_weights(axis, on_axis, wins, compared)
        else:
            axis_weights, axis_method, axis_warnings = _direct_weights(axis, on_axis)
        weights.update(axis_weights)
        axis_methods[axis] = axis_method
        warnings.extend(axis_warnings)

    results = [
        CriterionResult(
            code=criterion.code,
            axis=criterion.axis,
            group=criterion.group,
            name=criterion.name,
            indicator=criterion.indicator,
            scoring=criterion.scoring,
            direction=criterion.direction,
            bands=criterion.bands,
            weight=weights[criterion.code],
            weight_source=axis_methods[criterion.axis],
            pairwise_wins=wins.get(criterion.code) if axis_methods[criterion.axis] == PAIRWISE else None,
            unit=criterion.unit,
            source=criterion.source,
            anchors=criterion.anchors,
        )
        for criterion in criteria
    ]
    axis_totals = {axis: sum(result.weight for result in results if result.axis == axis) for axis in axis_methods}
    overall = EQUAL if all(value == EQUAL for value in axis_methods.values()) else method
    return WeightingResult(method=overall, criteria=results, axis_totals=axis_totals, axis_methods=axis_methods), warnings


def _equal_weights(axis: str, on_axis: list[CriterionInput]) -> tuple[dict[str, float], str, list[Warning]]:
    weight = 100 / len(on_axis)
    warnings = []
    if len(on_axis) > 1:
        warnings.append(Warning(
            code="portfolio.equal_weights", worksheet=5,
            params={"axis": axis, "count": len(on_axis), "weight": weight},
            pointer=f"/criteria/{on_axis[0].index}/weight",
        ))
    return {criterion.code: weight for criterion in on_axis}, EQUAL, warnings


def _direct_weights(axis: str, on_axis: list[CriterionInput]) -> tuple[dict[str, float], str, list[Warning]]:
    if all(criterion.weight is None for criterion in on_axis):
        return _equal_weights(axis, on_axis)

    # Once some weights are given, a criterion without one counts as 0, so the
    # axis total (checked by the rules) stays what the person typed.
    warnings = [
        Warning(
            code="portfolio.weight_missing", worksheet=5,
            params={"code": criterion.code, "name": criterion.name, "axis": axis},
            pointer=f"/criteria/{criterion.index}/weight",
        )
        for criterion in on_axis
        if criterion.weight is None
    ]
    weights = {criterion.code: criterion.weight if criterion.weight is not None else 0.0 for criterion in on_axis}
    return weights, DIRECT, warnings


def count_pairwise_wins(
    criteria: list[CriterionInput], comparisons: object
) -> tuple[dict[str, float], set[frozenset[str]], list[Warning]]:
    """Count each criterion's wins over the comparisons, a tie giving ½ to each side.

    Comparisons that name an unknown criterion, the same criterion twice or
    criteria on different axes are skipped (the rules report them). When a
    pair is compared again, the first comparison counts and the repeat gives
    a warning.
    """
    by_code = {criterion.code: criterion for criterion in criteria}
    wins = {criterion.code: 0.0 for criterion in criteria}
    compared: dict[frozenset[str], int] = {}
    warnings: list[Warning] = []
    for index, raw in enumerate(as_list(comparisons)):
        item = as_dict(raw)
        first, second, preferred = as_text(item.get("first")), as_text(item.get("second")), item.get("preferred")
        if first not in by_code or second not in by_code or first == second or preferred not in PREFERENCES:
            continue
        if by_code[first].axis != by_code[second].axis:
            continue

        pair = frozenset((first, second))
        if pair in compared:
            warnings.append(Warning(
                code="portfolio.comparison_duplicate", worksheet=5,
                params={"first": first, "second": second, "number": index + 1, "earlier": compared[pair] + 1},
                pointer=f"/weighting/comparisons/{index}",
            ))
            continue
        compared[pair] = index

        if preferred == "first":
            wins[first] += 1
        elif preferred == "second":
            wins[second] += 1
        else:
            wins[first] += 0.5
            wins[second] += 0.5
    return wins, set(compared), warnings


def _pairwise_weights(
    axis: str, on_axis: list[CriterionInput], wins: dict[str, float], compared: set[frozenset[str]]
) -> tuple[dict[str, float], str, list[Warning]]:
    if len(on_axis) == 1:
        return {on_axis[0].code: 100.0}, PAIRWISE, []

    warnings: list[Warning] = []
    missing = [
        (first.code, second.code)
        for position, first in enumerate(on_axis)
        for second in on_axis[position + 1:]
        if frozenset((first.code, second.code)) not in compared
    ]
    if missing:
        warnings.append(Warning(
            code="portfolio.comparisons_missing", worksheet=5,
            params={"axis": axis, "count": len(missing), "pairs": ", ".join(f"{a}–{b}" for a, b in missing)},
            pointer="/weighting/comparisons",
        ))

    total = sum(wins[criterion.code] for criterion in on_axis)
    if total == 0:
        weights, method, equal_warnings = _equal_weights(axis, on_axis)
        return weights, method, warnings + equal_warnings

    weights = {}
    for criterion in on_axis:
        weights[criterion.code] = wins[criterion.code] / total * 100
        if wins[criterion.code] == 0:
            warnings.append(Warning(
                code="portfolio.criterion_without_wins", worksheet=5,
                params={"code": criterion.code, "name": criterion.name, "axis": axis},
                pointer="/weighting/comparisons",
            ))
    return weights, PAIRWISE, warnings


# --- worksheets 2 and 6: scores and classification -----------------------


def score_customer(index: int, customer: dict, criteria: list[CriterionInput]) -> tuple[list[CriterionScore], list[Warning]]:
    """Return the customer's score per criterion, converting indicator values through the bands.

    A score typed in wins over a band score. When both are given and differ,
    the score is kept and a warning is added. A value for an anchors criterion is ignored here (the
    rules report it as an error).
    """
    scores = as_dict(customer.get("scores"))
    values = as_dict(customer.get("values"))
    name = as_text(customer.get("name")) or ""
    results: list[CriterionScore] = []
    warnings: list[Warning] = []
    for criterion in criteria:
        score = as_rating(scores.get(criterion.code))
        value = as_number(values.get(criterion.code))
        converted = None
        if criterion.scoring == BANDS and criterion.bands and value is not None:
            converted = band_score(value, criterion.bands, criterion.direction)
        else:
            value = None

        from_bands = score is None and converted is not None
        if from_bands:
            score = converted
        elif score is not None and converted is not None and converted != score:
            warnings.append(Warning(
                code="portfolio.score_value_conflict", worksheet=6,
                params={"customer": name, "code": criterion.code, "score": score, "value": value, "band_score": converted},
                pointer=f"/customers/{index}/scores/{criterion.code}",
            ))
        results.append(CriterionScore(code=criterion.code, score=score, value=value, from_bands=from_bands))
    return results, warnings


def weighted_score(scores: list[CriterionScore], criteria: list[CriterionInput], weights: dict[str, float], axis: str) -> float | None:
    """Return Σ weight × score / 100 over the axis' criteria, or None when the axis has none or a score is missing."""
    by_code = {score.code: score.score for score in scores}
    on_axis = [criterion for criterion in criteria if criterion.axis == axis]
    if not on_axis:
        return None
    total = 0.0
    for criterion in on_axis:
        score = by_code.get(criterion.code)
        if score is None:
            return None
        total += weights.get(criterion.code, 0.0) * score
    return total / 100


def compute_thresholds(settings: dict, scores_by_axis: dict[str, list[float]]) -> Thresholds:
    """Fix the threshold per axis: the scale midpoint, the portfolio median, or a given number.

    A method that cannot be applied falls back to the midpoint: ``value``
    without a number (which the rules report as an error), or ``median``
    without any scored customer.
    """
    settings = as_dict(settings)
    levels: dict[str, float] = {}
    methods: dict[str, str] = {}
    for axis in AXES:
        entry = as_dict(settings.get(axis))
        method = entry.get("method") if entry.get("method") in (MIDPOINT, MEDIAN, VALUE) else MIDPOINT
        level = MIDPOINT_THRESHOLD
        if method == VALUE and as_number(entry.get("value")) is not None:
            level = as_number(entry.get("value"))
        elif method == MEDIAN and scores_by_axis.get(axis):
            level = statistics.median(scores_by_axis[axis])
        else:
            method = MIDPOINT
        levels[axis] = level
        methods[axis] = method
    return Thresholds(
        current_value=levels["current_value"],
        future_potential=levels["future_potential"],
        current_value_method=methods["current_value"],
        future_potential_method=methods["future_potential"],
    )


def is_high(score: float, threshold: float) -> bool:
    """Tell whether a weighted score reaches the threshold (high means ≥ threshold, within SCORE_TOLERANCE)."""
    return score >= threshold - SCORE_TOLERANCE


def segment_for(current_value: float | None, future_potential: float | None, thresholds: Thresholds) -> str | None:
    if current_value is None or future_potential is None:
        return None
    levels = (is_high(current_value, thresholds.current_value), is_high(future_potential, thresholds.future_potential))
    return SEGMENT_BY_LEVELS[levels]


def compute_classification(
    data: dict, criteria: list[CriterionInput], weighting: WeightingResult | None
) -> tuple[ClassificationResult | None, list[Warning]]:
    """Score and place every customer (worksheet 6); a manual classification wins over the computed one."""
    data = as_dict(data)
    customers = [(index, raw) for index, raw in enumerate(as_list(data.get("customers"))) if isinstance(raw, dict)]
    if not customers:
        return None, []
    weights = {result.code: result.weight for result in weighting.criteria} if weighting else {}
    warnings: list[Warning] = []

    # First the weighted scores of everyone, because a median threshold needs all of them.
    scored = []
    for index, customer in customers:
        scores, score_warnings = score_customer(index, customer, criteria)
        warnings.extend(score_warnings)
        x = weighted_score(scores, criteria, weights, "current_value")
        y = weighted_score(scores, criteria, weights, "future_potential")
        scored.append((index, customer, scores, x, y))
    thresholds = compute_thresholds(data.get("thresholds"), {
        "current_value": [x for _, _, _, x, _ in scored if x is not None],
        "future_potential": [y for _, _, _, _, y in scored if y is not None],
    })

    results: list[CustomerResult] = []
    for index, customer, scores, x, y in scored:
        computed = segment_for(x, y, thresholds)
        manual = customer.get("classification") if customer.get("classification") in SEGMENTS else None
        differs = manual is not None and computed is not None and manual != computed
        name = as_text(customer.get("name")) or ""
        if differs:
            warnings.append(Warning(
                code="portfolio.manual_differs", worksheet=6,
                params={"customer": name, "manual": manual, "computed": computed},
                pointer=f"/customers/{index}/classification",
            ))
        results.append(CustomerResult(
            index=index,
            name=name,
            code=as_text(customer.get("code")),
            revenue=as_number(customer.get("revenue")) or 0.0,
            profit_contribution=as_number(customer.get("profit_contribution")) or 0.0,
            scores=scores,
            current_value=x,
            future_potential=y,
            computed_segment=computed,
            manual_segment=manual,
            segment=manual or computed,
            differs=differs,
            remark=as_text(customer.get("remark")),
            example=customer.get("example") is True,
            profit_given=as_number(customer.get("profit_contribution")) is not None,
        ))
    differences = [result for result in results if result.differs]
    return ClassificationResult(thresholds=thresholds, customers=results, differences=differences), warnings
