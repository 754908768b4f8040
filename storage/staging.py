"""Large inserts into SQLite through a staging file that ADBC writes from Arrow columns.

Python's sqlite3 module binds every value of every row from a Python object: for a 500k-row posts file that was
3.6 s of the import (building the rows 1.2 s, ``executemany`` 2.4 s), where SQLite's own work (``INSERT ...
SELECT`` of the same rows) takes 0.75 s. ADBC's SQLite driver binds Arrow columns in C (0.9 s for those rows).
So a large frame goes into a new SQLite file of its own through ADBC, that file is attached to the storing
connection and its rows are copied with ``INSERT ... SELECT`` inside the import's transaction: the import stays
one transaction (all of a file or nothing), and the copy applies the same column affinities, keys and foreign
keys as ``executemany`` does (tested equal, value and type, on the real exports).

ADBC brings its own copy of SQLite, and two copies must never have one file open at once (closing it in one
copy drops the POSIX locks the other holds; see ``storage.loader``). Here they never do: ADBC writes a private file
beside the database and closes it before Python's sqlite3 attaches it; the database itself is only ever opened by
Python's sqlite3.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import Connection

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so no folder is ever judged abandoned
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    import pandas as pd

# Below this, binding rows is as fast: posts of 12 columns, medians of five, this machine: 5k rows 28 ms either way,
# 10k 50 -> 44 ms, 20k 120 -> 91 ms, 50k 281 -> 214 ms; and a small file gains no scratch file and no driver load.
STAGE_MIN_ROWS = 10_000

FOLDER_PREFIX = ".resonanz-staging-"
OWNER_LOCK = "owner.lock"
# A folder this young may be one another process is creating this moment, before it holds the lock: left alone.
YOUNG_FOLDER_SECONDS = 60


class Staging:
    """Staging files of one storing connection; attached inside its transaction, detached and deleted after it."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._folder: Path | None = None
        self._attached: list[str] = []
        self._owner: BinaryIO | None = None

    def usable(self, rows: int) -> bool:
        return rows >= STAGE_MIN_ROWS and _database_file(self._connection) is not None

    def insert(self, table: str, values: pd.DataFrame) -> bool:
        """Insert ``values`` (driver-ready columns: text, numbers, ISO days) into ``table``; False when Arrow cannot
        type a column or the driver refuses it, and nothing was inserted: the caller binds the rows itself."""
        import pyarrow as pa
        from adbc_driver_manager import Error as DriverError

        try:
            columns = pa.table({name: _arrow_column(values[name]) for name in values.columns})
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column of mixed Python objects
            return False
        path = self._new_file(table)
        try:
            _write(path, columns)
        except DriverError:  # a full disk, a type the driver has no column for
            path.unlink(missing_ok=True)
            return False
        alias = f"resonanz_stage_{len(self._attached)}"
        self._connection.exec_driver_sql(f"ATTACH DATABASE ? AS {alias}", (str(path),))
        self._attached.append(alias)
        names = ", ".join(values.columns)
        self._connection.exec_driver_sql(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM {alias}.staged")
        return True

    def release(self) -> None:
        """Detach and delete the staging files (SQLite refuses DETACH inside a transaction, so after it ended)."""
        for alias in self._attached:
            with contextlib.suppress(Exception):  # a broken connection: the pool discards it, the files go anyway
                self._connection.exec_driver_sql(f"DETACH DATABASE {alias}")
        self._attached.clear()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        if self._owner is not None:
            self._owner.close()  # drops the lock
            self._owner = None

    def _new_file(self, table: str) -> Path:
        if self._folder is None:
            # Beside the database: its folder is writable and holds room for the data; /tmp may be a small tmpfs.
            database = _database_file(self._connection)
            assert database is not None
            sweep_abandoned(database)
            self._folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=database.parent))
            self._owner = _hold_lock(self._folder / OWNER_LOCK)
        return self._folder / f"{len(self._attached)}-{table}.sqlite3"


@contextlib.contextmanager
def staging(connection: Connection) -> Iterator[Staging]:
    """Enter before the transaction begins, so that the files are released after it commits or rolls back."""
    stage = Staging(connection)
    try:
        yield stage
    finally:
        stage.release()


def sweep_abandoned(database: Path) -> list[Path]:
    """Delete the staging folders beside ``database`` that no living process holds, and say which.

    A process killed during a large import cannot delete its folder, which may hold as much as the import itself.
    Every owner holds a lock on its folder's lock file while it lives; the system drops it when the owner ends,
    however it ends, so a lock that can be taken marks a folder nobody will come back for."""
    if fcntl is None or not database.parent.is_dir():
        return []
    swept = []
    for folder in database.parent.glob(f"{FOLDER_PREFIX}*"):
        if folder.is_dir() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            swept.append(folder)
    return swept


def _abandoned(folder: Path) -> bool:
    try:
        if time.time() - folder.stat().st_mtime < YOUNG_FOLDER_SECONDS:
            return False
        handle = (folder / OWNER_LOCK).open("rb")
    except FileNotFoundError:  # killed between creating the folder and its lock file
        return folder.exists()
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held: its owner still works
            return False
        return True


def _hold_lock(path: Path) -> BinaryIO | None:
    if fcntl is None:
        return None
    handle = path.open("wb")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    return handle


def _database_file(connection: Connection) -> Path | None:
    url = connection.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database).resolve()


def _arrow_column(series: pd.Series):  # noqa: ANN202 - a pyarrow Array (pyarrow is imported late)
    import pyarrow as pa

    column = pa.Array.from_pandas(series)  # NaN -> null, as SQLite stores a bound NaN
    return column.dictionary_decode() if pa.types.is_dictionary(column.type) else column


def _write(path: Path, columns) -> None:  # noqa: ANN001 - a pyarrow Table
    import adbc_driver_sqlite.dbapi

    with adbc_driver_sqlite.dbapi.connect(str(path), autocommit=True) as connection, connection.cursor() as cursor:
        # A scratch file: no journal, no syncing; it is deleted after the transaction whatever happens.
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.adbc_ingest("staged", columns, mode="create")
