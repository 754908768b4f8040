"""Data through: the last day with data per account and metric, a scope's data-through date, stale accounts.

Exports arrive days or weeks late. A day after the last export is unknown, not a day without
activity, so goals, paces, forecasts and like-for-like comparisons are judged as of
``min(report day, data through)`` (DESIGN.md, "Data through").

Rules:
- Per account and metric family (DESIGN.md): an account's flows run to its last daily row or
  post (publish day) with any flow value; its stock (followers) to its last daily row with a
  follower total. A metric counts for an account only if the account has any value for it; then
  its last day is the family's (one X column empty on the export's last two days, or YouTube
  impressions only in posts, do not make the export older than it is). An account's last day
  overall is its last daily row or post of any metric.
- A KPI's last day per account combines its metrics: a ratio needs both parts (the earlier of
  the two), follower growth needs any of followers, gained, lost or net (the latest), post counts
  use the account's last day overall.
- A scope's data through (for a KPI, or overall) is the earliest last day over the scope's
  accounts that hold data for it. Accounts without any data for it do not count (they contribute
  nothing, so they cannot hold the date back), and neither do accounts whose data ends before
  ``since`` (the period's start): an account given up before the period is not "late".
  Nor do accounts with posts only (a posts export, the generic template, X without its account
  analytics): their last day is their last post, and a channel that has not posted for a while is
  not a late export (two template posts up to 04.11. cut a whole company's Cockpit to that day).
  A scope of such accounts only runs to the latest of their last days.
  No account with data: ``None`` (no data-through date, nothing to cut).
- An account is stale when its last day overall is more than a threshold (default 7 days,
  ``RESONANZ_STALE_DAYS``) before the report day.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from metrics.catalog import CATALOG, Aggregation, Source
from metrics.prefix import NO_DAY
from model.canonical import STOCK_METRICS

# An account without any data for longer than this before a period is taken as given up for it: its follower total is
# not carried into the period, and it is neither a source of the period's figures nor late for it. Within it, an
# export that is only late keeps its total in the sums (marked as carried) and is named as late.
GIVEN_UP_DAYS = 92
STALE_DAYS_VARIABLE = "RESONANZ_STALE_DAYS"
DEFAULT_STALE_DAYS = 7
NONE = -1  # day number of "no data"
EPOCH = dt.date(1970, 1, 1)
GROWTH_METRICS = ("followers", "followers_gained", "followers_lost", "followers_net")


def stale_threshold_days() -> int:
    """Days after which an account's data counts as stale: ``RESONANZ_STALE_DAYS``, default 7."""
    raw = os.environ.get(STALE_DAYS_VARIABLE, "").strip()
    return int(raw) if raw.isdigit() else DEFAULT_STALE_DAYS


def to_date(day: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(day))


def to_day(date: dt.date) -> int:
    return (date - EPOCH).days


@dataclass(frozen=True)
class StaleAccount:
    platform: str
    account: str
    last_day: dt.date
    days_behind: int  # days between the last day with data and the report day


@dataclass(frozen=True)
class LastDays:
    """Per account (rows in the engine's account order) the day number of its last data, NONE where none."""

    daily: pd.DataFrame  # columns: metrics of the daily grain
    posts: pd.DataFrame  # columns: flow metrics of the post grain
    overall: np.ndarray
    flows: np.ndarray  # the flow family: last daily row or post with any flow value
    has_daily: np.ndarray  # bool: the account has daily rows (not posts only); only such accounts hold a scope back
    # of_kpi per KPI: the Channels page asks it for every account of an agency (300 x 2 KPIs each rerun)
    _of_kpi: dict[str, np.ndarray | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        accounts: int,
        daily_codes: np.ndarray,
        daily_days: np.ndarray,
        daily: pd.DataFrame,
        post_codes: np.ndarray,
        post_days: np.ndarray,
        posts: pd.DataFrame,
    ) -> LastDays:
        daily_last = _last_per_account(accounts, daily_codes, daily_days, daily)
        post_last = _last_per_account(accounts, post_codes, post_days, posts)
        last_daily_row = _last_any(accounts, daily_codes, daily_days)
        overall = np.maximum(last_daily_row, _last_any(accounts, post_codes, post_days))
        flow_columns = [c for c in daily_last.columns if c not in STOCK_METRICS]
        flows = np.maximum(daily_last[flow_columns].max(axis=1).to_numpy(), post_last.max(axis=1).to_numpy() if len(post_last.columns) else NONE)
        return cls(daily_last, post_last, overall, flows, last_daily_row != NONE)

    def of_metric(self, metric: str) -> np.ndarray:
        """Per account, the last day of the metric's family where the account has the metric at all (NONE: never)."""
        none = np.full(len(self.overall), NONE)
        daily = self.daily[metric].to_numpy() if metric in self.daily.columns else none
        posts = self.posts[metric].to_numpy() if metric in self.posts.columns else none
        if metric in STOCK_METRICS:
            return daily
        return np.where((daily != NONE) | (posts != NONE), self.flows, NONE)

    def of_kpi(self, key: str) -> np.ndarray | None:
        """Per account, the last day with data for the KPI (NONE: none); None for manual KPIs (no export lags)."""
        if key not in self._of_kpi:
            days = self._kpi_last_days(key)
            if days is not None:
                days = days.copy() if days is self.overall else days
                days.setflags(write=False)  # shared by every caller from now on
            self._of_kpi[key] = days
        return self._of_kpi[key]

    def _kpi_last_days(self, key: str) -> np.ndarray | None:
        item = CATALOG[key]
        if item.source is Source.MANUAL:
            return None
        if item.aggregation is Aggregation.COUNT:
            return self.overall
        if item.aggregation in (Aggregation.GROWTH, Aggregation.GROWTH_RATE):
            return np.max([self.of_metric(m) for m in GROWTH_METRICS], axis=0)
        parts = np.array([self.of_metric(m) for m in item.numerator + item.denominator])
        # A ratio needs every part: the earliest; an account missing a part entirely adds nothing.
        return np.where((parts == NONE).any(axis=0), NONE, parts.min(axis=0))


def _last_per_account(accounts: int, codes: np.ndarray, days: np.ndarray, values: pd.DataFrame) -> pd.DataFrame:
    present = values.notna().to_numpy() & (days != NO_DAY)[:, None]  # a post without a publish time has no day
    marked = np.where(present, days[:, None], NONE)
    frame = pd.DataFrame(marked, columns=values.columns).groupby(codes).max() if len(codes) else pd.DataFrame(columns=values.columns)
    return frame.reindex(range(accounts), fill_value=NONE).astype(np.int64)


def _last_any(accounts: int, codes: np.ndarray, days: np.ndarray) -> np.ndarray:
    last = np.full(accounts, NONE, dtype=np.int64)
    np.maximum.at(last, codes, np.maximum(days, NONE))  # NO_DAY (no publish time) counts as no data
    return last


def through(last_days: np.ndarray, since: dt.date | None = None, has_daily: np.ndarray | None = None) -> dt.date | None:
    """The earliest last day over accounts with daily data (at or after ``since``); over accounts with posts only, the
    latest; None without any. ``has_daily`` per account (None: every account has daily data)."""
    counted = _counted(last_days, since)
    holding = counted if has_daily is None else counted & has_daily
    if holding.any():
        return to_date(last_days[holding].min())
    return to_date(last_days[counted].max()) if counted.any() else None


def _counted(last_days: np.ndarray, since: dt.date | None) -> np.ndarray:
    floor = to_day(since) if since is not None else NONE + 1
    return (last_days != NONE) & (last_days >= floor)


def stale(accounts: pd.DataFrame, last_days: np.ndarray, as_of: dt.date, threshold_days: int | None = None) -> list[StaleAccount]:
    """The accounts (rows of ``accounts``: platform, account) whose data ends more than the threshold before ``as_of``."""
    threshold = stale_threshold_days() if threshold_days is None else threshold_days
    behind = to_day(as_of) - last_days
    found = [
        StaleAccount(str(platform), str(account), to_date(last), int(days))
        for (platform, account), last, days in zip(accounts.itertuples(index=False), last_days, behind, strict=True)
        if last != NONE and days > threshold
    ]
    return sorted(found, key=lambda s: (s.last_day, s.platform, s.account))


@dataclass(frozen=True)
class HeldBack:
    """The accounts whose last day is a scope's data through while others reach further: they hold its figures back."""

    through: dt.date
    latest: dt.date  # the last day of the accounts that reach furthest (at most the report day)
    accounts: tuple[tuple[str, str], ...]  # (platform, account), sorted


def held_back(accounts: pd.MultiIndex, last_days: np.ndarray, since: dt.date | None, as_of: dt.date, has_daily: np.ndarray | None = None) -> HeldBack | None:
    """Who holds a scope's data through back (``through``'s accounts), when others have data after it; else None.
    ``accounts``: (platform, account) of each of ``last_days``, taken apart only when someone is held back (the Goals
    page asks for each of 200 key results: a frame of the accounts per call was a quarter of its rerun).

    The same counting as ``through``: accounts with data at or after ``since``, of which only those with daily data
    hold the others back; days after ``as_of`` do not count."""
    counted = _counted(last_days, since)
    holding = counted if has_daily is None else counted & has_daily
    if not holding.any():
        return None
    capped = np.minimum(last_days, to_day(as_of))
    first, latest = int(capped[holding].min()), int(capped[counted].max())
    if first == latest:
        return None
    holders = accounts[holding & (capped == first)]
    return HeldBack(to_date(first), to_date(latest), tuple(sorted((str(p), str(a)) for p, a, *_ in holders)))
