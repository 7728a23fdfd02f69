"""All computations of one account input (worksheets 3, 11 and 12–30) in one result.

``compute_account`` follows the method's data flow: 3, 12, 13, 14 → 15, 16 →
17–20 → 21 → 22 → 23 → 24, 25 → 26 → 27 → 28, 29 → 30. Each worksheet's
result is there even when its section is empty, so renderers never test for
missing attributes. ``filled`` lists the worksheets that contain data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamgen.compute.account_analysis import (
    DevelopmentPlanResult, DevelopmentStageResult, PurchasingPortfolioResult, RelationshipMatrixResult, RelationshipQualityResult,
    compute_development_plan, compute_development_stage, compute_purchasing_portfolio, compute_relationship_matrix, compute_relationship_quality,
)
from kamgen.compute.account_common import code_key, date, section, text
from kamgen.compute.account_goals import GoalTreeResult, compute_goal_tree
from kamgen.compute.account_ideas import (
    AnglesResult, BrainwritingResult, ChoiceMatrixResult, ShortlistEntry, IdeaCodeIssuer,
    compute_angles, compute_brainwriting, compute_choice_matrix, shortlist_of, used_idea_numbers,
)
from kamgen.compute.account_projects import BudgetResult, PlanningResult, ProjectResult, compute_budget, compute_planning, compute_projects
from kamgen.compute.account_swot import (
    SCORING_FORMS, ConfrontationResult, FindingsResult, FocusPointsResult, ScoringResult, SwotResult,
    compute_confrontation, compute_findings, compute_focus_points, compute_scoring_form, compute_swot,
)

# The input section behind each worksheet; 21 has none because it is computed from 17–20.
SECTION_OF_WORKSHEET = {
    3: ("relationship_quality",),
    11: ("development_plan",),
    12: ("relationship_matrix",),
    13: ("development_stage",),
    14: ("purchasing_portfolio",),
    15: ("customer_findings",),
    16: ("internal_findings",),
    17: ("opportunities",),
    18: ("threats",),
    19: ("strengths",),
    20: ("weaknesses",),
    21: ("opportunities", "threats", "strengths", "weaknesses"),
    22: ("confrontation",),
    23: ("focus_points",),
    24: ("brainwriting",),
    25: ("angles",),
    26: ("choice_matrix",),
    27: ("projects",),
    28: ("planning",),
    29: ("budget",),
    30: ("goal_tree",),
}


@dataclass(frozen=True)
class AccountHeader:
    customer: str
    account_manager: str | None
    start: dt.date | None
    end: dt.date | None
    segment: str | None
    plan_type: str  # key_account or development
    language: str | None
    currency: str


@dataclass(frozen=True)
class AccountResult:
    header: AccountHeader
    filled: tuple[int, ...]  # worksheet numbers that hold data
    relationship_quality: RelationshipQualityResult
    development_plan: DevelopmentPlanResult
    relationship_matrix: RelationshipMatrixResult
    development_stage: DevelopmentStageResult
    purchasing_portfolio: PurchasingPortfolioResult
    customer_findings: FindingsResult
    internal_findings: FindingsResult
    scoring: dict[str, ScoringResult]  # by section: opportunities, threats, strengths, weaknesses
    swot: SwotResult
    confrontation: ConfrontationResult
    focus_points: FocusPointsResult
    brainwriting: BrainwritingResult
    angles: AnglesResult
    shortlist: tuple[ShortlistEntry, ...]
    choice_matrix: ChoiceMatrixResult
    projects: tuple[ProjectResult, ...]
    planning: PlanningResult
    budget: BudgetResult
    goal_tree: GoalTreeResult

    @property
    def empty(self) -> tuple[int, ...]:
        """Worksheets of this input kind that are still empty, for the completeness overview."""
        return tuple(number for number in SECTION_OF_WORKSHEET if number not in self.filled)


def _has_data(value: Any) -> bool:
    """Tell whether a section contains anything a person typed (defaults alone do not count)."""
    if isinstance(value, dict):
        return any(_has_data(item) for key, item in value.items() if key not in ("top_n", "shortlist_size", "choose_top", "max_parallel"))
    if isinstance(value, list):
        return any(_has_data(item) for item in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def filled_worksheets(data: Any) -> tuple[int, ...]:
    if not isinstance(data, dict):
        return ()
    return tuple(
        number for number, keys in SECTION_OF_WORKSHEET.items()
        if any(_has_data(data.get(key)) for key in keys)
    )


def plan_type_of(data: Any) -> str:
    """Return the plan type: as given, else a development plan for a development customer or a plan that only fills 11."""
    given = data.get("plan_type") if isinstance(data, dict) else None
    if given in ("key_account", "development"):
        return given
    if isinstance(data, dict) and data.get("segment") == "development":
        return "development"
    filled = set(filled_worksheets(data))
    if 11 in filled and not filled - {3, 11, 12}:
        return "development"
    return "key_account"


def compute_account(data: Any) -> AccountResult:
    period = section(data, "period")
    header = AccountHeader(
        customer=text(data.get("customer")) if isinstance(data, dict) and text(data.get("customer")) else "",
        account_manager=text(data.get("account_manager")) if isinstance(data, dict) else None,
        start=date(period.get("start")),
        end=date(period.get("end")),
        segment=text(data.get("segment")) if isinstance(data, dict) else None,
        plan_type=plan_type_of(data),
        language=text(data.get("language")) if isinstance(data, dict) else None,
        currency=(text(data.get("currency")) if isinstance(data, dict) else None) or "EUR",
    )

    scoring = {form.section: compute_scoring_form(data, form.section) for form in SCORING_FORMS}
    swot = compute_swot(scoring)
    confrontation = compute_confrontation(data, swot)
    focus_points = compute_focus_points(data, confrontation)

    # One issuer for both 24 and 25, so codes handed out to new shortlisted ideas never collide.
    issuer = IdeaCodeIssuer(used_idea_numbers(data))
    brainwriting = compute_brainwriting(data, issuer)
    angles = compute_angles(data, tuple(point.code for point in sorted(focus_points.focus_points, key=lambda point: code_key(point.code))), issuer)

    return AccountResult(
        header=header,
        filled=filled_worksheets(data),
        relationship_quality=compute_relationship_quality(data),
        development_plan=compute_development_plan(data),
        relationship_matrix=compute_relationship_matrix(data),
        development_stage=compute_development_stage(data),
        purchasing_portfolio=compute_purchasing_portfolio(data),
        customer_findings=compute_findings(data, 15),
        internal_findings=compute_findings(data, 16),
        scoring=scoring,
        swot=swot,
        confrontation=confrontation,
        focus_points=focus_points,
        brainwriting=brainwriting,
        angles=angles,
        shortlist=shortlist_of(brainwriting, angles),
        choice_matrix=compute_choice_matrix(data),
        projects=compute_projects(data),
        planning=compute_planning(data),
        budget=compute_budget(data),
        goal_tree=compute_goal_tree(data),
    )
