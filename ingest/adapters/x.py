"""X (Twitter) analytics exports.

Time zone: the legacy exports write "+0000" (UTC); the current exports write dates only (UTC days).

Mapping:
- Legacy tweet_activity_metrics (post): Tweet id, Tweet permalink (-> account), Tweet text, time,
  impressions, engagements, retweets -> shares, replies -> comments, likes -> reactions,
  url clicks -> clicks, user profile clicks -> profile_visits, follows -> followers_gained,
  media views -> views. Promoted columns ("-" for organic posts) are not read.
- Legacy daily_tweet_activity_metrics (daily): the same metrics per day.
- account_analytics_content (post, both header versions): Post id, Date, Post text, Link/Post Link
  (-> account), Impressions, Likes -> reactions, Engagements, Bookmarks -> saves,
  shares = Reposts + Share(s), Replies -> comments, New follows -> followers_gained,
  Profile visits, Url clicks -> clicks.
- account_overview_analytics (daily): Impressions, Likes, Engagements, Bookmarks, Reposts + Shares,
  New follows, Unfollows -> followers_lost, Replies, Profile visits, Video views -> views.
"""

from __future__ import annotations

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, TableAdapter, sum_parts, url_match
from model.canonical import Grain, Platform

HANDLE = r"(?:twitter|x)\.com/([A-Za-z0-9_]+)/status"

LEGACY_METRICS = (
    Column("impressions", ("impressions",)),
    Column("engagements", ("engagements",)),
    Column("shares", ("retweets",)),
    Column("comments", ("replies",)),
    Column("reactions", ("likes",)),
    Column("clicks", ("url clicks",)),
    Column("profile_visits", ("user profile clicks",)),
    Column("followers_gained", ("follows",)),
    Column("views", ("media views",)),
)


def _with_handle(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(account=url_match(raw["permalink"], HANDLE))


def _content(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return _with_handle(raw, body, context).assign(shares=sum_parts(raw, ["reposts", "share"]))


def _overview(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(shares=sum_parts(raw, ["reposts", "share"]))


LEGACY_TWEETS = TableAdapter(
    report="x_tweet_activity",
    platform=Platform.X,
    grain=Grain.POST,
    signature=("post_id", "permalink", "impressions"),
    columns=(
        Column("post_id", ("Tweet id",), Kind.TEXT, required=True),
        Column("permalink", ("Tweet permalink",), Kind.TEXT),
        Column("text", ("Tweet text",), Kind.TEXT),
        Column("published_at", ("time",), Kind.DATETIME, required=True),
    )
    + LEGACY_METRICS,
    description="X legacy tweet activity export (per tweet)",
    timezone="UTC (+0000 in the file)",
    derive=_with_handle,
)

LEGACY_DAILY = TableAdapter(
    report="x_daily_tweet_activity",
    platform=Platform.X,
    grain=Grain.DAILY,
    signature=("date", "_tweets_published", "impressions"),
    columns=(Column("date", ("Date",), Kind.DATE, required=True), Column("_tweets_published", ("Tweets published",))) + LEGACY_METRICS,
    description="X legacy daily tweet activity export",
    timezone="UTC days",
)

CONTENT_METRICS = (
    Column("impressions", ("Impressions", "Impressionen")),
    Column("reactions", ("Likes", "Gefällt mir")),
    Column("engagements", ("Engagements", "Interaktionen")),
    Column("saves", ("Bookmarks", "Lesezeichen")),
    Column("share", ("Share", "Shares", "Teilen")),
    Column("reposts", ("Reposts",)),
    Column("comments", ("Replies", "Antworten")),
    Column("followers_gained", ("New follows", "Neue Follower")),
    Column("profile_visits", ("Profile visits", "Profilbesuche")),
)

CONTENT = TableAdapter(
    report="x_account_analytics_content",
    platform=Platform.X,
    grain=Grain.POST,
    signature=("post_id", "published_at", "impressions"),
    columns=(
        Column("post_id", ("Post id", "Post-ID"), Kind.TEXT, required=True),
        Column("published_at", ("Date", "Datum"), Kind.DATETIME, required=True),
        Column("text", ("Post text", "Post-Text"), Kind.TEXT),
        Column("permalink", ("Post Link", "Link"), Kind.TEXT),
        Column("clicks", ("Url clicks", "URL-Klicks")),
    )
    + CONTENT_METRICS,
    description="X account analytics, content (per post)",
    timezone="UTC days",
    derive=_content,
)

OVERVIEW = TableAdapter(
    report="x_account_overview",
    platform=Platform.X,
    grain=Grain.DAILY,
    signature=("date", "impressions", "followers_lost"),
    columns=(
        Column("date", ("Date", "Datum"), Kind.DATE, required=True),
        Column("followers_lost", ("Unfollows", "Entfolgungen")),
        Column("views", ("Video views", "Videoaufrufe")),
    )
    + CONTENT_METRICS,
    description="X account analytics, overview (daily)",
    timezone="UTC days",
    derive=_overview,
)

ADAPTERS: tuple[Adapter, ...] = (LEGACY_TWEETS, LEGACY_DAILY, CONTENT, OVERVIEW)
