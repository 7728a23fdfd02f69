"""Worksheets 8, 9 and 10: the portfolio per segment, the strategy and the service concept of each segment."""

from __future__ import annotations

import math
from fractions import Fraction

from kamgen.compute.portfolio_input import as_bool, as_dict, as_list, as_number, as_rating, as_text, has_content
from kamgen.compute.portfolio_model import (
    EXAMPLES_MAX,
    EXAMPLES_MIN,
    SEGMENTS,
    SERVICE_TEXT_FIELDS,
    STRATEGY_SUB_AREAS,
    ClassificationResult,
    CustomerResult,
    PortfolioMatrix,
    SegmentSummary,
    ServiceConceptResult,
    StrategyResult,
    Warning,
)

# Percentages are rounded to one decimal: a whole of 100 % is 1000 units of 0.1 %.
PERCENT_UNITS = 1000
SERVING_MODELS = ("no_fixed_contact", "shared_account_manager", "dedicated_account_manager", "account_team")
MONITORING_FREQUENCIES = ("weekly", "monthly", "quarterly", "half_yearly", "yearly")
# Pairs (lower segment, higher segment): the lower one should not get more
# visits per customer than the higher one.
VISIT_ORDER = (
    ("transactional", "large"),
    ("transactional", "strategic"),
    ("development", "strategic"),
    ("large", "strategic"),
)
HORIZON_MONTHS_MAX = 120


def largest_remainder_percentages(parts: list[float], total: float) -> list[float] | None:
    """Return each part as a percentage of ``total`` with one decimal, summing to exactly 100.0.

    Each share is first floored to a whole 0.1 %; the 0.1 % units still
    missing go to the parts with the largest remainders, ties to the earlier
    part. Exact fractions avoid float noise deciding a tie. Negative parts
    (a loss-making segment) are allowed. Returns None when the total is 0.
    """
    if total == 0:
        return None
    exact_total = Fraction(total)
    quotas = [Fraction(part) * PERCENT_UNITS / exact_total for part in parts]
    units = [math.floor(quota) for quota in quotas]
    shortfall = PERCENT_UNITS - sum(units)
    by_remainder = sorted(range(len(parts)), key=lambda position: (-(quotas[position] - units[position]), position))
    for position in by_remainder[:shortfall]:
        units[position] += 1
    return [unit / 10 for unit in units]


def rank_by_revenue(customers: list[CustomerResult]) -> list[CustomerResult]:
    """Sort by revenue, largest first; equal revenue keeps the input order."""
    return sorted(customers, key=lambda customer: (-customer.revenue, customer.index))


def pick_examples(members: list[CustomerResult]) -> tuple[list[str], int]:
    """Return the example customers of one segment and how many were marked as examples.

    The rule: the customers marked as examples come first, the largest
    revenue first, at most EXAMPLES_MAX of them. When fewer than EXAMPLES_MIN
    are marked, the largest unmarked customers by revenue fill the list up to
    EXAMPLES_MIN (or up to the segment's size).
    """
    ranked = rank_by_revenue(members)
    marked = [customer for customer in ranked if customer.example]
    chosen = marked[:EXAMPLES_MAX]
    if len(chosen) < EXAMPLES_MIN:
        unmarked = [customer for customer in ranked if not customer.example]
        chosen += unmarked[: EXAMPLES_MIN - len(chosen)]
    return [customer.name for customer in chosen], len(marked)


def compute_matrix(classification: ClassificationResult | None) -> tuple[PortfolioMatrix | None, list[Warning]]:
    """Sum customers, revenue and profit contribution per segment (worksheet 8)."""
    if classification is None:
        return None, []
    placed = [customer for customer in classification.customers if customer.segment is not None]
    if not placed:
        return None, []
    warnings: list[Warning] = []

    members = {segment: [customer for customer in placed if customer.segment == segment] for segment in SEGMENTS}
    counts = [len(members[segment]) for segment in SEGMENTS]
    revenues = [sum((customer.revenue for customer in members[segment]), 0.0) for segment in SEGMENTS]
    profits = [sum((customer.profit_contribution for customer in members[segment]), 0.0) for segment in SEGMENTS]
    total_customers = len(placed)
    total_revenue = sum((customer.revenue for customer in placed), 0.0)
    total_profit = sum((customer.profit_contribution for customer in placed), 0.0)

    # Shares of a total that is zero or negative mean nothing, so they are left
    # out. The warning only helps when someone entered profit figures.
    profit_available = total_profit > 0
    if not profit_available and any(customer.profit_given for customer in placed):
        warnings.append(Warning(
            code="portfolio.profit_total_not_positive", worksheet=8,
            params={"total": total_profit}, pointer="/customers",
        ))
    customer_percents = largest_remainder_percentages(counts, total_customers)
    revenue_percents = largest_remainder_percentages(revenues, total_revenue) if total_revenue > 0 else None
    profit_percents = largest_remainder_percentages(profits, total_profit) if profit_available else None

    summaries: dict[str, SegmentSummary] = {}
    for position, segment in enumerate(SEGMENTS):
        examples, marked = pick_examples(members[segment])
        if marked > EXAMPLES_MAX:
            warnings.append(Warning(
                code="portfolio.too_many_examples", worksheet=8,
                params={"segment": segment, "count": marked, "maximum": EXAMPLES_MAX}, pointer="/customers",
            ))
        summaries[segment] = SegmentSummary(
            segment=segment,
            customers=counts[position],
            customer_share=counts[position] / total_customers,
            customer_percent=customer_percents[position] if customer_percents else None,
            revenue=revenues[position],
            revenue_share=revenues[position] / total_revenue if total_revenue > 0 else None,
            revenue_percent=revenue_percents[position] if revenue_percents else None,
            profit=profits[position],
            profit_share=profits[position] / total_profit if profit_available else None,
            profit_percent=profit_percents[position] if profit_percents else None,
            examples=examples,
        )
    matrix = PortfolioMatrix(
        segments=summaries,
        total_customers=total_customers,
        total_revenue=total_revenue,
        total_profit=total_profit,
        profit_shares_available=profit_available,
        unclassified=len(classification.customers) - total_customers,
    )
    return matrix, warnings


def compute_strategies(strategies: dict, default_core_strategies: dict[str, str]) -> dict[str, StrategyResult] | None:
    """Fill in each segment's strategy (worksheet 9), with the default core strategy where none is given.

    ``default_core_strategies`` maps segment → text, in the report's language
    (see ``kamgen.messages.portfolio``). Returns None when the worksheet is empty.
    """
    strategies = as_dict(strategies)
    if not has_content(strategies):
        return None
    results: dict[str, StrategyResult] = {}
    for segment in SEGMENTS:
        entry = as_dict(strategies.get(segment))
        given = as_text(entry.get("core_strategy"))
        sub_areas = as_dict(entry.get("sub_areas"))
        results[segment] = StrategyResult(
            segment=segment,
            core_strategy=given or default_core_strategies[segment],
            core_strategy_is_default=given is None,
            summary=as_text(entry.get("summary")),
            sub_areas={key: as_text(sub_areas.get(key)) for key in STRATEGY_SUB_AREAS[segment]},
            points=[text for point in as_list(entry.get("points")) if (text := as_text(point))],
        )
    return results


def compute_service_concepts(
    concepts: dict, classification: ClassificationResult | None
) -> tuple[dict[str, ServiceConceptResult] | None, list[Warning]]:
    """Describe each segment's service concept and its visit load (worksheet 10).

    Visit load = customers in the segment × visits per customer per year;
    hours = visit load × hours per visit. Returns None when the worksheet is empty.
    """
    concepts = as_dict(concepts)
    if not has_content(concepts):
        return None, []
    customers = classification.customers if classification else []
    results: dict[str, ServiceConceptResult] = {}
    for segment in SEGMENTS:
        entry = as_dict(concepts.get(segment))
        count = sum(1 for customer in customers if customer.segment == segment)
        visits = as_number(entry.get("visits_per_year"))
        hours = as_number(entry.get("hours_per_visit"))
        visit_load = count * visits if visits is not None else None
        results[segment] = ServiceConceptResult(
            segment=segment,
            texts={key: as_text(entry.get(key)) for key in SERVICE_TEXT_FIELDS},
            visits_per_year=visits,
            hours_per_visit=hours,
            serving_model=entry.get("serving_model") if entry.get("serving_model") in SERVING_MODELS else None,
            executive_sponsor=as_bool(entry.get("executive_sponsor")),
            account_plan=as_bool(entry.get("account_plan")),
            customer_in_planning=as_bool(entry.get("customer_in_planning")),
            horizon_months=as_rating(entry.get("horizon_months"), 0, HORIZON_MONTHS_MAX),
            monitoring_frequency=(
                entry.get("monitoring_frequency") if entry.get("monitoring_frequency") in MONITORING_FREQUENCIES else None
            ),
            joint_dashboard=as_bool(entry.get("joint_dashboard")),
            customers=count,
            visit_load=visit_load,
            hours_load=visit_load * hours if visit_load is not None and hours is not None else None,
        )
    return results, service_concept_warnings(results)


def service_concept_warnings(results: dict[str, ServiceConceptResult]) -> list[Warning]:
    """Flag a lower segment visited more often than a higher one, and strategic customers without plan or sponsor."""
    warnings: list[Warning] = []
    for lower, higher in VISIT_ORDER:
        lower_visits, higher_visits = results[lower].visits_per_year, results[higher].visits_per_year
        if lower_visits is not None and higher_visits is not None and lower_visits > higher_visits:
            warnings.append(Warning(
                code="portfolio.visits_inverted", worksheet=10,
                params={"lower": lower, "higher": higher, "lower_visits": lower_visits, "higher_visits": higher_visits},
                pointer=f"/service_concepts/{lower}/visits_per_year",
            ))

    strategic = results["strategic"]
    if strategic.account_plan is not True:
        warnings.append(Warning(
            code="portfolio.strategic_without_account_plan", worksheet=10,
            params={"customers": strategic.customers}, pointer="/service_concepts/strategic/account_plan",
        ))
    if strategic.executive_sponsor is not True:
        warnings.append(Warning(
            code="portfolio.strategic_without_sponsor", worksheet=10,
            params={"customers": strategic.customers}, pointer="/service_concepts/strategic/executive_sponsor",
        ))
    return warnings
