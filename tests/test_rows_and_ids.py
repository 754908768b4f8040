"""Rows without ids, footers and total rows, post ids a spreadsheet re-saved (issue 8, classes 3, 4 and 9).

Variants are derived in the test from the real exports; expected values are read from the originals
with the csv module, independently of the adapters.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ingest.ids import canonical_post_ids, derived_post_ids, destroyed_post_ids
from model.canonical import Grain
from model.i18n import Language
from model.issues import Level
from model.results import FileResult, Status
from storage.imports import store_results, undo_import
from storage.queries import current
from tests.conftest import read_files, read_one
from tests.csvfiles import csv_bytes, csv_rows

FACEBOOK_POSTS = "facebook/leonmpofu/Jan-14-2025_Apr-14-2025_1396269028466733.csv"
X_POSTS = "x_twitter/hestey-star/account_analytics_content_2026-08-10_2026-08-16.csv"
YOUTUBE_TABLE = "youtube/priyankapatel05/Table data.csv"
YOUTUBE_TOTALS = "youtube/deanout/Totals.csv"


def _codes(result: FileResult, level: Level | None = None) -> list[str]:
    return [i.code or i.message for i in result.issues if level is None or i.level is level]


def _issue(result: FileResult, code: str):
    [found] = [i for i in result.issues if i.code == code]
    return found


# ---------------------------------------------------------------- ids


def test_canonical_ids_undo_what_a_workbook_did_to_numeric_ids() -> None:
    ids = pd.Series(
        ["916905143862812.0", "939005954986064", " 12 ", "", None, "9.39005954986064E+14", "UWQNrpakgcA", "urn:li:activity:7", "9007199254740993.0"]
    )
    assert canonical_post_ids(ids).tolist() == [
        "916905143862812",
        "939005954986064",
        "12",
        pd.NA,
        pd.NA,
        "939005954986064",  # scientific notation that still has every digit
        "UWQNrpakgcA",
        "urn:li:activity:7",
        "9007199254740993.0",  # beyond 2**53 a float is not exact: left for destroyed_post_ids
    ]


def test_ids_a_spreadsheet_shortened_are_found() -> None:
    ids = canonical_post_ids(pd.Series(["9,39006E+14", "9.39006E+14", "2.0887071806943235e+18", "939005954986064", "9007199254740993.0", "UWQNrpakgcA"]))
    assert destroyed_post_ids(ids).tolist() == [True, True, True, False, True, False]
    # Digit text is taken as written, trailing zeros and all (a real id may end so).
    assert destroyed_post_ids(pd.Series(["2088707180694320000", "1850001743411600000"])).tolist() == [False, False]


def test_derived_ids_depend_on_time_and_text_only_and_stay_apart() -> None:
    when = pd.Series(pd.to_datetime(["2025-01-14 10:00", "2025-01-14 10:00", "2025-01-14 10:00", "2025-01-15 10:00"]).tz_localize("UTC"))
    text = pd.Series(["Hello  world", "Hello world", "Other", "Hello world"], dtype="string")
    platform = pd.Series(["facebook"] * 4, dtype="string")
    keys = derived_post_ids(platform, when, text).tolist()
    assert keys[0].startswith("derived:") and keys[1] == keys[0] + "-2"  # same time and text (spacing aside): second of two
    assert len(set(keys)) == 4
    assert derived_post_ids(platform, when, text).tolist() == keys  # stable


def _workbook_with_numeric_ids(rows: list[list[str]]) -> bytes:
    """The CSV as an .xlsx whose digit-only cells are numbers, as Excel stores ids after a re-save."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_resave_with_numeric_ids_gives_the_same_posts(real_exports: Path, engine) -> None:
    rows = csv_rows(real_exports / FACEBOOK_POSTS)
    original, resaved = read_files((FACEBOOK_POSTS, (real_exports / FACEBOOK_POSTS).read_bytes()), ("resaved.xlsx", _workbook_with_numeric_ids(rows)))
    expected_ids = sorted(r[0] for r in rows[1:])
    assert len(expected_ids) == 261
    assert sorted(resaved.frames[Grain.POST]["post_id"]) == sorted(original.frames[Grain.POST]["post_id"]) == expected_ids
    assert resaved.totals == original.totals
    store_results(engine, [original, resaved])
    assert [original.status, resaved.status] == [Status.IMPORTED, Status.IMPORTED]
    posts = current(engine, Grain.POST)
    assert len(posts) == 261  # not 522
    assert posts["impressions"].sum() == sum(int(r[17]) for r in rows[1:]) == 15982


def test_ids_excel_shortened_are_refused_with_the_reason(real_exports: Path) -> None:
    rows = csv_rows(real_exports / FACEBOOK_POSTS)
    shortened = [rows[0]] + [[f"{float(r[0]):.5E}".replace(".", ","), *r[1:]] for r in rows[1:]]  # 9,39006E+14
    result = read_one("shortened.csv", csv_bytes(shortened))
    assert result.status is Status.ERROR
    issue = _issue(result, "ingest.post_id_destroyed")
    assert (issue.row, issue.value, issue.column) == (2, "9,39006E+14", "post_id")
    assert dict(issue.params)["count"] == "261"
    assert "format the id column as text" in issue.text(Language.EN).lower()
    assert "ingest.key_twice" not in _codes(result)  # the reason, not "the same post id twice"


# ---------------------------------------------------------------- rows without an id


def _without_ids(rows: list[list[str]], positions: list[int]) -> list[list[str]]:
    return [[""] + r[1:] if number in positions else r for number, r in enumerate(rows)]


def test_posts_without_an_id_are_kept_under_a_stable_key(real_exports: Path, engine) -> None:
    rows = csv_rows(real_exports / FACEBOOK_POSTS)
    variant = _without_ids(rows, [5, 10, 200])
    result = read_one("posts.csv", csv_bytes(variant))
    assert result.status is Status.PARSED
    frame = result.frames[Grain.POST]
    assert len(frame) == 261 and frame["post_id"].is_unique
    derived = frame[frame["post_id"].str.startswith("derived:")]
    # csv row n is spreadsheet row n + 1 (header is row 1)
    assert derived["source_row"].tolist() == [6, 11, 201]
    warning = _issue(result, "ingest.post_id_derived")
    assert warning.level is Level.WARNING and warning.row == 6
    params = dict(warning.params)
    assert (params["count"], params["rows"]) == ("3", "6, 11, 201")
    assert params["figures"].startswith(f"6: impressions {int(rows[5][17])}, reach {int(rows[5][18])}")  # stored plainly
    impressions, reach = (f"{int(rows[5][column]):,}".replace(",", ".") for column in (17, 18))
    german = f"Zahlen je Zeile: 6: Impressionen {impressions}, Reichweite {reach}"
    assert german in warning.text(Language.DE)  # written as the reader writes them
    assert result.totals == read_one(FACEBOOK_POSTS, (real_exports / FACEBOOK_POSTS).read_bytes()).totals

    # The same rows again (other bytes: CRLF) update the same posts; undo brings the first import back.
    [first] = store_results(engine, [result])
    again = read_one("posts again.csv", csv_bytes(variant).replace(b"\n", b"\r\n"))
    [second] = store_results(engine, [again])
    assert second.status is Status.IMPORTED and second.import_id != first.import_id
    posts = current(engine, Grain.POST)
    assert len(posts) == 261
    assert set(posts.loc[posts["post_id"].str.startswith("derived:"), "import_id"]) == {second.import_id}
    assert undo_import(engine, second.import_id)
    assert set(current(engine, Grain.POST)["import_id"]) == {first.import_id}


def test_x_posts_without_an_id_are_kept(real_exports: Path) -> None:
    rows = csv_rows(real_exports / X_POSTS)
    result = read_one("account_analytics_content_2026-08-10_2026-08-16.csv", csv_bytes(_without_ids(rows, [1, 2])))
    assert result.status is Status.PARSED, [str(i) for i in result.issues]
    assert len(result.frames[Grain.POST]) == len(rows) - 1 == 40
    assert dict(_issue(result, "ingest.post_id_derived").params)["rows"] == "2, 3"
    assert result.totals["post"]["impressions"] == sum(int(r[4]) for r in rows[1:])


def test_a_row_with_figures_but_no_id_time_or_text_is_an_error_that_names_it(real_exports: Path) -> None:
    rows = csv_rows(real_exports / X_POSTS)
    rows[3] = ["", "", "", "", *rows[3][4:]]
    result = read_one("account_analytics_content_2026-08-10_2026-08-16.csv", csv_bytes(rows))
    assert result.status is Status.ERROR
    issue = _issue(result, "ingest.post_without_key")
    assert (issue.row, dict(issue.params)["rows"]) == (4, "4")


# ---------------------------------------------------------------- footers and total rows


@pytest.mark.parametrize("footer", ["Showing top 500 results", "Die 500 besten Ergebnisse werden angezeigt", "Se muestran los 500 mejores resultados"])
def test_a_footer_line_is_no_post(real_exports: Path, footer: str) -> None:
    rows = csv_rows(real_exports / YOUTUBE_TABLE)
    original = read_one(YOUTUBE_TABLE, (real_exports / YOUTUBE_TABLE).read_bytes())
    result = read_one("Table data.csv", csv_bytes([*rows, [footer] + [""] * (len(rows[0]) - 1)]))
    assert result.status is Status.PARSED
    assert len(result.frames[Grain.POST]) == len(rows) - 2 == 442  # header and Total row are no posts either
    assert result.totals == original.totals
    note = _issue(result, "ingest.caption_rows_dropped")
    assert (note.level, note.row, note.value) == (Level.INFO, len(rows) + 1, footer)


def test_a_total_row_is_found_by_its_sums_whatever_its_label_first_or_last(real_exports: Path) -> None:
    rows = csv_rows(real_exports / YOUTUBE_TABLE)
    header, videos = rows[0], rows[2:]
    original = read_one(YOUTUBE_TABLE, (real_exports / YOUTUBE_TABLE).read_bytes())
    # This export's own Total row (181,588 views) covers videos beyond the 442 listed (153,235): it is
    # dropped by its label. A row of the listed rows' sums goes whatever its label.
    sums = [f"{sum(float(r[i]) for r in videos):.4f}" for i in (4, 5, 6, 7)]
    assert sums[0] == "153235.0000"
    for label in ("Σ", ""):
        total = [label, "", "", "", *sums, "1.68"]
        for variant in ([header, *videos, total], [header, total, *videos]):
            result = read_one("Table data.csv", csv_bytes(variant))
            assert len(result.frames[Grain.POST]) == 442
            assert result.totals == original.totals
            assert _issue(result, "ingest.total_row_dropped").level is Level.INFO


def test_a_daily_file_drops_its_footer_and_a_sum_row_without_a_date(real_exports: Path) -> None:
    rows = csv_rows(real_exports / YOUTUBE_TOTALS)
    views, subscribers = sum(int(r[1]) for r in rows[1:]), sum(int(r[2]) for r in rows[1:])
    variant = [*rows, ["Summe der Tage", str(views), str(subscribers)], ["Showing top 500 results", "", ""]]
    result = read_one("Totals.csv", csv_bytes(variant))
    assert result.status is Status.PARSED, [str(i) for i in result.issues]
    assert len(result.frames[Grain.DAILY]) == 39
    assert result.totals["daily"]["views"] == views
    assert set(_codes(result, Level.INFO)) >= {"ingest.total_row_dropped", "ingest.caption_rows_dropped"}
    assert _codes(result, Level.ERROR) == []


def test_a_day_without_figures_stays_a_day(real_exports: Path) -> None:
    rows = csv_rows(real_exports / YOUTUBE_TOTALS)
    rows[5] = [rows[5][0], "", ""]
    frame = read_one("Totals.csv", csv_bytes(rows)).frames[Grain.DAILY]
    assert len(frame) == 39 and frame["views"].isna().sum() == 1  # unknown, not dropped and not 0


def test_x_ids_beyond_two_to_the_53_in_number_cells_are_refused(real_exports: Path) -> None:
    rows = csv_rows(real_exports / X_POSTS)
    assert int(rows[1][0]) > 2**53  # 19 digits: a number cell cannot hold them
    result = read_one("account_analytics_content_2026-08-10_2026-08-16.xlsx", _workbook_with_numeric_ids(rows))
    assert result.status is Status.ERROR
    issue = _issue(result, "ingest.post_id_destroyed")
    assert dict(issue.params)["count"] == str(len(rows) - 1)
    assert issue.row == 2 and issue.value.startswith("2.08870718069432") and issue.value.endswith("e+18")
    assert "ingest.key_twice" not in _codes(result)


def test_an_end_row_without_a_date_that_is_no_sum_is_named(real_exports: Path) -> None:
    rows = csv_rows(real_exports / YOUTUBE_TOTALS)
    result = read_one("Totals.csv", csv_bytes([*rows, ["Anmerkung", "5", "1"]]))
    assert result.status is Status.ERROR
    issue = _issue(result, "ingest.row_without_date")
    assert (issue.row, issue.value) == (len(rows) + 1, "Anmerkung")
    assert "Anmerkung" in issue.text(Language.DE)
