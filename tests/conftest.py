"""Shared fixtures: the real exports, and one engine per storage backend (SQLite and PostgreSQL).

Locally a missing PostgreSQL server or real-exports folder skips those tests; in CI
(RESONANZ_REQUIRE_ALL_TESTS=1) it fails them, so nothing is silently left out there.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from ingest.pipeline import read_batch
from model.results import FileResult
from storage.engine import make_engine

ROOT = Path(__file__).resolve().parent.parent
REAL_EXPORTS = Path(os.environ.get("RESONANZ_REAL_EXPORTS", ROOT.parent / "shared" / "real_exports"))
REFERENCE_DATE = dt.date(2026, 11, 26)


def require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("RESONANZ_REQUIRE_ALL_TESTS"):
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def real_exports() -> Path:
    require(REAL_EXPORTS.is_dir(), f"{REAL_EXPORTS} not found")
    return REAL_EXPORTS


def read_files(*items: tuple[str, bytes], reference: dt.date = REFERENCE_DATE, **kwargs: object) -> list[FileResult]:
    return read_batch(list(items), reference_date=reference, **kwargs)


def read_one(name: str, data: bytes, **kwargs: object) -> FileResult:
    [result] = read_files((name, data), **kwargs)
    return result


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield engine
    engine.dispose()


def _database_of_this_worker(url: str) -> str:
    """Under pytest-xdist every worker gets its own database on the throwaway server: tests drop the schema."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    parsed = make_url(url)
    name = f"{parsed.database}_{worker}"
    server = create_engine(parsed, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first() is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def _fresh_postgres(url: str) -> Engine:
    url = _database_of_this_worker(url)
    admin = make_engine(url, migrate_schema=False)
    with admin.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    admin.dispose()
    return make_engine(url)


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The same storage test on both backends."""
    if request.param == "sqlite":
        created = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    else:
        url = os.environ.get("RESONANZ_TEST_POSTGRES_URL")
        require(bool(url), "RESONANZ_TEST_POSTGRES_URL is not set (./test starts a throwaway server)")
        created = _fresh_postgres(url)
    yield created
    created.dispose()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database with the demo company loaded (once per test session)."""
    from sample_data.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    engine = make_engine(url)
    results = load_demo(engine)
    engine.dispose()
    assert [r.file for r in results if r.status.value != "imported"] == []
    return url


@pytest.fixture
def writable_demo_db(demo_db: str, tmp_path: Path) -> str:
    """A copy of the demo database for commands that write (``cli.py report`` audits into its database): the
    session's demo_db stays as loaded, whatever order the tests of a worker run in."""
    import shutil

    copy = tmp_path / "demo-copy.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), copy)
    return f"sqlite:///{copy}"
