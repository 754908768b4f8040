"""What an uploaded goals workbook may change, decided without the page (issue 10).

The page reads the upload, asks ``decide_upload`` and then only audits and shows the answer: the permission
checks to make (each one an audit row), the goal set to store, or why nothing is stored. Every rule of who may
replace what lives here, so that the command line, the tests and the page cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from metrics.goals import (
    DEPARTMENTS,
    GoalChanges,
    GoalsConfig,
    WorkbookOrigin,
    change_details,
    departments_held,
    goal_changes,
    merge_department_goals,
)

ANY_SHARED_PART = "*"  # in a notice's department list: the accounts or tag rules


@dataclass(frozen=True)
class Notice:
    """A message for the uploader and the audit log: a text key of model/i18n.py and its parameters, stored as keys
    (departments, shared parts) and ISO dates so that each reader sees them in their own language."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PermissionCheck:
    """One permission check the upload needs: ``department`` None is the whole set (the admins' Action.GOAL_SET),
    else that department's objectives, key results and manual values (Action.KEY_RESULT)."""

    department: str | None
    details: str  # the audit row's details: what the upload changes there
    denied_hint: Notice | None = None  # said besides the denial (which shared parts changed)


@dataclass(frozen=True)
class Uploader:
    """Who uploads: ``departments`` None may change every department (an admin or an editor of all)."""

    departments: frozenset[str] | None
    admin: bool


@dataclass(frozen=True)
class StoredSet:
    """The goal set stored now: its goals, its id and when it was saved; ``written_from`` reads an earlier goal set's
    goals by id (None when it is gone or no longer passes)."""

    goals: GoalsConfig
    id: int
    saved_on: dt.date
    written_from: Callable[[int], GoalsConfig | None]


@dataclass(frozen=True)
class UploadDecision:
    """What to do with an upload: store ``goals`` (the uploaded file itself when ``as_uploaded``, else written anew)
    once every check passes, or nothing, with ``refusal`` saying why (a refusal that is no permission question:
    "goals.unchanged" is no refusal worth an audit row)."""

    goals: GoalsConfig | None = None
    as_uploaded: bool = False
    checks: tuple[PermissionCheck, ...] = ()
    refusal: Notice | None = None
    replaced: frozenset[str] = frozenset()  # the departments whose goals the upload replaces
    details: str = ""  # a refusal's audit details: what the upload would have changed
    counts: ChangeCounts | None = None  # what a stored upload adds, changes and removes: said when it is saved

    @property
    def unchanged(self) -> bool:
        return self.refusal is not None and self.refusal.key == UNCHANGED


UNCHANGED = "goals.unchanged"


@dataclass(frozen=True)
class ChangeCounts:
    """Key results an upload adds, changes (same id, another target, baseline, period...) and removes: the success
    message says them, so that a workbook that undoes someone's change (an old copy) does not do it silently."""

    added: int = 0
    changed: int = 0
    removed: int = 0


def change_counts(before: GoalsConfig | None, after: GoalsConfig, departments: frozenset[str]) -> ChangeCounts:
    totals = [0, 0, 0]
    for department in departments:
        details = json.loads(change_details(before, after, department))
        totals[0] += len(details["added"]["key_results"])
        totals[1] += sum(1 for item in details["changed"] if item["kind"] == "key_result")
        totals[2] += len(details["removed"]["key_results"])
    return ChangeCounts(*totals)


def decide_upload(upload: GoalsConfig, stored: StoredSet | None, uploader: Uploader, retired: frozenset[str] = frozenset()) -> UploadDecision:
    """What ``uploader``'s ``upload`` may change in the stored goal set.

    A whole workbook (it states no departments) from someone who may change every department replaces the set as
    uploaded. A department workbook (Resonanz states its departments in it), and any upload of a person limited to
    departments, replaces only those departments' goals: the stored set with them taken from the upload, written as a
    new workbook; every other department keeps its goals. ``retired`` are key-result ids that review comments name:
    a new key result never takes one.
    """
    origin = upload.origin or WorkbookOrigin()
    if stored is None:  # the first set (or a stored one that no longer passes) spans departments
        changes = goal_changes(None, upload)
        counts = change_counts(None, upload, changes.departments)
        return UploadDecision(upload, True, (_whole_set_check(None, upload, changes),), replaced=changes.departments, counts=counts)
    if origin.departments is None and uploader.departments is None:
        every = frozenset(DEPARTMENTS)
        if stale := _changed_since_download(origin, stored, every, whole=True):
            return UploadDecision(refusal=stale, details=_summary(stored.goals, upload, goal_changes(stored.goals, upload)))
        changes = goal_changes(stored.goals, upload)
        if not changes.departments and not changes.company_wide:  # e.g. the current goals downloaded and uploaded again
            return UploadDecision(refusal=Notice(UNCHANGED))
        checks = (_whole_set_check(stored.goals, upload, changes),) if uploader.admin else _department_checks(stored.goals, upload, changes)
        return UploadDecision(upload, True, checks, replaced=changes.departments, counts=change_counts(stored.goals, upload, changes.departments))
    allowed = uploader.departments if uploader.departments is not None else frozenset(DEPARTMENTS)
    if origin.departments is not None and not origin.departments <= allowed:
        # Another department's workbook: taking it would replace that department's goals (and empty the editor's own).
        notice = Notice("goals.workbook_of", {"workbook": ordered_departments(origin.departments), "yours": ordered_departments(allowed)})
        return UploadDecision(refusal=notice, replaced=origin.departments)
    # The departments the upload replaces: those its workbook states; for a hand-made or whole one, those of the
    # person's departments it holds goals of (one it leaves out keeps its goals).
    replaced = origin.departments if origin.departments is not None else departments_held(upload) & allowed
    merged, changes = merge_department_goals(stored.goals, upload, replaced, retired)
    if not changes.departments and not changes.company_wide:  # e.g. the same file uploaded again after it was saved
        return UploadDecision(refusal=Notice(UNCHANGED), replaced=replaced)
    details = _summary(stored.goals, upload, changes)
    if stale := _changed_since_download(origin, stored, replaced):
        return UploadDecision(refusal=stale, replaced=replaced, details=details)
    if origin.departments is not None and (outside := changes.departments - replaced):
        # e.g. a marketing row added to HR's workbook: taking it would replace marketing's goals by that one row
        notice = Notice("goals.outside_workbook", {"workbook": ordered_departments(replaced), "others": ordered_departments(outside)})
        return UploadDecision(refusal=notice, replaced=replaced, details=details)
    checks = _department_checks(stored.goals, merged, changes, upload, replaced)
    return UploadDecision(merged, False, checks, replaced=replaced, counts=change_counts(stored.goals, merged, replaced))


def _whole_set_check(before: GoalsConfig | None, after: GoalsConfig, changes: GoalChanges) -> PermissionCheck:
    hint = Notice("goals.shared_changed", {"parts": sorted(changes.shared)}) if changes.shared else None
    return PermissionCheck(None, _summary(before, after, changes), hint)


def _department_checks(
    before: GoalsConfig, after: GoalsConfig, changes: GoalChanges, upload: GoalsConfig | None = None, taken: frozenset[str] = frozenset()
) -> tuple[PermissionCheck, ...]:
    """An editor's changes: one check per changed department. The accounts sheet, tag rules and company-wide manual
    values span departments: a change there is the admins' (the whole set's check), naming what changed."""
    if changes.company_wide:
        return (_whole_set_check(before, after, changes),)
    # What would be stored (ids as renumbered) for a department the merge takes; what the upload holds for another.
    return tuple(
        PermissionCheck(department, change_details(before, upload if upload is not None and department not in taken else after, department))
        for department in sorted(changes.departments)
    )


def _summary(before: GoalsConfig | None, after: GoalsConfig, changes: GoalChanges) -> str:
    """The audit details of a set's change: the shared parts and departments it changes, and what per department."""
    details = {department: json.loads(change_details(before, after, department)) for department in sorted(changes.departments)}
    return json.dumps({"shared": sorted(changes.shared), "departments": details}, ensure_ascii=False)


def ordered_departments(departments: frozenset[str]) -> list[str]:
    """Departments in the catalog's order (unknown ones last), as messages list them."""
    return sorted(departments, key=lambda key: list(DEPARTMENTS).index(key) if key in DEPARTMENTS else len(DEPARTMENTS))


def _changed_since_download(origin: WorkbookOrigin, stored: StoredSet, replaced: frozenset[str], whole: bool = False) -> Notice | None:
    """Whether someone changed the goals of ``replaced`` (with ``whole``: also the accounts or tags) after the workbook
    was written: saving it would silently undo that. Changes to other departments in between are kept by the merge.
    A workbook that states no goal set (hand-made, or its document properties lost) cannot tell."""
    if origin.goal_set is None or origin.goal_set == stored.id:
        return None
    base = stored.written_from(origin.goal_set)
    since = goal_changes(base, stored.goals) if base is not None else None
    changed = set(replaced) if since is None else set(since.departments & replaced)
    if whole and since is not None and since.company_wide:
        changed.add(ANY_SHARED_PART)
    if not changed:
        return None
    departments = ordered_departments(frozenset(changed - {ANY_SHARED_PART})) + sorted(changed & {ANY_SHARED_PART})
    return Notice("goals.changed_since_download", {"departments": departments, "date": stored.saved_on.isoformat()})
