"""Times of day: the company's time zone, and publish times as people read them.

Storage keeps every publish time in UTC (each adapter names the zone its export writes in,
``TableAdapter.source_timezone``). Pages and the pack show them in the company's time zone, a
setting read from the environment: ``RESONANZ_TIMEZONE`` (an IANA name), default Europe/Berlin.

Date-only exports (LinkedIn's "Created date", X's daily content files, YouTube's and TikTok's
publish days) write a day without a time; Resonanz stores that day at 00:00:00 UTC. A stored
time of exactly 00:00:00.000 UTC therefore means "no time of day": such posts keep their day
as labelled and are left out of anything by hour. (A real post at exactly midnight UTC to the
second is rare enough to take that trade.)
"""

from __future__ import annotations

import os
import zoneinfo

import pandas as pd

TIMEZONE_VARIABLE = "RESONANZ_TIMEZONE"
META_TIMEZONE_VARIABLE = "RESONANZ_META_TIMEZONE"
DEFAULT_TIMEZONE = "Europe/Berlin"
COMPANY_ZONE = "company"  # an adapter's source zone that is the company's own
META_ZONE = "meta"  # Meta Business Suite's zone: RESONANZ_META_TIMEZONE, else the company's


def _zone_from(variable: str, default: str) -> str:
    name = (os.environ.get(variable) or "").strip() or default
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return default
    return name


def company_timezone() -> str:
    """The IANA zone the company reads times in (``RESONANZ_TIMEZONE``; an unknown name falls back
    to Europe/Berlin rather than stopping every page)."""
    return _zone_from(TIMEZONE_VARIABLE, DEFAULT_TIMEZONE)


def source_zone(name: str) -> str:
    """The IANA zone an adapter's ``source_timezone`` stands for (resolved when a file is read)."""
    if name == COMPANY_ZONE:
        return company_timezone()
    if name == META_ZONE:
        return _zone_from(META_TIMEZONE_VARIABLE, company_timezone())
    return name


def has_time_of_day(published_at: pd.Series) -> pd.Series:
    """True where a stored publish time carries a time of day (not exactly 00:00:00 UTC, see above); False where missing."""
    utc = published_at.dt.tz_convert("UTC") if published_at.dt.tz is not None else published_at
    return (utc.notna() & (utc != utc.dt.normalize())).astype(bool)


def local_times(published_at: pd.Series, zone: str | None = None) -> pd.Series:
    """Publish times as naive wall-clock times in ``zone`` (default: the company's).

    Posts without a time of day keep their labelled day at 00:00 (converting a bare day would move
    it to the day before west of UTC), so a date column shows the day the export names."""
    aware = published_at if published_at.dt.tz is not None else published_at.dt.tz_localize("UTC")
    local = aware.dt.tz_convert(zone or company_timezone()).dt.tz_localize(None)
    day_only = aware.dt.tz_convert("UTC").dt.tz_localize(None)
    return local.where(has_time_of_day(aware), day_only)
