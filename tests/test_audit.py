"""Roles and the audit log in the database (issue 10), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from access.audit import AuditEntry, audit_entry
from access.identity import Identity
from access.permissions import Action, Grant, Role, decide
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
