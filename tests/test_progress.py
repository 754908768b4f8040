"""Key-result progress, expectation, forecast and status rules, with hand-computed values."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from ingest.goals_reader import load_goals
from metrics.dataset import Dataset
from metrics.engine import KpiEngine
from metrics.progress import Status, evaluate
from model.canonical import Grain, conform

AS_OF = dt.date(2026, 5, 15)  # day 45 of the 91 days of Q2 2026; day 135 of 2026


def engine_for(config) -> KpiEngine:
    days = pd.date_range("2025-01-01", "2026-06-30")
    impressions = pd.DataFrame({"platform": "linkedin", "account": "acme", "date": days, "impressions": 100.0})
    stock_days = pd.date_range("2026-01-01", "2026-05-15")
    followers = pd.DataFrame({"platform": "tiktok", "account": "tt", "date": stock_days, "followers": 1000.0 + 2 * (stock_days - stock_days[0]).days})
    daily = conform(pd.concat([impressions, followers]).assign(source_row=1), Grain.DAILY)
    return KpiEngine(Dataset(daily=daily).with_mapping(config.accounts, config.tags, config.manual_values))


GOALS = """
objectives:
  - {id: O1, objective: Sichtbarkeit, department: pr}
  - {id: O2, objective: Service, department: service}
key_results:
  - {objective_id: O1, kpi: impressions, period: 2026-Q2, target: 9000}
  - {objective_id: O1, kpi: impressions, period: 2026-Q2, target: 10000}
  - {objective_id: O1, kpi: impressions, period: 2026-Q2, target: 13000}
  - {objective_id: O1, kpi: impressions, period: 2026-Q2, target: 4000}
  - {objective_id: O1, kpi: impressions, period: 2026-Q1, target: 10000}
  - {objective_id: O1, kpi: impressions, period: 2026-Q1, target: 8000}
  - {objective_id: O1, kpi: saves, period: 2026-Q2, target: 50}
  - {objective_id: O1, kpi: impressions, period: 2026-Q4, target: 9000}
  - {objective_id: O1, kpi: followers, platform: tiktok, period: "2026", baseline: 1000, target: 1800}
  - {objective_id: O2, kpi: response_time_hours, period: 2026-Q2, baseline: 6, target: 4}
  - {objective_id: O2, kpi: response_time_hours, period: 2026-Q2, baseline: 6, target: 4.5, type: aspirational}
manual_values:
  - {metric: response_time_hours, date: 2026-01-31, value: 6, department: service}
  - {metric: response_time_hours, date: 2026-04-30, value: 5, department: service}
  - {metric: response_time_hours, date: 2026-05-01, value: 4.5, department: service}
"""


@pytest.fixture(scope="module")
def report():
    config = load_goals("goals.yaml", GOALS.encode())
    return evaluate(engine_for(config), config, AS_OF)


# key result, status, actual, progress, expected, forecast, methods
CASES = [
    ("O1.1", Status.ON_TRACK, 4500, 0.5, 9000 * 45 / 91, 9100, "seasonal"),  # forecast/target = 1.011
    ("O1.2", Status.AT_RISK, 4500, 0.45, 10000 * 45 / 91, 9100, "seasonal"),  # 0.91
    ("O1.3", Status.OFF_TRACK, 4500, 4500 / 13000, 13000 * 45 / 91, 9100, "seasonal"),  # 0.70
    ("O1.4", Status.ACHIEVED, 4500, 4500 / 4000, 4000 * 45 / 91, 9100, "seasonal"),  # already above target
    ("O1.5", Status.OFF_TRACK, 9000, 0.9, 10000, 9000, "run_rate"),  # Q1 is over: 90 days x 100 missed 10,000
    ("O1.6", Status.ACHIEVED, 9000, 9000 / 8000, 8000, 9000, "run_rate"),
    ("O1.7", Status.NO_DATA, math.nan, math.nan, 50 * 45 / 91, math.nan, "run_rate"),
]


@pytest.mark.parametrize(("key", "status", "actual", "progress", "expected", "forecast", "method"), CASES)
def test_accumulating_key_results(report, key, status, actual, progress, expected, forecast, method) -> None:
    result = next(r for r in report.key_results if r.key_result.id == key)
    assert result.status is status
    assert result.actual == pytest.approx(actual, nan_ok=True)
    assert result.progress == pytest.approx(progress, nan_ok=True)
    assert result.expected == pytest.approx(expected, nan_ok=True)
    assert result.forecast == pytest.approx(forecast, nan_ok=True)
    assert result.forecast_method == method


def test_a_period_that_has_not_started_has_no_data(report) -> None:
    result = next(r for r in report.key_results if r.key_result.id == "O1.8")
    assert (result.status, result.note) == (Status.NO_DATA, "kr.not_started")


def test_a_stock_is_forecast_by_its_trend(report) -> None:
    result = next(r for r in report.key_results if r.key_result.id == "O1.9")
    # 1000 + 2/day: 1268 on day 134 (15 May); the line reaches 1000 + 2 x 364 = 1728 on 31 Dec
    assert (result.actual, result.forecast, result.forecast_method) == (1268, pytest.approx(1728), "trend")
    assert result.expected == pytest.approx(1000 + 800 * 135 / 365)
    assert result.progress == pytest.approx(268 / 800)
    assert result.status is Status.AT_RISK  # (1728 - 1000) / 800 = 0.91


def test_lower_is_better(report) -> None:
    committed, aspirational = (next(r for r in report.key_results if r.key_result.id == key) for key in ("O2.1", "O2.2"))
    assert committed.actual == 4.5  # the last reported value
    assert committed.progress == pytest.approx(0.75)  # (4.5 - 6) / (4 - 6)
    assert committed.status is Status.AT_RISK  # exactly at the 75 % threshold
    assert aspirational.status is Status.ACHIEVED  # 4.5 <= 4.5


def test_roll_ups_take_the_worst_committed_status(report) -> None:
    assert report.objectives["O1"].status is Status.OFF_TRACK
    assert report.objectives["O1"].counts == {"achieved": 2, "on_track": 1, "at_risk": 2, "off_track": 2, "no_data": 2}
    assert report.objectives["O2"].status is Status.AT_RISK  # the aspirational 'achieved' does not lift it
    assert report.departments["service"].status is Status.AT_RISK
    assert report.departments["pr"].score == pytest.approx(report.objectives["O1"].score)
