"""YouTube Studio exports (Advanced mode: Table data, Chart data, Totals), English and German.

Headers are matched without soft hyphens (German exports write "Auf\\u00adru\\u00adfe"); the
"Total"/"Gesamt" row is skipped. Time zone: YouTube's days are Pacific time as labelled; stored as
calendar days. Publish dates ("Aug 19, 2011", English even in German exports) are dates.

Mapping:
- Table data by video (post): Content/Video -> post_id, Video title -> text, Video publish time ->
  published_at, Views, Watch time (hours), Subscribers -> followers_gained (net subscribers),
  Impressions (thumbnail impressions) -> impressions, Likes -> reactions, Comments added -> comments,
  Shares.
- Table data by another dimension (subscription status, viewer age or gender, city, country,
  traffic source, device): audience rows of views (counts, or shares where the column is "(%)").
- Chart data (per day and video, or per day and subscription status): audience breakdown rows
  (dimension "video" or the group, metric views). Chart data lists only the videos chosen in
  Studio, so it never feeds the channel's daily views; Totals does.
- Totals (daily): Views, and Watch time / Subscribers where exported.
"""

from __future__ import annotations

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter
from ingest.parsing import normalise_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import Grain, Platform, conform
from model.issues import info

VIEWS = ("Views", "Aufrufe")
WATCH = ("Watch time (hours)", "Wiedergabezeit (Stunden)")
SUBSCRIBERS = ("Subscribers", "Abonnenten")
DATE = ("Date", "Datum")
VIDEO_ID = ("Content", "Video", "Inhalt")

TABLE_VIDEOS = TableAdapter(
    report="youtube_table_videos",
    platform=Platform.YOUTUBE,
    grain=Grain.POST,
    signature=("post_id", "text"),
    forbidden=DATE,
    columns=(
        Column("post_id", VIDEO_ID, Kind.TEXT, required=True),
        Column("text", ("Video title", "Videotitel"), Kind.TEXT),
        Column("published_at", ("Video publish time", "Veröffentlichungszeitpunkt des Videos"), Kind.DATETIME),
        Column("views", VIEWS),
        Column("watch_time_hours", WATCH),
        Column("followers_gained", SUBSCRIBERS),
        Column("impressions", ("Impressions", "Impressionen")),
        Column("reactions", ("Likes", "„Mag ich“-Bewertungen", "Mag ich-Bewertungen")),
        Column("comments", ("Comments added", "Hinzugefügte Kommentare")),
        Column("shares", ("Shares", "Geteilte Inhalte")),
    ),
    description="YouTube Studio Table data by video",
    timezone="Pacific-time days as labelled",
)


TOTALS = TableAdapter(
    report="youtube_totals",
    platform=Platform.YOUTUBE,
    grain=Grain.DAILY,
    signature=("date", "views"),
    columns=(Column("date", DATE, Kind.DATE, required=True), Column("views", VIEWS), Column("watch_time_hours", WATCH), Column("followers_net", SUBSCRIBERS)),
    description="YouTube Studio Totals (daily)",
    timezone="Pacific-time days as labelled",
    max_columns=4,
)

AUDIENCE_DIMENSIONS = {
    "subscription status": "subscription_status",
    "abostatus": "subscription_status",
    "abonnementstatus": "subscription_status",
    "viewer age": "age",
    "alter der zuschauer": "age",
    "viewer gender": "gender",
    "geschlecht der zuschauer": "gender",
    "cities": "city",
    "städte": "city",
    "geography": "country",
    "geografie": "country",
    "traffic source": "traffic_source",
    "besucherquelle": "traffic_source",
    "device type": "device",
    "gerätetyp": "device",
}
BUCKET_NAMES = {"city name": "city", "name der stadt": "city"}
VIEW_SHARES = {"views (%)", "aufrufe (%)"}


class Dimensional(Adapter):
    """Table data by a dimension other than video: audience rows; Chart data: daily views."""

    platform = Platform.YOUTUBE

    def __init__(self, chart: bool) -> None:
        self.chart = chart
        self.report = "youtube_chart" if chart else "youtube_table_audience"
        self.grain = Grain.AUDIENCE
        self.description = "YouTube Studio Chart data (daily views per video or group)" if chart else "YouTube Studio Table data by audience dimension"

    def _headers(self, row: list[str]) -> list[str]:
        return [normalise_header(c) for c in row]

    def detect(self, table: RawTable) -> Match | None:
        if not table.head:
            return None
        headers = self._headers(table.head[0])
        has_date = bool(headers) and headers[0] in {normalise_header(d) for d in DATE}
        rest = headers[1:] if has_date else headers
        if has_date != self.chart or not rest:
            return None
        dimension = rest[0]
        has_views = any(h in {normalise_header(v) for v in VIEWS} | VIEW_SHARES for h in rest)
        is_video = dimension in {normalise_header(v) for v in VIDEO_ID}
        if has_views and (dimension in AUDIENCE_DIMENSIONS or (self.chart and is_video)):
            return Match(self, 0, 5)
        return None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        headers = self._headers(table.head[0])
        body = table.cells.iloc[1:]
        body = body[~body.iloc[:, 0].astype("string").map(normalise_header, na_action="ignore").isin(["total", "gesamt"]).fillna(False)]
        body = body[body.iloc[:, 0].astype("string").str.strip().fillna("") != ""]
        views_at = next(i for i, h in enumerate(headers) if h in {normalise_header(v) for v in VIEWS} | VIEW_SHARES)
        share = headers[views_at] in VIEW_SHARES
        views, issues = to_number(
            body.iloc[:, views_at], column=str(table.cells.iat[0, views_at]), file=table.file, sheet=table.sheet, row_base=1 + table.row_offset, percent=share
        )
        if self.chart:
            # Per video (or subscription status) and day: a breakdown, never the channel's daily total.
            dates, more = to_datetime(body.iloc[:, 0], column=str(table.cells.iat[0, 0]), file=table.file, sheet=table.sheet, row_base=1 + table.row_offset)
            dimension = "video" if headers[1] in {normalise_header(v) for v in VIDEO_ID} else AUDIENCE_DIMENSIONS[headers[1]]
            frame = pd.DataFrame(
                {
                    "platform": str(self.platform),
                    "date": dates.dt.normalize(),
                    "dimension": dimension,
                    "bucket": body.iloc[:, 1].astype("string").str.strip(),
                    "metric": "views",
                    "unit": "count",
                    "value": views,
                    "source_row": body.index.to_numpy() + 1 + table.row_offset,
                }
            )
            note = info(
                "Chart data is stored as a daily breakdown by " + dimension.replace("_", " ") + "; import Totals for the channel's daily views.",
                file=table.file,
            )
            return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, list(table.notes) + issues + more + [note])
        dimension_at = 1 if headers[0] in AUDIENCE_DIMENSIONS and len(headers) > 1 and headers[1] in BUCKET_NAMES else 0
        frame = pd.DataFrame(
            {
                "platform": str(self.platform),
                "dimension": AUDIENCE_DIMENSIONS[headers[0]],
                "bucket": body.iloc[:, dimension_at].astype("string").str.strip(),
                "metric": "views",
                "unit": "share" if share else "count",
                "value": views,
                "date": pd.NaT,
                "source_row": body.index.to_numpy() + 1 + table.row_offset,
            }
        )
        return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, list(table.notes) + issues)


ADAPTERS: tuple[Adapter, ...] = (TABLE_VIDEOS, TOTALS, Dimensional(chart=True), Dimensional(chart=False))
