"""The review pack as a PDF (fpdf2, no office suite): the same sections and numbers as the deck.

Text uses DejaVu Sans (Debian's fonts-dejavu-core) for umlauts, dashes and subscripts; without it
the PDF falls back to Helvetica and replaces what Latin-1 cannot show.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from charts.theme import ACCENT, MUTED, PLATFORM_COLOURS, STATUS_COLOURS
from metrics import formatting
from metrics.catalog import CATALOG
from model.i18n import platform_name
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
    department_tiles,
    headline,
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
from reports.plan_slides import plan_grids, trend_events

CONTENT_WIDTH = 267.0  # A4 landscape less 15 mm margins
CELL_PADDING = 2.6  # mm a table cell's text keeps from its borders: fpdf2's 1 mm each side and the border line, rounded up
MAX_WORD_SHARE = 0.3  # no column grows beyond 30 % of the width to hold one word ("Unternehmenskommunikation" fits)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    code = hex_colour.lstrip("#")
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


class _Document(FPDF):
    def __init__(self, pack: Pack) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.pack = pack
        self.unicode = (FONT_DIR / "DejaVuSans.ttf").exists()
        if self.unicode:
            self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.family = "DejaVu" if self.unicode else "Helvetica"
        self.set_margins(15, 12, 15)  # CONTENT_WIDTH is the page less these margins
        self.set_auto_page_break(auto=True, margin=14)
        self.set_title(pack.title)

    def text_of(self, text: str) -> str:
        if self.unicode:
            return "".join(c if ord(c) < 0x10000 else "?" for c in text)  # no emoji in DejaVu Sans
        return text.replace("–", "-").replace("−", "-").encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(self.family, "", 12)
        self.set_text_color(120, 120, 120)
        self.cell(0, 5, self.text_of(f"{self.pack.title} · {self.pack.period_label} · {self.page_no()}"), align="R")

    def heading(self, text: str) -> None:
        self.add_page()
        self.set_font(self.family, "B", 18)
        self.set_text_color(31, 95, 139)
        self.cell(0, 12, self.text_of(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)  # fpdf2 keeps colours across pages: a chart's last line colour must not frame the next table
        self.set_line_width(0.2)
        self.set_font(self.family, "", 12)

    def word_width(self, word: str, bold: bool = True) -> float:
        """Width in mm of ``word`` in the table's 12 pt, bold (headers, objective rows) or regular."""
        self.set_font(self.family, "B" if bold else "", 12)
        width = self.get_string_width(self.text_of(word))
        self.set_font(self.family, "", 12)
        return width

    def fit_words(self, text: str, width: float, bold: bool = True) -> str:
        """``text`` with every word wider than ``width`` mm shortened with "…": a cell then wraps only at spaces,
        never inside a word (the full text is on the deck's slides and in the notes)."""
        words = text.split(" ")
        for number, word in enumerate(words):
            cut = len(word)
            while cut > 1 and self.word_width(word[:cut] + ("…" if cut < len(word) else ""), bold) > width:
                cut -= 1
            words[number] = word if cut == len(word) else word[:cut] + "…"
        return " ".join(words)

    def column_widths(self, grid: Grid) -> list[float]:
        """The grid's shares of the width, widened where a column's longest word would not fit (a header such as
        "Fortschritt" in 12 pt bold) at the cost of the columns with room to spare; what still does not fit is shortened."""
        shares = grid.widths or tuple(1 / len(grid.header) for _ in grid.header)
        widths = [CONTENT_WIDTH * share for share in shares]
        bold = [True, *(bool(grid.emphasis) and grid.emphasis[number] for number in range(len(grid.rows)))]  # the header, then each row
        columns = list(zip(grid.header, *grid.rows, strict=True)) if grid.rows else [(name,) for name in grid.header]
        needed = [
            max((self.word_width(word, heavy) for text, heavy in zip(texts, bold, strict=True) for word in text.split()), default=0.0) + CELL_PADDING
            for texts in columns
        ]
        needed = [min(need, CONTENT_WIDTH * MAX_WORD_SHARE) for need in needed]  # a URL-long word is shortened, not given the page
        if grid.link_column is not None:  # an address is shortened anyway (it still opens the post): it takes no room from the others
            needed[grid.link_column] = min(needed[grid.link_column], widths[grid.link_column])
        deficit = sum(max(need - width, 0.0) for need, width in zip(needed, widths, strict=True))
        slack = [max(width - need, 0.0) for need, width in zip(needed, widths, strict=True)]
        if not deficit or not sum(slack):
            return widths
        taken = min(deficit / sum(slack), 1.0)  # each column gives the same share of its room to spare
        grown = min(sum(slack) / deficit, 1.0)  # the columns short of room grow by what the others give
        return [width + (need - width) * grown if need > width else width - room * taken for width, need, room in zip(widths, needed, slack, strict=True)]

    def grid(self, grid: Grid) -> None:
        head = FontFace(emphasis="BOLD", fill_color=(232, 238, 244))
        widths = self.column_widths(grid)
        room = [width - CELL_PADDING for width in widths]
        self.set_font(self.family, "", 12)
        with self.table(col_widths=widths, headings_style=head, line_height=6.5, text_align="LEFT") as table:
            row = table.row()
            for column, name in enumerate(grid.header):
                row.cell(self.text_of(self.fit_words(name, room[column], bold=True)))
            for number, values in enumerate(grid.rows):
                row = table.row()
                emphasised = bool(grid.emphasis) and grid.emphasis[number]
                for column, text in enumerate(values):
                    status = grid.statuses[number] if column == grid.status_column else None
                    if status:
                        style = FontFace(color=(255, 255, 255), fill_color=_rgb(STATUS_COLOURS.get(status, "#9E9E9E")), emphasis="BOLD" if emphasised else None)
                    else:
                        style = FontFace(emphasis="BOLD") if emphasised else None
                    link = grid.links[number] if column == grid.link_column and grid.links and grid.links[number] else None
                    row.cell(self.text_of(self.fit_words(text, room[column], emphasised)), style=style, link=link)  # the shortened address still opens the post
        if grid.notes:  # what the table's markers mean, and the day its data runs through
            self.set_font(self.family, "", 12)
            for note in grid.notes:
                self.multi_cell(0, 6, self.text_of(note), new_x="LMARGIN", new_y="NEXT", align="L")


def write_pdf(pack: Pack) -> bytes:
    """The deck's slides as pages: the same order, sentences and pictures (vector), tables at 12 pt."""
    document = _Document(pack)
    t = pack.t
    document.add_page()
    document.set_font(document.family, "B", 26)
    document.ln(40)
    document.cell(0, 14, document.text_of(pack.title), new_x="LMARGIN", new_y="NEXT", align="C")
    for number, line in enumerate(title_lines(pack)):
        document.set_font(document.family, "", 16 if number < 2 else 12)
        document.multi_cell(0, 8 if number < 2 else 6, document.text_of(line), new_x="LMARGIN", new_y="NEXT", align="C")

    document.heading(t("report.summary"))
    _summary_tiles(document, pack)
    for department in pack.departments:
        chunks = department_chunks(department)
        for number, lines in enumerate(chunks, start=1):
            title = department.label if len(chunks) == 1 else t("report.continued", title=department.label, page=number, pages=len(chunks))
            document.heading(title)
            _department_page(document, pack, department, lines)
    document.heading(f"{t('report.kpis')} · {pack.period_label}")
    _kpi_tiles(document, pack)
    if not pack.trend.empty:
        document.heading(t("report.trend_weeks"))
        _line_chart(document, pack)
    if not pack.status_counts.empty:
        document.heading(t("report.status_chart"))
        _status_chart(document, pack)
    document.heading(f"{t(posts_title_key(pack))} · {pack.period_label}")
    document.grid(ranked_posts_grid(pack))
    for plan_title, grid in plan_grids(pack):
        document.heading(plan_title)
        document.grid(grid)

    document.heading(t("report.review"))
    for heading, items in review_sections(pack):
        document.set_font(document.family, "B", 14)
        document.cell(0, 8, document.text_of(heading), new_x="LMARGIN", new_y="NEXT", align="L")
        document.set_font(document.family, "", 12)
        for item in items or [t("report.none")]:
            document.multi_cell(0, 6, document.text_of(f"• {item}"), new_x="LMARGIN", new_y="NEXT", align="L")
        document.ln(2)
    document.heading(t("report.appendix", title=t("report.summary")))
    document.grid(summary_grid(pack))
    document.heading(t("report.appendix", title=f"{t('report.kpis')} · {pack.period_label}"))
    document.grid(kpi_grid(pack))
    for department in pack.departments:
        document.heading(t("report.appendix", title=department.label))
        document.grid(department_grid(pack, department))
    return bytes(document.output())


BAR_X, COMMENT_X = 78.0, 200.0  # mm from the left: where the bullet bars start and the comment column begins
BULLET_COLOURS = {"expected": MUTED, "forecast": "#C9D3DD", "target": ACCENT}  # the deck's; actual takes its status colour


def _department_page(document: _Document, pack: Pack, department: DepartmentBlock, lines: list[KeyResultLine]) -> None:
    """The headline, then per key result its name, four bars (actual, expected, forecast, target) and the comment."""
    document.set_font(document.family, "B", 14)
    document.multi_cell(0, 7, document.text_of(short(headline(pack, department), 150)), new_x="LMARGIN", new_y="NEXT", align="L")
    top = document.get_y() + 2
    row_height = (200 - top) / KEY_RESULTS_PER_SLIDE
    for position, line in enumerate(lines):
        y = top + position * row_height
        values = bullet_values(line)
        unit = CATALOG[line.report.key_result.kpi].unit.value
        document.set_xy(15, y)
        document.set_font(document.family, "B", 12)
        document.multi_cell(60, 5.5, document.text_of(short(kr_name(line), 60)), new_x="LMARGIN", new_y="NEXT", align="L")
        peak = max((v for v in values.values() if v is not None), default=0.0) or 1.0
        colours = {**BULLET_COLOURS, "actual": STATUS_COLOURS.get(str(line.report.status), MUTED)}
        bar = (row_height - 4) / len(BULLET_PARTS)
        document.set_font(document.family, "", 12)
        labels = {part: f"{pack.t(f'report.bullet.{part}')} {formatting.kpi_value(values[part], unit, pack.language)}" for part in BULLET_PARTS}
        widest = max(document.get_string_width(document.text_of(label)) for label in labels.values())
        scale = COMMENT_X - 3 - BAR_X - widest  # the longest bar and its label end before the comment
        for number, part in enumerate(BULLET_PARTS):
            top_of_bar = y + number * bar
            value = values[part]
            length = 0.0 if value is None else scale * max(value, 0.0) / peak
            document.set_fill_color(*_rgb(colours[part]))
            if length:
                document.rect(BAR_X, top_of_bar + 0.4, length, bar - 0.8, style="F")
            document.set_xy(BAR_X + length + 1, top_of_bar)
            document.cell(widest + 1, bar, document.text_of(labels[part]))
        document.set_fill_color(255, 255, 255)
        document.set_xy(COMMENT_X, y)
        comment = line.comment or pack.t("report.no_comment")
        document.multi_cell(CONTENT_WIDTH + 15 - COMMENT_X, 5.5, document.text_of(short(comment, 160)), new_x="LMARGIN", new_y="NEXT", align="L")
    document.set_y(top + len(lines) * row_height)


def _summary_tiles(document: _Document, pack: Pack) -> None:
    """The deck's tiles: per department a bar in its status colour (name, status, score), its message and risks."""
    tiles = department_tiles(pack)
    columns = min(3, max(len(tiles), 1))
    rows = -(-len(tiles) // columns) or 1
    gap, top = 3.0, document.get_y() + 2
    width, height = (CONTENT_WIDTH - gap * (columns - 1)) / columns, (196 - top - gap * (rows - 1)) / rows
    for number, tile in enumerate(tiles):
        x, y = 15 + (number % columns) * (width + gap), top + (number // columns) * (height + gap)
        document.set_fill_color(*_rgb(STATUS_COLOURS.get(tile.status, MUTED)))
        document.rect(x, y, width, 13, style="F")
        document.set_text_color(255, 255, 255)
        document.set_font(document.family, "B", 12)
        for line, text in enumerate([tile.label, f"{pack.t(f'status.{tile.status}')} · {tile.score}"]):
            document.set_xy(x + 1, y + line * 6)
            document.cell(width - 2, 6.5, document.text_of(_fit(document, text, width - 3)))
        document.set_text_color(0, 0, 0)
        document.set_draw_color(200, 200, 200)
        document.rect(x, y, width, height)
        document.set_xy(x + 1, y + 14)
        document.multi_cell(width - 2, 5.5, document.text_of(short(tile.message, 90)), align="L")
        document.set_font(document.family, "", 12)
        for risk in tile.risks:
            document.set_x(x + 1)
            document.multi_cell(width - 2, 5.5, document.text_of(f"• {short(risk, 70)}"), align="L")
    document.set_fill_color(255, 255, 255)


TILE_COLUMNS = 5
CHANGE_COLOURS = {True: STATUS_COLOURS["achieved"], False: STATUS_COLOURS["off_track"], None: "#5F6B7A"}  # the deck's


def _kpi_tiles(document: _Document, pack: Pack) -> None:
    """The deck's KPI tiles: name, value, change against the previous period, and the period's line as vector strokes."""
    tiles = kpi_tiles(pack)
    rows = -(-len(tiles) // TILE_COLUMNS) or 1
    gap, top = 3.0, document.get_y() + 2
    width, height = (CONTENT_WIDTH - gap * (TILE_COLUMNS - 1)) / TILE_COLUMNS, (192 - top - gap * (rows - 1)) / rows
    for number, tile in enumerate(tiles):
        x, y = 15 + (number % TILE_COLUMNS) * (width + gap), top + (number // TILE_COLUMNS) * (height + gap)
        document.set_draw_color(213, 219, 226)
        document.set_line_width(0.3)
        document.rect(x, y, width, height)
        document.set_text_color(0, 0, 0)
        for offset, (text, size, style) in enumerate([(tile.label, 12, "B"), (tile.value, 22, "B"), (tile.change, 12, "")]):
            document.set_font(document.family, style, size)
            if offset == 2:
                document.set_text_color(*_rgb(CHANGE_COLOURS[tile.good]))
            document.set_xy(x + 1.5, y + (2, 9, 19)[offset])
            document.cell(width - 3, (6, 9, 6)[offset], document.text_of(_fit(document, text, width - 3)))
        document.set_text_color(0, 0, 0)
        _sparkline(document, (x + 3, y + 28, width - 6, height - 32), tile.line)
    document.set_draw_color(0, 0, 0)
    document.set_line_width(0.2)


def _sparkline(document: _Document, box: tuple[float, float, float, float], values: tuple[float, ...]) -> None:
    """``values`` as one line in ``box`` (left, top, width, height), lowest value at the bottom; no axes."""
    if len(values) < 2:
        return
    left, top, width, height = box
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    points = [(left + width * n / (len(values) - 1), top + height - height * (v - low) / span) for n, v in enumerate(values)]
    document.set_draw_color(*_rgb(ACCENT))
    document.set_line_width(0.6)
    document.polyline(points)


def _fit(document: _Document, text: str, width: float) -> str:
    """``text`` shortened at a word until it fits ``width`` mm in the current font (the full text is in the appendix)."""
    limit = len(text)
    while limit > 8 and document.get_string_width(document.text_of(short(text, limit))) > width:
        limit -= 2
    return short(text, limit)


def _status_chart(document: _Document, pack: Pack) -> None:
    """Key results per status and department as stacked horizontal bars, the deck's second chart."""
    counts = pack.status_counts
    left, top, width = 100.0, 35.0, 165.0
    peak = max(int(counts.sum(axis=1).max()), 1)
    row = min(22.0, 130.0 / max(len(counts), 1))
    document.set_font(document.family, "", 12)
    for number, (department, values) in enumerate(counts.iterrows()):
        y = top + number * row
        document.set_xy(15, y)
        document.cell(left - 17, row - 4, document.text_of(short(str(department), 30)), align="R")
        x = left
        for status, count in values.items():
            if not count:
                continue
            length = width * int(count) / peak
            document.set_fill_color(*_rgb(STATUS_COLOURS[str(status)]))
            document.rect(x, y, length, row - 4, style="F")
            document.set_xy(x, y)
            document.set_text_color(255, 255, 255)
            document.cell(length, row - 4, str(int(count)), align="C")
            document.set_text_color(0, 0, 0)
            x += length
    legend_y = top + len(counts) * row + 4
    for number, status in enumerate(counts.columns):
        document.set_fill_color(*_rgb(STATUS_COLOURS[str(status)]))
        x = 15 + number * CONTENT_WIDTH / len(counts.columns)  # the legend spans the page's width
        document.rect(x, legend_y + 1, 4, 4, style="F")
        document.set_xy(x + 5, legend_y)
        document.cell(CONTENT_WIDTH / len(counts.columns) - 6, 6, document.text_of(pack.t(f"status.{status}")))
    document.set_fill_color(255, 255, 255)


def _line_chart(document: _Document, pack: Pack) -> None:
    """Weekly impressions per platform as lines, drawn with PDF vector strokes (the same weeks as the deck)."""
    left, top, width, height = 45.0, 35.0, 220.0, 120.0  # axis labels in the 30 mm left of the plot, inside the margin
    trend = pack.trend
    peak = _nice_ceiling(float(trend.max().max())) if trend.notna().any().any() else 1.0
    document.set_draw_color(200, 200, 200)
    document.set_line_width(0.2)
    document.set_font(document.family, "", 12)
    for step in range(5):
        y = top + height - height * step / 4
        document.line(left, y, left + width, y)
        document.set_xy(15, y - 2)
        document.cell(28, 4, document.text_of(formatting.number(peak * step / 4, pack.language)), align="R")
    count = len(trend.index)
    x_of = [left + width * i / max(count - 1, 1) for i in range(count)]
    for x, label in zip(x_of, trend.index, strict=True):
        document.set_xy(x - 8, top + height + 2)
        document.cell(16, 4, document.text_of(str(label)), align="C")
    for first, last, title, colour in trend_events(pack):  # events: a line for a week, a band for several
        document.set_draw_color(*_rgb(colour))
        document.set_line_width(0.4)
        document.set_dash_pattern(dash=1, gap=1)
        for x in {x_of[first], x_of[last]}:
            document.line(x, top, x, top + height)
        document.set_dash_pattern()
        document.set_xy(x_of[first] + 1, top + 1)
        document.set_text_color(*_rgb(colour))
        document.cell(40, 4, document.text_of(title))
        document.set_text_color(0, 0, 0)
    for number, platform in enumerate(trend.columns):
        colour = _rgb(PLATFORM_COLOURS.get(platform, "#1F5F8B"))
        document.set_draw_color(*colour)
        document.set_fill_color(*colour)
        document.set_line_width(0.7)
        points = [(x, top + height - height * float(v) / peak) for x, v in zip(x_of, trend[platform], strict=True) if not math.isnan(v)]
        for start, end in itertools.pairwise(points):
            document.line(*start, *end)
        for x, y in points:
            document.circle(x, y, 0.8, style="F")
        step = width / max(len(trend.columns), 1)
        document.set_xy(left + number * step, top + height + 10)
        document.set_text_color(*colour)
        document.cell(step - 2, 5, document.text_of(f"— {platform_name(platform, pack.language)}"))
    document.set_text_color(0, 0, 0)
    document.set_fill_color(255, 255, 255)  # fpdf2 keeps the fill colour; the next table must not inherit it


def _nice_ceiling(value: float) -> float:
    """The next round step times a power of ten, so the axis reads 0, 7.500, 15.000, ... not 26.782."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)
