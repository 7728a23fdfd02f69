"""The portfolio computations (worksheets 1, 2 and 4–10), assembled by :func:`compute_portfolio`.

Worksheets 2, 4, 5 and 6 live in :mod:`kamgen.compute.selection`, worksheets
8, 9 and 10 in :mod:`kamgen.compute.segments`; this module adds worksheet 1
(the importance of KAM) and 7 (the selection procedure) and puts them together.
"""

from __future__ import annotations

import math

from kamgen.compute.portfolio_input import as_dict, as_list, as_rating, as_text, has_content
from kamgen.compute.portfolio_model import (
    PORTFOLIO_WORKSHEETS,
    SEGMENTS,
    TOP_COUNTS,
    TOP_CUSTOMER_PERCENT,
    URGENCY_HIGH,
    URGENCY_MEDIUM,
    ConcentrationRow,
    CustomerResult,
    DriverRating,
    ImportanceResult,
    ParetoPoint,
    PortfolioResult,
    ProcedureResult,
    ProcedureStep,
)
from kamgen.compute.segments import compute_matrix, compute_service_concepts, compute_strategies, rank_by_revenue
from kamgen.compute.selection import compute_classification, compute_weighting, read_criteria

PROCEDURE_STATUSES = ("open", "in_progress", "done")
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")


def urgency_for(mean_rating: float | None) -> str | None:
    """Return "high" (mean ≥ URGENCY_HIGH), "medium" (≥ URGENCY_MEDIUM) or "low"."""
    if mean_rating is None:
        return None
    if mean_rating >= URGENCY_HIGH:
        return "high"
    if mean_rating >= URGENCY_MEDIUM:
        return "medium"
    return "low"


def top_customer_count(customers: int) -> int:
    """Return the number of customers in the top TOP_CUSTOMER_PERCENT %, rounded up to a whole customer."""
    return -(-customers * TOP_CUSTOMER_PERCENT // 100)


def compute_concentration(customers: list[CustomerResult]) -> list[ConcentrationRow]:
    """Share of revenue and of profit contribution held by the top groups, each ranked by its own measure."""
    total_revenue = sum((customer.revenue for customer in customers), 0.0)
    total_profit = sum((customer.profit_contribution for customer in customers), 0.0)
    by_revenue = [customer.revenue for customer in rank_by_revenue(customers)]
    by_profit = [customer.profit_contribution for customer in sorted(customers, key=lambda c: (-c.profit_contribution, c.index))]

    groups = [(f"top{count}", min(count, len(customers))) for count in TOP_COUNTS]
    groups.append((f"top{TOP_CUSTOMER_PERCENT}pct", top_customer_count(len(customers))))
    rows = []
    for label, size in groups:
        revenue = sum(by_revenue[:size], 0.0)
        profit = sum(by_profit[:size], 0.0)
        rows.append(ConcentrationRow(
            label=label,
            customers=size,
            revenue=revenue,
            revenue_share=revenue / total_revenue if total_revenue > 0 else None,
            profit=profit,
            profit_share=profit / total_profit if total_profit > 0 else None,
        ))
    return rows


def compute_pareto(customers: list[CustomerResult]) -> list[ParetoPoint]:
    """Return the cumulative revenue curve, largest customer first; empty when there is no revenue."""
    total_revenue = sum((customer.revenue for customer in customers), 0.0)
    if total_revenue <= 0:
        return []
    points = []
    cumulative = 0.0
    for rank, customer in enumerate(rank_by_revenue(customers), start=1):
        cumulative += customer.revenue
        points.append(ParetoPoint(
            rank=rank,
            name=customer.name,
            customer_share=rank / len(customers),
            revenue_share=cumulative / total_revenue,
        ))
    return points


def compute_importance(importance: dict, customers: list[CustomerResult]) -> ImportanceResult | None:
    """Rate the urgency of KAM (worksheet 1) and measure the concentration of revenue and profit.

    The concentration comes from the customers of worksheet 6, so the result
    exists whenever there are customers, even with no drivers rated. Returns
    None when there are no drivers, no conclusion and no customers.
    """
    importance = as_dict(importance)
    drivers = []
    for index, raw in enumerate(as_list(importance.get("drivers"))):
        item = as_dict(raw)
        drivers.append(DriverRating(
            code=as_text(item.get("code")) or f"D{index + 1}",
            statement=as_text(item.get("statement")) or "",
            rating=as_rating(item.get("rating")),
            remark=as_text(item.get("remark")),
        ))
    conclusion = as_text(importance.get("conclusion"))
    if not drivers and conclusion is None and not customers:
        return None

    ratings = [driver.rating for driver in drivers if driver.rating is not None]
    mean_rating = sum(ratings) / len(ratings) if ratings else None
    return ImportanceResult(
        drivers=drivers,
        mean_rating=mean_rating,
        urgency=urgency_for(mean_rating),
        concentration=compute_concentration(customers) if customers else [],
        pareto=compute_pareto(customers),
        total_revenue=sum((customer.revenue for customer in customers), 0.0),
        total_profit=sum((customer.profit_contribution for customer in customers), 0.0),
        conclusion=conclusion,
    )


def compute_procedure(procedure: dict) -> ProcedureResult | None:
    """Worksheet 7: the steps and the progress, steps done / all steps."""
    steps = []
    for raw in as_list(as_dict(procedure).get("steps")):
        item = as_dict(raw)
        status = item.get("status") if item.get("status") in PROCEDURE_STATUSES else "open"
        steps.append(ProcedureStep(
            step=as_text(item.get("step")) or "",
            owner=as_text(item.get("owner")),
            date=as_text(item.get("date")),
            status=status,
            result=as_text(item.get("result")),
        ))
    if not steps:
        return None
    done = sum(1 for step in steps if step.status == "done")
    return ProcedureResult(steps=steps, done=done, progress=done / len(steps))


def filled_worksheets(data: dict, matrix_filled: bool) -> list[int]:
    """Return the worksheets with input, in the method's order.

    Worksheet 2 counts as filled when a customer has a score or an indicator
    value; worksheet 5 when a weight or a pairwise comparison is given;
    worksheet 8 has no input of its own and counts as filled when customers
    could be placed in segments.
    """
    data = as_dict(data)
    importance = as_dict(data.get("importance"))
    customers = [as_dict(item) for item in as_list(data.get("customers"))]
    criteria = [as_dict(item) for item in as_list(data.get("criteria"))]
    filled = {
        1: has_content(importance.get("drivers")) or as_text(importance.get("conclusion")) is not None,
        2: any(has_content(customer.get("scores")) or has_content(customer.get("values")) for customer in customers),
        4: bool(criteria),
        5: any(criterion.get("weight") is not None for criterion in criteria)
        or has_content(as_dict(data.get("weighting")).get("comparisons")),
        6: bool(customers),
        7: has_content(as_dict(data.get("procedure")).get("steps")),
        8: matrix_filled,
        9: has_content(data.get("strategies")),
        10: has_content(data.get("service_concepts")),
    }
    return [number for number in PORTFOLIO_WORKSHEETS if filled[number]]


def default_core_strategies(language: str) -> dict[str, str]:
    from kamgen.i18n import t

    return {segment: t(f"portfolio.default_core_strategy_{segment}", language) for segment in SEGMENTS}


def compute_portfolio(data: dict, language: str | None = None) -> PortfolioResult:
    """Compute every portfolio worksheet from schema-shaped data.

    ``language`` only picks the wording of the default core strategies of
    worksheet 9; it defaults to the input's own ``language`` field, else Dutch.
    Data the schema rejects does not raise: parts that cannot be interpreted
    are skipped.
    """
    data = as_dict(data)
    if language not in LANGUAGES:
        language = data.get("language") if data.get("language") in LANGUAGES else DEFAULT_LANGUAGE

    criteria = read_criteria(data)
    weighting, weighting_warnings = compute_weighting(criteria, data.get("weighting"))
    classification, classification_warnings = compute_classification(data, criteria, weighting)
    customers = classification.customers if classification else []

    importance = compute_importance(data.get("importance"), customers)
    procedure = compute_procedure(data.get("procedure"))
    matrix, matrix_warnings = compute_matrix(classification)
    strategies = compute_strategies(data.get("strategies"), default_core_strategies(language))
    service_concepts, service_warnings = compute_service_concepts(data.get("service_concepts"), classification)

    filled = filled_worksheets(data, matrix is not None)
    period = as_dict(data.get("period"))
    return PortfolioResult(
        organisation=as_text(data.get("organisation")) or "",
        business_unit=as_text(data.get("business_unit")),
        period_start=as_text(period.get("start")) or "",
        period_end=as_text(period.get("end")) or "",
        currency=as_text(data.get("currency")) or "EUR",
        importance=importance,
        weighting=weighting,
        classification=classification,
        procedure=procedure,
        matrix=matrix,
        strategies=strategies,
        service_concepts=service_concepts,
        warnings=weighting_warnings + classification_warnings + matrix_warnings + service_warnings,
        filled_worksheets=filled,
        empty_worksheets=[number for number in PORTFOLIO_WORKSHEETS if number not in filled],
        prepared_by=as_text(data.get("prepared_by")),
        language=language,
    )
