"""Progress of key results, objectives and departments: actual, expected, forecast, status.

For every key result, as of a day:
- actual: the KPI over the key result's scope from the period start to ``as_of``.
- progress, direction-aware, with its kind (``ProgressKind``) so nobody reads a budget as a score:
  * share: KPIs that accumulate over the period (sums, counts, follower growth) where higher is
    better: the share of the target reached so far, actual / target.
  * budget: accumulating KPIs where lower is better (``followers_lost``): the share of the budget
    used so far, actual / target (30 of 200 lost is 15 % used; more lost is more used, never "more
    progress").
  * way: levels (stocks, rates, per-post values, survey values) with a baseline on the wrong side of
    the target: the way from baseline to target gone, (actual - baseline) / (target - baseline).
  * not computable, and why: ``zero_target`` (an accumulating target of 0 or below: "no net
    loss" has no share), ``no_baseline`` (a level without baseline: the way is unknown), ``hold``
    (the baseline already meets the target: nothing to go, only to hold), ``no_data``.
  The OKR score is progress clipped to 0..1 for share and way; for a budget it is the share of the
  budget that the forecast keeps, min(1, target / forecast); where progress is not computable it is
  1 while the target is met and 0 otherwise.
- expected: the value on the path through the period by now. Accumulating KPIs: target x the share
  of the period elapsed (linear) or, where the same period a year earlier has data, x the share of
  last year's total reached by the same day (seasonal); for a budget, the budget that may be used by
  now. Levels: baseline + (target - baseline) x the elapsed share.
- forecast for the period end: accumulating KPIs at their run rate (actual / elapsed share, or /
  last year's share when seasonal); stocks by a linear trend over the days so far; rates stay at
  their current value.
- status (thresholds below): no data; after the period achieved when the target is met, else off
  track. While it runs: achieved once the target is met (except a budget, which is only kept at the
  end); a budget already exceeded is off track; otherwise the forecast decides by its share:
  forecast / target (share), target / forecast (budget), the way from baseline (way), or, where no
  share exists, whether the forecast meets the target (on track) or not (off track): on track
  (>= 95 %), at risk (>= 75 %) or off track.

Data through (DESIGN.md): everything above is computed as of ``min(report day, data through)``,
where data through is the last day with data of the key result's scope and KPI
(``KpiEngine.data_through``): days after the last export are unknown, not zero. A period that has
ended but whose data does not reach its end is provisional: judged like a running period as of
its data-through date (on pace is on track), not as final. A period fully covered is final.

Objectives take the worst status of their committed key results (aspirational ones count only
when an objective has no committed ones); all achieved is achieved; no data only if nothing has
data. Departments roll up their objectives the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from metrics import formatting
from metrics.catalog import CATALOG, Aggregation, Direction, Source
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.goals import GoalsConfig, KeyResult, KeyResultType, Objective
from model.i18n import Language, translate

ON_TRACK_AT = 0.95
AT_RISK_AT = 0.75
MIN_TREND_DAYS = 3
ACCUMULATING = (Aggregation.SUM, Aggregation.COUNT, Aggregation.GROWTH, Aggregation.GROWTH_RATE)


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


class ProgressKind(StrEnum):
    """What a key result's progress number means, or why there is none."""

    SHARE = "share"  # share of the target reached: actual / target
    BUDGET = "budget"  # share of the budget used: actual / target (lower is better)
    WAY = "way"  # share of the way from baseline to target
    ZERO_TARGET = "zero_target"  # an accumulating target of 0 (or below): no share exists
    NO_BASELINE = "no_baseline"  # a level without baseline: the way is unknown
    HOLD = "hold"  # the baseline already meets the target: nothing to go, only to hold
    NO_DATA = "no_data"


COMPUTABLE = (ProgressKind.SHARE, ProgressKind.BUDGET, ProgressKind.WAY)

SEVERITY = {Status.OFF_TRACK: 4, Status.AT_RISK: 3, Status.ON_TRACK: 2, Status.ACHIEVED: 1, Status.NO_DATA: 0}


@dataclass(frozen=True)
class KeyResultReport:
    key_result: KeyResult
    objective: Objective
    actual: float
    progress: float
    score: float
    expected: float
    expected_method: str  # linear | seasonal
    forecast: float
    forecast_method: str  # run_rate | seasonal | trend | current
    status: Status
    note: str = ""  # a text code of model.i18n (e.g. "kr.not_started"), "" when there is nothing to say
    progress_kind: ProgressKind = ProgressKind.SHARE
    data_through: dt.date | None = None  # last day with data for the scope and KPI (None: no data, or manual)
    provisional: bool = False  # the period has ended but its data does not reach its end
    judged_as_of: dt.date | None = None  # the day the figures are computed for: min(report day, data through)

    def to_dict(self) -> dict[str, object]:
        kr = self.key_result
        return {
            "key_result": kr.id,
            "objective_id": kr.objective_id,
            "objective": self.objective.objective,
            "department": self.objective.department,
            "kpi": kr.kpi,
            "platform": kr.platform,
            "account": kr.account,
            "tag": kr.tag,
            "period": kr.period_text,
            "period_start": kr.period.start.isoformat(),
            "period_end": kr.period.end.isoformat(),
            "type": str(kr.type),
            "baseline": _plain(kr.baseline),
            "target": _plain(kr.target),
            "actual": _plain(self.actual),
            "progress": _plain(self.progress),
            "progress_kind": str(self.progress_kind),
            "score": _plain(self.score),
            "expected": _plain(self.expected),
            "expected_method": self.expected_method,
            "forecast": _plain(self.forecast),
            "forecast_method": self.forecast_method,
            "status": str(self.status),
            "note": self.note,
            "data_through": self.data_through.isoformat() if self.data_through else None,
            "judged_as_of": self.judged_as_of.isoformat() if self.judged_as_of else None,
            "provisional": self.provisional,
        }


@dataclass(frozen=True)
class RollUp:
    key: str  # objective id or department
    status: Status
    score: float
    counts: dict[str, int]


@dataclass(frozen=True)
class GoalReport:
    as_of: dt.date
    key_results: tuple[KeyResultReport, ...]
    objectives: dict[str, RollUp]
    departments: dict[str, RollUp]


def _plain(value: float | None) -> float | None:
    if value is None or value != value:
        return None
    return round(float(value), 6)


def evaluate(engine: KpiEngine, config: GoalsConfig, as_of: dt.date) -> GoalReport:
    reports = tuple(evaluate_key_result(engine, kr, config.objective(kr.objective_id), as_of) for kr in config.key_results)
    objectives = {o.id: _roll_up(o.id, [r for r in reports if r.key_result.objective_id == o.id]) for o in config.objectives}
    departments = {}
    for department in dict.fromkeys(o.department for o in config.objectives):
        ups = [objectives[o.id] for o in config.objectives if o.department == department]
        departments[department] = _combine(department, [u.status for u in ups], [u.score for u in ups])
    return GoalReport(as_of, reports, objectives, departments)


def scope_of(kr: KeyResult, objective: Objective) -> Scope:
    manual = CATALOG[kr.kpi].source is not Source.PLATFORM
    # Manual values and the editorial plan belong to departments; platform KPIs follow the key result's own scope.
    return Scope.of(platforms=kr.platform, accounts=kr.account, departments=objective.department if manual else None, tags=kr.tag)


def judgement_day(engine: KpiEngine, kr: KeyResult, scope: Scope, as_of: dt.date) -> tuple[dt.date, dt.date | None, bool]:
    """(the day to judge as of, the data-through date, provisional) of a key result on the report day ``as_of``.

    Judged as of min(report day, data through); a period that has ended on the calendar but whose
    data stops before its end is provisional. Without any data (or for manual KPIs) the report day.
    """
    through = engine.data_through(scope, kr.kpi, since=kr.period.start)
    day = min(as_of, through) if through is not None else as_of
    provisional = as_of >= kr.period.end and through is not None and through < kr.period.end
    return day, through, provisional


def evaluate_key_result(engine: KpiEngine, kr: KeyResult, objective: Objective, as_of: dt.date) -> KeyResultReport:
    item = CATALOG[kr.kpi]
    scope = scope_of(kr, objective)
    if as_of < kr.period.start:
        return KeyResultReport(
            kr,
            objective,
            math.nan,
            math.nan,
            math.nan,
            math.nan,
            "linear",
            math.nan,
            "current",
            Status.NO_DATA,
            "kr.not_started",  # a text code: shown in the reader's language (progress_text)
            ProgressKind.NO_DATA,
        )
    as_of, through, provisional = judgement_day(engine, kr, scope, as_of)
    window = kr.period.until(as_of)
    if window is None:  # the data ends before the period starts: nothing to judge yet
        return KeyResultReport(
            kr, objective, math.nan, math.nan, math.nan, math.nan, "linear", math.nan, "current", Status.NO_DATA,
            progress_kind=ProgressKind.NO_DATA, data_through=through, provisional=provisional, judged_as_of=as_of,
        )  # fmt: skip
    actual = engine.value(kr.kpi, scope, window).value
    share = kr.period.elapsed_share(as_of)
    accumulating = item.aggregation in ACCUMULATING
    baseline = kr.baseline if kr.baseline is not None else (0.0 if accumulating else math.nan)
    expected_method, forecast_method = "linear", "current"
    if accumulating:
        seasonal = _seasonal_share(engine, kr.kpi, scope, kr.period.start, as_of, kr.period)
        if seasonal is not None and share < 1:
            share, expected_method, forecast_method = seasonal, "seasonal", "seasonal"
        else:
            forecast_method = "run_rate"
        expected = kr.target * share
        forecast = actual / share if share > 0 and actual == actual else math.nan
    else:
        expected = baseline + (kr.target - baseline) * share if baseline == baseline else kr.target
        forecast = actual
        if item.aggregation is Aggregation.LAST and item.source is Source.PLATFORM and share < 1:
            trend = _trend(engine, kr.kpi, scope, window, kr.period.end)
            if trend is not None:
                forecast, forecast_method = trend, "trend"
    progress, kind = _progress(actual, baseline, kr.target, accumulating, item.direction)
    score = _score(progress, kind, actual, forecast, kr.target, item.direction)
    status = _status(actual, forecast, baseline, kr.target, accumulating, item.direction, as_of >= kr.period.end)
    return KeyResultReport(
        kr, objective, actual, progress, score, expected, expected_method, forecast, forecast_method, status,
        progress_kind=kind, data_through=through, provisional=provisional, judged_as_of=as_of,
    )  # fmt: skip


def _meets(value: float, target: float, direction: Direction) -> bool:
    return value >= target if direction is Direction.HIGHER else value <= target


def _progress_kind(baseline: float, target: float, accumulating: bool, direction: Direction) -> ProgressKind:
    """Which progress number a key result has (the data aside): share, budget, way, or why none."""
    if accumulating:
        # A period total starts at 0 each period; a baseline (last period's total) does not move that start.
        if target <= 0:
            return ProgressKind.ZERO_TARGET
        return ProgressKind.SHARE if direction is Direction.HIGHER else ProgressKind.BUDGET
    if baseline != baseline:
        return ProgressKind.NO_BASELINE
    if _meets(baseline, target, direction):
        return ProgressKind.HOLD
    return ProgressKind.WAY


def _progress(actual: float, baseline: float, target: float, accumulating: bool, direction: Direction) -> tuple[float, ProgressKind]:
    """(progress, its kind): NaN where the kind says it cannot be computed, never a division by zero."""
    if actual != actual:
        return math.nan, ProgressKind.NO_DATA
    kind = _progress_kind(baseline, target, accumulating, direction)
    if kind in (ProgressKind.SHARE, ProgressKind.BUDGET):
        return actual / target, kind
    if kind is ProgressKind.WAY:
        return (actual - baseline) / (target - baseline), kind
    return math.nan, kind


def _score(progress: float, kind: ProgressKind, actual: float, forecast: float, target: float, direction: Direction) -> float:
    """The OKR score (0..1) that objectives average: progress where it is a share of the way, else kept or met."""
    if kind is ProgressKind.NO_DATA:
        return math.nan
    if kind in (ProgressKind.SHARE, ProgressKind.WAY):
        return min(max(progress, 0.0), 1.0)
    if kind is ProgressKind.BUDGET:
        # The share of the budget the period-end forecast keeps: within budget is 1.
        if forecast != forecast:
            return math.nan
        return 1.0 if forecast <= target else target / forecast
    return 1.0 if _meets(actual, target, direction) else 0.0


def _status(actual: float, forecast: float, baseline: float, target: float, accumulating: bool, direction: Direction, ended: bool) -> Status:
    if actual != actual:
        return Status.NO_DATA
    if ended:
        return Status.ACHIEVED if _meets(actual, target, direction) else Status.OFF_TRACK
    kind = _progress_kind(baseline, target, accumulating, direction)
    if accumulating and direction is Direction.LOWER:
        # A budget is kept only at the end; once exceeded it is spent, whatever the rest of the period brings.
        if actual > target:
            return Status.OFF_TRACK
    elif _meets(actual, target, direction):
        return Status.ACHIEVED
    if forecast != forecast:
        return Status.NO_DATA
    if kind is ProgressKind.SHARE:
        share = forecast / target
    elif kind is ProgressKind.BUDGET:
        share = 1.0 if forecast <= 0 else target / forecast
    elif kind is ProgressKind.WAY:
        share = (forecast - baseline) / (target - baseline)
    else:  # no share of a way exists: the forecast meets the target or it does not
        share = 1.0 if _meets(forecast, target, direction) else 0.0
    if share >= ON_TRACK_AT:
        return Status.ON_TRACK
    return Status.AT_RISK if share >= AT_RISK_AT else Status.OFF_TRACK


def _seasonal_share(engine: KpiEngine, kpi: str, scope: Scope, start: dt.date, as_of: dt.date, period: object) -> float | None:
    """The share of last year's period total that had accrued by the same day, where that year has data.

    The pattern comes from the accounts that count now and had all of last year's period: an account with a few
    weeks of last year (a December of posts imported later) or none of this year would bend it (a new user's HR goal
    went from "nicht auf Kurs" to "auf Kurs" when another Instagram account's history was imported)."""
    last_year = period.last_year()  # type: ignore[attr-defined]
    part_window = last_year.until(last_year.start + (as_of - start))
    if part_window is None:
        return None
    chosen = _pattern_accounts(engine, kpi, scope, period.until(as_of), last_year)  # type: ignore[attr-defined]
    if chosen is None:
        total, part = engine.value(kpi, scope, last_year).value, engine.value(kpi, scope, part_window).value
        # Only when last year is covered from its start (a series that begins mid-period is no pattern).
        first = engine.value(kpi, scope, last_year.until(last_year.start + dt.timedelta(days=6))).value
        if first != first:
            return None
    elif not chosen.any() or CATALOG[kpi].aggregation not in (Aggregation.SUM, Aggregation.COUNT):
        return None  # growth rates do not add up over accounts: no pattern of a part of the scope
    else:
        total = float(np.nansum(engine.values_by_account(kpi, scope, last_year)[chosen]))
        part = float(np.nansum(engine.values_by_account(kpi, scope, part_window)[chosen]))
    if total != total or total <= 0:
        return None
    return part / total if part == part and 0 < part / total <= 1 else None


def _pattern_accounts(engine: KpiEngine, kpi: str, scope: Scope, window: object, last_year: object) -> np.ndarray | None:
    """Per account of the scope, whether it shapes the seasonal pattern: it has data now and covers last year's
    period. None when that is every account with data last year (the scope's own figures are the pattern)."""
    if CATALOG[kpi].source in (Source.MANUAL, Source.PLAN) or window is None:
        return None
    from metrics.comparison import MIN_COVERAGE

    now = ~np.isnan(engine.values_by_account(kpi, scope, window))  # type: ignore[arg-type]
    before = ~np.isnan(engine.values_by_account(kpi, scope, last_year))  # type: ignore[arg-type]
    chosen = now & before & (engine.coverage(kpi, scope, last_year) >= MIN_COVERAGE)  # type: ignore[arg-type]
    return None if np.array_equal(chosen, before) else chosen


def _trend(engine: KpiEngine, kpi: str, scope: Scope, window: object, end: dt.date) -> float | None:
    """A least-squares line through the stock's days so far, read at the period end."""
    series = engine.daily_totals(kpi, scope, window).dropna()  # type: ignore[arg-type]
    if len(series) < MIN_TREND_DAYS:
        return None
    days = (series.index - series.index[0]).days.to_numpy(dtype=float)
    slope, intercept = np.polyfit(days, series.to_numpy(dtype=float), 1)
    return float(intercept + slope * (end - series.index[0].date()).days)


def _roll_up(key: str, reports: list[KeyResultReport]) -> RollUp:
    committed = [r for r in reports if r.key_result.type is KeyResultType.COMMITTED] or reports
    return _combine(key, [r.status for r in committed], [r.score for r in committed])


def _combine(key: str, statuses: list[Status], scores: list[float]) -> RollUp:
    counts = {str(s): statuses.count(s) for s in Status if statuses.count(s)}
    known = [s for s in statuses if s is not Status.NO_DATA]
    if not known:
        status = Status.NO_DATA
    elif all(s is Status.ACHIEVED for s in known):
        status = Status.ACHIEVED
    else:
        status = max(known, key=SEVERITY.__getitem__)
    valid = [s for s in scores if s == s]
    return RollUp(key, status, sum(valid) / len(valid) if valid else math.nan, counts)


def progress_text(report: KeyResultReport, language: Language) -> str:
    """What the progress number is, with the number: "Budget verbraucht 15 %", "Progress 42%", or why there is none."""
    if report.note:  # e.g. the period has not started: that, not "no data"
        return translate(report.note, language)
    name = translate(f"progress.{report.progress_kind}", language)
    if report.progress_kind in COMPUTABLE and report.progress == report.progress:
        return f"{name} {formatting.percent(report.progress, language, digits=0)}"
    return name
