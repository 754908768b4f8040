"""The one permission check (issue 10): every role x two departments x the writes."""

from __future__ import annotations

import pytest

from access.identity import LOCAL_ADMIN, Identity
from access.permissions import Action, Grant, Role, decide, may_see, resolve_grant

MARKETING, HR = "Marketing", "Personal"
ADMIN = Grant(Role.ADMIN)
EDITOR_MARKETING = Grant(Role.EDITOR, frozenset({MARKETING}))
VIEWER_ALL = Grant(Role.VIEWER)
VIEWER_HR = Grant(Role.VIEWER, frozenset({HR}))
WRITES = [Action.IMPORT, Action.UNDO_IMPORT, Action.KEY_RESULT, Action.REVIEW]


@pytest.mark.parametrize("action", WRITES)
def test_editor_writes_for_own_department_only(action: Action) -> None:
    assert decide(EDITOR_MARKETING, action, MARKETING).allowed
    denied = decide(EDITOR_MARKETING, action, HR)
    assert (denied.allowed, denied.reason) == (False, "access.denied_department")
    assert denied.params == {"action": action.value, "department": HR, "departments": MARKETING}


@pytest.mark.parametrize("action", [*WRITES, Action.GOAL_SET, Action.ROLES, Action.ACCOUNT_MAPPING])
@pytest.mark.parametrize("department", [MARKETING, HR])
def test_admin_may_everything_viewer_nothing(action: Action, department: str) -> None:
    assert decide(ADMIN, action, department).allowed
    denied = decide(VIEWER_ALL, action, department)
    assert (denied.allowed, denied.reason) == (False, "access.denied_viewer")


@pytest.mark.parametrize("action", [Action.GOAL_SET, Action.ROLES, Action.ACCOUNT_MAPPING, Action.SETTINGS])
def test_company_wide_writes_are_the_admins(action: Action) -> None:
    denied = decide(EDITOR_MARKETING, action, MARKETING)
    assert (denied.allowed, denied.reason) == (False, "access.denied_admin_only")


def test_no_role_no_access_and_unmapped_accounts_are_the_admins() -> None:
    assert decide(None, Action.IMPORT, MARKETING).reason == "access.denied_no_role"
    assert decide(None, Action.PACK_DOWNLOAD, None).allowed is False
    assert decide(EDITOR_MARKETING, Action.IMPORT, None).reason == "access.denied_no_department"


def test_pack_download_follows_what_a_viewer_may_see() -> None:
    assert decide(VIEWER_HR, Action.PACK_DOWNLOAD, HR).allowed
    assert not decide(VIEWER_HR, Action.PACK_DOWNLOAD, MARKETING).allowed
    assert may_see(VIEWER_HR, HR) and not may_see(VIEWER_HR, MARKETING) and may_see(VIEWER_ALL, MARKETING)


def test_grant_from_email_list_then_groups_then_default() -> None:
    ana = Identity("ana@example.com", "Ana", ("resonanz-marketing", "resonanz-hr-view"))
    by_group = {"resonanz-marketing": EDITOR_MARKETING, "resonanz-hr-view": VIEWER_HR, "resonanz-admin": ADMIN}
    assert resolve_grant(ana, {}, by_group) == EDITOR_MARKETING  # the higher role wins
    assert resolve_grant(ana, {"ana@example.com": VIEWER_ALL}, by_group) == VIEWER_ALL  # the e-mail list is explicit
    both = Identity("b@example.com", "B", ("m", "h"))
    assert resolve_grant(both, {}, {"m": EDITOR_MARKETING, "h": Grant(Role.EDITOR, frozenset({HR}))}) == Grant(Role.EDITOR, frozenset({MARKETING, HR}))
    stranger = Identity("x@example.com", "X")
    assert resolve_grant(stranger, {}, by_group) is None
    assert resolve_grant(stranger, {}, by_group, default=VIEWER_ALL) == VIEWER_ALL
    assert resolve_grant(LOCAL_ADMIN, {}, {}) == ADMIN  # local mode and the command line


def test_every_decision_reason_has_both_languages() -> None:
    from model.i18n import TEXTS, Language, translate

    reasons = {"access.allowed", "access.denied_no_role", "access.denied_viewer", "access.denied_admin_only"}
    reasons |= {"access.denied_department", "access.denied_no_department"}
    assert all(set(TEXTS[key]) == {Language.DE, Language.EN} for key in reasons)
    denied = decide(EDITOR_MARKETING, Action.IMPORT, HR)
    assert translate(denied.reason, Language.EN, **denied.params) == "Not allowed (import): department Personal is not one of yours (Marketing)."


def test_plan_writes_are_department_scoped_and_company_wide_ones_the_admins() -> None:
    from access.permissions import one_department

    assert decide(EDITOR_MARKETING, Action.PLAN, MARKETING).allowed
    assert decide(EDITOR_MARKETING, Action.PLAN, HR).reason == "access.denied_department"
    # No single department (the meeting's minutes, a plan file for several departments): the admin's, said so.
    assert decide(EDITOR_MARKETING, Action.REVIEW, None).reason == "access.denied_company_wide"
    assert decide(EDITOR_MARKETING, Action.PLAN, None).reason == "access.denied_company_wide"
    assert decide(EDITOR_MARKETING, Action.UNDO_IMPORT, None).reason == "access.denied_no_department"  # an unmapped account
    assert decide(ADMIN, Action.PLAN, None).allowed
    assert one_department(["pr", " pr", "pr"]) == "pr"
    assert one_department(["pr", "hr"]) is None
    assert one_department(["pr", None]) is None and one_department(["pr", float("nan")]) is None and one_department(["pr", ""]) is None
    assert one_department([]) is None


def test_the_last_admin_by_email_cannot_be_removed() -> None:
    from access.permissions import removes_last_admin

    one = {"a@example.com": ADMIN, "e@example.com": EDITOR_MARKETING}
    assert removes_last_admin(one, "a@example.com", None)
    assert removes_last_admin(one, "a@example.com", VIEWER_ALL)
    assert not removes_last_admin(one, "a@example.com", ADMIN)
    assert not removes_last_admin(one, "e@example.com", None)
    assert not removes_last_admin({**one, "b@example.com": ADMIN}, "a@example.com", None)
    assert not removes_last_admin({"e@example.com": EDITOR_MARKETING}, "e@example.com", None)  # no admin by e-mail to lose


def test_the_company_wide_reason_reads_in_both_languages() -> None:
    from model.i18n import Language, translate

    denied = decide(EDITOR_MARKETING, Action.REVIEW, None)
    assert translate(denied.reason, Language.EN, **denied.params) == (
        "Not allowed (review): this concerns no single department of yours (several departments or none) and is reserved for administrators."
    )
    assert translate("roles.last_admin", Language.DE, subject="a@example.com").startswith("Nicht gespeichert: a@example.com ist der letzte")
