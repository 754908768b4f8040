"""The engine on any subset of the data: random platforms, grains and metrics of the demo company.

A first upload often holds one platform, one grain or no follower totals at all; every KPI, every key
result and the review pack must then say "no data" (NaN), never crash and never invent a 0.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.goals_reader import load_goals
from metrics.catalog import CATALOG, Source
from metrics.dataset import Dataset, Scope
from metrics.engine import KpiEngine
from metrics.periods import parse_period
from metrics.progress import Status, evaluate
from model.canonical import METRIC_NAMES
from model.i18n import Language
from reports.pack import build_pack
from sample_data.demo import DEMO_EXPORT_DAY, DEMO_GOALS
from storage.engine import make_engine
from storage.queries import load_dataset

Q4 = parse_period("2026-Q4")
PLATFORMS = ["facebook", "instagram", "linkedin", "other", "tiktok", "x", "youtube"]


@pytest.fixture(scope="module")
def demo(demo_db: str) -> tuple[Dataset, object]:
    config = load_goals(DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    data = load_dataset(make_engine(demo_db), with_text=True).with_mapping(config.accounts, config.tags, config.manual_values)
    return data, config


def subset(data: Dataset, platforms: set[str], daily: bool, posts: bool, metrics: set[str]) -> Dataset:
    """The demo cut to some platforms and grains, with every metric outside ``metrics`` missing."""
    dropped = [m for m in METRIC_NAMES if m not in metrics]

    def cut(frame, keep: bool):
        frame = frame[frame["platform"].isin(platforms)] if keep else frame.iloc[0:0]
        return frame.assign(**{m: np.nan for m in dropped if m in frame.columns})

    return dataclasses.replace(data, daily=cut(data.daily, daily), posts=cut(data.posts, posts))


SUBSETS = st.tuples(
    st.sets(st.sampled_from(PLATFORMS), max_size=len(PLATFORMS)),
    st.booleans(),
    st.booleans(),
    st.sets(st.sampled_from(list(METRIC_NAMES)), max_size=8) | st.just(set(METRIC_NAMES) - {"followers"}),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(SUBSETS)
def test_every_kpi_key_result_and_the_pack_work_on_any_subset(demo, chosen) -> None:
    data, config = demo
    platforms, daily, posts, metrics = chosen
    engine = KpiEngine(subset(data, platforms, daily, posts, metrics))
    for key, item in CATALOG.items():
        value = engine.value(key, Scope(), Q4).value
        if item.source is Source.PLATFORM and (not platforms or not (daily or posts)):
            assert math.isnan(value), key  # nothing stored: no data, not 0
    report = evaluate(engine, config, DEMO_EXPORT_DAY)
    for result in report.key_results:
        if CATALOG[result.key_result.kpi].source is Source.PLATFORM and (not platforms or not (daily or posts)):
            assert result.status is Status.NO_DATA and math.isnan(result.actual)
    pack = build_pack(engine, config, Q4, DEMO_EXPORT_DAY, Language.DE)
    assert len(pack.kpis) == 10


def test_no_follower_totals_at_all(demo) -> None:
    """Only LinkedIn content and X: the store holds no follower total; followers is no data, the rest counts."""
    data, config = demo
    engine = KpiEngine(subset(data, {"linkedin", "x"}, True, True, set(METRIC_NAMES) - {"followers"}))
    assert math.isnan(engine.value("followers", Scope(), Q4).value)
    daily = data.daily[data.daily["platform"].isin(["linkedin", "x"])]
    inside = daily[(daily["date"] >= "2026-10-01") & (daily["date"] <= "2026-12-31")]
    assert engine.value("impressions", Scope(), Q4).value == inside["impressions"].sum()
    assert engine.daily_totals("followers", Scope(), Q4).isna().all()
    evaluate(engine, config, dt.date(2026, 11, 22))


def test_an_empty_store() -> None:
    engine = KpiEngine(Dataset())
    assert all(math.isnan(engine.value(key, Scope(), Q4).value) for key in CATALOG if CATALOG[key].source is Source.PLATFORM)
