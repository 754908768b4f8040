"""Column converters shared by all adapters: header names, numbers, dates.

All converters are vectorised over a column and return the converted column plus the issues of the
cells they could not read (with the 1-based row number a spreadsheet program shows).
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from model.issues import Issue, error, info, warning

V = TypeVar("V")

# Cells that mean "no value" in the platforms' exports (TikTok writes the literal "undefined",
# X writes "-" for promoted metrics of organic posts).
NULL_TOKENS = frozenset({"", "-", "–", "—", "--", "n/a", "na", "null", "none", "undefined", "nan", "#n/a"})

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Punctuation and symbols separate words in a header; "%" stays, it tells a share from a count ("Views (%)").
_SEPARATORS = re.compile(r"[^\w\s%]|_")
_SINGULAR_KEEP = ("ss", "us", "is")  # "Business", "Status", "Analysis" are not plurals


def normalise_header(header: object) -> str:
    """A header as compared with an adapter's aliases: the same for every way an export spells it.

    Unicode NFKC (NFC, and NBSP or full-width forms as plain characters), without soft hyphens
    (YouTube's German headers write "Auf\u00adru\u00adfe"), zero-width characters or BOMs, casefolded,
    punctuation as word breaks ("„Mag ich“-Bewertungen" = "Mag ich Bewertungen"), single spaces.
    Singular and plural ("Videos"/"Video") are told apart here and matched by ``resolve_header``.
    """
    return _normalise_text(header if isinstance(header, str) else str(header))


@lru_cache(maxsize=8192)
def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    return " ".join(_SEPARATORS.sub(" ", text).split())


@lru_cache(maxsize=8192)
def singular_header(key: str) -> str:
    """A normalised header with each word's plural "s" dropped ("video" for "videos")."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(_SINGULAR_KEEP) else w for w in key.split())


@lru_cache(maxsize=256)
def _by_singular(keys: frozenset[str]) -> dict[str, str | None]:
    # A singular form two keys share ("follower" for "Follower" and "Followers", which Meta's
    # German and English files use for different figures) matches neither: only exact spelling does.
    index: dict[str, str | None] = {}
    for key in keys:
        form = singular_header(key)
        index[form] = key if index.get(form, key) == key else None
    return index


def resolve_header(header: object, keys: frozenset[str]) -> str | None:
    """The key among ``keys`` (normalised aliases) that ``header`` names, or None.

    The exact normalised spelling wins; otherwise singular and plural are one ("Videos" names
    "Video") where that leaves a single key. Matching is on whole headers, never on parts, so
    "Reactions" never names "Reactions, Comments and Shares".
    """
    key = normalise_header(header)
    if key in keys:
        return key
    return _by_singular(keys).get(singular_header(key)) if key else None


@lru_cache(maxsize=64)  # one table's first rows, while every adapter looks at them (rows may hold long post texts)
def _row_forms(row: tuple[object, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A row's normalised cells and their singular forms. Every adapter looks for its header in the
    same first rows of a table: each row is normalised once, not once per adapter."""
    keys = frozenset(normalise_header(c) for c in row if c)
    return keys, frozenset(singular_header(k) for k in keys if k)


def normalised_keys(mapping: dict[str, V]) -> dict[str, V]:
    """``mapping`` with its header keys normalised, for lookups of ``normalise_header`` results."""
    return {normalise_header(key): value for key, value in mapping.items()}


def is_null_cell(series: pd.Series) -> pd.Series:
    cells = _arrow_text(series)
    if cells is not None:  # the same kernels pandas' .str.strip().str.lower() call, without its per-call overhead
        import pyarrow.compute as pc

        tokens = pc.is_in(pc.utf8_lower(pc.utf8_trim_whitespace(cells)), value_set=_null_token_array())
        return pd.Series(pc.or_(pc.is_null(cells), tokens).to_numpy(zero_copy_only=False), index=series.index)
    text = series.astype("string").str.strip().str.lower()  # pyarrow kernels; casefold would loop in Python
    return series.isna() | text.isin(NULL_TOKENS).fillna(True)


@functools.cache
def _null_token_array() -> Any:
    """NULL_TOKENS as an Arrow array, built once (is_null_cell runs for every column of every file)."""
    import pyarrow as pa

    return pa.array(sorted(NULL_TOKENS))


def _arrow_text(series: pd.Series) -> Any:
    """The cells of an Arrow-backed text column (as CSV files are read) as an Arrow array, else None.

    A small export's columns have a few dozen cells: there a pandas string method's fixed cost (a tenth of a
    millisecond) outweighs the work, and a parse runs dozens of them per column. Arrow's compute functions are the
    kernels those methods call, so both paths read a cell alike (tested)."""
    if not isinstance(series.array, pd.arrays.ArrowStringArray):
        return None
    import pyarrow as pa

    return pa.array(series.array)


# ---------------------------------------------------------------- numbers

# Characters inside numbers that carry no value: spaces and apostrophes as thousands separators
# (1 234,5 / 1'234.5 / 1’234.5), the percent sign (handled apart).
_NUMBER_NOISE = r"[\s\u00a0\u202f%'’]"
_POINT_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?$")  # 1,234.5 / 0.59 / 1234
_COMMA_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d*)(?:,\d+)?$")  # 1.234,5 / 0,59 / 1234


def infer_decimal(values: pd.Series, default: str) -> tuple[str, bool]:
    """The decimal mark of a column of number text, and whether the values left it open.

    Evidence, per value: where both marks appear the last one is the decimal (1.234,5); a single mark
    that cannot be a thousands separator is the decimal (0,59, 12.5, 1.2345); a mark repeated is
    the thousands separator (1.234.567). The majority of the evidence decides. Values like "1,234" or
    "1.234" alone are no evidence: then ``default`` (the file's hint) is used and ``True`` says so.
    """
    text = values.dropna().astype("string")
    text = text[text.str.contains(r"[.,]", regex=True).to_numpy(dtype=bool)]  # noise and signs hold no mark: filtered first
    if text.empty:
        return default, False
    text = text.str.replace(_NUMBER_NOISE, "", regex=True).str.lstrip("+-").drop_duplicates()
    both = text.str.contains(".", regex=False) & text.str.contains(",", regex=False)
    last_comma = text.str.rfind(",") > text.str.rfind(".")
    says_comma = (both & last_comma) | (text.str.fullmatch(r"\d*,\d+") & ~text.str.fullmatch(r"[1-9]\d{0,2},\d{3}"))
    says_comma |= text.str.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}")
    says_point = (both & ~last_comma) | (text.str.fullmatch(r"\d*\.\d+") & ~text.str.fullmatch(r"[1-9]\d{0,2}\.\d{3}"))
    says_point |= text.str.fullmatch(r"\d{1,3}(?:,\d{3}){2,}")
    comma, point = int(says_comma.fillna(False).sum()), int(says_point.fillna(False).sum())
    if comma or point:
        return ("," if comma > point else "."), False
    return default, True


def to_number(
    series: pd.Series,
    *,
    decimal: str = ".",
    column: str,
    file: str,
    sheet: str | None,
    row_base: int,
    percent: bool = False,
) -> tuple[pd.Series, list[Issue]]:
    """Convert a column of cells to float64; null tokens become NaN, anything else unreadable is an issue.

    ``decimal`` is only the file's hint (a ";" separator suggests a comma): the decimal mark is read
    from the column's own values (``infer_decimal``), and a warning names the column where they leave
    it open. ``row_base`` plus an index label is the row number a spreadsheet program shows for that
    cell. ``percent`` columns ("3.51" meaning 3.51 %) are returned as fractions.
    """
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if pd.api.types.is_numeric_dtype(series.dtype) or kind in ("floating", "integer", "mixed-integer-float", "empty"):
        values = pd.to_numeric(series, errors="coerce").astype("float64")
        return (values / 100 if percent else values), []
    issues: list[Issue] = []
    # First pass, vectorised: typed workbook numbers and plain number text ("1591", "89.0", "12.5").
    plain = _plain_number_text(series)
    first = pd.to_numeric(series, errors="coerce") if plain is None else plain
    values = pd.Series(np.asarray(first.to_numpy(dtype="float64", na_value=np.nan)), index=series.index)
    if kind == "string":
        # The cells that can tell the decimal mark: those the first pass could not read ("1.234,5",
        # "0,59") and those it read with a fraction ("12.5", but also "1.234" that may mean 1234).
        # Whole numbers ("1591", "89.0") need no string work where the hint is a point, which keeps
        # 100k-row columns fast; with a comma hint "1.000" (one thousand) must be looked at too.
        with np.errstate(invalid="ignore"):
            telling = (np.isnan(values.to_numpy()) | (values.to_numpy() % 1 != 0)) & series.notna().to_numpy()
        marked = _has_mark(series) if decimal == "," else None
        if marked is not None:
            telling |= marked
        text = series[telling].astype("string").str.strip() if telling.any() else None
        hint = decimal
        decimal, open_question = infer_decimal(text, hint) if text is not None else (hint, False)
        if open_question:
            example = str(text[text.str.contains(r"[.,]", regex=True).fillna(False)].iloc[0])
            number = float(_clean_numbers(pd.Series([example], dtype="string"), decimal).iloc[0])
            code = "ingest.decimal_ambiguous_comma" if decimal == "," else "ingest.decimal_ambiguous_point"
            issues.append(warning(code, params={"example": example, "number": f"{number:g}"}, file=file, sheet=sheet, column=column, value=example))
        if decimal == ",":
            # "1.234" means 1234 here: the second pass reads every cell with a mark.
            values[_has_mark(series) if marked is None else marked] = np.nan
    # Second pass over what is left: empty cells, null tokens, formatted numbers, and garbage.
    missing = values.isna().to_numpy()
    if not missing.any():
        return (values / 100 if percent else values), issues
    rest = series[missing]
    rest_text = rest.astype("string").str.strip()
    nulls = rest.isna() | rest_text.str.lower().isin(NULL_TOKENS).fillna(True)
    to_clean = rest_text[~nulls.to_numpy(dtype=bool)]
    if not to_clean.empty:
        parsed = _clean_numbers(to_clean, decimal).to_numpy(dtype="float64", na_value=np.nan)
        parsed = np.where(to_clean.str.endswith("%").to_numpy(dtype=bool, na_value=False), parsed / 100, parsed)
        values[to_clean.index] = parsed
    bad = to_clean[values[to_clean.index].isna().to_numpy()]
    issues += _cell_issues(series[bad.index], "ingest.cell_not_number", column, file, sheet, row_base)
    return (values / 100 if percent else values), issues


_PLAIN_NUMBER = r"^(?:-?\d+(?:\.\d+)?)?$"  # "1591", "-3", "12.5" or empty: what to_numeric and Arrow's cast read alike


def _plain_number_text(series: pd.Series) -> pd.Series | None:
    """A text column (Arrow-backed, as CSV files are read) whose every cell is a plain number or empty, as floats by
    Arrow's cast (500k cells: 0.03 s, where ``pd.to_numeric`` takes 0.2 s); None for any other column."""
    cells = _arrow_text(series)
    if cells is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pc.all(pc.match_substring_regex(cells, _PLAIN_NUMBER)).as_py():
        return None
    numbers = pc.cast(pc.if_else(pc.equal(cells, ""), pa.scalar(None, cells.type), cells), pa.float64())
    return pd.Series(numbers.to_numpy(zero_copy_only=False), index=series.index)


def _has_mark(series: pd.Series) -> np.ndarray:
    return series.astype("string").str.contains(r"[.,]", regex=True).fillna(False).to_numpy(dtype=bool)


def _clean_numbers(text: pd.Series, decimal: str) -> pd.Series:
    """Formatted number text as floats with the decimal mark ``decimal``; text that is no such number is NaN.

    A thousands separator must group by three (1.234.567), so "0,5" in a decimal-point column is an
    unreadable cell, not 5.
    """
    bare = text.str.replace(_NUMBER_NOISE, "", regex=True)
    valid = bare.str.match(_POINT_NUMBER if decimal == "." else _COMMA_NUMBER).fillna(False) & bare.str.contains(r"\d", regex=True).fillna(False)
    if decimal == ",":
        bare = bare.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        bare = bare.str.replace(",", "", regex=False)
    return pd.to_numeric(bare.where(valid), errors="coerce").astype("float64")


def _cell_issues(bad: pd.Series, code: str, column: str, file: str, sheet: str | None, row_base: int, limit: int = 20) -> list[Issue]:
    """One error per unreadable cell (``code`` says what it should have been), the first ``limit`` of them."""
    if bad.empty:
        return []
    issues = [
        error(
            code,
            file=file,
            sheet=sheet,
            row=row_base + int(label),
            column=column,
            value=str(v)[:80],
        )
        for label, v in zip(bad.index[:limit], bad.iloc[:limit], strict=True)
    ]
    if len(bad) > limit:
        issues.append(error("ingest.cells_more_unreadable", params={"count": len(bad) - limit}, file=file, sheet=sheet, column=column))
    return issues


# ---------------------------------------------------------------- dates

# Formats tried in order; where day-first and month-first both fit every value, the adapter's
# preference (or the file's language) decides, and the import says which it chose. Dates with
# month NAMES in other languages than English are read by ``read_month_names`` below.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y",
    "%m/%d/%y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%y",
    "%d.%m.%y %H:%M",
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%y",
    "%d-%m-%Y",
    "%d-%m-%Y %H:%M",
    "%d-%b-%y",  # English Excel re-save: 3-Jun-26
    "%d-%b-%Y",
    "%d-%B-%Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%a, %b %d, %Y",
    "%a %b %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d. %B %Y",
    "%d. %b %Y",
)
MONTH_FIRST = frozenset({"%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%y", "%m/%d/%y %H:%M"})
DAY_FIRST = frozenset({"%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%y"})

# The languages of TikTok's (and the other platforms') interfaces, most used first: a month name two
# of them read differently goes to the earlier one, with a warning. Babel locale ids; regional
# variants only where their month names differ (de_AT "Jänner"). Every other language Babel knows
# is tried after these, so no language is refused for missing from this list. Loading a locale's
# names costs Babel about 15 ms, once per parser process (cached), and only for files with month names.
UI_LOCALES: tuple[str, ...] = (
    "en", "es", "pt", "de", "fr", "it", "nl", "id", "ru", "tr", "pl", "ja", "ko", "zh", "zh_Hant", "vi", "th", "ar",
    "ms", "fil", "uk", "ro", "cs", "sk", "hu", "el", "sv", "da", "nb", "fi", "he", "hi", "bn", "ur", "fa", "bg", "hr",
    "sr", "sl", "lt", "lv", "et", "km", "my", "jv", "ceb", "sw", "mr", "ta", "te", "kn", "ml", "gu", "pa", "kk", "uz", "az",
    "ca", "af", "ne", "si", "de_AT", "pt_PT", "es_MX", "fr_CA",
)  # fmt: skip
# The zeros of the decimal digit blocks in use (Arabic-Indic, Persian, Devanagari, Bengali, ..., Thai, Lao,
# Tibetan, Myanmar, Khmer, Mongolian, fullwidth): date labels may be written in any of them.
_ZEROS = (0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10)
_DIGITS = {zero + i: str(i) for zero in _ZEROS for i in range(10)}
_PLACEHOLDER_NAME = re.compile(r"^m\d\d$")  # Babel's stand-in where a locale has no abbreviation ("M03")
_REST_WORD = re.compile(r"[^\W\d_]{4,}")  # a word of 4+ letters beside the month is not "de"/"of"/"日"


def fold_label(value: str) -> str:
    """A date label as the month-name lookup compares it: case-folded, accents and dots dropped, ASCII digits.

    "8 de Março" -> "8 de marco", "8. März" -> "8 marz", "٨ مارس" -> "8 مارس", "８ มี.ค." -> "8 มค".
    """
    text = unicodedata.normalize("NFKC", value).casefold().translate(_DIGITS)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.replace(".", "").replace(",", " ").split())


@functools.cache
def month_names(locale: str) -> dict[str, int]:
    """Folded month name -> month (1-12) of one Babel locale: format and stand-alone, wide and abbreviated.

    A name that means two months within the locale is left out (never guessed).
    """
    from babel.dates import get_month_names  # imported here: only files with month names pay for it

    seen: dict[str, set[int]] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale=locale).items():
                folded = fold_label(name)
                if folded and not _PLACEHOLDER_NAME.match(folded):
                    seen.setdefault(folded, set()).add(month)
    return {name: next(iter(months)) for name, months in seen.items() if len(months) == 1}


@functools.cache
def _month_pattern(locale: str) -> re.Pattern[str]:
    """The locale's month names as one regex, longest first, with the day and year left around them."""

    def bounded(name: str) -> str:
        # "12月" must not be read as "2月", "tháng 1" not inside "tháng 12", "mar" not inside "marzo".
        before = r"(?<!\d)" if name[0].isdigit() else ""
        after = r"(?!\d)" if name[-1].isdigit() else r"(?![^\W\d_])"
        return before + re.escape(name) + after

    names = sorted(month_names(locale), key=len, reverse=True)
    return re.compile(r"^(?P<pre>.*?)(?P<month>" + "|".join(map(bounded, names)) + r")(?P<post>.*)$")


@functools.cache
def _other_locales() -> tuple[str, ...]:
    from babel.localedata import locale_identifiers

    return tuple(sorted(i for i in locale_identifiers() if "_" not in i and i not in UI_LOCALES and i != "root"))


_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_WORDS = re.compile(r"[^\W\d_]+")
_NUMBERS = re.compile(r"\d+")

LabelDate = tuple[int | None, int, int]  # year (None: the label has none), month, day


def _read_label(label: str, locale: str) -> LabelDate | None:
    """One folded label in ``locale``: exactly one month name, one day (1-31), at most one four-digit year,
    and no more than three short words besides ("de", "of", "日"); else None."""
    found = _month_pattern(locale).match(label)
    if found is None:
        return None
    rest = found["pre"] + " " + found["post"]
    numbers = _NUMBERS.findall(rest)
    days = [n for n in numbers if len(n) <= 2]
    years = [int(n) for n in numbers if len(n) == 4]
    if len(days) != 1 or len(years) > 1 or len(numbers) != 1 + len(years) or _REST_WORD.search(rest) or len(_WORDS.findall(rest)) > 3:
        return None
    month, day = month_names(locale)[found["month"]], int(days[0])
    year = years[0] if years else None
    if not 1 <= day <= _DAYS_IN_MONTH[month] or (year is not None and month == 2 and day == 29 and not calendar.isleap(year)):
        return None
    return year, month, day


@dataclass(frozen=True)
class MonthNameReading:
    """How a column of month-name dates was read: the locale, and others that read it differently."""

    locale: str
    parts: pd.DataFrame  # year (NA where the label has none), month, day; indexed by the original labels
    rivals: tuple[str, ...] = ()


def read_month_names(labels: pd.Series) -> MonthNameReading | None:
    """Read labels like "8 de marzo", "8. März", "3月8日", "8 tháng 3" with ONE locale for the whole column.

    Locales are tried in the order of ``UI_LOCALES``, then every other language Babel knows; the first
    that reads every label wins. Rivals are later locales of the same group that read every label,
    some as other dates (pl "listopad" is November, hr October): the caller says so. The labels are
    read one by one in plain Python: a column has a few hundred distinct labels at most, and per
    label a compiled regex is faster than a round of pandas string kernels per locale.
    """
    unique = list(dict.fromkeys(labels.dropna().astype(str)))
    if not unique:
        return None
    folded = [fold_label(label) for label in unique]
    if not all(_NUMBERS.search(label) for label in folded[:8]):
        return None  # no day number: not a date label, and no reason to load every locale's names
    for group in (UI_LOCALES, _other_locales()):
        readings: dict[str, list[LabelDate]] = {}
        for locale in group:
            if all(_read_label(label, locale) for label in folded[:8]):  # sieve on a few labels first
                read = [_read_label(label, locale) for label in folded]
                if all(read):
                    readings[locale] = read  # type: ignore[assignment]
        if readings:
            chosen, dates = next(iter(readings.items()))
            rivals = tuple(locale for locale, other in readings.items() if other != dates)
            parts = pd.DataFrame(dates, columns=["year", "month", "day"], index=pd.Index(unique)).astype("Int64")
            return MonthNameReading(chosen, parts, rivals)
    return None


def _parse_with(text: pd.Series, fmt: str) -> pd.Series:
    if "%z" in fmt:
        return pd.to_datetime(text, format=fmt, errors="coerce", utc=True).dt.tz_convert("UTC").dt.tz_localize(None)
    read = _parse_in_arrow(text, fmt)
    if read is None:
        return pd.to_datetime(text, format=fmt, errors="coerce")
    parsed, checked = read
    if not checked.all():  # cells Arrow may have misread: pandas decides them
        parsed[~checked] = pd.to_datetime(text[~checked], format=fmt, errors="coerce")
    return parsed


# Numeric fields, as Python's strptime reads them (the year in four digits, the others in one or two).
_ARROW_FIELDS = {"%Y": r"\d{4}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%H": r"\d{1,2}", "%M": r"\d{1,2}", "%S": r"\d{1,2}"}


@functools.cache
def _field_pattern(fmt: str) -> tuple[str, tuple[str, ...]] | None:
    """The RE2 pattern that takes a cell written in ``fmt`` apart into its fields, and the fields' directives; None
    for a format with a field that is not a plain number (month names, AM/PM, fractions, offsets)."""
    parts = [part for part in re.split(r"(%.)", fmt) if part]
    fields = tuple(part for part in parts if part.startswith("%"))
    if not fields or any(field not in _ARROW_FIELDS for field in fields) or len(set(fields)) != len(fields):
        return None
    written = iter(range(len(fields)))
    pattern = "".join(
        f"(?P<f{next(written)}>{_ARROW_FIELDS[part]})" if part.startswith("%") else "".join(c if c.isalnum() or c == " " else f"[{c}]" for c in part)
        for part in parts
    )
    return f"^{pattern}$", fields


def _parse_in_arrow(text: pd.Series, fmt: str) -> tuple[pd.Series, np.ndarray] | None:
    """Cells of numeric fields read by Arrow's strptime (500k publish times: 0.3 s where pandas takes 0.8 s), and
    which of them are checked: Arrow rolls 30 February over into 2 March and reads an hour 24 as the next day,
    where pandas refuses both, so a reading counts only where each of its fields equals the cell's digits. None
    for formats with other fields, and for cells that are not Arrow-backed text."""
    spec = _field_pattern(fmt)
    cells = _arrow_text(text)
    if spec is None or cells is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    pattern, fields = spec
    parsed = pc.strptime(cells, format=fmt, unit="us", error_is_null=True)
    digits = pc.extract_regex(cells, pattern)
    checked = pc.is_valid(parsed)
    components = {"%Y": pc.year, "%m": pc.month, "%d": pc.day, "%H": pc.hour, "%M": pc.minute, "%S": pc.second}
    for position, field in enumerate(fields):
        written = pc.cast(pc.struct_field(digits, position), pa.int64())
        checked = pc.and_(checked, pc.equal(written, components[field](parsed)))
    checked = pc.fill_null(checked, False).to_numpy(zero_copy_only=False)
    values = parsed.to_numpy(zero_copy_only=False).astype("datetime64[us]")
    return pd.Series(values, index=text.index), checked


def _fits(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(value, fmt)
    except ValueError:
        return False
    return True


def _distinct_head(text: pd.Series, count: int) -> pd.Series:
    """The first ``count`` distinct non-missing values, in order of first appearance."""
    cells = _arrow_text(text)
    if cells is None:
        return text.dropna().drop_duplicates().head(count)
    import pyarrow.compute as pc

    return pd.Series(pc.unique(pc.drop_null(cells))[:count], dtype=text.dtype)


@functools.cache
def _format_literals(fmt: str) -> collections.Counter[str]:
    """The characters a format writes as such (strptime compares them case-blind; a blank matches any run of blanks)."""
    literals = re.sub(r"%.", "", fmt)
    return collections.Counter(c for c in literals.casefold() if not c.isspace())


def _formats_with_literals_of(value: str) -> list[str]:
    """The formats whose literal characters all occur in ``value`` (a necessary condition of strptime reading it,
    checked in a microsecond where a failing strptime costs ten)."""
    present = collections.Counter(value.casefold())
    return [fmt for fmt in DATE_FORMATS if all(present[c] >= n for c, n in _format_literals(fmt).items())]


def choose_date_format(text: pd.Series, *, day_first: bool = False) -> str | None:
    """The first known format that reads every non-empty value, preferring day-first if asked.

    Month-first and day-first both fitting means every first and second field is at most 12; a
    first field above 12 anywhere in the column (13/06/2025) leaves only day-first, and vice versa.
    """
    sample = _distinct_head(text, 500)
    if sample.empty:
        return None
    # Sieve on a few values first, with the standard library's strptime (microseconds, where a pandas
    # call costs a millisecond); only the formats that fit them meet the larger sample in pandas.
    first = [str(v) for v in sample.head(3)]
    candidates = [fmt for fmt in _formats_with_literals_of(first[0]) if all(_fits(v, fmt) for v in first)]
    if len(sample) > 100:  # a large sample meets its first dozen values first, so a wrong format fails fast
        few = sample.head(12)
        candidates = [fmt for fmt in candidates if _parse_with(few, fmt).notna().all()]
    fitting = [fmt for fmt in candidates if _parse_with(sample, fmt).notna().all()]
    if not fitting:
        return None
    if day_first:
        fitting.sort(key=lambda fmt: fmt in MONTH_FIRST)
    return fitting[0]


def to_datetime(
    series: pd.Series,
    *,
    column: str,
    file: str,
    sheet: str | None,
    row_base: int,
    day_first: bool = False,
    reference: dt.date | None = None,
) -> tuple[pd.Series, list[Issue]]:
    """Convert a column to naive datetime64 (the adapter decides the time zone).

    Workbook cells that are already dates pass through. Text is read with the first of ``DATE_FORMATS``
    that reads every value, else with month names in one language (``read_month_names``). Dates
    without a year (TikTok Studio writes "February 28", "8 de marzo") get the year from ``reference``
    (the export or import day): the newest date is the last one on or before it, and going back
    through the column each step back across New Year takes one year off. An info issue says which
    years were assumed. Placeholders ("undefined", "-", empty) are missing, never an error.
    """
    issues: list[Issue] = []
    nulls = is_null_cell(series)
    if pd.api.types.infer_dtype(series, skipna=True) == "string":
        native = pd.Series(False, index=series.index)
    else:
        native = series.map(lambda v: isinstance(v, dt.date | pd.Timestamp), na_action="ignore").fillna(False).astype(bool)
    result = pd.Series(pd.NaT, index=series.index, dtype="datetime64[us]")
    if native.any():
        result[native] = pd.to_datetime(series[native].astype(object)).astype("datetime64[us]")
    read = ~(native.to_numpy(dtype=bool) | nulls.to_numpy(dtype=bool))
    text = _seconds_everywhere(_single_spaced((series if read.all() else series[read]).astype("string")))
    where = {"file": file, "sheet": sheet, "column": column}
    if not text.empty:
        fmt = choose_date_format(text, day_first=day_first)
        if fmt is not None:
            parsed = _parse_with(text, fmt)
            if fmt in MONTH_FIRST | DAY_FIRST and _ambiguous_day_month(parsed):
                order = "month_first" if fmt in MONTH_FIRST else "day_first"
                issues.append(info(f"ingest.dates_{order}", params={"example": str(text.iloc[0]), "date": f"{parsed.iloc[0]:%Y-%m-%d}"}, **where))
        else:
            reading = read_month_names(text) if text.head(200).str.contains(r"[^\W\d_]", regex=True).any() else None
            if reading is None:
                examples = ", ".join(repr(v) for v in text.drop_duplicates().head(3))
                issues.append(error("ingest.dates_unknown", params={"examples": examples}, value=str(text.iloc[0]), **where))
                return result, issues
            parsed, notes = _dates_from_reading(text, reading, reference or dt.date.today(), where)
            issues += notes
        if len(parsed) == len(result):  # every cell was text: no alignment needed (it cost a small column a third)
            result = pd.Series(parsed.to_numpy(dtype="datetime64[us]"), index=series.index)
        else:
            result[parsed.index] = parsed.astype("datetime64[us]")
    bad = result.isna() & ~nulls
    issues += _cell_issues(series[bad], "ingest.cell_not_date", column, file, sheet, row_base)
    return result, issues


def _single_spaced(text: pd.Series) -> pd.Series:
    """Cells stripped, each run of blanks (Python's ``\\s``: no-break spaces too) one space. Cells of printable ASCII
    that already are (nearly every date) are found by Arrow's RE2 and left alone: pandas' per-cell regex took
    0.4 s for 500k publish times."""
    import pyarrow as pa
    import pyarrow.compute as pc

    done = pc.match_substring_regex(pa.array(text.array), r"^[!-~]+(?: [!-~]+)*$").to_numpy(zero_copy_only=False)
    if done.all():
        return text
    text = text.copy()
    text[~done] = text[~done].str.strip().str.replace(r"\s+", " ", regex=True)
    return text


_WITH_SECONDS = re.compile(r"\d:\d{2}:\d{2}$")
_WITHOUT_SECONDS = re.compile(r"( \d{1,2}:\d{2})$")


def _seconds_everywhere(text: pd.Series) -> pd.Series:
    """Times with seconds in some cells and without in others ("19.02.2015 23:45:22", "19.02.2015 23:45", as a
    re-save writes cells whose seconds are 0) are one format: the missing seconds are written as ":00"."""
    if text.empty:
        return text
    cells = _arrow_text(text)
    import pyarrow.compute as pc

    # RE2's \d is ASCII only (Python's is every decimal digit; RE2's \p{Nd} costs a compile of 0.2 ms a call).
    if cells is not None and pc.all(pc.string_is_ascii(cells)).as_py() is not False:
        if not pc.any(pc.match_substring_regex(cells, _WITH_SECONDS.pattern)).as_py():
            return text
        return pd.Series(pc.replace_substring_regex(cells, _WITHOUT_SECONDS.pattern, r"\1:00"), dtype=text.dtype, index=text.index)
    if not text.str.contains(_WITH_SECONDS, regex=True).any():
        return text
    return text.str.replace(_WITHOUT_SECONDS, r"\1:00", regex=True)


def _dates_from_reading(text: pd.Series, reading: MonthNameReading, reference: dt.date, where: dict[str, object]) -> tuple[pd.Series, list[Issue]]:
    """The dates of ``text`` as ``reading`` reads them; year-less ones get their year from ``reference``."""
    issues: list[Issue] = []
    parts = reading.parts.loc[text.to_numpy()].set_axis(text.index)
    yearless = parts["year"].isna()
    dates = pd.to_datetime(parts.assign(year=parts["year"].fillna(2000)), errors="coerce")
    if yearless.any():
        assigned, note = assign_years(dates[yearless], reference, **where)
        dates = dates.astype("datetime64[us]")
        dates[yearless] = assigned
        issues.append(note)
    if reading.rivals:
        rival = reading.rivals[0]
        label = str(text.iloc[0])
        issues.append(
            warning(
                "ingest.month_names_ambiguous",
                params={
                    "chosen": _language_name(reading.locale, "en"),
                    "other": _language_name(rival, "en"),
                    "chosen_de": _language_name(reading.locale, "de"),
                    "other_de": _language_name(rival, "de"),
                    "example": label,
                },
                value=label,
                **where,
            )
        )
    return dates, issues


def _language_name(locale: str, language: str) -> str:
    """The name of a Babel locale in ``language`` ("es" -> "Spanish", "Spanisch"), for messages."""
    from babel import Locale

    return Locale.parse(locale).get_display_name(language) or locale


def _ambiguous_day_month(parsed: pd.Series) -> bool:
    valid = parsed.dropna()
    return bool(len(valid)) and bool((valid.dt.day <= 12).all())


def _latest_leap_year(year: int) -> int:
    return next(y for y in range(year, year - 9, -1) if calendar.isleap(y))


def assign_years(parsed: pd.Series, reference: dt.date, *, file: str, sheet: str | None, column: str) -> tuple[pd.Series, Issue]:
    """Give year-less dates (parsed with a placeholder year) their year; see ``to_datetime``."""
    valid = parsed.dropna()
    month_day = valid.dt.month * 100 + valid.dt.day
    ref_md = reference.month * 100 + reference.day
    steps = month_day.diff().dropna()
    # A series runs forward or backward by small steps; the step over New Year is a jump of months.
    ascending = bool(steps[steps.abs() < 600].sum() >= 0)
    crossings = (steps < 0) if ascending else (steps > 0)
    # Only a jump of months (December <-> January) crosses New Year; small steps against the direction mean
    # unordered days, such as the publish days of posts ("June 13", "April 2", "May 21"), not a series.
    series = len(valid) > 1 and crossings.sum() <= 2 and bool((steps[crossings].abs() >= 600).all())
    if series:
        # A day-by-day series: one year for its newest date, one year less per step back over New Year.
        crossed = pd.concat([pd.Series([False], index=valid.index[:1]), crossings])
        back = crossed[::-1].cumsum()[::-1].shift(-1, fill_value=0) if ascending else crossed.cumsum()
        newest = month_day.iloc[-1] if ascending else month_day.iloc[0]
        base_year = reference.year if newest <= ref_md else reference.year - 1
        years = base_year - back
    else:
        # Unordered dates (when posts were published): each is the latest such day on or before the reference.
        years = pd.Series(np.where(month_day <= ref_md, reference.year, reference.year - 1), index=valid.index)
    leap_day = month_day.eq(229)
    if leap_day.any():
        # 29 February is a day only in leap years: the latest one on or before the assumed year (a series moves as a whole).
        if series:
            years = years - (int(years[leap_day].iloc[0]) - _latest_leap_year(int(years[leap_day].iloc[0])))
        else:
            years = years.where(~leap_day, years[leap_day].map(_latest_leap_year))
    dates = pd.to_datetime(pd.DataFrame({"year": years.astype(int), "month": valid.dt.month, "day": valid.dt.day}), errors="coerce")
    out = pd.Series(pd.NaT, index=parsed.index, dtype="datetime64[us]")
    out[valid.index] = dates.astype("datetime64[us]")
    first, last = out.min(), out.max()
    if pd.isna(first):
        first = last = pd.Timestamp(reference)
    note = info(
        "ingest.dates_no_year",
        params={"first": f"{first:%Y-%m-%d}", "last": f"{last:%Y-%m-%d}", "reference": f"{reference:%Y-%m-%d}"},
        file=file,
        sheet=sheet,
        column=column,
    )
    return out, note


# ---------------------------------------------------------------- headers


def find_header_row(head: Sequence[Sequence[str]], wanted: Iterable[str], minimum: int) -> tuple[int, int] | None:
    """The row among ``head`` that names most of the ``wanted`` (normalised) headers.

    Returns (row position, number of wanted headers named) if at least ``minimum`` are, so title and
    description rows above the header (LinkedIn, Meta) and re-saved files without them both work.
    Headers are matched as ``resolve_header`` does (spelling, punctuation, singular or plural).
    """
    wanted_set = frozenset(wanted)
    by_singular = _by_singular(wanted_set)
    best: tuple[int, int] | None = None
    for position, row in enumerate(head[:30]):
        keys, singulars = _row_forms(tuple(row))
        # As resolve_header per cell, with set operations: a wanted key's own singular form maps to itself.
        named = (keys & wanted_set) | {by_singular[form] for form in singulars & by_singular.keys()}
        matches = len(named - {None})
        if matches >= minimum and (best is None or matches > best[1]):
            best = (position, matches)
    return best
