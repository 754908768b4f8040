"""The command line as automation uses it: JSON per file, exit codes 0, 1 and 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FOLLOWER_TOTALS = ROOT / "sample_data" / "demo" / "exports" / "follower" / "linkedin_follower.csv"

OVERVIEW = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n"April 12","1591","7","10","1","0"\n"April 13","1154","1","5","0","0"\n'


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    # timeout: a hang guard only; a worker of a loaded 2-core machine once took 120 s for the demo loaded twice
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


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


def test_goals_json_on_the_demo_company(demo_db: str) -> None:
    done = cli("goals", "--db", demo_db, "--goals", "sample_data/demo/ziele.xlsx", "--as-of", "2026-11-22", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    first = rows[0]
    assert {"objective", "department", "kpi", "target", "actual", "progress", "expected", "forecast", "status"} <= first.keys()
    assert (first["key_result"], first["department"], first["kpi"], first["status"]) == ("PR-1.1", "pr", "impressions", "on_track")
    assert {r["status"] for r in rows} == {"achieved", "on_track", "at_risk", "off_track", "no_data"}


def test_goals_with_a_broken_workbook_exits_1_and_names_the_cell(tmp_path: Path, demo_db: str) -> None:
    broken = tmp_path / "goals.yaml"
    broken.write_text("objectives:\n  - {id: A, objective: x, department: einkauf}\nkey_results: []\n", encoding="utf-8")
    done = cli("goals", "--db", demo_db, "--goals", str(broken))
    assert done.returncode == 1
    assert "Unknown department" in done.stderr and "row 2" in done.stderr and "einkauf" in done.stderr


def test_kpis_json_with_previous_and_last_year(demo_db: str) -> None:
    done = cli("kpis", "--db", demo_db, "--from", "2026-10-01", "--to", "2026-10-31", "--platform", "linkedin", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["previous_from"], report["previous_to"], report["last_year_from"]) == ("2026-09-01", "2026-09-30", "2025-10-01")
    kpis = {row["kpi"]: row for row in report["kpis"]}
    assert kpis["impressions"]["value"] > kpis["impressions"]["last_year"] > 0
    # LinkedIn's exports have no follower total; the demo notes it monthly in the generic template: October's is the 1st's.
    noted = {row["Datum"]: float(row["Follower"]) for row in csv.DictReader(io.StringIO(FOLLOWER_TOTALS.read_text(encoding="utf-8-sig")), delimiter=";")}
    assert kpis["followers"]["value"] == noted["01.10.2026"]
    assert "applications" not in kpis  # manual KPIs need --goals


def test_kpis_usage_errors(demo_db: str) -> None:
    assert cli("kpis", "--db", demo_db, "--from", "2026-10-31", "--to", "2026-10-01").returncode == 2
    assert cli("kpis", "--db", demo_db, "--from", "31.10.2026", "--to", "2026-10-01").returncode == 2
    assert cli("goals", "--db", demo_db, "--goals", "/no/such/goals.xlsx").returncode == 2


def test_demo_command_twice_reports_duplicates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    first = cli("demo", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("imported ") == 184  # 166 exports and the follower totals: 16 Meta overview files, 2 noted in the template
    assert "Demo goals stored from" in first.stdout  # as the dashboard's first start does
    second = cli("demo", "--db", db)
    assert second.stdout.count("duplicate ") == 184
    assert "Demo goals stored" not in second.stdout  # a stored goal set stays
    from storage.engine import make_engine
    from storage.goalsets import current_goal_set

    assert current_goal_set(make_engine(db)).file_name == "ziele.xlsx"


def test_human_output_shows_every_note_of_every_file_every_time(tmp_path: Path, db: str) -> None:
    path = tmp_path / "Overview.csv"
    path.write_text(OVERVIEW, encoding="utf-8")
    first = cli("import", "--db", db, "--as-of", "2026-11-26", str(path))
    assert first.returncode == 0
    lines = first.stdout.splitlines()
    assert lines[0].startswith("imported    Overview.csv:")
    # The two infos of a first import: the assumed year and the account stored as 'default', in German by default
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["Info", "Info"]
    assert "keine Jahreszahl" in lines[1] and "gespeichert als „default“" in lines[2], lines
    again = cli("import", "--db", db, "--as-of", "2026-11-26", "--lang", "en", str(path)).stdout.splitlines()
    assert again[0].startswith("duplicate   Overview.csv:")  # the notes again, every time, here in English
    assert [line.split(":")[0].strip() for line in again[1:]][:2] == ["info", "info"]
    assert "no year" in again[1] and "stored as 'default'" in again[2]  # then the duplicate's own note


def test_files_given_one_by_one_keep_their_folders(tmp_path: Path, db: str) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Overview.csv").write_text(OVERVIEW, encoding="utf-8")
    done = cli("import", "--db", db, "--json", "--as-of", "2026-11-26", str(tmp_path / "a" / "Overview.csv"), str(tmp_path / "b" / "Overview.csv"))
    assert [item["file"] for item in json.loads(done.stdout)] == ["a/Overview.csv", "b/Overview.csv"]


def test_an_undecidable_meta_file_asks_and_platform_resolves_it(tmp_path: Path, db: str) -> None:
    path = tmp_path / "Views.csv"
    path.write_bytes('sep=,\n"Views"\n"Date","Primary"\n"2025-01-01T01:00:00","40"\n'.encode("utf-16"))
    asked = cli("import", "--db", db, "--json", str(path))
    assert asked.returncode == 1
    [item] = json.loads(asked.stdout)
    assert (item["status"], item["issues"][-1]["code"]) == ("error", "ingest.platform_undecided")
    chosen = cli("import", "--db", db, "--json", "--platform", "instagram", str(path))
    [item] = json.loads(chosen.stdout)
    assert (chosen.returncode, item["status"], item["platform"], item["totals"]) == (0, "imported", "instagram", {"daily": {"impressions": 40}})


def test_import_is_recorded_as_the_named_local_admin(tmp_path: Path, db: str) -> None:
    import getpass

    from storage.access import read_audit
    from storage.engine import make_engine

    (tmp_path / "Overview.csv").write_text(OVERVIEW, encoding="utf-8-sig")
    done = cli("import", "--db", db, "--as-of", "2026-11-26", "--account", "acme", str(tmp_path / "Overview.csv"))
    assert done.returncode == 0, done.stderr
    log = read_audit(make_engine(db))
    columns = ["actor", "role", "action", "object_type", "object_id", "details", "result"]
    assert log[columns].values.tolist() == [[f"cli:{getpass.getuser()}", "admin", "import", "file", "Overview.csv", "acme", "allowed"]]


def test_role_command_sets_the_first_admin_before_sign_in_is_on(db: str) -> None:
    from access.permissions import Grant, Role
    from storage.access import load_grants, read_audit
    from storage.engine import make_engine

    assert cli("role", "Ana.Admin@Example.com", "--role", "admin", "--db", db).stdout == "email ana.admin@example.com: admin\n"
    assert cli("role", "resonanz-hr", "--group", "--role", "editor", "--department", "hr", "--db", db).returncode == 0
    by_email, by_group, default = load_grants(make_engine(db))
    assert by_email == {"ana.admin@example.com": Grant(Role.ADMIN)}
    assert by_group == {"resonanz-hr": Grant(Role.EDITOR, frozenset({"hr"}))}
    assert default is None
    log = read_audit(make_engine(db), action="roles")
    assert log["object_id"].tolist() == ["group:resonanz-hr", "email:ana.admin@example.com"]  # newest first
    assert log["details"].iloc[1] == '{"before": null, "after": {"role": "admin", "departments": null}}'
    assert log["actor"].str.startswith("cli:").all()
    # removing, and what is refused with exit 2 and nothing stored
    assert cli("role", "resonanz-hr", "--group", "--role", "none", "--db", db).returncode == 0
    assert load_grants(make_engine(db))[1] == {}
    bad = cli("role", "resonanz-hr", "--role", "viewer", "--db", db)
    assert (bad.returncode, bad.stderr) == (2, "resonanz: error: 'resonanz-hr' is no e-mail address (a group needs --group)\n")
    assert cli("role", "x@example.com", "--role", "admin", "--department", "hr", "--db", db).returncode == 2
    assert load_grants(make_engine(db))[0] == {"ana.admin@example.com": Grant(Role.ADMIN)}


def test_import_notes_are_in_the_reader_s_language_without_soft_hyphens(tmp_path: Path, db: str) -> None:
    """A new user read English notes from `cli.py import` beside German `cli.py kpis`, and 'Ge\\xadsamt' for a German
    YouTube table's total row."""
    path = tmp_path / "Tabellendaten.csv"
    path.write_text("Inhalt,Videotitel,Auf\u00adru\u00adfe\nGe\u00adsamt,,10\nabc,Erstes Video,10\n", encoding="utf-8")
    german = cli("import", "--db", db, str(path))
    assert "    Info: Die Zeile wiederholt die Spaltensummen ('Gesamt')" in german.stdout, german.stdout
    assert "\\xad" not in german.stdout and "\u00ad" not in german.stdout
    english = cli("import", "--db", db, "--lang", "en", str(path))
    assert "    info: The row repeats the column totals ('Gesamt')" in english.stdout, english.stdout
