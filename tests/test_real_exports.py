"""Every real export in ../shared/real_exports is read to the numbers pinned here.

The pinned totals were cross-checked against independent reads (the csv module, the exports' own
Total rows, the .xls against its Excel re-save); those cross-checks are tests too, below the table.
Imported in one batch as a user would upload the folder, at reference day 2026-11-26.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from model.canonical import Grain
from model.results import FileResult
from storage.imports import store_results
from tests.conftest import REFERENCE_DATE, read_files

pytestmark = pytest.mark.real_exports

# file, status, platform, report, account, rows per grain, first day, last day, totals
EXPECTED = [
    (
        "facebook/leonmpofu/Audience.csv",
        "imported",
        "facebook",
        "meta_audience",
        "Oigetit Fake News Filter - South Africa",
        {"audience": 32},
        "2026-11-26",
        "2026-11-26",
        {"audience": {}},
    ),
    (
        "facebook/leonmpofu/Follows.csv",
        "imported",
        "facebook",
        "meta_overview_followers_gained",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"followers_gained": 66}},
    ),
    (
        "facebook/leonmpofu/Interactions (1).csv",
        "imported",
        "facebook",
        "meta_overview_engagements",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"engagements": 749}},
    ),
    (
        "facebook/leonmpofu/Interactions.csv",
        "imported",
        "facebook",
        "meta_overview_engagements",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"engagements": 208}},
    ),
    (
        "facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv",
        "imported",
        "facebook",
        "facebook_posts",
        "Oigetit Fake News Filter - South Africa",
        {"post": 261},
        "2025-01-14",
        "2025-04-14",
        {
            "post": {
                "impressions": 15982,
                "reach": 8395,
                "engagements": 127,
                "reactions": 87,
                "comments": 20,
                "shares": 20,
                "clicks": 162,
                "watch_time_hours": 1.80928,
            }
        },
    ),
    (
        "facebook/leonmpofu/Mar-18-2025_Apr-14-2025_553302954456165.csv",
        "imported",
        "facebook",
        "facebook_posts",
        "Oigetit Fake News Filter - South Africa",
        {"post": 48},
        "2025-03-18",
        "2025-04-14",
        {"post": {"impressions": 0, "reach": 1286, "views": 0, "engagements": 10, "reactions": 8, "comments": 2, "shares": 0, "clicks": 20}},
    ),
    (
        "facebook/leonmpofu/Reach.csv",
        "imported",
        "facebook",
        "meta_overview_reach",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"reach": 10734}},
    ),
    (
        "facebook/leonmpofu/Views.csv",
        "imported",
        "facebook",
        "meta_overview_impressions",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"impressions": 29981}},
    ),
    (
        "facebook/leonmpofu/Visits.csv",
        "imported",
        "facebook",
        "meta_overview_profile_visits",
        "Oigetit Fake News Filter - South Africa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"profile_visits": 976}},
    ),
    (
        "facebook/vicvisual/Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv",
        "imported",
        "facebook",
        "facebook_insights_posts",
        "VisualizationStudio",
        {"post": 98},
        "2014-11-15",
        "2015-02-20",  # "02/19/2015 11:45:22 PM" Pacific time (legacy Insights) is 07:45 UTC on 20.02.
        {"post": {"impressions": 148670, "reach": 54482, "engagements": 5087, "reactions": 897, "comments": 101, "shares": 269, "clicks": 4625}},
    ),
    (
        "facebook/vicvisual/Facebook Insights Data Export (Video Posts) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv",
        "imported",
        "facebook",
        "facebook_insights_videos",
        "VisualizationStudio",
        {"post": 22},
        "2014-09-28",
        "2015-02-19",
        {"post": {"impressions": 93780, "reach": 35298, "views": 13138}},
    ),
    (
        "facebook/vicvisual/Facebook Insights Data Export - Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv",
        "imported",
        "facebook",
        "facebook_insights_page",
        "VisualizationStudio",
        {"daily": 58},
        "2014-01-01",
        "2014-02-27",
        {"daily": {"impressions": 1762, "reach": 492, "engagements": 70, "followers_gained": 21, "followers_lost": 0}},
    ),
    ("instagram/dandirector/Audience.csv", "imported", "instagram", "meta_audience", "default", {"audience": 32}, "2026-11-26", "2026-11-26", {"audience": {}}),
    (
        "instagram/dandirector/Follows.csv",
        "imported",
        "instagram",
        "meta_overview_followers_gained",
        "default",
        {"daily": 20},
        "2026-05-25",
        "2026-06-13",
        {"daily": {"followers_gained": 2736}},
    ),
    (
        "instagram/dandirector/Interactions.csv",
        "imported",
        "instagram",
        "meta_overview_engagements",
        "default",
        {"daily": 28},
        "2026-05-25",
        "2026-06-21",
        {"daily": {"engagements": 53288}},
    ),
    (
        "instagram/dandirector/Link clicks.csv",
        "imported",
        "instagram",
        "meta_overview_clicks",
        "default",
        {"daily": 28},
        "2026-05-25",
        "2026-06-21",
        {"daily": {"clicks": 9838}},
    ),
    (
        "instagram/dandirector/May-25-2026_Jun-21-2026_1493633672508178.csv",
        "imported",
        "instagram",
        "instagram_posts",
        "caryjack, elitravelguy",
        {"post": 21},
        "2026-05-26",
        "2026-06-21",
        {
            "post": {
                "impressions": 541645,
                "reach": 408151,
                "engagements": 40285,
                "reactions": 31172,
                "comments": 1082,
                "shares": 4776,
                "saves": 3255,
                "followers_gained": 525,
            }
        },
    ),
    (
        "instagram/dandirector/Reach.csv",
        "imported",
        "instagram",
        "meta_overview_reach",
        "default",
        {"daily": 28},
        "2026-05-25",
        "2026-06-21",
        {"daily": {"reach": 808076}},
    ),
    (
        "instagram/dandirector/Views.csv",
        "imported",
        "instagram",
        "meta_overview_impressions",
        "default",
        {"daily": 28},
        "2026-05-25",
        "2026-06-21",
        {"daily": {"impressions": 1117725}},
    ),
    (
        "instagram/dandirector/Visits.csv",
        "imported",
        "instagram",
        "meta_overview_profile_visits",
        "default",
        {"daily": 28},
        "2026-05-25",
        "2026-06-21",
        {"daily": {"profile_visits": 7724}},
    ),
    (
        "instagram/leonmpofu/Mar-18-2025_Apr-14-2025_1019826952924933.csv",
        "imported",
        "instagram",
        "instagram_posts",
        "oigetit_sa",
        {"post": 78},
        "2025-03-18",
        "2025-04-14",
        {"post": {"impressions": 10931, "reach": 7783, "engagements": 287, "reactions": 274, "comments": 1, "shares": 8, "saves": 4, "followers_gained": 6}},
    ),
    (
        "instagram/leonmpofu/Visits (1).csv",
        "imported",
        "instagram",
        "meta_overview_profile_visits",
        "oigetit_sa",
        {"daily": 105},
        "2025-01-01",
        "2025-04-15",
        {"daily": {"profile_visits": 449}},
    ),
    ("linkedin/doorly/دورلي - doorly_competitor_analytics_1767085167105.xlsx", "unsupported", "linkedin", "linkedin_competitors", None, {}, None, None, {}),
    (
        "linkedin/doorly/دورلي-doorly_content_1767085154803.xls",
        "imported",
        "linkedin",
        "linkedin_content_metrics",
        "دورلي-doorly",
        {"daily": 30},
        "2025-11-29",
        "2025-12-28",
        {"daily": {"impressions": 31, "reach": 18, "engagements": 0, "reactions": 0, "comments": 0, "shares": 0, "clicks": 0}},
    ),
    (
        "linkedin/doorly/دورلي-doorly_content_1774355108388.xls",
        "imported",
        "linkedin",
        "linkedin_content_metrics+linkedin_content_posts",
        "دورلي-doorly",
        {"post": 3, "daily": 90},
        "2025-12-23",
        "2026-03-22",
        {
            "post": {"impressions": 269, "engagements": 11, "reactions": 3, "comments": 0, "shares": 1, "clicks": 7},
            "daily": {"impressions": 474, "reach": 134, "engagements": 42, "reactions": 6, "comments": 0, "shares": 0, "clicks": 36},
        },
    ),
    (
        "linkedin/doorly/دورلي-doorly_followers_1767085160414.xls",
        "imported",
        "linkedin",
        "linkedin_followers+linkedin_demographics",
        "دورلي-doorly",
        {"daily": 30, "audience": 123},
        "2025-11-29",
        "2025-12-28",
        {"daily": {"followers_gained": 0}, "audience": {"followers": 595}},
    ),
    (
        "linkedin/doorly/دورلي-doorly_followers_1774355119598.xls",
        "imported",
        "linkedin",
        "linkedin_followers+linkedin_demographics",
        "دورلي-doorly",
        {"daily": 90, "audience": 130},
        "2025-12-23",
        "2026-03-22",
        {"daily": {"followers_gained": 16}, "audience": {"followers": 654}},
    ),
    (
        "linkedin/doorly/دورلي-doorly_visitors_1767085157484.xls",
        "imported",
        "linkedin",
        "linkedin_visitors",
        "دورلي-doorly",
        {"daily": 30},
        "2025-11-29",
        "2025-12-28",
        {"daily": {"page_views": 7, "unique_visitors": 5}},
    ),
    (
        "linkedin/doorly/دورلي-doorly_visitors_1774355114381.xls",
        "imported",
        "linkedin",
        "linkedin_visitors+linkedin_demographics",
        "دورلي-doorly",
        {"daily": 90, "audience": 13},
        "2025-12-23",
        "2026-03-22",
        {"daily": {"page_views": 122, "unique_visitors": 45}, "audience": {"page_views": 301}},
    ),
    (
        "linkedin/mohshaikh23/pro-efficient-data-entry_content_1742193384396.xls",
        "imported",
        "linkedin",
        "linkedin_content_metrics+linkedin_content_posts",
        "pro-efficient-data-entry",
        {"post": 8, "daily": 30},
        "2025-02-14",
        "2025-03-15",
        {
            "post": {"impressions": 310, "engagements": 13, "reactions": 8, "comments": 0, "shares": 0, "clicks": 5},
            "daily": {"impressions": 306, "reach": 48, "engagements": 13, "reactions": 8, "comments": 0, "shares": 0, "clicks": 5},
        },
    ),
    (
        "linkedin/mohshaikh23/pro-efficient-data-entry_content_1742193384396.xlsx",
        "imported",
        "linkedin",
        "linkedin_content_metrics+linkedin_content_posts",
        "pro-efficient-data-entry",
        {"post": 8, "daily": 30},
        "2025-02-14",
        "2025-03-15",
        {
            "post": {"impressions": 310, "engagements": 13, "reactions": 8, "comments": 0, "shares": 0, "clicks": 5},
            "daily": {"impressions": 306, "reach": 48, "engagements": 13, "reactions": 8, "comments": 0, "shares": 0, "clicks": 5},
        },
    ),
    (
        "tiktok/bosszy27/Overview.csv",
        "imported",
        "tiktok",
        "tiktok_overview",
        "default",
        {"daily": 7},
        "2026-04-12",
        "2026-04-18",
        {"daily": {"views": 7919, "engagements": 56, "reactions": 51, "comments": 2, "shares": 3, "profile_visits": 35}},
    ),
    (
        "tiktok/bosszy27/Overview.xlsx",
        "imported",
        "tiktok",
        "tiktok_overview",
        "default",
        {"daily": 7},
        "2026-04-12",
        "2026-04-18",
        {"daily": {"views": 7919, "engagements": 56, "reactions": 51, "comments": 2, "shares": 3, "profile_visits": 35}},
    ),
    (
        "tiktok/htupycollabs/Content.csv",
        "imported",
        "tiktok",
        "tiktok_content",
        "haileytupy2.0",
        {"post": 13},
        "2025-04-08",
        "2026-02-01",
        {"post": {"views": 537161, "engagements": 4455, "reactions": 4063, "comments": 117, "shares": 275}},
    ),
    (
        "tiktok/htupycollabs/FollowerActivity.csv",
        "imported",
        "tiktok",
        "tiktok_follower_activity",
        "haileytupy2.0",
        {"audience": 168},
        "2026-02-21",
        "2026-02-27",
        {"audience": {"active_followers": 142304}},
    ),
    (
        "tiktok/htupycollabs/FollowerGender.csv",
        "imported",
        "tiktok",
        "tiktok_follower_gender",
        "haileytupy2.0",
        {"audience": 3},
        "2026-11-26",
        "2026-11-26",
        {"audience": {}},
    ),
    (
        "tiktok/htupycollabs/FollowerHistory.csv",
        "imported",
        "tiktok",
        "tiktok_follower_history",
        "haileytupy2.0",
        {"daily": 365},
        "2025-02-28",
        "2026-02-27",
        {"daily": {"followers_net": 4976}},
    ),
    (
        "tiktok/htupycollabs/FollowerTopTerritories.csv",
        "imported",
        "tiktok",
        "tiktok_follower_territories",
        "haileytupy2.0",
        {"audience": 11},
        "2026-11-26",
        "2026-11-26",
        {"audience": {}},
    ),
    (
        "tiktok/htupycollabs/Overview.csv",
        "imported",
        "tiktok",
        "tiktok_overview",
        "haileytupy2.0",
        {"daily": 365},
        "2025-02-28",
        "2026-02-27",
        {"daily": {"views": 2946198, "engagements": 29216, "reactions": 23673, "comments": 3171, "shares": 2372, "profile_visits": 9692}},
    ),
    (
        "tiktok/htupycollabs/Viewers.csv",
        "imported",
        "tiktok",
        "tiktok_viewers",
        "haileytupy2.0",
        {"daily": 365},
        "2025-02-28",
        "2026-02-27",
        {"daily": {"reach": 2550981}},
    ),
    (
        "x_twitter/debruine/daily_tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv",
        "imported",
        "x",
        "x_daily_tweet_activity",
        "LisaDeBruine",
        {"daily": 31},
        "2021-08-01",
        "2021-08-31",
        {
            "daily": {
                "impressions": 1639423,
                "views": 22013,
                "engagements": 107982,
                "reactions": 3535,
                "comments": 649,
                "shares": 480,
                "clicks": 34633,
                "profile_visits": 2259,
                "followers_gained": 3,
            }
        },
    ),
    (
        "x_twitter/debruine/daily_tweet_activity_metrics_LisaDeBruine_20211201_20220101_en.csv",
        "imported",
        "x",
        "x_daily_tweet_activity",
        "LisaDeBruine",
        {"daily": 31},
        "2021-12-01",
        "2021-12-31",
        {
            "daily": {
                "impressions": 205500,
                "views": 2109,
                "engagements": 6878,
                "reactions": 1679,
                "comments": 130,
                "shares": 179,
                "clicks": 469,
                "profile_visits": 575,
                "followers_gained": 0,
            }
        },
    ),
    (
        "x_twitter/debruine/tweet_activity_metrics_LisaDeBruine_20210801_20210901_en.csv",
        "imported",
        "x",
        "x_tweet_activity",
        "LisaDeBruine",
        {"post": 356},
        "2021-08-02",
        "2021-08-31",
        {
            "post": {
                "impressions": 1625538,
                "views": 21984,
                "engagements": 108842,
                "reactions": 3433,
                "comments": 615,
                "shares": 1322,
                "clicks": 34681,
                "profile_visits": 2218,
                "followers_gained": 3,
            }
        },
    ),
    (
        "x_twitter/debruine/tweet_activity_metrics_LisaDeBruine_20211201_20220101_en.csv",
        "imported",
        "x",
        "x_tweet_activity",
        "LisaDeBruine",
        {"post": 119},
        "2021-12-01",
        "2021-12-31",
        {
            "post": {
                "impressions": 178211,
                "views": 1887,
                "engagements": 5973,
                "reactions": 1523,
                "comments": 125,
                "shares": 135,
                "clicks": 323,
                "profile_visits": 513,
                "followers_gained": 0,
            }
        },
    ),
    (
        "x_twitter/hestey-star/account_analytics_content_2026-07-06_2026-08-02.csv",
        "imported",
        "x",
        "x_account_analytics_content",
        "HestysInvest",
        {"post": 201},
        "2026-07-08",
        "2026-08-01",
        {
            "post": {
                "impressions": 25433,
                "engagements": 584,
                "reactions": 132,
                "comments": 77,
                "shares": 6,
                "saves": 6,
                "clicks": 3,
                "profile_visits": 96,
                "followers_gained": 3,
            }
        },
    ),
    (
        "x_twitter/hestey-star/account_analytics_content_2026-08-10_2026-08-16.csv",
        "imported",
        "x",
        "x_account_analytics_content",
        "HestysInvest",
        {"post": 40},
        "2026-08-10",
        "2026-08-15",
        {
            "post": {
                "impressions": 8338,
                "engagements": 198,
                "reactions": 34,
                "comments": 22,
                "shares": 0,
                "saves": 1,
                "clicks": 4,
                "profile_visits": 39,
                "followers_gained": 0,
            }
        },
    ),
    (
        "x_twitter/kaia-devdash/kaiadevintern_account_analytics_content_2024-12-22_2025-03-22.csv",
        "imported",
        "x",
        "x_account_analytics_content",
        "KaiaDevIntern",
        {"post": 173},
        "2024-12-26",
        "2025-03-20",
        {
            "post": {
                "impressions": 29784,
                "engagements": 2254,
                "reactions": 837,
                "comments": 149,
                "shares": 71,
                "saves": 11,
                "clicks": 55,
                "profile_visits": 283,
                "followers_gained": 11,
            }
        },
    ),
    (
        "x_twitter/kaia-devdash/kaiadevintern_account_overview_analytics.csv",
        "imported",
        "x",
        "x_account_overview",
        "KaiaDevIntern",
        {"daily": 271},
        "2024-06-24",
        "2025-03-21",
        {
            "daily": {
                "impressions": 184942,
                "views": 0,
                "engagements": 11646,
                "reactions": 3199,
                "comments": 670,
                "shares": 288,
                "saves": 45,
                "profile_visits": 1425,
                "followers_gained": 298,
                "followers_lost": 43,
            }
        },
    ),
    (
        "youtube/priyankapatel05/Chart data.csv",
        "imported",
        "youtube",
        "youtube_chart",
        "default",
        {"audience": 1825},
        "2025-06-13",
        "2026-06-12",
        {"audience": {"views": 48473}},
    ),
    (
        "youtube/priyankapatel05/Table data.csv",
        "imported",
        "youtube",
        "youtube_table_videos",
        "default",
        {"post": 442},
        "2022-01-29",
        "2026-06-11",
        {"post": {"impressions": 37715, "views": 153235, "followers_gained": 97, "watch_time_hours": 204.8174}},
    ),
    (
        "youtube/priyankapatel05/Totals.csv",
        "imported",
        "youtube",
        "youtube_totals",
        "default",
        {"daily": 365},
        "2025-06-13",
        "2026-06-12",
        {"daily": {"views": 181588}},
    ),
    (
        "youtube/raphaeloe-de/Diagrammdaten.csv",
        "imported",
        "youtube",
        "youtube_chart",
        "default",
        {"audience": 2928},
        "2020-01-01",
        "2020-12-31",
        {"audience": {"views": 15879}},
    ),
    (
        "youtube/raphaeloe-de/Gesamtwerte.csv",
        "imported",
        "youtube",
        "youtube_totals",
        "default",
        {"daily": 366},
        "2020-01-01",
        "2020-12-31",
        {"daily": {"views": 405712}},
    ),
    (
        "youtube/raphaeloe-de/Tabellendaten.csv",
        "imported",
        "youtube",
        "youtube_table_videos",
        "default",
        {"post": 501},
        "2011-03-10",
        "2020-12-24",
        {"post": {"impressions": 3616943, "views": 401812, "followers_gained": 747, "watch_time_hours": 7713.3874}},
    ),
    (
        "youtube/violetzq/Chart data.csv",
        "imported",
        "youtube",
        "youtube_chart",
        "default",
        {"audience": 730},
        "2023-11-28",
        "2024-11-26",
        {"audience": {"views": 100325568}},
    ),
    (
        "youtube/violetzq/DangerTV_Content.csv",
        "imported",
        "youtube",
        "youtube_table_videos",
        "default",
        {"post": 501},
        "2018-03-21",
        "2024-10-11",
        {"post": {"impressions": 432680013, "views": 45198884, "followers_gained": 53901, "watch_time_hours": 9732856.7143}},
    ),
    (
        "youtube/violetzq/Subscription status_Chart data.csv",
        "imported",
        "youtube",
        "youtube_chart",
        "default",
        {"audience": 730},
        "2023-11-28",
        "2024-11-26",
        {"audience": {"views": 100325568}},
    ),
    (
        "youtube/violetzq/Subscription_status.csv",
        "imported",
        "youtube",
        "youtube_table_audience",
        "default",
        {"audience": 2},
        "2026-11-26",
        "2026-11-26",
        {"audience": {"views": 100325568}},
    ),
    (
        "youtube/violetzq/Table data.csv",
        "imported",
        "youtube",
        "youtube_table_audience",
        "default",
        {"audience": 2},
        "2026-11-26",
        "2026-11-26",
        {"audience": {"views": 100325568}},
    ),
    (
        "youtube/violetzq/Viewer_Cities.csv",
        "imported",
        "youtube",
        "youtube_table_audience",
        "default",
        {"audience": 501},
        "2026-11-26",
        "2026-11-26",
        {"audience": {"views": 26625986}},
    ),
    (
        "youtube/violetzq/Viewer_age.csv",
        "imported",
        "youtube",
        "youtube_table_audience",
        "default",
        {"audience": 7},
        "2026-11-26",
        "2026-11-26",
        {"audience": {}},
    ),
    (
        "youtube/violetzq/Viewer_gender.csv",
        "imported",
        "youtube",
        "youtube_table_audience",
        "default",
        {"audience": 3},
        "2026-11-26",
        "2026-11-26",
        {"audience": {}},
    ),
]


@pytest.fixture(scope="module")
def batch(real_exports: Path) -> dict[str, FileResult]:
    files = sorted(p for p in real_exports.rglob("*") if p.is_file() and p.name != "SOURCES.tsv")
    results = read_files(*[(str(p.relative_to(real_exports)), p.read_bytes()) for p in files], reference=REFERENCE_DATE)
    return {r.file: r for r in results}


def test_every_real_export_is_covered(batch: dict[str, FileResult]) -> None:
    assert sorted(batch) == sorted(row[0] for row in EXPECTED)


@pytest.mark.parametrize(
    ("file", "status", "platform", "report", "account", "rows", "date_from", "date_to", "totals"), EXPECTED, ids=[row[0] for row in EXPECTED]
)
def test_real_export_is_read_to_the_pinned_numbers(batch, file, status, platform, report, account, rows, date_from, date_to, totals, sqlite_engine) -> None:
    result = batch[file]
    if result.status.value == "parsed":
        store_results(sqlite_engine, [result])
    got = result.to_dict()
    assert (got["status"], got["platform"], got["report"], got["account"]) == (status, platform, report, account), [str(i) for i in result.issues]
    assert got["rows"] == rows
    assert (got["date_from"], got["date_to"]) == (date_from, date_to)
    assert got["totals"].keys() == totals.keys()
    for grain, metrics in totals.items():
        assert got["totals"][grain] == pytest.approx(metrics, rel=1e-9)
    assert not [i for i in result.issues if i.level == "error"]


# ---------------------------------------------------------------- independent cross-checks


def _csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    text = path.read_text(encoding=encoding)
    if text.startswith("sep="):
        text = text.split("\n", 1)[1]
    return list(csv.DictReader(io.StringIO(text)))


def _sum(rows: list[dict[str, str]], column: str) -> float:
    return sum(float(r[column]) for r in rows if r[column] not in (None, "", "-", "undefined"))


def test_facebook_posts_match_a_plain_csv_read(batch, real_exports: Path) -> None:
    name = "facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv"
    rows = _csv_rows(real_exports / name)
    totals = batch[name].totals["post"]
    assert totals["impressions"] == _sum(rows, "Views") == 15982
    assert totals["reach"] == _sum(rows, "Reach")
    assert totals["engagements"] == _sum(rows, "Reactions, Comments and Shares")
    assert totals["clicks"] == _sum(rows, "Total clicks")
    assert totals["watch_time_hours"] == pytest.approx(_sum(rows, "Seconds viewed") / 3600)


def test_meta_overview_files_match_a_plain_utf16_read(batch, real_exports: Path) -> None:
    for name, metric in [("facebook/leonmpofu/Reach.csv", "reach"), ("instagram/dandirector/Link clicks.csv", "clicks")]:
        lines = (real_exports / name).read_text(encoding="utf-16").splitlines()[2:]  # sep= line, title line
        expected = sum(float(r["Primary"]) for r in csv.DictReader(lines))
        assert batch[name].totals["daily"][metric] == expected


def test_youtube_totals_equal_the_table_total_row(batch, real_exports: Path) -> None:
    for table, totals, views in [
        ("youtube/priyankapatel05/Table data.csv", "youtube/priyankapatel05/Totals.csv", "Views"),
        ("youtube/raphaeloe-de/Tabellendaten.csv", "youtube/raphaeloe-de/Gesamtwerte.csv", "Auf\u00adru\u00adfe"),
    ]:
        total_row = _csv_rows(real_exports / table)[0]
        assert batch[totals].totals["daily"]["views"] == float(total_row[views])


def test_x_legacy_tweets_match_a_plain_csv_read(batch, real_exports: Path) -> None:
    name = "x_twitter/debruine/tweet_activity_metrics_LisaDeBruine_20211201_20220101_en.csv"
    rows = _csv_rows(real_exports / name)
    totals = batch[name].totals["post"]
    assert totals["impressions"] == _sum(rows, "impressions") == 178211
    assert totals["shares"] == _sum(rows, "retweets")


def _frames_equal(a: FileResult, b: FileResult) -> None:
    assert a.frames.keys() == b.frames.keys()
    for grain in a.frames:
        left = a.frames[grain].drop(columns=["source_row"])
        right = b.frames[grain].drop(columns=["source_row"])
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def test_linkedin_xls_and_its_excel_resave_read_the_same(batch) -> None:
    stem = "linkedin/mohshaikh23/pro-efficient-data-entry_content_1742193384396"
    _frames_equal(batch[stem + ".xls"], batch[stem + ".xlsx"])


def test_tiktok_csv_and_xlsx_with_text_numbers_read_the_same(batch) -> None:
    _frames_equal(batch["tiktok/bosszy27/Overview.csv"], batch["tiktok/bosszy27/Overview.xlsx"])


def test_tiktok_years_are_assumed_from_the_export_day_and_said(batch) -> None:
    content = batch["tiktok/htupycollabs/Content.csv"]
    published = content.frames[Grain.POST]["published_at"]
    # "Time" (export day) is February 28 -> 2026-02-28; "July 16" is the latest July 16 before it.
    assert published.iloc[0] == pd.Timestamp("2025-07-16", tz="UTC")
    assert any("no year" in i.message for i in content.issues)


def test_linkedin_demographics_take_the_last_day_of_the_export(batch) -> None:
    result = batch["linkedin/doorly/\u062f\u0648\u0631\u0644\u064a-doorly_followers_1774355119598.xls"]
    audience = result.frames[Grain.AUDIENCE]
    assert set(audience["date"]) == {pd.Timestamp("2026-03-22")}
    muscat = audience[(audience["dimension"] == "location") & (audience["bucket"] == "Muscat, Oman")]
    assert muscat["value"].tolist() == [63.0]


def test_ambiguous_meta_files_take_the_platform_of_their_folder(batch) -> None:
    views = batch["instagram/dandirector/Views.csv"]
    assert views.platform == "instagram"
    assert any("other Meta files of its folder" in i.message for i in views.issues)
