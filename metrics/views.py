"""The dashboard's questions, answered from the engine: tidy frames the pages draw as they are.

Pure functions (no Streamlit): cards with comparison and target, the biggest movers, trends per
platform, the post table with topics, and content performance by format, topic and posting time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum

import numpy as np
import pandas as pd

from metrics import formatting
from metrics.catalog import CATALOG, Aggregation, Direction, adds_unique_counts
from metrics.comparison import ChangeStatus, Comparison, compare, compare_by_account
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.freshness import HeldBack, StaleAccount
from metrics.goals import DEPARTMENTS, GoalsConfig, KeyResult, scope_label
from metrics.periods import Period, PeriodKind, month_period, period_between, period_containing
from metrics.progress import ACCUMULATING, GoalReport, KeyResultReport, progress_text, scope_of
from model.formats import post_format
from model.i18n import Language, format_name, platform_name, translate
from model.timezones import has_time_of_day, local_times

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
    ``non_additive`` (reach or unique visitors added over days/accounts), ``from_posts`` and ``carried``
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
                "good": good_change(key, compared.change),
                "target": match.key_result.target if match else math.nan,
                "expected": match.expected if match else math.nan,
                "status": str(match.status) if match else None,
                "data_through": compared.cut,
                "non_additive": bool(now and now.summed_unique),
                "from_posts": now.from_posts if now else (),
                "carried": now.carried if now else (),
            }
        )
    return pd.DataFrame(rows)


def change_text(change: float, status: str, language: Language) -> str:
    """A change as every surface shows it (Cockpit, Channels, pack, command line): a percentage only when
    comparable, "neu" / "nicht vergleichbar" where the status says so (never "+1.258.450,0 %"), "–" without data."""
    if status in (ChangeStatus.NEW, ChangeStatus.NOT_COMPARABLE):
        return translate(f"change.{status}", language)
    return formatting.change(change, language)


ACCOUNT_TABLE_KPIS = ("impressions", "engagements", "engagement_rate", "followers", "posts")
ACCOUNT_CHANGE_KPIS = ("impressions", "engagements")


def account_table(engine: KpiEngine, scope: Scope, period: Period, comparison: Comparison, as_of: dt.date, language: Language) -> pd.DataFrame:
    """Each account of the scope with its KPIs over the period and the one comparison of the Cockpit (a percentage,
    or "neu" / "nicht vergleichbar"), as the Channels page shows it: labelled, formatted, in ``language``.

    Each account counts on its own (the scope's tags do not narrow it), computed for all accounts at once:
    the same figures as ``engine.value`` and ``compare`` give for a scope of that one account."""
    accounts_only = replace(scope, tags=frozenset())
    accounts = engine.account_index(accounts_only)
    table = pd.DataFrame(
        {
            translate("col.platform", language): [platform_name(platform, language) for platform in accounts.get_level_values(0)],
            translate("col.account", language): list(accounts.get_level_values(1)),
        }
    )
    for kpi in ACCOUNT_TABLE_KPIS:
        values = pd.Series(engine.values_by_account(kpi, accounts_only, period), dtype=float)
        table[CATALOG[kpi].label(language)] = values.map(lambda number, unit=CATALOG[kpi].unit.value: formatting.kpi_value(number, unit, language))
    for kpi in ACCOUNT_CHANGE_KPIS:
        compared = compare_by_account(engine, kpi, accounts_only, period, comparison, as_of)
        name = translate("channels.change_of", language, kpi=CATALOG[kpi].label(language), comparison=translate(f"comparison.{comparison}", language))
        table[name] = [change_text(change, status, language) for change, status in zip(compared["change"], compared["status"], strict=True)]
    return table


def account_list(keys: Iterable[str], language: Language, account_text: Callable[[str], str] = str) -> str:
    """The engine's "platform/account" marks as people read them ("YouTube: Haberland TV, X: HaberlandAG")."""
    return ", ".join(f"{platform_name(p, language)}: {account_text(a)}" for p, _, a in (key.partition("/") for key in sorted(set(keys))))


def stale_text(
    stale: list[StaleAccount] | tuple[StaleAccount, ...], language: Language, account_text: Callable[[str], str] = str, advice: str | None = None
) -> str:
    """The accounts whose last export is older than the threshold, in one sentence ("LinkedIn acme: letzter
    Export bis 14.11.2026"), then ``advice`` (a text key: where to upload; none in the pack); "" when none is.
    ``account_text`` writes an account's name (an upload's text): the pages pass their Markdown escape, the pack's
    notes take it as written."""
    if not stale:
        return ""
    names = (
        translate(
            "freshness.stale_account",
            language,
            platform=platform_name(s.platform, language),
            account=account_text(s.account),
            date=formatting.date(s.last_day, language),
        )
        for s in stale
    )
    text = translate("freshness.stale", language, accounts=", ".join(names))
    return f"{text} {translate(advice, language)}" if advice else text


def data_through_text(engine: KpiEngine, scope: Scope, period: Period | None, today: dt.date, language: Language) -> str:
    """The caption "Daten bis 22.11.2026" for a page's selection: min(report day, the scope's data through
    for the period, or over all its data where none reaches the period); "" without any data."""
    # A period the data does not reach (a new quarter before its first export) still says how far the data goes.
    through = (engine.data_through(scope, since=period.start) if period else None) or engine.data_through(scope)
    return translate("freshness.through", language, date=formatting.date(min(through, today), language)) if through else ""


def held_back_text(
    engine: KpiEngine, scope: Scope, period: Period, today: dt.date, language: Language, *, cut: bool, account_text: Callable[[str], str] = str
) -> str:
    """Which accounts hold the scope's "Daten bis" back while others reach further, and what that means for the page's
    figures: ``cut`` pages (Cockpit, Goals) count every account to that day, so that comparisons and paces measure the
    same days; the others (Channels, Content) count each account to its own last day. "" when the accounts end alike."""
    found = engine.held_back(scope, period.start, today)
    return _held_back_sentence("freshness.held_back" if cut else "freshness.own_days", found, language, account_text) if found else ""


def judged_as_of_text(
    engine: KpiEngine, result: KeyResultReport, scope: Scope, today: dt.date, language: Language, account_text: Callable[[str], str] = str
) -> str:
    """For a running key result judged before the report day because some of its accounts' data ends earlier than
    the others': the day and those accounts ("Beurteilt zum 27.02.2026 …"); "" otherwise (a provisional one says so
    itself). ``scope`` is the key result's (``metrics.progress.scope_of``)."""
    kr = result.key_result
    if result.provisional or result.judged_as_of is None or result.judged_as_of >= today:
        return ""
    found = engine.held_back(scope, kr.period.start, today, kr.kpi)
    if found is None or found.through != result.judged_as_of:
        return ""
    return _held_back_sentence("kr.judged_as_of", found, language, account_text)


def _held_back_sentence(key: str, found: HeldBack, language: Language, account_text: Callable[[str], str]) -> str:
    """``key``'s text with the accounts that end early ("TikTok alt.konto"), their day and the day the others reach."""
    names = ", ".join(f"{platform_name(p, language)} {account_text(a)}" for p, a in found.accounts)
    return translate(key, language, accounts=names, date=formatting.date(found.through, language), latest=formatting.date(found.latest, language))


def account_freshness(engine: KpiEngine, today: dt.date, language: Language, threshold_days: int | None = None) -> pd.DataFrame:
    """Every account with its last day with data, the days it lies behind ``today`` and whether that is
    older than the stale threshold (the Data page's list), oldest first; text columns in ``language``."""
    frame = engine.account_last_days()
    stale = {(s.platform, s.account) for s in engine.stale_accounts(today, threshold_days=threshold_days)}
    last = pd.to_datetime(pd.Series(frame["last_day"], dtype="object"))
    behind = (pd.Timestamp(today) - last).dt.days.astype("Int64")
    return pd.DataFrame(
        {
            "platform": [platform_name(p, language) for p in frame["platform"]],
            "account": frame["account"].astype(str),
            "last_day": [formatting.date(d, language) for d in frame["last_day"]],
            "days_behind": behind.to_numpy(),
            "stale": [(str(p), str(a)) in stale for p, a in zip(frame["platform"], frame["account"], strict=True)],
        }
    )


def non_additive(key: str) -> bool:
    """True for KPIs that add up figures which do not add (reach, unique visitors: the same person on
    two days or via two accounts counts twice); the catalog's caveat says so."""
    return adds_unique_counts(key)


def good_change(key: str, change: float) -> bool | None:
    """True when the change goes the KPI's good way (up for most, down for a response time), None for no change."""
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
                current = compared.now
                rows.append({"platform": platform, "kpi": key, "value": now, "comparison": then, "change": change, "good": good_change(key, change),
                             "non_additive": bool(current and current.summed_unique), "from_posts": current.from_posts if current else ()})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["platform", "kpi", "value", "comparison", "change", "good", "non_additive", "from_posts"])
    return frame.reindex(frame["change"].abs().sort_values(ascending=False).index).head(limit).reset_index(drop=True)


def _paired_daily_totals(engine: KpiEngine, numerator: str, denominator: str, scope: Scope, period: Period) -> tuple[pd.Series, pd.Series]:
    """Day sums of a ratio's two metrics over the accounts that have both in the period, as the engine pairs them
    for the KPI value: summed over different accounts (engagements of one, impressions of another) the day's
    ratio ran at 9-10 % beside a card of 3.7 %."""
    top_grid, bottom_grid = engine.daily_by_account(numerator, scope, period), engine.daily_by_account(denominator, scope, period)
    if top_grid is not None and bottom_grid is not None:  # flows: every account at once
        paired = (top_grid.notna().any() & bottom_grid.notna().any()).to_numpy()
        if paired.any():
            return top_grid.loc[:, paired].sum(axis=1, min_count=1), bottom_grid.loc[:, paired].sum(axis=1, min_count=1)
        empty = pd.Series(np.nan, index=pd.date_range(period.start, period.end, freq="D"))
        return empty, empty
    tops, bottoms = [], []
    for platform, account in engine.accounts_in(scope)[["platform", "account"]].itertuples(index=False, name=None):
        one = Scope(frozenset({platform}), frozenset({account}), scope.departments, scope.tags)
        top, bottom = engine.daily_totals(numerator, one, period), engine.daily_totals(denominator, one, period)
        if top.notna().any() and bottom.notna().any():
            tops.append(top)
            bottoms.append(bottom)
    if not tops:
        empty = pd.Series(np.nan, index=pd.date_range(period.start, period.end, freq="D"))
        return empty, empty
    return pd.concat(tops, axis=1).sum(axis=1, min_count=1), pd.concat(bottoms, axis=1).sum(axis=1, min_count=1)


def kpi_series(engine: KpiEngine, key: str, scope: Scope, period: Period) -> pd.Series:
    """Per day (per ISO week beyond 92 days) one KPI over ``scope``, its days without a value dropped; ratios stay ratios of sums.

    The figures of the KPI cards (``KpiEngine.daily_totals``, the engine's daily-or-post rule), as the Channels
    page draws them per platform and the review pack's KPI tiles as sparklines. Empty for KPIs without a daily
    series (counts, growth, manual values).
    """
    item = CATALOG[key]
    weekly = period.days > 92
    if item.aggregation is Aggregation.RATIO:
        top, bottom = _paired_daily_totals(engine, item.numerator[0], item.denominator[0], scope, period)
        both = pd.DataFrame({"top": top, "bottom": bottom}).dropna()
        if weekly:
            both = both.resample("W-MON", label="left", closed="left").sum(min_count=1)
        values = both["top"] / both["bottom"].replace(0, np.nan)
    elif item.aggregation in (Aggregation.SUM, Aggregation.LAST) and item.numerator:
        values = engine.daily_totals(key, scope, period)
        if weekly:
            values = (
                values.resample("W-MON", label="left", closed="left").last()
                if item.aggregation is Aggregation.LAST
                else values.resample("W-MON", label="left", closed="left").sum(min_count=1)
            )
    else:
        return pd.Series(dtype="float64")
    return values.dropna().astype("float64")


def kpi_trend(engine: KpiEngine, key: str, scope: Scope, period: Period) -> pd.DataFrame:
    """Per day (per ISO week beyond 92 days) and platform: date, series, value, from_posts (``kpi_series`` per platform).

    The same figures as the KPI cards (``KpiEngine.daily_totals``, the engine's daily-or-post rule):
    an account without daily figures for the metric counts its posts' lifetime figures on their
    publish day, so a platform that exports post figures only (YouTube's video table) has a line
    too, marked ``from_posts``, and a platform's days add up to its card value.
    """
    frames = []
    for platform in sorted(set(engine.accounts_in(scope)["platform"])):
        narrowed = Scope(frozenset({platform}), scope.accounts, scope.departments, scope.tags)
        values = kpi_series(engine, key, narrowed, period)
        if len(values):
            from_posts = bool(engine.value(key, narrowed, period).from_posts)
            frames.append(pd.DataFrame({"date": values.index, "series": platform, "value": values.to_numpy(), "from_posts": from_posts}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["date", "series", "value", "from_posts"])


def post_table(engine: KpiEngine, scope: Scope, period: Period, zone: str | None = None) -> pd.DataFrame:
    """The posts published in the period in scope, with topics, departments and per-post rates.

    ``topics`` is a tuple of topic names per post (``tags`` the same, joined for display);
    ``local_time`` is the publish time in ``zone`` (default the company's time zone), naive;
    ``has_time`` is False for posts from date-only exports, whose ``weekday``/``hour`` are missing; ``format`` is
    the post type as a format key ("IG image", "Photos" -> "image", ``model.formats``), a type it does not know as
    written.
    """
    data = engine.data
    posts = data.posts.merge(engine.accounts_in(scope), on=["platform", "account"])
    day = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    posts = posts[(day >= pd.Timestamp(period.start)) & (day <= pd.Timestamp(period.end))]
    tags = engine.post_tags()
    if scope.tags:
        chosen = tags[tags["tag"].isin(scope.tags)][["platform", "account", "post_id"]].drop_duplicates()
        posts = posts.merge(chosen, on=["platform", "account", "post_id"])
    posts = posts.merge(engine.post_topics(), on=["platform", "account", "post_id"], how="left")
    posts["topics"] = [value if isinstance(value, tuple) else () for value in posts["topics"]]
    posts["tags"] = pd.Series([", ".join(value) or None for value in posts["topics"]], index=posts.index, dtype="string")
    posts = posts.merge(data.accounts[["platform", "account", "department"]], on=["platform", "account"], how="left")
    posts["departments"] = [
        tuple(sorted({d for d in (a, *(b if isinstance(b, tuple) else ())) if isinstance(d, str) and d}))
        for a, b in zip(posts["department"], posts["tag_departments"], strict=True)
    ]
    posts["engagement_rate"] = posts["engagements"] / posts["impressions"].replace(0, np.nan)
    formats = {value: post_format(value) for value in posts["post_type"].dropna().unique()}  # once per distinct type
    posts["format"] = posts["post_type"].map(formats, na_action="ignore").astype("string")
    posts["has_time"] = has_time_of_day(posts["published_at"])
    posts["local_time"] = local_times(posts["published_at"], zone)
    posts["weekday"] = posts["local_time"].dt.day_of_week.where(posts["has_time"]).astype("Int64")
    posts["hour"] = posts["local_time"].dt.hour.where(posts["has_time"]).astype("Int64")
    return posts.sort_values("published_at", ascending=False).reset_index(drop=True)


RANK_KPIS = ("engagements", "engagement_rate", "impressions", "views")  # what top and weakest posts can be ranked by


def ranked_posts(posts: pd.DataFrame, by: str) -> pd.DataFrame:
    """The posts with a value for ``by`` (one of RANK_KPIS), best first; equal values newest first.

    The one ranking of the Content page's top posts and the review pack's, so both name the same posts.
    """
    if by not in posts:
        return posts.iloc[:0]
    return posts.dropna(subset=[by]).sort_values([by, "published_at"], ascending=[False, False], kind="stable")


def top_and_weakest(posts: pd.DataFrame, by: str, top: int = 5, weakest: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``top`` best posts by ``by`` and, among the rest, the ``weakest`` lowest (lowest first):
    with few posts a post never shows in both lists."""
    ranked = ranked_posts(posts, by)
    return ranked.head(top), ranked.iloc[top:].tail(weakest).iloc[::-1]


def filter_posts(posts: pd.DataFrame, search: str = "", formats: list[str] | None = None, topics: list[str] | None = None) -> pd.DataFrame:
    """The posts whose text contains ``search`` (plain text, any case), of one of ``formats`` (``post_table``'s format
    keys) and with one of ``topics`` (whole topic names: "Messe" is not "Messestand"). Empty means any."""
    keep = pd.Series(True, index=posts.index)
    if search.strip():
        keep &= posts["text"].astype("string").fillna("").str.contains(search.strip(), case=False, regex=False).to_numpy(dtype=bool)
    if formats:
        keep &= posts["format"].isin(formats).fillna(False).to_numpy(dtype=bool)
    if topics:
        exploded = posts["topics"].explode()
        keep &= exploded.isin(topics).groupby(level=0).any().reindex(posts.index, fill_value=False).to_numpy(dtype=bool)
    return posts[keep.to_numpy(dtype=bool)]


def topic_names(posts: pd.DataFrame) -> list[str]:
    """Every topic of the posts, sorted."""
    return sorted(set(posts["topics"].explode().dropna())) if len(posts) else []


def format_labels(formats: pd.Series, language: Language) -> pd.Series:
    """Each post's format by its label ("Bild"), "–" where the export named none. Labelled once per distinct value, and
    through plain objects: mapping an all-missing Arrow text column gave an Arrow number column, on which filling in
    the dash failed (the Content page crashed for an agency whose exports name no post types)."""
    labels = {value: format_name(value, language) for value in formats.dropna().unique()}
    return formats.astype(object).map(labels).astype(object).fillna("–")


def performance_by(posts: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per format or topic (``column`` "format" or "topics"): posts, engagements per post and the
    engagement rate (ratio of sums). A post with two topics counts for each; posts without a topic do not count there."""
    if posts.empty:
        return pd.DataFrame(columns=["category", "posts", "engagements_per_post", "engagement_rate"])
    if column == "topics":
        frame = posts.assign(category=posts["topics"]).explode("category").dropna(subset=["category"])
    else:
        frame = posts.assign(category=posts[column].astype("string").fillna("–"))
    if frame.empty:
        return pd.DataFrame(columns=["category", "posts", "engagements_per_post", "engagement_rate"])
    frame = frame.assign(category=frame["category"].astype(str))
    grouped = frame.groupby("category")
    both = frame.dropna(subset=["engagements", "impressions"]).groupby("category")
    result = pd.DataFrame({
        "posts": grouped.size(), "engagements_per_post": grouped["engagements"].mean(),
        "engagement_rate": both["engagements"].sum() / both["impressions"].sum().replace(0, np.nan),
    })  # fmt: skip
    return result.reset_index().sort_values("posts", ascending=False)


def weekday_hour(posts: pd.DataFrame) -> pd.DataFrame:
    """Mean engagements per post by weekday (rows, Monday first) and hour (columns) in the company's
    time zone (``post_table``'s local times). Posts without a time of day are left out (see ``untimed``)."""
    timed = posts[posts["has_time"].to_numpy(dtype=bool)].dropna(subset=["engagements"]) if len(posts) else posts
    if timed.empty:
        return pd.DataFrame(index=range(7), columns=range(24), dtype=float)
    frame = timed.assign(weekday=timed["weekday"].astype(int), hour=timed["hour"].astype(int))
    return frame.pivot_table(index="weekday", columns="hour", values="engagements", aggfunc="mean")


def untimed(posts: pd.DataFrame) -> int:
    """How many posts have no time of day (date-only exports): the heatmap's note."""
    return int((~posts["has_time"].to_numpy(dtype=bool)).sum()) if len(posts) else 0


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


def key_result_shares(result: KeyResultReport) -> tuple[float, float]:
    """(actual, expected by now) of a key result on its target scale: 1.0 is the target.

    Accumulating KPIs (sums, counts, growth) count from 0 (a lower-is-better sum reads as the share of
    the budget used); levels (rates, stocks, last values) from their baseline where one is set, so
    followers from 10,000 to 12,000 at 11,000 stand at 0.5, not 0.92. NaN where the scale has no
    length (a target of 0 for a sum, a target equal to its baseline)."""
    kr = result.key_result
    accumulating = CATALOG[kr.kpi].aggregation in ACCUMULATING
    start = 0.0 if accumulating or kr.baseline is None or kr.baseline != kr.baseline else float(kr.baseline)
    length = kr.target - start
    if not length or length != length:
        return math.nan, math.nan
    return (result.actual - start) / length, (result.expected - start) / length


def key_result_bullets(
    config: GoalsConfig | None,
    report: GoalReport | None,
    language: Language,
    departments: frozenset[str] = frozenset(),
    engine: KpiEngine | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """One row per key result, ordered by department and objective as the goals workbook lists them:
    the Cockpit's progress chart. Values in the KPI's unit and as shares of the target (``key_result_shares``);
    ``non_additive`` and, given the engine and the day, ``from_posts`` (accounts whose actual came from posts)."""
    columns = ["department", "department_label", "objective_id", "objective", "key_result", "kpi", "label", "scope", "period",
               "actual", "expected", "target", "share", "expected_share", "status", "actual_text", "expected_text", "target_text",
               "non_additive", "from_posts", "provisional", "progress_kind", "progress_text"]  # fmt: skip
    if config is None or report is None:
        return pd.DataFrame(columns=columns)
    order = {department: position for position, department in enumerate(DEPARTMENTS)}
    objectives = sorted((o for o in config.objectives if not departments or o.department in departments), key=lambda o: order.get(o.department, len(order)))
    results = {}
    for result in report.key_results:
        results.setdefault(result.key_result.objective_id, []).append(result)
    rows = []
    for objective in objectives:
        for result in results.get(objective.id, []):
            kr = result.key_result
            item = CATALOG[kr.kpi]
            share, expected_share = key_result_shares(result)
            department = DEPARTMENTS.get(objective.department)
            window = kr.period.until(min(as_of, kr.period.end)) if as_of is not None else None
            from_posts = engine.value(kr.kpi, scope_of(kr, objective), window).from_posts if engine is not None and window is not None else ()
            rows.append(
                {
                    "department": objective.department,
                    "department_label": department.label(language) if department else objective.department,
                    "objective_id": objective.id,
                    "objective": objective.objective,
                    "key_result": kr.id,
                    "kpi": kr.kpi,
                    "label": item.label(language),
                    "scope": scope_label(kr, language),
                    "period": kr.period.label(language),
                    "actual": result.actual,
                    "expected": result.expected,
                    "target": kr.target,
                    "share": share,
                    "expected_share": expected_share,
                    "status": str(result.status),
                    "actual_text": formatting.kpi_value(result.actual, item.unit.value, language),
                    "expected_text": formatting.kpi_value(result.expected, item.unit.value, language),
                    "target_text": formatting.kpi_value(kr.target, item.unit.value, language),
                    "non_additive": non_additive(kr.kpi),
                    "from_posts": from_posts,
                    "provisional": result.provisional,  # the period has ended, its data does not reach the end
                    "progress_kind": str(result.progress_kind),
                    "progress_text": progress_text(result, language),  # "Budget verbraucht 15 %", or why there is no number
                }
            )
    return pd.DataFrame(rows, columns=columns)
