"""The goal maths, table-driven: every aggregation x direction x baseline x target x period state.

One tiny dataset, the ten days 1-10 March 2026, values chosen so that every number is computed by
hand below (no data a year earlier, so pace and forecast are linear / run rate):

- linkedin/acme: 10 impressions and 1 engagement a day -> impressions 50 by 5 March, 100 in all;
  engagement rate 0.1 throughout.
- x/acme_x: 2 followers lost a day -> 10 by 5 March, 20 in all.
- instagram/ig: one post a day at 09:00 UTC -> 5 by 5 March, 10 in all.
- tiktok/tt: followers 100 on 28 February, +2 a day -> 110 on 5 March, 120 on 10 March; the
  least-squares line through 1-5 March (102..110) reaches 120 on 10 March; net growth 10 by
  5 March, 20 in all.
- manual leads (objective department sales): 4 (sales) on 1 March, 4 (no department: the whole
  company's) on 3 March, 2 (sales) on 5 March, 10 (sales) on 10 March; 100 (hr) on 2 March never
  counts -> 10 by 5 March, 20 in all.
- manual response time: 6 (sales) on 1 March, 5 (no department) on 5 March, 3.5 (sales) on
  10 March; 1.0 (hr) on 7 March never counts -> 5 as of 5 March, 3.5 at the end.

Period states: not started (as of 20 February), running (5 March: half of the ten days elapsed),
ended (20 March). Directions the catalog does not have (fewer posts, a lower engagement rate, ...)
are made by flipping the catalog entry's direction for the test.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

import pandas as pd
import pytest

from metrics.catalog import CATALOG, Direction
from metrics.dataset import Dataset
from metrics.engine import KpiEngine
from metrics.goals import KeyResult, Objective
from metrics.periods import parse_period
from metrics.progress import ProgressKind, Status, evaluate_key_result
from model.canonical import Grain, conform
from model.i18n import Language

PERIOD = "2026-03-01..2026-03-10"
NOT_STARTED, RUNNING, ENDED = dt.date(2026, 2, 20), dt.date(2026, 3, 5), dt.date(2026, 3, 20)
OBJECTIVE = Objective("S1", "Mehr Anfragen", "sales")
H, L = Direction.HIGHER, Direction.LOWER
SHARE, BUDGET, WAY = ProgressKind.SHARE, ProgressKind.BUDGET, ProgressKind.WAY
ZERO, NO_BASE, HOLD = ProgressKind.ZERO_TARGET, ProgressKind.NO_BASELINE, ProgressKind.HOLD
ACH, ON, RISK, OFF = Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK
NAN = math.nan
SCOPES = {
    "impressions": "linkedin",
    "engagement_rate": "linkedin",
    "followers_lost": "x",
    "posts": "instagram",
    "followers": "tiktok",
    "follower_growth": "tiktok",
}


def _dataset() -> Dataset:
    days = pd.date_range("2026-03-01", "2026-03-10")
    stock_days = pd.date_range("2026-02-01", "2026-03-10")
    daily = pd.concat(
        [
            pd.DataFrame({"platform": "linkedin", "account": "acme", "date": days, "impressions": 10.0, "engagements": 1.0}),
            pd.DataFrame({"platform": "x", "account": "acme_x", "date": days, "followers_lost": 2.0}),
            pd.DataFrame({"platform": "tiktok", "account": "tt", "date": stock_days, "followers": 100.0 + 2 * (stock_days - pd.Timestamp("2026-02-28")).days}),
        ]
    )
    posts = pd.DataFrame(
        {"platform": "instagram", "account": "ig", "post_id": [f"p{d.day}" for d in days], "published_at": (days + pd.Timedelta(hours=9)).tz_localize("UTC")}
    )
    manual = pd.DataFrame(
        {
            "metric": ["leads"] * 5 + ["response_time_hours"] * 4,
            "date": pd.to_datetime(
                ["2026-03-01", "2026-03-03", "2026-03-05", "2026-03-10", "2026-03-02", "2026-03-01", "2026-03-05", "2026-03-10", "2026-03-07"]
            ),
            "value": [4.0, 4.0, 2.0, 10.0, 100.0, 6.0, 5.0, 3.5, 1.0],
            "department": ["sales", None, "sales", "sales", "hr", "sales", None, "sales", "hr"],
            "note": "",
        }
    ).astype({"metric": "string", "date": "datetime64[us]", "department": "string", "note": "string"})
    data = Dataset(daily=conform(daily.assign(source_row=1), Grain.DAILY), posts=conform(posts.assign(source_row=1), Grain.POST))
    return data.with_mapping(Dataset().accounts, (), manual)


@pytest.fixture(scope="module")
def engine() -> KpiEngine:
    return KpiEngine(_dataset())


@dataclass(frozen=True)
class Expect:
    actual: float
    progress: float
    kind: ProgressKind
    expected: float
    forecast: float
    status: Status


R = E = Expect  # R: running (as of 5 March), E: ended (as of 20 March)

# (aggregation, KPI, direction, baselines, target, running, ended), all by hand.
# Accumulating KPIs (sum, count, growth, manual sum) start at 0 each period: their baseline does not
# move the start, so every baseline (none, below, above the target) gives the same row.
TABLE = [
    # sum, higher: share of the target; 50 of 120 by half time, run rate 100 -> 83 % -> at risk
    ("sum", "impressions", H, (None, 80, 150), 120, R(50, 50 / 120, SHARE, 60, 100, RISK), E(100, 100 / 120, SHARE, 120, 100, OFF)),
    ("sum", "impressions", H, (None, -10, 10), 0, R(50, NAN, ZERO, 0, 100, ACH), E(100, NAN, ZERO, 0, 100, ACH)),
    # sum, lower: budget used; 10 of 25 lost, run rate 20 keeps the budget -> on track, kept at the end
    ("sum", "followers_lost", L, (None, 15, 40), 25, R(10, 10 / 25, BUDGET, 12.5, 20, ON), E(20, 20 / 25, BUDGET, 25, 20, ACH)),
    # "no net loss": any loss spends a budget of 0
    ("sum", "followers_lost", L, (None, -10, 10), 0, R(10, NAN, ZERO, 0, 20, OFF), E(20, NAN, ZERO, 0, 20, OFF)),
    # count, higher: 5 of 8 posts, run rate 10 -> on track, achieved
    ("count", "posts", H, (None, 4, 12), 8, R(5, 5 / 8, SHARE, 4, 10, ON), E(10, 10 / 8, SHARE, 8, 10, ACH)),
    ("count", "posts", H, (None, -10, 10), 0, R(5, NAN, ZERO, 0, 10, ACH), E(10, NAN, ZERO, 0, 10, ACH)),
    # count, lower: a budget of 8 posts; run rate 10 keeps 8/10 of it -> at risk, then exceeded
    ("count", "posts", L, (None, 4, 12), 8, R(5, 5 / 8, BUDGET, 4, 10, RISK), E(10, 10 / 8, BUDGET, 8, 10, OFF)),
    ("count", "posts", L, (None, -10, 10), 0, R(5, NAN, ZERO, 0, 10, OFF), E(10, NAN, ZERO, 0, 10, OFF)),
    # growth, higher: +10 of +16, run rate +20 -> on track, achieved
    ("growth", "follower_growth", H, (None, 5, 30), 16, R(10, 10 / 16, SHARE, 8, 20, ON), E(20, 20 / 16, SHARE, 16, 20, ACH)),
    ("growth", "follower_growth", H, (None, -10, 10), 0, R(10, NAN, ZERO, 0, 20, ACH), E(20, NAN, ZERO, 0, 20, ACH)),
    # growth, lower: a budget of +16; run rate +20 keeps 16/20 -> at risk, then exceeded
    ("growth", "follower_growth", L, (None, 5, 30), 16, R(10, 10 / 16, BUDGET, 8, 20, RISK), E(20, 20 / 16, BUDGET, 16, 20, OFF)),
    ("growth", "follower_growth", L, (None, -10, 10), 0, R(10, NAN, ZERO, 0, 20, OFF), E(20, NAN, ZERO, 0, 20, OFF)),
    # manual sum, higher: leads 10 of 24 (the company-wide 4 count, hr's 100 do not), run rate 20 -> 83 %
    ("manual", "leads", H, (None, 5, 30), 24, R(10, 10 / 24, SHARE, 12, 20, RISK), E(20, 20 / 24, SHARE, 24, 20, OFF)),
    ("manual", "leads", H, (None, -10, 10), 0, R(10, NAN, ZERO, 0, 20, ACH), E(20, NAN, ZERO, 0, 20, ACH)),
    # rate, higher, 0.1 throughout; a rate's forecast is its current value
    ("rate", "engagement_rate", H, (None,), 0.11, R(0.1, NAN, NO_BASE, 0.11, 0.1, OFF), E(0.1, NAN, NO_BASE, 0.11, 0.1, OFF)),
    # baseline below: (0.1 - 0.05) / (0.11 - 0.05) = 5/6 of the way; expected 0.05 + 0.06 / 2
    ("rate", "engagement_rate", H, (0.05,), 0.11, R(0.1, 5 / 6, WAY, 0.08, 0.1, RISK), E(0.1, 5 / 6, WAY, 0.11, 0.1, OFF)),
    # baseline above: the target was met at the start, it is to be held; 0.1 does not hold 0.11
    ("rate", "engagement_rate", H, (0.15,), 0.11, R(0.1, NAN, HOLD, 0.13, 0.1, OFF), E(0.1, NAN, HOLD, 0.11, 0.1, OFF)),
    ("rate", "engagement_rate", H, (None,), 0, R(0.1, NAN, NO_BASE, 0, 0.1, ACH), E(0.1, NAN, NO_BASE, 0, 0.1, ACH)),
    ("rate", "engagement_rate", H, (-0.05,), 0, R(0.1, 3.0, WAY, -0.025, 0.1, ACH), E(0.1, 3.0, WAY, 0, 0.1, ACH)),
    ("rate", "engagement_rate", H, (0.05,), 0, R(0.1, NAN, HOLD, 0.025, 0.1, ACH), E(0.1, NAN, HOLD, 0, 0.1, ACH)),
    # rate, lower: at most 0.09
    ("rate", "engagement_rate", L, (None,), 0.09, R(0.1, NAN, NO_BASE, 0.09, 0.1, OFF), E(0.1, NAN, NO_BASE, 0.09, 0.1, OFF)),
    ("rate", "engagement_rate", L, (0.05,), 0.09, R(0.1, NAN, HOLD, 0.07, 0.1, OFF), E(0.1, NAN, HOLD, 0.09, 0.1, OFF)),
    # (0.1 - 0.14) / (0.09 - 0.14) = 0.8 of the way -> at risk; expected 0.14 - 0.05 / 2
    ("rate", "engagement_rate", L, (0.14,), 0.09, R(0.1, 0.8, WAY, 0.115, 0.1, RISK), E(0.1, 0.8, WAY, 0.09, 0.1, OFF)),
    ("rate", "engagement_rate", L, (None,), 0, R(0.1, NAN, NO_BASE, 0, 0.1, OFF), E(0.1, NAN, NO_BASE, 0, 0.1, OFF)),
    ("rate", "engagement_rate", L, (-0.05,), 0, R(0.1, NAN, HOLD, -0.025, 0.1, OFF), E(0.1, NAN, HOLD, 0, 0.1, OFF)),
    ("rate", "engagement_rate", L, (0.05,), 0, R(0.1, -1.0, WAY, 0.025, 0.1, OFF), E(0.1, -1.0, WAY, 0, 0.1, OFF)),
    # stock, higher: 110 now, trend 120 at the end; to 125
    ("stock", "followers", H, (None,), 125, R(110, NAN, NO_BASE, 125, 120, OFF), E(120, NAN, NO_BASE, 125, 120, OFF)),
    # from 100: 10 of 25 gone; the trend goes 20 of 25 -> at risk; expected 100 + 25 / 2
    ("stock", "followers", H, (100,), 125, R(110, 0.4, WAY, 112.5, 120, RISK), E(120, 0.8, WAY, 125, 120, OFF)),
    ("stock", "followers", H, (140,), 125, R(110, NAN, HOLD, 132.5, 120, OFF), E(120, NAN, HOLD, 125, 120, OFF)),
    ("stock", "followers", H, (None,), 0, R(110, NAN, NO_BASE, 0, 120, ACH), E(120, NAN, NO_BASE, 0, 120, ACH)),
    ("stock", "followers", H, (-10,), 0, R(110, 12.0, WAY, -5, 120, ACH), E(120, 13.0, WAY, 0, 120, ACH)),
    ("stock", "followers", H, (10,), 0, R(110, NAN, HOLD, 5, 120, ACH), E(120, NAN, HOLD, 0, 120, ACH)),
    # stock, lower: at most 105
    ("stock", "followers", L, (None,), 105, R(110, NAN, NO_BASE, 105, 120, OFF), E(120, NAN, NO_BASE, 105, 120, OFF)),
    ("stock", "followers", L, (90,), 105, R(110, NAN, HOLD, 97.5, 120, OFF), E(120, NAN, HOLD, 105, 120, OFF)),
    # from 130: (110 - 130) / (105 - 130) = 0.8, but the trend to 120 is only 0.4 of the way
    ("stock", "followers", L, (130,), 105, R(110, 0.8, WAY, 117.5, 120, OFF), E(120, 0.4, WAY, 105, 120, OFF)),
    ("stock", "followers", L, (None,), 0, R(110, NAN, NO_BASE, 0, 120, OFF), E(120, NAN, NO_BASE, 0, 120, OFF)),
    ("stock", "followers", L, (-10,), 0, R(110, NAN, HOLD, -5, 120, OFF), E(120, NAN, HOLD, 0, 120, OFF)),
    ("stock", "followers", L, (10,), 0, R(110, -10.0, WAY, 5, 120, OFF), E(120, -11.0, WAY, 0, 120, OFF)),
    # manual level, lower: response time 5 h now (the company-wide value), 3.5 h at the end; at most 4 h
    ("manual", "response_time_hours", L, (None,), 4, R(5, NAN, NO_BASE, 4, 5, OFF), E(3.5, NAN, NO_BASE, 4, 3.5, ACH)),
    ("manual", "response_time_hours", L, (3,), 4, R(5, NAN, HOLD, 3.5, 5, OFF), E(3.5, NAN, HOLD, 4, 3.5, ACH)),
    # from 6 h: (5 - 6) / (4 - 6) = half the way; expected 6 - 2 / 2
    ("manual", "response_time_hours", L, (6,), 4, R(5, 0.5, WAY, 5, 5, OFF), E(3.5, 1.25, WAY, 4, 3.5, ACH)),
    ("manual", "response_time_hours", L, (None,), 0, R(5, NAN, NO_BASE, 0, 5, OFF), E(3.5, NAN, NO_BASE, 0, 3.5, OFF)),
    ("manual", "response_time_hours", L, (-1,), 0, R(5, NAN, HOLD, -0.5, 5, OFF), E(3.5, NAN, HOLD, 0, 3.5, OFF)),
    ("manual", "response_time_hours", L, (6,), 0, R(5, 1 / 6, WAY, 3, 5, OFF), E(3.5, 2.5 / 6, WAY, 0, 3.5, OFF)),
]

CASES = [
    pytest.param(kpi, direction, baseline, target, state, expect, id=f"{aggregation}-{kpi}-{direction}-base{baseline}-target{target}-{state}")
    for aggregation, kpi, direction, baselines, target, running, ended in TABLE
    for baseline in baselines
    for state, expect in (("running", running), ("ended", ended))
]
AS_OF = {"running": RUNNING, "ended": ENDED}


def _evaluate(engine: KpiEngine, monkeypatch: pytest.MonkeyPatch, kpi: str, direction: Direction, baseline: float | None, target: float, as_of: dt.date):
    if CATALOG[kpi].direction is not direction:
        monkeypatch.setitem(CATALOG, kpi, replace(CATALOG[kpi], direction=direction))
    kr = KeyResult("S1.1", "S1", kpi, parse_period(PERIOD), PERIOD, float(target), None if baseline is None else float(baseline), SCOPES.get(kpi))
    return evaluate_key_result(engine, kr, OBJECTIVE, as_of)


@pytest.mark.parametrize(("kpi", "direction", "baseline", "target", "state", "expect"), CASES)
def test_goal_maths(engine, monkeypatch, kpi, direction, baseline, target, state, expect: Expect) -> None:
    result = _evaluate(engine, monkeypatch, kpi, direction, baseline, target, AS_OF[state])
    got = (result.actual, result.progress, result.progress_kind, result.expected, result.forecast, result.status)
    assert got == (
        pytest.approx(expect.actual),
        pytest.approx(expect.progress, nan_ok=True),
        expect.kind,
        pytest.approx(expect.expected),
        pytest.approx(expect.forecast),
        expect.status,
    )


def test_the_table_covers_every_combination() -> None:
    covered = {
        (aggregation, direction, _side(baseline, target), target == 0) for aggregation, _, direction, baselines, target, _, _ in TABLE for baseline in baselines
    }
    aggregations = ("sum", "count", "rate", "stock", "growth", "manual")
    wanted = {(a, d, b, z) for a in aggregations for d in (H, L) for b in ("none", "below", "above") for z in (True, False)}
    assert wanted <= covered


def _side(baseline: float | None, target: float) -> str:
    return "none" if baseline is None else "below" if baseline < target else "above"


@pytest.mark.parametrize(
    ("kpi", "direction", "baseline", "target"),
    [(kpi, direction, baseline, target) for _, kpi, direction, baselines, target, _, _ in TABLE for baseline in baselines],
)
def test_a_period_that_has_not_started_has_nothing_to_show(engine, monkeypatch, kpi, direction, baseline, target) -> None:
    result = _evaluate(engine, monkeypatch, kpi, direction, baseline, target, NOT_STARTED)
    assert (result.status, result.progress_kind, result.note) == (Status.NO_DATA, ProgressKind.NO_DATA, "kr.not_started")
    assert all(math.isnan(v) for v in (result.actual, result.progress, result.score, result.expected, result.forecast))


@pytest.mark.parametrize(
    ("kpi", "direction", "target", "as_of", "score"),
    [
        ("impressions", H, 120, RUNNING, 50 / 120),  # share reached so far
        ("followers_lost", L, 25, RUNNING, 1.0),  # the run rate (20) keeps the budget of 25
        ("posts", L, 8, RUNNING, 0.8),  # the run rate (10) keeps 8/10 of the budget
        ("posts", L, 8, ENDED, 0.8),  # 10 used of 8
        ("followers_lost", L, 0, RUNNING, 0.0),  # a budget of 0 is spent
        ("impressions", H, 0, RUNNING, 1.0),  # a target of 0 is met
        ("engagement_rate", H, 0.11, RUNNING, 0.0),  # no baseline, not met
    ],
)
def test_scores_are_direction_aware(engine, monkeypatch, kpi, direction, target, as_of, score) -> None:
    assert _evaluate(engine, monkeypatch, kpi, direction, None, target, as_of).score == pytest.approx(score)


def test_a_budget_of_lost_followers_reads_more_lost_as_more_used() -> None:
    """The issue's numbers: 30 lost of a budget of 200 is 15 % used, 90 lost is 45 % used and a lower score."""
    from metrics.progress import _progress, _score

    low, high = (_progress(lost, 0.0, 200.0, True, L) for lost in (30.0, 90.0))
    assert (low, high) == ((0.15, BUDGET), (0.45, BUDGET))
    # 30 lost by half time runs to 60 (within budget: 1); 90 lost by a quarter runs to 360 (keeps 200/360)
    assert _score(0.15, BUDGET, 30.0, 60.0, 200.0, L) == 1.0
    assert _score(0.45, BUDGET, 90.0, 360.0, 200.0, L) == pytest.approx(200 / 360)


ZERO_TARGETS = """
- objective_id: KS-1
  kpi: followers_lost
  platform: x
  period: 2026-Q4
  target: 0
- objective_id: KS-1
  kpi: follower_growth
  platform: x
  period: 2026-Q4
  target: 0
"""


def test_zero_targets_on_the_demo_evaluate_and_go_into_the_pack(demo_db: str) -> None:
    """ "No net loss" (target 0) used to raise ZeroDivisionError and take down the Cockpit, Goals and Review pages."""
    from ingest.goals_reader import load_goals
    from metrics.progress import evaluate
    from reports.excel_writer import write_xlsx
    from reports.pack import build_pack
    from sample_data.demo import DEMO_EXPORT_DAY, DEMO_GOALS_YAML
    from storage.engine import make_engine
    from storage.queries import load_dataset

    text = DEMO_GOALS_YAML.read_text(encoding="utf-8").replace("\nkey_results:\n", "\nkey_results:" + ZERO_TARGETS, 1)
    config = load_goals("goals.yaml", text.encode())
    data = load_dataset(make_engine(demo_db)).with_mapping(config.accounts, config.tags, config.manual_values)
    engine = KpiEngine(data)
    report = evaluate(engine, config, DEMO_EXPORT_DAY)
    lost, growth = (
        next(r for r in report.key_results if r.key_result.kpi == kpi and r.key_result.target == 0) for kpi in ("followers_lost", "follower_growth")
    )
    assert (lost.key_result.kpi, lost.progress_kind, math.isnan(lost.progress)) == ("followers_lost", ZERO, True)
    assert lost.status is (OFF if lost.actual > 0 else ON)
    assert (growth.key_result.kpi, growth.progress_kind) == ("follower_growth", ZERO)
    pack = build_pack(engine, config, parse_period("2026-Q4"), DEMO_EXPORT_DAY, Language.DE)
    assert write_xlsx(pack)[:2] == b"PK"
