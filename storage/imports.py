"""Storing imports: one transaction per file, duplicates by SHA-256, undo, history."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ingest.issues import error, info
from ingest.pipeline import FileResult, Status
from storage.schema import FACT_TABLES, imports

Progress = Callable[[int, int, str], None]


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
        with engine.connect().execution_options(write=True) as connection, connection.begin():
            existing = _active_import_with(connection, result.sha256)
            if existing is not None:
                _mark_duplicate(result, existing)
                return
            result.import_id = _insert_import(connection, result)
            for grain, frame in result.frames.items():
                _insert_rows(connection, FACT_TABLES[str(grain)], frame, result.import_id)
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


def _storing_failed(result: FileResult, exc: Exception) -> None:
    result.import_id = None
    result.fail(
        [
            error(
                f"Storing the file failed and nothing of it was stored ({type(exc).__name__}: {str(exc).splitlines()[0][:200]}). "
                "Try again; if it persists, report it.",
                file=result.file,
            )
        ]
    )


def _active_import_with(connection: Connection, sha256: str) -> int | None:
    return connection.execute(select(imports.c.id).where(imports.c.sha256 == sha256, imports.c.status == "active")).scalar()


def _mark_duplicate(result: FileResult, existing: int) -> None:
    result.status = Status.DUPLICATE
    result.import_id = existing
    result.issues.append(info(f"These exact bytes were imported before (import {existing}); nothing was changed.", file=result.file))


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


def _insert_rows(connection: Connection, table: Table, frame: pd.DataFrame, import_id: int) -> None:
    if frame.empty:
        return
    columns = [c.name for c in table.columns]
    prepared = _to_python(frame.assign(import_id=import_id), table)[columns]
    placeholders = ", ".join(["?"] * len(columns)) if connection.dialect.paramstyle == "qmark" else ", ".join(["%s"] * len(columns))
    statement = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})"
    rows = list(prepared.itertuples(index=False, name=None))
    connection.exec_driver_sql(statement, rows)


def _to_python(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Driver-ready values: missing -> None, days -> date, times -> naive UTC datetime."""
    out = {}
    for column in table.columns:
        name = column.name
        series = frame[name] if name in frame.columns else pd.Series(None, index=frame.index, dtype=object)
        # ISO text for days and times: both drivers accept it and SQLAlchemy reads it back as such.
        if name == "date":
            values = np.array(series.dt.strftime("%Y-%m-%d"), dtype=object)
        elif name == "published_at":
            naive = series.dt.tz_convert("UTC").dt.tz_localize(None) if series.dt.tz is not None else series
            values = np.array(naive.dt.strftime("%Y-%m-%d %H:%M:%S.%f"), dtype=object)
        else:
            values = np.array(series.astype(object), dtype=object)
        mask = pd.isna(series).to_numpy()
        values[mask] = None
        out[name] = values
    return pd.DataFrame(out, index=frame.index)


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
