"""Pure figure builders: a DataFrame in, a ``go.Figure`` out. No Streamlit, no computation of KPIs.

Inputs are tidy frames the pages get from the metrics engine; every builder labels its unit and
period and keeps six platforms readable (one colour each, at most a few series per chart).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts.theme import ACCENT, MUTED, STATUS_COLOURS, colour, layout
from metrics import formatting
from model.i18n import Language, platform_name, translate


def _text(key: str, language: str) -> str:
    return translate(key, Language(language))


def safe(text: object) -> str:
    """User text (a topic, a format) as a Plotly label: Plotly reads a few HTML tags (<b>, <br>, <a>) in labels."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def trend(frame: pd.DataFrame, *, language: str, title: str, y_title: str, percent: bool = False) -> go.Figure:
    """Lines over time. ``frame``: columns date, series, value (one line per series, e.g. platform) and
    optionally from_posts: such a series (figures of posts by publish day) is dotted and marked ◆."""
    figure = go.Figure()
    for position, (name, group) in enumerate(frame.groupby("series", sort=True)):
        group = group.sort_values("date")
        from_posts = bool(group["from_posts"].any()) if "from_posts" in group else False
        shown = platform_name(name, Language(language)) + (" ◆" if from_posts else "")
        # Post figures are lifetime figures on publish days: points, not a line through the days between.
        line = {"color": colour(str(name), position), "width": 2}
        marker = {"symbol": "diamond", "size": 9, "color": colour(str(name), position)}
        figure.add_trace(go.Scatter(x=group["date"], y=group["value"], name=shown, mode="markers" if from_posts else "lines", line=line, marker=marker))
    return layout(figure, language=language, title=title, y_title=y_title, percent=percent, dates=True)


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
    # The target line as plain layout (add_hline validates a shape and an annotation: a third of this chart's time).
    line = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": target, "y1": target}
    label = {"xref": "x domain", "x": 1, "yref": "y", "y": target, "text": _text("chart.target", language), "showarrow": False}
    shapes = [line | {"line": {"color": STATUS_COLOURS["achieved"], "width": 1}}]
    annotations = [label | {"xanchor": "right", "yanchor": "bottom"}]
    return layout(figure, language=language, title=title, y_title=y_title, percent=percent, height=300, dates=True, shapes=shapes, annotations=annotations)


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


BULLET_CAP = 1.5  # a bar beyond 150 % of its target is drawn to 150 % (its text says the real share)


def key_result_bullets(frame: pd.DataFrame, *, language: str, title: str = "") -> go.Figure:
    """Progress of every key result as a bullet: grey band to the target (100 %), a bar in the status
    colour for the actual, a dark tick for the value expected by now. Each key result's name stands
    above its bar and a bold line per department above its key results (names inside the plot, so a
    narrow column keeps its width for the bars). ``frame``: ``metrics.views.key_result_bullets``
    (department_label, key_result, label, scope, share, expected_share, status, the *_text columns and
    optionally non_additive/from_posts, drawn as the Cockpit's Σ/◆ marks after the name).
    The y axis counts rows from the top: a department line takes one row, a key result two (name, bar)."""
    lang = Language(language)
    everyone = translate("filters.all", lang)
    positions: list[float] = []
    names: list[tuple[float, str, bool]] = []  # (y, text, is a department line)
    row = 0.0
    for department, group in frame.groupby("department_label", sort=False):
        names.append((row, f"<b>{safe(department)}</b>", True))
        row += 1.0
        for item in group.itertuples(index=False):
            marks = ("Σ" if getattr(item, "non_additive", False) else "") + ("◆" if getattr(item, "from_posts", ()) else "")
            name = f"{item.key_result} {item.label}" + (f" {marks}" if marks else "") + (f" · {item.scope}" if item.scope != everyone else "")
            name = name if len(name) <= 46 else name[:45] + "…"
            if getattr(item, "provisional", False):  # ended, but judged on data that stops before the end
                name += f" ({translate('kr.provisional_short', lang)})"
            names.append((row, safe(name), False))
            positions.append(row + 0.95)
            row += 2.0
    shares = frame["share"].to_numpy(dtype=float)
    drawn = np.clip(np.nan_to_num(shares, nan=0.0), 0.0, BULLET_CAP)
    texts = [  # a share, else (no scale: a target of 0) actual / target, else "no data"
        formatting.percent(s, lang, digits=0) if s == s else translate("chart.no_data", lang) if a != a else f"{shown} / {target}"
        for s, a, shown, target in zip(shares, frame["actual"].to_numpy(dtype=float), frame["actual_text"], frame["target_text"], strict=True)
    ]
    if "progress_kind" in frame.columns:  # a budget reads as budget used ("Budget verbraucht 15 %"), never as progress
        texts = [text if kind != "budget" else progress for text, kind, progress in zip(texts, frame["progress_kind"], frame["progress_text"], strict=True)]
    hover = [
        f"<b>{safe(r.key_result)} {safe(r.label)}</b><br>{safe(r.objective)}<br>{safe(r.scope)} · {safe(r.period)}<br>"
        f"{_text('chart.actual', language)}: {r.actual_text}<br>{_text('chart.expected_now', language)}: {r.expected_text}<br>"
        f"{_text('chart.target', language)}: {r.target_text}<br>{_text('status.' + r.status, language)}"
        + (f"<br>{safe(r.progress_text)}" if getattr(r, "progress_text", "") else "")  # budget used, or why no share
        for r in frame.itertuples(index=False)
    ]
    figure = go.Figure()
    figure.add_trace(go.Bar(y=positions, x=[1.0] * len(positions), orientation="h", marker_color="#E5E8EC", width=0.9, hoverinfo="skip", showlegend=False))
    figure.add_trace(
        go.Bar(
            y=positions, x=drawn, orientation="h", width=0.5, name=_text("chart.actual", language),
            marker_color=[STATUS_COLOURS.get(s, STATUS_COLOURS["no_data"]) for s in frame["status"]],
            hovertext=hover, hoverinfo="text", showlegend=False,
        )
    )  # fmt: skip
    expected = frame["expected_share"].to_numpy(dtype=float)
    shown = ~np.isnan(expected)
    figure.add_trace(
        go.Scatter(
            y=[v for v, keep in zip(positions, shown, strict=True) if keep], x=np.clip(expected[shown], 0.0, BULLET_CAP), mode="markers",
            name=_text("chart.expected_now", language), marker={"symbol": "line-ns", "size": 16, "line": {"width": 3, "color": "#1F2933"}},
            hoverinfo="skip",
        )
    )  # fmt: skip
    top = float(np.nanmax(np.append(drawn, 1.0)))
    right = min(BULLET_CAP, top) + 0.3
    # The labels are text traces, not annotations: plotly validates each annotation on its own, and 400 of them (200
    # key results) took half of the Cockpit's rerun; a trace validates its arrays at once.
    for side, x, rows_, texts_, font in (
        ("middle right", 0.0, [y for y, _, heading in names if heading], [t for _, t, heading in names if heading], {"size": 13, "color": "#1F2933"}),
        ("middle right", 0.0, [y for y, _, heading in names if not heading], [t for _, t, heading in names if not heading], {"size": 12, "color": "#52606D"}),
        ("middle left", right, positions, texts, {"size": 12, "color": "#1F2933"}),
    ):
        figure.add_trace(
            go.Scatter(
                x=[x] * len(rows_), y=rows_, text=texts_, mode="text", textposition=side, textfont=font, hoverinfo="skip", showlegend=False,
                cliponaxis=False,
            )
        )  # fmt: skip
    figure.update_layout(barmode="overlay", hovermode="closest")
    figure = layout(figure, language=language, title=title, height=max(200, 70 + 17 * int(row)))
    figure.update_layout(margin={"l": 10, "r": 45, "t": 50 if title else 30, "b": 30}, legend={"y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"})
    ticks = [v for v in (0.0, 0.5, 1.0, 1.5) if v <= right - 0.25]
    figure.update_xaxes(
        range=[0, right], tickvals=ticks, ticktext=[formatting.percent(v, lang, digits=0) for v in ticks],
        title_text=_text("chart.of_target", language), gridcolor="#F0F2F5",
    )  # fmt: skip
    figure.update_yaxes(range=[row - 0.3, -0.7], showticklabels=False, showgrid=False, zeroline=False, rangemode=None, tickformat=None, title_text="")
    # the target line as a layout shape (add_vline's spanning-shape machinery took a fifth of the chart)
    figure.update_layout(shapes=[{"type": "line", "xref": "x", "yref": "paper", "x0": 1.0, "x1": 1.0, "y0": 0, "y1": 1,
                                  "line": {"color": "#52606D", "width": 1, "dash": "dot"}}])  # fmt: skip
    return figure
