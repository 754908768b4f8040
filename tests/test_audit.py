"""Roles and the audit log in the database (issue 10), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from access.audit import AuditEntry, audit_entry
from access.identity import Identity
from access.permissions import Action, Grant, Role, decide, role_change_details
from model.i18n import Language
from model.issues import error
from storage.access import append_audit, load_grants, read_audit, save_grant

EDITOR = Grant(Role.EDITOR, frozenset({"Marketing", "Vertrieb"}))


def test_grants_round_trip(engine) -> None:
    save_grant(engine, "email", " Ana@Example.com ", EDITOR, by="local-admin")
    save_grant(engine, "group", "resonanz-admins", Grant(Role.ADMIN), by="local-admin")
    save_grant(engine, "default", "", Grant(Role.VIEWER, frozenset({"Personal"})), by="local-admin")
    assert load_grants(engine) == ({"ana@example.com": EDITOR}, {"resonanz-admins": Grant(Role.ADMIN)}, Grant(Role.VIEWER, frozenset({"Personal"})))
    save_grant(engine, "email", "ana@example.com", Grant(Role.VIEWER), by="boss@example.com")  # a change replaces
    save_grant(engine, "default", "", None, by="local-admin")  # unknown people: no access again
    assert load_grants(engine) == ({"ana@example.com": Grant(Role.VIEWER)}, {"resonanz-admins": Grant(Role.ADMIN)}, None)


def test_audit_log_records_allowed_and_denied_and_filters(engine) -> None:
    ana = Identity("ana@example.com", "Ana")
    allowed = audit_entry(ana, EDITOR, Action.IMPORT, decide(EDITOR, Action.IMPORT, "Marketing"), "import", "7", "Marketing", "x.csv")
    denied = audit_entry(ana, EDITOR, Action.GOAL_SET, decide(EDITOR, Action.GOAL_SET, None), "goal_set", "", None, "ziele.xlsx")
    append_audit(engine, dataclass_at(allowed, dt.datetime(2026, 12, 1, 9, 30)))
    append_audit(engine, dataclass_at(denied, dt.datetime(2026, 12, 2, 10, 0)))
    log = read_audit(engine)
    assert log["action"].tolist() == ["goal_set", "import"]  # newest first
    newest = log.iloc[0].to_dict()
    assert pd.isna(newest.pop("department"))  # a company-wide action has no department
    assert newest | {"at": None} == {
        "at": None, "actor": "ana@example.com", "role": "editor", "action": "goal_set", "object_type": "goal_set", "object_id": "",
        "details": "ziele.xlsx", "result": "denied", "reason": "access.denied_admin_only", "reason_params": '{"action": "goal_set"}',
    }  # fmt: skip
    assert pd.isna(log.iloc[1]["reason"]) and pd.isna(log.iloc[1]["reason_params"])  # an allowed write needs no reason
    assert read_audit(engine, result="denied")["action"].tolist() == ["goal_set"]
    assert read_audit(engine, since=dt.date(2026, 12, 1), until=dt.date(2026, 12, 1))["action"].tolist() == ["import"]
    assert read_audit(engine, actor="bob@example.com").empty


def test_audit_log_is_append_only(engine) -> None:
    append_audit(engine, AuditEntry("local-admin", "admin", "import", "allowed"))
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError), engine.begin() as connection:
            connection.execute(text(statement))
    assert read_audit(engine)["actor"].tolist() == ["local-admin"]


def dataclass_at(entry: AuditEntry, at: dt.datetime) -> AuditEntry:
    import dataclasses

    return dataclasses.replace(entry, at=at)


def test_an_audit_log_of_the_previous_release_keeps_its_rows_and_gains_the_reason_columns(tmp_path) -> None:
    from alembic import command
    from alembic.config import Config

    from storage.engine import MIGRATIONS, make_engine

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with make_engine(url).connect().execution_options(write=True) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")  # as the previous release left it: the reason inside the details
        connection.execute(
            text("INSERT INTO audit_log (at, actor, role, action, details, result) VALUES (:at, 'ana@example.com', 'editor', 'goal_set', :d, 'denied')"),
            {"at": dt.datetime(2026, 12, 1, 9, 30), "d": "ziele.xlsx; access.denied_admin_only {'action': 'goal_set'}"},
        )
    log = read_audit(make_engine(url))  # opening migrates to 0006
    assert log[["actor", "details", "result"]].to_dict("records") == [
        {"actor": "ana@example.com", "details": "ziele.xlsx; access.denied_admin_only {'action': 'goal_set'}", "result": "denied"}
    ]
    assert pd.isna(log.loc[0, "reason"])


def test_a_reason_reads_in_each_language_by_labels_never_keys() -> None:
    from model.i18n import Language
    from ui.identity import reason_text

    params = {"action": "key_result", "department": "hr", "departments": "marketing, sales"}
    assert reason_text("access.denied_department", params, Language.EN) == (
        "Not allowed (Key results and manual values): department HR / employer branding is not one of yours (Marketing, Sales)."
    )
    german = reason_text("access.denied_department", params, Language.DE)
    assert german.startswith("Nicht erlaubt (Schlüsselergebnisse und manuelle Werte): Die Abteilung Personal / Employer Branding")
    stale = {"departments": ["marketing", "*"], "date": "2026-12-03"}
    assert "03.12.2026" in reason_text("goals.changed_since_download", stale, Language.DE)
    assert "Konten oder Themen" in reason_text("goals.changed_since_download", stale, Language.DE)


@pytest.mark.parametrize(
    ("details", "german", "english"),
    [
        # a role change, as the Roles tab and the command line write it
        (
            role_change_details(None, Grant(Role.EDITOR, frozenset({"hr", "pr"}))),
            "keine Rolle \u2192 Bearbeiten (hr, pr)",
            "no role \u2192 Editor (hr, pr)",
        ),
        (role_change_details(Grant(Role.VIEWER), Grant(Role.ADMIN)), "Lesen (alle) \u2192 Administrator (alle)", "Viewer (all) \u2192 Administrator (all)"),
        # an unreadable upload's problems, in the reader's language
        (
            json.dumps([error("ingest.safety.damaged_zip", params={"problem": "File is not a zip file"}, file="x.zip").to_dict()]),
            "Die ZIP-/XLSX-Datei ist beschädigt oder unvollständig. Laden Sie sie erneut herunter. (Technische Meldung: File is not a zip file)",
            "The file is a damaged or truncated ZIP/XLSX (File is not a zip file). Download it again.",
        ),
        # a goals change: what was added, removed and changed
        (
            json.dumps(
                {
                    "added": {"objectives": ["HR-2"], "key_results": ["HR-2 followers 2026-Q4 500"], "manual_values": []},
                    "removed": {"objectives": [], "key_results": [], "manual_values": []},
                    "changed": [{"kind": "key_result", "id": "HR-1", "target": [100, 200]}],
                }
            ),
            "hinzugefügt: HR-2, HR-2 followers 2026-Q4 500 · geändert: HR-1: target 100 \u2192 200",
            "added: HR-2, HR-2 followers 2026-Q4 500 · changed: HR-1: target 100 \u2192 200",
        ),
        # anything else as stored: a note, JSON of another kind, text that only starts like JSON
        ("1200 rows", "1200 rows", "1200 rows"),
        ('{"rows": 3}', '{"rows": 3}', '{"rows": 3}'),
        ("[not json", "[not json", "[not json"),
    ],
)
def test_audit_details_are_written_for_people_not_as_json(details: str, german: str, english: str) -> None:
    from access.audit import details_text

    assert (details_text(details, Language.DE), details_text(details, Language.EN)) == (german, english)


def test_audit_reasons_write_platforms_and_days_for_people() -> None:
    """Seen in a user's run: the Protokoll's reason column said "die anderen youtube-Dateien" where the page said YouTube."""
    from ui.identity import reason_text

    asked = reason_text("ingest.account_undecided", {"platform": "youtube", "accounts": "UFSCar"}, Language.DE)
    assert "die anderen YouTube-Dateien dieses Uploads" in asked and "youtube" not in asked
    assumed = reason_text("ingest.dates_no_year", {"first": "2025-04-08", "last": "2026-02-01", "reference": "2026-02-28"}, Language.DE)
    assert "angenommen: 08.04.2025 bis 01.02.2026" in assumed
