"""Reading the current data: the newest import's value per key and metric.

Large reads go through ADBC (Arrow Database Connectivity): rows arrive as Arrow columns instead
of Python tuples, several times faster than ``pandas.read_sql`` for the hundreds of thousands of
rows an agency's store holds. For SQLite that happens in a child process (``storage.loader``).
"""

from __future__ import annotations

import json
import logging
import signal
import struct
import subprocess
import sys
import threading

import pandas as pd
import pyarrow as pa
from sqlalchemy import Engine, select

from metrics.dataset import Dataset
from model.canonical import KEY_COLUMNS, Grain, conform
from model.i18n import Language, translate
from storage.schema import FACT_TABLES
from storage.settings import PROJECT_ROOT


def current(engine: Engine, grain: Grain, platform: str | None = None, account: str | None = None) -> pd.DataFrame:
    """The current canonical frame of ``grain`` (with the ``import_id`` each row's key came from).

    Several imports may hold the same key (overlapping exports). For each key and each column the
    newest import's non-missing value wins, so a newer file that lacks a metric does not erase what an
    older file said about it; undoing the newer import brings the older values back.
    """
    return _resolve(read_frame(engine, _query(grain, platform, account)), grain)


TEXT_COLUMNS = ("text", "permalink", "post_type")


def _query(grain: Grain, platform: str | None = None, account: str | None = None, with_text: bool = True, after: int | None = None) -> object:
    table = FACT_TABLES[str(grain)]
    query = select(*(c for c in table.columns if with_text or c.name not in TEXT_COLUMNS))
    if after is not None:
        query = query.where(table.c.import_id > after)
    if platform:
        query = query.where(table.c.platform == platform)
    if account:
        query = query.where(table.c.account == account)
    return query.order_by(table.c.import_id.desc())


def _resolve(stored: pd.DataFrame, grain: Grain) -> pd.DataFrame:
    if stored.empty:
        return conform(stored, grain).assign(import_id=pd.Series(dtype="int64"))
    if grain is Grain.POST:
        stored["published_at"] = _timestamps(stored["published_at"]).dt.tz_localize("UTC")
    if "date" in stored:
        stored["date"] = _timestamps(stored["date"])
    keys = list(KEY_COLUMNS[grain])
    repeated = stored.duplicated(keys, keep=False).to_numpy()
    if repeated.any():  # only keys that several imports hold need the per-column resolution
        resolved = stored[repeated].groupby(keys, sort=False, dropna=False).first().reset_index()
        stored = pd.concat([stored[~repeated], resolved], ignore_index=True)
    stored = stored.sort_values(keys, kind="stable", ignore_index=True)
    return conform(stored, grain).assign(import_id=stored["import_id"].to_numpy())


def _timestamps(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return values.dt.tz_localize(None) if values.dt.tz is not None else values.astype("datetime64[us]")
    return pd.to_datetime(values, format="ISO8601").astype("datetime64[us]")


def read_frame(engine: Engine, query: object) -> pd.DataFrame:
    """A query's rows as a DataFrame (see ``read_frames``)."""
    return read_frames(engine, [query])[0]


def read_frames(engine: Engine, queries: list[object]) -> list[pd.DataFrame]:
    """Queries' rows as DataFrames: through ADBC for a SQLite file (in ``storage.loader``, a child
    process) and for PostgreSQL, else ``pandas.read_sql``."""
    url = engine.url
    backend = url.get_backend_name()
    sql = [str(q.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})) for q in queries]  # type: ignore[attr-defined]
    if backend == "sqlite" and url.database not in (None, "", ":memory:"):
        return _from_loader(url.database, sql)
    if backend == "postgresql":
        import adbc_driver_postgresql.dbapi

        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        with adbc_driver_postgresql.dbapi.connect(plain, autocommit=True) as connection, connection.cursor() as cursor:
            frames = []
            for statement in sql:
                cursor.execute(statement)
                frames.append(cursor.fetch_arrow_table().to_pandas())
            return frames
    with engine.connect() as connection:
        return [pd.read_sql(q, connection) for q in queries]  # type: ignore[call-overload]


LOADER_TIMEOUT_SECONDS = 600
_LOG = logging.getLogger(__name__)


class DatabaseReadError(RuntimeError):
    """The bulk reader's child process failed; ``text(language)`` says what failed and what to do."""

    def __init__(self, path: str, reason: tuple[str, dict[str, object]]) -> None:
        self.path, self.reason = path, reason
        super().__init__(self.text(Language.EN))

    def text(self, language: Language) -> str:
        code, params = self.reason
        reason = translate(code, language, **params)
        return translate("storage.read_failed", language, path=self.path, reason=reason, advice=translate("storage.read_failed.advice", language))


def _loader_failure(returncode: int, stderr: bytes) -> tuple[str, dict[str, object]]:
    """Why the child failed, never empty: a crash (negative code: killed by a signal) prints nothing."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = str(-returncode)
        return "storage.read_failed.signal", {"signal": name}
    lines = [line for line in stderr.decode(errors="replace").splitlines() if line.strip()]
    return "storage.read_failed.exit", {"code": returncode, "detail": lines[-1][-300:] if lines else "-"}


# A reader process started ahead of the next bulk read (the dashboard asks for one at start and after each read):
# its Python, pyarrow and ADBC imports (0.4 s) then overlap with other work instead of delaying the read.
_spare: subprocess.Popen[bytes] | None = None
_spare_wanted = False
_spare_lock = threading.Lock()


def _start_loader() -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "storage.loader"]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT)


def warm_loader() -> None:
    """Keep a reader process ready for the next bulk read of a SQLite file (a long-running server calls this)."""
    global _spare, _spare_wanted
    with _spare_lock:
        _spare_wanted = True
        if _spare is None or _spare.poll() is not None:
            _spare = _start_loader()


def _take_loader() -> subprocess.Popen[bytes]:
    global _spare
    with _spare_lock:
        process, _spare = _spare, None
    if process is not None and process.poll() is None:
        return process
    return _start_loader()


def _from_loader(path: str, sql: list[str]) -> list[pd.DataFrame]:
    process = _take_loader()
    if _spare_wanted:
        warm_loader()  # for the next read
    try:
        stdout, stderr = process.communicate(json.dumps({"path": path, "queries": sql}).encode(), timeout=LOADER_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise DatabaseReadError(path, ("storage.read_failed.timeout", {"seconds": LOADER_TIMEOUT_SECONDS})) from None
    completed = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if completed.returncode != 0:
        # For the operator (the server log, English); the user reads DatabaseReadError's text.
        _LOG.log(logging.ERROR, "storage.loader failed with code %s: %s", completed.returncode, completed.stderr.decode(errors="replace")[-4000:])
        raise DatabaseReadError(path, _loader_failure(completed.returncode, completed.stderr))
    frames, data, offset = [], pa.py_buffer(completed.stdout), 0
    for _ in sql:
        (size,) = struct.unpack(">Q", data[offset : offset + 8].to_pybytes())
        frames.append(pa.ipc.open_stream(data.slice(offset + 8, size)).read_all().to_pandas())
        offset += 8 + size
    return frames


def load_dataset(engine: Engine, with_text: bool = True) -> Dataset:
    """The current data of every grain, ready for the metrics engine (accounts and tags come from the goals).

    ``with_text=False`` leaves out the posts' text, link and format (missing in the frame): KPIs
    need them only for tag scopes, and they are most of the bytes.
    """
    grains = [Grain.DAILY, Grain.POST, Grain.AUDIENCE]
    frames = read_frames(engine, [_query(grain, with_text=with_text) for grain in grains])
    daily, posts, audience = (_resolve(frame, grain).drop(columns="import_id") for frame, grain in zip(frames, grains, strict=True))
    return Dataset(daily=daily, posts=posts, audience=audience)


def load_dataset_after(engine: Engine, previous: Dataset, after: int) -> Dataset:
    """``load_dataset(engine)`` from ``previous`` (what it returned when ``after`` was the newest import, and no
    import has been undone since) and the rows of the imports after it.

    Equal by construction: for every key and column the newest non-missing value wins, and every row read here is
    newer than all of ``previous``; so the new rows, put first, and the previous current rows are resolved by the
    same ``_resolve`` as all rows are. A small import into an agency's store reads its own rows, not half a million.
    """
    grains = [Grain.DAILY, Grain.POST, Grain.AUDIENCE]
    frames = read_frames(engine, [_query(grain, after=after) for grain in grains])
    current = []
    for frame, grain, before in zip(frames, grains, (previous.daily, previous.posts, previous.audience), strict=True):
        if frame.empty:
            current.append(before)
            continue
        newer = _resolve(frame, grain)
        both = pd.concat([newer, before.assign(import_id=0)], ignore_index=True)  # the newer rows first: they win
        current.append(_resolve(both, grain).drop(columns="import_id"))
    daily, posts, audience = current
    return Dataset(daily=daily, posts=posts, audience=audience)
