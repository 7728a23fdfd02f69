"""Projects, their planning and their budget: worksheets 27, 28 and 29."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kamgen.compute.account_common import code_key, date, integer, number, rows, section, text, text_list

# Worksheet 28.
DAYS_PER_WEEK = 7
DEFAULT_MAX_PARALLEL = 3  # activities one owner carries in a month (design choice)

# Worksheet 29: year 0 is the start of the plan, year 5 the last year budgeted.
BUDGET_YEARS = tuple(range(0, 6))


# --- worksheet 27 ----------------------------------------------------------

@dataclass(frozen=True)
class ProjectResult:
    index: int
    code: str
    name: str
    focus_points: tuple[str, ...]
    option: str | None
    owner: str | None
    start: dt.date | None
    end: dt.date | None
    status: str | None
    hours: float | None
    budget: float | None
    measurable: bool  # a KPI with a target
    time_bound: bool  # an end date

    @property
    def smart_missing(self) -> tuple[str, ...]:
        return tuple(part for part, present in (("measurable", self.measurable), ("time_bound", self.time_bound)) if not present)


def compute_projects(data: Any) -> tuple[ProjectResult, ...]:
    projects = []
    seen = set()
    for index, row in rows(data, "projects"):
        code = text(row.get("code"))
        if not code or code in seen:
            continue
        seen.add(code)
        end = date(row.get("end"))
        projects.append(ProjectResult(
            index=index,
            code=code,
            name=text(row.get("name")) or "",
            focus_points=tuple(text_list(row.get("focus_points"))),
            option=text(row.get("option")),
            owner=text(row.get("owner")),
            start=date(row.get("start")),
            end=end,
            status=text(row.get("status")),
            hours=number(row.get("hours")),
            budget=number(row.get("budget")),
            measurable=bool(text(row.get("kpi")) and text(row.get("target"))),
            time_bound=end is not None,
        ))
    return tuple(sorted(projects, key=lambda project: code_key(project.code)))


# --- worksheet 28 ----------------------------------------------------------

@dataclass(frozen=True)
class ActivityResult:
    index: int
    code: str
    project: str | None
    name: str
    owner: str | None
    start: dt.date | None
    end: dt.date | None  # given, or derived from the duration
    duration_weeks: float | None  # (end − start + 1 day) / 7; 0 for a milestone
    milestone: bool
    predecessors: tuple[str, ...]
    status: str | None
    percent_complete: float | None


@dataclass(frozen=True)
class OwnerLoad:
    owner: str
    month: str  # yyyy-mm
    activities: tuple[str, ...]  # codes of the activities running in that month
    over_maximum: bool

    @property
    def count(self) -> int:
        return len(self.activities)


@dataclass(frozen=True)
class PlanningResult:
    """Worksheet 28: dated activities and the load per owner per month."""

    activities: tuple[ActivityResult, ...]
    months: tuple[str, ...]
    loads: tuple[OwnerLoad, ...]  # only months with at least one activity
    max_parallel: int
    start: dt.date | None
    end: dt.date | None

    @property
    def overloaded(self) -> tuple[OwnerLoad, ...]:
        return tuple(load for load in self.loads if load.over_maximum)


def activity_dates(row: dict) -> tuple[dt.date | None, dt.date | None, float | None]:
    """Return start, end and duration in weeks; end dates are inclusive.

    A milestone has no length. Without an end date, the duration in weeks sets
    it: two weeks from Monday 2 March end on Sunday 15 March.
    """
    start = date(row.get("start"))
    end = date(row.get("end"))
    weeks = number(row.get("duration_weeks"))
    if row.get("milestone") is True:
        return start, start, 0.0 if start else None
    if end is None and start is not None and weeks is not None and weeks >= 0:
        days = round(weeks * DAYS_PER_WEEK)
        end = start + dt.timedelta(days=max(days - 1, 0))
    if start is None or end is None:
        return start, end, float(weeks) if weeks is not None else None
    return start, end, ((end - start).days + 1) / DAYS_PER_WEEK


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    current = first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def month_end(start: dt.date) -> dt.date:
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def compute_planning(data: Any) -> PlanningResult:
    part = section(data, "planning")
    maximum = integer(part.get("max_parallel"))
    maximum = maximum if maximum is not None and maximum >= 1 else DEFAULT_MAX_PARALLEL

    activities = []
    seen = set()
    for index, row in rows(part, "activities"):
        code = text(row.get("code"))
        if not code or code in seen:
            continue
        seen.add(code)
        start, end, weeks = activity_dates(row)
        activities.append(ActivityResult(
            index=index, code=code, project=text(row.get("project")), name=text(row.get("name")) or "",
            owner=text(row.get("owner")), start=start, end=end, duration_weeks=weeks,
            milestone=row.get("milestone") is True, predecessors=tuple(text_list(row.get("predecessors"))),
            status=text(row.get("status")), percent_complete=number(row.get("percent_complete")),
        ))

    dated = [activity for activity in activities if activity.start and activity.end and activity.start <= activity.end]
    first = min((activity.start for activity in dated), default=None)
    last = max((activity.end for activity in dated), default=None)
    months = month_starts(first, last) if first and last else []

    # Load: activities (not milestones) of one owner that run at some point in the month.
    loads = []
    owners = sorted({activity.owner for activity in dated if activity.owner and not activity.milestone})
    for owner in owners:
        for month in months:
            running = tuple(
                activity.code for activity in dated
                if activity.owner == owner and not activity.milestone
                and activity.start <= month_end(month) and activity.end >= month
            )
            if running:
                loads.append(OwnerLoad(owner, month.strftime("%Y-%m"), running, len(running) > maximum))

    return PlanningResult(
        activities=tuple(activities),
        months=tuple(month.strftime("%Y-%m") for month in months),
        loads=tuple(loads),
        max_parallel=maximum,
        start=first,
        end=last,
    )


# --- worksheet 29 ----------------------------------------------------------

@dataclass(frozen=True)
class BudgetYear:
    year: int
    investment: float
    internal_costs: float  # internal hours × hourly rate
    external_costs: float
    cost_to_serve: float
    extra_margin: float  # extra revenue × margin percentage
    cost_savings: float
    other_benefits: float

    @property
    def costs(self) -> float:
        return self.investment + self.internal_costs + self.external_costs + self.cost_to_serve

    @property
    def benefits(self) -> float:
        return self.extra_margin + self.cost_savings + self.other_benefits

    @property
    def net(self) -> float:
        return self.benefits - self.costs


@dataclass(frozen=True)
class BudgetSummary:
    """Worksheet 29 for one project, or for the whole plan when ``project`` is None."""

    project: str | None
    years: tuple[BudgetYear, ...]  # years 0–5
    cumulative: tuple[float, ...]  # cumulative net at the end of each year
    total_costs: float
    total_benefits: float
    net: float
    roi: float | None  # (Σ benefits − Σ costs) / Σ costs; None without costs
    payback_years: float | None  # None: not within the plan period
    npv: float | None  # None without a discount rate
    notes: tuple[str, ...]  # benefits described but not quantified


@dataclass(frozen=True)
class BudgetResult:
    projects: tuple[BudgetSummary, ...]
    total: BudgetSummary
    discount_rate: float | None


def payback_period(nets: list[float], cumulative: list[float]) -> float | None:
    """Return the years until the cumulative net turns ≥ 0, interpolated inside that year.

    Year 0 is the start: a plan positive from year 0 pays back at 0. When year
    y turns the cumulative net from negative to ≥ 0, the payback period is
    (y − 1) + (what was still open at the end of year y − 1) / (net of year y).
    """
    for year, value in enumerate(cumulative):
        if value >= 0:
            if year == 0:
                return 0.0
            return (year - 1) + (-cumulative[year - 1]) / nets[year]
    return None


def net_present_value(nets: list[float], rate: float) -> float:
    return sum(net / (1 + rate) ** year for year, net in enumerate(nets))


def summarise_budget(project: str | None, lines: list[dict], rate: float | None) -> BudgetSummary:
    years = []
    for year in BUDGET_YEARS:
        here = [line for line in lines if integer(line.get("year")) == year]

        def total(key: str) -> float:
            return float(sum(number(line.get(key)) or 0 for line in here))

        years.append(BudgetYear(
            year=year,
            investment=total("investment"),
            internal_costs=float(sum((number(line.get("internal_hours")) or 0) * (number(line.get("hourly_rate")) or 0) for line in here)),
            external_costs=total("external_costs"),
            cost_to_serve=total("cost_to_serve"),
            extra_margin=float(sum((number(line.get("extra_revenue")) or 0) * (number(line.get("margin")) or 0) for line in here)),
            cost_savings=total("cost_savings"),
            other_benefits=total("other_benefits"),
        ))

    nets = [year.net for year in years]
    cumulative = []
    running = 0.0
    for net in nets:
        running += net
        cumulative.append(running)
    costs = sum(year.costs for year in years)
    benefits = sum(year.benefits for year in years)
    notes = tuple(note for line in lines if (note := text(line.get("other_benefits_note"))))

    return BudgetSummary(
        project=project,
        years=tuple(years),
        cumulative=tuple(cumulative),
        total_costs=costs,
        total_benefits=benefits,
        net=benefits - costs,
        roi=(benefits - costs) / costs if costs > 0 else None,
        payback_years=payback_period(nets, cumulative),
        npv=net_present_value(nets, rate) if rate is not None else None,
        notes=notes,
    )


def compute_budget(data: Any) -> BudgetResult:
    part = section(data, "budget")
    rate = number(part.get("discount_rate"))
    rate = float(rate) if rate is not None and 0 <= rate <= 1 else None

    lines = [row for _, row in rows(part, "lines") if integer(row.get("year")) in BUDGET_YEARS]
    projects = sorted({code for line in lines if (code := text(line.get("project")))}, key=code_key)
    return BudgetResult(
        projects=tuple(summarise_budget(code, [line for line in lines if text(line.get("project")) == code], rate) for code in projects),
        total=summarise_budget(None, [line for line in lines if text(line.get("project"))], rate),
        discount_rate=rate,
    )

