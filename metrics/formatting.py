"""Numbers and dates in the user's language, through Babel (1.234,5 and 31.12.2026 in German).

Shared by the pages, the command line, charts and reports; the language enum lives in model.i18n so the
core can speak German without importing the UI.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_datetime as babel_format_datetime
from babel.dates import get_timezone
from babel.numbers import NumberPattern, parse_pattern

from model.i18n import LOCALES, Language, format_day
from model.timezones import company_timezone


@cache
def _locale(language: Language) -> Locale:
    return Locale.parse(LOCALES[language])


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def _formatted(value: float | int, pattern: str, language: Language) -> str:
    """Babel's format_decimal and format_percent (the pattern says which) with the locale and pattern parsed once:
    parsing them again for every cell was a tenth of a Goals page's rerun at 200 key results."""
    return _pattern(pattern).apply(value, _locale(language), decimal_quantization=True, group_separator=True, numbering_system="latn")


def number(value: float | int | None, language: Language, *, digits: int = 0) -> str:
    if value is None or value != value:
        return "–"
    return _formatted(value, "#,##0" + ("." + "0" * digits if digits else ""), language)


PERCENT_SIGN = {Language.DE: " %", Language.EN: "%"}  # German sets the sign apart (12,3 %), English does not (12.3%)


def percent(value: float | None, language: Language, *, digits: int = 1) -> str:
    if value is None or value != value:
        return "–"
    return _formatted(value, "#,##0." + "0" * digits + PERCENT_SIGN[language], language)


def _missing(value: object) -> bool:
    return value is None or value != value  # NaN and NaT are not equal to themselves


def date(value: dt.date | None, language: Language) -> str:
    if _missing(value):
        return "–"
    return format_day(value, language)


TIME_PATTERNS = {Language.DE: ("dd.MM.yyyy HH:mm", "%d.%m.%Y %H:%M"), Language.EN: ("yyyy-MM-dd HH:mm", "%Y-%m-%d %H:%M")}  # Babel, strftime


def datetime(value: dt.datetime | None, language: Language) -> str:
    """A stored (naive UTC) time in the company's time zone (RESONANZ_TIMEZONE, default Europe/Berlin)."""
    if _missing(value):
        return "–"
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return babel_format_datetime(aware, format=TIME_PATTERNS[language][0], tzinfo=get_timezone(company_timezone()), locale=LOCALES[language])


def datetimes(values: pd.Series, language: Language, *, seconds: bool = False) -> pd.Series:
    """``datetime`` for a column of stored (naive UTC) times at once (an audit log's thousands of rows), "–" for none."""
    local = pd.to_datetime(values).dt.tz_localize("UTC").dt.tz_convert(company_timezone())
    return local.dt.strftime(TIME_PATTERNS[language][1] + (":%S" if seconds else "")).fillna("–")


def iso_week(week: str | None, language: Language) -> str:
    """An ISO week as stored ("2026-W45") the way users write it: "KW 45/2026" in German, "W45 2026" in English."""
    if _missing(week) or "-W" not in str(week):
        return "–" if _missing(week) else str(week)
    year, number = str(week).split("-W", 1)
    return f"KW {number}/{year}" if language is Language.DE else f"W{number} {year}"


def period(start: dt.date | None, end: dt.date | None, language: Language) -> str:
    if _missing(start):
        return "–"
    return date(start, language) if start == end else f"{date(start, language)} – {date(end, language)}"


def kpi_value(value: float | None, unit: str, language: Language) -> str:
    """A KPI value in its unit: counts without decimals, hours and per-post rates with two, percentages."""
    if _missing(value):
        return "–"
    if unit == "percent":
        return percent(value, language, digits=2)
    return number(value, language, digits=2 if unit in ("hours", "per_post") else 0)


def change(value: float | None, language: Language) -> str:
    """A relative change with its sign: +12,3 % or -4,0 % (a plain hyphen: Streamlit's metric reads it as down)."""
    if _missing(value):
        return "–"
    text = percent(abs(value), language, digits=1)
    return ("+" if value >= 0 else "-") + text
