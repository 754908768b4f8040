"""TikTok Studio exports (CSV, or the .xlsx download whose sheet is named "SheetJS" and whose numbers are text).

TikTok writes days without a year, in the language of the user's interface ("February 28",
"28 de febrero", "28. Februar", "2月28日"; see ``ingest.parsing.read_month_names``). The year comes
from the export day when the file has one (Content's "Time" column), else from the day of import:
the newest day is the latest such day on or before it; every import that assumes a year says so.
Time zone: days as labelled (the account's time zone in TikTok Studio). "undefined" (TikTok's
placeholder for a value it does not have) is missing, never 0.

Mapping (each column also under the names other vintages and interface languages use, see the
alias tuples below):
- Overview (daily): Video Views -> views, Profile Views -> profile_visits, Likes -> reactions,
  Comments, Shares; engagements = reactions + comments + shares. Newer vintages add Reached
  audience -> reach, Total followers -> followers (stock), Net followers -> followers_net.
- Content (post): Video link -> permalink, post_id (the video id) and account (the @handle),
  Video title -> text, Post time -> published_at, Total likes/comments/shares/views.
  engagements = likes + comments + shares. Without the export day ("Time") the day of reference
  stands in for it (an info says so); without a publish time published_at is missing.
- Viewers (daily): Total Viewers -> reach.
- FollowerHistory (daily): Followers -> followers (stock), Difference in followers from previous
  day -> followers_net.
- FollowerActivity, FollowerGender, FollowerTopTerritories: audience (active followers per hour;
  gender and country shares of followers). A file with the header only imports as "no rows".
"""

from __future__ import annotations

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, TableAdapter, sum_parts, url_match
from ingest.parsing import to_datetime
from model.canonical import Grain, Platform
from model.issues import info

DATE = ("Date", "Datum", "Day", "Fecha", "Data", "Tag")
# Other vintages and UI languages name the same figures differently; each name is one more alias.
VIEWS = ("Video Views", "Videoaufrufe", "Views", "Video views", "Total video views", "Post views", "Visualizaciones de vídeos", "Vues de vidéos")
PROFILE_VISITS = ("Profile Views", "Profilaufrufe", "Profile visits", "Profile views", "Visualizaciones del perfil", "Vues du profil")
REACH = ("Reached audience", "Reach", "Accounts reached", "Total Viewers", "Zuschauer insgesamt", "Erreichtes Publikum", "Público alcanzado")
FOLLOWERS = ("Followers", "Follower", "Total followers", "Follower insgesamt", "Seguidores", "Abonnés", "Seguidores totales")
NET_FOLLOWERS = ("Difference in followers from previous day", "Veränderung der Follower zum Vortag", "Net followers", "Net new followers", "Follower netto")
DAYS = "days as labelled by TikTok Studio"
SHARE = ("Distribution", "Verteilung", "Percentage", "Share", "Distribución", "Répartition")


def _engagements(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(engagements=sum_parts(raw, ["reactions", "comments", "shares"]))


def _content(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> tuple[pd.DataFrame, list]:
    """Ids and accounts from the video links, publish days with their years from the export day.

    Older and newer vintages lack the export-day column ("Time") or the publish day: then the day of
    reference of the import stands in for the export day (an info says so), and a missing publish
    day is missing, never a crash.
    """
    issues: list = []
    reference = context.reference_date
    exported = raw["_export_day"].dropna() if "_export_day" in raw.columns else pd.Series(dtype="string")
    if not exported.empty:
        days, found = to_datetime(exported.head(1), column="Time", file=context.file, sheet=None, row_base=0, reference=reference)
        if days.notna().all():
            reference = days.iloc[0].date()
    elif "_post_time" in raw.columns:
        issues.append(info("ingest.tiktok_no_export_day", params={"reference": f"{reference:%Y-%m-%d}"}, file=context.file, column="Post time"))
    if "_post_time" in raw.columns:
        published, found = to_datetime(raw["_post_time"], column="Post time", file=context.file, sheet=None, row_base=1, reference=reference)
        issues += found
    else:
        published = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
    frame = raw.assign(
        post_id=url_match(raw["permalink"], r"/video/(\d+)"),
        account=url_match(raw["permalink"], r"tiktok\.com/@([^/?#]+)"),
        published_at=published,
    )
    return _engagements(frame, body, context), issues


OVERVIEW = TableAdapter(
    report="tiktok_overview",
    platform=Platform.TIKTOK,
    grain=Grain.DAILY,
    signature=("date", "views", "profile_visits"),
    forbidden=("Impressions", "Engagements", "New follows"),  # X's overview shares Date, Video views, Profile visits
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("views", VIEWS),
        Column("profile_visits", PROFILE_VISITS),
        Column("reactions", ("Likes", "Gefällt mir", "Me gusta", "J'aime", "Mi piace", "Curtidas")),
        Column("comments", ("Comments", "Kommentare", "Comentarios", "Commentaires", "Commenti", "Comentários")),
        Column("shares", ("Shares", "Geteilte Inhalte", "Compartidos", "Partages", "Condivisioni", "Compartilhamentos")),
        Column("reach", REACH),
        Column("followers", FOLLOWERS),
        Column("followers_net", NET_FOLLOWERS),
    ),
    description="TikTok Studio Overview (daily; newer vintages add reach and followers)",
    timezone=DAYS,
    derive=_engagements,
)

CONTENT = TableAdapter(
    report="tiktok_content",
    platform=Platform.TIKTOK,
    grain=Grain.POST,
    signature=("permalink", "views"),
    columns=(
        Column("_export_day", ("Time", "Zeit", "Export time", "Date exported"), Kind.TEXT),
        Column("text", ("Video title", "Videotitel"), Kind.TEXT),
        Column("permalink", ("Video link", "Videolink"), Kind.TEXT, required=True),
        Column("_post_time", ("Post time", "Veröffentlichungszeit", "Posted on", "Publish time", "Date posted"), Kind.TEXT),
        Column("reactions", ("Total likes", "Likes insgesamt", "Likes")),
        Column("comments", ("Total comments", "Kommentare insgesamt", "Comments")),
        Column("shares", ("Total shares", "Geteilte Inhalte insgesamt", "Shares")),
        Column("views", ("Total views", "Aufrufe insgesamt", "Video views", "Views", "Total play", "Video Views")),
        Column("reach", ("Reached audience", "Reach", "Total reached audience")),
    ),
    description="TikTok Studio Content (per video, lifetime figures)",
    timezone=DAYS,
    derive=_content,
)

VIEWERS = TableAdapter(
    report="tiktok_viewers",
    platform=Platform.TIKTOK,
    grain=Grain.DAILY,
    signature=("date", "reach", "_new"),
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("reach", ("Total Viewers", "Zuschauer insgesamt", "Viewers", "Unique viewers")),
        Column("_new", ("New Viewers", "Neue Zuschauer")),
    ),
    description="TikTok Studio Viewers (daily)",
    timezone=DAYS,
)

FOLLOWER_HISTORY = TableAdapter(
    report="tiktok_follower_history",
    platform=Platform.TIKTOK,
    grain=Grain.DAILY,
    signature=("date", "followers_net"),
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("followers", FOLLOWERS),
        Column("followers_net", NET_FOLLOWERS),
    ),
    description="TikTok Studio FollowerHistory (daily)",
    timezone=DAYS,
)


def _activity(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(dimension="active_hour", bucket=raw["_hour"].astype("Int64").astype("string"), metric="active_followers", unit="count")


def _shares(dimension: str) -> object:
    def derive(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
        return raw.assign(dimension=dimension, metric="followers", unit="share", date=pd.NaT)

    return derive


FOLLOWER_ACTIVITY = TableAdapter(
    report="tiktok_follower_activity",
    platform=Platform.TIKTOK,
    grain=Grain.AUDIENCE,
    signature=("date", "_hour", "value"),
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("_hour", ("Hour", "Stunde")),
        Column("value", ("Active followers", "Aktive Follower")),
    ),
    description="TikTok Studio FollowerActivity (active followers per hour)",
    timezone=DAYS,
    derive=_activity,
)

FOLLOWER_GENDER = TableAdapter(
    report="tiktok_follower_gender",
    platform=Platform.TIKTOK,
    grain=Grain.AUDIENCE,
    signature=("bucket", "value"),
    columns=(Column("bucket", ("Gender", "Geschlecht", "Género", "Genre"), Kind.TEXT, required=True), Column("value", SHARE)),
    description="TikTok Studio FollowerGender (shares)",
    derive=_shares("gender"),
    max_unknown=1,  # the two columns, beside at most one a re-save added: more is another table
)

FOLLOWER_TERRITORIES = TableAdapter(
    report="tiktok_follower_territories",
    platform=Platform.TIKTOK,
    grain=Grain.AUDIENCE,
    signature=("bucket", "value"),
    columns=(
        Column("bucket", ("Top territories", "Top-Regionen", "Territories", "Top countries", "Country", "Countries", "Territory"), Kind.TEXT, required=True),
        Column("value", SHARE),
    ),
    description="TikTok Studio FollowerTopTerritories (shares)",
    derive=_shares("country"),
    max_unknown=1,  # the two columns, beside at most one a re-save added: more is another table
)

ADAPTERS: tuple[Adapter, ...] = (OVERVIEW, CONTENT, VIEWERS, FOLLOWER_HISTORY, FOLLOWER_ACTIVITY, FOLLOWER_GENDER, FOLLOWER_TERRITORIES)
