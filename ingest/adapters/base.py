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
from functools import cached_property

import numpy as np
import pandas as pd

from ingest.ids import canonical_post_ids, derived_post_ids, destroyed_post_ids
from ingest.parsing import find_header_row, is_null_cell, normalise_header, resolve_header, to_datetime, to_number
from ingest.readers import RawTable
from model.canonical import KEY_COLUMNS, METRIC_NAMES, Grain, Platform, conform
from model.i18n import plain_number
from model.issues import Issue, error, info, warning
from model.timezones import source_zone

# First cells that mark a total row, in the platforms' languages (rows repeating the sums go whatever their label).
TOTAL_LABELS = ("total", "totals", "gesamt", "summe", "insgesamt", "totale", "totaal", "totales", "totaux", "total geral", "totalt", "suma", "razem")


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

    @cached_property
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


def gross_and_net(frame: pd.DataFrame) -> pd.DataFrame:
    """Follower flows by one rule for every export: the gross columns where there are any.

    Where an export has "Subscribers gained" and "Subscribers lost" beside a net "Subscribers", the
    gross columns are followers_gained and followers_lost and the net column, their difference, is
    not stored (a net change is never a gain). With one gross column and the net one, the other gross
    flow is their difference (lost = gained - net). Only where no gross column exists does the net
    column stay, as followers_net.
    """
    if "followers_net" not in frame.columns:
        return frame
    gained, lost = frame.get("followers_gained"), frame.get("followers_lost")
    if gained is None and lost is None:
        return frame
    net = frame["followers_net"]
    return frame.assign(
        followers_gained=gained if gained is not None else net + lost,
        followers_lost=lost if lost is not None else gained - net,
    ).drop(columns="followers_net")


def url_match(series: pd.Series, pattern: str) -> pd.Series:
    return series.astype("string").str.extract(pattern, flags=re.IGNORECASE, expand=False)


@dataclass(frozen=True)
class TableAdapter(Adapter):
    """An export that is one table with a header row.

    ``signature`` names the targets whose column must be found (in any of its languages); the
    detection score is the number of declared columns found, so the most specific adapter wins.
    Columns whose target starts with "_" only help detection and are not stored. ``derive`` adds computed canonical
    columns (documented sums, ids from links) from the raw named columns; follower flows then follow
    ``gross_and_net``. Headers are matched by ``resolve_header`` (case, spacing, soft hyphens,
    punctuation, singular/plural). A column the adapter does not declare does not stop the import:
    one info note names every header cell that was not read. ``max_unknown`` limits how many such
    columns the table may have before it counts as another export.
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
    skip_first_cells: tuple[str, ...] = TOTAL_LABELS
    source_timezone: str = "UTC"  # zone of naive publish times in the export (an IANA name, or COMPANY_ZONE)
    max_columns: int | None = None
    max_unknown: int | None = None  # more unknown columns than this: another export (a breakdown, not totals)

    @cached_property
    def _by_key(self) -> dict[str, Column]:
        """Normalised alias -> its column (the first declared where two columns share an alias)."""
        return {key: column for column in reversed(self.columns) for key in column.keys}

    @cached_property
    def _all_keys(self) -> frozenset[str]:
        return frozenset(self._by_key)

    def header(self, target: str, spelling: int = 0) -> str:
        """The header of ``target``'s column as the platform writes it, for writers such as the demo generator.

        ``spelling`` indexes the column's aliases: 0 is the platform's current (English) header; each
        adapter module documents the order of its further spellings (languages, older vintages).
        """
        return next(c for c in self.columns if c.target == target).aliases[spelling]

    def column_at(self, header: object) -> Column | None:
        """The declared column a header cell names (see ``resolve_header``), or None."""
        key = resolve_header(header, self._all_keys) if header == header and header is not None else None
        return self._by_key[key] if key else None

    def detect(self, table: RawTable) -> Match | None:
        required = [c for c in self.columns if c.target in self.signature]
        found = find_header_row(table.head, self._all_keys, len(required))
        if found is None:
            return None
        cells = [c for c in table.head[found[0]] if c]
        named = {column for column in map(self.column_at, cells) if column is not None}
        if not all(c in named for c in required):
            return None
        forbidden = frozenset(normalise_header(f) for f in self.forbidden)
        if any(resolve_header(c, forbidden) for c in cells):
            return None
        if self.max_columns is not None and len({normalise_header(c) for c in cells}) > self.max_columns:
            return None
        if self.max_unknown is not None and len(cells) - sum(1 for c in cells if self.column_at(c)) > self.max_unknown:
            return None
        return Match(self, found[0], len(named))

    def _in_utc(self, published: pd.Series, with_offset: pd.Series) -> pd.Series:
        """Naive publish times in UTC: read in the export's zone, except where a cell wrote its offset (the parser
        turned those into UTC already; read again as the company's wall clock, 10:00+00:00 became 09:00) and where it
        wrote a day without a time (kept at 00:00 UTC, which means "no time of day": ``model.timezones``)."""
        zone = source_zone(self.source_timezone)
        in_utc = published.dt.tz_localize("UTC")
        if zone == "UTC":
            return in_utc
        # A wall-clock time that DST skips or repeats is taken forward / as standard time, not refused.
        localised = published.dt.tz_localize(zone, ambiguous=False, nonexistent="shift_forward").dt.tz_convert("UTC")
        as_written = with_offset.reindex(published.index, fill_value=False).to_numpy(dtype=bool) | (published == published.dt.normalize()).to_numpy(dtype=bool)
        return localised.where(~as_written, in_utc)

    def parse(self, table: RawTable, match: Match, context: Context) -> Parsed:
        header_cells = list(table.cells.iloc[match.header_row])
        named = [self.column_at(c) for c in header_cells]
        body = table.cells.iloc[match.header_row + 1 :]
        row_base = 1 + table.row_offset
        issues: list[Issue] = list(table.notes)
        decimal = "," if table.delimiter == ";" else "."
        found_columns: list[tuple[Column, int]] = []
        for column in self.columns:
            position = next((i for i, c in enumerate(named) if c is column), None)
            if position is not None:
                found_columns.append((column, position))
            elif column.required:
                issues.append(
                    error("ingest.column_missing", params={"column": column.aliases[0], "report": self.description}, file=table.file, sheet=table.sheet)
                )
        issues += _unread_columns(table, header_cells, named, found_columns)
        body, dropped = _data_rows(body, found_columns, self.skip_first_cells, context, table, row_base)
        issues += dropped
        body, held = _undated_ends(body, found_columns, context)

        def convert(item: tuple[Column, int]) -> tuple[pd.Series, list[Issue]]:
            column, position = item
            where = {"column": str(table.cells.iat[match.header_row, position]), "file": table.file, "sheet": table.sheet, "row_base": row_base}
            return _convert(column, body.iloc[:, position], decimal, context, where)

        converted = [convert(item) for item in found_columns]  # a thread pool measured slower (GIL-bound string work)
        raw = pd.DataFrame({column.target: values for (column, _), (values, _) in zip(found_columns, converted, strict=True)}, index=body.index)
        found_issues = [issue for _, found in converted for issue in found]
        sums = _SumCheck(found_columns, body, held, table, row_base, decimal)
        raw, found_issues, dropped = sums.without_sum_rows(raw, found_issues, self.grain)
        issues += found_issues + dropped
        body = body.loc[raw.index] if len(raw) != len(body) else body  # a sum row went
        issues += _ragged_cells(table, body, sum(1 for c in header_cells if _cell_text(c)), row_base)
        frame = self.derive(raw, body, context) if self.derive else raw
        if isinstance(frame, tuple):
            frame, extra = frame
            issues += extra
        frame = gross_and_net(frame)
        if "published_at" in frame and frame["published_at"].dt.tz is None:
            frame = frame.assign(published_at=self._in_utc(frame["published_at"], _written_with_offset(body, found_columns, "published_at")))
        # A derive may name each row's platform (the generic template's rows of a native channel); else the adapter's.
        platform = frame["platform"] if "platform" in frame.columns else (str(self.platform) if self.platform else "")
        frame = frame.assign(platform=platform, source_row=(body.index.to_numpy() + row_base).astype("int64"))
        frame, keyed = _keyed_rows(frame, self.grain, table)
        issues += keyed
        return Parsed(
            report=self.report, platform=self.platform, frames={self.grain: conform(frame, self.grain)}, issues=issues, account=_single_account(frame)
        )


def _cell_text(value: object) -> str:
    return "" if value is None or value != value else str(value).strip()


def _unread_columns(table: RawTable, header_cells: list[object], named: list[Column | None], found: list[tuple[Column, int]]) -> list[Issue]:
    """One note naming the header cells no declared column reads (an added or unknown column), so nothing is dropped unseen."""
    used = {position for _, position in found}
    unread = [
        _cell_text(cell)
        for position, (cell, column) in enumerate(zip(header_cells, named, strict=True))
        if _cell_text(cell) and (column is None or position not in used)
    ]
    if not unread:
        return []
    return [info("ingest.columns_not_read", params={"count": len(unread), "columns": ", ".join(unread)}, file=table.file, sheet=table.sheet)]


_OFFSET_AT_END = r"(?:[zZ]|[+-]\d{2}:?\d{2})\s*$"


def _written_with_offset(body: pd.DataFrame, found_columns: list[tuple[Column, int]], target: str) -> pd.Series:
    """Per row, whether the ``target`` column's cell wrote a UTC offset or "Z" (False where no such column)."""
    position = next((p for column, p in found_columns if column.target == target), None)
    if position is None:
        return pd.Series(False, index=body.index)
    return body.iloc[:, position].astype("string").str.contains(_OFFSET_AT_END, regex=True).fillna(False).astype(bool)


def _convert(column: Column, cells: pd.Series, decimal: str, context: Context, where: dict[str, object]) -> tuple[pd.Series, list[Issue]]:
    if column.kind in (Kind.NUMBER, Kind.PERCENT):
        return to_number(cells, decimal=decimal, percent=column.kind is Kind.PERCENT, **where)
    if column.kind in (Kind.DATE, Kind.DATETIME):
        values, found = to_datetime(cells, day_first=context.day_first or decimal == ",", reference=context.reference_date, **where)
        return (values.dt.normalize() if column.kind is Kind.DATE else values), found
    return cells.astype("string").str.strip().replace("", pd.NA), []


def _data_rows(
    body: pd.DataFrame, found: list[tuple[Column, int]], total_labels: tuple[str, ...], context: Context, table: RawTable, row_base: int
) -> tuple[pd.DataFrame, list[Issue]]:
    """Only the rows that are data: blank rows, labelled total rows and lines without a key and without figures go.

    A footer ("Showing top 500 results", "Die 500 besten Ergebnisse werden angezeigt") or a caption has no
    post id or day in the key column and no figure in any number column; it is no post, in any language.
    Dropped lines are reported as info, never silently.
    """
    if body.empty:
        return body, []
    first = body.iloc[:, _label_position(found)].astype("string").str.replace("\u00ad", "", regex=False).str.strip().str.lower()
    total = first.isin(total_labels).fillna(False).to_numpy(dtype=bool)
    candidates = body[(first.isna() | first.eq("")).fillna(True).to_numpy(dtype=bool)]  # only these can be blank
    blank = candidates.apply(lambda c: c.astype("string").str.strip().fillna("").eq("")).all(axis=1)
    issues = [
        info("ingest.total_row_dropped", params={"label": text}, file=table.file, sheet=table.sheet, row=row_base + int(label), value=text)
        for text, label in zip((str(body.iat[p, _label_position(found)]).strip() for p in np.flatnonzero(total)), body.index[total], strict=True)
    ]
    rest = body[~total] if total.any() else body
    rest = rest.drop(index=blank[blank].index) if blank.any() else rest  # copies 100k rows: only when needed
    captions = _caption_rows(rest, found, context)
    if len(captions):
        issues.append(_captions_note(rest, captions, table, row_base))
    return (rest.drop(index=captions) if len(captions) else rest), issues


def caption_lines_dropped(body: pd.DataFrame, labels: set[int], figure: int, table: RawTable) -> tuple[pd.DataFrame, list[Issue]]:
    """For tables read by position of a label and a figure column (audience breakdowns): a line without the figure
    and without a digit in any column other than the labels ("Showing top 500 results", a note added below the
    table, with or without a value in an added column) is no data row; it goes with one info note."""
    others = body.iloc[:, [i for i in range(body.shape[1]) if i not in labels and i != figure]]
    figures = others.astype("string").apply(lambda c: c.str.contains(r"\d", regex=True).fillna(False)).any(axis=1)
    captions = body.index[(~figures & is_null_cell(body.iloc[:, figure])).to_numpy(dtype=bool)]
    if not len(captions):
        return body, []
    return body.drop(index=captions), [_captions_note(body, captions, table, 1 + table.row_offset)]


def _captions_note(body: pd.DataFrame, captions: pd.Index, table: RawTable, row_base: int) -> Issue:
    """The one info note for dropped caption lines: how many, their rows, and the first one's text."""
    rows = [row_base + int(label) for label in captions]
    value = next((str(v).strip() for v in body.loc[captions[0]] if v is not None and v == v and str(v).strip()), "")
    return info(
        "ingest.caption_rows_dropped", params={"count": len(rows), "rows": _row_list(rows)}, file=table.file, sheet=table.sheet, row=rows[0], value=value
    )


def _label_position(found: list[tuple[Column, int]]) -> int:
    """Where a total row has its label ("Total", "Gesamt"): in the key column (id, day, bucket), wherever a
    re-save put it; the first column for tables without one."""
    keys = {column.target: position for column, position in found}
    return next((keys[k] for k in ("post_id", "permalink", "date", "bucket") if k in keys), 0)


def _caption_rows(body: pd.DataFrame, found: list[tuple[Column, int]], context: Context) -> pd.Index:
    """Labels of the rows with no figure and no usable key (see ``_data_rows``)."""
    figures = [position for column, position in found if column.kind in (Kind.NUMBER, Kind.PERCENT)]
    keys = {column.target: (column, position) for column, position in found}
    key = keys.get("post_id") or keys.get("permalink") or keys.get("date") or keys.get("bucket")
    if body.empty or not figures or key is None:
        return body.index[:0]
    column, position = key
    rows = body
    if column.kind is Kind.TEXT:  # a cheap text test on the key first: most rows have an id and are done
        text = rows.iloc[:, position].astype("string").str.strip()
        # Ids and links of the platforms never hold spaces; sentences do. Bucket labels may (see below).
        unusable = text.isna() | text.eq("") | text.str.contains(r"[ \t\r\n]", regex=True) | (column.target == "bucket")
        rows = rows[unusable.fillna(True).to_numpy(dtype=bool)]
    for figure in figures:  # narrowing column by column: later columns see only the rows still without figures
        if rows.empty:
            break
        rows = rows[is_null_cell(rows.iloc[:, figure]).to_numpy(dtype=bool)]
    if column.target == "bucket" and not rows.empty:
        # A bucket ("Male", "United States") may hold spaces, so only a line whose figures are blank, not written
        # as a placeholder ("undefined", "-": a bucket without its value), is a caption.
        rows = rows[rows.iloc[:, figures].astype("string").apply(lambda c: c.str.strip().fillna("").eq("")).all(axis=1).to_numpy(dtype=bool)]
    if rows.empty or column.kind is Kind.TEXT:
        return rows.index
    where = {"column": "", "file": "", "sheet": None, "row_base": 0}
    dates, _ = to_datetime(rows.iloc[:, position], day_first=context.day_first, reference=context.reference_date, **where)
    return rows.index[dates.isna().to_numpy()]


def _undated_ends(body: pd.DataFrame, found: list[tuple[Column, int]], context: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hold back a first or last row whose day cell is no date ("Summe", "Totaal"): one such label would make the
    whole date column unreadable. ``_SumCheck`` drops it if it repeats the sums and reports it otherwise."""
    dates = [position for column, position in found if column.target == "date" and column.kind in (Kind.DATE, Kind.DATETIME)]
    if len(body) < 3 or not dates:
        return body, body.iloc[:0]
    where = {"column": "", "file": "", "sheet": None, "row_base": 0}
    # A column that reads whole has no such row (every cell it reads also reads alone): one conversion, where
    # four of single cells cost a small export a tenth of its parse.
    cells = body.iloc[:, dates[0]]
    whole, _ = to_datetime(cells, day_first=context.day_first, reference=context.reference_date, **where)
    if not (whole.isna().to_numpy() & ~is_null_cell(cells).to_numpy(dtype=bool)).any():
        return body, body.iloc[:0]

    def undated(label: object) -> bool:
        cell = body.loc[[label]].iloc[:, dates[0]]
        parsed, _ = to_datetime(cell, day_first=context.day_first, reference=context.reference_date, **where)
        return not is_null_cell(cell).all() and bool(parsed.isna().all())

    # Only where the next row inward has a date: a column of unknown dates is the converter's to report.
    ends = ((body.index[0], body.index[1]), (body.index[-1], body.index[-2]))
    held = [label for label, inner in ends if undated(label) and not undated(inner)]
    return body.drop(index=held), body.loc[held]


@dataclass(frozen=True)
class _SumCheck:
    """Drop a first or last row that repeats the column sums, whatever its label ("Total", "Totaal", none).

    Such a row has no day or publish time and, in every count column where it has a value (at least two
    where the table has two), the sum of the other rows (to 0.5 %: platforms round their per-row figures).
    The unreadable-cell issues of a dropped row go with it. Audience shares are left alone: one bucket's
    share can be the sum of the others' (0.5 = 0.3 + 0.2).
    """

    found: list[tuple[Column, int]]
    body: pd.DataFrame
    held: pd.DataFrame  # end rows whose day is no date (see _undated_ends)
    table: RawTable
    row_base: int
    decimal: str

    def without_sum_rows(self, raw: pd.DataFrame, issues: list[Issue], grain: Grain) -> tuple[pd.DataFrame, list[Issue], list[Issue]]:
        counts = [(column.target, position) for column, position in self.found if column.kind is Kind.NUMBER and column.target in raw.columns]
        notes = [self._held_row(label, raw, counts) for label in self.held.index]
        if grain is Grain.AUDIENCE or len(raw) < 3 or not counts:
            return raw, issues, notes
        for label in dict.fromkeys((raw.index[0], raw.index[-1])):
            row = raw.loc[label]
            if any(name in raw.columns and pd.notna(row[name]) for name in ("date", "published_at")):
                continue
            names = [name for name, _ in counts]
            if _repeats_sums(row[names].astype("float64"), raw.drop(index=label)[names]):
                raw = raw.drop(index=label)
                issues = [i for i in issues if i.row != self.row_base + int(label)]
                notes.append(self._dropped(self.body.loc[label], label))
        return raw, issues, notes

    def _held_row(self, label: object, raw: pd.DataFrame, counts: list[tuple[str, int]]) -> Issue:
        cells = self.held.loc[label]
        where = {"column": "", "file": "", "sheet": None, "row_base": 0}
        values = pd.Series({name: to_number(cells.iloc[[position]], decimal=self.decimal, **where)[0].iloc[0] for name, position in counts}, dtype="float64")
        if counts and _repeats_sums(values, raw[[name for name, _ in counts]]):
            return self._dropped(cells, label)
        date = next(position for column, position in self.found if column.target == "date")
        value = str(cells.iloc[date]).strip()
        return error(
            "ingest.row_without_date", params={"value": value}, file=self.table.file, sheet=self.table.sheet, row=self.row_base + int(label), value=value
        )

    def _dropped(self, cells: pd.Series, label: object) -> Issue:
        first = next((str(v).strip() for v in cells if v is not None and v == v and str(v).strip()), "")
        return info(
            "ingest.total_row_dropped", params={"label": first}, file=self.table.file, sheet=self.table.sheet, row=self.row_base + int(label), value=first
        )


def _repeats_sums(values: pd.Series, others: pd.DataFrame) -> bool:
    sums = others.sum(min_count=1)
    present = values.notna() & sums.notna()
    if present.sum() < min(2, len(values)) or not (sums[present].abs() > 0).any():
        return False
    return bool(np.allclose(values[present].to_numpy(), sums[present].to_numpy(), rtol=0.005, atol=1e-9))


def _row_list(rows: Sequence[int], limit: int = 20) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f", … (+{len(rows) - limit})" if len(rows) > limit else "")


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
            "ingest.ragged_rows",
            params={"count": int(rows.sum())},
            file=table.file,
            sheet=table.sheet,
            row=row_base + int(rows[rows].index[0]),
            value=value,
        )
    ]


def _keyed_rows(frame: pd.DataFrame, grain: Grain, table: RawTable) -> tuple[pd.DataFrame, list[Issue]]:
    """Every row's key: post ids in their canonical form (rows without one get a derived key), else an error."""
    # Audience snapshots without a date get theirs later from the file (see the pipeline).
    key = {Grain.POST: "post_id", Grain.DAILY: "date", Grain.AUDIENCE: "bucket"}[grain]
    if key not in frame.columns:
        return frame, []
    where = {"file": table.file, "sheet": table.sheet, "column": key}
    issues: list[Issue] = []
    destroyed = pd.Series(False, index=frame.index)
    if grain is Grain.POST:
        frame, destroyed, issues = _post_ids(frame, table)
        issues += _undated_posts(frame, destroyed, table)
    missing = frame[key].isna()
    if missing.any() and grain is not Grain.POST:  # posts: said by _post_ids
        rows = frame.loc[missing, "source_row"].astype(int).tolist()
        issues.append(error("ingest.key_missing", params={"count": len(rows), "rows": _row_list(rows), "what": key}, row=rows[0], **where))
    keyed = frame[~missing & ~destroyed]
    scope = [c for c in KEY_COLUMNS[grain] if c in keyed.columns and c != "platform"]
    duplicated = keyed.duplicated(subset=scope, keep=False)
    if duplicated.any():
        twice = keyed[duplicated]
        first_value = twice[key].iloc[0]
        rows = twice.loc[twice[key] == first_value, "source_row"].astype(int).tolist()
        value = str(first_value.date()) if isinstance(first_value, pd.Timestamp) else str(first_value)
        issues.append(error("ingest.key_twice", params={"what": key, "value": value, "rows": _row_list(rows)}, row=rows[1], value=value, **where))
    return frame, issues


def _undated_posts(frame: pd.DataFrame, destroyed: pd.Series, table: RawTable) -> list[Issue]:
    """Posts stored without a publish time belong to no period: said, so that their figures are not missed silently
    (17 of a German YouTube table's 500 videos: 646 views the KPIs never showed, and no word why)."""
    if "published_at" not in frame:
        return []
    undated = frame["published_at"].isna() & frame["post_id"].notna() & ~destroyed
    if not undated.any():
        return []
    rows = frame.loc[undated, "source_row"].astype(int).tolist()
    return [info("ingest.posts_undated", params={"count": len(rows), "rows": _row_list(rows)}, row=rows[0], file=table.file, sheet=table.sheet)]


def _post_ids(frame: pd.DataFrame, table: RawTable) -> tuple[pd.DataFrame, pd.Series, list[Issue]]:
    """Canonical post ids; ids a spreadsheet destroyed are refused; rows without one get a derived key."""
    where = {"file": table.file, "sheet": table.sheet, "column": "post_id"}
    ids = canonical_post_ids(frame["post_id"])
    destroyed = destroyed_post_ids(ids)
    issues: list[Issue] = []
    if destroyed.any():
        rows = frame.loc[destroyed, "source_row"].astype(int).tolist()
        examples = ", ".join(ids[destroyed].drop_duplicates().head(3).tolist())
        params = {"count": len(rows), "rows": _row_list(rows), "examples": examples}
        issues.append(error("ingest.post_id_destroyed", params=params, row=rows[0], value=str(ids[destroyed].iloc[0]), **where))
    missing = ids.isna()
    if not missing.any():
        return frame.assign(post_id=ids), destroyed, issues
    published = frame["published_at"] if "published_at" in frame else pd.Series(pd.NaT, index=frame.index, dtype="datetime64[us, UTC]")
    text = frame["text"].astype("string") if "text" in frame else pd.Series(pd.NA, index=frame.index, dtype="string")
    nothing = missing & published.isna() & (text.isna() | text.str.strip().eq("")).fillna(True)
    if nothing.any():
        rows = frame.loc[nothing, "source_row"].astype(int).tolist()
        issues.append(error("ingest.post_without_key", params={"count": len(rows), "rows": _row_list(rows)}, row=rows[0], **where))
    derivable = missing & ~nothing
    if derivable.any():
        ids = ids.copy()
        ids[derivable] = derived_post_ids(frame.loc[derivable, "platform"], published[derivable], text[derivable])
        rows = frame.loc[derivable, "source_row"].astype(int).tolist()
        params = {"count": len(rows), "rows": _row_list(rows), "figures": _figures(frame[derivable])}
        issues.append(warning("ingest.post_id_derived", params=params, row=rows[0], **where))
    return frame.assign(post_id=ids), destroyed, issues


def _figures(rows: pd.DataFrame, limit: int = 10) -> str:
    """'row 5: impressions 120, reach 80; row 9: …' for the message that names the rows."""
    metrics = [m for m in METRIC_NAMES if m in rows.columns]
    parts = []
    for record in rows.head(limit).to_dict("records"):  # at most ten rows, for a message
        values = ", ".join(f"{m} {plain_number(record[m])}" for m in metrics if pd.notna(record[m])) or "–"
        parts.append(f"{int(record['source_row'])}: {values}")
    return "; ".join(parts) + ("; …" if len(rows) > limit else "")


def _single_account(frame: pd.DataFrame) -> str | None:
    if "account" not in frame.columns:
        return None
    accounts = frame["account"].dropna().unique()
    return str(accounts[0]) if len(accounts) == 1 else None
