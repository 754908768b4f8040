"""Channels: per platform and account, the trend of a KPI, follower development and engagement rate."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.figures import trend
from metrics.catalog import CATALOG
from metrics.views import kpi_trend
from model.i18n import platform_name
from ui.data import workspace
from ui.filters import sidebar
from ui.state import language, t
from ui.widgets import fact_sheet_popover, kpi_labels, label, value

MAIN_KPIS = ["impressions", "reach", "views", "engagements", "clicks", "profile_visits", "page_views", "watch_time_hours", "followers_gained"]

space = workspace()
selection = sidebar(space)
st.title(t("channels.title"))
st.caption(selection.period.label(language()))

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
    st.plotly_chart(figure, key=f"channels_{kpi}", config={"displayModeBar": False})
    if frame["from_posts"].any():
        st.caption(t("channels.from_posts"))


chart(key, f"{label(key)} · {selection.period.label(language())}")
left, right = st.columns(2)
with left:
    chart("followers", t("channels.followers"))
with right:
    chart("engagement_rate", t("channels.engagement_rate"))

st.subheader(t("channels.accounts"))
accounts = space.engine.accounts_in(selection.scope)
rows = []
for platform, account in accounts.itertuples(index=False):
    scope = selection.scope.__class__.of(platforms=platform, accounts=account)
    row = {t("col.platform"): platform_name(platform, language()), t("col.account"): account}
    for kpi in ("impressions", "engagements", "engagement_rate", "followers", "posts"):
        row[label(kpi)] = value(kpi, space.engine.value(kpi, scope, selection.period).value)
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
