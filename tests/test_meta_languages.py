"""Meta Business Suite exports in every interface language (issue 8, classes 1, 5 and 8).

The Italian and Portuguese real exports are read to totals computed here independently with the csv
module. The English real posts exports are translated into de, es, fr, it, pt and nl through the
adapter's own header table and must give the same canonical rows; overview titles and audience section
titles likewise. Files whose metric cannot be told are refused with what they look like.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from ingest.adapters.base import Column
from ingest.adapters.meta import (
    AUDIENCE_SECTIONS,
    DATE_HEADERS,
    FACEBOOK_HEADERS,
    FACEBOOK_POSTS,
    INSTAGRAM_HEADERS,
    INSTAGRAM_POSTS,
    LANGUAGES,
    OVERVIEW_TITLES,
    POST_HEADERS,
    Headers,
    read_title,
)
from ingest.parsing import normalise_header
from model.canonical import Grain, Platform
from model.i18n import TEXTS, Language
from model.results import FileResult
from tests.conftest import read_files, read_one

META_FOLDERS = ("instagram/agoraio-it", "instagram/ufscar-pt", "facebook/leonmpofu", "instagram/dandirector", "instagram/leonmpofu")
IT_POSTS = "instagram/agoraio-it/Dec-01-2025_Dec-31-2025_2023749038414305.csv"
IT_POSTS_LATER = "instagram/agoraio-it/Dec-01-2025_Jan-06-2026_IG.csv"
PT_POSTS = "instagram/ufscar-pt/dados 30-06 Apr-01-2025_Jun-30-2025_983340097073313.csv"
FB_POSTS = ("facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv", "facebook/leonmpofu/Mar-18-2025_Apr-14-2025_553302954456165.csv")
IG_POSTS = ("instagram/leonmpofu/Mar-18-2025_Apr-14-2025_1019826952924933.csv", "instagram/dandirector/May-25-2026_Jun-21-2026_1493633672508178.csv")

pytestmark = pytest.mark.real_exports


@pytest.fixture(scope="module")
def batch(real_exports: Path) -> dict[str, FileResult]:
    """The Meta folders in one upload, as a user drops them (relative names keep the folders apart)."""
    files = sorted(p for folder in META_FOLDERS for p in (real_exports / folder).iterdir() if p.is_file())
    results = read_files(*[(str(p.relative_to(real_exports)), p.read_bytes()) for p in files])
    return {r.file: r for r in results}


def _text(path: Path) -> str:
    data = path.read_bytes()
    return data.decode("utf-16") if data.startswith(codecs.BOM_UTF16_LE) else data.decode("utf-8-sig")


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_text(path))))


def _sum(rows: list[dict[str, str]], column: str) -> float:
    return sum(float(r[column]) for r in rows if r[column] not in ("", None))


def _errors(result: FileResult) -> list[str]:
    return [str(i) for i in result.issues if i.level == "error"]


# ---------------------------------------------------------------- the real Italian and Portuguese files

IT_COLUMNS = {
    "impressions": "Visualizzazioni",
    "reach": "Copertura",
    "reactions": "Mi piace",
    "comments": "Commenti",
    "shares": "Condivisioni",
    "saves": "Salvataggi",
    "followers_gained": "Follower",
}
PT_COLUMNS = {
    "impressions": "Visualizações",
    "reach": "Alcance",
    "reactions": "Curtidas",
    "comments": "Comentários",
    "shares": "Compartilhamentos",
    "saves": "Salvamentos",
    "followers_gained": "Seguimentos",
}


@pytest.mark.parametrize(
    ("name", "columns", "posts", "account_column"),
    [
        (IT_POSTS, IT_COLUMNS, 9, "Nome utente dell'account"),
        (IT_POSTS_LATER, IT_COLUMNS, 11, "Nome utente dell'account"),
        (PT_POSTS, PT_COLUMNS, 171, "Nome de usuário da conta"),
    ],
)
def test_localised_instagram_posts_give_the_csv_totals(batch, real_exports: Path, name, columns, posts, account_column) -> None:
    result, rows = batch[name], _rows(real_exports / name)
    assert (result.status.value, result.platform, result.report) == ("parsed", Platform.INSTAGRAM, "instagram_posts"), _errors(result)
    assert len(rows) == posts == result.rows["post"]
    totals = result.totals["post"]
    for metric, column in columns.items():
        assert totals[metric] == _sum(rows, column), metric
    assert totals["engagements"] == sum(_sum(rows, columns[m]) for m in ("reactions", "comments", "shares", "saves"))
    frame = result.frames[Grain.POST]
    # every post under its own account (the Portuguese export holds collaborators' posts too)
    assert frame.groupby("account").size().to_dict() == pd.Series([r[account_column] for r in rows]).value_counts().to_dict()
    assert not _errors(result)


def test_italian_posts_read_ids_times_and_links_as_written(batch) -> None:
    frame = batch[IT_POSTS].frames[Grain.POST].set_index("post_id")
    first = frame.loc["18014231951802917"]
    # written 11:19 in the Business Suite zone, taken as the company's (Europe/Berlin, CET in December)
    assert first["published_at"] == pd.Timestamp("2025-12-04 11:19", tz="Europe/Berlin").tz_convert("UTC")
    assert first["permalink"] == "https://www.instagram.com/reel/DR2lvZujK-o/"
    assert first["post_type"] == "Reel di Instagram"
    figures = ["impressions", "reach", "reactions", "shares", "followers_gained", "comments", "saves"]
    assert first[figures].tolist() == [44931, 36057, 855, 148, 193, 20, 460]
    assert first["text"].startswith("Con questo secondo video")


def test_portuguese_overview_views_give_the_csv_total(batch, real_exports: Path) -> None:
    name = "instagram/ufscar-pt/Visualizações.csv"
    result = batch[name]
    lines = _text(real_exports / name).splitlines()
    assert lines[:3] == ["sep=,", '"Visualizações"', '"Data","Primary"']
    rows = list(csv.DictReader(lines[2:]))
    assert (result.platform, result.report, result.rows) == (Platform.INSTAGRAM, "meta_overview_impressions", {"daily": 28})
    assert result.totals["daily"]["impressions"] == _sum(rows, "Primary") == 20241
    assert result.date_range == (pd.Timestamp("2025-05-05").date(), pd.Timestamp("2025-06-01").date())


def test_overview_without_title_takes_metas_title_from_its_file_name(batch, real_exports: Path) -> None:
    name = "instagram/agoraio-it/Follower.csv"
    result = batch[name]
    rows = _rows(real_exports / name)
    assert list(rows[0]) == ["Data", "Primary"]
    assert (result.platform, result.report, result.rows) == (Platform.INSTAGRAM, "meta_overview_followers_gained", {"daily": len(rows)})
    assert result.totals["daily"]["followers_gained"] == _sum(rows, "Primary")
    assert result.date_range == (pd.Timestamp("2025-01-11").date(), pd.Timestamp("2025-12-31").date())
    [note] = [i for i in result.issues if i.code == "ingest.meta_overview_title_from_name"]
    assert note.level == "warning" and dict(note.params)["name"] == "Follower"


def test_hand_edited_italian_audience_imports_what_is_certain_and_names_the_rest(batch, real_exports: Path) -> None:
    name = "instagram/agoraio-it/Pubblico.csv"
    result = batch[name]
    assert (result.status.value, result.platform, result.report) == ("parsed", Platform.INSTAGRAM, "meta_audience"), _errors(result)
    lines = _text(real_exports / name).split("\n")
    # independent read: the age table after ",Donne,Uomini" and the countries list (the last two lines)
    start = lines.index(",Donne,Uomini")
    ages = list(csv.reader(lines[start + 1 : start + 7]))
    countries, shares = next(csv.reader([lines[-2]])), next(csv.reader([lines[-1]]))
    audience = result.frames[Grain.AUDIENCE]
    assert Grain.DAILY not in result.frames  # the untitled daily block counts nothing certain
    by_bucket = audience.set_index(["dimension", "bucket"])["value"]
    expected_ages = {("age_gender", f"{row[0]} {gender}"): float(row[i]) / 100 for row in ages for i, gender in ((1, "Donne"), (2, "Uomini"))}
    expected_countries = {("country", c): float(s) / 100 for c, s in zip(countries, shares, strict=True)}
    assert by_bucket.to_dict() == pytest.approx(expected_ages | expected_countries)
    assert len(audience) == 12 + 10
    assert set(audience["date"]) == {pd.Timestamp("2025-12-31")}
    codes = {i.code: i for i in result.issues}
    daily = dict(codes["ingest.meta_audience_untitled_daily"].params)
    assert (daily["first_row"], daily["last_row"], daily["first"], daily["last"]) == ("2", "32", "2025-12-01T00:00:00", "2025-12-31T00:00:00")
    cities = codes["ingest.meta_audience_untitled_block"]
    assert (cities.level, cities.row, cities.file) == ("warning", 42, name) and cities.value.startswith("Roma, Lazio")
    assert "ingest.meta_audience_untitled_age" in codes and "ingest.meta_audience_untitled_countries" in codes


def test_bare_meta_files_still_take_the_platform_of_their_folder(batch) -> None:
    for name, platform in [
        ("facebook/leonmpofu/Views.csv", Platform.FACEBOOK),
        ("facebook/leonmpofu/Audience.csv", Platform.FACEBOOK),
        ("instagram/dandirector/Views.csv", Platform.INSTAGRAM),
        ("instagram/dandirector/Audience.csv", Platform.INSTAGRAM),
        ("instagram/agoraio-it/Follower.csv", Platform.INSTAGRAM),
    ]:
        result = batch[name]
        assert result.platform == platform, [str(i) for i in result.issues]
        assert set(result.platform_candidates) == {Platform.FACEBOOK, Platform.INSTAGRAM}


# ---------------------------------------------------------------- derived: the English exports in every language


def _translation(headers: dict[str, Headers], language: str) -> dict[str, str]:
    """English header as Meta writes it today -> the language's current spelling."""
    return {spellings["en"][0]: spellings[language][0] for spellings in headers.values()}


def _translate_header(text: str, mapping: dict[str, str]) -> str:
    first, _, rest = text.partition("\n")
    header = next(csv.reader([first]))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([mapping.get(h, h) for h in header])
    return out.getvalue() + rest


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
@pytest.mark.parametrize("name", FB_POSTS + IG_POSTS)
def test_posts_exports_translated_read_the_same(batch, real_exports: Path, name: str, language: str) -> None:
    original = batch[name]
    headers = POST_HEADERS | (FACEBOOK_HEADERS if name.startswith("facebook") else INSTAGRAM_HEADERS)
    translated_text = _translate_header(_text(real_exports / name), _translation(headers, language))
    assert translated_text.partition("\n")[0] != _text(real_exports / name).partition("\n")[0]
    translated = read_one(name.replace(".csv", f"_{language}.csv"), codecs.BOM_UTF8 + translated_text.encode("utf-8"))
    assert (translated.status, translated.platform, translated.report) == (original.status, original.platform, original.report), _errors(translated)
    assert translated.rows == original.rows and translated.totals == original.totals
    pd.testing.assert_frame_equal(translated.frames[Grain.POST], original.frames[Grain.POST])


def _spellings_of(column: Column) -> dict[str, str]:
    return {normalise_header(a): column.target for a in column.aliases}


@pytest.mark.parametrize("adapter", [FACEBOOK_POSTS, INSTAGRAM_POSTS], ids=["facebook", "instagram"])
def test_no_spelling_stands_for_two_columns(adapter) -> None:
    seen: dict[str, str] = {}
    for column in adapter.columns:
        for key, target in _spellings_of(column).items():
            assert seen.setdefault(key, target) == target, (key, seen[key], target)


def test_every_header_and_title_is_written_in_all_seven_languages() -> None:
    tables = [POST_HEADERS, FACEBOOK_HEADERS, INSTAGRAM_HEADERS, {k: v for k, (v, _) in OVERVIEW_TITLES.items()}]
    tables.append({k: v for k, (v, _) in AUDIENCE_SECTIONS.items()})
    for table in tables:
        for key, spellings in table.items():
            assert set(spellings) == set(LANGUAGES), key
            assert all(s and all(isinstance(x, str) and x.strip() for x in s) for s in spellings.values()), key
    titles: dict[str, str] = {}
    for spellings, metric in OVERVIEW_TITLES.values():
        for language in LANGUAGES:
            for spelling in spellings[language]:
                assert titles.setdefault(" ".join(spelling.split()).casefold(), metric) == metric, spelling


# ---------------------------------------------------------------- derived: overview files in every language and shape


def _overview(title: str | None, rows: list[tuple[str, str]], *, header: tuple[str, str] = ("Date", "Primary"), preamble: bool = True) -> bytes:
    lines = (["sep=,"] if preamble else []) + ([f'"{title}"'] if title is not None else []) + ['"{}","{}"'.format(*header)]
    lines += [f'"{day}","{value}"' for day, value in rows] + [""]
    text = "\n".join(lines)
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le") if preamble else text.encode("utf-8")


DAYS = [("2023-07-08T00:00:00", "5"), ("2023-07-09T00:00:00", "7"), ("2023-07-10T00:00:00", "0")]
EXPECTED_METRIC = {key: metric for key, (_, metric) in OVERVIEW_TITLES.items()}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", list(OVERVIEW_TITLES))
def test_overview_titles_in_every_language(language: str, key: str) -> None:
    spellings, metric = OVERVIEW_TITLES[key]
    for title in spellings[language]:
        result = read_one("Export.csv", _overview(title, DAYS, header=(DATE_HEADERS[language][0], "Primary")), platform=Platform.INSTAGRAM)
        assert (result.report, result.rows) == (f"meta_overview_{metric}", {"daily": 3}), (title, [str(i) for i in result.issues])
        assert result.frames[Grain.DAILY][metric].tolist() == [5, 7, 0]  # followers is a stock: no total to compare
        assert result.date_range == (pd.Timestamp("2023-07-08").date(), pd.Timestamp("2023-07-10").date())


@pytest.mark.parametrize(
    ("title", "platform", "metric"),
    [
        ("Facebook reach", Platform.FACEBOOK, "reach"),
        ("Instagram profile visits", Platform.INSTAGRAM, "profile_visits"),
        ("Facebook-Reichweite", Platform.FACEBOOK, "reach"),
        ("Reichweite auf Instagram", Platform.INSTAGRAM, "reach"),
        ("Copertura di Facebook", Platform.FACEBOOK, "reach"),
        ("Visitas ao perfil do Instagram", Platform.INSTAGRAM, "profile_visits"),
        ("Alcance en Facebook", Platform.FACEBOOK, "reach"),
        ("Couverture Facebook", Platform.FACEBOOK, "reach"),
        ("Instagram-linkklikken", Platform.INSTAGRAM, "clicks"),
        ("Views", None, "impressions"),
        ("Follower", None, "followers_gained"),  # Italian and German follows, not the English total
        ("Followers", None, "followers"),
        ("Story replies", None, None),
        ("Visualizações", None, "impressions"),
    ],
)
def test_overview_titles_name_the_platform_anywhere(title: str, platform: Platform | None, metric: str | None) -> None:
    assert read_title(title) == (platform, metric)


def test_overview_without_preamble_with_iso_times_reads_the_same() -> None:
    utf16 = read_one("Reach.csv", _overview("Facebook reach", DAYS))
    utf8 = read_one("Reach.csv", _overview("Facebook reach", DAYS, preamble=False))
    untitled = read_one("Reach.csv", _overview(None, DAYS, preamble=False), platform=Platform.FACEBOOK)
    for result in (utf16, utf8, untitled):
        assert (result.platform, result.report, result.totals) == (Platform.FACEBOOK, "meta_overview_reach", {"daily": {"reach": 12}})
        assert list(result.frames[Grain.DAILY]["date"]) == [pd.Timestamp("2023-07-08"), pd.Timestamp("2023-07-09"), pd.Timestamp("2023-07-10")]


def test_overview_with_an_unknown_title_is_refused_with_what_it_saw() -> None:
    result = read_one("Stories.csv", _overview("Story replies", DAYS), platform=Platform.INSTAGRAM)
    assert result.status.value == "unsupported" and not result.frames
    [reason] = [i for i in result.issues if i.level == "error"]
    assert reason.code == "ingest.meta_overview_unknown_title" and reason.value == "Story replies"
    params = dict(reason.params)
    assert (params["title"], params["header"], params["first"], params["last"], params["days"]) == (
        "Story replies",
        "Date, Primary",
        "2023-07-08T00:00:00",
        "2023-07-10T00:00:00",
        "3",
    )
    assert "Story replies" in reason.text(Language.DE) and "2023-07-08T00:00:00" in reason.text(Language.DE)


def test_overview_without_title_and_without_a_title_as_name_asks_for_the_original() -> None:
    result = read_one("export (3).csv", _overview(None, DAYS, preamble=False), platform=Platform.INSTAGRAM)
    assert result.status.value == "unsupported" and not result.frames
    [reason] = [i for i in result.issues if i.level == "error"]
    assert reason.code == "ingest.meta_overview_untitled"
    assert dict(reason.params)["name"] == "export" and dict(reason.params)["first"] == "2023-07-08T00:00:00"


def test_browser_copy_suffix_and_folder_do_not_hide_the_title_in_the_name() -> None:
    result = read_one("upload/Copertura (1).csv", _overview(None, DAYS, preamble=False), platform=Platform.INSTAGRAM)
    assert (result.report, result.totals) == ("meta_overview_reach", {"daily": {"reach": 12}})


# ---------------------------------------------------------------- derived: audience files


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_audience_section_titles_in_every_language(batch, real_exports: Path, language: str) -> None:
    name = "instagram/dandirector/Audience.csv"
    text = _text(real_exports / name)
    for spellings, _ in AUDIENCE_SECTIONS.values():
        text = text.replace(f'"{spellings["en"][0]}"', f'"{spellings[language][0]}"')
    assert text != _text(real_exports / name)
    translated = read_one(name, codecs.BOM_UTF16_LE + text.encode("utf-16-le"), platform=Platform.INSTAGRAM)
    original = batch[name].frames[Grain.AUDIENCE].drop(columns=["account"])
    pd.testing.assert_frame_equal(translated.frames[Grain.AUDIENCE].drop(columns=["account"]), original)


def test_audience_names_that_lost_their_quotes_are_not_matched_to_wrong_shares(batch, real_exports: Path) -> None:
    name = "instagram/dandirector/Audience.csv"
    lines = _text(real_exports / name).split("\n")
    cities = lines.index('"Top cities"') + 1
    lines[cities] = lines[cities].replace('"', "")  # "New York, NY" becomes two cells
    result = read_one(name, codecs.BOM_UTF16_LE + "\n".join(lines).encode("utf-16-le"), platform=Platform.INSTAGRAM)
    audience = result.frames[Grain.AUDIENCE]
    original = batch[name].frames[Grain.AUDIENCE]
    assert set(audience["dimension"]) == {"age_gender", "country"}
    assert len(audience) == len(original[original["dimension"] != "city"])
    [split] = [i for i in result.issues if i.code == "ingest.meta_audience_names_split"]
    names = str(len(lines[cities].split(",")))
    assert (split.level, split.row, dict(split.params)) == ("warning", cities + 1, {"section": "Top cities", "names": names, "values": "10"})


def test_new_messages_have_german_and_english_texts() -> None:
    for key in [k for k in TEXTS if k.startswith("ingest.meta_")]:
        assert set(TEXTS[key]) == {Language.DE, Language.EN} and all(TEXTS[key].values()), key


def test_overview_reads_its_daily_block_only_and_names_rows_below_it() -> None:
    data = _overview("Reach", DAYS, preamble=False) + b"\nTotal,12\n"
    result = read_one("Reach.csv", data, platform=Platform.FACEBOOK)
    assert (result.rows, result.totals) == ({"daily": 3}, {"daily": {"reach": 12}})
    [below] = [i for i in result.issues if i.code == "ingest.meta_overview_rows_below"]
    # rows: 1 title, 2 header, 3-5 days, 6 blank, 7 "Total"
    assert (below.level, dict(below.params)) == ("warning", {"first_row": "7", "last_row": "7"})


def test_audience_file_with_a_titled_daily_block_imports_both(batch, real_exports: Path) -> None:
    name = "instagram/dandirector/Audience.csv"
    text = _text(real_exports / name).replace(
        "sep=,\n", 'sep=,\n"Instagram follows"\n"Date","Primary"\n"2026-06-20T00:00:00","4"\n"2026-06-21T00:00:00","6"\n\n', 1
    )
    result = read_one(name, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert (result.platform, result.rows["daily"], result.totals["daily"]) == (Platform.INSTAGRAM, 2, {"followers_gained": 10})
    assert set(result.frames[Grain.AUDIENCE]["date"]) == {pd.Timestamp("2026-06-21")}
    assert len(result.frames[Grain.AUDIENCE]) == len(batch[name].frames[Grain.AUDIENCE])
