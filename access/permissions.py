"""One permission check for every write (issue 10), on the pages and on the command line.

Roles: admin may do everything and manages roles; an editor writes for the departments granted
(imports of their accounts, their objectives, key results and manual values, review comments); a viewer
only reads, optionally limited to departments. A role comes from the e-mail list kept in the database or,
failing that, from an identity-provider group; unknown people get the default role, which is no access
unless an admin sets one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from access.identity import LOCAL_ACTOR, Identity


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


class Action(StrEnum):
    """Every write the product has, named as the audit log names it."""

    IMPORT = "import"
    UNDO_IMPORT = "undo_import"
    GOAL_SET = "goal_set"  # replace the whole goals workbook: spans departments, so admin only
    KEY_RESULT = "key_result"  # objectives, key results, manual values of one department
    ACCOUNT_MAPPING = "account_mapping"
    REVIEW = "review"  # review minutes, comments, decisions, actions
    PLAN = "plan"  # editorial plan uploads, item edits, match decisions, campaigns and events of one department
    PACK_DOWNLOAD = "pack_download"
    ROLES = "roles"
    AUDIT_DOWNLOAD = "audit_download"  # admin only: the log names every person
    SETTINGS = "settings"
    SIGN_IN = "sign_in"


# What an editor may do, always within the departments granted; everything else is the admin's.
EDITOR_ACTIONS = frozenset({Action.IMPORT, Action.UNDO_IMPORT, Action.KEY_RESULT, Action.REVIEW, Action.PLAN, Action.PACK_DOWNLOAD})
# Writes whose department comes from an account: "no department" means the account is unmapped.
ACCOUNT_ACTIONS = frozenset({Action.IMPORT, Action.UNDO_IMPORT})
# What every role may do (reading actions that leave a trace in the audit log).
EVERYONE_ACTIONS = frozenset({Action.PACK_DOWNLOAD, Action.SIGN_IN})


@dataclass(frozen=True)
class Grant:
    role: Role
    departments: frozenset[str] | None = None  # None: every department


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str  # a text key of model/i18n.py
    params: dict[str, object] = field(default_factory=dict)


LOCAL_GRANT = Grant(Role.ADMIN)  # local single-user mode and the command line


def resolve_grant(
    identity: Identity,
    by_email: Mapping[str, Grant],
    by_group: Mapping[str, Grant],
    default: Grant | None = None,
) -> Grant | None:
    """The grant of ``identity``: its e-mail entry, else the strongest of its groups, else ``default`` (None: no access)."""
    if identity.actor == LOCAL_ACTOR:
        return LOCAL_GRANT
    if identity.actor in by_email:
        return by_email[identity.actor]
    groups = [by_group[group] for group in identity.groups if group in by_group]
    if not groups:
        return default
    return _merge(groups)


def _merge(grants: list[Grant]) -> Grant:
    """Several groups: the highest role, with the departments of every group holding that role."""
    order = [Role.ADMIN, Role.EDITOR, Role.VIEWER]
    role = min((grant.role for grant in grants), key=order.index)
    same = [grant.departments for grant in grants if grant.role is role]
    departments = None if any(d is None for d in same) else frozenset().union(*same)
    return Grant(role, departments)


def may_see(grant: Grant | None, department: str | None) -> bool:
    """Whether the holder may read figures of ``department`` (None: data of no department, e.g. company-wide)."""
    if grant is None:
        return False
    return grant.departments is None or department is None or department in grant.departments


def decide(grant: Grant | None, action: Action, department: str | None = None) -> Decision:
    """May the holder of ``grant`` do ``action`` for ``department``? A denial names why."""
    if grant is None:
        return Decision(False, "access.denied_no_role")
    if grant.role is Role.ADMIN:
        return Decision(True, "access.allowed")
    if action in EVERYONE_ACTIONS and may_see(grant, department):
        return Decision(True, "access.allowed")
    if grant.role is Role.VIEWER:
        return Decision(False, "access.denied_viewer", {"action": action.value})
    if action not in EDITOR_ACTIONS:
        return Decision(False, "access.denied_admin_only", {"action": action.value})
    if department is None:
        # An editor's write must belong to a department: an account no department claims is the admin's to map first,
        # and a write that spans departments (the meeting's minutes, a company-wide event) is the admin's too.
        reason = "access.denied_no_department" if action in ACCOUNT_ACTIONS else "access.denied_company_wide"
        return Decision(False, reason, {"action": action.value})
    if grant.departments is not None and department not in grant.departments:
        granted = ", ".join(sorted(grant.departments))
        return Decision(False, "access.denied_department", {"action": action.value, "department": department, "departments": granted})
    return Decision(True, "access.allowed")


def department_of(accounts: pd.DataFrame, platform: str | None, account: str | None) -> str | None:
    """The department the goals' accounts sheet maps an account to; None for an account no department claims."""
    if account is None or accounts.empty:
        return None
    mapped = accounts[(accounts["account"] == account) & ((accounts["platform"] == platform) if platform else True)]
    return None if mapped.empty else str(mapped["department"].iloc[0])


def removes_last_admin(by_email: Mapping[str, Grant], subject: str, new: Grant | None) -> bool:
    """Whether setting the e-mail entry ``subject`` to ``new`` (None: removing it) leaves no admin in the e-mail list.

    With sign-in, admins named by e-mail are the only ones the app itself can vouch for: group claims come from
    the identity provider and may change or vanish, and nobody could then manage roles on the page again.
    """
    after = {**by_email, subject: new}
    return any(g.role is Role.ADMIN for g in by_email.values()) and not any(g is not None and g.role is Role.ADMIN for g in after.values())


def one_department(departments: Iterable[object]) -> str | None:
    """The department every row names (a plan file, an events file); None when they name several or a row names none,
    so the write is company-wide and an editor's check refuses it."""
    found = {None if d is None or (not isinstance(d, str) and pd.isna(d)) or str(d).strip() == "" else str(d).strip() for d in departments}
    return found.pop() if len(found) == 1 and None not in found else None


def role_change_details(before: Grant | None, after: Grant | None) -> str:
    """The audit log's details of a role change (page and command line): the entry before and after, as JSON."""

    def entry(grant: Grant | None) -> dict[str, object] | None:
        return None if grant is None else {"role": grant.role.value, "departments": None if grant.departments is None else sorted(grant.departments)}

    return json.dumps({"before": entry(before), "after": entry(after)}, ensure_ascii=False)
