"""From focus points to chosen options: worksheets 24, 25 and 26.

Brainwriting (24) and the angle matrix (25) produce ideas per HAP; the
shortlisted ones carry codes ``I1…`` into the choice matrix (26), which
weighs them against criteria and picks the options that become projects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kamgen.compute.account_common import code_key, integer, number, rating, rows, section, text

# Worksheet 24.
DEFAULT_SHORTLIST_SIZE = 5
# An idea needs at least this many points to reach the shortlist (design choice).
SHORTLIST_MIN_POINTS = 1

# Worksheet 25: the default angles (design choice; a plan may add its own).
DEFAULT_ANGLES = (
    "before_purchase", "during_purchase", "after_purchase", "product", "process",
    "relationship_strategic", "relationship_functional", "relationship_organisational",
    "dmu_ubr", "price_earning_model",
)

# Worksheet 26.
DEFAULT_CRITERIA = ("customer_value", "margin", "feasibility", "investment", "time_to_result", "risk", "fit_strengths")
WEIGHT_TOTAL = 100
WEIGHT_TOLERANCE = 1e-6
DEFAULT_CHOOSE_TOP = 3  # design choice
SENSITIVITY_STEP = 10  # weight points added to and taken from each criterion in turn
TOTAL_DIGITS = 9  # decimals of a weighted total that count when ranking

_IDEA_CODE = re.compile(r"I([0-9]{1,3})")


# --- idea codes ------------------------------------------------------------

def used_idea_numbers(data: Any) -> set[int]:
    """Return the numbers of every idea code the plan already gives (24, 25, 26 and 27)."""
    codes = [row.get("code") for _, row in rows(section(data, "brainwriting"), "ideas")]
    codes += [row.get("code") for _, row in rows(section(data, "angles"), "ideas")]
    codes += [row.get("code") for _, row in rows(section(data, "choice_matrix"), "options")]
    codes += [row.get("option") for _, row in rows(data, "projects")]
    numbers = set()
    for code in codes:
        match = _IDEA_CODE.fullmatch(code) if isinstance(code, str) else None
        if match:
            numbers.add(int(match.group(1)))
    return numbers


class IdeaCodeIssuer:
    """Hand out the next free idea code after the highest one in use, so given codes never change."""

    def __init__(self, used: set[int]):
        self._next = max(used, default=0) + 1

    def issue(self) -> str:
        code = f"I{self._next}"
        self._next += 1
        return code


# --- worksheet 24 ----------------------------------------------------------

@dataclass(frozen=True)
class IdeaResult:
    focus_point: str
    index: int  # position in the input's list of ideas
    code: str | None  # given, or issued when the idea reaches the shortlist
    code_issued: bool
    text: str
    participant: str | None
    round: int | None
    points: int  # votes counted
    ignored_points: int  # votes on one's own idea, not counted
    rank: int  # within its HAP
    shortlisted: bool


@dataclass(frozen=True)
class FocusPointIdeas:
    focus_point: str
    ideas: tuple[IdeaResult, ...]  # in rank order
    shortlist: tuple[str, ...]  # codes
    participants: tuple[str, ...]  # who wrote ideas for this HAP


@dataclass(frozen=True)
class BrainwritingResult:
    """Worksheet 24: ideas and votes per HAP, and the shortlist."""

    focus_points: tuple[FocusPointIdeas, ...]
    participants: tuple[str, ...]
    shortlist_size: int
    min_points: int
    total_ideas: int


def vote_points(idea: dict) -> tuple[int, int]:
    """Return (counted, ignored) points; the points the idea's own author gave it are ignored."""
    author = text(idea.get("participant"))
    counted = ignored = 0
    for voter, points in section(idea, "votes").items():
        value = rating(points, 1, 10) or 0
        if author is not None and voter.strip() == author:
            ignored += value
        else:
            counted += value
    return counted, ignored


def compute_brainwriting(data: Any, issuer: IdeaCodeIssuer | None = None) -> BrainwritingResult:
    part = section(data, "brainwriting")
    size = integer(part.get("shortlist_size"))
    size = size if size is not None and size >= 1 else DEFAULT_SHORTLIST_SIZE
    issuer = issuer or IdeaCodeIssuer(used_idea_numbers(data))

    pooled: dict[str, list[tuple]] = {}
    for index, idea in rows(part, "ideas"):
        focus_point, idea_text = text(idea.get("focus_point")), text(idea.get("text"))
        if not (focus_point and idea_text):
            continue
        counted, ignored = vote_points(idea)
        pooled.setdefault(focus_point, []).append((index, idea, idea_text, counted, ignored))

    results = []
    for focus_point, ideas in pooled.items():
        # Most points first; ties keep the order in which the ideas were written.
        ranked = sorted(ideas, key=lambda item: -item[3])
        entries = []
        for rank, (index, idea, idea_text, counted, ignored) in enumerate(ranked, start=1):
            shortlisted = rank <= size and counted >= SHORTLIST_MIN_POINTS
            code = text(idea.get("code"))
            issued = False
            if shortlisted and code is None:
                code, issued = issuer.issue(), True
            entries.append(IdeaResult(
                focus_point=focus_point, index=index, code=code, code_issued=issued,
                text=idea_text, participant=text(idea.get("participant")), round=integer(idea.get("round")),
                points=counted, ignored_points=ignored, rank=rank, shortlisted=shortlisted,
            ))
        authors = tuple(dict.fromkeys(name for _, idea, *_ in ideas if (name := text(idea.get("participant")))))
        results.append(FocusPointIdeas(
            focus_point=focus_point,
            ideas=tuple(entries),
            shortlist=tuple(entry.code for entry in entries if entry.shortlisted),
            participants=authors,
        ))

    results.sort(key=lambda item: code_key(item.focus_point))
    return BrainwritingResult(
        focus_points=tuple(results),
        participants=tuple(dict.fromkeys(name for _, row in rows(part, "participants") if (name := text(row.get("name"))))),
        shortlist_size=size,
        min_points=SHORTLIST_MIN_POINTS,
        total_ideas=sum(len(item.ideas) for item in results),
    )


# --- worksheet 25 ----------------------------------------------------------

@dataclass(frozen=True)
class AngleIdea:
    index: int
    focus_point: str
    angle: str
    text: str
    code: str | None
    code_issued: bool
    shortlisted: bool


@dataclass(frozen=True)
class AnglesResult:
    """Worksheet 25: the HAP × angle matrix and the ideas it adds to the shortlist."""

    focus_points: tuple[str, ...]
    angles: tuple[str, ...]  # default angles, then the plan's own
    custom_names: tuple[tuple[str, str], ...]  # (id, name) of the plan's own angles
    cells: tuple[tuple[str, str, tuple[str, ...]], ...]  # (HAP, angle, idea texts), filled cells only
    ideas: tuple[AngleIdea, ...]


def angle_ids(data: Any) -> tuple[str, ...]:
    custom = [text(row.get("id")) for _, row in rows(section(data, "angles"), "custom_angles")]
    return DEFAULT_ANGLES + tuple(angle for angle in custom if angle and angle not in DEFAULT_ANGLES)


def compute_angles(data: Any, focus_point_codes: tuple[str, ...], issuer: IdeaCodeIssuer | None = None) -> AnglesResult:
    part = section(data, "angles")
    issuer = issuer or IdeaCodeIssuer(used_idea_numbers(data))
    angles = angle_ids(data)

    ideas = []
    for index, row in rows(part, "ideas"):
        focus_point, angle, idea_text = text(row.get("focus_point")), text(row.get("angle")), text(row.get("text"))
        if not (focus_point and angle and idea_text):
            continue
        shortlisted = row.get("shortlist") is True
        code = text(row.get("code"))
        issued = False
        if shortlisted and code is None:
            code, issued = issuer.issue(), True
        ideas.append(AngleIdea(index, focus_point, angle, idea_text, code, issued, shortlisted))

    # The HAPs of worksheet 23 first, then any HAP only this sheet mentions.
    haps = list(focus_point_codes)
    for idea in ideas:
        if idea.focus_point not in haps:
            haps.append(idea.focus_point)

    cells = []
    for focus_point in haps:
        for angle in angles:
            texts = tuple(idea.text for idea in ideas if idea.focus_point == focus_point and idea.angle == angle)
            if texts:
                cells.append((focus_point, angle, texts))

    custom_names = tuple(
        (text(row.get("id")), text(row.get("name")) or text(row.get("id")))
        for _, row in rows(part, "custom_angles") if text(row.get("id"))
    )
    return AnglesResult(tuple(haps), angles, custom_names, tuple(cells), tuple(ideas))


@dataclass(frozen=True)
class ShortlistEntry:
    code: str
    focus_point: str
    text: str
    worksheet: int  # 24 or 25


def shortlist_of(brainwriting: BrainwritingResult, angles: AnglesResult) -> tuple[ShortlistEntry, ...]:
    entries = [
        ShortlistEntry(idea.code, idea.focus_point, idea.text, 24)
        for group in brainwriting.focus_points for idea in group.ideas if idea.shortlisted and idea.code
    ]
    entries += [ShortlistEntry(idea.code, idea.focus_point, idea.text, 25) for idea in angles.ideas if idea.shortlisted and idea.code]
    return tuple(entries)


# --- worksheet 26 ----------------------------------------------------------

@dataclass(frozen=True)
class OptionResult:
    index: int
    code: str | None
    text: str
    focus_point: str | None
    scores: tuple[tuple[str, int | None], ...]  # per criterion, in criterion order
    total: float | None  # Σ weight × score / 100; None when a weighted score is missing
    failed_knockouts: tuple[str, ...]
    eligible: bool  # has a total and fails no knock-out
    rank: int | None
    chosen: bool
    chosen_explicitly: bool


@dataclass(frozen=True)
class SensitivityCase:
    criterion: str
    change: int  # +10 or −10 weight points
    weights: tuple[tuple[str, float], ...]
    top: int | None  # option index
    top_changed: bool
    ranking_changed: bool


@dataclass(frozen=True)
class ChoiceMatrixResult:
    """Worksheet 26: weighted totals, knock-outs, rank, sensitivity and the chosen options."""

    criteria: tuple[tuple[str, float], ...]  # (id, weight)
    weight_total: float
    knockouts: tuple[str, ...]
    options: tuple[OptionResult, ...]  # ranked options first, the others in input order
    ranking: tuple[int, ...]  # option indexes, best first
    top: int | None
    sensitivity: tuple[SensitivityCase, ...]
    robust: bool | None  # the top choice survives every sensitivity case; None without a ranking
    chosen: tuple[int, ...]
    choose_top: int
    step: int


def weighted_total(scores: dict[str, int | None], weights: tuple[tuple[str, float], ...]) -> float | None:
    """Return Σ weight × score / 100, or None when a criterion with weight is not scored."""
    total = 0.0
    for criterion, weight in weights:
        if weight == 0:
            continue
        score = scores.get(criterion)
        if score is None:
            return None
        total += weight * score
    return total / WEIGHT_TOTAL


def _rank(options: list[dict], weights: tuple[tuple[str, float], ...]) -> list[int]:
    """Rank eligible options by total, then by the first criterion's score, then by code."""
    first = weights[0][0] if weights else None
    ranked = []
    for option in options:
        if option["failed"]:
            continue
        total = weighted_total(option["scores"], weights)
        if total is not None:
            # Rescaled weights carry float noise; rounding keeps equal totals tied.
            ranked.append((-round(total, TOTAL_DIGITS), -(option["scores"].get(first) or 0), code_key(option["code"]), option["index"]))
    ranked.sort()
    return [entry[3] for entry in ranked]


def shifted_weights(weights: tuple[tuple[str, float], ...], criterion: str, change: int) -> tuple[tuple[str, float], ...] | None:
    """Move one criterion's weight by ``change`` points and rescale the others so all still add up to 100.

    Returns None when the weight cannot move (it would leave 0–100).
    """
    current = dict(weights)[criterion]
    moved = min(max(current + change, 0), WEIGHT_TOTAL)
    if moved == current:
        return None
    others = [(name, weight) for name, weight in weights if name != criterion]
    others_total = sum(weight for _, weight in others)
    remaining = WEIGHT_TOTAL - moved
    result = []
    for name, weight in weights:
        if name == criterion:
            result.append((name, float(moved)))
        elif others_total > 0:
            result.append((name, weight * remaining / others_total))
        else:
            # NOTE: the other criteria had no weight at all, so they share what is left equally.
            result.append((name, remaining / len(others)))
    return tuple(result)


def compute_choice_matrix(data: Any) -> ChoiceMatrixResult:
    part = section(data, "choice_matrix")

    weights = []
    for _, row in rows(part, "criteria"):
        criterion, weight = text(row.get("id")), number(row.get("weight"))
        if criterion and criterion not in dict(weights):
            weights.append((criterion, float(weight) if weight is not None else 0.0))
    weights = tuple(weights)
    knockouts = tuple(dict.fromkeys(text(row.get("id")) for _, row in rows(part, "knockouts") if text(row.get("id"))))

    options = []
    for index, row in rows(part, "options"):
        option_text = text(row.get("text"))
        if not option_text:
            continue
        given = section(row, "scores")
        answers = section(row, "knockouts")
        options.append({
            "index": index,
            "code": text(row.get("code")),
            "text": option_text,
            "focus_point": text(row.get("focus_point")),
            "scores": {criterion: rating(given.get(criterion), 1, 5) for criterion, _ in weights},
            "failed": tuple(knockout for knockout in knockouts if answers.get(knockout) is False),
            "chosen": row.get("chosen") is True,
        })

    ranking = _rank(options, weights)
    top = ranking[0] if ranking else None

    cases = []
    for criterion, _ in weights:
        for change in (SENSITIVITY_STEP, -SENSITIVITY_STEP):
            shifted = shifted_weights(weights, criterion, change)
            if shifted is None:
                continue
            other = _rank(options, shifted)
            other_top = other[0] if other else None
            cases.append(SensitivityCase(criterion, change, shifted, other_top, other_top != top, other != ranking))

    choose_top = integer(part.get("choose_top"))
    choose_top = choose_top if choose_top is not None and choose_top >= 1 else DEFAULT_CHOOSE_TOP
    explicit = [option["index"] for option in options if option["chosen"]]
    chosen = explicit if explicit else ranking[:choose_top]

    rank_of = {index: position for position, index in enumerate(ranking, start=1)}
    results = []
    for option in options:
        total = weighted_total(option["scores"], weights)
        results.append(OptionResult(
            index=option["index"],
            code=option["code"],
            text=option["text"],
            focus_point=option["focus_point"],
            scores=tuple((criterion, option["scores"][criterion]) for criterion, _ in weights),
            total=total,
            failed_knockouts=option["failed"],
            eligible=total is not None and not option["failed"],
            rank=rank_of.get(option["index"]),
            chosen=option["index"] in chosen,
            chosen_explicitly=option["chosen"],
        ))
    results.sort(key=lambda option: (option.rank is None, option.rank or 0, option.index))

    return ChoiceMatrixResult(
        criteria=weights,
        weight_total=sum(weight for _, weight in weights),
        knockouts=knockouts,
        options=tuple(results),
        ranking=tuple(ranking),
        top=top,
        sensitivity=tuple(cases),
        robust=(not any(case.top_changed for case in cases)) if ranking else None,
        chosen=tuple(index for index in [option.index for option in results] if index in chosen),
        choose_top=choose_top,
        step=SENSITIVITY_STEP,
    )
