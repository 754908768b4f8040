"""A small hand-made dataset whose KPIs are computed by hand in the tests (April 2026)."""

from __future__ import annotations

import pandas as pd

from metrics.dataset import Dataset, TagRule
from model.canonical import Grain, conform

NAN = float("nan")


def _daily(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"])
    return conform(frame.assign(source_row=1), Grain.DAILY)


def _posts(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return conform(frame.assign(source_row=1), Grain.POST)


DAILY = _daily([
    {"platform": "linkedin", "account": "acme", "date": "2026-03-31", "impressions": 100, "engagements": 10, "clicks": 3},
    {"platform": "linkedin", "account": "acme", "date": "2026-04-01", "impressions": 1000, "engagements": 40, "clicks": 20, "reactions": 15, "comments": 3, "shares": 2, "followers_gained": 5},
    {"platform": "linkedin", "account": "acme", "date": "2026-04-15", "impressions": 2000, "engagements": 60, "clicks": 30, "reactions": 25, "comments": 4, "shares": 1, "followers_gained": 7},
    {"platform": "x", "account": "acme_x", "date": "2026-04-01", "impressions": 500, "engagements": 25, "followers_gained": 4, "followers_lost": 1},
    {"platform": "x", "account": "acme_x", "date": "2026-04-30", "impressions": 500, "engagements": 5, "followers_gained": 2, "followers_lost": 3},
    {"platform": "tiktok", "account": "tt", "date": "2026-03-30", "followers": 1000},
    {"platform": "tiktok", "account": "tt", "date": "2026-04-10", "followers": 1100},
    {"platform": "tiktok", "account": "tt", "date": "2026-04-20", "followers": 1150},
])  # fmt: skip

POSTS = _posts([
    {"platform": "linkedin", "account": "acme", "post_id": "li-1", "published_at": "2026-04-02 09:00", "text": "Quartalszahlen", "impressions": 9999, "reactions": 11},
    {"platform": "tiktok", "account": "tt", "post_id": "tt-1", "published_at": "2026-04-03 10:00", "text": "Unser Team", "views": 100, "reactions": 10, "comments": 1, "shares": 1, "engagements": 12},
    {"platform": "tiktok", "account": "tt", "post_id": "tt-2", "published_at": "2026-04-20 10:00", "text": "Ausbildung bei uns #Ausbildung", "views": 300, "reactions": 30, "comments": 3, "shares": 5, "engagements": 38},
    {"platform": "tiktok", "account": "tt", "post_id": "tt-3", "published_at": "2026-05-01 10:00", "text": "Mai", "views": 999, "reactions": 99, "comments": 9, "shares": 9, "engagements": 117},
    {"platform": "instagram", "account": "ig", "post_id": "ig-1", "published_at": "2026-04-05 10:00", "text": "Azubis gesucht #ausbildung", "impressions": 400, "reach": 300, "reactions": 20, "comments": 2, "shares": 4, "saves": 6, "engagements": 32},
    {"platform": "instagram", "account": "ig", "post_id": "ig-2", "published_at": "2026-04-25 23:30", "text": "Messe", "impressions": 600, "reach": 500, "reactions": 30, "comments": 4, "shares": 0, "saves": 2, "engagements": 36},
])  # fmt: skip

ACCOUNTS = pd.DataFrame({
    "platform": ["linkedin", "x", "tiktok", "instagram"], "account": ["acme", "acme_x", "tt", "ig"],
    "department": ["pr", "service", "hr", "hr"], "label": ["Acme", "Acme X", "TT", "IG"],
}).astype("string")  # fmt: skip

MANUAL = pd.DataFrame({
    "metric": ["applications", "applications", "applications", "awareness", "awareness"],
    "date": pd.to_datetime(["2026-04-10", "2026-04-20", "2026-04-25", "2026-03-31", "2026-04-30"]),
    "value": [5.0, 7.0, 3.0, 0.30, 0.32], "department": ["hr", "hr", "sales", "pr", "pr"], "note": [""] * 5,
}).astype({"metric": "string", "department": "string", "note": "string"})  # fmt: skip

TAGS = (TagRule("Ausbildung", "hr", ("#ausbildung",)),)


def dataset() -> Dataset:
    return Dataset(daily=DAILY, posts=POSTS).with_mapping(ACCOUNTS, TAGS, MANUAL)
