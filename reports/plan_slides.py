"""The editorial plan in the review pack: "Redaktionsplan Soll/Ist" per channel and week with the three
most-missed topics, the campaigns with their key-message share per department, and the events of the
period. Grids of text, the same in PowerPoint, Excel and PDF; every number comes from ``metrics.plan``."""

from __future__ import annotations

import pandas as pd

from metrics import formatting
from model.i18n import Language, platform_name, translate
from reports.pack import Grid, Pack


def plan_grids(pack: Pack) -> list[tuple[str, Grid]]:
    """(slide title, grid) of the plan slides that have something to show."""
    language, view, events = pack.language, pack.plan, pack.events

    def t(key: str, **values: object) -> str:
        return translate(key, language, **values)

    out: list[tuple[str, Grid]] = []
    if view is not None and not view.grid.empty:
        missed = view.missed_topics.groupby(["platform", "week"])["topic"].agg(", ".join)
        rows = [
            [
                platform_name(row.platform, language),
                row.week,
                str(int(row.planned)),
                str(int(row.matched)),
                str(int(row.unplanned)),
                formatting.percent(row.matched / row.planned, language, digits=0) if row.planned else "–",
                missed.get((row.platform, row.week), ""),
            ]
            for row in view.grid.itertuples(index=False)
        ]
        header = [
            t("col.platform"),
            t("plan.col.week"),
            t("plan.col.planned"),
            t("plan.col.published"),
            t("plan.col.unplanned"),
            t("plan.fulfilment"),
            t("plan.col.missed_topics"),
        ]
        total = t("plan.pack_total", matched=view.summary.matched, planned=view.summary.planned, unplanned=view.summary.unplanned, posts=view.summary.posts)
        rows.append(
            [total, "", str(view.summary.planned), str(view.summary.matched), str(view.summary.unplanned), _share(view.summary.fulfilment, language), ""]
        )
        out.append((f"{t('plan.pack_title')} · {pack.period_label}", Grid(header, rows, [None] * len(rows), widths=(0.14, 0.11, 0.1, 0.12, 0.12, 0.13, 0.28))))
    if view is not None and not view.campaigns.empty:
        rows = [
            [
                row.campaign,
                row.department if isinstance(row.department, str) else t("plan.no_department"),
                str(int(row.posts)),
                str(int(row.carrying)),
                _share(row.share, language),
            ]
            for row in view.campaigns.itertuples(index=False)
        ]
        header = [t("plan.col.campaign"), t("col.department"), t("plan.col.posts"), t("plan.col.carrying"), t("plan.col.share")]
        out.append((f"{t('plan.pack_campaigns')} · {pack.period_label}", Grid(header, rows, [None] * len(rows), widths=(0.28, 0.24, 0.14, 0.18, 0.16))))
    if not events.empty:
        rows = [
            [
                formatting.date(pd.Timestamp(row.date_from).date(), language),
                formatting.date(pd.Timestamp(row.date_to).date(), language),
                str(row.title),
                str(row.category or ""),
                str(row.department or ""),
                ", ".join(platform_name(c, language) for c in str(row.channels or "").split(",") if c) or t("plan.all_channels"),
            ]
            for row in events.reindex(columns=["date_from", "date_to", "title", "category", "department", "channels"])
            .astype(object)
            .fillna("")
            .itertuples(index=False)
        ]
        header = [t("plan.col.from"), t("plan.col.to"), t("plan.col.title"), t("plan.event_category"), t("col.department"), t("plan.col.channels")]
        out.append((f"{t('plan.events')} · {pack.period_label}", Grid(header, rows, [None] * len(rows), widths=(0.12, 0.12, 0.32, 0.14, 0.14, 0.16))))
    return out


def _share(value: float | None, language: Language) -> str:
    return "–" if value is None or value != value else formatting.percent(value, language, digits=0)


def trend_events(pack: Pack) -> list[tuple[int, int, str, str]]:
    """The period's events on the weekly trend: (first, last category position, title, colour) for each
    event touching a week of the chart, clipped to the chart's weeks. The trend's categories are ISO weeks
    labelled as ``report.week``; an event counts for every week it touches."""
    if pack.events.empty or pack.trend.empty:
        return []
    positions = {label: number for number, label in enumerate(pack.trend.index)}
    out = []
    for event in pack.events.itertuples(index=False):
        days = pd.date_range(pd.Timestamp(event.date_from), pd.Timestamp(event.date_to))
        labels = {translate("report.week", pack.language, week=f"{day.isocalendar().week:02d}") for day in days}
        touched = sorted(positions[label] for label in labels if label in positions)
        if touched:
            out.append((touched[0], touched[-1], str(event.title), str(getattr(event, "colour", "") or "#888888")))
    return out


def trend_events_note(pack: Pack) -> str:
    """One line naming the events under the trend chart: "Ereignisse: KW 45 Ausbildungsmesse · KW 47 120 Jahre"."""
    labels = list(pack.trend.index)
    parts = [f"{labels[first]}{'–' + str(labels[last]) if last != first else ''} {title}" for first, last, title, _ in trend_events(pack)]
    return f"{translate('plan.events', pack.language)}: " + " · ".join(parts) if parts else ""
