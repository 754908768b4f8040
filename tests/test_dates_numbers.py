"""Dates, numbers and placeholders as classes (issue 8, classes 1, 2 and 7), with hand-computed values.

Dates: ISO date-times, English and German Excel re-saves, and day labels without a year in the
languages of TikTok's interface (month names from Babel, one language per column). Numbers: the
decimal mark is read per column from the values; the file's separator is only the hint for the
truly ambiguous. Placeholders are missing, never 0 and never an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ingest.parsing import (
    DATE_FORMATS,
    _field_pattern,
    _parse_in_arrow,
    _parse_with,
    fold_label,
    infer_decimal,
    month_names,
    read_month_names,
    to_datetime,
    to_number,
)
from model.i18n import TEXTS, Language
from tests.conftest import read_files

WHERE = {"column": "c", "file": "f.csv", "sheet": None, "row_base": 2}
REFERENCE = dt.date(2026, 11, 26)
PLACEHOLDERS = ["undefined", "-", "--", "–", "N/A", "n/a", "null", "NaN", "", None]


def _dates(cells: list[object], **kwargs: object) -> tuple[list[str], list]:
    values, issues = to_datetime(pd.Series(cells, dtype=object), reference=REFERENCE, **WHERE, **kwargs)
    return [None if pd.isna(v) else f"{v:%Y-%m-%d %H:%M}" for v in values], issues


# ---------------------------------------------------------------- dates with a year


@pytest.mark.parametrize(
    ("cells", "expected", "day_first"),
    [
        (["2023-07-08T00:00:00", "2023-07-09T00:00:00"], ["2023-07-08 00:00", "2023-07-09 00:00"], False),  # Meta without preamble
        (["2023-07-08T13:45:10.000"], ["2023-07-08 13:45"], False),
        (["2023-07-08T13:45"], ["2023-07-08 13:45"], False),
        (["3-Jun-26", "13-Dec-25"], ["2026-06-03 00:00", "2025-12-13 00:00"], False),  # English Excel re-save
        (["6/3/2026", "6/13/2026"], ["2026-06-03 00:00", "2026-06-13 00:00"], True),  # 13 in the second field: month first
        (["13/6/2026", "6/3/2026"], ["2026-06-13 00:00", "2026-03-06 00:00"], False),  # 13 in the first field: day first
        (["08.03.2026", "31.12.2025"], ["2026-03-08 00:00", "2025-12-31 00:00"], False),  # German Excel
        (["08.03.2026 14:05", "09.03.2026 00:00"], ["2026-03-08 14:05", "2026-03-09 00:00"], False),
        (["8 de marzo de 2025"], ["2025-03-08 00:00"], False),  # a month name with a year
        (["29 de febrero de 2024"], ["2024-02-29 00:00"], False),
    ],
)
def test_dates_of_re_saves_and_iso_times(cells, expected, day_first) -> None:
    got, issues = _dates(cells, day_first=day_first)
    assert got == expected
    assert [i for i in issues if i.level == "error"] == []


def test_truly_ambiguous_slashes_follow_the_file_and_say_so() -> None:
    got, issues = _dates(["6/3/2026"], day_first=True)  # a ";" file: German Excel writes day first
    assert got == ["2026-03-06 00:00"]
    assert [i.code for i in issues] == ["ingest.dates_day_first"]
    got, issues = _dates(["6/3/2026"])
    assert got == ["2026-06-03 00:00"]
    assert [i.code for i in issues] == ["ingest.dates_month_first"]


# ---------------------------------------------------------------- day labels without a year

# "8 March" as TikTok's interface writes it in each language (hand-written, not generated).
MARCH_8 = {
    "en": "March 8",
    "en_GB": "8 March",
    "es": "8 de marzo",
    "de": "8. März",
    "fr": "8 mars",
    "it": "8 marzo",
    "pt": "8 de março",
    "nl": "8 maart",
    "ru": "8 марта",
    "pl": "8 marca",
    "tr": "8 Mart",
    "ja": "3月8日",
    "ko": "3월 8일",
    "ar": "8 مارس",
    "ar_digits": "٨ مارس",  # Arabic-Indic digits
    "th": "8 มีนาคม",
    "th_short": "8 มี.ค.",
    "vi": "8 tháng 3",
    "id": "8 Maret",
    "he": "8 במרץ",
    "uk": "8 березня",
    "el": "8 Μαρτίου",
    "hu": "március 8.",
    "ro": "8 martie",
    "fil": "Marso 8",
    "fullwidth": "３月８日",
    "de_abbr": "8. Mär.",
    "upper": "8 DE MARZO",
}


@pytest.mark.parametrize("label", MARCH_8.values(), ids=MARCH_8.keys())
def test_march_8_in_every_language_is_march_8(label) -> None:
    got, issues = _dates([label])
    assert got == ["2026-03-08 00:00"]  # the latest 8 March on or before 26 November 2026
    assert [i.code for i in issues] == ["ingest.dates_no_year"]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["30 de diciembre", "31 de diciembre", "1 de enero", "2 de enero"], ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]),
        (["12月31日", "1月1日"], ["2025-12-31", "2026-01-01"]),  # "12月" is not "2月"
        (["31 tháng 12", "1 tháng 1"], ["2025-12-31", "2026-01-01"]),  # "tháng 12" is not "tháng 1"
        (["2. Jänner", "1. Jänner"], ["2026-01-02", "2026-01-01"]),  # Austrian, newest first
        # 29 February only exists in leap years: a series holding it moves back to 2024 as a whole
        (["28 de febrero", "29 de febrero", "1 de marzo"], ["2024-02-28", "2024-02-29", "2024-03-01"]),
        (["29 de febrero"], ["2024-02-29"]),
    ],
)
def test_labels_across_new_year(cells, expected) -> None:
    got, _ = _dates(cells)
    assert [g[:10] for g in got] == expected


def test_one_language_per_column_and_a_warning_only_where_two_read_differently() -> None:
    # "listopad(a)" is November in Polish and October in Croatian: Polish comes first, and it is said.
    got, issues = _dates(["8 listopada", "9 listopada"])
    assert got == ["2026-11-08 00:00", "2026-11-09 00:00"]
    [ambiguous] = [i for i in issues if i.code == "ingest.month_names_ambiguous"]
    assert ambiguous.level == "warning"
    assert dict(ambiguous.params)["chosen"] == "Polish" and dict(ambiguous.params)["other"] == "Croatian"
    # With "studenoga" (Croatian November) in the column only Croatian reads every label: no warning.
    got, issues = _dates(["31. listopada", "1. studenoga"])
    assert got == ["2026-10-31 00:00", "2026-11-01 00:00"]
    assert [i.code for i in issues] == ["ingest.dates_no_year"]
    # Spanish "marzo" is March wherever it is read: no warning.
    _, issues = _dates(["8 de marzo"])
    assert "ingest.month_names_ambiguous" not in [i.code for i in issues]


def test_read_month_names_reports_its_locale_and_reads_each_label_once() -> None:
    reading = read_month_names(pd.Series(["8 de marzo", "9 de marzo", "8 de marzo"]))
    assert reading is not None
    assert reading.locale == "es"
    assert reading.parts.loc["9 de marzo"].tolist() == [pd.NA, 3, 9]
    assert len(reading.parts) == 2


@pytest.mark.parametrize("cells", [["Total"], ["8 xyzzy"], ["March 8", "yesterday"], ["8 de marzo 14"]])
def test_labels_no_language_reads_are_an_error_with_examples(cells) -> None:
    got, issues = _dates(cells)
    assert set(got) == {None}
    assert [i.code for i in issues] == ["ingest.dates_unknown"]
    assert repr(cells[0]) in issues[0].message


def test_month_names_come_from_babel_folded() -> None:
    assert month_names("pt")["marco"] == 3  # "março" without its accent
    assert month_names("de")["mar"] == 3  # stand-alone abbreviation "Mär"
    assert month_names("ru")["марта"] == 3  # genitive (format) and nominative (stand-alone) both
    assert month_names("ru")["март"] == 3
    assert "m03" not in month_names("ja")  # Babel's placeholder for a missing abbreviation
    assert fold_label("8. Mär.") == "8 mar"
    assert fold_label("٨ مارس") == "8 مارس"


# ---------------------------------------------------------------- placeholders


def test_placeholders_are_missing_dates_not_errors() -> None:
    got, issues = _dates(["8 de marzo", *PLACEHOLDERS])
    assert got == ["2026-03-08 00:00"] + [None] * len(PLACEHOLDERS)
    assert [i.level for i in issues] == ["info"]


def test_placeholders_are_missing_numbers_never_zero() -> None:
    values, issues = to_number(pd.Series(["5", *PLACEHOLDERS], dtype=object), decimal=",", **WHERE)
    assert issues == []
    assert values.iloc[0] == 5.0
    assert values.iloc[1:].isna().all()


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("cells", "hint", "expected"),
    [
        (["12.5", "0.59", "1234"], ",", [12.5, 0.59, 1234.0]),  # ";" file with decimal points
        (["1.234,5", "12", "0,5"], ".", [1234.5, 12.0, 0.5]),  # "," file with decimal commas
        (["1,234.5", "7"], ",", [1234.5, 7.0]),
        (["0,59", "0,41"], ".", [0.59, 0.41]),
        (["12.5%", "50%"], ",", [0.125, 0.5]),
        (["12,5 %", "50 %"], ".", [0.125, 0.5]),
        (["1 234,5", "2"], ".", [1234.5, 2.0]),
        (["1\u202f234,5"], ".", [1234.5]),
        (["1’234.5", "1'000.25"], ",", [1234.5, 1000.25]),
        (["1.234.567", "2"], ".", [1234567.0, 2.0]),
        (["1,234,567", "2"], ",", [1234567.0, 2.0]),
        (["0,5", "1.234"], ".", [0.5, 1234.0]),  # "0,5" decides; "1.234" is then grouped
        (["0.590", "3"], ",", [0.59, 3.0]),  # a leading 0 is no thousands group
        (["-1.5", "+2.25"], ",", [-1.5, 2.25]),
        (["1.000", "0,5"], ".", [1000.0, 0.5]),  # "0,5" decides: "1.000" is one thousand, whatever the hint
        (["1.000", "12.5"], ",", [1.0, 12.5]),  # "12.5" decides: "1.000" is one
        (["1.000,5", "2.000"], ",", [1000.5, 2000.0]),
    ],
)
def test_decimal_mark_per_column(cells, hint, expected) -> None:
    values, issues = to_number(pd.Series(cells, dtype=object), decimal=hint, **WHERE)
    assert issues == []
    np.testing.assert_allclose(values.to_numpy(dtype=float), expected)


@pytest.mark.parametrize(
    ("cells", "hint", "expected", "code"),
    [
        (["1,234", "5"], ".", [1234.0, 5.0], "ingest.decimal_ambiguous_point"),
        (["1,234", "5"], ",", [1.234, 5.0], "ingest.decimal_ambiguous_comma"),
        (["1.234"], ",", [1234.0], "ingest.decimal_ambiguous_comma"),
        (["1.234"], ".", [1.234], "ingest.decimal_ambiguous_point"),
        (["1.000", "2.500"], ",", [1000.0, 2500.0], "ingest.decimal_ambiguous_comma"),
    ],
)
def test_truly_ambiguous_numbers_follow_the_file_with_a_warning(cells, hint, expected, code) -> None:
    values, issues = to_number(pd.Series(cells, dtype=object), decimal=hint, **WHERE)
    np.testing.assert_allclose(values.to_numpy(dtype=float), expected)
    [warned] = issues
    assert (warned.level, warned.code, warned.column, warned.value) == ("warning", code, "c", cells[0])
    assert dict(warned.params)["number"] == f"{expected[0]:g}"


def test_a_value_against_the_columns_decimal_mark_is_an_error_not_a_silent_number() -> None:
    values, issues = to_number(pd.Series(["12.5", "0,5", "3.25", "4.75"], dtype=object), **WHERE)
    assert values.iloc[[0, 2, 3]].tolist() == [12.5, 3.25, 4.75]
    assert np.isnan(values.iloc[1])  # not 5
    assert [(i.code, i.row, i.value) for i in issues] == [("ingest.cell_not_number", 3, "0,5")]


def test_infer_decimal_evidence() -> None:
    assert infer_decimal(pd.Series(["1.234.567"]), ".") == (",", False)
    assert infer_decimal(pd.Series(["1,5"]), ".") == (",", False)
    assert infer_decimal(pd.Series(["1,500"]), ",") == (",", True)
    assert infer_decimal(pd.Series(["12"]), ",") == (",", False)  # no separator: nothing to decide


def test_every_message_code_of_this_area_has_both_languages() -> None:
    codes = [
        "ingest.cell_not_number",
        "ingest.cell_not_date",
        "ingest.cells_more_unreadable",
        "ingest.dates_unknown",
        "ingest.dates_no_year",
        "ingest.dates_month_first",
        "ingest.dates_day_first",
        "ingest.month_names_ambiguous",
        "ingest.decimal_ambiguous_comma",
        "ingest.decimal_ambiguous_point",
        "ingest.tiktok_no_export_day",
    ]
    for code in codes:
        assert TEXTS[code][Language.DE] and TEXTS[code][Language.EN] and TEXTS[code][Language.DE] != TEXTS[code][Language.EN]


# ---------------------------------------------------------------- re-saves of real exports

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):\d{2})?$")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def _german_excel(cell: str) -> str:
    """A cell as German Excel writes it: TT.MM.JJJJ (HH:MM), decimal comma."""
    if found := _ISO.match(cell):
        year, month, day, hour, minute = found.groups()
        return f"{day}.{month}.{year}" + (f" {hour}:{minute}" if hour else "")
    return cell.replace(".", ",") if _DECIMAL.match(cell) else cell


def _english_excel(cell: str) -> str:
    """A cell as English (US) Excel writes it: M/D/YYYY H:MM with a time, else 3-Jun-26."""
    if found := _ISO.match(cell):
        day = dt.date(*map(int, found.groups()[:3]))
        return f"{day.month}/{day.day}/{day.year} {int(found[4])}:{found[5]}" if found[4] else f"{day.day}-{day:%b-%y}"
    return cell


RESAVES = {
    # (convert a cell, separator, encoding)
    "utf8_without_preamble": (str, ",", "utf-8"),
    "semicolons_with_decimal_points": (str, ";", "utf-8-sig"),
    "german_excel": (_german_excel, ";", "cp1252"),
    "english_excel": (_english_excel, ",", "utf-8"),
}


def _resave(data: bytes, convert: Callable[[str], str], delimiter: str, encoding: str) -> bytes:
    text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].startswith("sep="):
        lines = lines[1:]
    rows = list(csv.reader(lines))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([[convert(c) for c in row] for row in rows if row])
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("resave", RESAVES)
@pytest.mark.parametrize(
    "name",
    [
        "facebook/leonmpofu/Reach.csv",  # Meta overview: UTF-16, sep= line, 2025-01-01T01:00:00
        "youtube/violetzq/DangerTV_Content.csv",  # decimals (watch hours 1.5743, revenue 0.024, CTR 77.78)
        "youtube/priyankapatel05/Totals.csv",  # daily ISO dates
        "facebook/leonmpofu/Mar-18-2025_Apr-14-2025_553302954456165.csv",  # posts whose texts hold line breaks and commas
    ],
)
def test_re_saved_real_exports_read_the_same(real_exports: Path, name, resave) -> None:
    original = (real_exports / name).read_bytes()
    variant = _resave(original, *RESAVES[resave])
    [before] = read_files((name, original))
    [after] = read_files((name, variant))
    assert after.status == before.status == "parsed", [str(i) for i in after.issues]
    assert after.rows == before.rows and after.date_range == before.date_range
    assert _totals_close(after.totals, before.totals)
    assert not [i for i in after.issues if i.level != "info"], [str(i) for i in after.issues]


def _totals_close(a: dict[str, dict[str, float]], b: dict[str, dict[str, float]]) -> bool:
    return a.keys() == b.keys() and all(a[g].keys() == b[g].keys() and a[g] == pytest.approx(b[g]) for g in a)


def _cells_in(fmt: str, rng: np.random.Generator, count: int) -> list[str]:
    """Cells written in ``fmt``, valid and not: months 0-13, days 0-32 (30 February), hours 0-25, minutes and seconds
    0-61, years of 2 and 4 digits, fields with and without a leading zero."""
    ranges = {"%Y": (1899, 2102), "%m": (0, 14), "%d": (0, 33), "%H": (0, 26), "%M": (0, 62), "%S": (0, 62)}
    cells = []
    for _ in range(count):
        cell = fmt
        for field, (low, high) in ranges.items():
            number = int(rng.integers(low, high))
            written = f"{number:02d}" if rng.random() < 0.7 else str(number)
            if field == "%Y" and rng.random() < 0.05:
                written = written[2:]  # "26": Arrow reads the year 26, pandas refuses it
            cell = cell.replace(field, written)
        cells.append(cell)
    return cells


@pytest.mark.parametrize("fmt", [f for f in DATE_FORMATS if _field_pattern(f) is not None])
def test_numeric_dates_read_by_arrow_equal_pandas_reading_them(fmt: str) -> None:
    # Such formats are read by Arrow's strptime and checked field by field (ingest.parsing._parse_in_arrow);
    # every cell, misread or not, must come out as pandas' own reading of it.
    rng = np.random.default_rng(sum(map(ord, fmt)))
    cells = [*_cells_in(fmt, rng, 3000), "", "x", None]
    text = pd.Series(cells, dtype="string")
    expected = pd.to_datetime(text, format=fmt, errors="coerce")
    assert _parse_in_arrow(text, fmt) is not None  # the cells took Arrow's path
    got = _parse_with(text, fmt)
    assert got.dtype == expected.dtype
    mismatched = [(c, g, e) for c, g, e in zip(cells, got, expected, strict=True) if not (g == e or (pd.isna(g) and pd.isna(e)))]
    assert mismatched == []
    assert 0.2 < expected.notna().mean() < 0.95  # both kinds of cells were met
