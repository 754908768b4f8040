"""Reporting periods: year, quarter, month, ISO week, custom ranges and fiscal years.

A period is a closed range of calendar days. Written forms (goals workbook, command line):
``2026``, ``2026-Q3``, ``2026-04``, ``2026-W14``, ``2026-04-01..2026-04-30`` and the German
``Q3/2026``, ``KW 14/2026``, ``04/2026``, ``01.04.2026..30.04.2026``; fiscal years ``FY2026`` (and
``FY2026-Q1``) start in the month given by ``fiscal_start_month`` (``GJ2026`` in German).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    CUSTOM = "custom"


class PeriodError(ValueError):
    """A period written in a form Resonanz does not know."""


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    kind: PeriodKind = PeriodKind.CUSTOM
    fiscal_start_month: int = 1  # for fiscal years and quarters: the month the year starts

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(f"The period ends ({self.end}) before it starts ({self.start}).")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def elapsed_share(self, as_of: dt.date) -> float:
        """The share of the period's days up to and including ``as_of`` (0..1)."""
        if as_of < self.start:
            return 0.0
        return min((as_of - self.start).days + 1, self.days) / self.days

    def until(self, as_of: dt.date) -> Period | None:
        """The part of the period up to ``as_of``; None before it starts."""
        if as_of < self.start:
            return None
        return replace(self, end=min(self.end, as_of), kind=PeriodKind.CUSTOM) if as_of < self.end else self

    def previous(self) -> Period:
        """The period of the same kind just before (a custom range: the same number of days)."""
        if self.kind is PeriodKind.YEAR:
            return replace(self, start=_add_months(self.start, -12), end=self.start - dt.timedelta(days=1))
        if self.kind is PeriodKind.QUARTER:
            return replace(self, start=_add_months(self.start, -3), end=self.start - dt.timedelta(days=1))
        if self.kind is PeriodKind.MONTH:
            return replace(self, start=_add_months(self.start, -1), end=self.start - dt.timedelta(days=1))
        shift = dt.timedelta(days=self.days)
        return replace(self, start=self.start - shift, end=self.end - shift)

    def last_year(self) -> Period:
        """The same period a year earlier (ISO weeks: the same week number of the previous ISO year)."""
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.start.isocalendar()
            week = min(week, _weeks_in(year - 1))
            return week_period(year - 1, week)
        end = _add_months(self.end, -12)
        if self.kind in (PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.MONTH):
            end = _month_end(end)
        return replace(self, start=_add_months(self.start, -12), end=end)

    def label(self, language: str = "en") -> str:
        """A short human label: ``Q3 2026``, ``KW 14/2026`` or ``W14 2026``, ``April 2026`` is left to Babel."""
        german = language == "de"
        if self.kind is PeriodKind.YEAR:
            prefix = ("GJ " if german else "FY ") if self.fiscal_start_month != 1 else ""
            return f"{prefix}{self.start.year}"
        if self.kind is PeriodKind.QUARTER:
            quarter = ((self.start.month - self.fiscal_start_month) % 12) // 3 + 1
            return f"Q{quarter} {self.start.year}" if self.fiscal_start_month == 1 else f"Q{quarter} {'GJ' if german else 'FY'} {self.fiscal_year}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.start:%m/%Y}" if german else f"{self.start:%Y-%m}"
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.start.isocalendar()
            return f"KW {week}/{year}" if german else f"W{week} {year}"
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}" if german else f"{self.start:%Y-%m-%d}..{self.end:%Y-%m-%d}"

    @property
    def fiscal_year(self) -> int:
        """The fiscal year a period starts in, named by the calendar year the fiscal year starts."""
        return self.start.year if self.start.month >= self.fiscal_start_month else self.start.year - 1


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_end(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _weeks_in(year: int) -> int:
    return dt.date(year, 12, 28).isocalendar()[1]


def year_period(year: int, fiscal_start_month: int = 1) -> Period:
    start = dt.date(year, fiscal_start_month, 1)
    return Period(start, _add_months(start, 12) - dt.timedelta(days=1), PeriodKind.YEAR, fiscal_start_month)


def quarter_period(year: int, quarter: int, fiscal_start_month: int = 1) -> Period:
    if not 1 <= quarter <= 4:
        raise PeriodError(f"There is no quarter {quarter}.")
    start = _add_months(dt.date(year, fiscal_start_month, 1), 3 * (quarter - 1))
    return Period(start, _add_months(start, 3) - dt.timedelta(days=1), PeriodKind.QUARTER, fiscal_start_month)


def month_period(year: int, month: int) -> Period:
    if not 1 <= month <= 12:
        raise PeriodError(f"There is no month {month}.")
    start = dt.date(year, month, 1)
    return Period(start, _month_end(start), PeriodKind.MONTH)


def week_period(year: int, week: int) -> Period:
    if not 1 <= week <= _weeks_in(year):
        raise PeriodError(f"{year} has no ISO week {week}.")
    start = dt.date.fromisocalendar(year, week, 1)
    return Period(start, start + dt.timedelta(days=6), PeriodKind.WEEK)


_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"^(?:FY|GJ)\s*(\d{4})$", "fiscal_year"),
        (r"^(?:FY|GJ)\s*(\d{4})\s*[-/ ]\s*Q([1-4])$", "fiscal_quarter"),
        (r"^(\d{4})$", "year"),
        (r"^(\d{4})\s*-\s*Q([1-4])$", "quarter"),
        (r"^Q([1-4])\s*[/ ]\s*(\d{4})$", "quarter_de"),
        (r"^(\d{4})-(\d{1,2})$", "month"),
        (r"^(\d{1,2})/(\d{4})$", "month_de"),
        (r"^(\d{4})-W(\d{1,2})$", "week"),
        (r"^KW\s*(\d{1,2})\s*[/ ]\s*(\d{4})$", "week_de"),
        (r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$", "range"),
        (r"^(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:\.\.|-|–|bis)\s*(\d{1,2}\.\d{1,2}\.\d{4})$", "range_de"),
    )
)


def parse_period(text: str, fiscal_start_month: int = 1) -> Period:
    """Read a written period; raises ``PeriodError`` that says which forms are accepted."""
    value = " ".join(str(text).split())
    for pattern, kind in _FORMS:
        found = pattern.match(value)
        if not found:
            continue
        a, b = found.groups() if len(found.groups()) == 2 else (found.group(1), None)
        try:
            return _build(kind, a, b, fiscal_start_month)
        except ValueError as exc:
            raise PeriodError(f"'{text}' is not a valid period: {exc}") from exc
    raise PeriodError(
        f"'{text}' is not a period Resonanz knows. Write 2026, 2026-Q3, 2026-04, 2026-W14, 2026-04-01..2026-04-30, Q3/2026, KW 14/2026 or FY2026."
    )


def _build(kind: str, a: str, b: str | None, fiscal_start_month: int) -> Period:
    if kind == "fiscal_year":
        return year_period(int(a), fiscal_start_month)
    if kind == "fiscal_quarter":
        return quarter_period(int(a), int(b or 0), fiscal_start_month)
    if kind == "year":
        return year_period(int(a))
    if kind == "quarter":
        return quarter_period(int(a), int(b or 0))
    if kind == "quarter_de":
        return quarter_period(int(b or 0), int(a))
    if kind == "month":
        return month_period(int(a), int(b or 0))
    if kind == "month_de":
        return month_period(int(b or 0), int(a))
    if kind == "week":
        return week_period(int(a), int(b or 0))
    if kind == "week_de":
        return week_period(int(b or 0), int(a))
    if kind == "range":
        return Period(dt.date.fromisoformat(a), dt.date.fromisoformat(b or ""))
    day_a, day_b = (dt.datetime.strptime(v, "%d.%m.%Y").date() for v in (a, b or ""))
    return Period(day_a, day_b)


def period_containing(day: dt.date, kind: PeriodKind, fiscal_start_month: int = 1) -> Period:
    """The year, quarter, month or ISO week that contains ``day`` (presets of the dashboard)."""
    if kind is PeriodKind.YEAR:
        year = day.year if day.month >= fiscal_start_month else day.year - 1
        return year_period(year, fiscal_start_month)
    if kind is PeriodKind.QUARTER:
        fiscal = year_period(day.year if day.month >= fiscal_start_month else day.year - 1, fiscal_start_month)
        quarter = ((day.year - fiscal.start.year) * 12 + day.month - fiscal.start.month) // 3 + 1
        return quarter_period(fiscal.start.year, quarter, fiscal_start_month)
    if kind is PeriodKind.MONTH:
        return month_period(day.year, day.month)
    if kind is PeriodKind.WEEK:
        year, week, _ = day.isocalendar()
        return week_period(year, week)
    raise PeriodError("A custom period has no preset.")


def period_between(start: dt.date, end: dt.date) -> Period:
    """A range of days, recognised as a whole year, quarter, month or ISO week where it is one.

    So that "2026-10-01 to 2026-10-31" compares with September, not with the 31 days before it.
    """
    candidates = [
        year_period(start.year) if start.month == 1 else None,
        quarter_period(start.year, (start.month - 1) // 3 + 1) if start.month % 3 == 1 else None,
        month_period(start.year, start.month),
        week_period(*start.isocalendar()[:2]) if start.weekday() == 0 else None,
    ]
    for candidate in candidates:
        if candidate is not None and (candidate.start, candidate.end) == (start, end):
            return candidate
    return Period(start, end)
