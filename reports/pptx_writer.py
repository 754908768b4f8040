"""The review pack as an editable PowerPoint deck (python-pptx): native tables and native charts.

Slides: title; executive summary (every objective's status); one slide per department (its
objectives and key results); KPI overview with comparisons; two native charts (impressions per
week and platform, key-result status per department); top posts; commentary, decisions and
actions (open ones from earlier reviews included). A user's .pptx or .potx is used as the base when
given, with its masters and layouts.
"""

from __future__ import annotations

import io
import zipfile

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu, Pt

from charts.theme import PLATFORM_COLOURS, STATUS_COLOURS
from ingest.safety import ZIP_SIGNATURE, Container, sniff_container
from model.i18n import platform_name
from model.issues import UnsafeFileError
from reports.pack import Grid, Pack, department_grid, kpi_grid, review_sections, subtitle, summary_grid, top_posts_grid
from reports.plan_slides import plan_grids, trend_events_note

WIDE = (Emu(12192000), Emu(6858000))  # 16:9


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


class TemplateError(ValueError):
    """A template the deck cannot be built on; the message says what to give instead."""


def open_template(data: bytes | None) -> Presentation:
    """A blank 16:9 deck, or the user's template; a .potx is opened as the presentation it describes."""
    if data is None:
        return _widescreen(Presentation())
    not_a_deck = TemplateError("The template is not a PowerPoint file. Give a .pptx or .potx saved by PowerPoint.")
    if not data.startswith(ZIP_SIGNATURE):
        raise not_a_deck
    try:
        container = sniff_container("template", data)  # the upload checks: size, zip bomb, encryption
    except UnsafeFileError as exc:
        raise TemplateError(str(exc)) from exc
    source = zipfile.ZipFile(io.BytesIO(data))
    if container is not Container.ZIP or not {"ppt/presentation.xml", "[Content_Types].xml"} <= set(source.namelist()):
        raise not_a_deck
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"presentationml.template.main+xml", b"presentationml.presentation.main+xml")
            target.writestr(item, content)
    try:
        deck = Presentation(io.BytesIO(out.getvalue()))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:  # python-pptx's ways of saying "not a deck"
        raise TemplateError(f"The template cannot be opened ({exc}). Give a .pptx or .potx saved by PowerPoint.") from exc
    for slide_id in list(deck.slides._sldIdLst):  # a template's example slides are not part of the pack
        deck.part.drop_rel(slide_id.rId)
        deck.slides._sldIdLst.remove(slide_id)
    return deck


def _widescreen(deck: Presentation) -> Presentation:
    """python-pptx's blank deck is 4:3; stretch its master and layouts to 16:9 so titles span the slide."""
    scale = WIDE[0] / deck.slide_width
    deck.slide_width, deck.slide_height = WIDE
    # Read every geometry first: a layout's placeholder inherits the master's, which must not be stretched twice.
    shapes = [p for master in deck.slide_masters for p in [*master.placeholders, *(p for layout in master.slide_layouts for p in layout.placeholders)]]
    geometry = [(shape, shape.left, shape.width) for shape in shapes if shape.left is not None and shape.width is not None]
    for shape, left, width in geometry:
        top, height = shape.top, shape.height
        shape.left, shape.top, shape.width, shape.height = Emu(int(left * scale)), top, Emu(int(width * scale)), height
    return deck


# Placeholders that every layout may carry and that hold no content of ours.
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def _layout(deck: Presentation, title_only: bool = True) -> SlideLayout:
    """The template's "title only" layout (a title and nothing else to fill), or its title-slide layout
    (a centred title), found by what the layouts hold: corporate templates name and order them freely."""
    layouts = list(deck.slide_layouts)

    def kinds(layout: SlideLayout) -> set[PP_PLACEHOLDER]:
        return {p.placeholder_format.type for p in layout.placeholders} - FURNITURE

    if title_only:
        wanted = [layout for layout in layouts if kinds(layout) == {PP_PLACEHOLDER.TITLE}]
    else:
        wanted = [layout for layout in layouts if PP_PLACEHOLDER.CENTER_TITLE in kinds(layout)]
    titled = [layout for kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE) for layout in layouts if kind in kinds(layout)]
    return (wanted or titled or layouts)[0]


def _slide(deck: Presentation, title: str) -> Slide:
    slide = deck.slides.add_slide(_layout(deck))
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
    return slide


def _area(deck: Presentation) -> tuple[Emu, Emu, Emu, Emu]:
    """Left, top, width and height of the content below the title."""
    return Emu(int(deck.slide_width * 0.04)), Emu(int(deck.slide_height * 0.2)), Emu(int(deck.slide_width * 0.92)), Emu(int(deck.slide_height * 0.74))


def _table(slide: Slide, deck: Presentation, grid: Grid) -> None:
    left, top, width, _ = _area(deck)
    size = Pt(12) if len(grid.rows) < 12 else Pt(10)
    shape = slide.shapes.add_table(len(grid.rows) + 1, len(grid.header), left, top, width, Emu(int(size * 2.2 * (len(grid.rows) + 1))))
    table = shape.table
    for column, share in enumerate(grid.widths):
        table.columns[column].width = Emu(int(width * share))
    for column, text in enumerate(grid.header):
        table.cell(0, column).text = text
    for row_number, row in enumerate(grid.rows, start=1):
        for column, text in enumerate(row):
            table.cell(row_number, column).text = text
    for row_number, row in enumerate(table.rows):
        emphasised = row_number > 0 and bool(grid.emphasis) and grid.emphasis[row_number - 1]
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size, paragraph.font.bold = size, emphasised or None
    if grid.notes:  # what the table's markers mean, and the day its data runs through
        below = Emu(top + int(size * 2.2 * (len(grid.rows) + 1)) + int(Pt(6)))
        frame = slide.shapes.add_textbox(left, below, width, Emu(int(Pt(12) * len(grid.notes)))).text_frame
        frame.word_wrap = True
        for number, note in enumerate(grid.notes):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text, paragraph.font.size = note, Pt(9)
    if grid.status_column is not None:
        for row_number, status in enumerate(grid.statuses, start=1):
            if status:
                cell = table.cell(row_number, grid.status_column)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(STATUS_COLOURS.get(status, "#9E9E9E"))
                cell.text_frame.paragraphs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _chart(slide: Slide, deck: Presentation, kind: XL_CHART_TYPE, data: CategoryChartData) -> object:
    chart = slide.shapes.add_chart(kind, *_area(deck), data).chart
    chart.has_legend = True
    chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    chart.font.size = Pt(12)
    return chart


def write_pptx(pack: Pack, template: bytes | None = None) -> bytes:
    deck = open_template(template)
    language, t = pack.language, pack.t

    title = deck.slides.add_slide(_layout(deck, title_only=False))
    if title.shapes.title is not None:
        title.shapes.title.text = pack.title
    if len(title.placeholders) > 1:
        title.placeholders[1].text = subtitle(pack)

    _table(_slide(deck, t("report.summary")), deck, summary_grid(pack))
    for department in pack.departments:
        _table(_slide(deck, department.label), deck, department_grid(pack, department))
    _table(_slide(deck, f"{t('report.kpis')} · {pack.period_label}"), deck, kpi_grid(pack))

    trend = pack.trend
    if not trend.empty:
        data = CategoryChartData(number_format="#,##0")
        data.categories = list(trend.index)
        for platform in trend.columns:
            data.add_series(platform_name(platform, language), [None if v != v else float(v) for v in trend[platform]])
        chart_slide = _slide(deck, t("report.trend_weeks"))
        chart = _chart(chart_slide, deck, XL_CHART_TYPE.LINE_MARKERS, data)
        for series, platform in zip(chart.series, trend.columns, strict=True):
            series.format.line.color.rgb = _rgb(PLATFORM_COLOURS.get(platform, "#1F5F8B"))
            series.format.line.width = Pt(2.5)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(PLATFORM_COLOURS.get(platform, "#1F5F8B"))
            series.smooth = False
        note = trend_events_note(pack)
        if note:  # the events of the period under the title, by week (a native chart has no bands)
            left, top, width, _ = _area(deck)
            box = chart_slide.shapes.add_textbox(left, Emu(int(top * 0.8)), width, Emu(int(top * 0.2))).text_frame
            box.text, box.paragraphs[0].font.size = note, Pt(12)

    if not pack.status_counts.empty:
        data = CategoryChartData(number_format="0")
        data.categories = list(pack.status_counts.index)
        for status in pack.status_counts.columns:
            data.add_series(t(f"status.{status}"), [int(v) for v in pack.status_counts[status]])
        chart = _chart(_slide(deck, t("report.status_chart")), deck, XL_CHART_TYPE.BAR_STACKED, data)
        chart.value_axis.major_unit = 1
        chart.plots[0].gap_width = 60
        for series, status in zip(chart.plots[0].series, pack.status_counts.columns, strict=True):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(STATUS_COLOURS[status])

    _table(_slide(deck, f"{t('report.top_posts')} · {pack.period_label}"), deck, top_posts_grid(pack))
    for plan_title, grid in plan_grids(pack):
        _table(_slide(deck, plan_title), deck, grid)

    review = _slide(deck, t("report.review"))
    frame = review.shapes.add_textbox(*_area(deck)).text_frame
    frame.word_wrap = True
    for heading, items in review_sections(pack):
        paragraph = frame.add_paragraph() if frame.text else frame.paragraphs[0]
        paragraph.text, paragraph.font.bold, paragraph.font.size = heading, True, Pt(16)
        for item in items or [t("report.none")]:
            line = frame.add_paragraph()
            line.text, line.level, line.font.size = f"• {item}", 1, Pt(13)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
