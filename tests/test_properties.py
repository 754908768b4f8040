"""Aggregation laws, checked on generated data (hypothesis)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metrics.catalog import CATALOG, Aggregation
from metrics.dataset import Dataset, Scope
from metrics.engine import KpiEngine
from metrics.periods import Period
from model.canonical import Grain, conform

START = dt.date(2026, 1, 1)
DAYS = 28
FLOW_KPIS = [k for k, item in CATALOG.items() if item.aggregation is Aggregation.SUM and item.source == "platform"]

counts = st.integers(min_value=0, max_value=10_000)
account_days = st.lists(st.tuples(st.integers(0, DAYS - 1), counts, counts, st.integers(1, 10_000), st.integers(0, 100_000)), min_size=1, max_size=40)


def build(rows_by_account: list[list[tuple[int, int, int, int, int]]]) -> KpiEngine:
    rows = []
    for number, rows_of_account in enumerate(rows_by_account):
        seen = set()
        for day, engagements, clicks, impressions, followers in rows_of_account:
            if day in seen:
                continue
            seen.add(day)
            rows.append(
                {
                    "platform": "linkedin",
                    "account": f"a{number}",
                    "date": pd.Timestamp(START + dt.timedelta(days=day)),
                    "engagements": engagements,
                    "clicks": clicks,
                    "impressions": impressions,
                    "followers": followers,
                    "source_row": 1,
                }
            )
    return KpiEngine(Dataset(daily=conform(pd.DataFrame(rows), Grain.DAILY)))


WHOLE = Period(START, START + dt.timedelta(days=DAYS - 1))
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(account_days, min_size=1, max_size=4))
def test_ratios_are_ratios_of_sums(data) -> None:
    engine = build(data)
    frame = engine.data.daily
    expected = frame["engagements"].sum() / frame["impressions"].sum()
    assert engine.value("engagement_rate", Scope(), WHOLE).value == expected


@SETTINGS
@given(st.lists(account_days, min_size=1, max_size=4), st.integers(1, DAYS - 1))
def test_flows_over_two_halves_add_up(data, split) -> None:
    engine = build(data)
    first = Period(START, START + dt.timedelta(days=split - 1))
    second = Period(START + dt.timedelta(days=split), WHOLE.end)
    for key in FLOW_KPIS:
        whole, a, b = (engine.value(key, Scope(), p).value for p in (WHOLE, first, second))
        if math.isnan(whole):
            assert math.isnan(a) and math.isnan(b)
        else:
            assert whole == (0 if math.isnan(a) else a) + (0 if math.isnan(b) else b)


@SETTINGS
@given(st.lists(account_days, min_size=1, max_size=4))
def test_stocks_are_never_summed(data) -> None:
    engine = build(data)
    frame = engine.data.daily.sort_values("date")
    expected = frame.groupby("account")["followers"].last().sum()  # last value per account, added over accounts
    assert engine.value("followers", Scope(), WHOLE).value == expected
    assert engine.value("followers", Scope(), WHOLE).value <= frame["followers"].sum()


@SETTINGS
@given(st.lists(account_days, min_size=1, max_size=3), st.sampled_from(sorted(CATALOG)))
def test_a_scope_without_data_gives_no_data(data, key) -> None:
    engine = build(data)
    assert math.isnan(engine.value(key, Scope.of(accounts="somebody else"), WHOLE).value)
    assert math.isnan(engine.value(key, Scope(), Period(dt.date(2020, 1, 1), dt.date(2020, 1, 31))).value) or CATALOG[key].aggregation is Aggregation.COUNT
