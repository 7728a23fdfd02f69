"""A hand-built PortfolioResult for the report tests, with every figure worked out by hand.

Four customers, two criteria per axis (weights 60/40 and 50/50), midpoint
thresholds 3.0:

| customer | revenue | profit | C1 (bands) | C2 | x | C3 | C4 | y | computed | manual |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Versland Zuivel B.V. | 1,850,000 | 420,000 | 1,850,000 → 5 | 4 | (60×5+40×4)/100 = 4.6 | 4 | 5 | (50×4+50×5)/100 = 4.5 | strategic | – |
| Jansen & Zn <BV> | 900,000 | 150,000 | 900,000 → 4 | 4 | (240+160)/100 = 4.0 | 2 | 2 | 2.0 | large | strategic |
| Noordkaap Visverwerking B.V. | 240,000 | 52,000 | 240,000 → 2 | 3 | (120+120)/100 = 2.4 | 5 | 4 | (250+200)/100 = 4.5 | development | – |
| Bakkerij De Korf | 60,000 | −5,000 | 60,000 → 1 | 2 | (60+80)/100 = 1.4 | 2 | 1 | (100+50)/100 = 1.5 | transactional | – |

C1 bands 100,000 / 250,000 / 500,000 / 1,000,000: score = 1 + boundaries reached.
Totals: revenue 3,050,000; profit 617,000. Effective segments: strategic
{Versland, Jansen} = 2,750,000 / 570,000; development 240,000 / 52,000;
transactional 60,000 / −5,000; large empty.

Largest-remainder percentages, one decimal, in the order strategic,
development, transactional, large. Customers: 50.0, 25.0, 25.0, 0.0.
Revenue: 90.1, 7.9, 2.0, 0.0, because the quotas 901.6, 78.7 and 19.7
(units of 0.1 %) floor to 901, 78 and 19, and the two missing units go to
the largest remainders, 78.7 and 19.7. Profit: 92.4, 8.4, −0.8, 0.0,
because 923.8, 84.3 and −8.1 floor to 923, 84 and −9, and the two missing
units go to −8.1 and 923.8.
"""

from __future__ import annotations

import dataclasses

from kamgen.compute.portfolio_model import (
    ClassificationResult,
    ConcentrationRow,
    CriterionResult,
    CriterionScore,
    CustomerResult,
    DriverRating,
    ImportanceResult,
    ParetoPoint,
    PortfolioMatrix,
    PortfolioResult,
    ProcedureResult,
    ProcedureStep,
    SegmentSummary,
    ServiceConceptResult,
    StrategyResult,
    Thresholds,
    Warning,
    WeightingResult,
)

ORGANISATION = "Jansen & Zn <BV>"
BUSINESS_UNIT = "Koeling {{ x }}"
TEMPLATE_LOOKALIKE = "{{ x }}"


def criterion(code, axis, name, weight, *, group=None, bands=None, anchors=None, indicator=None, unit=None):
    return CriterionResult(
        code=code, axis=axis, group=group, name=name, indicator=indicator, scoring="bands" if bands else "anchors",
        direction="higher_is_better", bands=bands, weight=weight, weight_source="direct", pairwise_wins=None,
        unit=unit, source=None, anchors=anchors,
    )


CRITERIA = [
    criterion("C1", "current_value", "Omzet", 60.0, group="financial_value", bands=(100000.0, 250000.0, 500000.0, 1000000.0),
              indicator="Jaaromzet", unit="EUR"),
    criterion("C2", "current_value", "Relatie", 40.0, group="relational_value",
              anchors={"score_1": "geen", "score_3": "redelijk", "score_5": "sterk"}),
    criterion("C3", "future_potential", "Share of wallet", 50.0, group="growth_within_customer"),
    criterion("C4", "future_potential", "Groei klant", 50.0, group="customer_growth"),
]


def customer(index, name, revenue, profit, c1_value, scores, x, y, computed, manual=None, *, remark=None, example=False,
             extra_scores=()):
    return CustomerResult(
        index=index, name=name, code=None, revenue=revenue, profit_contribution=profit,
        scores=[CriterionScore("C1", scores[0], c1_value, True),
                *[CriterionScore(code, score, None, False) for code, score in zip(("C2", "C3", "C4"), scores[1:])],
                *[CriterionScore(code, score, None, False) for code, score in extra_scores]],
        current_value=x, future_potential=y, computed_segment=computed, manual_segment=manual,
        segment=manual or computed, differs=manual is not None and manual != computed, remark=remark, example=example,
    )


def customers(extra_codes=()):
    def extra(score):
        return [(code, score) for code in extra_codes]

    return [
        customer(0, "Versland Zuivel B.V.", 1850000.0, 420000.0, 1850000.0, (5, 4, 4, 5), 4.6, 4.5, "strategic",
                 example=True, extra_scores=extra(3)),
        customer(1, ORGANISATION, 900000.0, 150000.0, 900000.0, (4, 4, 2, 2), 4.0, 2.0, "large", "strategic",
                 remark="Let op: {{ x }}", extra_scores=extra(2)),
        customer(2, "Noordkaap Visverwerking B.V.", 240000.0, 52000.0, 240000.0, (2, 3, 5, 4), 2.4, 4.5, "development",
                 extra_scores=extra(4)),
        customer(3, "Bakkerij De Korf", 60000.0, -5000.0, 60000.0, (1, 2, 2, 1), 1.4, 1.5, "transactional",
                 extra_scores=extra(1)),
    ]


def segment(name, count, customer_percent, revenue, revenue_percent, profit, profit_percent, examples):
    return SegmentSummary(
        segment=name, customers=count, customer_share=count / 4, customer_percent=customer_percent,
        revenue=revenue, revenue_share=revenue / 3050000, revenue_percent=revenue_percent,
        profit=profit, profit_share=profit / 617000, profit_percent=profit_percent, examples=examples,
    )


def service(name, count, visits, *, hours=None, texts=None, **typed):
    values = dict(serving_model=None, executive_sponsor=None, account_plan=None, customer_in_planning=None,
                  horizon_months=None, monitoring_frequency=None, joint_dashboard=None)
    values.update(typed)
    load = count * visits if visits is not None else None
    return ServiceConceptResult(
        segment=name, texts=texts or {}, visits_per_year=visits, hours_per_visit=hours, customers=count,
        visit_load=load, hours_load=load * hours if load is not None and hours is not None else None, **values,
    )


def build_result(*, extra_criteria: int = 0, with_procedure: bool = True, profit_available: bool = True) -> PortfolioResult:
    """Return the sample portfolio; ``extra_criteria`` adds weight-0 criteria C5… to make the score table wide."""
    extra_codes = tuple(f"C{number}" for number in range(5, 5 + extra_criteria))
    criteria = CRITERIA + [criterion(code, "future_potential", f"Extra {code}", 0.0) for code in extra_codes]
    people = customers(extra_codes)
    thresholds = Thresholds(3.0, 3.0, "midpoint", "midpoint")
    classification = ClassificationResult(thresholds=thresholds, customers=people, differences=[people[1]])

    importance = ImportanceResult(
        drivers=[
            DriverRating("D1", "Klanten fuseren.", 4, None),
            DriverRating("D2", "Klanten kopen {{ x }} centraal in.", 5, "Zie <notitie> & bijlage"),
            DriverRating("D3", "Kosten van bediening stijgen.", 3, None),
        ],
        mean_rating=4.0, urgency="high",
        concentration=[
            ConcentrationRow("top5", 4, 3050000.0, 1.0, 617000.0, 1.0),
            ConcentrationRow("top10", 4, 3050000.0, 1.0, 617000.0, 1.0),
            # ceil(4 × 20 %) = 1 customer: 1,850,000 / 3,050,000 = 0.6066; 420,000 / 617,000 = 0.6807.
            ConcentrationRow("top20pct", 1, 1850000.0, 1850000 / 3050000, 420000.0, 420000 / 617000),
        ],
        pareto=[
            ParetoPoint(1, "Versland Zuivel B.V.", 0.25, 1850000 / 3050000),
            ParetoPoint(2, ORGANISATION, 0.5, 2750000 / 3050000),
            ParetoPoint(3, "Noordkaap Visverwerking B.V.", 0.75, 2990000 / 3050000),
            ParetoPoint(4, "Bakkerij De Korf", 1.0, 1.0),
        ],
        total_revenue=3050000.0, total_profit=617000.0, conclusion="KAM is urgent voor {{ x }}.",
    )

    profit_percent = {"strategic": 92.4, "development": 8.4, "transactional": -0.8, "large": 0.0}
    if not profit_available:
        profit_percent = dict.fromkeys(profit_percent)
    matrix = PortfolioMatrix(
        segments={
            "transactional": segment("transactional", 1, 25.0, 60000.0, 2.0, -5000.0, profit_percent["transactional"], ["Bakkerij De Korf"]),
            "development": segment("development", 1, 25.0, 240000.0, 7.9, 52000.0, profit_percent["development"], ["Noordkaap Visverwerking B.V."]),
            "large": segment("large", 0, 0.0, 0.0, 0.0, 0.0, profit_percent["large"], []),
            "strategic": segment("strategic", 2, 50.0, 2750000.0, 90.1, 570000.0, profit_percent["strategic"],
                                 ["Versland Zuivel B.V.", ORGANISATION]),
        },
        total_customers=4, total_revenue=3050000.0, total_profit=617000.0, profit_shares_available=profit_available,
    )

    strategies = {
        "transactional": StrategyResult("transactional", "Efficiënt verkopen tegen zo laag mogelijke kosten", True, None,
                                        {"make_or_hand_over": None, "inside_sales": "Binnendienst belt {{ x }}",
                                         "digital_sales": None, "chatbots": None}, []),
        "development": StrategyResult("development", "Uitbouwen", True, "Groeien met de klant",
                                      {"knowledge": "Kennis delen", "relationship": None, "business_development": None},
                                      ["Eén", "Twee"]),
        "large": StrategyResult("large", "De relatie behouden tegen lagere kosten van bediening", True, None,
                                {"fewer_contacts": None, "digital_contracts": None, "simpler_processes": None}, []),
        "strategic": StrategyResult("strategic", "Samen innoveren", False, None, {}, ["Accountteam per klant"]),
    }
    service_concepts = {
        "transactional": service("transactional", 1, 1.0, texts={"interaction": "Webshop"}, serving_model="no_fixed_contact"),
        "development": service("development", 1, 6.0),
        "large": service("large", 0, 4.0),
        "strategic": service("strategic", 2, 12.0, hours=3.0, texts={"interaction": "Accountteam"}, account_plan=True,
                             executive_sponsor=False, monitoring_frequency="quarterly"),
    }

    procedure = ProcedureResult(
        steps=[
            ProcedureStep("Scoringsteam samenstellen", "Piet", "2026-02-01", "done", "Team staat"),
            ProcedureStep("Criteria kiezen", None, None, "in_progress", None),
            ProcedureStep("Wegen", None, None, "open", None),
        ],
        done=1, progress=1 / 3,
    )
    filled = [1, 2, 4, 5, 6, 7, 8, 9, 10] if with_procedure else [1, 2, 4, 5, 6, 8, 9, 10]
    return PortfolioResult(
        organisation=ORGANISATION, business_unit=BUSINESS_UNIT, period_start="2026-01-01", period_end="2026-12-31",
        currency="EUR", importance=importance,
        weighting=WeightingResult("direct", criteria, {"current_value": 100.0, "future_potential": 100.0},
                                  {"current_value": "direct", "future_potential": "direct"}),
        classification=classification, procedure=procedure if with_procedure else None, matrix=matrix,
        strategies=strategies, service_concepts=service_concepts,
        warnings=[Warning("portfolio.manual_differs", 6, {"customer": ORGANISATION, "manual": "strategic", "computed": "large"})],
        filled_worksheets=filled, empty_worksheets=[number for number in (1, 2, 4, 5, 6, 7, 8, 9, 10) if number not in filled],
        prepared_by="Marieke <Hoekstra>", language="nl",
    )


def minimal_result() -> PortfolioResult:
    """Return a portfolio with only its header filled: every worksheet is empty."""
    return dataclasses.replace(
        build_result(), importance=None, weighting=None, classification=None, procedure=None, matrix=None,
        strategies=None, service_concepts=None, warnings=[], filled_worksheets=[],
        empty_worksheets=[1, 2, 4, 5, 6, 7, 8, 9, 10],
    )
