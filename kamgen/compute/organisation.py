"""Computations of the organisation input (worksheets 31–34).

``compute_organisation(data)`` turns schema-shaped data into an
:class:`OrganisationResult`: readiness per domain and ranked gaps (31), the
profile fit and development gaps per person (32), and the team-role scores,
bands and team view (33, 34). Nothing is rounded; the renderers format.

Names that refer to each other (an assessment's person and competency, an
answer's team member) are matched after :func:`name_key`, which ignores case
and repeated spaces, the same way the method rules match them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

DOMAINS = (
    "strategy_selection",
    "top_management",
    "structure_roles",
    "processes",
    "people_skills",
    "information_systems",
    "measures_rewards",
    "internal_cooperation",
)
CLUSTERS = (
    "business_insight",
    "account_planning",
    "value_propositions",
    "business_acumen",
    "leading_without_authority",
    "relationships_negotiation",
    "personal_qualities",
)
TEAM_ROLES = (
    "plant",
    "resource_investigator",
    "coordinator",
    "shaper",
    "monitor_evaluator",
    "teamworker",
    "implementer",
    "completer_finisher",
    "specialist",
)
LETTERS = ("a", "b", "c", "d", "e", "f", "g", "h", "i")
BANDS = ("preferred", "manageable", "least_suited")

# Worksheet 31: ratings run 1–5, so a fully present condition has presence 5.
PRESENCE_MAX = 5
# Worksheet 31: the method requires two to four conditions per domain.
CONDITIONS_PER_DOMAIN_MIN = 2
CONDITIONS_PER_DOMAIN_MAX = 4
# Worksheet 32: how many of a person's largest weighted gaps the report lists (design).
TOP_GAPS = 3
# Worksheet 33: seven sections, ten points each, so 70 points per person.
SECTIONS = 7
POINTS_PER_SECTION = 10
TOTAL_POINTS = SECTIONS * POINTS_PER_SECTION
# Worksheet 34: team-role bands (design): preferred ≥ 12, manageable 8–11, least suited ≤ 7.
PREFERRED_MIN = 12
MANAGEABLE_MIN = 8


def name_key(name: Any) -> str:
    """Return the form under which two names count as the same: trimmed, single-spaced, case-folded."""
    if not isinstance(name, str):
        return ""
    return " ".join(name.split()).casefold()


def band(score: int) -> str:
    """Return the team-role band of a score: ``preferred``, ``manageable`` or ``least_suited``."""
    if score >= PREFERRED_MIN:
        return "preferred"
    if score >= MANAGEABLE_MIN:
        return "manageable"
    return "least_suited"


# ---------------------------------------------------------------------------
# Result types


@dataclass(frozen=True)
class ConditionResult:
    """Worksheet 31: one condition with its gap."""

    index: int  # position in the input's condition list
    domain: str
    statement: str
    presence: int | None
    importance: int | None
    gap: int | None  # (5 − presence) × importance; None when either rating is missing
    remark: str | None


@dataclass(frozen=True)
class DomainResult:
    """Worksheet 31: one domain, over its conditions that have a presence rating."""

    domain: str
    conditions: int  # all conditions of the domain
    rated: int  # conditions with a presence rating
    mean_presence: float | None  # 1..5; None when no condition is rated
    readiness: float | None  # Σ presence / (5 × rated), 0..1
    total_gap: int  # sum of the gaps that could be computed


@dataclass(frozen=True)
class ReadinessResult:
    """Worksheet 31."""

    conditions: list[ConditionResult]
    domains: list[DomainResult]  # all eight, in the method's order
    rated: int
    readiness: float | None  # Σ presence / (5 × rated), 0..1; None when nothing is rated
    ranked_gaps: list[ConditionResult]  # conditions with a gap, largest first; ties by domain order, then input order
    conclusion: str | None


@dataclass(frozen=True)
class CompetencyResult:
    """Worksheet 32: one competency of the profile."""

    index: int
    cluster: str
    name: str
    description: str | None
    importance: int | None
    required: int | None


@dataclass(frozen=True)
class AssessmentResult:
    """Worksheet 32: one person's current level on one competency."""

    index: int  # position in the input's assessment list
    competency: str  # the competency's name as the profile spells it
    cluster: str | None  # None when the competency is not in the profile
    current: int
    required: int | None
    importance: int | None
    gap: int | None  # max(0, required − current)
    weighted_gap: int | None  # gap × importance
    evidence: str | None
    development_action: str | None


@dataclass(frozen=True)
class ClusterLevels:
    """Worksheet 32: mean required and current level of one cluster, for the radar chart."""

    cluster: str
    required: float | None
    current: float | None


@dataclass(frozen=True)
class PersonProfile:
    """Worksheet 32: one person measured against the profile."""

    name: str
    function: str | None
    assessments: list[AssessmentResult]  # in the profile's competency order, then input order
    fit: float | None  # Σ min(current, required) / Σ required, 0..1
    total_gap: int
    total_weighted_gap: int
    top_gaps: list[AssessmentResult]  # up to TOP_GAPS with a weighted gap > 0, largest first
    clusters: list[ClusterLevels]  # the clusters the person was assessed on, in the method's order
    not_assessed: list[str]  # competencies of the profile without a current level for this person


@dataclass(frozen=True)
class ProfileResult:
    """Worksheet 32."""

    competencies: list[CompetencyResult]
    people: list[PersonProfile]


@dataclass(frozen=True)
class RoleScore:
    role: str
    score: int
    band: str
    rank: int  # 1 = highest score; ties keep the model's role order


@dataclass(frozen=True)
class MemberRoles:
    """Worksheets 33 and 34: one team member's points turned into team-role scores."""

    name: str
    function: str | None
    section_totals: dict[int, int]  # section → points given, for the sections answered
    missing_sections: list[int]
    total: int
    complete: bool  # every section answered with exactly 10 points, so the total is 70
    scores: list[RoleScore]  # in the model's role order
    ranking: list[RoleScore]  # highest score first

    @property
    def preferred(self) -> list[str]:
        return [score.role for score in self.ranking if score.band == "preferred"]


@dataclass(frozen=True)
class TeamRolesResult:
    """Worksheet 34."""

    members: list[MemberRoles]  # members with at least one answer, in the members list's order
    unanswered: list[str]  # members without any answer
    preferred_by_role: dict[str, list[str]]  # role → names holding it as a preferred role
    uncovered_roles: list[str]  # roles nobody holds as a preferred role, in the model's order
    key: dict[int, dict[str, str]]  # section → letter → role: the key that was applied
    conclusion: str | None


@dataclass(frozen=True)
class OrganisationResult:
    organisation: str
    business_unit: str | None
    period_start: str
    period_end: str
    readiness: ReadinessResult | None
    profile: ProfileResult | None
    team_roles: TeamRolesResult | None
    filled_worksheets: list[int]
    empty_worksheets: list[int]


# ---------------------------------------------------------------------------
# Worksheet 31


def _is_rating(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def compute_readiness(section: Mapping[str, Any]) -> ReadinessResult:
    """Compute the gaps, the readiness per domain and overall, and the ranking of worksheet 31."""
    conditions = []
    for index, item in enumerate(section.get("conditions") or []):
        presence = item.get("presence") if _is_rating(item.get("presence")) else None
        importance = item.get("importance") if _is_rating(item.get("importance")) else None
        gap = (PRESENCE_MAX - presence) * importance if presence is not None and importance is not None else None
        domain = item.get("domain") if isinstance(item.get("domain"), str) else None
        conditions.append(ConditionResult(
            index=index, domain=domain, statement=item.get("statement") or "",
            presence=presence, importance=importance, gap=gap, remark=item.get("remark"),
        ))

    domains = []
    for domain in DOMAINS:
        members = [condition for condition in conditions if condition.domain == domain]
        presences = [condition.presence for condition in members if condition.presence is not None]
        domains.append(DomainResult(
            domain=domain,
            conditions=len(members),
            rated=len(presences),
            mean_presence=sum(presences) / len(presences) if presences else None,
            readiness=sum(presences) / (PRESENCE_MAX * len(presences)) if presences else None,
            total_gap=sum(condition.gap for condition in members if condition.gap is not None),
        ))

    presences = [condition.presence for condition in conditions if condition.presence is not None]
    domain_order = {domain: position for position, domain in enumerate(DOMAINS)}
    ranked = sorted(
        (condition for condition in conditions if condition.gap is not None),
        key=lambda condition: (-condition.gap, domain_order.get(condition.domain, len(DOMAINS)), condition.index),
    )
    return ReadinessResult(
        conditions=conditions,
        domains=domains,
        rated=len(presences),
        readiness=sum(presences) / (PRESENCE_MAX * len(presences)) if presences else None,
        ranked_gaps=ranked,
        conclusion=section.get("conclusion"),
    )


# ---------------------------------------------------------------------------
# Worksheet 32


def compute_profile(section: Mapping[str, Any]) -> ProfileResult:
    """Compute each person's gaps, weighted gaps, fit and top gaps against the profile of worksheet 32."""
    competencies = [
        CompetencyResult(
            index=index, cluster=item.get("cluster"), name=item.get("name") or "",
            description=item.get("description"),
            importance=item.get("importance") if _is_rating(item.get("importance")) else None,
            required=item.get("required") if _is_rating(item.get("required")) else None,
        )
        for index, item in enumerate(section.get("competencies") or [])
    ]
    # The first competency of a name wins; the rules warn about duplicates.
    by_key: dict[str, CompetencyResult] = {}
    for competency in competencies:
        by_key.setdefault(name_key(competency.name), competency)

    people = _people(section.get("people") or [], section.get("assessments") or [], "person")
    return ProfileResult(
        competencies=competencies,
        people=[_person_profile(name, function, rows, competencies, by_key) for name, function, rows in people],
    )


def _people(listed: Iterable[Mapping], rows: Iterable[Mapping], reference: str) -> list[tuple[str, str | None, list]]:
    """Group rows by the person they name: the listed people first, then names found only in the rows."""
    groups: dict[str, tuple[str, str | None, list]] = {}
    for person in listed:
        key = name_key(person.get("name"))
        if key and key not in groups:
            groups[key] = (person.get("name"), person.get("function"), [])
    for index, row in enumerate(rows):
        key = name_key(row.get(reference))
        if not key:
            continue
        if key not in groups:
            groups[key] = (row.get(reference), None, [])
        groups[key][2].append((index, row))
    return list(groups.values())


def _person_profile(name: str, function: str | None, rows: list, competencies: list[CompetencyResult],
                    by_key: dict[str, CompetencyResult]) -> PersonProfile:
    assessments = []
    seen: set[str] = set()
    for index, row in rows:
        current = row.get("current")
        key = name_key(row.get("competency"))
        # A repeated competency is an error of the rules; the first row counts.
        if not _is_rating(current) or key in seen:
            continue
        seen.add(key)
        competency = by_key.get(key)
        required = competency.required if competency else None
        importance = competency.importance if competency else None
        gap = max(0, required - current) if required is not None else None
        assessments.append(AssessmentResult(
            index=index,
            competency=competency.name if competency else row.get("competency"),
            cluster=competency.cluster if competency else None,
            current=current, required=required, importance=importance, gap=gap,
            weighted_gap=gap * importance if gap is not None and importance is not None else None,
            evidence=row.get("evidence"), development_action=row.get("development_action"),
        ))

    order = {name_key(competency.name): competency.index for competency in competencies}
    assessments.sort(key=lambda assessment: (order.get(name_key(assessment.competency), len(order)), assessment.index))

    measured = [assessment for assessment in assessments if assessment.required is not None]
    required_sum = sum(assessment.required for assessment in measured)
    fit = sum(min(assessment.current, assessment.required) for assessment in measured) / required_sum if required_sum else None

    position = {id(assessment): rank for rank, assessment in enumerate(assessments)}
    top = sorted(
        (assessment for assessment in assessments if assessment.weighted_gap),
        key=lambda assessment: (-assessment.weighted_gap, position[id(assessment)]),
    )[:TOP_GAPS]

    clusters = []
    for cluster in CLUSTERS:
        members = [assessment for assessment in assessments if assessment.cluster == cluster]
        if not members:
            continue
        required_levels = [assessment.required for assessment in members if assessment.required is not None]
        clusters.append(ClusterLevels(
            cluster=cluster,
            required=sum(required_levels) / len(required_levels) if required_levels else None,
            current=sum(assessment.current for assessment in members) / len(members),
        ))

    return PersonProfile(
        name=name,
        function=function,
        assessments=assessments,
        fit=fit,
        total_gap=sum(assessment.gap for assessment in assessments if assessment.gap is not None),
        total_weighted_gap=sum(assessment.weighted_gap for assessment in assessments if assessment.weighted_gap is not None),
        top_gaps=top,
        clusters=clusters,
        not_assessed=[competency.name for competency in competencies if name_key(competency.name) not in seen],
    )


# ---------------------------------------------------------------------------
# Worksheets 33 and 34


def load_scoring_key() -> dict[int, dict[str, str]]:
    """Return the key of worksheet 34 (section → letter → role) from its content file."""
    from kamgen.content import load_content

    return {entry["section"]: dict(entry["letters"]) for entry in load_content(34)["lists"]["key"]}


def compute_team_roles(section: Mapping[str, Any], key: Mapping[int, Mapping[str, str]],
                       conclusion: str | None = None) -> TeamRolesResult:
    """Score each member's answers of worksheet 33 per team role with ``key`` and build the team view of 34."""
    members = []
    unanswered = []
    for name, function, rows in _people(section.get("members") or [], section.get("answers") or [], "member"):
        if not rows:
            unanswered.append(name)
            continue
        members.append(_member_roles(name, function, rows, key))

    preferred_by_role = {role: [member.name for member in members if role in member.preferred] for role in TEAM_ROLES}
    return TeamRolesResult(
        members=members,
        unanswered=unanswered,
        preferred_by_role=preferred_by_role,
        uncovered_roles=[role for role in TEAM_ROLES if members and not preferred_by_role[role]],
        key={section_number: dict(letters) for section_number, letters in key.items()},
        conclusion=conclusion,
    )


def _points(value: Any) -> int:
    """Return the points of one statement; a blank counts as 0, and so does an invalid value the schema reports."""
    return value if _is_rating(value) and value >= 0 else 0


def _member_roles(name: str, function: str | None, rows: list, key: Mapping[int, Mapping[str, str]]) -> MemberRoles:
    scores = dict.fromkeys(TEAM_ROLES, 0)
    section_totals: dict[int, int] = {}
    for _, row in rows:
        section = row.get("section")
        # A section answered twice is an error of the rules; the first answer counts.
        if not _is_rating(section) or section not in key or section in section_totals:
            continue
        section_totals[section] = sum(_points(row.get(letter)) for letter in LETTERS)
        for letter, role in key[section].items():
            scores[role] += _points(row.get(letter))

    role_scores = [RoleScore(role=role, score=scores[role], band=band(scores[role]), rank=0) for role in TEAM_ROLES]
    ranking = sorted(role_scores, key=lambda score: (-score.score, TEAM_ROLES.index(score.role)))
    ranks = {score.role: position for position, score in enumerate(ranking, start=1)}
    role_scores = [RoleScore(role=score.role, score=score.score, band=score.band, rank=ranks[score.role]) for score in role_scores]
    by_role = {score.role: score for score in role_scores}

    missing = [number for number in range(1, SECTIONS + 1) if number not in section_totals]
    total = sum(section_totals.values())
    return MemberRoles(
        name=name,
        function=function,
        section_totals=section_totals,
        missing_sections=missing,
        total=total,
        complete=not missing and all(points == POINTS_PER_SECTION for points in section_totals.values()),
        scores=role_scores,
        ranking=[by_role[score.role] for score in ranking],
    )


# ---------------------------------------------------------------------------
# The whole input


def compute_organisation(data: Mapping[str, Any], key: Mapping[int, Mapping[str, str]] | None = None) -> OrganisationResult:
    """Compute worksheets 31–34 from schema-valid organisation data; ``key`` defaults to worksheet 34's key."""
    period = data.get("period") or {}
    readiness_section = data.get("readiness") or {}
    profile_section = data.get("profile") or {}
    team_section = data.get("team_roles") or {}
    scoring_section = data.get("team_role_scoring") or {}

    readiness = compute_readiness(readiness_section) if readiness_section.get("conditions") else None
    has_profile = profile_section.get("competencies") or profile_section.get("assessments")
    profile = compute_profile(profile_section) if has_profile else None
    team_roles = None
    if team_section.get("answers"):
        team_roles = compute_team_roles(team_section, key if key is not None else load_scoring_key(), scoring_section.get("conclusion"))

    filled = {31: readiness is not None, 32: profile is not None, 33: team_roles is not None, 34: team_roles is not None}
    return OrganisationResult(
        organisation=data.get("organisation", ""),
        business_unit=data.get("business_unit"),
        period_start=period.get("start", ""),
        period_end=period.get("end", ""),
        readiness=readiness,
        profile=profile,
        team_roles=team_roles,
        filled_worksheets=[number for number, is_filled in filled.items() if is_filled],
        empty_worksheets=[number for number, is_filled in filled.items() if not is_filled],
    )
