"""What the audit log records: one entry per write and per denied attempt (issue 10). Pure data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from access.identity import Identity
from access.permissions import Action, Decision, Grant


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    role: str | None
    action: str
    result: str  # allowed, denied, failed
    object_type: str = ""
    object_id: str = ""
    department: str | None = None
    details: str = ""
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))  # stored as naive UTC


def audit_entry(
    identity: Identity,
    grant: Grant | None,
    action: Action,
    decision: Decision,
    object_type: str = "",
    object_id: str = "",
    department: str | None = None,
    details: str = "",
) -> AuditEntry:
    """The entry for ``decision``; a denial's details say why (its reason key and parameters)."""
    if not decision.allowed:
        reason = decision.reason + (f" {decision.params}" if decision.params else "")
        details = f"{details}; {reason}" if details else reason
    return AuditEntry(
        actor=identity.actor,
        role=grant.role.value if grant else None,
        action=action.value,
        result="allowed" if decision.allowed else "denied",
        object_type=object_type,
        object_id=object_id,
        department=department,
        details=details,
    )
