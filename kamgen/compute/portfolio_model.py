"""Result types of the portfolio computations (worksheets 1 and 4–10).

Both renderers (Word and Excel) consume these; nothing here is rounded, so
rounding happens once, when a renderer formats a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEGMENTS = ("transactional", "development", "large", "strategic")
AXES = ("current_value", "future_potential")
# The worksheets of a portfolio input, in the order of the method.
PORTFOLIO_WORKSHEETS = (1, 2, 4, 5, 6, 7, 8, 9, 10)
# Worksheet 9: the sub-areas of each segment's strategy (the strategic segment has free points only).
STRATEGY_SUB_AREAS = {
    "transactional": ("make_or_hand_over", "inside_sales", "digital_sales", "chatbots"),
    "development": ("knowledge", "relationship", "business_development"),
    "large": ("fewer_contacts", "digital_contracts", "simpler_processes"),
    "strategic": (),
}
# Worksheet 10: the free-text rows of a service concept, in the worksheet's order.
SERVICE_TEXT_FIELDS = ("strategy_summary", "interaction", "intelligence_planning", "service_level", "horizon_monitoring")

# Urgency cut-offs of worksheet 1 (design choice, shown in the report).
URGENCY_HIGH = 4.0
URGENCY_MEDIUM = 3.0
# Default threshold on the 1–5 scale: its midpoint (design choice).
MIDPOINT_THRESHOLD = 3.0
# Worksheet 1 concentration: the top 5 and top 10 customers, and the top 20 %
# of customers rounded up to a whole customer (design choice). The labels of
# the concentration rows are "top5", "top10" and "top20pct".
TOP_COUNTS = (5, 10)
TOP_CUSTOMER_PERCENT = 20
# Worksheet 1 expects 8–10 market drivers, and worksheet 4 expects 3–5 criteria per axis.
DRIVERS_MIN, DRIVERS_MAX = 8, 10
CRITERIA_PER_AXIS_MIN, CRITERIA_PER_AXIS_MAX = 3, 5
# Worksheet 8 shows 3–5 example customers per segment (design choice, see
# kamgen.compute.segments.pick_examples for the rule).
EXAMPLES_MIN, EXAMPLES_MAX = 3, 5
# A weighted score within this distance below a threshold still counts as
# reaching it, so float noise such as 2.9999999999999996 does not flip a
# segment. Weights carry a few decimals at most and scores are whole, so a
# real difference between a score and a threshold is far larger.
SCORE_TOLERANCE = 1e-9


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
    conclusion: str | None = None


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
    unit: str | None = None
    source: str | None = None
    anchors: dict[str, str] | None = None  # "score_1", "score_3", "score_5" → description


@dataclass(frozen=True)
class WeightingResult:
    """Worksheet 5."""

    method: str  # "direct" | "pairwise" | "equal" (equal when every axis fell back to equal weights)
    criteria: list[CriterionResult]
    axis_totals: dict[str, float]
    axis_methods: dict[str, str] = field(default_factory=dict)  # axis → "direct" | "pairwise" | "equal"


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
    profit_given: bool = True  # False when the input has no profit contribution (counted as 0)


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
    unclassified: int = 0  # customers left out because they have no segment (missing scores)


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
    pointer: str = ""  # JSON pointer of the input value the warning is about


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
    prepared_by: str | None = None
    language: str = "nl"  # language of the texts the computation filled in (default core strategies)
