"""LinkedIn Page analytics exports (.xls, or .xlsx when re-saved in Excel).

Time zone: LinkedIn states "All dates and times are in UTC"; dates are stored as written.

Mapping:
- Content export, sheet "Metrics" (daily): Impressions (total) -> impressions; Unique impressions
  (organic) -> reach (LinkedIn exports no total unique figure); Clicks/Reactions/Comments/Reposts
  (total) -> clicks/reactions/comments/shares; engagements = clicks + reactions + comments + shares
  (LinkedIn's engagement-rate numerator; the daily sheet has no follows).
- Content export, sheet "All posts" (post): Post title -> text; Post link -> permalink and post_id
  (the activity URN); Content Type, else Post type -> post_type; Created date -> published_at;
  Impressions, Views -> views, Clicks, Likes -> reactions, Comments, Reposts -> shares,
  Follows -> followers_gained; engagements = clicks + reactions + comments + shares + follows.
- Followers export, sheet "New followers" (daily): Total followers (the day's new followers of all
  kinds) -> followers_gained. Demographic sheets -> audience (metric followers).
- Visitors export, sheet "Visitor metrics" (daily): Total page views (total) -> page_views; Total
  unique visitors (total) -> unique_visitors. Demographic sheets -> audience (metric page_views).
- Competitor export: recognised and not stored (it describes other companies' pages).
"""

from __future__ import annotations

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter, sum_parts, url_match
from ingest.parsing import find_header_row, normalise_header, to_number
from ingest.readers import RawTable
from model.canonical import Grain, Platform, conform

UTC = "UTC (LinkedIn: 'All dates and times are in UTC')"


def _content_daily(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(engagements=sum_parts(raw, ["clicks", "reactions", "comments", "shares"]))


def _posts(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    urn = url_match(raw["permalink"], r"(urn:li:[a-zA-Z]+:\d+)")
    post_type = raw["content_type"].fillna(raw["post_type"]) if "content_type" in raw else raw.get("post_type")
    return raw.assign(
        post_id=urn.fillna(raw["permalink"]),
        post_type=post_type,
        engagements=sum_parts(raw, ["clicks", "reactions", "comments", "shares", "followers_gained"]),
    )


CONTENT_METRICS = TableAdapter(
    report="linkedin_content_metrics",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "impressions"),
    columns=(
        Column("date", ("Date", "Datum"), Kind.DATE, required=True),
        Column("impressions", ("Impressions (total)", "Impressionen (gesamt)")),
        Column("reach", ("Unique impressions (organic)", "Eindeutige Impressionen (organisch)")),
        Column("clicks", ("Clicks (total)", "Klicks (gesamt)")),
        Column("reactions", ("Reactions (total)", "Reaktionen (gesamt)")),
        Column("comments", ("Comments (total)", "Kommentare (gesamt)")),
        Column("shares", ("Reposts (total)", "Shares (total)", "Direktes Teilen (gesamt)")),
    ),
    description="LinkedIn content export, sheet Metrics (daily)",
    timezone=UTC,
    derive=_content_daily,
)

CONTENT_POSTS = TableAdapter(
    report="linkedin_content_posts",
    platform=Platform.LINKEDIN,
    grain=Grain.POST,
    signature=("permalink", "published_at"),
    columns=(
        Column("text", ("Post title", "Beitragstitel"), Kind.TEXT),
        Column("permalink", ("Post link", "Beitragslink"), Kind.TEXT, required=True),
        Column("post_type", ("Post type", "Beitragstyp"), Kind.TEXT),
        Column("content_type", ("Content Type", "Inhaltstyp"), Kind.TEXT),
        Column("published_at", ("Created date", "Erstellungsdatum"), Kind.DATETIME, required=True),
        Column("impressions", ("Impressions", "Impressionen")),
        Column("views", ("Views", "Aufrufe")),
        Column("clicks", ("Clicks", "Klicks")),
        Column("reactions", ("Likes", "Reactions", "Reaktionen")),
        Column("comments", ("Comments", "Kommentare")),
        Column("shares", ("Reposts", "Shares")),
        Column("followers_gained", ("Follows", "Follower")),
    ),
    description="LinkedIn content export, sheet All posts",
    timezone=UTC,
    derive=_posts,
)

NEW_FOLLOWERS = TableAdapter(
    report="linkedin_followers",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "_organic", "followers_gained"),
    columns=(
        Column("date", ("Date", "Datum"), Kind.DATE, required=True),
        Column("_organic", ("Organic followers", "Organische Follower")),
        Column("followers_gained", ("Total followers", "Follower insgesamt")),
    ),
    description="LinkedIn followers export, sheet New followers (daily new followers)",
    timezone=UTC,
)

VISITORS = TableAdapter(
    report="linkedin_visitors",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "page_views"),
    columns=(
        Column("date", ("Date", "Datum"), Kind.DATE, required=True),
        Column("page_views", ("Total page views (total)", "Seitenaufrufe insgesamt (gesamt)")),
        Column("unique_visitors", ("Total unique visitors (total)", "Eindeutige Besucher insgesamt (gesamt)")),
    ),
    description="LinkedIn visitors export, sheet Visitor metrics",
    timezone=UTC,
)

DIMENSIONS = {
    "location": "location",
    "standort": "location",
    "job function": "job_function",
    "funktion": "job_function",
    "seniority": "seniority",
    "karrierestufe": "seniority",
    "industry": "industry",
    "branche": "industry",
    "company size": "company_size",
    "unternehmensgröße": "company_size",
}
DEMOGRAPHIC_VALUES = {"total followers": "followers", "follower insgesamt": "followers", "total views": "page_views", "aufrufe insgesamt": "page_views"}


class Demographics(Adapter):
    """LinkedIn demographic sheets: two columns, <dimension> and Total followers / Total views."""

    report = "linkedin_demographics"
    platform = Platform.LINKEDIN
    grain = Grain.AUDIENCE
    description = "LinkedIn followers/visitors export, demographic sheets"
    timezone = UTC

    def detect(self, table: RawTable) -> Match | None:
        if not table.head:
            return None
        first = [normalise_header(c) for c in table.head[0] if c]
        if len(first) == 2 and first[0] in DIMENSIONS and first[1] in DEMOGRAPHIC_VALUES:
            return Match(self, 0, 2)
        return None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        first = [normalise_header(c) for c in table.head[0] if c]
        body = table.cells.iloc[1:, :2]
        body = body[body.iloc[:, 0].astype("string").str.strip().fillna("") != ""]
        values, issues = to_number(body.iloc[:, 1], column=str(table.cells.iat[0, 1]), file=table.file, sheet=table.sheet, row_base=1)
        frame = pd.DataFrame(
            {
                "platform": str(self.platform),
                "dimension": DIMENSIONS[first[0]],
                "bucket": body.iloc[:, 0].astype("string").str.strip(),
                "metric": DEMOGRAPHIC_VALUES[first[1]],
                "unit": "count",
                "value": values,
                "date": pd.NaT,
                "source_row": body.index.to_numpy() + 1,
            }
        )
        return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues)


class Competitors(Adapter):
    """Recognised so it is not mistaken for another export; nothing of it is stored."""

    report = "linkedin_competitors"
    platform = Platform.LINKEDIN
    grain = Grain.DAILY
    description = "LinkedIn competitor analytics export"

    def detect(self, table: RawTable) -> Match | None:
        wanted = {normalise_header(h) for h in ("Page", "Total Followers", "New Followers", "Total post engagements")}
        found = find_header_row(table.head, wanted, 3)
        return Match(self, found[0], found[1]) if found else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        return Parsed(
            self.report,
            self.platform,
            {},
            store=False,
            note="LinkedIn competitor analytics compares other companies' pages; Resonanz tracks your own accounts, so it is not stored.",
        )


ADAPTERS: tuple[Adapter, ...] = (CONTENT_METRICS, CONTENT_POSTS, NEW_FOLLOWERS, VISITORS, Demographics(), Competitors())
