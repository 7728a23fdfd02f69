"""The input workbook of the organisation input: worksheets 31–34.

One sheet per worksheet. Worksheets 31 and 32 start from the default
conditions and competencies of their content files; 33 contains the team members
and their points per section; 34 only computes, from 33 and the scoring key
of ``kamgen/content/ws34.yaml``. The live formulas mirror
:mod:`kamgen.compute.organisation`, and each one's ``expected`` returns that
module's value, so the reader can tell when a formula was edited.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from kamgen.compute.organisation import (
    LETTERS,
    MANAGEABLE_MIN,
    POINTS_PER_SECTION,
    PREFERRED_MIN,
    PRESENCE_MAX,
    SECTIONS,
    TEAM_ROLES,
    TOTAL_POINTS,
    compute_organisation,
    load_scoring_key,
    name_key,
)
from kamgen.content import load_content
from kamgen.workbooks.layout import (
    CHOICE,
    DATE,
    INTEGER,
    TEXT,
    ChoiceList,
    Column,
    Computed,
    Field,
    Fields,
    Grid,
    GridColumn,
    GridRow,
    Heading,
    Note,
    Option,
    Sheet,
    Static,
    Table,
    WorkbookLayout,
    texts,
)

KIND = "organisation"
FORMAT_VERSION = 1
PERCENT = "0%"
DECIMAL = "0.0"
# Pre-formatted rows of a blank workbook beyond the default conditions and competencies.
SPARE_CONDITIONS = 7
SPARE_COMPETENCIES = 9
PEOPLE_ROWS = 6
ASSESSMENT_ROWS = 63  # three people × 21 default competencies
MEMBER_ROWS = 8
ANSWER_ROWS = 42  # six team members × seven sections
# The largest lists the schema accepts, so a filled workbook never grows beyond them.
MAX_CONDITIONS = 40
MAX_COMPETENCIES = 60
MAX_PEOPLE = 30
MAX_ASSESSMENTS = 1800
MAX_MEMBERS = 30
MAX_ANSWERS = 210

CONDITIONS = "Conditions"
COMPETENCIES = "Competencies"
PEOPLE = "People"
ASSESSMENTS = "Assessments"
MEMBERS = "Members"
ANSWERS = "Answers"
ROLE_SCORES = "RoleScores"
ROLE_BANDS = "RoleBands"


def _t(key: str) -> dict[str, str]:
    return texts(f"organisation.{key}")


def _label(entry: Mapping[str, Any]) -> dict[str, str]:
    return {"nl": entry["nl"], "en": entry["en"]}


def _at(items: list, position: int) -> Any:
    return items[position] if position < len(items) else None


def _choice_default(labels: Mapping[str, dict[str, str]], row: tuple | None) -> dict[str, str] | None:
    """Return the label of a default row's choice; the reader compares a kept default with the cell's text, a label."""
    return labels[row[0]] if row else None


# ---------------------------------------------------------------------------
# Default rows from the content files


def default_conditions() -> list[tuple[str, dict[str, str]]]:
    """Return (domain, statement) for every default condition of worksheet 31, in the form's order."""
    rows = []
    for domain in load_content(31)["lists"]["domains"]:
        for nl, en in zip(domain["conditions"]["nl"], domain["conditions"]["en"]):
            rows.append((domain["id"], {"nl": nl, "en": en}))
    return rows


def default_competencies() -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """Return (cluster, name, description) for every default competency of worksheet 32."""
    rows = []
    for cluster in load_content(32)["lists"]["clusters"]:
        names, descriptions = cluster["competencies"], cluster["descriptions"]
        for position in range(len(names["nl"])):
            rows.append((
                cluster["id"],
                {"nl": names["nl"][position], "en": names["en"][position]},
                {"nl": descriptions["nl"][position], "en": descriptions["en"][position]},
            ))
    return rows


def choice_lists() -> tuple[ChoiceList, ...]:
    domains = load_content(31)["lists"]["domains"]
    clusters = load_content(32)["lists"]["clusters"]
    bands = load_content(34)["lists"]["bands"]
    return (
        ChoiceList("language", (
            Option("nl", texts("workbook.language_nl"), aliases=("nederlands", "dutch")),
            Option("en", texts("workbook.language_en"), aliases=("engels", "english")),
        )),
        ChoiceList("domain", tuple(Option(entry["id"], _label(entry)) for entry in domains)),
        ChoiceList("cluster", tuple(Option(entry["id"], _label(entry)) for entry in clusters)),
        ChoiceList("band", tuple(Option(entry["id"], _label(entry)) for entry in bands)),
    )


# ---------------------------------------------------------------------------
# Formulas. Each builds Excel text from the writer's references; functions are
# limited to those Excel 2010 and LibreOffice both calculate.


def _both_numbers(*cells: str) -> str:
    return "AND(" + ",".join(f"ISNUMBER({cell})" for cell in cells) + ")"


def _condition_gap(refs) -> str:
    presence, importance = refs.here("presence"), refs.here("importance")
    return f"=IF({_both_numbers(presence, importance)},({PRESENCE_MAX}-{presence})*{importance},\"\")"


def _domain_order(refs) -> str:
    return f"=IFERROR(MATCH({refs.here('domain')},{refs.labels('domain')},0),\"\")"


def _condition_rank(refs) -> str:
    # Rank 1 is the largest gap; equal gaps go by domain order, then by row, as in compute_readiness.
    gap, order = refs.here("gap"), refs.here("order")
    gaps, orders = refs.column(CONDITIONS, "gap"), refs.column(CONDITIONS, "order")
    return (
        f"=IF(ISNUMBER({gap}),1+COUNTIF({gaps},\">\"&{gap})"
        f"+COUNTIFS({gaps},{gap},{orders},\"<\"&{order})"
        f"+SUMPRODUCT(({gaps}={gap})*({orders}={order})*(ROW({gaps})<ROW({gap}))),\"\")"
    )


def _readiness(refs) -> str:
    presence = refs.column(CONDITIONS, "presence")
    return f"=IF(COUNT({presence})=0,\"\",SUM({presence})/({PRESENCE_MAX}*COUNT({presence})))"


def _domain_formula(domain: str, measure: str) -> Callable:
    def formula(refs) -> str:
        domains = refs.column(CONDITIONS, "domain")
        presence = refs.column(CONDITIONS, "presence")
        label = refs.label("domain", domain)
        rated = f"COUNTIFS({domains},{label},{presence},\">=0\")"
        if measure == "count":
            return f"=COUNTIF({domains},{label})"
        if measure == "mean":
            return f"=IF({rated}=0,\"\",SUMIF({domains},{label},{presence})/{rated})"
        if measure == "readiness":
            return f"=IF({rated}=0,\"\",SUMIF({domains},{label},{presence})/({PRESENCE_MAX}*{rated}))"
        return f"=SUMIF({domains},{label},{refs.column(CONDITIONS, 'gap')})"

    return formula


def _lookup(key: str) -> Callable:
    """Return a formula that looks up a column of the competency named in this assessment row."""
    def formula(refs) -> str:
        found = f"INDEX({refs.column(COMPETENCIES, key)},MATCH({refs.here('competency')},{refs.column(COMPETENCIES, 'name')},0))"
        return f"=IFERROR(IF({found}=\"\",\"\",{found}),\"\")"

    return formula


def _assessment_gap(refs) -> str:
    current, required = refs.here("current"), refs.here("required")
    return f"=IF({_both_numbers(current, required)},MAX(0,{required}-{current}),\"\")"


def _weighted_gap(refs) -> str:
    gap, importance = refs.here("gap"), refs.here("importance")
    return f"=IF({_both_numbers(gap, importance)},{gap}*{importance},\"\")"


def _capped(refs) -> str:
    return f"=IF(ISNUMBER({refs.here('gap')}),MIN({refs.here('current')},{refs.here('required')}),\"\")"


def _person_formula(measure: str) -> Callable:
    def formula(refs) -> str:
        name = refs.here("name")
        people = refs.column(ASSESSMENTS, "person")
        gaps = refs.column(ASSESSMENTS, "gap")
        if measure == "assessed":
            return f"=IF({name}=\"\",\"\",COUNTIFS({people},{name},{refs.column(ASSESSMENTS, 'current')},\">=0\"))"
        if measure == "weighted":
            return f"=IF({name}=\"\",\"\",SUMIF({people},{name},{refs.column(ASSESSMENTS, 'weighted_gap')}))"
        required = f"SUMIFS({refs.column(ASSESSMENTS, 'required')},{people},{name},{gaps},\">=0\")"
        capped = f"SUMIF({people},{name},{refs.column(ASSESSMENTS, 'capped')})"
        return f"=IF(OR({name}=\"\",{required}=0),\"\",{capped}/{required})"

    return formula


def _answer_total(refs) -> str:
    return f"=SUM({refs.span(ANSWERS, 'a', 'i')})"


def _answer_check(refs) -> str:
    total = refs.here("total")
    empty = f"AND({refs.here('member')}=\"\",COUNT({refs.span(ANSWERS, 'a', 'i')})=0)"
    return (
        f"=IF({empty},\"\",IF({total}={POINTS_PER_SECTION},{refs.text(_t('wb_ok'))},"
        f"{total}&{refs.text(_t('wb_not_ten'))}))"
    )


def _member_name(refs) -> str:
    name = refs.at(MEMBERS, "name", refs.position)
    return f"=IF({name}=\"\",\"\",{name})"


def _without_answers(refs) -> str:
    """Return the condition for a row of the team view that stays blank: no name, or no answers yet."""
    name = refs.here("name")
    return f"OR({name}=\"\",COUNTIF({refs.column(ANSWERS, 'member')},{name})=0)"


def _role_score(role: str, key: Mapping[int, Mapping[str, str]]) -> Callable:
    def formula(refs) -> str:
        name = refs.here("name")
        members, sections = refs.column(ANSWERS, "member"), refs.column(ANSWERS, "section")
        terms = []
        for section in range(1, SECTIONS + 1):
            letter = next(letter for letter, mapped in key[section].items() if mapped == role)
            terms.append(f"SUMIFS({refs.column(ANSWERS, letter)},{members},{name},{sections},{section})")
        return f"=IF({_without_answers(refs)},\"\"," + "+".join(terms) + ")"

    return formula


def _score_total(refs) -> str:
    return f"=IF({_without_answers(refs)},\"\",SUM({refs.span(ROLE_SCORES, TEAM_ROLES[0], TEAM_ROLES[-1])}))"


def _score_check(refs) -> str:
    total = refs.here("total")
    return (
        f"=IF({_without_answers(refs)},\"\",IF({total}={TOTAL_POINTS},{refs.text(_t('wb_ok'))},"
        f"{total}&{refs.text(_t('wb_not_seventy'))}))"
    )


def _role_band(role: str) -> Callable:
    def formula(refs) -> str:
        score = refs.at(ROLE_SCORES, role, refs.position)
        return (
            f"=IF(ISNUMBER({score}),IF({score}>={PREFERRED_MIN},{refs.label('band', 'preferred')},"
            f"IF({score}>={MANAGEABLE_MIN},{refs.label('band', 'manageable')},{refs.label('band', 'least_suited')})),\"\")"
        )

    return formula


def _preferred_roles(role_labels: Mapping[str, Mapping[str, str]]) -> Callable:
    def formula(refs) -> str:
        # Excel 2010 has no TEXTJOIN, so each role adds its name and a separator; MID drops the first separator.
        parts = []
        for role in TEAM_ROLES:
            score = refs.at(ROLE_SCORES, role, refs.position)
            parts.append(f"IF(AND(ISNUMBER({score}),{score}>={PREFERRED_MIN}),\", \"&{refs.text(role_labels[role])},\"\")")
        return "=MID(" + "&".join(parts) + ",3,1000)"

    return formula


def _coverage(role: str, measure: str) -> Callable:
    def formula(refs) -> str:
        scores = refs.column(ROLE_SCORES, role)
        count = f"COUNTIF({scores},\">={PREFERRED_MIN}\")"
        if measure == "count":
            return f"=IF(COUNT({scores})=0,\"\",{count})"
        return f"=IF(COUNT({scores})=0,\"\",IF({count}=0,{refs.text(_t('wb_uncovered_flag'))},\"\"))"

    return formula


def _constant(text: str) -> Callable:
    return lambda refs: "=" + refs.text({"nl": text, "en": text})


# ---------------------------------------------------------------------------
# What kamgen computes for the same cells


def _readiness_result(verification):
    return verification.result.readiness


def _condition_expected(attribute: str) -> Callable:
    def expected(verification, index: int):
        readiness = _readiness_result(verification)
        if readiness is None:
            return None
        condition = readiness.conditions[index]
        if attribute == "gap":
            return condition.gap
        ranked = [item.index for item in readiness.ranked_gaps]
        return ranked.index(index) + 1 if index in ranked else None

    return expected


def _domain_expected(domain: str, measure: str) -> Callable:
    def expected(verification):
        readiness = _readiness_result(verification)
        if readiness is None:
            return 0 if measure in ("count", "gap") else None
        result = next(item for item in readiness.domains if item.domain == domain)
        return {"count": result.conditions, "mean": result.mean_presence, "readiness": result.readiness, "gap": result.total_gap}[measure]

    return expected


def _assessment_expected(attribute: str) -> Callable:
    def expected(verification, index: int):
        profile = verification.result.profile
        if profile is None:
            return None
        for person in profile.people:
            for assessment in person.assessments:
                if assessment.index == index:
                    return getattr(assessment, attribute)
        return None

    return expected


def _person_expected(attribute: str) -> Callable:
    def expected(verification, index: int):
        profile = verification.result.profile
        people = (verification.data.get("profile") or {}).get("people") or []
        if profile is None or index >= len(people):
            return None
        target = name_key(people[index].get("name"))
        person = next((person for person in profile.people if name_key(person.name) == target), None)
        if person is None:
            return None
        if attribute == "assessed":
            return len(person.assessments)
        return {"fit": person.fit, "weighted": person.total_weighted_gap}[attribute]

    return expected


def _answer_total_expected(verification, index: int):
    answers = (verification.data.get("team_roles") or {}).get("answers") or []
    if index >= len(answers):
        return None
    points = [answers[index].get(letter) for letter in LETTERS]
    return sum(value for value in points if isinstance(value, int) and not isinstance(value, bool))


def _member_roles(verification, index: int):
    team = verification.result.team_roles
    members = (verification.data.get("team_roles") or {}).get("members") or []
    if team is None or index >= len(members):
        return None
    target = name_key(members[index].get("name"))
    return next((member for member in team.members if name_key(member.name) == target), None)


def _role_score_expected(role: str) -> Callable:
    def expected(verification, index: int):
        member = _member_roles(verification, index)
        if member is None:
            return None
        return next(score.score for score in member.scores if score.role == role)

    return expected


def _score_total_expected(verification, index: int):
    member = _member_roles(verification, index)
    return member.total if member is not None else None


def _coverage_expected(role: str) -> Callable:
    def expected(verification):
        team = verification.result.team_roles
        if team is None or not team.members:
            return None
        return len(team.preferred_by_role[role])

    return expected


# ---------------------------------------------------------------------------
# The sheets


def _sheet_31() -> Sheet:
    defaults = default_conditions()
    domains = load_content(31)["lists"]["domains"]
    domain_labels = {entry["id"]: _label(entry) for entry in domains}
    conditions = Table(
        name=CONDITIONS,
        pointer="/readiness/conditions",
        columns=(
            Column("domain", _t("wb_domain"), CHOICE, choices="domain", width=30,
                   defaults=lambda position: _choice_default(domain_labels, _at(defaults, position))),
            Column("statement", _t("wb_condition"), TEXT, width=70,
                   defaults=lambda position: (_at(defaults, position) or (None, None))[1]),
            Column("presence", _t("wb_presence"), INTEGER, minimum=1, maximum=5, width=14),
            Column("importance", _t("wb_importance"), INTEGER, minimum=1, maximum=3, width=12),
            Column("gap", _t("wb_gap"), formula=_condition_gap, width=8, expected=_condition_expected("gap")),
            Column("rank", _t("wb_rank"), formula=_condition_rank, width=8, expected=_condition_expected("rank")),
            Column("remark", _t("wb_remark"), TEXT, width=40),
            Column("order", _t("wb_domain_order"), formula=_domain_order, width=8, hidden=True),
        ),
        rows=len(defaults) + SPARE_CONDITIONS,
        item_label=_t("wb_condition_item"),
        max_rows=MAX_CONDITIONS,
        keep_defaults=True,
    )
    readiness = Fields((
        Computed("ws31_readiness", _t("wb_readiness"), _readiness, number_format=PERCENT,
                 expected=lambda verification: _readiness_result(verification).readiness if _readiness_result(verification) else None),
    ))
    columns = (
        GridColumn("count", _t("wb_domain_conditions"), width=14),
        GridColumn("mean", _t("wb_domain_mean"), width=14),
        GridColumn("readiness", _t("wb_domain_readiness"), width=12),
        GridColumn("gap", _t("wb_domain_gap"), width=12),
    )
    formats = {"count": None, "mean": DECIMAL, "readiness": PERCENT, "gap": None}
    per_domain = Grid(
        columns=columns,
        rows=tuple(
            GridRow(_label(entry), tuple(
                Computed(f"ws31_{entry['id']}_{column.key}", _label(entry), _domain_formula(entry["id"], column.key),
                         number_format=formats[column.key], expected=_domain_expected(entry["id"], column.key))
                for column in columns
            ))
            for entry in domains
        ),
        corner=_t("wb_per_domain"),
    )
    conclusion = Fields((Field("/readiness/conclusion", _t("wb_conclusion_31"), TEXT, lines=4),))
    return Sheet(
        key="ws31", worksheet=31,
        blocks=(conditions, Heading(_t("wb_readiness_heading")), readiness, per_domain, conclusion),
        intro=(_t("wb_ws31_intro"), _t("wb_ws31_intro_2")),
        label_width=30,
    )


def _sheet_32() -> Sheet:
    defaults = default_competencies()
    cluster_labels = {entry["id"]: _label(entry) for entry in load_content(32)["lists"]["clusters"]}
    competencies = Table(
        name=COMPETENCIES,
        pointer="/profile/competencies",
        columns=(
            Column("cluster", _t("wb_cluster"), CHOICE, choices="cluster", width=30,
                   defaults=lambda position: _choice_default(cluster_labels, _at(defaults, position))),
            Column("name", _t("wb_competency"), TEXT, width=30,
                   defaults=lambda position: (_at(defaults, position) or (None, None))[1]),
            Column("description", _t("wb_description"), TEXT, width=60,
                   defaults=lambda position: (_at(defaults, position) or (None, None, None))[2]),
            Column("importance", _t("wb_importance"), INTEGER, minimum=1, maximum=3, width=12),
            Column("required", _t("wb_required"), INTEGER, minimum=1, maximum=5, width=14),
        ),
        rows=len(defaults) + SPARE_COMPETENCIES,
        item_label=_t("wb_competency_item"),
        max_rows=MAX_COMPETENCIES,
        keep_defaults=True,
    )
    people = Table(
        name=PEOPLE,
        pointer="/profile/people",
        columns=(
            Column("name", _t("wb_name"), TEXT, width=30),
            Column("function", _t("wb_function"), TEXT, width=40),
            Column("assessed", _t("wb_assessed"), formula=_person_formula("assessed"), width=14,
                   expected=_person_expected("assessed")),
            Column("fit", _t("wb_fit"), formula=_person_formula("fit"), number_format=PERCENT, width=10,
                   expected=_person_expected("fit")),
            Column("weighted", _t("wb_weighted_gap_total"), formula=_person_formula("weighted"), width=14,
                   expected=_person_expected("weighted")),
        ),
        rows=PEOPLE_ROWS,
        item_label=_t("wb_person_item"),
        spare_rows=3,
        max_rows=MAX_PEOPLE,
    )
    assessments = Table(
        name=ASSESSMENTS,
        pointer="/profile/assessments",
        columns=(
            Column("person", _t("wb_person"), TEXT, width=24, help=_t("wb_help_person")),
            Column("competency", _t("wb_competency"), TEXT, width=30, help=_t("wb_help_competency")),
            Column("current", _t("wb_current"), INTEGER, minimum=1, maximum=5, width=12),
            Column("required", _t("wb_required_here"), formula=_lookup("required"), width=10,
                   expected=_assessment_expected("required")),
            Column("importance", _t("wb_importance_here"), formula=_lookup("importance"), width=10,
                   expected=_assessment_expected("importance")),
            Column("gap", _t("wb_gap"), formula=_assessment_gap, width=8, expected=_assessment_expected("gap")),
            Column("weighted_gap", _t("wb_weighted_gap"), formula=_weighted_gap, width=10,
                   expected=_assessment_expected("weighted_gap")),
            Column("evidence", _t("wb_evidence"), TEXT, width=50),
            Column("development_action", _t("wb_development_action"), TEXT, width=50),
            Column("capped", _t("wb_capped"), formula=_capped, width=8, hidden=True),
        ),
        rows=ASSESSMENT_ROWS,
        item_label=_t("wb_assessment_item"),
        max_rows=MAX_ASSESSMENTS,
    )
    return Sheet(
        key="ws32", worksheet=32,
        blocks=(competencies, Heading(_t("wb_people_heading")), people, Heading(_t("wb_assessments_heading")), assessments),
        intro=(_t("wb_ws32_intro"), _t("wb_ws32_intro_2")),
        label_width=30,
    )


def _sheet_33() -> Sheet:
    members = Table(
        name=MEMBERS,
        pointer="/team_roles/members",
        columns=(
            Column("name", _t("wb_name"), TEXT, width=30),
            Column("function", _t("wb_function"), TEXT, width=40),
        ),
        rows=MEMBER_ROWS,
        item_label=_t("wb_member_item"),
        spare_rows=4,
        max_rows=MAX_MEMBERS,
    )
    points = tuple(
        Column(letter, {"nl": letter, "en": letter}, INTEGER, minimum=0, maximum=POINTS_PER_SECTION, width=5,
               help=_t("wb_help_points"))
        for letter in LETTERS
    )
    answers = Table(
        name=ANSWERS,
        pointer="/team_roles/answers",
        columns=(
            Column("member", _t("wb_member"), TEXT, width=30, help=_t("wb_help_member")),
            Column("section", _t("wb_section"), INTEGER, minimum=1, maximum=SECTIONS, width=9,
                   defaults=lambda position: position % SECTIONS + 1),
            *points,
            Column("total", _t("wb_total"), formula=_answer_total, width=8, expected=_answer_total_expected),
            Column("check", _t("wb_check"), formula=_answer_check, width=18),
        ),
        rows=ANSWER_ROWS,
        item_label=_t("wb_answer_item"),
        spare_rows=SECTIONS,
        max_rows=MAX_ANSWERS,
    )
    questionnaire: list = [Heading(_t("wb_questionnaire_heading"))]
    content = load_content(33)["lists"]
    for section in content["sections"]:
        questionnaire.append(Heading(_label(section)))
        questionnaire.append(Note(section["situation"]))
        statements = section["statements"]
        questionnaire.extend(Note({"nl": nl, "en": en}) for nl, en in zip(statements["nl"], statements["en"]))
    questionnaire.append(Note(_label(content["notices"][0])))
    return Sheet(
        key="ws33", worksheet=33,
        blocks=(Heading(_t("wb_members_heading")), members, Heading(_t("wb_answers_heading")), answers, *questionnaire),
        intro=(_t("wb_ws33_intro"), _t("wb_ws33_intro_2")),
        label_width=30,
    )


def _sheet_34() -> Sheet:
    key = load_scoring_key()
    roles = {entry["id"]: _label(entry) for entry in load_content(34)["lists"]["roles"]}

    key_grid = Grid(
        columns=tuple(GridColumn(f"section_{section}", {"nl": f"Sectie {section}", "en": f"Section {section}"}, width=10)
                      for section in range(1, SECTIONS + 1)),
        rows=tuple(
            GridRow(roles[role], tuple(
                Static({"nl": letter, "en": letter})
                for section in range(1, SECTIONS + 1)
                for letter, mapped in key[section].items() if mapped == role
            ))
            for role in TEAM_ROLES
        ),
        corner=_t("wb_team_role"),
    )
    scores = Table(
        name=ROLE_SCORES,
        pointer="/team_roles/members",
        columns=(
            Column("name", _t("wb_member"), formula=_member_name, width=30),
            *(Column(role, roles[role], formula=_role_score(role, key), width=12, expected=_role_score_expected(role))
              for role in TEAM_ROLES),
            Column("total", _t("wb_total"), formula=_score_total, width=8, expected=_score_total_expected),
            Column("check", _t("wb_check"), formula=_score_check, width=18),
        ),
        rows=MEMBER_ROWS,
        align=MEMBERS,
    )
    bands = Table(
        name=ROLE_BANDS,
        pointer="/team_roles/members",
        columns=(
            Column("name", _t("wb_member"), formula=_member_name, width=30),
            *(Column(role, roles[role], formula=_role_band(role), width=12) for role in TEAM_ROLES),
            Column("preferred", _t("wb_preferred_roles"), formula=_preferred_roles(roles), width=40),
        ),
        rows=MEMBER_ROWS,
        align=MEMBERS,
    )
    coverage_columns = (
        GridColumn("count", _t("wb_preferred_count"), width=14),
        GridColumn("uncovered", _t("wb_uncovered"), width=18),
    )
    coverage = Grid(
        columns=coverage_columns,
        rows=tuple(
            GridRow(roles[role], (
                Computed(f"ws34_{role}_count", roles[role], _coverage(role, "count"), expected=_coverage_expected(role)),
                Computed(f"ws34_{role}_uncovered", roles[role], _coverage(role, "uncovered")),
            ))
            for role in TEAM_ROLES
        ),
        corner=_t("wb_team_role"),
    )
    conclusion = Fields((Field("/team_role_scoring/conclusion", _t("wb_conclusion_34"), TEXT, lines=4),))
    return Sheet(
        key="ws34", worksheet=34,
        blocks=(
            Heading(_t("wb_scores_heading")), scores,
            Heading(_t("wb_bands_heading")), bands,
            Heading(_t("wb_coverage_heading")), coverage,
            conclusion,
            Heading(_t("wb_key_heading")), key_grid,
        ),
        intro=(_t("wb_ws34_intro"), _t("wb_ws34_intro_2")),
        label_width=30,
    )


def _header() -> tuple[Field, ...]:
    return (
        Field("/organisation", _t("wb_organisation"), TEXT, help=_t("wb_help_organisation")),
        Field("/business_unit", _t("wb_business_unit"), TEXT),
        Field("/period/start", _t("wb_period_start"), DATE, help=_t("wb_help_period")),
        Field("/period/end", _t("wb_period_end"), DATE, help=_t("wb_help_period")),
        Field("/language", _t("wb_language"), CHOICE, choices="language", default={"nl": "nl", "en": "en"}),
        Field("/prepared_by", _t("wb_prepared_by"), TEXT),
    )


def layout(parameters: Mapping[str, int] | None = None) -> WorkbookLayout:
    """Return the layout of the organisation workbook; it takes no parameters."""
    return WorkbookLayout(
        kind=KIND,
        format_version=FORMAT_VERSION,
        sheets=(_sheet_31(), _sheet_32(), _sheet_33(), _sheet_34()),
        lists=choice_lists(),
        header=_header(),
        instructions=(
            _t("wb_step_header"),
            texts("workbook.instruction_yellow"),
            texts("workbook.instruction_typing"),
            _t("wb_step_order"),
            texts("workbook.instruction_empty_rows"),
            texts("workbook.instruction_more_rows"),
            texts("workbook.instruction_check"),
        ),
        constants={"/kind": KIND, "/format_version": FORMAT_VERSION},
        verify=compute_organisation,
    )
