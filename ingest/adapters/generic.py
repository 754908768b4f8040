"""The generic template for channels without a native adapter (XING, a blog, a newsletter ...).

A CSV or XLSX with one header row. Required: channel (Kanal), account (Konto) and either date
(Datum: one row per day) or post_id (Beitrags-ID) with published_at (Veröffentlicht am: one row per
post). Metric columns are named by their canonical id or their English or German label (see
``model.canonical.METRICS``); missing metric columns stay missing. Dates as YYYY-MM-DD or
DD.MM.YYYY; semicolon-separated files use a decimal comma. Rows are stored under platform "other"
with the account "<channel>: <account>". Times are UTC.

A channel that names a platform with a native adapter (LinkedIn, Facebook, Instagram, X or Twitter,
YouTube, TikTok) stores its rows under that platform and the account as written: the template then
adds what the native exports lack to the same account, e.g. the follower total that neither LinkedIn's
page exports nor X's exports carry, noted from the profile. A file whose rows name one platform is
that platform's file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter
from ingest.readers import RawTable
from model.canonical import METRICS, Grain, Platform
from model.timezones import COMPANY_ZONE

METRIC_COLUMNS = tuple(Column(m.name, (m.name, m.label_en, m.label_de)) for m in METRICS)
CHANNEL = Column("_channel", ("channel", "Kanal"), Kind.TEXT, required=True)
ACCOUNT = Column("_account", ("account", "Konto"), Kind.TEXT, required=True)


# Channel names (compared case-insensitively) of the platforms with native adapters.
NATIVE_CHANNELS = {str(p): str(p) for p in Platform if p is not Platform.OTHER} | {"twitter": str(Platform.X)}


def _account(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    native = raw["_channel"].str.strip().str.casefold().map(NATIVE_CHANNELS)
    account = raw["_account"].where(native.notna(), raw["_channel"] + ": " + raw["_account"])
    return raw.assign(account=account, platform=native.fillna(str(Platform.OTHER)))


@dataclass(frozen=True)
class Template(TableAdapter):
    """The template's table; a file whose rows all name one native platform is that platform's file."""

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        parsed = super().parse(table, match, context)
        platforms = {p for frame in parsed.frames.values() for p in frame["platform"].dropna().unique()}
        return replace(parsed, platform=Platform(platforms.pop())) if len(platforms) == 1 else parsed


DAILY = Template(
    report="generic_daily",
    platform=Platform.OTHER,
    grain=Grain.DAILY,
    signature=("_channel", "_account", "date"),
    forbidden=("post_id", "Beitrags-ID"),
    columns=(CHANNEL, ACCOUNT, Column("date", ("date", "Datum"), Kind.DATE, required=True)) + METRIC_COLUMNS,
    description="Generic template, one row per day",
    timezone="UTC days",
    derive=_account,
)

POSTS = Template(
    report="generic_posts",
    platform=Platform.OTHER,
    grain=Grain.POST,
    signature=("_channel", "_account", "post_id", "published_at"),
    columns=(
        CHANNEL,
        ACCOUNT,
        Column("post_id", ("post_id", "Beitrags-ID"), Kind.TEXT, required=True),
        Column("published_at", ("published_at", "Veröffentlicht am"), Kind.DATETIME, required=True),
        Column("text", ("text", "Text"), Kind.TEXT),
        Column("permalink", ("permalink", "Link"), Kind.TEXT),
        Column("post_type", ("post_type", "Format"), Kind.TEXT),
    )
    + METRIC_COLUMNS,
    description="Generic template, one row per post",
    # A time written into the template is read as a person writes it: the company's wall clock (an offset, where one
    # is written, is kept). Read as UTC, "03.11.2026 10:00" showed as 11:00 on the Content page.
    timezone="the company's time zone (RESONANZ_TIMEZONE), stored as UTC",
    source_timezone=COMPANY_ZONE,
    derive=_account,
)

ADAPTERS: tuple[Adapter, ...] = (DAILY, POSTS)
