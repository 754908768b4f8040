"""Cockpit: KPI cards against the comparison and the target, objectives by department, biggest movers."""

from __future__ import annotations

import streamlit as st

from metrics import formatting
from metrics.catalog import CATALOG, Direction
from metrics.goals import DEPARTMENTS
from metrics.views import kpi_cards, top_movers
from model.i18n import platform_name
from ui.data import goal_report, workspace
from ui.filters import sidebar
from ui.firststart import DEMO_LOADED, is_demo
from ui.state import language, t
from ui.widgets import badge, label, value

space = workspace()
selection = sidebar(space)
report = goal_report(selection.today)

st.title(t("cockpit.title"))
st.caption(t("cockpit.period", period=selection.period.label(language()), comparison=selection.comparison_period.label(language())))
if st.session_state.pop(DEMO_LOADED, False):
    st.success(t("cockpit.demo_loaded"))
if is_demo(space):
    st.info(t("cockpit.demo"))

cards = kpi_cards(space.engine, selection.scope, selection.period, selection.comparison, selection.today, space.goals, report)
columns = st.columns(5)
for position, card in enumerate(cards.itertuples(index=False)):
    with columns[position % 5]:
        delta = formatting.change(card.change, language()) if card.change == card.change else None
        help_text = t("cockpit.target", target=value(card.kpi, card.target), expected=value(card.kpi, card.expected)) if card.target == card.target else None
        st.metric(
            label(card.kpi),
            value(card.kpi, card.value),
            delta=delta,
            delta_color="inverse" if CATALOG[card.kpi].direction is Direction.LOWER else "normal",
            help=help_text,
            border=True,
        )
        if card.status:
            st.markdown(badge(card.status))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("cockpit.objectives"))
    if report is None or space.goals is None:
        st.info(t("cockpit.no_goals"))
    else:
        for department, roll_up in report.departments.items():
            st.markdown(f"**{DEPARTMENTS[department].label(language())}** {badge(str(roll_up.status))}")
            for objective in (o for o in space.goals.objectives if o.department == department):
                objective_roll_up = report.objectives[objective.id]
                score = formatting.percent(objective_roll_up.score, language(), digits=0) if objective_roll_up.score == objective_roll_up.score else "–"
                st.markdown(f"- {objective.objective} {badge(str(objective_roll_up.status))} · {t('goals.progress')} {score}")
with right:
    st.subheader(t("cockpit.movers"))
    movers = top_movers(space.engine, selection.scope, selection.period, selection.comparison, selection.today)
    if movers.empty:
        st.caption(t("cockpit.no_movers"))
    for mover in movers.itertuples(index=False):
        arrow = "▲" if mover.change > 0 else "▼"
        tone = "green" if mover.good else "red"
        st.markdown(
            f"{arrow} :{tone}[{formatting.change(mover.change, language())}] **{label(mover.kpi)}** · {platform_name(mover.platform, language())} "
            f"({value(mover.kpi, mover.comparison)} → {value(mover.kpi, mover.value)})"
        )
