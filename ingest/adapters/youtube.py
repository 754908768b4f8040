"""YouTube Studio exports (Advanced mode: Table data, Chart data, Totals) in every language of its UI.

A download is a ZIP "<Report> <start>_<end> <Channel>.zip" holding three CSV files, named in the
language of Studio: Table data / Tabellendaten / Datos de la tabla / Données du tableau / Dati della
tabella / Dados da tabela / Tabelgegevens; Chart data / Diagrammdaten / Datos del gráfico / Données
du graphique / Dati del grafico / Dados do gráfico / Diagramgegevens; Totals / Gesamtwerte / Totales /
Totaux / Totali / Total / Totalen. Adapters recognise them by their headers, never by these names.

Headers are matched as ``ingest.parsing.resolve_header`` does: without soft hyphens (German exports
write "Auf\u00adru\u00adfe"), case, punctuation or plural ("Videos" = "Video"), with the aliases below
in en, de, es, fr, it, pt and nl (the real German and Portuguese exports are tested; the other
languages' headers are written as Studio writes them). The "Total"/"Gesamt"/"Totale"/"Totaal" row is
skipped. Time zone: YouTube's days are Pacific time as labelled; stored as calendar days. Publish
dates ("Aug 19, 2011", English even in German and Portuguese exports) are dates.

Mapping:
- Table data by video (post): Content/Video -> post_id, Video title -> text, Video publish time ->
  published_at, Views, Watch time (hours), Impressions (thumbnail impressions) -> impressions,
  Likes -> reactions, Comments added -> comments, Shares. Subscribers: "Subscribers gained" ->
  followers_gained and "Subscribers lost" -> followers_lost; the net "Subscribers" column is their
  difference and goes to followers_net only where the export has no gross columns (see
  ``ingest.adapters.base.gross_and_net``). Duration, click-through rate, average view duration and
  the newer metrics (engaged views, returning viewers, ...) are not stored; the import names them.
- Table data by another dimension (subscription status, viewer age or gender, city, country,
  traffic source, device): audience rows of views (counts, or shares where the column is "(%)").
- Chart data (per day and video, or per day and subscription status): audience breakdown rows
  (dimension "video" or the group, metric views). Chart data lists only the videos chosen in
  Studio, so it never feeds the channel's daily views; Totals does.
- Totals (daily): Views, and Watch time, Impressions, Likes, Comments, Shares and subscribers
  (gross and net as above) where exported.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter, caption_lines_dropped
from ingest.parsing import normalise_header, normalised_keys, resolve_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import Grain, Platform, conform
from model.issues import info

# Headers as YouTube Studio writes them, per language: en, de, es, fr, it, pt, nl.
VIDEO_ID = ("Content", "Video", "Inhalt", "Contenido", "Contenu", "Contenuti", "Contenuto", "Conteúdo", "Inhoud")
VIDEO_TITLE = ("Video title", "Videotitel", "Título del vídeo", "Título del video", "Titre de la vidéo", "Titolo del video", "Título do vídeo")
PUBLISH_TIME = (
    "Video publish time",
    "Veröffentlichungszeitpunkt des Videos",
    "Hora de publicación del vídeo",
    "Hora de publicación del video",
    "Heure de publication de la vidéo",
    "Ora di pubblicazione del video",
    "Ora pubblicazione video",
    "Horário de publicação do vídeo",
    "Publicatietijd van video",
    "Publicatietijd video",
)
DURATION = ("Duration", "Dauer", "Duración", "Durée", "Durata", "Duração", "Duur")
VIEWS = ("Views", "Aufrufe", "Visualizaciones", "Vues", "Visualizzazioni", "Visualizações", "Weergaven")
WATCH = (
    "Watch time (hours)",
    "Wiedergabezeit (Stunden)",
    "Tiempo de visualización (horas)",
    "Durée de visionnage (heures)",
    "Tempo di visualizzazione (ore)",
    "Tempo de exibição (horas)",
    "Weergavetijd (uren)",
)
SUBSCRIBERS = ("Subscribers", "Abonnenten", "Suscriptores", "Abonnés", "Iscritti", "Inscritos", "Abonnees")
SUBSCRIBERS_GAINED = (
    "Subscribers gained",
    "Gewonnene Abonnenten",
    "Suscriptores obtenidos",
    "Suscriptores ganados",
    "Abonnés obtenus",
    "Nouveaux abonnés",
    "Iscritti ottenuti",
    "Inscritos ganhos",
    "Inscrições obtidas",
    "Gewonnen abonnees",
    "Verkregen abonnees",
)
SUBSCRIBERS_LOST = (
    "Subscribers lost",
    "Verlorene Abonnenten",
    "Suscriptores perdidos",
    "Abonnés perdus",
    "Iscritti persi",
    "Inscritos perdidos",
    "Inscrições perdidas",
    "Verloren abonnees",
)
IMPRESSIONS = ("Impressions", "Impressionen", "Impresiones", "Impressioni", "Impressões", "Vertoningen")
IMPRESSIONS_CTR = (
    "Impressions click-through rate (%)",
    "Klickrate der Impressionen (%)",
    "Porcentaje de clics de las impresiones (%)",
    "Taux de clics de impressions (%)",
    "Taux de clics par impression (%)",
    "Percentuale di clic sulle impressioni (%)",
    "Taxa de cliques de impressões (%)",
    "Klikfrequentie van vertoningen (%)",
)
LIKES = ("Likes", "„Mag ich“-Bewertungen", "Mag ich-Bewertungen", "Me gusta", "J'aime", "Mi piace", 'Marcações "Gostei"', "Gostei", "Vind-ik-leuks")
COMMENTS = (
    "Comments added",
    "Hinzugefügte Kommentare",
    "Comentarios añadidos",
    "Commentaires ajoutés",
    "Commenti aggiunti",
    "Comentários adicionados",
    "Toegevoegde reacties",
)
SHARES = ("Shares", "Geteilte Inhalte", "Veces compartido", "Compartidos", "Partages", "Condivisioni", "Compartilhamentos", "Keren gedeeld", "Gedeeld")
DATE = ("Date", "Datum", "Fecha", "Data")
TOTAL_ROW = ("total", "gesamt", "summe", "totale", "totaal")

SUBSCRIBER_COLUMNS = (
    Column("followers_net", SUBSCRIBERS),
    Column("followers_gained", SUBSCRIBERS_GAINED),
    Column("followers_lost", SUBSCRIBERS_LOST),
)
METRIC_COLUMNS = (
    Column("views", VIEWS),
    Column("watch_time_hours", WATCH),
    Column("impressions", IMPRESSIONS),
    Column("reactions", LIKES),
    Column("comments", COMMENTS),
    Column("shares", SHARES),
) + SUBSCRIBER_COLUMNS

TABLE_VIDEOS = TableAdapter(
    report="youtube_table_videos",
    platform=Platform.YOUTUBE,
    grain=Grain.POST,
    signature=("post_id", "text"),
    forbidden=DATE,
    columns=(
        Column("post_id", VIDEO_ID, Kind.TEXT, required=True),
        Column("text", VIDEO_TITLE, Kind.TEXT),
        Column("published_at", PUBLISH_TIME, Kind.DATETIME),
    )
    + METRIC_COLUMNS,
    description="YouTube Studio Table data by video",
    timezone="Pacific-time days as labelled",
    skip_first_cells=TOTAL_ROW,
)

AUDIENCE_DIMENSIONS = normalised_keys(
    {
        "Subscription status": "subscription_status",
        "Abostatus": "subscription_status",
        "Abonnementstatus": "subscription_status",
        "Estado de la suscripción": "subscription_status",
        "Statut d'abonnement": "subscription_status",
        "Stato dell'iscrizione": "subscription_status",
        "Status da inscrição": "subscription_status",
        "Abonneestatus": "subscription_status",
        "Viewer age": "age",
        "Alter der Zuschauer": "age",
        "Edad del espectador": "age",
        "Âge de l'audience": "age",
        "Età spettatori": "age",
        "Idade do espectador": "age",
        "Leeftijd kijker": "age",
        "Viewer gender": "gender",
        "Geschlecht der Zuschauer": "gender",
        "Sexo del espectador": "gender",
        "Sexe de l'audience": "gender",
        "Genere spettatori": "gender",
        "Gênero do espectador": "gender",
        "Geslacht kijker": "gender",
        "Cities": "city",
        "Städte": "city",
        "Ciudades": "city",
        "Villes": "city",
        "Città": "city",
        "Cidades": "city",
        "Steden": "city",
        "Geography": "country",
        "Geografie": "country",
        "Geografía": "country",
        "Zone géographique": "country",
        "Area geografica": "country",
        "Geografia": "country",
        "Traffic source": "traffic_source",
        "Besucherquelle": "traffic_source",
        "Fuente de tráfico": "traffic_source",
        "Source de trafic": "traffic_source",
        "Sorgente di traffico": "traffic_source",
        "Origem do tráfego": "traffic_source",
        "Verkeersbron": "traffic_source",
        "Device type": "device",
        "Gerätetyp": "device",
        "Tipo de dispositivo": "device",
        "Type d'appareil": "device",
        "Tipo di dispositivo": "device",
        "Apparaattype": "device",
    }
)
BUCKET_NAMES = normalised_keys(
    {
        "City name": "city",
        "Name der Stadt": "city",
        "Nombre de la ciudad": "city",
        "Nom de la ville": "city",
        "Nome della città": "city",
        "Nome da cidade": "city",
    }
)
VIEW_SHARES = frozenset(normalise_header(f"{v} (%)") for v in VIEWS)

TOTALS = TableAdapter(
    report="youtube_totals",
    platform=Platform.YOUTUBE,
    grain=Grain.DAILY,
    signature=("date", "views"),
    # A Chart data file names a video or a dimension next to the date: a breakdown, not the channel's totals.
    forbidden=VIDEO_ID + VIDEO_TITLE + tuple(AUDIENCE_DIMENSIONS),
    columns=(Column("date", DATE, Kind.DATE, required=True),) + METRIC_COLUMNS,
    description="YouTube Studio Totals (daily)",
    timezone="Pacific-time days as labelled",
    max_unknown=1,
)

_DATE_KEYS = frozenset(normalise_header(d) for d in DATE)
_VIDEO_KEYS = frozenset(normalise_header(v) for v in VIDEO_ID)
_VIEW_KEYS = frozenset(normalise_header(v) for v in VIEWS) | VIEW_SHARES
_DIMENSION_KEYS = frozenset(AUDIENCE_DIMENSIONS)
_TOTAL_KEYS = list(TOTAL_ROW)


class Dimensional(Adapter):
    """Table data by a dimension other than video: audience rows; Chart data: daily views."""

    platform = Platform.YOUTUBE

    def __init__(self, chart: bool) -> None:
        self.chart = chart
        self.report = "youtube_chart" if chart else "youtube_table_audience"
        self.grain = Grain.AUDIENCE
        self.description = "YouTube Studio Chart data (daily views per video or group)" if chart else "YouTube Studio Table data by audience dimension"

    def _headers(self, row: list[str]) -> list[str]:
        """Each header as the key it names (date, video, a dimension, views), else as normalised."""
        keys = _DATE_KEYS | _VIDEO_KEYS | _VIEW_KEYS | _DIMENSION_KEYS | frozenset(BUCKET_NAMES)
        return [resolve_header(c, keys) or normalise_header(c) for c in row]

    def _layout(self, table: RawTable) -> _Layout | None:
        """Where the date, the dimension (a video or an audience dimension), its bucket names and the views are.

        Columns are found by name, not by position: a re-save may have reordered them.
        """
        if not table.head:
            return None
        headers = self._headers(table.head[0])
        date_at = next((i for i, h in enumerate(headers) if h in _DATE_KEYS), None)
        views_at = next((i for i, h in enumerate(headers) if h in _VIEW_KEYS), None)
        if (date_at is not None) != self.chart or views_at is None:
            return None
        dimensions = [i for i, h in enumerate(headers) if h in AUDIENCE_DIMENSIONS or (self.chart and h in _VIDEO_KEYS)]
        if not dimensions:
            return None
        dimension_at = dimensions[0]
        bucket_at = next((i for i, h in enumerate(headers) if h in BUCKET_NAMES), dimension_at)
        return _Layout(headers, date_at, dimension_at, bucket_at, views_at)

    def detect(self, table: RawTable) -> Match | None:
        return None if self._layout(table) is None else Match(self, 0, 5)

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        layout = self._layout(table)
        assert layout is not None  # detect found it
        headers, views_at = layout.headers, layout.views_at
        key_at = layout.date_at if layout.date_at is not None else layout.dimension_at
        where = {"file": table.file, "sheet": table.sheet, "row_base": 1 + table.row_offset}
        body = table.cells.iloc[1:]
        body = body[~body.iloc[:, layout.dimension_at].astype("string").map(normalise_header, na_action="ignore").isin(_TOTAL_KEYS).fillna(False)]
        body = body[body.iloc[:, key_at].astype("string").str.strip().fillna("") != ""]
        body, notes = caption_lines_dropped(body, {layout.dimension_at, layout.bucket_at}, views_at, table)
        share = headers[views_at] in VIEW_SHARES
        views, issues = to_number(body.iloc[:, views_at], column=str(table.cells.iat[0, views_at]), percent=share, **where)
        issues = list(table.notes) + notes + issues
        if self.chart:
            # Per video (or subscription status) and day: a breakdown, never the channel's daily total.
            date_at = layout.date_at
            assert date_at is not None
            dates, more = to_datetime(body.iloc[:, date_at], column=str(table.cells.iat[0, date_at]), **where)
            dimension_key = headers[layout.dimension_at]
            dimension = "video" if dimension_key in _VIDEO_KEYS else AUDIENCE_DIMENSIONS[dimension_key]
            frame = pd.DataFrame(
                {
                    "platform": str(self.platform),
                    "date": dates.dt.normalize(),
                    "dimension": dimension,
                    "bucket": body.iloc[:, layout.dimension_at].astype("string").str.strip(),
                    "metric": "views",
                    "unit": "count",
                    "value": views,
                    "source_row": body.index.to_numpy() + 1 + table.row_offset,
                }
            )
            note = info("ingest.youtube_chart_breakdown", params={"dimension": dimension.replace("_", " ")}, file=table.file)
            return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues + more + [note])
        frame = pd.DataFrame(
            {
                "platform": str(self.platform),
                "dimension": AUDIENCE_DIMENSIONS[headers[layout.dimension_at]],
                "bucket": body.iloc[:, layout.bucket_at].astype("string").str.strip(),
                "metric": "views",
                "unit": "share" if share else "count",
                "value": views,
                "date": pd.NaT,
                "source_row": body.index.to_numpy() + 1 + table.row_offset,
            }
        )
        return Parsed(self.report, self.platform, {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}, issues)


@dataclass(frozen=True)
class _Layout:
    headers: list[str]
    date_at: int | None
    dimension_at: int
    bucket_at: int
    views_at: int


ADAPTERS: tuple[Adapter, ...] = (TABLE_VIDEOS, TOTALS, Dimensional(chart=True), Dimensional(chart=False))
