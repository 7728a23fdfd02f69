"""The account input workbook: worksheets 3 and 11–30, with live formulas.

One sheet per worksheet. The formulas repeat the rules of
:mod:`kamgen.compute.account`, so people see scores, ranks, the SWOT, matrix
totals, weighted totals and the budget while they type. kamgen itself never
reads them but recomputes in Python. Each formula's ``expected`` returns
kamgen's value, so the reader can warn when a saved result differs.

Maps keyed by names in the data become "slot" columns, as on the portfolio's
worksheet 6: slot *k* of the relationship matrix belongs to row *k* of our
people, a vote slot to row *k* of the brainwriting participants, a score slot
of the choice matrix to row *k* of its criteria. Lists inside an item (DMU
roles, source cells, predecessors) get a few numbered columns each; the
parameters widen them when filled data needs more.

The sheets of worksheets 3 and 11–16 are in this module, those of 17–30 in
:mod:`kamgen.workbooks.account_plan`.
"""

from __future__ import annotations

from typing import Any, Mapping

from kamgen.compute.account_analysis import (
    COVERED_FROM,
    DMU_ROLES,
    QUADRANT_THRESHOLD,
    RELATIONSHIP_LEVELS,
    RISK_ATTITUDE_UP_TO,
    RISK_INFLUENCE_FROM,
    RISK_STRENGTH_UP_TO,
    STAGE_DIMENSIONS,
    STATEMENT_APPLIES_FROM,
    STATEMENTS,
)
from kamgen.content import load_content
from kamgen.workbooks.layout import (
    AMOUNT,
    BOOLEAN,
    CHOICE,
    CODE,
    DATE,
    INTEGER,
    YES_NO,
    AboveRow,
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
    Refs,
    Route,
    RouteContext,
    Sheet,
    Static,
    Table,
    WorkbookLayout,
    schema_title,
    texts,
)

KIND = "account"
FORMAT_VERSION = 1

# Columns for lists inside an item and slots for maps keyed by name; parameters_for() widens them for filled data.
DEFAULT_PARAMETERS = {
    "role_columns": 3,  # DMU roles per contact
    "people_slots": 8,  # our people in the relationship matrix
    "opportunity_codes": 8,  # K1 … K8 columns of the confrontation matrix
    "threat_codes": 8,  # B1 … B8
    "source_cell_columns": 4,  # source cells per HAP
    "participant_slots": 8,  # brainwriting voters
    "criterion_slots": 10,  # choice-matrix criteria
    "knockout_slots": 5,
    "focus_point_columns": 3,  # HAPs per project
    "milestone_columns": 3,
    "risk_columns": 3,
    "predecessor_columns": 3,
}
# Pre-formatted rows of a blank workbook (design choices).
ROWS = {
    "developments": 5, "current_contacts": 3, "new_contacts": 4, "contacts": 15, "groups": 8,
    "findings": 15, "scoring": 10, "confrontation": 20, "focus_points": 5, "sessions": 5,
    "ideas": 40, "angle_ideas": 20, "options": 15, "projects": 6,
    "activities": 30, "budget_lines": 24, "goal_nodes": 20,
}
# The largest lists the schema accepts.
MAX_ROWS = {
    "developments": 20, "current_contacts": 20, "new_contacts": 20, "contacts": 100, "groups": 50,
    "findings": 100, "scoring": 99, "confrontation": 200, "focus_points": 20, "sessions": 50,
    "ideas": 500, "angle_ideas": 300, "options": 100,
    "projects": 30, "activities": 500, "budget_lines": 300, "goal_nodes": 200,
}
# Own angles and own criteria get these keys in a workbook, because a drop-down list cannot contain names typed elsewhere.
# NOTE: a YAML plan whose own angles or criteria use other keys is written with those keys as text, which the reader rejects.
CUSTOM_ANGLES = ("custom_1", "custom_2", "custom_3", "custom_4", "custom_5")
CUSTOM_CRITERIA = ("custom_1", "custom_2", "custom_3")

SCORE_FORMAT = "0.00"
WHOLE_FORMAT = "0"
AMOUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
# A flag shows a tick for 1 and a dash for 0.
FLAG_FORMAT = '"✓";;"–"'


# --- texts and lists ---------------------------------------------------------------


def t_(key: str, **params: object) -> dict[str, str]:
    """Return a text of the account workbook catalogue in both languages."""
    return texts(f"account_workbook.{key}", **params)


def title(pointer: str) -> dict[str, str]:
    return schema_title(KIND, pointer)


def content_options(number: int, list_name: str) -> tuple[Option, ...]:
    return tuple(Option(entry["id"], {"nl": entry["nl"], "en": entry["en"]}) for entry in load_content(number)["lists"][list_name])


def content_label(number: int, list_name: str, identifier: str) -> dict[str, str]:
    for entry in load_content(number)["lists"][list_name]:
        if entry["id"] == identifier:
            return {"nl": entry["nl"], "en": entry["en"]}
    raise KeyError(f"worksheet {number} has no {identifier!r} in its list {list_name}")


def choice_lists() -> tuple[ChoiceList, ...]:
    """Return the drop-down lists; labels come from the worksheet content, so forms and workbook agree."""
    angles = content_options(25, "angles") + tuple(
        Option(key, t_("custom_angle", number=position + 1)) for position, key in enumerate(CUSTOM_ANGLES))
    criteria = content_options(26, "criteria") + tuple(
        Option(key, t_("custom_criterion", number=position + 1)) for position, key in enumerate(CUSTOM_CRITERIA))
    return (
        ChoiceList("language", (Option("nl", texts("workbook.language_nl")), Option("en", texts("workbook.language_en")))),
        ChoiceList(YES_NO, (Option(True, texts("workbook.yes"), ("ja", "yes", "waar", "true")),
                            Option(False, texts("workbook.no"), ("nee", "no", "onwaar", "false")))),
        ChoiceList("segment", tuple(Option(segment, texts(f"workbook.segment_{segment}"))
                                    for segment in ("transactional", "development", "large", "strategic"))),
        ChoiceList("plan_type", (Option("key_account", t_("plan_key_account")), Option("development", t_("plan_development")))),
        ChoiceList("relationship_level", content_options(3, "levels")),
        ChoiceList("contact_level", content_options(12, "levels")),
        ChoiceList("dmu_role", content_options(12, "dmu_roles")),
        ChoiceList("competitor_relationship", content_options(12, "competitor_relationship")),
        ChoiceList("purchasing_quadrant", content_options(14, "quadrants")),
        ChoiceList("buyer_behaviour", content_options(14, "buyer_behaviour")),
        ChoiceList("customer_area", content_options(15, "areas")),
        ChoiceList("horizon", content_options(15, "horizons")),
        ChoiceList("customer_qualification", content_options(15, "qualifications")),
        ChoiceList("internal_area", content_options(16, "areas")),
        ChoiceList("internal_qualification", content_options(16, "qualifications")),
        ChoiceList("swot_choice", content_options(17, "swot_choice")),
        ChoiceList("priority", content_options(17, "priorities")),
        ChoiceList("angle", angles),
        ChoiceList("custom_angle", angles[-len(CUSTOM_ANGLES):]),
        ChoiceList("criterion", criteria),
        ChoiceList("project_status", content_options(27, "statuses")),
        ChoiceList("activity_status", content_options(28, "statuses")),
        ChoiceList("goal_category", content_options(30, "categories")),
    )


# --- formula helpers -----------------------------------------------------------------


def is_choice(refs: Refs, cell: str, list_name: str, value: Any) -> str:
    """Return a condition that is true when a cell contains a list option's label or its identifier."""
    label = refs.label(list_name, value)
    if isinstance(value, str) and label.strip('"').casefold() != value.casefold():
        return f'OR({cell}={label},{cell}="{value}")'
    return f"{cell}={label}"


def count_choice(refs: Refs, cell_range: str, list_name: str, value: Any) -> str:
    """Return COUNTIF of a list option's label, plus its identifier when that is spelled differently."""
    label = refs.label(list_name, value)
    terms = [f"COUNTIF({cell_range},{label})"]
    if isinstance(value, str) and label.strip('"').casefold() != value.casefold():
        terms.append(f'COUNTIF({cell_range},"{value}")')
    return "(" + "+".join(terms) + ")"


def block(refs: Refs, table: str, first_key: str, last_key: str) -> str:
    """Return the body of a table over consecutive columns: ``'Sheet'!$C$10:$H$40``."""
    first = refs.column(table, first_key)
    last = refs.column(table, last_key)
    sheet, _, cells = first.rpartition("!")
    return f"{sheet}!{cells.split(':')[0]}:{last.rpartition('!')[2].split(':')[1]}"


def code_number(cell: str, prefix_length: int = 1) -> str:
    """Return the number of a code such as K12 or HAP3; 999 for an empty or odd code, so it sorts last."""
    return f"IFERROR(VALUE(MID({cell},{prefix_length + 1},3)),999)"


def blank_if(condition: str, formula: str) -> str:
    """Return the formula ``=IF(condition,"",formula)``: an empty cell while the row's key cell is empty."""
    return f'=IF({condition},"",{formula})'


# --- verification helpers --------------------------------------------------------------


def verify(data: dict) -> Any:
    """Compute the account result that the workbook's formulas should match."""
    from kamgen.compute.account import compute_account

    return compute_account(data)


def item(verification, pointer_parts: tuple[str, ...], index: int) -> dict:
    """Return item ``index`` of the list at ``pointer_parts`` in the data, or {}."""
    node: Any = verification.data
    for part in pointer_parts:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, list) and index < len(node) and isinstance(node[index], dict):
        return node[index]
    return {}


# --- header ----------------------------------------------------------------------------------


def header_fields() -> tuple[Field, ...]:
    return (
        Field("/customer", title("/customer"), help=t_("help_customer")),
        Field("/account_manager", title("/account_manager")),
        Field("/period/start", title("/period/start"), DATE, help=t_("help_period")),
        Field("/period/end", title("/period/end"), DATE, help=t_("help_period")),
        Field("/segment", title("/segment"), CHOICE, choices="segment"),
        Field("/plan_type", title("/plan_type"), CHOICE, choices="plan_type", help=t_("help_plan_type")),
        Field("/portfolio/file", t_("portfolio_file")),
        Field("/portfolio/organisation", t_("portfolio_organisation")),
        Field("/language", title("/language"), CHOICE, choices="language", default={"nl": "nl", "en": "en"}),
        Field("/currency", title("/currency"), CODE, default="EUR"),
    )


# --- worksheet 3 -----------------------------------------------------------------------------


def sheet_relationship_quality() -> Sheet:
    statements = {entry["id"]: {"nl": entry["nl"], "en": entry["en"]} for entry in load_content(3)["lists"]["statements"]}
    levels = {entry["id"]: {"nl": entry["nl"], "en": entry["en"]} for entry in load_content(3)["lists"]["levels"]}

    rows = tuple(
        GridRow(statements[statement], (
            Static(levels[level]),
            Field(f"/relationship_quality/ratings/{statement}", statements[statement], INTEGER, minimum=1, maximum=5,
                  help=t_("help_agreement")),
            Field(f"/relationship_quality/remarks/{statement}", t_("remark")),
        ))
        for level in RELATIONSHIP_LEVELS for statement in STATEMENTS[level]
    )
    grid = Grid(
        corner=t_("statement"),
        columns=(GridColumn("level", t_("level"), 20), GridColumn("rating", t_("rating"), 10), GridColumn("remark", t_("remark"), 50)),
        rows=rows,
    )

    def cells(refs: Refs, level: str | None) -> str:
        chosen = [statement for name in RELATIONSHIP_LEVELS if level in (None, name) for statement in STATEMENTS[name]]
        return ",".join(refs.cell(f"relationship_quality_ratings_{statement}") for statement in chosen)

    def mean(level: str | None):
        def formula(refs: Refs) -> str:
            return f'=IF(COUNT({cells(refs, level)})=0,"",AVERAGE({cells(refs, level)}))'
        return formula

    def applying(refs: Refs) -> str:
        return "=" + "+".join(
            f'COUNTIF({refs.cell(f"relationship_quality_ratings_{statement}")},">={STATEMENT_APPLIES_FROM}")'
            for level in RELATIONSHIP_LEVELS for statement in STATEMENTS[level])

    def lowest(refs: Refs) -> str:
        means = [refs.cell(f"mean_{level}") for level in RELATIONSHIP_LEVELS]
        smallest = f"MIN({','.join(means)})"
        formula = '""'
        for level, cell in reversed(list(zip(RELATIONSHIP_LEVELS, means))):
            formula = f'IF(AND(ISNUMBER({cell}),{cell}={smallest}),{refs.label("relationship_level", level)},{formula})'
        return f'=IF(COUNT({",".join(means)})=0,"",{formula})'

    def level_mean(level: str):
        def expected(verification):
            for score in verification.result.relationship_quality.levels:
                if score.level == level:
                    return score.mean
            return None
        return expected

    computed = tuple(
        Computed(f"mean_{level}", t_(f"mean_{level}"), mean(level), SCORE_FORMAT, expected=level_mean(level))
        for level in RELATIONSHIP_LEVELS
    ) + (
        Computed("mean_overall", t_("mean_overall"), mean(None), SCORE_FORMAT,
                 expected=lambda v: v.result.relationship_quality.overall_mean),
        Computed("statements_applying", t_("statements_applying", minimum=STATEMENT_APPLIES_FROM), applying, WHOLE_FORMAT,
                 expected=lambda v: v.result.relationship_quality.applying),
        Computed("lowest_level", t_("lowest_level"), lowest, choices="relationship_level",
                 expected=lambda v: v.result.relationship_quality.lowest_level),
    )
    return Sheet(
        key="ws03", worksheet=3, intro=(t_("ws03_intro"),), label_width=70,
        blocks=(grid, Fields(computed), Fields((Field("/relationship_quality/conclusion", title("/relationship_quality/conclusion"), lines=4),))),
    )


# --- worksheet 11 ----------------------------------------------------------------------------


def sheet_development_plan() -> Sheet:
    base = "/development_plan"
    developments = Table(
        name="Developments", pointer=f"{base}/developments", rows=ROWS["developments"], max_rows=MAX_ROWS["developments"], spare_rows=2,
        item_label=t_("item_development"),
        columns=(
            Column("description", title(f"{base}/developments/0/description"), width=70),
            Column("source", title(f"{base}/developments/0/source"), width=30),
            Column("date", title(f"{base}/developments/0/date"), DATE, width=13),
        ),
    )
    current = Table(
        name="CurrentContacts", pointer=f"{base}/current_contacts", rows=ROWS["current_contacts"], max_rows=MAX_ROWS["current_contacts"],
        spare_rows=2, item_label=t_("item_contact"),
        columns=tuple(Column(key, title(f"{base}/current_contacts/0/{key}"), width=width)
                      for key, width in (("name", 24), ("function", 24), ("themes", 40), ("ubr", 40))),
    )
    new = Table(
        name="NewContacts", pointer=f"{base}/new_contacts", rows=ROWS["new_contacts"], max_rows=MAX_ROWS["new_contacts"], spare_rows=2,
        item_label=t_("item_contact"),
        columns=(
            Column("name", title(f"{base}/new_contacts/0/name"), width=24),
            Column("function", title(f"{base}/new_contacts/0/function"), width=24),
            Column("dmu_role", title(f"{base}/new_contacts/0/dmu_role"), CHOICE, choices="dmu_role", width=16),
            Column("themes", title(f"{base}/new_contacts/0/themes"), width=40),
            Column("ubr", title(f"{base}/new_contacts/0/ubr"), width=40),
        ),
    )
    opportunity = f"{base}/business_opportunity"
    fields = Fields((
        Field(f"{opportunity}/description", title(f"{opportunity}/description"), lines=2),
        Field(f"{opportunity}/start", title(f"{opportunity}/start"), DATE),
        Field(f"{opportunity}/end", title(f"{opportunity}/end"), DATE),
        Field(f"{opportunity}/revenue", title(f"{opportunity}/revenue"), AMOUNT, minimum=0),
        Field(f"{opportunity}/indirect_returns", title(f"{opportunity}/indirect_returns"), lines=2),
        Field(f"{opportunity}/investment_hours", title(f"{opportunity}/investment_hours"), AMOUNT, minimum=0),
        Field(f"{opportunity}/investment_amount", title(f"{opportunity}/investment_amount"), AMOUNT, minimum=0),
        Field(f"{opportunity}/investment_means", title(f"{opportunity}/investment_means"), lines=2),
    ))

    def count(table: str, key: str):
        def formula(refs: Refs) -> str:
            return f'=COUNTIF({refs.column(table, key)},"?*")'
        return formula

    counts = Fields((
        Computed("developments_count", t_("count_developments"), count("Developments", "description"), WHOLE_FORMAT,
                 expected=lambda v: len(v.result.development_plan.developments)),
        Computed("current_contacts_count", t_("count_current_contacts"), count("CurrentContacts", "name"), WHOLE_FORMAT,
                 expected=lambda v: len(v.result.development_plan.current_contacts)),
        Computed("new_contacts_count", t_("count_new_contacts"), count("NewContacts", "function"), WHOLE_FORMAT),
    ))
    return Sheet(
        key="ws11", worksheet=11, intro=(t_("ws11_intro"),), label_width=34,
        blocks=(
            Heading(t_("heading_developments")), developments,
            Heading(t_("heading_current_contacts")), current,
            Fields((Field(f"{base}/development_strategy", title(f"{base}/development_strategy"), lines=4),)),
            Heading(t_("heading_new_contacts")), new,
            Fields((Field(f"{base}/contact_strategy", title(f"{base}/contact_strategy"), lines=4),)),
            Heading(t_("heading_opportunity")), fields,
            Heading(t_("heading_checks")), counts,
        ),
    )


# --- worksheet 12 ----------------------------------------------------------------------------


def person_route(position: int):
    """Return the route of strength slot ``position``: the person in that row of our people."""

    # NOTE: a name containing "/" would split the key strengths/<name> in two; such names are not supported.
    def route(context: RouteContext) -> Route | None:
        people = context.rows("OurPeople")
        person = people[position] if position < len(people) else None
        name = person.get("name") if isinstance(person, dict) else None
        if not isinstance(name, str) or not name.strip():
            return None
        return Route(f"strengths/{name.strip()}", INTEGER, 0, 3)

    return route


def sheet_relationship_matrix(parameters: Mapping[str, int]) -> Sheet:
    people_slots, role_columns = parameters["people_slots"], parameters["role_columns"]
    base = "/relationship_matrix"
    people = Table(
        name="OurPeople", pointer=f"{base}/our_people", rows=people_slots, max_rows=people_slots, spare_rows=0,
        item_label=t_("item_person"),
        columns=(Column("name", title(f"{base}/our_people/0/name"), width=24), Column("role", title(f"{base}/our_people/0/role"), width=30)),
    )

    def person_name(position: int):
        def formula(refs: Refs) -> str:
            cell = refs.at("OurPeople", "name", position)
            return f'=IF({cell}="",{refs.text(t_("slot_unused_label", number=position + 1))},{cell})'
        return formula

    slots = tuple(
        Column(f"slot_{position + 1}", t_("strength_slot", number=position + 1), INTEGER, minimum=0, maximum=3, width=12,
               route=person_route(position), help=t_("help_strength"), above={"person": person_name(position)},
               unused_message="account_workbook.slot_unused_person")
        for position in range(people_slots)
    )
    roles = tuple(
        Column(f"dmu_roles/{position}", t_("dmu_role_column", number=position + 1), CHOICE, choices="dmu_role", width=15)
        for position in range(role_columns)
    )

    def strongest(refs: Refs) -> str:
        return blank_if(f'{refs.here("name")}=""', f'MAX(0,{refs.span("Contacts", "slot_1", f"slot_{people_slots}")})')

    def covered(refs: Refs) -> str:
        return blank_if(f'{refs.here("name")}=""', f'IF({refs.here("strongest")}>={COVERED_FROM},1,0)')

    def at_risk(refs: Refs) -> str:
        influence, attitude = refs.here("influence"), refs.here("attitude")
        weak = f'{refs.here("strongest")}<={RISK_STRENGTH_UP_TO}'
        hostile = f'AND(ISNUMBER({attitude}),{attitude}<={RISK_ATTITUDE_UP_TO})'
        return blank_if(f'{refs.here("name")}=""',
                        f'IF(AND(ISNUMBER({influence}),{influence}>={RISK_INFLUENCE_FROM},OR({weak},{hostile})),1,0)')

    def contact_value(attribute: str):
        def expected(verification, index: int):
            contact = item(verification, ("relationship_matrix", "contacts"), index)
            for result in verification.result.relationship_matrix.contacts:
                if result.name == (contact.get("name") or "").strip():
                    value = getattr(result, attribute)
                    return int(value) if isinstance(value, bool) else value
            return None
        return expected

    contacts = Table(
        name="Contacts", pointer=f"{base}/contacts", rows=ROWS["contacts"], max_rows=MAX_ROWS["contacts"], spare_rows=5,
        item_label=t_("item_contact"), compact_lists=True,
        above_rows=(AboveRow("person", t_("above_person")),), above_label_column="ubr",
        columns=(
            Column("name", title(f"{base}/contacts/0/name"), width=22),
            Column("function", title(f"{base}/contacts/0/function"), width=22),
            Column("level", title(f"{base}/contacts/0/level"), CHOICE, choices="contact_level", width=14),
            *roles,
            Column("influence", title(f"{base}/contacts/0/influence"), INTEGER, minimum=1, maximum=5, width=10),
            Column("attitude", title(f"{base}/contacts/0/attitude"), INTEGER, minimum=-2, maximum=2, width=10, help=t_("help_attitude")),
            Column("competitor_relationship", title(f"{base}/contacts/0/competitor_relationship"), CHOICE,
                   choices="competitor_relationship", width=14),
            Column("ubr", title(f"{base}/contacts/0/ubr"), width=30),
            *slots,
            Column("strongest", t_("strongest"), formula=strongest, number_format=WHOLE_FORMAT, width=11, expected=contact_value("strongest")),
            Column("covered", t_("covered", minimum=COVERED_FROM), formula=covered, number_format=FLAG_FORMAT, width=11,
                   expected=contact_value("covered")),
            Column("at_risk", t_("at_risk"), formula=at_risk, number_format=FLAG_FORMAT, width=11, expected=contact_value("at_risk")),
        ),
    )

    def role_count(role: str, covered_only: bool):
        def formula(refs: Refs) -> str:
            terms = []
            for position in range(role_columns):
                column = refs.column("Contacts", f"dmu_roles/{position}")
                label = refs.label("dmu_role", role)
                if covered_only:
                    terms.append(f'COUNTIFS({column},{label},{refs.column("Contacts", "covered")},1)')
                else:
                    terms.append(f"COUNTIF({column},{label})")
            return "=" + "+".join(terms)
        return formula

    def role_expected(role: str, covered_only: bool):
        def expected(verification):
            for coverage in verification.result.relationship_matrix.roles:
                if coverage.role == role:
                    return len(coverage.covered_holders if covered_only else coverage.holders)
            return None
        return expected

    role_grid = Grid(
        corner=t_("dmu_role"),
        columns=(GridColumn("holders", t_("role_holders"), 16), GridColumn("covered", t_("role_covered"), 16)),
        rows=tuple(
            GridRow(content_label(12, "dmu_roles", role), (
                Computed(f"role_{role}_holders", t_("role_holders"), role_count(role, False), WHOLE_FORMAT, expected=role_expected(role, False)),
                Computed(f"role_{role}_covered", t_("role_covered"), role_count(role, True), WHOLE_FORMAT, expected=role_expected(role, True)),
            ))
            for role in DMU_ROLES
        ),
    )

    def contacts_count(refs: Refs) -> str:
        return f'=COUNTIF({refs.column("Contacts", "name")},"?*")'

    def coverage(refs: Refs) -> str:
        count = refs.cell("contacts_count")
        return f'=IF({count}=0,"",SUM({refs.column("Contacts", "covered")})/{count})'

    def breadth(refs: Refs) -> str:
        return "=" + "+".join(
            f'IF(COUNTIF({refs.column("Contacts", f"slot_{position + 1}")},">={COVERED_FROM}")>0,1,0)' for position in range(people_slots))

    summary = Fields((
        Computed("contacts_count", t_("contacts_count"), contacts_count, WHOLE_FORMAT,
                 expected=lambda v: len(v.result.relationship_matrix.contacts)),
        Computed("coverage", t_("coverage", minimum=COVERED_FROM), coverage, PERCENT_FORMAT,
                 expected=lambda v: v.result.relationship_matrix.coverage),
        Computed("breadth", t_("breadth", minimum=COVERED_FROM), breadth, WHOLE_FORMAT, expected=lambda v: v.result.relationship_matrix.breadth),
        Computed("flagged", t_("flagged"), lambda refs: f'=SUM({refs.column("Contacts", "at_risk")})', WHOLE_FORMAT,
                 expected=lambda v: len(v.result.relationship_matrix.flagged)),
    ))
    return Sheet(
        key="ws12", worksheet=12, intro=(t_("ws12_intro"), t_("ws12_intro_2")), label_width=24,
        blocks=(Heading(t_("heading_our_people")), people, Heading(t_("heading_contacts")), contacts,
                Heading(t_("heading_coverage")), summary, role_grid),
    )


# --- worksheet 13 ----------------------------------------------------------------------------


def sheet_development_stage() -> Sheet:
    base = "/development_stage"
    dimensions = {entry["id"]: {"nl": entry["nl"], "en": entry["en"]} for entry in load_content(13)["lists"]["dimensions"]}
    grid = Grid(
        corner=t_("dimension"),
        columns=(GridColumn("stage", t_("stage_placed"), 14), GridColumn("remark", t_("remark"), 60)),
        rows=tuple(
            GridRow(dimensions[dimension], (
                Field(f"{base}/placements/{dimension}", dimensions[dimension], INTEGER, minimum=1, maximum=5, help=t_("help_stage")),
                Field(f"{base}/remarks/{dimension}", t_("remark")),
            ))
            for dimension in STAGE_DIMENSIONS
        ),
    )

    def placements(refs: Refs) -> str:
        return ",".join(refs.cell(f"development_stage_placements_{dimension}") for dimension in STAGE_DIMENSIONS)

    def index(refs: Refs) -> str:
        return f'=IF(COUNT({placements(refs)})=0,"",AVERAGE({placements(refs)}))'

    def current(refs: Refs) -> str:
        value = refs.cell("stage_index")
        # The method rounds half up: INT(2.5 + 0.5) = 3.
        return f'=IF({value}="","",INT({value}+0.5))'

    def gap(refs: Refs) -> str:
        desired, now = refs.cell("development_stage_desired_stage"), refs.cell("stage_current")
        return f'=IF(OR({desired}="",{now}=""),"",{desired}-{now})'

    fields = Fields((
        Field(f"{base}/desired_stage", title(f"{base}/desired_stage"), INTEGER, minimum=1, maximum=5, help=t_("help_stage")),
        Field(f"{base}/uncoupling_risk", title(f"{base}/uncoupling_risk"), BOOLEAN),
        Field(f"{base}/uncoupling_triggers", title(f"{base}/uncoupling_triggers"), lines=3),
        Computed("stage_index", t_("stage_index"), index, SCORE_FORMAT, expected=lambda v: v.result.development_stage.index),
        Computed("stage_current", t_("stage_current"), current, WHOLE_FORMAT, expected=lambda v: v.result.development_stage.current_stage),
        Computed("stage_gap", t_("stage_gap"), gap, WHOLE_FORMAT, expected=lambda v: v.result.development_stage.gap),
    ))
    stages = tuple(Note({language: f"{entry['value']} = {entry[language]}" for language in ("nl", "en")})
                   for entry in load_content(13)["lists"]["stages"])
    return Sheet(key="ws13", worksheet=13, intro=(t_("ws13_intro"),), label_width=44,
                 blocks=(grid, fields, Heading(t_("heading_stages")), *stages))


# --- worksheet 14 ----------------------------------------------------------------------------


def sheet_purchasing_portfolio() -> Sheet:
    base = "/purchasing_portfolio/groups/0"

    def quadrant_number(refs: Refs) -> str:
        impact, risk = refs.here("profit_impact"), refs.here("supply_risk")
        high_impact, high_risk = f"{impact}>={QUADRANT_THRESHOLD}", f"{risk}>={QUADRANT_THRESHOLD}"
        # 1 routine, 2 leverage, 3 bottleneck, 4 strategic: the order of the list.
        return blank_if(f"OR(NOT(ISNUMBER({impact})),NOT(ISNUMBER({risk})))",
                        f"IF(AND({high_impact},{high_risk}),4,IF({high_impact},2,IF({high_risk},3,1)))")

    def quadrant(refs: Refs) -> str:
        number = refs.here("quadrant_number")
        return f'=IF({number}="","",INDEX({refs.labels("purchasing_quadrant")},{number}))'

    def behaviour(refs: Refs) -> str:
        number = refs.here("quadrant_number")
        return f'=IF({number}="","",INDEX({refs.labels("buyer_behaviour")},{number}))'

    def group_value(attribute: str):
        def expected(verification, index: int):
            groups = [group for group in verification.result.purchasing_portfolio.groups]
            name = (item(verification, ("purchasing_portfolio", "groups"), index).get("name") or "").strip()
            for group in groups:
                if group.name == name:
                    return getattr(group, attribute)
            return None
        return expected

    groups = Table(
        name="Groups", pointer="/purchasing_portfolio/groups", rows=ROWS["groups"], max_rows=MAX_ROWS["groups"], spare_rows=3,
        item_label=t_("item_group"),
        columns=(
            Column("name", title(f"{base}/name"), width=32),
            Column("profit_impact", title(f"{base}/profit_impact"), INTEGER, minimum=1, maximum=5, width=12),
            Column("supply_risk", title(f"{base}/supply_risk"), INTEGER, minimum=1, maximum=5, width=14),
            Column("revenue", title(f"{base}/revenue"), AMOUNT, minimum=0, width=14),
            Column("response", title(f"{base}/response"), width=44),
            Column("quadrant", t_("quadrant"), formula=quadrant, width=22, choices="purchasing_quadrant", expected=group_value("quadrant")),
            Column("behaviour", t_("buyer_behaviour"), formula=behaviour, width=30, choices="buyer_behaviour",
                   expected=group_value("buyer_behaviour")),
            Column("quadrant_number", t_("quadrant_number"), formula=quadrant_number, number_format=WHOLE_FORMAT, width=8, hidden=True),
        ),
    )

    def revenue(quadrant_id: str, number: int):
        def formula(refs: Refs) -> str:
            return f'=SUMIF({refs.column("Groups", "quadrant_number")},{number},{refs.column("Groups", "revenue")})'
        return formula

    def revenue_expected(quadrant_id: str):
        return lambda v: dict(v.result.purchasing_portfolio.revenue_by_quadrant)[quadrant_id]

    quadrants = ("routine", "leverage", "bottleneck", "strategic")
    grid = Grid(
        corner=t_("quadrant"),
        columns=(GridColumn("revenue", t_("revenue_in_quadrant"), 18),),
        rows=tuple(
            GridRow(content_label(14, "quadrants", quadrant_id), (
                Computed(f"revenue_{quadrant_id}", content_label(14, "quadrants", quadrant_id), revenue(quadrant_id, number), AMOUNT_FORMAT,
                         expected=revenue_expected(quadrant_id)),))
            for number, quadrant_id in enumerate(quadrants, start=1)
        ),
    )
    return Sheet(key="ws14", worksheet=14, intro=(t_("ws14_intro", threshold=QUADRANT_THRESHOLD),), label_width=32,
                 blocks=(groups, Heading(t_("heading_revenue_by_quadrant")), grid))


# --- worksheets 15 and 16 ----------------------------------------------------------------


def sheet_findings(worksheet: int) -> Sheet:
    key = "customer_findings" if worksheet == 15 else "internal_findings"
    base = f"/{key}/0"
    if worksheet == 15:
        columns = (
            Column("code", title(f"{base}/code"), CODE, width=8, help=t_("help_finding_code_15")),
            Column("area", title(f"{base}/area"), CHOICE, choices="customer_area", width=24),
            Column("description", title(f"{base}/description"), width=50),
            Column("source", title(f"{base}/source"), width=24),
            Column("date", title(f"{base}/date"), DATE, width=13),
            Column("horizon", title(f"{base}/horizon"), CHOICE, choices="horizon", width=20),
            Column("qualification", title(f"{base}/qualification"), CHOICE, choices="customer_qualification", width=16),
            Column("rationale", title(f"{base}/rationale"), width=44),
        )
    else:
        columns = (
            Column("code", title(f"{base}/code"), CODE, width=8, help=t_("help_finding_code_16")),
            Column("area", title(f"{base}/area"), CHOICE, choices="internal_area", width=24),
            Column("description", title(f"{base}/description"), width=50),
            Column("evidence", title(f"{base}/evidence"), width=36),
            Column("competitor", title(f"{base}/competitor"), width=22),
            Column("relevant", title(f"{base}/relevant"), BOOLEAN, width=12),
            Column("qualification", title(f"{base}/qualification"), CHOICE, choices="internal_qualification", width=16),
        )
    table = Table(
        name="CustomerFindings" if worksheet == 15 else "InternalFindings", pointer=f"/{key}", rows=ROWS["findings"],
        max_rows=MAX_ROWS["findings"], spare_rows=5, item_label=t_("item_finding"), columns=columns,
    )
    return Sheet(key=f"ws{worksheet}", worksheet=worksheet, intro=(t_(f"ws{worksheet}_intro"),), label_width=8, blocks=(table,))


# --- the layout ----------------------------------------------------------------------------------


def _longest(data: dict, section: str, key: str) -> int:
    """Return the longest list ``key`` inside the items of ``section`` (a list, or a group's ``key`` list)."""
    items = data.get(section) if isinstance(data, dict) else None
    if isinstance(items, dict):
        items = next((value for value in items.values() if isinstance(value, list)), None)
    if not isinstance(items, list):
        return 0
    return max((len(entry.get(key)) for entry in items if isinstance(entry, dict) and isinstance(entry.get(key), list)), default=0)


def _highest_code(data: dict, letter: str) -> int:
    """Return the highest number of a K or B code anywhere in worksheets 15–22."""
    from kamgen.compute.account_common import rows, section

    numbers = [0]
    codes = [row.get("code") for key in ("opportunities", "threats") for _, row in rows(section(data, key), "items")]
    codes += [row.get("code") for key in ("customer_findings",) for _, row in rows(data, key)]
    for _, row in rows(section(data, "confrontation"), "rows"):
        codes += list(section(row, "scores"))
    for code in codes:
        if isinstance(code, str) and code.startswith(letter) and code[1:].isdigit():
            numbers.append(int(code[1:]))
    return max(numbers)


def parameters_for(data: dict | None) -> dict[str, int]:
    """Return the layout parameters filled data needs: enough columns and slots for its lists and names."""
    from kamgen.compute.account_common import rows, section

    data = data if isinstance(data, dict) else {}
    matrix = section(data, "relationship_matrix")
    choice = section(data, "choice_matrix")
    needed = {
        "role_columns": _longest(matrix, "contacts", "dmu_roles"),
        "people_slots": len(rows(matrix, "our_people")),
        "opportunity_codes": _highest_code(data, "K"),
        "threat_codes": _highest_code(data, "B"),
        "source_cell_columns": _longest(data, "focus_points", "source_cells"),
        "participant_slots": len(rows(section(data, "brainwriting"), "participants")),
        "criterion_slots": len(rows(choice, "criteria")),
        "knockout_slots": len(rows(choice, "knockouts")),
        "focus_point_columns": _longest(data, "projects", "focus_points"),
        "milestone_columns": _longest(data, "projects", "milestones"),
        "risk_columns": _longest(data, "projects", "risks"),
        "predecessor_columns": _longest(section(data, "planning"), "activities", "predecessors"),
    }
    return {name: max(DEFAULT_PARAMETERS[name], needed[name]) for name in DEFAULT_PARAMETERS}


def layout(parameters: Mapping[str, int] | None = None) -> WorkbookLayout:
    """Return the account workbook layout; ``parameters`` (see DEFAULT_PARAMETERS) size the slot and list columns."""
    from kamgen.workbooks import account_plan

    merged = {name: int((parameters or {}).get(name, default)) for name, default in DEFAULT_PARAMETERS.items()}
    return WorkbookLayout(
        kind=KIND,
        format_version=FORMAT_VERSION,
        sheets=(
            sheet_relationship_quality(),
            sheet_development_plan(),
            sheet_relationship_matrix(merged),
            sheet_development_stage(),
            sheet_purchasing_portfolio(),
            sheet_findings(15),
            sheet_findings(16),
            *account_plan.sheets(merged),
        ),
        lists=choice_lists(),
        header=header_fields(),
        instructions=(
            t_("step_header"),
            t_("step_order"),
            texts("workbook.instruction_yellow"),
            texts("workbook.instruction_typing"),
            texts("workbook.instruction_empty_rows"),
            texts("workbook.instruction_more_rows"),
            texts("workbook.instruction_check"),
        ),
        constants={"/kind": KIND, "/format_version": FORMAT_VERSION},
        parameters=merged,
        verify=verify,
    )

