"""Table-driven tests of the column converters every adapter relies on."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ingest.parsing import (
    DATE_FORMATS,
    _formats_with_literals_of,
    _seconds_everywhere,
    choose_date_format,
    is_null_cell,
    normalise_header,
    to_datetime,
    to_number,
)
from ingest.readers import decode_text, read_text_table, sniff_delimiter

WHERE = {"column": "c", "file": "f.csv", "sheet": None, "row_base": 2}


@pytest.mark.parametrize(
    ("cells", "decimal", "expected"),
    [
        (["1.234,5", "12", "0,5"], ",", [1234.5, 12.0, 0.5]),
        (["1,234.5", "12", "0.5"], ".", [1234.5, 12.0, 0.5]),
        (["1.234.567", "2"], ",", [1234567.0, 2.0]),
        (["89.0", "4.0"], ".", [89.0, 4.0]),  # X legacy writes counts as 89.0
        (["12,3 %", "50 %"], ",", [0.123, 0.5]),
        (["-", "undefined", "", "N/A"], ".", [np.nan] * 4),  # X promoted "-", TikTok "undefined"
        (["1\u00a0234", "5"], ",", [1234.0, 5.0]),  # non-breaking space as thousands separator
        ([1591.0, "7", None], ".", [1591.0, 7.0, np.nan]),  # typed workbook cells mixed with text
    ],
)
def test_to_number(cells, decimal, expected) -> None:
    values, issues = to_number(pd.Series(cells, dtype=object), decimal=decimal, **WHERE)
    assert issues == []
    np.testing.assert_allclose(values.to_numpy(dtype=float), np.array(expected, dtype=float))


@pytest.mark.parametrize(
    "cells",
    [
        ["1591", "", "-3", "12.5", None, "007"],  # plain: Arrow's cast reads these
        ["1.234,5", "12", "0,5"],
        ["1,234", "5"],
        [" 12", "3"],
        ["12 %", "-", "undefined"],
        ["1e3", "inf", "NaN"],
        ["", ""],
    ],
)
@pytest.mark.parametrize("decimal", [".", ","])
def test_csv_text_columns_read_as_the_same_numbers_as_object_columns(cells: list[str | None], decimal: str) -> None:
    # CSV cells arrive as Arrow-backed text, workbook cells as objects; both must give the same numbers and issues.
    arrow, arrow_issues = to_number(pd.Series(cells, dtype="str"), decimal=decimal, **WHERE)
    plain, plain_issues = to_number(pd.Series(cells, dtype=object), decimal=decimal, **WHERE)
    np.testing.assert_array_equal(arrow.to_numpy(dtype=float), plain.to_numpy(dtype=float))
    assert arrow_issues == plain_issues


def test_unreadable_number_is_an_issue_with_row_and_value() -> None:
    values, issues = to_number(pd.Series(["1", "zwei", "3"], dtype=object), **WHERE)
    assert np.isnan(values[1])
    assert [(i.row, i.column, i.value) for i in issues] == [(3, "c", "zwei")]


@pytest.mark.parametrize(
    ("cells", "expected", "day_first"),
    [
        (["2025-01-01T01:00:00"], ["2025-01-01 01:00"], False),  # Meta overview files
        (["2021-12-31 15:59 +0000"], ["2021-12-31 15:59"], False),  # X legacy, UTC
        (["Fri, Mar 21, 2025"], ["2025-03-21"], False),  # X overview
        (["Thu Mar 20 2025"], ["2025-03-20"], False),  # X content, early 2025
        (["02/19/2015 11:45:22 PM"], ["2015-02-19 23:45:22"], False),  # legacy Facebook Insights
        (["11/29/2025", "12/01/2025"], ["2025-11-29", "2025-12-01"], False),  # LinkedIn
        (["13-06-2025"], ["2025-06-13"], False),  # YouTube Totals re-saved by Excel
        (["01.03.2026", "31.12.2025"], ["2026-03-01", "2025-12-31"], False),  # German
        (["03/04/2026"], ["2026-04-03"], True),  # ambiguous: the file's language decides
        (["03/04/2026"], ["2026-03-04"], False),
        (["3. März 2026"], ["2026-03-03"], False),
        (["Aug 19, 2011"], ["2011-08-19"], False),  # YouTube publish time, English even in German exports
    ],
)
def test_to_datetime(cells, expected, day_first) -> None:
    values, issues = to_datetime(pd.Series(cells, dtype=object), day_first=day_first, **WHERE)
    assert [i for i in issues if i.level == "error"] == []
    assert values.tolist() == [pd.Timestamp(e) for e in expected]


@pytest.mark.parametrize(
    ("cells", "reference", "expected"),
    [
        # a year of days ending on the day before the export, crossing New Year
        (["February 28", "December 31", "January 1", "February 27"], dt.date(2026, 2, 28), ["2025-02-28", "2025-12-31", "2026-01-01", "2026-02-27"]),
        # a short series entirely before the reference day
        (["April 12", "April 13"], dt.date(2026, 11, 26), ["2026-04-12", "2026-04-13"]),
        # a series after the reference's month and day belongs to the year before
        (["December 1", "December 2"], dt.date(2026, 11, 26), ["2025-12-01", "2025-12-02"]),
        # newest first (X writes overview days newest first)
        (["January 2", "January 1", "December 31"], dt.date(2026, 1, 5), ["2026-01-02", "2026-01-01", "2025-12-31"]),
        # unordered publish days: each the latest such day on or before the reference
        (["July 16", "December 30", "February 1"], dt.date(2026, 2, 28), ["2025-07-16", "2025-12-30", "2026-02-01"]),
        # publish days of posts, unordered (tiktok/sobatti Content.csv): each the latest such day, not a series over years
        (["June 13", "April 2", "May 21", "April 21", "May 18"], dt.date(2026, 6, 30), ["2026-06-13", "2026-04-02", "2026-05-21", "2026-04-21", "2026-05-18"]),
    ],
)
def test_dates_without_year(cells, reference, expected) -> None:
    values, issues = to_datetime(pd.Series(cells, dtype=object), reference=reference, **WHERE)
    assert values.dt.strftime("%Y-%m-%d").tolist() == expected
    assert any("no year" in i.message and expected[0] in i.message for i in issues)


def test_mixed_date_formats_are_an_error() -> None:
    _, issues = to_datetime(pd.Series(["2025-01-01", "yesterday"], dtype=object), **WHERE)
    assert [i.level for i in issues] == ["error"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Auf\u00adru\u00adfe", "aufrufe"), ("\ufeffDate", "date"), ("  Impressions   (total) ", "impressions total"), ("Ge\u00adsamt", "gesamt")],
)
def test_normalise_header(header, expected) -> None:
    assert normalise_header(header) == expected


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Date,Views\n".encode("utf-8-sig"), "Date,Views\n"),
        ("Date,Views\n".encode("utf-16"), "Date,Views\n"),  # with BOM
        ("Date,Views\n".encode("utf-16-le"), "Date,Views\n"),  # without BOM
        ("Größe\n".encode("cp1252"), "Größe\n"),
    ],
)
def test_decode_text(data, text) -> None:
    assert decode_text("f", data)[0] == text


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [(["a,b,c\n", "1,2,3\n"], ","), (["a;b;c\n", "1,5;2;3\n"], ";"), (["a\tb\n", "1\t2\n"], "\t"), (['"Title"\n', '"a","b"\n', '"1","2"\n'], ",")],
)
def test_sniff_delimiter(lines, delimiter) -> None:
    assert sniff_delimiter(lines) == delimiter


def test_sep_line_sets_the_separator_and_row_numbers_stay_true() -> None:
    table = read_text_table("f.csv", b'sep=;\n"Title"\n"Date";"Primary"\n"2025-01-01";"5"\n')
    assert table.delimiter == ";"
    assert table.row_offset == 1
    assert table.head[2] == ["2025-01-01", "5"]


def _read_by_pandas(monkeypatch: pytest.MonkeyPatch, data: bytes) -> pd.DataFrame:
    import ingest.readers

    with monkeypatch.context() as patched:
        patched.setattr(ingest.readers, "_read_rectangular", lambda *args: None)
        return read_text_table("f.csv", data).cells


@pytest.mark.parametrize(
    "data",
    [
        b'"Post ID","Text","Views"\r\n"1","Zeile eins\r\nZeile zwei","10"\r\n"2","","20"\r\n',  # Windows line ends inside a cell
        b'Datum;Text;Wert\n01.02.2026;"sagt ""hallo""; dann";1.234,5\n02.02.2026; vorn und hinten ;7\n',
        "\ufeffKanal,Konto,Datum\nXING,Müller & Söhne,2026-01-02\n".encode(),
        "sep=;\r\nA;B\r\n1;2\r\n".encode("utf-16"),  # Meta's UTF-16 overview files with their hint line
        b"a,b,c\n1,2,3\n4,5,6",  # no line end after the last row
        b'a,b"c,d\n1,2,3\n',  # a quote inside an unquoted cell is text
        # UTF-8 goes to Arrow as it came: a BOM, a hint line and Windows line ends, a lone "\r" in a cell, old Mac lines
        b'\xef\xbb\xbfsep=,\r\n"a","b"\r\n"1","x\ry"\r\n"2","z\r\nw"\r\n',
        b"a;b\r1;2\r3;4\r",
    ],
)
def test_the_fast_csv_reader_reads_the_same_cells_as_pandas(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import ingest.readers

    calls: list[object] = []
    original = ingest.readers._read_rectangular
    monkeypatch.setattr(ingest.readers, "_read_rectangular", lambda *args: calls.append(args) or original(*args))
    fast = read_text_table("f.csv", data).cells
    assert calls and original(*calls[0]) is not None  # this file took the fast path
    pd.testing.assert_frame_equal(fast, _read_by_pandas(monkeypatch, data), check_column_type=False)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Fan reach\nDate,Value\n2026-01-01,5\n", [["Fan reach", ""], ["Date", "Value"], ["2026-01-01", "5"]]),  # a title row
        (b"a,b\n1,2\n\n3,4\n", [["a", "b"], ["1", "2"], ["", ""], ["3", "4"]]),  # a blank line keeps its row number
        (b"a,b,c\n1,2\nTotal,3,4\n", [["a", "b", "c"], ["1", "2", ""], ["Total", "3", "4"]]),  # a short row is padded
    ],
)
def test_csv_files_whose_lines_differ_in_width_keep_every_row(data: bytes, expected: list[list[str]]) -> None:
    cells = read_text_table("f.csv", data).cells
    assert cells.fillna("").to_numpy().tolist() == expected


def test_generated_grids_read_alike_by_both_csv_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    import csv
    import io

    from hypothesis import given, settings
    from hypothesis import strategies as st

    cell = st.text(alphabet=st.sampled_from(list('ab1,;."\n\r äß€\t')), max_size=6)

    grids = st.integers(2, 4).flatmap(lambda w: st.lists(st.lists(cell, min_size=w, max_size=w), min_size=1, max_size=6))

    @settings(max_examples=150, deadline=None)
    @given(grids, st.sampled_from([",", ";"]), st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]), st.sampled_from(["\n", "\r\n", "\r"]))
    def same(rows: list[list[str]], delimiter: str, quoting: int, line_end: str) -> None:
        buffer = io.StringIO()
        header = [f"h{i}" for i in range(len(rows[0]))]
        csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=quoting).writerows([header, *rows])
        data = buffer.getvalue().encode()
        fast = read_text_table("f.csv", data).cells
        pd.testing.assert_frame_equal(fast, _read_by_pandas(monkeypatch, data), check_column_type=False)

    same()


def test_nul_characters_in_a_csv_are_dropped_and_said() -> None:
    table = read_text_table("posts.csv", b'"Post ID","Text"\n"1","a\x00b"\n"2","c"\n')
    assert table.cells.iloc[1].tolist() == ["1", "ab"]
    assert [(n.code, dict(n.params)) for n in table.notes] == [("ingest.read.nul_characters", {"count": "1"})]


# Cells of every kind a date or number column meets: the Arrow-backed path (CSV files) and the object path
# (workbooks) must read them alike, values and issues.
DATE_COLUMNS = [
    ["2025-01-01T01:00:00", "2025-01-02T01:00:00"],
    ["19.02.2015 23:45:22", "19.02.2015 23:45", " 20.02.2015  08:00 "],  # seconds in some cells only (a re-save)
    ["١٩.٠٢.٢٠١٥ ٢٣:٤٥:٢٢", "١٩.٠٢.٢٠١٥ ٢٣:٤٥"],  # Arabic-Indic digits: Python's \d reads them, RE2's does not
    ["2025-01-01", "-", "undefined", " N/A ", "", None, "NULL"],
    ["3. März 2026", "4. März 2026"],
    ["February 28", "March 1"],
    ["2025-01-01", "yesterday", "2025-01-03"],
    ["Summe", "01.03.2026", "02.03.2026"],
    ["03/04/2026", "13/04/2026"],
]


@pytest.mark.parametrize("cells", DATE_COLUMNS)
@pytest.mark.parametrize("day_first", [False, True])
def test_csv_text_columns_read_as_the_same_dates_as_object_columns(cells: list[str | None], day_first: bool) -> None:
    reference = dt.date(2026, 6, 30)
    arrow, arrow_issues = to_datetime(pd.Series(cells, dtype="str"), day_first=day_first, reference=reference, **WHERE)
    plain, plain_issues = to_datetime(pd.Series(cells, dtype=object), day_first=day_first, reference=reference, **WHERE)
    pd.testing.assert_series_equal(arrow, plain)
    assert arrow_issues == plain_issues


def test_null_cells_read_alike_from_arrow_and_object_columns() -> None:
    cells = ["", " ", "-", "–", " N/A", "na", "Null", "NONE", "undefined ", "nan", "#N/A", "\u00a0-\u00a0", None, "0", "x", "n / a"]
    arrow = is_null_cell(pd.Series(cells, dtype="str"))
    plain = is_null_cell(pd.Series(cells, dtype=object))
    assert arrow.tolist() == plain.tolist() == [True] * 13 + [False] * 3


def test_seconds_are_added_only_where_the_column_has_them_elsewhere() -> None:
    for dtype in ("str", object):
        cells = pd.Series(["19.02.2015 23:45:22", "19.02.2015 23:45", "١٩.٠٢.٢٠١٥ ٢٣:٤٥", None], dtype=dtype).astype("string")
        assert _seconds_everywhere(cells).tolist()[:3] == ["19.02.2015 23:45:22", "19.02.2015 23:45:00", "١٩.٠٢.٢٠١٥ ٢٣:٤٥:00"]
        without = pd.Series(["19.02.2015 23:45", "20.02.2015 08:00"], dtype=dtype).astype("string")
        assert _seconds_everywhere(without).tolist() == ["19.02.2015 23:45", "20.02.2015 08:00"]


def test_the_literal_sieve_keeps_every_format_that_reads_a_value() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    moments = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2099, 12, 31), timezones=st.just(dt.UTC))

    @settings(max_examples=300, deadline=None)
    @given(moments, st.sampled_from(DATE_FORMATS), st.sampled_from([str, str.upper, str.lower]))
    def kept(moment: dt.datetime, fmt: str, case: object) -> None:
        value = case(moment.strftime(fmt))  # type: ignore[operator]
        assert fmt in _formats_with_literals_of(value)
        assert choose_date_format(pd.Series([value], dtype="str")) is not None

    kept()
    # German dates: only formats without other literals than two points (blanks match runs of blanks) are left.
    assert _formats_with_literals_of("01.03.2026") == ["%d.%m.%Y", "%d.%m.%y", "%a %b %d %Y", "%d %b %Y", "%d %B %Y", "%d. %B %Y", "%d. %b %Y"]
