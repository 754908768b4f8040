"""Column converters shared by all adapters: header names, numbers, dates.

All converters are vectorised over a column and return the converted column plus the issues of the
cells they could not read (with the 1-based row number a spreadsheet program shows).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

import numpy as np
import pandas as pd

from model.issues import Issue, error, info

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


def normalised_keys(mapping: dict[str, V]) -> dict[str, V]:
    """``mapping`` with its header keys normalised, for lookups of ``normalise_header`` results."""
    return {normalise_header(key): value for key, value in mapping.items()}


def is_null_cell(series: pd.Series) -> pd.Series:
    text = series.astype("string").str.strip().str.lower()  # pyarrow kernels; casefold would loop in Python
    return series.isna() | text.isin(NULL_TOKENS).fillna(True)


# ---------------------------------------------------------------- numbers

_GROUPED_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")


def infer_decimal(values: pd.Series, default: str) -> str:
    """Decimal separator of a text column: the last separator where both appear, else evidence, else default."""
    text = values.dropna().astype("string").str.strip()
    text = text[text.str.contains(r"[.,]", regex=True)]
    if text.empty:
        return default
    both = text[text.str.contains(".", regex=False) & text.str.contains(",", regex=False)]
    if not both.empty:
        return "," if (both.str.rfind(",") > both.str.rfind(".")).mean() >= 0.5 else "."
    if text.str.match(_GROUPED_DOT).any() and default == ",":
        return ","
    return default


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

    ``row_base`` plus an index label is the row number a spreadsheet program shows for that cell. ``percent`` columns
    ("3.51" meaning 3.51 %) are returned as fractions.
    """
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if pd.api.types.is_numeric_dtype(series.dtype) or kind in ("floating", "integer", "mixed-integer-float", "empty"):
        values = pd.to_numeric(series, errors="coerce").astype("float64")
        return (values / 100 if percent else values), []
    # First pass, vectorised: typed workbook numbers and plain number text ("1591", "89.0").
    # With a decimal comma, text with a separator must not take it ("1.234" means 1234 there).
    text = series.astype("string") if kind == "string" else None
    if decimal == "," and text is not None:
        candidates = series.where(~text.str.contains(r"[.,]", regex=True).fillna(False).to_numpy(dtype=bool))
    else:
        candidates = series
    first = pd.to_numeric(candidates, errors="coerce")
    values = pd.Series(np.asarray(first.to_numpy(dtype="float64", na_value=np.nan)), index=series.index)
    # Second pass over what is left: empty cells, null tokens, formatted numbers, and garbage.
    rest = series[values.isna().to_numpy()]
    rest_text = rest.astype("string").str.strip()
    nulls = rest.isna() | rest_text.str.lower().isin(NULL_TOKENS).fillna(True)
    to_clean = rest_text[~nulls.to_numpy(dtype=bool)]
    if not to_clean.empty:
        decimal = infer_decimal(to_clean, decimal)
        cleaned = to_clean.str.replace(r"[\s\u00a0\u202f%']", "", regex=True)
        if decimal == ",":
            cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        else:
            cleaned = cleaned.str.replace(",", "", regex=False)
        parsed = pd.to_numeric(cleaned, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        parsed = np.where(to_clean.str.endswith("%").to_numpy(dtype=bool, na_value=False), parsed / 100, parsed)
        values[to_clean.index] = parsed
    bad = to_clean[values[to_clean.index].isna().to_numpy()]
    issues = _cell_issues(series[bad.index], "is not a number", column, file, sheet, row_base)
    return (values / 100 if percent else values), issues


def _cell_issues(bad: pd.Series, what: str, column: str, file: str, sheet: str | None, row_base: int, limit: int = 20) -> list[Issue]:
    if bad.empty:
        return []
    issues = [
        error(
            f"The cell {what}. Correct it in the export or download the export again.",
            file=file,
            sheet=sheet,
            row=row_base + int(label),
            column=column,
            value=str(v)[:80],
        )
        for label, v in zip(bad.index[:limit], bad.iloc[:limit], strict=True)
    ]
    if len(bad) > limit:
        issues.append(error(f"{len(bad) - limit} more cells in this column are unreadable.", file=file, sheet=sheet, column=column))
    return issues


# ---------------------------------------------------------------- dates

GERMAN_MONTHS = {
    "januar": "January",
    "jänner": "January",
    "februar": "February",
    "märz": "March",
    "maerz": "March",
    "april": "April",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "august": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "dezember": "December",
    "jan.": "Jan",
    "feb.": "Feb",
    "mär.": "Mar",
    "mär": "Mar",
    "apr.": "Apr",
    "jun.": "Jun",
    "jul.": "Jul",
    "aug.": "Aug",
    "sep.": "Sep",
    "sept.": "Sep",
    "okt.": "Oct",
    "okt": "Oct",
    "nov.": "Nov",
    "dez.": "Dec",
    "dez": "Dec",
}
_GERMAN_MONTH_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(GERMAN_MONTHS, key=len, reverse=True)) + r")(?=\s|$|\d)", re.IGNORECASE)

# Formats tried in order; where day-first and month-first both fit every value, the adapter's
# preference (or the file's language) decides, and the import says which it chose.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%z",
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
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%y",
    "%d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y",
    "%d-%m-%Y %H:%M",
    "%b %d, %Y",
    "%B %d, %Y",
    "%a, %b %d, %Y",
    "%a %b %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d. %B %Y",
    "%d. %b %Y",
)
YEARLESS_FORMATS: tuple[str, ...] = ("%B %d", "%b %d", "%d. %B", "%d %B")
MONTH_FIRST = frozenset({"%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%y"})


def _english_months(text: pd.Series) -> pd.Series:
    return text.str.replace(_GERMAN_MONTH_RE, lambda m: GERMAN_MONTHS[m.group(1).casefold()], regex=True)


def _parse_with(text: pd.Series, fmt: str) -> pd.Series:
    parsed = pd.to_datetime(text, format=fmt, errors="coerce", utc="%z" in fmt)
    if "%z" in fmt:
        return parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    return parsed


def choose_date_format(text: pd.Series, *, day_first: bool = False) -> str | None:
    """The first known format that reads every non-empty value, preferring day-first if asked."""
    sample = text.dropna().drop_duplicates().head(500)
    if sample.empty:
        return None
    # Sieve on a few values first; only the formats that fit them meet the larger sample.
    few = sample.head(12)
    fitting = [fmt for fmt in DATE_FORMATS + YEARLESS_FORMATS if _parse_with(few, fmt).notna().all()]
    fitting = [fmt for fmt in fitting if _parse_with(sample, fmt).notna().all()]
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

    Workbook cells that are already dates pass through. Dates without a year (TikTok Studio writes
    "February 28") get the year from ``reference`` (the export or import day): the newest date is the
    last one on or before it, and going back through the column each step back across New Year takes
    one year off. An info issue says which years were assumed.
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
    text = series[~native & ~nulls].astype("string").str.strip()
    if text.head(200).str.contains(r"[^\W\d_]", regex=True).any():  # month names: make German ones English, tidy spaces
        text = _english_months(text).str.replace(r"\s+", " ", regex=True)
    if not text.empty:
        fmt = choose_date_format(text, day_first=day_first)
        if fmt is None:
            examples = ", ".join(repr(v) for v in text.drop_duplicates().head(3))
            issues.append(
                error(
                    f"The dates are in a format Resonanz does not know ({examples}). Save them as YYYY-MM-DD or DD.MM.YYYY.",
                    file=file,
                    sheet=sheet,
                    column=column,
                    value=str(text.iloc[0]),
                )
            )
            return result, issues
        parsed = _parse_with(text, fmt)
        if fmt in YEARLESS_FORMATS:
            parsed, note = assign_years(parsed, reference or dt.date.today(), file=file, sheet=sheet, column=column)
            issues.append(note)
        elif fmt in MONTH_FIRST and _ambiguous_day_month(parsed):
            issues.append(info(f"Dates read month first ({fmt}), as the platform writes them.", file=file, sheet=sheet, column=column))
        result[parsed.index] = parsed.astype("datetime64[us]")
    bad = result.isna() & ~nulls
    issues += _cell_issues(series[bad], "is not a date in the column's format", column, file, sheet, row_base)
    return result, issues


def _ambiguous_day_month(parsed: pd.Series) -> bool:
    valid = parsed.dropna()
    return bool(len(valid)) and bool((valid.dt.day <= 12).all())


def assign_years(parsed: pd.Series, reference: dt.date, *, file: str, sheet: str | None, column: str) -> tuple[pd.Series, Issue]:
    """Give year-less dates (parsed as 1900) their year; see ``to_datetime``."""
    valid = parsed.dropna()
    month_day = valid.dt.month * 100 + valid.dt.day
    ref_md = reference.month * 100 + reference.day
    steps = month_day.diff().dropna()
    # A series runs forward or backward by small steps; the step over New Year is a jump of months.
    ascending = bool(steps[steps.abs() < 600].sum() >= 0)
    crossings = (steps < 0) if ascending else (steps > 0)
    if len(valid) > 1 and crossings.sum() <= 2:
        # A day-by-day series: one year for its newest date, one year less per step back over New Year.
        crossed = pd.concat([pd.Series([False], index=valid.index[:1]), crossings])
        back = crossed[::-1].cumsum()[::-1].shift(-1, fill_value=0) if ascending else crossed.cumsum()
        newest = month_day.iloc[-1] if ascending else month_day.iloc[0]
        base_year = reference.year if newest <= ref_md else reference.year - 1
        years = base_year - back
    else:
        # Unordered dates (when posts were published): each is the latest such day on or before the reference.
        years = pd.Series(np.where(month_day <= ref_md, reference.year, reference.year - 1), index=valid.index)
    dates = pd.to_datetime(pd.DataFrame({"year": years.astype(int), "month": valid.dt.month, "day": valid.dt.day}), errors="coerce")
    out = pd.Series(pd.NaT, index=parsed.index, dtype="datetime64[us]")
    out[valid.index] = dates.astype("datetime64[us]")
    first, last = out.min(), out.max()
    note = info(
        f"The dates have no year; assumed {first:%Y-%m-%d} to {last:%Y-%m-%d}, the latest dates on or before {reference:%Y-%m-%d}.",
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
    best: tuple[int, int] | None = None
    for position, row in enumerate(head[:30]):
        matches = len({resolve_header(c, wanted_set) for c in row if c} - {None})
        if matches >= minimum and (best is None or matches > best[1]):
            best = (position, matches)
    return best
