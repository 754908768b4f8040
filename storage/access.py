"""Role assignments and the append-only audit log in the database (issue 10)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pandas as pd
from sqlalchemy import Engine, delete, select

from access.audit import AuditEntry
from access.permissions import Grant, Role
from storage.schema import audit_log, role_assignments

AUDIT_COLUMNS = ["at", "actor", "role", "action", "object_type", "object_id", "department", "details", "result", "reason", "reason_params"]


def append_audit(engine: Engine, entry: AuditEntry) -> None:
    with engine.begin() as connection:
        connection.execute(audit_log.insert().values(**dataclasses.asdict(entry)))


def read_audit(
    engine: Engine,
    actor: str | None = None,
    action: str | None = None,
    result: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """The audit log, newest first, filtered by exact actor, action and result and by UTC day (inclusive)."""
    query = select(*(audit_log.c[name] for name in AUDIT_COLUMNS)).order_by(audit_log.c.id.desc())
    if actor:
        query = query.where(audit_log.c.actor == actor)
    if action:
        query = query.where(audit_log.c.action == action)
    if result:
        query = query.where(audit_log.c.result == result)
    if since:
        query = query.where(audit_log.c.at >= dt.datetime.combine(since, dt.time()))
    if until:
        query = query.where(audit_log.c.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def signed_in_since(engine: Engine, actor: str, role: str | None, since: dt.datetime) -> bool:
    """Whether ``actor`` has an allowed sign-in row with ``role`` at or after ``since`` (UTC)."""
    query = select(audit_log.c.id).where(
        audit_log.c.actor == actor, audit_log.c.action == "sign_in", audit_log.c.result == "allowed", audit_log.c.role == role, audit_log.c.at >= since
    )
    with engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None


def _grant(role: str, departments: str | None) -> Grant:
    return Grant(Role(role), None if departments is None else frozenset(json.loads(departments)))


def load_grants(engine: Engine) -> tuple[dict[str, Grant], dict[str, Grant], Grant | None]:
    """(grants by e-mail, grants by IdP group, the default for unknown people or None)."""
    with engine.connect() as connection:
        rows = connection.execute(select(role_assignments)).mappings().all()
    by_kind: dict[str, dict[str, Grant]] = {"email": {}, "group": {}, "default": {}}
    for row in rows:
        by_kind[row["kind"]][row["subject"]] = _grant(row["role"], row["departments"])
    return by_kind["email"], by_kind["group"], by_kind["default"].get("")


def save_grant(engine: Engine, kind: str, subject: str, grant: Grant | None, by: str) -> None:
    """Set (or with ``grant`` None remove) the role of an e-mail address, a group, or the default (subject "")."""
    subject = subject.strip().lower() if kind == "email" else subject.strip()
    with engine.begin() as connection:
        connection.execute(delete(role_assignments).where(role_assignments.c.kind == kind, role_assignments.c.subject == subject))
        if grant is None:
            return
        departments = None if grant.departments is None else json.dumps(sorted(grant.departments), ensure_ascii=False)
        values = {"kind": kind, "subject": subject, "role": grant.role.value, "departments": departments}
        connection.execute(role_assignments.insert().values(**values, updated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None), updated_by=by))


def role_table(engine: Engine) -> pd.DataFrame:
    """Every role entry for the admin page: kind, subject, role, departments (list; None: all), updated_at, updated_by."""
    with engine.connect() as connection:
        rows = connection.execute(select(role_assignments).order_by(role_assignments.c.kind, role_assignments.c.subject)).mappings().all()
    frame = pd.DataFrame(rows, columns=["kind", "subject", "role", "departments", "updated_at", "updated_by"])
    frame["departments"] = frame["departments"].map(json.loads, na_action="ignore").astype(object)
    return frame
