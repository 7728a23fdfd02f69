"""The portfolio input workbook: worksheets 1, 2 and 4–10, with live formulas.

The formulas repeat the rules of :mod:`kamgen.compute.selection` and
:mod:`kamgen.compute.segments` so people see weights, weighted scores and
segments while they type; kamgen itself never reads them but recomputes in
Python, and warns when a result Excel saved differs from its own.

Worksheet 6 has one score column ("slot") per row of the criteria table on
worksheet 4: slot *k* belongs to criteria row *k*. Rows of formulas above the
customers table show which criterion a slot holds and what to type there (a
score 1–5 for an anchors criterion, the indicator value for a banded one);
the reader routes each slot cell to ``scores/<code>`` or ``values/<code>``
the same way.
"""

from __future__ import annotations

from typing import Any, Mapping

from kamgen.compute.portfolio_model import (
    AXES,
    MIDPOINT_THRESHOLD,
    SCORE_TOLERANCE,
    SEGMENTS,
    SERVICE_TEXT_FIELDS,
    STRATEGY_SUB_AREAS,
    URGENCY_HIGH,
    URGENCY_MEDIUM,
)
from kamgen.workbooks.layout import (
    AMOUNT,
    BOOLEAN,
    CHOICE,
    CODE,
    DATE,
    INDICATOR,
    INTEGER,
    NUMBER,
    NUMBER_OR_PERCENT,
    SCORE_WORD,
    TEXT,
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

KIND = "portfolio"
FORMAT_VERSION = 1

# Score columns on worksheet 6, one per criteria row: six per axis, one more
# than the method's recommended maximum of five. parameters_for() raises the
# number when filled data has more criteria.
CRITERION_SLOTS = 12
# Pre-formatted empty rows per table in a blank workbook (design choices).
CUSTOMER_ROWS = 200
DRIVER_ROWS = 12
DRIVER_DEFAULTS = 8
STEP_ROWS = 15
STEP_DEFAULTS = 10
COMPARISON_ROWS = 40
POINT_ROWS = 6
# Upper limits from the schema's maxItems.
DRIVERS_MAX_ITEMS = 20
STEPS_MAX_ITEMS = 40
POINTS_MAX_ITEMS = 20
BAND_COUNT = 4

CRITERIA_GROUPS = (
    ("financial_value", "current_value"),
    ("relational_value", "current_value"),
    ("strategic_contribution", "current_value"),
    ("current_contribution", "current_value"),
    ("growth_within_customer", "future_potential"),
    ("customer_growth", "future_potential"),
    ("relevant_changes", "future_potential"),
    ("possible_contribution", "future_potential"),
)
SERVICE_TYPED_FIELDS = (
    ("visits_per_year", NUMBER, None, 0, 365),
    ("hours_per_visit", NUMBER, None, 0, 100),
    ("serving_model", CHOICE, "serving_model", None, None),
    ("executive_sponsor", BOOLEAN, None, None, None),
    ("account_plan", BOOLEAN, None, None, None),
    ("customer_in_planning", BOOLEAN, None, None, None),
    ("horizon_months", INTEGER, None, 0, 120),
    ("monitoring_frequency", CHOICE, "monitoring_frequency", None, None),
    ("joint_dashboard", BOOLEAN, None, None, None),
)

SCORE_FORMAT = "0.00"
WEIGHT_FORMAT = "0.0"
PERCENT_FORMAT = "0.0%"
AMOUNT_FORMAT = "#,##0"
# A comparison that counts shows a tick, one that does not a dash; the cell holds 1 or 0.
COUNTS_FORMAT = '"✓";;"–"'


def _title(pointer: str) -> dict[str, str]:
    return schema_title(KIND, pointer)


def _options(values: tuple, prefix: str) -> tuple[Option, ...]:
    return tuple(Option(value, texts(f"workbook.{prefix}_{value}")) for value in values)


def choice_lists() -> tuple[ChoiceList, ...]:
    """Return the drop-down lists; the order of options is the number MATCH gives in formulas."""
    return (
        ChoiceList("language", (Option("nl", texts("workbook.language_nl")), Option("en", texts("workbook.language_en")))),
        ChoiceList(YES_NO, (Option(True, texts("workbook.yes"), ("ja", "yes", "waar", "true")),
                            Option(False, texts("workbook.no"), ("nee", "no", "onwaar", "false")))),
        ChoiceList("axis", _options(AXES, "axis")),
        ChoiceList("criteria_group", _options(tuple(group for group, _ in CRITERIA_GROUPS), "group")),
        ChoiceList("scoring", _options(("anchors", "bands"), "scoring")),
        ChoiceList("direction", _options(("higher_is_better", "lower_is_better"), "direction")),
        ChoiceList("weighting_method", _options(("direct", "pairwise"), "weighting")),
        ChoiceList("threshold_method", _options(("midpoint", "median", "value"), "threshold")),
        ChoiceList("preference", _options(("first", "second", "tie"), "preference")),
        ChoiceList("segment", _options(SEGMENTS, "segment")),
        ChoiceList("status", _options(("open", "in_progress", "done"), "status")),
        ChoiceList("serving_model", _options(
            ("no_fixed_contact", "shared_account_manager", "dedicated_account_manager", "account_team"), "serving")),
        ChoiceList("monitoring_frequency", _options(("weekly", "monthly", "quarterly", "half_yearly", "yearly"), "frequency")),
        ChoiceList("urgency", _options(("high", "medium", "low"), "urgency")),
    )


# --- formula helpers --------------------------------------------------------


def match_number(refs: Refs, list_name: str, expression: str) -> str:
    """Return a formula giving the option number (1, 2, …) of a label or identifier, 0 when none matches.

    MATCH ignores case like the reader, but it knows only the workbook's own
    language; a label typed in the other language reads fine yet leaves the
    live formulas without a result for that cell.
    """
    return (
        f"IFERROR(MATCH({expression},{refs.labels(list_name)},0),"
        f"IFERROR(MATCH({expression},{refs.values(list_name)},0),0))"
    )


def count_choice(refs: Refs, cell_range: str, list_name: str, value: str, extra: str = "") -> str:
    """Return COUNTIF(S) of a list option's label, plus its identifier when that is spelled differently."""
    label = refs.label(list_name, value)
    terms = [f"COUNTIFS({extra}{cell_range},{label})" if extra else f"COUNTIF({cell_range},{label})"]
    if label.strip('"').casefold() != value.casefold():
        identifier = f'"{value}"'
        terms.append(f"COUNTIFS({extra}{cell_range},{identifier})" if extra else f"COUNTIF({cell_range},{identifier})")
    return "(" + "+".join(terms) + ")"


def _tolerance() -> str:
    return repr(SCORE_TOLERANCE)


# --- verification helpers: kamgen's own value of a formula cell -------------


def _customer(verification, index: int):
    classification = verification.result.classification if verification.result else None
    if classification is None:
        return None
    for customer in classification.customers:
        if customer.index == index:
            return customer
    return None


def _first_criterion_weight(verification, index: int) -> float | None:
    """Return the weight compute gave criteria row ``index``, None when compute skipped that row."""
    weighting = verification.result.weighting if verification.result else None
    criteria = verification.data.get("criteria") or []
    if weighting is None or index >= len(criteria) or not isinstance(criteria[index], dict):
        return None
    code = criteria[index].get("code")
    earlier = [item.get("code") for item in criteria[:index] if isinstance(item, dict)]
    if code in earlier:
        return None
    for criterion in weighting.criteria:
        if criterion.code == code:
            return criterion.weight
    return None


def _segment_summary(verification, segment: str, attribute: str) -> Any:
    matrix = verification.result.matrix if verification.result else None
    if matrix is None:
        return None
    return getattr(matrix.segments[segment], attribute)


def _service_value(verification, segment: str, attribute: str) -> Any:
    concepts = verification.result.service_concepts if verification.result else None
    if not concepts:
        return None
    return getattr(concepts[segment], attribute)


def verify(data: dict) -> Any:
    """Compute the portfolio result that the workbook's formulas should match."""
    from kamgen.compute.portfolio import compute_portfolio

    return compute_portfolio(data)


# --- the sheets ----------------------------------------------------------------


def header_fields() -> tuple[Field, ...]:
    return (
        Field("/organisation", _title("/organisation")),
        Field("/business_unit", _title("/business_unit")),
        Field("/period/start", _title("/period/start"), DATE),
        Field("/period/end", _title("/period/end"), DATE),
        Field("/language", _title("/language"), CHOICE, choices="language", default={"nl": "nl", "en": "en"}),
        Field("/currency", _title("/currency"), CODE, default="EUR"),
        Field("/prepared_by", _title("/prepared_by")),
    )


def sheet_importance() -> Sheet:
    def statement_default(position: int):
        return texts(f"workbook.pf_driver_{position + 1}") if position < DRIVER_DEFAULTS else None

    def code_default(position: int):
        return f"D{position + 1}" if position < DRIVER_DEFAULTS else None

    drivers = Table(
        name="Drivers", pointer="/importance/drivers", rows=DRIVER_ROWS, max_rows=DRIVERS_MAX_ITEMS, spare_rows=4,
        item_label=texts("workbook.pf_driver_item"), keep_defaults=True,
        columns=(
            Column("code", texts("workbook.pf_driver_code"), CODE, width=8, defaults=code_default),
            Column("statement", texts("workbook.pf_driver_statement"), TEXT, width=70, defaults=statement_default),
            Column("rating", texts("workbook.pf_driver_rating"), INTEGER, minimum=1, maximum=5, width=11),
            Column("remark", texts("workbook.pf_driver_remark"), TEXT, width=40),
        ),
    )

    def mean(refs: Refs) -> str:
        ratings = refs.column("Drivers", "rating")
        return f'=IF(COUNT({ratings})=0,"",AVERAGE({ratings}))'

    def urgency(refs: Refs) -> str:
        value = refs.cell("mean_rating")
        return (
            f'=IF({value}="","",IF({value}>={URGENCY_HIGH},{refs.label("urgency", "high")},'
            f'IF({value}>={URGENCY_MEDIUM},{refs.label("urgency", "medium")},{refs.label("urgency", "low")})))'
        )

    def importance(verification):
        return verification.result.importance if verification.result else None

    return Sheet(
        key="ws01", worksheet=1,
        intro=(texts("workbook.pf_ws01_intro"), texts("workbook.pf_ws01_intro_2")),
        label_width=12,
        blocks=(
            drivers,
            Fields((
                Field("/importance/conclusion", _title("/importance/conclusion"), lines=4),
                Computed("mean_rating", texts("workbook.pf_mean_rating"), mean, "0.00",
                         expected=lambda v: importance(v).mean_rating if importance(v) else None),
                Computed("urgency", texts("workbook.pf_urgency"), urgency, choices="urgency",
                         expected=lambda v: importance(v).urgency if importance(v) else None),
            )),
        ),
    )


def sheet_selection() -> Sheet:
    def group_count(group: str):
        def formula(refs: Refs) -> str:
            return "=" + count_choice(refs, refs.column("Criteria", "group"), "criteria_group", group)
        return formula

    def expected_count(group: str):
        def expected(verification) -> int:
            return sum(1 for item in verification.data.get("criteria") or [] if isinstance(item, dict) and item.get("group") == group)
        return expected

    rows = tuple(
        GridRow(
            texts(f"workbook.group_{group}"),
            (
                Static(texts(f"workbook.axis_{axis}")),
                Static(texts(f"workbook.pf_question_{group}")),
                Computed(f"group_count_{group}", texts(f"workbook.group_{group}"), group_count(group), "0",
                         expected=expected_count(group)),
            ),
        )
        for group, axis in CRITERIA_GROUPS
    )
    grid = Grid(
        corner=texts("workbook.pf_group"),
        columns=(
            GridColumn("axis", texts("workbook.pf_group_axis"), 20),
            GridColumn("question", texts("workbook.pf_group_question"), 80),
            GridColumn("count", texts("workbook.pf_group_count"), 16),
        ),
        rows=rows,
    )
    return Sheet(key="ws02", worksheet=2, intro=(texts("workbook.pf_ws02_intro"),), blocks=(grid,), label_width=38)


def criteria_table(slots: int) -> Table:
    # NOTE: a band typed as "10%" reads as 0.1 even when the unit is %, unlike an indicator value on
    # worksheet 6, which reads as 10 then; the band cells have no access to their row's unit.
    band_columns = tuple(
        Column(f"bands/{number}", texts("workbook.pf_band", number=number + 1), NUMBER_OR_PERCENT, width=10)
        for number in range(BAND_COUNT)
    )
    return Table(
        name="Criteria", pointer="/criteria", rows=slots, max_rows=slots, spare_rows=0,
        item_label=texts("workbook.pf_criterion_item"),
        columns=(
            Column("code", _title("/criteria/0/code"), CODE, width=8, defaults=lambda position: f"C{position + 1}"),
            Column("axis", _title("/criteria/0/axis"), CHOICE, choices="axis", width=18),
            Column("group", _title("/criteria/0/group"), CHOICE, choices="criteria_group", width=30),
            Column("name", _title("/criteria/0/name"), TEXT, width=26),
            Column("indicator", _title("/criteria/0/indicator"), TEXT, width=24),
            Column("unit", _title("/criteria/0/unit"), TEXT, width=9),
            Column("source", _title("/criteria/0/source"), TEXT, width=18),
            Column("scoring", _title("/criteria/0/scoring"), CHOICE, choices="scoring", width=24),
            Column("anchors/score_1", texts("workbook.pf_anchor_1"), TEXT, width=24),
            Column("anchors/score_3", texts("workbook.pf_anchor_3"), TEXT, width=24),
            Column("anchors/score_5", texts("workbook.pf_anchor_5"), TEXT, width=24),
            *band_columns,
            Column("direction", _title("/criteria/0/direction"), CHOICE, choices="direction", width=16),
        ),
    )


def sheet_criteria(slots: int) -> Sheet:
    return Sheet(
        key="ws04", worksheet=4,
        intro=(texts("workbook.pf_ws04_intro"), texts("workbook.pf_ws04_intro_2")),
        blocks=(criteria_table(slots),), label_width=8,
    )


def weights_table() -> Table:
    def code(refs: Refs) -> str:
        cell = refs.at("Criteria", "code", refs.position)
        return f'=IF({cell}="","",{cell})'

    def name(refs: Refs) -> str:
        cell = refs.at("Criteria", "name", refs.position)
        return f'=IF({cell}="","",{cell})'

    def axis_number(refs: Refs) -> str:
        # 0 for a row compute skips: no code, no known axis, or a code used higher up.
        code_cell = refs.at("Criteria", "code", refs.position)
        earlier = refs.upto("Criteria", "code", refs.position)
        axis_cell = refs.at("Criteria", "axis", refs.position)
        return f'=IF(OR({code_cell}="",COUNTIF({earlier},{code_cell})>1),0,{match_number(refs, "axis", axis_cell)})'

    def axis_label(refs: Refs) -> str:
        number = refs.here("axis_number")
        return f'=IF({number}=0,"",INDEX({refs.labels("axis")},{number}))'

    def wins(refs: Refs) -> str:
        code_cell = refs.here("code")
        first, second = refs.column("Comparisons", "first"), refs.column("Comparisons", "second")
        counts, preference = refs.column("Comparisons", "counts"), refs.column("Comparisons", "preference_number")
        return (
            f'=IF({refs.here("axis_number")}=0,"",'
            f"SUMPRODUCT(({first}={code_cell})*({counts}=1)*({preference}=1))"
            f"+SUMPRODUCT(({second}={code_cell})*({counts}=1)*({preference}=2))"
            f"+0.5*SUMPRODUCT((({first}={code_cell})+({second}={code_cell}))*({counts}=1)*({preference}=3)))"
        )

    def effective(refs: Refs) -> str:
        axis = refs.here("axis_number")
        axes, weights, all_wins = refs.column("Weights", "axis_number"), refs.column("Weights", "weight"), refs.column("Weights", "wins")
        count = f"COUNTIF({axes},{axis})"
        weights_given = f'COUNTIFS({axes},{axis},{weights},"<>")'
        total_wins = f"SUMIF({axes},{axis},{all_wins})"
        pairwise = f'{match_number(refs, "weighting_method", refs.cell("weighting_method"))}=2'
        return (
            f'=IF({axis}=0,"",IF({pairwise},'
            f"IF({count}=1,100,IF({total_wins}=0,100/{count},{refs.here('wins')}/{total_wins}*100)),"
            f"IF({weights_given}=0,100/{count},N({refs.here('weight')}))))"
        )

    return Table(
        name="Weights", pointer="/criteria", rows=CRITERION_SLOTS, align="Criteria",
        item_label=texts("workbook.pf_criterion_item"),
        columns=(
            Column("code", _title("/criteria/0/code"), formula=code, width=8),
            Column("name", _title("/criteria/0/name"), formula=name, width=26),
            Column("axis", _title("/criteria/0/axis"), formula=axis_label, width=18),
            Column("weight", _title("/criteria/0/weight"), NUMBER, minimum=0, maximum=100, width=12),
            Column("wins", texts("workbook.pf_weight_wins"), formula=wins, number_format="0.0", width=14),
            Column("effective", texts("workbook.pf_weight_effective"), formula=effective, number_format=WEIGHT_FORMAT, width=14,
                   expected=_first_criterion_weight),
            Column("axis_number", texts("workbook.pf_weight_axis_number"), formula=axis_number, number_format="0", width=10, hidden=True),
        ),
    )


def comparisons_table() -> Table:
    def preference_number(refs: Refs) -> str:
        return "=" + match_number(refs, "preference", refs.here("preferred"))

    def counts(refs: Refs) -> str:
        # Mirrors count_pairwise_wins: known codes on one axis, a valid choice, and the first time this pair appears.
        first, second = refs.here("first"), refs.here("second")
        codes, axes = refs.column("Criteria", "code"), refs.column("Weights", "axis_number")
        axis_first = f"IFERROR(INDEX({axes},MATCH({first},{codes},0)),0)"
        axis_second = f"IFERROR(INDEX({axes},MATCH({second},{codes},0)),0)"
        if refs.position == 0:
            repeated = "0"
        else:
            earlier_first = refs.upto("Comparisons", "first", refs.position - 1)
            earlier_second = refs.upto("Comparisons", "second", refs.position - 1)
            earlier_counts = refs.upto("Comparisons", "counts", refs.position - 1)
            repeated = (
                f"COUNTIFS({earlier_first},{first},{earlier_second},{second},{earlier_counts},1)"
                f"+COUNTIFS({earlier_first},{second},{earlier_second},{first},{earlier_counts},1)"
            )
        return (
            f'=IF(AND({first}<>"",{second}<>"",{first}<>{second},{refs.here("preference_number")}>0,'
            f"{axis_first}>0,{axis_first}={axis_second},{repeated}=0),1,0)"
        )

    code_help = texts("workbook.pf_code_prompt")
    return Table(
        name="Comparisons", pointer="/weighting/comparisons", rows=COMPARISON_ROWS,
        item_label=texts("workbook.pf_comparison_item"),
        columns=(
            Column("first", _title("/weighting/comparisons/0/first"), CODE, width=14, help=code_help),
            Column("second", _title("/weighting/comparisons/0/second"), CODE, width=14, help=code_help),
            Column("preferred", _title("/weighting/comparisons/0/preferred"), CHOICE, choices="preference", width=20),
            Column("counts", texts("workbook.pf_comparison_counts"), formula=counts, width=10,
                   number_format=COUNTS_FORMAT),
            Column("preference_number", texts("workbook.pf_comparison_preference_number"), formula=preference_number,
                   number_format="0", width=10, hidden=True),
        ),
    )


def sheet_weighting() -> Sheet:
    def total(axis_number: int):
        def formula(refs: Refs) -> str:
            return f'=SUMIF({refs.column("Weights", "axis_number")},{axis_number},{refs.column("Weights", "weight")})'
        return formula

    def check(axis_number: int, total_name: str):
        def formula(refs: Refs) -> str:
            axes, weights = refs.column("Weights", "axis_number"), refs.column("Weights", "weight")
            pairwise = f'{match_number(refs, "weighting_method", refs.cell("weighting_method"))}=2'
            weights_given = f'COUNTIFS({axes},{axis_number},{weights},"<>")'
            return (
                f'=IF(COUNTIF({axes},{axis_number})=0,"",IF({pairwise},{refs.text(texts("workbook.pf_weight_pairwise"))},'
                f'IF({weights_given}=0,{refs.text(texts("workbook.pf_weight_equal"))},'
                f'IF(ABS({refs.cell(total_name)}-100)<0.0001,{refs.text(texts("workbook.pf_weight_ok"))},'
                f'{refs.text(texts("workbook.pf_weight_not_100"))}))))'
            )
        return formula

    return Sheet(
        key="ws05", worksheet=5, intro=(texts("workbook.pf_ws05_intro"),), label_width=36,
        blocks=(
            Fields((
                Field("/weighting/method", _title("/weighting/method"), CHOICE, choices="weighting_method", name="weighting_method"),
                Computed("weight_total_current", texts("workbook.pf_weight_total_current"), total(1), WEIGHT_FORMAT),
                Computed("weight_check_current", texts("workbook.pf_weight_check_current"), check(1, "weight_total_current")),
                Computed("weight_total_future", texts("workbook.pf_weight_total_future"), total(2), WEIGHT_FORMAT),
                Computed("weight_check_future", texts("workbook.pf_weight_check_future"), check(2, "weight_total_future")),
            )),
            Heading(texts("workbook.pf_weights_heading")),
            weights_table(),
            Heading(texts("workbook.pf_comparisons_heading")),
            Note(texts("workbook.pf_comparisons_note")),
            comparisons_table(),
        ),
    )


def slot_route(position: int):
    """Return the route of score column ``position``: the criterion in that criteria row decides the key.

    A banded criterion's cell holds its indicator value (``values/<code>``);
    an anchors criterion's cell holds the score (``scores/<code>``). Either
    accepts ``score 4`` for a score typed directly, as compute lets a typed
    score win over the bands.
    """

    def route(context: RouteContext) -> Route | None:
        rows = context.rows("Criteria")
        criterion = rows[position] if position < len(rows) else None
        if not isinstance(criterion, dict):
            return None
        code = criterion.get("code")
        if not isinstance(code, str) or not code.strip() or criterion.get("axis") not in AXES:
            return None
        code = code.strip()
        earlier = [item.get("code") for item in rows[:position] if isinstance(item, dict)]
        if code in earlier:
            return None
        score_key, value_key = f"scores/{code}", f"values/{code}"
        if uses_bands(criterion):
            unit = criterion.get("unit")
            percent_points = isinstance(unit, str) and unit.strip() == "%"
            return Route(value_key, INDICATOR, also=(score_key,), score_key=score_key, percent_points=percent_points)
        return Route(score_key, INDICATOR, minimum=1, maximum=5, also=(value_key,), score_key=score_key)

    return route


def uses_bands(criterion: dict) -> bool:
    """Tell whether compute converts this criterion's indicator values with bands (see compute.selection.read_criteria)."""
    bands = criterion.get("bands")
    complete = isinstance(bands, list) and len(bands) == BAND_COUNT and all(
        isinstance(band, (int, float)) and not isinstance(band, bool) for band in bands)
    scoring = criterion.get("scoring")
    return scoring == "bands" or (scoring not in ("anchors", "bands") and complete)


def slot_above(position: int) -> dict:
    """Return the formulas above score column ``position``: which criterion it holds and how to convert it."""

    def axis_number_here(refs: Refs) -> str:
        return refs.above_here("axis_number")

    def code(refs: Refs) -> str:
        return f'=IF({axis_number_here(refs)}=0,"",{refs.at("Criteria", "code", position)})'

    def name(refs: Refs) -> str:
        cell = refs.at("Criteria", "name", position)
        return f'=IF(OR({axis_number_here(refs)}=0,{cell}=""),"",{cell})'

    def axis(refs: Refs) -> str:
        number = axis_number_here(refs)
        return f'=IF({number}=0,"",INDEX({refs.labels("axis")},{number}))'

    def weight(refs: Refs) -> str:
        return f'=IF({axis_number_here(refs)}=0,"",{refs.above_here("weight_number")})'

    def enter(refs: Refs) -> str:
        mode = refs.above_here("mode")
        return (
            f'=IF({mode}=1,{refs.text(texts("workbook.pf_enter_score"))},'
            f'IF({mode}=2,{refs.text(texts("workbook.pf_enter_value"))},'
            f'IF({mode}=3,{refs.text(texts("workbook.pf_enter_bands_missing"))},"")))'
        )

    def axis_number(refs: Refs) -> str:
        return f"=N({refs.at('Weights', 'axis_number', position)})"

    def weight_number(refs: Refs) -> str:
        return f"=IF({axis_number_here(refs)}=0,0,N({refs.at('Weights', 'effective', position)}))"

    def mode(refs: Refs) -> str:
        # 1: a score 1–5; 2: an indicator value converted with four bands; 3: bands chosen but not all four given.
        scoring = match_number(refs, "scoring", refs.at("Criteria", "scoring", position))
        band_count = f"COUNT({refs.span('Criteria', 'bands/0', f'bands/{BAND_COUNT - 1}', position)})"
        return (
            f"=IF({axis_number_here(refs)}=0,0,IF(OR({scoring}=2,AND({scoring}=0,{band_count}={BAND_COUNT})),"
            f"IF({band_count}={BAND_COUNT},2,3),1))"
        )

    def lower(refs: Refs) -> str:
        return f"=IF({match_number(refs, 'direction', refs.at('Criteria', 'direction', position))}=2,1,0)"

    def percent(refs: Refs) -> str:
        return f'=IF(TRIM({refs.at("Criteria", "unit", position)})="%",1,0)'

    def band(number: int):
        def formula(refs: Refs) -> str:
            return f"=N({refs.at('Criteria', f'bands/{number}', position)})"
        return formula

    formulas = {
        "code": code, "name": name, "axis": axis, "weight": weight, "enter": enter,
        "axis_number": axis_number, "weight_number": weight_number, "mode": mode, "lower": lower, "percent": percent,
    }
    formulas.update({f"band_{number}": band(number) for number in range(BAND_COUNT)})
    return formulas


def customers_table(slots: int) -> Table:
    first_slot, last_slot = "slot_1", f"slot_{slots}"

    def above(refs: Refs, row: str) -> str:
        return refs.above("Customers", row, first_slot, last_slot)

    def weighted(axis_number: int):
        def formula(refs: Refs) -> str:
            # Non-numbers in the second argument of SUMPRODUCT count as 0; a missing score empties the result first.
            scores = refs.span("Customers", "score_1", f"score_{slots}")
            typed = refs.span("Customers", first_slot, last_slot)
            axes, weights = above(refs, "axis_number"), above(refs, "weight_number")
            return (
                f'=IF(AND({refs.here("name")}="",COUNTA({typed})=0),"",'
                f'IF(COUNTIF({axes},{axis_number})=0,"",'
                f'IF(SUMPRODUCT(({axes}={axis_number})*({scores}=""))>0,"",'
                f"SUMPRODUCT(({axes}={axis_number})*{weights},{scores})/100)))"
            )
        return formula

    def slot_score(number: int):
        def formula(refs: Refs) -> str:
            # The score compute uses for this slot: the bands' conversion of an indicator value, a score 1–5
            # of an anchors criterion, or a score typed as "score 4"; "" when there is none.
            key = f"slot_{number}"
            typed = refs.here(key)
            cell = lambda row: refs.above_at("Customers", row, key)  # noqa: E731
            value = f'IF(AND({cell("percent")}=1,LEFT(CELL("format",{typed}),1)="P"),{typed}*100,{typed})'
            bands = [cell(f"band_{band}") for band in range(BAND_COUNT)]
            reached_down = "+".join(f"({value}<={band})" for band in bands)
            reached_up = "+".join(f"({value}>={band})" for band in bands)
            converted = f"1+IF({cell('lower')}=1,{reached_down},{reached_up})"
            whole = f"IF(AND({typed}=INT({typed}),{typed}>=1,{typed}<=5),{typed},\"\")"
            word = f'"{SCORE_WORD}"'
            typed_score = f'IFERROR(VALUE(TRIM(MID(TRIM({typed}),{len(SCORE_WORD) + 1},10))),"")'
            return (
                f'=IF(OR({typed}="",{cell("mode")}=0),"",IF(ISNUMBER({typed}),'
                f'IF({cell("mode")}=2,{converted},IF({cell("mode")}=1,{whole},"")),'
                f'IF(LOWER(LEFT(TRIM({typed}),{len(SCORE_WORD)}))={word},{typed_score},"")))'
            )
        return formula

    def computed_segment(refs: Refs) -> str:
        x, y = refs.here("current_value"), refs.here("future_potential")
        high_x = f"{x}>={refs.cell('threshold_current')}-{_tolerance()}"
        high_y = f"{y}>={refs.cell('threshold_future')}-{_tolerance()}"
        label = lambda segment: refs.label("segment", segment)  # noqa: E731
        return (
            f'=IF(OR({x}="",{y}=""),"",IF({high_x},IF({high_y},{label("strategic")},{label("large")}),'
            f'IF({high_y},{label("development")},{label("transactional")})))'
        )

    def segment(refs: Refs) -> str:
        manual = match_number(refs, "segment", refs.here("classification"))
        return f"=IF({manual}>0,INDEX({refs.labels('segment')},{manual}),{refs.here('computed_segment')})"

    def differs(refs: Refs) -> str:
        manual = match_number(refs, "segment", refs.here("classification"))
        computed = refs.here("computed_segment")
        return (
            f'=IF(AND({manual}>0,{computed}<>""),IF(INDEX({refs.labels("segment")},{manual})<>{computed},'
            f'{refs.text(texts("workbook.pf_differs_mark"))},""),"")'
        )

    def attribute(name: str):
        def expected(verification, index: int) -> Any:
            customer = _customer(verification, index)
            return getattr(customer, name) if customer else None
        return expected

    slot_help = texts("workbook.pf_slot_prompt")
    slot_columns = tuple(
        Column(f"slot_{number}", texts("workbook.pf_slot", number=number), INDICATOR, width=12,
               help=slot_help, route=slot_route(number - 1), above=slot_above(number - 1))
        for number in range(1, slots + 1)
    )
    score_columns = tuple(
        Column(f"score_{number}", texts("workbook.pf_slot_score", number=number), formula=slot_score(number),
               number_format="0", width=10, hidden=True)
        for number in range(1, slots + 1)
    )
    above_rows = (
        AboveRow("code", texts("workbook.pf_above_code")),
        AboveRow("name", texts("workbook.pf_above_name")),
        AboveRow("axis", texts("workbook.pf_above_axis")),
        AboveRow("weight", texts("workbook.pf_above_weight"), WEIGHT_FORMAT),
        AboveRow("enter", texts("workbook.pf_above_enter")),
        AboveRow("axis_number", texts("workbook.pf_above_axis_number"), "0", hidden=True),
        AboveRow("weight_number", texts("workbook.pf_above_weight"), WEIGHT_FORMAT, hidden=True),
        AboveRow("mode", texts("workbook.pf_above_mode"), "0", hidden=True),
        AboveRow("lower", texts("workbook.pf_above_lower"), "0", hidden=True),
        AboveRow("percent", texts("workbook.pf_above_percent"), "0", hidden=True),
        *(AboveRow(f"band_{number}", texts("workbook.pf_band", number=number + 1), "General", hidden=True)
          for number in range(BAND_COUNT)),
    )
    return Table(
        name="Customers", pointer="/customers", rows=CUSTOMER_ROWS, spare_rows=50,
        item_label=texts("workbook.pf_customer_item"),
        above_rows=above_rows, above_label_column="profit_contribution",
        columns=(
            Column("name", _title("/customers/0/name"), TEXT, width=30),
            Column("code", _title("/customers/0/code"), CODE, width=12),
            Column("revenue", _title("/customers/0/revenue"), AMOUNT, minimum=0, width=14, number_format=AMOUNT_FORMAT),
            Column("profit_contribution", _title("/customers/0/profit_contribution"), AMOUNT, width=16, number_format=AMOUNT_FORMAT),
            *slot_columns,
            Column("classification", _title("/customers/0/classification"), CHOICE, choices="segment", width=22),
            Column("remark", _title("/customers/0/remark"), TEXT, width=30),
            Column("example", _title("/customers/0/example"), BOOLEAN, width=12),
            Column("current_value", texts("workbook.pf_current_value"), formula=weighted(1), number_format=SCORE_FORMAT,
                   width=14, expected=attribute("current_value")),
            Column("future_potential", texts("workbook.pf_future_potential"), formula=weighted(2), number_format=SCORE_FORMAT,
                   width=14, expected=attribute("future_potential")),
            Column("computed_segment", texts("workbook.pf_computed_segment"), formula=computed_segment, width=22,
                   choices="segment", expected=attribute("computed_segment")),
            Column("segment", texts("workbook.pf_segment"), formula=segment, width=22, choices="segment",
                   expected=attribute("segment")),
            Column("differs", texts("workbook.pf_differs"), formula=differs, width=16),
            *score_columns,
        ),
    )


def sheet_classification(slots: int) -> Sheet:
    def threshold(axis: str, method_name: str, value_name: str):
        def formula(refs: Refs) -> str:
            scores = refs.column("Customers", axis)
            method = match_number(refs, "threshold_method", refs.cell(method_name))
            value = refs.cell(value_name)
            return (
                f"=IF(AND({method}=2,COUNT({scores})>0),MEDIAN({scores}),"
                f"IF(AND({method}=3,ISNUMBER({value})),{value},{MIDPOINT_THRESHOLD}))"
            )
        return formula

    def expected_threshold(axis: str):
        def expected(verification) -> float | None:
            classification = verification.result.classification if verification.result else None
            return getattr(classification.thresholds, axis) if classification else None
        return expected

    return Sheet(
        key="ws06", worksheet=6, intro=(texts("workbook.pf_ws06_intro"), texts("workbook.pf_ws06_intro_2")), label_width=30,
        blocks=(
            Heading(texts("workbook.pf_thresholds_heading")),
            Fields((
                Field("/thresholds/current_value/method", texts("workbook.pf_threshold_method_current"), CHOICE,
                      choices="threshold_method", name="threshold_method_current"),
                Field("/thresholds/current_value/value", texts("workbook.pf_threshold_value_current"), NUMBER,
                      minimum=1, maximum=5, name="threshold_value_current"),
                Field("/thresholds/future_potential/method", texts("workbook.pf_threshold_method_future"), CHOICE,
                      choices="threshold_method", name="threshold_method_future"),
                Field("/thresholds/future_potential/value", texts("workbook.pf_threshold_value_future"), NUMBER,
                      minimum=1, maximum=5, name="threshold_value_future"),
                Computed("threshold_current", texts("workbook.pf_threshold_current"),
                         threshold("current_value", "threshold_method_current", "threshold_value_current"), SCORE_FORMAT,
                         expected=expected_threshold("current_value")),
                Computed("threshold_future", texts("workbook.pf_threshold_future"),
                         threshold("future_potential", "threshold_method_future", "threshold_value_future"), SCORE_FORMAT,
                         expected=expected_threshold("future_potential")),
            )),
            Heading(texts("workbook.pf_customers_heading")),
            customers_table(slots),
        ),
    )


def sheet_procedure() -> Sheet:
    def step_default(position: int):
        return texts(f"workbook.pf_step_{position + 1}") if position < STEP_DEFAULTS else None

    steps = Table(
        name="Steps", pointer="/procedure/steps", rows=STEP_ROWS, max_rows=STEPS_MAX_ITEMS, spare_rows=5,
        item_label=texts("workbook.pf_step_item"), keep_defaults=True,
        columns=(
            Column("step", _title("/procedure/steps/0/step"), TEXT, width=70, defaults=step_default),
            Column("owner", _title("/procedure/steps/0/owner"), TEXT, width=20),
            Column("date", _title("/procedure/steps/0/date"), DATE, width=13),
            Column("status", _title("/procedure/steps/0/status"), CHOICE, choices="status", width=13),
            Column("result", _title("/procedure/steps/0/result"), TEXT, width=40),
        ),
    )

    def done(refs: Refs) -> str:
        steps_range = refs.column("Steps", "step")
        return "=" + count_choice(refs, refs.column("Steps", "status"), "status", "done", extra=f'{steps_range},"<>",')

    def total(refs: Refs) -> str:
        return f'=COUNTIF({refs.column("Steps", "step")},"<>")'

    def progress(refs: Refs) -> str:
        return f'=IF({refs.cell("steps_total")}=0,"",{refs.cell("steps_done")}/{refs.cell("steps_total")})'

    def procedure(verification):
        return verification.result.procedure if verification.result else None

    return Sheet(
        key="ws07", worksheet=7, intro=(texts("workbook.pf_ws07_intro"),), label_width=70,
        blocks=(
            steps,
            Fields((
                Computed("steps_done", texts("workbook.pf_steps_done"), done, "0",
                         expected=lambda v: procedure(v).done if procedure(v) else None),
                Computed("steps_total", texts("workbook.pf_steps_total"), total, "0",
                         expected=lambda v: len(procedure(v).steps) if procedure(v) else None),
                Computed("steps_progress", texts("workbook.pf_progress"), progress, "0%",
                         expected=lambda v: procedure(v).progress if procedure(v) else None),
            )),
        ),
    )


def sheet_matrix() -> Sheet:
    def segment_cells(segment: str) -> tuple[Computed, ...]:
        def count(refs: Refs) -> str:
            return "=" + count_choice(refs, refs.column("Customers", "segment"), "segment", segment)

        def summed(key: str):
            def formula(refs: Refs) -> str:
                return (
                    f'=SUMIF({refs.column("Customers", "segment")},{refs.label("segment", segment)},'
                    f'{refs.column("Customers", key)})'
                )
            return formula

        def share(name: str, total: str, negative_text: bool = False):
            def formula(refs: Refs) -> str:
                otherwise = refs.text(texts("workbook.pf_not_applicable")) if negative_text else '""'
                return f"=IF({refs.cell(total)}<=0,{otherwise},{refs.cell(name)}/{refs.cell(total)})"
            return formula

        def expected(attribute: str):
            return lambda verification: _segment_summary(verification, segment, attribute)

        label = texts(f"workbook.segments_{segment}")
        return (
            Computed(f"matrix_{segment}_customers", label, count, "0", expected=expected("customers")),
            Computed(f"matrix_{segment}_customer_share", label, share(f"matrix_{segment}_customers", "matrix_total_customers"),
                     PERCENT_FORMAT, expected=expected("customer_share")),
            Computed(f"matrix_{segment}_revenue", label, summed("revenue"), AMOUNT_FORMAT, expected=expected("revenue")),
            Computed(f"matrix_{segment}_revenue_share", label, share(f"matrix_{segment}_revenue", "matrix_total_revenue"),
                     PERCENT_FORMAT, expected=expected("revenue_share")),
            Computed(f"matrix_{segment}_profit", label, summed("profit_contribution"), AMOUNT_FORMAT, expected=expected("profit")),
            Computed(f"matrix_{segment}_profit_share", label,
                     share(f"matrix_{segment}_profit", "matrix_total_profit", negative_text=True),
                     PERCENT_FORMAT, expected=expected("profit_share")),
        )

    def total(measure: str):
        def formula(refs: Refs) -> str:
            return "=" + "+".join(refs.cell(f"matrix_{segment}_{measure}") for segment in SEGMENTS)
        return formula

    def matrix_total(attribute: str):
        def expected(verification):
            matrix = verification.result.matrix if verification.result else None
            return getattr(matrix, attribute) if matrix else None
        return expected

    total_label = texts("workbook.pf_matrix_total")
    rows = [GridRow(texts(f"workbook.segments_{segment}"), segment_cells(segment)) for segment in SEGMENTS]
    rows.append(GridRow(total_label, (
        Computed("matrix_total_customers", total_label, total("customers"), "0", expected=matrix_total("total_customers")),
        None,
        Computed("matrix_total_revenue", total_label, total("revenue"), AMOUNT_FORMAT, expected=matrix_total("total_revenue")),
        None,
        Computed("matrix_total_profit", total_label, total("profit"), AMOUNT_FORMAT, expected=matrix_total("total_profit")),
        None,
    )))
    grid = Grid(
        corner=texts("workbook.pf_segment"),
        columns=tuple(GridColumn(key, texts(f"workbook.pf_matrix_{key}"), 18) for key in (
            "customers", "customer_share", "revenue", "revenue_share", "profit", "profit_share")),
        rows=tuple(rows),
    )
    return Sheet(key="ws08", worksheet=8, intro=(texts("workbook.pf_ws08_intro"),), blocks=(grid,), label_width=26)


def sheet_strategies() -> Sheet:
    blocks: list = []
    for segment in SEGMENTS:
        base = f"/strategies/{segment}"
        default = texts(f"workbook.pf_core_strategy_{segment}")
        fields = [
            Field(f"{base}/core_strategy", _title(f"{base}/core_strategy")),
            Field(f"{base}/summary", _title(f"{base}/summary"), lines=3),
        ]
        fields += [
            Field(f"{base}/sub_areas/{key}", _title(f"{base}/sub_areas/{key}"), lines=2)
            for key in STRATEGY_SUB_AREAS[segment]
        ]
        blocks += [
            Heading(texts(f"workbook.segments_{segment}")),
            Note({language: texts("workbook.pf_default_core_strategy", text=default[language])[language] for language in default}),
            Fields(tuple(fields)),
            Table(
                name=f"Points_{segment}", pointer=f"{base}/points", rows=POINT_ROWS, max_rows=POINTS_MAX_ITEMS, spare_rows=2,
                item_label=texts("workbook.pf_point_item"),
                columns=(Column("", texts("workbook.pf_point"), TEXT, width=80),),
            ),
        ]
    return Sheet(key="ws09", worksheet=9, intro=(texts("workbook.pf_ws09_intro"),), blocks=tuple(blocks), label_width=34)


def sheet_service_concepts() -> Sheet:
    def field_label(key: str, segment: str) -> dict[str, str]:
        title, group = _title(f"/service_concepts/{segment}/{key}"), texts(f"workbook.segments_{segment}")
        return {language: f"{title[language]} ({group[language]})" for language in title}

    rows: list[GridRow] = []
    for key in SERVICE_TEXT_FIELDS:
        rows.append(GridRow(_title(f"/service_concepts/strategic/{key}"), tuple(
            Field(f"/service_concepts/{segment}/{key}", field_label(key, segment), lines=4) for segment in SEGMENTS)))
    for key, value_type, choices, minimum, maximum in SERVICE_TYPED_FIELDS:
        rows.append(GridRow(_title(f"/service_concepts/strategic/{key}"), tuple(
            Field(f"/service_concepts/{segment}/{key}", field_label(key, segment), value_type, choices=choices,
                  minimum=minimum, maximum=maximum)
            for segment in SEGMENTS)))

    def customers(segment: str):
        def formula(refs: Refs) -> str:
            return "=" + count_choice(refs, refs.column("Customers", "segment"), "segment", segment)
        return formula

    def visit_load(segment: str):
        def formula(refs: Refs) -> str:
            visits = refs.cell(f"service_concepts_{segment}_visits_per_year")
            return f'=IF({visits}="","",{refs.cell(f"service_customers_{segment}")}*{visits})'
        return formula

    def hours_load(segment: str):
        def formula(refs: Refs) -> str:
            hours = refs.cell(f"service_concepts_{segment}_hours_per_visit")
            load = refs.cell(f"service_visit_load_{segment}")
            return f'=IF(OR({load}="",{hours}=""),"",{load}*{hours})'
        return formula

    def expected(segment: str, attribute: str):
        return lambda verification: _service_value(verification, segment, attribute)

    rows.append(GridRow(texts("workbook.pf_segment_customers"), tuple(
        Computed(f"service_customers_{segment}", texts("workbook.pf_segment_customers"), customers(segment), "0",
                 expected=expected(segment, "customers")) for segment in SEGMENTS)))
    rows.append(GridRow(texts("workbook.pf_visit_load"), tuple(
        Computed(f"service_visit_load_{segment}", texts("workbook.pf_visit_load"), visit_load(segment), "0.#",
                 expected=expected(segment, "visit_load")) for segment in SEGMENTS)))
    rows.append(GridRow(texts("workbook.pf_hours_load"), tuple(
        Computed(f"service_hours_load_{segment}", texts("workbook.pf_hours_load"), hours_load(segment), "0.#",
                 expected=expected(segment, "hours_load")) for segment in SEGMENTS)))
    grid = Grid(
        corner=texts("workbook.pf_concept_row"),
        columns=tuple(GridColumn(segment, texts(f"workbook.segments_{segment}"), 32) for segment in SEGMENTS),
        rows=tuple(rows),
    )
    return Sheet(key="ws10", worksheet=10, intro=(texts("workbook.pf_ws10_intro"),), blocks=(grid,), label_width=40)


def parameters_for(data: dict | None) -> dict[str, int]:
    """Return the layout parameters filled data needs: enough score columns for its criteria."""
    criteria = (data or {}).get("criteria") if isinstance(data, dict) else None
    count = len(criteria) if isinstance(criteria, list) else 0
    return {"criterion_slots": max(CRITERION_SLOTS, count)}


def layout(parameters: Mapping[str, int] | None = None) -> WorkbookLayout:
    """Return the portfolio workbook layout; ``criterion_slots`` sets the score columns on worksheet 6."""
    slots = int((parameters or {}).get("criterion_slots", CRITERION_SLOTS))
    return WorkbookLayout(
        kind=KIND,
        format_version=FORMAT_VERSION,
        sheets=(
            sheet_importance(),
            sheet_selection(),
            sheet_criteria(slots),
            sheet_weighting(),
            sheet_classification(slots),
            sheet_procedure(),
            sheet_matrix(),
            sheet_strategies(),
            sheet_service_concepts(),
        ),
        lists=choice_lists(),
        header=header_fields(),
        instructions=(
            texts("workbook.pf_step_header"),
            texts("workbook.pf_step_order"),
            texts("workbook.instruction_yellow"),
            texts("workbook.instruction_typing"),
            texts("workbook.instruction_empty_rows"),
            texts("workbook.instruction_more_rows"),
            texts("workbook.instruction_check"),
        ),
        constants={"/kind": KIND, "/format_version": FORMAT_VERSION},
        parameters={"criterion_slots": slots},
        verify=verify,
    )
