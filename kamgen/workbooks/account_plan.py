"""Sheets 17–30 of the account workbook: scoring forms, SWOT, confrontation, HAPs, ideas, choice, projects, budget, goals.

The formulas follow :mod:`kamgen.compute.account_swot`, ``account_ideas``,
``account_projects`` and ``account_goals``. Hidden helper columns hold sort
keys (for ranks with the method's tie-breaks) and 0/1 flags, because
COUNTIFS on helper numbers calculates the same in Excel and LibreOffice.
"""

from __future__ import annotations

from typing import Mapping

from kamgen.compute.account_ideas import SHORTLIST_MIN_POINTS, DEFAULT_CHOOSE_TOP, DEFAULT_SHORTLIST_SIZE, WEIGHT_TOTAL
from kamgen.compute.account_projects import BUDGET_YEARS, DAYS_PER_WEEK, DEFAULT_MAX_PARALLEL
from kamgen.compute.account_swot import (
    CELL_MAX,
    DEFAULT_TOP_N,
    PRIORITY_HIGH_FROM,
    PRIORITY_MEDIUM_FROM,
    QUADRANTS,
    SCORING_FORMS,
    SWOT_MAX_ITEMS,
    TOP_N_MAX,
    TOP_N_MIN,
)
from kamgen.content import load_content
from kamgen.workbooks.account import (
    AMOUNT_FORMAT,
    CUSTOM_ANGLES,
    FLAG_FORMAT,
    MAX_ROWS,
    PERCENT_FORMAT,
    ROWS,
    SCORE_FORMAT,
    WHOLE_FORMAT,
    blank_if,
    block,
    code_number,
    content_label,
    count_choice,
    is_choice,
    item,
    t_,
    title,
)
from kamgen.workbooks.layout import (
    AMOUNT,
    BOOLEAN,
    CHOICE,
    CODE,
    DATE,
    INTEGER,
    NUMBER,
    PERCENTAGE,
    YES_NO,
    AboveRow,
    Column,
    Computed,
    Field,
    Fields,
    Grid,
    GridColumn,
    GridRow,
    Heading,
    Note,
    Refs,
    Route,
    RouteContext,
    Sheet,
    Table,
)

TABLE_OF_FORM = {"opportunities": "Opportunities", "threats": "Threats", "strengths": "Strengths", "weaknesses": "Weaknesses"}
# A rank key packs score, first rating and code so that one COUNTIF ranks with the method's tie-breaks.
SCORE_KEY = 100000
RATING_KEY = 1000
CODE_KEY = 999
# Weighted totals are compared at four decimals when ranking options.
TOTAL_KEY = 10000


def sheets(parameters: Mapping[str, int]) -> tuple[Sheet, ...]:
    return (
        *(sheet_scoring_form(form.section) for form in SCORING_FORMS),
        sheet_swot(),
        sheet_confrontation(parameters),
        sheet_focus_points(parameters),
        sheet_brainwriting(parameters),
        sheet_angles(),
        sheet_choice_matrix(parameters),
        sheet_projects(parameters),
        sheet_planning(parameters),
        sheet_budget(),
        sheet_goal_tree(),
    )


# --- worksheets 17–20 --------------------------------------------------------------------


def _scored_item(verification, form_section: str, index: int):
    code = (item(verification, (form_section, "items"), index).get("code") or "").strip()
    for scored in verification.result.scoring[form_section].items:
        if scored.code == code:
            return scored
    return None


def sheet_scoring_form(form_section: str) -> Sheet:
    form = next(candidate for candidate in SCORING_FORMS if candidate.section == form_section)
    table = TABLE_OF_FORM[form_section]
    first, second = form.ratings
    ratings = {entry["id"]: {"nl": entry["nl"], "en": entry["en"]} for entry in load_content(form.worksheet)["lists"]["ratings"]}
    base = f"/{form_section}/items/0"
    top_n_name = f"{form_section}_top_n"

    def score(refs: Refs) -> str:
        a, b = refs.here(first), refs.here(second)
        return f'=IF(AND(ISNUMBER({a}),ISNUMBER({b})),{a}*{b},"")'

    def priority(refs: Refs) -> str:
        value = refs.here("score")
        return blank_if(f'{value}=""', f'IF({value}>={PRIORITY_HIGH_FROM},{refs.label("priority", "high")},'
                                        f'IF({value}>={PRIORITY_MEDIUM_FROM},{refs.label("priority", "medium")},{refs.label("priority", "low")}))')

    def number(refs: Refs) -> str:
        return "=" + code_number(refs.here("code"))

    def key(refs: Refs) -> str:
        return (f'=IF(OR({refs.here("code")}="",{refs.here("score")}=""),-1,'
                f'{refs.here("score")}*{SCORE_KEY}+{refs.here(first)}*{RATING_KEY}+({CODE_KEY}-{refs.here("number")}))')

    def rank(refs: Refs) -> str:
        return blank_if(f'{refs.here("key")}<0', f'COUNTIF({refs.column(table, "key")},">"&{refs.here("key")})+1')

    def marked_in(refs: Refs) -> str:
        return f'=IF(AND({refs.here("code")}<>"",{is_choice(refs, refs.here("choice"), "swot_choice", "in")}),1,0)'

    def free(refs: Refs) -> str:
        return f'=IF(AND({refs.here("key")}>=0,{refs.here("choice")}=""),1,0)'

    def selected(refs: Refs) -> str:
        keys, frees = refs.column(table, "key"), refs.column(table, "free")
        places = f'{refs.cell(f"{form_section}_top_n_effective")}-{refs.cell(f"{form_section}_marked_in")}'
        return (f'=IF({refs.here("marked_in")}=1,1,IF({refs.here("free")}=1,'
                f'IF(COUNTIFS({keys},">"&{refs.here("key")},{frees},1)+1<={places},1,0),0))')

    def position(refs: Refs) -> str:
        chosen, keys, numbers = refs.column(table, "selected"), refs.column(table, "key"), refs.column(table, "number")
        scored = f'COUNTIFS({chosen},1,{keys},">"&{refs.here("key")})+1'
        unscored = f'COUNTIFS({chosen},1,{keys},">=0")+COUNTIFS({chosen},1,{keys},-1,{numbers},"<"&{refs.here("number")})+1'
        return blank_if(f'{refs.here("selected")}=0', f'IF({refs.here("key")}>=0,{scored},{unscored})')

    def in_swot(refs: Refs) -> str:
        spot = refs.here("position")
        return f'=IF({spot}="",0,IF({spot}<={SWOT_MAX_ITEMS},1,0))'

    def expected(attribute: str):
        def value(verification, index: int):
            scored = _scored_item(verification, form_section, index)
            if scored is None:
                return None
            if attribute == "in_swot":
                swot = getattr(verification.result.swot, form_section)
                return int(any(entry.code == scored.code for entry in swot))
            return getattr(scored, attribute)
        return value

    items = Table(
        name=table, pointer=f"/{form_section}/items", rows=ROWS["scoring"], max_rows=MAX_ROWS["scoring"], spare_rows=3,
        item_label=t_(f"item_{form_section}"),
        columns=(
            Column("code", title(f"{base}/code"), CODE, width=8, defaults=lambda position: f"{form.letter}{position + 1}"),
            Column("text", title(f"{base}/text"), width=50),
            Column(first, ratings[first], INTEGER, minimum=1, maximum=5, width=14),
            Column(second, ratings[second], INTEGER, minimum=1, maximum=5, width=14),
            Column("choice", title(f"{base}/choice"), CHOICE, choices="swot_choice", width=18),
            Column("remark", title(f"{base}/remark"), width=30),
            Column("score", t_("score"), formula=score, number_format=WHOLE_FORMAT, width=9, expected=expected("score")),
            Column("priority", t_("priority"), formula=priority, width=11, choices="priority", expected=expected("priority")),
            Column("rank", t_("rank"), formula=rank, number_format=WHOLE_FORMAT, width=8, expected=expected("rank")),
            Column("in_swot", t_("in_swot"), formula=in_swot, number_format=FLAG_FORMAT, width=10, expected=expected("in_swot")),
            Column("number", t_("helper_number"), formula=number, number_format=WHOLE_FORMAT, hidden=True),
            Column("key", t_("helper_key"), formula=key, number_format=WHOLE_FORMAT, hidden=True),
            Column("marked_in", t_("helper_marked_in"), formula=marked_in, number_format=WHOLE_FORMAT, hidden=True),
            Column("free", t_("helper_free"), formula=free, number_format=WHOLE_FORMAT, hidden=True),
            Column("selected", t_("helper_selected"), formula=selected, number_format=WHOLE_FORMAT, hidden=True),
            Column("position", t_("helper_position"), formula=position, number_format=WHOLE_FORMAT, hidden=True),
        ),
    )

    def effective(refs: Refs) -> str:
        value = refs.cell(top_n_name)
        return f"=IF(AND(ISNUMBER({value}),{value}>={TOP_N_MIN},{value}<={TOP_N_MAX}),INT({value}),{DEFAULT_TOP_N})"

    fields = Fields((
        Field(f"/{form_section}/top_n", title(f"/{form_section}/top_n"), INTEGER, minimum=TOP_N_MIN, maximum=TOP_N_MAX,
              name=top_n_name, default=DEFAULT_TOP_N),
        Computed(f"{form_section}_top_n_effective", t_("top_n_effective"), effective, WHOLE_FORMAT,
                 expected=lambda v: v.result.scoring[form_section].top_n),
        Computed(f"{form_section}_marked_in", t_("marked_in"), lambda refs: f'=SUM({refs.column(table, "marked_in")})', WHOLE_FORMAT),
    ))
    return Sheet(
        key=f"ws{form.worksheet}", worksheet=form.worksheet, label_width=8,
        intro=(t_(f"ws{form.worksheet}_intro"), t_("scoring_intro_2", high=PRIORITY_HIGH_FROM, medium=PRIORITY_MEDIUM_FROM)),
        blocks=(fields, items),
    )


# --- worksheet 21 -----------------------------------------------------------------------------


def sheet_swot() -> Sheet:
    quadrants = (("strengths", "strength"), ("weaknesses", "weakness"), ("opportunities", "opportunity"), ("threats", "threat"))

    def entry(form_section: str, place: int):
        table = TABLE_OF_FORM[form_section]

        def formula(refs: Refs) -> str:
            found = f'MATCH({place},{refs.column(table, "position")},0)'
            return f'=IFERROR(INDEX({refs.column(table, "code")},{found})&" – "&INDEX({refs.column(table, "text")},{found}),"")'
        return formula

    def expected(form_section: str, place: int):
        def value(verification):
            entries = getattr(verification.result.swot, form_section)
            return f"{entries[place - 1].code} – {entries[place - 1].text}" if place <= len(entries) else None
        return value

    grid = Grid(
        corner=t_("swot_place"),
        columns=tuple(GridColumn(form_section, content_label(21, "quadrants", quadrant), 44) for form_section, quadrant in quadrants),
        rows=tuple(
            GridRow({"nl": str(place), "en": str(place)}, tuple(
                Computed(f"swot_{form_section}_{place}", content_label(21, "quadrants", quadrant), entry(form_section, place),
                         expected=expected(form_section, place))
                for form_section, quadrant in quadrants))
            for place in range(1, SWOT_MAX_ITEMS + 1)
        ),
    )
    return Sheet(key="ws21", worksheet=21, intro=(t_("ws21_intro"),), label_width=8, blocks=(grid,))


# --- worksheet 22 -----------------------------------------------------------------------------


def external_codes(parameters: Mapping[str, int]) -> list[str]:
    return [f"K{number}" for number in range(1, parameters["opportunity_codes"] + 1)] + [
        f"B{number}" for number in range(1, parameters["threat_codes"] + 1)]


def sheet_confrontation(parameters: Mapping[str, int]) -> Sheet:
    codes = external_codes(parameters)
    first, last = f"scores/{codes[0]}", f"scores/{codes[-1]}"
    opportunities_last = f"scores/K{parameters['opportunity_codes']}"
    threats_first = "scores/B1"

    def in_swot(code: str):
        table = TABLE_OF_FORM["opportunities" if code.startswith("K") else "threats"]

        def formula(refs: Refs) -> str:
            return f'=IF(COUNTIFS({refs.column(table, "code")},"{code}",{refs.column(table, "position")},"<={SWOT_MAX_ITEMS}")>0,1,0)'
        return formula

    def column_total(code: str):
        def formula(refs: Refs) -> str:
            return f'=SUM({refs.column("Confrontation", f"scores/{code}")})'
        return formula

    score_columns = tuple(
        Column(f"scores/{code}", {"nl": code, "en": code}, INTEGER, minimum=0, maximum=CELL_MAX, width=6, help=t_("help_cell"),
               above={"in_swot": in_swot(code), "total": column_total(code)})
        for code in codes
    )

    def row_total(refs: Refs) -> str:
        return blank_if(f'{refs.here("internal")}=""', f'SUM({refs.span("Confrontation", first, last)})')

    def item_total(refs: Refs) -> str:
        internal = refs.here("internal")
        return blank_if(f'{internal}=""', f'SUMIF({refs.column("Confrontation", "internal")},{internal},{refs.column("Confrontation", "row_total")})')

    def scorer_key(refs: Refs) -> str:
        scorer = refs.here("scorer")
        return blank_if(f'{refs.here("internal")}=""', f'IF({scorer}="","—",{scorer})')

    def internal_in_swot(refs: Refs) -> str:
        internal = refs.here("internal")
        terms = [f'COUNTIFS({refs.column(TABLE_OF_FORM[section], "code")},{internal},{refs.column(TABLE_OF_FORM[section], "position")},'
                 f'"<={SWOT_MAX_ITEMS}")' for section in ("strengths", "weaknesses")]
        return blank_if(f'{internal}=""', f'IF({"+".join(terms)}>0,1,0)')

    def expected_item_total(verification, index: int):
        code = (item(verification, ("confrontation", "rows"), index).get("internal") or "").strip()
        return dict(verification.result.confrontation.row_totals).get(code)

    table = Table(
        name="Confrontation", pointer="/confrontation/rows", rows=ROWS["confrontation"], max_rows=MAX_ROWS["confrontation"], spare_rows=6,
        item_label=t_("item_row"),
        above_rows=(AboveRow("in_swot", t_("above_in_swot"), FLAG_FORMAT), AboveRow("total", t_("above_column_total"), WHOLE_FORMAT)),
        above_label_column="internal",
        columns=(
            Column("scorer", title("/confrontation/rows/0/scorer"), width=20),
            Column("internal", title("/confrontation/rows/0/internal"), CODE, width=10),
            *score_columns,
            Column("row_total", t_("row_total"), formula=row_total, number_format=WHOLE_FORMAT, width=9),
            Column("item_total", t_("item_total"), formula=item_total, number_format=WHOLE_FORMAT, width=11, expected=expected_item_total),
            Column("internal_in_swot", t_("above_in_swot"), formula=internal_in_swot, number_format=FLAG_FORMAT, width=9),
            Column("scorer_key", t_("helper_scorer"), formula=scorer_key, hidden=True),
        ),
    )

    def scorers(refs: Refs) -> str:
        keys = refs.column("Confrontation", "scorer_key")
        return f'=SUMPRODUCT(({keys}<>"")/(COUNTIF({keys},{keys})+({keys}="")))'

    def threshold(refs: Refs) -> str:
        count = refs.cell("confrontation_scorers")
        return f'=IF({count}=0,"",{CELL_MAX}*{count})'

    internal_range_name = ("Confrontation", "internal")
    quadrant_parts = {
        "attack": ("S", first, opportunities_last), "defend": ("S", threats_first, last),
        "reinforce": ("Z", first, opportunities_last), "withdraw": ("Z", threats_first, last),
    }

    def quadrant_total(quadrant: str):
        letter, start, end = quadrant_parts[quadrant]

        def formula(refs: Refs) -> str:
            internal = refs.column(*internal_range_name)
            return f'=SUMPRODUCT((LEFT({internal},1)="{letter}")*{block(refs, "Confrontation", start, end)})'
        return formula

    def quadrant_expected(quadrant: str):
        return lambda v: dict(v.result.confrontation.quadrant_totals)[quadrant]

    quadrant_labels = {entry["id"]: {"nl": entry["nl"], "en": entry["en"]} for entry in load_content(22)["lists"]["quadrants"]}
    summary = Fields((
        Computed("confrontation_scorers", t_("scorers"), scorers, WHOLE_FORMAT, expected=lambda v: len(v.result.confrontation.scorers)),
        Computed("confrontation_threshold", t_("hot_threshold", maximum=CELL_MAX), threshold, WHOLE_FORMAT,
                 expected=lambda v: v.result.confrontation.hot_threshold),
        *(Computed(f"quadrant_{quadrant}", quadrant_labels[quadrant], quadrant_total(quadrant), WHOLE_FORMAT,
                   expected=quadrant_expected(quadrant)) for quadrant in QUADRANTS),
        Computed("confrontation_total", t_("matrix_total"), lambda refs: f'=SUM({refs.column("Confrontation", "row_total")})', WHOLE_FORMAT,
                 expected=lambda v: v.result.confrontation.total),
    ))
    return Sheet(key="ws22", worksheet=22, intro=(t_("ws22_intro"), t_("ws22_intro_2", maximum=CELL_MAX)), label_width=20,
                 blocks=(table, Heading(t_("heading_quadrants")), summary))


# --- worksheet 23 -----------------------------------------------------------------------------


def cell_score(refs: Refs, cell: str, codes: list[str]) -> str:
    """Return the matrix total (all scorers) of a source cell typed as S2×K1, S2xK1 or S2*K1; 0 when it is empty or odd.

    NOTE: a cell listed twice for one HAP counts twice here but once in kamgen's computation.
    """
    cleaned = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(UPPER({cell}),"×","|"),"X","|"),"*","|")," ","")'
    internal = f'LEFT({cleaned},FIND("|",{cleaned})-1)'
    external = f'MID({cleaned},FIND("|",{cleaned})+1,9)'
    headers = "{" + ",".join(f'"{code}"' for code in codes) + "}"
    scores = block(refs, "Confrontation", f"scores/{codes[0]}", f"scores/{codes[-1]}")
    return f'IFERROR(SUMPRODUCT(({refs.column("Confrontation", "internal")}={internal})*({headers}={external})*{scores}),0)'


def sheet_focus_points(parameters: Mapping[str, int]) -> Sheet:
    columns_count = parameters["source_cell_columns"]
    codes = external_codes(parameters)
    base = "/focus_points/0"

    def raw_score(refs: Refs) -> str:
        terms = [cell_score(refs, refs.here(f"source_cells/{position}"), codes) for position in range(columns_count)]
        return f'=IF({refs.here("code")}="",-1,{"+".join(terms)})'

    def score(refs: Refs) -> str:
        return blank_if(f'{refs.here("score_key")}<0', refs.here("score_key"))

    def number(refs: Refs) -> str:
        return "=" + code_number(refs.here("code"), 3)

    def rank(refs: Refs) -> str:
        keys, numbers = refs.column("FocusPoints", "score_key"), refs.column("FocusPoints", "number")
        value = refs.here("score_key")
        return blank_if(f"{value}<0", f'COUNTIF({keys},">"&{value})+COUNTIFS({keys},{value},{numbers},"<"&{refs.here("number")})+1')

    def point(attribute: str):
        def expected(verification, index: int):
            code = (item(verification, ("focus_points",), index).get("code") or "").strip()
            for result in verification.result.focus_points.focus_points:
                if result.code == code:
                    return getattr(result, attribute)
            return None
        return expected

    table = Table(
        name="FocusPoints", pointer="/focus_points", rows=ROWS["focus_points"], max_rows=MAX_ROWS["focus_points"], spare_rows=2,
        item_label=t_("item_focus_point"), compact_lists=True,
        columns=(
            Column("code", title(f"{base}/code"), CODE, width=8, defaults=lambda position: f"HAP{position + 1}"),
            Column("wording", title(f"{base}/wording"), width=60),
            *(Column(f"source_cells/{position}", t_("source_cell", number=position + 1), CODE, width=10, help=t_("help_source_cell"))
              for position in range(columns_count)),
            Column("owner", title(f"{base}/owner"), width=20),
            Column("relevant_customer", title(f"{base}/relevant_customer"), BOOLEAN, width=12),
            Column("relevant_us", title(f"{base}/relevant_us"), BOOLEAN, width=12),
            Column("score", t_("score"), formula=score, number_format=WHOLE_FORMAT, width=9, expected=point("score")),
            Column("rank", t_("rank"), formula=rank, number_format=WHOLE_FORMAT, width=8, expected=point("rank")),
            Column("score_key", t_("helper_key"), formula=raw_score, number_format=WHOLE_FORMAT, hidden=True),
            Column("number", t_("helper_number"), formula=number, number_format=WHOLE_FORMAT, hidden=True),
        ),
    )
    return Sheet(key="ws23", worksheet=23, intro=(t_("ws23_intro"), t_("ws23_intro_2")), label_width=8, blocks=(table,))


# --- worksheet 24 -----------------------------------------------------------------------------


def name_route(table: str, key: str, position: int, value_type: str, minimum: int | None, maximum: int | None):
    """Return the route of slot ``position``: ``key/<name>`` of the person in that row of ``table``."""

    def route(context: RouteContext) -> Route | None:
        rows = context.rows(table)
        row = rows[position] if position < len(rows) else None
        name = row.get("name") if isinstance(row, dict) else None
        if not isinstance(name, str) or not name.strip():
            return None
        return Route(f"{key}/{name.strip()}", value_type, minimum, maximum)

    return route


def slot_name(table: str, column: str, position: int):
    def formula(refs: Refs) -> str:
        cell = refs.at(table, column, position)
        return f'=IF({cell}="",{refs.text(t_("slot_unused_label", number=position + 1))},{cell})'
    return formula


def sheet_brainwriting(parameters: Mapping[str, int]) -> Sheet:
    slots = parameters["participant_slots"]
    base = "/brainwriting"
    participants = Table(
        name="Participants", pointer=f"{base}/participants", rows=slots, max_rows=slots, spare_rows=0, item_label=t_("item_participant"),
        columns=(Column("name", title(f"{base}/participants/0/name"), width=24),),
    )
    sessions = Table(
        name="Sessions", pointer=f"{base}/sessions", rows=ROWS["sessions"], max_rows=MAX_ROWS["sessions"], spare_rows=2,
        item_label=t_("item_session"),
        columns=(
            Column("focus_point", title(f"{base}/sessions/0/focus_point"), CODE, width=8),
            Column("date", title(f"{base}/sessions/0/date"), DATE, width=13),
            Column("sheet", title(f"{base}/sessions/0/sheet"), INTEGER, minimum=1, maximum=99, width=10),
        ),
    )
    vote_slots = tuple(
        Column(f"vote_{position + 1}", t_("vote_slot", number=position + 1), INTEGER, minimum=1, maximum=10, width=11,
               route=name_route("Participants", "votes", position, INTEGER, 1, 10), help=t_("help_vote"),
               above={"voter": slot_name("Participants", "name", position)}, unused_message="account_workbook.slot_unused_participant")
        for position in range(slots)
    )

    def points(refs: Refs) -> str:
        votes = refs.span("Ideas", "vote_1", f"vote_{slots}")
        voters = refs.above("Ideas", "voter", "vote_1", f"vote_{slots}")
        own = f'SUMPRODUCT(({voters}={refs.here("participant")})*({refs.here("participant")}<>"")*{votes})'
        return blank_if(f'OR({refs.here("focus_point")}="",{refs.here("text")}="")', f"SUM({votes})-{own}")

    def rank(refs: Refs) -> str:
        focus, value = refs.here("focus_point"), refs.here("points")
        better = f'COUNTIFS({refs.column("Ideas", "focus_point")},{focus},{refs.column("Ideas", "points")},">"&{value})'
        if refs.position == 0:
            earlier = "0"
        else:
            earlier = (f'COUNTIFS({refs.upto("Ideas", "focus_point", refs.position - 1)},{focus},'
                       f'{refs.upto("Ideas", "points", refs.position - 1)},{value})')
        return blank_if(f'{value}=""', f"{better}+{earlier}+1")

    def shortlisted(refs: Refs) -> str:
        place, value = refs.here("rank"), refs.here("points")
        return blank_if(f'{place}=""', f'IF(AND({place}<={refs.cell("shortlist_size_effective")},{value}>={SHORTLIST_MIN_POINTS}),1,0)')

    def idea_value(attribute: str):
        def expected(verification, index: int):
            for group in verification.result.brainwriting.focus_points:
                for idea in group.ideas:
                    if idea.index == index:
                        value = getattr(idea, attribute)
                        return int(value) if isinstance(value, bool) else value
            return None
        return expected

    ideas = Table(
        name="Ideas", pointer=f"{base}/ideas", rows=ROWS["ideas"], max_rows=MAX_ROWS["ideas"], spare_rows=10, item_label=t_("item_idea"),
        above_rows=(AboveRow("voter", t_("above_voter")),), above_label_column="text",
        columns=(
            Column("focus_point", title(f"{base}/ideas/0/focus_point"), CODE, width=8),
            Column("code", title(f"{base}/ideas/0/code"), CODE, width=8),
            Column("round", title(f"{base}/ideas/0/round"), INTEGER, minimum=1, maximum=20, width=8),
            Column("participant", title(f"{base}/ideas/0/participant"), width=18),
            Column("text", title(f"{base}/ideas/0/text"), width=50),
            *vote_slots,
            Column("points", t_("points"), formula=points, number_format=WHOLE_FORMAT, width=9, expected=idea_value("points")),
            Column("rank", t_("rank_in_hap"), formula=rank, number_format=WHOLE_FORMAT, width=9, expected=idea_value("rank")),
            Column("shortlisted", t_("shortlisted"), formula=shortlisted, number_format=FLAG_FORMAT, width=11,
                   expected=idea_value("shortlisted")),
        ),
    )

    def size(refs: Refs) -> str:
        value = refs.cell("brainwriting_shortlist_size")
        return f"=IF(AND(ISNUMBER({value}),{value}>=1),INT({value}),{DEFAULT_SHORTLIST_SIZE})"

    fields = Fields((
        Field(f"{base}/shortlist_size", title(f"{base}/shortlist_size"), INTEGER, minimum=1, maximum=10, default=DEFAULT_SHORTLIST_SIZE),
        Computed("shortlist_size_effective", t_("shortlist_size_effective"), size, WHOLE_FORMAT,
                 expected=lambda v: v.result.brainwriting.shortlist_size),
    ))
    return Sheet(
        key="ws24", worksheet=24, intro=(t_("ws24_intro"), t_("ws24_intro_2")), label_width=10,
        blocks=(fields, Heading(t_("heading_participants")), participants, Heading(t_("heading_sessions")), sessions,
                Heading(t_("heading_ideas")), ideas),
    )


# --- worksheet 25 -----------------------------------------------------------------------------


def sheet_angles() -> Sheet:
    base = "/angles"
    custom = Table(
        name="CustomAngles", pointer=f"{base}/custom_angles", rows=len(CUSTOM_ANGLES), max_rows=len(CUSTOM_ANGLES), spare_rows=0,
        item_label=t_("item_angle"),
        columns=(
            Column("id", title(f"{base}/custom_angles/0/id"), CHOICE, choices="custom_angle", width=22,
                   defaults=lambda position: t_("custom_angle", number=position + 1)),
            Column("name", title(f"{base}/custom_angles/0/name"), width=40),
        ),
    )
    ideas = Table(
        name="AngleIdeas", pointer=f"{base}/ideas", rows=ROWS["angle_ideas"], max_rows=MAX_ROWS["angle_ideas"], spare_rows=5,
        item_label=t_("item_idea"),
        columns=(
            Column("focus_point", title(f"{base}/ideas/0/focus_point"), CODE, width=8),
            Column("angle", title(f"{base}/ideas/0/angle"), CHOICE, choices="angle", width=34),
            Column("text", title(f"{base}/ideas/0/text"), width=60),
            Column("code", title(f"{base}/ideas/0/code"), CODE, width=8),
            Column("shortlist", title(f"{base}/ideas/0/shortlist"), BOOLEAN, width=13),
        ),
    )

    def shortlisted(refs: Refs) -> str:
        return "=" + count_choice(refs, refs.column("AngleIdeas", "shortlist"), YES_NO, True)

    counts = Fields((
        Computed("angle_ideas", t_("angle_ideas"), lambda refs: f'=COUNTIF({refs.column("AngleIdeas", "text")},"?*")', WHOLE_FORMAT,
                 expected=lambda v: len(v.result.angles.ideas)),
        Computed("angle_shortlisted", t_("angle_shortlisted"), shortlisted, WHOLE_FORMAT,
                 expected=lambda v: sum(1 for idea in v.result.angles.ideas if idea.shortlisted)),
    ))
    return Sheet(key="ws25", worksheet=25, intro=(t_("ws25_intro"),), label_width=10,
                 blocks=(Heading(t_("heading_custom_angles")), custom, Heading(t_("heading_angle_ideas")), ideas, counts))


# --- worksheet 26 -----------------------------------------------------------------------------


def id_route(table: str, key: str, position: int, value_type: str, minimum: int | None, maximum: int | None):
    """Return the route of slot ``position``: ``key/<id>`` of the row at that position of ``table``."""

    def route(context: RouteContext) -> Route | None:
        rows = context.rows(table)
        row = rows[position] if position < len(rows) else None
        identifier = row.get("id") if isinstance(row, dict) else None
        if not isinstance(identifier, str) or not identifier.strip():
            return None
        return Route(f"{key}/{identifier.strip()}", value_type, minimum, maximum)

    return route


def sheet_choice_matrix(parameters: Mapping[str, int]) -> Sheet:
    criterion_slots, knockout_slots = parameters["criterion_slots"], parameters["knockout_slots"]
    base = "/choice_matrix"
    criteria = Table(
        name="Criteria", pointer=f"{base}/criteria", rows=criterion_slots, max_rows=criterion_slots, spare_rows=0,
        item_label=t_("item_criterion"),
        columns=(
            Column("id", title(f"{base}/criteria/0/id"), CHOICE, choices="criterion", width=34),
            Column("name", title(f"{base}/criteria/0/name"), width=30),
            Column("weight", title(f"{base}/criteria/0/weight"), NUMBER, minimum=0, maximum=WEIGHT_TOTAL, width=10),
        ),
    )
    knockouts = Table(
        name="Knockouts", pointer=f"{base}/knockouts", rows=knockout_slots, max_rows=knockout_slots, spare_rows=0,
        item_label=t_("item_knockout"),
        columns=(
            Column("id", title(f"{base}/knockouts/0/id"), CODE, width=18, help=t_("help_knockout_id")),
            Column("name", title(f"{base}/knockouts/0/name"), width=60),
        ),
    )
    # Suggestions, not defaults: a row kept at its default would not count, and its score columns would then be rejected.
    suggested_criteria = tuple(
        Note({language: t_("suggested_criterion", name=entry[language], weight=entry["weight"])[language] for language in ("nl", "en")})
        for entry in load_content(26)["lists"]["criteria"])
    suggested_knockouts = tuple(
        Note({language: t_("suggested_knockout", identifier=entry["id"], name=entry[language])[language] for language in ("nl", "en")})
        for entry in load_content(26)["lists"]["knockouts"])

    def criterion_name(position: int):
        def formula(refs: Refs) -> str:
            name, identifier = refs.at("Criteria", "name", position), refs.at("Criteria", "id", position)
            return (f'=IF({name}<>"",{name},IF({identifier}<>"",{identifier},'
                    f'{refs.text(t_("slot_unused_label", number=position + 1))}))')
        return formula

    def criterion_weight(position: int):
        def formula(refs: Refs) -> str:
            return f'=N({refs.at("Criteria", "weight", position)})'
        return formula

    def knockout_name(position: int):
        def formula(refs: Refs) -> str:
            name = refs.at("Knockouts", "name", position)
            return f'=IF({name}="",{refs.text(t_("slot_unused_label", number=position + 1))},{name})'
        return formula

    score_slots = tuple(
        Column(f"score_{position + 1}", t_("score_slot", number=position + 1), INTEGER, minimum=1, maximum=5, width=12,
               route=id_route("Criteria", "scores", position, INTEGER, 1, 5), help=t_("help_option_score"),
               above={"criterion": criterion_name(position), "weight": criterion_weight(position)},
               unused_message="account_workbook.slot_unused_criterion")
        for position in range(criterion_slots)
    )
    knockout_columns = tuple(
        Column(f"knockout_{position + 1}", t_("knockout_slot", number=position + 1), BOOLEAN, width=12,
               route=id_route("Knockouts", "knockouts", position, BOOLEAN, None, None), help=t_("help_knockout"),
               above={"criterion": knockout_name(position)}, unused_message="account_workbook.slot_unused_knockout")
        for position in range(knockout_slots)
    )
    last_score, last_knockout = f"score_{criterion_slots}", f"knockout_{knockout_slots}"

    def total(refs: Refs) -> str:
        scores = refs.span("Options", "score_1", last_score)
        weights = refs.above("Options", "weight", "score_1", last_score)
        missing = f'SUMPRODUCT(({weights}>0)*({scores}=""))'
        return blank_if(f'{refs.here("text")}=""', f'IF({missing}>0,"",SUMPRODUCT({weights},{scores})/{WEIGHT_TOTAL})')

    def knocked_out(refs: Refs) -> str:
        answers = refs.span("Options", "knockout_1", last_knockout)
        return blank_if(f'{refs.here("text")}=""', f'IF({count_choice(refs, answers, YES_NO, False)}>0,1,0)')

    def number(refs: Refs) -> str:
        return "=" + code_number(refs.here("code"))

    def key(refs: Refs) -> str:
        value = refs.here("total")
        return (f'=IF(OR({value}="",{refs.here("knocked_out")}=1),-1,ROUND({value}*{TOTAL_KEY},0)*{SCORE_KEY}'
                f'+N({refs.here("score_1")})*{RATING_KEY}+({CODE_KEY}-{refs.here("number")}))')

    def rank(refs: Refs) -> str:
        return blank_if(f'{refs.here("key")}<0', f'COUNTIF({refs.column("Options", "key")},">"&{refs.here("key")})+1')

    def chosen_result(refs: Refs) -> str:
        explicit = is_choice(refs, refs.here("chosen"), YES_NO, True)
        by_rank = f'IF(AND({refs.here("rank")}<>"",{refs.here("rank")}<={refs.cell("choose_top_effective")}),1,0)'
        return blank_if(f'{refs.here("text")}=""', f'IF({refs.cell("options_marked")}>0,IF({explicit},1,0),{by_rank})')

    def option_value(attribute: str):
        def expected(verification, index: int):
            for option in verification.result.choice_matrix.options:
                if option.index == index:
                    value = getattr(option, attribute)
                    return int(value) if isinstance(value, bool) else value
            return None
        return expected

    options = Table(
        name="Options", pointer=f"{base}/options", rows=ROWS["options"], max_rows=MAX_ROWS["options"], spare_rows=5,
        item_label=t_("item_option"),
        above_rows=(AboveRow("criterion", t_("above_criterion")), AboveRow("weight", t_("above_weight"), "0.#")),
        above_label_column="focus_point",
        columns=(
            Column("code", title(f"{base}/options/0/code"), CODE, width=8),
            Column("text", title(f"{base}/options/0/text"), width=44),
            Column("focus_point", title(f"{base}/options/0/focus_point"), CODE, width=10),
            *score_slots,
            *knockout_columns,
            Column("chosen", title(f"{base}/options/0/chosen"), BOOLEAN, width=11),
            Column("remark", title(f"{base}/options/0/remark"), width=30),
            Column("total", t_("weighted_total"), formula=total, number_format=SCORE_FORMAT, width=11, expected=option_value("total")),
            Column("knocked_out", t_("knocked_out"), formula=knocked_out, number_format=FLAG_FORMAT, width=10),
            Column("rank", t_("rank"), formula=rank, number_format=WHOLE_FORMAT, width=8, expected=option_value("rank")),
            Column("chosen_result", t_("becomes_project"), formula=chosen_result, number_format=FLAG_FORMAT, width=11,
                   expected=option_value("chosen")),
            Column("number", t_("helper_number"), formula=number, number_format=WHOLE_FORMAT, hidden=True),
            Column("key", t_("helper_key"), formula=key, number_format=WHOLE_FORMAT, hidden=True),
        ),
    )

    def weights_total(refs: Refs) -> str:
        return f'=SUM({refs.column("Criteria", "weight")})'

    def weights_check(refs: Refs) -> str:
        value = refs.cell("weights_total")
        return f'=IF(ABS({value}-{WEIGHT_TOTAL})<0.0001,{refs.text(t_("weights_ok"))},{refs.text(t_("weights_not_100"))})'

    def choose_top(refs: Refs) -> str:
        value = refs.cell("choice_matrix_choose_top")
        return f"=IF(AND(ISNUMBER({value}),{value}>=1),INT({value}),{DEFAULT_CHOOSE_TOP})"

    fields = Fields((
        Computed("weights_total", t_("weights_total"), weights_total, "0.#", expected=lambda v: v.result.choice_matrix.weight_total),
        Computed("weights_check", t_("weights_check"), weights_check),
        Field(f"{base}/choose_top", title(f"{base}/choose_top"), INTEGER, minimum=1, maximum=10, default=DEFAULT_CHOOSE_TOP),
        Computed("choose_top_effective", t_("choose_top_effective"), choose_top, WHOLE_FORMAT,
                 expected=lambda v: v.result.choice_matrix.choose_top),
        Computed("options_marked", t_("options_marked"),
                 lambda refs: "=" + count_choice(refs, refs.column("Options", "chosen"), YES_NO, True), WHOLE_FORMAT),
    ))
    return Sheet(
        key="ws26", worksheet=26, intro=(t_("ws26_intro"), t_("ws26_intro_2")), label_width=10,
        blocks=(Heading(t_("heading_criteria")), *suggested_criteria, criteria, fields, Heading(t_("heading_knockouts")),
                *suggested_knockouts, knockouts,
                Heading(t_("heading_options")), options),
    )


# --- worksheet 27 -----------------------------------------------------------------------------


def sheet_projects(parameters: Mapping[str, int]) -> Sheet:
    base = "/projects/0"
    focus = tuple(Column(f"focus_points/{position}", t_("project_hap", number=position + 1), CODE, width=8)
                  for position in range(parameters["focus_point_columns"]))
    milestones = tuple(
        column
        for position in range(parameters["milestone_columns"])
        for column in (
            Column(f"milestones/{position}/name", t_("milestone_name", number=position + 1), width=24),
            Column(f"milestones/{position}/date", t_("milestone_date", number=position + 1), DATE, width=13),
        )
    )
    risks = tuple(
        column
        for position in range(parameters["risk_columns"])
        for column in (
            Column(f"risks/{position}/risk", t_("risk_text", number=position + 1), width=30),
            Column(f"risks/{position}/measure", t_("risk_measure", number=position + 1), width=30),
        )
    )

    def smart(refs: Refs) -> str:
        return blank_if(f'{refs.here("code")}=""',
                        f'IF(AND({refs.here("kpi")}<>"",{refs.here("target")}<>"",ISNUMBER({refs.here("end")})),1,0)')

    def smart_expected(verification, index: int):
        code = (item(verification, ("projects",), index).get("code") or "").strip()
        for project in verification.result.projects:
            if project.code == code:
                return int(not project.smart_missing)
        return None

    table = Table(
        name="Projects", pointer="/projects", rows=ROWS["projects"], max_rows=MAX_ROWS["projects"], spare_rows=2,
        item_label=t_("item_project"), compact_lists=True,
        columns=(
            Column("code", title(f"{base}/code"), CODE, width=7, defaults=lambda position: f"P{position + 1}"),
            Column("name", title(f"{base}/name"), width=30),
            Column("option", title(f"{base}/option"), CODE, width=8),
            *focus,
            Column("goal_node", title(f"{base}/goal_node"), CODE, width=10),
            Column("owner", title(f"{base}/owner"), width=18),
            Column("customer_counterpart", title(f"{base}/customer_counterpart"), width=18),
            Column("team", title(f"{base}/team"), width=30),
            Column("reason", title(f"{base}/reason"), width=40),
            Column("goal", title(f"{base}/goal"), width=40),
            Column("kpi", title(f"{base}/kpi"), width=30),
            Column("baseline", title(f"{base}/baseline"), width=14),
            Column("target", title(f"{base}/target"), width=14),
            Column("scope_in", title(f"{base}/scope_in"), width=30),
            Column("scope_out", title(f"{base}/scope_out"), width=30),
            Column("deliverables", title(f"{base}/deliverables"), width=40),
            Column("main_activities", title(f"{base}/main_activities"), width=40),
            *milestones,
            Column("start", title(f"{base}/start"), DATE, width=13),
            Column("end", title(f"{base}/end"), DATE, width=13),
            Column("hours", title(f"{base}/hours"), AMOUNT, minimum=0, width=10),
            Column("budget", title(f"{base}/budget"), AMOUNT, minimum=0, width=12),
            *risks,
            Column("dependencies", title(f"{base}/dependencies"), width=30),
            Column("approval/name", t_("approval_name"), width=18),
            Column("approval/date", t_("approval_date"), DATE, width=13),
            Column("status", title(f"{base}/status"), CHOICE, choices="project_status", width=14),
            Column("smart", t_("smart_check"), formula=smart, number_format=FLAG_FORMAT, width=10, expected=smart_expected),
        ),
    )
    return Sheet(key="ws27", worksheet=27, intro=(t_("ws27_intro"),), label_width=8, blocks=(table,))


# --- worksheet 28 -----------------------------------------------------------------------------


def sheet_planning(parameters: Mapping[str, int]) -> Sheet:
    base = "/planning/activities/0"
    predecessors = tuple(Column(f"predecessors/{position}", t_("predecessor", number=position + 1), CODE, width=9)
                         for position in range(parameters["predecessor_columns"]))

    def milestone(refs: Refs) -> str:
        return is_choice(refs, refs.here("milestone"), YES_NO, True)

    def end(refs: Refs) -> str:
        start, given, weeks = refs.here("start"), refs.here("end"), refs.here("duration_weeks")
        derived = f"IF(AND(ISNUMBER({start}),ISNUMBER({weeks})),{start}+MAX(ROUND({weeks}*{DAYS_PER_WEEK},0)-1,0),\"\")"
        return blank_if(f'{refs.here("code")}=""',
                        f'IF({milestone(refs)},IF(ISNUMBER({start}),{start},""),IF(ISNUMBER({given}),{given},{derived}))')

    def weeks(refs: Refs) -> str:
        start, finish, given = refs.here("start"), refs.here("end_effective"), refs.here("duration_weeks")
        return blank_if(f'{refs.here("code")}=""',
                        f'IF({milestone(refs)},IF(ISNUMBER({start}),0,""),IF(AND(ISNUMBER({start}),ISNUMBER({finish})),'
                        f'({finish}-{start}+1)/{DAYS_PER_WEEK},IF(ISNUMBER({given}),{given},"")))')

    def weeks_expected(verification, index: int):
        code = (item(verification, ("planning", "activities"), index).get("code") or "").strip()
        for activity in verification.result.planning.activities:
            if activity.code == code:
                return activity.duration_weeks
        return None

    table = Table(
        name="Activities", pointer="/planning/activities", rows=ROWS["activities"], max_rows=MAX_ROWS["activities"], spare_rows=10,
        item_label=t_("item_activity"), compact_lists=True,
        columns=(
            Column("code", title(f"{base}/code"), CODE, width=7, defaults=lambda position: f"A{position + 1}"),
            Column("project", title(f"{base}/project"), CODE, width=8),
            Column("name", title(f"{base}/name"), width=40),
            Column("owner", title(f"{base}/owner"), width=18),
            Column("start", title(f"{base}/start"), DATE, width=13),
            Column("end", title(f"{base}/end"), DATE, width=13),
            Column("duration_weeks", title(f"{base}/duration_weeks"), NUMBER, minimum=0, maximum=260, width=10),
            Column("milestone", title(f"{base}/milestone"), BOOLEAN, width=10),
            *predecessors,
            Column("status", title(f"{base}/status"), CHOICE, choices="activity_status", width=14),
            Column("percent_complete", title(f"{base}/percent_complete"), NUMBER, minimum=0, maximum=100, width=10),
            Column("end_effective", t_("end_effective"), formula=end, number_format="DD-MM-YYYY", width=13),
            Column("weeks", t_("weeks"), formula=weeks, number_format="0.0", width=9, expected=weeks_expected),
        ),
    )
    fields = Fields((
        Field("/planning/max_parallel", title("/planning/max_parallel"), INTEGER, minimum=1, maximum=50, default=DEFAULT_MAX_PARALLEL),
    ))
    return Sheet(key="ws28", worksheet=28, intro=(t_("ws28_intro"),), label_width=8, blocks=(fields, table))


# --- worksheet 29 -----------------------------------------------------------------------------


def _valid_line(refs: Refs) -> str:
    year = refs.here("year")
    return f'AND({refs.here("project")}<>"",ISNUMBER({year}),{year}>={BUDGET_YEARS[0]},{year}<={BUDGET_YEARS[-1]})'


def sheet_budget() -> Sheet:
    base = "/budget/lines/0"

    def costs(refs: Refs) -> str:
        here = refs.here
        return (f'=IF({_valid_line(refs)},N({here("investment")})+N({here("internal_hours")})*N({here("hourly_rate")})'
                f'+N({here("external_costs")})+N({here("cost_to_serve")}),"")')

    def benefits(refs: Refs) -> str:
        here = refs.here
        return (f'=IF({_valid_line(refs)},N({here("extra_revenue")})*N({here("margin")})+N({here("cost_savings")})'
                f'+N({here("other_benefits")}),"")')

    def net(refs: Refs) -> str:
        return f'=IF({_valid_line(refs)},{refs.here("benefits")}-{refs.here("costs")},"")'

    amount_columns = tuple(
        Column(key, title(f"{base}/{key}"), AMOUNT, minimum=0, width=13)
        for key in ("investment", "internal_hours", "hourly_rate", "external_costs", "cost_to_serve", "extra_revenue")
    )
    lines = Table(
        name="BudgetLines", pointer="/budget/lines", rows=ROWS["budget_lines"], max_rows=MAX_ROWS["budget_lines"], spare_rows=6,
        item_label=t_("item_budget_line"),
        columns=(
            Column("project", title(f"{base}/project"), CODE, width=8),
            Column("year", title(f"{base}/year"), INTEGER, minimum=BUDGET_YEARS[0], maximum=BUDGET_YEARS[-1], width=7),
            *amount_columns,
            Column("margin", title(f"{base}/margin"), PERCENTAGE, width=10),
            Column("cost_savings", title(f"{base}/cost_savings"), AMOUNT, minimum=0, width=13),
            Column("other_benefits", title(f"{base}/other_benefits"), AMOUNT, minimum=0, width=13),
            Column("other_benefits_note", title(f"{base}/other_benefits_note"), width=30),
            Column("costs", t_("costs"), formula=costs, number_format=AMOUNT_FORMAT, width=13),
            Column("benefits", t_("benefits"), formula=benefits, number_format=AMOUNT_FORMAT, width=13),
            Column("net", t_("net"), formula=net, number_format=AMOUNT_FORMAT, width=13),
        ),
    )

    def per_year(column: str, year: int):
        def formula(refs: Refs) -> str:
            return f'=SUMIF({refs.column("BudgetLines", "year")},{year},{refs.column("BudgetLines", column)})'
        return formula

    def cumulative(year: int):
        def formula(refs: Refs) -> str:
            here = refs.cell(f"budget_net_{year}")
            return f"={here}" if year == 0 else f"={refs.cell(f'budget_cumulative_{year - 1}')}+{here}"
        return formula

    def payback_part(year: int):
        def formula(refs: Refs) -> str:
            now = refs.cell(f"budget_cumulative_{year}")
            if year == 0:
                return f'=IF({now}>=0,0,"")'
            before, net_now = refs.cell(f"budget_cumulative_{year - 1}"), refs.cell(f"budget_net_{year}")
            return f'=IF(AND({now}>=0,{before}<0),{year - 1}+(-{before})/{net_now},"")'
        return formula

    def year_value(attribute: str, year: int):
        def expected(verification):
            if attribute == "cumulative":
                return verification.result.budget.total.cumulative[year]
            return getattr(verification.result.budget.total.years[year], attribute)
        return expected

    year_rows = tuple(
        GridRow({"nl": f"Jaar {year}", "en": f"Year {year}"}, (
            Computed(f"budget_costs_{year}", t_("costs"), per_year("costs", year), AMOUNT_FORMAT, expected=year_value("costs", year)),
            Computed(f"budget_benefits_{year}", t_("benefits"), per_year("benefits", year), AMOUNT_FORMAT, expected=year_value("benefits", year)),
            Computed(f"budget_net_{year}", t_("net"), per_year("net", year), AMOUNT_FORMAT, expected=year_value("net", year)),
            Computed(f"budget_cumulative_{year}", t_("cumulative"), cumulative(year), AMOUNT_FORMAT, expected=year_value("cumulative", year)),
            Computed(f"budget_payback_{year}", t_("payback_in_year"), payback_part(year), "0.00"),
        ))
        for year in BUDGET_YEARS
    )
    years = Grid(
        corner=t_("year"),
        columns=tuple(GridColumn(key, t_(key), 15) for key in ("costs", "benefits", "net", "cumulative", "payback_in_year")),
        rows=year_rows,
    )

    def total(column: str):
        def formula(refs: Refs) -> str:
            return "=" + "+".join(refs.cell(f"budget_{column}_{year}") for year in BUDGET_YEARS)
        return formula

    def roi(refs: Refs) -> str:
        spent, gained = refs.cell("budget_total_costs"), refs.cell("budget_total_benefits")
        return f'=IF({spent}>0,({gained}-{spent})/{spent},"")'

    def payback(refs: Refs) -> str:
        parts = ",".join(refs.cell(f"budget_payback_{year}") for year in BUDGET_YEARS)
        return f'=IF(COUNT({parts})=0,{refs.text(t_("payback_none"))},MIN({parts}))'

    def npv(refs: Refs) -> str:
        rate = refs.cell("budget_discount_rate")
        terms = "+".join(f'{refs.cell(f"budget_net_{year}")}/(1+{rate})^{year}' for year in BUDGET_YEARS)
        return f'=IF(ISNUMBER({rate}),{terms},"")'

    summary = Fields((
        Field("/budget/discount_rate", title("/budget/discount_rate"), PERCENTAGE),
        Computed("budget_total_costs", t_("total_costs"), total("costs"), AMOUNT_FORMAT, expected=lambda v: v.result.budget.total.total_costs),
        Computed("budget_total_benefits", t_("total_benefits"), total("benefits"), AMOUNT_FORMAT,
                 expected=lambda v: v.result.budget.total.total_benefits),
        Computed("budget_total_net", t_("total_net"), total("net"), AMOUNT_FORMAT, expected=lambda v: v.result.budget.total.net),
        Computed("budget_roi", t_("roi"), roi, PERCENT_FORMAT, expected=lambda v: v.result.budget.total.roi),
        Computed("budget_payback", t_("payback"), payback, "0.00", expected=lambda v: v.result.budget.total.payback_years),
        Computed("budget_npv", t_("npv"), npv, AMOUNT_FORMAT, expected=lambda v: v.result.budget.total.npv),
    ))

    def project_code(refs: Refs) -> str:
        cell = refs.at("Projects", "code", refs.position)
        return f'=IF({cell}="","",{cell})'

    def project_sum(column: str):
        def formula(refs: Refs) -> str:
            code = refs.here("code")
            return blank_if(f'{code}=""', f'SUMIF({refs.column("BudgetLines", "project")},{code},{refs.column("BudgetLines", column)})')
        return formula

    def project_roi(refs: Refs) -> str:
        spent, gained = refs.here("costs"), refs.here("benefits")
        return blank_if(f'{refs.here("code")}=""', f'IF({spent}>0,({gained}-{spent})/{spent},"")')

    def project_value(attribute: str):
        def expected(verification, index: int):
            code = (item(verification, ("projects",), index).get("code") or "").strip()
            for summary_row in verification.result.budget.projects:
                if summary_row.project == code:
                    return {"costs": summary_row.total_costs, "benefits": summary_row.total_benefits,
                            "net": summary_row.net, "roi": summary_row.roi}[attribute]
            return None
        return expected

    per_project = Table(
        name="ProjectBudget", pointer="/projects", rows=ROWS["projects"], align="Projects", item_label=t_("item_project"),
        columns=(
            Column("code", title("/projects/0/code"), formula=project_code, width=8),
            Column("costs", t_("costs"), formula=project_sum("costs"), number_format=AMOUNT_FORMAT, width=14, expected=project_value("costs")),
            Column("benefits", t_("benefits"), formula=project_sum("benefits"), number_format=AMOUNT_FORMAT, width=14,
                   expected=project_value("benefits")),
            Column("net", t_("net"), formula=project_sum("net"), number_format=AMOUNT_FORMAT, width=14, expected=project_value("net")),
            Column("roi", t_("roi"), formula=project_roi, number_format=PERCENT_FORMAT, width=10, expected=project_value("roi")),
        ),
    )
    return Sheet(
        key="ws29", worksheet=29, intro=(t_("ws29_intro"), t_("ws29_intro_2")), label_width=26,
        blocks=(lines, Heading(t_("heading_years")), years, summary, Heading(t_("heading_per_project")), per_project),
    )


# --- worksheet 30 -----------------------------------------------------------------------------


def sheet_goal_tree() -> Sheet:
    base = "/goal_tree/nodes/0"

    def level_is(refs: Refs, level: int) -> str:
        value = refs.here("level")
        return f"AND(ISNUMBER({value}),{value}={level})"

    def own_progress(refs: Refs) -> str:
        value = refs.here("progress")
        return f'IF(ISNUMBER({value}),{value},"")'

    def rolled_at(level: int):
        def formula(refs: Refs) -> str:
            if level == 3:
                return f'=IF({level_is(refs, 3)},{own_progress(refs)},"")'
            children = refs.column("GoalNodes", f"rolled_{level + 1}")
            return (f'=IF({level_is(refs, level)},IFERROR(AVERAGEIFS({children},{refs.column("GoalNodes", "parent")},{refs.here("id")}),'
                    f'{own_progress(refs)}),"")')
        return formula

    def rolled(refs: Refs) -> str:
        formula = '""'
        for level in (3, 2, 1, 0):
            formula = f'IF({level_is(refs, level)},{refs.here(f"rolled_{level}")},{formula})'
        return "=" + formula

    def children(refs: Refs) -> str:
        return blank_if(f'{refs.here("id")}=""', f'COUNTIF({refs.column("GoalNodes", "parent")},{refs.here("id")})')

    def node_value(attribute: str):
        def expected(verification, index: int):
            for node in verification.result.goal_tree.nodes:
                if node.index == index:
                    return len(node.children) if attribute == "children" else getattr(node, attribute)
            return None
        return expected

    table = Table(
        name="GoalNodes", pointer="/goal_tree/nodes", rows=ROWS["goal_nodes"], max_rows=MAX_ROWS["goal_nodes"], spare_rows=5,
        item_label=t_("item_node"),
        columns=(
            Column("id", title(f"{base}/id"), CODE, width=9),
            Column("parent", title(f"{base}/parent"), CODE, width=10),
            Column("level", title(f"{base}/level"), INTEGER, minimum=0, maximum=3, width=7, help=t_("help_goal_level")),
            Column("category", title(f"{base}/category"), CHOICE, choices="goal_category", width=18),
            Column("focus_point", title(f"{base}/focus_point"), CODE, width=8),
            Column("text", title(f"{base}/text"), width=50),
            Column("kpi", title(f"{base}/kpi"), width=30),
            Column("baseline", title(f"{base}/baseline"), width=14),
            Column("target", title(f"{base}/target"), width=14),
            Column("deadline", title(f"{base}/deadline"), DATE, width=13),
            Column("owner", title(f"{base}/owner"), width=18),
            Column("project", title(f"{base}/project"), CODE, width=8),
            Column("progress", title(f"{base}/progress"), NUMBER, minimum=0, maximum=100, width=10),
            Column("children", t_("children"), formula=children, number_format=WHOLE_FORMAT, width=9, expected=node_value("children")),
            Column("rolled", t_("rolled_progress"), formula=rolled, number_format="0", width=12, expected=node_value("rolled_progress")),
            *(Column(f"rolled_{level}", t_("helper_rolled", level=level), formula=rolled_at(level), number_format="0", hidden=True)
              for level in (3, 2, 1, 0)),
        ),
    )

    def overall(refs: Refs) -> str:
        return f'=IFERROR(INDEX({refs.column("GoalNodes", "rolled")},MATCH(0,{refs.column("GoalNodes", "level")},0)),"")'

    fields = Fields((Computed("goal_progress", t_("goal_progress"), overall, "0", expected=lambda v: v.result.goal_tree.progress),))
    levels = tuple(Note({language: f"{entry['value']} = {entry[language]}" for language in ("nl", "en")})
                   for entry in load_content(30)["lists"]["levels"])
    return Sheet(key="ws30", worksheet=30, intro=(t_("ws30_intro"),), label_width=9,
                 blocks=(table, fields, Heading(t_("heading_levels")), *levels))

