"""Large SQLite inserts go through an ADBC staging file (storage.staging): they must store exactly what binding
the rows one by one stores (value and SQLite type), stay one transaction, and leave no file behind."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

import storage.staging
from model.canonical import Grain, Platform, conform
from model.results import FileResult, Status
from storage.engine import make_engine
from storage.imports import store_results
from storage.schema import FACT_TABLES

TEXTS = ["", None, "\\N", 'sagt "hallo",\tdann\r\nneue Zeile', "$5 statt $10 *fett*", "Ümlaut 🚀", "a\x00b", "1234", "2026-03-01"]


def tricky_posts() -> FileResult:
    """Every kind of value a posts frame holds: empty and missing text, text that looks like a number or a day,
    NaN, 0, -0.0, the largest float, UTC times with microseconds, a missing time."""
    count = len(TEXTS)
    frame = pd.DataFrame(
        {
            "platform": "other",
            "account": "Blog ü",
            "post_id": [f"p{i}" for i in range(count)],
            "published_at": pd.to_datetime(
                ["2026-03-01 09:30:15.250001", None, *(f"2026-03-0{d} 23:59:59" for d in range(2, count))], utc=True, format="ISO8601"
            ),
            "text": pd.Series(TEXTS, dtype="str"),
            "post_type": pd.Series(["Foto", None, *["Video"] * (count - 2)], dtype="object"),
            "impressions": [1.5, None, 0.0, -0.0, 1.7976931348623157e308, 1 / 3, 7.0, float("nan"), 2.0**53 + 1],
            "reach": [float("nan")] * count,  # a column with no value: left out of the insert either way
            "source_row": range(2, 2 + count),
        }
    )
    frames = {Grain.POST: conform(frame, Grain.POST)}
    return FileResult(file="posts.csv", sha256="ab" * 32, size=1, status=Status.PARSED, platform=Platform.OTHER, frames=frames)


def stored_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every fact table's rows with each value's SQLite type, in key order: what a reader of the file gets."""
    with sqlite3.connect(path) as connection:
        tables = {}
        for name in FACT_TABLES.values():
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({name.name})")]
            keys = ", ".join(c.name for c in name.primary_key.columns)
            typed = ", ".join(f"{c}, typeof({c})" for c in columns)
            tables[name.name] = connection.execute(f"SELECT {typed} FROM {name.name} ORDER BY {keys}").fetchall()
        return tables


def attached(connection) -> list[str]:
    return [row[1] for row in connection.exec_driver_sql("PRAGMA database_list") if row[1] not in ("main", "temp")]


def store_both_ways(results: list[FileResult], folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    paths = []
    for way, threshold in (("bound", 10**12), ("staged", 0)):
        monkeypatch.setattr(storage.staging, "STAGE_MIN_ROWS", threshold)
        path = folder / f"{way}.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        store_results(engine, copy.deepcopy(results))
        engine.dispose()
        paths.append(path)
    return paths[0], paths[1]


def test_staged_rows_equal_bound_rows_value_and_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bound, staged = store_both_ways([tricky_posts()], tmp_path, monkeypatch)
    bound_rows, staged_rows = stored_rows(bound), stored_rows(staged)
    assert staged_rows == bound_rows
    posts = {row[4]: row for row in staged_rows["posts"]}  # by post_id (column 3, each with its type)
    assert len(posts) == len(TEXTS)
    assert posts["p0"][10:12] == ("2026-03-01 09:30:15.250001", "text")  # published_at as ISO text, as the bound path
    assert posts["p1"][12:14] == (None, "null") and posts["p0"][12:14] == ("", "text")  # missing text NULL, empty text ""
    assert posts["p7"][12:14] == ("1234", "text")  # a text that looks like a number stays text
    impressions = [posts[f"p{i}"][18:20] for i in (1, 2, 4, 7)]
    assert impressions == [(None, "null"), (0.0, "real"), (1.7976931348623157e308, "real"), (None, "null")]  # NaN -> NULL


def test_staging_leaves_no_file_and_the_connection_reusable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.staging, "STAGE_MIN_ROWS", 0)
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    [first] = store_results(engine, [tricky_posts()])
    assert first.status is Status.IMPORTED
    again = tricky_posts()
    again.sha256 = "cd" * 32
    [second] = store_results(engine, [again])  # the same posts again: a newer import of them, stored beside
    assert second.status is Status.IMPORTED
    assert sorted(p.name for p in tmp_path.iterdir() if "staging" in p.name) == []
    with engine.connect() as connection:  # nothing attached stays on the pooled connection
        assert attached(connection) == []
    engine.dispose()


def test_a_failing_staged_insert_stores_nothing_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.staging, "STAGE_MIN_ROWS", 0)
    result = tricky_posts()
    frame = result.frames[Grain.POST]
    result.frames[Grain.POST] = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)  # one key twice
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    [stored] = store_results(engine, [result])
    assert stored.status is Status.ERROR, stored.issues
    assert stored_rows(tmp_path / "store.sqlite3")["posts"] == []
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM imports").scalar() == 0
        assert attached(connection) == []
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []
    engine.dispose()


def test_a_column_arrow_cannot_type_is_bound_row_by_row_instead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.staging, "STAGE_MIN_ROWS", 0)
    staged: list[bool] = []
    insert = storage.staging.Staging.insert
    monkeypatch.setattr(storage.staging.Staging, "insert", lambda self, *told: staged.append(insert(self, *told)) or staged[-1])
    result = tricky_posts()
    result.frames[Grain.POST]["permalink"] = pd.Series(["https://x.example/1", 5, *[None] * (len(TEXTS) - 2)], dtype="object")
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    [stored] = store_results(engine, [result])
    assert stored.status is Status.IMPORTED
    assert staged == [False]  # Arrow refused the mixed column; nothing was attached, the rows were bound instead
    links = {row[4]: row[14:16] for row in stored_rows(tmp_path / "store.sqlite3")["posts"]}
    assert links["p0"] == ("https://x.example/1", "text") and links["p1"] == ("5", "text")  # the column's TEXT affinity
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []
    engine.dispose()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_is_never_staged(url: str) -> None:
    engine: Engine = make_engine(url)
    with engine.connect() as connection:
        assert not storage.staging.Staging(connection).usable(10**9)
    engine.dispose()


HOLD_STAGING_FOLDER = """
import sys, time
from storage.engine import make_engine
from storage.staging import Staging
engine = make_engine(sys.argv[1])
with engine.connect() as connection:
    stage = Staging(connection)
    print(stage._new_file("posts").parent, flush=True)
    time.sleep(600)
"""


def test_a_folder_left_by_a_killed_import_goes_at_the_next_start_and_a_living_ones_stays(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    database = tmp_path / "store.sqlite3"
    url = f"sqlite:///{database}"
    root = Path(__file__).resolve().parent.parent
    with subprocess.Popen([sys.executable, "-c", HOLD_STAGING_FOLDER, url], cwd=root, stdout=subprocess.PIPE, text=True) as importer:
        try:
            folder = Path(importer.stdout.readline().strip())  # type: ignore[union-attr]
            assert folder.parent == tmp_path and folder.name.startswith(".resonanz-staging-")
            (folder / "0-posts.sqlite3").write_bytes(b"x" * 1000)
            old = os.stat(folder).st_mtime - 3600
            os.utime(folder, (old, old))  # an import running for an hour: its age alone must not end it
            killed_between = tmp_path / ".resonanz-staging-nolock"  # killed after creating the folder, before its lock file
            killed_between.mkdir()
            os.utime(killed_between, (old, old))
            being_created = tmp_path / ".resonanz-staging-justnow"  # another process creating its folder this moment
            being_created.mkdir()
            make_engine(url).dispose()
            assert sorted(p.name for p in tmp_path.iterdir() if "staging" in p.name) == sorted([folder.name, being_created.name])
            importer.send_signal(signal.SIGKILL)  # as the out-of-memory killer or a pulled plug ends an import
            importer.wait(timeout=30)
            make_engine(url).dispose()
            assert sorted(p.name for p in tmp_path.iterdir() if "staging" in p.name) == [being_created.name]
        finally:
            importer.kill()  # a failed assertion must not wait ten minutes for it


def test_the_write_ahead_log_shrinks_back_after_a_large_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.engine

    monkeypatch.setattr(storage.engine, "SQLITE_WAL_LIMIT_BYTES", 64 * 1024)
    database = tmp_path / "store.sqlite3"
    engine = make_engine(f"sqlite:///{database}")
    wal = Path(f"{database}-wal")
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.exec_driver_sql("CREATE TABLE big (t TEXT)")
        for _ in range(4):
            connection.exec_driver_sql("INSERT INTO big VALUES (?)", ("x" * 1_000_000,))
    assert wal.stat().st_size > 4_000_000  # the log holds the large transaction
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        connection.exec_driver_sql("INSERT INTO big VALUES ('small')")  # the log restarts from its start: cut back
    assert wal.stat().st_size <= 64 * 1024
    engine.dispose()
