"""Periods: written forms, comparisons, fiscal years."""

from __future__ import annotations

import datetime as dt

import pytest

from metrics.periods import PeriodError, PeriodKind, parse_period, period_containing

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2026", D(2026, 1, 1), D(2026, 12, 31), PeriodKind.YEAR),
        ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), PeriodKind.QUARTER),
        ("Q3/2026", D(2026, 7, 1), D(2026, 9, 30), PeriodKind.QUARTER),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28), PeriodKind.MONTH),
        ("02/2028", D(2028, 2, 1), D(2028, 2, 29), PeriodKind.MONTH),
        ("2026-W14", D(2026, 3, 30), D(2026, 4, 5), PeriodKind.WEEK),
        ("KW 1/2027", D(2027, 1, 4), D(2027, 1, 10), PeriodKind.WEEK),
        ("2026-W53", D(2026, 12, 28), D(2027, 1, 3), PeriodKind.WEEK),
        ("2026-04-01..2026-04-30", D(2026, 4, 1), D(2026, 4, 30), PeriodKind.CUSTOM),
        ("01.04.2026 - 30.04.2026", D(2026, 4, 1), D(2026, 4, 30), PeriodKind.CUSTOM),
    ],
)
def test_written_forms(text, start, end, kind) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-13", "2025-W53", "Sommer 2026", "2026-05-01..2026-04-01", ""])
def test_unknown_or_impossible_periods_are_errors(text) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "previous", "last_year"),
    [
        ("2026-Q1", (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 3, 31))),
        ("2024-03", (D(2024, 2, 1), D(2024, 2, 29)), (D(2023, 3, 1), D(2023, 3, 31))),
        ("2024-02", (D(2024, 1, 1), D(2024, 1, 31)), (D(2023, 2, 1), D(2023, 2, 28))),  # leap year to common year
        ("2026-W01", (D(2025, 12, 22), D(2025, 12, 28)), (D(2024, 12, 30), D(2025, 1, 5))),  # ISO week 1 of 2025
        ("2026-04-10..2026-04-19", (D(2026, 3, 31), D(2026, 4, 9)), (D(2025, 4, 10), D(2025, 4, 19))),
    ],
)
def test_comparison_periods(text, previous, last_year) -> None:
    period = parse_period(text)
    assert (period.previous().start, period.previous().end) == previous
    assert (period.last_year().start, period.last_year().end) == last_year


def test_fiscal_years_start_in_any_month() -> None:
    fiscal = parse_period("FY2026", fiscal_start_month=4)
    assert (fiscal.start, fiscal.end) == (D(2026, 4, 1), D(2027, 3, 31))
    q4 = parse_period("GJ2026-Q4", fiscal_start_month=4)
    assert (q4.start, q4.end, q4.label("de")) == (D(2027, 1, 1), D(2027, 3, 31), "Q4 GJ 2026")
    assert period_containing(D(2027, 2, 14), PeriodKind.QUARTER, 4) == q4
    assert period_containing(D(2027, 2, 14), PeriodKind.YEAR, 4) == fiscal


def test_elapsed_share_and_until() -> None:
    quarter = parse_period("2026-Q2")  # 91 days
    assert quarter.elapsed_share(D(2026, 3, 31)) == 0
    assert quarter.elapsed_share(D(2026, 4, 1)) == pytest.approx(1 / 91)
    assert quarter.elapsed_share(D(2026, 5, 15)) == pytest.approx(45 / 91)
    assert quarter.elapsed_share(D(2027, 1, 1)) == 1
    assert quarter.until(D(2026, 3, 31)) is None
    assert quarter.until(D(2026, 5, 15)).end == D(2026, 5, 15)


def test_labels() -> None:
    assert parse_period("2026-W14").label("de") == "KW 14/2026"
    assert parse_period("2026-W14").label("en") == "W14 2026"
    assert parse_period("2026-Q3").label("de") == "Q3 2026"


@pytest.mark.parametrize(
    ("start", "end", "kind", "previous_start"),
    [
        (D(2026, 10, 1), D(2026, 10, 31), PeriodKind.MONTH, D(2026, 9, 1)),
        (D(2026, 7, 1), D(2026, 9, 30), PeriodKind.QUARTER, D(2026, 4, 1)),
        (D(2026, 1, 1), D(2026, 12, 31), PeriodKind.YEAR, D(2025, 1, 1)),
        (D(2026, 3, 30), D(2026, 4, 5), PeriodKind.WEEK, D(2026, 3, 23)),
        (D(2026, 10, 2), D(2026, 10, 31), PeriodKind.CUSTOM, D(2026, 9, 2)),
    ],
)
def test_ranges_are_recognised_as_calendar_periods(start, end, kind, previous_start) -> None:
    from metrics.periods import period_between

    period = period_between(start, end)
    assert (period.kind, period.previous().start) == (kind, previous_start)


def test_a_running_period_compares_like_for_like() -> None:
    from metrics.comparison import Comparison, comparison_windows

    quarter = parse_period("2026-Q4")
    today = D(2026, 11, 26)  # day 57 of the quarter
    now, previous = comparison_windows(quarter, Comparison.PREVIOUS, today)
    assert (now.start, now.end, previous.start, previous.end) == (D(2026, 10, 1), today, D(2026, 7, 1), D(2026, 8, 26))
    _, last_year = comparison_windows(quarter, Comparison.LAST_YEAR, today)
    assert (last_year.start, last_year.end) == (D(2025, 10, 1), D(2025, 11, 26))
    _, finished = comparison_windows(parse_period("2026-Q3"), Comparison.PREVIOUS, today)
    assert (finished.start, finished.end) == (D(2026, 4, 1), D(2026, 6, 30))
    assert comparison_windows(quarter, Comparison.PREVIOUS, D(2026, 9, 30)) == (None, None)  # nothing of the period yet
