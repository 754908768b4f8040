"""KPI computation over any scope and period.

The engine first condenses a period into per-account figures (``PeriodAggregates``): one pass
over the daily and the post grain, shared by every KPI and every scope asked about that period.
A KPI is then arithmetic on a few hundred rows at most.

Rules (DESIGN.md, "KPIs and goals"):
- A flow counts what happened in the period: it uses the daily grain where the account has daily
  data for that metric at all, else the post grain (lifetime figures of the posts published in
  the period), and says which accounts fell back.
- Ratios are ratios of sums over the accounts that have both parts; stocks are never summed over
  time (the last value per account, added over accounts).
- Missing is never 0: a KPI without data for the scope is NaN ("no data").
- Dates: daily rows by their day; posts by the UTC day they were published.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ingest.canonical import METRIC_NAMES, STOCK_METRICS
from metrics.catalog import CATALOG, Aggregation, Kpi, Source
from metrics.dataset import ACCOUNT_KEY, Dataset, Scope
from metrics.periods import Period

FLOWS: list[str] = [m for m in METRIC_NAMES if m not in STOCK_METRICS]


@dataclass(frozen=True)
class KpiValue:
    kpi: str
    value: float  # NaN means no data
    period: Period
    scope: Scope
    accounts: int = 0  # accounts that contributed
    from_posts: tuple[str, ...] = ()  # "platform/account" whose value came from posts (no daily data)

    @property
    def no_data(self) -> bool:
        return self.value != self.value


@dataclass
class PeriodAggregates:
    """Per-account figures of one period; index: (platform, account)."""

    flows: pd.DataFrame  # daily sum where the account has daily data for the metric, else post sum
    from_posts: pd.DataFrame  # True where the flow came from posts
    post_sums: pd.DataFrame  # flows over the posts published in the period
    post_metric_counts: pd.DataFrame  # posts with a value per metric
    post_counts: pd.Series  # posts published in the period
    stock_last: pd.DataFrame  # stocks: last value in the period
    stock_first: pd.DataFrame  # stocks: first value in the period
    stock_before: pd.DataFrame  # stocks: last value before the period
    stock_count: pd.DataFrame  # stocks: days with a value in the period
    has_posts: pd.Index = field(default_factory=lambda: pd.Index([]))  # accounts with any post data at all


class KpiEngine:
    """Computes catalog KPIs for a dataset; caches per-period aggregates (create one per dataset)."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        daily = data.daily
        self._daily = daily.sort_values("date", kind="stable")
        self._daily_days = self._daily["date"].to_numpy()
        # Which accounts have daily data for which metric, over all time: decides daily vs. posts.
        self._has_daily = daily.groupby(ACCOUNT_KEY)[FLOWS].count().gt(0)
        posts = data.posts
        self._post_days = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize().to_numpy()
        self._posts_with_accounts = pd.MultiIndex.from_frame(posts[ACCOUNT_KEY].drop_duplicates().astype(object))
        self._post_tags = data.post_tags() if data.tag_rules else None
        self._cache: dict[tuple[object, ...], PeriodAggregates] = {}

    # ------------------------------------------------------------------ aggregates

    def aggregates(self, period: Period, tags: frozenset[str] = frozenset()) -> PeriodAggregates:
        key = (period.start, period.end, tags)
        if key not in self._cache:
            self._cache[key] = self._aggregate(period, tags)
        return self._cache[key]

    def _aggregate(self, period: Period, tags: frozenset[str]) -> PeriodAggregates:
        start, end = np.datetime64(period.start, "us"), np.datetime64(period.end, "us")
        in_period = (self._post_days >= start) & (self._post_days <= end)
        posts = self.data.posts.loc[in_period]
        if tags:
            tagged = self._post_tags[self._post_tags["tag"].isin(tags)] if self._post_tags is not None else None
            keys = tagged[["platform", "account", "post_id"]].drop_duplicates() if tagged is not None else posts.iloc[0:0][["platform", "account", "post_id"]]
            posts = posts.merge(keys, on=["platform", "account", "post_id"])
        post_groups = posts.groupby(ACCOUNT_KEY)
        post_sums = post_groups[FLOWS].sum(min_count=1)
        post_metric_counts = post_groups[FLOWS].count()
        post_counts = post_groups.size()

        lo, hi = np.searchsorted(self._daily_days, start, "left"), np.searchsorted(self._daily_days, end, "right")
        daily = self._daily.iloc[lo:hi]
        daily_groups = daily.groupby(ACCOUNT_KEY)
        daily_sums = daily_groups[FLOWS].sum(min_count=1)
        stocks = sorted(STOCK_METRICS)
        stock_last, stock_first = daily_groups[stocks].last(), daily_groups[stocks].first()
        stock_before = self._daily.iloc[:lo].groupby(ACCOUNT_KEY)[stocks].last()
        stock_count = daily_groups[stocks].count()

        index = daily_sums.index.union(post_sums.index).union(self._has_daily.index)
        if tags:  # a tag scope can only be counted on posts
            flows = post_sums.reindex(index)
            from_posts = pd.DataFrame(True, index=index, columns=FLOWS)
        else:
            has_daily = self._has_daily.reindex(index, fill_value=False)
            flows = daily_sums.reindex(index).where(has_daily, post_sums.reindex(index))
            from_posts = ~has_daily & post_sums.reindex(index).notna()
        return PeriodAggregates(
            flows=flows,
            from_posts=from_posts,
            post_sums=post_sums.reindex(index),
            post_metric_counts=post_metric_counts.reindex(index, fill_value=0),
            post_counts=post_counts.reindex(index, fill_value=0),
            stock_last=stock_last.reindex(index),
            stock_first=stock_first.reindex(index),
            stock_before=stock_before.reindex(index),
            stock_count=stock_count.reindex(index, fill_value=0),
            has_posts=self._posts_with_accounts,
        )

    # ------------------------------------------------------------------ values

    def value(self, key: str, scope: Scope, period: Period) -> KpiValue:
        item = CATALOG[key]
        if item.source is Source.MANUAL:
            return self._manual_value(item, scope, period)
        aggregates = self.aggregates(period, scope.tags)
        accounts = pd.MultiIndex.from_frame(self.data.accounts_in(scope)) if len(self.data.accounts_in(scope)) else None
        if accounts is None:
            return KpiValue(key, math.nan, period, scope)
        rows = aggregates.flows.index.intersection(accounts)
        value, contributing, fallback = _compute(item, aggregates, rows)
        return KpiValue(key, value, period, scope, contributing, fallback)

    def _manual_value(self, item: Kpi, scope: Scope, period: Period) -> KpiValue:
        manual = self.data.manual
        mask = (manual["metric"] == item.key) & (manual["date"] >= pd.Timestamp(period.start)) & (manual["date"] <= pd.Timestamp(period.end))
        if scope.departments:
            mask &= manual["department"].isin(scope.departments)
        values = manual.loc[mask.fillna(False).to_numpy(dtype=bool)]
        if values.empty:
            return KpiValue(item.key, math.nan, period, scope)
        if item.aggregation is Aggregation.LAST:
            latest = values[values["date"] == values["date"].max()]
            return KpiValue(item.key, float(latest["value"].mean()), period, scope, len(latest))
        return KpiValue(item.key, float(values["value"].sum()), period, scope, len(values))

    def values(self, scope: Scope, period: Period, keys: list[str] | None = None) -> dict[str, KpiValue]:
        return {key: self.value(key, scope, period) for key in (keys or list(CATALOG))}

    def comparison_table(self, scope: Scope, period: Period, keys: list[str] | None = None) -> pd.DataFrame:
        """Every KPI with its previous-period and same-period-last-year value and changes."""
        previous, last_year = period.previous(), period.last_year()
        rows = []
        for key in keys or list(CATALOG):
            now, before, year_ago = (self.value(key, scope, p) for p in (period, previous, last_year))
            rows.append(
                {
                    "kpi": key,
                    "value": now.value,
                    "previous": before.value,
                    "last_year": year_ago.value,
                    "change_previous": _relative_change(now.value, before.value),
                    "change_last_year": _relative_change(now.value, year_ago.value),
                    "accounts": now.accounts,
                    "from_posts": now.from_posts,
                }
            )
        return pd.DataFrame(rows)

    def daily_totals(self, key: str, scope: Scope, period: Period) -> pd.Series:
        """Per-day values of a flow or stock KPI for charts, trends and seasonal paths (index: day).

        Flows: the day's sum over the scope's accounts with daily data (posts by publish day for
        the others). Stocks: each account's last known value carried forward, added over accounts.
        """
        item = CATALOG[key]
        days = pd.date_range(period.start, period.end, freq="D")
        accounts = self.data.accounts_in(scope)
        metric = item.numerator[0] if item.numerator else None
        if metric is None or item.source is Source.MANUAL:
            return pd.Series(np.nan, index=days)
        daily = self.data.daily.merge(accounts, on=ACCOUNT_KEY)
        if metric in STOCK_METRICS:
            values = daily.dropna(subset=[metric]).pivot_table(index="date", columns=ACCOUNT_KEY, values=metric, aggfunc="last")
            values = values.reindex(values.index.union(days)).sort_index().ffill().reindex(days)
            return values.sum(axis=1, min_count=1)
        has_daily = self._has_daily.reindex(pd.MultiIndex.from_frame(accounts), fill_value=False)[metric] if len(accounts) else pd.Series(dtype=bool)
        daily_accounts = has_daily[has_daily].index
        from_daily = daily.set_index(ACCOUNT_KEY).loc[lambda f: f.index.isin(daily_accounts)].groupby("date")[metric].sum(min_count=1)
        posts = self.data.posts.merge(accounts, on=ACCOUNT_KEY)
        posts = posts[~pd.MultiIndex.from_frame(posts[ACCOUNT_KEY]).isin(daily_accounts)]
        from_posts = posts.groupby(posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize())[metric].sum(min_count=1)
        return pd.concat([from_daily, from_posts]).groupby(level=0).sum(min_count=1).reindex(days)


def _relative_change(now: float, before: float) -> float:
    if now != now or before != before or before == 0:
        return math.nan
    return (now - before) / abs(before)


def _compute(item: Kpi, agg: PeriodAggregates, rows: pd.Index) -> tuple[float, int, tuple[str, ...]]:
    """(value, contributing accounts, accounts that fell back to posts) of one KPI over ``rows``."""

    def part(metrics: tuple[str, ...]) -> pd.Series:
        stocks = [m for m in metrics if m in STOCK_METRICS]
        if stocks:
            return agg.stock_last.loc[rows, stocks].sum(axis=1, min_count=1)
        return agg.flows.loc[rows, list(metrics)].sum(axis=1, min_count=1)

    def fallback(metrics: tuple[str, ...], used: pd.Index) -> tuple[str, ...]:
        flows = [m for m in metrics if m not in STOCK_METRICS]
        if not flows:
            return ()
        marks = agg.from_posts.loc[used, flows].any(axis=1)
        return tuple(f"{p}/{a}" for p, a in marks[marks].index)

    aggregation = item.aggregation
    if aggregation in (Aggregation.SUM, Aggregation.LAST):
        values = part(item.numerator).dropna()
        return _total(values), len(values), fallback(item.numerator, values.index)
    if aggregation is Aggregation.RATIO:
        both = pd.DataFrame({"num": part(item.numerator), "den": part(item.denominator)}).dropna()
        denominator = both["den"].sum()
        value = both["num"].sum() / denominator if len(both) and denominator != 0 else math.nan
        return value, len(both), fallback(item.numerator + item.denominator, both.index)
    if aggregation is Aggregation.PER_POST:
        metric = item.numerator[0]
        counted = agg.post_metric_counts.loc[rows, metric]
        total, count = agg.post_sums.loc[rows, metric].sum(min_count=1), counted.sum()
        return (total / count if count else math.nan), int((counted > 0).sum()), ()
    if aggregation is Aggregation.COUNT:
        with_posts = rows.intersection(agg.has_posts)
        return (float(agg.post_counts.loc[with_posts].sum()) if len(with_posts) else math.nan), len(with_posts), ()
    growth, start = _growth(agg, rows)
    if aggregation is Aggregation.GROWTH:
        return _total(growth.dropna()), int(growth.notna().sum()), ()
    both = pd.DataFrame({"growth": growth, "start": start}).dropna()
    denominator = both["start"].sum()
    return (both["growth"].sum() / denominator if len(both) and denominator else math.nan), len(both), ()


def _growth(agg: PeriodAggregates, rows: pd.Index) -> tuple[pd.Series, pd.Series]:
    """Per-account net follower growth and the followers at the start (NaN where unknown).

    From the stock where it says something (a value before the period, or two days in it), else
    new minus lost followers (LinkedIn exports no unfollows: new ones only), else the net change.
    """
    last, first, before = (frame.loc[rows, "followers"] for frame in (agg.stock_last, agg.stock_first, agg.stock_before))
    start = before.fillna(first)
    telling = last.notna() & (before.notna() | (agg.stock_count.loc[rows, "followers"] >= 2))
    from_stock = (last - start).where(telling)
    gained, lost, net = (agg.flows.loc[rows, m] for m in ("followers_gained", "followers_lost", "followers_net"))
    from_flows = gained.sub(lost, fill_value=0).where(gained.notna()).fillna(net)
    return from_stock.fillna(from_flows), start.where(telling)


def _total(values: pd.Series) -> float:
    return float(values.sum()) if len(values) else math.nan
