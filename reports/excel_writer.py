"""The review pack as an Excel workbook: KPIs with comparisons, key results with progress and status, posts.

Real number formats (Excel shows them with the reader's separators), frozen headers, filters.
User text (post texts, objectives, comments) is always written as text, never as a formula or a
link: a post starting with =, +, - or @ stays harmless.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import xlsxwriter

from charts.theme import PLATFORM_COLOURS, STATUS_COLOURS
from metrics.catalog import CATALOG
from metrics.comparison import ChangeStatus
from metrics.progress import progress_text
from model.i18n import format_name, platform_name
from reports.pack import Pack, change_text, kpi_markers, kpi_notes, status_text, title_lines
from reports.plan_slides import plan_grids

NUMBER, DECIMAL, PERCENT, CHANGE = "#,##0", "#,##0.00", "0.00%", "+0.0%;-0.0%;0.0%"


def _format_of(unit: str) -> str:
    return {"percent": PERCENT, "hours": DECIMAL, "per_post": DECIMAL}.get(unit, NUMBER)


def write_xlsx(pack: Pack) -> bytes:
    buffer = io.BytesIO()
    # No string is ever turned into a formula, number or link: user text stays text.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    t = pack.t
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"})
    formats = {f: book.add_format({"num_format": f}) for f in (NUMBER, DECIMAL, PERCENT, CHANGE)}
    datetime_format = book.add_format({"num_format": "dd.mm.yyyy hh:mm" if pack.language.value == "de" else "yyyy-mm-dd hh:mm"})
    date_format = book.add_format({"num_format": "dd.mm.yyyy" if pack.language.value == "de" else "yyyy-mm-dd"})

    def number(sheet: object, row: int, column: int, value: float | None, style: str) -> None:
        if value is None or pd.isna(value):
            sheet.write_blank(row, column, None)  # type: ignore[attr-defined]
        else:
            sheet.write_number(row, column, float(value), formats[style])  # type: ignore[attr-defined]

    def header(sheet: object, names: list[str], widths: list[int]) -> None:
        for column, (name, width) in enumerate(zip(names, widths, strict=True)):
            sheet.write_string(0, column, name, bold)  # type: ignore[attr-defined]
            sheet.set_column(column, column, width)  # type: ignore[attr-defined]
        sheet.freeze_panes(1, 0)  # type: ignore[attr-defined]

    _overview(book, pack, bold, formats[NUMBER])

    kpis = book.add_worksheet(t("report.kpis")[:31])
    header(
        kpis,
        [t("col.kpi"), t("col.value"), t("col.previous"), t("col.change_previous"), t("col.last_year"), t("col.change_last_year")],
        [30, 16, 16, 14, 16, 14],
    )
    for row, item in enumerate(pack.kpis.itertuples(index=False), start=1):
        kpis.write_string(row, 0, f"{item.label} {kpi_markers(item)}".strip())
        style = _format_of(item.unit)
        number(kpis, row, 1, item.value, style)
        number(kpis, row, 2, item.previous, style)
        for column, change, status in ((3, item.change_previous, item.status_previous), (5, item.change_last_year, item.status_last_year)):
            if status in (ChangeStatus.NEW, ChangeStatus.NOT_COMPARABLE):  # no number: say why
                kpis.write_string(row, column, change_text(change, status, pack.language))
            else:
                number(kpis, row, column, change, CHANGE)
        number(kpis, row, 4, item.last_year, style)
    kpis.autofilter(0, 0, len(pack.kpis), 5)
    for offset, note in enumerate(kpi_notes(pack)):
        kpis.write_string(len(pack.kpis) + 2 + offset, 0, note)

    krs = book.add_worksheet(t("goals.title")[:31])
    names = [
        t("col.department"),
        t("col.objective"),
        t("col.key_result"),
        t("col.kpi"),
        t("goals.period"),
        t("goals.baseline"),
        t("col.target"),
        t("col.actual"),
        t("col.expected"),
        t("col.forecast"),
        t("col.score"),
        t("col.status"),
        t("col.comment"),
        t("col.progress_text"),
    ]
    header(krs, names, [24, 36, 10, 24, 12, 14, 14, 14, 14, 14, 12, 14, 40, 30])
    row = 0
    for department in pack.departments:
        for objective in department.objectives:
            for line in objective.key_results:
                row += 1
                report, kr = line.report, line.report.key_result
                style = _format_of(CATALOG[kr.kpi].unit.value)
                for column, text in enumerate([department.label, objective.name, kr.id, line.label, kr.period.label(pack.language.value)]):
                    krs.write_string(row, column, text)
                for column, value in enumerate([kr.baseline, kr.target, report.actual, report.expected, report.forecast], start=5):
                    number(krs, row, column, value, style)
                number(krs, row, 10, report.progress, PERCENT)
                krs.write_string(row, 11, status_text(report, pack.language))  # "(vorläufig)" where the data stops early
                krs.write_string(row, 12, line.comment)
                krs.write_string(row, 13, progress_text(report, pack.language))  # "Budget verbraucht 15 %", or why no number
    krs.autofilter(0, 0, max(row, 1), len(names) - 1)

    posts = book.add_worksheet(t("content.posts")[:31])
    names = [
        t("col.published"),
        t("col.platform"),
        t("col.account"),
        t("col.format"),
        t("col.text"),
        t("col.tags"),
        t("col.impressions"),
        t("col.engagements"),
        t("col.engagement_rate"),
        t("col.link"),
    ]
    header(posts, names, [17, 11, 24, 12, 60, 20, 14, 14, 14, 40])
    frame = pack.posts
    for row, post in enumerate(frame.itertuples(index=False), start=1):
        posts.write_datetime(row, 0, post.local_time.to_pydatetime(), datetime_format if post.has_time else date_format)
        for column, text in (
            (1, platform_name(post.platform, pack.language)),
            (2, post.account),
            (3, format_name(post.format, pack.language) if isinstance(post.format, str) else ""),
            (4, post.text),
            (5, post.tags),
            (9, post.permalink),
        ):
            posts.write_string(row, column, _text(text))
        number(posts, row, 6, post.impressions, NUMBER)
        number(posts, row, 7, post.engagements, NUMBER)
        number(posts, row, 8, post.engagement_rate, PERCENT)
    posts.autofilter(0, 0, max(len(frame), 1), len(names) - 1)
    for plan_title, grid in plan_grids(pack):  # the plan slides as text, exactly as on the slides
        sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", plan_title.split(" · ")[0])[:31])  # Excel forbids []:*?/\ in names
        header(sheet, grid.header, [max(12, round(w * 120)) for w in grid.widths] if grid.widths else [16] * len(grid.header))
        for row, cells in enumerate(grid.rows, start=1):
            for column, text in enumerate(cells):
                sheet.write_string(row, column, text)
    book.close()
    return buffer.getvalue()


def _overview(book: xlsxwriter.Workbook, pack: Pack, bold: object, whole: object) -> None:
    """The first sheet: native charts (key-result status by department, weekly impressions) above their tables."""
    t = pack.t
    sheet = book.add_worksheet(t("report.overview")[:31])
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 10, 14)
    sheet.write_string(0, 0, f"{pack.title} · {pack.period_label}", bold)
    for offset, line in enumerate(title_lines(pack)[1:], start=1):  # data through, then the sources
        sheet.write_string(offset, 0, line)
    table_row = 40  # the charts sit above, in rows 6 to 38
    counts = pack.status_counts
    sheet.write_string(table_row, 0, t("col.department"), bold)
    for column, status in enumerate(counts.columns, start=1):
        sheet.write_string(table_row, column, t(f"status.{status}"), bold)
    for row, (department, values) in enumerate(counts.iterrows(), start=table_row + 1):
        sheet.write_string(row, 0, str(department))
        for column, count in enumerate(values, start=1):
            sheet.write_number(row, column, int(count), whole)
    if len(counts):
        chart = book.add_chart({"type": "bar", "subtype": "stacked"})
        for column, status in enumerate(counts.columns, start=1):
            chart.add_series(
                {
                    "name": [sheet.name, table_row, column],
                    "categories": [sheet.name, table_row + 1, 0, table_row + len(counts), 0],
                    "values": [sheet.name, table_row + 1, column, table_row + len(counts), column],
                    "fill": {"color": STATUS_COLOURS[str(status)]},
                    "gap": 60,
                }
            )
        chart.set_title({"name": t("report.status_chart")})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"major_unit": 1})
        chart.set_size({"width": 720, "height": 300})
        sheet.insert_chart(5, 0, chart)
    trend = pack.trend
    trend_row = table_row + len(counts) + 3
    if not trend.empty:
        sheet.write_string(trend_row, 0, t("report.trend_weeks"), bold)
        for column, platform in enumerate(trend.columns, start=1):
            sheet.write_string(trend_row, column, platform_name(platform, pack.language), bold)
        for row, (week, values) in enumerate(trend.iterrows(), start=trend_row + 1):
            sheet.write_string(row, 0, str(week))
            for column, value in enumerate(values, start=1):
                if pd.notna(value):  # a week without data stays empty, not 0
                    sheet.write_number(row, column, float(value), whole)
        chart = book.add_chart({"type": "line"})
        for column, platform in enumerate(trend.columns, start=1):
            colour = PLATFORM_COLOURS.get(platform, "#1F5F8B")
            chart.add_series(
                {
                    "name": [sheet.name, trend_row, column],
                    "categories": [sheet.name, trend_row + 1, 0, trend_row + len(trend), 0],
                    "values": [sheet.name, trend_row + 1, column, trend_row + len(trend), column],
                    "line": {"color": colour, "width": 2.25},
                    "marker": {"type": "circle", "fill": {"color": colour}, "border": {"color": colour}},
                }
            )
        chart.set_title({"name": t("report.trend_weeks")})
        chart.set_y_axis({"num_format": NUMBER, "min": 0})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 720, "height": 320})
        sheet.insert_chart(21, 0, chart)
    sheet.activate()


def _text(value: object) -> str:
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_csv(frame: pd.DataFrame, separator: str = ";") -> bytes:
    """A CSV whose text cells cannot run as formulas in a spreadsheet (OWASP: prefix with an apostrophe)."""
    cleaned = frame.copy()
    for column in cleaned.columns:
        if pd.api.types.is_string_dtype(cleaned[column]) or cleaned[column].dtype == object:
            text = cleaned[column].astype("string")
            dangerous = text.str.startswith(FORMULA_STARTS).fillna(False)
            cleaned[column] = text.where(~dangerous, "'" + text)
    return cleaned.to_csv(index=False, sep=separator).encode("utf-8-sig")
