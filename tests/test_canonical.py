"""The canonical frame contract: exact columns and dtypes per grain, missing metrics NaN, never 0."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from model.canonical import METRIC_NAMES, Grain, conform, empty_frame


@pytest.mark.parametrize("grain", list(Grain))
def test_conform_gives_the_grain_s_columns_and_dtypes_in_order(grain: Grain) -> None:
    frame = pd.DataFrame({"platform": ["x", "y"], "account": ["a", None], "source_row": [2, 3]}, index=[10, 4])
    out = conform(frame, grain)
    expected = empty_frame(grain)
    assert list(out.columns) == list(expected.columns)
    assert out.dtypes.equals(expected.dtypes)
    assert list(out.index) == [0, 1]
    assert out["platform"].tolist() == ["x", "y"]
    assert out["account"].isna().tolist() == [False, True]
    assert out["source_row"].tolist() == [2, 3]


def test_conform_converts_values_and_leaves_missing_metrics_missing() -> None:
    frame = pd.DataFrame(
        {
            "platform": ["linkedin"],
            "account": ["acme"],
            "post_id": ["1"],
            "published_at": pd.to_datetime(["2026-04-01 10:00"]),  # naive times in canonical frames are UTC
            "impressions": [1500],  # an integer column becomes float64
            "source_row": [5],
        }
    )
    out = conform(frame, Grain.POST)
    assert out["impressions"].dtype == "float64" and out.loc[0, "impressions"] == 1500.0
    assert str(out.loc[0, "published_at"]) == "2026-04-01 10:00:00+00:00"
    missing = [m for m in METRIC_NAMES if m != "impressions"]
    assert all(math.isnan(out.loc[0, m]) for m in missing)  # never 0
    assert out["text"].isna().all() and out["text"].dtype == "string"


def test_conformed_frame_is_independent_of_its_input() -> None:
    frame = pd.DataFrame({"platform": ["x"], "account": ["a"], "date": pd.to_datetime(["2026-04-01"]), "reactions": [3.0], "source_row": [2]})
    out = conform(frame, Grain.DAILY)
    out.loc[0, "reactions"] = 99.0
    frame.loc[0, "reactions"] = 7.0
    assert frame.loc[0, "reactions"] == 7.0 and out.loc[0, "reactions"] == 99.0


def test_conform_of_an_empty_frame_is_the_empty_canonical_frame() -> None:
    out = conform(pd.DataFrame(), Grain.AUDIENCE)
    assert out.empty and out.dtypes.equals(empty_frame(Grain.AUDIENCE).dtypes)
