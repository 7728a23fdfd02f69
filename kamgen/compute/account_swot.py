"""From findings to main focus points: worksheets 15–23.

The chain runs from 15 and 16 (qualified findings) to 17–20 (scoring forms
that rank the candidates) and 21 (the SWOT: the top of each form). Then 22
confronts the SWOT's internal items with its external ones, and 23 builds the
main focus points (HAPs) from cells of that matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kamgen.compute.account_common import code_key, date, flag, integer, rating, rows, section, text, text_list

# Worksheets 17–20: the score is the product of two ratings, so 1–25.
PRIORITY_HIGH_FROM = 15  # design choice
PRIORITY_MEDIUM_FROM = 8  # design choice; below this a candidate is "low"
DEFAULT_TOP_N = 5
TOP_N_MIN = 3
TOP_N_MAX = 5
# Worksheet 21: a SWOT quadrant has at most this many items and is never padded.
SWOT_MAX_ITEMS = 5

# Worksheet 22: cell scale and what makes a cell "hot" or an item a cluster.
CELL_MIN = 0
CELL_MAX = 3
CLUSTER_MIN_HOT_CELLS = 2
QUADRANTS = ("attack", "defend", "reinforce", "withdraw")
QUADRANT_OF = {("S", "K"): "attack", ("S", "B"): "defend", ("Z", "K"): "reinforce", ("Z", "B"): "withdraw"}

# Worksheet 23.
FOCUS_POINTS_MIN = 3
FOCUS_POINTS_MAX = 5
# A source cell written as S2×K1; people also type x, X or *, with or without spaces.
CELL_REFERENCE = re.compile(r"\s*([SZ][0-9]{1,2})\s*[×xX*]\s*([KB][0-9]{1,2})\s*")


@dataclass(frozen=True)
class ScoringForm:
    section: str
    worksheet: int
    letter: str
    ratings: tuple[str, str]  # names of the first and the second rating


SCORING_FORMS = (
    ScoringForm("opportunities", 17, "K", ("attractiveness", "probability")),
    ScoringForm("threats", 18, "B", ("seriousness", "probability")),
    ScoringForm("strengths", 19, "S", ("importance", "lead")),
    ScoringForm("weaknesses", 20, "Z", ("importance", "gap")),
)
FORM_BY_SECTION = {form.section: form for form in SCORING_FORMS}
FORM_BY_LETTER = {form.letter: form for form in SCORING_FORMS}


# --- worksheets 15 and 16 --------------------------------------------------

@dataclass(frozen=True)
class Finding:
    index: int
    code: str | None
    area: str | None
    description: str
    qualification: str | None
    source: str | None = None
    date: str | None = None
    horizon: str | None = None
    rationale: str | None = None
    evidence: str | None = None
    competitor: str | None = None
    relevant: bool | None = None


@dataclass(frozen=True)
class FindingsResult:
    """Worksheet 15 or 16: the findings with their counts per qualification."""

    worksheet: int
    findings: tuple[Finding, ...]
    counts: tuple[tuple[str, int], ...]  # (qualification, number of findings)


def compute_findings(data: Any, worksheet: int) -> FindingsResult:
    key = "customer_findings" if worksheet == 15 else "internal_findings"
    qualifications = ("opportunity", "threat", "neutral") if worksheet == 15 else ("strength", "weakness", "neutral")
    findings = []
    for index, row in rows(data, key):
        description = text(row.get("description"))
        if not description:
            continue
        parsed = date(row.get("date"))
        findings.append(Finding(
            index=index,
            code=text(row.get("code")),
            area=text(row.get("area")),
            description=description,
            qualification=text(row.get("qualification")),
            source=text(row.get("source")),
            date=parsed.isoformat() if parsed else None,
            horizon=text(row.get("horizon")),
            rationale=text(row.get("rationale")),
            evidence=text(row.get("evidence")),
            competitor=text(row.get("competitor")),
            relevant=flag(row.get("relevant")),
        ))
    counts = tuple((qualification, sum(1 for finding in findings if finding.qualification == qualification)) for qualification in qualifications)
    return FindingsResult(worksheet=worksheet, findings=tuple(findings), counts=counts)


# --- worksheets 17–20 ------------------------------------------------------

@dataclass(frozen=True)
class ScoredItem:
    code: str
    text: str
    first: int | None
    second: int | None
    score: int | None  # first × second, 1–25
    priority: str | None  # high, medium, low
    rank: int | None  # 1 = most important; None without both ratings
    choice: str | None  # explicit "in" or "out"
    selected: bool  # goes to the SWOT
    overridden: bool  # the explicit choice changed what the ranking alone would give
    remark: str | None


@dataclass(frozen=True)
class ScoringResult:
    """One scoring form (17, 18, 19 or 20): ranked items and the ones that go to the SWOT."""

    form: str
    worksheet: int
    top_n: int
    items: tuple[ScoredItem, ...]  # ranked items first, unranked after them in code order
    selected: tuple[str, ...]  # codes in SWOT order
    high_from: int
    medium_from: int


def priority_of(score: int | None) -> str | None:
    if score is None:
        return None
    if score >= PRIORITY_HIGH_FROM:
        return "high"
    if score >= PRIORITY_MEDIUM_FROM:
        return "medium"
    return "low"


def top_n_of(part: dict) -> int:
    """Return the form's top N, falling back to the default when it is missing or outside 3–5."""
    value = integer(part.get("top_n"))
    return value if value is not None and TOP_N_MIN <= value <= TOP_N_MAX else DEFAULT_TOP_N


def compute_scoring_form(data: Any, form_section: str) -> ScoringResult:
    form = FORM_BY_SECTION[form_section]
    part = section(data, form_section)
    top_n = top_n_of(part)

    # Only the first item with a code counts; a duplicate is a rule error.
    candidates = []
    seen = set()
    for _, row in rows(part, "items"):
        code = text(row.get("code"))
        if not code or not code.startswith(form.letter) or code in seen:
            continue
        seen.add(code)
        first = rating(row.get(form.ratings[0]), 1, 5)
        second = rating(row.get(form.ratings[1]), 1, 5)
        choice = row.get("choice") if row.get("choice") in ("in", "out") else None
        candidates.append((code, text(row.get("text")) or "", first, second, choice, text(row.get("remark"))))

    # Ties are broken by the first rating, then by code order, so the ranking is stable.
    ranked = sorted(
        (candidate for candidate in candidates if candidate[2] is not None and candidate[3] is not None),
        key=lambda candidate: (-(candidate[2] * candidate[3]), -candidate[2], code_key(candidate[0])),
    )
    unranked = sorted((candidate for candidate in candidates if candidate[2] is None or candidate[3] is None), key=lambda candidate: code_key(candidate[0]))
    ordered = ranked + unranked
    rank_of = {candidate[0]: position for position, candidate in enumerate(ranked, start=1)}

    by_ranking = {candidate[0] for candidate in ranked[:top_n]}
    selected_codes = select_for_swot(ordered, top_n)

    items = []
    for code, item_text, first, second, choice, remark in ordered:
        score = first * second if first is not None and second is not None else None
        selected = code in selected_codes
        items.append(ScoredItem(
            code=code, text=item_text, first=first, second=second, score=score,
            priority=priority_of(score), rank=rank_of.get(code), choice=choice,
            selected=selected, overridden=choice is not None and selected != (code in by_ranking),
            remark=remark,
        ))

    return ScoringResult(
        form=form_section,
        worksheet=form.worksheet,
        top_n=top_n,
        items=tuple(items),
        selected=tuple(code for code, *_ in ordered if code in selected_codes),
        high_from=PRIORITY_HIGH_FROM,
        medium_from=PRIORITY_MEDIUM_FROM,
    )


def select_for_swot(ordered: list[tuple], top_n: int) -> set[str]:
    """Return the codes that go to the SWOT: explicit "in" items, then the ranking fills up to top N.

    An explicit choice wins: "in" items go even when ranked low or unscored,
    "out" items never go. More "in" items than top N all go (a rule warns).
    """
    chosen = {candidate[0] for candidate in ordered if candidate[4] == "in"}
    for code, _, first, second, choice, _ in ordered:
        if len(chosen) >= top_n:
            break
        if choice is None and first is not None and second is not None:
            chosen.add(code)
    return chosen


# --- worksheet 21 ----------------------------------------------------------

@dataclass(frozen=True)
class SwotEntry:
    code: str
    text: str
    score: int | None


@dataclass(frozen=True)
class SwotResult:
    """Worksheet 21: at most five items per quadrant, in ranking order."""

    strengths: tuple[SwotEntry, ...]
    weaknesses: tuple[SwotEntry, ...]
    opportunities: tuple[SwotEntry, ...]
    threats: tuple[SwotEntry, ...]
    max_items: int

    @property
    def internal(self) -> tuple[str, ...]:
        """Row codes of the confrontation matrix: strengths, then weaknesses."""
        return tuple(entry.code for entry in self.strengths + self.weaknesses)

    @property
    def external(self) -> tuple[str, ...]:
        """Column codes of the confrontation matrix: opportunities, then threats."""
        return tuple(entry.code for entry in self.opportunities + self.threats)

    def text_of(self, code: str) -> str | None:
        for entry in self.strengths + self.weaknesses + self.opportunities + self.threats:
            if entry.code == code:
                return entry.text
        return None


def compute_swot(forms: dict[str, ScoringResult]) -> SwotResult:
    def quadrant(form_section: str) -> tuple[SwotEntry, ...]:
        form = forms[form_section]
        by_code = {item.code: item for item in form.items}
        return tuple(
            SwotEntry(code, by_code[code].text, by_code[code].score)
            for code in form.selected[:SWOT_MAX_ITEMS]
        )

    return SwotResult(
        strengths=quadrant("strengths"),
        weaknesses=quadrant("weaknesses"),
        opportunities=quadrant("opportunities"),
        threats=quadrant("threats"),
        max_items=SWOT_MAX_ITEMS,
    )


# --- worksheet 22 ----------------------------------------------------------

@dataclass(frozen=True)
class MatrixCell:
    internal: str
    external: str
    quadrant: str
    scores: tuple[int, ...]  # one per scorer, 0 where a scorer left the cell empty
    total: int
    hot: bool


@dataclass(frozen=True)
class CandidateFocusPoint:
    internal: str
    externals: tuple[str, ...]  # external items of its hot cells, in column order
    score: int  # sum of those hot cells
    rank: int


@dataclass(frozen=True)
class ConfrontationResult:
    """Worksheet 22: totals per row, column and quadrant; hot cells, clusters, candidate HAPs."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    scorers: tuple[str, ...]
    cells: tuple[MatrixCell, ...]  # row by row
    row_totals: tuple[tuple[str, int], ...]
    column_totals: tuple[tuple[str, int], ...]
    quadrant_totals: tuple[tuple[str, int], ...]
    total: int
    hot_threshold: int | None  # CELL_MAX × number of scorers; None without scorers
    hot_cells: tuple[tuple[str, str], ...]
    clusters: tuple[str, ...]  # items (internal or external) with two or more hot cells
    candidates: tuple[CandidateFocusPoint, ...]

    def cell(self, internal: str, external: str) -> MatrixCell | None:
        for cell in self.cells:
            if cell.internal == internal and cell.external == external:
                return cell
        return None


def quadrant_of(internal: str, external: str) -> str:
    return QUADRANT_OF[(internal[0], external[0])]


def confrontation_rows(data: Any) -> tuple[list[str], dict[tuple[str, str], dict]]:
    """Return the scorers in order of appearance and each (scorer, internal item)'s scores.

    Rows without a scorer's name together form one scorer, named "". Only the
    first row of a scorer and internal item counts; a repeat is a rule error.
    """
    scorers: list[str] = []
    scores: dict[tuple[str, str], dict] = {}
    for _, row in rows(section(data, "confrontation"), "rows"):
        internal = text(row.get("internal"))
        if not internal:
            continue
        scorer = text(row.get("scorer")) or ""
        if scorer not in scorers:
            scorers.append(scorer)
        scores.setdefault((scorer, internal), section(row, "scores"))
    return scorers, scores


def compute_confrontation(data: Any, swot: SwotResult) -> ConfrontationResult:
    scorers, given = confrontation_rows(data)
    internal, external = swot.internal, swot.external

    # NOTE: an empty cell counts as 0 for that scorer, the score for "no link".
    cells = []
    for row_code in internal:
        for column_code in external:
            scores = tuple(rating(given.get((scorer, row_code), {}).get(column_code), CELL_MIN, CELL_MAX) or 0 for scorer in scorers)
            cells.append((row_code, column_code, scores, sum(scores)))

    threshold = CELL_MAX * len(scorers) if scorers else None
    matrix = tuple(
        MatrixCell(row_code, column_code, quadrant_of(row_code, column_code), scores, total, threshold is not None and total >= threshold)
        for row_code, column_code, scores, total in cells
    )
    hot = tuple((cell.internal, cell.external) for cell in matrix if cell.hot)

    counts: dict[str, int] = {}
    for row_code, column_code in hot:
        counts[row_code] = counts.get(row_code, 0) + 1
        counts[column_code] = counts.get(column_code, 0) + 1
    clusters = tuple(code for code in internal + external if counts.get(code, 0) >= CLUSTER_MIN_HOT_CELLS)

    # Candidate HAPs: hot cells grouped by their internal item, ranked by their sum,
    # ties in SWOT order (strengths before weaknesses, each in ranking order).
    groups = []
    for row_code in internal:
        hot_here = [cell for cell in matrix if cell.internal == row_code and cell.hot]
        if hot_here:
            groups.append((row_code, tuple(cell.external for cell in hot_here), sum(cell.total for cell in hot_here)))
    groups.sort(key=lambda group: -group[2])
    candidates = tuple(CandidateFocusPoint(row_code, externals, score, rank) for rank, (row_code, externals, score) in enumerate(groups, start=1))

    return ConfrontationResult(
        rows=internal,
        columns=external,
        scorers=tuple(scorers),
        cells=matrix,
        row_totals=tuple((code, sum(cell.total for cell in matrix if cell.internal == code)) for code in internal),
        column_totals=tuple((code, sum(cell.total for cell in matrix if cell.external == code)) for code in external),
        quadrant_totals=tuple((quadrant, sum(cell.total for cell in matrix if cell.quadrant == quadrant)) for quadrant in QUADRANTS),
        total=sum(cell.total for cell in matrix),
        hot_threshold=threshold,
        hot_cells=hot,
        clusters=clusters,
        candidates=candidates,
    )


# --- worksheet 23 ----------------------------------------------------------

@dataclass(frozen=True)
class FocusPointResult:
    code: str
    wording: str
    owner: str | None
    cells: tuple[tuple[str, str], ...]  # (internal, external) of the source cells that exist in 22
    score: int  # sum of those cells' totals
    quadrant: str | None  # the quadrant holding most of the score
    rank: int
    relevant_customer: bool | None
    relevant_us: bool | None


@dataclass(frozen=True)
class FocusPointsResult:
    """Worksheet 23: the HAPs with quadrant, score and priority rank."""

    focus_points: tuple[FocusPointResult, ...]  # in rank order
    minimum: int
    maximum: int


def parse_cell_reference(value: Any) -> tuple[str, str] | None:
    """Read ``S2×K1`` (or ``S2xK1``, ``S2 x K1``, ``s2×k1``) as ("S2", "K1")."""
    if not isinstance(value, str):
        return None
    match = CELL_REFERENCE.fullmatch(value.upper())
    if not match:
        return None
    return match.group(1), match.group(2)


def compute_focus_points(data: Any, confrontation: ConfrontationResult) -> FocusPointsResult:
    unranked = []
    seen = set()
    for _, row in rows(data, "focus_points"):
        code = text(row.get("code"))
        if not code or code in seen:
            continue
        seen.add(code)

        cells = []
        for reference in text_list(row.get("source_cells")):
            parsed = parse_cell_reference(reference)
            if parsed and confrontation.cell(*parsed) is not None and parsed not in cells:
                cells.append(parsed)
        totals = [(confrontation.cell(*cell).total, quadrant_of(*cell)) for cell in cells]

        # The quadrant with the largest share of the score; ties go to the quadrant listed first.
        by_quadrant = {quadrant: sum(total for total, where in totals if where == quadrant) for quadrant in QUADRANTS}
        present = [quadrant for quadrant in QUADRANTS if any(where == quadrant for _, where in totals)]
        quadrant = max(present, key=lambda name: (by_quadrant[name], -QUADRANTS.index(name))) if present else None

        unranked.append((code, text(row.get("wording")) or "", text(row.get("owner")), tuple(cells), sum(total for total, _ in totals), quadrant, flag(row.get("relevant_customer")), flag(row.get("relevant_us"))))

    unranked.sort(key=lambda item: (-item[4], code_key(item[0])))
    return FocusPointsResult(
        focus_points=tuple(
            FocusPointResult(code, wording, owner, cells, score, quadrant, rank, relevant_customer, relevant_us)
            for rank, (code, wording, owner, cells, score, quadrant, relevant_customer, relevant_us) in enumerate(unranked, start=1)
        ),
        minimum=FOCUS_POINTS_MIN,
        maximum=FOCUS_POINTS_MAX,
    )
