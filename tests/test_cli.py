"""The command line as automation uses it: JSON per file, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

OVERVIEW = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_import_json_reports_each_file(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "tiktok"
    folder.mkdir()
    (folder / "Overview.csv").write_text(OVERVIEW, encoding="utf-8-sig")
    (folder / "notes.txt").write_text("Agenda for Monday\n", encoding="utf-8")
    done = cli("import", "--db", db, "--json", "--as-of", "2026-11-26", "--account", "acme", str(folder))
    assert done.returncode == 0, done.stderr
    report = {item["file"]: item for item in json.loads(done.stdout)}
    overview = report["tiktok/Overview.csv"]
    assert {k: overview[k] for k in ("status", "platform", "report", "account", "rows", "date_from", "date_to")} == {
        "status": "imported",
        "platform": "tiktok",
        "report": "tiktok_overview",
        "account": "acme",
        "rows": {"daily": 2},
        "date_from": "2026-04-12",
        "date_to": "2026-04-13",
    }
    assert overview["totals"] == {"daily": {"views": 2745, "profile_visits": 8, "reactions": 15, "comments": 1, "shares": 0, "engagements": 16}}
    assert isinstance(overview["import_id"], int)
    assert any("no year" in i["message"] for i in overview["issues"])
    assert report["tiktok/notes.txt"]["status"] == "unsupported"

    again = cli("import", "--db", db, "--json", "--as-of", "2026-11-26", str(folder / "Overview.csv"))
    assert again.returncode == 0
    [duplicate] = json.loads(again.stdout)
    assert (duplicate["status"], duplicate["import_id"]) == ("duplicate", overview["import_id"])


def test_failed_file_exits_1(tmp_path: Path, db: str) -> None:
    broken = tmp_path / "Overview.csv"
    broken.write_text(OVERVIEW + '"April 14","lots","1","1","1","1"\n', encoding="utf-8")
    done = cli("import", "--db", db, "--json", str(broken))
    assert done.returncode == 1
    [item] = json.loads(done.stdout)
    assert item["status"] == "error"
    assert item["rows"] == {} and item["import_id"] is None
    assert {"level": "error", "row": 4, "column": "Video Views", "value": "lots"}.items() <= item["issues"][-1].items()


@pytest.mark.parametrize("args", [["import", "/no/such/file.csv"], ["import"], ["frobnicate"], ["import", "--platform", "myspace", "x.csv"], []])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert cli(*args).returncode == 2


def test_human_output_names_status_and_rows(tmp_path: Path, db: str) -> None:
    path = tmp_path / "Overview.csv"
    path.write_text(OVERVIEW, encoding="utf-8")
    done = cli("import", "--db", db, str(path))
    assert done.returncode == 0
    assert done.stdout.startswith("imported    Overview.csv: tiktok tiktok_overview [default] 2 daily")
