"""The management review pack as data: every number comes from the metrics engine, once.

The PowerPoint, Excel and PDF writers only lay this out; so the three formats cannot disagree,
and a test compares them with the engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd
from sqlalchemy import Engine

from metrics import formatting
from metrics.catalog import CATALOG, Direction, fact_sheet
from metrics.comparison import ChangeStatus, comparison_table, cut_day
from metrics.dataset import Scope
from metrics.engine import KpiEngine
from metrics.freshness import StaleAccount
from metrics.goals import DEPARTMENTS, GoalsConfig, goals_for, scope_label
from metrics.periods import Period, PeriodError, parse_period, period_between
from metrics.plan import PlanView, plan_for_period
from metrics.progress import KeyResultReport, Status, evaluate, progress_text
from metrics.views import RANK_KPIS, account_list, change_text, good_change, kpi_series, post_table, stale_text, top_and_weakest
from model.i18n import Language, platform_name, translate
from storage.reviews import Action, Review, load_review, open_actions, review_index

PACK_KPIS = ["impressions", "reach", "engagements", "engagement_rate", "clicks", "ctr", "followers", "follower_growth", "views", "posts"]


@dataclass(frozen=True)
class KeyResultLine:
    report: KeyResultReport
    label: str
    scope: str
    comment: str = ""


@dataclass(frozen=True)
class ObjectiveBlock:
    id: str
    name: str
    status: Status
    score: float
    key_results: tuple[KeyResultLine, ...]
    reason: str = ""


@dataclass(frozen=True)
class DepartmentBlock:
    key: str
    label: str
    status: Status
    objectives: tuple[ObjectiveBlock, ...]
    score: float = float("nan")  # the department's roll-up of its objectives' scores (metrics.progress)


@dataclass(frozen=True)
class Pack:
    language: Language
    title: str
    period: Period
    as_of: dt.date
    departments: tuple[DepartmentBlock, ...]
    kpis: pd.DataFrame  # kpi, label, unit and metrics.comparison.comparison_table's columns (values, changes, change statuses, markers)
    trend: pd.DataFrame  # complete ISO weeks ("KW 41") x platform key: impressions
    status_counts: pd.DataFrame  # department label x status -> count of key results
    top_posts: pd.DataFrame
    posts: pd.DataFrame
    review: Review | None = None
    open_actions: tuple[Action, ...] = field(default_factory=tuple)
    data_through: dt.date | None = None  # min(as_of, the last day with data of every account): the figures' day
    stale: tuple[StaleAccount, ...] = ()  # accounts whose data ends more than the stale threshold before as_of
    plan: PlanView | None = None  # the editorial plan against the posts (reports.plan_slides)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)  # the events touching the period
    sources: tuple[StaleAccount, ...] = ()  # every account with data and its last day (capped at as_of): the title's sources
    rank_by: str = "engagements"  # the KPI that ranks the top posts (one of RANK_KPIS)
    worst_posts: pd.DataFrame = field(default_factory=pd.DataFrame)  # the three lowest by rank_by
    sparklines: dict[str, pd.Series] = field(default_factory=dict)  # KPI key -> its values per day up to data through (kpi_series)

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.language, **values)

    @property
    def period_label(self) -> str:
        return self.period.label(self.language.value)


def build_pack(
    engine: KpiEngine,
    config: GoalsConfig,
    period: Period,
    as_of: dt.date,
    language: Language,
    review: Review | None = None,
    open_actions: tuple[Action, ...] = (),
    rank_by: str = "engagements",
) -> Pack:
    """Collect the pack for ``period`` as of ``as_of``: goals, KPIs with comparisons, trend, top posts, review.

    Only key results whose period overlaps the pack's period are in it: a Q4 review shows the Q4
    and the 2026 targets, not last year's.
    """
    config = goals_for(config, period)
    report = evaluate(engine, config, as_of)
    comments = review.comments if review else {}
    departments = []
    for key, roll_up in report.departments.items():
        blocks = []
        for objective in (o for o in config.objectives if o.department == key):
            lines = tuple(
                KeyResultLine(r, CATALOG[r.key_result.kpi].label(language.value), scope_label(r.key_result, language), comments.get(r.key_result.id, ""))
                for r in report.key_results
                if r.key_result.objective_id == objective.id
            )
            objective_roll_up = report.objectives[objective.id]
            reason = _reason(lines, language)
            blocks.append(ObjectiveBlock(objective.id, objective.objective, objective_roll_up.status, objective_roll_up.score, lines, reason))
        departments.append(DepartmentBlock(key, DEPARTMENTS[key].label(language.value), roll_up.status, tuple(blocks), roll_up.score))
    window = period.until(as_of) or period
    # The one comparison of metrics.comparison: like for like as of data through, as on the Cockpit.
    table = comparison_table(engine, Scope(), period, as_of, PACK_KPIS)
    table.insert(1, "label", [CATALOG[k].label(language.value) for k in table["kpi"]])
    table.insert(2, "unit", [CATALOG[k].unit.value for k in table["kpi"]])
    posts = post_table(engine, Scope(), window)
    if rank_by not in RANK_KPIS:
        raise ValueError(f"rank_by must be one of {', '.join(RANK_KPIS)}, not {rank_by!r}")
    top, weakest = top_and_weakest(posts, rank_by)  # the Content page's ranking
    status_counts = (
        pd.DataFrame(
            [{"department": d.label, "status": str(line.report.status)} for d in departments for o in d.objectives for line in o.key_results],
            columns=["department", "status"],
        )
        .value_counts()
        .unstack(fill_value=0)
        .reindex(columns=[str(s) for s in Status], fill_value=0)
    )
    return Pack(
        language,
        translate("report.title", language),
        period,
        as_of,
        tuple(departments),
        table,
        _weekly_impressions(engine, window, language),
        status_counts,
        top,
        posts,
        review,
        open_actions,
        cut_day(engine, Scope(), period, as_of),
        tuple(engine.stale_accounts(as_of, period=period)),  # late with an export the period needs
        *plan_for_period(engine.data.plan, window.start, window.end),  # type: ignore[arg-type]
        _sources(engine, period, as_of),
        rank_by,
        weakest,
        _sparklines(engine, window, cut_day(engine, Scope(), period, as_of)),
    )


def _sparklines(engine: KpiEngine, window: Period, through: dt.date) -> dict[str, pd.Series]:
    """Each KPI tile's line: the KPI per day (kpi_series, as the Channels page) up to the day the data runs through,
    so a tile never falls to zero on days not yet exported. Counts and follower growth have no day series: no line
    (growth's tile once drew the follower total, the same line as the Follower tile beside it)."""
    days = period_between(window.start, max(min(window.end, through), window.start))
    return {key: kpi_series(engine, key, Scope(), days) for key in PACK_KPIS}


def _sources(engine: KpiEngine, period: Period, as_of: dt.date) -> tuple[StaleAccount, ...]:
    """Every account with data in the period and the last day it reaches (never after ``as_of``), by platform and
    account. An account given up before the period (or started after it) is no source of its figures.

    The freshness check with no threshold lists each account with data and its last day.
    """
    everything = engine.stale_accounts(as_of, threshold_days=-(10**6))
    inside = engine.accounts_with_data_in(period)
    capped = (replace(s, last_day=min(s.last_day, as_of)) for s in everything if (s.platform, s.account) in inside)
    return tuple(sorted(capped, key=lambda s: (s.platform, s.account)))


def review_of(engine: Engine, period: Period) -> tuple[Review | None, tuple[Action, ...]]:
    """The latest review of ``period`` (its period written in any accepted form) and the actions still
    open from earlier meetings, which carry into this pack."""
    review_id = next((i for i, _, text in review_index(engine) if _parses_to(text, period)), None)
    review = load_review(engine, review_id) if review_id is not None else None
    carried = open_actions(engine, before=review.held_on if review else None)
    return review, carried


def _parses_to(text: str, period: Period) -> bool:
    try:
        found = parse_period(text)
    except PeriodError:
        return False
    return (found.start, found.end) == (period.start, period.end)


def _weekly_impressions(engine: KpiEngine, period: Period, language: Language) -> pd.DataFrame:
    """Impressions per complete ISO week (rows "KW 41" / "W41") and platform key (columns), daily data only.

    Weeks cut by the period's edges are left out: a partial week would show as a fall that never happened.
    """
    first_monday = period.start + dt.timedelta(days=-period.start.weekday() % 7)
    last_sunday = period.end - dt.timedelta(days=(period.end.weekday() + 1) % 7)
    if last_sunday < first_monday:
        return pd.DataFrame()
    weeks = period_between(first_monday, last_sunday)
    series = {}
    for platform in sorted(set(engine.accounts_in(Scope())["platform"])):
        days = engine.daily_totals("impressions", Scope.of(platforms=platform), weeks)  # as the KPI table counts (posts where no daily data)
        weekly = days.resample("W-MON", label="left", closed="left").sum(min_count=1)
        if weekly.notna().any():
            series[platform] = weekly
    trend = pd.DataFrame(series)
    labels = [translate("report.week", language, week=f"{monday.isocalendar().week:02d}") for monday in trend.index]
    return trend.set_axis(labels, axis=0)


def _kr_value(report: KeyResultReport, number: float | None, language: Language) -> str:
    return formatting.kpi_value(number, CATALOG[report.key_result.kpi].unit.value, language)


# Which key result explains an objective: off track before at risk before a gap in the data before the rest.
REASON_RANK = {Status.OFF_TRACK: 4, Status.AT_RISK: 3, Status.NO_DATA: 2, Status.ON_TRACK: 1, Status.ACHIEVED: 0}


def _reason(lines: tuple[KeyResultLine, ...], language: Language) -> str:
    """Why an objective has its status: its most severe key result in one sentence."""
    if not lines:
        return ""
    worst = max(lines, key=lambda line: REASON_RANK[line.report.status])
    report = worst.report
    name = f"{report.key_result.id} {worst.label}"
    if report.status is Status.NO_DATA:
        return translate("report.reason.no_data", language, kr=name)
    if report.status not in (Status.AT_RISK, Status.OFF_TRACK):
        return translate("report.reason.fine", language)
    if report.forecast is not None and report.forecast == report.forecast:
        return translate(
            "report.reason.forecast",
            language,
            kr=name,
            forecast=_kr_value(report, report.forecast, language),
            target=_kr_value(report, report.key_result.target, language),
        )
    return translate(
        "report.reason.behind", language, kr=name, actual=_kr_value(report, report.actual, language), expected=_kr_value(report, report.expected, language)
    )


@dataclass(frozen=True)
class Grid:
    """A table of the pack as text, the same in every format: header, rows, a status per row."""

    header: list[str]
    rows: list[list[str]]
    statuses: list[str | None]  # colour of the status column; None: no status in that row
    status_column: int | None = None
    emphasis: list[bool] = field(default_factory=list)  # objective rows above their key results
    widths: tuple[float, ...] = ()  # shares of the table width
    notes: list[str] = field(default_factory=list)  # lines under the table (what its markers mean)
    links: list[str] = field(default_factory=list)  # per row the full address its link column opens ("" for none)
    link_column: int | None = None


def status_text(report: KeyResultReport, language: Language) -> str:
    """A key result's status, "(vorläufig)" when its period has ended but the data does not reach its end."""
    status = translate(f"status.{report.status}", language)
    return f"{status} ({translate('kr.provisional_short', language)})" if report.provisional else status


def summary_grid(pack: Pack) -> Grid:
    t, language = pack.t, pack.language
    objectives = [(d, o) for d in pack.departments for o in d.objectives]
    rows = [[d.label, f"{o.id} {o.name}", t(f"status.{o.status}"), formatting.percent(o.score, language, digits=0), o.reason] for d, o in objectives]
    header = [t("col.department"), t("col.objective"), t("col.status"), t("col.score"), t("col.reason")]
    return Grid(header, rows, [str(o.status) for _, o in objectives], 2, widths=(0.17, 0.3, 0.11, 0.1, 0.32))


def department_grid(pack: Pack, department: DepartmentBlock) -> Grid:
    """Each objective as a bold row, then its key results with baseline, actual, expected by now, target and forecast."""
    t, language = pack.t, pack.language
    rows, statuses, emphasis = [], [], []
    for objective in department.objectives:
        rows.append(
            [
                f"{objective.id} {objective.name}",
                "",
                "",
                "",
                "",
                "",
                "",
                formatting.percent(objective.score, language, digits=0),
                t(f"status.{objective.status}"),
            ]
        )
        statuses.append(str(objective.status))
        emphasis.append(True)
        for line in objective.key_results:
            report = line.report
            rows.append(
                [
                    f"{report.key_result.id} {line.label} ({line.scope})",
                    report.key_result.period.label(language.value),
                    _kr_value(report, report.key_result.baseline, language),
                    _kr_value(report, report.actual, language),
                    _kr_value(report, report.expected, language),
                    _kr_value(report, report.key_result.target, language),
                    _kr_value(report, report.forecast, language),
                    progress_text(report, language),  # "Budget verbraucht 15 %", or why there is no number
                    status_text(report, language),
                ]
            )
            statuses.append(str(report.status))
            emphasis.append(False)
    header = [
        t("col.key_result"),
        t("goals.period"),
        t("goals.baseline_short"),
        t("col.actual"),
        t("col.expected"),
        t("col.target"),
        t("col.forecast"),
        t("col.score"),
        t("col.status"),
    ]
    return Grid(header, rows, statuses, 8, emphasis, (0.28, 0.08, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.1))


# Markers behind a KPI's label and the note each one refers to.
MARKERS = {"non_additive": "Σ", "from_posts": "◆", "carried": "→"}  # the same marks as the Cockpit's


def kpi_markers(row: object) -> str:
    """Σ sum of unique counts, ◆ from the post grain, → a follower total carried forward, for one row of ``Pack.kpis``."""
    marks = [MARKERS["non_additive"] if row.non_additive else "", MARKERS["from_posts"] if row.from_posts else ""]  # type: ignore[attr-defined]
    marks.append(MARKERS["carried"] if row.carried else "")  # type: ignore[attr-defined]
    return "".join(marks)


def kpi_notes(pack: Pack) -> list[str]:
    """The lines under the KPI table: data through, stale accounts, and what each marker used means."""
    t, language = pack.t, pack.language
    notes = [t("freshness.through", date=formatting.date(pack.data_through, language))] if pack.data_through else []
    if pack.stale:
        notes.append(stale_text(pack.stale, language))
    kpis = pack.kpis
    if kpis["non_additive"].any():
        notes.append(t("marker.non_additive"))  # each text starts with its mark (MARKERS)
    fallback = [name for names in kpis["from_posts"] for name in names]
    if fallback:  # "YouTube: Haberland TV", not the engine's "youtube/Haberland TV"
        notes.append(t("marker.from_posts", accounts=account_list(fallback, language)))
    carried = [name for names in kpis["carried"] for name in names]
    if carried:
        notes.append(t("marker.carried", accounts=account_list(carried, language)))
    if (kpis[["status_previous", "status_last_year"]] == str(ChangeStatus.NOT_COMPARABLE)).any().any():
        notes.append(t("marker.not_comparable"))
    return notes


def subtitle(pack: Pack) -> str:
    """ "Q4 2026 · Stand 30.11.2026 · Daten bis 22.11.2026" for title slides and pages."""
    text = pack.t("report.subtitle", period=pack.period_label, date=formatting.date(pack.as_of, pack.language))
    if pack.data_through and pack.data_through < pack.as_of:
        text += " · " + pack.t("freshness.through", date=formatting.date(pack.data_through, pack.language))
    return text


def kpi_grid(pack: Pack) -> Grid:
    t, language = pack.t, pack.language
    rows = [
        [
            f"{row.label} {kpi_markers(row)}".strip(),
            formatting.kpi_value(row.value, row.unit, language),
            formatting.kpi_value(row.previous, row.unit, language),
            change_text(row.change_previous, row.status_previous, language),
            formatting.kpi_value(row.last_year, row.unit, language),
            change_text(row.change_last_year, row.status_last_year, language),
        ]
        for row in pack.kpis.itertuples(index=False)
    ]
    header = [t("col.kpi"), t("col.value"), t("col.previous"), t("col.change_previous"), t("col.last_year"), t("col.change_last_year")]
    return Grid(header, rows, [None] * len(rows), widths=(0.3, 0.15, 0.15, 0.12, 0.15, 0.13), notes=kpi_notes(pack))


@dataclass(frozen=True)
class KpiTile:
    """One KPI on the overview: its value, the change against the previous period and the period's line."""

    kpi: str
    label: str
    value: str
    change: str  # "Δ Vorperiode +12,3 %", or "neu" / "nicht vergleichbar"
    good: bool | None  # the change's direction is good (green), bad (red) or neither
    line: tuple[float, ...]  # the sparkline's values, oldest first


def kpi_tiles(pack: Pack) -> list[KpiTile]:
    """The KPI overview as tiles: the Cockpit's comparison (Pack.kpis) and a sparkline per KPI."""
    tiles = []
    for row in pack.kpis.itertuples(index=False):
        comparable = row.status_previous == str(ChangeStatus.CHANGE)
        change = change_text(row.change_previous, row.status_previous, pack.language)
        line = pack.sparklines.get(row.kpi, pd.Series(dtype="float64"))
        tiles.append(
            KpiTile(
                row.kpi,
                f"{row.label} {kpi_markers(row)}".strip(),
                formatting.kpi_value(row.value, row.unit, pack.language),
                f"{pack.t('col.change_previous')} {change}",
                good_change(row.kpi, row.change_previous) if comparable else None,
                tuple(float(v) for v in line),
            )
        )
    return tiles


def top_posts_grid(pack: Pack, worst: bool = False) -> Grid:
    """The top posts by ``pack.rank_by`` (or the worst three) with platform, text, the ranking value and the link."""
    t, language = pack.t, pack.language
    frame = pack.worst_posts if worst else pack.top_posts
    unit = CATALOG[pack.rank_by].unit.value
    rows = [
        [
            formatting.date(p.local_time.date(), language),  # the company's day, not UTC's
            platform_name(p.platform, language),
            p.account,
            short(p.text if isinstance(p.text, str) else "", 90),
            formatting.kpi_value(getattr(p, pack.rank_by), unit, language),
            short(shown_address(link) if isinstance(link := getattr(p, "permalink", None), str) else "", 45),
        ]
        for p in frame.itertuples(index=False)
    ]
    links = [link if isinstance(link, str) else "" for link in frame["permalink"]] if "permalink" in frame else [""] * len(rows)
    header = [t("col.published"), t("col.platform"), t("col.account"), t("col.text"), CATALOG[pack.rank_by].label(language.value), t("col.link")]
    return Grid(header, rows, [None] * len(rows), widths=(0.135, 0.095, 0.15, 0.30, 0.14, 0.18), links=links, link_column=5)


def posts_title_key(pack: Pack) -> str:
    """The posts slide's title: "Top and weakest posts" when the weakest share the slide."""
    return "report.top_posts" if pack.worst_posts.empty else "report.ranked_posts"


def ranked_posts_grid(pack: Pack) -> Grid:
    """The top posts and, in the same table under their own heading row, the weakest three: one slide shows the
    best and the worst side by side (the Content page's ranking, ``pack.rank_by``)."""
    top = top_posts_grid(pack)
    if pack.worst_posts.empty:
        return top
    weakest = top_posts_grid(pack, worst=True)
    blank = [""] * (len(top.header) - 1)
    top_heading = [pack.t("report.top_n", n=len(top.rows)), *blank]
    weakest_heading = [pack.t("report.weakest_n", n=len(weakest.rows)), *blank]
    rows = [top_heading, *top.rows, weakest_heading, *weakest.rows]
    emphasis = [True, *[False] * len(top.rows), True, *[False] * len(weakest.rows)]
    return replace(top, rows=rows, statuses=[None] * len(rows), emphasis=emphasis, links=["", *top.links, "", *weakest.links])


def review_sections(pack: Pack) -> list[tuple[str, list[str]]]:
    """Commentary, decisions, actions and open actions from earlier reviews, as headings with lines."""
    t, language = pack.t, pack.language
    comments = [
        f"{line.report.key_result.id} {line.label}: {line.comment}" for d in pack.departments for o in d.objectives for line in o.key_results if line.comment
    ]
    if pack.review and pack.review.summary:
        comments.insert(0, pack.review.summary)
    decisions = list(pack.review.decisions) if pack.review else []

    def action_text(action: Action) -> str:
        due = formatting.date(action.due, language) if action.due else "–"
        return f"{action.text} ({action.owner or '–'}, {t('col.due')} {due})"

    actions = [action_text(a) for a in pack.review.actions] if pack.review else []
    open_actions = [action_text(a) for a in pack.open_actions]
    return [(t("report.comments"), comments), (t("report.decisions"), decisions), (t("report.actions"), actions), (t("report.open_actions"), open_actions)]


# --- layout data of the slides: sentences, bullet values, notes ----------------------------------

KEY_RESULTS_PER_SLIDE = 4  # a bullet chart and its comment per row; more rows would push text below 12 pt


def title_lines(pack: Pack) -> list[str]:
    """The title slide under the title: period and report day, "Daten bis", then one line of sources per platform."""
    t, language = pack.t, pack.language
    lines = [t("report.subtitle", period=pack.period_label, date=formatting.date(pack.as_of, language))]
    lines.append(t("freshness.through", date=formatting.date(pack.data_through or pack.as_of, language)))
    return lines + source_lines(pack)


def source_lines(pack: Pack) -> list[str]:
    """ "Quellen – LinkedIn: Acme (bis 22.11.2026), Acme Careers (bis 20.11.2026)", then "Instagram: …": one line per
    platform, the accounts with data in the period."""
    t, language = pack.t, pack.language
    platforms = dict.fromkeys(s.platform for s in pack.sources)
    lines = []
    for platform in platforms:
        accounts = ", ".join(
            t("report.source_account", account=s.account, date=formatting.date(s.last_day, language)) for s in pack.sources if s.platform == platform
        )
        lines.append(t("report.source_line", platform=platform_name(platform, language), accounts=accounts))
    if not lines:
        return [t("report.no_sources")]
    return [t("report.sources", line=lines[0]), *lines[1:]]  # "Quellen" once, not on every platform's line


def key_result_lines(department: DepartmentBlock) -> list[KeyResultLine]:
    return [line for objective in department.objectives for line in objective.key_results]


def department_chunks(department: DepartmentBlock) -> list[list[KeyResultLine]]:
    """The department's key results in slide-sized groups (one slide when they fit, else several)."""
    lines = key_result_lines(department)
    return [lines[start : start + KEY_RESULTS_PER_SLIDE] for start in range(0, len(lines), KEY_RESULTS_PER_SLIDE)] or [[]]


def kr_name(line: KeyResultLine) -> str:
    """ "MK-1.1 Impressionen (LinkedIn)": the bullet chart's category label."""
    return f"{line.report.key_result.id} {line.label} ({line.scope})"


def shown_address(link: str) -> str:
    """A post's address as a reader scans it, without "https://www." (the cell's link still opens the whole address)."""
    return link.removeprefix("https://").removeprefix("http://").removeprefix("www.")


def short(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters with "…"; the full text goes into the notes."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


BULLET_PARTS = ("actual", "expected", "forecast", "target")  # the order of the bars, top to bottom


def bullet_values(line: KeyResultLine) -> dict[str, float | None]:
    """The engine's actual, expected by now, forecast and the target of one key result; None where missing."""
    report = line.report
    values = {"actual": report.actual, "expected": report.expected, "forecast": report.forecast, "target": report.key_result.target}
    return {part: (None if value is None or value != value else float(value)) for part, value in values.items()}


def headline(pack: Pack, department: DepartmentBlock) -> str:
    """The department slide's message: how many key results are on track, and the one that most needs attention."""
    t, language = pack.t, pack.language
    lines = key_result_lines(department)
    good = sum(line.report.status in (Status.ON_TRACK, Status.ACHIEVED) for line in lines)
    sentence = t("report.headline.count", good=good, total=len(lines))
    if not lines:
        return sentence
    worst = max(lines, key=lambda line: REASON_RANK[line.report.status])
    report = worst.report
    if report.status not in (Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA):
        return sentence
    if report.status is Status.NO_DATA:
        return sentence + "; " + t("report.reason.no_data", kr=f"{worst.label} ({worst.scope})")
    values = bullet_values(worst)
    unit = CATALOG[report.key_result.kpi].unit.value
    parts = []
    if values["actual"] is not None and values["expected"]:
        gap = values["actual"] / values["expected"] - 1  # how far the actual is from the pace the plan expects today
        lower_is_better = CATALOG[report.key_result.kpi].direction is Direction.LOWER  # a response time above plan is behind
        key = "report.headline.behind" if (gap > 0 if lower_is_better else gap < 0) else "report.headline.ahead"
        parts.append(t(key, kr=f"{worst.label} ({worst.scope})", gap=formatting.percent(abs(gap), language, digits=0)))
    if values["forecast"] is not None:
        forecast, target = (formatting.kpi_value(values[part], unit, language) for part in ("forecast", "target"))
        parts.append(t("report.headline.forecast", forecast=forecast, target=target))
    return "; ".join([sentence, ", ".join(parts)]) if parts else sentence


def kr_note(pack: Pack, line: KeyResultLine) -> str:
    """The numbers behind one bullet and how the KPI is computed, for the speaker notes."""
    t, language = pack.t, pack.language
    report = line.report
    numbers = t(
        "report.note.kr",
        kr=kr_name(line),
        objective=f"{report.objective.id} {report.objective.objective}",
        actual=_kr_value(report, report.actual, language),
        expected=_kr_value(report, report.expected, language),
        forecast=_kr_value(report, report.forecast, language),
        target=_kr_value(report, report.key_result.target, language),
        baseline=_kr_value(report, report.key_result.baseline, language),
        progress=formatting.percent(report.progress, language, digits=0),
        status=status_text(report, language),
        through=formatting.date(report.data_through, language),
    )
    definition = definition_note(pack, report.key_result.kpi)
    comment = [t("report.note.comment", comment=line.comment)] if line.comment else []
    return "\n".join([numbers, definition, *comment])


def department_notes(pack: Pack, department: DepartmentBlock, lines: list[KeyResultLine]) -> str:
    """Speaker notes of a department slide: the headline, then every key result's numbers and definition."""
    return "\n\n".join([headline(pack, department), *(kr_note(pack, line) for line in lines)])


def kpi_definitions(pack: Pack) -> list[str]:
    """ "Impressionen: <description> Formel: …" for every KPI of the overview, for the notes."""
    return [definition_note(pack, key) for key in pack.kpis["kpi"]]


def definition_note(pack: Pack, kpi: str) -> str:
    """ "Impressionen: <description> Formel: <formula> (Summe über den Zeitraum)." from the KPI's fact sheet."""
    sheet = fact_sheet(kpi, pack.language.value)
    return pack.t("report.note.definition", label=sheet["label"], description=sheet["description"], formula=sheet["formula"], aggregation=sheet["aggregation"])


def grid_notes(grid: Grid) -> str:
    """A table as notes: one line per row, "header: value" pairs, so the presenter has every number."""

    def line(row: list[str]) -> str:
        if row[0] and not any(row[1:]):  # a heading row ("Top 5", "Schwächste 3") is its own line
            return row[0]
        return " · ".join(f"{name}: {value}" for name, value in zip(grid.header, row, strict=True) if value)

    return "\n".join(line(row) for row in grid.rows)


@dataclass(frozen=True)
class Tile:
    """One department on the executive summary: status colour, score, the message and its biggest risks."""

    label: str
    status: str
    score: str
    message: str
    risks: tuple[str, ...]


def risk_line(pack: Pack, line: KeyResultLine) -> str:
    """ "MK-1.1 Impressionen (Facebook): Prognose 224.709 bei Ziel 410.000": a key result at risk and why."""
    return _reason((line,), pack.language)


def department_tiles(pack: Pack) -> list[Tile]:
    """Per department its status, score, the review's word on it (else the headline) and the three worst key results.

    Risks are key results off track, at risk or without data, most severe first, then the furthest behind
    their expected value.
    """
    tiles = []
    for department in pack.departments:
        lines = key_result_lines(department)
        risky = [line for line in lines if line.report.status in (Status.OFF_TRACK, Status.AT_RISK, Status.NO_DATA)]
        risky.sort(key=lambda line: (-REASON_RANK[line.report.status], _pace(line)))
        comments = [line.comment for line in lines if line.comment]
        message = comments[0] if comments else headline(pack, department).split(";")[0]
        tiles.append(
            Tile(
                department.label,
                str(department.status),
                formatting.percent(department.score, pack.language, digits=0),
                message,
                tuple(risk_line(pack, line) for line in risky[:3]),
            )
        )
    return tiles


def _pace(line: KeyResultLine) -> float:
    """Actual over expected (lower: further behind); a missing number sorts last among equals."""
    values = bullet_values(line)
    if values["actual"] is None or not values["expected"]:
        return float("inf")
    return values["actual"] / values["expected"]
