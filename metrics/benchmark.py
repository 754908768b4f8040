"""Own benchmark: how does the latest week compare with the team's own recent normal?

The benchmark of a weekly series is the median of the ``WEEKS`` full weeks before the latest week
(weeks without data are unknown and left out, never 0). With fewer than ``MINIMUM_WEEKS`` weeks of
history there is no benchmark, and the caller says why instead of drawing a line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

WEEKS = 12
MINIMUM_WEEKS = 4


@dataclass(frozen=True)
class Benchmark:
    median: float | None  # None: too little history
    latest: float | None
    weeks: int  # weeks of history the median is taken over

    @property
    def deviation(self) -> float | None:
        """Latest week against the median, as a fraction (+0.12 = 12 % above); None where undefined."""
        if self.median is None or self.latest is None or self.median == 0:
            return None
        return self.latest / self.median - 1


def own_benchmark(weekly: pd.Series) -> Benchmark:
    """``weekly``: values indexed by week start, ascending; the last entry is the week compared."""
    known = weekly.dropna()
    if known.empty:
        return Benchmark(None, None, 0)
    history = known.iloc[:-1].tail(WEEKS)
    latest = float(known.iloc[-1])
    if len(history) < MINIMUM_WEEKS:
        return Benchmark(None, latest, len(history))
    return Benchmark(float(history.median()), latest, len(history))


def weekly_values(engine: object, key: str, scope: object, last_day: dt.date, weeks: int = WEEKS + 1) -> pd.Series:
    """The KPI per full ISO week (indexed by Monday), the last week being the last full week up to ``last_day``.

    Each week is computed by the engine like any period (ratios of sums, stocks as last values); a week
    without data is NaN.
    """
    from metrics.periods import period_between

    last_sunday = last_day - dt.timedelta(days=(last_day.weekday() + 1) % 7)
    mondays = [last_sunday - dt.timedelta(days=6 + 7 * back) for back in reversed(range(weeks))]
    values = [engine.value(key, scope, period_between(monday, monday + dt.timedelta(days=6))).value for monday in mondays]  # type: ignore[attr-defined]
    return pd.Series(values, index=pd.to_datetime(mondays), dtype="float64")
