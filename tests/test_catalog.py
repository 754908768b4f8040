"""The KPI catalog is sound, complete and documented."""

from __future__ import annotations

import pytest

from metrics.catalog import CATALOG, Aggregation, fact_sheet, validate_catalog
from model.canonical import METRIC_NAMES


def test_the_catalog_has_no_problems() -> None:
    assert validate_catalog() == []


def test_every_canonical_metric_is_a_kpi_and_stocks_are_last_values() -> None:
    assert set(METRIC_NAMES) <= set(CATALOG)
    assert CATALOG["followers"].aggregation is Aggregation.LAST
    assert CATALOG["impressions"].aggregation is Aggregation.SUM


@pytest.mark.parametrize(
    "key",
    [
        "impressions",
        "reach",
        "views",
        "engagements",
        "engagement_rate",
        "engagement_rate_reach",
        "engagement_rate_followers",
        "reactions",
        "comments",
        "shares",
        "saves",
        "clicks",
        "ctr",
        "followers",
        "follower_growth",
        "follower_growth_rate",
        "posts",
        "amplification_rate",
        "conversation_rate",
        "applause_rate",
        "watch_time_hours",
        "profile_visits",
        "page_views",
    ],
)
def test_the_issue_s_kpis_exist_with_a_fact_sheet_in_both_languages(key) -> None:
    for language in ("de", "en"):
        sheet = fact_sheet(key, language)
        assert all(sheet[field] for field in ("label", "description", "formula", "aggregation", "direction", "impact", "platforms", "missing"))


def test_fact_sheets_say_the_important_caveats() -> None:
    assert "Summen" in fact_sheet("engagement_rate", "de")["caveat"]
    assert "counts people reached on several days" in fact_sheet("reach", "en")["caveat"]
    assert "never a sum" in fact_sheet("followers", "en")["caveat"]
    assert fact_sheet("engagement_rate", "de")["formula"] == "Σ Interaktionen / Σ Impressionen"
    assert fact_sheet("applications", "en")["platforms"] == "manual (goals workbook)"
