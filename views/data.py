"""Data: upload exports (files or ZIP), see the result per file, undo imports."""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from access.permissions import Action
from ingest.pipeline import read_batch
from metrics.dataset import Scope
from metrics.freshness import GIVEN_UP_DAYS, stale_threshold_days
from metrics.periods import period_between
from metrics.scoping import of_accounts
from metrics.views import account_freshness
from model.canonical import Platform
from model.issues import Level
from model.results import Status
from storage.imports import import_history, store_results, undo_import
from ui.data import workspace
from ui.filters import today
from ui.identity import audit_section, authorize, department_of_account, is_admin, record_unreadable, visible_departments
from ui.imports import history_table, issues_table, mapping_table, readable_issues, results_table
from ui.resources import engine
from ui.roles import roles_section
from ui.state import DATA_RESULTS, DATA_UPLOAD_GENERATION, language, t
from ui.widgets import freshness, plain, platform_labels, with_progress

st.title(t("data.title"))
st.caption(t("data.intro"))
UNDONE = "data_undone"  # the import just undone, said once after the rerun
MESSAGES_IN_FULL = 30  # each distinct message once; beyond this the table above holds them

space = workspace()
day = today()
# The accounts in use: those with data in the last GIVEN_UP_DAYS. One given up years ago made the whole page say
# "Daten bis 20.02.2015" and named it as late on every visit; the history tab lists every account with its last day.
in_use = period_between(day - dt.timedelta(days=GIVEN_UP_DAYS), day)
freshness(space.engine, Scope(), in_use, day, name_stale=True, upload_here=True)

admin_tabs = [t("roles.tab"), t("audit.tab")] if is_admin() else []  # others never see roles or the log
upload_tab, history_tab, mapping_tab, *admin = st.tabs([t("data.tab.upload"), t("data.tab.history"), t("data.mapping"), *admin_tabs])

with upload_tab:
    files = st.file_uploader(t("data.uploader"), accept_multiple_files=True, key=f"data_upload_{st.session_state[DATA_UPLOAD_GENERATION]}")
    with st.expander(t("data.options")):
        platform = st.selectbox(
            t("data.platform"),
            [None, Platform.FACEBOOK, Platform.INSTAGRAM],
            key=f"data_platform_{language()}",
            format_func=platform_labels(),
        )
        account = st.text_input(t("data.account"), key="data_account").strip() or None
    if st.button(t("data.import"), type="primary", disabled=not files, key="data_import"):
        progress = st.progress(0.0, text=t("data.reading", number=0, total=len(files)))
        started = time.monotonic()  # one clock for reading and storing
        items = [(f.name, f.getvalue()) for f in files]

        def reading(number: int, total: int, file: str) -> tuple[float, str]:
            return 0.5 * number / len(items), t("data.reading", number=number, total=len(items))

        results = with_progress(
            progress, lambda told: read_batch(items, reference_date=dt.date.today(), platform=platform, account=account, progress=told), reading, since=started
        )
        # Each readable file is checked against the department its account belongs to; a denied file is not stored.
        # One that could not be read has no account to check: it is shown with its problems and logged as failed.
        for unread in (r for r in results if r.status is not Status.PARSED):
            record_unreadable(Action.IMPORT, "file", unread.file, unread.issues)
        results = [
            r
            for r in results
            if r.status is not Status.PARSED or authorize(Action.IMPORT, department_of_account(r.platform, r.account), "file", r.file, r.account or "")
        ]

        def storing(number: int, total: int, file: str) -> tuple[float, str]:
            if not total:
                return 0.5, t("data.storing_start")
            return 0.5 + 0.5 * (number - 1) / total, t("data.storing", file=plain(file), number=number, total=total)

        database = engine()  # taken here: the work's thread has no Streamlit context for the cached resource
        st.session_state[DATA_RESULTS] = with_progress(progress, lambda told: store_results(database, results, progress=told), storing, since=started)
        st.session_state[DATA_UPLOAD_GENERATION] += 1
        # The page now reads the new data afresh (seconds after a large file): the bar says so instead of a clock
        # that seems to have stopped.
        progress.progress(1.0, text=t("data.refreshing"))
        st.rerun()

    results = st.session_state[DATA_RESULTS]
    if results:
        counts = {status: sum(1 for r in results if r.status is status) for status in Status}
        summary = t("data.done", **{str(s): n for s, n in counts.items()})
        (st.error if counts[Status.ERROR] else st.success)(summary)
        st.subheader(t("data.results"))
        st.dataframe(results_table(results, language()), hide_index=True, width="stretch")
        issues = issues_table(results, language())
        if not issues.empty:
            st.subheader(t("data.issues"))
            st.dataframe(issues, hide_index=True, width="stretch")
            messages = readable_issues(results, language())
            with st.expander(t("data.issues_in_full", count=len(messages)), expanded=any(m.level is not Level.INFO for m in messages)):
                for message in messages[:MESSAGES_IN_FULL]:
                    say = st.error if message.level is Level.ERROR else st.warning if message.level is Level.WARNING else st.info
                    say(f"**{plain(message.file)}**: {plain(message.message)}")
                if len(messages) > MESSAGES_IN_FULL:
                    st.caption(t("data.issues_more", count=len(messages) - MESSAGES_IN_FULL))

with history_tab:
    accounts = account_freshness(space.engine, day, language())
    if len(accounts):
        st.subheader(t("data.freshness"), help=t("data.freshness_help", days=stale_threshold_days()))
        columns = {
            "platform": t("col.platform"),
            "account": t("col.account"),
            "last_day": t("col.last_day"),
            "days_behind": t("col.days_behind"),
            "stale": t("col.stale"),
        }
        st.dataframe(accounts.rename(columns=columns), hide_index=True, width="stretch")
    history = import_history(engine())
    if visible_departments() is not None:  # a person limited to departments sees the imports of their accounts only
        history = history[of_accounts(history, space.engine.data.known_accounts()).to_numpy(dtype=bool)]
    if history.empty:
        st.info(t("data.no_history"))
    else:
        st.dataframe(history_table(history, language()), hide_index=True, width="stretch")
        active = history[history["status"] == "active"]
        if (undone := st.session_state.pop(UNDONE, None)) is not None:
            st.success(t("data.undone", id=undone))
        if not active.empty:
            # Cleared on submit: a tick left from the last undo made the next one read "confirm first".
            with st.form("data_undo_form", clear_on_submit=True):
                chosen = st.selectbox(
                    t("data.undo.pick"),
                    active["id"].tolist(),
                    key=f"data_undo_id_{active['id'].max()}",
                    format_func=lambda i: f"{i} · {active.set_index('id').loc[i, 'file_name']}",
                )
                confirmed = st.checkbox(t("data.undo.confirm"), key="data_undo_confirm")
                if st.form_submit_button(t("data.undo")):
                    row = active.set_index("id").loc[chosen]
                    department = department_of_account(row["platform"], row["account"])
                    if not confirmed:
                        st.warning(t("data.undo.unconfirmed"))
                    elif authorize(Action.UNDO_IMPORT, department, "import", str(chosen), str(row["file_name"])):
                        undo_import(engine(), int(chosen))
                        st.session_state[UNDONE] = int(chosen)
                        del st.session_state["data_undo_confirm"]  # unticked for the next one (clear_on_submit is the browser's)
                        st.rerun()  # the history and the choices without the undone import, the figures without its rows

with mapping_tab:
    st.caption(t("data.mapping_help"))
    st.dataframe(mapping_table(space.engine.data.known_accounts(), language()), hide_index=True, width="stretch")

if admin:
    with admin[0]:
        roles_section()
    with admin[1]:
        audit_section()
