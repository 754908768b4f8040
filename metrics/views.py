"""The dashboard's questions, answered from the engine: tidy frames the pages draw as they are.

Pure functions (no Streamlit): cards with comparison and target, the biggest movers, trends per
platform, the post table with topics, and content performance by format, topic and posting time.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum

import numpy as np
import pandas as pd

from metrics.catalog import CATALOG, Aggregation, Direction
from metrics.comparison import ChangeStatus, Comparison, compare
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.goals import GoalsConfig, KeyResult
from metrics.periods import Period, PeriodKind, month_period, period_between, period_containing
from metrics.progress import ACCUMULATING, GoalReport, KeyResultReport, scope_of

CARD_KPIS = ["impressions", "reach", "engagements", "engagement_rate", "followers", "follower_growth", "clicks", "views", "posts"]
MOVER_KPIS = ["impressions", "reach", "engagements", "engagement_rate", "clicks", "views", "follower_growth", "posts"]


class Preset(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    YEAR_TO_DATE = "year_to_date"
    CUSTOM = "custom"


def preset_period(preset: Preset, today: dt.date, custom: tuple[dt.date, dt.date] | None = None, fiscal_start_month: int = 1) -> Period:
    """The period a sidebar preset means on ``today`` ("this" periods run to today)."""
    if preset is Preset.THIS_MONTH:
        return month_period(today.year, today.month)
    if preset is Preset.LAST_MONTH:
        return month_period(today.year, today.month).previous()
    if preset is Preset.THIS_QUARTER:
        return period_containing(today, PeriodKind.QUARTER, fiscal_start_month)
    if preset is Preset.LAST_QUARTER:
        return period_containing(today, PeriodKind.QUARTER, fiscal_start_month).previous()
    if preset is Preset.YEAR_TO_DATE:
        year = period_containing(today, PeriodKind.YEAR, fiscal_start_month)
        return Period(year.start, today)
    start, end = custom or (today - dt.timedelta(days=29), today)
    return period_between(start, end)


def matching_key_result(config: GoalsConfig | None, report: GoalReport | None, kpi: str, period: Period) -> KeyResultReport | None:
    """A key result of the whole company on this KPI whose period contains the one shown."""
    if config is None or report is None:
        return None
    for result in report.key_results:
        kr = result.key_result
        if kr.kpi == kpi and not (kr.platform or kr.account or kr.tag) and kr.period.start <= period.start and period.end <= kr.period.end:
            return result
    return None


def kpi_cards(
    engine: KpiEngine,
    scope: Scope,
    period: Period,
    comparison: Comparison,
    today: dt.date,
    config: GoalsConfig | None = None,
    report: GoalReport | None = None,
    keys: list[str] = CARD_KPIS,
) -> pd.DataFrame:
    """One row per KPI: value, comparison value and change from ``metrics.comparison.compare`` (like for like
    as of data through; ``change_status``: change, new, not_comparable, no_data), the target where a key
    result has one, and what the value is made of: ``data_through`` (the day it is counted to),
    ``summed_unique`` (reach or unique visitors added over days/accounts), ``from_posts`` and ``carried``
    ("platform/account" that fell back to posts, or whose follower total is carried past the stale threshold).
    """
    rows = []
    for key in keys:
        compared = compare(engine, key, scope, period, comparison, today)
        match = matching_key_result(config, report, key, period)
        now = compared.now
        rows.append(
            {
                "kpi": key,
                "value": compared.value,
                "comparison": compared.base,
                "change": compared.change,
                "change_status": str(compared.status),
                "good": _good(key, compared.change),
                "target": match.key_result.target if match else math.nan,
                "expected": match.expected if match else math.nan,
                "status": str(match.status) if match else None,
                "data_through": compared.cut,
                "summed_unique": bool(now and now.summed_unique),
                "from_posts": now.from_posts if now else (),
                "carried": now.carried if now else (),
            }
        )
    return pd.DataFrame(rows)


def _good(key: str, change: float) -> bool | None:
    if change != change or change == 0:
        return None
    return (change > 0) == (CATALOG[key].direction is Direction.HIGHER)


def top_movers(engine: KpiEngine, scope: Scope, period: Period, comparison: Comparison, today: dt.date, limit: int = 6) -> pd.DataFrame:
    """The largest relative changes against the comparison, per platform and KPI (at least 2 % and 10 units).

    Only comparable changes count (``metrics.comparison``): a "new" or "not comparable" one is no mover.
    """
    platforms = sorted(set(engine.accounts_in(scope)["platform"]))
    rows = []
    for platform in platforms:
        narrowed = Scope(frozenset({platform}), scope.accounts, scope.departments, scope.tags)
        for key in MOVER_KPIS:
            compared = compare(engine, key, narrowed, period, comparison, today)
            now, then, change = compared.value, compared.base, compared.change
            big_enough = CATALOG[key].unit.value == "percent" or max(abs(now), abs(then)) >= 10
            if compared.status is ChangeStatus.CHANGE and big_enough and abs(change) >= 0.02:
                rows.append({"platform": platform, "kpi": key, "value": now, "comparison": then, "change": change, "good": _good(key, change)})
    frame = pd.DataFrame(rows, columns=["platform", "kpi", "value", "comparison", "change", "good"])
    return frame.reindex(frame["change"].abs().sort_values(ascending=False).index).head(limit).reset_index(drop=True)


def kpi_trend(engine: KpiEngine, key: str, scope: Scope, period: Period) -> pd.DataFrame:
    """Per day (per ISO week beyond 92 days) and platform: date, series, value. Ratios stay ratios of sums.

    Daily data only: accounts that export only post figures have no trend (the KPI cards and
    tables count their posts).
    """
    item = CATALOG[key]
    weekly = period.days > 92
    frames = []
    for platform in sorted(set(engine.accounts_in(scope)["platform"])):
        narrowed = Scope(frozenset({platform}), scope.accounts, scope.departments, scope.tags)
        if item.aggregation is Aggregation.RATIO:
            top = engine.daily_totals(CATALOG[item.numerator[0]].key, narrowed, period, daily_only=True)
            bottom = engine.daily_totals(CATALOG[item.denominator[0]].key, narrowed, period, daily_only=True)
            both = pd.DataFrame({"top": top, "bottom": bottom}).dropna()
            if weekly:
                both = both.resample("W-MON", label="left", closed="left").sum(min_count=1)
            values = both["top"] / both["bottom"].replace(0, np.nan)
        elif item.aggregation in (Aggregation.SUM, Aggregation.LAST) and item.numerator:
            values = engine.daily_totals(key, narrowed, period, daily_only=True)
            if weekly:
                values = (
                    values.resample("W-MON", label="left", closed="left").last()
                    if item.aggregation is Aggregation.LAST
                    else values.resample("W-MON", label="left", closed="left").sum(min_count=1)
                )
        else:
            continue
        values = values.dropna()
        if len(values):
            frames.append(pd.DataFrame({"date": values.index, "series": platform, "value": values.to_numpy()}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["date", "series", "value"])


def post_table(engine: KpiEngine, scope: Scope, period: Period) -> pd.DataFrame:
    """The posts published in the period in scope, with topics, departments and per-post rates."""
    data = engine.data
    posts = data.posts.merge(engine.accounts_in(scope), on=["platform", "account"])
    day = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    posts = posts[(day >= pd.Timestamp(period.start)) & (day <= pd.Timestamp(period.end))]
    tags = data.post_tags() if data.tag_rules else pd.DataFrame(columns=["platform", "account", "post_id", "tag", "department"])
    if scope.tags:
        chosen = tags[tags["tag"].isin(scope.tags)][["platform", "account", "post_id"]].drop_duplicates()
        posts = posts.merge(chosen, on=["platform", "account", "post_id"])
    topics = tags.groupby(["platform", "account", "post_id"]).agg(
        tags=("tag", lambda t: ", ".join(sorted(set(t)))), tag_departments=("department", lambda d: ", ".join(sorted(set(d.dropna()))))
    )
    posts = posts.merge(topics.reset_index(), on=["platform", "account", "post_id"], how="left")
    posts = posts.merge(data.accounts[["platform", "account", "department"]], on=["platform", "account"], how="left")
    posts["departments"] = [
        ", ".join(sorted({d for d in (a, *(str(b).split(", ") if isinstance(b, str) else ())) if isinstance(d, str) and d}))
        for a, b in zip(posts["department"], posts["tag_departments"], strict=True)
    ]
    posts["engagement_rate"] = posts["engagements"] / posts["impressions"].replace(0, np.nan)
    posts["weekday"] = posts["published_at"].dt.day_of_week
    posts["hour"] = posts["published_at"].dt.hour
    return posts.sort_values("published_at", ascending=False).reset_index(drop=True)


def performance_by(posts: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per format or topic: posts, engagements per post and the engagement rate (ratio of sums)."""
    if posts.empty:
        return pd.DataFrame(columns=["category", "posts", "engagements_per_post", "engagement_rate"])
    frame = posts.assign(category=posts[column].fillna("–").astype(str))
    if column == "tags":
        frame = frame.assign(category=frame["category"].str.split(", ")).explode("category")
    grouped = frame.groupby("category")
    both = frame.dropna(subset=["engagements", "impressions"]).groupby("category")
    result = pd.DataFrame({
        "posts": grouped.size(), "engagements_per_post": grouped["engagements"].mean(),
        "engagement_rate": both["engagements"].sum() / both["impressions"].sum().replace(0, np.nan),
    })  # fmt: skip
    return result.reset_index().sort_values("posts", ascending=False)


def weekday_hour(posts: pd.DataFrame) -> pd.DataFrame:
    """Mean engagements per post by weekday (rows, Monday first) and UTC hour (columns)."""
    if posts.empty or posts["engagements"].isna().all():
        return pd.DataFrame(index=range(7), columns=range(24), dtype=float)
    return posts.pivot_table(index="weekday", columns="hour", values="engagements", aggfunc="mean")


def key_result_path(engine: KpiEngine, result: KeyResultReport, as_of: dt.date) -> pd.Series:
    """The key result's actual by day so far: cumulative for accumulating KPIs, the level otherwise."""
    kr: KeyResult = result.key_result
    item = CATALOG[kr.kpi]
    # As of the day the key result is judged for (min(as_of, data through)): later days are unknown, not 0.
    window = kr.period.until(min(result.judged_as_of or as_of, kr.period.end))
    if window is None or not item.numerator or item.source.value == "manual":
        return pd.Series(dtype=float)
    scope = scope_of(kr, result.objective)
    if item.aggregation in ACCUMULATING and item.aggregation is Aggregation.SUM:
        return engine.daily_totals(kr.kpi, scope, window).fillna(0).cumsum()
    if item.aggregation is Aggregation.LAST:
        return engine.daily_totals(kr.kpi, scope, window)
    return pd.Series(dtype=float)
