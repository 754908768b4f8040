"""The canonical data model every adapter writes into.

One definition of the grains, their key columns and the canonical metric names.
Adding a metric is one entry in ``METRICS``; storage and the import report pick it up from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd


class Platform(StrEnum):
    LINKEDIN = "linkedin"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    OTHER = "other"


class Grain(StrEnum):
    POST = "post"
    DAILY = "daily"
    AUDIENCE = "audience"


@dataclass(frozen=True)
class Metric:
    name: str
    label_en: str
    label_de: str
    description: str
    stock: bool = False  # a stock (follower total) is never summed over time
    additive: bool = True  # False for unique counts (reach, unique visitors): a sum counts people twice


METRICS: tuple[Metric, ...] = (
    Metric("impressions", "Impressions", "Impressionen", "Times content was displayed."),
    Metric("reach", "Reach", "Reichweite", "Unique accounts reached; not additive across days or posts.", additive=False),
    Metric("views", "Video views", "Videoaufrufe", "Video views / plays as the platform counts them."),
    Metric("engagements", "Engagements", "Interaktionen", "Interactions as the platform counts them (see each adapter)."),
    Metric("reactions", "Reactions", "Reaktionen", "Likes and reactions."),
    Metric("comments", "Comments", "Kommentare", "Comments and replies."),
    Metric("shares", "Shares", "Geteilte Inhalte", "Shares, reposts, retweets."),
    Metric("saves", "Saves", "Gespeichert", "Saves, bookmarks, favourites."),
    Metric("clicks", "Clicks", "Klicks", "Clicks on links or the content."),
    Metric("profile_visits", "Profile visits", "Profilaufrufe", "Profile or page visits."),
    Metric("page_views", "Page views", "Seitenaufrufe", "Page / profile views."),
    Metric("unique_visitors", "Unique visitors", "Eindeutige Besucher", "Unique visitors of the page.", additive=False),
    Metric("followers", "Followers", "Follower", "Follower total at the end of the day.", stock=True),
    Metric("followers_gained", "New followers", "Neue Follower", "Followers gained on the day or attributed to the post."),
    Metric("followers_lost", "Lost followers", "Verlorene Follower", "Followers lost on the day."),
    Metric(
        "followers_net",
        "Net follower change",
        "Follower-Saldo",
        "Gained minus lost followers of the day, where the platform exports only the difference (TikTok).",
    ),
    Metric("watch_time_hours", "Watch time (hours)", "Wiedergabezeit (Stunden)", "Video watch time in hours."),
)

METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
STOCK_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if m.stock)
NON_ADDITIVE_METRICS: frozenset[str] = frozenset(m.name for m in METRICS if not m.additive)

# Post attributes besides the metrics.
POST_ATTRIBUTES: tuple[str, ...] = ("published_at", "text", "permalink", "post_type")

KEY_COLUMNS: dict[Grain, tuple[str, ...]] = {
    Grain.POST: ("platform", "account", "post_id"),
    Grain.DAILY: ("platform", "account", "date"),
    Grain.AUDIENCE: ("platform", "account", "date", "dimension", "bucket", "metric"),
}

# Audience rows carry one value each; ``unit`` says whether it is a count or a share (0..1).
AUDIENCE_VALUE_COLUMNS: tuple[str, ...] = ("value", "unit")


def empty_frame(grain: Grain) -> pd.DataFrame:
    """An empty canonical frame of the grain with its explicit dtypes."""
    columns: dict[str, pd.Series] = {
        "platform": pd.Series(dtype="string"),
        "account": pd.Series(dtype="string"),
    }
    if grain is Grain.POST:
        columns["post_id"] = pd.Series(dtype="string")
        columns["published_at"] = pd.Series(dtype="datetime64[us, UTC]")
        for name in ("text", "permalink", "post_type"):
            columns[name] = pd.Series(dtype="string")
    else:
        columns["date"] = pd.Series(dtype="datetime64[us]")
    if grain is Grain.AUDIENCE:
        for name in ("dimension", "bucket", "metric", "unit"):
            columns[name] = pd.Series(dtype="string")
        columns["value"] = pd.Series(dtype="float64")
    else:
        for name in METRIC_NAMES:
            columns[name] = pd.Series(dtype="float64")
    columns["source_row"] = pd.Series(dtype="int64")
    return pd.DataFrame(columns)


def conform(frame: pd.DataFrame, grain: Grain) -> pd.DataFrame:
    """Return ``frame`` with exactly the canonical columns and dtypes of ``grain``.

    Metrics the export lacks become missing (NaN), never 0.
    """
    template = empty_frame(grain)
    out = pd.DataFrame(index=frame.index)
    for column, dtype in template.dtypes.items():
        if column in frame.columns:
            values = frame[column]
            if isinstance(dtype, pd.DatetimeTZDtype) and pd.api.types.is_datetime64_dtype(values.dtype):
                values = values.dt.tz_localize("UTC")  # naive times in the canonical frames are UTC
            out[column] = values.astype(dtype)
        else:
            out[column] = pd.Series(pd.NA if dtype == "string" else None, index=frame.index).astype(dtype)
    return out.reset_index(drop=True)


def present_metrics(frame: pd.DataFrame) -> list[str]:
    """Canonical metrics with at least one value in ``frame``."""
    columns = [m for m in METRIC_NAMES if m in frame.columns]
    present = frame[columns].notna().any()
    return [m for m in columns if present[m]]
