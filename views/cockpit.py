"""Cockpit: KPI cards against the comparison and the target, key-result progress beside them,
objectives by department, biggest movers."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from charts.figures import key_result_bullets
from metrics import formatting
from metrics.catalog import CATALOG, Direction
from metrics.dataset import Scope
from metrics.freshness import GIVEN_UP_DAYS, stale_threshold_days
from metrics.goals import DEPARTMENTS, goals_for
from metrics.views import change_text, kpi_cards, top_movers
from metrics.views import key_result_bullets as bullet_rows
from model.i18n import platform_name
from ui.data import goal_report, workspace
from ui.filters import sidebar
from ui.firststart import DEMO_LOADED, is_demo
from ui.state import language, t
from ui.widgets import badge, freshness, label, marker, marker_notes, plain, value

space = workspace()
selection = sidebar(space)
report = goal_report(selection.today, selection.period)  # the key results of the shown period, not last year's
goals = goals_for(space.goals, selection.period) if space.goals is not None else None

st.title(t("cockpit.title"))
st.caption(t("cockpit.period", period=selection.period.label(language()), comparison=selection.comparison_period.label(language())))
demo = is_demo(space)
freshness(space.engine, selection.scope, selection.period, selection.today, name_stale=True, cut=True)
if st.session_state.pop(DEMO_LOADED, False):
    st.success(t("cockpit.demo_loaded"))
if demo:
    through = space.engine.data_through(Scope(), since=selection.today - dt.timedelta(days=GIVEN_UP_DAYS))
    st.info(t("cockpit.demo", through=formatting.date(through, language()) if through else "–", days=stale_threshold_days()))

cards = kpi_cards(space.engine, selection.scope, selection.period, selection.comparison, selection.today, goals, report)
bullets = bullet_rows(goals, report, language(), selection.scope.departments, space.engine, selection.today)
card_area, progress_area = st.columns([3, 2]) if len(bullets) else (st.container(), None)
with card_area:
    per_row = 3 if progress_area is not None else 5
    columns = st.columns(per_row)
    for position, card in enumerate(cards.itertuples(index=False)):
        with columns[position % per_row]:
            # A percentage only for a comparable change; "neu" / "nicht vergleichbar" otherwise (no arrow, no colour).
            comparable = card.change_status == "change"
            delta = change_text(card.change, card.change_status, language()) if comparable or card.change_status in ("new", "not_comparable") else None
            notes = marker_notes(card.non_additive, card.from_posts, card.carried)
            if card.change_status in ("new", "not_comparable"):
                notes.append(t("change.new_help" if card.change_status == "new" else "marker.not_comparable"))
            if card.target == card.target:
                notes.insert(0, t("cockpit.target", target=value(card.kpi, card.target), expected=value(card.kpi, card.expected)))
            st.metric(
                f"{label(card.kpi)} {marker(card.non_additive, card.from_posts, card.carried)}".strip(),
                value(card.kpi, card.value),
                delta=delta,
                delta_color="off" if not comparable else "inverse" if CATALOG[card.kpi].direction is Direction.LOWER else "normal",
                delta_arrow="auto" if comparable else "off",
                help="\n\n".join(notes) or None,
                border=True,
            )
            if card.status:
                st.markdown(badge(card.status))
    if cards["non_additive"].any() or cards["from_posts"].map(bool).any() or cards["carried"].map(bool).any():
        st.caption(t("marker.legend"))
if progress_area is not None:
    with progress_area:
        st.subheader(t("cockpit.progress"), help=t("cockpit.progress_help"))
        st.plotly_chart(key_result_bullets(bullets, language=language()), key="cockpit_progress", config={"displayModeBar": False})

left, right = st.columns([3, 2])
with left:
    st.subheader(t("cockpit.objectives"))
    if report is None or goals is None:
        st.info(t("cockpit.no_goals"))
    elif not goals.key_results:
        st.info(t("cockpit.no_goals_in_period", period=selection.period.label(language())))
    else:
        for department, roll_up in report.departments.items():
            st.markdown(f"**{DEPARTMENTS[department].label(language())}** {badge(str(roll_up.status))}")
            for objective in (o for o in goals.objectives if o.department == department):
                objective_roll_up = report.objectives[objective.id]
                score = formatting.percent(objective_roll_up.score, language(), digits=0) if objective_roll_up.score == objective_roll_up.score else "–"
                st.markdown(f"- {plain(objective.objective)} {badge(str(objective_roll_up.status))} · {t('goals.progress')} {score}")
with right:
    st.subheader(t("cockpit.movers"))
    movers = top_movers(space.engine, selection.scope, selection.period, selection.comparison, selection.today)
    if movers.empty:
        st.caption(t("cockpit.no_movers"))
    for mover in movers.itertuples(index=False):
        arrow = "▲" if mover.change > 0 else "▼"
        tone = "green" if mover.good else "red"
        mark = marker(mover.non_additive, mover.from_posts)
        st.markdown(
            f"{arrow} :{tone}[{change_text(mover.change, 'change', language())}] **{label(mover.kpi)}**{' ' + mark if mark else ''} · "
            f"{platform_name(mover.platform, language())} ({value(mover.kpi, mover.comparison)} → {value(mover.kpi, mover.value)})",
            help="\n\n".join(marker_notes(mover.non_additive, mover.from_posts)) or None,
        )
