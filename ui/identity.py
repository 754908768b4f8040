"""The one place the app reads who is using it (issue 10). app.py calls sign_in() before any data is loaded."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Mapping, Sequence
from typing import NoReturn

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from access.audit import audit_entry, details_text
from access.identity import LOCAL_ADMIN, TRUSTED_PROXIES_VARIABLE, Identity, InvalidProxyList, Mode, identity_from_claims, proxy_request_trusted, serving_mode
from access.permissions import LOCAL_GRANT, Action, Decision, Grant, Role, decide, department_of, resolve_grant
from metrics import formatting
from metrics.goal_upload import ANY_SHARED_PART
from metrics.goals import DEPARTMENTS
from model.i18n import TEXTS, Language, localised_param, translate
from model.issues import Issue, Level
from model.timezones import company_timezone
from storage.access import append_audit, load_grants, signed_in_since
from ui.resources import engine
from ui.state import date_widget_format, language, t
from ui.widgets import department_labels, plain

IDENTITY = "identity"  # session key: the Identity of this run, for the pages' permission checks
GRANT = "grant"  # session key: that person's Grant (role and departments), read fresh every run
DENIALS = "access_denials"  # denials of this run, shown again after a page's st.rerun() would have wiped them
SIGNED_IN_LOGGED = "signed_in_logged"  # session flag: the sign-in is in the audit log once per session
SIGN_IN_QUIET = dt.timedelta(hours=8)  # a working day: within it a person's further sessions add no sign-in row


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except StreamlitSecretNotFoundError:  # no secrets.toml at all: no sign-in configured
        return False


def _proxy_configured() -> bool:
    headers = st.get_option("server.trustedUserHeaders")
    if isinstance(headers, str):  # given as JSON on the command line or in an environment variable
        headers = json.loads(headers or "{}")
    return bool(headers)


def current_mode() -> Mode:
    return serving_mode(st.get_option("server.address"), _oidc_configured(), _proxy_configured())


def _stop(message_key: str) -> NoReturn:
    _stop_with(t(message_key))


def _stop_with(message: str) -> NoReturn:
    st.error(message)
    st.stop()
    raise AssertionError  # st.stop() raises; this line tells type checkers so


def _refuse_unless_through_proxy() -> None:
    peer = st.context.ip_address  # the TCP peer; None for this machine
    try:
        trusted = proxy_request_trusted(st.get_option("server.address"), peer, os.environ.get(TRUSTED_PROXIES_VARIABLE))
    except InvalidProxyList as exc:
        _stop_with(t("auth.proxy_list_invalid", entry=plain(exc.entry)))
    if not trusted:
        _stop("auth.proxy_untrusted")


def sign_in() -> Identity:
    """The signed-in person, or stop the run with what the visitor (or IT) has to do."""
    mode = current_mode()
    if mode is Mode.REFUSED:
        _stop("auth.refused")
    if mode is Mode.LOCAL:
        st.sidebar.info(t("auth.local_mode"), icon=":material/lock:")
        identity = LOCAL_ADMIN
    else:
        if mode is Mode.OIDC and not st.user.is_logged_in:
            st.title("Resonanz")
            st.button(t("auth.sign_in"), on_click=st.login, type="primary")
            st.stop()
        if mode is Mode.PROXY:
            _refuse_unless_through_proxy()
        found = identity_from_claims(st.user.to_dict())
        if found is None:
            _stop("auth.no_email" if mode is Mode.OIDC else "auth.no_header")
        identity = found
        with st.sidebar:
            # claims are text, not Markdown; without a name claim the name is the address: say it once
            email = plain(identity.actor)
            named = identity.name != identity.actor
            st.caption(t("auth.signed_in_as", name=plain(identity.name), email=email) if named else t("auth.signed_in", email=email))
            if mode is Mode.OIDC:
                st.button(t("auth.sign_out"), on_click=st.logout)
    grant = LOCAL_GRANT if mode is Mode.LOCAL else resolve_grant(identity, *load_grants(engine()))
    st.session_state[IDENTITY], st.session_state[GRANT] = identity, grant
    if not st.session_state.get(SIGNED_IN_LOGGED):
        decision = decide(grant, Action.SIGN_IN)
        # Every reload or opened link is a new session: one row per person and role within SIGN_IN_QUIET, not one per page
        # load (a new user saw nine rows in 45 s). Denied attempts are always written.
        role = grant.role.value if grant is not None else None
        since = dt.datetime.now(dt.UTC).replace(tzinfo=None) - SIGN_IN_QUIET
        if not decision.allowed or not signed_in_since(engine(), identity.actor, role, since):
            append_audit(engine(), audit_entry(identity, grant, Action.SIGN_IN, decision, "mode", mode.value))
        st.session_state[SIGNED_IN_LOGGED] = True
    if grant is None:
        _stop("access.denied_no_role")
    return identity


def authorize(action: Action, department: str | None = None, object_type: str = "", object_id: str = "", details: str = "") -> bool:
    """The one check before every write on the pages: decides, writes the audit row, and says why when denied."""
    identity: Identity = st.session_state[IDENTITY]
    grant: Grant | None = st.session_state[GRANT]
    decision: Decision = decide(grant, action, department)
    append_audit(engine(), audit_entry(identity, grant, action, decision, object_type, object_id, department, details))
    if not decision.allowed:
        message = decision_text(decision)
        st.error(message)
        st.session_state.setdefault(DENIALS, []).append(message)
    return decision.allowed


def would_allow(action: Action, department: str | None = None) -> bool:
    """The check's answer without writing it: a write that needs several checks asks first, so that a refused one
    leaves only its denials in the audit log, not "allowed" rows for parts that were never written."""
    return decide(st.session_state.get(GRANT), action, department).allowed


def authorize_all(checks: Sequence[tuple[Action, str | None, str]], object_type: str, object_id: str) -> bool:
    """Several checks for one write (action, department, details), asked first: a refused write leaves only its denials
    in the audit log, not "allowed" rows for parts that were never written; an allowed one leaves a row per check."""
    denied = [check for check in checks if not would_allow(check[0], check[1])]
    for action, department, details in denied or checks:
        authorize(action, department, object_type, object_id, details)
    return not denied


def record_refusal(
    action: Action, reason: str, params: Mapping[str, object], object_type: str, object_id: str, department: str | None, details: str, result: str
) -> None:
    """An audit row for an attempt stopped for another cause than a permission: ``result`` "refused" (it would have
    lost or mixed goals) or "failed" (the input could not be read). The page says why itself."""
    identity: Identity = st.session_state[IDENTITY]
    grant: Grant | None = st.session_state[GRANT]
    entry = audit_entry(identity, grant, action, Decision(False, reason, dict(params)), object_type, object_id, department, details, result)
    append_audit(engine(), entry)


def record_unreadable(action: Action, object_type: str, file_name: str, issues: Sequence[Issue]) -> None:
    """An upload that could not be read (or is of no kind Resonanz stores) is a failed write: its audit row's reason
    is its first error in the reader's language, its details the first problems as JSON."""
    first = next((issue for issue in issues if issue.level is Level.ERROR), issues[0] if issues else None)
    reason, params = (first.code, dict(first.params)) if first is not None and first.code else ("audit.unreadable", {})
    details = json.dumps([issue.to_dict() for issue in issues[:10]], ensure_ascii=False, default=str)
    record_refusal(action, reason, params, object_type, file_name, None, details, "failed")


def decision_text(decision: Decision) -> str:
    """A decision as a person reads it: the action and departments by their labels, never their stored keys."""
    return reason_text(decision.reason, decision.params, language())


DEPARTMENT_PARAMS = frozenset({"department", "departments", "workbook", "yours", "others"})


def reason_text(reason: str, params: Mapping[str, object], lang: Language) -> str:
    """Why something was denied or refused, in ``lang``: the one wording of the page's message and the audit log's
    reason column. Parameters are stored as keys (action, departments, shared parts) and ISO dates, and shown by
    their labels."""
    shown: dict[str, object] = dict(params)
    if "action" in shown:
        shown["action"] = translate(f"action.{shown['action']}", lang)
    for name in DEPARTMENT_PARAMS & shown.keys():
        keys = shown[name]
        keys = [k.strip() for k in keys.split(",")] if isinstance(keys, str) else list(keys)  # type: ignore[call-overload]
        shown[name] = ", ".join(
            translate("goals.shared_parts", lang) if k == ANY_SHARED_PART else DEPARTMENTS[k].label(lang) if k in DEPARTMENTS else str(k) for k in keys
        )
    if "parts" in shown:
        shown["parts"] = ", ".join(translate(f"goals.shared.{part}", lang) for part in shown["parts"])  # type: ignore[attr-defined]
    # Days, platform and metric keys as every message writes them (a day the file wrote otherwise stays as written).
    shown = {name: localised_param(name, value, lang) if isinstance(value, str) else value for name, value in shown.items()}
    return translate(reason, lang, **shown)


def show_denials() -> None:
    """At the top of a run: the denials a rerun cut off in the run before (app.py forgets them once a run ends)."""
    for message in st.session_state.pop(DENIALS, []):
        st.error(message)


def forget_denials() -> None:
    """At the end of a run that was not cut off: its denials have been seen."""
    st.session_state.pop(DENIALS, None)


def department_of_account(platform: str | None, account: str | None) -> str | None:
    """The department the stored goals map an account to (None: no goals, or an account no department claims)."""
    from ui.data import goals_for_checks  # not at import time: app.py signs in before any data is loaded

    goals = goals_for_checks()  # every department's mapping: a scoped editor's own view would hide the account's owner
    return None if goals is None else department_of(goals.accounts, platform, account)


def visible_departments() -> frozenset[str] | None:
    """The departments this session's person may read (None: all). No grant (no sign-in ran): nothing, fail closed."""
    grant: Grant | None = st.session_state.get(GRANT)
    return frozenset() if grant is None else grant.departments


def is_admin() -> bool:
    grant: Grant | None = st.session_state.get(GRANT)
    return grant is not None and grant.role is Role.ADMIN


def is_editor() -> bool:
    grant: Grant | None = st.session_state.get(GRANT)
    return grant is not None and grant.role is Role.EDITOR


def _action_labels() -> Callable[[Action | None], str]:
    # captured while the widget is drawn: a format_func may be called outside the run (see ui/roles.py)
    lang = language()
    return lambda action: translate("audit.all" if action is None else f"action.{action}", lang)


def _result_labels() -> Callable[[str | None], str]:
    lang = language()
    return lambda result: translate("audit.all" if result is None else f"audit.result.{result}", lang)


def _audit_display(log: pd.DataFrame) -> pd.DataFrame:
    """The audit log as people read it: headers, actions, roles, departments, results and reasons by their labels."""
    lang = language()
    headers = {"actor": "audit.actor", "action": "audit.action", "result": "audit.result"}
    # One text per distinct reason: a log has thousands of rows and a few dozen reasons.
    pairs = pd.Series(list(zip(log["reason"].fillna(""), log["reason_params"].fillna(""), strict=True)), index=log.index, dtype=object)
    texts = {pair: reason_text(pair[0], json.loads(pair[1]) if pair[1] else {}, lang) if pair[0] else "" for pair in set(pairs)}
    reasons = pairs.map(texts.__getitem__)
    details = {text: details_text(text, lang) for text in set(log["details"].fillna(""))}
    shown = log.drop(columns=["reason_params"]).assign(
        at=formatting.datetimes(log["at"], lang, seconds=True),
        details=log["details"].fillna("").map(details.__getitem__).astype("string"),
        action=log["action"].map(_action_labels()),
        object_type=log["object_type"].map(lambda kind: translate(f"audit.object.{kind}", lang) if f"audit.object.{kind}" in TEXTS else kind),
        role=log["role"].map(lambda r: translate(f"role.{r}", lang), na_action="ignore").astype("string").fillna(""),  # no "None" cells
        department=log["department"].map(department_labels(), na_action="ignore").astype("string").fillna(""),
        result=log["result"].map(_result_labels()),
        reason=reasons.astype("string"),
    )
    names = {c: translate(headers.get(c, f"audit.col.{c}"), lang) for c in shown.columns if c != "at"}
    return shown.rename(columns={**names, "at": translate("audit.col.at", lang, zone=company_timezone())})


def audit_section() -> None:
    """The audit log for admins on the Data page: filters, table, formula-safe CSV download."""
    from reports.excel_writer import safe_csv
    from storage.access import read_audit

    columns = st.columns(4)
    actor = columns[0].text_input(t("audit.actor"), key="audit_actor").strip().lower() or None
    # keyed by language: a choice's label is drawn once, so a kept widget showed "alle" after a switch to English
    lang = language()
    action = columns[1].selectbox(t("audit.action"), [None, *Action], key=f"audit_action_{lang}", format_func=_action_labels())
    results = [None, "allowed", "denied", "refused", "failed"]
    result = columns[2].selectbox(t("audit.result"), results, key=f"audit_result_{lang}", format_func=_result_labels())
    days = columns[3].date_input(t("audit.days"), value=(), key="audit_days", format=date_widget_format())
    since, until = (days[0], days[-1]) if isinstance(days, tuple) and days else (None, None)
    log = read_audit(engine(), actor=actor, action=action, result=result, since=since, until=until)
    st.dataframe(_audit_display(log), hide_index=True, width="stretch")  # labels on screen; the CSV keeps the stable keys
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    if st.download_button(t("audit.download"), safe_csv(log), file_name=f"resonanz-audit-{stamp}.csv", mime="text/csv", key="audit_download"):
        append_audit(
            engine(),
            audit_entry(
                st.session_state[IDENTITY],
                st.session_state[GRANT],
                Action.AUDIT_DOWNLOAD,
                decide(st.session_state[GRANT], Action.AUDIT_DOWNLOAD),
                "audit_log",
                "",
                None,
                f"{len(log)} rows",
            ),
        )
