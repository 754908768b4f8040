"""KPI computation over any scope and period.

The engine first condenses a period into per-account figures (``PeriodAggregates``): one pass
over the daily and the post grain, shared by every KPI and every scope asked about that period.
A KPI is then arithmetic on a few hundred rows at most.

Rules (DESIGN.md, "KPIs and goals"):
- A flow counts what happened in the period: per period, account and metric it uses the daily
  grain where the daily data covers the period ("covered": at least one day of the period has a
  daily value for that metric), else the post grain (lifetime figures of the posts published in
  the period), and says which accounts fell back. So a daily export of August does not hide the
  posts of July.
- Ratios are ratios of sums over the accounts that have both parts; stocks are never summed over
  time (the last value per account up to the period's end, added over accounts: an account whose
  export ended earlier is carried forward with its last value, and flagged when that is more
  than the stale threshold old).
- Missing is never 0: a KPI without data for the scope is NaN ("no data").
- Dates: daily rows by their day; posts by the UTC day they were published.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

from metrics.catalog import CATALOG, Aggregation, Kpi, Source, adds_unique_counts
from metrics.dataset import ACCOUNT_KEY, Dataset, Scope
from metrics.freshness import GIVEN_UP_DAYS, GROWTH_METRICS, NONE, HeldBack, LastDays, StaleAccount, held_back, stale, stale_threshold_days, through
from metrics.periods import Period
from metrics.prefix import SPAN, PrefixSums, day_numbers
from model.canonical import METRIC_NAMES, STOCK_METRICS

MAX_REMEMBERED_VALUES = 200_000

FLOWS: list[str] = [m for m in METRIC_NAMES if m not in STOCK_METRICS]
# Unique counts: added over days or accounts they count a person reached twice twice (DESIGN.md, reach caveat).


@dataclass(frozen=True)
class KpiValue:
    kpi: str
    value: float  # NaN means no data
    period: Period
    scope: Scope
    accounts: int = 0  # accounts that contributed
    from_posts: tuple[str, ...] = ()  # "platform/account" whose value came from posts (no daily data)
    carried: tuple[str, ...] = ()  # "platform/account" whose stock is carried longer than the stale threshold

    @property
    def no_data(self) -> bool:
        return self.value != self.value

    @property
    def summed_unique(self) -> bool:
        """The value adds unique counts (reach, unique visitors) over several days, accounts or posts: not unique people."""
        return adds_unique_counts(self.kpi) and not self.no_data and (self.period.days > 1 or self.accounts > 1 or bool(self.from_posts))


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
    stock_carried: pd.DataFrame  # stocks: last value up to the period's end (carried from before it)
    stock_day: pd.DataFrame  # stocks: day number of that value (NONE: none)
    has_posts: pd.Index = field(default_factory=lambda: pd.Index([]))  # accounts with any post data at all
    _arrays: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # arrays and column positions, taken once

    def __getattr__(self, name: str) -> object:
        """A frame of a scope's cut, built when first asked for: most KPIs read only arrays (``array``), and a page
        with one row per account cut every frame of every account (568 cuts, 1.5 s on an agency's Channels page)."""
        source = self.__dict__.get("_source")
        if source is None or name not in FRAME_FIELDS:
            raise AttributeError(name)
        parent, positions, index = source
        value = _rows_at(getattr(parent, name), positions, index)
        setattr(self, name, value)
        return value

    @classmethod
    def cut(cls, parent: PeriodAggregates, positions: np.ndarray, index: pd.Index) -> PeriodAggregates:
        """``parent``'s rows at ``positions`` (their account index: ``index``), frames and arrays taken when needed."""
        cut = cls.__new__(cls)
        cut.__dict__.update(has_posts=parent.has_posts, _arrays={}, _source=(parent, positions, index))
        return cut

    def accounts(self) -> pd.Index:
        """The (platform, account) index of the rows."""
        source = self.__dict__.get("_source")
        return source[2] if source is not None else self.flows.index

    def column_position(self, name: str, column: str) -> int:
        """A column's position in one of the frames (Index.get_indexer took longer than the sums it served)."""
        source = self.__dict__.get("_source")
        if source is not None:
            return source[0].column_position(name, column)  # a cut has its parent's columns
        positions = self._arrays.get(f"columns:{name}")
        if positions is None:
            positions = self._arrays[f"columns:{name}"] = {c: n for n, c in enumerate(getattr(self, name).columns)}  # type: ignore[assignment]
        return positions[column]  # type: ignore[index]

    def array(self, name: str) -> np.ndarray:
        """A frame's values as an array, taken once (``to_numpy`` cost a third of a millisecond per KPI)."""
        if name not in self._arrays:
            source = self.__dict__.get("_source")
            self._arrays[name] = source[0].array(name)[source[1]] if source is not None else getattr(self, name).to_numpy()
        return self._arrays[name]  # type: ignore[return-value]


FRAME_FIELDS = frozenset(f.name for f in fields(PeriodAggregates) if f.name not in ("has_posts", "_arrays"))


class KpiEngine:
    """Computes catalog KPIs for a dataset; caches per-period aggregates (create one per dataset)."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        daily = data.daily
        posts = data.posts
        self._post_days = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize().to_numpy()
        self._posts_with_accounts = pd.MultiIndex.from_frame(posts[ACCOUNT_KEY].drop_duplicates().astype(object))
        self._post_tags = data.post_tags() if data.tag_rules else None
        self._post_topics: pd.DataFrame | None = None
        self._cache: dict[tuple[object, ...], PeriodAggregates] = {}
        self._restricted: dict[tuple[object, ...], PeriodAggregates] = {}
        # Key results ask for the same values again (the period, last year's for the seasonal path).
        self._values: dict[tuple[str, Scope, Period], KpiValue] = {}
        # Every account's coverage of a window: the Channels page compares each account of an agency on the same windows.
        self._coverage: dict[tuple[str, int, int], np.ndarray] = {}
        self._known_accounts = data.known_accounts()
        self._index = pd.MultiIndex.from_frame(self._known_accounts[ACCOUNT_KEY].astype(object)).sort_values()
        daily_codes, daily_days = self._codes(daily), day_numbers(daily["date"].to_numpy())  # each once: an agency's 330k rows
        self._daily_sums = PrefixSums.build(daily_codes, daily_days, daily[FLOWS].to_numpy(dtype=float))
        followers = daily["followers"].to_numpy(dtype=float)
        known = ~np.isnan(followers)
        self._stocks = PrefixSums.build(daily_codes[known], daily_days[known], followers[known][:, None])
        self._post_codes = self._codes(posts)
        self._post_flows = posts[FLOWS].to_numpy(dtype=float)  # tag scopes count posts row by row: kept in post order
        self._post_sums = PrefixSums.build(self._post_codes, day_numbers(self._post_days), self._post_flows)
        self.last_days = LastDays.build(
            len(self._index),
            daily_codes,
            daily_days,
            daily[[*FLOWS, *sorted(STOCK_METRICS)]],
            self._post_codes,
            day_numbers(self._post_days),
            posts[FLOWS],
        )
        accounts = len(self._index)
        firsts = np.array([self._daily_sums.first_days(accounts), self._post_sums.first_days(accounts)])
        self._first_any = np.where(firsts == NONE, np.iinfo(np.int64).max, firsts).min(axis=0)
        self._first_stock = self._stocks.first_days(accounts)
        self._scopes: dict[object, object] = {}

    def _codes(self, frame: pd.DataFrame) -> np.ndarray:
        return self._index.get_indexer(pd.MultiIndex.from_frame(frame[ACCOUNT_KEY].astype(object))).astype(np.int64)

    def post_tags(self) -> pd.DataFrame:
        """``Dataset.post_tags()``, matched once when the engine was built (empty without tag rules)."""
        if self._post_tags is None:
            return pd.DataFrame(columns=["platform", "account", "post_id", "tag", "department"])
        return self._post_tags

    def post_topics(self) -> pd.DataFrame:
        """Per tagged post (platform, account, post_id): ``topics`` and ``tag_departments``, sorted tuples without
        repeats; computed once (a Python function per post's group took half of a Content page's rerun)."""
        if self._post_topics is None:
            self._post_topics = (
                self.post_tags()
                .groupby(["platform", "account", "post_id"])
                .agg(topics=("tag", lambda t: tuple(sorted(set(t)))), tag_departments=("department", lambda d: tuple(sorted(set(d.dropna())))))
                .reset_index()
            )
        return self._post_topics

    @property
    def known_accounts(self) -> pd.DataFrame:
        """Dataset.known_accounts(), read once: it goes through every row (the sidebar asks it on each rerun)."""
        return self._known_accounts

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
        daily_sums, daily_counts = self._daily_sums.totals(daily_window)
        post_window = self._post_sums.window(accounts, first_day, last_day)
        post_sums, post_metric_counts = self._post_sums.totals(post_window)
        stock_window = self._stocks.window(accounts, first_day, last_day)

        def frame(values: np.ndarray, columns: list[str]) -> pd.DataFrame:
            return pd.DataFrame(values, index=self._index, columns=columns)

        # Daily or posts, per period, account and metric: daily where a day of the period has a daily value.
        has_daily = frame(daily_counts > 0, FLOWS)
        daily_frame, post_frame = frame(daily_sums, FLOWS), frame(post_sums, FLOWS)
        stocks = ["followers"]
        last, before = self._stocks.last(stock_window), self._stocks.before(stock_window)
        # An account given up before the period (no data of any kind for GIVEN_UP_DAYS before its start) carries no stock
        # into it: a personal LinkedIn export ending in March added its 3,050 followers to every later quarter's total.
        before = np.where(self._alive(first_day)[:, None], before, np.nan)
        inside = stock_window.hi > stock_window.lo
        last_day = np.where(inside, self._stocks.keys[np.maximum(stock_window.hi - 1, 0)] % SPAN if len(self._stocks.keys) else NONE, NONE)
        before_day = np.where(~np.isnan(before[:, 0]), self._stocks.keys[np.maximum(stock_window.lo - 1, 0)] % SPAN if len(self._stocks.keys) else NONE, NONE)
        return PeriodAggregates(
            flows=daily_frame.where(has_daily, post_frame),
            from_posts=~has_daily & post_frame.notna(),
            post_sums=post_frame,
            post_metric_counts=frame(post_metric_counts, FLOWS),
            post_counts=pd.Series(post_window.hi - post_window.lo, index=self._index),
            stock_last=frame(self._stocks.last(stock_window), stocks),
            stock_first=frame(self._stocks.first(stock_window), stocks),
            stock_before=frame(before, stocks),
            stock_count=frame((stock_window.hi - stock_window.lo)[:, None], stocks),
            stock_carried=frame(np.where(inside[:, None], last, before), stocks),
            stock_day=frame(np.where(inside, last_day, before_day)[:, None], stocks),
            has_posts=self._posts_with_accounts,
        )

    def _alive(self, first_day: int) -> np.ndarray:
        """Per account, whether it was not given up before the day: data of any kind within ``GIVEN_UP_DAYS`` before it."""
        return (self.last_days.overall != NONE) & (self.last_days.overall >= first_day - GIVEN_UP_DAYS)

    def _aggregate_tagged(self, period: Period, tags: frozenset[str]) -> PeriodAggregates:
        """A tag scope can only be counted on its posts (daily figures belong to no topic)."""
        start, end = np.datetime64(period.start, "us"), np.datetime64(period.end, "us")
        rows = self._tagged_rows(tags) & (self._post_days >= start) & (self._post_days <= end) & (self._post_codes >= 0)
        codes, values = self._post_codes[rows], self._post_flows[rows]
        accounts, index = len(self._index), self._index
        present = ~np.isnan(values)
        counts = np.zeros((accounts, len(FLOWS)), dtype=np.int64)
        sums = np.zeros((accounts, len(FLOWS)))
        for column in range(len(FLOWS)):  # per metric, not per row: bincount sums each account's posts
            counts[:, column] = np.bincount(codes[present[:, column]], minlength=accounts)
            sums[:, column] = np.bincount(codes, weights=np.where(present[:, column], values[:, column], 0.0), minlength=accounts)
        post_sums = pd.DataFrame(np.where(counts > 0, sums, np.nan), index=index, columns=FLOWS)
        empty = pd.DataFrame(np.nan, index=index, columns=["followers"])
        return PeriodAggregates(
            flows=post_sums,
            from_posts=pd.DataFrame(True, index=index, columns=FLOWS),
            post_sums=post_sums,
            post_metric_counts=pd.DataFrame(counts, index=index, columns=FLOWS),
            post_counts=pd.Series(np.bincount(codes, minlength=accounts), index=index),
            stock_last=empty,
            stock_first=empty,
            stock_before=empty,
            stock_count=empty.fillna(0),
            stock_carried=empty,
            stock_day=empty.fillna(NONE),
            has_posts=self._posts_with_accounts,
        )

    def _tagged_rows(self, tags: frozenset[str]) -> np.ndarray:
        """Which posts (rows of ``data.posts``) carry one of ``tags``, once per tag set."""
        key = ("tagged", tags)
        if key not in self._scopes:
            if self._post_tags is None:
                rows = np.zeros(len(self.data.posts), dtype=bool)
            else:
                tagged = self._post_tags[self._post_tags["tag"].isin(tags)]
                post_key = ["platform", "account", "post_id"]
                rows = pd.MultiIndex.from_frame(self.data.posts[post_key].astype(object)).isin(pd.MultiIndex.from_frame(tagged[post_key].astype(object)))
            self._scopes[key] = rows
        return self._scopes[key]  # type: ignore[return-value]

    def _scoped(self, period: Period, scope: Scope) -> PeriodAggregates:
        """The period's aggregates cut to the scope's accounts, once per (period, scope)."""
        key = (period.start, period.end, scope)
        if key not in self._restricted:
            aggregates = self.aggregates(period, scope.tags)
            positions = self._positions(scope)
            if positions is None:
                self._restricted[key] = aggregates
            else:
                self._restricted[key] = PeriodAggregates.cut(aggregates, positions, self._scope_index(scope, positions))
        return self._restricted[key]

    def _scope_index(self, scope: Scope, positions: np.ndarray) -> pd.Index:
        """The scope's part of the account index, taken once per scope (a MultiIndex take per frame cost more than the KPI)."""
        key = ("index", scope)
        if key not in self._scopes:
            self._scopes[key] = self._index[positions]
        return self._scopes[key]  # type: ignore[return-value]

    def _positions(self, scope: Scope) -> np.ndarray | None:
        """Row positions of the scope's accounts in the engine's account index (None: all of them)."""
        key = ("positions", scope)
        if key not in self._scopes and not scope.departments and len(scope.platforms) == len(scope.accounts) == 1:
            # One account (a page's row per account): looked up, not filtered out of every account (2 ms each).
            if "position_of" not in self._scopes:
                self._scopes["position_of"] = {pair: n for n, pair in enumerate(self._index)}
            found = self._scopes["position_of"].get((next(iter(scope.platforms)), next(iter(scope.accounts))))  # type: ignore[attr-defined]
            positions = np.array([] if found is None else [found], dtype=np.int64)
            self._scopes[key] = None if len(positions) == len(self._index) else positions  # type: ignore[assignment]
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
        self._values.clear()
        self._coverage.clear()

    # ------------------------------------------------------------------ values

    def value(self, key: str, scope: Scope, period: Period) -> KpiValue:
        memo = (key, scope, period)
        if memo not in self._values:
            if len(self._values) >= MAX_REMEMBERED_VALUES:  # a long-running server sees ever new ranges and scopes
                self._values.clear()
            self._values[memo] = self._value(key, scope, period)
        return self._values[memo]

    def _value(self, key: str, scope: Scope, period: Period) -> KpiValue:
        item = CATALOG[key]
        if item.source is Source.MANUAL:
            return self._manual_value(item, scope, period)
        if item.source is Source.PLAN:
            return self._plan_value(item, scope, period)
        scoped = self._scoped(period, scope)
        if scoped.flows.empty:
            return KpiValue(key, math.nan, period, scope)
        value, contributing, fallback = _compute(item, scoped)
        return KpiValue(key, value, period, scope, contributing, fallback, self._carried(item, scoped, period))

    def account_index(self, scope: Scope) -> pd.Index:
        """The scope's (platform, account) pairs in the engine's order: the rows of the per-account arrays."""
        positions = self._positions(scope)
        return self._index if positions is None else self._scope_index(scope, positions)

    def values_by_account(self, key: str, scope: Scope, period: Period) -> np.ndarray:
        """Per account of the scope (``account_index`` order), the KPI over the period as that account alone gives it:
        ``value(key, <scope of that one account>, period)`` for all of them at once (a table of 300 accounts)."""
        item = CATALOG[key]
        if item.source in (Source.MANUAL, Source.PLAN):
            raise ValueError(f"{key} is no KPI of accounts' data")
        scoped = self._scoped(period, scope)
        if scoped.accounts().empty:
            return np.array([], dtype=float)
        return _per_account_values(item, scoped)

    def from_posts_by_account(self, key: str, scope: Scope, period: Period) -> np.ndarray:
        """Per account of the scope (``account_index`` order), whether its value over the period came from its posts:
        ``KpiValue.from_posts`` for all of them at once."""
        item = CATALOG[key]
        scoped = self._scoped(period, scope)
        if item.source in (Source.MANUAL, Source.PLAN) or scoped.accounts().empty:
            return np.zeros(len(self.account_index(scope)), dtype=bool)
        return _fallback_marks(item, scoped, _per_account_parts(item, scoped)[2])

    def last_days_by_account(self, scope: Scope, key: str | None = None) -> np.ndarray:
        """Per account of the scope (``account_index`` order), the day number of its last data (for the KPI)."""
        days = self.last_days.overall if key is None else self.last_days.of_kpi(key)
        return np.full(len(self.account_index(scope)), NONE) if days is None else days[self._selected(scope)]

    def _carried(self, item: Kpi, scoped: PeriodAggregates, period: Period) -> tuple[str, ...]:
        """Accounts whose stock enters the KPI carried longer than the stale threshold (to the period's end or the latest data)."""
        if not any(m in STOCK_METRICS for m in item.numerator + item.denominator):
            return ()
        latest = int(self.last_days.overall.max()) if len(self.last_days.overall) else NONE
        until = min(int(day_numbers(np.array([np.datetime64(period.end, "D")]))[0]), latest)
        days = scoped.array("stock_day")[:, scoped.column_position("stock_day", "followers")]
        late = (days != NONE) & (until - days > stale_threshold_days())
        return tuple(f"{p}/{a}" for p, a in scoped.accounts()[late]) if late.any() else ()

    # ------------------------------------------------------------------ data through

    def _selected(self, scope: Scope | None) -> np.ndarray:
        positions = self._positions(scope or Scope())
        return np.arange(len(self._index)) if positions is None else positions

    def data_through(self, scope: Scope, key: str | None = None, since: dt.date | None = None) -> dt.date | None:
        """The last day with data for the scope (and KPI): the earliest last day over its accounts with data.

        ``since`` (a period's start) leaves out accounts whose data ends before it. None: no account
        has data (or a manual KPI, whose values do not lag like exports). See metrics/freshness.py.
        """
        days = self.last_days.overall if key is None else self.last_days.of_kpi(key)
        if days is None:
            return None
        selected = self._selected(scope)
        return through(days[selected], since, self.last_days.has_daily[selected])

    def held_back(self, scope: Scope, since: dt.date | None, as_of: dt.date, key: str | None = None) -> HeldBack | None:
        """The scope's accounts whose last day (for the KPI ``key``) is its data through while others reach further
        (None: none do, or a manual KPI)."""
        days = self.last_days.overall if key is None else self.last_days.of_kpi(key)
        if days is None:
            return None
        selected = self._selected(scope)
        return held_back(self._index[selected], days[selected], since, as_of, self.last_days.has_daily[selected])

    def coverage(self, key: str, scope: Scope, window: Period) -> np.ndarray:
        """Per account of the scope, the share (0..1) of the window's days that its data for the KPI covers.

        Flows: the days with a daily value for the metric; an account without one in the window is
        counted on its posts and covers the days between its first and last data of any grain.
        Stocks: the days from its first value on (later days carry it forward). A ratio: its least
        covered part; follower growth: the best covered of followers, gained, lost and net; post
        counts and per-post rates: the account's data span. Manual KPIs: an empty array (no accounts).
        """
        if CATALOG[key].source is Source.MANUAL:
            return np.array([])
        first, last = (int(day_numbers(np.array([np.datetime64(d, "D")]))[0]) for d in (window.start, window.end))
        memo = (key, first, last)
        if memo not in self._coverage:
            if len(self._coverage) >= MAX_REMEMBERED_VALUES:
                self._coverage.clear()
            self._coverage[memo] = self._coverage_of_all(key, first, last)
        return self._coverage[memo][self._selected(scope)]

    def _coverage_of_all(self, key: str, first: int, last: int) -> np.ndarray:
        item = CATALOG[key]
        days = last - first + 1

        def span(start: np.ndarray, end: np.ndarray) -> np.ndarray:
            inside = np.minimum(end, last) - np.maximum(start, first) + 1
            return np.where(start == NONE, 0.0, np.clip(inside, 0, days) / days)

        overall = span(self._first_any, self.last_days.overall)
        _, counts = self._daily_sums.totals(self._daily_sums.window(len(self._index), first, last))

        def of_metric(metric: str) -> np.ndarray:
            if metric in STOCK_METRICS:
                return span(self._first_stock, np.full(len(self._index), last))
            daily = counts[:, FLOWS.index(metric)]
            with_posts = self.last_days.posts[metric].to_numpy() != NONE
            return np.where(daily > 0, daily / days, np.where(with_posts, overall, 0.0))

        if item.aggregation in (Aggregation.COUNT, Aggregation.PER_POST):
            shares = overall
        elif item.aggregation in (Aggregation.GROWTH, Aggregation.GROWTH_RATE):
            shares = np.max([of_metric(m) for m in GROWTH_METRICS], axis=0)
        else:
            shares = np.min([of_metric(m) for m in item.numerator + item.denominator], axis=0)
        return shares

    def account_last_days(self, scope: Scope | None = None) -> pd.DataFrame:
        """platform, account, last_day (date or None) of every account of the scope, oldest first."""
        selected = self._selected(scope)
        frame = self._index[selected].to_frame(index=False, name=ACCOUNT_KEY)
        days = self.last_days.overall[selected]
        frame["last_day"] = [None if d == NONE else dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in days]
        return frame.sort_values("last_day", key=lambda s: s.map(lambda d: d or dt.date.min)).reset_index(drop=True)

    def accounts_with_data_in(self, period: Period, scope: Scope | None = None) -> set[tuple[str, str]]:
        """The scope's (platform, account) pairs whose data (first to last day of any grain) reaches into ``period``, or
        ends less than ``GIVEN_UP_DAYS`` before it (a late export: its follower total is carried into the period)."""
        selected = self._selected(scope)
        first = self._first_any[selected]
        start, end = (int(day_numbers(np.array([np.datetime64(d, "D")]))[0]) for d in (period.start, period.end))
        inside = self._alive(start)[selected] & (first <= end)
        return {(str(p), str(a)) for p, a in self._index[selected][inside]}

    def stale_accounts(self, as_of: dt.date, scope: Scope | None = None, threshold_days: int | None = None, period: Period | None = None) -> list[StaleAccount]:
        """The scope's accounts whose last data is more than the threshold (RESONANZ_STALE_DAYS, default 7) before ``as_of``;
        with ``period``, the late exports for it, as for its data through: only accounts whose data reaches into it (one
        given up before the period is not late for it) and that have daily data (a channel with posts only that has not
        posted since 04.11. is no export missing since then)."""
        selected = self._selected(scope)
        accounts = self._index[selected].to_frame(index=False, name=ACCOUNT_KEY)
        found = stale(accounts, self.last_days.overall[selected], as_of, threshold_days)
        if period is None:
            return found
        inside = self.accounts_with_data_in(period, scope)
        dated = {(str(p), str(a)) for p, a in self._index[self.last_days.has_daily]}
        return [s for s in found if (s.platform, s.account) in inside and (s.platform, s.account) in dated]

    def _manual_value(self, item: Kpi, scope: Scope, period: Period) -> KpiValue:
        days, values, departments = self._manual_columns(item.key)
        mask = (days >= np.datetime64(period.start, "D")) & (days <= np.datetime64(period.end, "D"))
        if scope.departments:
            # A value without a department is the whole company's figure: it counts for every department's key results.
            mask &= np.isin(departments, list(scope.departments)) | (departments == "")
        if not mask.any():
            return KpiValue(item.key, math.nan, period, scope)
        days, values = days[mask], values[mask]
        if item.aggregation is Aggregation.LAST:
            latest = values[days == days.max()]
            return KpiValue(item.key, float(latest.mean()), period, scope, len(latest))
        return KpiValue(item.key, float(values.sum()), period, scope, len(values))

    def _manual_columns(self, metric: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A manual metric's days, values and departments ("" for the whole company) as arrays, once per metric."""
        key = ("manual", metric)
        if key not in self._scopes:
            manual = self.data.manual
            rows = manual.loc[(manual["metric"] == metric).fillna(False).to_numpy(dtype=bool)]
            days = rows["date"].to_numpy(dtype="datetime64[D]")
            self._scopes[key] = (days, rows["value"].to_numpy(dtype=float), rows["department"].astype("string").fillna("").to_numpy(dtype=object))
        return self._scopes[key]  # type: ignore[return-value]

    def _plan_value(self, item: Kpi, scope: Scope, period: Period) -> KpiValue:
        from metrics.plan import plan_kpi  # the plan KPIs live with the matching (metrics.plan)

        value = plan_kpi(self.data.plan, item.key, period.start, period.end, scope.platforms, scope.accounts, scope.departments, scope.tags)  # type: ignore[arg-type]
        return KpiValue(item.key, value, period, scope)

    def values(self, scope: Scope, period: Period, keys: list[str] | None = None) -> dict[str, KpiValue]:
        return {key: self.value(key, scope, period) for key in (keys or list(CATALOG))}

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
            return self._stock_by_day(metric, selected, first_day, days, self.data_through(scope, key, since=period.start))
        grid = self._flow_grid(metric, selected, first_day, len(days), daily_only)
        totals = np.where(np.isnan(grid).all(axis=1), np.nan, np.nansum(grid, axis=1))
        return pd.Series(totals, index=days)

    def daily_by_account(self, key: str, scope: Scope, period: Period) -> pd.DataFrame | None:
        """Per day and account of the scope (columns: positions in the account index) a flow KPI's values, as
        ``daily_totals`` adds them up; None for KPIs without such a grid (stocks, manual and plan KPIs)."""
        item = CATALOG[key]
        metric = item.numerator[0] if item.numerator else None
        if metric is None or item.source is not Source.PLATFORM or metric in STOCK_METRICS:
            return None
        days = pd.date_range(period.start, period.end, freq="D")
        positions = self._positions(scope)
        selected = np.arange(len(self._index)) if positions is None else positions
        first_day = int(day_numbers(np.array([np.datetime64(period.start, "D")]))[0])
        return pd.DataFrame(self._flow_grid(metric, selected, first_day, len(days), False), index=days, columns=selected)

    def _flow_grid(self, metric: str, selected: np.ndarray, first_day: int, length: int, daily_only: bool) -> np.ndarray:
        """Days x ``selected`` accounts of a flow metric: daily where the period has a daily value for the account
        (as the KPI counts it), else its posts by publish day (unless ``daily_only``); NaN where nothing is known."""
        column = FLOWS.index(metric)
        _, counts = self._daily_sums.totals(self._daily_sums.window(len(self._index), first_day, first_day + length - 1))
        has_daily = counts[selected, column] > 0
        grid = self._by_day(self._daily_sums, selected, has_daily, column, first_day, length)
        if not daily_only:
            from_posts = self._by_day(self._post_sums, selected, ~has_daily, column, first_day, length)
            grid = np.where(has_daily[None, :], grid, from_posts)
        return grid

    def _by_day(self, prefix: PrefixSums, accounts: np.ndarray, used: np.ndarray, column: int, first_day: int, length: int) -> np.ndarray:
        """Days x ``accounts``: each day's sum of one metric per account (only where ``used``; NaN where no value)."""
        grid = np.full((length, len(accounts)), np.nan)
        if not used.any() or not prefix.with_values[column]:
            return grid
        window = prefix.window(len(self._index), first_day, first_day + length - 1)
        lo, hi = window.lo[accounts[used]], window.hi[accounts[used]]
        sizes = hi - lo
        owner = np.repeat(np.flatnonzero(used), sizes)  # the column of each row
        rows = np.repeat(lo - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes) + np.arange(sizes.sum())
        values = prefix.values[rows, column]
        present = ~np.isnan(values)
        cells = ((prefix.keys[rows] % SPAN - first_day) * len(accounts) + owner)[present]
        sums = np.bincount(cells, weights=values[present], minlength=length * len(accounts)).reshape(length, len(accounts))
        known = np.bincount(cells, minlength=length * len(accounts)).reshape(length, len(accounts)) > 0
        return np.where(known, sums, grid)

    def _stock_by_day(self, metric: str, accounts: np.ndarray, first_day: int, days: pd.DatetimeIndex, through: dt.date | None) -> pd.Series:
        """Each account's stock carried forward from its last value (also from before the period) up to the
        scope's data-through date, added over accounts; unknown (NaN) after it.

        So an account whose export ends earlier keeps its last value in the total instead of dropping
        out of it: the chart and the trend forecast never show a fall that is only a missing export.
        """
        if not len(accounts):
            return pd.Series(np.nan, index=days)
        window = self._stocks.window(len(self._index), first_day, first_day + len(days) - 1)
        grid = np.full((len(days), len(accounts)), np.nan)
        before, alive = self._stocks.before(window)[:, 0], self._alive(first_day)
        for position, account in enumerate(accounts):
            rows = np.arange(window.lo[account], window.hi[account])
            if len(rows):
                grid[self._stocks.keys[rows] % SPAN - first_day, position] = self._stocks.values[rows, 0]
            if before[account] == before[account] and np.isnan(grid[0, position]) and alive[account]:
                grid[0, position] = before[account]
        totals = pd.DataFrame(grid, index=days).ffill().sum(axis=1, min_count=1)
        return totals.where(totals.index <= pd.Timestamp(through)) if through is not None else totals * np.nan


def _rows_at(values: pd.DataFrame | pd.Series, positions: np.ndarray, index: pd.Index) -> pd.DataFrame | pd.Series:
    """``values.iloc[positions]`` with ``index`` already taken; the aggregates are homogeneous, so to_numpy() is a view."""
    if isinstance(values, pd.Series):
        return pd.Series(values.to_numpy()[positions], index=index, name=values.name)
    return pd.DataFrame(values.to_numpy()[positions], index=index, columns=values.columns)


def _compute(item: Kpi, agg: PeriodAggregates) -> tuple[float, int, tuple[str, ...]]:
    """(value, contributing accounts, accounts that fell back to posts) of one KPI over the aggregates' accounts.

    Sums and ratios work on the frames' arrays (a key result's value took 2 ms of pandas overhead on a few rows)."""
    numerator, denominator, used = _per_account_parts(item, agg)
    value = math.nan
    if used.any():
        total = float(numerator[used].sum())
        below = float(denominator[used].sum()) if denominator is not None else None
        value = total if below is None else total / below if below != 0 else math.nan
    marks = _fallback_marks(item, agg, used)
    fallback = tuple(f"{p}/{a}" for p, a in agg.accounts()[marks]) if marks.any() else ()
    return value, int(used.sum()), fallback


def _fallback_marks(item: Kpi, agg: PeriodAggregates, used: np.ndarray) -> np.ndarray:
    """Per account, whether its counted value came from its posts (no daily data for a flow of the KPI)."""
    flows = [m for m in item.numerator + item.denominator if m not in STOCK_METRICS]
    if item.aggregation not in (Aggregation.SUM, Aggregation.LAST, Aggregation.RATIO) or not flows:
        return np.zeros(len(used), dtype=bool)
    return _columns(agg, "from_posts", flows).any(axis=1) & used


def _per_account_values(item: Kpi, agg: PeriodAggregates) -> np.ndarray:
    """The KPI of each account of the aggregates on its own (NaN: no data): what ``_compute`` gives for a scope of
    that one account, for every account at once."""
    numerator, denominator, used = _per_account_parts(item, agg)
    if denominator is None:
        return np.where(used, numerator, np.nan).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(used & (denominator != 0), numerator / np.where(denominator != 0, denominator, 1.0), np.nan).astype(float)


def _per_account_parts(item: Kpi, agg: PeriodAggregates) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """Per account the KPI's numerator, its denominator (None: the KPI is a sum) and whether the account counts.

    The one definition of every aggregation: a scope's value is the sum of the counted numerators (over the sum of
    their denominators), an account's own value its numerator (over its denominator)."""

    def part(metrics: tuple[str, ...]) -> np.ndarray:
        stocks = [m for m in metrics if m in STOCK_METRICS]
        return _row_sums(agg, "stock_carried", stocks) if stocks else _row_sums(agg, "flows", list(metrics))

    aggregation = item.aggregation
    if aggregation in (Aggregation.SUM, Aggregation.LAST):
        values = part(item.numerator)
        return values, None, ~np.isnan(values)
    if aggregation is Aggregation.RATIO:
        numerator, denominator = part(item.numerator), part(item.denominator)
        return numerator, denominator, ~np.isnan(numerator) & ~np.isnan(denominator)
    if aggregation is Aggregation.PER_POST:
        counted = _columns(agg, "post_metric_counts", list(item.numerator[:1]))[:, 0].astype(float)
        sums = np.nan_to_num(_columns(agg, "post_sums", list(item.numerator[:1]))[:, 0].astype(float))
        return sums, counted, counted > 0
    if aggregation is Aggregation.COUNT:
        return agg.array("post_counts").astype(float), None, np.asarray(agg.accounts().isin(agg.has_posts))
    growth, start = _growth(agg)
    known = ~np.isnan(growth)
    if aggregation is Aggregation.GROWTH:
        return growth, None, known
    return growth, start, known & ~np.isnan(start)


def _columns(agg: PeriodAggregates, frame: str, columns: list[str]) -> np.ndarray:
    """The values of ``columns`` of one of the aggregates' frames, as an array."""
    return agg.array(frame)[:, [agg.column_position(frame, column) for column in columns]]


def _row_sums(agg: PeriodAggregates, frame: str, columns: list[str]) -> np.ndarray:
    """Per row the sum of ``columns``, NaN where all of them are (pandas' ``sum(axis=1, min_count=1)``)."""
    values = _columns(agg, frame, columns).astype(float)
    return np.where(np.isnan(values).all(axis=1), np.nan, np.nansum(values, axis=1))


def _growth(agg: PeriodAggregates) -> tuple[np.ndarray, np.ndarray]:
    """Per-account net follower growth and the followers at the start (NaN where unknown).

    From the stock where it says something (a value before the period, or two days in it), else
    new minus lost followers (LinkedIn exports no unfollows: new ones only), else the net change.
    """
    last, first, before, days = (agg.array(name)[:, 0].astype(float) for name in ("stock_last", "stock_first", "stock_before", "stock_count"))
    start = np.where(np.isnan(before), first, before)
    telling = ~np.isnan(last) & (~np.isnan(before) | (days >= 2))
    from_stock = np.where(telling, last - start, np.nan)
    gained, lost, net = _columns(agg, "flows", ["followers_gained", "followers_lost", "followers_net"]).astype(float).T
    from_flows = np.where(np.isnan(gained), net, gained - np.nan_to_num(lost))
    return np.where(np.isnan(from_stock), from_flows, from_stock), np.where(telling, start, np.nan)
