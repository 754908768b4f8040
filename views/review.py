"""Management review: the meeting's commentary, decisions and actions, and the pack in three formats."""

from __future__ import annotations

import time
from dataclasses import replace

import pandas as pd
import streamlit as st

from access.permissions import Action
from metrics import formatting
from metrics.catalog import CATALOG
from metrics.dataset import Scope
from metrics.goals import KeyResult, goals_for
from metrics.periods import PeriodError, PeriodKind, parse_period, period_containing
from metrics.progress import Status
from metrics.scoping import visible_comments
from metrics.views import RANK_KPIS
from reports.pack import build_pack, review_of, summary_grid
from reports.pptx_writer import TemplateError
from reports.render import FORMATS, file_name, render
from storage.reviews import Review, mark_done, save_review
from ui.data import goal_report, workspace
from ui.filters import today
from ui.identity import authorize, visible_departments
from ui.resources import engine
from ui.reviews import ACTION_COLUMNS, actions_from_editor, authorized_review
from ui.state import date_widget_format, language, t
from ui.uploads import template_passes
from ui.widgets import freshness, kpi_labels, plain

space = workspace()
st.title(t("review.title"))
if space.goals is None:
    st.info(t("review.no_goals"))
    st.stop()

day = today()
quarter = period_containing(day, PeriodKind.QUARTER)
top = st.columns([1, 1, 2])
period_text = top[0].text_input(t("review.period"), value=f"{quarter.start.year}-Q{(quarter.start.month - 1) // 3 + 1}", help=t("review.period_help"))
try:
    period = parse_period(period_text)
except PeriodError:
    st.error(t("review.period_invalid", value=plain(period_text)))  # the user's text, shown as written
    st.stop()
as_of = min(day, period.end)
top[1].markdown(f"### {t('report.subtitle', period=period.label(language().value), date=formatting.date(as_of, language()))}")
with top[1]:
    freshness(space.engine, Scope(), period, as_of)  # the pack covers every account
saved, carried = review_of(engine(), period)
if saved is not None:
    top[2].info(t("review.existing", date=formatting.date(saved.held_on, language())))

report = goal_report(as_of)
statuses = {r.key_result.id: r.status for r in report.key_results} if report else {}


def _kr_label(kr: KeyResult) -> str:
    status = statuses.get(kr.id, Status.NO_DATA)
    return f"{kr.id} {CATALOG[kr.kpi].label(language().value)} · {t(f'status.{status}')}"


shown_key_results = {kr.id: kr for kr in goals_for(space.goals, period).key_results}  # of the departments this person sees
key_results = [(kr.id, _kr_label(kr)) for kr in shown_key_results.values()]


with st.form("review_form"):
    st.subheader(t("review.meeting"))
    held_on = st.date_input(t("review.held_on"), value=saved.held_on if saved else day, format=date_widget_format())
    summary = st.text_area(t("review.summary"), value=saved.summary if saved else "", height=80)
    with st.expander(t("review.comments"), expanded=True):
        comments = {key: st.text_input(label, value=saved.comments.get(key, "") if saved else "", key=f"comment_{key}") for key, label in key_results}
    decisions = st.text_area(t("review.decisions"), value="\n".join(saved.decisions) if saved else "", height=100)
    previous = pd.DataFrame([{c: getattr(a, c) for c in ACTION_COLUMNS} for a in saved.actions] if saved else [], columns=ACTION_COLUMNS)
    actions = st.data_editor(
        previous.astype({"text": "string", "owner": "string", "due": "datetime64[s]", "done": "bool"}),
        num_rows="dynamic",
        width="stretch",
        key="review_actions",
        column_config={
            "text": st.column_config.TextColumn(t("col.action"), required=True, width="large"),
            "owner": st.column_config.TextColumn(t("col.owner")),
            "due": st.column_config.DateColumn(t("col.due"), format=date_widget_format()),
            "done": st.column_config.CheckboxColumn(t("col.done"), default=False),
        },
    )
    if st.form_submit_button(t("review.save"), type="primary"):
        review = Review(
            held_on=held_on,
            period=period_text,
            summary=summary.strip(),
            comments={k: c.strip() for k, c in comments.items() if c.strip()},
            decisions=tuple(line.strip() for line in decisions.splitlines() if line.strip()),
            actions=actions_from_editor(actions),
        )
        departments = {kr_id: space.goals.objective(kr.objective_id).department for kr_id, kr in shown_key_results.items()}
        allowed, refused = authorized_review(review, saved, departments)
        if allowed is not None:
            st.success(t("review.saved", id=save_review(engine(), allowed)))
            saved, carried = review_of(engine(), period)
        if refused and allowed is not None:
            st.warning(t("review.partly_saved"))
        elif allowed is None and not refused:
            st.info(t("review.nothing_changed"))

st.subheader(t("review.open"))
pending = carried
if not pending:
    st.caption(t("review.no_open"))
else:
    table = pd.DataFrame([{"id": a.id, "text": a.text, "owner": a.owner, "due": a.due, "done": a.done} for a in pending])
    edited = st.data_editor(
        table,
        hide_index=True,
        disabled=["id", "text", "owner", "due"],
        width="stretch",
        key="open_actions",
        column_config={
            "id": None,
            "text": t("col.action"),
            "owner": t("col.owner"),
            "due": st.column_config.DateColumn(t("col.due"), format=date_widget_format()),
            "done": st.column_config.CheckboxColumn(t("col.done")),
        },
    )
    finished = edited.loc[edited["done"], "id"].tolist()
    # Actions belong to the meeting, not to one department: marking them done is the admin's.
    if finished and st.button(t("review.mark_done"), key="review_mark_done") and authorize(Action.REVIEW, None, "review_action", ",".join(map(str, finished))):
        for action_id in finished:
            mark_done(engine(), int(action_id))
        st.success(t("review.done_saved", count=len(finished)))
        st.rerun()

st.subheader(t("review.pack"))
st.caption(t("review.pack_help"))
template = st.file_uploader(t("review.template"), type=["pptx", "potx"], key="review_template")
rank_by = st.radio(t("report.rank_by"), list(RANK_KPIS), format_func=kpi_labels(), horizontal=True, key="review_rank_by")  # as on the Content page
scope = visible_departments()
given_out = f"{language().value}; {'all' if scope is None else ','.join(sorted(scope))}"  # the audit row says whose figures left
building = st.button(t("review.build"), type="primary", key="review_build")
# The template is opened in the isolated parser first; the pack is checked and logged when it is made: from then on
# its files sit behind the download buttons.
if building and template_passes(template) and authorize(Action.PACK_DOWNLOAD, None, "pack", period_text, given_out):
    started = time.perf_counter()
    progress = st.progress(0.0)
    shown_review = replace(saved, comments=visible_comments(saved.comments, space.goals)) if saved else None
    pack = build_pack(space.engine, space.goals, period, as_of, language(), shown_review, carried, rank_by=rank_by)
    files: dict[str, bytes] = {}
    for step, kind in enumerate(FORMATS, start=1):
        progress.progress(step / (len(FORMATS) + 1), text=t("review.building", format=kind.upper()))
        try:
            files[kind] = render(pack, kind, template.getvalue() if template is not None else None)
        except TemplateError as exc:
            st.error(t("review.template_error", error=plain(str(exc))))
    progress.progress(1.0)
    st.session_state["review_files"] = {"period": period_text, "language": language().value, "files": files, "names": {k: file_name(pack, k) for k in files}}
    st.session_state["review_preview"] = summary_grid(pack)
    st.success(t("review.built", period=pack.period_label, seconds=formatting.number(time.perf_counter() - started, language(), digits=1)))

built = st.session_state.get("review_files")
if built and built["period"] == period_text and built["language"] == language().value:
    buttons = st.columns(len(built["files"]))
    for column, (kind, content) in zip(buttons, built["files"].items(), strict=True):
        column.download_button(
            f"{kind.upper()} ⬇", content, file_name=built["names"][kind], mime=FORMATS[kind].mime, key=f"review_download_{kind}", width="stretch"
        )
    grid = st.session_state["review_preview"]
    st.markdown(f"**{t('review.preview')}: {t('report.summary')}**")
    st.dataframe(pd.DataFrame(grid.rows, columns=grid.header), hide_index=True, width="stretch")
