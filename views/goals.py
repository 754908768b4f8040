"""Goals: objectives by department, each key result with progress, status and its path; workbook upload and download."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from access.permissions import Action, one_department
from charts.figures import goal_path
from charts.plan import add_events
from ingest.goals_reader import load_goals
from metrics import formatting
from metrics.catalog import CATALOG
from metrics.goal_upload import StoredSet, UploadDecision, Uploader, decide_upload, ordered_departments
from metrics.goals import DEPARTMENTS, GoalsConfig, GoalsError, WorkbookOrigin, scope_label
from metrics.goals_workbook import goals_template, goals_workbook
from metrics.progress import ACCUMULATING, progress_text, scope_of
from metrics.scoping import department_goals
from metrics.views import judged_as_of_text, key_result_path
from storage.goalsets import goal_set_by_id, save_goal_set
from storage.reviews import commented_key_results
from ui.data import goal_report, goals_for_checks, is_current_goals, visible_events, workspace
from ui.filters import sidebar
from ui.identity import authorize_all, is_admin, is_editor, reason_text, record_refusal, record_unreadable, visible_departments, would_allow
from ui.imports import issues_from
from ui.resources import engine
from ui.state import GOALS_SAVED, language, t
from ui.widgets import badge, department_names, freshness, label, number_row, plain, value


def _stored_set() -> StoredSet | None:
    """The stored goal set as the upload rules need it (None: none yet, or one that no longer passes)."""
    stored = goals_for_checks()
    if stored is None or space.goal_set is None:
        return None
    return StoredSet(stored, space.goal_set.id, space.goal_set.uploaded_at.date(), _goals_of_set)


def _goals_of_set(goal_set_id: int) -> GoalsConfig | None:
    found = goal_set_by_id(engine(), goal_set_id)
    try:
        return load_goals(found.file_name, found.content) if found is not None else None
    except GoalsError:
        return None


def _goals_to_store(config: GoalsConfig, file_name: str, content: bytes) -> tuple[UploadDecision, tuple[str, bytes]] | None:
    """The goals and the workbook to store for an upload, if this person may (the rules: metrics.goal_upload). Every
    refusal, denial and allowed check leaves its audit row; "nothing changed" leaves none."""
    uploader = Uploader(visible_departments(), is_admin())
    decision = decide_upload(config, _stored_set(), uploader, commented_key_results(engine()))
    if decision.unchanged:
        st.info(t("goals.unchanged"))
        return None
    if decision.refusal is not None:
        st.error(reason_text(decision.refusal.key, decision.refusal.params, language()))
        department = one_department(decision.replaced)
        record_refusal(Action.GOAL_SET, decision.refusal.key, decision.refusal.params, "goal_set", file_name, department, decision.details, "refused")
        return None
    checks = [(Action.GOAL_SET if c.department is None else Action.KEY_RESULT, c.department, c.details) for c in decision.checks]
    if not authorize_all(checks, "goal_set", file_name):
        for hint in (c.denied_hint for c in decision.checks if c.denied_hint and not would_allow(Action.GOAL_SET)):
            st.warning(reason_text(hint.key, hint.params, language()))
        return None
    assert decision.goals is not None  # an allowed decision always names what to store
    if decision.as_uploaded:
        return decision, (file_name, content)
    return decision, (f"{PurePath(space.goal_set.file_name).stem}.xlsx", goals_workbook(decision.goals, language()))


def _saved_message(decision: UploadDecision) -> str:
    """What was saved: a whole set's objectives and key results, or those of the departments an upload replaced (named,
    so that an editor sees whose goals were taken), and how many items it added, changed and removed."""
    assert decision.goals is not None and decision.counts is not None
    counts = decision.counts
    changed = {"added": counts.added, "changed": counts.changed, "removed": counts.removed}
    if decision.as_uploaded:
        return t("goals.saved", objectives=len(decision.goals.objectives), key_results=len(decision.goals.key_results), **changed)
    theirs = department_goals(decision.goals, decision.replaced)
    names = department_names(ordered_departments(decision.replaced))
    return t("goals.saved_departments", departments=names, objectives=len(theirs.objectives), key_results=len(theirs.key_results), **changed)


def _department_download(column: DeltaGenerator, departments: frozenset[str]) -> None:
    """A department's own goals workbook, written when the button is pressed; editors upload it back edited."""
    goals, lang = goals_for_checks(), language()
    if goals is None:
        return
    keys = ordered_departments(departments)
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
    st.success(saved)

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
            if to_store is not None and to_store[1][1] is not content:
                load_goals(*to_store[1])  # a merged workbook must read back before it replaces the stored one
        except GoalsError as exc:
            record_unreadable(Action.GOAL_SET, "goal_set", upload.name, exc.issues)
            st.error(t("goals.errors"))
            st.table(issues_from(exc.issues, language()), hide_index=True)  # a table wraps: every message is shown whole
        else:
            if to_store is not None:
                decision, workbook = to_store
                save_goal_set(engine(), *workbook)
                st.session_state[GOALS_SAVED] = _saved_message(decision)
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
    buttons[1].download_button(t("goals.template_de"), lambda: goals_template("de"), file_name="resonanz-ziele-vorlage.xlsx", key="goals_template_de")
    buttons[2].download_button(t("goals.template_en"), lambda: goals_template("en"), file_name="resonanz-goals-template.xlsx", key="goals_template_en")

if report is None or space.goals is None:
    st.info(t("cockpit.no_goals"))
    st.stop()

events = visible_events()
headers = [t(f"goals.{name}") for name in ("baseline", "actual", "expected", "forecast", "target")]
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
                if judged := judged_as_of_text(space.engine, result, scope_of(kr, objective), selection.today, language(), plain):
                    head.caption(judged)
                if result.score == result.score:
                    head.progress(float(result.score), text=progress_text(result, language()))
                else:
                    head.caption(progress_text(result, language()))
                # A Markdown table, not a data frame: 200 key results each with its own frame took half of a rerun.
                figures = (kr.baseline, result.actual, result.expected, result.forecast, kr.target)
                numbers.markdown(number_row(headers, [value(kr.kpi, figure) for figure in figures]))
                path = key_result_path(space.engine, result, selection.today) if show_paths else None
                if path is not None and path.notna().any():
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
