"""Meta Business Suite exports (Facebook Pages and Instagram), current and legacy.

Time zone: Meta writes publish times and days in the time zone set in Business Suite without saying
which. Resonanz reads the current exports' publish times in ``RESONANZ_META_TIMEZONE`` if set, else in
the company's time zone (``RESONANZ_TIMEZONE``, default Europe/Berlin): a company's Business Suite is
normally set to its own zone. They are stored in UTC. The legacy Facebook Insights exports write
Pacific time (America/Los_Angeles), as Facebook documented for Insights. The daily overview files write each day
as a timestamp ("2025-01-01T01:00:00"); its calendar date is the day.

Mapping:
- Facebook content export (post): Post ID, Page name -> account, Description (else Title) -> text,
  Publish time, Permalink, Post type; Views -> impressions (Meta's "Views" counts displays);
  3-second video views -> views; Reach; "Reactions, Comments and Shares" -> engagements (else the
  sum of reactions, comments and shares); Reactions, Comments, Shares; Total clicks -> clicks
  (else Link Clicks + Other Clicks); Seconds viewed / 3600 -> watch_time_hours.
- Instagram content export (post): Post ID, Account username -> account, Description, Publish time,
  Permalink, Post type; Views -> impressions; Reach; Likes -> reactions; Shares; Comments; Saves;
  Follows -> followers_gained; engagements = reactions + comments + shares + saves.
- Overview files (UTF-16, "sep=," line, a title line, then Date/Primary; daily): the title names the
  metric (Reach/Viewers -> reach, Views -> impressions, Follows -> followers_gained, Unfollows ->
  followers_lost, Visits/Profile visits -> profile_visits, Content interactions -> engagements, Link
  clicks -> clicks). "Facebook ..." or "Instagram ..." titles name the platform; bare titles ("Views")
  do not, and take it from the other Meta files of the same folder or upload.
- Audience file (sections "Age & gender", "Top countries", "Top cities"; percentages): audience
  shares of followers.
- Legacy Facebook Insights CSVs (2014-2017, a description row under the header): post-level,
  video-posts and page-level exports; see the column lists below.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter, sum_parts, url_match
from ingest.parsing import normalise_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import Grain, Platform, conform
from model.issues import error, info
from model.timezones import META_ZONE

AS_WRITTEN = "Business Suite time zone (RESONANZ_META_TIMEZONE, else the company's), stored as UTC"
LEGACY_ZONE = "America/Los_Angeles"


def _facebook_posts(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    engagements = raw["engagements"] if "engagements" in raw else sum_parts(raw, ["reactions", "comments", "shares"])
    clicks = raw["clicks"] if "clicks" in raw else sum_parts(raw, ["link_clicks", "other_clicks"])
    text = raw["text"].fillna(raw["title"]) if "title" in raw else raw["text"]
    return raw.assign(
        engagements=engagements.fillna(sum_parts(raw, ["reactions", "comments", "shares"])),
        clicks=clicks,
        text=text,
        watch_time_hours=raw["seconds_viewed"] / 3600 if "seconds_viewed" in raw else float("nan"),
    )


def _instagram_posts(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(engagements=sum_parts(raw, ["reactions", "comments", "shares", "saves"]))


COMMON_POST_COLUMNS = (
    Column("post_id", ("Post ID", "Beitrags-ID"), Kind.TEXT, required=True),
    Column("text", ("Description", "Beschreibung"), Kind.TEXT),
    Column("published_at", ("Publish time", "Veröffentlichungszeitpunkt"), Kind.DATETIME, required=True),
    Column("permalink", ("Permalink",), Kind.TEXT),
    Column("post_type", ("Post type", "Beitragstyp"), Kind.TEXT),
    Column("impressions", ("Views", "Aufrufe")),
    Column("reach", ("Reach", "Reichweite")),
    Column("comments", ("Comments", "Kommentare")),
    Column("shares", ("Shares", "Geteilte Inhalte")),
)

FACEBOOK_POSTS = TableAdapter(
    report="facebook_posts",
    platform=Platform.FACEBOOK,
    grain=Grain.POST,
    signature=("post_id", "_page_id", "published_at"),
    columns=COMMON_POST_COLUMNS
    + (
        Column("_page_id", ("Page ID", "Seiten-ID"), Kind.TEXT),
        Column("account", ("Page name", "Seitenname"), Kind.TEXT),
        Column("title", ("Title", "Titel"), Kind.TEXT),
        Column("engagements", ("Reactions, Comments and Shares", "Reaktionen, Kommentare und geteilte Inhalte")),
        Column("reactions", ("Reactions", "Reaktionen")),
        Column("clicks", ("Total clicks", "Klicks insgesamt")),
        Column("link_clicks", ("Link Clicks", "Link-Klicks")),
        Column("other_clicks", ("Other Clicks", "Andere Klicks")),
        Column("views", ("3-second video views", "3-Sekunden-Videoaufrufe")),
        Column("seconds_viewed", ("Seconds viewed", "Angesehene Sekunden")),
    ),
    description="Meta Business Suite: Facebook posts and videos",
    timezone=AS_WRITTEN,
    source_timezone=META_ZONE,
    derive=_facebook_posts,
)

INSTAGRAM_POSTS = TableAdapter(
    report="instagram_posts",
    platform=Platform.INSTAGRAM,
    grain=Grain.POST,
    signature=("post_id", "account", "published_at"),
    columns=COMMON_POST_COLUMNS
    + (
        Column("account", ("Account username", "Konto-Nutzername"), Kind.TEXT),
        Column("reactions", ("Likes", "„Gefällt mir“-Angaben", "Gefällt mir")),
        Column("saves", ("Saves", "Gespeichert")),
        Column("followers_gained", ("Follows", "Follower")),
    ),
    description="Meta Business Suite: Instagram posts, reels and stories",
    timezone=AS_WRITTEN,
    source_timezone=META_ZONE,
    derive=_instagram_posts,
)

# Overview file titles (normalised) -> metric. Titles may carry "Facebook " / "Instagram ".
OVERVIEW_METRICS = {
    "reach": "reach",
    "reichweite": "reach",
    "viewers": "reach",
    "zuschauer": "reach",
    "zuschauer*innen": "reach",
    "views": "impressions",
    "aufrufe": "impressions",
    "follows": "followers_gained",
    "follower": "followers_gained",
    "new follows": "followers_gained",
    "unfollows": "followers_lost",
    "followers": "followers",
    "follower insgesamt": "followers",
    "visits": "profile_visits",
    "besuche": "profile_visits",
    "profile visits": "profile_visits",
    "profilaufrufe": "profile_visits",
    "page visits": "profile_visits",
    "content interactions": "engagements",
    "interactions": "engagements",
    "interaktionen mit inhalten": "engagements",
    "interaktionen": "engagements",
    "link clicks": "clicks",
    "link-klicks": "clicks",
}
PLATFORM_PREFIXES = {"facebook": Platform.FACEBOOK, "instagram": Platform.INSTAGRAM}
_DATE_HEADERS = {"date", "datum"}
_VALUE_HEADERS = {"primary", "primär", "value", "wert"}


def _overview_title(table: RawTable) -> tuple[Platform | None, str] | None:
    head = table.head
    if len(head) < 2:
        return None
    title = [c for c in head[0] if c]
    header = [normalise_header(c) for c in head[1] if c]
    if len(title) != 1 or len(header) != 2 or header[0] not in _DATE_HEADERS or header[1] not in _VALUE_HEADERS:
        return None
    name = normalise_header(title[0])
    platform = None
    for prefix, candidate in PLATFORM_PREFIXES.items():
        if name.startswith(prefix + " "):
            platform, name = candidate, name[len(prefix) + 1 :]
    metric = OVERVIEW_METRICS.get(name)
    return (platform, metric) if metric else None


class Overview(Adapter):
    report = "meta_overview"
    platform = None
    grain = Grain.DAILY
    description = "Meta Business Suite: Insights overview metric file (UTF-16, one metric per file)"
    timezone = "calendar day as labelled by Meta"

    def detect(self, table: RawTable) -> Match | None:
        return Match(self, 1, 10) if _overview_title(table) else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        found = _overview_title(table)
        assert found is not None
        platform, metric = found
        body = table.cells.iloc[2:, :2]
        body = body[body.iloc[:, 0].astype("string").str.strip().fillna("") != ""]
        row_base = 1 + table.row_offset
        dates, issues = to_datetime(body.iloc[:, 0], column="Date", file=table.file, sheet=table.sheet, row_base=row_base)
        values, more = to_number(body.iloc[:, 1], column="Primary", file=table.file, sheet=table.sheet, row_base=row_base)
        frame = pd.DataFrame(
            {"date": dates.dt.normalize(), metric: values, "platform": str(platform or ""), "source_row": body.index.to_numpy() + 1 + table.row_offset}
        )
        return Parsed(
            report=f"meta_overview_{metric}",
            platform=platform,
            frames={Grain.DAILY: conform(frame, Grain.DAILY)},
            issues=list(table.notes) + issues + more,
            platform_candidates=() if platform else (Platform.FACEBOOK, Platform.INSTAGRAM),
        )


AUDIENCE_SECTIONS = {
    "age & gender": "age_gender",
    "alter und geschlecht": "age_gender",
    "top countries": "country",
    "top-länder": "country",
    "top cities": "city",
    "top-städte": "city",
    "städte": "city",
    "länder": "country",
}


class Audience(Adapter):
    report = "meta_audience"
    platform = None
    grain = Grain.AUDIENCE
    description = "Meta Business Suite: Audience file (age & gender, top countries, top cities; shares)"

    def detect(self, table: RawTable) -> Match | None:
        titles = {normalise_header(r[0]) for r in table.head if r and r[0] and not any(r[1:])}
        return Match(self, 0, 10) if titles & set(AUDIENCE_SECTIONS) else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        cells = table.cells.fillna("").astype(str).apply(lambda c: c.str.strip())
        filled = cells.ne("").sum(axis=1)
        is_title = (filled == 1) & cells.iloc[:, 0].map(normalise_header).isin(AUDIENCE_SECTIONS)
        section_id = is_title.cumsum()
        frames, issues = [], list(table.notes)
        for _number, section in cells[section_id > 0].groupby(section_id[section_id > 0]):
            dimension = AUDIENCE_SECTIONS[normalise_header(section.iloc[0, 0])]
            rows = section.iloc[1:][section.iloc[1:].ne("").any(axis=1)]
            if rows.empty:
                continue
            if dimension == "age_gender":
                # header row: "", Women, Men; then one row per age band
                genders = rows.iloc[0, 1:][rows.iloc[0, 1:] != ""]
                long = rows.iloc[1:].melt(id_vars=[rows.columns[0]], value_vars=list(genders.index), ignore_index=False)
                bucket = long[rows.columns[0]] + " " + long["variable"].map(genders)
                raw_values, positions = long["value"], long.index
            else:
                # transposed: a row of names, then a row of values
                names, values_row = rows.iloc[0], rows.iloc[1] if len(rows) > 1 else None
                if values_row is None:
                    issues.append(error("An audience section has names but no values.", file=table.file, row=int(rows.index[0]) + 1 + table.row_offset))
                    continue
                keep = names != ""
                bucket, raw_values = names[keep].reset_index(drop=True), values_row[keep].reset_index(drop=True)
                positions = pd.Index([rows.index[1]] * len(bucket))
            values, found = to_number(raw_values.reset_index(drop=True), column=dimension, file=table.file, sheet=table.sheet, row_base=0, percent=True)
            issues += [replace(i, row=int(positions[0]) + 1 + table.row_offset) for i in found]
            frames.append(
                pd.DataFrame(
                    {
                        "dimension": dimension,
                        "bucket": bucket.reset_index(drop=True),
                        "metric": "followers",
                        "unit": "share",
                        "value": values,
                        "date": pd.NaT,
                        "source_row": positions.to_numpy() + 1 + table.row_offset,
                    }
                )
            )
        frame = pd.concat(frames, ignore_index=True).assign(platform="") if frames else pd.DataFrame()
        return Parsed(self.report, None, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues, platform_candidates=(Platform.FACEBOOK, Platform.INSTAGRAM))


# ---------------------------------------------------------------- legacy Facebook Insights (2014-2017)


def _legacy_posts(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    # Event and album links do not name the page; the page's own post links do.
    handles = url_match(raw["permalink"], r"facebook\.com/([^/?]+)/(?:posts|videos|photos)/").dropna()
    page_ids = raw["post_id"].str.extract(r"^(\d+)_", expand=False).dropna()
    account = handles.mode().iloc[0] if not handles.empty else (page_ids.mode().iloc[0] if not page_ids.empty else pd.NA)
    return raw.assign(account=account)


LEGACY_POSTS = TableAdapter(
    report="facebook_insights_posts",
    platform=Platform.FACEBOOK,
    grain=Grain.POST,
    signature=("post_id", "permalink", "published_at", "impressions"),
    forbidden=("Lifetime Total Video Views",),
    columns=(
        Column("post_id", ("Post ID",), Kind.TEXT, required=True),
        Column("permalink", ("Permalink",), Kind.TEXT),
        Column("text", ("Post Message",), Kind.TEXT),
        Column("post_type", ("Type",), Kind.TEXT),
        Column("published_at", ("Posted",), Kind.DATETIME, required=True),
        Column("reach", ("Lifetime Post Total Reach",)),
        Column("impressions", ("Lifetime Post Total Impressions",)),
        Column("engagements", ("Lifetime Engaged Users",)),
        Column("clicks", ("Lifetime Post Consumers",)),
        Column("reactions", ("Lifetime Post Stories by action type - like",)),
        Column("comments", ("Lifetime Post Stories by action type - comment",)),
        Column("shares", ("Lifetime Post Stories by action type - share",)),
    ),
    description="Legacy Facebook Insights export, post level (engagements = Lifetime Engaged Users, clicks = Lifetime Post Consumers)",
    timezone="Pacific time (Facebook's legacy exports), stored as UTC",
    source_timezone=LEGACY_ZONE,
    derive=_legacy_posts,
)

LEGACY_VIDEOS = TableAdapter(
    report="facebook_insights_videos",
    platform=Platform.FACEBOOK,
    grain=Grain.POST,
    signature=("post_id", "permalink", "published_at", "views"),
    columns=(
        Column("post_id", ("Post ID",), Kind.TEXT, required=True),
        Column("permalink", ("Permalink",), Kind.TEXT),
        Column("text", ("Post Message",), Kind.TEXT),
        Column("post_type", ("Type",), Kind.TEXT),
        Column("published_at", ("Posted",), Kind.DATETIME, required=True),
        Column("impressions", ("Lifetime Post Total Impressions",)),
        Column("reach", ("Lifetime Post Total Reach",)),
        Column("views", ("Lifetime Total Video Views",)),
    ),
    description="Legacy Facebook Insights export, video posts",
    timezone="Pacific time (Facebook's legacy exports), stored as UTC",
    source_timezone=LEGACY_ZONE,
    derive=_legacy_posts,
)

LEGACY_PAGE = TableAdapter(
    report="facebook_insights_page",
    platform=Platform.FACEBOOK,
    grain=Grain.DAILY,
    signature=("date", "followers", "followers_gained"),
    columns=(
        Column("date", ("Date",), Kind.DATE, required=True),
        Column("followers", ("Lifetime Total Likes",)),
        Column("followers_gained", ("Daily New Likes",)),
        Column("followers_lost", ("Daily Unlikes",)),
        Column("engagements", ("Daily Page Engaged Users",)),
        Column("reach", ("Daily Total Reach",)),
        Column("impressions", ("Daily Total Impressions",)),
    ),
    description="Legacy Facebook Insights export, page level (followers = page likes; engagements = engaged users)",
    timezone="Pacific-time days as labelled by Facebook",
)

_DESCRIPTION = re.compile(r"^(lifetime|daily|weekly|28 days):", re.IGNORECASE)


def drop_description_row(table: RawTable, header_row: int) -> RawTable:
    """Legacy Insights put a row of metric descriptions under the header; it is not data."""
    if len(table.cells) <= header_row + 1:
        return table
    row = table.cells.iloc[header_row + 1].astype("string").fillna("")
    if row.str.match(_DESCRIPTION).sum() >= 1 and row.iloc[0].strip() == "":
        cells = table.cells.drop(index=table.cells.index[header_row + 1])
        return RawTable(
            table.file,
            table.sheet,
            cells,
            table.delimiter,
            table.notes + (info("Skipped the row of metric descriptions under the header.", file=table.file, row=header_row + 2),),
            table.row_offset,
        )
    return table


class LegacyInsights(Adapter):
    """Wraps a legacy table adapter: drops the description row (row labels, so source rows, stay true)."""

    def __init__(self, inner: TableAdapter) -> None:
        self.inner = inner
        self.report, self.platform, self.grain = inner.report, inner.platform, inner.grain
        self.description, self.timezone = inner.description, inner.timezone

    def detect(self, table: RawTable) -> Match | None:
        found = self.inner.detect(table)
        return Match(self, found.header_row, found.score) if found else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        cleaned = drop_description_row(table, match.header_row)
        return self.inner.parse(cleaned, Match(self.inner, match.header_row, match.score), context)


ADAPTERS: tuple[Adapter, ...] = (
    FACEBOOK_POSTS,
    INSTAGRAM_POSTS,
    Overview(),
    Audience(),
    LegacyInsights(LEGACY_POSTS),
    LegacyInsights(LEGACY_VIDEOS),
    LegacyInsights(LEGACY_PAGE),
)
