"""A columnar snapshot of the current data, so that a start does not read and resolve every row again.

``storage.queries.load_dataset`` reads every stored row and resolves overlapping imports (the newest value per
key wins): 2.3 s of the first page for an agency's 330k daily rows and 200k posts, 0.5 s for the demo. What it
returns changes only with an import or an undo, so the result is kept as Arrow files (one per grain) and read
back memory-mapped in a few hundredths of a second, exactly equal (dtypes included; tested).

A snapshot is named by everything its content depends on: the database (its URL and its first import), its import
history (count, newest id, newest undo: ``storage.goalsets.data_version``), the schema revision and the source of
the code that resolves the rows. A changed history or a new release therefore never reads an old snapshot. After
imports, and nothing else, the next snapshot grows from the one before (``_grown``): only the new rows are read.
Snapshots of a SQLite file lie beside it (``resonanz.sqlite3`` -> ``resonanz.snapshots/``), those of a PostgreSQL
database under ``data/snapshots/``; they hold the same figures as the database and need the same protection.
``RESONANZ_SNAPSHOTS=0`` turns them off. A damaged or unwritable snapshot only costs the time it should save.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather
from sqlalchemy import Connection, Engine, func, select

from metrics.dataset import Dataset
from metrics.goals import GoalsConfig
from model.issues import Issue
from storage.engine import head_revision
from storage.goalsets import GoalSet
from storage.queries import load_dataset, load_dataset_after
from storage.schema import imports
from storage.settings import PROJECT_ROOT

SNAPSHOTS_VARIABLE = "RESONANZ_SNAPSHOTS"
GRAINS = ("daily", "posts", "audience")
KEPT = 2  # the newest snapshots of a database kept: another process may still read the one before
# The code whose change changes what a snapshot must hold.
_SOURCES = [PROJECT_ROOT / "storage" / "queries.py", PROJECT_ROOT / "model" / "canonical.py", PROJECT_ROOT / "storage" / "snapshot.py"]
_LOG = logging.getLogger(__name__)


def load_dataset_snapshot(engine: Engine) -> Dataset:
    """``load_dataset(engine)`` (with the posts' texts), from the snapshot of the current data when there is one;
    after imports (and no undo), from the snapshot before them and the new imports' rows (``_grown``)."""
    folder = snapshot_folder(engine)
    if folder is None:
        return load_dataset(engine)
    state = _state(engine)
    name = _name(state)
    found = _read(folder, name)
    if found is not None:
        return found
    data = _grown(engine, folder, state) or load_dataset(engine)
    _write(folder, name, data, state)
    return data


@dataclass(frozen=True)
class _State:
    """What a snapshot's content depends on (see the module's text), and how many imports were active."""

    base: str  # the database (its URL and its first import), the schema revision and the code, as one digest
    count: int  # rows of the import history
    newest: int | None  # the newest import's id
    undone: str  # the newest undo's time
    active: int  # imports whose rows are stored
    newest_mark: str  # the newest import's file hash and time: the same id in a database made anew is another import

    def to_json(self) -> str:
        return json.dumps(asdict(self))


def _state(engine: Engine) -> _State:
    with engine.connect() as connection:
        count, newest, undone, active = connection.execute(
            select(func.count(), func.max(imports.c.id), func.max(imports.c.undone_at), func.count().filter(imports.c.status == "active"))
        ).one()
        # A database deleted and made anew under the same URL (a new SQLite file, a dropped PostgreSQL database) has
        # other imports: its first and newest import's hash and time tell it from the old one's snapshots.
        first = _mark(connection, select(func.min(imports.c.id)).scalar_subquery())
        newest_mark = _mark(connection, newest)
    code = hashlib.sha256(b"".join(path.read_bytes() for path in _SOURCES)).hexdigest()
    base = hashlib.sha256(repr((engine.url.render_as_string(hide_password=True), first, head_revision(), code)).encode()).hexdigest()
    return _State(base, int(count), None if newest is None else int(newest), str(undone), int(active), newest_mark)


def _mark(connection: Connection, import_id: object) -> str:
    """An import's file hash and time of import, as text ("" for none)."""
    if import_id is None:
        return ""
    row = connection.execute(select(imports.c.sha256, imports.c.imported_at).where(imports.c.id == import_id)).first()
    return "" if row is None else f"{row[0]} {row[1]}"


def _name(state: _State) -> str:
    return hashlib.sha256(repr((state.base, state.count, state.newest, state.undone)).encode()).hexdigest()[:24]


def _grown(engine: Engine, folder: Path, state: _State) -> Dataset | None:
    """The current data from the newest snapshot of this database before the imports since, if only imports came
    since: same base, no undo (the newest undo and every older import still active), and the history grown by
    exactly the imports after it. None where that does not hold: the caller reads every row."""
    before = _previous_state(folder, state)
    if before is None or before.newest is None:
        return None
    with engine.connect() as connection:
        newer, older_active = connection.execute(
            select(func.count().filter(imports.c.id > before.newest), func.count().filter(imports.c.id <= before.newest, imports.c.status == "active"))
        ).one()
        same_import = _mark(connection, before.newest) == before.newest_mark
    if newer != state.count - before.count or older_active != before.active or not same_import:
        return None
    previous = _read(folder, _name(before))
    return None if previous is None else load_dataset_after(engine, previous, before.newest)


def _previous_state(folder: Path, state: _State) -> _State | None:
    """The newest snapshot's state of the same base and undo time with an older newest import, if any."""
    found = []
    for path in folder.glob("*.state.json"):
        try:
            before = _State(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            continue
        same_base = before.base == state.base and before.undone == state.undone and path.name == f"{_name(before)}.state.json"
        if same_base and before.newest is not None and state.newest is not None and before.newest < state.newest:
            found.append(before)
    return max(found, key=lambda s: s.newest or 0, default=None)


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
    return _name(_state(engine))


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


def _write(folder: Path, name: str, data: Dataset, state: _State) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for grain in GRAINS:
            table = pa.Table.from_pandas(getattr(data, grain), preserve_index=False)
            # Written aside and renamed: a reader in another process sees the whole file or none.
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
                feather.write_feather(table, handle.name, compression="uncompressed")
            os.replace(handle.name, folder / f"{name}.{grain}.arrow")
        # Last: a state names a complete snapshot, which the next import's snapshot may grow from.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as handle:
            handle.write(state.to_json())
        os.replace(handle.name, folder / f"{name}.state.json")
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
        for path in [*folder.glob(f"{old}.*.arrow"), folder / f"{old}.state.json"]:
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
