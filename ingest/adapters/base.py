"""The adapter contract and the declarative table adapter most exports use.

An adapter recognises one export type by its headers (never by file name) and turns a ``RawTable``
into canonical frames plus issues. Most exports are "a header row somewhere near the top, then one
row per day or post": ``TableAdapter`` handles them from a list of ``Column`` declarations, so a
platform's column mapping lives in one place, its adapter module, and another language's header is
one more alias.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from ingest.parsing import find_header_row, normalise_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import KEY_COLUMNS, Grain, Platform, conform
from model.issues import Issue, error
from model.timezones import source_zone


class Kind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"  # "3.51" meaning 3.51 %
    DATE = "date"
    DATETIME = "datetime"
    TEXT = "text"


@dataclass(frozen=True)
class Column:
    """One export column: the canonical field it feeds and its header in every language seen."""

    target: str
    aliases: tuple[str, ...]
    kind: Kind = Kind.NUMBER
    required: bool = False

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(normalise_header(a) for a in self.aliases)


@dataclass(frozen=True)
class Context:
    """What an adapter may know besides the table: the day of reference for year-less dates."""

    reference_date: dt.date
    day_first: bool = False
    file: str = ""


@dataclass
class Parsed:
    """One recognised table: canonical frames, or a reason why it is not stored."""

    report: str
    platform: Platform | None
    frames: dict[Grain, pd.DataFrame]
    issues: list[Issue] = field(default_factory=list)
    account: str | None = None
    platform_candidates: tuple[Platform, ...] = ()
    store: bool = True
    note: str = ""  # adapter documentation shown when nothing is stored


@dataclass(frozen=True)
class Match:
    adapter: Adapter
    header_row: int
    score: int


class Adapter:
    """Base class: ``detect`` scores a table, ``parse`` converts it."""

    report: str = ""
    platform: Platform | None = None
    grain: Grain = Grain.DAILY
    description: str = ""
    timezone: str = ""

    def detect(self, table: RawTable) -> Match | None:
        raise NotImplementedError

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        raise NotImplementedError


# derive(raw named columns, raw cells, context) -> canonical columns, or (frame, extra issues)
Derive = Callable[[pd.DataFrame, pd.DataFrame, Context], "pd.DataFrame | tuple[pd.DataFrame, list[Issue]]"]


def sum_parts(frame: pd.DataFrame, parts: Sequence[str]) -> pd.Series:
    """Sum of the columns present; missing only where every part is missing (never a silent 0)."""
    present = [p for p in parts if p in frame.columns]
    if not present:
        return pd.Series(float("nan"), index=frame.index)
    return frame[present].sum(axis=1, min_count=1)


def url_match(series: pd.Series, pattern: str) -> pd.Series:
    return series.astype("string").str.extract(pattern, flags=re.IGNORECASE, expand=False)


@dataclass(frozen=True)
class TableAdapter(Adapter):
    """An export that is one table with a header row.

    ``signature`` names the targets whose column must be found (in any of its languages); the
    detection score is the number of declared columns found, so the most specific adapter wins.
    Columns whose target starts with "_" only help detection and are not stored. ``derive`` adds computed canonical
    columns (documented sums, ids from links) from the raw named columns.
    """

    report: str = ""
    platform: Platform | None = None
    grain: Grain = Grain.DAILY
    columns: tuple[Column, ...] = ()
    signature: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()  # headers that mean it is another export
    description: str = ""
    timezone: str = ""
    derive: Derive | None = None
    skip_first_cells: tuple[str, ...] = ("total", "gesamt", "summe")
    source_timezone: str = "UTC"  # zone of naive publish times in the export (an IANA name, or COMPANY_ZONE)
    max_columns: int | None = None

    def detect(self, table: RawTable) -> Match | None:
        required = [c for c in self.columns if c.target in self.signature]
        all_keys = frozenset().union(*(c.keys for c in self.columns))
        found = find_header_row(table.head, all_keys, len(required))
        if found is None:
            return None
        headers = {normalise_header(c) for c in table.head[found[0]] if c}
        if not all(headers & c.keys for c in required):
            return None
        if headers & {normalise_header(f) for f in self.forbidden}:
            return None
        if self.max_columns is not None and len(headers) > self.max_columns:
            return None
        return Match(self, found[0], len(headers & all_keys))

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        header = [normalise_header(c) if c == c and c is not None else "" for c in table.cells.iloc[match.header_row]]
        body = table.cells.iloc[match.header_row + 1 :]
        row_base = 1 + table.row_offset
        issues: list[Issue] = list(table.notes)
        body = _without_blank_and_total_rows(body, self.skip_first_cells)
        decimal = "," if table.delimiter == ";" else "."
        found_columns: list[tuple[Column, int]] = []
        for column in self.columns:
            position = next((i for i, h in enumerate(header) if h in column.keys), None)
            if position is not None:
                found_columns.append((column, position))
            elif column.required:
                issues.append(error(f"The column '{column.aliases[0]}' is missing. Export the full report again.", file=table.file, sheet=table.sheet))

        def convert(item: tuple[Column, int]) -> tuple[pd.Series, list[Issue]]:
            column, position = item
            where = {"column": str(table.cells.iat[match.header_row, position]), "file": table.file, "sheet": table.sheet, "row_base": row_base}
            return _convert(column, body.iloc[:, position], decimal, context, where)

        converted = [convert(item) for item in found_columns]  # a thread pool measured slower (GIL-bound string work)
        raw = pd.DataFrame({column.target: values for (column, _), (values, _) in zip(found_columns, converted, strict=True)}, index=body.index)
        issues += [issue for _, found in converted for issue in found]
        issues += _ragged_cells(table, body, len([h for h in header if h]), row_base)
        frame = self.derive(raw, body, context) if self.derive else raw
        if isinstance(frame, tuple):
            frame, extra = frame
            issues += extra
        if "published_at" in frame and frame["published_at"].dt.tz is None:
            # A wall-clock time that DST skips or repeats is taken forward / as standard time, not refused.
            localised = frame["published_at"].dt.tz_localize(source_zone(self.source_timezone), ambiguous=False, nonexistent="shift_forward")
            frame = frame.assign(published_at=localised.dt.tz_convert("UTC"))
        frame = frame.assign(platform=str(self.platform) if self.platform else "", source_row=(body.index.to_numpy() + row_base).astype("int64"))
        issues += _missing_keys(frame, self.grain, table)
        return Parsed(
            report=self.report, platform=self.platform, frames={self.grain: conform(frame, self.grain)}, issues=issues, account=_single_account(frame)
        )


def _convert(column: Column, cells: pd.Series, decimal: str, context: Context, where: dict[str, object]) -> tuple[pd.Series, list[Issue]]:
    if column.kind in (Kind.NUMBER, Kind.PERCENT):
        return to_number(cells, decimal=decimal, percent=column.kind is Kind.PERCENT, **where)
    if column.kind in (Kind.DATE, Kind.DATETIME):
        values, found = to_datetime(cells, day_first=context.day_first or decimal == ",", reference=context.reference_date, **where)
        return (values.dt.normalize() if column.kind is Kind.DATE else values), found
    return cells.astype("string").str.strip().replace("", pd.NA), []


def _without_blank_and_total_rows(body: pd.DataFrame, total_labels: tuple[str, ...]) -> pd.DataFrame:
    """Drop empty rows and "Total"/"Gesamt" rows (YouTube writes "Ge\u00adsamt"), with one text pass."""
    if body.empty:
        return body
    first = body.iloc[:, 0].astype("string").str.replace("\u00ad", "", regex=False).str.strip().str.lower()
    total = first.isin(total_labels).fillna(False).to_numpy(dtype=bool)
    candidates = body[(first.isna() | first.eq("")).fillna(True).to_numpy(dtype=bool)]  # only these can be blank
    blank = candidates.apply(lambda c: c.astype("string").str.strip().fillna("").eq("")).all(axis=1)
    return body[~total].drop(index=blank[blank].index)


def _ragged_cells(table: RawTable, body: pd.DataFrame, width: int, row_base: int) -> list[Issue]:
    if body.shape[1] <= width or body.empty:
        return []
    extra = body.iloc[:, width:].astype("string").apply(lambda c: c.str.strip().fillna("").ne(""))
    rows = extra.any(axis=1)
    if not rows.any():
        return []
    value = body.loc[rows[rows].index[0]].iloc[width:].dropna().astype(str).str.strip().loc[lambda s: s != ""].iloc[0]
    return [
        error(
            f"{int(rows.sum())} row(s) have more cells than the header has columns; the separator or quoting is broken. Re-export the file.",
            file=table.file,
            sheet=table.sheet,
            row=row_base + int(rows[rows].index[0]),
            value=value,
        )
    ]


def _missing_keys(frame: pd.DataFrame, grain: Grain, table: RawTable) -> list[Issue]:
    # Audience snapshots without a date get theirs later from the file (see the pipeline).
    key = {Grain.POST: "post_id", Grain.DAILY: "date", Grain.AUDIENCE: "bucket"}[grain]
    if key not in frame.columns:
        return []
    missing = frame[key].isna()
    issues = []
    if missing.any():
        row = int(frame.loc[missing, "source_row"].iloc[0])
        issues.append(
            error(f"{int(missing.sum())} row(s) have no {key.replace('_', ' ')}; every row needs one.", file=table.file, sheet=table.sheet, row=row, column=key)
        )
    keyed = frame[~missing]
    scope = [c for c in KEY_COLUMNS[grain] if c in keyed.columns and c != "platform"]
    duplicated = keyed.duplicated(subset=scope, keep="first")
    if duplicated.any():
        row = int(keyed.loc[duplicated, "source_row"].iloc[0])
        issues.append(
            error(
                f"The file lists the same {key.replace('_', ' ')} twice; nothing was stored so nothing is counted twice. Check the export.",
                file=table.file,
                sheet=table.sheet,
                row=row,
                column=key,
                value=str(keyed.loc[duplicated, key].iloc[0]),
            )
        )
    return issues


def _single_account(frame: pd.DataFrame) -> str | None:
    if "account" not in frame.columns:
        return None
    accounts = frame["account"].dropna().unique()
    return str(accounts[0]) if len(accounts) == 1 else None
