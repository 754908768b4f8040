"""The columnar snapshot of the current data (storage.snapshot): equal to reading the database, renewed by every
import and undo, never read across databases or releases, and a damaged one costs only time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from storage.engine import make_engine
from storage.queries import load_dataset
from storage.snapshot import load_dataset_snapshot, snapshot_folder, snapshot_name
from tests.hostile import tiktok_workbook


@pytest.fixture
def database(tmp_path: Path, demo_db: str) -> str:
    path = tmp_path / "kopie.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def _same(a: object, b: object) -> None:
    for grain in ("daily", "posts", "audience"):
        pd.testing.assert_frame_equal(getattr(a, grain), getattr(b, grain))


def test_the_snapshot_holds_exactly_what_the_database_says(database: str) -> None:
    engine = make_engine(database)
    fresh = load_dataset(engine)
    first = load_dataset_snapshot(engine)  # written now
    folder = snapshot_folder(engine)
    assert folder is not None and len(list(folder.glob("*.arrow"))) == 3
    second = load_dataset_snapshot(engine)  # read back
    _same(first, fresh)
    _same(second, fresh)
    assert len(second.posts) == len(fresh.posts) > 1000 and second.posts["text"].notna().any()


def test_an_import_and_its_undo_each_name_a_new_snapshot(database: str) -> None:
    import datetime as dt

    from ingest.pipeline import read_batch
    from storage.imports import store_results, undo_import

    engine = make_engine(database)
    before = snapshot_name(engine)
    load_dataset_snapshot(engine)
    [result] = store_results(engine, read_batch([("Overview.xlsx", tiktok_workbook())], reference_date=dt.date(2026, 5, 1), account="neu.konto"))
    assert result.import_id is not None
    imported = snapshot_name(engine)
    assert imported != before
    with_new = load_dataset_snapshot(engine)
    assert "neu.konto" in set(with_new.daily["account"])
    _same(with_new, load_dataset(engine))
    undo_import(engine, result.import_id)
    assert snapshot_name(engine) not in (before, imported)
    undone = load_dataset_snapshot(engine)
    assert "neu.konto" not in set(undone.daily["account"])
    assert len({p.name.split(".")[0] for p in snapshot_folder(engine).glob("*.arrow")}) == 2  # the newest two are kept


def test_another_database_with_the_same_history_never_reads_this_one_s_snapshot(database: str, tmp_path: Path) -> None:
    copy = tmp_path / "andere.sqlite3"
    shutil.copy(database.removeprefix("sqlite:///"), copy)
    assert snapshot_name(make_engine(database)) != snapshot_name(make_engine(f"sqlite:///{copy}"))


def test_a_damaged_snapshot_is_read_from_the_database_and_replaced(database: str) -> None:
    engine = make_engine(database)
    load_dataset_snapshot(engine)
    damaged = snapshot_folder(engine) / f"{snapshot_name(engine)}.posts.arrow"
    damaged.write_bytes(b"ARROW1 but cut off")
    _same(load_dataset_snapshot(engine), load_dataset(engine))
    _same(load_dataset_snapshot(engine), load_dataset(engine))  # written anew
    assert damaged.read_bytes()[:6] == b"ARROW1" and damaged.stat().st_size > 1000


def test_snapshots_can_be_turned_off(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESONANZ_SNAPSHOTS", "0")
    engine = make_engine(database)
    assert snapshot_folder(engine) is None
    _same(load_dataset_snapshot(engine), load_dataset(engine))
    assert not Path(database.removeprefix("sqlite:///")).with_name("kopie.snapshots").exists()


def test_a_stored_goal_set_is_read_from_its_snapshot_without_the_parser_process(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.goals_reader
    from ingest.goals_reader import load_goals
    from sample_data.demo import DEMO_GOALS
    from storage.goalsets import current_goal_set, save_goal_set
    from storage.snapshot import load_goal_set

    engine = make_engine(database)
    save_goal_set(engine, DEMO_GOALS.name, DEMO_GOALS.read_bytes())
    stored = current_goal_set(engine)
    expected = load_goals(stored.file_name, stored.content)
    _same_goals(load_goal_set(engine, stored), expected)  # read in the parser process, its sheets kept

    def no_parser(*_: object) -> None:
        raise AssertionError("the parser process was asked")

    monkeypatch.setattr(ingest.goals_reader, "read_goals_isolated", no_parser)
    _same_goals(load_goal_set(engine, stored), expected)
    # a damaged snapshot is read again in the parser process (here: refused, so the test sees the attempt)
    for path in snapshot_folder(engine).glob("goals-*.json"):
        path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AssertionError, match="parser process was asked"):
        load_goal_set(engine, stored)


def _same_goals(a: object, b: object) -> None:
    assert (a.objectives, a.key_results, a.tags) == (b.objectives, b.key_results, b.tags)
    pd.testing.assert_frame_equal(a.manual_values, b.manual_values)
    pd.testing.assert_frame_equal(a.accounts, b.accounts)
