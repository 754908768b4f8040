"""Storing imports: one transaction per file, duplicates by SHA-256, undo, history."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from model.canonical import KEY_COLUMNS, Grain
from model.i18n import plain_number
from model.issues import Issue, error, info, warning
from model.results import FileResult, Progress, Status
from storage.schema import FACT_TABLES, imports, posts
from storage.staging import Staging, staging


def store_results(engine: Engine, results: Iterable[FileResult], progress: Progress | None = None) -> list[FileResult]:
    """Store every parsed file in its own transaction; set each result's status and import id."""
    results = list(results)
    for number, result in enumerate(results, start=1):
        if progress:
            progress(number, len(results), result.file)
        if result.status is Status.PARSED:
            store_one(engine, result)
    return results


def store_one(engine: Engine, result: FileResult) -> None:
    try:
        with engine.connect().execution_options(write=True) as connection, staging(connection) as stage, connection.begin():
            existing = _active_import_with(connection, result.sha256)
            if existing is not None:
                _mark_duplicate(result, existing)
                return
            result.issues.extend(_lowered_counters(connection, result))
            result.import_id = _insert_import(connection, result)
            for grain, frame in result.frames.items():
                _insert_rows(connection, FACT_TABLES[str(grain)], frame, result.import_id, stage)
        result.status = Status.IMPORTED
    except IntegrityError as exc:
        # Another import of the same bytes may have committed first (the unique index on active hashes).
        with engine.connect() as connection:
            existing = _active_import_with(connection, result.sha256)
        if existing is None:
            _storing_failed(result, exc)
        else:
            _mark_duplicate(result, existing)
    except SQLAlchemyError as exc:
        _storing_failed(result, exc)


# Counters a post only accumulates over its life; a newer export with less is suspicious (a broken
# export with every Views value 0), though newest still wins. Reach is unique people, also only growing.
LIFETIME_COUNTERS = ("impressions", "views", "reach", "reactions", "comments", "shares", "saves", "clicks", "engagements")


def _lowered_counters(connection: Connection, result: FileResult) -> list[Issue]:
    """A warning naming the posts whose lifetime counters this import lowers against the stored current values.

    Compared with what the other imports hold now (per post and counter, the newest non-missing value,
    as ``storage.queries.current`` resolves them), inside the storing transaction. Plain Core selects,
    one per account of the file: the same on SQLite and PostgreSQL.
    """
    frame = result.frames.get(Grain.POST)
    counters = [c for c in LIFETIME_COUNTERS if frame is not None and c in frame.columns and frame[c].notna().any()]
    if frame is None or frame.empty or not counters:
        return []
    keys = list(KEY_COLUMNS[Grain.POST])
    stored = _stored_counters(connection, frame[keys].drop_duplicates(["platform", "account"]), counters)
    if stored.empty:  # the account's first posts
        return []
    stored = stored[_among(stored["post_id"], frame["post_id"])]  # only posts of this file can be lowered
    if stored.empty:  # a new period's export: none of its posts stored yet
        return []
    current = stored.sort_values("import_id", ascending=False, kind="stable").groupby(keys, sort=False).first()
    both = frame[keys + counters].merge(current[counters].reset_index(), on=keys, suffixes=("", "_stored"))
    lowered = pd.DataFrame({c: both[c].lt(both[f"{c}_stored"]) for c in counters}).fillna(False).astype(bool)
    hit = lowered.any(axis=1)
    if not hit.any():
        return []
    summary = "; ".join(
        f"{c} {plain_number(both.loc[lowered[c], f'{c}_stored'].sum())} -> {plain_number(both.loc[lowered[c], c].sum())} ({int(lowered[c].sum())})"
        for c in counters
        if lowered[c].any()
    )
    examples = [
        f"{row['post_id']} (" + ", ".join(f"{c} {plain_number(row[f'{c}_stored'])} -> {plain_number(row[c])}" for c in counters if flags[c]) + ")"
        for row, flags in zip(both[hit].head(10).to_dict("records"), lowered[hit].head(10).to_dict("records"), strict=True)  # ten, for a message
    ]
    params = {"count": int(hit.sum()), "summary": summary, "posts": "; ".join(examples) + ("; …" if hit.sum() > 10 else "")}
    return [warning("storage.counters_lowered", params=params, file=result.file, value=str(both.loc[hit, "post_id"].iloc[0]))]


def _among(ids: pd.Series, others: pd.Series) -> np.ndarray:
    """Which ``ids`` are among ``others``, by Arrow's hash kernel: pandas' ``isin`` on Arrow text turns the values
    into a Python list first (2.6 s for 500k post ids)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def arrow(series: pd.Series) -> pa.Array:
        return pa.array(series.astype("string[pyarrow]").array)  # a no-op for the Arrow text they are

    return pc.is_in(arrow(ids), value_set=arrow(others).unique()).to_numpy(zero_copy_only=False).astype(bool)


def _stored_counters(connection: Connection, accounts: pd.DataFrame, counters: list[str]) -> pd.DataFrame:
    columns = [posts.c.platform, posts.c.account, posts.c.post_id, posts.c.import_id, *(posts.c[c] for c in counters)]
    rows = []
    for platform, account in accounts[["platform", "account"]].itertuples(index=False, name=None):  # one query per account, usually one
        rows += connection.execute(select(*columns).where(posts.c.platform == str(platform), posts.c.account == str(account))).all()
    # Typed column by column as built: a frame's astype afterwards cost 8 ms a file, most of its check.
    types = {**dict.fromkeys(counters, "float64"), "post_id": "string", "platform": "string", "account": "string", "import_id": "int64"}
    cells = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    return pd.DataFrame({c.name: pd.Series(list(values), dtype=types[c.name]) for c, values in zip(columns, cells, strict=True)})


def _storing_failed(result: FileResult, exc: Exception) -> None:
    result.import_id = None
    detail = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    result.fail([error("storage.failed", params={"detail": detail}, file=result.file)])


def _active_import_with(connection: Connection, sha256: str) -> int | None:
    return connection.execute(select(imports.c.id).where(imports.c.sha256 == sha256, imports.c.status == "active")).scalar()


def _mark_duplicate(result: FileResult, existing: int) -> None:
    result.status = Status.DUPLICATE
    result.import_id = existing
    result.issues.append(info("storage.duplicate", params={"import_id": existing}, file=result.file))


def _insert_import(connection: Connection, result: FileResult) -> int:
    start, end = result.date_range
    rows = result.rows
    values = {
        "sha256": result.sha256,
        "file_name": result.file,
        "size_bytes": result.size,
        "platform": str(result.platform) if result.platform else None,
        "report": result.report,
        "account": result.account or result.accounts_in_rows(),
        "status": "active",
        "imported_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "rows_post": rows.get("post", 0),
        "rows_daily": rows.get("daily", 0),
        "rows_audience": rows.get("audience", 0),
        "date_from": start,
        "date_to": end,
        "issues_json": json.dumps([i.to_dict() for i in result.issues], ensure_ascii=False),
    }
    return int(connection.execute(insert(imports).values(**values).returning(imports.c.id)).scalar_one())


INSERT_SLICE_ROWS = 50_000
COPY_SLICE_ROWS = 25_000


def _insert_rows(connection: Connection, table: Table, frame: pd.DataFrame, import_id: int, stage: Staging) -> None:
    if frame.empty:
        return
    frame = frame.assign(import_id=import_id)
    # Columns the file has no value in stay NULL by default; leaving them out saves work on wide tables.
    present = frame.notna().any()  # one call for the frame: per column it cost a small file 1 ms
    columns = [c.name for c in table.columns if c.name in frame.columns and (not c.nullable or c.primary_key or present[c.name])]
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, table, frame, columns)
        return
    if stage.usable(len(frame)) and stage.insert(table.name, pd.DataFrame({name: _iso_text(frame[name], name) for name in columns})):
        return
    placeholders = ", ".join(["?" if connection.dialect.paramstyle == "qmark" else "%s"] * len(columns))
    statement = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})"
    sqlite = connection.dialect.name == "sqlite"
    # In slices: the rows as Python tuples take ten times the frame's memory (a 500k-row file: a gigabyte at once).
    for start in range(0, len(frame), INSERT_SLICE_ROWS):
        part = frame.iloc[start : start + INSERT_SLICE_ROWS]
        rows = list(zip(*(_driver_values(part[name], name, nan_is_null=sqlite) for name in columns), strict=True))
        connection.exec_driver_sql(statement, rows)


def _copy_rows(connection: Connection, table: Table, frame: pd.DataFrame, columns: list[str]) -> None:
    """PostgreSQL: the rows as one CSV stream through COPY, in the storing transaction (100k posts: 2.58 s of
    executemany -> 1.84 s, medians of three; most of the rest is the server's own work). Arrow's writer quotes every
    text and leaves missing values bare, which is exactly how COPY's CSV format tells an empty text ("") from NULL."""
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    values = pa.Table.from_pandas(pd.DataFrame({name: _iso_text(frame[name], name) for name in columns}), preserve_index=False)
    options = arrow_csv.WriteOptions(include_header=False, quoting_style="needed")
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)"
    driver_error = connection.dialect.loaded_dbapi.Error
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
            # In slices: the server reads one while the next is written (500k rows: 1.1 s of writing the CSV at
            # once, then 4.4 s of the server's work; now they overlap), and no copy of the whole stream is held.
            for rows in values.to_batches(max_chunksize=COPY_SLICE_ROWS):
                sink = pa.BufferOutputStream()
                arrow_csv.write_csv(rows, sink, options)
                copy.write(memoryview(sink.getvalue()))
    except driver_error as exc:  # the driver's own error, as SQLAlchemy would raise it (a key twice: IntegrityError)
        raise DBAPIError.instance(statement, None, exc, driver_error) from exc


def _iso_text(series: pd.Series, name: str) -> pd.Series:
    """Days and UTC times as ISO text (both drivers accept it and SQLAlchemy reads it back as such); other columns as they are."""
    if name == "date":
        return series.dt.strftime("%Y-%m-%d")
    if name == "published_at":
        return (series.dt.tz_convert("UTC").dt.tz_localize(None) if series.dt.tz is not None else series).dt.strftime("%Y-%m-%d %H:%M:%S.%f")
    return series


def _driver_values(series: pd.Series, name: str, *, nan_is_null: bool) -> list[object]:
    """Driver-ready values of one column: missing -> None, days and UTC times as ISO text.

    SQLite stores a bound NaN as NULL by itself, so there float columns skip the None conversion (a third of the
    insert time for a 100k-row file); PostgreSQL would store 'NaN'. Arrow-backed text gives None for missing cells
    itself, without a pass of pandas (its ``where`` cost a small file's insert a third of its time).
    """
    series = _iso_text(series, name)
    if isinstance(series.array, pd.arrays.ArrowStringArray):
        import pyarrow as pa

        return pa.array(series.array).to_pylist()
    if nan_is_null and pd.api.types.is_float_dtype(series.dtype):
        return series.tolist()
    values = series.astype(object)
    return values.where(series.notna(), None).tolist()


def undo_import(engine: Engine, import_id: int) -> bool:
    """Remove an import's rows (older imports' values become current again); keep it in the history."""
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        found = connection.execute(select(imports.c.status).where(imports.c.id == import_id)).scalar()
        if found != "active":
            return False
        for table in FACT_TABLES.values():
            connection.execute(delete(table).where(table.c.import_id == import_id))
        connection.execute(update(imports).where(imports.c.id == import_id).values(status="undone", undone_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
    return True


def import_history(engine: Engine) -> pd.DataFrame:
    """Every import, newest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(imports).order_by(imports.c.id.desc())).mappings().all()
    return pd.DataFrame(rows, columns=[c.name for c in imports.columns])
