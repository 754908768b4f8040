"""Prefix sums per account: any period's per-account totals in a handful of array lookups.

Rows are sorted by (account, day); cumulative sums and non-missing counts run down the sorted rows,
so the total of an account over days [a, b] is cum[hi] - cum[lo], where lo and hi come from one
binary search per account. The dashboard asks about many periods (comparisons, key results, the
path through a quarter); this makes each of them cost microseconds instead of a pass over the data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPAN = 1 << 22  # more days than any export covers; account code * SPAN + day is a sortable key


NO_DAY = np.iinfo(np.int64).min  # the day number of a missing time (NaT): a post whose export gave no publish time


def day_numbers(values: np.ndarray) -> np.ndarray:
    """datetime64 values -> whole days since 1970 (``NO_DAY`` where the value is missing)."""
    return values.astype("datetime64[D]").astype(np.int64)


@dataclass(frozen=True)
class Window:
    lo: np.ndarray  # first row of each account in the window
    hi: np.ndarray  # one past its last row


@dataclass(frozen=True)
class PrefixSums:
    keys: np.ndarray  # sorted account * SPAN + day
    values: np.ndarray  # rows in key order, (n, metrics), NaN for missing
    cum: np.ndarray  # (n + 1, metrics with any value) running sums, missing as 0
    counts: np.ndarray  # (n + 1, metrics with any value) running counts of values present
    with_values: np.ndarray  # which metrics have any value (the others add up to "missing")

    @classmethod
    def build(cls, codes: np.ndarray, days: np.ndarray, values: np.ndarray) -> PrefixSums:
        # Rows without a day belong to no period. Left in, their keys (account * SPAN + NO_DAY) would break the
        # order the binary searches rely on, and one account's window would run into another's rows.
        dated = days != NO_DAY
        if not dated.all():
            codes, days, values = codes[dated], days[dated], values[dated]
        order = np.lexsort((days, codes))
        ordered = values[order].astype(float)
        with_values = ~np.isnan(ordered).all(axis=0) if len(ordered) else np.zeros(ordered.shape[1], dtype=bool)
        # Column-major: each metric's running sum walks contiguous memory (several times faster);
        # metrics a grain never has (most of them on most platforms) are left out entirely.
        used = np.asfortranarray(ordered[:, with_values])
        present = ~np.isnan(used)
        cum = np.zeros((len(used) + 1, used.shape[1]), order="F")
        counts = np.zeros((len(used) + 1, used.shape[1]), dtype=np.int32, order="F")
        np.cumsum(np.where(present, used, 0.0), axis=0, out=cum[1:])
        np.cumsum(present, axis=0, out=counts[1:], dtype=np.int32)
        return cls(codes[order].astype(np.int64) * SPAN + days[order], ordered, cum, counts, with_values)

    def window(self, accounts: int, first_day: int, last_day: int) -> Window:
        base = np.arange(accounts, dtype=np.int64) * SPAN
        return Window(np.searchsorted(self.keys, base + first_day, "left"), np.searchsorted(self.keys, base + last_day, "right"))

    def totals(self, window: Window) -> tuple[np.ndarray, np.ndarray]:
        """(sums with NaN where an account has no value, counts of values) per account and metric."""
        counts = np.zeros((len(window.lo), len(self.with_values)), dtype=np.int64)
        sums = np.full((len(window.lo), len(self.with_values)), np.nan)
        used_counts = self.counts[window.hi] - self.counts[window.lo]
        counts[:, self.with_values] = used_counts
        sums[:, self.with_values] = np.where(used_counts > 0, self.cum[window.hi] - self.cum[window.lo], np.nan)
        return sums, counts

    def last(self, window: Window) -> np.ndarray:
        """Per account, the value of its last row in the window (build from rows that have one)."""
        inside = window.hi > window.lo
        return self._rows(np.maximum(window.hi - 1, 0), inside)

    def first(self, window: Window) -> np.ndarray:
        inside = window.hi > window.lo
        return self._rows(np.minimum(window.lo, len(self.values) - 1), inside)

    def before(self, window: Window) -> np.ndarray:
        """Per account, its last row before the window, if the account has one."""
        previous = window.lo - 1
        if not len(self.keys):
            return self._rows(previous, np.zeros(len(window.lo), dtype=bool))
        same_account = (previous >= 0) & (self.keys[np.maximum(previous, 0)] // SPAN == np.arange(len(window.lo)))
        return self._rows(np.maximum(previous, 0), same_account)

    def last_days(self, accounts: int) -> np.ndarray:
        """Per account, the day number of its last row (-1 where it has none)."""
        ends = np.searchsorted(self.keys, np.arange(1, accounts + 1, dtype=np.int64) * SPAN, "left")
        starts = np.searchsorted(self.keys, np.arange(accounts, dtype=np.int64) * SPAN, "left")
        days = np.full(accounts, -1, dtype=np.int64)
        has = ends > starts
        days[has] = self.keys[ends[has] - 1] % SPAN
        return days

    def first_days(self, accounts: int) -> np.ndarray:
        """Per account, the day number of its first row (-1 where it has none)."""
        starts = np.searchsorted(self.keys, np.arange(accounts, dtype=np.int64) * SPAN, "left")
        ends = np.searchsorted(self.keys, np.arange(1, accounts + 1, dtype=np.int64) * SPAN, "left")
        days = np.full(accounts, -1, dtype=np.int64)
        has = ends > starts
        days[has] = self.keys[starts[has]] % SPAN
        return days

    def _rows(self, rows: np.ndarray, valid: np.ndarray) -> np.ndarray:
        """``values[rows]`` where ``valid``, NaN elsewhere; an empty index (no rows at all) is all NaN."""
        if not len(self.values):
            # A store without any row of this kind (no follower totals at all): nothing to look up.
            return np.full((len(rows), self.values.shape[1]), np.nan)
        return np.where(valid[:, None], self.values[rows], np.nan)
