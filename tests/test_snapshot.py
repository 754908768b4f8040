"""The columnar snapshot of the current data (storage.snapshot): equal to reading the database, renewed by every
import and undo, never read across databases or releases, and a damaged one costs only time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from model.results import FileResult
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


def _generated_import(number: int, seed: int) -> FileResult:
    """A file of two accounts' days, posts and audience shares over a few overlapping keys, with missing values."""
    import numpy as np

    from model.canonical import Grain, Platform, conform
    from model.results import FileResult, Status

    rng = np.random.default_rng(seed)

    def figures(rows: int) -> np.ndarray:
        values = rng.integers(0, 50, rows).astype(float)
        values[rng.random(rows) < 0.3] = np.nan  # a newer file without a value must not erase the older one's
        return values

    days = pd.to_datetime(rng.choice(pd.date_range("2026-01-01", periods=6).to_numpy(), size=4, replace=False))
    accounts = rng.choice(["a", "b"], size=4)
    daily = pd.DataFrame({"platform": "facebook", "account": accounts, "date": days, "impressions": figures(4), "reach": figures(4)})
    daily = daily.drop_duplicates(["account", "date"]).assign(source_row=lambda frame: range(2, 2 + len(frame)))
    ids = rng.choice(["p1", "p2", "p3", "p4"], size=3, replace=False)
    texts = np.where(rng.random(3) < 0.3, None, [f"Text {seed} $5 *" for _ in range(3)])
    posts = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "a",
            "post_id": ids,
            "published_at": pd.Timestamp("2026-01-02 10:00", tz="UTC"),
            "text": pd.array(texts, dtype="string"),
            "views": figures(3),
            "comments": figures(3),
            "source_row": [2, 3, 4],
        }
    )
    frames = {Grain.DAILY: conform(daily, Grain.DAILY), Grain.POST: conform(posts, Grain.POST)}
    return FileResult(file=f"gen{number}.csv", sha256=f"{seed:064x}", size=1, status=Status.PARSED, platform=Platform.FACEBOOK, account="a", frames=frames)


def test_a_snapshot_grown_by_imports_equals_reading_every_row(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # After an import the snapshot is built from the one before and the new rows (storage.queries.load_dataset_after);
    # metamorphic: after every step of imports, duplicates and undos it equals a full read of the database (both stores).
    from storage import queries, snapshot
    from storage.imports import store_results, undo_import

    calls: list[int] = []
    monkeypatch.setattr(
        snapshot, "load_dataset_after", lambda engine, previous, after: calls.append(after) or queries.load_dataset_after(engine, previous, after)
    )
    if engine.dialect.name == "postgresql":  # its snapshots would lie under data/ of the checkout
        monkeypatch.setattr(snapshot, "snapshot_folder", lambda engine: tmp_path / "snapshots")
    stored: list[int] = []
    for step, seed in enumerate([11, 12, 13, 12, 14, 15, 16, 17, 18, 19]):
        [result] = store_results(engine, [_generated_import(step, seed)])  # seed 12 twice: stored once, a duplicate
        if result.import_id is not None and result.status.value == "imported":
            stored.append(result.import_id)
        if step in (5, 8):
            undo_import(engine, stored[1])  # an undo: the next snapshot reads every row again
            stored.pop(1)
        _same(load_dataset_snapshot(engine), load_dataset(engine))
        _same(load_dataset_snapshot(engine), load_dataset(engine))  # read back from its files
    assert len(calls) == 6  # grown after every import but the first, the duplicate and the two undos
    assert len(load_dataset(engine).posts) == 4 and load_dataset(engine).daily["impressions"].notna().any()


def test_a_snapshot_is_grown_only_from_the_same_database_without_an_undo_since(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from ingest.pipeline import read_batch
    from storage import queries, snapshot
    from storage.imports import store_results, undo_import

    engine = make_engine(database)
    load_dataset_snapshot(engine)
    calls: list[int] = []
    monkeypatch.setattr(
        snapshot, "load_dataset_after", lambda engine, previous, after: calls.append(after) or queries.load_dataset_after(engine, previous, after)
    )
    [first] = store_results(engine, read_batch([("Overview.xlsx", tiktok_workbook())], reference_date=dt.date(2026, 5, 1), account="neu.konto"))
    _same(load_dataset_snapshot(engine), load_dataset(engine))
    assert len(calls) == 1  # grown from the snapshot before the import
    undo_import(engine, first.import_id)
    _same(load_dataset_snapshot(engine), load_dataset(engine))
    assert len(calls) == 1  # an undo: every row read again


def test_a_database_made_anew_under_the_same_name_never_reads_the_old_one_s_snapshots(tmp_path: Path) -> None:
    # Deleting resonanz.sqlite3 leaves resonanz.snapshots/ beside it: a new file with as many imports must not
    # read (or grow from) the old file's snapshots.
    from storage.imports import store_results

    path = tmp_path / "resonanz.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    for step, seed in enumerate([31, 32]):
        store_results(old, [_generated_import(step, seed)])
        load_dataset_snapshot(old)
    old.dispose()
    path.unlink()
    new = make_engine(f"sqlite:///{path}")
    for step, seed in enumerate([41, 42]):
        store_results(new, [_generated_import(step, seed)])
        _same(load_dataset_snapshot(new), load_dataset(new))
