"""Engine factory: SQLite (WAL, busy timeout, foreign keys) or PostgreSQL, migrated on open."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from storage.settings import PROJECT_ROOT, database_url
from storage.staging import sweep_abandoned

SQLITE_BUSY_TIMEOUT_MS = 30_000
# The write-ahead log grows to the largest transaction (a 500k-row import: hundreds of MB) and SQLite keeps that
# size for reuse; past this, it is cut back when the log next restarts after a checkpoint.
SQLITE_WAL_LIMIT_BYTES = 64 * 1024 * 1024


def make_engine(url: str | None = None, *, migrate_schema: bool = True) -> Engine:
    """An engine for ``url`` (``--db``, ``DATABASE_URL`` or the embedded file), schema up to date."""
    resolved = make_url(database_url(url))
    if resolved.get_backend_name() == "sqlite":
        engine = _sqlite_engine(resolved)
    else:
        engine = create_engine(resolved, pool_pre_ping=True)
    if migrate_schema:
        migrate(engine)
    return engine


def _sqlite_engine(url) -> Engine:  # noqa: ANN001 - sqlalchemy URL
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        database = Path(url.database)
        database.parent.mkdir(parents=True, exist_ok=True)
        sweep_abandoned(database.resolve())  # what an import killed midway left behind
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    # pysqlite's own transaction handling would defer BEGIN; take it over so that a writer
    # (execution option write=True) starts with BEGIN IMMEDIATE and concurrent imports queue on the
    # busy timeout instead of failing on a lock upgrade; readers keep a plain deferred BEGIN.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA journal_size_limit={SQLITE_WAL_LIMIT_BYTES}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # noqa: ANN001
        writing = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


MIGRATIONS = PROJECT_ROOT / "storage" / "migrations"


def head_revision() -> str:
    """The newest migration's revision: its file name's number (0005_security.py is "0005"; a test holds Alembic to it)."""
    return max(path.name[:4] for path in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision.

    A schema already there is recognised without Alembic: importing it and reading its scripts took half a second
    of every start."""
    if _schema_revision(engine) == head_revision():
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _schema_revision(engine: Engine) -> str | None:
    """The revision Alembic recorded in the database; None for a new database."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None
