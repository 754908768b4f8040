"""The canonical data model every adapter writes into.

One definition of the grains, their key columns and the canonical metric names.
Adding a metric is one entry in ``METRICS``; storage and the import report pick it up from here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
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


@functools.cache
def canonical_dtypes(grain: Grain) -> dict[str, object]:
    """The grain's canonical columns in order, each with its explicit dtype (made once per grain)."""
    dtypes: dict[str, object] = {"platform": "string", "account": "string"}
    if grain is Grain.POST:
        dtypes["post_id"] = "string"
        dtypes["published_at"] = "datetime64[us, UTC]"
        dtypes |= dict.fromkeys(("text", "permalink", "post_type"), "string")
    else:
        dtypes["date"] = "datetime64[us]"
    if grain is Grain.AUDIENCE:
        dtypes |= dict.fromkeys(("dimension", "bucket", "metric", "unit"), "string")
        dtypes["value"] = "float64"
    else:
        dtypes |= dict.fromkeys(METRIC_NAMES, "float64")
    dtypes["source_row"] = "int64"
    return {name: pd.api.types.pandas_dtype(dtype) for name, dtype in dtypes.items()}


def empty_frame(grain: Grain) -> pd.DataFrame:
    """An empty canonical frame of the grain with its explicit dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in canonical_dtypes(grain).items()})


def conform(frame: pd.DataFrame, grain: Grain) -> pd.DataFrame:
    """Return ``frame`` with exactly the canonical columns and dtypes of ``grain``.

    Metrics the export lacks become missing (NaN), never 0.
    """
    frame = frame.reset_index(drop=True)  # copy-on-write: nothing is copied until someone writes
    rows = len(frame)
    columns: dict[str, object] = {}
    # One frame built from all columns at once: inserting forty columns one by one cost more than
    # the parsing of a small export.
    for column, dtype in canonical_dtypes(grain).items():
        if column in frame.columns:
            values = frame[column]
            if isinstance(dtype, pd.DatetimeTZDtype) and pd.api.types.is_datetime64_dtype(values.dtype):
                values = values.dt.tz_localize("UTC")  # naive times in the canonical frames are UTC
            columns[column] = values if values.dtype == dtype else values.astype(dtype)
        elif dtype == "float64":
            columns[column] = np.full(rows, np.nan)
        else:
            columns[column] = pd.array([None] * rows, dtype=dtype)
    return pd.DataFrame(columns, index=frame.index)


def present_metrics(frame: pd.DataFrame) -> list[str]:
    """Canonical metrics with at least one value in ``frame``."""
    columns = [m for m in METRIC_NAMES if m in frame.columns]
    present = frame[columns].notna().any()
    return [m for m in columns if present[m]]
