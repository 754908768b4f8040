"""Figures for the editorial plan and the overlays every time-series chart can carry: events and the
own benchmark line. Pure: frames in, ``go.Figure`` out (the input figure is never changed)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from charts.figures import safe
from charts.theme import ACCENT, MUTED, layout, rebuilt
from metrics import formatting
from metrics.benchmark import MINIMUM_WEEKS, Benchmark
from model.i18n import Language, platform_name, translate


def _text(key: str, language: str, **values: object) -> str:
    return translate(key, Language(language), **values)


def week_grid(grid: pd.DataFrame, *, language: str, title: str) -> go.Figure:
    """Planned against published per channel and ISO week.

    ``grid``: columns platform, week, planned, matched, unplanned (``metrics.plan.plan_kpis_by`` per
    channel and week). Colour: fulfilment; text: "matched/planned" and "+n" unplanned posts.
    """
    weeks = sorted(grid["week"].unique())
    channels = sorted(grid["platform"].unique())
    table = grid.set_index(["platform", "week"])
    z, text = [], []
    for channel in channels:
        row_z, row_text = [], []
        for week in weeks:
            if (channel, week) not in table.index:
                row_z.append(None)
                row_text.append("")
                continue
            cell = table.loc[(channel, week)]
            planned, matched, unplanned = cell["planned"], cell["matched"], cell["unplanned"]
            row_z.append(matched / planned if planned else None)
            extra = f" +{int(unplanned)}" if unplanned == unplanned and unplanned else ""
            row_text.append((f"{int(matched)}/{int(planned)}" if planned else "–") + extra)
        z.append(row_z)
        text.append(row_text)
    names = [platform_name(c, Language(language)) for c in channels]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[formatting.iso_week(w, Language(language)) for w in weeks],
            y=names,
            text=text,
            texttemplate="%{text}",
            zmin=0,
            zmax=1,
            colorscale=[[0, "#D32F2F"], [0.5, "#F0A500"], [1, "#1B7F3B"]],
            colorbar={"title": _text("plan.fulfilment", language), "tickformat": ".0%"},
            hoverongaps=False,
        )
    )
    figure = layout(figure, language=language, title=title, height=140 + 45 * len(channels))
    figure.update_yaxes(autorange="reversed", rangemode=None, tickformat=None)
    figure.update_xaxes(type="category")
    return figure


LABEL_ROWS, LABEL_ROW_HEIGHT, LABEL_CHARACTERS = 3, 0.08, 22


def _short(title: str) -> str:
    return title if len(title) <= LABEL_CHARACTERS else title[: LABEL_CHARACTERS - 1].rstrip() + "…"


def add_events(figure: go.Figure, events: pd.DataFrame, start: dt.date, end: dt.date, *, platforms: frozenset[str] = frozenset()) -> go.Figure:
    """A copy of ``figure`` with the events that touch ``start``..``end``: a line for a day, a band for a range,
    clipped to the window. ``events``: date_from, date_to, title, channels (comma-separated; blank: all), colour.
    With ``platforms``, events for other channels only are left out.

    Built in one go (charts.theme.rebuilt): plotly's add_vline, add_vrect and add_annotation per event on a copy of
    each key result's chart took half of the Goals page's rerun.
    """
    shown = visible_events(events, start, end, platforms)
    if shown.empty:
        return figure
    shapes: list[dict[str, object]] = []
    labels: list[dict[str, object]] = []
    for row, event in enumerate(shown.itertuples(index=False)):
        first, last = max(event.date_from, start), min(event.date_to, end)
        span = {"xref": "x", "yref": "paper", "y0": 0, "y1": 1}
        if first == last:
            day = pd.Timestamp(first).value / 1e6
            shapes.append(span | {"type": "line", "x0": day, "x1": day, "line": {"color": event.colour, "dash": "dot", "width": 2}})
        else:
            band = {"x0": pd.Timestamp(first), "x1": pd.Timestamp(last) + pd.Timedelta(days=1), "fillcolor": event.colour, "opacity": 0.12}
            shapes.append(span | {"type": "rect", "line": {"width": 0}} | band)
        # Inside the plot, three rows deep, short with the full title on hover: events close together, the legend
        # and the title above the plot no longer print over each other, even on a half-width chart.
        labels.append(
            {
                "x": pd.Timestamp(first), "y": 1 - LABEL_ROW_HEIGHT * (row % LABEL_ROWS), "xref": "x", "yref": "paper",
                "text": safe(_short(event.title)), "hovertext": safe(event.title), "showarrow": False, "xanchor": "left", "yanchor": "top",
                "font": {"size": 11, "color": event.colour}, "bgcolor": "rgba(255,255,255,0.8)",
            }
        )  # fmt: skip
    current = figure.layout.to_plotly_json()
    return rebuilt(figure, shapes=[*current.get("shapes", []), *shapes], annotations=[*current.get("annotations", []), *labels])


def visible_events(events: pd.DataFrame, start: dt.date, end: dt.date, platforms: frozenset[str] = frozenset()) -> pd.DataFrame:
    """The events overlapping ``start``..``end`` (and the platforms, where given), with dates as ``date``."""
    if events.empty:
        return events.assign(date_from=pd.Series(dtype=object), date_to=pd.Series(dtype=object))
    frame = events.assign(date_from=pd.to_datetime(events["date_from"]).dt.date, date_to=pd.to_datetime(events["date_to"]).dt.date)
    overlapping = (frame["date_from"] <= end) & (frame["date_to"] >= start)
    if platforms:
        channels = frame["channels"].fillna("").str.split(",")
        overlapping &= channels.map(lambda names: not any(names) or bool(set(names) & platforms)).astype(bool)
    return frame[overlapping.to_numpy()].reset_index(drop=True)


def add_benchmark(figure: go.Figure, benchmark: Benchmark, *, language: str, percent: bool = False) -> go.Figure:
    """A copy of ``figure`` with the own benchmark (median of the previous weeks) as a horizontal line and the
    latest week's deviation, or, with too little history, a note saying why there is no line."""
    out = go.Figure(figure)
    if benchmark.median is None:
        note = _text("plan.benchmark_missing", language, weeks=benchmark.weeks, minimum=MINIMUM_WEEKS)
        out.add_annotation(
            x=0, y=1, xref="paper", yref="paper", text=note, showarrow=False, xanchor="left", yanchor="bottom", font={"size": 11, "color": MUTED}
        )
        return out
    deviation = benchmark.deviation
    shown = formatting.change(deviation, Language(language))
    label = _text("plan.benchmark", language, weeks=benchmark.weeks, deviation=shown)
    out.add_hline(y=benchmark.median, line={"color": ACCENT, "dash": "dash", "width": 1}, annotation_text=label, annotation_position="top left")
    return out
