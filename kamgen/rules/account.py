"""Method rules of the account input (worksheets 3, 11 and 12–30).

These are the checks a JSON Schema cannot express. They cover limits on how
many items a worksheet contains, and references between worksheets: a HAP
names cells of the confrontation matrix, a project names a HAP, the goal tree
names projects. They also check dates in order and a goal tree with one root
and no cycles. Every rule reads the data defensively, because rules also run
on data that failed the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from kamgen.compute.account_analysis import (
    COVERED_FROM, MAX_CURRENT_CONTACTS, MAX_DEVELOPMENTS, MIN_NEW_CONTACTS, compute_relationship_matrix,
)
from kamgen.compute.account_common import code_key, date, integer, number, rows, section, text
from kamgen.compute.account_goals import PROJECT_LEVEL
from kamgen.compute.account_ideas import WEIGHT_TOLERANCE, WEIGHT_TOTAL, angle_ids
from kamgen.compute.account_projects import BUDGET_YEARS, compute_planning
from kamgen.compute.account_swot import (
    FOCUS_POINTS_MAX, FOCUS_POINTS_MIN, SCORING_FORMS, SWOT_MAX_ITEMS, TOP_N_MAX, TOP_N_MIN,
    compute_scoring_form, compute_swot, parse_cell_reference,
)
from kamgen.i18n import get_language, t
from kamgen.problems import ERROR, WARNING, Problem

KIND = "account"
# The plan type each segment calls for; transactional customers get no plan.
PLAN_FOR_SEGMENT = {"development": "development", "large": "key_account", "strategic": "key_account"}
FINDING_LETTERS = {"opportunity": "K", "threat": "B", "strength": "S", "weakness": "Z"}


class _Problems:
    """Collect problems with their pointer, worksheet and field title."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, rule: str, severity: str, pointer: str, worksheet: int | None, found: Any = None, message: str | None = None, **params: Any) -> None:
        """Add a problem; ``found`` is the value in the input, ``params`` fill the message."""
        from kamgen.validation import field_title

        self.items.append(Problem(
            code=f"account.{rule}",
            severity=severity,
            message=message if message is not None else t(f"account.{rule}", **params),
            pointer=pointer,
            worksheet=worksheet,
            field=field_title(KIND, pointer) if pointer else None,
            value=found,
        ))

    def error(self, rule: str, pointer: str, worksheet: int | None, found: Any = None, **params: Any) -> None:
        self.add(rule, ERROR, pointer, worksheet, found, **params)

    def warning(self, rule: str, pointer: str, worksheet: int | None, found: Any = None, **params: Any) -> None:
        self.add(rule, WARNING, pointer, worksheet, found, **params)


def _show_date(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y") if get_language() == "nl" else value.isoformat()


def _show_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        value = round(value, 4)
    shown = str(value)
    return shown.replace(".", ",") if get_language() == "nl" else shown


def _listing(values: Iterable[str]) -> str:
    values = list(values)
    return ", ".join(values) if values else t("account.none_known")


def check(data: Any) -> list[Problem]:
    """Return every method-rule problem of an account input."""
    if not isinstance(data, dict):
        return []
    problems = _Problems()
    _check_header(data, problems)
    _check_development_plan(data, problems)
    _check_relationship_matrix(data, problems)
    _check_findings(data, problems)
    swot = _check_scoring_forms(data, problems)
    _check_confrontation(data, swot, problems)
    focus_points = _check_focus_points(data, swot, problems)
    _check_ideas(data, focus_points, problems)
    options = _check_choice_matrix(data, focus_points, problems)
    projects = _check_projects(data, focus_points, options, problems)
    _check_planning(data, projects, problems)
    _check_budget(data, projects, problems)
    _check_goal_tree(data, projects, problems)
    return problems.items


# --- header ----------------------------------------------------------------

def _check_dates(part: dict, pointer: str, worksheet: int, what: str, problems: _Problems) -> None:
    start, end = date(part.get("start")), date(part.get("end"))
    if start and end and start > end:
        problems.error("date_order", f"{pointer}/end", worksheet, part.get("end"), what=what, start=_show_date(start), end=_show_date(end))


def _check_header(data: dict, problems: _Problems) -> None:
    _check_dates(section(data, "period"), "/period", None, t("account.what_period"), problems)

    segment, plan = data.get("segment"), data.get("plan_type")
    if plan not in ("key_account", "development") or segment not in ("transactional", "development", "large", "strategic"):
        return
    plan_name = t(f"account.plan_{plan}")
    if segment == "transactional":
        problems.warning("plan_type_segment", "/plan_type", None, plan, message=t("account.plan_type_transactional", plan=plan_name))
    elif PLAN_FOR_SEGMENT[segment] != plan:
        problems.warning("plan_type_segment", "/plan_type", None, plan, plan=plan_name,
                         segment=t(f"account.segment_{segment}"), expected=t(f"account.plan_{PLAN_FOR_SEGMENT[segment]}"))


def _check_unique(entries: Iterable[tuple[str, Any]], field: str, where: str, worksheet: int, problems: _Problems) -> None:
    """Report each repeated value of ``field``; ``entries`` are (pointer of the row, row)."""
    seen = set()
    for pointer, row in entries:
        value = text(row.get(field))
        if value is None:
            continue
        if value in seen:
            problems.error("duplicate", f"{pointer}/{field}", worksheet, value, value=value, where=t(f"account.where_{where}"))
        seen.add(value)


# --- worksheet 11 ----------------------------------------------------------

def _check_development_plan(data: dict, problems: _Problems) -> None:
    if not isinstance(data.get("development_plan"), dict):
        return
    part = data["development_plan"]

    for key, limit, rule in (("developments", MAX_DEVELOPMENTS, "developments_max"), ("current_contacts", MAX_CURRENT_CONTACTS, "current_contacts_max")):
        items = part.get(key)
        if isinstance(items, list) and len(items) > limit:
            problems.error(rule, f"/development_plan/{key}/{limit}", 11, len(items), count=len(items), limit=limit, excess=len(items) - limit)

    new_contacts = part.get("new_contacts")
    count = len(new_contacts) if isinstance(new_contacts, list) else 0
    if count < MIN_NEW_CONTACTS:
        problems.warning("new_contacts_min", "/development_plan/new_contacts", 11, count, count=count, limit=MIN_NEW_CONTACTS)

    _check_dates(section(part, "business_opportunity"), "/development_plan/business_opportunity", 11, t("account.what_opportunity"), problems)


# --- worksheet 12 ----------------------------------------------------------

def _check_relationship_matrix(data: dict, problems: _Problems) -> None:
    part = section(data, "relationship_matrix")
    if not part:
        return
    people = rows(part, "our_people")
    _check_unique(((f"/relationship_matrix/our_people/{index}", row) for index, row in people), "name", "our_people", 12, problems)
    names = [name for _, row in people if (name := text(row.get("name")))]

    contacts = rows(part, "contacts")
    for index, row in contacts:
        for person in section(row, "strengths"):
            if person not in names:
                problems.error("unknown_person", f"/relationship_matrix/contacts/{index}/strengths/{_escape(person)}", 12, person,
                               name=person, known=_listing(names))

    if not contacts:
        return
    result = compute_relationship_matrix(data)
    if not result.decider_listed:
        problems.warning("no_decider", "/relationship_matrix/contacts", 12, count=len(result.contacts))
    for role in result.roles:
        if role.present and not role.covered:
            first = next(index for index, row in contacts if text(row.get("name")) == role.holders[0])
            problems.warning("role_uncovered", f"/relationship_matrix/contacts/{first}/dmu_roles", 12, role.role,
                             role=t(f"account.role_{role.role}"), holders=", ".join(role.holders), level=COVERED_FROM)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


# --- worksheets 15 and 16 --------------------------------------------------

def _check_findings(data: dict, problems: _Problems) -> None:
    for key, worksheet in (("customer_findings", 15), ("internal_findings", 16)):
        findings = rows(data, key)
        _check_unique(((f"/{key}/{index}", row) for index, row in findings), "code", key, worksheet, problems)
        for index, row in findings:
            pointer = f"/{key}/{index}"
            code, qualification = text(row.get("code")), text(row.get("qualification"))
            if code and qualification == "neutral":
                problems.error("finding_neutral_code", f"{pointer}/code", worksheet, code, code=code)
            elif code and qualification in FINDING_LETTERS and code[0] != FINDING_LETTERS[qualification] and code[0] in FINDING_LETTERS.values():
                expected = next(name for name, letter in FINDING_LETTERS.items() if letter == code[0])
                problems.error("finding_code_mismatch", f"{pointer}/code", worksheet, code, code=code,
                               qualification=t(f"account.qualification_{qualification}"), letter=code[0],
                               expected=t(f"account.qualification_{expected}"))
            if code and code[0] in FINDING_LETTERS.values():
                form = next(form for form in SCORING_FORMS if form.letter == code[0])
                scored = [text(item.get("code")) for _, item in rows(section(data, form.section), "items")]
                if scored and code not in scored:
                    problems.warning("finding_not_scored", f"{pointer}/code", worksheet, code, code=code, where=t(f"account.where_{form.section}"))
            if worksheet == 16 and qualification in ("strength", "weakness") and row.get("relevant") is False:
                problems.warning("not_relevant", f"{pointer}/relevant", 16, False,
                                 code=code or f"#{index + 1}", qualification=t(f"account.qualification_{qualification}"))


# --- worksheets 17–21 ------------------------------------------------------

def _check_scoring_forms(data: dict, problems: _Problems):
    for form in SCORING_FORMS:
        part = section(data, form.section)
        if not part:
            continue
        top_n = part.get("top_n")
        if top_n is not None and integer(top_n) is not None and not TOP_N_MIN <= integer(top_n) <= TOP_N_MAX:
            problems.error("top_n_range", f"/{form.section}/top_n", form.worksheet, top_n, value=top_n)
        items = rows(part, "items")
        _check_unique(((f"/{form.section}/items/{index}", row) for index, row in items), "code", form.section, form.worksheet, problems)

        result = compute_scoring_form(data, form.section)
        marked = [item.code for item in result.items if item.choice == "in"]
        if len(marked) > result.top_n:
            first = next(index for index, row in items if row.get("choice") == "in")
            problems.warning("swot_choices_exceed", f"/{form.section}/items/{first}/choice", form.worksheet, len(marked),
                             count=len(marked), codes=", ".join(marked), limit=result.top_n, maximum=SWOT_MAX_ITEMS)
    return compute_swot({form.section: compute_scoring_form(data, form.section) for form in SCORING_FORMS})


# --- worksheet 22 ----------------------------------------------------------

def _check_confrontation(data: dict, swot, problems: _Problems) -> None:
    internal, external = set(swot.internal), set(swot.external)
    seen = set()
    for index, row in rows(section(data, "confrontation"), "rows"):
        pointer = f"/confrontation/rows/{index}"
        row_code = text(row.get("internal"))
        if row_code is None:
            continue
        scorer = text(row.get("scorer")) or ""
        if (scorer, row_code) in seen:
            problems.error("confrontation_duplicate_row", f"{pointer}/internal", 22, row_code, code=row_code, scorer=scorer or "—")
        seen.add((scorer, row_code))
        if row_code not in internal:
            problems.error("confrontation_unknown_item", f"{pointer}/internal", 22, row_code, code=row_code, known=_listing(swot.internal))
        for column_code in section(row, "scores"):
            if column_code not in external:
                problems.error("confrontation_unknown_item", f"{pointer}/scores/{_escape(column_code)}", 22, column_code,
                               code=column_code, known=_listing(swot.external))


# --- worksheet 23 ----------------------------------------------------------

def _check_focus_points(data: dict, swot, problems: _Problems) -> list[str]:
    points = rows(data, "focus_points")
    _check_unique(((f"/focus_points/{index}", row) for index, row in points), "code", "focus_points", 23, problems)

    for index, row in points:
        cells = row.get("source_cells")
        if not isinstance(cells, list):
            continue
        for position, reference in enumerate(cells):
            parsed = parse_cell_reference(reference)
            if parsed is None:
                continue  # the schema reports text that is no cell reference
            missing = [code for code, known in ((parsed[0], swot.internal), (parsed[1], swot.external)) if code not in known]
            if missing:
                problems.error("focus_point_cell_unknown", f"/focus_points/{index}/source_cells/{position}", 23, reference,
                               cell=reference, missing=" en ".join(missing) if get_language() == "nl" else " and ".join(missing),
                               rows=_listing(swot.internal), columns=_listing(swot.external))

    count = len(points)
    if isinstance(data.get("focus_points"), list) and count and not FOCUS_POINTS_MIN <= count <= FOCUS_POINTS_MAX:
        fix = t("account.focus_point_count_low") if count < FOCUS_POINTS_MIN else t("account.focus_point_count_high")
        problems.warning("focus_point_count", "/focus_points", 23, count, count=count, fix=fix)
    return [code for _, row in points if (code := text(row.get("code")))]


def _check_focus_point_reference(value: Any, pointer: str, worksheet: int, focus_points: list[str], problems: _Problems) -> None:
    code = text(value)
    if code and code not in focus_points:
        problems.error("unknown_focus_point", pointer, worksheet, code, code=code, known=_listing(sorted(focus_points, key=code_key)))


# --- worksheets 24 and 25 --------------------------------------------------

def _check_ideas(data: dict, focus_points: list[str], problems: _Problems) -> None:
    part = section(data, "brainwriting")
    participants = rows(part, "participants")
    _check_unique(((f"/brainwriting/participants/{index}", row) for index, row in participants), "name", "participants", 24, problems)
    names = [name for _, row in participants if (name := text(row.get("name")))]
    for index, session in rows(part, "sessions"):
        _check_focus_point_reference(session.get("focus_point"), f"/brainwriting/sessions/{index}/focus_point", 24, focus_points, problems)

    idea_rows = []
    for index, idea in rows(part, "ideas"):
        pointer = f"/brainwriting/ideas/{index}"
        idea_rows.append((pointer, idea, 24))
        _check_focus_point_reference(idea.get("focus_point"), f"{pointer}/focus_point", 24, focus_points, problems)
        author = text(idea.get("participant"))
        for voter, points in section(idea, "votes").items():
            voter_pointer = f"{pointer}/votes/{_escape(voter)}"
            if names and voter.strip() not in names:
                problems.error("unknown_voter", voter_pointer, 24, voter, voter=voter, known=_listing(names))
            if author is not None and voter.strip() == author:
                problems.warning("own_vote", voter_pointer, 24, points, voter=author, points=points if integer(points) is not None else "?")

    angles = section(data, "angles")
    known_angles = angle_ids(data)
    _check_unique(((f"/angles/custom_angles/{index}", row) for index, row in rows(angles, "custom_angles")), "id", "custom_angles", 25, problems)
    for index, idea in rows(angles, "ideas"):
        pointer = f"/angles/ideas/{index}"
        idea_rows.append((pointer, idea, 25))
        _check_focus_point_reference(idea.get("focus_point"), f"{pointer}/focus_point", 25, focus_points, problems)
        angle = text(idea.get("angle"))
        if angle and angle not in known_angles:
            problems.error("unknown_angle", f"{pointer}/angle", 25, angle, angle=angle, known=", ".join(known_angles))

    # Idea codes run through both worksheets, so a code may appear only once across them.
    seen = set()
    for pointer, idea, worksheet in idea_rows:
        code = text(idea.get("code"))
        if code and code in seen:
            problems.error("duplicate", f"{pointer}/code", worksheet, code, value=code, where=t("account.where_ideas"))
        if code:
            seen.add(code)


def _idea_codes(data: dict) -> set[str]:
    codes = {code for _, idea in rows(section(data, "brainwriting"), "ideas") if (code := text(idea.get("code")))}
    codes |= {code for _, idea in rows(section(data, "angles"), "ideas") if (code := text(idea.get("code")))}
    return codes


# --- worksheet 26 ----------------------------------------------------------

def _check_choice_matrix(data: dict, focus_points: list[str], problems: _Problems) -> list[str]:
    part = section(data, "choice_matrix")
    if not part:
        return []
    criteria = rows(part, "criteria")
    knockouts = rows(part, "knockouts")
    _check_unique(((f"/choice_matrix/criteria/{index}", row) for index, row in criteria), "id", "criteria", 26, problems)
    _check_unique(((f"/choice_matrix/knockouts/{index}", row) for index, row in knockouts), "id", "knockouts", 26, problems)
    criterion_ids = [key for _, row in criteria if (key := text(row.get("id")))]
    knockout_ids = [key for _, row in knockouts if (key := text(row.get("id")))]

    weights = [number(row.get("weight")) for _, row in criteria]
    if criteria and all(weight is not None for weight in weights):
        total = sum(weights)
        if abs(total - WEIGHT_TOTAL) > WEIGHT_TOLERANCE:
            difference = t("account.weights_over" if total > WEIGHT_TOTAL else "account.weights_under", amount=_show_number(abs(total - WEIGHT_TOTAL)))
            problems.error("weights_sum", "/choice_matrix/criteria", 26, total, total=_show_number(total), difference=difference)

    ideas = _idea_codes(data)
    weighted = [key for (_, row), weight in zip(criteria, weights) if (key := text(row.get("id"))) and weight]
    for index, option in rows(part, "options"):
        pointer = f"/choice_matrix/options/{index}"
        label = text(option.get("code")) or text(option.get("text")) or f"#{index + 1}"
        _check_focus_point_reference(option.get("focus_point"), f"{pointer}/focus_point", 26, focus_points, problems)
        scores = section(option, "scores")
        for key in scores:
            if key not in criterion_ids:
                problems.error("unknown_criterion", f"{pointer}/scores/{_escape(key)}", 26, key, criterion=key, known=_listing(criterion_ids))
        missing = [key for key in weighted if scores.get(key) is None]
        if missing:
            problems.warning("score_missing", f"{pointer}/scores", 26, option=label, criteria=", ".join(missing))
        answers = section(option, "knockouts")
        for key in answers:
            if key not in knockout_ids:
                problems.error("unknown_knockout", f"{pointer}/knockouts/{_escape(key)}", 26, key, knockout=key, known=_listing(knockout_ids))
        code = text(option.get("code"))
        if code and ideas and code not in ideas:
            problems.warning("unknown_idea", f"{pointer}/code", 26, code, code=code)
        failed = [key for key in knockout_ids if answers.get(key) is False]
        if option.get("chosen") is True and failed:
            names = {text(row.get("id")): text(row.get("name")) or text(row.get("id")) for _, row in knockouts}
            problems.warning("chosen_knocked_out", f"{pointer}/chosen", 26, True, option=label, knockouts=", ".join(names[key] for key in failed))
    return [code for _, option in rows(part, "options") if (code := text(option.get("code")))]


# --- worksheet 27 ----------------------------------------------------------

def _check_projects(data: dict, focus_points: list[str], options: list[str], problems: _Problems) -> dict[str, dict]:
    projects = rows(data, "projects")
    _check_unique(((f"/projects/{index}", row) for index, row in projects), "code", "projects", 27, problems)
    node_ids = {node_id for _, node in rows(section(data, "goal_tree"), "nodes") if (node_id := text(node.get("id")))}

    for index, project in projects:
        pointer = f"/projects/{index}"
        code = text(project.get("code")) or f"#{index + 1}"
        _check_dates(project, pointer, 27, t("account.what_project", code=code), problems)
        focus = project.get("focus_points")
        if isinstance(focus, list):
            for position, value in enumerate(focus):
                _check_focus_point_reference(value, f"{pointer}/focus_points/{position}", 27, focus_points, problems)
        option = text(project.get("option"))
        if option and options and option not in options:
            problems.error("project_unknown_option", f"{pointer}/option", 27, option, code=code, option=option, known=_listing(options))
        node = text(project.get("goal_node"))
        if node and node_ids and node not in node_ids:
            problems.error("unknown_goal_node", f"{pointer}/goal_node", 27, node, code=code, node=node)
        if not (text(project.get("kpi")) and text(project.get("target"))):
            missing = t("account.smart_measurable")
            target = "kpi" if not text(project.get("kpi")) else "target"
            problems.warning("project_not_measurable", f"{pointer}/{target}", 27, code=code, missing=missing)
        if date(project.get("end")) is None:
            problems.warning("project_not_time_bound", f"{pointer}/end", 27, code=code)

    return {code: project for _, project in projects if (code := text(project.get("code")))}


def _check_project_reference(value: Any, pointer: str, worksheet: int, projects: dict[str, dict], problems: _Problems) -> None:
    code = text(value)
    if code and code not in projects:
        problems.error("unknown_project", pointer, worksheet, code, code=code, known=_listing(sorted(projects, key=code_key)))


# --- worksheet 28 ----------------------------------------------------------

def _check_planning(data: dict, projects: dict[str, dict], problems: _Problems) -> None:
    part = section(data, "planning")
    activities = rows(part, "activities")
    if not activities:
        return
    _check_unique(((f"/planning/activities/{index}", row) for index, row in activities), "code", "activities", 28, problems)
    planning = compute_planning(data)
    by_code = {activity.code: activity for activity in planning.activities}

    for index, row in activities:
        pointer = f"/planning/activities/{index}"
        code = text(row.get("code")) or f"#{index + 1}"
        _check_dates(row, pointer, 28, t("account.what_activity", code=code), problems)
        _check_project_reference(row.get("project"), f"{pointer}/project", 28, projects, problems)
        activity = by_code.get(code)

        project = projects.get(text(row.get("project")) or "")
        if activity and project and activity.start and activity.end:
            project_start, project_end = date(project.get("start")), date(project.get("end"))
            if (project_start and activity.start < project_start) or (project_end and activity.end > project_end):
                problems.warning("activity_outside_project", f"{pointer}/start", 28, code=code,
                                 start=_show_date(activity.start), end=_show_date(activity.end), project=text(row.get("project")),
                                 project_start=_show_date(project_start) if project_start else "…",
                                 project_end=_show_date(project_end) if project_end else "…")

        predecessors = row.get("predecessors")
        if not isinstance(predecessors, list):
            continue
        for position, value in enumerate(predecessors):
            predecessor = text(value)
            if predecessor is None:
                continue
            if predecessor not in by_code:
                problems.error("unknown_predecessor", f"{pointer}/predecessors/{position}", 28, predecessor, code=code, predecessor=predecessor)
                continue
            before = by_code[predecessor]
            if activity and activity.start and before.end and activity.start < before.end:
                problems.warning("predecessor_overlap", f"{pointer}/start", 28, row.get("start"), code=code,
                                 start=_show_date(activity.start), predecessor=predecessor, end=_show_date(before.end))

    index_of = {text(row.get("code")): index for index, row in activities}
    for load in planning.overloaded:
        first = index_of.get(load.activities[0], 0)
        problems.warning("owner_overloaded", f"/planning/activities/{first}/owner", 28, load.count, owner=load.owner,
                         month=load.month, count=load.count, activities=", ".join(load.activities), limit=planning.max_parallel)


# --- worksheet 29 ----------------------------------------------------------

def _check_budget(data: dict, projects: dict[str, dict], problems: _Problems) -> None:
    for index, line in rows(section(data, "budget"), "lines"):
        pointer = f"/budget/lines/{index}"
        _check_project_reference(line.get("project"), f"{pointer}/project", 29, projects, problems)
        year = integer(line.get("year"))
        if year is not None and year not in BUDGET_YEARS:
            problems.error("budget_year_range", f"{pointer}/year", 29, year, value=year)


# --- worksheet 30 ----------------------------------------------------------

def _check_goal_tree(data: dict, projects: dict[str, dict], problems: _Problems) -> None:
    nodes = rows(section(data, "goal_tree"), "nodes")
    if not nodes:
        return
    _check_unique(((f"/goal_tree/nodes/{index}", row) for index, row in nodes), "id", "goal_tree", 30, problems)

    first: dict[str, tuple[int, dict]] = {}
    for index, node in nodes:
        node_id = text(node.get("id"))
        if node_id and node_id not in first:
            first[node_id] = (index, node)

    roots = [(index, node) for index, node in nodes if text(node.get("parent")) is None]
    if not roots:
        problems.error("goal_root", "/goal_tree/nodes", 30, message=t("account.goal_no_root"))
    elif len(roots) > 1:
        ids = ", ".join(text(node.get("id")) or f"#{index + 1}" for index, node in roots)
        problems.error("goal_root", f"/goal_tree/nodes/{roots[1][0]}/parent", 30, message=t("account.goal_many_roots", count=len(roots), ids=ids))
    for index, node in roots:
        level = integer(node.get("level"))
        if level is not None and level != 0:
            problems.error("goal_root_level", f"/goal_tree/nodes/{index}/level", 30, level, id=text(node.get("id")) or f"#{index + 1}", level=level)

    cycle_reported: set[str] = set()
    for index, node in nodes:
        pointer = f"/goal_tree/nodes/{index}"
        node_id = text(node.get("id")) or f"#{index + 1}"
        parent = text(node.get("parent"))
        level = integer(node.get("level"))

        if parent is not None and parent not in first:
            problems.error("goal_unknown_parent", f"{pointer}/parent", 30, parent, id=node_id, parent=parent)
        elif parent is not None:
            path = _cycle_through(node_id, first)
            if path and node_id not in cycle_reported:
                cycle_reported.update(path)
                problems.error("goal_cycle", f"{pointer}/parent", 30, parent, id=node_id, path=" → ".join(path + [path[0]]))
            parent_level = integer(first[parent][1].get("level"))
            if level is not None and parent_level is not None and level != parent_level + 1:
                problems.error("goal_level", f"{pointer}/level", 30, level, id=node_id, level=level, parent=parent,
                               parent_level=parent_level, expected=parent_level + 1)

        if level == PROJECT_LEVEL:
            project = text(node.get("project"))
            if project is None:
                problems.error("goal_project_required", f"{pointer}/project", 30, id=node_id)
            else:
                _check_project_reference(project, f"{pointer}/project", 30, projects, problems)
        if level in (1, 2) and text(node.get("kpi")) is None:
            kind = t("account.kind_objective" if level == 1 else "account.kind_sub_objective")
            problems.warning("objective_without_kpi", f"{pointer}/kpi", 30, kind=kind, id=node_id)
        has_children = any(text(other.get("parent")) == text(node.get("id")) for _, other in nodes)
        if level is not None and level < PROJECT_LEVEL and not has_children:
            problems.warning("goal_without_children", pointer, 30, id=node_id, level=level, below=level + 1)

    in_tree = {text(node.get("project")) for _, node in nodes}
    for index, project in rows(data, "projects"):
        code = text(project.get("code"))
        if code and code not in in_tree:
            problems.warning("project_not_in_tree", f"/projects/{index}/code", 30, code, code=code)


def _cycle_through(start: str, nodes: dict[str, tuple[int, dict]]) -> list[str] | None:
    """Return the node ids of the cycle that ``start`` is part of, or None."""
    if start not in nodes:
        return None  # a node without an id cannot be anyone's parent, so it is in no cycle
    path = [start]
    current = text(nodes[start][1].get("parent"))
    while current is not None and current in nodes:
        if current == start:
            return path
        if current in path:
            return None  # start leads into a cycle without being part of it
        path.append(current)
        current = text(nodes[current][1].get("parent"))
    return None
