"""The roles admin tab of the Data page (issue 10): e-mail entries, IdP group entries and the default role.

Only admins see the tab; every change still passes the one check (ui.identity.authorize, Action.ROLES) and
lands in the audit log with the entry before and after.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from access.audit import audit_entry
from access.identity import EMAIL, Mode
from access.permissions import Action, Decision, Grant, Role, removes_last_admin, role_change_details
from metrics.goals import DEPARTMENTS
from model.i18n import translate
from storage.access import append_audit, load_grants, role_table, save_grant
from ui.data import goals_for_checks
from ui.identity import GRANT, IDENTITY, authorize, current_mode
from ui.resources import engine
from ui.state import language, t
from ui.widgets import department_labels

MESSAGE = "roles_message"  # session key: the success text of the change before the rerun that shows it in the table
DEFAULT_ROLES = [None, Role.VIEWER, Role.EDITOR]  # admin as the default would make every signed-in person an admin


# Widget labels capture the language when the widget is drawn: Streamlit (and AppTest) may call a format_func
# outside the run, where the session's language cannot be read.
def _role_labels() -> Callable[[Role | None], str]:
    lang = language()
    return lambda role: translate("roles.no_access", lang) if role is None else translate(f"role.{role}", lang)


def _kind_labels() -> Callable[[str], str]:
    lang = language()
    return lambda kind: translate(f"roles.kind.{kind}", lang)


def department_options(granted: pd.Series) -> list[str]:
    """The goal set's departments (objectives and accounts), plus any already granted; all known ones without goals."""
    goals = goals_for_checks()
    used = {o.department for o in goals.objectives} | set(goals.accounts["department"].dropna()) if goals is not None else set(DEPARTMENTS)
    already = {d for departments in granted.dropna() for d in departments}
    return sorted(used | already, key=lambda d: (list(DEPARTMENTS).index(d) if d in DEPARTMENTS else len(DEPARTMENTS), d))


def change_role(kind: str, subject: str, grant: Grant | None) -> bool:
    """Set (``grant`` None: remove) one entry through the one check; the audit row holds the entry before and after."""
    by_email, by_group, default = load_grants(engine())
    before = default if kind == "default" else {"email": by_email, "group": by_group}[kind].get(subject)
    details = role_change_details(before, grant)
    object_id = f"{kind}:{subject}" if subject else kind
    signed_in = current_mode() in (Mode.OIDC, Mode.PROXY)  # local mode: the one user is admin anyway
    if kind == "email" and signed_in and removes_last_admin(by_email, subject, grant):
        refused = Decision(False, "roles.last_admin", {"subject": subject})
        entry = audit_entry(st.session_state[IDENTITY], st.session_state[GRANT], Action.ROLES, refused, "role_assignment", object_id, None, details)
        append_audit(engine(), entry)
        st.error(t("roles.last_admin", subject=subject))
        return False
    if not authorize(Action.ROLES, None, "role_assignment", object_id, details):
        return False
    save_grant(engine(), kind, subject, grant, by=st.session_state[IDENTITY].actor)
    return True


def _entries_table(table: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.kind"): table["kind"].map(_kind_labels()),
            t("col.subject"): table["subject"],
            t("col.role"): table["role"].map(_role_labels()),
            t("col.departments"): table["departments"].map(
                lambda ds: t("roles.departments_all") if not isinstance(ds, list) else ", ".join(map(department_labels(), ds))
            ),
            t("col.updated_at"): table["updated_at"],
            t("col.updated_by"): table["updated_by"],
        }
    )


def _grant_of(role: Role, departments: list[str]) -> Grant:
    """An admin has every department; an empty choice means every department."""
    return Grant(role, None if role is Role.ADMIN or not departments else frozenset(departments))


def _set_form(options: list[str]) -> None:
    # clear_on_submit: the browser keeps a widget's value across reruns, so the next entry would inherit this
    # one's departments (a group saved next was limited to the editor's departments); the form starts empty.
    with st.form("roles_form", clear_on_submit=True):
        st.subheader(t("roles.set"))
        kind = st.selectbox(t("roles.kind"), ["email", "group"], format_func=_kind_labels(), key="roles_kind")
        subject = st.text_input(t("roles.subject"), key="roles_subject").strip()
        role = st.selectbox(t("roles.role"), list(Role), format_func=_role_labels(), key="roles_role")
        departments = st.multiselect(
            t("roles.departments"), options, format_func=department_labels(), key="roles_departments", placeholder=t("roles.departments_all")
        )
        if not st.form_submit_button(t("roles.save"), type="primary"):
            return
    subject = subject.lower() if kind == "email" else subject
    if kind == "email" and not EMAIL.match(subject):
        st.error(t("roles.bad_email", subject=subject))
    elif kind == "group" and not subject:
        st.error(t("roles.bad_group"))
    elif change_role(kind, subject, _grant_of(role, departments)):
        grant = _grant_of(role, departments)
        scope = t("roles.departments_all") if grant.departments is None else ", ".join(map(department_labels(), sorted(grant.departments)))
        st.session_state[MESSAGE] = t("roles.saved", subject=subject, role=_role_labels()(role), departments=scope)
        for key in ("roles_subject", "roles_role", "roles_departments"):  # the server's copy too (AppTest keeps only that one)
            st.session_state.pop(key, None)
        st.rerun()


def _remove_form(table: pd.DataFrame) -> None:
    entries = table[table["kind"] != "default"]
    if entries.empty:
        return
    keys = list(zip(entries["kind"], entries["subject"], strict=True))
    kinds = _kind_labels()
    chosen = st.selectbox(t("roles.remove_pick"), keys, format_func=lambda k: f"{kinds(k[0])}: {k[1]}", key="roles_remove_pick")
    if st.button(t("roles.remove"), key="roles_remove") and change_role(chosen[0], chosen[1], None):
        st.session_state[MESSAGE] = t("roles.removed", subject=chosen[1])
        st.rerun()


def _default_form(options: list[str], current: Grant | None) -> None:
    with st.form("roles_default_form"):
        st.subheader(t("roles.default"))
        index = DEFAULT_ROLES.index(current.role) if current is not None and current.role in DEFAULT_ROLES else 0
        role = st.selectbox(t("roles.role"), DEFAULT_ROLES, index=index, format_func=_role_labels(), help=t("roles.default_help"), key="roles_default_role")
        chosen = sorted(current.departments) if current is not None and current.departments else []
        departments = st.multiselect(
            t("roles.departments"),
            options,
            default=chosen,
            format_func=department_labels(),
            key="roles_default_departments",
            placeholder=t("roles.departments_all"),
        )
        if not st.form_submit_button(t("roles.save")):
            return
    grant = None if role is None else _grant_of(role, departments)
    if grant != current and change_role("default", "", grant):
        st.session_state[MESSAGE] = t("roles.default_saved", role=_role_labels()(role))
        st.rerun()


def roles_section() -> None:
    """The admin tab: who has which role, set or remove an entry, the default for unknown people."""
    st.caption(t("roles.intro"))
    if message := st.session_state.pop(MESSAGE, None):
        st.success(message)
    table = role_table(engine())
    st.subheader(t("roles.current"))
    if table.empty:
        st.info(t("roles.none_yet"))
    else:
        st.dataframe(_entries_table(table), hide_index=True, width="stretch")
    options = department_options(table["departments"])
    _set_form(options)
    _remove_form(table)
    _default_form(options, load_grants(engine())[2])
