"""One comparison everywhere: like for like as of data through, "new" / "not comparable" where a base is missing or
incomplete, and the Cockpit, the pack and `cli.py kpis` showing the same numbers."""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys

import pandas as pd
import pytest

from ingest.goals_reader import load_goals
from metrics.catalog import CATALOG, Source
from metrics.comparison import ChangeStatus, Comparison, compare, compare_by_account
from metrics.dataset import Dataset, Scope
from metrics.engine import KpiEngine
from metrics.periods import parse_period
from metrics.views import kpi_cards
from model.canonical import Grain, conform
from model.i18n import Language
from reports.pack import PACK_KPIS, build_pack, kpi_grid
from sample_data.demo import DEMO_EXPORT_DAY, DEMO_GOALS
from storage.engine import make_engine
from storage.queries import load_dataset
from tests.conftest import ROOT

Q4 = parse_period("2026-Q4")


def engine_of(rows: list[tuple[str, str, str, float]]) -> KpiEngine:
    frame = pd.DataFrame([{"platform": p, "account": a, "date": pd.Timestamp(d), "impressions": v, "source_row": 1} for p, a, d, v in rows])
    return KpiEngine(Dataset(daily=conform(frame, Grain.DAILY)))


def every_day(platform: str, account: str, first: str, last: str, value: float) -> list[tuple[str, str, str, float]]:
    return [(platform, account, day.date().isoformat(), value) for day in pd.date_range(first, last)]


def test_a_running_quarter_compares_with_the_same_days_of_the_previous_quarter() -> None:
    engine = engine_of(every_day("linkedin", "a", "2026-07-01", "2026-11-22", 10.0))
    result = compare(engine, "impressions", Scope(), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 30))
    # Judged as of data through (22.11.): 53 days of Q4 against the first 53 days of Q3, not against the 53 days before.
    assert result.cut == dt.date(2026, 11, 22)
    assert (result.window.start, result.window.end, result.base_window.start, result.base_window.end) == (
        Q4.start,
        dt.date(2026, 11, 22),
        dt.date(2026, 7, 1),
        dt.date(2026, 8, 22),
    )
    assert (result.value, result.base, result.change, result.status) == (530.0, 530.0, 0.0, ChangeStatus.CHANGE)


def test_a_base_with_a_few_days_of_data_is_not_comparable() -> None:
    """The "+1.258.450,0 %" case: the comparison period has data on two days only."""
    rows = every_day("linkedin", "a", "2026-10-01", "2026-11-22", 1000.0) + [("linkedin", "a", "2026-07-30", 2.0), ("linkedin", "a", "2026-08-02", 2.0)]
    result = compare(engine_of(rows), "impressions", Scope(), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 22))
    assert (result.value, result.base, result.status) == (53_000.0, 4.0, ChangeStatus.NOT_COMPARABLE)
    assert math.isnan(result.change)


def test_an_account_that_starts_mid_period_is_not_comparable_and_no_base_is_new() -> None:
    rows = every_day("linkedin", "a", "2026-07-01", "2026-11-22", 10.0) + every_day("x", "b", "2026-11-01", "2026-11-22", 5.0)
    engine = engine_of(rows)
    both = compare(engine, "impressions", Scope(), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 22))
    assert (both.value, both.base, both.status) == (530.0 + 110.0, 530.0, ChangeStatus.NOT_COMPARABLE)
    only_b = compare(engine, "impressions", Scope.of(platforms="x"), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 22))
    assert (only_b.value, only_b.status) == (110.0, ChangeStatus.NEW) and math.isnan(only_b.base)
    # LinkedIn alone has its full Q3: a real change.
    assert compare(engine, "impressions", Scope.of(platforms="linkedin"), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 22)).status is ChangeStatus.CHANGE
    # Last year there is nothing at all.
    assert compare(engine, "impressions", Scope(), Q4, Comparison.LAST_YEAR, dt.date(2026, 11, 22)).status is ChangeStatus.NEW


def daily_now_posts_before() -> KpiEngine:
    """A YouTube content download's shape: daily views for its window (this year) and every video with its views over
    that window, the old ones too (published last year, counted this year); a second channel has daily views on both
    sides."""
    daily = pd.DataFrame(
        [{"platform": "youtube", "account": "uni", "date": day, "views": 100.0, "source_row": 1} for day in pd.date_range("2026-07-01", "2026-09-30")]
        + [{"platform": "youtube", "account": "tv", "date": day, "views": 10.0, "source_row": 1} for day in pd.date_range("2026-04-01", "2026-09-30")]
    )
    videos = pd.DataFrame(
        {
            "platform": "youtube",
            "account": "uni",
            "post_id": ["old1", "old2", "new1"],
            "published_at": pd.to_datetime(["2026-04-10 10:00", "2026-05-20 10:00", "2026-08-01 10:00"], utc=True),
            "views": [3000.0, 2000.0, 4000.0],
            "source_row": [2, 3, 4],
        }
    )
    return KpiEngine(Dataset(daily=conform(daily, Grain.DAILY), posts=conform(videos, Grain.POST)))


def test_daily_figures_against_figures_read_from_posts_are_not_comparable() -> None:
    """The UFSCar YouTube download: daily views now, and before only the views last quarter's videos earned in this
    quarter's window. 9,200 against 5,000 is no change of +84 %: not comparable, in the Cockpit and the Channels table."""
    engine = daily_now_posts_before()
    q3, as_of = parse_period("2026-Q3"), dt.date(2026, 10, 5)
    uni = Scope.of(platforms="youtube", accounts="uni")
    result = compare(engine, "views", uni, q3, Comparison.PREVIOUS, as_of)
    assert (result.value, result.base, result.status) == (9_200.0, 5_000.0, ChangeStatus.NOT_COMPARABLE)
    assert math.isnan(result.change)
    both = compare(engine, "views", Scope(), q3, Comparison.PREVIOUS, as_of)
    assert (both.value, both.base, both.status) == (9_200.0 + 920.0, 5_000.0 + 910.0, ChangeStatus.NOT_COMPARABLE)
    tv = compare(engine, "views", Scope.of(platforms="youtube", accounts="tv"), q3, Comparison.PREVIOUS, as_of)
    assert (tv.value, tv.base, tv.status) == (920.0, 910.0, ChangeStatus.CHANGE)  # daily on both sides: a change
    table = compare_by_account(engine, "views", Scope(), q3, Comparison.PREVIOUS, as_of)
    assert table["status"].to_dict() == {("youtube", "tv"): "change", ("youtube", "uni"): "not_comparable"}
    assert_each_account_as_its_own_scope(engine, Scope(), [q3, parse_period("2026-Q2")], as_of)


@pytest.fixture(scope="module")
def demo(demo_db: str):
    config = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    data = load_dataset(make_engine(demo_db), with_text=True).with_mapping(config.accounts, config.tags, config.manual_values)
    return KpiEngine(data), config


def test_cockpit_pack_and_cli_show_the_same_numbers_for_the_demo_quarter(demo, demo_db: str) -> None:
    engine, config = demo
    as_of = DEMO_EXPORT_DAY
    cards = {c: kpi_cards(engine, Scope(), Q4, c, as_of, keys=PACK_KPIS).set_index("kpi") for c in Comparison}
    pack = build_pack(engine, config, Q4, as_of, Language.DE)
    table = pack.kpis.set_index("kpi")
    done = subprocess.run(
        [sys.executable, "cli.py", "kpis", "--db", demo_db, "--period", "2026-Q4", "--as-of", as_of.isoformat(), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    cli_rows = {row["kpi"]: row for row in report["kpis"]}
    assert (report["data_through"], report["previous_from"], report["previous_to"]) == ("2026-11-22", "2026-07-01", "2026-08-22")
    assert (report["last_year_from"], report["last_year_to"]) == ("2025-10-01", "2025-11-22")

    def same(a: float, b: float | None) -> bool:
        # The CLI rounds to 6 decimals.
        return (b is None and a != a) or (b is not None and a == pytest.approx(b, rel=1e-9, abs=1e-6))

    for key in PACK_KPIS:
        previous, last_year, row = cards[Comparison.PREVIOUS].loc[key], cards[Comparison.LAST_YEAR].loc[key], table.loc[key]
        assert same(previous["value"], _plain(row["value"])) and same(previous["value"], cli_rows[key]["value"]), key
        assert same(previous["comparison"], _plain(row["previous"])) and same(previous["comparison"], cli_rows[key]["previous"]), key
        assert same(last_year["comparison"], _plain(row["last_year"])) and same(last_year["comparison"], cli_rows[key]["last_year"]), key
        assert same(previous["change"], _plain(row["change_previous"])) and same(previous["change"], cli_rows[key]["change_previous"]), key
        assert same(last_year["change"], _plain(row["change_last_year"])) and same(last_year["change"], cli_rows[key]["change_last_year"]), key
        assert previous["change_status"] == row["status_previous"] == cli_rows[key]["status_previous"], key
        assert last_year["change_status"] == row["status_last_year"] == cli_rows[key]["status_last_year"], key
    # The demo's impressions by hand: Q4 through 22.11. and Q3's first 53 days; daily rows where an account has
    # them in the window, else its posts published in it.
    for column, first, last in (("value", "2026-10-01", "2026-11-22"), ("previous", "2026-07-01", "2026-08-22")):
        assert table.loc["impressions", column] == pytest.approx(by_hand(engine.data, first, last)), column
    _check_markers(pack)


def by_hand(data: Dataset, first: str, last: str) -> float:
    daily = data.daily[(data.daily["date"] >= first) & (data.daily["date"] <= last)].dropna(subset=["impressions"])
    day = data.posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    posts = data.posts[(day >= first) & (day <= last)].dropna(subset=["impressions"])
    with_daily = set(zip(daily["platform"], daily["account"], strict=True))
    from_posts = posts[[(p, a) not in with_daily for p, a in zip(posts["platform"], posts["account"], strict=True)]]
    return float(daily["impressions"].sum() + from_posts["impressions"].sum())


def _check_markers(pack) -> None:
    # The pack marks reach as a sum of unique counts and explains it under the table.
    grid = kpi_grid(pack)
    assert any(row[0] == "Reichweite Σ" for row in grid.rows)
    assert grid.notes[0] == "Daten bis 22.11.2026" and any(note.startswith("Σ Summe nicht additiver Werte") for note in grid.notes)


def _plain(value: float) -> float | None:
    return None if value != value else float(value)


def test_cockpit_changes_a_week_later_without_new_data_are_unchanged(demo) -> None:
    """Demo data through 22.11.: the Cockpit on 30.11. shows the same values and changes as on 22.11."""
    engine, _ = demo
    for comparison in Comparison:
        on_export_day = kpi_cards(engine, Scope(), Q4, comparison, DEMO_EXPORT_DAY)
        later = kpi_cards(engine, Scope(), Q4, comparison, dt.date(2026, 11, 30))
        columns = ["value", "comparison", "change"]
        pd.testing.assert_frame_equal(later[columns], on_export_day[columns])
        assert list(later["change_status"]) == list(on_export_day["change_status"])
        assert set(later["data_through"]) == {DEMO_EXPORT_DAY}


DATA_KPIS = [key for key, item in CATALOG.items() if item.source not in (Source.MANUAL, Source.PLAN)]


def assert_each_account_as_its_own_scope(engine: KpiEngine, scope: Scope, periods: list, as_of: dt.date) -> None:
    """Metamorphic: the per-account arrays (the Channels table) equal value() and compare() of a scope of one account."""
    accounts = engine.account_index(scope)
    assert len(accounts)
    for period in periods:
        for key in DATA_KPIS:
            together = engine.values_by_account(key, scope, period)
            alone = [engine.value(key, Scope.of(platforms=p, accounts=a), period).value for p, a in accounts]
            assert together.tolist() == pytest.approx(alone, nan_ok=True, rel=1e-12), (key, period)
        for key in ("impressions", "engagements", "engagement_rate", "followers", "followers_gained", "posts"):
            for comparison in Comparison:
                table = compare_by_account(engine, key, scope, period, comparison, as_of)
                one_by_one = [compare(engine, key, Scope.of(platforms=p, accounts=a), period, comparison, as_of) for p, a in accounts]
                assert table["status"].tolist() == [str(c.status) for c in one_by_one], (key, period, comparison)
                for column in ("value", "base", "change"):
                    assert table[column].tolist() == pytest.approx([getattr(c, column) for c in one_by_one], nan_ok=True, rel=1e-12)


def test_the_channels_table_s_figures_are_each_account_s_own_on_the_demo(demo) -> None:
    engine, _ = demo
    periods = [Q4, parse_period("2026-Q3"), parse_period("2026-11"), parse_period("KW 46/2026"), parse_period("2025-Q1")]
    assert_each_account_as_its_own_scope(engine, Scope(), periods, DEMO_EXPORT_DAY)
    assert_each_account_as_its_own_scope(engine, Scope.of(platforms="linkedin"), [Q4], DEMO_EXPORT_DAY)


def test_the_channels_table_s_edge_accounts_each_as_its_own_scope() -> None:
    rows = (
        every_day("linkedin", "whole", "2026-07-01", "2026-11-22", 10.0)  # both quarters, data through 22.11.
        + every_day("linkedin", "late", "2026-07-25", "2026-07-30", 5.0)  # a few days of base only: not comparable
        + every_day("linkedin", "late", "2026-10-01", "2026-11-20", 5.0)
        + every_day("linkedin", "new", "2026-11-01", "2026-11-20", 5.0)  # starts mid-period, no base: new
        + every_day("x", "gone", "2026-07-01", "2026-08-31", 7.0)  # nothing in Q4: no data
        + every_day("x", "zero", "2026-07-01", "2026-09-30", 0.0)
        + every_day("x", "zero", "2026-10-01", "2026-11-22", 3.0)  # a base of 0: new
        + [("youtube", "once", "2026-10-05", 1.0)]
    )
    engine = engine_of(rows)
    table = compare_by_account(engine, "impressions", Scope(), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 30))
    assert table["status"].to_dict() == {
        ("linkedin", "late"): "not_comparable", ("linkedin", "new"): "new", ("linkedin", "whole"): "change", ("x", "gone"): "no_data",
        ("x", "zero"): "new", ("youtube", "once"): "new",
    }  # fmt: skip
    assert_each_account_as_its_own_scope(engine, Scope(), [Q4, parse_period("2026-Q3"), parse_period("2027-Q1")], dt.date(2026, 11, 30))


def test_the_channels_table_shows_each_account_s_figures_by_hand() -> None:
    from metrics.views import account_table

    rows = (
        every_day("linkedin", "whole", "2026-07-01", "2026-11-22", 10.0)  # Q4 up to 22.11.: 53 days x 10 against Q3's first 53 days
        + every_day("linkedin", "grown", "2026-07-01", "2026-09-30", 10.0)
        + every_day("linkedin", "grown", "2026-10-01", "2026-11-22", 20.0)  # twice as much in Q4
        + every_day("x", "new", "2026-11-01", "2026-11-22", 5.0)  # no base: "neu"
    )
    table = account_table(engine_of(rows), Scope(), Q4, Comparison.PREVIOUS, dt.date(2026, 11, 30), Language.DE)
    shown = table.set_index("Konto")
    assert list(table["Konto"]) == ["grown", "whole", "new"]  # the engine's order: platform, then account
    assert shown.loc["whole", "Impressionen"] == "530" and shown.loc["grown", "Impressionen"] == "1.060"
    assert shown.loc["new", "Impressionen"] == "110"  # 22 days x 5
    change = "Impressionen ggü. Vorperiode"
    assert (shown.loc["whole", change], shown.loc["grown", change], shown.loc["new", change]) == ("+0,0 %", "+100,0 %", "neu")
