"""LinkedIn Page analytics exports (.xls, or .xlsx when re-saved in Excel), and the personal/creator export.

Time zone: LinkedIn states "All dates and times are in UTC"; dates are stored as written.
Page exports' core columns are matched in en, de, es, fr, it, pt and nl (the English ones are
tested on real files; the others as LinkedIn's UI writes them, "Impressions (total)" =
"Impressões (total)" = "Impressioni (totale)" ...).

Mapping:
- Content export, sheet "Metrics" (daily): Impressions (total) -> impressions; Unique impressions
  (organic) -> reach (LinkedIn exports no total unique figure); Clicks/Reactions/Comments/Reposts
  (total) -> clicks/reactions/comments/shares; engagements = clicks + reactions + comments + shares
  (LinkedIn's engagement-rate numerator; the daily sheet has no follows).
- Content export, sheet "All posts" (post): Post title -> text; Post link -> permalink and post_id
  (the activity URN); Content Type -> post_type (Post type is Organic/Sponsored, no format: not stored); Created
  date -> published_at;
  Impressions, Views -> views, Clicks, Likes -> reactions, Comments, Reposts -> shares,
  Follows -> followers_gained; engagements = clicks + reactions + comments + shares + follows.
- Followers export, sheet "New followers" (daily): Total followers (the day's new followers of all
  kinds) -> followers_gained. Demographic sheets -> audience (metric followers).
- Visitors export, sheet "Visitor metrics" (daily): Total page views (total) -> page_views; Total
  unique visitors (total) -> unique_visitors. Demographic sheets -> audience (metric page_views).
- Competitor export: recognised and not stored (it describes other companies' pages).

Personal/creator analytics export (a member's own posts; .xlsx, sheets DISCOVERY, ENGAGEMENT,
TOP POSTS, FOLLOWERS, DEMOGRAPHICS), report names "linkedin_creator_*". Its days are the calendar
days LinkedIn writes (M/D/YYYY; LinkedIn's analytics days are UTC days), stored as written:
- ENGAGEMENT (daily): Date, Impressions -> impressions, Engagements -> engagements.
- TOP POSTS (post): up to 50 posts in two side-by-side lists, one ranked by Engagements, one by
  Impressions (Post URL, Post publish date, figure). Post URL -> permalink and post_id (the
  activity URN), publish date -> published_at (a day); a post in both lists gets both figures, a post
  in one list has the other figure missing (never 0). The figures cover the export's period.
- FOLLOWERS (daily): Date, New followers -> followers_gained; "Total followers on M/D/YYYY:" above
  the table -> followers (the stock) on that day.
- DEMOGRAPHICS (audience): Top Demographics (Job titles, Locations, Industries, Seniority, Company
  size, Companies) -> dimension, Value -> bucket, Percentage -> value as a share of the members
  reached (metric reach); "< 1%" is a share LinkedIn does not give: missing, with a note.
- DISCOVERY: the period's Impressions and Members reached are totals over the whole period, not
  days: not stored (the daily impressions come from ENGAGEMENT); a note names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter, caption_lines_dropped, sum_parts, url_match
from ingest.parsing import find_header_row, normalise_header, normalised_keys, resolve_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import Grain, Platform, conform
from model.issues import Issue, info

UTC = "UTC (LinkedIn: 'All dates and times are in UTC')"


def _content_daily(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    return raw.assign(engagements=sum_parts(raw, ["clicks", "reactions", "comments", "shares"]))


def _posts(raw: pd.DataFrame, body: pd.DataFrame, context: Context) -> pd.DataFrame:
    urn = url_match(raw["permalink"], r"(urn:li:[a-zA-Z]+:\d+)")
    # "Post type" is the distribution (Organic, Sponsored), not a format: the format is "Content Type" alone.
    post_type = raw["content_type"] if "content_type" in raw else pd.Series(pd.NA, index=raw.index, dtype="string")
    return raw.drop(columns=["distribution"], errors="ignore").assign(
        post_id=urn.fillna(raw["permalink"]),
        post_type=post_type,
        engagements=sum_parts(raw, ["clicks", "reactions", "comments", "shares", "followers_gained"]),
    )


# Headers in en, de, es, fr, it, pt, nl. "(total)" is "(gesamt)", "(totale)", "(totaal)" in some languages.
DATE = ("Date", "Datum", "Fecha", "Data")
TOTAL = ("total", "gesamt", "totale", "totaal")


def _totals(*words: str) -> tuple[str, ...]:
    """ "Impressions (total)" in every spelling of "(total)"."""
    return tuple(f"{word} ({total})" for word in words for total in TOTAL)


IMPRESSIONS = ("Impressions", "Impressionen", "Impresiones", "Impressioni", "Impressões", "Impressies")
CLICKS = ("Clicks", "Klicks", "Clics", "Clic", "Cliques", "Klikken")
REACTIONS = ("Reactions", "Reaktionen", "Reacciones", "Réactions", "Reazioni", "Reações", "Reacties")
COMMENTS = ("Comments", "Kommentare", "Comentarios", "Commentaires", "Commenti", "Comentários", "Opmerkingen", "Reacties op bericht")
REPOSTS = (
    "Reposts",
    "Shares",
    "Direktes Teilen",
    "Veces compartido",
    "Contenido compartido",
    "Partages",
    "Republications",
    "Condivisioni",
    "Diffusioni",
    "Compartilhamentos",
    "Gedeeld",
)
UNIQUE_ORGANIC = (
    "Unique impressions (organic)",
    "Eindeutige Impressionen (organisch)",
    "Impresiones únicas (orgánicas)",
    "Impressions uniques (organiques)",
    "Impressioni uniche (organiche)",
    "Impressões únicas (orgânicas)",
    "Unieke impressies (organisch)",
)

CONTENT_METRICS = TableAdapter(
    report="linkedin_content_metrics",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "impressions"),
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("impressions", _totals(*IMPRESSIONS, "Weergaven")),
        Column("reach", UNIQUE_ORGANIC),
        Column("clicks", _totals(*CLICKS)),
        Column("reactions", _totals(*REACTIONS)),
        Column("comments", _totals(*COMMENTS)),
        Column("shares", _totals(*REPOSTS)),
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
        Column(
            "text",
            ("Post title", "Beitragstitel", "Título de la publicación", "Titre du post", "Titolo del post", "Título da publicação", "Titel van bericht"),
            Kind.TEXT,
        ),
        Column(
            "permalink",
            ("Post link", "Beitragslink", "Enlace de la publicación", "Lien du post", "Link del post", "Link da publicação", "Link van bericht"),
            Kind.TEXT,
            required=True,
        ),
        Column(
            "distribution",  # Organic / Sponsored: read (the column is known), not stored
            ("Post type", "Beitragstyp", "Tipo de publicación", "Type de post", "Tipo di post", "Tipo de publicação", "Type bericht"),
            Kind.TEXT,
        ),
        Column(
            "content_type",
            ("Content Type", "Inhaltstyp", "Tipo de contenido", "Type de contenu", "Tipo di contenuto", "Tipo de conteúdo", "Type content"),
            Kind.TEXT,
        ),
        Column(
            "published_at",
            ("Created date", "Erstellungsdatum", "Fecha de creación", "Date de création", "Data di creazione", "Data de criação", "Aanmaakdatum"),
            Kind.DATETIME,
            required=True,
        ),
        Column("impressions", IMPRESSIONS),
        Column("views", ("Views", "Aufrufe", "Visualizaciones", "Vues", "Visualizzazioni", "Visualizações", "Weergaven")),
        Column("clicks", CLICKS),
        Column("reactions", ("Likes",) + REACTIONS),
        Column("comments", COMMENTS),
        Column("shares", REPOSTS),
        Column("followers_gained", ("Follows", "Follower", "Seguimientos", "Abonnements", "Nuovi follower", "Seguidores conquistados", "Volgers")),
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
        Column("date", DATE, Kind.DATE, required=True),
        Column(
            "_organic",
            (
                "Organic followers",
                "Organische Follower",
                "Seguidores orgánicos",
                "Abonnés naturels",
                "Follower organici",
                "Seguidores orgânicos",
                "Organische volgers",
            ),
        ),
        Column(
            "followers_gained",
            (
                "Total followers",
                "Follower insgesamt",
                "Total de seguidores",
                "Seguidores totales",
                "Total des abonnés",
                "Abonnés au total",
                "Follower totali",
                "Totale follower",
                "Seguidores no total",
                "Totaal aantal volgers",
            ),
        ),
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
        Column("date", DATE, Kind.DATE, required=True),
        Column(
            "page_views",
            _totals(
                "Total page views",
                "Seitenaufrufe insgesamt",
                "Total de visualizaciones de la página",
                "Total des vues de la page",
                "Visualizzazioni di pagina totali",
                "Total de visualizações da página",
                "Totaal aantal paginaweergaven",
            ),
        ),
        Column(
            "unique_visitors",
            _totals(
                "Total unique visitors",
                "Eindeutige Besucher insgesamt",
                "Total de visitantes únicos",
                "Total des visiteurs uniques",
                "Visitatori unici totali",
                "Total de visitantes únicos",
                "Totaal aantal unieke bezoekers",
            ),
        ),
    ),
    description="LinkedIn visitors export, sheet Visitor metrics",
    timezone=UTC,
)

# Demographic sheets: <dimension> | Total followers (followers export) or Total views (visitors export).
DIMENSION_HEADERS: dict[str, tuple[str, ...]] = {
    "location": ("Location", "Standort", "Ubicación", "Lieu", "Località", "Localidade", "Locatie"),
    "job_function": ("Job function", "Funktion", "Función laboral", "Fonction", "Funzione lavorativa", "Função", "Functie"),
    "seniority": (
        "Seniority",
        "Karrierestufe",
        "Nivel de responsabilidad",
        "Niveau hiérarchique",
        "Livello di anzianità",
        "Nível de experiência",
        "Senioriteit",
    ),
    "industry": ("Industry", "Branche", "Sector", "Secteur", "Settore", "Setor", "Branche"),
    "company_size": (
        "Company size",
        "Unternehmensgröße",
        "Tamaño de la empresa",
        "Taille de l'entreprise",
        "Dimensioni azienda",
        "Tamanho da empresa",
        "Bedrijfsgrootte",
    ),
}
DEMOGRAPHIC_VALUE_HEADERS: dict[str, tuple[str, ...]] = {
    "followers": ("Total followers", "Follower insgesamt", "Total de seguidores", "Total des abonnés", "Follower totali", "Totaal aantal volgers"),
    "page_views": (
        "Total views",
        "Aufrufe insgesamt",
        "Total de visualizaciones",
        "Total des vues",
        "Visualizzazioni totali",
        "Total de visualizações",
        "Totaal aantal weergaven",
    ),
}
DIMENSIONS = normalised_keys({name: dimension for dimension, names in DIMENSION_HEADERS.items() for name in names})
DEMOGRAPHIC_VALUES = normalised_keys({name: metric for metric, names in DEMOGRAPHIC_VALUE_HEADERS.items() for name in names})


@dataclass(frozen=True)
class _DemographicHeader:
    """Where a demographic sheet has its dimension (the buckets) and its value column, and what they name."""

    dimension: str
    value: str
    dimension_at: int
    value_at: int
    unread: tuple[str, ...]  # header cells of columns a re-save added


def _demographic_header(table: RawTable) -> _DemographicHeader | None:
    """The header row of a demographic sheet, e.g. "Location", "Total followers": found by name, in any order,
    beside at most one added column."""
    row = table.head[0] if table.head else []
    dimensions = [(i, k) for i, c in enumerate(row) if c and (k := resolve_header(c, frozenset(DIMENSIONS)))]
    values = [(i, k) for i, c in enumerate(row) if c and (k := resolve_header(c, frozenset(DEMOGRAPHIC_VALUES)))]
    filled = [c for c in row if c]
    if len(dimensions) != 1 or len(values) != 1 or len(filled) > 3:
        return None
    (dimension_at, dimension), (value_at, value) = dimensions[0], values[0]
    unread = tuple(c for i, c in enumerate(row) if c and i not in (dimension_at, value_at))
    return _DemographicHeader(dimension, value, dimension_at, value_at, unread)


class Demographics(Adapter):
    """LinkedIn demographic sheets: two columns, <dimension> and Total followers / Total views."""

    report = "linkedin_demographics"
    platform = Platform.LINKEDIN
    grain = Grain.AUDIENCE
    description = "LinkedIn followers/visitors export, demographic sheets"
    timezone = UTC

    def detect(self, table: RawTable) -> Match | None:
        return Match(self, 0, 2) if _demographic_header(table) else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        header = _demographic_header(table)
        assert header is not None
        body = table.cells.iloc[1:]
        body = body[body.iloc[:, header.dimension_at].astype("string").str.strip().fillna("") != ""]
        body, issues = caption_lines_dropped(body, {header.dimension_at}, header.value_at, table)
        if header.unread:
            params = {"count": len(header.unread), "columns": ", ".join(header.unread)}
            issues.append(info("ingest.columns_not_read", params=params, file=table.file, sheet=table.sheet))
        column = str(table.cells.iat[0, header.value_at])
        values, found = to_number(body.iloc[:, header.value_at], column=column, file=table.file, sheet=table.sheet, row_base=1)
        frame = pd.DataFrame(
            {
                "platform": str(self.platform),
                "dimension": DIMENSIONS[header.dimension],
                "bucket": body.iloc[:, header.dimension_at].astype("string").str.strip(),
                "metric": DEMOGRAPHIC_VALUES[header.value],
                "unit": "count",
                "value": values,
                "date": pd.NaT,
                "source_row": body.index.to_numpy() + 1,
            }
        )
        return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues + found)


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
            note="ingest.linkedin_competitors_not_stored",
        )


# ---------------------------------------------------------------- personal/creator export

CREATOR_ENGAGEMENT = TableAdapter(
    report="linkedin_creator_engagement",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "impressions", "engagements"),
    columns=(
        Column("date", DATE, Kind.DATE, required=True),
        Column("impressions", IMPRESSIONS),
        Column("engagements", ("Engagements", "Interaktionen", "Interacciones", "Interactions", "Interazioni", "Interações", "Interacties")),
    ),
    description="LinkedIn creator analytics, sheet ENGAGEMENT (daily)",
    timezone=UTC,
    # X's overview has these columns among many: only a sheet with these and at most one added column is this one.
    max_unknown=1,
)

NEW_FOLLOWER_HEADERS = ("New followers", "Neue Follower", "Nuevos seguidores", "Nouveaux abonnés", "Nuovi follower", "Novos seguidores", "Nieuwe volgers")


class CreatorFollowers(TableAdapter):
    """Sheet FOLLOWERS: the day's new followers, and the total on the export's last day written above them."""

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        parsed = super().parse(table, match, context)
        stock = _total_followers(table, match.header_row)
        daily = parsed.frames[Grain.DAILY]
        if stock is None or daily.empty:
            return parsed
        day, total = stock
        on_day = daily["date"].eq(day)
        if on_day.any():
            daily = daily.assign(followers=daily["followers"].mask(on_day, total))
        else:
            row = conform(pd.DataFrame({"platform": [str(self.platform)], "date": [day], "followers": [total], "source_row": [1]}), Grain.DAILY)
            daily = pd.concat([daily, row], ignore_index=True)
        parsed.frames[Grain.DAILY] = daily
        return parsed


# "Total followers on 3/23/2026:" | 3050
_STOCK_DATE = re.compile(r"(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})")
_STOCK_WORDS = ("follower", "seguidore", "abonné", "volger")


def _total_followers(table: RawTable, header_row: int) -> tuple[pd.Timestamp, float] | None:
    for row in table.head[:header_row]:
        cells = [c for c in row if c]
        if len(cells) != 2 or not any(w in normalise_header(cells[0]) for w in _STOCK_WORDS):
            continue
        found = _STOCK_DATE.search(cells[0])
        if not found:
            continue
        where = {"column": cells[0], "file": table.file, "sheet": table.sheet, "row_base": 1}
        day, _ = to_datetime(pd.Series([found.group(1)]), **where)
        total, _ = to_number(pd.Series([cells[1]]), **where)
        if pd.notna(day.iloc[0]) and pd.notna(total.iloc[0]):
            return day.iloc[0].normalize(), float(total.iloc[0])
    return None


CREATOR_FOLLOWERS = CreatorFollowers(
    report="linkedin_creator_followers",
    platform=Platform.LINKEDIN,
    grain=Grain.DAILY,
    signature=("date", "followers_gained"),
    columns=(Column("date", DATE, Kind.DATE, required=True), Column("followers_gained", NEW_FOLLOWER_HEADERS)),
    description="LinkedIn creator analytics, sheet FOLLOWERS (daily new followers, total on the last day)",
    timezone=UTC,
    max_unknown=0,
)

POST_URL = ("Post URL", "Beitrags-URL", "URL de la publicación", "URL du post", "URL del post", "URL da publicação", "URL van bericht")
PUBLISH_DATE = (
    "Post publish date",
    "Veröffentlichungsdatum des Beitrags",
    "Fecha de publicación",
    "Date de publication du post",
    "Data di pubblicazione del post",
    "Data de publicação",
    "Publicatiedatum bericht",
)
TOP_POST_FIGURES = normalised_keys({name: "impressions" for name in IMPRESSIONS} | {name: "engagements" for name in CREATOR_ENGAGEMENT.columns[2].aliases})
_URL_KEYS = frozenset(normalise_header(h) for h in POST_URL)
_PUBLISHED_KEYS = frozenset(normalise_header(h) for h in PUBLISH_DATE)
_FIGURE_KEYS = frozenset(TOP_POST_FIGURES)


def _top_post_blocks(row: list[str]) -> list[tuple[int, int, int, str]]:
    """(url, publish date, figure positions, metric) of each list in a TOP POSTS header row."""
    keys = [resolve_header(c, _URL_KEYS | _PUBLISHED_KEYS | _FIGURE_KEYS) if c else None for c in row]
    return [
        (i, i + 1, i + 2, TOP_POST_FIGURES[keys[i + 2]])  # type: ignore[index]
        for i in range(len(keys) - 2)
        if keys[i] in _URL_KEYS and keys[i + 1] in _PUBLISHED_KEYS and keys[i + 2] in _FIGURE_KEYS
    ]


class CreatorTopPosts(Adapter):
    """Sheet TOP POSTS: lists of Post URL, Post publish date and one figure, side by side."""

    report = "linkedin_creator_top_posts"
    platform = Platform.LINKEDIN
    grain = Grain.POST
    description = "LinkedIn creator analytics, sheet TOP POSTS (top posts by engagements and by impressions)"
    timezone = UTC

    def detect(self, table: RawTable) -> Match | None:
        for position, row in enumerate(table.head[:10]):
            if blocks := _top_post_blocks(row):
                return Match(self, position, 3 * len(blocks))
        return None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        blocks = _top_post_blocks(table.head[match.header_row])
        body = table.cells.iloc[match.header_row + 1 :]
        issues: list[Issue] = []
        lists = []
        for url_at, date_at, figure_at, metric in blocks:
            where = {"file": table.file, "sheet": table.sheet, "row_base": 1}
            cells = body.iloc[:, [url_at, date_at, figure_at]]
            cells = cells[cells.iloc[:, 0].astype("string").str.strip().fillna("").ne("")]
            cells, dropped = caption_lines_dropped(cells, {0}, 2, table)
            issues += dropped
            published, found = to_datetime(cells.iloc[:, 1], column=str(table.cells.iat[match.header_row, date_at]), **where)
            values, more = to_number(cells.iloc[:, 2], column=str(table.cells.iat[match.header_row, figure_at]), **where)
            issues += found + more
            permalink = cells.iloc[:, 0].astype("string").str.strip()
            lists.append(
                pd.DataFrame(
                    {
                        "post_id": url_match(permalink, r"(urn:li:[a-zA-Z]+:\d+)").fillna(permalink),
                        "permalink": permalink,
                        "published_at": published.dt.normalize(),
                        metric: values,
                        "source_row": cells.index.to_numpy() + 1,
                    }
                )
            )
        if not lists:
            return Parsed(self.report, self.platform, {}, issues)
        # A post in both lists is one post with both figures; a post in one list lacks the other figure.
        posts = pd.concat(lists, ignore_index=True)
        metrics = [m for m in ("impressions", "engagements") if m in posts.columns]
        merged = posts.groupby("post_id", sort=False).agg({"permalink": "first", "published_at": "first", "source_row": "min"} | dict.fromkeys(metrics, "max"))
        frame = merged.reset_index().assign(platform=str(self.platform))
        frame = frame.assign(published_at=frame["published_at"].dt.tz_localize("UTC"))
        return Parsed(self.report, self.platform, {Grain.POST: conform(frame, Grain.POST)}, issues)


CREATOR_DIMENSIONS = normalised_keys(
    {
        "Job titles": "job_title",
        "Locations": "location",
        "Industries": "industry",
        "Seniority": "seniority",
        "Company size": "company_size",
        "Companies": "company",
        "Berufsbezeichnungen": "job_title",
        "Standorte": "location",
        "Branchen": "industry",
        "Karrierestufe": "seniority",
        "Unternehmensgröße": "company_size",
        "Unternehmen": "company",
    }
)
DEMOGRAPHIC_HEADERS = (
    ("Top Demographics", "Top-Demografie", "Principales datos demográficos", "Données démographiques principales", "Dati demografici principali"),
    ("Value", "Wert", "Valor", "Valeur", "Valore", "Waarde"),
    ("Percentage", "Prozentsatz", "Porcentaje", "Pourcentage", "Percentuale", "Porcentagem", "Percentage"),
)


def _creator_demographic_columns(table: RawTable) -> tuple[int, int, int] | None:
    """Positions of Top Demographics, Value and Percentage in the DEMOGRAPHICS header, found by name in any
    order (a re-save may reorder them), beside at most one added column."""
    row = table.head[0] if table.head else []
    keys = [frozenset(normalise_header(h) for h in names) for names in DEMOGRAPHIC_HEADERS]
    found = [[i for i, c in enumerate(row) if c and resolve_header(c, k)] for k in keys]
    if any(len(f) != 1 for f in found) or len([c for c in row if c]) > 4:
        return None
    return found[0][0], found[1][0], found[2][0]


class CreatorDemographics(Adapter):
    """Sheet DEMOGRAPHICS: Top Demographics (the dimension), Value (the bucket), Percentage (a share)."""

    report = "linkedin_creator_demographics"
    platform = Platform.LINKEDIN
    grain = Grain.AUDIENCE
    description = "LinkedIn creator analytics, sheet DEMOGRAPHICS (shares of members reached)"
    timezone = UTC

    def detect(self, table: RawTable) -> Match | None:
        return Match(self, 0, 3) if _creator_demographic_columns(table) else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        positions = _creator_demographic_columns(table)
        assert positions is not None  # detect found them
        body = table.cells.iloc[1:, list(positions)]
        body = body[body.iloc[:, 1].astype("string").str.strip().fillna("").ne("")]
        issues: list[Issue] = []
        unread = [c for i, c in enumerate(table.head[0]) if c and i not in positions]
        if unread:
            issues.append(info("ingest.columns_not_read", params={"count": len(unread), "columns": ", ".join(unread)}, file=table.file, sheet=table.sheet))
        dimension = body.iloc[:, 0].astype("string").map(normalise_header, na_action="ignore")
        known = dimension.map(lambda d: resolve_header(d, frozenset(CREATOR_DIMENSIONS)), na_action="ignore")
        dimension = known.map(CREATOR_DIMENSIONS, na_action="ignore").fillna(dimension.str.replace(" ", "_"))
        share = body.iloc[:, 2]
        below = share.astype("string").str.replace(" ", "").str.startswith("<").fillna(False)
        share_header = str(table.cells.iat[0, positions[2]])
        values, found = to_number(share.mask(below), column=share_header, file=table.file, sheet=table.sheet, row_base=1)
        issues += found
        if below.any():
            issues.append(
                info(
                    "ingest.share_below_threshold",
                    params={"count": int(below.sum()), "value": str(share[below].iloc[0])},
                    file=table.file,
                    sheet=table.sheet,
                    row=int(below[below].index[0]) + 1,
                    column=share_header,
                    value=str(share[below].iloc[0]),
                )
            )
        frame = pd.DataFrame(
            {
                "platform": str(self.platform),
                "dimension": dimension,
                "bucket": body.iloc[:, 1].astype("string").str.strip(),
                "metric": "reach",
                "unit": "share",
                "value": values,
                "date": pd.NaT,
                "source_row": body.index.to_numpy() + 1,
            }
        )
        return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues)


DISCOVERY_TITLES = frozenset(
    normalise_header(t)
    for t in ("Overall Performance", "Gesamtleistung", "Rendimiento general", "Performances globales", "Prestazioni complessive", "Desempenho geral")
)


class CreatorDiscovery(Adapter):
    """Sheet DISCOVERY: the period's totals (impressions, members reached); recognised, named, not stored as days."""

    report = "linkedin_creator_discovery"
    platform = Platform.LINKEDIN
    grain = Grain.DAILY
    description = "LinkedIn creator analytics, sheet DISCOVERY (totals of the period)"
    timezone = UTC

    def detect(self, table: RawTable) -> Match | None:
        first = [c for c in table.head[0] if c] if table.head else []
        return Match(self, 0, 2) if len(first) == 2 and normalise_header(first[0]) in DISCOVERY_TITLES else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        period = table.head[0][1] if len(table.head[0]) > 1 else ""
        figures = "; ".join(f"{r[0]} {r[1]}" for r in table.head[1:] if len(r) > 1 and r[0] and r[1])
        note = info("ingest.linkedin_creator_period_totals", params={"period": period, "figures": figures}, file=table.file, sheet=table.sheet)
        return Parsed(self.report, self.platform, {}, [note], store=False, note=note.message)


ADAPTERS: tuple[Adapter, ...] = (
    CONTENT_METRICS,
    CONTENT_POSTS,
    NEW_FOLLOWERS,
    VISITORS,
    Demographics(),
    Competitors(),
    CREATOR_ENGAGEMENT,
    CREATOR_FOLLOWERS,
    CreatorTopPosts(),
    CreatorDemographics(),
    CreatorDiscovery(),
)
