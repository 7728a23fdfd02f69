"""The Klantportfolio Excel report: computed tables as values, native charts and a what-if sheet.

The sheets, in order:

- a summary;
- the customers with scores and segments;
- the segments with a bar chart of their shares, and the visit load;
- the portfolio as a native bubble chart;
- the weights;
- the concentration, with the Pareto data and chart;
- the what-if sheet. Weights and thresholds are input cells there, and each
  customer's weighted scores and segment are live formulas over the scores.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kamgen.compute.portfolio_model import AXES, SCORE_TOLERANCE, SEGMENTS, PortfolioResult
from kamgen.i18n import t
from kamgen.render.excel_report import (
    DECIMAL_FORMAT,
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    PRECISE_SCORE_FORMAT,
    SCORE_FORMAT,
    WARNING_FILL,
    WEIGHT_FORMAT,
    Column,
    fit_columns,
    mark_input,
    money_format,
    new_workbook,
    safe_sheet_title,
    set_print_landscape,
    style_header,
    write_table,
    write_title,
    write_value,
)
from kamgen.render.formatting import Formatter
from kamgen.render.portfolio_word import concentration_group, segment_label

CHART_WIDTH_CM = 18
CHART_HEIGHT_CM = 12
# What-if sheet layout: threshold inputs, weight inputs, then the customer table.
WHAT_IF_THRESHOLD_ROWS = {"current_value": 3, "future_potential": 4}
WHAT_IF_AXIS_ROW = 6
WHAT_IF_WEIGHT_ROW = 7
WHAT_IF_HEADER_ROW = 8
WHAT_IF_FIRST_COLUMN = 2  # column A contains the customer names and the row labels


class WorkbookBuilder:
    def __init__(self, result: PortfolioResult, language: str):
        self.result = result
        self.language = language
        self.format = Formatter(language, result.currency or "EUR")
        self.money = money_format(result.currency or "EUR", language)
        classification = result.classification
        self.customers = classification.customers if classification else []
        weighting = result.weighting
        criteria = weighting.criteria if weighting else []
        # Current-value criteria first, so each axis is one block of columns.
        self.criteria = sorted(criteria, key=lambda criterion: AXES.index(criterion.axis))

    def t(self, key: str, **params: Any) -> str:
        return t(f"report.{key}", self.language, **params)

    def segment(self, segment: str | None) -> str:
        return segment_label(segment, self.language)

    def build(self, when: dt.date):
        workbook = new_workbook(title=self.t("label_title"), when=when, language=self.language)
        summary = workbook.active
        summary.title = safe_sheet_title(self.t("xlsx_sheet_summary"))

        written = []
        if self.customers:
            written.append(("customers", self.customers_sheet(workbook)))
        if self.result.matrix:
            written.append(("segments", self.segments_sheet(workbook)))
            if any(customer.current_value is not None and customer.future_potential is not None and customer.segment
                   for customer in self.customers):
                written.append(("portfolio", self.portfolio_sheet(workbook)))
        if self.criteria:
            written.append(("weights", self.weights_sheet(workbook)))
        if self.result.importance and self.result.importance.concentration:
            written.append(("concentration", self.concentration_sheet(workbook)))
        if self.customers and self.criteria:
            written.append(("what_if", self.what_if_sheet(workbook)))

        self.summary_sheet(summary, written)
        return workbook

    # --- summary -------------------------------------------------------------

    def summary_sheet(self, sheet, written: list[tuple[str, Any]]) -> None:
        from openpyxl.styles import Alignment, Font

        result = self.result
        write_title(sheet, self.t("label_title"))
        rows = [
            (self.t("label_organisation"), result.organisation),
            (self.t("label_business_unit"), result.business_unit or ""),
            (self.t("label_period"), self.format.period(result.period_start, result.period_end) if result.period_start and result.period_end else ""),
            (self.t("label_date"), self.format.date(result.period_end or result.period_start or None)),
        ]
        for offset, (label, value) in enumerate(rows, start=3):
            write_value(sheet.cell(row=offset, column=1), label)
            sheet.cell(row=offset, column=1).font = Font(bold=True)
            write_value(sheet.cell(row=offset, column=2), value)

        intro = sheet.cell(row=8, column=1)
        write_value(intro, self.t("xlsx_summary_intro"))
        intro.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=8, start_column=1, end_row=8, end_column=4)
        sheet.row_dimensions[8].height = 48

        write_value(sheet.cell(row=10, column=1), self.t("xlsx_sheets_heading"))
        sheet.cell(row=10, column=1).font = Font(bold=True)
        for offset, (key, written_sheet) in enumerate(written, start=11):
            write_value(sheet.cell(row=offset, column=1), written_sheet.title)
            write_value(sheet.cell(row=offset, column=2), self.t(f"xlsx_sheet_{key}_about"))
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 70

    # --- customers -------------------------------------------------------------

    def customers_sheet(self, workbook):
        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_customers")))
        columns = [
            Column(self.t("label_col_customer")),
            Column(self.t("xlsx_col_customer_code")),
            Column(self.t("label_col_revenue"), self.money),
            Column(self.t("label_col_profit"), self.money),
            *[Column(f"{criterion.code} {criterion.name}", INTEGER_FORMAT) for criterion in self.criteria],
            Column(self.t("axis_current_value"), SCORE_FORMAT),
            Column(self.t("axis_future_potential"), SCORE_FORMAT),
            Column(self.t("label_col_computed")),
            Column(self.t("label_col_manual")),
            Column(self.t("label_col_segment")),
            Column(self.t("xlsx_col_manual_differs")),
            Column(self.t("xlsx_col_example")),
            Column(self.t("label_col_remark")),
        ]
        rows = []
        for customer in self.customers:
            scores = {score.code: score.score for score in customer.scores}
            rows.append([
                customer.name,
                customer.code,
                customer.revenue,
                customer.profit_contribution,
                *[scores.get(criterion.code) for criterion in self.criteria],
                customer.current_value,
                customer.future_potential,
                self.segment(customer.computed_segment) or None,
                self.segment(customer.manual_segment) or None,
                self.segment(customer.segment) or None,
                self.format.yes_no(customer.differs) if customer.manual_segment else None,
                self.format.yes_no(True) if customer.example else None,
                customer.remark,
            ])
        write_table(sheet, columns, rows)
        sheet.freeze_panes = "B2"
        fit_columns(sheet)
        set_print_landscape(sheet)
        return sheet

    # --- segments ----------------------------------------------------------------

    def segments_sheet(self, workbook):
        from openpyxl.chart import BarChart, Reference

        matrix = self.result.matrix
        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_segments")))
        not_applicable = self.format.not_applicable
        columns = [
            Column(self.t("label_col_segment")),
            Column(self.t("label_col_customers"), INTEGER_FORMAT),
            Column(self.t("label_col_customer_share"), PERCENT_FORMAT),
            Column(self.t("label_col_revenue"), self.money),
            Column(self.t("label_col_revenue_share"), PERCENT_FORMAT),
            Column(self.t("label_col_profit"), self.money),
            Column(self.t("label_col_profit_share"), PERCENT_FORMAT),
            Column(self.t("xlsx_col_examples")),
        ]

        def share(percent: float | None) -> float | str:
            # The largest-remainder percentages, so the four shares add up to exactly 100 %.
            return not_applicable if percent is None else percent / 100

        rows = []
        for segment in SEGMENTS:
            summary = matrix.segments[segment]
            profit = share(summary.profit_percent) if matrix.profit_shares_available else not_applicable
            rows.append([
                segment_label(segment, self.language, plural=True), summary.customers, share(summary.customer_percent),
                summary.revenue, share(summary.revenue_percent), summary.profit, profit, ", ".join(summary.examples),
            ])
        total = [
            self.t("label_total"), matrix.total_customers, 1.0 if matrix.total_customers else not_applicable,
            matrix.total_revenue, 1.0 if matrix.total_revenue > 0 else not_applicable, matrix.total_profit,
            1.0 if matrix.profit_shares_available else not_applicable, None,
        ]
        first, last = write_table(sheet, columns, rows, total=total, filter=False)
        sheet.freeze_panes = "B2"

        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered"
        chart.title = self.t("xlsx_chart_segments")
        chart.y_axis.title = self.t("xlsx_chart_share_axis")
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.majorGridlines = None
        share_columns = [3, 5] + ([7] if matrix.profit_shares_available else [])
        for column in share_columns:
            data = Reference(sheet, min_col=column, min_row=first - 1, max_row=last)
            chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        _show_axes(chart)
        chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
        sheet.add_chart(chart, f"A{last + 3}")

        self.visit_load_table(sheet, last + 3 + 26)
        fit_columns(sheet)
        return sheet

    def visit_load_table(self, sheet, first_row: int) -> None:
        concepts = self.result.service_concepts or {}
        present = [(segment, concepts.get(segment)) for segment in SEGMENTS]
        rows = [
            [segment_label(segment, self.language, plural=True), concept.customers, concept.visits_per_year,
             concept.visit_load, concept.hours_per_visit, concept.hours_load]
            for segment, concept in present if concept is not None and concept.visits_per_year is not None
        ]
        if not rows:
            return
        from openpyxl.styles import Font

        write_value(sheet.cell(row=first_row, column=1), self.t("label_visit_load"))
        sheet.cell(row=first_row, column=1).font = Font(bold=True)
        columns = [
            Column(self.t("label_col_segment")),
            Column(self.t("label_col_customers"), INTEGER_FORMAT),
            Column(self.t("label_col_visits"), DECIMAL_FORMAT),
            Column(self.t("label_col_visit_load"), DECIMAL_FORMAT),
            Column(self.t("label_col_hours"), DECIMAL_FORMAT),
            Column(self.t("label_col_hours_load"), DECIMAL_FORMAT),
        ]
        hours = [row[5] for row in rows if row[5] is not None]
        total = [self.t("label_total"), sum(row[1] for row in rows), None, sum(row[3] for row in rows), None,
                 sum(hours) if hours else None]
        write_table(sheet, columns, rows, first_row=first_row + 1, total=total, filter=False)

    # --- portfolio chart -----------------------------------------------------------

    def portfolio_sheet(self, workbook):
        from openpyxl.chart import BubbleChart, Reference, Series

        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_portfolio")))
        columns = [
            Column(self.t("label_col_segment")),
            Column(self.t("label_col_customer")),
            Column(self.t("axis_current_value"), SCORE_FORMAT),
            Column(self.t("axis_future_potential"), SCORE_FORMAT),
            Column(self.t("label_col_revenue"), self.money),
        ]
        placed = [
            customer for customer in self.customers
            if customer.current_value is not None and customer.future_potential is not None and customer.segment
        ]
        # One block of rows per segment, because each segment is one chart series (one colour).
        ordered = sorted(placed, key=lambda customer: (SEGMENTS.index(customer.segment), customer.index))
        rows = [
            [self.segment(customer.segment), customer.name, customer.current_value, customer.future_potential, customer.revenue]
            for customer in ordered
        ]
        first, _ = write_table(sheet, columns, rows)
        sheet.freeze_panes = "A2"

        chart = BubbleChart()
        chart.style = 18
        chart.title = self.t("xlsx_chart_portfolio")
        chart.sizeRepresents = "area"
        chart.bubbleScale = 60
        row = first
        for segment in SEGMENTS:
            count = sum(1 for customer in ordered if customer.segment == segment)
            if not count:
                continue
            last = row + count - 1
            series = Series(
                values=Reference(sheet, min_col=4, min_row=row, max_row=last),
                xvalues=Reference(sheet, min_col=3, min_row=row, max_row=last),
                zvalues=Reference(sheet, min_col=5, min_row=row, max_row=last),
                title=segment_label(segment, self.language, plural=True),
            )
            chart.series.append(series)
            row = last + 1

        thresholds = self.result.classification.thresholds
        formatter = self.format
        for axis, key, threshold in (
            (chart.x_axis, "current_value", thresholds.current_value),
            (chart.y_axis, "future_potential", thresholds.future_potential),
        ):
            # NOTE: the axis titles name the thresholds, but no lines mark them, because a bubble
            # chart cannot hold a line series and axes crossing at the thresholds render differently
            # in Excel and LibreOffice. The Word report's chart draws the lines.
            axis.title = self.t(f"bubble_{'x' if key == 'current_value' else 'y'}_label", threshold=formatter.score(threshold))
            axis.scaling.min = 1
            axis.scaling.max = 5
            axis.majorUnit = 1
            axis.number_format = "0"
        _show_axes(chart)
        chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
        sheet.add_chart(chart, "G2")
        fit_columns(sheet)
        return sheet

    # --- weights -------------------------------------------------------------------

    def weights_sheet(self, workbook):
        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_weights")))
        weighting = self.result.weighting
        columns = [
            Column(self.t("label_col_code")),
            Column(self.t("label_col_axis")),
            Column(self.t("label_col_criteria_group")),
            Column(self.t("label_col_criterion")),
            Column(self.t("label_col_indicator")),
            Column(self.t("label_col_weight"), WEIGHT_FORMAT),
            Column(self.t("label_col_weight_source")),
            Column(self.t("xlsx_col_wins"), WEIGHT_FORMAT),
        ]
        rows = [
            [criterion.code, self.t(f"axis_{criterion.axis}"), self.t(f"group_{criterion.group}") if criterion.group else None,
             criterion.name, criterion.indicator, criterion.weight, self.t(f"weights_method_{criterion.weight_source}"),
             criterion.pairwise_wins]
            for criterion in self.criteria
        ]
        _, last = write_table(sheet, columns, rows)
        for offset, axis in enumerate(AXES, start=2):
            label = sheet.cell(row=last + offset, column=5)
            write_value(label, f"{self.t('label_total')} {self.t(f'axis_{axis}').lower()}")
            value = sheet.cell(row=last + offset, column=6)
            write_value(value, weighting.axis_totals.get(axis, 0.0), WEIGHT_FORMAT)
        sheet.freeze_panes = "A2"
        fit_columns(sheet)
        return sheet

    # --- concentration ------------------------------------------------------------------

    def concentration_sheet(self, workbook):
        from openpyxl.chart import Reference, ScatterChart, Series

        importance = self.result.importance
        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_concentration")))
        columns = [
            Column(self.t("label_col_group")),
            Column(self.t("label_col_customers"), INTEGER_FORMAT),
            Column(self.t("label_col_revenue"), self.money),
            Column(self.t("label_col_revenue_share"), PERCENT_FORMAT),
            Column(self.t("label_col_profit"), self.money),
            Column(self.t("label_col_profit_share"), PERCENT_FORMAT),
        ]
        not_applicable = self.format.not_applicable
        rows = [
            [concentration_group(row.label, self.language), row.customers, row.revenue,
             not_applicable if row.revenue_share is None else row.revenue_share, row.profit,
             not_applicable if row.profit_share is None else row.profit_share]
            for row in importance.concentration
        ]
        total = [self.t("concentration_all"), len(self.customers), importance.total_revenue, None, importance.total_profit, None]
        _, last = write_table(sheet, columns, rows, total=total, filter=False)
        sheet.freeze_panes = "A2"

        if importance.pareto:
            pareto_header = last + 3
            pareto_columns = [
                Column(self.t("xlsx_col_rank"), INTEGER_FORMAT),
                Column(self.t("label_col_customer")),
                Column(self.t("xlsx_col_cumulative_customers"), PERCENT_FORMAT),
                Column(self.t("xlsx_col_cumulative_revenue"), PERCENT_FORMAT),
            ]
            pareto_rows = [[point.rank, point.name, point.customer_share, point.revenue_share] for point in importance.pareto]
            first, pareto_last = write_table(sheet, pareto_columns, pareto_rows, first_row=pareto_header, filter=False)

            chart = ScatterChart()
            chart.title = self.t("pareto_curve")
            chart.style = 13
            series = Series(
                values=Reference(sheet, min_col=4, min_row=first, max_row=pareto_last),
                xvalues=Reference(sheet, min_col=3, min_row=first, max_row=pareto_last),
                title=self.t("pareto_curve"),
            )
            series.marker.symbol = "circle"
            chart.series.append(series)
            chart.x_axis.title = self.t("pareto_x_label")
            chart.y_axis.title = self.t("pareto_y_label")
            for axis in (chart.x_axis, chart.y_axis):
                axis.scaling.min = 0
                axis.scaling.max = 1
                axis.number_format = "0%"
            _show_axes(chart)
            chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
            sheet.add_chart(chart, "H2")
        fit_columns(sheet)
        return sheet

    # --- what-if -----------------------------------------------------------------------

    def what_if_sheet(self, workbook):
        """Weights and thresholds as input cells; weighted scores and segments as live formulas."""
        from openpyxl.formatting.rule import CellIsRule
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        sheet = workbook.create_sheet(safe_sheet_title(self.t("xlsx_sheet_what_if")))
        classification = self.result.classification
        criteria = self.criteria
        first_data_row = WHAT_IF_HEADER_ROW + 1
        last_data_row = WHAT_IF_HEADER_ROW + len(self.customers)

        write_title(sheet, self.t("xlsx_what_if_title"))
        intro = sheet.cell(row=2, column=1)
        write_value(intro, self.t("xlsx_what_if_intro"))
        intro.alignment = Alignment(wrap_text=True, vertical="top")
        last_column = WHAT_IF_FIRST_COLUMN + len(criteria) + 3
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(last_column, 6))
        sheet.row_dimensions[2].height = 45

        # Column letters of the criteria of each axis, in one block per axis.
        letters = {axis: [] for axis in AXES}
        for offset, criterion in enumerate(criteria):
            letters[criterion.axis].append(get_column_letter(WHAT_IF_FIRST_COLUMN + offset))
        score_column = WHAT_IF_FIRST_COLUMN + len(criteria)
        result_letters = {
            "current_value": get_column_letter(score_column),
            "future_potential": get_column_letter(score_column + 1),
        }
        segment_letter = get_column_letter(score_column + 2)

        # Thresholds: a number, or the live median of the weighted scores when that was the method.
        threshold_cells = {}
        notes_column = 3
        for axis, row in WHAT_IF_THRESHOLD_ROWS.items():
            write_value(sheet.cell(row=row, column=1), self.t("xlsx_what_if_threshold", axis=self.t(f"axis_{axis}").lower()))
            sheet.cell(row=row, column=1).font = Font(bold=True)
            cell = sheet.cell(row=row, column=2)
            method = getattr(classification.thresholds, f"{axis}_method")
            if method == "median":
                column = result_letters[axis]
                cell.value = f"=MEDIAN({column}{first_data_row}:{column}{last_data_row})"
                write_value(sheet.cell(row=row, column=notes_column), self.t("xlsx_what_if_median_note"))
            else:
                cell.value = getattr(classification.thresholds, axis)
            cell.number_format = PRECISE_SCORE_FORMAT
            mark_input(cell)
            threshold_cells[axis] = f"$B${row}"

        threshold_validation = DataValidation(type="decimal", operator="between", formula1="1", formula2="5", allow_blank=False)
        sheet.add_data_validation(threshold_validation)
        for row in WHAT_IF_THRESHOLD_ROWS.values():
            threshold_validation.add(f"B{row}")

        # Row labels, the axis and the weight (input) of each criterion.
        write_value(sheet.cell(row=WHAT_IF_AXIS_ROW, column=1), self.t("xlsx_what_if_axis_row"))
        write_value(sheet.cell(row=WHAT_IF_WEIGHT_ROW, column=1), self.t("xlsx_what_if_weight_row"))
        for row in (WHAT_IF_AXIS_ROW, WHAT_IF_WEIGHT_ROW):
            sheet.cell(row=row, column=1).font = Font(bold=True)
        weight_validation = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        sheet.add_data_validation(weight_validation)
        for offset, criterion in enumerate(criteria):
            column = WHAT_IF_FIRST_COLUMN + offset
            write_value(sheet.cell(row=WHAT_IF_AXIS_ROW, column=column), self.t(f"axis_{criterion.axis}"))
            weight = sheet.cell(row=WHAT_IF_WEIGHT_ROW, column=column)
            weight.value = criterion.weight
            weight.number_format = WEIGHT_FORMAT
            mark_input(weight)
            weight_validation.add(weight.coordinate)

        # The sum of the weights per axis, red when it is not 100.
        for axis, column in zip(AXES, (score_column, score_column + 1)):
            label = sheet.cell(row=WHAT_IF_AXIS_ROW, column=column)
            write_value(label, self.t("xlsx_what_if_sum", axis=self.t(f"axis_{axis}").lower()))
            label.font = Font(italic=True)
            total = sheet.cell(row=WHAT_IF_WEIGHT_ROW, column=column)
            if letters[axis]:
                total.value = f"=SUM({letters[axis][0]}{WHAT_IF_WEIGHT_ROW}:{letters[axis][-1]}{WHAT_IF_WEIGHT_ROW})"
                total.number_format = WEIGHT_FORMAT
                sheet.conditional_formatting.add(
                    total.coordinate,
                    CellIsRule(operator="notEqual", formula=["100"], fill=PatternFill("solid", fgColor=WARNING_FILL)),
                )
        write_value(sheet.cell(row=WHAT_IF_AXIS_ROW, column=score_column + 2), self.t("xlsx_what_if_sum_note"))

        # The customer table: scores as values, weighted scores and segments as formulas.
        headers = [
            self.t("label_col_customer"),
            *[f"{criterion.code} {criterion.name}" for criterion in criteria],
            self.t("axis_current_value"),
            self.t("axis_future_potential"),
            self.t("xlsx_what_if_segment"),
            self.t("xlsx_what_if_report_segment"),
        ]
        for offset, header in enumerate(headers, start=1):
            write_value(sheet.cell(row=WHAT_IF_HEADER_ROW, column=offset), header)
        style_header(sheet.cell(row=WHAT_IF_HEADER_ROW, column=offset) for offset in range(1, len(headers) + 1))

        for row, customer in enumerate(self.customers, start=first_data_row):
            write_value(sheet.cell(row=row, column=1), customer.name)
            scores = {score.code: score.score for score in customer.scores}
            for offset, criterion in enumerate(criteria):
                score = scores.get(criterion.code)
                if score is not None:
                    sheet.cell(row=row, column=WHAT_IF_FIRST_COLUMN + offset).value = score
            for axis in AXES:
                cell = sheet.cell(row=row, column=score_column + AXES.index(axis))
                cell.value = self.weighted_score_formula(letters[axis], row)
                cell.number_format = PRECISE_SCORE_FORMAT
            sheet.cell(row=row, column=score_column + 2).value = self.segment_formula(
                f"{result_letters['current_value']}{row}", f"{result_letters['future_potential']}{row}", threshold_cells
            )
            write_value(sheet.cell(row=row, column=score_column + 3), self.segment(customer.segment))

        sheet.freeze_panes = f"B{first_data_row}"
        fit_columns(sheet, skip_rows=(1, 2))
        sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width or 0, 30)
        sheet.column_dimensions[segment_letter].width = 34
        set_print_landscape(sheet)
        return sheet

    @staticmethod
    def weighted_score_formula(columns: list[str], row: int) -> str:
        """Return Σ weight × score / 100 over one axis, empty while a score of that axis is missing."""
        if not columns:
            return '=""'
        scores = f"{columns[0]}{row}:{columns[-1]}{row}"
        weights = f"${columns[0]}${WHAT_IF_WEIGHT_ROW}:${columns[-1]}${WHAT_IF_WEIGHT_ROW}"
        return f'=IF(COUNT({scores})<{len(columns)},"",SUMPRODUCT({weights},{scores})/100)'

    def segment_formula(self, x: str, y: str, thresholds: dict[str, str]) -> str:
        """Return the segment rule of worksheet 6 as a formula, with the same tolerance as the computation."""
        tolerance = f"{SCORE_TOLERANCE:.15f}".rstrip("0")
        x_high = f"{x}>={thresholds['current_value']}-{tolerance}"
        y_high = f"{y}>={thresholds['future_potential']}-{tolerance}"

        def quoted(segment: str) -> str:
            return '"' + self.segment(segment).replace('"', '""') + '"'

        return (
            f'=IF(OR({x}="",{y}=""),"",IF({x_high},IF({y_high},{quoted("strategic")},{quoted("large")}),'
            f'IF({y_high},{quoted("development")},{quoted("transactional")})))'
        )


def _show_axes(chart) -> None:
    # openpyxl 3.1 marks chart axes as deleted unless ``delete`` is set to False, and Excel then hides them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def write_workbook(result: PortfolioResult, path: Path, language: str, when: dt.date) -> None:
    """Write the Klantportfolio workbook to ``path``."""
    workbook = WorkbookBuilder(result, language).build(when)
    workbook.save(str(path))
