"""Relationship analysis of one account: worksheets 3, 11, 12, 13 and 14.

Pure functions from the schema-shaped account data to frozen dataclasses;
nothing is rounded here except the current stage of worksheet 13, which the
method defines as the rounded relationship index.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import datetime as dt

from kamgen.compute.account_common import date, number, rating, rows, section, text, text_list

# Worksheet 3: the statements per relationship level, in the order of the form.
RELATIONSHIP_LEVELS = ("strategic", "functional", "organisational")
STATEMENTS = {
    "strategic": ("strategic_vision", "strategic_relationships", "strategic_knowledge"),
    "functional": ("functional_approach", "functional_processes", "functional_systems"),
    "organisational": ("organisational_structure", "organisational_credible", "organisational_win_win", "organisational_authority"),
}
STATEMENT_IDS = tuple(statement for level in RELATIONSHIP_LEVELS for statement in STATEMENTS[level])
# A statement "applies" from this rating up (design choice, shown in the report).
STATEMENT_APPLIES_FROM = 4

# Worksheet 11: limits of the development-customer template.
MAX_DEVELOPMENTS = 5
MAX_CURRENT_CONTACTS = 3
MIN_NEW_CONTACTS = 2

# Worksheet 12.
DMU_ROLES = ("initiator", "user", "influencer", "decider", "buyer", "gatekeeper")
CONTACT_LEVELS = ("strategic", "tactical", "operational")
STRENGTH_MIN = 0
STRENGTH_MAX = 3
# A relationship of at least "reasonable" counts as coverage (design choice).
COVERED_FROM = 2
# Risk flag: influential contacts (influence ≥ 4) whom we barely know (strongest
# relationship ≤ 1) or who are not on our side (attitude ≤ 0).
RISK_INFLUENCE_FROM = 4
RISK_STRENGTH_UP_TO = 1
RISK_ATTITUDE_UP_TO = 0

# Worksheet 13: the seven dimensions and the five stages of the ladder.
STAGE_DIMENSIONS = (
    "contact_pattern", "information_sharing", "pricing_basis", "supplier_status",
    "joint_planning", "exit_barriers", "trust_senior_contact",
)
STAGES = ("pre", "early", "mid", "partnership", "synergistic")

# Worksheet 14: profit impact and supply risk count as high from 3 up (design choice).
QUADRANT_THRESHOLD = 3
BUYER_BEHAVIOUR = {
    "routine": "efficiency",
    "leverage": "price_pressure",
    "bottleneck": "supply_security",
    "strategic": "partnership",
}
PURCHASING_QUADRANTS = ("routine", "leverage", "bottleneck", "strategic")


# --- worksheet 3 -----------------------------------------------------------

@dataclass(frozen=True)
class StatementRating:
    statement: str
    level: str
    rating: int | None
    remark: str | None


@dataclass(frozen=True)
class LevelScore:
    level: str
    mean: float | None
    rated: int
    statements: int
    applying: int


@dataclass(frozen=True)
class RelationshipQualityResult:
    """Worksheet 3: mean per level and overall, statements that apply, weakest level."""

    statements: tuple[StatementRating, ...]
    levels: tuple[LevelScore, ...]
    overall_mean: float | None
    rated: int
    applying: int
    lowest_level: str | None
    applies_from: int
    conclusion: str | None


def compute_relationship_quality(data: Any) -> RelationshipQualityResult:
    part = section(data, "relationship_quality")
    ratings = section(part, "ratings")
    remarks = section(part, "remarks")

    statements = tuple(
        StatementRating(statement, level, rating(ratings.get(statement), 1, 5), text(remarks.get(statement)))
        for level in RELATIONSHIP_LEVELS
        for statement in STATEMENTS[level]
    )

    levels = []
    for level in RELATIONSHIP_LEVELS:
        values = [item.rating for item in statements if item.level == level and item.rating is not None]
        levels.append(LevelScore(
            level=level,
            mean=sum(values) / len(values) if values else None,
            rated=len(values),
            statements=len(STATEMENTS[level]),
            applying=sum(1 for value in values if value >= STATEMENT_APPLIES_FROM),
        ))

    # The lowest mean wins; on a tie the level that comes first on the form.
    scored = [level for level in levels if level.mean is not None]
    lowest = min(scored, key=lambda level: level.mean).level if scored else None

    values = [item.rating for item in statements if item.rating is not None]
    return RelationshipQualityResult(
        statements=statements,
        levels=tuple(levels),
        overall_mean=sum(values) / len(values) if values else None,
        rated=len(values),
        applying=sum(1 for value in values if value >= STATEMENT_APPLIES_FROM),
        lowest_level=lowest,
        applies_from=STATEMENT_APPLIES_FROM,
        conclusion=text(part.get("conclusion")),
    )


# --- worksheet 11 ----------------------------------------------------------

@dataclass(frozen=True)
class Development:
    description: str
    source: str | None
    date: dt.date | None


@dataclass(frozen=True)
class PlannedContact:
    name: str | None
    function: str | None
    dmu_role: str | None
    themes: str | None
    ubr: str | None


@dataclass(frozen=True)
class BusinessOpportunity:
    description: str | None
    start: dt.date | None
    end: dt.date | None
    revenue: float | None
    indirect_returns: str | None
    investment_hours: float | None
    investment_amount: float | None
    investment_means: str | None


@dataclass(frozen=True)
class DevelopmentPlanResult:
    """Worksheet 11: the development-customer template, read into typed fields."""

    developments: tuple[Development, ...]
    current_contacts: tuple[PlannedContact, ...]
    development_strategy: str | None
    new_contacts: tuple[PlannedContact, ...]
    contact_strategy: str | None
    opportunity: BusinessOpportunity | None
    max_developments: int
    max_current_contacts: int
    min_new_contacts: int


def _planned_contact(row: dict) -> PlannedContact:
    return PlannedContact(
        name=text(row.get("name")), function=text(row.get("function")), dmu_role=text(row.get("dmu_role")),
        themes=text(row.get("themes")), ubr=text(row.get("ubr")),
    )


def compute_development_plan(data: Any) -> DevelopmentPlanResult:
    part = section(data, "development_plan")
    developments = tuple(
        Development(description, text(row.get("source")), date(row.get("date")))
        for _, row in rows(part, "developments") if (description := text(row.get("description")))
    )
    opportunity_part = section(part, "business_opportunity")
    opportunity = None
    if opportunity_part:
        opportunity = BusinessOpportunity(
            description=text(opportunity_part.get("description")),
            start=date(opportunity_part.get("start")),
            end=date(opportunity_part.get("end")),
            revenue=number(opportunity_part.get("revenue")),
            indirect_returns=text(opportunity_part.get("indirect_returns")),
            investment_hours=number(opportunity_part.get("investment_hours")),
            investment_amount=number(opportunity_part.get("investment_amount")),
            investment_means=text(opportunity_part.get("investment_means")),
        )
    return DevelopmentPlanResult(
        developments=developments,
        current_contacts=tuple(_planned_contact(row) for _, row in rows(part, "current_contacts") if text(row.get("name"))),
        development_strategy=text(part.get("development_strategy")),
        new_contacts=tuple(_planned_contact(row) for _, row in rows(part, "new_contacts") if text(row.get("function")) or text(row.get("name"))),
        contact_strategy=text(part.get("contact_strategy")),
        opportunity=opportunity,
        max_developments=MAX_DEVELOPMENTS,
        max_current_contacts=MAX_CURRENT_CONTACTS,
        min_new_contacts=MIN_NEW_CONTACTS,
    )


# --- worksheet 12 ----------------------------------------------------------

@dataclass(frozen=True)
class ContactRelationship:
    name: str
    function: str | None
    level: str | None
    dmu_roles: tuple[str, ...]
    influence: int | None
    attitude: int | None
    competitor_relationship: str | None
    ubr: str | None
    strengths: tuple[tuple[str, int], ...]  # (our person, 0–3), in the order of our people
    strongest: int  # 0 when nobody on our side knows the contact
    strongest_people: tuple[str, ...]  # who holds the strongest relationship, empty at 0
    covered: bool
    at_risk: bool
    risk_reasons: tuple[str, ...]  # "weak_relationship", "attitude"


@dataclass(frozen=True)
class RoleCoverage:
    role: str
    holders: tuple[str, ...]
    covered_holders: tuple[str, ...]

    @property
    def present(self) -> bool:
        return bool(self.holders)

    @property
    def covered(self) -> bool:
        return bool(self.covered_holders)


@dataclass(frozen=True)
class PersonReach:
    name: str
    role: str | None
    relationships: int  # contacts with a relationship of at least COVERED_FROM


@dataclass(frozen=True)
class RelationshipMatrixResult:
    """Worksheet 12: coverage of the DMU, breadth on our side, flagged contacts."""

    people: tuple[PersonReach, ...]
    contacts: tuple[ContactRelationship, ...]
    coverage: float | None  # share of contacts with a relationship ≥ COVERED_FROM, 0..1
    covered_contacts: int
    breadth: int  # our people holding at least one relationship ≥ COVERED_FROM
    single_point_of_contact: bool
    roles: tuple[RoleCoverage, ...]
    decider_listed: bool
    uncovered_roles: tuple[str, ...]
    flagged: tuple[str, ...]
    covered_from: int
    risk_influence_from: int


def _people(part: dict) -> list[tuple[str, str | None]]:
    people = []
    seen = set()
    for _, row in rows(part, "our_people"):
        name = text(row.get("name"))
        if name and name not in seen:
            seen.add(name)
            people.append((name, text(row.get("role"))))
    return people


def compute_relationship_matrix(data: Any) -> RelationshipMatrixResult:
    part = section(data, "relationship_matrix")
    people = _people(part)
    names = [name for name, _ in people]

    contacts = []
    for _, row in rows(part, "contacts"):
        name = text(row.get("name"))
        if not name:
            continue
        given = section(row, "strengths")
        strengths = tuple(
            (person, value)
            for person in names
            if (value := rating(given.get(person), STRENGTH_MIN, STRENGTH_MAX)) is not None
        )
        strongest = max((value for _, value in strengths), default=0)
        influence = rating(row.get("influence"), 1, 5)
        attitude = rating(row.get("attitude"), -2, 2)

        reasons = []
        if influence is not None and influence >= RISK_INFLUENCE_FROM:
            if strongest <= RISK_STRENGTH_UP_TO:
                reasons.append("weak_relationship")
            if attitude is not None and attitude <= RISK_ATTITUDE_UP_TO:
                reasons.append("attitude")

        roles = tuple(role for role in DMU_ROLES if role in text_list(row.get("dmu_roles")))
        contacts.append(ContactRelationship(
            name=name,
            function=text(row.get("function")),
            level=text(row.get("level")),
            dmu_roles=roles,
            influence=influence,
            attitude=attitude,
            competitor_relationship=text(row.get("competitor_relationship")),
            ubr=text(row.get("ubr")),
            strengths=strengths,
            strongest=strongest,
            strongest_people=tuple(person for person, value in strengths if value == strongest and strongest > 0),
            covered=strongest >= COVERED_FROM,
            at_risk=bool(reasons),
            risk_reasons=tuple(reasons),
        ))

    reach = tuple(
        PersonReach(
            name=name,
            role=role,
            relationships=sum(1 for contact in contacts if dict(contact.strengths).get(name, 0) >= COVERED_FROM),
        )
        for name, role in people
    )
    breadth = sum(1 for person in reach if person.relationships > 0)

    roles = tuple(
        RoleCoverage(
            role=role,
            holders=tuple(contact.name for contact in contacts if role in contact.dmu_roles),
            covered_holders=tuple(contact.name for contact in contacts if role in contact.dmu_roles and contact.covered),
        )
        for role in DMU_ROLES
    )
    covered = sum(1 for contact in contacts if contact.covered)

    return RelationshipMatrixResult(
        people=reach,
        contacts=tuple(contacts),
        coverage=covered / len(contacts) if contacts else None,
        covered_contacts=covered,
        breadth=breadth,
        single_point_of_contact=breadth == 1,
        roles=roles,
        decider_listed=any(role.role == "decider" and role.present for role in roles),
        uncovered_roles=tuple(role.role for role in roles if role.present and not role.covered),
        flagged=tuple(contact.name for contact in contacts if contact.at_risk),
        covered_from=COVERED_FROM,
        risk_influence_from=RISK_INFLUENCE_FROM,
    )


# --- worksheet 13 ----------------------------------------------------------

@dataclass(frozen=True)
class DimensionPlacement:
    dimension: str
    stage: int | None
    remark: str | None


@dataclass(frozen=True)
class DevelopmentStageResult:
    """Worksheet 13: relationship index, current and desired stage, uncoupling risk."""

    placements: tuple[DimensionPlacement, ...]
    index: float | None  # mean of the placed dimensions, 1..5
    current_stage: int | None  # the index rounded half up
    desired_stage: int | None
    gap: int | None  # desired − current
    uncoupling_risk: bool
    uncoupling_triggers: str | None


def round_half_up(value: Fraction) -> int:
    """Round 2.5 to 3 (Python's round() would give 2)."""
    return math.floor(value + Fraction(1, 2))


def compute_development_stage(data: Any) -> DevelopmentStageResult:
    part = section(data, "development_stage")
    given = section(part, "placements")
    remarks = section(part, "remarks")

    placements = tuple(
        DimensionPlacement(dimension, rating(given.get(dimension), 1, 5), text(remarks.get(dimension)))
        for dimension in STAGE_DIMENSIONS
    )
    values = [placement.stage for placement in placements if placement.stage is not None]

    # Fractions keep the mean exact, so a mean of exactly x.5 always rounds up.
    exact = Fraction(sum(values), len(values)) if values else None
    current = round_half_up(exact) if exact is not None else None
    desired = rating(part.get("desired_stage"), 1, 5)

    return DevelopmentStageResult(
        placements=placements,
        index=float(exact) if exact is not None else None,
        current_stage=current,
        desired_stage=desired,
        gap=desired - current if desired is not None and current is not None else None,
        uncoupling_risk=part.get("uncoupling_risk") is True,
        uncoupling_triggers=text(part.get("uncoupling_triggers")),
    )


# --- worksheet 14 ----------------------------------------------------------

@dataclass(frozen=True)
class PurchasingGroup:
    name: str
    profit_impact: int | None
    supply_risk: int | None
    revenue: float | None
    response: str | None
    quadrant: str | None  # routine, leverage, bottleneck, strategic
    buyer_behaviour: str | None  # efficiency, price_pressure, supply_security, partnership


@dataclass(frozen=True)
class PurchasingPortfolioResult:
    """Worksheet 14: each group placed in a Kraljic quadrant."""

    groups: tuple[PurchasingGroup, ...]
    revenue_by_quadrant: tuple[tuple[str, float], ...]
    total_revenue: float
    threshold: int


def purchasing_quadrant(profit_impact: int | None, supply_risk: int | None) -> str | None:
    if profit_impact is None or supply_risk is None:
        return None
    high_impact = profit_impact >= QUADRANT_THRESHOLD
    high_risk = supply_risk >= QUADRANT_THRESHOLD
    if high_impact and high_risk:
        return "strategic"
    if high_impact:
        return "leverage"
    if high_risk:
        return "bottleneck"
    return "routine"


def compute_purchasing_portfolio(data: Any) -> PurchasingPortfolioResult:
    part = section(data, "purchasing_portfolio")
    groups = []
    for _, row in rows(part, "groups"):
        name = text(row.get("name"))
        if not name:
            continue
        impact = rating(row.get("profit_impact"), 1, 5)
        risk = rating(row.get("supply_risk"), 1, 5)
        quadrant = purchasing_quadrant(impact, risk)
        revenue = number(row.get("revenue"))
        groups.append(PurchasingGroup(
            name=name,
            profit_impact=impact,
            supply_risk=risk,
            revenue=revenue,
            response=text(row.get("response")),
            quadrant=quadrant,
            buyer_behaviour=BUYER_BEHAVIOUR.get(quadrant) if quadrant else None,
        ))

    by_quadrant = tuple(
        (quadrant, float(sum(group.revenue or 0 for group in groups if group.quadrant == quadrant)))
        for quadrant in PURCHASING_QUADRANTS
    )
    return PurchasingPortfolioResult(
        groups=tuple(groups),
        revenue_by_quadrant=by_quadrant,
        total_revenue=float(sum(group.revenue or 0 for group in groups)),
        threshold=QUADRANT_THRESHOLD,
    )

