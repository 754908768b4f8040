"""What the audit log records: one entry per write and per denied attempt (issue 10). Pure data."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from access.identity import Identity
from access.permissions import Action, Decision, Grant


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    role: str | None
    action: str
    result: str  # allowed, denied (no permission), refused (the write would lose or mix data), failed (unreadable input)
    object_type: str = ""
    object_id: str = ""
    department: str | None = None
    details: str = ""
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))  # stored as naive UTC
    reason: str | None = None  # why not allowed: a text key of model/i18n.py
    reason_params: str | None = None  # that text's parameters, JSON


def audit_entry(
    identity: Identity,
    grant: Grant | None,
    action: Action,
    decision: Decision,
    object_type: str = "",
    object_id: str = "",
    department: str | None = None,
    details: str = "",
    result: str | None = None,
) -> AuditEntry:
    """The entry for ``decision``; one not allowed states why (its reason key and parameters) apart from the details.

    ``result`` names a refusal that is no permission question ("refused": e.g. an outdated workbook, "failed": an
    unreadable one); by default the decision's allowed or denied."""
    return AuditEntry(
        actor=identity.actor,
        role=grant.role.value if grant else None,
        action=action.value,
        result=result or ("allowed" if decision.allowed else "denied"),
        object_type=object_type,
        object_id=object_id,
        department=department,
        details=details,
        reason=None if decision.allowed else decision.reason,
        reason_params=None if decision.allowed or not decision.params else json.dumps(decision.params, ensure_ascii=False, default=str),
    )
