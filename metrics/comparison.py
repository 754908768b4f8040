"""The one comparison of a KPI with an earlier period, for every surface (Cockpit, Channels, pack, command line).

Rules (DESIGN.md, "Comparisons" and "Data through"):
- The base is the previous period of the same kind (a quarter: the quarter before; a custom range:
  the same number of days just before) or the same period a year earlier.
- Like for like, as of data through: the period is counted up to the cut day
  ``min(report day, data through of the scope and KPI)``; when the cut falls inside the period,
  the base is cut to the same number of days from its start (the first 53 days of Q4 against the
  first 53 days of Q3, never against the 53 days before).
- The change is a number only when both sides are fully covered. Its status says why not:
  ``no_data`` (nothing now), ``new`` (no base: nothing or 0 in the comparison period),
  ``not_comparable`` (an account with data on one side covers less than ``MIN_COVERAGE`` of the
  other side's days: its data starts mid-period, or the comparison period has data on only a
  few days; see ``KpiEngine.coverage``), or an account's value comes from daily data on one side and from its posts
  on the other (a YouTube table's videos published last year, counted over this year's export window, are no base
  for this year's daily views), else ``change``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from metrics.catalog import CATALOG
from metrics.dataset import Scope
from metrics.engine import KpiEngine, KpiValue
from metrics.freshness import NONE, to_date, to_day
from metrics.periods import Period

MIN_COVERAGE = 0.9  # share of a side's days an account's data must cover for a change to be a number


class Comparison(StrEnum):
    PREVIOUS = "previous"
    LAST_YEAR = "last_year"


class ChangeStatus(StrEnum):
    CHANGE = "change"  # a number
    NEW = "new"  # no base to compare with
    NOT_COMPARABLE = "not_comparable"  # a side's data does not cover its period
    NO_DATA = "no_data"  # nothing in the period


@dataclass(frozen=True)
class Compared:
    kpi: str
    value: float  # over ``window`` (NaN: no data)
    base: float  # over ``base_window``
    change: float  # relative change; NaN unless status is CHANGE
    status: ChangeStatus
    window: Period | None  # the period up to the cut day (None: the cut is before the period)
    base_window: Period | None
    cut: dt.date  # min(report day, data through)
    now: KpiValue | None = None  # the engine's value with its accounts, post fallbacks and carried stocks


def base_period(period: Period, comparison: Comparison) -> Period:
    return period.previous() if comparison is Comparison.PREVIOUS else period.last_year()


def comparison_windows(period: Period, comparison: Comparison, cut: dt.date) -> tuple[Period | None, Period | None]:
    """(the period up to ``cut``, the base cut to the same number of days); both None before the period."""
    base = base_period(period, comparison)
    if cut >= period.end:
        return period, base
    if cut < period.start:
        return None, None
    return period.until(cut), base.until(min(base.end, base.start + (cut - period.start)))


def cut_day(engine: KpiEngine, scope: Scope, period: Period, as_of: dt.date, key: str | None = None) -> dt.date:
    """min(report day, data through of the scope (and KPI)) for ``period``; the report day without data."""
    through = engine.data_through(scope, key, since=period.start)
    return min(as_of, through) if through is not None else as_of


def compare(engine: KpiEngine, key: str, scope: Scope, period: Period, comparison: Comparison, as_of: dt.date) -> Compared:
    """The KPI over ``period`` as of ``as_of`` against its comparison period, like for like, with a change status."""
    cut = cut_day(engine, scope, period, as_of, key)
    window, base_window = comparison_windows(period, comparison, cut)
    if window is None or base_window is None:
        return Compared(key, math.nan, math.nan, math.nan, ChangeStatus.NO_DATA, window, base_window, cut)
    now, base = engine.value(key, scope, window), engine.value(key, scope, base_window)
    status = change_status(engine, key, scope, now, base, window, base_window)
    change = (now.value - base.value) / abs(base.value) if status is ChangeStatus.CHANGE else math.nan
    return Compared(key, now.value, base.value, change, status, window, base_window, cut, now)


def change_status(engine: KpiEngine, key: str, scope: Scope, now: KpiValue, base: KpiValue, window: Period, base_window: Period) -> ChangeStatus:
    if now.no_data:
        return ChangeStatus.NO_DATA
    if base.no_data or base.value == 0:
        return ChangeStatus.NEW
    if set(now.from_posts) != set(base.from_posts):
        return ChangeStatus.NOT_COMPARABLE
    covered_now, covered_before = engine.coverage(key, scope, window), engine.coverage(key, scope, base_window)
    gaps = ((covered_now > 0) & (covered_before < MIN_COVERAGE)) | ((covered_before > 0) & (covered_now < MIN_COVERAGE))
    return ChangeStatus.NOT_COMPARABLE if np.any(gaps) else ChangeStatus.CHANGE


def compare_by_account(engine: KpiEngine, key: str, scope: Scope, period: Period, comparison: Comparison, as_of: dt.date) -> pd.DataFrame:
    """``compare`` for each account of the scope on its own, all at once: index the scope's (platform, account) pairs
    (``KpiEngine.account_index``), columns value, base, change, status. Each account has its own cut day (its data
    through); accounts sharing one are computed together, so an agency's 300 accounts cost a few array passes."""
    accounts = engine.account_index(scope)
    size = len(accounts)
    value, base, change = np.full(size, np.nan), np.full(size, np.nan), np.full(size, np.nan)
    status = np.full(size, str(ChangeStatus.NO_DATA), dtype=object)
    last = engine.last_days_by_account(scope, key)
    report_day = to_day(as_of)
    counted = (last != NONE) & (last >= to_day(period.start))  # cut_day's data through, per account
    cuts = np.where(counted, np.minimum(last, report_day), report_day)
    for cut in np.unique(cuts):
        window, base_window = comparison_windows(period, comparison, to_date(int(cut)))
        if window is None or base_window is None:
            continue
        rows = cuts == cut
        now, before = engine.values_by_account(key, scope, window)[rows], engine.values_by_account(key, scope, base_window)[rows]
        covered_now, covered_before = engine.coverage(key, scope, window)[rows], engine.coverage(key, scope, base_window)[rows]
        gaps = ((covered_now > 0) & (covered_before < MIN_COVERAGE)) | ((covered_before > 0) & (covered_now < MIN_COVERAGE))
        gaps |= engine.from_posts_by_account(key, scope, window)[rows] != engine.from_posts_by_account(key, scope, base_window)[rows]
        new = ~np.isnan(now) & (np.isnan(before) | (before == 0))
        states = np.select(
            [np.isnan(now), new, gaps],
            [str(ChangeStatus.NO_DATA), str(ChangeStatus.NEW), str(ChangeStatus.NOT_COMPARABLE)],
            str(ChangeStatus.CHANGE),
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            change[rows] = np.where(states == str(ChangeStatus.CHANGE), (now - before) / np.abs(before), np.nan)
        value[rows], base[rows], status[rows] = now, before, states
    return pd.DataFrame({"value": value, "base": base, "change": change, "status": status}, index=accounts)


def comparison_table(engine: KpiEngine, scope: Scope, period: Period, as_of: dt.date, keys: list[str] | None = None) -> pd.DataFrame:
    """Every KPI with its previous-period and last-year values, changes and change statuses (the pack, the CLI)."""
    rows = []
    for key in keys or list(CATALOG):
        previous = compare(engine, key, scope, period, Comparison.PREVIOUS, as_of)
        last_year = compare(engine, key, scope, period, Comparison.LAST_YEAR, as_of)
        now = previous.now
        rows.append(
            {
                "kpi": key,
                "value": previous.value,
                "previous": previous.base,
                "last_year": last_year.base,
                "change_previous": previous.change,
                "change_last_year": last_year.change,
                "status_previous": str(previous.status),
                "status_last_year": str(last_year.status),
                "data_through": previous.cut,
                "accounts": now.accounts if now else 0,
                "from_posts": now.from_posts if now else (),
                "non_additive": bool(now and now.summed_unique),
                "carried": now.carried if now else (),
            }
        )
    return pd.DataFrame(rows)
