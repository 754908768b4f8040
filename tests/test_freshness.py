"""Data through: goals judged on the data that exists, stocks carried to the data-through date, stale accounts."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from metrics.catalog import CATALOG, Source
from metrics.dataset import Dataset, Scope
from metrics.engine import KpiEngine
from metrics.goals import GoalsConfig, KeyResult, KeyResultType, Objective
from metrics.periods import parse_period
from metrics.progress import Status, evaluate
from model.canonical import Grain, conform
from model.i18n import Language
from reports.pack import status_text
from sample_data.demo import DEMO_EXPORT_DAY
from storage.engine import make_engine
from storage.queries import load_dataset
from tests.conftest import ROOT
from tests.test_demo import demo_report


def daily(rows: list[tuple[str, str, str, dict[str, float]]]) -> pd.DataFrame:
    frame = pd.DataFrame([{"platform": p, "account": a, "date": pd.Timestamp(d), **values, "source_row": 1} for p, a, d, values in rows])
    return conform(frame, Grain.DAILY)


def days(first: str, last: str) -> list[str]:
    return [d.date().isoformat() for d in pd.date_range(first, last)]


def test_demo_judged_a_week_later_without_new_data_is_unchanged(demo_db: str) -> None:
    """Exports arrive late: 8 days without new data are unknown days, not days of zero performance."""
    config, on_export_day = demo_report(demo_db)
    engine = KpiEngine(load_dataset(make_engine(demo_db)).with_mapping(config.accounts, config.tags, config.manual_values))
    later = evaluate(engine, config, dt.date(2026, 11, 30))
    before = {r.key_result.id: r for r in on_export_day.key_results}
    for result in later.key_results:
        same = before[result.key_result.id]
        assert (result.status, result.actual) == pytest.approx((same.status, same.actual), nan_ok=True)
        if result.data_through is not None:  # manual values do not lag like exports: their pace follows the calendar
            assert result.data_through == DEMO_EXPORT_DAY and result.judged_as_of == DEMO_EXPORT_DAY
            assert (result.expected, result.forecast) == pytest.approx((same.expected, same.forecast), nan_ok=True)
    assert sum(r.status is Status.ON_TRACK for r in later.key_results) == sum(r.status is Status.ON_TRACK for r in on_export_day.key_results)


def goal(kpi: str, period: str, target: float, baseline: float | None = None) -> GoalsConfig:
    objective = Objective("O1", "Sichtbarkeit", "pr")
    result = KeyResult("O1.1", "O1", kpi, parse_period(period), period, target, baseline, type=KeyResultType.COMMITTED)
    return GoalsConfig(objectives=(objective,), key_results=(result,))


def test_a_quarter_whose_data_ends_before_its_end_is_provisional_and_judged_on_pace() -> None:
    """Q4 2026 ends on 31.12.; the export reaches only 15.12. On 15.2. a key result exactly on pace is on track (provisional)."""
    q4 = parse_period("2026-Q4")
    engine = KpiEngine(Dataset(daily=daily([("linkedin", "acme", d, {"impressions": 100.0}) for d in days("2026-10-01", "2026-12-15")])))
    through = dt.date(2026, 12, 15)
    elapsed = (through - q4.start).days + 1  # 76 of 92 days, 100 impressions a day
    target = 100.0 * q4.days  # exactly on pace: 9,200
    [result] = evaluate(engine, goal("impressions", "2026-Q4", target), dt.date(2027, 2, 15)).key_results
    assert result.data_through == through and result.judged_as_of == through and result.provisional
    assert result.actual == 100.0 * elapsed
    assert result.expected == pytest.approx(target * elapsed / q4.days)
    assert result.forecast == pytest.approx(target)
    assert result.status is Status.ON_TRACK
    assert result.to_dict()["data_through"] == "2026-12-15" and result.to_dict()["provisional"] is True
    assert status_text(result, Language.DE) == "auf Kurs (vorläufig)" and status_text(result, Language.EN) == "on track (provisional)"
    # Fully covered: final, and judged on the calendar.
    engine = KpiEngine(Dataset(daily=daily([("linkedin", "acme", d, {"impressions": 100.0}) for d in days("2026-10-01", "2027-01-05")])))
    [final] = evaluate(engine, goal("impressions", "2026-Q4", target), dt.date(2027, 2, 15)).key_results
    assert (final.provisional, final.status, final.actual, final.data_through) == (False, Status.ACHIEVED, target, dt.date(2027, 1, 5))


def two_accounts() -> KpiEngine:
    """Followers of two accounts; the X export ends on 10.4., LinkedIn's on 20.4."""
    rows = [("linkedin", "acme", d, {"followers": 1000.0 + i}) for i, d in enumerate(days("2026-04-01", "2026-04-20"))]
    rows += [("x", "acme_x", d, {"followers": 500.0}) for d in days("2026-04-01", "2026-04-10")]
    rows += [("x", "acme_x", "2026-04-10", {"impressions": 10.0})]
    return KpiEngine(Dataset(daily=daily(rows).drop_duplicates(["platform", "account", "date"], keep="first")))


def test_stocks_are_carried_forward_to_the_data_through_date() -> None:
    engine = two_accounts()
    april = parse_period("2026-04")
    followers = engine.daily_totals("followers", Scope(), april)
    # Carried: no drop when X's export ends; unknown after the last day both have data.
    assert followers["2026-04-10"] == 1009 + 500
    assert engine.data_through(Scope(), "followers") == dt.date(2026, 4, 10)
    assert math.isnan(followers["2026-04-11"]) and math.isnan(followers["2026-04-30"])
    assert followers.dropna().diff().dropna().ge(0).all()
    # The KPI adds each account's last value up to the period's end: 1019 + 500, X flagged as carried for 10 days.
    value = engine.value("followers", Scope(), april)
    assert value.value == 1019 + 500
    assert value.carried == ("x/acme_x",)
    assert engine.value("followers", Scope(), parse_period("2026-04-01..2026-04-14")).carried == ()
    # A month later without an X value in May, X still counts with its last value.
    assert engine.value("followers", Scope.of(platforms="x"), parse_period("2026-05")).value == 500


def test_trend_forecast_is_not_fitted_through_a_missing_export() -> None:
    engine = two_accounts()
    [result] = evaluate(engine, goal("followers", "2026-Q2", 2000.0, baseline=1500.0), dt.date(2026, 4, 20)).key_results
    assert result.data_through == dt.date(2026, 4, 10) and result.judged_as_of == dt.date(2026, 4, 10)
    assert result.actual == 1009 + 500  # as of the data-through date
    assert result.forecast > result.actual  # a rising line, not one bent down by X's end


def test_stale_accounts_and_data_through(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = two_accounts()
    as_of = dt.date(2026, 4, 20)
    assert engine.data_through(Scope()) == dt.date(2026, 4, 10)
    assert engine.data_through(Scope.of(platforms="linkedin")) == dt.date(2026, 4, 20)
    assert engine.data_through(Scope.of(platforms="tiktok")) is None
    # An account given up before the period does not hold it back.
    assert engine.data_through(Scope(), "followers", since=dt.date(2026, 4, 11)) == dt.date(2026, 4, 20)
    [stale] = engine.stale_accounts(as_of, threshold_days=7)
    assert (stale.platform, stale.account, stale.last_day, stale.days_behind) == ("x", "acme_x", dt.date(2026, 4, 10), 10)
    assert engine.stale_accounts(as_of, threshold_days=10) == []
    monkeypatch.setenv("RESONANZ_STALE_DAYS", "14")
    assert engine.stale_accounts(as_of) == []
    last = engine.account_last_days()
    assert list(last.itertuples(index=False, name=None)) == [("x", "acme_x", dt.date(2026, 4, 10)), ("linkedin", "acme", dt.date(2026, 4, 20))]


def test_daily_or_posts_is_chosen_per_period_and_account(real_exports, sqlite_engine) -> None:
    """An X account with a daily overview (Dec 2024 - Mar 2025) and a post export of July 2026: July counts its posts."""
    from storage.imports import store_results
    from tests.conftest import read_files

    names = ["x_twitter/hestey-star/account_analytics_content_2026-07-06_2026-08-02.csv", "x_twitter/kaia-devdash/kaiadevintern_account_overview_analytics.csv"]
    store_results(sqlite_engine, read_files(*[(name.rsplit("/", 1)[1], (real_exports / name).read_bytes()) for name in names], account="hestey"))
    engine = KpiEngine(load_dataset(sqlite_engine))
    with (real_exports / names[0]).open(encoding="utf-8-sig", newline="") as file:
        july = [row for row in csv.DictReader(file) if dt.datetime.strptime(row["Date"], "%a, %b %d, %Y").month == 7]
    value = engine.value("impressions", Scope(), parse_period("2026-07"))
    assert value.value == sum(int(row["Impressions"]) for row in july) and value.from_posts == ("x/hestey",)
    assert engine.value("posts", Scope(), parse_period("2026-07")).value == len(july) == 196
    # The daily overview's months still come from the daily rows: March 2025 is not from posts.
    with (real_exports / names[1]).open(encoding="utf-8-sig", newline="") as file:
        march = [row for row in csv.DictReader(file) if dt.datetime.strptime(row["Date"], "%a, %b %d, %Y").date() >= dt.date(2025, 3, 1)]
    daily_march = engine.value("impressions", Scope(), parse_period("2025-03"))
    assert daily_march.value == sum(int(row["Impressions"]) for row in march) and daily_march.from_posts == ()


def test_cli_goals_json_gives_every_key_result_its_data_through(demo_db: str) -> None:
    done = subprocess.run(
        [sys.executable, "cli.py", "goals", "--db", demo_db, "--goals", "sample_data/demo/ziele.xlsx", "--as-of", "2026-11-30", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    for row in rows:
        # Manual values have no data-through date; nor has LinkedIn's "saves" (LinkedIn exports none: no data).
        unknown = CATALOG[row["kpi"]].source is Source.MANUAL or row["key_result"] == "MK-1.3"
        assert row["data_through"] == (None if unknown else "2026-11-22"), row["key_result"]
        assert row["judged_as_of"] == ("2026-11-30" if unknown else "2026-11-22"), row["key_result"]
        assert row["provisional"] is False
    assert [r["status"] for r in rows if r["key_result"] == "MK-1.3"] == ["no_data"]


def _days(*dates: str | None) -> np.ndarray:
    from metrics.freshness import NONE, to_day

    return np.array([NONE if d is None else to_day(dt.date.fromisoformat(d)) for d in dates], dtype=np.int64)


HELD_ACCOUNTS = pd.MultiIndex.from_arrays([["x", "tiktok", "youtube"], ["a", "b", "c"]], names=["platform", "account"])


@pytest.mark.parametrize(
    ("last_days", "since", "as_of", "expected"),
    [
        (("2026-11-22", "2026-11-22", "2026-11-22"), "2026-10-01", "2026-11-26", None),  # all end alike
        (("2026-11-22", "2026-10-15", "2026-11-22"), "2026-10-01", "2026-11-26", ("2026-10-15", "2026-11-22", [("tiktok", "b")])),
        (("2026-11-22", "2026-10-15", "2026-10-15"), "2026-10-01", "2026-11-26", ("2026-10-15", "2026-11-22", [("tiktok", "b"), ("youtube", "c")])),
        (("2026-11-22", "2026-09-30", "2026-11-20"), "2026-10-01", "2026-11-26", ("2026-11-20", "2026-11-22", [("youtube", "c")])),  # b ends before
        (("2026-11-22", None, "2026-11-22"), "2026-10-01", "2026-11-26", None),  # b has no data: it holds nothing back
        (("2026-11-22", "2026-11-20", "2026-11-22"), "2026-10-01", "2026-11-15", None),  # both after the report day
        ((None, None, None), "2026-10-01", "2026-11-26", None),
        (("2026-11-22", "2026-03-23", "2026-11-22"), None, "2026-11-26", ("2026-03-23", "2026-11-22", [("tiktok", "b")])),
    ],
)
def test_held_back_names_the_accounts_that_end_before_the_others(last_days, since, as_of, expected) -> None:
    from metrics.freshness import held_back

    found = held_back(HELD_ACCOUNTS, _days(*last_days), dt.date.fromisoformat(since) if since else None, dt.date.fromisoformat(as_of))
    if expected is None:
        assert found is None
    else:
        through, latest, accounts = expected
        assert (found.through.isoformat(), found.latest.isoformat(), list(found.accounts)) == (through, latest, accounts)


def test_an_account_with_posts_only_holds_no_scope_back() -> None:
    """A new user's case: two posts in the generic template, the last on 04.11., beside a company whose exports run
    to 22.11.: the whole company's Cockpit was cut to 04.11. (Impressionen 979.461 -> 819.217). A channel that has not
    posted since is no late export; it counts its posts, and the others count to their own data through."""
    company = daily([("linkedin", "acme", d, {"impressions": 100.0}) for d in days("2026-10-01", "2026-11-22")])
    template = conform(
        pd.DataFrame(
            {
                "platform": "other",
                "account": ["blog", "blog", "shop"],
                "post_id": ["p1", "p2", "s1"],
                "published_at": pd.to_datetime(["2026-10-20 09:00", "2026-11-04 09:00", "2026-11-10 09:00"], utc=True),
                "impressions": [50.0, 70.0, 5.0],
                "source_row": [2, 3, 4],
            }
        ),
        Grain.POST,
    )
    engine = KpiEngine(Dataset(daily=company, posts=template))
    q4, as_of = parse_period("2026-Q4"), dt.date(2026, 11, 30)
    assert engine.data_through(Scope(), "impressions", since=q4.start) == dt.date(2026, 11, 22)
    assert engine.data_through(Scope(), since=q4.start) == dt.date(2026, 11, 22)
    assert engine.held_back(Scope(), q4.start, as_of, "impressions") is None  # nobody is named as holding it back
    assert [s.account for s in engine.stale_accounts(as_of, period=q4)] == ["acme"]  # nor as late: the blog just did not post
    from metrics.comparison import Comparison, compare

    result = compare(engine, "impressions", Scope(), q4, Comparison.PREVIOUS, as_of)
    assert (result.cut, result.value) == (dt.date(2026, 11, 22), 53 * 100.0 + 50.0 + 70.0 + 5.0)
    # Posts only: the scope runs to the latest of its accounts' last posts (the shop's 10.11.), and the blog alone to its own.
    assert engine.data_through(Scope.of(platforms="other"), "impressions", since=q4.start) == dt.date(2026, 11, 10)
    assert engine.data_through(Scope.of(platforms="other", accounts="blog"), "impressions", since=q4.start) == dt.date(2026, 11, 4)
    # An account with daily rows that end early still holds the company back, and is named for it.
    late = KpiEngine(
        Dataset(daily=pd.concat([company, daily([("x", "late", d, {"impressions": 1.0}) for d in days("2026-10-01", "2026-11-04")])]), posts=template)
    )
    assert late.data_through(Scope(), "impressions", since=q4.start) == dt.date(2026, 11, 4)
    assert late.held_back(Scope(), q4.start, as_of, "impressions").accounts == (("x", "late"),)


def test_the_seasonal_pattern_comes_from_accounts_that_count_now_and_had_all_of_last_year() -> None:
    """A new user's case: importing another Instagram account's December 2025 made an HR goal on Instagram go from
    "nicht auf Kurs" to "auf Kurs" without any change of its actual: that December weighed on last year's pattern.
    The pattern is the steady account's alone: 339 of 365 days by 5 December."""
    steady = [("instagram", "karriere", d, {"engagements": 10.0}) for d in days("2025-01-01", "2026-12-05")]
    december_only = [("instagram", "agentur", d, {"engagements": 1000.0}) for d in days("2025-12-01", "2025-12-31")]
    config = GoalsConfig(
        objectives=(Objective("O1", "Arbeitgebermarke", "hr"),),
        key_results=(KeyResult("O1.1", "O1", "engagements", parse_period("2026"), "2026", 5000.0, platform="instagram"),),
    )
    as_of = dt.date(2026, 12, 5)
    alone = evaluate(KpiEngine(Dataset(daily=daily(steady))), config, as_of).key_results[0]
    [with_history] = evaluate(KpiEngine(Dataset(daily=daily(steady + december_only))), config, as_of).key_results
    assert alone.expected_method == with_history.expected_method == "seasonal"
    assert alone.expected == pytest.approx(5000.0 * 339 / 365)
    assert (with_history.actual, with_history.expected, with_history.forecast, with_history.status) == pytest.approx(
        (alone.actual, alone.expected, alone.forecast, alone.status)
    )
    # 3,390 against 4,644 expected, a forecast of 3,650 for 5,000 (the December had made it 14,000: "auf Kurs")
    assert (with_history.actual, with_history.forecast, with_history.status) == (3390.0, pytest.approx(3650.0), Status.OFF_TRACK)


def test_an_account_given_up_before_the_period_carries_no_follower_total_into_it() -> None:
    """A new user's case: a personal LinkedIn export ending in March 2026 added its 3,050 followers to the company's
    Q4 total (53,440 -> 56,490) while the pack named it no source. Its total counts in the quarters it has data in, and
    is carried as a late export's into a period that starts less than GIVEN_UP_DAYS after its last day."""
    company = [("linkedin", "acme", d, {"followers": 53_440.0}) for d in days("2026-01-01", "2026-11-22")]
    personal = [("linkedin", "anna", d, {"followers": 3_050.0}) for d in days("2026-01-01", "2026-03-23")]
    engine = KpiEngine(Dataset(daily=daily(company + personal)))
    q4, q1 = parse_period("2026-Q4"), parse_period("2026-Q1")
    assert engine.value("followers", Scope(), q4).value == 53_440.0
    assert engine.value("followers", Scope(), q1).value == 53_440.0 + 3_050.0
    assert engine.value("followers", Scope.of(accounts="anna"), q4).no_data
    q2 = engine.value("followers", Scope.of(accounts="anna"), parse_period("2026-Q2"))  # nine days late: carried, marked
    assert (q2.value, q2.carried) == (3_050.0, ("linkedin/anna",))
    assert engine.value("followers", Scope.of(accounts="anna"), parse_period("2026-Q3")).no_data  # 100 days: given up
    assert engine.accounts_with_data_in(q4) == {("linkedin", "acme")}  # the pack's sources: the accounts it counts
    assert [s.account for s in engine.stale_accounts(dt.date(2026, 4, 10), period=parse_period("2026-Q2"))] == ["anna"]
    # The chart's day line and the card agree: no flat 3,050 carried through Q4
    assert engine.daily_totals("followers", Scope(), q4).dropna().unique().tolist() == [53_440.0]
    # An account whose export is only late (data into the period) is still carried, and marked for it
    late = [("linkedin", "late", d, {"followers": 100.0}) for d in days("2026-01-01", "2026-10-05")]
    marked = KpiEngine(Dataset(daily=daily(company + late))).value("followers", Scope(), q4)
    assert (marked.value, marked.carried) == (53_540.0, ("linkedin/late",))
