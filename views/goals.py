"""Goals: objectives by department, each key result with progress, status and its path; workbook upload and download."""

from __future__ import annotations

import json
from pathlib import PurePath

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from access.permissions import Action
from charts.figures import goal_path
from charts.plan import add_events
from ingest.goals_reader import load_goals
from metrics import formatting
from metrics.catalog import CATALOG
from metrics.goals import (
    DEPARTMENTS,
    GoalChanges,
    GoalsConfig,
    GoalsError,
    WorkbookOrigin,
    change_details,
    departments_held,
    goal_changes,
    merge_department_goals,
    scope_label,
)
from metrics.goals_workbook import goals_template, goals_workbook
from metrics.progress import ACCUMULATING, progress_text
from metrics.scoping import department_goals
from metrics.views import key_result_path
from storage.goalsets import goal_set_by_id, save_goal_set
from storage.reviews import commented_key_results
from ui.data import goal_report, goals_for_checks, is_current_goals, visible_events, workspace
from ui.filters import sidebar
from ui.identity import authorize, is_admin, is_editor, visible_departments, would_allow
from ui.imports import issues_from
from ui.resources import engine
from ui.state import GOALS_SAVED, language, t
from ui.widgets import badge, department_names, freshness, label, plain, value


def _may_apply(
    before: GoalsConfig | None, after: GoalsConfig, changes: GoalChanges, file_name: str, upload: GoalsConfig | None = None, taken: frozenset[str] = frozenset()
) -> bool:
    """An editor's changes: one audited check per changed department, asked first, so that a refused upload leaves
    only its denials in the audit log. The accounts sheet, tag rules and company-wide manual values span departments
    (as does the first set): those stay the admins' (Action.GOAL_SET), and a refusal names which of them changed."""
    if changes.company_wide:
        allowed = authorize(Action.GOAL_SET, None, "goal_set", file_name, ",".join(sorted(changes.shared)))
        if not allowed:
            st.warning(t("goals.shared_changed", parts=", ".join(t(f"goals.shared.{part}") for part in sorted(changes.shared))))
        return allowed
    if not changes.departments:
        st.info(t("goals.unchanged"))
        return False
    checks = sorted(changes.departments)
    refused = [department for department in checks if not would_allow(Action.KEY_RESULT, department)]
    for department in refused or checks:
        # What would be stored (ids as renumbered) for a department the merge takes; what the upload holds for another.
        attempted = upload if upload is not None and department not in taken else after
        authorize(Action.KEY_RESULT, department, "goal_set", file_name, change_details(before, attempted, department))
    return not refused


def _goals_to_store(config: GoalsConfig, file_name: str, content: bytes) -> tuple[str, bytes] | None:
    """The workbook to store for an upload, if this person may.

    A whole workbook (no departments stated) from someone who may change every department replaces the set as
    uploaded. A department workbook (Resonanz states its departments in it), and any upload of a person limited to
    departments, replaces only those departments' goals: the stored set with them taken from the upload, written
    as a new workbook; every other department keeps its goals. An admin's department workbook is taken the same way.
    """
    stored, departments = goals_for_checks(), visible_departments()
    origin = config.origin or WorkbookOrigin()
    if stored is None or space.goal_set is None:  # the first set (or a stored one that no longer passes) spans departments
        if is_admin():
            summary = _summary(None, config, goal_changes(None, config))
            return (file_name, content) if authorize(Action.GOAL_SET, None, "goal_set", file_name, summary) else None
        return (file_name, content) if _may_apply(None, config, goal_changes(None, config), file_name) else None
    if origin.departments is None and departments is None:
        if _changed_since_download(origin, stored, frozenset(DEPARTMENTS), whole=True):
            return None
        if is_admin():
            changes = goal_changes(stored, config)
            if not changes.departments and not changes.company_wide:  # e.g. the current goals downloaded and uploaded again
                st.info(t("goals.unchanged"))
                return None
            return (file_name, content) if authorize(Action.GOAL_SET, None, "goal_set", file_name, _summary(stored, config, changes)) else None
        return (file_name, content) if _may_apply(stored, config, goal_changes(stored, config), file_name) else None
    allowed = departments if departments is not None else frozenset(DEPARTMENTS)
    if origin.departments is not None and not origin.departments <= allowed:
        # Another department's workbook: taking it would replace that department's goals (and empty the editor's own).
        st.error(t("goals.workbook_of", workbook=department_names(_ordered(origin.departments)), yours=department_names(_ordered(allowed))))
        for department in _ordered(origin.departments - allowed):
            authorize(Action.KEY_RESULT, department, "goal_set", file_name, "workbook of another department")
        return None
    # The departments the upload replaces: those its workbook states; for a hand-made or whole one, those of the
    # person's departments it holds goals of (one it leaves out keeps its goals).
    replaced = origin.departments if origin.departments is not None else departments_held(config) & allowed
    merged, changes = merge_department_goals(stored, config, replaced, commented_key_results(engine()))
    if not changes.departments and not changes.company_wide:  # e.g. the same file uploaded again after it was saved
        st.info(t("goals.unchanged"))
        return None
    if _changed_since_download(origin, stored, replaced):
        return None
    if origin.departments is not None and (outside := changes.departments - replaced):
        # e.g. a marketing row added to HR's workbook: taking it would replace marketing's goals by that one row
        st.error(t("goals.outside_workbook", workbook=department_names(_ordered(replaced)), others=department_names(_ordered(frozenset(outside)))))
        return None
    if not _may_apply(stored, merged, changes, file_name, config, replaced):  # the details name what the upload changes, taken or refused
        return None
    return f"{PurePath(space.goal_set.file_name).stem}.xlsx", goals_workbook(merged, language())


def _summary(stored: GoalsConfig | None, config: GoalsConfig, changes: GoalChanges) -> str:
    """The audit details of a whole set replaced: the departments and shared parts it changes, what per department."""
    details = {department: json.loads(change_details(stored, config, department)) for department in sorted(changes.departments)}
    return json.dumps({"shared": sorted(changes.shared), "departments": details}, ensure_ascii=False)


def _ordered(departments: frozenset[str]) -> list[str]:
    return sorted(departments, key=lambda key: list(DEPARTMENTS).index(key) if key in DEPARTMENTS else len(DEPARTMENTS))


def _changed_since_download(origin: WorkbookOrigin, stored: GoalsConfig, replaced: frozenset[str], whole: bool = False) -> bool:
    """Whether someone changed the goals of ``replaced`` (with ``whole``: also the accounts or tags) after the workbook
    was written: saving it would silently undo that. Changes to other departments in between are kept by the merge.
    Says so, and what to do."""
    if origin.goal_set is None or space.goal_set is None or origin.goal_set == space.goal_set.id:
        return False
    base = goal_set_by_id(engine(), origin.goal_set)
    try:
        before = load_goals(base.file_name, base.content) if base is not None else None
    except GoalsError:
        before = None
    since = goal_changes(before, stored) if before is not None else None
    changed = set(replaced) if since is None else set(since.departments & replaced)
    if whole and since is not None and since.company_wide:
        changed |= {"*"}
    if changed:
        when = formatting.date(space.goal_set.uploaded_at.date(), language())
        names = department_names(_ordered(frozenset(changed - {"*"}))) or t("goals.shared_parts")
        st.error(t("goals.changed_since_download", departments=names, date=when))
    return bool(changed)


def _department_download(column: DeltaGenerator, departments: frozenset[str]) -> None:
    """A department's own goals workbook, written when the button is pressed; editors upload it back edited."""
    goals, lang = goals_for_checks(), language()
    if goals is None:
        return
    keys = _ordered(departments)
    name = f"{t('goals.download_mine_file')}-{'-'.join(keys)}.xlsx"
    origin = WorkbookOrigin(departments, space.goal_set.id if space.goal_set else None)  # what its upload may replace, and from when
    workbook = lambda: goals_workbook(department_goals(goals, departments), lang, origin)  # noqa: E731 - written when pressed
    column.download_button(t("goals.download_mine"), workbook, file_name=name, key="goals_download")
    column.caption(t("goals.download_mine_help" if is_editor() else "goals.download_mine_read", departments=department_names(keys)))


PATHS_SHOWN_UP_TO = 30  # key results in view whose path charts are drawn without asking

space = workspace()
selection = sidebar(space)
report = goal_report(selection.today)

st.title(t("goals.title"))
st.caption(t("goals.as_of", date=formatting.date(selection.today, language())))
freshness(space.engine, selection.scope, selection.period, selection.today)
if saved := st.session_state.get(GOALS_SAVED):
    st.session_state[GOALS_SAVED] = None
    st.success(t("goals.saved", objectives=saved[0], key_results=saved[1]))

with st.expander(t("goals.manage"), expanded=space.goals is None):
    upload = st.file_uploader(t("goals.upload"), type=["xlsx", "yaml", "yml"], key="goals_upload")
    # A rerun (a filter change, a click) still holds the uploaded file: only new content is read and saved.
    if upload is not None and not saved and is_current_goals(space, upload.getvalue()):
        st.info(t("goals.unchanged"))  # the stored file itself
    elif upload is not None and not saved:  # (a success above says it was just saved)
        content = upload.getvalue()
        try:
            config = load_goals(upload.name, content)
            to_store = _goals_to_store(config, upload.name, content)
            if to_store is not None and to_store[1] is not content:
                load_goals(*to_store)  # a merged workbook must read back before it replaces the stored one
        except GoalsError as exc:
            st.error(t("goals.errors"))
            st.table(issues_from(exc.issues, language()), hide_index=True)  # a table wraps: every message is shown whole
        else:
            if to_store is not None:
                save_goal_set(engine(), *to_store)
                st.session_state[GOALS_SAVED] = (len(config.objectives), len(config.key_results))
                st.rerun()  # the new data version loads the new goals: the page shows them at once
    if space.goal_issues and upload is None:  # the stored workbook no longer passes (e.g. after a stricter rule)
        st.error(t("goals.stored_invalid", file=space.goal_set.file_name if space.goal_set else ""))
        st.table(issues_from(list(space.goal_issues), language()), hide_index=True)
    buttons = st.columns(3)
    if space.goal_set is not None and (mine := visible_departments()) is not None:
        _department_download(buttons[0], mine)  # the stored workbook holds every department's goals
    elif space.goal_set is not None and space.goals is not None:
        # Written anew in this language, with the key results' ids and the goal set it comes from: its upload then
        # notices goals changed in between (the uploaded original stays in the history)
        whole, goal_set_id, lang = space.goals, space.goal_set.id, language()
        written = lambda: goals_workbook(whole, lang, WorkbookOrigin(None, goal_set_id))  # noqa: E731 - written when pressed
        name = f"{PurePath(space.goal_set.file_name).stem}.xlsx"
        buttons[0].download_button(t("goals.download"), written, file_name=name, key="goals_download")
    buttons[1].download_button(t("goals.template_de"), goals_template("de"), file_name="resonanz-ziele-vorlage.xlsx", key="goals_template_de")
    buttons[2].download_button(t("goals.template_en"), goals_template("en"), file_name="resonanz-goals-template.xlsx", key="goals_template_en")

if report is None or space.goals is None:
    st.info(t("cockpit.no_goals"))
    st.stop()

events = visible_events()
departments = [d for d in report.departments if not selection.scope.departments or d in selection.scope.departments]
# Each key result's path is a chart: beyond a few dozen the page is slow and too long to read, so they wait for a click.
shown_results = sum(1 for r in report.key_results if space.goals.objective(r.key_result.objective_id).department in departments)
show_paths = st.toggle(t("goals.show_paths"), value=shown_results <= PATHS_SHOWN_UP_TO, key="goals_show_paths")
if not show_paths:
    st.caption(t("goals.paths_hidden", count=shown_results, limit=PATHS_SHOWN_UP_TO))
for department in departments:
    st.header(f"{DEPARTMENTS[department].label(language())}")
    st.markdown(badge(str(report.departments[department].status)))
    for objective in (o for o in space.goals.objectives if o.department == department):
        roll_up = report.objectives[objective.id]
        st.subheader(f"{plain(objective.id)} · {plain(objective.objective)}")  # workbook text: shown as written, never as Markdown
        st.markdown(f"{badge(str(roll_up.status))} {plain(objective.description)}")
        for result in (r for r in report.key_results if r.key_result.objective_id == objective.id):
            kr = result.key_result
            with st.container(border=True):
                head, numbers = st.columns([2, 3])
                scope_text = plain(scope_label(kr, language()))
                aspiration = f" ({t('goals.aspirational')})" if kr.type.value == "aspirational" else ""
                provisional = f" ({t('kr.provisional_short')})" if result.provisional else ""
                head.markdown(f"**{label(kr.kpi)}**{aspiration}  \n{kr.period.label(language())} · {scope_text}  \n{badge(str(result.status))}{provisional}")
                if result.provisional and result.data_through:
                    head.caption(t("kr.provisional", date=formatting.date(result.data_through, language())))
                if result.score == result.score:
                    head.progress(float(result.score), text=progress_text(result, language()))
                else:
                    head.caption(progress_text(result, language()))
                table = pd.DataFrame(
                    {
                        t("goals.baseline"): [value(kr.kpi, kr.baseline)],
                        t("goals.actual"): [value(kr.kpi, result.actual)],
                        t("goals.expected"): [value(kr.kpi, result.expected)],
                        t("goals.forecast"): [value(kr.kpi, result.forecast)],
                        t("goals.target"): [value(kr.kpi, kr.target)],
                    }
                )
                numbers.dataframe(table, hide_index=True, width="stretch")
                path = key_result_path(space.engine, result, selection.today) if show_paths else pd.Series(dtype="float64")
                if len(path.dropna()):
                    days = pd.date_range(kr.period.start, kr.period.end)
                    accumulating = CATALOG[kr.kpi].aggregation in ACCUMULATING
                    baseline = kr.baseline if kr.baseline is not None else 0.0
                    figure = goal_path(
                        days,
                        path,
                        baseline,
                        kr.target,
                        result.forecast,
                        accumulating=accumulating,
                        language=language(),
                        title="",
                        y_title=label(kr.kpi),
                        percent=CATALOG[kr.kpi].unit.value == "percent",
                    )
                    figure = add_events(figure, events, kr.period.start, kr.period.end, platforms=frozenset({kr.platform} if kr.platform else ()))
                    numbers.plotly_chart(figure, key=f"goal_chart_{kr.id}", config={"displayModeBar": False})
