"""What the audit log records: one entry per write and per denied attempt (issue 10). Pure data."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from access.identity import Identity
from access.permissions import Action, Decision, Grant
from model.i18n import Language, translate
from model.issues import Issue


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


def details_text(details: str, language: Language) -> str:
    """An entry's details as people read them (the CSV download keeps the JSON): an unreadable upload's problems in
    the reader's language, a role change as before -> after, a goals change as what was added, removed and changed.
    Anything else (a plain note, JSON of another kind) as stored."""
    try:
        value = json.loads(details) if details[:1] in ("[", "{") else None
    except ValueError:
        return details
    if isinstance(value, list) and value and all(isinstance(i, dict) and "level" in i and "message" in i for i in value):
        return " · ".join(Issue.from_dict(i).text(language) for i in value)
    if isinstance(value, dict) and set(value) == {"before", "after"}:
        return " \u2192 ".join(_grant_text(value[side], language) for side in ("before", "after"))
    if isinstance(value, dict) and set(value) == {"added", "removed", "changed"}:
        return _goals_change_text(value, language)
    return details


def _grant_text(entry: object, language: Language) -> str:
    if not isinstance(entry, dict):
        return translate("audit.details.no_role", language)
    departments = entry.get("departments")
    scope = ", ".join(departments) if departments else translate("roles.departments_all", language)
    role = translate(f"role.{entry.get('role')}", language)
    return f"{role} ({scope})"


def _goals_change_text(change: dict[str, object], language: Language) -> str:
    parts = []
    for side in ("added", "removed"):
        listed = change[side] if isinstance(change[side], dict) else {}
        items = [str(item) for group in listed.values() if isinstance(group, list) for item in group]
        if items:
            parts.append(translate(f"audit.details.{side}", language, items=", ".join(items)))
    changed = [
        f"{entry.get('id')}: " + ", ".join(f"{name} {pair[0]} \u2192 {pair[1]}" for name, pair in entry.items() if isinstance(pair, list) and len(pair) == 2)
        for entry in change["changed"] if isinstance(entry, dict)  # type: ignore[union-attr]
    ]  # fmt: skip
    if changed:
        parts.append(translate("audit.details.changed", language, items="; ".join(changed)))
    return " · ".join(parts) or translate("audit.details.unchanged", language)
