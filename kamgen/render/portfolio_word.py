"""The Klantportfolio Word report: the template context built from a PortfolioResult.

:func:`build_context` turns the computed result into plain data for the
template ``templates/klantportfolio.docx``: every value is text that is
already formatted for the language, every list is a list of dicts, and
every fixed text comes from :mod:`kamgen.messages.report`. The template
decides layout only. ``templates/README.md`` lists the tags.
"""

from __future__ import annotations

import re
from typing import Any

from kamgen.catalogue import BY_NUMBER
from kamgen.compute.portfolio_model import (
    AXES,
    EXAMPLES_MAX,
    EXAMPLES_MIN,
    PORTFOLIO_WORKSHEETS,
    SEGMENTS,
    SERVICE_TEXT_FIELDS,
    STRATEGY_SUB_AREAS,
    URGENCY_HIGH,
    URGENCY_MEDIUM,
    ClassificationResult,
    CustomerResult,
    ImportanceResult,
    PortfolioMatrix,
    PortfolioResult,
    ProcedureResult,
    ServiceConceptResult,
    StrategyResult,
    WeightingResult,
)
from kamgen.i18n import catalogue, t
from kamgen.render.formatting import Formatter
from kamgen.safety import xml_safe

TEMPLATE_NAME = "klantportfolio.docx"
# Amounts in the report are whole currency units (design choice): a portfolio
# report compares customers, and cents only add noise.
REPORT_MONEY_DECIMALS = 0
# Charts span the text width of a portrait page (17 cm) minus a margin.
CHART_WIDTH_CM = 16.0
# The score table has a column for the name, one per criterion and two for the
# weighted scores. Beyond this many columns, chapter 6 is set in landscape.
PORTRAIT_MAX_SCORE_COLUMNS = 8
# The Word tables of chapter 6 list at most this many customers, the largest by
# revenue (design choice): a table of thousands of rows is unreadable on paper
# and makes the document too large to render in bounded memory. The Excel
# report always lists every customer, and the report says so under the table.
WORD_MAX_CUSTOMER_ROWS = 500
# Order of the chapters, which follows the worksheets of the method.
CHAPTERS = ("importance", "criteria", "weights", "classification", "procedure", "matrix", "strategies", "service")
CHAPTER_WORKSHEETS = {
    "importance": 1, "criteria": 4, "weights": 5, "classification": 6, "procedure": 7, "matrix": 8,
    "strategies": 9, "service": 10,
}
SERVICE_TYPED_FIELDS = (
    "visits_per_year", "hours_per_visit", "serving_model", "executive_sponsor", "account_plan",
    "customer_in_planning", "horizon_months", "monitoring_frequency", "joint_dashboard",
)

def shown_customers(customers: list[CustomerResult]) -> list[CustomerResult]:
    """Return the customers the Word tables list: all, or the largest by revenue, in input order."""
    if len(customers) <= WORD_MAX_CUSTOMER_ROWS:
        return list(customers)
    largest = sorted(customers, key=lambda customer: (-customer.revenue, customer.index))[:WORD_MAX_CUSTOMER_ROWS]
    return sorted(largest, key=lambda customer: customer.index)


_CONCENTRATION_COUNT = re.compile(r"top(\d+)$")
_CONCENTRATION_PERCENT = re.compile(r"top(\d+)pct$")


def text(value: str | None) -> str:
    """Return user text made safe for Word XML; None becomes empty text."""
    return xml_safe(value) if value else ""


def labels(language: str) -> dict[str, str]:
    """Return every ``label_*`` text of the report catalogue, keyed without the prefix."""
    return {key[len("label_"):]: entry[language] for key, entry in catalogue("report").items() if key.startswith("label_")}


def segment_label(segment: str | None, language: str, *, plural: bool = False) -> str:
    if not segment:
        return ""
    return t(f"report.{'segments' if plural else 'segment'}_{segment}", language)


def concentration_group(label: str, language: str) -> str:
    """Return the name of a concentration row: ``top5`` → ``Top 5 klanten``, ``top20pct`` → ``Top 20 % van de klanten``."""
    percent = _CONCENTRATION_PERCENT.match(label)
    if percent:
        shown = Formatter(language).percent_points(int(percent.group(1)), 0)
        return t("report.concentration_top_percent", language, percent=shown)
    count = _CONCENTRATION_COUNT.match(label)
    if count:
        return t("report.concentration_top", language, count=count.group(1))
    return label


def chapter_heading(number: int, language: str) -> str:
    return t("report.chapter_heading", language, title=BY_NUMBER[number].title(language), number=number)


class ContextBuilder:
    """Builder of the template context of one report; ``images`` makes the chart images for the template."""

    def __init__(self, result: PortfolioResult, language: str, images=None):
        self.result = result
        self.language = language
        self.format = Formatter(language, result.currency or "EUR")
        self.images = images

    def t(self, key: str, **params: Any) -> str:
        return t(f"report.{key}", self.language, **params)

    def money(self, value: float | None) -> str:
        return self.format.money(value, REPORT_MONEY_DECIMALS)

    # -----------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        result = self.result
        importance = self.importance(result.importance) if result.importance else None
        weighting = result.weighting if result.weighting and result.weighting.criteria else None
        classification = self.classification(result.classification, weighting) if result.classification else None
        matrix = self.matrix(result.matrix, result.classification) if result.matrix else None
        strategies = self.strategies(result.strategies) if result.strategies else None
        service = self.service(result.service_concepts) if result.service_concepts else None

        show = {
            "importance": importance is not None,
            "concentration": bool(importance and importance["concentration"]),
            "pareto": bool(importance and importance["pareto_chart"]),
            "drivers": bool(importance and importance["drivers"]),
            "conclusion": bool(importance and importance["conclusion"]),
            "criteria": weighting is not None,
            "weights": weighting is not None,
            "classification": classification is not None,
            "differences": bool(classification and classification["differences"]),
            "remarks": bool(classification and classification["remarks"]),
            "scores": bool(classification and classification["scores"]["rows"] and 2 in result.filled_worksheets),
            "procedure": result.procedure is not None,
            "matrix": matrix is not None,
            "bubble": bool(matrix and matrix["bubble_chart"]),
            "strategies": strategies is not None,
            "service": service is not None,
            "visit_load": bool(service and service["load"]),
            "warnings": bool(result.warnings),
        }
        score_columns = len(classification["scores"]["columns"]) + 3 if classification else 0
        layout = {"classification_landscape": show["scores"] and score_columns > PORTRAIT_MAX_SCORE_COLUMNS}

        heading = {name: chapter_heading(CHAPTER_WORKSHEETS[name], self.language) for name in CHAPTERS}
        heading["warnings"] = self.t("warnings_heading")
        heading["completeness"] = self.t("completeness_heading")
        toc = [{"title": heading[name]} for name in CHAPTERS if show[name]]
        toc += [{"title": heading["warnings"]}, {"title": heading["completeness"]}]

        return {
            "label": labels(self.language),
            "doc": self.document_fields(),
            "toc": toc,
            "show": show,
            "layout": layout,
            "heading": heading,
            "importance": importance or {},
            "criteria": {"rows": self.criteria_rows(weighting)} if weighting else {},
            "weights": self.weights(weighting) if weighting else {},
            "classification": classification or {},
            "procedure": self.procedure(result.procedure) if result.procedure else {},
            "matrix": matrix or {},
            "strategies": strategies or {},
            "service": service or {},
            "warnings": self.warnings(),
            "completeness": self.completeness(),
        }

    # --- cover and header ---------------------------------------------------

    def document_fields(self) -> dict[str, str]:
        result = self.result
        organisation = text(result.organisation)
        period = self.format.period(result.period_start, result.period_end) if result.period_start and result.period_end else ""
        return {
            "title": self.t("label_title"),
            "subtitle": self.t("label_subtitle"),
            "organisation": organisation,
            "business_unit": text(result.business_unit),
            "period": period,
            # The document date is the end of the period, never today's date, so a rebuild gives the same document.
            "date": self.format.date(result.period_end or result.period_start or None),
            "prepared_by": text(result.prepared_by),
            "header": self.t("header", organisation=organisation, period=period),
        }

    # --- worksheet 1 --------------------------------------------------------

    def importance(self, importance: ImportanceResult) -> dict[str, Any]:
        f = self.format
        customers = len(self.result.classification.customers) if self.result.classification else 0
        concentration = [
            {
                "group": concentration_group(row.label, self.language),
                "customers": f.integer(row.customers),
                "revenue": self.money(row.revenue),
                "revenue_share": f.percent(row.revenue_share),
                "profit": self.money(row.profit),
                "profit_share": f.percent(row.profit_share),
            }
            for row in importance.concentration
        ]
        drivers = [
            {
                "code": text(driver.code),
                "statement": text(driver.statement),
                "rating": f.integer(driver.rating),
                "remark": text(driver.remark),
            }
            for driver in importance.drivers
        ]
        rated = sum(1 for driver in importance.drivers if driver.rating is not None)
        mean = self.t("mean_rating", mean=f.score(importance.mean_rating), count=rated) if importance.mean_rating is not None else f.missing
        urgency = self.t(f"urgency_{importance.urgency}") if importance.urgency else self.t("urgency_unknown")
        return {
            "concentration": concentration,
            "total": {
                "group": self.t("concentration_all"),
                "customers": f.integer(customers),
                "revenue": self.money(importance.total_revenue),
                "profit": self.money(importance.total_profit),
            },
            "pareto_chart": self.pareto_chart(importance) if importance.pareto else "",
            "pareto_caption": self.t("pareto_caption"),
            "drivers": drivers,
            "mean": mean,
            "urgency": urgency,
            "urgency_rule": self.t("urgency_rule", high=f.score(URGENCY_HIGH), medium=f.score(URGENCY_MEDIUM)),
            "conclusion": text(importance.conclusion),
        }

    def top_percent_row(self, importance: ImportanceResult):
        return next((row for row in importance.concentration if _CONCENTRATION_PERCENT.match(row.label)), None)

    def pareto_chart(self, importance: ImportanceResult):
        from kamgen.render.charts import ParetoChartTexts, pareto_chart_png

        f = self.format
        row = self.top_percent_row(importance)
        count = len(importance.pareto)
        percent = f.percent_points(int(_CONCENTRATION_PERCENT.match(row.label).group(1)), 0) if row else ""
        share = f.percent(row.revenue_share) if row else f.not_applicable
        marker = row.customers / count if row and count else None
        texts = ParetoChartTexts(
            x_label=self.t("pareto_x_label"),
            y_label=self.t("pareto_y_label"),
            curve_label=self.t("pareto_curve"),
            equal_label=self.t("pareto_equal"),
            marker_label=self.t("pareto_marker", percent=percent, share=share),
        )
        png = pareto_chart_png(
            [point.customer_share for point in importance.pareto], [point.revenue_share for point in importance.pareto],
            marker, texts, self.language,
        )
        description = self.t("pareto_alt", count=count, percent=percent, share=share)
        return self.images(png, CHART_WIDTH_CM, description, "pareto.png") if self.images else description

    # --- worksheets 4 and 5 ----------------------------------------------------

    def scoring(self, criterion) -> str:
        f = self.format
        if criterion.scoring == "bands" and criterion.bands:
            bands = " / ".join(f.number(boundary, 2, trim=True) for boundary in criterion.bands)
            return self.t("scoring_bands", bands=bands, direction=self.t(f"direction_{criterion.direction}"))
        anchors = [
            self.t("scoring_anchor", score=key.rsplit("_", 1)[1], text=text(value))
            for key, value in sorted((criterion.anchors or {}).items()) if value
        ]
        return self.t("scoring_anchors", anchors="; ".join(anchors)) if anchors else self.t("scoring_anchors_empty")

    def criteria_rows(self, weighting: WeightingResult) -> list[dict[str, str]]:
        rows = []
        for criterion in weighting.criteria:
            indicator = text(criterion.indicator)
            if indicator and criterion.unit:
                indicator = f"{indicator} ({text(criterion.unit)})"
            rows.append({
                "code": text(criterion.code),
                "axis": self.t(f"axis_{criterion.axis}"),
                "group": self.t(f"group_{criterion.group}") if criterion.group else "",
                "name": text(criterion.name),
                "indicator": indicator,
                "source": text(criterion.source),
                "scoring": self.scoring(criterion),
            })
        return rows

    def weight_source(self, criterion) -> str:
        if criterion.weight_source == "pairwise":
            return self.t("weight_source_pairwise", wins=self.format.number(criterion.pairwise_wins or 0, 1, trim=True))
        return self.t(f"weight_source_{criterion.weight_source}")

    def weights(self, weighting: WeightingResult) -> dict[str, Any]:
        axes = []
        for axis in AXES:
            on_axis = [criterion for criterion in weighting.criteria if criterion.axis == axis]
            if not on_axis:
                continue
            method = weighting.axis_methods.get(axis) or on_axis[0].weight_source
            axes.append({
                "title": self.t("weights_axis_heading", axis=self.t(f"axis_{axis}"), method=self.t(f"weights_method_{method}")),
                "rows": [
                    {"code": text(criterion.code), "name": text(criterion.name), "weight": self.format.weight(criterion.weight),
                     "source": self.weight_source(criterion)}
                    for criterion in on_axis
                ],
                "total": self.format.weight(weighting.axis_totals.get(axis, sum(criterion.weight for criterion in on_axis))),
            })
        methods = {criterion.weight_source for criterion in weighting.criteria}
        rules = [self.t("weights_rule_pairwise")] if "pairwise" in methods else []
        rules.append(self.t("weights_rule_score"))
        return {"axes": axes, "rules": rules}

    # --- worksheets 6 and 2 ----------------------------------------------------

    def threshold_value(self, value: float) -> str:
        # One decimal like the scores, two when the threshold (a median) needs them.
        if round(value, 1) == round(value, 6):
            return self.format.score(value)
        return self.format.number(value, 2)

    def classification(self, classification: ClassificationResult, weighting: WeightingResult | None) -> dict[str, Any]:
        f = self.format
        thresholds = classification.thresholds
        threshold_rows = [
            {
                "axis": self.t(f"axis_{axis}"),
                "value": self.threshold_value(getattr(thresholds, axis)),
                "method": self.t(f"threshold_{getattr(thresholds, f'{axis}_method')}"),
            }
            for axis in AXES
        ]
        shown = shown_customers(classification.customers)
        customers = [
            {
                "name": text(customer.name),
                "code": text(customer.code),
                "revenue": self.money(customer.revenue),
                "profit": self.money(customer.profit_contribution),
                "current_value": f.score(customer.current_value),
                "future_potential": f.score(customer.future_potential),
                "computed": segment_label(customer.computed_segment, self.language) or f.missing,
                "manual": segment_label(customer.manual_segment, self.language),
                "segment": segment_label(customer.segment, self.language),
                "differs": self.t("differs_marker") if customer.differs else "",
            }
            for customer in shown
        ]
        differences = [
            self.t(
                "difference_line", customer=text(customer.name),
                computed=segment_label(customer.computed_segment, self.language),
                manual=segment_label(customer.manual_segment, self.language),
            )
            for customer in classification.differences
        ]
        remarks = [
            {"name": text(customer.name), "remark": text(customer.remark)}
            for customer in classification.customers if customer.remark
        ]
        return {
            "thresholds": threshold_rows,
            "rule": self.t("classification_rule"),
            "customers": customers,
            "differences": differences,
            "remarks": remarks,
            "scores": self.scores(shown, weighting),
            "table_note": self.table_note(len(shown), len(classification.customers)),
        }

    def table_note(self, shown: int, total: int) -> str:
        if shown == total:
            return ""
        return self.t("customers_table_limited", shown=self.format.integer(shown), total=self.format.integer(total))

    def scores(self, customers: list[CustomerResult], weighting: WeightingResult | None) -> dict[str, Any]:
        f = self.format
        criteria = sorted(weighting.criteria, key=lambda criterion: AXES.index(criterion.axis)) if weighting else []
        codes = [criterion.code for criterion in criteria]
        rows = []
        for customer in customers:
            by_code = {score.code: score for score in customer.scores}
            if not any(score.score is not None or score.value is not None for score in customer.scores):
                continue
            cells = []
            for code in codes:
                score = by_code.get(code)
                if score is None or score.score is None:
                    cells.append(f.missing)
                elif score.from_bands and score.value is not None:
                    cells.append(self.t("score_with_value", score=score.score, value=f.number(score.value, 2, trim=True)))
                else:
                    cells.append(str(score.score))
            rows.append({
                "name": text(customer.name),
                "cells": cells,
                "current_value": f.score(customer.current_value),
                "future_potential": f.score(customer.future_potential),
            })
        legend = [
            self.t("scores_legend", code=text(criterion.code), name=text(criterion.name), axis=self.t(f"axis_{criterion.axis}"))
            for criterion in criteria
        ]
        return {"columns": [text(code) for code in codes], "legend": legend, "rows": rows}

    # --- worksheet 7 ------------------------------------------------------------

    def procedure(self, procedure: ProcedureResult) -> dict[str, Any]:
        f = self.format
        steps = [
            {
                "number": str(number),
                "step": text(step.step),
                "owner": text(step.owner),
                "date": self.step_date(step.date),
                "status": self.t(f"status_{step.status}"),
                "result": text(step.result),
            }
            for number, step in enumerate(procedure.steps, start=1)
        ]
        progress = self.t(
            "progress", done=procedure.done, total=len(procedure.steps), percent=f.percent(procedure.progress, 0)
        )
        return {"steps": steps, "progress": progress}

    def step_date(self, value: str | None) -> str:
        if not value:
            return ""
        try:
            return self.format.date(value)
        except ValueError:
            return text(value)

    # --- worksheet 8 --------------------------------------------------------------

    def matrix(self, matrix: PortfolioMatrix, classification: ClassificationResult | None) -> dict[str, Any]:
        f = self.format
        grid = {}
        rows = []
        for segment in SEGMENTS:
            summary = matrix.segments[segment]
            profit_share = f.percent_points(summary.profit_percent) if matrix.profit_shares_available else f.not_applicable
            cell = {
                "title": segment_label(segment, self.language, plural=True),
                "customers": f.integer(summary.customers),
                "customer_share": f.percent_points(summary.customer_percent),
                "revenue": self.money(summary.revenue),
                "revenue_share": f.percent_points(summary.revenue_percent),
                "profit": self.money(summary.profit),
                "profit_share": profit_share,
                "examples": ", ".join(text(name) for name in summary.examples) or self.t("no_examples"),
            }
            grid[segment] = cell
            rows.append({"segment": cell["title"], **{key: cell[key] for key in (
                "customers", "customer_share", "revenue", "revenue_share", "profit", "profit_share")}})

        hundred = f.percent_points(100.0)
        total = {
            "customers": f.integer(matrix.total_customers),
            "customer_share": hundred if matrix.total_customers else f.not_applicable,
            "revenue": self.money(matrix.total_revenue),
            "revenue_share": hundred if matrix.total_revenue > 0 else f.not_applicable,
            "profit": self.money(matrix.total_profit),
            "profit_share": hundred if matrix.profit_shares_available else f.not_applicable,
        }
        notes = [self.t("examples_rule", minimum=EXAMPLES_MIN, maximum=EXAMPLES_MAX)]
        if matrix.unclassified:
            notes.append(self.t("unclassified_note", count=matrix.unclassified))
        if not matrix.profit_shares_available:
            notes.append(self.t("profit_not_applicable_note", total=self.money(matrix.total_profit)))

        bubble_chart, bubble_caption = self.bubble_chart(classification) if classification else ("", "")
        return {
            "grid": grid,
            "segments": rows,
            "total": total,
            "notes": notes,
            "bubble_chart": bubble_chart,
            "bubble_caption": bubble_caption,
        }

    def bubble_chart(self, classification: ClassificationResult):
        from kamgen.render.charts import BubbleChartTexts, BubblePoint, bubble_chart_png

        points = [
            BubblePoint(text(customer.name), customer.current_value, customer.future_potential, customer.revenue, customer.segment)
            for customer in classification.customers
            if customer.current_value is not None and customer.future_potential is not None
        ]
        if not points:
            return "", ""

        thresholds = classification.thresholds
        threshold_x = self.threshold_value(thresholds.current_value)
        threshold_y = self.threshold_value(thresholds.future_potential)
        texts = BubbleChartTexts(
            x_label=self.t("bubble_x_label", threshold=threshold_x),
            y_label=self.t("bubble_y_label", threshold=threshold_y),
            quadrant_names={segment: segment_label(segment, self.language, plural=True) for segment in SEGMENTS},
        )
        chart = bubble_chart_png(points, thresholds.current_value, thresholds.future_potential, texts, self.language)

        counts = [
            self.t("bubble_alt_segment", segment=segment_label(segment, self.language, plural=True),
                   count=sum(1 for point in points if point.segment == segment))
            for segment in SEGMENTS
        ]
        description = self.t(
            "bubble_alt", count=len(points), threshold_x=threshold_x, threshold_y=threshold_y, segments="; ".join(counts)
        )
        caption = self.t("bubble_caption", labelled=len(chart.labelled), count=len(points))
        image = self.images(chart.png, CHART_WIDTH_CM, description, "portfolio.png") if self.images else description
        return image, caption

    # --- worksheets 9 and 10 ------------------------------------------------------

    def core_strategy(self, strategy: StrategyResult) -> str:
        if not strategy.core_strategy_is_default:
            return text(strategy.core_strategy)
        # The computation wrote the default in the input's language; the report may be in the other one.
        default = t(f"portfolio.default_core_strategy_{strategy.segment}", self.language)
        return self.t("core_strategy_default", strategy=default)

    def strategies(self, strategies: dict[str, StrategyResult]) -> dict[str, Any]:
        result = {}
        for segment in SEGMENTS:
            strategy = strategies.get(segment)
            if strategy is None:
                continue
            sub_areas = [
                {"label": self.t(f"sub_area_{key}"), "text": text(strategy.sub_areas.get(key))}
                for key in STRATEGY_SUB_AREAS[segment] if strategy.sub_areas.get(key)
            ]
            result[segment] = {
                "title": segment_label(segment, self.language, plural=True),
                "strategy_type": self.t(f"strategy_type_{segment}"),
                "core_strategy": self.core_strategy(strategy),
                "summary": text(strategy.summary),
                "sub_areas": sub_areas,
                "points": [text(point) for point in strategy.points if point],
            }
        return result

    def service_value(self, concept: ServiceConceptResult, field: str) -> str:
        f = self.format
        value = getattr(concept, field)
        if value is None:
            return f.missing
        if field == "serving_model":
            return self.t(f"serving_model_{value}")
        if field == "monitoring_frequency":
            return self.t(f"monitoring_{value}")
        if isinstance(value, bool):
            return f.yes_no(value)
        return f.number(value, 1, trim=True)

    def service(self, concepts: dict[str, ServiceConceptResult]) -> dict[str, Any]:
        f = self.format
        present = [concepts.get(segment) for segment in SEGMENTS]
        rows = []
        for field in SERVICE_TEXT_FIELDS:
            values = [text(concept.texts.get(field)) if concept else "" for concept in present]
            if any(values):
                rows.append({"label": self.t(f"service_{field}"), "cells": [value or f.missing for value in values]})
        for field in SERVICE_TYPED_FIELDS:
            if any(concept and getattr(concept, field) is not None for concept in present):
                rows.append({
                    "label": self.t(f"service_{field}"),
                    "cells": [self.service_value(concept, field) if concept else f.missing for concept in present],
                })

        load = []
        for segment, concept in zip(SEGMENTS, present):
            if concept is None or concept.visits_per_year is None:
                continue
            load.append({
                "segment": segment_label(segment, self.language, plural=True),
                "customers": f.integer(concept.customers),
                "visits": f.number(concept.visits_per_year, 1, trim=True),
                "visit_load": f.number(concept.visit_load, 1, trim=True),
                "hours": f.number(concept.hours_per_visit, 1, trim=True) if concept.hours_per_visit is not None else f.missing,
                "hours_load": f.number(concept.hours_load, 1, trim=True) if concept.hours_load is not None else f.missing,
            })
        with_visits = [concept for concept in present if concept and concept.visit_load is not None]
        with_hours = [concept for concept in present if concept and concept.hours_load is not None]
        load_total = {
            "customers": f.integer(sum(concept.customers for concept in with_visits)),
            "visit_load": f.number(sum(concept.visit_load for concept in with_visits), 1, trim=True),
            "hours_load": f.number(sum(concept.hours_load for concept in with_hours), 1, trim=True) if with_hours else f.missing,
        }
        return {
            "columns": [segment_label(segment, self.language, plural=True) for segment in SEGMENTS],
            "rows": rows,
            "load": load,
            "load_total": load_total,
        }

    # --- warnings and completeness ---------------------------------------------------

    def warnings(self) -> list[dict[str, str]]:
        from kamgen.rules.portfolio import warning_message

        return [
            {"worksheet": str(warning.worksheet), "message": text(warning_message(warning, self.language))}
            for warning in self.result.warnings
        ]

    def completeness(self) -> dict[str, Any]:
        filled = set(self.result.filled_worksheets)
        rows = [
            {
                "number": str(number),
                "title": BY_NUMBER[number].title(self.language),
                "status": self.t("completeness_filled" if number in filled else "completeness_empty"),
            }
            for number in PORTFOLIO_WORKSHEETS
        ]
        empty = [number for number in PORTFOLIO_WORKSHEETS if number not in filled]
        if not empty:
            summary = self.t("completeness_all")
        else:
            references = ", ".join(
                self.t("worksheet_reference", number=number, title=BY_NUMBER[number].title(self.language)) for number in empty
            )
            summary = self.t("completeness_some", worksheets=references)
        return {"rows": rows, "summary": summary}


def build_context(result: PortfolioResult, language: str, images=None) -> dict[str, Any]:
    """Return the template context of the Klantportfolio report.

    ``images(png, width_cm, description, name)`` returns the object the
    template shows for a chart, an inline image with alternative text. Without
    it, the chart tags contain only the description, which is enough to check
    the context.
    """
    return ContextBuilder(result, language, images).build()
