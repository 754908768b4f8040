"""Header matching across spellings and languages, gross and net follower flows, and the LinkedIn creator export.

Real files are read to totals computed independently (the csv module, openpyxl); variants users
produce (another UI language, "Videos" for "Video", an added column) are derived from them here.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from ingest.adapters.base import TableAdapter
from ingest.parsing import normalise_header, resolve_header
from ingest.registry import ADAPTERS
from model.canonical import Grain
from model.i18n import TEXTS, Language
from model.results import FileResult
from storage.imports import store_results
from tests.conftest import read_files, read_one
from tests.csvfiles import csv_bytes

YT_PT_ZIP = "youtube/ufscar-pt/Conteúdo 2024-06-02_2025-06-02 UFSCar - Universidade Federal de São Carlos.zip"
YT_PT_TABLE = "youtube/ufscar-pt/Dados da tabela youtube 30-06.csv"
YT_DE = "youtube/raphaeloe-de"
LI_CREATOR = "linkedin/amradel18/Content_2026-03-23.xlsx"


def _number(text: str) -> float:
    return float(text) if text.strip() else math.nan


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _video_rows(rows: list[list[str]]) -> list[list[str]]:
    """Rows of a Table data file that are videos: not the Total row, not a footer line without figures."""
    return [r for r in rows[1:] if len(r) == len(rows[0]) and r[0].replace("\u00ad", "").strip().lower() not in ("total", "gesamt")]


def _column_sum(rows: list[list[str]], header: str) -> float:
    at = [h.replace("\u00ad", "") for h in rows[0]].index(header)
    return sum(v for v in (_number(r[at]) for r in _video_rows(rows)) if not math.isnan(v))


def _totals(result: FileResult, grain: Grain) -> dict[str, float]:
    return {k: v for k, v in result.to_dict()["totals"].get(str(grain), {}).items()}


# ---------------------------------------------------------------- normalising and resolving headers


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Vi\u00addeos", "videos"),  # soft hyphens, as YouTube's German exports write them
        ("Watch\u00a0time  (hours)", "watch time hours"),  # NBSP and doubled spaces
        ("Conteu\u0301do", "conteúdo"),  # decomposed (NFD) accent = the composed one
        ("„Mag ich“-Bewertungen", "mag ich bewertungen"),  # punctuation is a word break
        ("Views (%)", "views %"),  # the percent sign stays: a share is not a count
        ("\ufeffDATE", "date"),
    ],
)
def test_normalise_header(header: str, expected: str) -> None:
    assert normalise_header(header) == expected


def test_resolve_header_matches_plural_but_never_part_of_a_header() -> None:
    keys = frozenset(normalise_header(h) for h in ("Video", "Reactions", "Reactions, Comments and Shares", "Views", "Views (%)"))
    assert resolve_header("Videos", keys) == "video"
    assert resolve_header("Reaction", keys) == "reactions"
    assert resolve_header("Reactions, comments and shares", keys) == "reactions comments and shares"
    assert resolve_header("Reactions and comments", keys) is None
    assert resolve_header("View (%)", keys) == "views %"
    assert resolve_header("Views", keys) == "views"


def test_singular_form_of_two_keys_matches_only_exactly() -> None:
    # Meta writes "Follower" (German: follows) and "Followers" (English: the total); neither may take the other's header.
    keys = frozenset({"follower", "followers"})
    assert resolve_header("Followers", keys) == "followers"
    assert resolve_header("Follower", keys) == "follower"
    assert resolve_header("FOLLOWERS ", keys) == "followers"


@pytest.mark.parametrize("adapter", [a for a in ADAPTERS if isinstance(a, TableAdapter)], ids=lambda a: a.report)
def test_no_header_names_two_columns_of_one_adapter(adapter: TableAdapter) -> None:
    seen: dict[str, str] = {}
    for column in adapter.columns:
        for key in column.keys:
            assert seen.setdefault(key, column.target) == column.target, f"{adapter.report}: '{key}' names {seen[key]} and {column.target}"


def test_new_texts_exist_in_both_languages() -> None:
    for key in ("ingest.column_missing", "ingest.columns_not_read", "ingest.share_below_threshold", "ingest.linkedin_creator_period_totals"):
        assert TEXTS[key][Language.DE] and TEXTS[key][Language.EN]


# ---------------------------------------------------------------- YouTube in Portuguese (real files)


def test_portuguese_youtube_zip_is_read_to_its_csv_totals(real_exports: Path) -> None:
    data = (real_exports / YT_PT_ZIP).read_bytes()
    results = {Path(r.file).name: r for r in read_files((YT_PT_ZIP, data))}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {Path(m.filename).name: _csv_rows(archive.read(m)) for m in archive.infolist()}
    assert {name: r.report for name, r in results.items()} == {
        "Dados da tabela.csv": "youtube_table_videos",
        "Dados do gráfico.csv": "youtube_chart",
        "Total.csv": "youtube_totals",
    }
    assert all(r.status.value == "parsed" for r in results.values()), [str(i) for r in results.values() for i in r.issues]

    table, rows = results["Dados da tabela.csv"], members["Dados da tabela.csv"]
    assert len(table.frames[Grain.POST]) == len(_video_rows(rows)) == 499
    posts = _totals(table, Grain.POST)
    assert posts["views"] == pytest.approx(_column_sum(rows, "Visualizações"))
    assert posts["watch_time_hours"] == pytest.approx(_column_sum(rows, "Tempo de exibição (horas)"))
    assert posts["impressions"] == pytest.approx(_column_sum(rows, "Impressões"))
    # "Inscritos" is the net change of subscribers: never a gain.
    assert posts["followers_net"] == pytest.approx(_column_sum(rows, "Inscritos"))
    assert "followers_gained" not in posts
    first = table.frames[Grain.POST].set_index("post_id").loc["Zo7Ll82R0oQ"]
    assert (first["views"], first["published_at"].date().isoformat()) == (32749, "2023-07-06")

    chart = members["Dados do gráfico.csv"]
    assert results["Dados do gráfico.csv"].frames[Grain.AUDIENCE]["value"].sum() == sum(float(r[5]) for r in chart[1:])
    totals = members["Total.csv"]
    daily = results["Total.csv"].frames[Grain.DAILY]
    assert (len(daily), daily["views"].sum()) == (len(totals) - 1, sum(float(r[1]) for r in totals[1:]))
    assert daily["date"].min().date().isoformat() == totals[1][0]


def test_portuguese_wide_table_reads_the_core_metrics_and_names_the_rest(real_exports: Path) -> None:
    data = (real_exports / YT_PT_TABLE).read_bytes()
    result = read_one(YT_PT_TABLE, data)
    rows = _csv_rows(data)
    assert (result.status.value, result.report) == ("parsed", "youtube_table_videos")
    posts = _totals(result, Grain.POST)
    for target, header in (("views", "Visualizações"), ("watch_time_hours", "Tempo de exibição (horas)"), ("impressions", "Impressões")):
        assert posts[target] == pytest.approx(_column_sum(rows, header)), target
    assert posts["followers_net"] == pytest.approx(_column_sum(rows, "Inscritos"))
    [note] = [i for i in result.issues if i.code == "ingest.columns_not_read"]
    assert "Visualizações intencionais" in dict(note.params)["columns"]
    assert "Visualizações," not in dict(note.params)["columns"] + ","  # the read column is not listed


# Table data headers as YouTube Studio writes them in each language (the Portuguese ones from the real file).
TABLE_HEADERS = {
    "pt": ["Conteúdo", "Título do vídeo", "Horário de publicação do vídeo", "Duração", "Visualizações", "Tempo de exibição (horas)", "Inscritos"],
    "en": ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers"],
    "de": ["Inhalt", "Videotitel", "Veröffentlichungszeitpunkt des Videos", "Dauer", "Aufrufe", "Wiedergabezeit (Stunden)", "Abonnenten"],
    "es": ["Contenido", "Título del vídeo", "Hora de publicación del vídeo", "Duración", "Visualizaciones", "Tiempo de visualización (horas)", "Suscriptores"],
    "fr": ["Contenu", "Titre de la vidéo", "Heure de publication de la vidéo", "Durée", "Vues", "Durée de visionnage (heures)", "Abonnés"],
    "it": ["Contenuti", "Titolo del video", "Ora di pubblicazione del video", "Durata", "Visualizzazioni", "Tempo di visualizzazione (ore)", "Iscritti"],
    "nl": ["Inhoud", "Videotitel", "Publicatietijd van video", "Duur", "Weergaven", "Weergavetijd (uren)", "Abonnees"],
}
TOTAL_LABELS = {"pt": "Total", "en": "Total", "de": "Gesamt", "es": "Total", "fr": "Total", "it": "Totale", "nl": "Totaal"}


@pytest.mark.parametrize("language", sorted(TABLE_HEADERS))
def test_youtube_table_data_in_every_language_reads_as_the_portuguese_original(real_exports: Path, language: str) -> None:
    with zipfile.ZipFile(real_exports / YT_PT_ZIP) as archive:
        rows = _csv_rows(archive.read("Dados da tabela.csv"))
    width = len(TABLE_HEADERS["pt"])
    original = read_one("Dados da tabela.csv", csv_bytes([r[:width] for r in rows]))
    translated = [TABLE_HEADERS[language]] + [[TOTAL_LABELS[language], *rows[1][1:width]]] + [r[:width] for r in rows[2:]]
    variant = read_one("Table data.csv", csv_bytes(translated))
    assert (variant.status.value, variant.report) == ("parsed", "youtube_table_videos"), [str(i) for i in variant.issues]
    pd.testing.assert_frame_equal(variant.frames[Grain.POST], original.frames[Grain.POST])
    assert len(original.frames[Grain.POST]) == 499


# ---------------------------------------------------------------- German "Videos" variant, gross and net


def _german_variant(real_exports: Path) -> tuple[list[list[str]], list[list[str]]]:
    """The real German Tabellendaten with "Videos" as id header and Dauer, Likes and the gross subscriber columns.

    Per video: lost = row number % 3, gained = net + lost, likes = 2; so gained - lost = the real net column.
    """
    rows = _csv_rows((real_exports / YT_DE / "Tabellendaten.csv").read_bytes())
    header = [h.replace("\u00ad", "") for h in rows[0]]
    net_at = header.index("Abonnenten")
    variant = [["Vi\u00addeos", *rows[0][1:], "Dauer", "Likes", "Gewonnene Abonnenten", "Verlorene Abonnenten"]]
    for number, row in enumerate(rows[1:]):
        if len(row) != len(header):
            variant.append(row)  # the footer line stays as it is
            continue
        lost = number % 3
        variant.append([*row, "60", "2", str(int(row[net_at]) + lost), str(lost)])
    return rows, variant


def test_german_videos_variant_stores_gross_flows_not_the_net_column(real_exports: Path) -> None:
    rows, variant = _german_variant(real_exports)
    original = read_one("Tabellendaten.csv", (real_exports / YT_DE / "Tabellendaten.csv").read_bytes())
    result = read_one("Tabellendaten.csv", csv_bytes(variant))
    assert (result.status.value, result.report) == ("parsed", "youtube_table_videos"), [str(i) for i in result.issues]
    posts = result.frames[Grain.POST]
    videos = _video_rows(variant)
    assert len(posts) == len(original.frames[Grain.POST])
    lost = sum(int(r[-1]) for r in videos)
    gained = sum(int(r[-2]) for r in videos)
    net = _column_sum(rows, "Abonnenten")
    assert (posts["followers_gained"].sum(), posts["followers_lost"].sum()) == (gained, lost)
    assert gained - lost == net == original.frames[Grain.POST]["followers_net"].sum()
    assert posts["followers_net"].isna().all()  # the net column is their difference, never stored as a flow of its own
    assert posts["reactions"].sum() == 2 * len(videos)
    for metric in ("views", "watch_time_hours", "impressions"):
        assert posts[metric].sum() == pytest.approx(original.frames[Grain.POST][metric].sum()), metric


TOTALS_CSV = "Date,Views,Subscribers,Subscribers gained,Subscribers lost\n2026-01-01,10,4,5,1\n2026-01-02,20,-3,0,3\n2026-01-03,30,2,2,0\n"


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        ((), {"followers_gained": [5, 0, 2], "followers_lost": [1, 3, 0], "followers_net": [None] * 3}),
        ((3, 4), {"followers_gained": [None] * 3, "followers_lost": [None] * 3, "followers_net": [4, -3, 2]}),
        ((4,), {"followers_gained": [5, 0, 2], "followers_lost": [1, 3, 0], "followers_net": [None] * 3}),  # lost = gained - net
        ((3,), {"followers_gained": [5, 0, 2], "followers_lost": [1, 3, 0], "followers_net": [None] * 3}),  # gained = net + lost
    ],
)
def test_gross_and_net_subscribers(drop: tuple[int, ...], expected: dict[str, list[float | None]]) -> None:
    rows = [[c for i, c in enumerate(line.split(",")) if i not in drop] for line in TOTALS_CSV.splitlines()]
    result = read_one("Totals.csv", csv_bytes(rows))
    assert result.report == "youtube_totals"
    daily = result.frames[Grain.DAILY]
    for metric, values in expected.items():
        np.testing.assert_array_equal(daily[metric].to_numpy(), np.array([np.nan if v is None else v for v in values], dtype=float), err_msg=metric)


# ---------------------------------------------------------------- an unknown extra column


def test_known_table_with_an_unknown_extra_column_still_imports_and_names_it(real_exports: Path) -> None:
    data = (real_exports / YT_DE / "Gesamtwerte.csv").read_bytes()
    rows = _csv_rows(data)
    extended = [[*rows[0], "Meine Notiz"]] + [[*r, "x"] for r in rows[1:] if r]
    original, result = read_one("Gesamtwerte.csv", data), read_one("Gesamtwerte.csv", csv_bytes(extended))
    assert (result.status.value, result.report) == ("parsed", "youtube_totals")
    pd.testing.assert_frame_equal(result.frames[Grain.DAILY], original.frames[Grain.DAILY])
    assert result.frames[Grain.DAILY]["views"].sum() == sum(float(r[1]) for r in rows[1:] if r)
    [note] = [i for i in result.issues if i.code == "ingest.columns_not_read"]
    assert (note.level.value, dict(note.params)["columns"]) == ("info", "Meine Notiz")
    assert "Meine Notiz" in note.text(Language.DE)


def test_chart_data_is_never_taken_for_totals(real_exports: Path) -> None:
    # Date, Video, title, publish time, views: the daily views of chosen videos, not of the channel.
    result = read_one("Diagrammdaten.csv", (real_exports / YT_DE / "Diagrammdaten.csv").read_bytes())
    assert result.report == "youtube_chart"
    assert Grain.DAILY not in result.frames


# ---------------------------------------------------------------- LinkedIn creator export


def _sheet(workbook: openpyxl.Workbook, name: str) -> list[tuple[object, ...]]:
    return list(workbook[name].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def creator(real_exports: Path) -> tuple[FileResult, openpyxl.Workbook]:
    data = (real_exports / LI_CREATOR).read_bytes()
    with pytest.warns(UserWarning, match="no default style"):
        workbook = openpyxl.load_workbook(io.BytesIO(data))  # not read_only: the sheets' dimension info is wrong
    return read_one(LI_CREATOR, data), workbook


def test_linkedin_creator_export_is_imported(creator, sqlite_engine) -> None:
    result, _ = creator
    assert (result.status.value, result.platform) == ("parsed", "linkedin"), [str(i) for i in result.issues]
    assert result.report.split("+") == [
        "linkedin_creator_discovery",
        "linkedin_creator_engagement",
        "linkedin_creator_top_posts",
        "linkedin_creator_followers",
        "linkedin_creator_demographics",
    ]
    store_results(sqlite_engine, [result])  # one row per day although two sheets describe the days


def test_linkedin_creator_days(creator) -> None:
    result, workbook = creator
    engagement = _sheet(workbook, "ENGAGEMENT")[1:]
    followers = _sheet(workbook, "FOLLOWERS")
    discovery = dict(_sheet(workbook, "DISCOVERY")[1:])
    daily = result.frames[Grain.DAILY].set_index("date")
    assert len(daily) == len(engagement) == 365
    assert daily["impressions"].sum() == sum(r[1] for r in engagement) == discovery["Impressions"] == 32506
    assert daily["engagements"].sum() == sum(r[2] for r in engagement)
    new = [r for r in followers[3:] if r[0]]
    assert daily["followers_gained"].sum() == sum(r[1] for r in new)
    assert (followers[0][0], followers[0][1]) == ("Total followers on 3/23/2026:", 3050)
    assert daily["followers"].dropna().to_dict() == {pd.Timestamp("2026-03-23"): 3050.0}
    assert (daily.index.min(), daily.index.max()) == (pd.Timestamp("2025-03-24"), pd.Timestamp("2026-03-23"))


def test_linkedin_creator_top_posts(creator) -> None:
    result, workbook = creator
    rows = [r for r in _sheet(workbook, "TOP POSTS")[3:]]
    by_engagements = {r[0]: r[2] for r in rows if r[0]}
    by_impressions = {r[4]: r[6] for r in rows if r[4]}
    posts = result.frames[Grain.POST].set_index("permalink")
    assert set(posts.index) == set(by_engagements) | set(by_impressions)
    assert posts["engagements"].sum() == sum(by_engagements.values())
    assert posts["impressions"].sum() == sum(by_impressions.values())
    only_engaged = next(url for url in by_engagements if url not in by_impressions)
    assert math.isnan(posts.loc[only_engaged, "impressions"])  # not in the impressions list: missing, not 0
    top = "https://www.linkedin.com/feed/update/urn:li:activity:7438811255978700800"
    assert (posts.loc[top, "post_id"], posts.loc[top, "engagements"], posts.loc[top, "impressions"]) == ("urn:li:activity:7438811255978700800", 401, 9253)
    assert posts.loc[top, "published_at"] == pd.Timestamp("2026-03-15", tz="UTC")


def test_linkedin_creator_demographics(creator) -> None:
    result, workbook = creator
    rows = _sheet(workbook, "DEMOGRAPHICS")[1:]
    audience = result.frames[Grain.AUDIENCE]
    assert len(audience) == len(rows) == 30
    assert set(audience["dimension"]) == {"job_title", "location", "industry", "seniority", "company_size", "company"}
    assert (audience["unit"] == "share").all() and (audience["metric"] == "reach").all()
    assert audience["value"].sum() == pytest.approx(sum(r[2] for r in rows if isinstance(r[2], float)))
    below = [r for r in rows if isinstance(r[2], str)]
    assert audience["value"].isna().sum() == len(below) == 4
    [note] = [i for i in result.issues if i.code == "ingest.share_below_threshold"]
    assert dict(note.params) == {"count": "4", "value": "< 1%"}


def test_linkedin_creator_period_totals_are_named_not_stored(creator) -> None:
    result, _ = creator
    [note] = [i for i in result.issues if i.code == "ingest.linkedin_creator_period_totals"]
    assert "Members reached 14032" in dict(note.params)["figures"]
    assert "(Impressions 32.506; Members reached 14.032)" in note.text(Language.DE)  # the reader's numbers, not "32506.0"


# ---------------------------------------------------------------- LinkedIn page export in Portuguese


PORTUGUESE_METRICS = {
    "Date": "Data",
    "Impressions (total)": "Impressões (total)",
    "Unique impressions (organic)": "Impressões únicas (orgânicas)",
    "Clicks (total)": "Cliques (total)",
    "Reactions (total)": "Reações (total)",
    "Comments (total)": "Comentários (total)",
    "Reposts (total)": "Compartilhamentos (total)",
}


def test_linkedin_page_metrics_in_portuguese_read_as_the_english_original(real_exports: Path) -> None:
    source = real_exports / "linkedin/mohshaikh23/pro-efficient-data-entry_content_1742193384396.xlsx"
    workbook = openpyxl.load_workbook(source)
    for cell in workbook["Metrics"][1]:
        cell.value = PORTUGUESE_METRICS.get(cell.value, cell.value)
    del workbook["All posts"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    original = read_one("content.xlsx", source.read_bytes())
    variant = read_one("conteudo.xlsx", buffer.getvalue())
    assert variant.report == "linkedin_content_metrics", [str(i) for i in variant.issues]
    pd.testing.assert_frame_equal(variant.frames[Grain.DAILY], original.frames[Grain.DAILY])
    assert variant.frames[Grain.DAILY]["impressions"].sum() == 306


def test_x_overview_without_unfollows_is_not_taken_for_linkedin(real_exports: Path) -> None:
    # Date, Impressions, Engagements are also LinkedIn creator columns: the most specific adapter must decide.
    data = (real_exports / "x_twitter/kaia-devdash/kaiadevintern_account_overview_analytics.csv").read_bytes()
    rows = _csv_rows(data)
    without = [[c for i, c in enumerate(r) if rows[0][i] != "Unfollows"] for r in rows]
    assert read_one("overview.csv", data).report == "x_account_overview"
    assert read_one("overview.csv", csv_bytes(without)).platform != "linkedin"


LOCALISED_FOLLOWERS = {
    "de": ("Datum", "Organische Follower", "Follower insgesamt", "Standort"),
    "es": ("Fecha", "Seguidores orgánicos", "Total de seguidores", "Ubicación"),
    "fr": ("Date", "Abonnés naturels", "Total des abonnés", "Lieu"),
    "pt": ("Data", "Seguidores orgânicos", "Total de seguidores", "Localidade"),
}


@pytest.mark.parametrize("language", sorted(LOCALISED_FOLLOWERS))
def test_linkedin_followers_export_in_other_languages(real_exports: Path, language: str) -> None:
    source = real_exports / "linkedin/doorly/دورلي-doorly_followers_1774355119598.xls"
    workbook = CalamineWorkbook.from_path(str(source))
    new, location = (workbook.get_sheet_by_name(name).to_python() for name in ("New followers", "Location"))
    date, organic, total, place = LOCALISED_FOLLOWERS[language]
    renames = {"Date": date, "Organic followers": organic, "Total followers": total, "Location": place}
    daily = read_one("followers.csv", csv_bytes([[renames.get(h, h) for h in new[0]], *new[1:]]))
    audience = read_one("location.csv", csv_bytes([[renames[h] for h in location[0]], *location[1:]]))
    assert (daily.report, audience.report) == ("linkedin_followers", "linkedin_demographics"), [str(i) for i in daily.issues + audience.issues]
    assert daily.frames[Grain.DAILY]["followers_gained"].sum() == sum(r[new[0].index("Total followers")] for r in new[1:]) == 16
    frame = audience.frames[Grain.AUDIENCE]
    assert (set(frame["dimension"]), set(frame["metric"])) == ({"location"}, {"followers"})
    assert frame["value"].sum() == sum(r[1] for r in location[1:])


HEADER_ROWS = [
    ["Videos", "Reaction", "Followers", "Follower", "Reactions and comments", "", "views (%)"],
    ["Datum", "Impressionen", "Impressionen", "-", "  "],
    ["Title row only"],
    [],
]


@pytest.mark.parametrize(
    "keys",
    [
        frozenset(normalise_header(h) for h in ("Video", "Reactions", "Reactions, Comments and Shares", "Views", "Views (%)")),
        frozenset({"follower", "followers", "datum", "impression"}),
        frozenset(),
    ],
)
def test_header_row_detection_counts_as_resolve_header_does_cell_by_cell(keys: frozenset[str]) -> None:
    # find_header_row counts with set operations over each row normalised once (a speed-up): it must
    # name exactly the keys resolve_header names cell by cell, each key once.
    from ingest.parsing import find_header_row

    for position, row in enumerate(HEADER_ROWS):
        expected = len({resolve_header(c, keys) for c in row if c} - {None})
        head = [["unrelated"]] * position + [row]
        found = find_header_row(head, keys, 1)
        assert (found[1] if found and found[0] == position else 0) == expected, row


def test_header_row_counts_by_hand() -> None:
    from ingest.parsing import find_header_row

    keys = frozenset({"follower", "followers", "video", "reactions"})
    # "Videos" -> video, "Reaction" -> reactions, "Followers" and "Follower" exactly: 4 keys named
    assert find_header_row(HEADER_ROWS, keys, 1) == (0, 4)
    assert find_header_row(HEADER_ROWS, keys, 5) is None


def test_linkedin_post_type_is_the_distribution_not_a_format(real_exports: Path) -> None:
    """LinkedIn's "Post type" says Organic or Sponsored; the format is "Content Type". A user saw "Organic" among the
    Content page's formats: the real export's posts have no format (their Content Type is empty), and a written
    Content Type is the format."""
    name = "linkedin/mohshaikh23/pro-efficient-data-entry_content_1742193384396.xlsx"
    book = openpyxl.load_workbook(real_exports / name)
    sheet = book["All posts"]
    header = [c.value for c in sheet[1]]
    assert (header.index("Post type"), header.index("Content Type")) == (2, 19) and sheet.cell(2, 3).value == "Organic"
    [real] = read_files((Path(name).name, (real_exports / name).read_bytes()))
    assert real.frames[Grain.POST]["post_type"].isna().all() and len(real.frames[Grain.POST]) == 8
    sheet.cell(2, 20).value = "Image"
    buffer = io.BytesIO()
    book.save(buffer)
    [edited] = read_files((Path(name).name, buffer.getvalue()))
    posts = edited.frames[Grain.POST]
    assert (posts["post_type"].dropna().tolist(), int(posts["post_type"].isna().sum())) == (["Image"], 7)
