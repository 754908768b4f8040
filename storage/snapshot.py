"""A columnar snapshot of the current data, so that a start does not read and resolve every row again.

``storage.queries.load_dataset`` reads every stored row and resolves overlapping imports (the newest value per
key wins): 2.3 s of the first page for an agency's 330k daily rows and 200k posts, 0.5 s for the demo. What it
returns changes only with an import or an undo, so the result is kept as Arrow files (one per grain) and read
back memory-mapped in a few hundredths of a second, exactly equal (dtypes included; tested).

A snapshot is named by everything its content depends on: the database, its import history (count, newest id,
newest undo: ``storage.goalsets.data_version``), the schema revision and the source of the code that resolves the
rows. A changed history or a new release therefore never reads an old snapshot. Snapshots of a SQLite file lie
beside it (``resonanz.sqlite3`` -> ``resonanz.snapshots/``), those of a PostgreSQL database under
``data/snapshots/``; they hold the same figures as the database and need the same protection.
``RESONANZ_SNAPSHOTS=0`` turns them off. A damaged or unwritable snapshot only costs the time it should save.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather
from sqlalchemy import Engine, func, select

from metrics.dataset import Dataset
from metrics.goals import GoalsConfig
from model.issues import Issue
from storage.engine import head_revision
from storage.goalsets import GoalSet
from storage.queries import load_dataset
from storage.schema import imports
from storage.settings import PROJECT_ROOT

SNAPSHOTS_VARIABLE = "RESONANZ_SNAPSHOTS"
GRAINS = ("daily", "posts", "audience")
KEPT = 2  # the newest snapshots of a database kept: another process may still read the one before
# The code whose change changes what a snapshot must hold.
_SOURCES = [PROJECT_ROOT / "storage" / "queries.py", PROJECT_ROOT / "model" / "canonical.py", PROJECT_ROOT / "storage" / "snapshot.py"]
_LOG = logging.getLogger(__name__)


def load_dataset_snapshot(engine: Engine) -> Dataset:
    """``load_dataset(engine)`` (with the posts' texts), from the snapshot of the current data when there is one."""
    folder = snapshot_folder(engine)
    if folder is None:
        return load_dataset(engine)
    name = snapshot_name(engine)
    found = _read(folder, name)
    if found is not None:
        return found
    data = load_dataset(engine)
    _write(folder, name, data)
    return data


def load_goal_set(engine: Engine, goal_set: GoalSet) -> GoalsConfig:
    """``load_goals`` of a stored goal set. The sheets the parser process read from it are kept beside the data
    snapshot (JSON, as the process sent them), so that a start needs no parser process; they are validated every
    time, so a stricter rule still applies to a stored set. Raises ``GoalsError`` as ``load_goals`` does."""
    from ingest.goals_reader import load_goals, parse_numbers, read_goals_isolated, sheets_from_plain, sheets_to_plain
    from metrics.goals import validate_goals

    folder = snapshot_folder(engine)
    if folder is None:
        return load_goals(goal_set.file_name, goal_set.content)
    reader = (PROJECT_ROOT / "ingest" / "goals_reader.py").read_bytes()
    path = folder / f"goals-{hashlib.sha256(goal_set.content + reader).hexdigest()[:24]}.json"
    try:
        sheets = sheets_from_plain(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        sheets = None
    if sheets is None:
        if not _fits(goal_set):
            return load_goals(goal_set.file_name, goal_set.content)  # says why
        sheets, issues = read_goals_isolated(goal_set.file_name, goal_set.content)
        if issues:  # an unknown sheet: the set no longer passes; nothing worth keeping
            return validate_goals(goal_set.file_name, parse_numbers(sheets), issues=issues)
        _write_text(folder, path, json.dumps(sheets_to_plain(sheets), ensure_ascii=False))
    return validate_goals(goal_set.file_name, parse_numbers(sheets))


def _fits(goal_set: GoalSet) -> bool:
    from ingest.goals_reader import MAX_GOALS_BYTES

    return len(goal_set.content) <= MAX_GOALS_BYTES


def _write_text(folder: Path, path: Path, text: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as handle:
            handle.write(text)
        os.replace(handle.name, path)
        for old in sorted(folder.glob("goals-*.json"), key=lambda p: -p.stat().st_mtime_ns)[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        _LOG.log(logging.WARNING, "goals snapshot not written: %s", exc)


def snapshots_enabled() -> bool:
    return os.environ.get(SNAPSHOTS_VARIABLE, "1").strip().lower() not in ("0", "off", "false", "no")


def snapshot_folder(engine: Engine) -> Path | None:
    """Where the snapshots of this database lie; None when they are turned off or the database is in memory."""
    url = engine.url
    if not snapshots_enabled():
        return None
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return None
        path = Path(url.database)
        return path.with_name(f"{path.stem}.snapshots")
    server = url.render_as_string(hide_password=True)
    return PROJECT_ROOT / "data" / "snapshots" / hashlib.sha256(server.encode()).hexdigest()[:16]


def snapshot_name(engine: Engine) -> str:
    """Everything the snapshot's content depends on, as one name (see the module's text)."""
    with engine.connect() as connection:
        history = connection.execute(select(func.count(), func.max(imports.c.id), func.max(imports.c.undone_at))).one()
    code = hashlib.sha256(b"".join(path.read_bytes() for path in _SOURCES)).hexdigest()
    key = repr((engine.url.render_as_string(hide_password=True), tuple(history), head_revision(), code))
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _read(folder: Path, name: str) -> Dataset | None:
    paths = {grain: folder / f"{name}.{grain}.arrow" for grain in GRAINS}
    if not all(path.is_file() for path in paths.values()):
        return None
    try:
        frames = {grain: feather.read_table(path, memory_map=True).to_pandas() for grain, path in paths.items()}
    except (OSError, pa.ArrowException) as exc:
        _LOG.log(logging.WARNING, "snapshot %s unreadable, reading the database instead: %s", name, exc)
        for path in paths.values():
            path.unlink(missing_ok=True)
        return None
    return Dataset(**frames)


def _write(folder: Path, name: str, data: Dataset) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for grain in GRAINS:
            table = pa.Table.from_pandas(getattr(data, grain), preserve_index=False)
            # Written aside and renamed: a reader in another process sees the whole file or none.
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
                feather.write_feather(table, handle.name, compression="uncompressed")
            os.replace(handle.name, folder / f"{name}.{grain}.arrow")
        _prune(folder)
    except (OSError, pa.ArrowException) as exc:
        _LOG.log(logging.WARNING, "snapshot %s not written: %s", name, exc)


def _prune(folder: Path) -> None:
    """Keep the ``KEPT`` newest snapshots (by time of writing) and no temporary file a crash left (an hour old)."""
    for stray in folder.glob("*.tmp"):
        if time.time() - stray.stat().st_mtime > 3600:
            stray.unlink(missing_ok=True)
    names = sorted({path.name.split(".")[0] for path in folder.glob("*.arrow")}, key=lambda n: -(folder / f"{n}.daily.arrow").stat().st_mtime_ns)
    for old in names[KEPT:]:
        for path in folder.glob(f"{old}.*.arrow"):
            path.unlink(missing_ok=True)


def read_current(engine: Engine) -> tuple[GoalSet | None, GoalsConfig | None, tuple[Issue, ...], Dataset]:
    """What a start reads before it builds the engine (the dashboard and the benchmarks through this one function):
    the current goal set, its goals (None and the issues when it no longer passes) and the current data with the
    goals' mapping and the editorial plan. The goals are read while the data loads: both mostly wait on files."""
    from concurrent.futures import ThreadPoolExecutor

    from metrics.goals import GoalsError
    from storage.goalsets import current_goal_set
    from storage.plan import load_plan_data

    goal_set = current_goal_set(engine)

    def read_goals() -> tuple[GoalsConfig | None, tuple[Issue, ...]]:
        if goal_set is None:
            return None, ()
        try:
            return load_goal_set(engine, goal_set), ()
        except GoalsError as exc:
            return None, tuple(exc.issues)

    with ThreadPoolExecutor(max_workers=1) as pool:
        reading = pool.submit(read_goals)
        data = load_dataset_snapshot(engine)  # a start reads the snapshot of the current data, not every row
        goals, issues = reading.result()
    posts = data.posts  # with their texts: the plan is matched against them
    if goals is not None:
        data = data.with_mapping(goals.accounts, goals.tags, goals.manual_values)
    return goal_set, goals, issues, data.with_plan(load_plan_data(engine, posts))
