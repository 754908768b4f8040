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
from dataclasses import dataclass, replace

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.slide import Slide, SlideLayout
from pptx.text.text import _Paragraph
from pptx.util import Emu, Pt

from charts.theme import ACCENT, MUTED, PLATFORM_COLOURS, STATUS_COLOURS
from ingest.safety import ZIP_SIGNATURE, Container, sniff_container
from metrics import formatting
from metrics.catalog import CATALOG
from model.i18n import platform_name
from model.issues import UnsafeFileError
from reports.pack import (
    BULLET_PARTS,
    KEY_RESULTS_PER_SLIDE,
    DepartmentBlock,
    Grid,
    KeyResultLine,
    Pack,
    bullet_values,
    department_chunks,
    department_grid,
    department_notes,
    department_tiles,
    grid_notes,
    headline,
    kpi_definitions,
    kpi_grid,
    kpi_tiles,
    kr_name,
    posts_title_key,
    ranked_posts_grid,
    review_sections,
    short,
    summary_grid,
    title_lines,
)
from reports.plan_slides import plan_grids, trend_events, trend_events_note

WIDE = (Emu(12192000), Emu(6858000))  # 16:9


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#"))


@dataclass(frozen=True)
class Palette:
    """The deck's fonts and its colours that carry no status: the dashboard's, or a corporate template's theme.

    Status colours stay the dashboard's whatever the template: green must keep meaning on track.
    """

    accent: str = ACCENT  # target bars and sparklines
    series: tuple[str, ...] = ()  # the trend lines in platform order; empty: the dashboard's platform colours
    heading_font: str | None = None  # the theme's major (headings) latin font
    body_font: str | None = None  # the theme's minor (body) latin font

    def platform(self, platform: str, position: int) -> str:
        return self.series[position % len(self.series)] if self.series else PLATFORM_COLOURS.get(platform, ACCENT)


def template_palette(deck: Presentation) -> Palette:
    """The first master's theme: its major and minor latin fonts and its accent colours 1 to 6."""
    try:
        theme = parse_xml(deck.slide_masters[0].part.part_related_by(RT.THEME).blob)  # python-pptx's parser: no entities
    except (KeyError, ValueError, IndexError):
        return Palette()

    def font(kind: str) -> str | None:
        found = theme.xpath(f".//a:fontScheme/a:{kind}/a:latin/@typeface")
        return found[0] if found and found[0] and not found[0].startswith("+") else None

    accents = []
    for number in range(1, 7):
        colour = theme.xpath(f".//a:clrScheme/a:accent{number}/a:srgbClr/@val | .//a:clrScheme/a:accent{number}/a:sysClr/@lastClr")
        if colour and len(colour[0]) == 6:
            accents.append(f"#{colour[0].upper()}")
    return Palette(accents[0] if accents else ACCENT, tuple(accents), font("majorFont"), font("minorFont"))


def _apply_fonts(deck: Presentation, palette: Palette) -> None:
    """The template's heading font on every title, its body font on every other text, table and chart."""
    if not (palette.heading_font or palette.body_font):
        return
    for slide in deck.slides:
        for shape in slide.shapes:
            name = palette.heading_font if shape == slide.shapes.title else palette.body_font
            if shape.has_chart:
                shape.chart.font.name = palette.body_font
                continue
            frames = [shape.text_frame] if shape.has_text_frame else [c.text_frame for row in shape.table.rows for c in row.cells] if shape.has_table else []
            for paragraph in (p for frame in frames for p in frame.paragraphs):
                for font in [paragraph.font, *(run.font for run in paragraph.runs)]:
                    font.name = name


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


def _style(paragraph: _Paragraph, size: float, bold: bool | None = None) -> None:
    """Size (and weight) on the paragraph and on each run: PowerPoint reads the run's, other viewers the paragraph's."""
    for font in [paragraph.font, *(run.font for run in paragraph.runs)]:
        font.size, font.bold = Pt(size), bold


def _slide(deck: Presentation, title: str, notes: str = "") -> Slide:
    """A title-only slide; ``notes`` become its speaker notes (the numbers behind it and their definitions)."""
    slide = deck.slides.add_slide(_layout(deck))
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
        _style(slide.shapes.title.text_frame.paragraphs[0], 28)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    return slide


# The trend chart's inner plot area as fractions of its frame (x, y, width, height), fixed so that events can be drawn on
# its weeks: a native line chart has no bands. A line chart puts category i of n in the middle of slot i.
TREND_PLOT = (0.07, 0.04, 0.9, 0.7)


def _fix_plot_area(chart: object) -> None:
    """Give the chart's inner plot area the manual layout TREND_PLOT (PowerPoint otherwise lays it out itself)."""
    plot_area = chart._chartSpace.chart.plotArea  # type: ignore[attr-defined]
    for old in plot_area.findall(qn("c:layout")):
        plot_area.remove(old)
    x, y, w, h = TREND_PLOT
    layout = parse_xml(
        f'<c:layout {nsdecls("c")}><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>'
        f'<c:x val="{x}"/><c:y val="{y}"/><c:w val="{w}"/><c:h val="{h}"/></c:manualLayout></c:layout>'
    )
    plot_area.insert(0, layout)


def event_boxes(box: tuple[int, int, int, int], events: list[tuple[int, int, str, str]], weeks: int) -> list[tuple[str, int, int, int, int]]:
    """Where each event goes on the trend chart in ``box`` (left, top, width, height): (title, left, top, width, height).
    An event of one week is a thin line in the middle of its week; one over several weeks a band over their slots."""
    left, top, width, height = box
    x, y, w, h = TREND_PLOT
    plot_left, plot_top, plot_width, plot_height = left + width * x, top + height * y, width * w, height * h
    slot = plot_width / weeks
    out = []
    for first, last, title, _ in events:
        if first == last:
            line = max(int(slot * 0.04), Emu(Pt(2)))
            out.append((title, int(plot_left + slot * (first + 0.5) - line / 2), int(plot_top), line, int(plot_height)))
        else:
            out.append((title, int(plot_left + slot * first), int(plot_top), int(slot * (last - first + 1)), int(plot_height)))
    return out


def _draw_events(slide: Slide, chart: object, box: tuple[int, int, int, int], events: list[tuple[int, int, str, str]], weeks: int) -> None:
    _fix_plot_area(chart)
    colours = {title: colour for _, _, title, colour in events}
    for title, left, top, width, height in event_boxes(box, events, weeks):
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(height))
        shape.name = f"event: {title}"
        shape.line.fill.background()
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colours[title] if str(colours[title]).startswith("#") else MUTED)
        colour = shape.fill._xPr.find(qn("a:solidFill"))[0]  # 25 % opaque, so the lines stay visible through a band
        colour.append(parse_xml(f'<a:alpha {nsdecls("a")} val="25000"/>'))
        label = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(max(width, int(Pt(160)))), Emu(int(Pt(20)))).text_frame
        label.text, label.paragraphs[0].font.size = title, Pt(12)


def _area(deck: Presentation) -> tuple[Emu, Emu, Emu, Emu]:
    """Left, top, width and height of the content below the title."""
    return Emu(int(deck.slide_width * 0.04)), Emu(int(deck.slide_height * 0.2)), Emu(int(deck.slide_width * 0.92)), Emu(int(deck.slide_height * 0.74))


ROWS_PER_SLIDE = 11  # table rows at 12 pt that fit below the title with the notes under them


def _grid_pages(grid: Grid) -> list[Grid]:
    """A long table split into slide-sized pieces, each with the header (and the notes on the last)."""
    pages = []
    for start in range(0, max(len(grid.rows), 1), ROWS_PER_SLIDE):
        end = start + ROWS_PER_SLIDE
        last = end >= len(grid.rows)
        pages.append(
            replace(
                grid,
                rows=grid.rows[start:end],
                statuses=grid.statuses[start:end],
                emphasis=grid.emphasis[start:end],
                notes=grid.notes if last else [],
            )
        )
    return pages


def _tables(deck: Presentation, pack: Pack, title: str, grid: Grid, notes: str = "") -> list[Slide]:
    """``grid`` on as many slides as it needs, titled "Title (1/2)" when split; every slide with the notes."""
    pages = _grid_pages(grid)
    slides = []
    for number, page in enumerate(pages, start=1):
        heading = title if len(pages) == 1 else pack.t("report.continued", title=title, page=number, pages=len(pages))
        slide = _slide(deck, heading, notes or grid_notes(page))
        _table(slide, deck, page)
        slides.append(slide)
    return slides


def _text_box(slide: Slide, box: tuple[int, int, int, int], lines: list[str], size: float = 14, bold_first: bool = False) -> None:
    frame = slide.shapes.add_textbox(*(Emu(int(v)) for v in box)).text_frame
    frame.word_wrap = True
    for number, text in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.text = text
        _style(paragraph, size, (bold_first and number == 0) or None)


def _table(slide: Slide, deck: Presentation, grid: Grid) -> None:
    left, top, width, _ = _area(deck)
    size = Pt(12)  # never smaller: long tables are split over slides (_grid_pages)
    shape = slide.shapes.add_table(len(grid.rows) + 1, len(grid.header), left, top, width, Emu(int(size * 2.2 * (len(grid.rows) + 1))))
    table = shape.table
    for column, share in enumerate(grid.widths):
        table.columns[column].width = Emu(int(width * share))
    for column, text in enumerate(grid.header):
        table.cell(0, column).text = text
    for row_number, row in enumerate(grid.rows, start=1):
        for column, text in enumerate(row):
            table.cell(row_number, column).text = text
        link = grid.links[row_number - 1] if grid.link_column is not None and grid.links else ""
        if link and row[grid.link_column]:  # the shortened address opens the whole one, as in the PDF
            table.cell(row_number, grid.link_column).text_frame.paragraphs[0].runs[0].hyperlink.address = link
    for row_number, row in enumerate(table.rows):
        emphasised = row_number > 0 and bool(grid.emphasis) and grid.emphasis[row_number - 1]
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                _style(paragraph, size.pt, emphasised or None)
    if grid.notes:  # what the table's markers mean, and the day its data runs through
        below = Emu(top + int(size * 2.2 * (len(grid.rows) + 1)) + int(Pt(6)))
        frame = slide.shapes.add_textbox(left, below, width, Emu(int(Pt(15) * len(grid.notes)))).text_frame
        frame.word_wrap = True
        for number, note in enumerate(grid.notes):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text = note
            _style(paragraph, 12)
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


def _bullet(slide: Slide, box: tuple[int, int, int, int], pack: Pack, line: KeyResultLine, palette: Palette) -> None:
    """One key result as a native bullet chart: bars for actual (status colour), expected by now, forecast and target."""
    values = bullet_values(line)
    unit = CATALOG[line.report.key_result.kpi].unit.value
    data = CategoryChartData(number_format=NUMBER_FORMATS.get(unit, "#,##0"))
    data.categories = [short(kr_name(line), 38)]
    for part in reversed(BULLET_PARTS):  # a bar chart draws its first series at the bottom
        data.add_series(pack.t(f"report.bullet.{part}"), [values[part]])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *(Emu(int(v)) for v in box), data).chart
    chart.has_legend = False
    chart.font.size = Pt(12)
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 30, 0
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_series_name, labels.show_value, labels.font.size = True, True, Pt(12)
    labels.number_format, labels.number_format_is_linked = NUMBER_FORMATS.get(unit, "#,##0"), False
    colours = {"actual": STATUS_COLOURS.get(str(line.report.status), MUTED), "expected": MUTED, "forecast": FORECAST, "target": palette.accent}
    for series, part in zip(plot.series, reversed(BULLET_PARTS), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colours[part])
    axis = chart.value_axis
    axis.minimum_scale = 0  # a bar from zero: the length is the amount
    axis.has_major_gridlines, axis.visible = False, False
    chart.category_axis.tick_labels.font.size = Pt(12)


NUMBER_FORMATS = {"percent": "0.0%", "hours": "#,##0.00", "per_post": "#,##0.00"}
FORECAST = "#C9D3DD"  # the forecast bar: light, so the actual stands out


def _department_slides(deck: Presentation, pack: Pack, department: DepartmentBlock, palette: Palette) -> None:
    """Headline sentence, then per key result a bullet chart with the review's comment beside it."""
    left, top, width, height = _area(deck)
    chunks = department_chunks(department)
    message = headline(pack, department)
    for number, lines in enumerate(chunks, start=1):
        title = department.label if len(chunks) == 1 else pack.t("report.continued", title=department.label, page=number, pages=len(chunks))
        slide = _slide(deck, title, department_notes(pack, department, lines))
        _text_box(slide, (left, top - deck.slide_height * 0.05, width, deck.slide_height * 0.08), [short(message, 150)], size=16, bold_first=True)
        row_top = top + deck.slide_height * 0.05
        row_height = (height - deck.slide_height * 0.05) / KEY_RESULTS_PER_SLIDE
        for position, line in enumerate(lines):
            y = row_top + position * row_height
            _bullet(slide, (left, y, width * 0.62, row_height * 0.96), pack, line, palette)
            comment = line.comment or pack.t("report.no_comment")
            _text_box(slide, (left + width * 0.64, y, width * 0.36, row_height * 0.96), [short(comment, 160)], size=12)


def _summary_tiles(deck: Presentation, pack: Pack) -> Slide:
    """One tile per department: a bar in its status colour with name, status and score, then message and risks."""
    tiles = department_tiles(pack)
    notes = "\n\n".join("\n".join([f"{tile.label}: {pack.t(f'status.{tile.status}')}, {tile.score}", tile.message, *tile.risks]) for tile in tiles)
    slide = _slide(deck, pack.t("report.summary"), notes)
    left, top, width, height = _area(deck)
    columns = min(3, max(len(tiles), 1))
    rows = -(-len(tiles) // columns) or 1
    gap = deck.slide_width * 0.01
    tile_width, tile_height = (width - gap * (columns - 1)) / columns, (height - gap * (rows - 1)) / rows
    header = min(tile_height * 0.3, Pt(48))  # two lines at 14 pt
    for number, tile in enumerate(tiles):
        x = left + (number % columns) * (tile_width + gap)
        y = top + (number // columns) * (tile_height + gap)
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(int(x)), Emu(int(y)), Emu(int(tile_width)), Emu(int(header)))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(STATUS_COLOURS.get(tile.status, MUTED))
        bar.line.fill.background()
        bar.text_frame.word_wrap = True
        bar.text_frame.text = f"{short(tile.label, 34)}\n{pack.t(f'status.{tile.status}')} · {tile.score}"  # name, then status
        for paragraph in bar.text_frame.paragraphs:
            _style(paragraph, 14, True)
            paragraph.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        body = [short(tile.message, 90), *(f"• {short(risk, 70)}" for risk in tile.risks)]
        _text_box(slide, (x, y + header, tile_width, tile_height - header), body, size=12, bold_first=True)
    return slide


TILE_COLUMNS = 5
CHANGE_COLOURS = {True: STATUS_COLOURS["achieved"], False: STATUS_COLOURS["off_track"], None: "#5F6B7A"}  # good, bad, no direction


def _kpi_tiles(slide: Slide, deck: Presentation, pack: Pack, palette: Palette) -> None:
    """Per KPI a tile: its name, the value large, the change against the previous period (green or red as on the
    Cockpit), and a native line chart of the period without axes (a sparkline)."""
    left, top, width, height = _area(deck)
    tiles = kpi_tiles(pack)
    rows = -(-len(tiles) // TILE_COLUMNS) or 1
    gap = deck.slide_width * 0.01
    tile_width, tile_height = (width - gap * (TILE_COLUMNS - 1)) / TILE_COLUMNS, (height - gap * (rows - 1)) / rows
    for number, tile in enumerate(tiles):
        x = left + (number % TILE_COLUMNS) * (tile_width + gap)
        y = top + (number // TILE_COLUMNS) * (tile_height + gap)
        frame = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(int(x)), Emu(int(y)), Emu(int(tile_width)), Emu(int(tile_height)))
        frame.name = f"tile: {tile.kpi}"
        frame.fill.background()
        frame.line.color.rgb = _rgb("#D5DBE2")
        texts = slide.shapes.add_textbox(Emu(int(x)), Emu(int(y)), Emu(int(tile_width)), Emu(int(Pt(86)))).text_frame
        texts.word_wrap = True
        for position, (text, size, bold) in enumerate([(short(tile.label, 24), 12, True), (tile.value, 24, True), (tile.change, 12, None)]):
            paragraph = texts.paragraphs[0] if position == 0 else texts.add_paragraph()
            paragraph.text = text
            _style(paragraph, size, bold)
        texts.paragraphs[2].runs[0].font.color.rgb = _rgb(CHANGE_COLOURS[tile.good])
        if len(tile.line) > 1:
            chart_top = y + Pt(90)
            _sparkline(slide, (x + gap / 2, chart_top, tile_width - gap, y + tile_height - chart_top - gap / 2), tile, palette.accent)


def _sparkline(slide: Slide, box: tuple[float, float, float, float], tile: object, colour: str) -> None:
    """A native line chart with nothing but its line: no axes, gridlines, legend or markers."""
    data = CategoryChartData(number_format="General")
    data.categories = [str(n) for n in range(len(tile.line))]  # type: ignore[attr-defined]
    data.add_series(tile.label, list(tile.line))  # type: ignore[attr-defined]
    shape = slide.shapes.add_chart(XL_CHART_TYPE.LINE, *(Emu(int(v)) for v in box), data)
    shape.name = f"sparkline: {tile.kpi}"  # type: ignore[attr-defined]
    chart = shape.chart
    chart.has_legend, chart.has_title = False, False
    chart.font.size = Pt(12)
    for axis in (chart.value_axis, chart.category_axis):
        axis.visible, axis.has_major_gridlines, axis.has_minor_gridlines = False, False, False
    series = chart.plots[0].series[0]
    series.smooth = False
    series.format.line.color.rgb = _rgb(colour)
    series.format.line.width = Pt(2)
    series.marker.style = XL_MARKER_STYLE.NONE


def write_pptx(pack: Pack, template: bytes | None = None) -> bytes:
    deck = open_template(template)
    palette = template_palette(deck) if template is not None else Palette()
    language, t = pack.language, pack.t

    title = deck.slides.add_slide(_layout(deck, title_only=False))
    if title.shapes.title is not None:
        title.shapes.title.text = pack.title
    lines = title_lines(pack)
    if len(title.placeholders) > 1:
        frame = title.placeholders[1].text_frame
        frame.word_wrap = True
        for number, text in enumerate(lines):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text = short(text, 120)
            _style(paragraph, 18 if number < 2 else 12)
    title.notes_slide.notes_text_frame.text = "\n".join(lines)

    _summary_tiles(deck, pack)
    for department in pack.departments:
        _department_slides(deck, pack, department, palette)
    kpis = kpi_grid(pack)
    kpi_notes = "\n\n".join([grid_notes(kpis), "\n".join(kpis.notes), *kpi_definitions(pack)])
    _kpi_tiles(_slide(deck, f"{t('report.kpis')} · {pack.period_label}", kpi_notes), deck, pack, palette)

    trend = pack.trend
    if not trend.empty:
        data = CategoryChartData(number_format="#,##0")
        data.categories = list(trend.index)
        for platform in trend.columns:
            data.add_series(platform_name(platform, language), [None if v != v else float(v) for v in trend[platform]])
        numbers = "\n".join(
            f"{platform_name(p, language)}: " + ", ".join(f"{week} {formatting.number(v, language)}" for week, v in trend[p].items()) for p in trend.columns
        )
        chart_slide = _slide(deck, t("report.trend_weeks"), t("report.note.trend") + "\n" + numbers)
        chart = _chart(chart_slide, deck, XL_CHART_TYPE.LINE_MARKERS, data)
        for position, (series, platform) in enumerate(zip(chart.series, trend.columns, strict=True)):
            series.format.line.color.rgb = _rgb(palette.platform(platform, position))
            series.format.line.width = Pt(2.5)
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(palette.platform(platform, position))
            series.smooth = False
        note = trend_events_note(pack)
        if note:  # the events of the period under the title, by week, and drawn on the chart's weeks
            left, top, width, _ = _area(deck)
            box = chart_slide.shapes.add_textbox(left, Emu(int(top * 0.8)), width, Emu(int(top * 0.2))).text_frame
            box.text, box.paragraphs[0].font.size = note, Pt(12)
            _draw_events(chart_slide, chart, _area(deck), trend_events(pack), len(trend.index))

    if not pack.status_counts.empty:
        data = CategoryChartData(number_format="0")
        data.categories = list(pack.status_counts.index)
        for status in pack.status_counts.columns:
            data.add_series(t(f"status.{status}"), [int(v) for v in pack.status_counts[status]])
        counts = "\n".join(
            f"{department}: " + ", ".join(f"{t(f'status.{s}')} {int(n)}" for s, n in row.items() if n) for department, row in pack.status_counts.iterrows()
        )
        notes = t("report.note.status_chart", date=formatting.date(pack.as_of, language)) + "\n" + counts
        chart = _chart(_slide(deck, t("report.status_chart"), notes), deck, XL_CHART_TYPE.BAR_STACKED, data)
        chart.value_axis.major_unit = 1
        chart.plots[0].gap_width = 60
        for series, status in zip(chart.plots[0].series, pack.status_counts.columns, strict=True):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(STATUS_COLOURS[status])

    _tables(deck, pack, f"{t(posts_title_key(pack))} · {pack.period_label}", ranked_posts_grid(pack))
    for plan_title, grid in plan_grids(pack):
        _table(_slide(deck, plan_title), deck, grid)

    sections = review_sections(pack)
    review = _slide(deck, t("report.review"), "\n\n".join("\n".join([heading, *items]) for heading, items in sections))
    frame = review.shapes.add_textbox(*_area(deck)).text_frame
    frame.word_wrap = True
    for heading, items in sections:
        paragraph = frame.add_paragraph() if frame.text else frame.paragraphs[0]
        paragraph.text = heading
        _style(paragraph, 16, True)
        for item in items or [t("report.none")]:
            line = frame.add_paragraph()
            line.text, line.level = f"• {item}", 1
            _style(line, 13)

    _tables(deck, pack, t("report.appendix", title=t("report.summary")), summary_grid(pack))
    _tables(deck, pack, t("report.appendix", title=f"{t('report.kpis')} · {pack.period_label}"), kpis, kpi_notes)
    for department in pack.departments:  # the full tables, for questions after the pictures
        _tables(deck, pack, t("report.appendix", title=department.label), department_grid(pack, department))
    _apply_fonts(deck, palette)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
