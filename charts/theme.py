"""One look for every chart: colours per platform, fonts, German or English number separators."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

PLATFORM_COLOURS = {
    "linkedin": "#0A66C2", "facebook": "#F28E2B", "instagram": "#C13584", "x": "#14171A",
    "youtube": "#E62117", "tiktok": "#25C2BC", "other": "#8A8D91",
}  # fmt: skip  # Facebook's brand blue next to LinkedIn's could not be told apart in one chart: orange
STATUS_COLOURS = {"achieved": "#1B7F3B", "on_track": "#4CAF50", "at_risk": "#F0A500", "off_track": "#D32F2F", "no_data": "#9E9E9E"}
SERIES = ["#1F5F8B", "#E07B39", "#3D9970", "#B10DC9", "#FF4136", "#85144B", "#39CCCC"]
ACCENT, MUTED = "#1F5F8B", "#9AA5B1"


def _white() -> go.layout.Template:
    """Plotly's "plotly_white" cut to what these charts use (cartesian axes; bars, lines, heatmaps): setting the whole
    template cost 10 ms a chart (its 3-D, map and polar parts are validated too), 200 key results' paths two seconds."""
    white = pio.templates["plotly_white"]
    kept = ("xaxis", "yaxis", "plot_bgcolor", "paper_bgcolor", "colorway", "font", "hoverlabel", "title", "annotationdefaults", "shapedefaults")
    return go.layout.Template(layout={key: white.layout[key] for key in kept}, data={kind: white.data[kind] for kind in ("bar", "scatter", "heatmap")})


WHITE = _white()


def colour(name: str, position: int = 0) -> str:
    return PLATFORM_COLOURS.get(name, SERIES[position % len(SERIES)])


def layout(
    figure: go.Figure,
    *,
    language: str,
    title: str = "",
    y_title: str = "",
    height: int = 360,
    percent: bool = False,
    dates: bool = False,
    **extra: object,
) -> go.Figure:
    """Apply the shared theme; German uses 1.234,5 (Plotly separators are decimal then thousands). ``dates``: days as
    31.12. (German) or Dec 31 (English), with the year below where it changes. ``extra``: more layout settings.

    Built anew in one go (every update_layout walks plotly's property tree: three per chart were a third of the Goals
    page)."""
    x_axis: dict[str, object] = {"gridcolor": "#F0F2F5"}
    if dates:
        x_axis |= {"tickformat": "%d.%m.\n%Y" if language == "de" else "%b %d\n%Y", "hoverformat": "%d.%m.%Y" if language == "de" else "%Y-%m-%d"}
    return rebuilt(
        figure,
        template=WHITE,
        height=height,
        title={"text": title, "font": {"size": 16}},
        margin={"l": 60, "r": 20, "t": 80 if title else 40, "b": 40},
        separators=",." if language == "de" else ".,",
        font={"family": "Source Sans Pro, Arial, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "right", "x": 1},
        hovermode="x unified",
        xaxis=x_axis,
        yaxis={"title": {"text": y_title}, "tickformat": ".1%" if percent else ",.0f", "rangemode": "tozero", "gridcolor": "#E5E8EC"},
        **extra,
    )


def rebuilt(figure: go.Figure, **changes: object) -> go.Figure:
    """A new figure: ``figure``'s traces and its layout updated as ``update_layout`` would (nested settings merged,
    lists replaced). Plotly validates a whole layout handed to a new figure about eight times faster than the same
    settings through ``update_layout`` (51 against 6 ms for a path chart with its events)."""
    return go.Figure(data=figure.data, layout=_merged(figure.layout.to_plotly_json(), changes))


def _merged(base: dict[str, object], changes: dict[str, object]) -> dict[str, object]:
    merged = dict(base)
    for key, value in changes.items():
        current = merged.get(key)
        merged[key] = _merged(current, value) if isinstance(value, dict) and isinstance(current, dict) else value
    return merged
