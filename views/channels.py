"""Channels: per platform and account, the trend of a KPI, follower development and engagement rate."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.figures import trend
from charts.plan import add_benchmark, add_events
from metrics.benchmark import own_benchmark, weekly_values
from metrics.catalog import CATALOG
from metrics.views import account_table, kpi_trend
from ui.data import visible_events, workspace
from ui.filters import sidebar
from ui.state import language, t
from ui.widgets import fact_sheet_popover, freshness, kpi_labels, label

MAIN_KPIS = ["impressions", "reach", "views", "engagements", "clicks", "profile_visits", "page_views", "watch_time_hours", "followers_gained"]

space = workspace()
selection = sidebar(space)
st.title(t("channels.title"))
st.caption(selection.period.label(language()))
freshness(space.engine, selection.scope, selection.period, selection.today, cut=False)

choice, info = st.columns([3, 1])
key = choice.selectbox(t("channels.kpi"), MAIN_KPIS, format_func=kpi_labels(), key=f"channels_kpi_{language()}")
with info:
    fact_sheet_popover(key)


def chart(kpi: str, title: str) -> None:
    frame = kpi_trend(space.engine, kpi, selection.scope, selection.period)
    if frame.empty:
        st.caption(f"{title}: {t('channels.no_data')}")
        return
    figure = trend(frame, language=language(), title=title, y_title=label(kpi), percent=CATALOG[kpi].unit.value == "percent")
    figure = add_events(figure, events, selection.period.start, selection.period.end, platforms=selection.scope.platforms)
    st.plotly_chart(figure, key=f"channels_{kpi}", config={"displayModeBar": False})
    if frame["from_posts"].any():
        st.caption(t("channels.from_posts"))


events = visible_events()
chart(key, f"{label(key)} · {selection.period.label(language())}")
weekly = weekly_values(space.engine, key, selection.scope, min(selection.period.end, selection.today))
weekly_frame = pd.DataFrame({"date": weekly.index, "series": label(key), "value": weekly.to_numpy()})
weekly_figure = trend(
    weekly_frame, language=language(), title=t("plan.benchmark_title", kpi=label(key)), y_title=label(key), percent=CATALOG[key].unit.value == "percent"
)
weekly_figure = add_benchmark(weekly_figure, own_benchmark(weekly), language=language(), percent=CATALOG[key].unit.value == "percent")
if len(weekly):  # events on this chart too: every time-series chart carries them
    weekly_end = min(selection.period.end, selection.today)
    weekly_figure = add_events(weekly_figure, events, pd.Timestamp(weekly.index[0]).date(), weekly_end, platforms=selection.scope.platforms)
st.plotly_chart(weekly_figure, key="channels_benchmark", config={"displayModeBar": False})
left, right = st.columns(2)
with left:
    chart("followers", t("channels.followers"))
with right:
    chart("engagement_rate", t("channels.engagement_rate"))

st.subheader(t("channels.accounts"))
table = account_table(space.engine, selection.scope, selection.period, selection.comparison, selection.today, language())
st.dataframe(table, hide_index=True, width="stretch")
