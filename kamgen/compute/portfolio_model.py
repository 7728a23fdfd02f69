"""Result types of the portfolio computations (worksheets 1 and 4–10).

Both renderers (Word and Excel) consume these; nothing here is rounded, so
rounding happens once, when a renderer formats a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEGMENTS = ("transactional", "development", "large", "strategic")
AXES = ("current_value", "future_potential")

# Urgency cut-offs of worksheet 1 (design choice, shown in the report).
URGENCY_HIGH = 4.0
URGENCY_MEDIUM = 3.0
# Default threshold on the 1–5 scale: its midpoint (design choice).
MIDPOINT_THRESHOLD = 3.0


@dataclass(frozen=True)
class ConcentrationRow:
    """Share of the total held by a top group of customers, ranked by that measure."""

    label: str  # "top5", "top10", "top20pct"
    customers: int
    revenue: float
    revenue_share: float | None  # 0..1; None when the total is not positive
    profit: float
    profit_share: float | None


@dataclass(frozen=True)
class ParetoPoint:
    rank: int
    name: str
    customer_share: float  # cumulative share of customers, 0..1
    revenue_share: float  # cumulative share of revenue, 0..1


@dataclass(frozen=True)
class DriverRating:
    code: str
    statement: str
    rating: int | None
    remark: str | None


@dataclass(frozen=True)
class ImportanceResult:
    """Worksheet 1."""

    drivers: list[DriverRating]
    mean_rating: float | None
    urgency: str | None  # "high" | "medium" | "low"
    concentration: list[ConcentrationRow]
    pareto: list[ParetoPoint]
    total_revenue: float
    total_profit: float


@dataclass(frozen=True)
class CriterionResult:
    """Worksheets 4 and 5: one criterion with its effective weight."""

    code: str
    axis: str
    group: str | None
    name: str
    indicator: str | None
    scoring: str  # "anchors" | "bands"
    direction: str
    bands: tuple[float, ...] | None
    weight: float  # effective weight, points out of 100 on its axis
    weight_source: str  # "direct" | "pairwise" | "equal"
    pairwise_wins: float | None  # wins counted with a tie as 1/2, for the pairwise method


@dataclass(frozen=True)
class WeightingResult:
    """Worksheet 5."""

    method: str  # "direct" | "pairwise" | "equal"
    criteria: list[CriterionResult]
    axis_totals: dict[str, float]


@dataclass(frozen=True)
class CriterionScore:
    code: str
    score: int | None  # 1..5 after conversion; None when missing
    value: float | None  # raw indicator value when given
    from_bands: bool


@dataclass(frozen=True)
class CustomerResult:
    """Worksheet 6: one customer placed in the portfolio."""

    index: int  # position in the input's customer list
    name: str
    code: str | None
    revenue: float
    profit_contribution: float
    scores: list[CriterionScore]
    current_value: float | None  # weighted score on the 1–5 scale
    future_potential: float | None
    computed_segment: str | None
    manual_segment: str | None
    segment: str | None  # manual when given, else computed
    differs: bool  # manual classification differs from the computed one
    remark: str | None
    example: bool


@dataclass(frozen=True)
class Thresholds:
    current_value: float
    future_potential: float
    current_value_method: str  # "midpoint" | "median" | "value"
    future_potential_method: str


@dataclass(frozen=True)
class ClassificationResult:
    """Worksheet 6."""

    thresholds: Thresholds
    customers: list[CustomerResult]
    differences: list[CustomerResult]  # manual classification differs from computed


@dataclass(frozen=True)
class ProcedureStep:
    step: str
    owner: str | None
    date: str | None
    status: str
    result: str | None


@dataclass(frozen=True)
class ProcedureResult:
    """Worksheet 7."""

    steps: list[ProcedureStep]
    done: int
    progress: float | None  # done / all, 0..1


@dataclass(frozen=True)
class SegmentSummary:
    """Worksheet 8: one quadrant of the portfolio."""

    segment: str
    customers: int
    customer_share: float | None  # exact share 0..1
    customer_percent: float | None  # largest-remainder rounded to one decimal, sums to 100.0
    revenue: float
    revenue_share: float | None
    revenue_percent: float | None
    profit: float
    profit_share: float | None  # None when total profit <= 0 (shown as n.v.t.)
    profit_percent: float | None
    examples: list[str]


@dataclass(frozen=True)
class PortfolioMatrix:
    """Worksheet 8."""

    segments: dict[str, SegmentSummary]
    total_customers: int
    total_revenue: float
    total_profit: float
    profit_shares_available: bool


@dataclass(frozen=True)
class StrategyResult:
    """Worksheet 9: one segment's strategy, defaults filled in."""

    segment: str
    core_strategy: str
    core_strategy_is_default: bool
    summary: str | None
    sub_areas: dict[str, str | None]
    points: list[str]


@dataclass(frozen=True)
class ServiceConceptResult:
    """Worksheet 10: one segment's service concept and its visit load."""

    segment: str
    texts: dict[str, str | None]
    visits_per_year: float | None
    hours_per_visit: float | None
    serving_model: str | None
    executive_sponsor: bool | None
    account_plan: bool | None
    customer_in_planning: bool | None
    horizon_months: int | None
    monitoring_frequency: str | None
    joint_dashboard: bool | None
    customers: int
    visit_load: float | None  # customers × visits per year
    hours_load: float | None  # visit load × hours per visit


@dataclass(frozen=True)
class Warning:
    """A finding of a computation that the report shows (codes as in the rules)."""

    code: str
    worksheet: int
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PortfolioResult:
    organisation: str
    business_unit: str | None
    period_start: str
    period_end: str
    currency: str
    importance: ImportanceResult | None
    weighting: WeightingResult | None
    classification: ClassificationResult | None
    procedure: ProcedureResult | None
    matrix: PortfolioMatrix | None
    strategies: dict[str, StrategyResult] | None
    service_concepts: dict[str, ServiceConceptResult] | None
    warnings: list[Warning]
    filled_worksheets: list[int]  # worksheets with input, in the method's order
    empty_worksheets: list[int]
