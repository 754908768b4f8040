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

from charts.theme import PLATFORM_COLOURS, STATUS_COLOURS
from metrics import formatting
from model.i18n import platform_name
from reports.pack import Grid, Pack, department_grid, kpi_grid, review_sections, subtitle, summary_grid, top_posts_grid
from reports.plan_slides import plan_grids, trend_events

CONTENT_WIDTH = 267.0  # A4 landscape less 15 mm margins
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
        self.set_auto_page_break(auto=True, margin=14)
        self.set_title(pack.title)

    def text_of(self, text: str) -> str:
        if self.unicode:
            return "".join(c if ord(c) < 0x10000 else "?" for c in text)  # no emoji in DejaVu Sans
        return text.replace("–", "-").replace("−", "-").encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(self.family, "", 8)
        self.set_text_color(120, 120, 120)
        self.cell(0, 5, self.text_of(f"{self.pack.title} · {self.pack.period_label} · {self.page_no()}"), align="R")

    def heading(self, text: str) -> None:
        self.add_page()
        self.set_font(self.family, "B", 18)
        self.set_text_color(31, 95, 139)
        self.cell(0, 12, self.text_of(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(self.family, "", 9)

    def grid(self, grid: Grid) -> None:
        head = FontFace(emphasis="BOLD", fill_color=(232, 238, 244))
        widths = tuple(CONTENT_WIDTH * share for share in grid.widths) or None
        self.set_font(self.family, "", 9)
        with self.table(col_widths=widths, headings_style=head, line_height=5.5, text_align="LEFT") as table:
            row = table.row()
            for name in grid.header:
                row.cell(self.text_of(name))
            for number, values in enumerate(grid.rows):
                row = table.row()
                emphasised = bool(grid.emphasis) and grid.emphasis[number]
                for column, text in enumerate(values):
                    status = grid.statuses[number] if column == grid.status_column else None
                    if status:
                        style = FontFace(color=(255, 255, 255), fill_color=_rgb(STATUS_COLOURS.get(status, "#9E9E9E")), emphasis="BOLD" if emphasised else None)
                    else:
                        style = FontFace(emphasis="BOLD") if emphasised else None
                    row.cell(self.text_of(text), style=style)
        if grid.notes:  # what the table's markers mean, and the day its data runs through
            self.set_font(self.family, "", 8)
            for note in grid.notes:
                self.multi_cell(0, 4.5, self.text_of(note), new_x="LMARGIN", new_y="NEXT")


def write_pdf(pack: Pack) -> bytes:
    document = _Document(pack)
    t = pack.t
    document.add_page()
    document.set_font(document.family, "B", 26)
    document.ln(50)
    document.cell(0, 14, document.text_of(pack.title), new_x="LMARGIN", new_y="NEXT", align="C")
    document.set_font(document.family, "", 14)
    document.cell(0, 10, document.text_of(subtitle(pack)), align="C")

    document.heading(t("report.summary"))
    document.grid(summary_grid(pack))
    for department in pack.departments:
        document.heading(department.label)
        document.grid(department_grid(pack, department))
    document.heading(f"{t('report.kpis')} · {pack.period_label}")
    document.grid(kpi_grid(pack))
    if not pack.trend.empty:
        document.heading(t("report.trend_weeks"))
        _line_chart(document, pack)
    document.heading(f"{t('report.top_posts')} · {pack.period_label}")
    document.grid(top_posts_grid(pack))
    for plan_title, grid in plan_grids(pack):
        document.heading(plan_title)
        document.grid(grid)

    document.heading(t("report.review"))
    for heading, items in review_sections(pack):
        document.set_font(document.family, "B", 12)
        document.cell(0, 8, document.text_of(heading), new_x="LMARGIN", new_y="NEXT")
        document.set_font(document.family, "", 10)
        for item in items or [t("report.none")]:
            document.multi_cell(0, 6, document.text_of(f"• {item}"), new_x="LMARGIN", new_y="NEXT")
        document.ln(2)
    return bytes(document.output())


def _line_chart(document: _Document, pack: Pack) -> None:
    """Weekly impressions per platform as lines, drawn with PDF vector strokes (the same weeks as the deck)."""
    left, top, width, height = 30.0, 35.0, 235.0, 120.0
    trend = pack.trend
    peak = _nice_ceiling(float(trend.max().max())) if trend.notna().any().any() else 1.0
    document.set_draw_color(200, 200, 200)
    document.set_line_width(0.2)
    document.set_font(document.family, "", 8)
    for step in range(5):
        y = top + height - height * step / 4
        document.line(left, y, left + width, y)
        document.set_xy(2, y - 2)
        document.cell(25, 4, document.text_of(formatting.number(peak * step / 4, pack.language)), align="R")
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
        document.set_xy(left + number * 40, top + height + 10)
        document.set_text_color(*colour)
        document.cell(38, 5, document.text_of(f"— {platform_name(platform, pack.language)}"))
    document.set_text_color(0, 0, 0)
    document.set_fill_color(255, 255, 255)  # fpdf2 keeps the fill colour; the next table must not inherit it


def _nice_ceiling(value: float) -> float:
    """The next round step times a power of ten, so the axis reads 0, 7.500, 15.000, ... not 26.782."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)
