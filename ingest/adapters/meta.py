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
- Overview files (daily, one metric per file): UTF-16 with Excel's "sep=," line, a title line, then
  Date/Primary, or re-saved without the preamble (UTF-8, or UTF-16 without "sep=,"); days as ISO
  date-times ("2023-07-08T00:00:00"). The title names the metric (Reach/Viewers -> reach, Views ->
  impressions, Follows -> followers_gained, Unfollows -> followers_lost, Followers -> followers,
  Visits/Profile visits/Page visits -> profile_visits, Content interactions -> engagements, Link
  clicks -> clicks). A title that names "Facebook" or "Instagram" anywhere ("Facebook reach",
  "Copertura di Instagram") names the platform; bare titles ("Views") do not, and take it from the
  other Meta files of the same folder or upload (``platform_candidates``).
  Decisions: a title Resonanz does not know is refused as unsupported with the title, header and
  first and last day it saw, never guessed. A file without its title line (a re-save that starts
  with "Date","Primary", such as an Italian "Follower.csv") cannot say by content what it counts;
  as Meta names each download after the title, in the UI language, a file name (without extension
  and a browser's " (1)") that is a known title is read as the title, with a warning saying so;
  any other untitled file is refused with what it looks like and how to get a readable one.
- Audience file (sections "Age & gender", "Top countries", "Top cities"; percentages): audience
  shares of followers. See ``Audience`` for files whose section titles were removed.
- Languages: the posts headers, overview titles, Date header and audience section titles are written
  once, per language (en, de, es, fr, it, pt, nl), in the tables below (``POST_HEADERS`` ...). The
  first spelling of each language is Business Suite's current one: en, it and pt are taken from real
  exports; de, es, fr and nl follow Meta's interface translations as far as known and are the place
  to correct a word when a real export shows another one.
- Legacy Facebook Insights CSVs (2014-2017, a description row under the header): post-level,
  video-posts and page-level exports; see the column lists below.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd
from babel import Locale

from ingest.adapters.base import Adapter, Column, Context, Kind, Match, Parsed, TableAdapter, sum_parts, url_match
from ingest.parsing import normalise_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import METRIC_NAMES, Grain, Platform, conform
from model.issues import Issue, error, info, warning
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


# ---------------------------------------------------------------- Meta's wording in every language
#
# Business Suite writes its headers in the language of the user's interface. Each entry is one header
# in en, de, es, fr, it, pt, nl; the first spelling of a language is the one Meta writes today, further
# ones are older or regional (pt-PT beside pt-BR) spellings. Comparison is by ``normalise_header``.
# Only these tables know the wording: adding a language or a spelling is one string here.

LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "pt", "nl")
Headers = dict[str, tuple[str, ...]]  # language -> spellings, first = current


def _h(*spellings: str | tuple[str, ...]) -> Headers:
    """One header in the seven languages, in the order of ``LANGUAGES``."""
    assert len(spellings) == len(LANGUAGES), spellings
    return {language: (s,) if isinstance(s, str) else s for language, s in zip(LANGUAGES, spellings, strict=True)}


def all_spellings(headers: Headers) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for language in LANGUAGES for s in headers[language]))


def written(headers: Headers, language: str = "en") -> str:
    """The header or title as Business Suite writes it today in ``language`` (for the demo generator)."""
    return headers[language][0]


_COMMENTS = _h("Comments", "Kommentare", "Comentarios", "Commentaires", "Commenti", "Comentários", "Opmerkingen")

# Columns of both posts exports (targets starting with "_" only help to recognise the export).
POST_HEADERS: dict[str, Headers] = {
    "post_id": _h(
        "Post ID",
        "Beitrags-ID",
        ("Identificador de la publicación", "ID de la publicación"),
        ("Identifiant de la publication", "ID de la publication"),
        "ID del post",
        ("Identificação da publicação", "ID da publicação"),
        ("Bericht-ID", "Post-ID"),
    ),
    "text": _h("Description", "Beschreibung", "Descripción", "Description", "Descrizione", "Descrição", "Beschrijving"),
    "_duration": _h("Duration (sec)", "Dauer (Sek.)", "Duración (s)", "Durée (s)", "Durata (s)", "Duração (segundos)", "Duur (sec)"),
    "published_at": _h(
        "Publish time",
        "Veröffentlichungszeitpunkt",
        "Hora de publicación",
        "Heure de publication",
        "Orario di pubblicazione",
        ("Horário de publicação", "Hora de publicação"),
        "Publicatietijd",
    ),
    "permalink": _h("Permalink", "Permalink", "Enlace permanente", ("Lien permanent", "Permalien"), "Permalink", "Link permanente", "Permalink"),
    "post_type": _h("Post type", "Beitragstyp", "Tipo de publicación", "Type de publication", "Tipo di post", "Tipo de publicação", "Berichttype"),
    "impressions": _h("Views", "Aufrufe", "Visualizaciones", "Vues", "Visualizzazioni", "Visualizações", "Weergaven"),
    "reach": _h("Reach", "Reichweite", "Alcance", "Couverture", "Copertura", "Alcance", "Bereik"),
    "shares": _h(
        "Shares",
        "Geteilte Inhalte",
        ("Veces que se compartió", "Compartidos"),
        "Partages",
        "Condivisioni",
        ("Compartilhamentos", "Partilhas"),
        ("Keer gedeeld", "Gedeeld"),
    ),
}

FACEBOOK_HEADERS: dict[str, Headers] = {
    "_page_id": _h(
        "Page ID",
        "Seiten-ID",
        "Identificador de la página",
        "Identifiant de la Page",
        "ID della Pagina",
        ("Identificação da Página", "ID da Página"),
        "Pagina-ID",
    ),
    "account": _h("Page name", "Seitenname", "Nombre de la página", "Nom de la Page", "Nome della Pagina", "Nome da Página", "Paginanaam"),
    "title": _h("Title", "Titel", "Título", "Titre", "Titolo", "Título", "Titel"),
    "engagements": _h(
        "Reactions, Comments and Shares",
        "Reaktionen, Kommentare und geteilte Inhalte",
        "Reacciones, comentarios y veces que se compartió",
        "Réactions, commentaires et partages",
        "Reazioni, commenti e condivisioni",
        "Reações, comentários e compartilhamentos",
        "Reacties, opmerkingen en keer gedeeld",
    ),
    "reactions": _h("Reactions", "Reaktionen", "Reacciones", "Réactions", "Reazioni", "Reações", "Reacties"),
    "comments": _COMMENTS,
    "clicks": _h("Total clicks", "Klicks insgesamt", "Clics totales", "Total des clics", "Clic totali", "Total de cliques", "Totaal aantal klikken"),
    "link_clicks": _h("Link Clicks", "Link-Klicks", "Clics en el enlace", "Clics sur un lien", "Clic sul link", "Cliques no link", "Linkklikken"),
    "other_clicks": _h("Other Clicks", "Andere Klicks", "Otros clics", "Autres clics", "Altri clic", "Outros cliques", "Andere klikken"),
    "views": _h(
        "3-second video views",
        "3-Sekunden-Videoaufrufe",
        "Reproducciones de video de 3 segundos",
        "Vues de vidéo de 3 secondes",
        "Visualizzazioni del video di 3 secondi",
        "Visualizações de vídeo de 3 segundos",
        "Videoweergaven van 3 seconden",
    ),
    "seconds_viewed": _h(
        "Seconds viewed",
        "Angesehene Sekunden",
        "Segundos reproducidos",
        "Secondes regardées",
        "Secondi di visualizzazione",
        "Segundos visualizados",
        "Bekeken seconden",
    ),
}

INSTAGRAM_HEADERS: dict[str, Headers] = {
    "_account_id": _h(
        "Account ID",
        "Konto-ID",
        "Identificador de la cuenta",
        "Identifiant du compte",
        "ID dell'account",
        ("Identificação da conta", "ID da conta"),
        "Account-ID",
    ),
    "account": _h(
        "Account username",
        "Konto-Nutzername",
        "Nombre de usuario de la cuenta",
        ("Nom d’utilisateur du compte", "Nom d'utilisateur du compte"),
        ("Nome utente dell'account", "Nome utente dell’account"),
        ("Nome de usuário da conta", "Nome de utilizador da conta"),
        ("Gebruikersnaam account", "Gebruikersnaam van account"),
    ),
    "_account_name": _h("Account name", "Kontoname", "Nombre de la cuenta", "Nom du compte", "Nome account", "Nome da conta", "Accountnaam"),
    "reactions": _h(
        "Likes",
        ("„Gefällt mir“-Angaben", "Gefällt mir"),
        "Me gusta",
        ("J’aime", "J'aime"),
        "Mi piace",
        ("Curtidas", "Gostos"),
        "Vind-ik-leuks",
    ),
    # Instagram's Dutch interface calls comments "reacties" (Facebook's Dutch "reacties" are reactions).
    "comments": {**_COMMENTS, "nl": _COMMENTS["nl"] + ("Reacties",)},
    "saves": _h(
        "Saves",
        "Gespeichert",
        ("Veces que se guardó", "Guardados"),
        "Enregistrements",
        "Salvataggi",
        ("Salvamentos", "Gravações"),
        "Opgeslagen",
    ),
    "followers_gained": _h(
        "Follows",
        "Follower",
        "Seguimientos",
        ("Abonnements", "Nouveaux abonnés"),
        "Follower",
        "Seguimentos",
        ("Nieuwe volgers", "Volgers"),
    ),
}

_KINDS = {
    "published_at": Kind.DATETIME,
    "post_type": Kind.TEXT,
    "text": Kind.TEXT,
    "permalink": Kind.TEXT,
    "post_id": Kind.TEXT,
    "account": Kind.TEXT,
    "title": Kind.TEXT,
}
_REQUIRED = frozenset({"post_id", "published_at"})


def post_columns(headers: dict[str, Headers]) -> tuple[Column, ...]:
    """The adapter columns of a header table (detection-only "_" columns stay text: they are never converted to figures)."""
    return tuple(
        Column(target, all_spellings(spellings), _KINDS.get(target, Kind.TEXT if target.startswith("_") else Kind.NUMBER), target in _REQUIRED)
        for target, spellings in headers.items()
    )


FACEBOOK_POSTS = TableAdapter(
    report="facebook_posts",
    platform=Platform.FACEBOOK,
    grain=Grain.POST,
    signature=("post_id", "_page_id", "published_at"),
    columns=post_columns(POST_HEADERS | FACEBOOK_HEADERS),
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
    columns=post_columns(POST_HEADERS | INSTAGRAM_HEADERS),
    description="Meta Business Suite: Instagram posts, reels and stories",
    timezone=AS_WRITTEN,
    source_timezone=META_ZONE,
    derive=_instagram_posts,
)

# ---------------------------------------------------------------- overview files (one metric per day)

# Title -> (wording per language, canonical metric). The title may name the platform ("Facebook
# reach", "Copertura di Instagram", "Facebook-Reichweite"); see ``read_title``.
OVERVIEW_TITLES: dict[str, tuple[Headers, str]] = {
    "views": (_h("Views", "Aufrufe", "Visualizaciones", "Vues", "Visualizzazioni", "Visualizações", "Weergaven"), "impressions"),
    "reach": (_h("Reach", "Reichweite", "Alcance", "Couverture", "Copertura", "Alcance", "Bereik"), "reach"),
    "viewers": (
        _h("Viewers", ("Zuschauer", "Zuschauer*innen"), "Espectadores", "Spectateurs", "Spettatori", "Espectadores", "Kijkers"),
        "reach",
    ),
    "follows": (
        _h(
            ("Follows", "New follows"),
            ("Follower", "Neue Follower"),
            ("Seguimientos", "Nuevos seguidores"),
            ("Abonnements", "Nouveaux abonnés"),
            ("Follower", "Nuovi follower"),
            ("Seguimentos", "Novos seguidores"),
            "Nieuwe volgers",
        ),
        "followers_gained",
    ),
    "unfollows": (
        _h(
            "Unfollows",
            ("Nicht mehr gefolgt", "Entfolgungen"),
            ("Dejaron de seguir", "Dejar de seguir"),
            "Désabonnements",
            ("Smessi di seguire", "Non seguono più"),
            "Deixaram de seguir",
            ("Ontvolgd", "Niet meer gevolgd"),
        ),
        "followers_lost",
    ),
    "followers": (
        _h("Followers", "Follower insgesamt", "Seguidores", "Abonnés", "Follower totali", "Seguidores totais", "Volgers"),
        "followers",
    ),
    "visits": (_h("Visits", "Besuche", "Visitas", "Visites", "Visite", "Visitas", "Bezoeken"), "profile_visits"),
    "profile_visits": (
        _h(
            "Profile visits",
            ("Profilaufrufe", "Profilbesuche"),
            "Visitas al perfil",
            "Visites du profil",
            "Visite al profilo",
            "Visitas ao perfil",
            "Profielbezoeken",
        ),
        "profile_visits",
    ),
    "page_visits": (
        _h(
            "Page visits",
            "Seitenbesuche",
            "Visitas a la página",
            "Visites de la Page",
            "Visite alla Pagina",
            "Visitas à Página",
            "Paginabezoeken",
        ),
        "profile_visits",
    ),
    "content_interactions": (
        _h(
            ("Content interactions", "Interactions"),
            ("Interaktionen mit Inhalten", "Interaktionen"),
            ("Interacciones con el contenido", "Interacciones"),
            ("Interactions avec le contenu", "Interactions"),
            ("Interazioni con i contenuti", "Interazioni"),
            ("Interações com o conteúdo", "Interações"),
            ("Interacties met content", "Interacties"),
        ),
        "engagements",
    ),
    "link_clicks": (
        _h("Link clicks", ("Link-Klicks", "Linkklicks"), "Clics en el enlace", "Clics sur un lien", "Clic sul link", "Cliques no link", "Linkklikken"),
        "clicks",
    ),
}
DATE_HEADERS = _h("Date", "Datum", "Fecha", "Date", "Data", "Data", "Datum")
# Meta leaves the value column "Primary" untranslated in the files seen; the translations are accepted too.
VALUE_HEADERS = _h(
    ("Primary", "Value"),
    ("Primär", "Wert"),
    ("Principal", "Valor"),
    ("Primaire", "Valeur"),
    ("Primario", "Valore"),
    ("Principal", "Valor"),
    ("Primair", "Waarde"),
)
PLATFORM_NAMES = {"facebook": Platform.FACEBOOK, "instagram": Platform.INSTAGRAM}


def _title_metrics(key: Callable[[str], str]) -> dict[str, str]:
    """Title key -> metric; a key that two metrics share (under a looser comparison) decides nothing."""
    pairs = {(key(s), metric) for spellings, metric in OVERVIEW_TITLES.values() for s in all_spellings(spellings)}
    keys = [k for k, _ in pairs]
    return {k: metric for k, metric in pairs if keys.count(k) == 1}


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


# The spelling as written decides first: "Follower" (Italian and German follows) and "Followers"
# (the English total) must stay apart even where header matching ignores singular and plural.
_TITLE_EXACT = _title_metrics(_plain)
_TITLE_METRICS = _title_metrics(normalise_header)
_DATE_KEYS = frozenset(normalise_header(s) for s in all_spellings(DATE_HEADERS))
_VALUE_KEYS = frozenset(normalise_header(s) for s in all_spellings(VALUE_HEADERS))
# "Facebook reach", "Reichweite auf Facebook", "Copertura di Instagram", "Facebook-Reichweite", "Alcance (Instagram)"
_PLATFORM_IN_TITLE = re.compile(r"(?:\b(?:on|auf|bei|von|en|de|del|sur|du|di|su|da|do|no|na|em|op|van)\s+)?\(?\b(facebook|instagram)\b\)?-?", re.IGNORECASE)
_BROWSER_COPY = re.compile(r"\s*\(\d+\)$")  # "Views (1).csv": the browser's second download


def read_title(title: str) -> tuple[Platform | None, str | None]:
    """The platform a title names (if any) and its metric (None if Resonanz does not know the title)."""
    found = _PLATFORM_IN_TITLE.search(title)
    platform = PLATFORM_NAMES[found.group(1).lower()] if found else None
    remainder = _PLATFORM_IN_TITLE.sub(" ", title) if found else title
    return platform, _TITLE_EXACT.get(_plain(remainder)) or _TITLE_METRICS.get(normalise_header(remainder))


def date_value_positions(row: list[str]) -> tuple[int, int] | None:
    """Positions of the date and the value column of Meta's daily-series header ("Date","Primary", any language).

    A re-save may have put the columns in another order or added one column of its own (a note): the
    two are found by name, and a row with more than one unknown cell is another table.
    """
    keys = [normalise_header(c) if c else "" for c in row]
    dates = [i for i, k in enumerate(keys) if k in _DATE_KEYS]
    values = [i for i, k in enumerate(keys) if k in _VALUE_KEYS]
    if len(dates) != 1 or len(values) != 1 or sum(1 for k in keys if k) > 3:
        return None
    return dates[0], values[0]


def is_date_value_header(row: list[str]) -> bool:
    """Meta's two-column header of a daily series: "Date","Primary" in any language (any order, one extra column at most)."""
    return date_value_positions(row) is not None


def _overview_header_row(table: RawTable) -> int | None:
    """0 for a file that starts with the header, 1 below a one-cell title line; None if it is not Meta's layout."""
    head = table.head
    if head and is_date_value_header(head[0]):
        return 0
    if len(head) >= 2 and len([c for c in head[0] if c]) == 1 and is_date_value_header(head[1]):
        return 1
    return None


def _name_as_title(file: str) -> str:
    """The file name without folder, extension and browser copy suffix: Meta names a download after its title."""
    stem = posixpath.splitext(posixpath.basename(file.replace("\\", "/")))[0]
    return _BROWSER_COPY.sub("", stem).strip()


def _block_end(column: pd.Series) -> int:
    """Length of the run of non-blank cells at the top of ``column`` (a daily block ends at its first blank line)."""
    blank = column.astype("string").str.strip().fillna("").eq("").to_numpy()
    return int(blank.argmax()) if blank.any() else len(blank)


def _daily_frame(table: RawTable, header: list[str], body: pd.DataFrame, metric: str) -> tuple[pd.DataFrame, list[Issue]]:
    """One canonical daily frame from a Date/Primary block (dates ISO, with or without a time part)."""
    row_base = 1 + table.row_offset
    date_column, value_column = [c for c in header if c][:2]
    dates, issues = to_datetime(body.iloc[:, 0], column=date_column, file=table.file, sheet=table.sheet, row_base=row_base)
    values, more = to_number(body.iloc[:, 1], column=value_column, file=table.file, sheet=table.sheet, row_base=row_base)
    frame = pd.DataFrame({"date": dates.dt.normalize(), metric: values, "platform": "", "source_row": body.index.to_numpy() + row_base})
    return frame, issues + more


def _seen(header: list[str], body: pd.DataFrame) -> dict[str, object]:
    """What an unreadable daily block looks like, for the message: header and first and last day as written."""
    days = body.iloc[:, 0].astype("string").str.strip()
    return {
        "header": ", ".join(c for c in header if c),
        "first": days.iloc[0] if len(days) else "-",
        "last": days.iloc[-1] if len(days) else "-",
        "days": len(days),
    }


def _known_titles() -> str:
    return ", ".join(spellings["en"][0] for spellings, _ in OVERVIEW_TITLES.values())


class Overview(Adapter):
    """A Meta overview file: one metric per day under a title line, optionally after Excel's "sep=," line.

    A file without the title line (re-saved: it starts with "Date","Primary") does not say by its content
    what it counts. Meta names every download after the title ("Views.csv", "Follower.csv",
    "Visualizações.csv"), so a file name that is one of the known titles is read as that title, with a
    warning that says so; any other such file is refused with what it looks like and how to get a
    readable one. A title Resonanz does not know is refused the same way, never guessed.
    """

    report = "meta_overview"
    platform = None
    grain = Grain.DAILY
    description = "Meta Business Suite: Insights overview metric file (UTF-16, one metric per file)"
    timezone = "calendar day as labelled by Meta"

    def detect(self, table: RawTable) -> Match | None:
        header_row = _overview_header_row(table)
        return None if header_row is None else Match(self, header_row, 10)

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        header_row = match.header_row
        positions = date_value_positions(table.head[header_row])
        assert positions is not None  # detect found the header
        rest = table.cells.iloc[header_row + 1 :, list(positions)]
        body = rest.iloc[: _block_end(rest.iloc[:, 0])]
        issues: list[Issue] = list(table.notes)
        below = rest.iloc[len(body) :]
        if len(below):  # most files end with their block
            below = below[below.astype("string").fillna("").apply(lambda c: c.str.strip()).ne("").any(axis=1)]
        if len(below):
            rows = below.index.to_numpy() + 1 + table.row_offset
            issues.append(
                warning("ingest.meta_overview_rows_below", params={"first_row": rows.min(), "last_row": rows.max()}, file=table.file, sheet=table.sheet)
            )
        header = [table.head[header_row][p] for p in positions]
        unread = [c for i, c in enumerate(table.head[header_row]) if c and i not in positions]
        if unread:
            issues.append(info("ingest.columns_not_read", params={"count": len(unread), "columns": ", ".join(unread)}, file=table.file, sheet=table.sheet))
        seen = _seen(header, body)
        if header_row == 1:
            title = next(c for c in table.head[0] if c)
            platform, metric = read_title(title)
            if metric is None:
                return self._refused(
                    table,
                    issues,
                    error(
                        "ingest.meta_overview_unknown_title",
                        params={"title": title, "known": _known_titles(), **seen},
                        file=table.file,
                        sheet=table.sheet,
                        row=1 + table.row_offset,
                        value=title,
                    ),
                )
        else:
            name = _name_as_title(context.file or table.file)
            platform, metric = read_title(name)
            if metric is None:
                return self._refused(
                    table,
                    issues,
                    error(
                        "ingest.meta_overview_untitled",
                        params={"name": name, "known": _known_titles(), **seen},
                        file=table.file,
                        sheet=table.sheet,
                        row=1 + table.row_offset,
                    ),
                )
            issues.append(warning("ingest.meta_overview_title_from_name", params={"name": name, "metric": metric}, file=table.file, sheet=table.sheet))
        frame, found = _daily_frame(table, header, body, metric)
        return Parsed(
            report=f"meta_overview_{metric}",
            platform=platform,
            frames={Grain.DAILY: conform(frame.assign(platform=str(platform or "")), Grain.DAILY)},
            issues=issues + found,
            platform_candidates=() if platform else (Platform.FACEBOOK, Platform.INSTAGRAM),
        )

    def _refused(self, table: RawTable, issues: list[Issue], reason: Issue) -> Parsed:
        return Parsed(self.report, None, {}, issues + [reason], store=False, platform_candidates=(Platform.FACEBOOK, Platform.INSTAGRAM))


# ---------------------------------------------------------------- audience file

AUDIENCE_SECTIONS: dict[str, tuple[Headers, str]] = {
    "age_gender": (
        _h(
            "Age & gender",
            "Alter und Geschlecht",
            "Edad y sexo",
            ("Âge et genre", "Âge et sexe"),
            "Età e genere",
            ("Idade e gênero", "Idade e género"),
            "Leeftijd en geslacht",
        ),
        "age_gender",
    ),
    "cities": (
        _h(
            "Top cities",
            ("Top-Städte", "Städte"),
            ("Ciudades principales", "Principales ciudades"),
            "Principales villes",
            "Città principali",
            "Principais cidades",
            ("Belangrijkste steden", "Topsteden"),
        ),
        "city",
    ),
    "countries": (
        _h(
            "Top countries",
            ("Top-Länder", "Länder"),
            ("Países principales", "Principales países"),
            "Principaux pays",
            "Paesi principali",
            "Principais países",
            ("Belangrijkste landen", "Toplanden"),
        ),
        "country",
    ),
}
GENDERS = _h(
    ("Women", "Men"), ("Frauen", "Männer"), ("Mujeres", "Hombres"), ("Femmes", "Hommes"), ("Donne", "Uomini"), ("Mulheres", "Homens"), ("Vrouwen", "Mannen")
)

_SECTION_DIMENSIONS = {normalise_header(s): dimension for spellings, dimension in AUDIENCE_SECTIONS.values() for s in all_spellings(spellings)}
_GENDER_KEYS = frozenset(normalise_header(s) for s in all_spellings(GENDERS))


@functools.cache
def _country_names() -> frozenset[str]:
    """Country names in the seven languages (from the CLDR via Babel), to recognise a country list without its title."""
    return frozenset(normalise_header(name) for language in LANGUAGES for name in Locale.parse(language).territories.values())


def _is_gender_header(row: pd.Series) -> bool:
    """The header of the age & gender table: an empty first cell, then gender names ("", "Women", "Men")."""
    rest = [normalise_header(c) for c in row.iloc[1:] if c]
    return row.iloc[0] == "" and bool(rest) and all(c in _GENDER_KEYS for c in rest)


class Audience(Adapter):
    """Meta's audience file: sections "Age & gender", "Top cities", "Top countries" (shares in percent).

    Sections are separated by blank lines and start with their title. A file whose titles were removed
    (hand-edited, re-saved) is read as far as it is unambiguous: the age & gender table is known by its
    header of genders, a list of names that are all countries (CLDR names in the seven languages) is
    the countries section; any other untitled list (cities cannot be told from regions or anything
    else) is not imported, with a warning naming its rows. A names row whose cell count differs from
    the shares row (names with commas that lost their quotes) is not imported either: which share
    belongs to which name is not certain. A daily "Date","Primary" block in the file is read like an
    overview file if it has a known title; without one it is not imported, but its last day dates the
    audience snapshot.
    """

    report = "meta_audience"
    platform = None
    grain = Grain.AUDIENCE
    description = "Meta Business Suite: Audience file (age & gender, top countries, top cities; shares)"

    def detect(self, table: RawTable) -> Match | None:
        titles = {normalise_header(r[0]) for r in table.head if r and r[0] and not any(r[1:])}
        gender_header = any(
            r and r[0] == "" and len([c for c in r if c]) >= 1 and all(normalise_header(c) in _GENDER_KEYS for c in r[1:] if c) for r in table.head
        )
        # Above the overview adapter: an audience file may begin with a daily block of its own.
        return Match(self, 0, 20) if titles & set(_SECTION_DIMENSIONS) or gender_header else None

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        cells = table.cells.fillna("").astype(str).apply(lambda c: c.str.strip())
        blank = cells.eq("").all(axis=1)
        filled = cells.ne("").sum(axis=1)
        lone = cells.iloc[:, 0].where(filled == 1)
        is_title = lone.map(lambda c: normalise_header(c) in _SECTION_DIMENSIONS or read_title(c)[1] is not None, na_action="ignore")
        is_title = is_title.astype("boolean").fillna(False).astype(bool)  # all missing (no one-cell line) is float64
        issues: list[Issue] = list(table.notes)
        footer = _footer_lines(cells, filled, is_title)
        if len(footer):
            rows = [int(label) + 1 + table.row_offset for label in footer]
            value = str(cells.iat[int(footer[0]), 0]) or next(c for c in cells.loc[footer[0]] if c)
            params = {"count": len(rows), "rows": ", ".join(map(str, rows))}
            issues.append(info("ingest.caption_rows_dropped", params=params, file=table.file, sheet=table.sheet, row=rows[0], value=value))
            blank = blank | blank.index.isin(footer)
        starts = is_title | (~blank & blank.shift(fill_value=True))
        block_id = starts.cumsum()[~blank]
        frames: list[pd.DataFrame] = []
        daily: list[pd.DataFrame] = []
        pending_title: str | None = None
        for _number, block in cells[~blank].groupby(block_id):
            title = pending_title
            if is_title.loc[block.index[0]]:
                title, block = block.iloc[0, 0], block.iloc[1:]
            pending_title = title if block.empty else None  # a title alone above a blank line heads the next block
            if block.empty:
                continue
            rows = block.index.to_numpy() + 1 + table.row_offset
            where = {"file": table.file, "sheet": table.sheet, "row": int(rows[0])}
            if is_date_value_header(list(block.iloc[0])):
                frame, found = self._daily(table, block, title)
                issues += found
                daily.append(frame)
                continue
            dimension = _SECTION_DIMENSIONS.get(normalise_header(title)) if title else None
            if dimension is None:
                dimension, note = self._untitled(block, rows)
                note = replace(note, file=table.file, sheet=table.sheet)
                issues.append(note)
                if dimension is None:
                    continue
            frame, found = _section_frame(table, block, dimension, title or "")
            frames.append(frame)
            issues += [replace(i, **where) if i.row is None else i for i in found]
        frame = pd.concat(frames, ignore_index=True).assign(platform="") if frames else pd.DataFrame()
        out = {Grain.AUDIENCE: conform(frame, Grain.AUDIENCE)}
        dated = pd.concat(daily, ignore_index=True) if daily else pd.DataFrame()
        if len(dated) and dated["date"].notna().any():
            day = dated["date"].max()
            out[Grain.AUDIENCE] = out[Grain.AUDIENCE].assign(date=day)
            issues.append(info("ingest.meta_audience_dated_by_daily", params={"day": f"{day:%Y-%m-%d}"}, file=table.file, sheet=table.sheet))
        kept = [f for f in daily if len(f.columns.intersection(METRIC_NAMES))]
        if kept:
            out[Grain.DAILY] = conform(pd.concat(kept, ignore_index=True), Grain.DAILY)
        # A daily block titled "Instagram follows" names the platform of the whole file.
        named = {p for f in kept for p in f["platform"] if p}
        platform = Platform(named.pop()) if len(named) == 1 else None
        if platform:
            out = {grain: frame.assign(platform=str(platform)) for grain, frame in out.items()}
        return Parsed(self.report, platform, out, issues, platform_candidates=() if platform else (Platform.FACEBOOK, Platform.INSTAGRAM))

    def _daily(self, table: RawTable, block: pd.DataFrame, title: str | None) -> tuple[pd.DataFrame, list[Issue]]:
        """A Date/Primary block in the audience file: a daily metric if titled, else only its dates."""
        positions = list(date_value_positions(list(block.iloc[0])) or (0, 1))
        body = block.iloc[1:, positions]
        rows = body.index.to_numpy() + 1 + table.row_offset
        platform, metric = read_title(title) if title else (None, None)
        if metric is None:
            seen = _seen(list(block.iloc[0]), body)
            params = {"first_row": int(rows.min()), "last_row": int(rows.max()), "first": seen["first"], "last": seen["last"], "title": title or ""}
            dates, _ = to_datetime(body.iloc[:, 0], column="Date", file=table.file, sheet=table.sheet, row_base=1 + table.row_offset)
            note = warning("ingest.meta_audience_untitled_daily", params=params, file=table.file, sheet=table.sheet, row=int(rows.min()))
            return pd.DataFrame({"date": dates.dt.normalize()}), [note]
        frame, found = _daily_frame(table, list(block.iloc[0].iloc[positions]), body, metric)
        return frame.assign(platform=str(platform or "")), found

    def _untitled(self, block: pd.DataFrame, rows: np.ndarray) -> tuple[str | None, Issue]:
        """The dimension of a section whose title is missing, if its content says it for certain."""
        where = {"row": int(rows[0]), "value": ", ".join(c for c in block.iloc[0] if c)[:120]}
        span = {"first_row": int(rows[0]), "last_row": int(rows[-1])}
        if _is_gender_header(block.iloc[0]):
            return "age_gender", info("ingest.meta_audience_untitled_age", params=span, **where)
        names = [normalise_header(c) for c in block.iloc[0] if c]
        if len(block) == 2 and names and all(n in _country_names() for n in names):
            return "country", info("ingest.meta_audience_untitled_countries", params=span, **where)
        return None, warning("ingest.meta_audience_untitled_block", params={**span, "names": where["value"]}, **where)


def _footer_lines(cells: pd.DataFrame, filled: pd.Series, is_title: pd.Series) -> pd.Index:
    """Lines of one cell without a digit below the file's last line of figures that are no section title (a
    note or source line added below the audience file): they are no section, nor a row of a section."""
    figures = cells.apply(lambda c: c.str.contains(r"\d", regex=True)).any(axis=1) & (filled > 1)
    if not figures.any():
        return cells.index[:0]
    below = cells.index[cells.index > figures[figures].index[-1]]
    lone = (filled.loc[below] == 1) & ~is_title.loc[below] & ~figures.loc[below]
    return lone[lone].index


def _section_frame(table: RawTable, rows: pd.DataFrame, dimension: str, title: str) -> tuple[pd.DataFrame, list[Issue]]:
    """Audience shares of one section: age bands by gender (a table), or names over a row of shares (transposed)."""
    empty = pd.DataFrame()
    if dimension == "age_gender":
        # header row: "", Women, Men; then one row per age band
        genders = rows.iloc[0, 1:][rows.iloc[0, 1:] != ""]
        long = rows.iloc[1:].melt(id_vars=[rows.columns[0]], value_vars=list(genders.index), ignore_index=False)
        bucket = long[rows.columns[0]] + " " + long["variable"].map(genders)
        raw_values, positions = long["value"], long.index
    else:
        # transposed: a row of names, then a row of values
        first_row = int(rows.index[0]) + 1 + table.row_offset
        if len(rows) < 2:
            return empty, [error("ingest.meta_audience_no_values", params={"section": title or dimension}, file=table.file, sheet=table.sheet, row=first_row)]
        names, values_row = rows.iloc[0], rows.iloc[1]
        keep = names != ""
        if keep.sum() != (values_row != "").sum():
            params = {"section": title or dimension, "names": int(keep.sum()), "values": int((values_row != "").sum())}
            return empty, [warning("ingest.meta_audience_names_split", params=params, file=table.file, sheet=table.sheet, row=first_row)]
        bucket, raw_values = names[keep].reset_index(drop=True), values_row[keep].reset_index(drop=True)
        positions = pd.Index([rows.index[1]] * len(bucket))
    values, found = to_number(raw_values.reset_index(drop=True), column=title or dimension, file=table.file, sheet=table.sheet, row_base=0, percent=True)
    found = [replace(i, row=int(positions[0]) + 1 + table.row_offset) for i in found]
    frame = pd.DataFrame(
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
    return frame, found


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


def drop_description_row(table: RawTable, header_row: int, key_at: int = 0) -> RawTable:
    """Legacy Insights put a row of metric descriptions under the header, blank in the key column (post id or
    date, wherever a re-save put it); it is not data."""
    if len(table.cells) <= header_row + 1:
        return table
    row = table.cells.iloc[header_row + 1].astype("string").fillna("")
    if row.str.match(_DESCRIPTION).sum() >= 1 and row.iloc[key_at].strip() == "":
        cells = table.cells.drop(index=table.cells.index[header_row + 1])
        return RawTable(
            table.file,
            table.sheet,
            cells,
            table.delimiter,
            table.notes + (info("ingest.meta_legacy_description_row", file=table.file, sheet=table.sheet, row=header_row + 2 + table.row_offset),),
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
        header = table.cells.iloc[match.header_row]
        keys = [i for i, cell in enumerate(header) if (column := self.inner.column_at(cell)) and column.target in ("post_id", "date")]
        cleaned = drop_description_row(table, match.header_row, keys[0] if keys else 0)
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
