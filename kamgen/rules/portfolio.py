"""Method rules of the portfolio (worksheets 1, 2 and 4–10).

Two sources of problems: structural checks on the input (codes, bands,
weights, references, missing scores), and the warnings that
:func:`kamgen.compute.portfolio.compute_portfolio` raises while computing
(equal weights, a manual classification that differs, visits out of order).
Both run on data the schema may have rejected, so every check reads
defensively and skips what it cannot interpret.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kamgen.compute.portfolio import compute_portfolio
from kamgen.compute.portfolio_input import as_dict, as_list, as_text
from kamgen.compute.portfolio_model import (
    AXES,
    CRITERIA_PER_AXIS_MAX,
    CRITERIA_PER_AXIS_MIN,
    DRIVERS_MAX,
    DRIVERS_MIN,
    MIDPOINT_THRESHOLD,
    Warning,
)
from kamgen.compute.selection import ANCHORS, BANDS, PAIRWISE, CriterionInput, read_bands, read_criteria
from kamgen.i18n import get_language, t
from kamgen.problems import ERROR, WARNING, Problem
from kamgen.readers import pointer_join

KIND = "portfolio"
# Weights typed with decimals (33.33 + 33.33 + 33.34) should pass; a real
# mistake is at least a whole point off.
WEIGHT_SUM_TOLERANCE = 0.001
SEGMENT_PARAMS = ("segment", "manual", "computed", "lower", "higher")
AXIS_PARAMS = ("axis", "first_axis", "second_axis")
# The parameter of a computed warning that is the value found.
WARNING_VALUES = {
    "portfolio.equal_weights": "weight",
    "portfolio.score_value_conflict": "score",
    "portfolio.manual_differs": "manual",
    "portfolio.profit_total_not_positive": "total",
    "portfolio.too_many_examples": "count",
    "portfolio.visits_inverted": "lower_visits",
}


def check(data: Any) -> list[Problem]:
    """Return every method problem of a portfolio input."""
    if not isinstance(data, dict):
        return []
    criteria = read_criteria(data)
    problems: list[Problem] = []
    problems += check_period(data)
    problems += check_drivers(data)
    problems += check_criteria(data, criteria)
    problems += check_weighting(data, criteria)
    problems += check_thresholds(data)
    problems += check_customers(data, criteria)
    problems += [problem_from_warning(warning) for warning in compute_portfolio(data).warnings]
    return problems


# --- formatting -----------------------------------------------------------


def format_number(value: float, language: str | None = None, decimals: int = 2) -> str:
    """Return the number rounded to at most ``decimals`` decimals, with a decimal comma in Dutch."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if (language or get_language()) == "nl" else text


def display_params(params: dict, language: str | None = None) -> dict:
    """Turn segment and axis identifiers into labels and numbers into text, for a message."""
    language = language or get_language()
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if key in SEGMENT_PARAMS and isinstance(value, str):
            shown[key] = t(f"portfolio.segment_{value}", language)
            shown[f"{key}_plural"] = t(f"portfolio.segments_{value}", language)
        elif key in AXIS_PARAMS and isinstance(value, str):
            shown[key] = t(f"portfolio.axis_{value}", language)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            shown[key] = format_number(value, language)
        else:
            shown[key] = value
    return shown


def warning_message(warning: Warning, language: str | None = None) -> str:
    """Return the message of a computed warning in the language (for rules and reports alike)."""
    return t(warning.code, language, **display_params(warning.params, language))


def problem_from_warning(warning: Warning) -> Problem:
    value_param = WARNING_VALUES.get(warning.code)
    return Problem(
        code=warning.code,
        severity=WARNING,
        message=warning_message(warning),
        pointer=warning.pointer,
        worksheet=warning.worksheet,
        field=_field(warning.pointer),
        value=warning.params.get(value_param) if value_param else None,
    )


def _field(pointer: str) -> str | None:
    from kamgen.validation import field_title

    return field_title(KIND, pointer) if pointer else None


def _problem(rule: str, severity: str, pointer: str, worksheet: int | None, *, value: Any = None,
             message: str | None = None, **params: Any) -> Problem:
    return Problem(
        code=f"portfolio.{rule}",
        severity=severity,
        message=t(f"portfolio.{message or rule}", **display_params(params)),
        pointer=pointer,
        worksheet=worksheet,
        field=_field(pointer),
        value=value,
    )


# --- header and worksheet 1 -----------------------------------------------


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_period(data: dict) -> list[Problem]:
    period = as_dict(data.get("period"))
    start, end = _date(period.get("start")), _date(period.get("end"))
    if start and end and end < start:
        return [_problem("period_order", ERROR, "/period/end", None, value=period.get("end"),
                         start=period.get("start"), end=period.get("end"))]
    return []


def check_drivers(data: dict) -> list[Problem]:
    drivers = as_list(as_dict(data.get("importance")).get("drivers"))
    problems = []
    if drivers and not DRIVERS_MIN <= len(drivers) <= DRIVERS_MAX:
        problems.append(_problem("driver_count", WARNING, "/importance/drivers", 1, value=len(drivers),
                                 count=len(drivers), minimum=DRIVERS_MIN, maximum=DRIVERS_MAX))
    for index, raw in enumerate(drivers):
        item = as_dict(raw)
        if item and item.get("rating") is None:
            code = as_text(item.get("code")) or f"D{index + 1}"
            problems.append(_problem("driver_unrated", WARNING, f"/importance/drivers/{index}/rating", 1, code=code))
    return problems


# --- worksheets 4 and 5 ---------------------------------------------------


def check_criteria(data: dict, criteria: list[CriterionInput]) -> list[Problem]:
    problems: list[Problem] = []
    items = as_list(data.get("criteria"))
    first_position: dict[str, int] = {}
    for index, raw in enumerate(items):
        item = as_dict(raw)
        code = as_text(item.get("code"))
        if code is not None:
            if code in first_position:
                problems.append(_problem("duplicate_criterion_code", ERROR, f"/criteria/{index}/code", 4, value=code,
                                         code=code, first=first_position[code] + 1))
            else:
                first_position[code] = index
        label = code or f"#{index + 1}"

        bands = read_bands(item.get("bands"))
        if bands and any(lower >= upper for lower, upper in zip(bands, bands[1:])):
            separator = "; " if get_language() == "nl" else ", "
            problems.append(_problem("bands_not_ascending", ERROR, f"/criteria/{index}/bands", 4, value=list(bands),
                                     code=label, bands=separator.join(format_number(band) for band in bands)))
        if item.get("scoring") == BANDS and item.get("bands") is None:
            problems.append(_problem("bands_missing", ERROR, f"/criteria/{index}/scoring", 4, value=BANDS, code=label))
        if item.get("scoring") == ANCHORS and item.get("bands") is not None:
            problems.append(_problem("bands_ignored", WARNING, f"/criteria/{index}/bands", 4, code=label))

    if items:
        for axis in AXES:
            count = sum(1 for criterion in criteria if criterion.axis == axis)
            if count == 0:
                problems.append(_problem("axis_without_criteria", ERROR, "/criteria", 4, value=0, axis=axis))
            elif not CRITERIA_PER_AXIS_MIN <= count <= CRITERIA_PER_AXIS_MAX:
                problems.append(_problem("criteria_count", WARNING, "/criteria", 4, value=count, axis=axis, count=count,
                                         minimum=CRITERIA_PER_AXIS_MIN, maximum=CRITERIA_PER_AXIS_MAX))
    return problems


def check_weighting(data: dict, criteria: list[CriterionInput]) -> list[Problem]:
    weighting = as_dict(data.get("weighting"))
    comparisons = as_list(weighting.get("comparisons"))
    if weighting.get("method") == PAIRWISE:
        problems = check_comparisons(comparisons, criteria)
        if any(criterion.weight is not None for criterion in criteria):
            problems.append(_problem("weights_ignored", WARNING, "/weighting/method", 5, value=PAIRWISE))
        return problems

    problems = []
    if comparisons:
        problems.append(_problem("comparisons_ignored", WARNING, "/weighting/comparisons", 5,
                                 value=len(comparisons), count=len(comparisons)))
    for axis in AXES:
        weighted = [criterion for criterion in criteria if criterion.axis == axis and criterion.weight is not None]
        if not weighted:
            continue
        total = sum(criterion.weight for criterion in weighted)
        if abs(total - 100) > WEIGHT_SUM_TOLERANCE:
            problems.append(_problem("weights_sum", ERROR, f"/criteria/{weighted[0].index}/weight", 5,
                                     value=total, axis=axis, total=total))
    return problems


def check_comparisons(comparisons: list, criteria: list[CriterionInput]) -> list[Problem]:
    """Check that each pairwise comparison names two different existing criteria on one axis."""
    by_code = {criterion.code: criterion for criterion in criteria}
    problems = []
    for index, raw in enumerate(comparisons):
        item = as_dict(raw)
        first, second = as_text(item.get("first")), as_text(item.get("second"))
        unknown = [(side, code) for side, code in (("first", first), ("second", second)) if code is not None and code not in by_code]
        for side, code in unknown:
            problems.append(_problem("comparison_unknown_criterion", ERROR, f"/weighting/comparisons/{index}/{side}", 5,
                                     value=code, code=code))
        if unknown or first is None or second is None:
            continue
        if first == second:
            problems.append(_problem("comparison_same_criterion", ERROR, f"/weighting/comparisons/{index}/second", 5,
                                     value=second, code=first))
        elif by_code[first].axis != by_code[second].axis:
            problems.append(_problem("comparison_other_axis", ERROR, f"/weighting/comparisons/{index}/second", 5,
                                     value=second, first=first, second=second,
                                     first_axis=by_code[first].axis, second_axis=by_code[second].axis))
    return problems


# --- worksheets 2 and 6 ---------------------------------------------------


def check_thresholds(data: dict) -> list[Problem]:
    thresholds = as_dict(data.get("thresholds"))
    problems = []
    for axis in AXES:
        entry = as_dict(thresholds.get(axis))
        method = entry.get("method", "midpoint")
        value = entry.get("value")
        if method == "value" and value is None:
            problems.append(_problem("threshold_value_missing", ERROR, f"/thresholds/{axis}/method", 6, value=method,
                                     axis=axis, midpoint=MIDPOINT_THRESHOLD))
        elif method != "value" and value is not None:
            problems.append(_problem("threshold_value_ignored", WARNING, f"/thresholds/{axis}/value", 6, value=value,
                                     axis=axis, threshold=value, method=method))
    return problems


def check_customers(data: dict, criteria: list[CriterionInput]) -> list[Problem]:
    problems: list[Problem] = []
    by_code = {criterion.code: criterion for criterion in criteria}
    first_position: dict[str, int] = {}
    for index, raw in enumerate(as_list(data.get("customers"))):
        if not isinstance(raw, dict):
            continue
        name = as_text(raw.get("name"))
        if name is not None:
            key = " ".join(name.casefold().split())
            if key in first_position:
                problems.append(_problem("duplicate_customer_name", WARNING, f"/customers/{index}/name", 6, value=name,
                                         name=name, first=first_position[key] + 1))
            else:
                first_position[key] = index
        problems += check_customer_scores(index, raw, name or f"#{index + 1}", by_code)
    return problems


def check_customer_scores(index: int, customer: dict, name: str, by_code: dict[str, CriterionInput]) -> list[Problem]:
    """Check one customer's scores and values against the criteria; a missing score is an error per criterion."""
    problems = []
    scores = as_dict(customer.get("scores"))
    values = as_dict(customer.get("values"))
    base = f"/customers/{index}"
    for code in scores:
        if code not in by_code:
            problems.append(_problem("unknown_criterion_score", ERROR, pointer_join(f"{base}/scores", code), 6,
                                     value=scores[code], customer=name, code=code))
    for code in values:
        if code not in by_code:
            problems.append(_problem("unknown_criterion_value", ERROR, pointer_join(f"{base}/values", code), 6,
                                     value=values[code], customer=name, code=code))
        elif by_code[code].scoring == ANCHORS:
            problems.append(_problem("value_for_anchors", ERROR, pointer_join(f"{base}/values", code), 6,
                                     value=values[code], customer=name, code=code))

    for code, criterion in by_code.items():
        banded = criterion.scoring == BANDS and criterion.bands is not None
        # A score or value that is present but invalid is left to the schema's own error.
        if scores.get(code) is not None or (banded and values.get(code) is not None):
            continue
        problems.append(_problem("score_missing", ERROR, pointer_join(f"{base}/scores", code), 6,
                                 message="score_missing_banded" if banded else "score_missing",
                                 customer=name, code=code, criterion=criterion.name))
    return problems
