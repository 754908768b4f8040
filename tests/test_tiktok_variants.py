"""TikTok exports as users bring them: other UI languages, other vintages, placeholders, SheetJS workbooks.

Every variant is derived in the test from a real export in ``../shared/real_exports/tiktok`` (never
stored) and must give the same canonical rows as the original; the Spanish-locale real files are
checked against a plain read with the csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from babel.dates import format_skeleton

from model.canonical import Grain
from model.results import FileResult
from tests.conftest import REFERENCE_DATE, read_files

LABELLED = (
    "tiktok/htupycollabs/Overview.csv",
    "tiktok/htupycollabs/Content.csv",
    "tiktok/htupycollabs/FollowerHistory.csv",
    "tiktok/htupycollabs/Viewers.csv",
    "tiktok/htupycollabs/FollowerActivity.csv",
    "tiktok/sobatti/Content.csv",
    "tiktok/sobatti/FollowerHistory.csv",
    "tiktok/sobatti/Viewers.csv",
    "tiktok/bosszy27/Overview.csv",
)
DAY_COLUMNS = {"Date", "Time", "Post time"}
# TikTok labels days as the browser's Intl API does for {month: "long", day: "numeric"}: CLDR's
# "MMMMd" skeleton, which Babel formats. The seven languages of the issue, then other scripts.
LONG = ("es", "de", "fr", "it", "pt", "nl", "en_GB", "ru", "pl", "tr", "ja", "zh", "zh_Hant", "ko", "ar", "th", "vi", "id")
LONG_MORE = ("he", "uk", "el", "hu", "ro", "fil", "ms", "sv", "hr", "cs", "fa", "hi", "bn", "km", "my", "sk", "da", "fi", "bg")
SHORT = ("es", "de", "fr", "pt", "nl", "ru", "pl", "tr", "th", "vi", "id", "he", "uk")  # "MMMd": abbreviated names


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _csv(rows: list[list[str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def _relabel(data: bytes, label: Callable[[dt.date], str]) -> bytes:
    """The export with every English day label ("February 28") written by ``label``."""
    header, *body = _rows(data)
    positions = [i for i, name in enumerate(header) if name in DAY_COLUMNS]
    for row in body:
        for i in positions:
            day = dt.datetime.strptime(f"{row[i]} 2000", "%B %d %Y").date()  # 2000: a leap year, only month and day count
            row[i] = label(day)
    return _csv([header, *body])


def _read(files: dict[str, bytes]) -> dict[str, FileResult]:
    return {r.file: r for r in read_files(*files.items(), reference=REFERENCE_DATE)}


def _same_rows(a: FileResult, b: FileResult) -> None:
    assert (a.status, a.report, a.account) == (b.status, b.report, b.account), [str(i) for i in b.issues]
    assert a.frames.keys() == b.frames.keys()
    for grain in a.frames:
        pd.testing.assert_frame_equal(a.frames[grain].reset_index(drop=True), b.frames[grain].reset_index(drop=True))


@pytest.fixture(scope="module")
def originals(real_exports: Path) -> dict[str, bytes]:
    return {name: (real_exports / name).read_bytes() for name in LABELLED}


@pytest.fixture(scope="module")
def original_results(originals: dict[str, bytes]) -> dict[str, FileResult]:
    return _read(originals)


@pytest.mark.parametrize("locale", LONG)
def test_day_labels_in_the_issues_languages_give_identical_rows(originals, original_results, locale) -> None:
    _check_relabelled(originals, original_results, LABELLED, lambda day: format_skeleton("MMMMd", day, locale=locale))


# Fewer files for the further languages and the abbreviated labels: the machine is shared.
@pytest.mark.parametrize(("locale", "skeleton"), [(locale, "MMMMd") for locale in LONG_MORE] + [(locale, "MMMd") for locale in SHORT], ids=lambda v: str(v))
def test_day_labels_in_more_languages_and_abbreviated_give_identical_rows(originals, original_results, locale, skeleton) -> None:
    files = ("tiktok/htupycollabs/Overview.csv", "tiktok/htupycollabs/Content.csv")
    _check_relabelled(originals, original_results, files, lambda day: format_skeleton(skeleton, day, locale=locale))


def test_arabic_indic_digits_read_like_ascii(originals, original_results) -> None:
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    files = ("tiktok/htupycollabs/Overview.csv", "tiktok/htupycollabs/Viewers.csv", "tiktok/htupycollabs/Content.csv")
    _check_relabelled(originals, original_results, files, lambda day: format_skeleton("MMMMd", day, locale="ar").translate(arabic))


def _check_relabelled(originals, original_results, files: tuple[str, ...], label: Callable[[dt.date], str]) -> None:
    variants = {name: _relabel(originals[name], label) for name in files}
    sample = _rows(variants[files[0]])[1][0]
    assert not sample.startswith("February"), sample  # the variant really is relabelled
    results = _read(variants)
    for name in files:
        _same_rows(original_results[name], results[name])
        assert not [i for i in results[name].issues if i.level != "info"], [str(i) for i in results[name].issues]


# ---------------------------------------------------------------- Spanish-locale real exports


@pytest.mark.parametrize(
    ("name", "rows", "first", "last"),
    [
        ("tiktok/donovanz-es/metricas_todo.csv", 365, "2025-01-04", "2026-01-03"),  # '4 de enero'..'3 de enero'
        ("tiktok/donovanz-es/Overview 4.csv", 60, "2025-11-04", "2026-01-02"),  # '4 de noviembre'..'2 de enero'
    ],
)
def test_spanish_overview_across_new_year(real_exports: Path, name, rows, first, last) -> None:
    data = (real_exports / name).read_bytes()
    [result] = read_files((name, data), reference=REFERENCE_DATE)
    daily = result.frames[Grain.DAILY]
    assert result.status == "parsed" and not [i for i in result.issues if i.level != "info"]
    assert len(daily) == rows
    assert (f"{daily['date'].min():%Y-%m-%d}", f"{daily['date'].max():%Y-%m-%d}") == (first, last)
    assert daily["date"].is_monotonic_increasing and daily["date"].diff().dropna().eq(pd.Timedelta(days=1)).all()
    plain = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(plain) == rows
    for column, metric in [("Video Views", "views"), ("Profile Views", "profile_visits"), ("Likes", "reactions")]:
        assert daily[metric].sum() == sum(int(r[column]) for r in plain)
    # The first label is the first day: '4 de enero' -> 4 January of the assumed year.
    assert plain[0]["Date"].startswith(str(daily["date"].iloc[0].day) + " de ")


# ---------------------------------------------------------------- placeholders, empty files, workbooks


def test_undefined_is_missing_not_zero(originals, original_results) -> None:
    for name, column, metric in [("tiktok/sobatti/Viewers.csv", "Total Viewers", "reach"), ("tiktok/sobatti/FollowerHistory.csv", "Followers", "followers")]:
        plain = [r[column] for r in csv.DictReader(io.StringIO(originals[name].decode("utf-8-sig")))]
        values = original_results[name].frames[Grain.DAILY][metric]
        assert plain.count("undefined") == int(values.isna().sum()) == 277  # SOURCES.tsv: the first 277 of 365 rows
        assert plain.count("0") == int((values == 0).sum())
        assert values.sum() == sum(int(v) for v in plain if v != "undefined")


@pytest.mark.parametrize("name", ["tiktok/htupycollabs/FollowerGender.csv", "tiktok/htupycollabs/Overview.csv", "tiktok/htupycollabs/FollowerActivity.csv"])
def test_header_only_files_import_as_no_rows_with_a_note(originals, real_exports: Path, name) -> None:
    header = (real_exports / name).read_bytes().split(b"\n")[0].rstrip(b"\r")
    [result] = read_files((name, header), reference=REFERENCE_DATE)
    assert result.status == "parsed", [str(i) for i in result.issues]
    assert result.rows == {}
    assert not [i for i in result.issues if i.level != "info"]


def _sheetjs_workbook(rows: list[list[str]], sheet: str = "SheetJS") -> bytes:
    """An .xlsx like TikTok's download: one sheet named "SheetJS", every cell (numbers too) as text."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["tiktok/sobatti/Viewers.csv", "tiktok/htupycollabs/FollowerHistory.csv", "tiktok/htupycollabs/Content.csv"])
def test_sheetjs_workbook_with_text_numbers_reads_like_its_csv(originals, original_results, name) -> None:
    workbook = name.removesuffix(".csv") + ".xlsx"
    [result] = read_files((workbook, _sheetjs_workbook(_rows(originals[name]))), reference=REFERENCE_DATE)
    original = original_results[name]
    assert result.rows == original.rows
    for grain in original.frames:
        left = original.frames[grain].drop(columns=["account"], errors="ignore").reset_index(drop=True)
        right = result.frames[grain].drop(columns=["account"], errors="ignore").reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right)


@pytest.mark.parametrize(("delimiter", "shares"), [(";", ["0.59", "0.41", "0"]), (";", ["0,59", "0,41", "0"]), (",", ["0.59", "0.41", "0"])])
def test_semicolon_files_with_decimal_points_or_commas(real_exports: Path, delimiter, shares) -> None:
    name = "tiktok/htupycollabs/FollowerGender.csv"
    header, *body = _rows((real_exports / name).read_bytes())
    assert [r[1] for r in body] == ["0.59", "0.41", "0"]
    variant = _csv([header, *[[r[0], share] for r, share in zip(body, shares, strict=True)]], delimiter=delimiter)
    [result] = read_files((name, variant), reference=REFERENCE_DATE)
    assert result.frames[Grain.AUDIENCE]["value"].tolist() == [0.59, 0.41, 0.0]
    assert not [i for i in result.issues if i.level != "info"]


# ---------------------------------------------------------------- other vintages


def test_overview_of_another_vintage_with_reach_followers_and_an_unknown_column(originals, original_results) -> None:
    """Newer Overview files name views and profile visits differently and add reach and follower columns."""
    overview, viewers, history = (_rows(originals[f"tiktok/htupycollabs/{n}.csv"]) for n in ("Overview", "Viewers", "FollowerHistory"))
    assert [r[0] for r in overview] == [r[0] for r in viewers] == [r[0] for r in history]
    header = ["Date", "Views", "Profile visits", "Likes", "Comments", "Shares", "Reached audience", "Total followers", "Net followers", "Estimated rewards"]
    body = [[*o, v[1], h[1], h[2], "1.5"] for o, v, h in zip(overview[1:], viewers[1:], history[1:], strict=True)]
    name = "tiktok/htupycollabs/Overview.csv"
    [result] = read_files((name, _csv([header, *body])), reference=REFERENCE_DATE)
    assert result.report == "tiktok_overview" and result.status == "parsed", [str(i) for i in result.issues]
    daily = result.frames[Grain.DAILY]
    before = original_results[name].frames[Grain.DAILY]
    for metric in ("views", "profile_visits", "reactions", "comments", "shares", "engagements"):
        pd.testing.assert_series_equal(daily[metric], before[metric])
    pd.testing.assert_series_equal(daily["reach"], original_results["tiktok/htupycollabs/Viewers.csv"].frames[Grain.DAILY]["reach"])
    followers = original_results["tiktok/htupycollabs/FollowerHistory.csv"].frames[Grain.DAILY]
    pd.testing.assert_series_equal(daily["followers"], followers["followers"])
    pd.testing.assert_series_equal(daily["followers_net"], followers["followers_net"])
    assert daily["views"].sum() == sum(int(r[1]) for r in overview[1:])


def test_content_without_export_day_takes_the_day_of_reference_and_says_so(originals, original_results) -> None:
    name = "tiktok/htupycollabs/Content.csv"
    header, *body = _rows(originals[name])
    assert header[0] == "Time"
    # Without "Time" and with an unknown extra column; the old crash was KeyError: '_export_day'.
    variant = _csv([[*header[1:], "Average watch time"], *[[*r[1:], "12.5"] for r in body]])
    [result] = read_files((name, variant), reference=REFERENCE_DATE)
    assert result.status == "parsed", [str(i) for i in result.issues]
    assert "ingest.tiktok_no_export_day" in [i.code for i in result.issues]
    posts, before = result.frames[Grain.POST], original_results[name].frames[Grain.POST]
    assert posts["post_id"].tolist() == before["post_id"].tolist()
    assert posts["views"].sum() == before["views"].sum() == sum(int(r[7]) for r in body)
    # "July 16" is now the latest July 16 on or before 26 November 2026, not before the export day 28 February.
    assert body[0][3] == "July 16"
    assert posts["published_at"].iloc[0] == pd.Timestamp("2026-07-16", tz="UTC")
    assert before["published_at"].iloc[0] == pd.Timestamp("2025-07-16", tz="UTC")


def test_content_without_publish_time_is_no_crash(originals) -> None:
    name = "tiktok/sobatti/Content.csv"
    header, *body = _rows(originals[name])
    keep = [i for i, h in enumerate(header) if h not in ("Time", "Post time")]
    [result] = read_files((name, _csv([[r[i] for i in keep] for r in [header, *body]])), reference=REFERENCE_DATE)
    assert result.status == "parsed", [str(i) for i in result.issues]
    posts = result.frames[Grain.POST]
    assert len(posts) == len(body) and posts["published_at"].isna().all()
    assert posts["views"].sum() == sum(int(r[header.index("Total views")]) for r in body)
