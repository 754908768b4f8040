"""Every catalog KPI on a hand-made dataset, values computed by hand (see tests/metrics_data.py)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from metrics.catalog import CATALOG
from metrics.comparison import comparison_table
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.periods import parse_period
from tests.metrics_data import dataset

APRIL = parse_period("2026-04")
NAN = math.nan


@pytest.fixture(scope="module")
def engine() -> KpiEngine:
    return KpiEngine(dataset())


# kpi, scope, expected value in April 2026 (NaN: no data), accounts that fell back to posts
CASES = [
    # impressions: LinkedIn daily 1000+2000 (its post's 9,999 is ignored: it has daily data), X 500+500, Instagram posts 400+600
    ("impressions", Scope(), 5000, ("instagram/ig",)),
    ("engagements", Scope(), 100 + 30 + 68 + 50, ("instagram/ig", "tiktok/tt")),
    # ratio of sums over accounts with both parts: TikTok has engagements but no impressions, so it is left out
    ("engagement_rate", Scope(), (100 + 30 + 68) / 5000, ("instagram/ig",)),
    ("engagement_rate_reach", Scope(), 68 / 800, ("instagram/ig",)),
    ("engagement_rate_followers", Scope(), 50 / 1150, ("tiktok/tt",)),
    ("clicks", Scope(), 50, ()),
    ("ctr", Scope(), 50 / 3000, ()),
    ("reactions", Scope(), 40 + 40 + 50, ("instagram/ig", "tiktok/tt")),
    ("comments", Scope(), 7 + 4 + 6, ("instagram/ig", "tiktok/tt")),
    ("shares", Scope(), 3 + 6 + 4, ("instagram/ig", "tiktok/tt")),
    ("saves", Scope(), 8, ("instagram/ig",)),
    ("views", Scope(), 400, ("tiktok/tt",)),
    ("reach", Scope(), 800, ("instagram/ig",)),
    ("followers", Scope(), 1150, ()),  # the last value in April, never a sum of days
    ("followers_gained", Scope(), 18, ()),
    ("followers_lost", Scope(), 4, ()),
    # LinkedIn: new followers only (12); X: 6 new - 4 lost; TikTok: stock 1150 - 1000 (the value before April)
    ("follower_growth", Scope(), 12 + 2 + 150, ()),
    ("follower_growth_rate", Scope(), 150 / 1000, ()),
    ("posts", Scope(), 5, ()),  # the May post does not count
    ("amplification_rate", Scope(), (1 + 5 + 4 + 0) / 4, ()),  # the LinkedIn post has no shares value
    ("conversation_rate", Scope(), (1 + 3 + 2 + 4) / 4, ()),
    ("applause_rate", Scope(), (11 + 10 + 30 + 20 + 30) / 5, ()),
    ("watch_time_hours", Scope(), NAN, ()),
    ("page_views", Scope(), NAN, ()),
    ("profile_visits", Scope(), NAN, ()),
    ("applications", Scope(), 15, ()),
    ("applications", Scope.of(departments="hr"), 12, ()),
    ("awareness", Scope(), 0.32, ()),  # the last measurement in the period
    ("leads", Scope(), NAN, ()),
    ("impressions", Scope.of(platforms="linkedin"), 3000, ()),
    ("engagement_rate", Scope.of(platforms="linkedin"), 100 / 3000, ()),
    ("impressions", Scope.of(departments="hr"), 1000, ("instagram/ig",)),
    ("followers", Scope.of(departments="hr"), 1150, ()),
    ("impressions", Scope.of(accounts="acme_x"), 1000, ()),
    ("impressions", Scope.of(accounts="nobody"), NAN, ()),
    ("posts", Scope.of(accounts="nobody"), NAN, ()),
    ("posts", Scope.of(platforms="x"), NAN, ()),  # X exported no posts at all: no data, not 0
    # a tag scope counts the tagged posts (Instagram 'Azubis gesucht #ausbildung', TikTok '#Ausbildung')
    ("posts", Scope.of(tags="Ausbildung"), 2, ()),
    ("impressions", Scope.of(tags="Ausbildung"), 400, ("instagram/ig",)),
    ("views", Scope.of(tags="Ausbildung"), 300, ("tiktok/tt",)),
]


@pytest.mark.parametrize(("key", "scope", "expected", "from_posts"), CASES, ids=[f"{c[0]}-{c[1].describe()}" for c in CASES])
def test_kpi_value(engine: KpiEngine, key, scope, expected, from_posts) -> None:
    result = engine.value(key, scope, APRIL)
    if math.isnan(expected):
        assert result.no_data, result
    else:
        assert result.value == pytest.approx(expected)
    assert result.from_posts == from_posts


def test_every_catalog_kpi_is_covered_by_a_case() -> None:
    plan_kpis = {k for k, item in CATALOG.items() if item.source == "plan"}  # cased in tests/test_plan.py on the golden plan
    assert set(CATALOG) - plan_kpis - {c[0] for c in CASES} <= {"unique_visitors", "followers_net", "service_requests_resolved", "response_time_hours"}


def test_comparison_with_previous_period_and_last_year(engine: KpiEngine) -> None:
    """April as of 31 May, like for like as of data through (metrics.comparison)."""
    table = comparison_table(engine, Scope(), APRIL, dt.date(2026, 5, 31), ["impressions", "followers"]).set_index("kpi")
    # LinkedIn's daily data ends on 15 April: April counts to 15 April (LinkedIn 3000, X 500, Instagram's post 400)
    # against 1-15 March, which holds nothing: "new", not a change.
    impressions = table.loc["impressions"]
    assert (impressions["data_through"], impressions["value"], impressions["status_previous"]) == (dt.date(2026, 4, 15), 3900, "new")
    assert math.isnan(impressions["previous"]) and math.isnan(impressions["change_previous"]) and math.isnan(impressions["last_year"])
    # Followers: TikTok's last value 1150 (20 April) against its value before 21 March: none, so new.
    followers = table.loc["followers"]
    assert (followers["data_through"], followers["value"], followers["status_previous"]) == (dt.date(2026, 4, 20), 1150, "new")


def test_daily_totals_for_charts(engine: KpiEngine) -> None:
    impressions = engine.daily_totals("impressions", Scope(), APRIL)
    assert impressions["2026-04-01"] == 1500
    assert impressions["2026-04-05"] == 400  # an Instagram post's lifetime figure on its publish day
    assert impressions["2026-04-25"] == 600  # published 23:30 UTC: the UTC day counts
    followers = engine.daily_totals("followers", Scope(), APRIL)
    assert (followers["2026-04-01"], followers["2026-04-12"], followers["2026-04-20"]) == (1000, 1100, 1150)
    assert math.isnan(followers["2026-04-30"])  # carried forward between values, never past the last one


def test_a_value_asked_again_is_remembered_and_forgotten_with_the_cache() -> None:
    engine = KpiEngine(dataset())
    first = engine.value("impressions", Scope(), APRIL)
    assert first.value == 5000
    assert engine.value("impressions", Scope(), APRIL) is first  # key results ask again for the same value
    assert engine.value("impressions", Scope.of(platforms=["x"]), APRIL).value == 1000  # another scope is its own value
    engine.clear_cache()
    again = engine.value("impressions", Scope(), APRIL)
    assert again is not first and again.value == 5000


def test_a_scope_s_aggregates_are_the_period_s_rows_of_its_accounts() -> None:
    # _scoped cuts each aggregate by positions with the scope's index taken once (a speed-up): it must equal iloc.
    from dataclasses import fields

    import pandas as pd

    from metrics.engine import PeriodAggregates

    engine = KpiEngine(dataset())
    scope = Scope.of(platforms=["x", "instagram"])
    positions = engine._positions(scope)
    assert positions is not None and len(positions) == 2
    whole, cut = engine.aggregates(APRIL), engine._scoped(APRIL, scope)
    for name in (f.name for f in fields(PeriodAggregates) if f.name not in ("has_posts", "_arrays")):
        expected, got = getattr(whole, name).iloc[positions], getattr(cut, name)
        (pd.testing.assert_series_equal if isinstance(expected, pd.Series) else pd.testing.assert_frame_equal)(got, expected)
    assert engine.value("impressions", scope, APRIL).value == 500 + 500 + 400 + 600


@pytest.mark.parametrize("period", ["2026-Q3", "2026-Q4", "2026-10", "2025"])
def test_a_tag_scope_counts_what_an_engine_of_only_those_posts_counts(demo_db: str, period: str) -> None:
    # Metamorphic: a tag's figures are its posts' figures. An engine that holds only the tagged posts (and no daily
    # data, which belongs to no topic) must give the same values without a tag, account by account.
    from dataclasses import replace

    from ingest.goals_reader import load_goals
    from metrics.periods import parse_period
    from sample_data.demo import DEMO_GOALS
    from storage.engine import make_engine
    from storage.queries import load_dataset

    goals = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    data = load_dataset(make_engine(demo_db)).with_mapping(goals.accounts, goals.tags, goals.manual_values)
    engine, span = KpiEngine(data), parse_period(period)
    for rule in goals.tags:
        tagged = data.post_tags()
        keys = tagged.loc[tagged["tag"] == rule.tag, ["platform", "account", "post_id"]].drop_duplicates()
        only = KpiEngine(replace(data, daily=data.daily.iloc[0:0], posts=data.posts.merge(keys, on=["platform", "account", "post_id"])))
        for kpi in ("posts", "impressions", "engagements", "engagement_rate", "comments"):
            with_tag, without = engine.value(kpi, Scope.of(tags=rule.tag), span), only.value(kpi, Scope(), span)
            assert with_tag.value == pytest.approx(without.value, nan_ok=True), (rule.tag, kpi)
            if kpi != "posts":  # a count of posts includes accounts that posted, on this topic or not, with zero
                assert with_tag.accounts == without.accounts


@pytest.mark.parametrize("period", ["2026-Q3", "2026-10", "2026-W40"])
def test_a_ratio_s_day_sums_pair_accounts_as_one_account_at_a_time_would(demo_db: str, period: str) -> None:
    # metrics.views pairs a ratio's two metrics over every account at once (a day-by-account grid); it must equal
    # adding up the accounts one by one, each counted only when it has both metrics in the period.
    import pandas as pd

    from metrics.views import _paired_daily_totals
    from storage.engine import make_engine
    from storage.queries import load_dataset

    engine, span = KpiEngine(load_dataset(make_engine(demo_db))), parse_period(period)
    for numerator, denominator in (("engagements", "impressions"), ("clicks", "impressions"), ("engagements", "reach")):
        tops, bottoms = [], []
        for platform, account in engine.accounts_in(Scope())[["platform", "account"]].itertuples(index=False, name=None):
            one = Scope.of(platforms=[platform], accounts=[account])
            top, bottom = engine.daily_totals(numerator, one, span), engine.daily_totals(denominator, one, span)
            if top.notna().any() and bottom.notna().any():
                tops.append(top)
                bottoms.append(bottom)
        top, bottom = _paired_daily_totals(engine, numerator, denominator, Scope(), span)
        assert len(tops) > 1
        pd.testing.assert_series_equal(top, pd.concat(tops, axis=1).sum(axis=1, min_count=1), check_names=False, check_freq=False)
        pd.testing.assert_series_equal(bottom, pd.concat(bottoms, axis=1).sum(axis=1, min_count=1), check_names=False, check_freq=False)


def test_one_account_s_positions_are_those_the_filter_finds() -> None:
    # _positions looks a single (platform, account) up directly; it must agree with filtering every account.
    engine = KpiEngine(dataset())
    for platform, account in engine.accounts_in(Scope())[["platform", "account"]].itertuples(index=False, name=None):
        one = Scope.of(platforms=[platform], accounts=[account])
        found = engine.accounts_in(one)
        expected = engine._index.get_indexer(pd.MultiIndex.from_frame(found.astype(object)))
        assert engine._positions(one).tolist() == sorted(expected.tolist())
    assert engine._positions(Scope.of(platforms=["x"], accounts=["no such account"])).tolist() == []


def test_posts_without_a_publish_time_change_no_other_account_and_count_in_no_period() -> None:
    # A real YouTube "Table data" export had 17 videos without a publish time: their day keys broke the order of the
    # running sums, so X counted 17 posts more, YouTube's own figures vanished and the Channels page crashed.
    from metrics.comparison import Comparison, compare_by_account
    from metrics.dataset import Dataset
    from tests.metrics_data import ACCOUNTS, DAILY, MANUAL, POSTS, TAGS, _posts

    dateless = _posts(
        [{"platform": "youtube", "account": "yt", "post_id": f"v{i}", "published_at": None, "views": 50, "reactions": 5} for i in range(17)]
        + [{"platform": "youtube", "account": "yt", "post_id": "dated", "published_at": "2026-04-07 12:00", "views": 70, "reactions": 7}]
        + [{"platform": "instagram", "account": "ig", "post_id": "ig-x", "published_at": None, "impressions": 10_000, "reactions": 900}]
    )
    before = KpiEngine(dataset())
    after = KpiEngine(Dataset(daily=DAILY, posts=pd.concat([POSTS, dateless], ignore_index=True)).with_mapping(ACCOUNTS, TAGS, MANUAL))
    for key in ("impressions", "views", "posts", "engagements", "reactions", "engagement_rate"):
        for platform in ("linkedin", "instagram", "x", "tiktok"):  # Instagram's dateless post included: it counts nowhere
            old, new = (engine.value(key, Scope(platforms=(platform,)), APRIL).value for engine in (before, after))
            assert old == new or (math.isnan(old) and math.isnan(new)), (key, platform, old, new)
    youtube = Scope(platforms=("youtube",))
    assert (after.value("posts", youtube, APRIL).value, after.value("views", youtube, APRIL).value) == (1, 70)  # only the dated video
    assert after.value("posts", Scope(), APRIL).value == before.value("posts", Scope(), APRIL).value + 1
    assert after.daily_totals("views", youtube, APRIL)["2026-04-07"] == 70
    table = compare_by_account(after, "impressions", Scope(), APRIL, Comparison.PREVIOUS, dt.date(2026, 4, 30))
    assert len(table) == 5  # the Channels table: every account, no crash
