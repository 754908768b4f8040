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

from metrics.catalog import CATALOG, Aggregation, Kpi, Source
from metrics.dataset import ACCOUNT_KEY, Dataset, Scope
from metrics.periods import Period
from metrics.prefix import SPAN, PrefixSums, day_numbers
from model.canonical import METRIC_NAMES, STOCK_METRICS

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
        # Which accounts have daily data for which metric, over all time: decides daily vs. posts.
        self._has_daily = daily.groupby(ACCOUNT_KEY)[FLOWS].count().gt(0)
        posts = data.posts
        self._post_days = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize().to_numpy()
        self._posts_with_accounts = pd.MultiIndex.from_frame(posts[ACCOUNT_KEY].drop_duplicates().astype(object))
        self._post_tags = data.post_tags() if data.tag_rules else None
        self._cache: dict[tuple[object, ...], PeriodAggregates] = {}
        self._restricted: dict[tuple[object, ...], PeriodAggregates] = {}
        self._known_accounts = data.known_accounts()
        self._index = pd.MultiIndex.from_frame(self._known_accounts[ACCOUNT_KEY].astype(object)).sort_values()
        self._has_daily_all = self._has_daily.reindex(self._index, fill_value=False)
        self._daily_sums = PrefixSums.build(self._codes(daily), day_numbers(daily["date"].to_numpy()), daily[FLOWS].to_numpy(dtype=float))
        stocks = daily.dropna(subset=["followers"])
        self._stocks = PrefixSums.build(self._codes(stocks), day_numbers(stocks["date"].to_numpy()), stocks[["followers"]].to_numpy(dtype=float))
        self._post_sums = PrefixSums.build(self._codes(posts), day_numbers(self._post_days), posts[FLOWS].to_numpy(dtype=float))
        self._scopes: dict[object, object] = {}

    def _codes(self, frame: pd.DataFrame) -> np.ndarray:
        return self._index.get_indexer(pd.MultiIndex.from_frame(frame[ACCOUNT_KEY].astype(object))).astype(np.int64)

    def accounts_in(self, scope: Scope) -> pd.DataFrame:
        """The scope's (platform, account) pairs, computed once per scope."""
        if scope not in self._scopes:
            self._scopes[scope] = self.data.accounts_in(scope, self._known_accounts)
        return self._scopes[scope]  # type: ignore[return-value]

    # ------------------------------------------------------------------ aggregates

    def aggregates(self, period: Period, tags: frozenset[str] = frozenset()) -> PeriodAggregates:
        key = (period.start, period.end, tags)
        if key not in self._cache:
            self._cache[key] = self._aggregate(period, tags)
        return self._cache[key]

    def _aggregate(self, period: Period, tags: frozenset[str]) -> PeriodAggregates:
        if tags:
            return self._aggregate_tagged(period, tags)
        first_day, last_day = (int(day_numbers(np.array([np.datetime64(d, "D")]))[0]) for d in (period.start, period.end))
        accounts = len(self._index)
        daily_window = self._daily_sums.window(accounts, first_day, last_day)
        daily_sums, _ = self._daily_sums.totals(daily_window)
        post_window = self._post_sums.window(accounts, first_day, last_day)
        post_sums, post_metric_counts = self._post_sums.totals(post_window)
        stock_window = self._stocks.window(accounts, first_day, last_day)

        def frame(values: np.ndarray, columns: list[str]) -> pd.DataFrame:
            return pd.DataFrame(values, index=self._index, columns=columns)

        has_daily = self._has_daily_all
        daily_frame, post_frame = frame(daily_sums, FLOWS), frame(post_sums, FLOWS)
        stocks = ["followers"]
        return PeriodAggregates(
            flows=daily_frame.where(has_daily, post_frame),
            from_posts=~has_daily & post_frame.notna(),
            post_sums=post_frame,
            post_metric_counts=frame(post_metric_counts, FLOWS),
            post_counts=pd.Series(post_window.hi - post_window.lo, index=self._index),
            stock_last=frame(self._stocks.last(stock_window), stocks),
            stock_first=frame(self._stocks.first(stock_window), stocks),
            stock_before=frame(self._stocks.before(stock_window), stocks),
            stock_count=frame((stock_window.hi - stock_window.lo)[:, None], stocks),
            has_posts=self._posts_with_accounts,
        )

    def _aggregate_tagged(self, period: Period, tags: frozenset[str]) -> PeriodAggregates:
        """A tag scope can only be counted on its posts (daily figures belong to no topic)."""
        start, end = np.datetime64(period.start, "us"), np.datetime64(period.end, "us")
        posts = self.data.posts.loc[(self._post_days >= start) & (self._post_days <= end)]
        tagged = self._post_tags[self._post_tags["tag"].isin(tags)] if self._post_tags is not None else None
        keys = tagged[["platform", "account", "post_id"]].drop_duplicates() if tagged is not None else posts.iloc[0:0][["platform", "account", "post_id"]]
        groups = posts.merge(keys, on=["platform", "account", "post_id"]).groupby(ACCOUNT_KEY)
        index = self._index
        post_sums = groups[FLOWS].sum(min_count=1).reindex(index)
        empty = pd.DataFrame(np.nan, index=index, columns=["followers"])
        return PeriodAggregates(
            flows=post_sums,
            from_posts=pd.DataFrame(True, index=index, columns=FLOWS),
            post_sums=post_sums,
            post_metric_counts=groups[FLOWS].count().reindex(index, fill_value=0),
            post_counts=groups.size().reindex(index, fill_value=0),
            stock_last=empty,
            stock_first=empty,
            stock_before=empty,
            stock_count=empty.fillna(0),
            has_posts=self._posts_with_accounts,
        )

    def _scoped(self, period: Period, scope: Scope) -> PeriodAggregates:
        """The period's aggregates cut to the scope's accounts, once per (period, scope)."""
        key = (period.start, period.end, scope)
        if key not in self._restricted:
            aggregates = self.aggregates(period, scope.tags)
            positions = self._positions(scope)
            if positions is None:
                self._restricted[key] = aggregates
            else:
                self._restricted[key] = PeriodAggregates(
                    flows=aggregates.flows.iloc[positions],
                    from_posts=aggregates.from_posts.iloc[positions],
                    post_sums=aggregates.post_sums.iloc[positions],
                    post_metric_counts=aggregates.post_metric_counts.iloc[positions],
                    post_counts=aggregates.post_counts.iloc[positions],
                    stock_last=aggregates.stock_last.iloc[positions],
                    stock_first=aggregates.stock_first.iloc[positions],
                    stock_before=aggregates.stock_before.iloc[positions],
                    stock_count=aggregates.stock_count.iloc[positions],
                    has_posts=aggregates.has_posts,
                )
        return self._restricted[key]

    def _positions(self, scope: Scope) -> np.ndarray | None:
        """Row positions of the scope's accounts in the engine's account index (None: all of them)."""
        key = ("positions", scope)
        if key not in self._scopes:
            in_scope = self.accounts_in(scope)
            if len(in_scope) == len(self._index):
                self._scopes[key] = None  # type: ignore[assignment]
            else:
                found = self._index.get_indexer(pd.MultiIndex.from_frame(in_scope.astype(object))) if len(in_scope) else np.array([], dtype=np.int64)
                self._scopes[key] = np.sort(found[found >= 0])  # type: ignore[assignment]
        return self._scopes[key]  # type: ignore[return-value]

    def clear_cache(self) -> None:
        """Forget computed periods (the account indexes stay): for benchmarks and after new data."""
        self._cache.clear()
        self._restricted.clear()

    # ------------------------------------------------------------------ values

    def value(self, key: str, scope: Scope, period: Period) -> KpiValue:
        item = CATALOG[key]
        if item.source is Source.MANUAL:
            return self._manual_value(item, scope, period)
        if item.source is Source.PLAN:
            return self._plan_value(item, scope, period)
        scoped = self._scoped(period, scope)
        if scoped.flows.empty:
            return KpiValue(key, math.nan, period, scope)
        value, contributing, fallback = _compute(item, scoped)
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

    def _plan_value(self, item: Kpi, scope: Scope, period: Period) -> KpiValue:
        from metrics.plan import plan_kpi  # the plan KPIs live with the matching (metrics.plan)

        value = plan_kpi(self.data.plan, item.key, period.start, period.end, scope.platforms, scope.accounts, scope.departments, scope.tags)  # type: ignore[arg-type]
        return KpiValue(item.key, value, period, scope)

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

    def daily_totals(self, key: str, scope: Scope, period: Period, daily_only: bool = False) -> pd.Series:
        """Per-day values of a flow or stock KPI for charts, trends and seasonal paths (index: day).

        Flows: the day's sum over the scope's accounts with daily data (posts by publish day for
        the others, unless ``daily_only``: a post's lifetime figure on one day would spike a trend
        chart). Stocks: each account's last known value carried forward between its values (not
        past its last one), added over accounts.
        """
        item = CATALOG[key]
        days = pd.date_range(period.start, period.end, freq="D")
        metric = item.numerator[0] if item.numerator else None
        if metric is None or item.source is not Source.PLATFORM:  # manual and plan KPIs have no daily series
            return pd.Series(np.nan, index=days)
        positions = self._positions(scope)
        selected = np.arange(len(self._index)) if positions is None else positions
        first_day = int(day_numbers(np.array([np.datetime64(period.start, "D")]))[0])
        if metric in STOCK_METRICS:
            return self._stock_by_day(metric, selected, first_day, days)
        column = FLOWS.index(metric)
        with_daily = selected[self._has_daily_all[metric].to_numpy()[selected]]
        totals = self._by_day(self._daily_sums, with_daily, column, first_day, len(days))
        if not daily_only:
            without_daily = np.setdiff1d(selected, with_daily)
            from_posts = self._by_day(self._post_sums, without_daily, column, first_day, len(days))
            totals = np.where(np.isnan(totals), from_posts, np.where(np.isnan(from_posts), totals, totals + from_posts))
        return pd.Series(totals, index=days)

    def _by_day(self, prefix: PrefixSums, accounts: np.ndarray, column: int, first_day: int, length: int) -> np.ndarray:
        """Per day of the window, the sum over ``accounts`` of one metric (NaN where none has a value)."""
        if not len(accounts) or not prefix.with_values[column]:
            return np.full(length, np.nan)
        window = prefix.window(len(self._index), first_day, first_day + length - 1)
        rows = np.concatenate([np.arange(window.lo[a], window.hi[a]) for a in accounts]) if len(accounts) else np.array([], dtype=np.int64)
        values = prefix.values[rows, column]
        present = ~np.isnan(values)
        offsets = (prefix.keys[rows] % SPAN - first_day)[present]
        sums = np.bincount(offsets, weights=values[present], minlength=length)
        counts = np.bincount(offsets, minlength=length)
        return np.where(counts > 0, sums, np.nan)

    def _stock_by_day(self, metric: str, accounts: np.ndarray, first_day: int, days: pd.DatetimeIndex) -> pd.Series:
        """Each account's stock carried forward between its values (not past its last), added over accounts."""
        if not len(accounts):
            return pd.Series(np.nan, index=days)
        window = self._stocks.window(len(self._index), first_day, first_day + len(days) - 1)
        grid = np.full((len(days), len(accounts)), np.nan)
        before = self._stocks.before(window)[:, 0]
        for position, account in enumerate(accounts):
            rows = np.arange(window.lo[account], window.hi[account])
            if len(rows):
                grid[self._stocks.keys[rows] % SPAN - first_day, position] = self._stocks.values[rows, 0]
                if before[account] == before[account] and np.isnan(grid[0, position]):
                    grid[0, position] = before[account]
        frame = pd.DataFrame(grid, index=days).ffill(limit_area="inside")
        return frame.sum(axis=1, min_count=1)


def _relative_change(now: float, before: float) -> float:
    if now != now or before != before or before == 0:
        return math.nan
    return (now - before) / abs(before)


def _compute(item: Kpi, agg: PeriodAggregates) -> tuple[float, int, tuple[str, ...]]:
    """(value, contributing accounts, accounts that fell back to posts) of one KPI over the aggregates' accounts."""

    def part(metrics: tuple[str, ...]) -> pd.Series:
        stocks = [m for m in metrics if m in STOCK_METRICS]
        if stocks:
            return agg.stock_last[stocks].sum(axis=1, min_count=1)
        return agg.flows[list(metrics)].sum(axis=1, min_count=1)

    def fallback(metrics: tuple[str, ...], used: pd.Index) -> tuple[str, ...]:
        flows = [m for m in metrics if m not in STOCK_METRICS]
        if not flows:
            return ()
        marks = agg.from_posts[flows].to_numpy().any(axis=1)
        if not marks.any():
            return ()
        marked = agg.from_posts.index[marks]
        return tuple(f"{p}/{a}" for p, a in marked[marked.isin(used)])

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
        counted = agg.post_metric_counts[metric]
        total, count = agg.post_sums[metric].sum(min_count=1), counted.sum()
        return (total / count if count else math.nan), int((counted > 0).sum()), ()
    if aggregation is Aggregation.COUNT:
        with_posts = agg.post_counts.index.intersection(agg.has_posts)
        return (float(agg.post_counts.loc[with_posts].sum()) if len(with_posts) else math.nan), len(with_posts), ()
    growth, start = _growth(agg)
    if aggregation is Aggregation.GROWTH:
        return _total(growth.dropna()), int(growth.notna().sum()), ()
    both = pd.DataFrame({"growth": growth, "start": start}).dropna()
    denominator = both["start"].sum()
    return (both["growth"].sum() / denominator if len(both) and denominator else math.nan), len(both), ()


def _growth(agg: PeriodAggregates) -> tuple[pd.Series, pd.Series]:
    """Per-account net follower growth and the followers at the start (NaN where unknown).

    From the stock where it says something (a value before the period, or two days in it), else
    new minus lost followers (LinkedIn exports no unfollows: new ones only), else the net change.
    """
    last, first, before = (frame["followers"] for frame in (agg.stock_last, agg.stock_first, agg.stock_before))
    start = before.fillna(first)
    telling = last.notna() & (before.notna() | (agg.stock_count["followers"] >= 2))
    from_stock = (last - start).where(telling)
    gained, lost, net = (agg.flows[m] for m in ("followers_gained", "followers_lost", "followers_net"))
    from_flows = gained.sub(lost, fill_value=0).where(gained.notna()).fillna(net)
    return from_stock.fillna(from_flows), start.where(telling)


def _total(values: pd.Series) -> float:
    return float(values.sum()) if len(values) else math.nan
