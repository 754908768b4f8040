"""Pure figure builders: a DataFrame in, a ``go.Figure`` out. No Streamlit, no computation of KPIs.

Inputs are tidy frames the pages get from the metrics engine; every builder labels its unit and
period and keeps six platforms readable (one colour each, at most a few series per chart).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACCENT, MUTED, STATUS_COLOURS, colour, date_axis, layout
from model.i18n import Language, platform_name, translate


def _text(key: str, language: str) -> str:
    return translate(key, Language(language))


def safe(text: object) -> str:
    """User text (a topic, a format) as a Plotly label: Plotly reads a few HTML tags (<b>, <br>, <a>) in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def trend(frame: pd.DataFrame, *, language: str, title: str, y_title: str, percent: bool = False) -> go.Figure:
    """Lines over time. ``frame``: columns date, series, value (one line per series, e.g. platform)."""
    figure = go.Figure()
    for position, (name, group) in enumerate(frame.groupby("series", sort=True)):
        group = group.sort_values("date")
        shown = platform_name(name, Language(language))
        figure.add_trace(go.Scatter(x=group["date"], y=group["value"], name=shown, mode="lines", line={"color": colour(str(name), position), "width": 2}))
    return date_axis(layout(figure, language=language, title=title, y_title=y_title, percent=percent), language)


def goal_path(
    days: pd.DatetimeIndex,
    actual: pd.Series,
    baseline: float,
    target: float,
    forecast: float,
    *,
    accumulating: bool,
    language: str,
    title: str,
    y_title: str,
    percent: bool = False,
) -> go.Figure:
    """The key result's way through its period: actual so far, the planned path, the forecast to the end.

    ``actual`` is indexed by day (cumulative for accumulating KPIs); ``days`` spans the whole period.
    """
    start_value = 0.0 if accumulating else baseline
    plan = np.linspace(start_value, target, len(days)) if len(days) else []
    figure = go.Figure()
    figure.add_trace(go.Scatter(x=days, y=plan, name=_text("chart.plan", language), mode="lines", line={"color": MUTED, "dash": "dash"}))
    known = actual.dropna()
    figure.add_trace(go.Scatter(x=known.index, y=known.to_numpy(), name=_text("chart.actual", language), mode="lines", line={"color": ACCENT, "width": 3}))
    if len(known) and forecast == forecast and known.index[-1] < days[-1]:
        figure.add_trace(
            go.Scatter(
                x=[known.index[-1], days[-1]],
                y=[known.iloc[-1], forecast],
                name=_text("chart.forecast", language),
                mode="lines+markers",
                line={"color": ACCENT, "dash": "dot"},
            )
        )
    figure.add_hline(y=target, line={"color": STATUS_COLOURS["achieved"], "width": 1}, annotation_text=_text("chart.target", language))
    return date_axis(layout(figure, language=language, title=title, y_title=y_title, percent=percent, height=300), language)


def bars(frame: pd.DataFrame, *, language: str, title: str, y_title: str, percent: bool = False, colour_by_platform: bool = False) -> go.Figure:
    """Horizontal bars, largest on top. ``frame``: columns category, value."""
    ordered = frame.dropna(subset=["value"]).sort_values("value")
    colours = [colour(str(c), i) if colour_by_platform else ACCENT for i, c in enumerate(ordered["category"])]
    names = [platform_name(c, Language(language)) if colour_by_platform else safe(c) for c in ordered["category"]]
    figure = go.Figure(go.Bar(x=ordered["value"], y=names, orientation="h", marker_color=colours))
    figure = layout(figure, language=language, title=title, height=max(220, 40 + 32 * len(ordered)), percent=False)
    figure.update_xaxes(title_text=y_title, tickformat=".1%" if percent else ",~s")
    figure.update_yaxes(tickformat=None, rangemode=None)
    return figure


def heatmap(frame: pd.DataFrame, *, language: str, title: str, value_title: str, zone: str = "UTC") -> go.Figure:
    """Weekday by hour in ``zone`` (named on the axis). ``frame``: index weekday 0..6 (Monday first), columns hour 0..23, values."""
    names = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] if language == "de" else ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    grid = frame.reindex(index=range(7), columns=range(24))
    figure = go.Figure(
        go.Heatmap(z=grid.to_numpy(), x=[f"{h:02d}" for h in range(24)], y=names, colorscale="Blues", colorbar={"title": value_title}, hoverongaps=False)
    )
    figure = layout(figure, language=language, title=title, height=320)
    figure.update_yaxes(autorange="reversed", rangemode=None, tickformat=None)
    figure.update_xaxes(title_text=translate("chart.hour_local", Language(language), zone=zone))
    return figure
