"""Runs where IT puts it (issue 10): the command line under ``ulimit -v 4194304``, and child failures that say what to do."""

from __future__ import annotations

import json
import subprocess
import sys

from model.i18n import Language
from storage.queries import DatabaseReadError, _loader_failure
from tests.conftest import ROOT

ADDRESS_SPACE_KIB = 4_194_304  # 4 GiB, the limit a company's IT sets with ``ulimit -v``


def limited(*command: str, kib: int = ADDRESS_SPACE_KIB) -> subprocess.CompletedProcess[str]:
    """``command`` run by bash under an address-space limit (children inherit it)."""
    script = f"ulimit -v {kib}; exec " + " ".join(f"'{part}'" for part in command)
    return subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_cli_kpis_under_a_4_gib_address_space_limit(demo_db: str) -> None:
    """Before: the bulk reader reserved 270 GB of address space (a batch of a billion rows), crashed under
    any limit, and the user read "Reading the database failed:" with nothing after it."""
    done = limited(sys.executable, "cli.py", "kpis", "--db", demo_db, "--period", "2026-Q1", "--json")
    assert done.returncode == 0, done.stderr
    values = {row["kpi"]: row["value"] for row in json.loads(done.stdout)["kpis"]}
    assert (values["impressions"], values["reach"]) == (1_198_077.0, 383_183.0)


def test_cli_goals_under_a_4_gib_address_space_limit(demo_db: str) -> None:
    """The goals workbook is read in the parser child, which must start under the inherited limit too."""
    done = limited(sys.executable, "cli.py", "goals", "--db", demo_db, "--goals", "sample_data/demo/ziele.xlsx", "--as-of", "2026-11-22", "--json")
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout)[0]
    assert (first["key_result"], first["department"], first["kpi"], first["status"]) == ("PR-1.1", "pr", "impressions", "on_track")


def test_cli_goals_at_1_gib_the_documented_minimum(demo_db: str) -> None:
    goals = ("--goals", "sample_data/demo/ziele.xlsx", "--as-of", "2026-11-22", "--json")
    done = limited(sys.executable, "cli.py", "goals", "--db", demo_db, *goals, kib=1_048_576)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["key_result"] == "PR-1.1"


def test_cli_under_a_too_small_limit_says_so_instead_of_crashing(demo_db: str) -> None:
    """A new user's try: at 550 MB pyarrow segfaulted (exit 139, no output); at 400 MB a bare MemoryError traceback."""
    for kib in (200_000, 550_000):
        done = limited(sys.executable, "cli.py", "goals", "--db", demo_db, "--goals", "sample_data/demo/ziele.xlsx", "--as-of", "2026-11-22", kib=kib)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("resonanz: goals: the address-space limit (ulimit -v) is below 1 GiB. Nothing was stored."), done.stderr
        assert "Traceback" not in done.stderr


def test_parser_child_takes_the_lower_inherited_limit() -> None:
    """A cap above the inherited hard limit raises in setrlimit: the child would never start."""
    code = "from ingest.worker import memory_limit; print(memory_limit())"
    done = limited(sys.executable, "-c", code, kib=3_000_000)
    assert done.stdout.strip() == str(3_000_000 * 1024), done.stderr


def test_a_crashed_reader_says_what_failed_and_what_to_do() -> None:
    error = DatabaseReadError("/srv/resonanz.sqlite3", _loader_failure(-11, b""))
    assert str(error) == (
        "Reading the database /srv/resonanz.sqlite3 failed: the reading process was ended by the operating system (signal SIGSEGV), "
        "usually for lack of memory. Nothing was changed. Give the server at least 1 GiB of memory (ulimit -v at least 4 GiB), "
        "check that the file is readable, and try again; details are in the server log."
    )
    assert error.text(Language.DE).startswith("Das Lesen der Datenbank /srv/resonanz.sqlite3 ist fehlgeschlagen: der Leseprozess wurde")


def test_a_failing_reader_names_its_last_error_line() -> None:
    reason = _loader_failure(1, b"Traceback ...\n  File x\nadbc_driver_manager.OperationalError: unable to open database file\n\n")
    assert reason == ("storage.read_failed.exit", {"code": 1, "detail": "adbc_driver_manager.OperationalError: unable to open database file"})


def test_a_missing_database_file_is_a_readable_error(tmp_path) -> None:
    from sqlalchemy import create_engine

    from storage.queries import read_frames

    path = tmp_path / "gone" / "missing.sqlite3"
    try:
        read_frames(create_engine(f"sqlite:///{path}"), [__import__("sqlalchemy").text("SELECT 1")])
    except DatabaseReadError as exc:
        assert str(exc).startswith(f"Reading the database {path} failed: the reading process ended with code 1 (")
        assert "Nothing was changed" in str(exc)
    else:
        raise AssertionError("a missing file must fail")


APP_UNDER_LIMIT = """
import sys
from streamlit.testing.v1 import AppTest
app = AppTest.from_file("app.py", default_timeout=240)
app.run()
assert not app.exception, app.exception
print(next(m.value for m in app.metric if m.label.startswith("Impressionen")))
"""


def test_the_app_renders_the_cockpit_under_a_4_gib_address_space_limit(demo_db: str, tmp_path, monkeypatch) -> None:
    """The app's process, its bulk reader and its parser children all run under the inherited limit."""
    import shutil

    path = tmp_path / "app.sqlite3"
    shutil.copy(demo_db.removeprefix("sqlite:///"), path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("RESONANZ_TODAY", "2026-11-22")  # the cockpit opens on Q4 2026, counted to the demo's export day
    done = limited(sys.executable, "-c", APP_UNDER_LIMIT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "979.461"  # = cli.py kpis --period 2026-Q4 (impressions 979461)
